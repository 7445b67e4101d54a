"""Fields other programs understand: a structured address, birthdays and anniversaries, a vCard
PHOTO kept as the contact's picture, and the HubSpot and Salesforce import layouts (issue 19, item 5)."""
from __future__ import annotations

import base64
import csv
import io
from pathlib import Path

import pytest

from netcompanion.core.services import ContactFields
from netcompanion.core.services.incoming import MAX_PHOTO_BYTES
from netcompanion.interop.exporter import export_contacts
from netcompanion.interop.importer import import_file

# a 1x1 PNG, hand-made: signature, IHDR, IDAT, IEND
PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")


def _kari(services):
    return services.contacts.add(ContactFields(
        full_name="Kari Nordmann", company="Equinor", title="Geologist", emails=["kari@equinor.example"],
        phones=[("+47 915 51 000", "mobile"), ("+47 22 00 00 00", "work")],
        address="Equinor, Forusbeen 50, 4035 Stavanger", address_street="Forusbeen 50",
        address_locality="Stavanger", address_region="Rogaland", address_postcode="4035", address_country="Norway",
        birthday="1985-04-12", anniversary="--06-21"))


PARTS = ("address_street", "address_locality", "address_region", "address_postcode", "address_country")


@pytest.mark.parametrize(("fmt", "options"), [("vcard", {"vcard_version": "3.0"}), ("vcard", {"vcard_version": "4.0"}),
                                               ("csv", {"csv_format": "google"}), ("csv", {"csv_format": "outlook"})])
def test_a_structured_address_and_the_dates_survive_a_round_trip(tmp_path: Path, services, fresh_services,
                                                                  fmt: str, options: dict) -> None:
    kari = _kari(services)
    content, _ = export_contacts(services, fmt, **options)
    path = tmp_path / f"kari.{'vcf' if fmt == 'vcard' else 'csv'}"
    path.write_bytes(content)
    [entry] = import_file(fresh_services, path).entries
    assert entry.outcome == "added", entry
    back = fresh_services.contacts.get(entry.contact_id)
    assert [getattr(back, p) for p in PARTS] == [getattr(kari, p) for p in PARTS]
    assert back.birthday == "1985-04-12"
    if fmt == "vcard" or options.get("csv_format") == "outlook":
        assert back.anniversary == ("--06-21" if fmt == "vcard" else "")  # Outlook writes no day without a year
    if fmt == "vcard":
        assert back.address == kari.address  # the free text as written, beside its parts


def test_a_vcard_photo_is_kept_shown_and_written_back(tmp_path: Path, services, fresh_services) -> None:
    path = tmp_path / "photo.vcf"
    folded = "\r\n ".join(base64.b64encode(PNG).decode()[i:i + 60] for i in range(0, len(base64.b64encode(PNG)), 60))
    path.write_text("BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Ola Hansen\r\nEMAIL:ola@example.no\r\n"
                    f"PHOTO;PNG;ENCODING=BASE64:{folded}\r\n\r\nEND:VCARD\r\n", encoding="utf-8")
    [entry] = import_file(services, path).entries
    assert services.contacts.photo(entry.contact_id) == (PNG, "image/png")
    for version in ("3.0", "4.0"):
        content, _ = export_contacts(services, "vcard", vcard_version=version)
        again = tmp_path / f"again-{version}.vcf"
        again.write_bytes(content)
        [back] = import_file(fresh_services, again).entries
        assert fresh_services.contacts.photo(back.contact_id) == (PNG, "image/png")


def test_a_photo_over_the_limit_is_not_kept_and_the_report_says_so(tmp_path: Path, services) -> None:
    big = base64.b64encode(b"\xff\xd8\xff" + bytes(MAX_PHOTO_BYTES * 2)).decode()
    path = tmp_path / "big.vcf"
    path.write_text(f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Big Photo\r\nPHOTO;ENCODING=b;TYPE=JPEG:{big}\r\nEND:VCARD\r\n",
                    encoding="utf-8")
    [entry] = import_file(services, path).entries
    assert entry.outcome == "added" and services.contacts.photo(entry.contact_id) is None
    assert any("larger than the 256 KB" in w for w in entry.warnings)


def _rows(content: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


def test_hubspot_layout_has_its_column_names_and_reads_back(tmp_path: Path, services, fresh_services) -> None:
    _kari(services)
    content, count = export_contacts(services, "csv", csv_format="hubspot")
    [row] = _rows(content)
    assert count == 1 and list(row) == ["First Name", "Last Name", "Email", "Phone Number", "Mobile Phone Number",
                                        "Fax Number", "Company Name", "Job Title", "Street Address", "City",
                                        "State/Region", "Postal Code", "Country/Region", "Website URL",
                                        "Date of birth"]
    assert (row["Email"], row["Mobile Phone Number"], row["Phone Number"], row["City"], row["Date of birth"]) == (
        "kari@equinor.example", "+4791551000", "+4722000000", "Stavanger", "1985-04-12")
    path = tmp_path / "hubspot.csv"
    path.write_bytes(content)
    report = import_file(fresh_services, path)
    back = fresh_services.contacts.get(report.entries[0].contact_id)
    assert report.format == "csv-hubspot" and (back.full_name, back.company, back.address_locality) == (
        "Kari Nordmann", "Equinor", "Stavanger")
    assert sorted((p.e164, p.kind) for p in back.phones) == [("+4722000000", "work"), ("+4791551000", "mobile")]


def test_salesforce_layout_has_its_column_names_and_reads_back(tmp_path: Path, services, fresh_services) -> None:
    _kari(services)
    services.contacts.add(ContactFields(emails=["only@mail.example"]))
    content, _ = export_contacts(services, "csv", csv_format="salesforce")
    rows = _rows(content)
    assert list(rows[0]) == ["First Name", "Last Name", "Title", "Account Name", "Email", "Phone", "Mobile", "Fax",
                             "Mailing Street", "Mailing City", "Mailing State/Province", "Mailing Zip/Postal Code",
                             "Mailing Country", "Birthdate", "Description"]
    kari = next(r for r in rows if r["Email"] == "kari@equinor.example")
    assert (kari["Account Name"], kari["Mailing Zip/Postal Code"], kari["Mailing Country"], kari["Birthdate"]) == (
        "Equinor", "4035", "Norway", "1985-04-12")
    assert all(r["Last Name"] for r in rows)  # Salesforce refuses a contact without one
    path = tmp_path / "salesforce.csv"
    path.write_bytes(content)
    report = import_file(fresh_services, path)
    assert report.format == "csv-salesforce" and report.count("added") == 2
