"""Export, then import into a fresh database: nothing is lost, in every format."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
import vobject
from icalendar import Calendar

from netcompanion.core.services import ContactFields
from netcompanion.interop.csv_write import escape_cell, is_phone_column
from netcompanion.interop.exporter import export_contacts
from netcompanion.interop.importer import import_file
from tests.interop.helpers import comparable

CARD_FIELDS = ("full_name", "given_name", "family_name", "title", "company", "emails", "phones", "websites",
               "address", "linkedin", "notes", "goals", "tags")


def populate(services) -> None:
    services.events.add("Web Summit", "investor", start="2026-11-10T09:00", end="2026-11-12T18:00")
    services.goals.add("Board seat")
    services.contacts.add(ContactFields(
        full_name="Dr. Jane Q. Doe, PhD", title="VP of Engineering", company="Acme Robotics GmbH",
        emails=["jane@acme.de", "jane.doe@gmail.com"],
        phones=[("+49 30 1234567", "work"), ("+49 171 1234567", "mobile"), ("+49 30 1234568", "fax"),
                ("+1 415 555 0132", "other")],
        websites=["acme.de", "janedoe.dev"], address="Torstraße 1\n10119 Berlin\nGermany",
        linkedin="https://www.linkedin.com/in/janedoe", tags=["=HYPERLINK(\"x\")", "robots, AI & ML", "-vip"],
        notes="Line one; with, commas\n=1+2 is not a formula\n\"quoted\" \\ backslash", tier="warm",
        interests="sailing", needs="a CFO", offers="intros to Berlin VCs", their_goals="Series A"),
        goals=["investor", "board-seat"], event="Web Summit", detail="their fund led two seed rounds")
    services.contacts.add(ContactFields(full_name="王小明", given_name="小明", family_name="王", company="深圳光电",
                                        emails=["xiaoming@szoe.cn"]), goals=["partner"])
    services.contacts.add(ContactFields(company="Acme Support Desk", emails=["+support@acme.de"]))
    services.contacts.add(ContactFields(full_name="Zoë 🚀 Laurent", phones=[("+33 6 12 34 56 78", "mobile")],
                                        notes="@mention and +plus and -minus"))


def by_name(services) -> dict[str, dict]:
    return {c.full_name or c.company: comparable(c) for c in services.contacts.list(include_archived=True)}


@pytest.mark.parametrize(
    ("fmt", "options", "fields"),
    [
        ("vcard", {"vcard_version": "3.0"}, None),
        ("vcard", {"vcard_version": "4.0"}, None),
        ("csv", {"csv_format": "google"}, CARD_FIELDS),
        ("csv", {"csv_format": "outlook"}, CARD_FIELDS),
    ],
    ids=["vcard3", "vcard4", "google-csv", "outlook-csv"],
)
def test_round_trip_loses_nothing(services, fresh_services, tmp_path: Path, fmt: str, options: dict, fields) -> None:
    populate(services)
    if fmt == "csv":  # a CSV label is a goal when the database knows a goal of that name, else a tag
        fresh_services.goals.add("Board seat")
    data, count = export_contacts(services, fmt, **options)
    path = tmp_path / f"export.{fmt}"
    path.write_bytes(data)
    report = import_file(fresh_services, path)
    assert count == 4 and report.count("added") == 4, report.entries
    before, after = by_name(services), by_name(fresh_services)
    assert before.keys() == after.keys()
    for name in before:
        expected, got = before[name], after[name]
        if fields:  # CSV has no column for the tier, interests, needs, offers
            expected, got = {k: expected[k] for k in fields}, {k: got[k] for k in fields}
        if options.get("csv_format") == "outlook":  # Outlook's columns are by kind, so phones come back by kind
            expected["phones"], got["phones"] = sorted(map(str, expected["phones"])), sorted(map(str, got["phones"]))
        assert got == expected, name
    again = import_file(fresh_services, path)
    assert again.count("unchanged") == 4  # a second import merges into the same contacts, changing nothing


def test_vcard_note_carries_the_conversation_detail(services) -> None:
    populate(services)
    text = export_contacts(services, "vcard")[0].decode()
    unfolded = text.replace("\r\n ", "")
    assert "NOTE:Line one\\; with\\, commas" in unfolded
    assert "Met at Web Summit on 2026-11-1" in unfolded and "their fund led two seed rounds" in unfolded
    assert "CATEGORIES:board-seat,investor," in unfolded


@pytest.mark.parametrize("csv_format", ["google", "outlook"])
def test_csv_cells_are_escaped_against_formula_injection(services, csv_format: str) -> None:
    populate(services)
    text = export_contacts(services, "csv", csv_format=csv_format)[0].decode("utf-8-sig")
    header, *rows = list(csv.reader(io.StringIO(text)))
    cells = [cell for row in rows for cell in row]
    phones = [cell for row in rows for name, cell in zip(header, row, strict=True) if is_phone_column(name) and cell]
    assert sorted(phones) == sorted(["+49301234567", "+491711234567", "+49301234568", "+14155550132",
                                     "+33612345678"])  # as they are, as Google writes them
    assert not [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r")) and c not in phones]
    assert "'@mention and +plus and -minus" in cells and "'+support@acme.de" in cells


@pytest.mark.parametrize(("value", "phone", "written"), [
    ("+49 (30) 123-45.67", True, "+49 (30) 123-45.67"),  # digits, spaces and + - ( ) . only: as it is
    ("-1", True, "-1"),
    ("+1 415 555 0132", False, "'+1 415 555 0132"),  # the same text in another column is escaped
    ("+1 =cmd|' /C calc'!A0", True, "'+1 =cmd|' /C calc'!A0"),  # a formula in a phone column stays escaped
    ("+49 30 1234567 ext", True, "'+49 30 1234567 ext"),
    ("-+()", True, "'-+()"),  # no digit: not a number
    ("@SUM(1)", True, "'@SUM(1)"),
    ("=1+2", False, "'=1+2"),
    ("030 1234567", True, "030 1234567"),
])
def test_only_plain_phone_numbers_are_written_without_the_apostrophe(value: str, phone: bool, written: str) -> None:
    assert escape_cell(value, phone=phone) == written


def test_exports_filtered_by_event_and_goal(services) -> None:
    populate(services)
    assert export_contacts(services, "vcard", event="Web Summit")[1] == 1
    assert export_contacts(services, "csv", goal="partner")[1] == 1


@pytest.mark.parametrize("kind", ["todo", "event"])
def test_ics_has_stable_uids_and_the_follow_up(services, kind: str) -> None:
    populate(services)
    first, count = export_contacts(services, "ics", ics_kind=kind)
    second, _ = export_contacts(services, "ics", ics_kind=kind)
    assert count == 1
    [entry] = Calendar.from_ical(first).walk("VTODO" if kind == "todo" else "VEVENT")
    [again] = Calendar.from_ical(second).walk("VTODO" if kind == "todo" else "VEVENT")
    assert entry["UID"] == again["UID"]
    assert str(entry["SUMMARY"]) == "Follow up: Dr. Jane Q. Doe, PhD"
    assert "their fund led two seed rounds" in str(entry["DESCRIPTION"])
    due = entry.decoded("DUE" if kind == "todo" else "DTSTART")
    assert due.isoformat() == "2026-11-13T18:00:00+00:00"  # 24 h after the event's end
    assert export_contacts(services, "ics", goal="partner")[1] == 0


@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_vcard_with_the_card_photo(services, tmp_path: Path, version: str) -> None:
    image = tmp_path / "card.jpg"
    image.write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4)
    services.cards.save_scan({"full_name": "Ada Lovelace", "emails": ["ada@engines.example"]}, image)
    text = export_contacts(services, "vcard", vcard_version=version, photos=True)[0].decode()
    [card] = vobject.readComponents(text)
    photo = card.contents["photo"][0]
    if version == "3.0":
        assert photo.value == image.read_bytes()  # vobject decodes ENCODING=b
    else:
        assert photo.value.startswith("data:image/jpeg;base64,/9j/")
    assert "PHOTO" not in export_contacts(services, "vcard", vcard_version=version)[0].decode()
