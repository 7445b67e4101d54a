"""Matching incoming contacts with stored ones, merging without losing anything, and all-or-nothing imports."""
from __future__ import annotations

from pathlib import Path

import pytest

from netcompanion.core.services import ContactFields
from netcompanion.core.services import file_import as merge_module
from netcompanion.core.services.incoming import IncomingContact
from netcompanion.core.services.matching import company_key
from netcompanion.core.services.merge import merge_into
from netcompanion.interop.importer import import_file


def stored(services):
    return services.contacts.add(ContactFields(
        full_name="Jane Doe", title="CTO", company="Acme Robotics GmbH", emails=["jane@acme.de"],
        phones=[("+49 30 1234567", "work")], websites=["acme.de"], notes="Met at Slush.", tags=["robots"]),
        goals=["investor"])


@pytest.mark.parametrize(
    ("incoming", "reason"),
    [
        (ContactFields(full_name="J. Doe", emails=["JANE@acme.de"]), "same e-mail JANE@acme.de"),
        (ContactFields(full_name="Someone", phones=[("030 1234567", "work")], region="DE"), "same phone +49301234567"),
        (ContactFields(full_name="Jane  Doé", company="ACME Robotics"), "similar name at ACME Robotics"),
        (ContactFields(full_name="Doe Jane", company="Acme Robotics GmbH"), "similar name at Acme Robotics GmbH"),
        (ContactFields(full_name="Jane Doe"), "same name"),
    ],
)
def test_matches(services, incoming: ContactFields, reason: str) -> None:
    jane = stored(services)
    found = services.transfer.find_match(incoming)
    assert found is not None and found[0].id == jane.id and found[1] == reason


@pytest.mark.parametrize(
    "incoming",
    [ContactFields(full_name="Jane Doe", company="Other Corp"), ContactFields(full_name="John Dole", company="Acme"),
     ContactFields(company="Acme Robotics GmbH")],
)
def test_no_match(services, incoming: ContactFields) -> None:
    stored(services)
    assert services.transfer.find_match(incoming) is None


def test_company_key_ignores_legal_forms() -> None:
    assert company_key("Acme Robotics GmbH") == company_key("ACME Robotics") == "acme robotics"


def test_merge_never_loses_stored_data_and_a_newer_title_replaces_the_old_one(services) -> None:
    jane = stored(services)
    incoming = IncomingContact(ContactFields(
        full_name="Jane Doe", title="CEO", company="Acme Robotics", emails=["jane@acme.de", "jane@gmail.com"],
        phones=[("+1 415 555 0132", "mobile")], websites=["janedoe.dev"], address="Torstraße 1, Berlin",
        notes="Wants intros."), categories=["mentor", "hardware"], line=7)
    report = services.transfer.import_contacts([incoming], source="x")
    [entry] = report.entries
    assert (entry.outcome, entry.contact_id, entry.line, entry.reason) == ("merged", jane.id, 7, "same e-mail jane@acme.de")
    assert "title 'CTO' -> 'CEO'" in entry.changes
    merged = services.contacts.get(jane.id)
    assert merged.title == "CEO" and merged.company == "Acme Robotics GmbH"  # the same company, kept as it was
    [old] = services.contacts.history(jane.id)
    assert (old.field, old.old_value, old.new_value, old.source) == ("title", "CTO", "CEO", "x")
    assert merged.address == "Torstraße 1, Berlin"  # filled in
    assert [e.address for e in merged.emails] == ["jane@acme.de", "jane@gmail.com"]
    assert [p.e164 for p in merged.phones] == ["+49301234567", "+14155550132"]
    assert merged.websites == ["acme.de", "janedoe.dev"] and merged.tags == ["hardware", "robots"]
    assert merged.notes == "Met at Slush.\n\nWants intros."
    assert sorted(g.key for g in merged.goals) == ["investor", "mentor"]
    assert len(services.contacts.list()) == 1


def test_duplicates_inside_one_file_merge_on_a_shared_email_only(tmp_path: Path, services) -> None:
    path = tmp_path / "dups.csv"
    path.write_text("Name,Company,Email,Phone\nAda Lovelace,Engines,ada@engines.example,\n"
                    "Ada Lovelace,Engines Ltd,ada@engines.example,+1 415 555 0100\n"
                    "Ada Lovelace,Engines,ada@other.example,\n", encoding="utf-8")
    report = import_file(services, path)
    assert [e.outcome for e in report.entries] == ["added", "merged", "added"]
    assert any(w.startswith("possible duplicate of Ada Lovelace") for w in report.entries[2].warnings)
    first, second = sorted(services.contacts.list(), key=lambda c: c.id or 0)
    assert [p.e164 for p in first.phones] == ["+14155550100"]
    assert [e.address for e in second.emails] == ["ada@other.example"]


