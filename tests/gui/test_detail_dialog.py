"""The detail of a 24-hour follow-up is asked as the user would write it, and the sentence it makes
in the draft is shown while typing, in the contact's language."""
from __future__ import annotations

from netcompanion.core.services import ContactFields
from netcompanion.gui.detail_dialog import DetailDialog


def test_the_sentence_follows_the_typing(qtbot, services) -> None:
    anna = services.contacts.add(ContactFields(full_name="Anna Schmidt", given_name="Anna"))
    joe = services.contacts.add(ContactFields(full_name="Joe Bloggs", given_name="Joe"))
    services.drafts.set_contact_language(anna.id, "de")
    for contact in (anna, joe):
        services.encounters.add(contact.id)  # no detail yet
    items = {i.contact_id: i for i in services.followups.queue(include_all=True) if i.needs_detail}

    dialog = DetailDialog(services, items[joe.id])
    qtbot.addWidget(dialog)
    assert "I keep thinking about" in dialog.findChildren(type(dialog.sentence))[0].text()
    qtbot.keyClicks(dialog.edit, "your plan to open a lab")
    assert dialog.sentence.text() == "I keep thinking about your plan to open a lab."
    assert dialog.detail == "your plan to open a lab"

    german = DetailDialog(services, items[anna.id])
    qtbot.addWidget(german)
    german.edit.setText("Ihren Plan, ein Labor zu eröffnen")  # keyClicks types ASCII only
    assert german.sentence.text() == "Ich denke oft an Ihren Plan, ein Labor zu eröffnen."
