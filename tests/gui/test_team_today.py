"""The main window on a database a team shares: Today shows the user's follow-ups, "Everyone's" the
team's (on a SQLite file and on a real PostgreSQL server, with the demo data)."""
from __future__ import annotations

from datetime import timedelta

from netcompanion.core.clock import utcnow
from netcompanion.core.services import ContactFields, open_services
from tests.gui.test_today_view import cards
from tests.gui.waiting import settled


def test_today_shows_my_items_and_everyones_on_request(qtbot, window, demo_services, db_url: str) -> None:
    window.navigation.setCurrentRow(0)
    view = window.today
    assert cards(view), "the demo has follow-ups due"
    mine = settled(view).checklist.total
    assert {item.owner for item in view.items} <= {"tester", ""}

    teammate = open_services(db_url, user="bob")
    try:
        contact = teammate.contacts.add(ContactFields(full_name="Ben Beta", company="Cedar Freight"))
        teammate.encounters.add(contact.id, detail="cold storage pilot", met_at=utcnow() - timedelta(hours=3))
    finally:
        teammate.db.dispose()
    view.refresh_list()
    assert settled(view).checklist.total == mine  # Bob's follow-up is his
    view.set_search("Ben Beta")  # a search reads every item, not only the first of each section
    assert settled(view).checklist.complete and not cards(view)

    view.everyone.setChecked(True)
    assert [card.item.contact_name for card in cards(view)] == ["Ben Beta"]
    view.set_search("")
    assert settled(view).checklist.total == mine + 1
    view.everyone.setChecked(False)
    view.set_search("Ben Beta")
    assert not cards(view)
