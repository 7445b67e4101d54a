"""The user's draft templates and languages, and the drafts the follow-ups get from them.

Two `Setting` rows: "draft_templates" ({"post_event": {"de": "..."}, "post_event:investor": {...}}) and
"drafting" (the user's language, the name signed under drafts, and each contact's language, which
defaults to the user's). The wording rules are in `core.rules.templates`.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlmodel import Session, col, select

from netcompanion.core.clock import utcnow
from netcompanion.core.enums import IntroductionStatus
from netcompanion.core.errors import ValidationError
from netcompanion.core.rules import templates as wording
from netcompanion.core.rules.drafts import light_touch_idea
from netcompanion.core.services.base import Service, get_or_raise, resolve_goal
from netcompanion.core.store.models import Contact, Encounter, Event, Introduction, Setting
from netcompanion.core.validation import optional_text

TEMPLATES_KEY, DRAFTING_KEY = "draft_templates", "drafting"


@dataclass
class Drafting:
    """Everything a draft is written with: the user's templates, languages and name."""

    templates: dict[str, dict[str, str]] = field(default_factory=dict)
    user_language: str = wording.DEFAULT_LANGUAGE
    my_name: str = ""
    contact_languages: dict[str, str] = field(default_factory=dict)

    @property
    def is_default(self) -> bool:
        """Shipped English templates for everyone: the keep-in-touch and reintroduction reminders keep
        the drafts the cadence rules wrote (with their light-touch idea), with no name looked up."""
        return (not self.templates and self.user_language == wording.DEFAULT_LANGUAGE and not self.my_name
                and not self.contact_languages)

    def language_of(self, contact_id: int | None) -> str:
        return self.contact_languages.get(str(contact_id), self.user_language)

    def draft(self, kind: str, contact_id: int | None, goal: str | None, values: Mapping[str, str | None]) -> str:
        """The draft of `kind` for the contact, in their language, from the most specific template."""
        lang = self.language_of(contact_id)
        template = wording.template_for(kind, lang, goal, self.templates)
        return wording.render(template, {"my_name": self.my_name, **values}, lang)


def load_drafting(session: Session) -> Drafting:
    """The stored templates and languages, inside an open transaction."""
    templates = session.get(Setting, TEMPLATES_KEY)
    drafting = session.get(Setting, DRAFTING_KEY)
    values = dict(drafting.value) if drafting is not None else {}
    return Drafting(templates=dict(templates.value) if templates is not None else {},
                    user_language=wording.language(values.get("user_language")),
                    my_name=str(values.get("my_name", "")),
                    contact_languages=dict(values.get("contact_languages", {})))


def _store(session: Session, key: str, value: dict) -> None:
    row = session.get(Setting, key) or Setting(key=key)
    row.value, row.updated_at = value, utcnow()
    session.add(row)


def _language(code: str) -> str:
    short = (code or "").strip().lower()
    if short not in wording.LANGUAGES:
        raise ValidationError(f"language {code!r}: choose one of {', '.join(wording.LANGUAGES)}")
    return short


def _kind(kind: str) -> str:
    if kind not in wording.KINDS:
        raise ValidationError(f"unknown draft kind {kind!r}; kinds: {', '.join(wording.KINDS)}")
    return kind


SAMPLE = {"first_name": "Jane", "event": "Web Summit", "detail": "your plan to open a lab in Lyon",
          "idea": "share an article about robotics", "other_name": "Sam Lee", "offers": "intros to Berlin VCs",
          "needs": "a seed investor"}


def contact_values(session: Session, contact_id: int) -> dict[str, str]:
    """What a draft to this contact fills its placeholders with: the name, what they offer and need,
    a light-touch idea, and the event and detail of their latest encounter (the sample's where the
    contact has none, so that a preview always reads as a whole mail)."""
    contact = get_or_raise(session, Contact, contact_id, "contact")
    latest = session.execute(select(Encounter.detail, Event.name).outerjoin(Event, col(Encounter.event_id) == Event.id)
                             .where(Encounter.contact_id == contact_id)
                             .order_by(col(Encounter.met_at).desc(), col(Encounter.id).desc()).limit(1)).first()
    values = {"first_name": contact.given_name or contact.full_name, "offers": contact.offers or SAMPLE["offers"],
              "needs": contact.needs or SAMPLE["needs"],
              "idea": light_touch_idea(contact.interests, contact.their_goals, contact.needs) or SAMPLE["idea"]}
    if latest is not None:
        values["detail"] = latest[0] or SAMPLE["detail"]
        values["event"] = latest[1] or ""
    return values


def post_event_text(session: Session, contact: Contact, event_name: str | None, detail: str,
                    goal: str | None) -> str:
    """The 24-hour draft for `contact` (empty without a detail: ask for it, send nothing generic)."""
    if not detail:
        return ""
    drafting = load_drafting(session)
    name = contact.given_name or contact.full_name or ""
    return drafting.draft("post_event", contact.id, goal, {"first_name": name, "event": event_name, "detail": detail})


def introduction_text(session: Session, side: Contact, other: Contact, offers: str, needs: str) -> str:
    """The double opt-in draft to one side of an introduction: asked before any intro mail."""
    drafting = load_drafting(session)
    name = side.given_name or side.full_name
    return drafting.draft("introduction", side.id, None, {"first_name": name, "other_name": other.full_name,
                                                          "offers": offers, "needs": needs})


@dataclass(frozen=True)
class IntroductionMail:
    """The mail introducing both sides of an introduction to each other. `both_asked`: each side's
    opt-in follow-up is ticked done, so the mail may go once both said yes."""

    introduction_id: int
    names: tuple[str, str]
    addresses: list[str]
    text: str
    both_asked: bool


