"""Draft templates: the wording of each follow-up kind, in English, German, French and Spanish, with
placeholders the user can move around, and the rendering of a draft from one (pure functions).

A template is plain text with placeholders in braces: {first_name}, {my_name}, {event}, {met_where}
("at Web Summit" / "the other day", in the template's language), {detail}, {idea}, {other_name},
{offers}, {needs}. The user's own templates (per kind, optionally per goal) override the shipped ones;
a placeholder with no value renders empty, and a lone brace is kept as written.

The 24-hour template takes the detail as the user would say it in the mail ("your plan to open a
lab in Lyon"), so that "I keep thinking about {detail}." reads as one natural sentence.
"""
from __future__ import annotations

import re
from collections.abc import Mapping

LANGUAGES = ("en", "de", "fr", "es")
DEFAULT_LANGUAGE = "en"
LANGUAGE_NAMES = {"en": "English", "de": "Deutsch", "fr": "Français", "es": "Español"}  # as their speakers say
KINDS = ("post_event", "keep_in_touch", "reintroduce", "introduction", "introduction_mail")
PLACEHOLDERS = ("first_name", "my_name", "event", "met_where", "detail", "idea", "other_name", "offers", "needs")
PLACEHOLDER_HELP = {  # what each placeholder is filled with, for the template editor and `drafts --help`
    "first_name": "the contact's first name", "my_name": "your name, as set in the settings",
    "event": "the event you met at", "met_where": "'at Web Summit', or 'the other day' without an event",
    "detail": "what you talked about, as you would write it in the mail",
    "idea": "a light-touch reason to write, from what you know of the contact",
    "other_name": "the other side of an introduction", "offers": "what the offering side offers",
    "needs": "what the other side is looking for",
}
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")

SHIPPED: dict[str, dict[str, str]] = {
    "post_event": {
        "en": "Hi {first_name},\n\nGreat to meet you {met_where}. I keep thinking about {detail}.\n\n"
              "Would you have 20 minutes in the next couple of weeks to continue the conversation?\n\n"
              "Best regards,\n{my_name}",
        "de": "Hallo {first_name},\n\nschön, dass wir uns {met_where} kennengelernt haben. Ich denke oft an "
              "{detail}.\n\nHätten Sie in den nächsten Wochen 20 Minuten, um das Gespräch "
              "fortzusetzen?\n\nViele Grüße\n{my_name}",
        "fr": "Bonjour {first_name},\n\nRavi(e) de vous avoir rencontré(e) {met_where}. Je repense souvent à "
              "{detail}.\n\nAuriez-vous 20 minutes dans les prochaines semaines pour poursuivre la "
              "conversation ?\n\nBien cordialement,\n{my_name}",
        "es": "Hola {first_name}:\n\nFue un placer conocerte {met_where}. Sigo pensando en {detail}.\n\n"
              "¿Tendrías 20 minutos en las próximas semanas para continuar la conversación?\n\n"
              "Un saludo,\n{my_name}",
    },
    "keep_in_touch": {
        "en": "Hi {first_name},\n\nIt has been a while: how are things going on your side?\n\nBest regards,\n{my_name}",
        "de": "Hallo {first_name},\n\nes ist eine Weile her: Wie läuft es bei Ihnen?\n\nViele Grüße\n{my_name}",
        "fr": "Bonjour {first_name},\n\nCela fait un moment : comment allez-vous ?\n\nBien cordialement,\n{my_name}",
        "es": "Hola {first_name}:\n\nHace tiempo que no hablamos: ¿qué tal te va?\n\nUn saludo,\n{my_name}",
    },
    "reintroduce": {
        "en": "Hi {first_name},\n\nI was going through my contacts and realised we have not spoken in a long "
              "time. I would love to hear what you are working on now.\n\nBest regards,\n{my_name}",
        "de": "Hallo {first_name},\n\nbeim Durchsehen meiner Kontakte ist mir aufgefallen, dass wir lange nicht "
              "gesprochen haben. Woran arbeiten Sie gerade?\n\nViele Grüße\n{my_name}",
        "fr": "Bonjour {first_name},\n\nEn parcourant mes contacts, je me suis rendu compte que nous ne nous "
              "sommes pas parlé depuis longtemps. Sur quoi travaillez-vous en ce moment ?\n\n"
              "Bien cordialement,\n{my_name}",
        "es": "Hola {first_name}:\n\nRevisando mis contactos he visto que hace mucho que no hablamos. "
              "¿En qué estás trabajando ahora?\n\nUn saludo,\n{my_name}",
    },
    "introduction": {  # the double opt-in: asked of each side before any introduction is made
        "en": "Hi {first_name},\n\nI know {other_name}, and I think you two should talk: one of you offers "
              "{offers}, the other is looking for {needs}. Would you like me to introduce you? No is a fine "
              "answer too.\n\nBest regards,\n{my_name}",
        "de": "Hallo {first_name},\n\nich kenne {other_name} und glaube, Sie beide sollten sich unterhalten: "
              "Einer bietet {offers}, der andere sucht {needs}. Darf ich Sie einander vorstellen? "
              "Ein Nein ist völlig in Ordnung.\n\nViele Grüße\n{my_name}",
        "fr": "Bonjour {first_name},\n\nJe connais {other_name} et je pense que vous devriez échanger : l'un "
              "propose {offers}, l'autre cherche {needs}. Souhaitez-vous que je vous mette en relation ? "
              "Un non est tout à fait acceptable.\n\nBien cordialement,\n{my_name}",
        "es": "Hola {first_name}:\n\nConozco a {other_name} y creo que deberíais hablar: uno ofrece {offers} "
              "y el otro busca {needs}. ¿Te gustaría que os presentara? Un no también es una buena "
              "respuesta.\n\nUn saludo,\n{my_name}",
    },
    "introduction_mail": {  # sent to both once both said yes
        "en": "Hi {first_name} and {other_name},\n\nAs promised, here you are: {first_name} offers {offers}, "
              "{other_name} is looking for {needs}. I will let you take it from here.\n\nBest regards,\n{my_name}",
        "de": "Hallo {first_name}, hallo {other_name},\n\nwie versprochen stelle ich Sie einander vor: "
              "{first_name} bietet {offers}, {other_name} sucht {needs}. Alles Weitere überlasse ich "
              "Ihnen.\n\nViele Grüße\n{my_name}",
        "fr": "Bonjour {first_name}, bonjour {other_name},\n\ncomme promis, je vous mets en relation : "
              "{first_name} propose {offers}, {other_name} cherche {needs}. Je vous laisse poursuivre.\n\n"
              "Bien cordialement,\n{my_name}",
        "es": "Hola {first_name} y {other_name}:\n\ncomo os prometí, os presento: {first_name} ofrece {offers} "
              "y {other_name} busca {needs}. Os dejo continuar.\n\nUn saludo,\n{my_name}",
    },
}

