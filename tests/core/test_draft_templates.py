"""Drafts the user would send: templates per kind and goal, placeholders, preview, four languages,
the contact's language, and the double opt-in for introductions."""
from __future__ import annotations

import pytest

from netcompanion.core.errors import ValidationError
from netcompanion.core.rules import templates as wording
from netcompanion.core.services import ContactFields
from tests.cli_runner import run


def test_every_kind_is_shipped_in_four_languages_with_known_placeholders() -> None:
    for kind in wording.KINDS:
        assert set(wording.SHIPPED[kind]) == set(wording.LANGUAGES)
        for text in wording.SHIPPED[kind].values():
            assert wording.unknown_placeholders(text) == [] and "{first_name}" in text


@pytest.mark.parametrize(("lang", "sentence"), [
    ("en", "I keep thinking about your plan to open a lab in Lyon."),
    ("de", "Ich denke oft an Ihren Plan, ein Labor in Lyon zu eröffnen."),
    ("fr", "Je repense souvent à votre projet de laboratoire à Lyon."),
    ("es", "Sigo pensando en tu plan de abrir un laboratorio en Lyon."),
])
def test_the_detail_reads_as_one_sentence(lang: str, sentence: str) -> None:
    detail = {"en": "your plan to open a lab in Lyon", "de": "Ihren Plan, ein Labor in Lyon zu eröffnen",
              "fr": "votre projet de laboratoire à Lyon", "es": "tu plan de abrir un laboratorio en Lyon."}[lang]
    assert wording.detail_sentence(detail, lang) == sentence  # a final full stop is not doubled
    assert wording.DETAIL_PROMPT[lang]


def test_render_fills_met_where_and_keeps_unknown_braces() -> None:
    assert wording.render("{met_where} / {x} / {", {"event": "Web Summit"}, "fr") == "à Web Summit / {x} / {"
    assert wording.render("{met_where}", {}, "de") == "neulich"
    assert wording.language("de_DE.UTF-8") == "de" and wording.language("pt_BR") == "en"


def test_user_template_per_kind_and_goal_with_preview(services) -> None:
    drafts = services.drafts
    drafts.set_my_name("Max Muster")
    drafts.set_template("post_event", "Hey {first_name}! {met_where}: {detail}. — {my_name}")
    assert drafts.preview("post_event") == ("Hey Jane! at Web Summit: your plan to open a lab in Lyon. "
                                            "— Max Muster")
    drafts.set_template("post_event", "Dear {first_name}, about {detail}.", goal="investor")
    assert drafts.preview("post_event", goal="investor").startswith("Dear Jane, about your plan")
    assert drafts.preview("post_event", goal="client").startswith("Hey Jane!")  # falls back to the kind's
    assert drafts.preview("post_event", text="{first_name}?") == "Jane?"
    with pytest.raises(ValidationError, match=r"\{firstname\}"):
        drafts.set_template("keep_in_touch", "Hi {firstname}")
    drafts.reset_template("post_event")
    assert drafts.template("post_event") == wording.SHIPPED["post_event"]["en"]


def test_the_contact_language_chooses_the_draft(services) -> None:
    events = services.events
    events.add("Web Summit", "investor", start="2026-11-10T09:00", end="2026-11-12T18:00")
    anna = services.contacts.add(ContactFields(full_name="Anna Schmidt", given_name="Anna"))
    joe = services.contacts.add(ContactFields(full_name="Joe Bloggs", given_name="Joe"))
    services.drafts.set_contact_language(anna.id, "de")
    services.encounters.add(anna.id, event="Web Summit", detail="Ihren Plan, ein Labor zu eröffnen")
    services.encounters.add(joe.id, event="Web Summit", detail="your plan to open a lab")
    drafts = {i.contact_name: i.draft for i in services.followups.queue(include_all=True) if i.kind == "post_event"}
    assert drafts["Anna Schmidt"].startswith("Hallo Anna,\n\nschön, dass wir uns auf der Web Summit")
    assert "Ich denke oft an Ihren Plan, ein Labor zu eröffnen." in drafts["Anna Schmidt"]
    assert drafts["Joe Bloggs"].startswith("Hi Joe,\n\nGreat to meet you at Web Summit.")
    services.drafts.set_language("es")  # the user's language: Joe has none of his own
    [item] = [i for i in services.followups.queue(include_all=True) if i.contact_name == "Joe Bloggs"]
    services.followups.set_detail(item.id, "tu plan de abrir un laboratorio")
    [item] = [i for i in services.followups.queue(include_all=True) if i.contact_name == "Joe Bloggs"]
    assert item.draft.startswith("Hola Joe:\n\nFue un placer conocerte en Web Summit.")


def test_introductions_ask_each_side_first_then_the_intro_mail(services) -> None:
    sam = services.contacts.add(ContactFields(full_name="Sam Lee", given_name="Sam", offers="intros to Berlin VCs"))
    kim = services.contacts.add(ContactFields(full_name="Kim Park", given_name="Kim", needs="intros to Berlin VCs"))
    services.drafts.set_contact_language(kim.id, "fr")
    intro = services.network.accept_introduction(sam.id, kim.id)
    drafts = {i.contact_name: i.draft for i in services.followups.queue(include_all=True) if i.kind == "introduction"}
    assert "Would you like me to introduce you?" in drafts["Sam Lee"] and "Kim Park" in drafts["Sam Lee"]
    assert "Souhaitez-vous que je vous mette en relation ?" in drafts["Kim Park"]
    mail = services.drafts.introduction_mail(intro.id)
    assert mail.startswith("Hi Sam and Kim,") and "intros to Berlin VCs" in mail
    sides = [i for i in services.followups.queue(include_all=True) if i.introduction_id == intro.id]
    services.followups.mark_done(sides[0].id)
    assert not services.drafts.introduction_mail_draft(intro.id).both_asked  # one side still to ask
    services.followups.mark_done(sides[1].id)
    draft = services.drafts.introduction_mail_draft(intro.id)
    assert draft.both_asked and draft.names == ("Sam Lee", "Kim Park") and draft.addresses == []


