"""Calendar export that reminds: a VALARM on every entry, validated by icalendar, and the feed file
that follows the queue."""
from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from netcompanion.core import settings
from netcompanion.core.errors import ValidationError
from netcompanion.interop.exporter import export_contacts
from netcompanion.interop.ics_feed import CalendarFeed
from tests.cli_runner import run
from tests.interop.test_roundtrip import populate


def entries(data: bytes, kind: str) -> list:
    calendar = Calendar.from_ical(data)  # icalendar parses and validates the file
    return calendar.walk("VTODO" if kind == "todo" else "VEVENT")


@pytest.mark.parametrize("kind", ["todo", "event"])
def test_every_entry_carries_an_alarm_at_its_due_time(services, kind: str) -> None:
    populate(services)
    services.encounters.add(services.contacts.list()[1].id, detail="the shared robotics lab")
    data, count = export_contacts(services, "ics", ics_kind=kind)
    found = entries(data, kind)
    assert count == len(found) == 2
    for entry in found:
        [alarm] = entry.walk("VALARM")
        assert str(alarm["ACTION"]) == "DISPLAY" and str(alarm["DESCRIPTION"]).startswith("Follow up: ")
        assert alarm.decoded("TRIGGER") == timedelta(0)
        assert alarm["TRIGGER"].params.get("RELATED") == ("END" if kind == "todo" else None)


def test_alarm_offset_and_switching_alarms_off(services) -> None:
    populate(services)
    services.reminders.update(alarm_minutes_before="30")
    [entry] = entries(export_contacts(services, "ics")[0], "todo")
    [alarm] = entry.walk("VALARM")
    assert alarm.decoded("TRIGGER") == -timedelta(minutes=30)
    assert "TRIGGER;RELATED=END:-PT30M" in export_contacts(services, "ics")[0].decode()
    services.reminders.update(calendar_alarms="off")
    [entry] = entries(export_contacts(services, "ics")[0], "todo")
    assert entry.walk("VALARM") == []
    with pytest.raises(ValidationError, match="alarm_minutes_before"):
        services.reminders.update(alarm_minutes_before="-5")


def test_same_queue_same_bytes_and_uids(services) -> None:
    populate(services)
    first = export_contacts(services, "ics")[0]
    assert export_contacts(services, "ics")[0] == first  # stamped with the follow-up's creation time


def test_feed_follows_the_queue(services) -> None:
    populate(services)
    feed = CalendarFeed(services)
    assert feed.path == settings.feed_file() and not feed.refresh()  # off until asked for
    services.reminders.update(feed=True)
    assert feed.refresh() and feed.refresh() is False  # unchanged queue: not rewritten
    before = {str(e["UID"]) for e in entries(feed.path.read_bytes(), "todo")}
    assert len(before) == len(services.transfer.open_followups()) > 0
    jane = services.contacts.list()[0]
    services.encounters.add(jane.id, detail="their new fund")
    assert feed.refresh()
    after = {str(e["UID"]) for e in entries(feed.path.read_bytes(), "todo")}
    # the 24-hour follow-up comes in, Jane's keep-in-touch reminder goes (met again), the rest keep their UIDs
    assert len(after - before) == 1 and len(before - after) == 1
    services.followups.mark_done(services.transfer.open_followups()[0][0].id)
    assert feed.refresh()
    assert len(entries(feed.path.read_bytes(), "todo")) == len(after) - 1


def test_cli_feed_is_refreshed_after_each_command(db_path: Path) -> None:
    run("contacts", "add", "--name", "Ada Lovelace", "--email", "ada@engines.example", db=db_path)
    result = run("export", "ics", "--feed", "--ics-kind", "event", db=db_path)
    feed = Path(result.stdout.strip())
    assert feed == settings.feed_file() and "subscribe" in result.stderr
    before = len(entries(feed.read_bytes(), "event"))
    run("contacts", "add", "--name", "Charles Babbage", "--detail", "analytical engines", db=db_path)
    found = entries(feed.read_bytes(), "event")
    assert len(found) == before + 1 and all(e.walk("VALARM") for e in found)
    assert "Follow up: Charles Babbage" in [str(e["SUMMARY"]) for e in found]
    run("export", "ics", "--stop-feed", db=db_path)
    run("contacts", "add", "--name", "Mary Somerville", "--detail", "tides", db=db_path)
    assert len(entries(feed.read_bytes(), "event")) == before + 1  # no longer updated
    assert "name the FILE" in run("export", "ics", db=db_path, check=False).stderr


def test_cli_reminder_settings_and_start_at_login(db_path: Path) -> None:
    from netcompanion.autostart import autostart_file

    assert "wrote" in run("reminders", "set", "start_at_login", "on", db=db_path).stdout
    assert autostart_file().is_file()
    run("reminders", "set", "start_at_login", "off", db=db_path)
    assert not autostart_file().exists()
    bad = run("reminders", "set", "quiet_start", "25:00", db=db_path, check=False)
    assert bad.returncode == 1 and "HH:MM" in bad.stderr
    assert '"alarm_minutes_before": 0' in run("reminders", "show", "--json", db=db_path).stdout
