"""The attendee exports of event platforms, told apart by their headers: Eventbrite, Luma,
Swapcard, Brella, Whova, Hopin / RingCentral Events, Cvent and Meetup, in several languages.

`guess_format` reads a header: which platform wrote it, which column holds each attendee field,
which columns are the event's questions (their answers become the bio and the intents) and which
are bookkeeping (order numbers, ticket types, check-in times) to leave out.

The header names are those the platforms' help pages and exports show; the localised ones are
the translations the platforms use for their own interface. A header nobody listed still works:
an unknown column is read as a question.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from netcompanion.interop.csv_formats import ColumnRole, column_role, header_key


def attendee_key(header: str) -> str:
    """A header folded for matching, with `_` as a space (Luma writes `first_name`)."""
    return header_key(header.replace("_", " "))


@dataclass(frozen=True)
class Platform:
    """An event platform: its name and the headers only its exports have (any language)."""

    key: str
    name: str
    signature: tuple[str, ...]


PLATFORMS: tuple[Platform, ...] = (
    Platform("eventbrite", "Eventbrite", (
        "order", "order no", "order number", "order date", "ticket type", "attendee status", "total paid",
        "eventbrite fees", "eventbrite payment processing", "fees paid", "attendee",
        "bestellnr", "bestellnummer", "bestelldatum", "tickettyp", "ticketart", "teilnehmerstatus",
        "n de commande", "no de commande", "numero de commande", "date de la commande", "type de billet",
        "n de pedido", "numero de pedido", "fecha del pedido", "tipo de entrada", "n do pedido", "numero do pedido",
        "data do pedido", "tipo de ingresso", "n ordine", "numero ordine", "data ordine", "tipo di biglietto",
        "bestelnummer", "besteldatum", "tickettype", "soort ticket",
    )),
    Platform("luma", "Luma", (
        "api id", "approval status", "checked in at", "ticket name", "ticket type id", "qr code url", "eth address",
        "solana address", "custom source", "amount tax", "amount discount", "coupon code",
        "survey response rating", "survey response feedback", "has joined event",
    )),
    Platform("swapcard", "Swapcard", (
        "swapcard id", "registration code", "groups", "biography", "mobile phone", "twitter", "connections",
        "code d inscription", "groupes", "biographie", "codigo de registro", "grupos", "biografia",
        "registrierungscode", "gruppen", "biografie", "codice di registrazione", "gruppi", "registratiecode",
        "groepen", "organization", "organisation",
    )),
    Platform("brella", "Brella", (
        "intents", "intent", "intenties", "absichten", "intentions", "intenciones", "intencoes", "intenzioni",
        "intenti", "interests", "interesses", "interessen", "interets", "centres d interet", "intereses", "interessi",
        "looking for", "offering",
    )),
    Platform("whova", "Whova", (
        "affiliation", "whova id", "registration time", "ticket", "pronouns", "agenda", "afiliacion",
        "afiliacao", "affiliazione", "affiliatie", "zugehorigkeit",
    )),
    Platform("hopin", "Hopin / RingCentral Events", (
        "headline", "magic link", "registered at", "ticket", "checked in", "attendee id", "ringcentral", "hopin id",
        "registration date", "utm source", "utm medium",
    )),
    Platform("cvent", "Cvent", (
        "registration status", "registration type", "confirmation number", "invitee status", "attendee type",
        "reference id", "registration date", "email address", "company name",
        "estado de inscripcion", "tipo de inscripcion", "numero de confirmacion", "fecha de inscripcion",
        "statut d inscription", "type d inscription", "numero de confirmation", "date d inscription",
        "registrierungsstatus", "anmeldestatus", "registrierungstyp", "anmeldetyp", "bestatigungsnummer",
        "status da inscricao", "tipo de inscricao", "numero de confirmacao", "data de inscricao",
        "stato registrazione", "stato della registrazione", "tipo di registrazione", "numero di conferma",
        "registratiestatus", "registratietype", "bevestigingsnummer", "inschrijvingsstatus",
    )),
    Platform("meetup", "Meetup", (
        "user id", "member id", "rsvp", "guests", "rsvped on", "joined group on", "url of member profile",
        "event host", "rsvp status", "response",
    )),
)
MIN_SIGNATURE_HITS = 2

#: attendee fields under names the contact tables do not know (our key -> folded header names)
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "name": ("name", "attendee name", "participant name", "member name", "nombre completo", "nome completo",
             "volledige naam", "naam", "nom complet", "vollstandiger name"),
    "company": ("affiliation", "organisation", "organization", "company name", "organization name", "bedrijfsnaam",
                "bedrijf", "organisatie", "nombre de la empresa", "organizacion", "organizzazione", "nome da empresa",
                "organizacao", "ragione sociale", "unternehmen", "arbeitgeber", "werkgever", "instelling",
                "afiliacion", "afiliacao", "affiliazione", "zugehorigkeit", "entreprise", "societe", "empresa"),
    "title": ("headline", "job title", "jobtitel", "functie", "functietitel", "cargo", "puesto", "titulo del puesto",
              "intitule du poste", "titre du poste", "qualifica", "mansione", "posizione", "ruolo",
              "berufsbezeichnung", "stellenbezeichnung", "positie", "position", "fonction", "poste", "funcao",
              "cargo profissional", "title"),
    "first_name": ("primeiro nome", "nome proprio", "given name", "voornaam", "prenom"),
    "last_name": ("sobrenome", "apelido", "ultimo nome", "apellido", "achternaam", "familienname", "cognome"),
    "bio": ("bio", "biography", "biografie", "biografia", "biographie", "about me", "about", "over mij", "sobre mi",
            "sobre mim", "chi sono", "a propos", "uber mich", "profile", "perfil", "profil", "profilo", "description",
            "beschrijving", "descripcion", "descricao", "descrizione", "beschreibung"),
}

#: words that make a column bookkeeping (order numbers, tickets, check-in, dates, ids), in any language
ADMIN_WORDS = frozenset("""
order orders ordine pedido commande bestellung bestelling bestelnummer bestellnr bestellnummer bestelldatum
besteldatum ticket tickets tickettyp tickettype ticketart billet entrada ingresso biglietto quantity menge quantite
cantidad quantidade quantita aantal price prijs preis prix precio preco prezzo fee fees currency coupon discount amount
total paid registration registered inscripcion inscricao inscription registrierung anmeldung registrazione registratie
inschrijving confirmation confirmacion confirmacao conferma bestatigungsnummer bevestigingsnummer checked check
eingecheckt rsvp rsvped qr barcode utm api url link id uuid created updated invitee approval guests gaste survey eth
solana host joined source reference date datum fecha data time timestamp
""".split())
#: whole headers that are about the person but not worth reading for a plan, nor a question
ADMIN_HEADERS = frozenset("""
groups|groupes|grupos|gruppen|gruppi|groepen|tags|pronouns|agenda|connections|meetings|country|land|pays|pais|paese|
city|stadt|ville|ciudad|cidade|citta|stad|twitter|website|phone number|mobile phone|phone|telefon|telephone|telefono
""".replace("\n", "").split("|"))
_NUMBER_MARK = re.compile(r"(?i)(?:#|\b(?:n[°ºo.]*|nr|no)\.?)\s*$|^\s*n[°º]")


def is_admin_column(header: str) -> bool:
    """An order number, a ticket type, a check-in time: a column that says nothing about the
    person. A header that asks a question ("…?") is never one."""
    raw = header.strip()
    if raw.endswith("?"):
        return False
    if _NUMBER_MARK.search(raw):
        return True
    key = attendee_key(header)
    if key in ADMIN_HEADERS or (key and all(word in ADMIN_HEADERS for word in key.split())):  # "Città / Ciudad"
        return True
    return any(word in ADMIN_WORDS or word.endswith("status") for word in key.split())


@dataclass
class AttendeeFormat:
    """What a header says: the platform (key and name, "" for a plain list), the column guessed
    for each attendee field, the question columns and the bookkeeping columns left out."""

    header: list[str]
    platform: str = ""
    platform_name: str = ""
    mapping: dict[str, str] = field(default_factory=dict)
    questions: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)


def detect_platform(header: list[str]) -> Platform | None:
    """The platform whose signature headers the header has most of (at least two)."""
    keys = {attendee_key(h) for h in header}
    best, best_hits = None, 0
    for platform in PLATFORMS:
        hits = len(keys & set(platform.signature))
        if hits > best_hits:
            best, best_hits = platform, hits
    return best if best_hits >= MIN_SIGNATURE_HITS else None


_WANTED_ROLES = {"name": ("full_name", "given_name"), "title": ("title",), "company": ("company",),
                 "email": ("email",), "bio": ("bio", "notes")}
_PERSON_ROLES = {"given_name", "family_name", "middle_name", "prefix", "suffix", "phone", "phone_label", "email_label", "website",
                 "website_label", "linkedin", "address", "address_part", "categories"}


def _alias_field(key: str) -> str | None:
    return next((ours for ours, names in FIELD_ALIASES.items() if key in names), None)


def guess_format(header: list[str]) -> AttendeeFormat:
    """The platform, the field columns, the question columns and the columns to leave out."""
    platform = detect_platform(header)
    found = AttendeeFormat(header=list(header), platform=platform.key if platform else "",
                           platform_name=platform.name if platform else "")
    roles: dict[str, ColumnRole] = {}
    for column in header:
        if is_admin_column(column):
            found.ignored.append(column)
            continue
        role = column_role(column) or column_role(column.replace("_", " "))
        if role is not None:
            roles[column] = role
    has_job_title = any(r.field == "title" for r in roles.values())
    for ours, fields in _WANTED_ROLES.items():
        for wanted in fields:
            chosen = next((c for c, r in sorted(roles.items(), key=lambda cr: cr[1].slot)
                           if r.field == wanted or (wanted == "title" and r.field == "ambiguous_title" and not has_job_title)),
                          None)
            if chosen is not None:
                found.mapping[ours] = chosen
                break
    for column in header:
        if column in found.ignored or column in found.mapping.values():
            continue
        if column in roles and roles[column].field in _PERSON_ROLES:
            continue  # the last name, a phone, an address: about the person, not an answer
        alias = _alias_field(attendee_key(column))
        if alias is None:
            found.questions.append(column)
        elif alias not in found.mapping:
            found.mapping[alias] = column
    return found