class DraftTemplateService(Service):
    """Edits the templates and the languages, and previews drafts."""

    def get(self) -> Drafting:
        with self.db.transaction() as session:
            return load_drafting(session)

    def template(self, kind: str, lang: str | None = None, goal: str | None = None) -> str:
        """The template a draft of `kind` would use now."""
        with self.db.transaction() as session:
            drafting = load_drafting(session)
            goal_key = resolve_goal(session, goal).key if goal else None
            return wording.template_for(_kind(kind), _language(lang) if lang else drafting.user_language, goal_key,
                                        drafting.templates)

    def custom_template(self, kind: str, lang: str | None = None, goal: str | None = None) -> str | None:
        """The user's own template for exactly this kind, language and goal; None: none stored (the
        draft falls back to the kind's or the shipped one)."""
        with self.db.transaction() as session:
            drafting = load_drafting(session)
            key = _kind(kind) + (f":{resolve_goal(session, goal).key}" if goal else "")
            return drafting.templates.get(key, {}).get(_language(lang) if lang else drafting.user_language)

    def set_template(self, kind: str, text: str, *, lang: str | None = None, goal: str | None = None) -> Drafting:
        """Store the user's template for `kind` (and `goal`) in `lang` (default: the user's language)."""
        body = optional_text(text, "template", 5000).strip()
        if not body:
            raise ValidationError("the template is empty; reset it to go back to the shipped one")
        unknown = wording.unknown_placeholders(body)
        if unknown:
            raise ValidationError(f"unknown placeholder {', '.join('{' + u + '}' for u in unknown)}; "
                                  f"placeholders: {', '.join('{' + p + '}' for p in wording.PLACEHOLDERS)}")
        return self._change_template(kind, lang, goal, body)

    def reset_template(self, kind: str, *, lang: str | None = None, goal: str | None = None) -> Drafting:
        """Go back to the shipped template (or the kind's, for a goal's)."""
        return self._change_template(kind, lang, goal, None)

    def _change_template(self, kind: str, lang: str | None, goal: str | None, body: str | None) -> Drafting:
        with self.db.transaction() as session:
            drafting = load_drafting(session)
            key = _kind(kind) + (f":{resolve_goal(session, goal).key}" if goal else "")
            language = _language(lang) if lang else drafting.user_language
            texts = dict(drafting.templates.get(key, {}))
            if body is None:
                texts.pop(language, None)
            else:
                texts[language] = body
            templates = {**drafting.templates, key: texts}
            _store(session, TEMPLATES_KEY, {k: v for k, v in templates.items() if v})
            return load_drafting(session)

    def set_language(self, lang: str) -> Drafting:
        """The user's language: of the drafts to contacts with no language of their own."""
        return self._change_drafting(user_language=_language(lang))

    def set_my_name(self, name: str) -> Drafting:
        return self._change_drafting(my_name=optional_text(name, "your name", 200).strip())

    def set_contact_language(self, contact_id: int, lang: str | None) -> Drafting:
        """The language drafts to this contact are written in (None: the user's)."""
        with self.db.transaction() as session:
            get_or_raise(session, Contact, contact_id, "contact")
            languages = dict(load_drafting(session).contact_languages)
            if lang:
                languages[str(contact_id)] = _language(lang)
            else:
                languages.pop(str(contact_id), None)
        return self._change_drafting(contact_languages=languages)

    def _change_drafting(self, **changes: object) -> Drafting:
        with self.db.transaction() as session:
            current = load_drafting(session)
            value = {"user_language": current.user_language, "my_name": current.my_name,
                     "contact_languages": current.contact_languages, **changes}
            _store(session, DRAFTING_KEY, value)
            return load_drafting(session)

    def preview(self, kind: str, *, lang: str | None = None, goal: str | None = None, text: str | None = None,
                values: Mapping[str, str] | None = None, contact_id: int | None = None) -> str:
        """The draft `kind` makes with sample values, or those of the contact `contact_id` (then
        `values` over them); `text` previews a template being edited."""
        with self.db.transaction() as session:
            drafting = load_drafting(session)
            language = _language(lang) if lang else drafting.user_language
            goal_key = resolve_goal(session, goal).key if goal else None
            own = contact_values(session, contact_id) if contact_id is not None else {}
        template = text if text is not None else wording.template_for(_kind(kind), language, goal_key,
                                                                      drafting.templates)
        return wording.render(template, {**SAMPLE, "my_name": drafting.my_name, **own, **(values or {})}, language)

    def introduction_mail(self, introduction_id: int) -> str:
        """The mail that introduces both sides, once each said yes to the opt-in draft."""
        return self.introduction_mail_draft(introduction_id).text

    def introduction_mail_draft(self, introduction_id: int) -> IntroductionMail:
        """The intro mail with both sides' names and first addresses, and whether both were asked."""
        with self.db.transaction() as session:
            intro = get_or_raise(session, Introduction, introduction_id, "introduction")
            offerer = get_or_raise(session, Contact, intro.contact_a_id, "contact")
            needer = get_or_raise(session, Contact, intro.contact_b_id, "contact")
            text = load_drafting(session).draft("introduction_mail", offerer.id, None, {
                "first_name": offerer.given_name or offerer.full_name,
                "other_name": needer.given_name or needer.full_name, "offers": offerer.offers, "needs": needer.needs})
            return IntroductionMail(introduction_id, (offerer.full_name, needer.full_name),
                                    [c.emails[0].address for c in (offerer, needer) if c.emails], text,
                                    intro.status == IntroductionStatus.DONE.value)
