"""Attendee exports of event platforms recognised from their headers, in several languages: the
platform, the field columns, the question columns and the bookkeeping left out."""
from __future__ import annotations

from pathlib import Path

import pytest

from netcompanion.interop.attendee_formats import guess_format, is_admin_column
from netcompanion.interop.attendees import attendee_format, read_attendees

HEADERS = {
    "eventbrite": [
        (["Order #", "Order Date", "First Name", "Last Name", "Email", "Quantity", "Ticket Type", "Attendee #",
          "Job Title", "Company", "What are you looking for?", "Attendee Status"],
         {"name": "First Name", "title": "Job Title", "company": "Company", "email": "Email"},
         ["What are you looking for?"]),
        (["Bestellnr.", "Bestelldatum", "Vorname", "Nachname", "E-Mail", "Menge", "Tickettyp", "Teilnehmer-Nr.",
          "Berufsbezeichnung", "Unternehmen", "Was suchen Sie?", "Teilnehmerstatus"],
         {"name": "Vorname", "title": "Berufsbezeichnung", "company": "Unternehmen", "email": "E-Mail"},
         ["Was suchen Sie?"]),
        (["N.º de pedido", "Fecha del pedido", "Nombre", "Apellidos", "Correo electrónico", "Cantidad",
          "Tipo de entrada", "Cargo", "Empresa", "¿Qué buscas?"],
         {"name": "Nombre", "title": "Cargo", "company": "Empresa", "email": "Correo electrónico"}, ["¿Qué buscas?"]),
    ],
    "luma": [
        (["api_id", "name", "first_name", "last_name", "email", "phone_number", "created_at", "approval_status",
          "checked_in_at", "custom_source", "qr_code_url", "amount", "ticket_type_id", "ticket_name",
          "What do you do?", "What are you hoping to get out of this event?"],
         {"name": "name", "email": "email"}, ["What do you do?", "What are you hoping to get out of this event?"]),
    ],
    "swapcard": [
        (["Prénom", "Nom", "Email", "Fonction", "Organisation", "Biographie", "Groupes", "Code d'inscription",
          "Ce que je recherche"],
         {"name": "Prénom", "title": "Fonction", "company": "Organisation", "email": "Email", "bio": "Biographie"},
         ["Ce que je recherche"]),
        (["First name", "Last name", "Email", "Job title", "Organization", "Biography", "Mobile phone", "Groups",
          "Registration code", "Interests"],
         {"name": "First name", "title": "Job title", "company": "Organization", "email": "Email", "bio": "Biography"},
         ["Interests"]),
    ],
    "brella": [
        (["Voornaam", "Achternaam", "E-mailadres", "Bedrijf", "Functie", "Biografie", "Intenties", "Interesses", "Land"],
         {"name": "Voornaam", "title": "Functie", "company": "Bedrijf", "email": "E-mailadres", "bio": "Biografie"},
         ["Intenties", "Interesses"]),
        (["First name", "Last name", "Email", "Company", "Title", "Bio", "Intents", "Interests", "Looking for", "Offering"],
         {"name": "First name", "title": "Title", "company": "Company", "email": "Email", "bio": "Bio"},
         ["Intents", "Interests", "Looking for", "Offering"]),
    ],
    "whova": [
        (["Name", "Email", "Affiliation", "Title", "Ticket", "Registration Time", "Pronouns", "Interests"],
         {"name": "Name", "title": "Title", "company": "Affiliation", "email": "Email"}, ["Interests"]),
    ],
    "hopin": [
        (["First Name", "Last Name", "Email", "Headline", "Ticket", "Registered at", "Checked in", "Magic link",
          "Why are you attending?"],
         {"name": "First Name", "title": "Headline", "email": "Email"}, ["Why are you attending?"]),
    ],
    "cvent": [
        (["Nombre", "Apellidos", "Dirección de correo electrónico", "Empresa", "Cargo", "Estado de inscripción",
          "Tipo de inscripción", "Número de confirmación", "¿Qué busca en este evento?"],
         {"name": "Nombre", "title": "Cargo", "company": "Empresa", "email": "Dirección de correo electrónico"},
         ["¿Qué busca en este evento?"]),
        (["First Name", "Last Name", "Email Address", "Company Name", "Title", "Registration Status",
          "Registration Type", "Confirmation Number", "Registration Date"],
         {"name": "First Name", "title": "Title", "company": "Company Name", "email": "Email Address"}, []),
        (["Nome", "Sobrenome", "Endereço de e-mail", "Nome da empresa", "Cargo", "Status da inscrição",
          "Tipo de inscrição", "Número de confirmação"],
         {"name": "Nome", "title": "Cargo", "company": "Nome da empresa",  # Sobrenome: a family name, as in English
          "email": "Endereço de e-mail"}, []),
    ],
    "meetup": [
        (["Name", "User ID", "Title", "Event Host", "RSVP", "Guests", "RSVPed on", "Joined Group on",
          "URL of Member Profile", "What brings you here?"],
         {"name": "Name", "title": "Title"}, ["What brings you here?"]),
    ],
}
CASES = [(platform, *case) for platform, cases in HEADERS.items() for case in cases]