_MET_WHERE = {  # (at the event, outside an event)
    "en": ("at {event}", "the other day"), "de": ("auf der {event}", "neulich"),
    "fr": ("à {event}", "l'autre jour"), "es": ("en {event}", "el otro día"),
}
DETAIL_PROMPT = {  # how the 24-hour follow-up asks for the detail: as the user would write it in the mail
    "en": "What you talked about, as you would write it after \"I keep thinking about\" (e.g. your plan to "
          "open a lab in Lyon)",
    "de": "Worüber Sie sprachen, so wie Sie es nach „Ich denke oft an“ schreiben würden (z. B. Ihren Plan, "
          "ein Labor in Lyon zu eröffnen)",
    "fr": "Ce dont vous avez parlé, tel que vous l'écririez après « Je repense souvent à » (p. ex. votre "
          "projet de laboratoire à Lyon)",
    "es": "De qué hablasteis, tal como lo escribirías después de «Sigo pensando en» (p. ej. tu plan de abrir "
          "un laboratorio en Lyon)",
}


def language(code: str | None) -> str:
    """One of `LANGUAGES` from 'de', 'de_DE.UTF-8', 'fr-CA'…; English for anything else."""
    short = (code or "").strip().lower().replace("-", "_").split("_")[0].split(".")[0]
    return short if short in LANGUAGES else DEFAULT_LANGUAGE


def unknown_placeholders(text: str) -> list[str]:
    """The placeholders of `text` that no draft fills (a typo such as {firstname})."""
    return sorted({name for name in _PLACEHOLDER.findall(text) if name not in PLACEHOLDERS})


def template_for(kind: str, lang: str, goal: str | None, custom: Mapping[str, Mapping[str, str]]) -> str:
    """The template a draft of `kind` uses: the user's for this goal, the user's for the kind, then
    the shipped one, each in `lang` before English."""
    keys = [f"{kind}:{goal}"] if goal else []
    keys.append(kind)
    for key in keys:
        texts = custom.get(key, {})
        if lang in texts:
            return texts[lang]
    return SHIPPED[kind].get(lang) or SHIPPED[kind][DEFAULT_LANGUAGE]


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return ""


def render(template: str, values: Mapping[str, str | None], lang: str = DEFAULT_LANGUAGE) -> str:
    """The draft: `template` with its placeholders filled; {met_where} is worked out from {event}."""
    filled = _Blank({k: (v or "").strip() for k, v in values.items()})
    at_event, elsewhere = _MET_WHERE[language(lang)]
    if not filled.get("met_where"):
        filled["met_where"] = at_event.format(event=filled["event"]) if filled.get("event") else elsewhere
    filled["detail"] = filled.get("detail", "").rstrip(".!? ")
    text = _PLACEHOLDER.sub(lambda m: filled[m.group(1)] if m.group(1) in PLACEHOLDERS else m.group(0), template)
    return text.rstrip()


def detail_sentence(detail: str, lang: str = DEFAULT_LANGUAGE, template: str | None = None) -> str:
    """The sentence of the 24-hour draft that holds the detail, as it reads while the user types it."""
    text = render(template or SHIPPED["post_event"][language(lang)], {"detail": detail, "first_name": "",
                                                                       "my_name": ""}, lang)
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", text):
        if detail.strip() and detail.strip().rstrip(".!? ") in sentence:
            return sentence.strip()
    return ""
