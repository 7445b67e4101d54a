"""Contact that logs itself: meetings from calendars and e-mails from mailboxes, in the forms Google
Calendar, Outlook and Thunderbird export, logged for the contacts they concern, once."""
from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from netcompanion.core.rules.followup_rules import add_local_days
from netcompanion.core.services import ContactFields
from netcompanion.interop.activity_import import activity_kind, import_activity_file
from netcompanion.interop.errors import InputFileError
from tests.cli_runner import run
from tests.interop import activity_files as files

NOW = datetime(2026, 6, 15, 12, 0, tzinfo=timezone.utc)
BERLIN = ZoneInfo("Europe/Berlin")


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=timezone.utc)


@pytest.fixture
def people(services) -> dict[str, int]:
    jane = services.contacts.add(ContactFields(full_name="Jane Doe", given_name="Jane",
                                               emails=["jane@acme.example", "jane.doe@gmail.com"]))
    hans = services.contacts.add(ContactFields(full_name="Hans Müller", emails=["hans@mueller.example"]))
    ana = services.contacts.add(ContactFields(full_name="Ana García", emails=["ana@garcia.example"], tier="inner"))
    return {"jane": jane.id, "hans": hans.id, "ana": ana.id}


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def times(services, contact_id: int, channel: str) -> list[datetime]:
    return sorted(i.happened_at for i in services.interactions.for_contact(contact_id) if i.channel == channel)


def test_google_calendar_export(services, people, tmp_path: Path) -> None:
    path = write(tmp_path, "calendar.ics", files.google_calendar())
    report = import_activity_file(services, path, now=NOW, zone=BERLIN)
    assert times(services, people["jane"], "meeting") == [
        utc(2026, 3, 10, 9), utc(2026, 4, 1, 22)]  # the folded, mixed-case ATTENDEE; the all-day event at local midnight
    # weekly on Tuesdays 10:00 Berlin (CEST) from 5 May, 19 May excluded, only up to now
    assert times(services, people["hans"], "meeting") == [utc(2026, 5, 5, 8), utc(2026, 5, 12, 8),
                                                          utc(2026, 5, 26, 8), utc(2026, 6, 2, 8), utc(2026, 6, 9, 8)]
    assert len(report.logged) == 7
    assert report.skipped_counts == {"not yet happened": 1, "no contact has these addresses": 1}
    assert "Board meeting" in [s.what.split("'")[1] for s in report.skipped]
    assert report.summary().startswith(f"{path} (icalendar): 7 logged for 2 contacts, 0 24-hour follow-ups closed")
    assert len(services.contacts.list(include_archived=True)) == 3  # no contact created


def test_importing_the_same_calendar_twice_changes_nothing(services, people, tmp_path: Path) -> None:
    path = write(tmp_path, "calendar.ics", files.google_calendar())
    import_activity_file(services, path, now=NOW, zone=BERLIN)
    counts = {who: len(services.interactions.for_contact(cid)) for who, cid in people.items()}
    again = import_activity_file(services, path, now=NOW, zone=BERLIN)
    assert again.logged == [] and again.skipped_counts["logged before"] == 7
    assert {who: len(services.interactions.for_contact(cid)) for who, cid in people.items()} == counts


def test_outlook_export_windows_zone_moved_and_cancelled_occurrences(services, people, tmp_path: Path) -> None:
    report = import_activity_file(services, write(tmp_path, "outlook.ics", files.outlook_calendar()),
                                  now=NOW, zone=BERLIN)
    assert times(services, people["hans"], "meeting") == [
        utc(2026, 3, 12, 13),  # 14:00 W. Europe Standard Time (CET)
        utc(2026, 6, 1, 7), utc(2026, 6, 2, 9), utc(2026, 6, 4, 7), utc(2026, 6, 5, 7)]  # 2 June moved, 3 June cancelled
    assert report.skipped_counts == {"cancelled": 1}
    titles = {i.summary.splitlines()[0] for i in services.interactions.for_contact(people["hans"])}
    assert titles == {"Meeting: Projektbesprechung", "Meeting: Stand-up", "Meeting: Stand-up (moved)"}