def test_preview_on_a_real_contact(services) -> None:
    services.events.add("Web Summit", "investor", start="2026-11-10T09:00", end="2026-11-12T18:00")
    ada = services.contacts.add(ContactFields(full_name="Ada Lovelace", given_name="Ada", interests="looms"))
    assert services.drafts.preview("keep_in_touch", text="{first_name}: {idea}", contact_id=ada.id) == (
        "Ada: share something about looms")
    assert services.drafts.preview("post_event", text="{met_where}, {detail}", contact_id=ada.id) == (
        "at Web Summit, your plan to open a lab in Lyon")  # no encounter yet: the sample's
    services.encounters.add(ada.id, detail="the analytical engine")
    assert services.drafts.preview("post_event", text="{met_where}, {detail}", contact_id=ada.id) == (
        "the other day, the analytical engine")
    assert services.drafts.custom_template("post_event") is None
    services.drafts.set_template("post_event", "Hey {first_name}", lang="de")
    assert services.drafts.custom_template("post_event", "de") == "Hey {first_name}"
    assert services.drafts.custom_template("post_event", "en") is None


def test_cli_drafts(db_path, tmp_path) -> None:
    template = tmp_path / "t.txt"
    template.write_text("Salut {first_name}, {detail}", encoding="utf-8")
    assert run("drafts", "set", "post_event", "--lang", "fr", "--file", str(template), db=db_path).stdout.startswith(
        "Salut Jane, your plan")
    out = run("drafts", "preview", "post_event", "--lang", "fr", "--detail", "votre labo", db=db_path).stdout
    assert out.strip() == "Salut Jane, votre labo"
    assert "Ich denke oft an" in run("drafts", "show", "post_event", "--lang", "de", db=db_path).stdout
    bad = run("drafts", "set", "post_event", "--file", str(tmp_path), db=db_path, check=False)
    assert bad.returncode == 1 and "folder" in bad.stderr


@pytest.mark.sqlite_only
def test_cli_introduction_mail(services, db_path) -> None:
    sam = services.contacts.add(ContactFields(full_name="Sam Lee", given_name="Sam", emails=["sam@example.org"],
                                              offers="intros to Berlin VCs"))
    kim = services.contacts.add(ContactFields(full_name="Kim Park", given_name="Kim", emails=["kim@example.org"],
                                              needs="intros to Berlin VCs"))
    intro = services.network.accept_introduction(sam.id, kim.id)
    early = run("drafts", "introduction-mail", str(intro.id), db=db_path)
    assert "not both asked yet" in early.stderr
    for item in services.followups.queue(include_all=True):
        services.followups.mark_done(item.id)
    out = run("drafts", "introduction-mail", str(intro.id), db=db_path)
    assert out.stdout.startswith("To: sam@example.org, kim@example.org\n\nHi Sam and Kim,") and not out.stderr


def test_keep_in_touch_reminders_follow_the_language(services) -> None:
    from datetime import datetime, timedelta, timezone

    now = datetime(2026, 6, 15, 12, tzinfo=timezone.utc)
    anna = services.contacts.add(ContactFields(full_name="Anna Schmidt", given_name="Anna", tier="inner"))
    joe = services.contacts.add(ContactFields(full_name="Joe Bloggs", given_name="Joe", tier="inner"))
    for contact in (anna, joe):
        services.interactions.log(contact.id, "call", "catch-up", happened_at=now - timedelta(days=40))
    services.drafts.set_contact_language(anna.id, "de")
    drafts = {i.contact_name: i.draft for i in services.followups.queue(now=now, zone=timezone.utc)
              if i.kind == "keep_in_touch"}
    assert drafts["Anna Schmidt"].startswith("Hallo Anna,\n\nes ist eine Weile her")
    assert drafts["Joe Bloggs"].startswith("Hi Joe,")


def test_a_keep_in_touch_template_gets_the_light_touch_idea(services) -> None:
    from datetime import datetime, timedelta, timezone

    now = datetime(2026, 6, 15, 12, tzinfo=timezone.utc)
    ada = services.contacts.add(ContactFields(full_name="Ada Lovelace", given_name="Ada", tier="inner",
                                              interests="sailing"))
    services.interactions.log(ada.id, "call", "catch-up", happened_at=now - timedelta(days=40))
    services.drafts.set_template("keep_in_touch", "Hi {first_name}, I wanted to {idea}.")
    [item] = [i for i in services.followups.queue(now=now, zone=timezone.utc) if i.kind == "keep_in_touch"]
    assert item.draft == "Hi Ada, I wanted to share something about sailing."
    assert services.drafts.preview("keep_in_touch", contact_id=ada.id) == item.draft  # the editor's preview