@pytest.mark.parametrize(("platform", "header", "mapping", "questions"), CASES,
                         ids=[f"{c[0]}-{c[1][2]}" for c in CASES])
def test_platform_export_recognised(platform: str, header: list[str], mapping: dict[str, str],
                                    questions: list[str]) -> None:
    found = guess_format(header)
    assert found.platform == platform
    assert found.mapping == mapping
    assert found.questions == questions


def test_a_plain_list_is_no_platform() -> None:
    found = guess_format(["Name", "Company", "Title", "Email", "Notes"])
    assert found.platform == "" and found.questions == [] and found.mapping["bio"] == "Notes"


@pytest.mark.parametrize("header", ["Order #", "Attendee #", "Teilnehmer-Nr.", "Número de confirmación",
                                    "checked_in_at", "Ticket Type", "Statut d'inscription", "RSVPed on"])
def test_bookkeeping_columns(header: str) -> None:
    assert is_admin_column(header)


@pytest.mark.parametrize("header", ["What are you looking for?", "Job Title", "Intents", "¿Qué busca en este evento?",
                                    "What date works for a meeting?"])
def test_columns_that_are_not_bookkeeping(header: str) -> None:
    assert not is_admin_column(header)


def test_an_eventbrite_export_reads_its_answers_and_skips_its_numbers(tmp_path: Path) -> None:
    path = tmp_path / "eventbrite.csv"
    path.write_text(
        "Order #,Order Date,First Name,Last Name,Email,Ticket Type,Attendee #,Job Title,Company,"
        "What are you looking for?,Dietary needs\n"
        "1001,2026-10-01,Lena,Vogt,lena@elbe.example,General,9001,General Partner,Elbe Ventures,"
        "Seed deals in logistics,\n", encoding="utf-8")
    assert attendee_format(path).platform_name == "Eventbrite"
    [lena] = read_attendees(path)
    assert (lena["name"], lena["title"], lena["company"]) == ("Lena Vogt", "General Partner", "Elbe Ventures")
    assert lena["answers"] == {"What are you looking for?": "Seed deals in logistics"}
    assert lena["bio"] == "What are you looking for?: Seed deals in logistics"
    [only_one] = read_attendees(path, questions=["Dietary needs"])
    assert only_one["answers"] == {} and only_one["bio"] == ""


def test_a_luma_export_with_underscored_headers(tmp_path: Path) -> None:
    path = tmp_path / "luma.csv"
    path.write_text("api_id,name,first_name,last_name,email,approval_status,ticket_name,What do you do?\n"
                    "evt-1,Ana Lima,Ana,Lima,ana@lima.example,approved,Standard,Angel investor in B2B SaaS\n",
                    encoding="utf-8")
    [ana] = read_attendees(path)
    assert ana["name"] == "Ana Lima" and ana["answers"] == {"What do you do?": "Angel investor in B2B SaaS"}
