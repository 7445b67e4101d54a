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
    mine = {item.id for item in view.items}  # every item read, not only the cards shown per section
    assert {item.owner for item in view.items} <= {"tester", ""}

    teammate = open_services(db_url, user="bob")
    try:
        contact = teammate.contacts.add(ContactFields(full_name="Ben Beta", company="Cedar Freight"))
        teammate.encounters.add(contact.id, detail="cold storage pilot", met_at=utcnow() - timedelta(hours=3))
    finally:
        teammate.db.dispose()
    view.refresh_list()
    assert {item.id for item in settled(view).items} == mine  # Bob's follow-up is his

    view.everyone.setChecked(True)
    everyone = settled(view).items
    assert "Ben Beta" in {item.contact_name for item in everyone}
    assert {item.id for item in everyone} > mine
    view.everyone.setChecked(False)
    assert "Ben Beta" not in {item.contact_name for item in settled(view).items}