def test_thunderbird_export_olson_zone_and_floating_time(services, people, tmp_path: Path) -> None:
    import_activity_file(services, write(tmp_path, "tb.ics", files.thunderbird_calendar()), now=NOW, zone=BERLIN)
    assert times(services, people["ana"], "meeting") == [
        utc(2026, 3, 20, 16, 30),  # 12:30 in New York (EDT)
        utc(2026, 3, 25, 16)]  # floating 17:00: the user's zone (CET)
    [lunch] = [i for i in services.interactions.for_contact(people["ana"]) if "Lunch" in i.summary]
    assert lunch.summary == "Meeting: Lunch with Ana – Café Crème" and lunch.source_key.startswith("ics:")


def test_a_logged_meeting_moves_the_keep_in_touch_reminder(services, people, tmp_path: Path) -> None:
    services.interactions.log(people["ana"], "call", "catch-up", happened_at="2026-01-05T10:00:00+00:00")
    before = services.followups.next_keep_in_touch(people["ana"], now=NOW, zone=BERLIN)
    [reminder] = [i for i in services.followups.queue(now=NOW, zone=BERLIN)
                  if i.contact_id == people["ana"] and i.kind == "keep_in_touch"]
    import_activity_file(services, write(tmp_path, "tb.ics", files.thunderbird_calendar()), now=NOW, zone=BERLIN)
    after = services.followups.next_keep_in_touch(people["ana"], now=NOW, zone=BERLIN)
    assert before == add_local_days(utc(2026, 1, 5, 10), 30, BERLIN)
    assert after == add_local_days(utc(2026, 3, 25, 16), 30, BERLIN)
    queue = services.followups.queue(now=NOW, zone=BERLIN, include_all=True)
    assert reminder.id not in [i.id for i in queue]  # that round was done by the meeting


def test_a_sent_mail_closes_the_24_hour_follow_up(services, people, tmp_path: Path) -> None:
    services.encounters.add(people["jane"], detail="the shared robotics lab", met_at="2026-03-15T18:00:00+00:00")
    services.encounters.add(people["hans"], detail="his new plant", met_at="2026-03-18T10:00:00+00:00")
    report = import_activity_file(services, write(tmp_path, "Sent.mbox", files.thunderbird_mbox()), now=NOW, zone=BERLIN)
    assert [(e.contact_name, e.happened_at) for e in report.logged] == [
        ("Jane Doe", utc(2026, 3, 16, 10)), ("Hans Müller", utc(2026, 3, 17, 13))]
    assert report.logged[0].title == "Grüße nach dem Treffen in Berlin"  # encoded words, folded
    assert report.skipped_counts == {"no contact has these addresses": 1}
    open_items = {i.contact_id: i for i in services.followups.queue(now=NOW, zone=BERLIN, include_all=True)
                  if i.kind == "post_event"}
    assert people["jane"] not in open_items  # closed by the mail
    assert people["hans"] in open_items  # his mail came before the encounter
    closed = report.logged[0].closed
    [interaction] = [i for i in services.interactions.for_contact(people["jane"]) if i.channel == "email"]
    assert closed is not None and interaction.followup_id == closed
    assert report.summary().endswith("1 24-hour follow-ups closed, 1 skipped (1 no contact has these addresses)")


def test_takeout_mbox_mail_from_a_contact_and_no_message_id(services, people, tmp_path: Path) -> None:
    services.encounters.add(people["jane"], detail="robots", met_at="2026-03-17T18:00:00+00:00")
    path = write(tmp_path, "All mail Including Spam and Trash.mbox", files.takeout_mbox())
    report = import_activity_file(services, path, now=NOW, zone=BERLIN)
    assert [e.title for e in report.logged] == ["Thanks for the intro 🙏", "No message id here"]
    assert [e.closed is not None for e in report.logged] == [False, True]  # a mail from her closes nothing
    assert import_activity_file(services, path, now=NOW, zone=BERLIN).logged == []  # keyed without a Message-ID too


