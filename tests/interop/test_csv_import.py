"""CSV files as Google, Outlook (English, German, Russian) and LinkedIn write them, and broken ones."""
from __future__ import annotations

from pathlib import Path

import pytest

from netcompanion.core.errors import ValidationError
from netcompanion.interop.csv_read import read_csv_text
from netcompanion.interop.errors import InputFileError
from netcompanion.interop.importer import import_file
from tests.interop.helpers import FIXTURES, comparable


def imported(services, name: str, **kwargs):
    report = import_file(services, FIXTURES / name, **kwargs)
    contacts = [comparable(services.contacts.get(e.contact_id)) for e in report.entries if e.contact_id]
    return report, contacts


def test_google_contacts_csv(services) -> None:
    report, (amara, xiaoming, john) = imported(services, "google_contacts.csv")
    assert report.format == "csv-google" and report.count("added") == 3
    assert amara["emails"] == ["amara@northwind.vc", "amara.okafor@gmail.com"]  # " ::: " in one cell
    assert amara["phones"] == [{"e164": "+447700900123", "kind": "mobile"}, {"e164": "+442079460958", "kind": "work"}]
    assert amara["linkedin"] == "https://www.linkedin.com/in/amaraokafor"
    assert amara["goals"] == ["investor"] and amara["tags"] == ["Lisbon 2026"]  # "* myContacts" dropped
    assert amara["notes"] == "Met at the LP dinner.\nWants seed deals in logistics."
    assert amara["address"] == "1 Canada Square\nLondon E14 5AB\nUK"
    assert xiaoming["company"] == "深圳光电有限公司"
    assert (john["full_name"], john["given_name"], john["family_name"]) == ("John Doe", "John", "Doe")


def test_google_legacy_csv(services) -> None:
    _, [lucia] = imported(services, "google_legacy.csv")
    assert lucia["full_name"] == "Lucía Fernández" and lucia["company"] == "Aceleradora Madrid"
    assert lucia["phones"] == [{"e164": "+34612345678", "kind": "mobile"}, {"e164": "+34911234567", "kind": "work"}]
    assert lucia["goals"] == ["mentor"] and lucia["websites"] == ["https://lucia.blog"]


def test_outlook_english_cp1252(services) -> None:
    report, [jose] = imported(services, "outlook_en_cp1252.csv")
    assert report.format == "csv-outlook"
    assert jose["full_name"] == "José Martínez"  # "Mr." is Outlook's Title column, not part of the name
    assert jose["title"] == "Head of Sales" and jose["company"] == "Café Olé Ltd."
    assert jose["notes"] == "Wants a pilot in Q1 — ask about the café chain."
    assert {p["kind"] for p in jose["phones"]} == {"work", "mobile", "fax"}
    assert jose["address"] == "12 Rue de Rivoli, Paris, 75001, France"
    assert jose["goals"] == ["client"] and jose["tags"] == ["Paris trip"]


def test_outlook_german_with_bom_before_cp1252(services) -> None:
    _, [juergen] = imported(services, "outlook_de_bom_cp1252.csv")
    assert juergen["full_name"] == "Jürgen Müller" and juergen["company"] == "Größe & Söhne GmbH"
    assert juergen["title"] == "Einkaufsleiter"
    assert juergen["phones"] == [{"e164": "+49711123456", "kind": "work"}, {"e164": "+491712345678", "kind": "mobile"},
                                 {"e164": "+49711123457", "kind": "fax"}]
    assert juergen["address"] == "Königstraße 5, Stuttgart, 70173, Deutschland"


def test_outlook_russian_cp1251(services) -> None:
    _, [anna] = imported(services, "outlook_ru_cp1251.csv")
    assert anna["full_name"] == "Анна Сергеевна Иванова" and anna["family_name"] == "Иванова"
    assert anna["title"] == "Генеральный директор" and anna["company"] == "ООО Ромашка"
    assert anna["emails"] == ["anna@romashka.ru"] and anna["goals"] == ["partner"]


def test_linkedin_connections(services) -> None:
    report, contacts = imported(services, "linkedin_connections.csv")
    assert report.format == "csv-linkedin"
    assert [(e.line, e.outcome) for e in report.entries] == [(5, "added"), (6, "added"), (7, "skipped"), (8, "added")]
    assert report.entries[2].reason == "the row has no name, company, e-mail or phone"
    priya, tom, zoe = contacts
    assert (priya["given_name"], priya["family_name"]) == ("Priya", "Raman")
    assert priya["linkedin"] == "https://www.linkedin.com/in/priyaraman" and priya["emails"] == []
    assert tom["emails"] == ["tom@obrien.io"] and tom["company"] == "O'Brien Capital"
    assert zoe["full_name"] == "Zoë 🚀 Laurent"


def test_a_ragged_row_is_skipped_and_listed(services) -> None:
    report, contacts = imported(services, "broken_ragged.csv")
    assert [(e.line, e.outcome) for e in report.entries] == [(2, "added"), (3, "skipped"), (4, "added")]
    assert "the row has 4 or more cells but the header (line 1) has 3" in report.entries[1].reason
    assert [c["full_name"] for c in contacts] == ["Ada Lovelace", "Grace Hopper"]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("broken_unclosed_quote.csv", "line 3: a quoted cell starts on this line and is never closed"),
        ("broken_mixed_encoding.csv", "line 3: byte 0xE9 is not UTF-8 although the rest of the file is"),
    ],
)
def test_broken_csv_names_the_line_and_imports_nothing(services, name: str, message: str) -> None:
    with pytest.raises(InputFileError, match=message):
        import_file(services, FIXTURES / name)
    assert services.contacts.list(include_archived=True) == []


def test_generic_csv_with_a_mapping(tmp_path: Path, services) -> None:
    path = tmp_path / "list.csv"
    path.write_text("Who;Org;Reach me\nAda Lovelace;Engines;ada@engines.example\n", encoding="utf-8")
    report = import_file(services, path, mapping={"name": "Who", "company": "org", "email": "Reach me"})
    [contact] = [comparable(services.contacts.get(e.contact_id)) for e in report.entries]
    assert (contact["full_name"], contact["company"], contact["emails"]) == ("Ada Lovelace", "Engines",
                                                                           ["ada@engines.example"])
    with pytest.raises(InputFileError, match="the file has no column 'Nope'; its columns are 'Who', 'Org'"):
        import_file(services, path, mapping={"name": "Nope"})
    with pytest.raises(ValidationError, match="unknown field 'shoe_size'"):
        import_file(services, path, mapping={"shoe_size": "Who"})


def test_unreadable_phone_and_email_stay_in_their_fields_marked_unchecked(tmp_path: Path, services) -> None:
    path = tmp_path / "x.csv"
    path.write_text("Name,Email,Phone\nAda,not-an-email,12\n", encoding="utf-8")
    report = import_file(services, path)
    [entry] = report.entries
    assert entry.outcome == "added" and len(entry.warnings) == 2
    ada = services.contacts.get(entry.contact_id)
    assert [(e.address, e.checked) for e in ada.emails] == [("not-an-email", False)]
    assert [(p.e164, p.checked) for p in ada.phones] == [("12", False)]
    assert ada.notes == ""


def test_header_found_below_lines_of_notes_and_separator_sniffed() -> None:
    table = read_csv_text("Export of 2026-11-20\n\nName;Company;E-Mail\nA;B;c@d.e\n", is_known_header=lambda h: True)
    assert (table.header, table.header_line, table.delimiter) == (["Name", "Company", "E-Mail"], 3, ";")
    assert table.rows[0].line == 4 and table.rows[0].cells["Company"] == "B"
