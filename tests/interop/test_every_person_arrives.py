"""Every person in a file arrives: e-mail-only rows and cards, numbers read in the right country,
and values that do not read kept in their field, marked unchecked (issue 19, item 1)."""
from __future__ import annotations

from pathlib import Path

from netcompanion.core.services.incoming import ContactFields, clean_fields, majority_region, own_region
from netcompanion.interop.importer import import_file

GOOGLE_HEADER = ("First Name,Middle Name,Last Name,Organization Name,Organization Title,Labels,"
                 "E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value,"
                 "Address 1 - City,Address 1 - Country")


def test_google_rows_with_only_an_email_are_imported_and_shown_by_address(tmp_path: Path, services) -> None:
    path = tmp_path / "contacts.csv"
    path.write_text(GOOGLE_HEADER + "\n"
                    "Kari,,Nordmann,Equinor,Engineer,* myContacts,* Work,kari@equinor.example,,,,\n"
                    ",,,,,* myContacts,* Other,ola.hansen@example.no,,,,\n"
                    ",,,,,* myContacts,,,Mobile,+47 915 51 000,,\n"
                    ",,,,,* myContacts,* Home,per@example.no ::: per.work@example.no,,,,\n", encoding="utf-8")
    report = import_file(services, path)
    assert [e.outcome for e in report.entries] == ["added"] * 4
    assert [e.name for e in report.entries] == ["Kari Nordmann", "ola.hansen@example.no", "+47 915 51 000",
                                                "per@example.no"]
    labels = sorted(row.label for row in services.contact_table.rows())
    assert labels == ["", "Kari Nordmann", "ola.hansen@example.no", "per@example.no"]  # the phone-only one has none


def test_an_android_vcard_with_only_an_email_or_a_phone_arrives(tmp_path: Path, services) -> None:
    path = tmp_path / "android.vcf"
    path.write_text("BEGIN:VCARD\r\nVERSION:2.1\r\nEMAIL;HOME:anna@example.se\r\nEND:VCARD\r\n"
                    "BEGIN:VCARD\r\nVERSION:2.1\r\nTEL;CELL:+46 70 123 45 67\r\nEND:VCARD\r\n"
                    "BEGIN:VCARD\r\nVERSION:2.1\r\nNOTE:nothing to reach\r\nEND:VCARD\r\n", encoding="utf-8")
    report = import_file(services, path)
    assert [e.outcome for e in report.entries] == ["added", "added", "skipped"]
    assert report.entries[2].reason == "a contact needs a name, a company, an e-mail or a phone"


def test_a_national_number_is_read_in_the_country_of_the_contacts_address(tmp_path: Path, services) -> None:
    path = tmp_path / "contacts.csv"
    path.write_text(GOOGLE_HEADER + "\n"
                    "Kari,,Nordmann,,,,,,Mobile,91551000,Oslo,Norway\n"
                    "Hans,,Muster,,,,,,Work,030 1234567,Berlin,Deutschland\n"
                    "Jane,,Roe,,,,,,Work,(415) 555-0132,,\n", encoding="utf-8")
    report = import_file(services, path)
    phones = {c.full_name: [(p.e164, p.checked) for p in c.phones] for c in services.contacts.list()}
    assert phones == {"Kari Nordmann": [("+4791551000", True)], "Hans Muster": [("+49301234567", True)],
                      "Jane Roe": [("+14155550132", True)]}  # no address: the home region (US in the tests)
    assert not any(e.warnings for e in report.entries)


def test_a_national_number_without_an_address_is_read_in_the_files_majority_country(tmp_path: Path,
                                                                                     services) -> None:
    path = tmp_path / "contacts.csv"
    rows = [f"Person{i},,Nordmann,,,,,,Mobile,+47 4{i}0 00 00{i},," for i in range(4)]
    rows.append("Ola,,Hansen,,,,,,Mobile,91551000,,")
    rows.append("Odd,,Short,,,,,,Mobile,+47 111111,,")
    rows.append("Eva,,Typo,,,,,,Mobile,+474800000,,")
    path.write_text(GOOGLE_HEADER + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    report = import_file(services, path)
    phones = {c.full_name: [(p.e164, p.checked) for p in c.phones] for c in services.contacts.list()}
    assert phones["Ola Hansen"] == [("+4791551000", True)]
    assert phones["Odd Short"] == [("+47 111111", False)]  # too short: kept as typed, in its field
    assert phones["Eva Typo"] == [("+474800000", False)]
    assert all(c.notes == "" for c in services.contacts.list())
    assert [w for e in report.entries for w in e.warnings] == [
        "'+47 111111' does not read as a phone number; kept as typed, marked unchecked",
        "'+474800000' does not read as a phone number; kept as typed, marked unchecked"]


def test_the_region_rules_in_order() -> None:
    by_address = ContactFields(phones=[("0612345678", "mobile")], address="Damrak 1, 1012 LG Amsterdam, Nederland")
    by_sibling = ContactFields(phones=[("+33 1 42 68 53 00", "work"), ("06 12 34 56 78", "mobile")])
    nothing = ContactFields(phones=[("0612345678", "mobile")])
    assert (own_region(by_address), own_region(by_sibling), own_region(nothing)) == ("NL", "FR", "")
    assert majority_region([by_sibling, ContactFields(phones=[("+47 91551000", "")]),
                            ContactFields(phones=[("+47 22 00 00 00", "")])]) == "NO"
    cleaned, _ = clean_fields(nothing, file_region="NL")
    assert cleaned.phones == [("+31612345678", "mobile")]
    cleaned, _ = clean_fields(by_sibling, file_region="NO")
    assert cleaned.phones == [("+33142685300", "work"), ("+33612345678", "mobile")]


def test_scan_import_and_manual_entry_follow_one_policy(services, tmp_path: Path) -> None:
    from netcompanion.core.services.cards import scan_to_fields

    scanned = scan_to_fields({"full_name": "Ada Scan", "emails": ["ada@@engines"],
                              "phones": [{"e164": "12", "kind": "work"}]}, region="GB")
    typed = services.contacts.add(ContactFields(full_name="Ada Typed", emails=["ada@@engines"], phones=[("12", "work")]))
    path = tmp_path / "x.csv"
    path.write_text("Name,Email,Phone\nAda File,ada@@engines,12\n", encoding="utf-8")
    import_file(services, path)
    [filed] = services.contacts.list(search="file")
    assert scanned.emails == ["ada@@engines"] and scanned.unchecked == ["ada@@engines", "12"]
    for contact in (typed, filed):
        assert [(e.address, e.checked) for e in contact.emails] == [("ada@@engines", False)]
        assert [(p.e164, p.checked) for p in contact.phones] == [("12", False)]
