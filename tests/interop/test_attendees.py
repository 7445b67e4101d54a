"""Attendee lists: columns guessed in several languages, encodings detected, broken rows named."""
from __future__ import annotations

from pathlib import Path

import pytest

from netcompanion.interop.attendees import attendee_columns, read_attendees
from netcompanion.interop.errors import InputFileError
from tests.interop.helpers import FIXTURES


def test_german_list_with_notes_above_the_header_in_cp1252() -> None:
    rows = read_attendees(FIXTURES / "attendees_de_semicolon.csv")
    assert [(r["line"], r["name"]) for r in rows] == [(5, "Jürgen Müller"), (6, "Anna Schmidt"), (8, "Zoë Laurent")]
    juergen = rows[0]
    assert (juergen["title"], juergen["company"], juergen["email"]) == (
        "Einkaufsleiter", "Größe & Söhne GmbH", "j.mueller@groesse-soehne.de")
    assert juergen["bio"] == "Sucht Lieferanten für Zahlungsterminals"
    assert juergen["row"]["Vorname"] == "Jürgen"
    assert rows[2]["bio"] == "Baut Raketen; sucht Investoren"


def test_french_list() -> None:
    elodie, marc = read_attendees(FIXTURES / "attendees_fr.csv")
    assert elodie == {"name": "Élodie Dupont", "title": "Directrice financière", "company": "Soleil Énergie SA",
                      "email": "elodie.dupont@soleil-energie.fr", "bio": "Finance verte, 15 ans d'expérience",
                      "answers": {}, "row": elodie["row"], "line": 2}
    assert marc["bio"] == ""


def test_linkedin_export_as_attendee_list() -> None:
    rows = read_attendees(FIXTURES / "linkedin_connections.csv")
    assert [r["name"] for r in rows] == ["Priya Raman, PhD", "Tom O'Brien", "Zoë 🚀 Laurent"]


def test_mapping(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("Teilnehmer,Arbeitgeber,Rolle,Kontakt\nAda Lovelace,Engines,Founder,ada@e.example\n",
                    encoding="utf-16")
    [ada] = read_attendees(path, {"name": "Teilnehmer", "company": "Arbeitgeber", "title": "Rolle", "email": "Kontakt"})
    assert (ada["name"], ada["company"], ada["title"], ada["email"]) == ("Ada Lovelace", "Engines", "Founder",
                                                                         "ada@e.example")


def test_no_name_column_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("Foo,Bar\n1,2\n", encoding="utf-8")
    with pytest.raises(InputFileError, match="line 1: cannot tell which column holds the names; the columns are 'Foo', 'Bar'"):
        read_attendees(path)


def test_ragged_row_names_the_line() -> None:
    with pytest.raises(InputFileError, match="broken_ragged.csv, line 3: this row has 4 or more cells but the header"):
        read_attendees(FIXTURES / "broken_ragged.csv")


def test_columns_guessed_for_the_mapping_dialog() -> None:
    header, guessed = attendee_columns(FIXTURES / "attendees_de_semicolon.csv")
    assert header == ["Vorname", "Nachname", "Firma", "Position", "E-Mail", "Über mich"]
    assert guessed == {"name": "Vorname", "title": "Position", "company": "Firma", "email": "E-Mail", "bio": "Über mich"}
    # the dialog's answer, fed back: "name" on the first-name column still joins the last name; "(none)" is ""
    rows = read_attendees(FIXTURES / "attendees_de_semicolon.csv", {**guessed, "bio": ""})
    assert rows[0]["name"] == "Jürgen Müller" and rows[0]["bio"] == ""
    header, guessed = attendee_columns(FIXTURES / "attendees_fr.csv")
    assert guessed == {"name": "Nom complet", "title": "Fonction", "company": "Société", "email": "Courriel",
                       "bio": "Biographie"}


def test_an_empty_name_mapping_still_finds_first_and_last_names() -> None:
    rows = read_attendees(FIXTURES / "attendees_de_semicolon.csv", {"name": "", "title": "", "company": "Firma"})
    assert rows[0]["name"] == "Jürgen Müller" and rows[0]["title"] == "" and rows[0]["company"] == "Größe & Söhne GmbH"