def test_single_eml_and_kinds(services, people, tmp_path: Path) -> None:
    message = files.thunderbird_mbox().split(b"\n\nFrom - ")[1].split(b"\n", 1)[1]
    eml = write(tmp_path, "reply.eml", message)
    report = import_activity_file(services, eml, now=NOW, zone=BERLIN)
    assert [(e.contact_name, e.title) for e in report.logged] == [("Hans Müller", "Re: Projekt")]
    assert activity_kind(write(tmp_path, "noext", files.takeout_mbox())) == "mbox"
    assert activity_kind(write(tmp_path, "cal.txt", files.google_calendar())) == "icalendar"
    assert activity_kind(write(tmp_path, "people.csv", b"name,email\nA,a@b.c\n")) is None
    with pytest.raises(InputFileError, match="not a readable iCalendar"):
        import_activity_file(services, write(tmp_path, "cut.ics", b"BEGIN:VCALENDAR\nBEGIN:VEVENT\n"), now=NOW)
    with pytest.raises(InputFileError, match="not a readable iCalendar"):
        import_activity_file(services, write(tmp_path, "bad.ics", b"BEGIN:VCALENDAR\n:::\n"), now=NOW)
    with pytest.raises(InputFileError, match="folder"):
        import_activity_file(services, tmp_path, kind="mbox", now=NOW)


def test_cli_import_report_and_last_interaction(db_path: Path, tmp_path: Path) -> None:
    run("contacts", "add", "--name", "Jane Doe", "--email", "jane@acme.example", db=db_path)
    run("contacts", "add", "--name", "Nobody Yet", db=db_path)
    mbox = write(tmp_path, "Sent", files.thunderbird_mbox())
    text = run("import", str(mbox), db=db_path).stdout
    assert "1 logged for 1 contacts" in text
    assert "logged email with Jane Doe on 2026-03-16 10:00 UTC: Grüße nach dem Treffen in Berlin" in text
    assert "skipped email 'not a contact'" in text
    again = json.loads(run("import", str(mbox), "--json", db=db_path).stdout)
    assert again["logged_count"] == 0 and again["skipped_reasons"] == {"logged before": 1,
                                                                       "no contact has these addresses": 2}
    listed = {c["full_name"]: c["last_interaction"] for c in json.loads(run("contacts", "list", "--json", db=db_path).stdout)}
    assert listed == {"Jane Doe": "2026-03-16T10:00:00+00:00", "Nobody Yet": None}
    assert "are for contact files" in run("import", str(mbox), "--goal", "investor", db=db_path, check=False).stderr


def test_migration_moves_the_source_key_out_of_the_summary(empty_db_url: str, tmp_path: Path) -> None:
    from netcompanion.core.services import open_services
    from netcompanion.core.store.database import Database

    old = Database.open(empty_db_url, migrate=False)
    old.upgrade("0005")  # before 0006 the key was the summary's last line
    lunch_key = "ics:9b1e4c4e-7b8a-4f0e-9a52-1b2c3d4e5f60@2026-03-20T16:30:00+00:00"
    with old.engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO contact (full_name, given_name, family_name, title, company, websites, address, linkedin,"
            " notes, interests, their_goals, needs, offers, tags, tier, archived, source, created_at, updated_at)"
            " VALUES ('Ana García', '', '', '', '', '[]', '', '', '', '', '', '', '', '[]', 'inner', false, 'manual',"
            " '2026-01-01 10:00:00', '2026-01-01 10:00:00')")
        connection.exec_driver_sql("INSERT INTO contactemail (contact_id, address, kind, position, checked)"
                                   " VALUES (1, 'ana@garcia.example', 'work', 0, true)")
        for summary in (f"Meeting: Lunch\n[source: {lunch_key}]", f"Meeting: Lunch again\n[source: {lunch_key}]",
                        "Called her [source: a note of mine]"):
            connection.exec_driver_sql(
                "INSERT INTO interaction (contact_id, happened_at, channel, summary) VALUES "
                f"(1, '2026-03-20 16:30:00', 'meeting', '{summary}')")
    old.dispose()

    services = open_services(empty_db_url)
    try:
        rows = sorted(services.interactions.for_contact(1), key=lambda i: i.id)
        assert [(i.summary, i.source_key) for i in rows] == [
            ("Meeting: Lunch", lunch_key), ("Meeting: Lunch again", None),  # a key twice: on the first only
            ("Called her [source: a note of mine]", None)]  # typed by the user: left as it is
        report = import_activity_file(services, write(tmp_path, "tb.ics", files.thunderbird_calendar()),
                                      now=NOW, zone=BERLIN)
        assert [e.happened_at for e in report.logged] == [utc(2026, 3, 25, 16)]  # the lunch was logged before
        assert report.skipped_counts["logged before"] == 1
    finally:
        services.db.dispose()