def test_event_and_goal_options(tmp_path: Path, services) -> None:
    services.events.add("Web Summit", "client", start="2026-11-10T09:00", end="2026-11-12T18:00")
    path = tmp_path / "x.csv"
    path.write_text("Name,Email\nAda Lovelace,ada@engines.example\n", encoding="utf-8")
    import_file(services, path, event="Web Summit", goal="mentor")
    again = import_file(services, path, event="Web Summit", goal="mentor")
    assert again.count("unchanged") == 1  # no second encounter, no second follow-up
    [ada] = services.contacts.list(event="Web Summit")
    assert sorted(g.key for g in ada.goals) == ["mentor"]
    assert len(services.followups.open_items()) == 1


def test_an_error_midway_imports_nothing(tmp_path: Path, services, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "x.csv"
    path.write_text("Name\nOne\nTwo\nThree\n", encoding="utf-8")
    real = merge_module.build_contact
    calls = []

    def failing(fields):
        calls.append(fields)
        if len(calls) == 3:
            raise RuntimeError("disk full")
        return real(fields)

    monkeypatch.setattr(merge_module, "build_contact", failing)
    with pytest.raises(RuntimeError):
        import_file(services, path)
    assert services.contacts.list(include_archived=True) == []


def test_dry_run_stores_nothing(tmp_path: Path, services) -> None:
    path = tmp_path / "x.csv"
    path.write_text("Name\nOne\nTwo\n", encoding="utf-8")
    report = import_file(services, path, dry_run=True)
    assert report.count("added") == 2 and report.dry_run
    assert services.contacts.list() == []


def test_same_name_with_another_email_and_no_company_is_someone_new(services) -> None:
    stored(services)
    assert services.transfer.find_match(ContactFields(full_name="Jane Doe", emails=["jane@other.org"])) is None


def test_duplicates_across_write_batches_are_merged(tmp_path: Path, services, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(merge_module, "FLUSH_EVERY", 2)
    path = tmp_path / "dups.csv"
    rows = [f"Person {i},Co {i},p{i}@x.example,+1 415 555 {100 + i:04d}" for i in range(5)]
    rows += ["Person 0,Co 0 Inc,,+1 415 555 0100", "P. One,Other,p1@x.example,", "Person 2,Co 2,,"]
    path.write_text("Name,Company,Email,Phone\n" + "\n".join(rows) + "\n", encoding="utf-8")
    report = import_file(services, path)
    assert [e.outcome for e in report.entries] == ["added"] * 5 + ["unchanged", "unchanged", "added"]
    assert [e.reason for e in report.entries[5:7]] == ["same phone +14155550100", "same e-mail p1@x.example"]
    # the row is as old as the file, older than the contact its first row made: nothing is newer
    assert "kept company 'Co 1' (the file, older than the contact, has 'Other')" in report.entries[6].warnings
    assert "similar name at Co 2" in report.entries[7].warnings[0]  # a possible duplicate, listed, not merged
    assert len({e.contact_id for e in report.entries}) == 6 and None not in {e.contact_id for e in report.entries}
    assert len(services.contacts.list()) == 6


def test_merge_into_cleans_raw_fields_itself(services) -> None:
    from netcompanion.core.store.models import Contact

    jane = stored(services)
    with services.db.transaction() as session:
        contact = session.get(Contact, jane.id)
        changes, warnings = merge_into(session, contact, ContactFields(
            phones=[("030 7654321", "mobile"), ("call me", "work")], emails=["JANE@ACME.DE", "new@acme.de"], region="DE"))
    assert changes == ["e-mail new@acme.de", "phone +49307654321", "phone call me"]
    assert warnings == ["'call me' does not read as a phone number; kept as typed, marked unchecked"]
    merged = services.contacts.get(jane.id)
    assert [(p.e164, p.checked) for p in merged.phones] == [("+49301234567", True), ("+49307654321", True),
                                                            ("call me", False)]
    assert merged.notes == "Met at Slush."


def test_progress_and_cancelling(tmp_path: Path, services, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(merge_module, "FLUSH_EVERY", 2)
    path = tmp_path / "x.csv"
    path.write_text("Name\n" + "".join(f"Person {i}\n" for i in range(5)), encoding="utf-8")
    seen: list[tuple[int, int]] = []
    import_file(services, path, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(2, 5), (4, 5), (5, 5)]

    class Cancelled(Exception):
        pass

    def cancel(done: int, total: int) -> None:
        raise Cancelled

    path.write_text("Name\n" + "".join(f"Other {i}\n" for i in range(5)), encoding="utf-8")
    with pytest.raises(Cancelled):
        import_file(services, path, progress=cancel)
    assert len(services.contacts.list()) == 5  # nothing of the cancelled import
