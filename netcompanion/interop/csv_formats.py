"""What the columns of a contact or attendee CSV mean, in the exports of Google, Outlook (in
several languages), LinkedIn and in hand-made lists.

`column_role` reads one header cell; `resolve_roles` reads a whole header, settles the
ambiguous "Title" (a job title, unless the file also has a job-title column, as Outlook does,
where it is the honorific) and applies the user's own mapping.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from netcompanion.core.errors import ValidationError
from netcompanion.interop.errors import InputFileError
from netcompanion.interop.outlook_headers import OUTLOOK_HEADERS, header_key, outlook_role

SINGLE_FIELDS = ("full_name", "given_name", "middle_name", "family_name", "prefix", "suffix", "company",
                 "title", "linkedin", "address", "notes", "bio", "categories", "birthday", "anniversary")


@dataclass(frozen=True)
class ColumnRole:
    """What one column holds: a field, its slot ("E-mail 2" is slot 2) and a kind (phone kind,
    address part and group)."""

    field: str
    slot: int = 0
    kind: str = ""


_NAME_RULES: list[tuple[str, str]] = [
    ("full_name", r"(full |display |contact |attendee |participant )?name|nom complet|nom et prenom|nombre completo|"
                  r"nome completo|vollstandiger name|teilnehmer( name)?|participant|attendee|фио|полное имя|имя и фамилия"),
    ("given_name", r"(first|given) name|first|vorname|prenom|nombre|nome|voornaam|imie|имя"),
    ("middle_name", r"(middle|additional) name|weitere vornamen|deuxieme prenom|segundo nombre|отчество"),
    ("family_name", r"(last|family) name|surname|last|nachname|nom( de famille)?|apellidos?|cognome|achternaam|"
                    r"nazwisko|фамилия"),
    ("prefix", r"(name )?prefix|anrede|civilite|tratamiento|обращение"),
    ("suffix", r"(name )?suffix|suffixe?|sufijo|суффикс"),
    ("company", r"(company|organi[sz]ation)( name)?|organization 1 name|employer|firm|firma|unternehmen|societe|"
                r"entreprise|empresa|azienda|bedrijf|organizacion|компания|организация|место работы"),
    ("title", r"job title|position|role|organization( 1)? title|job|function|designation|funktion|"
              r"berufsbezeichnung|fonction|poste|cargo|puesto|ruolo|functie|должность"),
    ("ambiguous_title", r"title|titel|titre|titolo|titulo"),
    ("linkedin", r"linkedin( url| profile| profile url)?"),
    ("notes", r"notes?|notizen|remarques|notas|заметки|comments?|kommentare?|bemerkungen"),
    ("bio", r"bio|biography|about|description|summary|beschreibung|uber mich|biographie|descripcion|описание|о себе"),
    ("categories", r"categories|labels|group membership|kategorien|categorias|категории|tags"),
    ("birthday", r"birthday|date of birth|dob|geburtstag|anniversaire|cumpleanos|compleanno|день рождения"),
    ("anniversary", r"anniversary|jahrestag|aniversario|anniversario|годовщина"),
    ("address", r"(business |work )?address|(address \d+ )?formatted|adresse|anschrift|direccion|indirizzo|адрес"),
]
_NAME_PATTERNS = [(role, re.compile(f"^(?:{pattern})$")) for role, pattern in _NAME_RULES]

_EMAIL = re.compile(r"e ?mail|courriel|correo|messagerie|почт")
_PHONE = re.compile(r"phone|telefon|telephone|tel|телефон|mobile|mobil|cell|handy|fax|telecopie|факс|movil|"
                    r"cellulare|portable")
_WEBSITE = re.compile(r"website|web page|webseite|homepage|^url$|site web|pagina web|веб страница|web site|sitio web")
_NOT_A_VALUE = re.compile(r"display|anzeige|name|nom|type|typ|тип|имя|phonetic|yomi|kind|label")
_LABEL = re.compile(r"\b(label|type)$")
_SLOT = re.compile(r"\b(\d+)\b")
_PHONE_KINDS = [("fax", re.compile(r"fax|telecopie|факс")),
                ("mobile", re.compile(r"mobile|mobil|cell|handy|portable|movil|cellulare|мобильн|сотов")),
                ("work", re.compile(r"business|work|geschaftlich|bureau|professionnel|рабоч|раб|company|trabajo|"
                                    r"ufficio|primary|^phone$|^telefon$|^telephone$|^тел(ефон)?$"))]
_ADDRESS_PARTS = [("country", re.compile(r"country|\bland\b|\bpays\b|\bpais\b|страна")),
                  ("street", re.compile(r"street|strasse|\brue\b|calle|улица")),
                  ("city", re.compile(r"city|\bort\b|ville|ciudad|город")),
                  ("state", re.compile(r"state|region|province|bundesland|область|край")),
                  ("postal", re.compile(r"postal|zip|postleitzahl|code postal|codigo postal|индекс"))]
_ADDRESS_GROUPS = [("business", re.compile(r"business|work|geschaftlich|bureau|professionnel|раб")),
                   ("home", re.compile(r"home|privat|domicile|дом")), ("other", re.compile(r"other|weitere|autre|друг"))]


def column_role(header: str) -> ColumnRole | None:
    """The role of a column named `header`, or None for a column we do not import."""
    key = header_key(header)
    if not key:
        return None
    outlook = outlook_role(header)
    if outlook is not None:
        field, slot, kind = outlook
        return None if field == "ignored" else ColumnRole(field, slot, kind)
    slot_match = _SLOT.search(key)
    slot = int(slot_match.group(1)) if slot_match else 1
    bare = _SLOT.sub("", key).replace(" - ", " ").strip()
    bare = " ".join(bare.split())
    if _EMAIL.search(bare) and not _NOT_A_VALUE.search(bare.replace("value", "")):
        return ColumnRole("email", slot)
    if _EMAIL.search(bare) and _LABEL.search(bare):
        return ColumnRole("email_label", slot)
    address = _address_role(bare, slot)
    if address:
        return address
    if _PHONE.search(bare) and "phonetic" not in bare:
        if _LABEL.search(bare):
            return ColumnRole("phone_label", slot)
        return ColumnRole("phone", slot, phone_kind_from_label(bare))
    if _WEBSITE.search(bare):
        return ColumnRole("website_label" if _LABEL.search(bare) else "website", slot)
    for role, pattern in _NAME_PATTERNS:
        if pattern.match(key) or pattern.match(bare.removesuffix(" value")):
            return ColumnRole(role, slot)
    return None


def phone_kind_from_label(label: str) -> str:
    """work, mobile, fax or other, from a column name or a label such as "Work Fax" or "* Mobile"."""
    key = header_key(label)
    for kind, pattern in _PHONE_KINDS:
        if pattern.search(key):
            return kind
    return "other"


def _address_role(key: str, slot: int) -> ColumnRole | None:
    """Google "Address 1 - Street", Outlook "Business City", "Ort geschäftlich", "Город (раб. адрес)"."""
    if "e mail" in key or "email" in key or "почт" in key:
        return None
    if key.startswith("address") and key.endswith("formatted"):
        return ColumnRole("address", slot)
    for part, pattern in _ADDRESS_PARTS:
        if pattern.search(key) and (key.startswith("address") or any(g.search(key) for _, g in _ADDRESS_GROUPS)):
            group = next((name for name, g in _ADDRESS_GROUPS if g.search(key)), f"address {slot}")
            return ColumnRole("address_part", slot, f"{group}:{part}")
    return None


def is_known_header(header: str) -> bool:
    """True for a header cell that names a column we know (used to find the header row)."""
    return column_role(header) is not None


def detect_csv_format(header: list[str]) -> str:
    """google, outlook, linkedin or generic, from the header's column names."""
    keys = {header_key(h) for h in header}
    if {"first name", "last name", "connected on"} <= keys or {"first name", "last name", "url", "email address"} <= keys:
        return "linkedin"
    if any(re.match(r"^(e mail|phone|organization) \d+ (value|name)$", k.replace(" - ", " ")) for k in keys):
        return "google"
    if {"organization name", "organization title"} & keys and "labels" in keys:
        return "google"
    if sum(1 for k in keys if k in OUTLOOK_HEADERS) >= 4 and any(
            OUTLOOK_HEADERS.get(k, "").startswith(("email:", "phone:", "address_part:")) for k in keys):
        return "outlook"
    return "generic"


OUR_KEYS = {
    "name": "full_name", "full_name": "full_name", "first_name": "given_name", "given_name": "given_name",
    "middle_name": "middle_name", "last_name": "family_name", "family_name": "family_name",
    "title": "title", "company": "company", "email": "email", "phone": "phone", "mobile": "phone:mobile",
    "fax": "phone:fax", "website": "website", "linkedin": "linkedin", "address": "address",
    "notes": "notes", "bio": "bio", "tags": "categories", "categories": "categories", "goals": "categories",
    "birthday": "birthday", "anniversary": "anniversary",
}

REACHING_FIELDS = frozenset({"full_name", "given_name", "family_name", "company", "email", "phone"})
"""A file needs a column of one of these for its rows to be anyone."""


def resolve_roles(header: list[str], mapping: dict[str, str] | None = None, *, source: str = "") -> dict[str, ColumnRole]:
    """The role of each column of `header` worth reading. `mapping` (our key -> the file's column)
    wins over the guesses; a mapped single field is then no longer guessed from other columns."""
    roles = {name: role for name in header if (role := column_role(name)) is not None}
    has_job_title = any(r.field == "title" for r in roles.values())
    for name, role in list(roles.items()):
        if role.field == "ambiguous_title":
            roles[name] = ColumnRole("prefix" if has_job_title else "title", role.slot)
    if not mapping:
        return roles
    by_folded = {header_key(h): h for h in header}
    mapped: dict[str, ColumnRole] = {}
    absent: set[str] = set()
    for ours, theirs in mapping.items():
        target = OUR_KEYS.get(ours.strip().lower().replace("-", "_"))
        if target is None:
            raise ValidationError(f"--map: unknown field {ours!r}; use one of {', '.join(sorted(OUR_KEYS))}")
        if not theirs.strip():  # "(none)": the file has no such column, so none is guessed either
            absent.add(target.partition(":")[0])
            continue
        column = theirs if theirs in roles or theirs in header else by_folded.get(header_key(theirs))
        if column is None:
            raise InputFileError(f"--map {ours}={theirs}: the file has no column {theirs!r}; its columns are "
                                 + ", ".join(repr(h) for h in header), source=source)
        field, _, kind = target.partition(":")
        mapped[column] = ColumnRole(field, len(mapped) + 1, kind or ("work" if field == "phone" else ""))
    taken = {role.field for role in mapped.values() if role.field in SINGLE_FIELDS}
    if "full_name" in taken:
        taken |= {"given_name", "middle_name", "family_name", "prefix", "suffix"}
    taken |= absent  # "name" left empty drops a guessed full-name column, not first and last names
    kept = {name: role for name, role in roles.items() if role.field not in taken and name not in mapped}
    return {**kept, **mapped}


MULTI_VALUE_SEPARATOR = " ::: "
COURTESY_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "herr", "frau", "m", "mme", "mlle", "sr", "sra", "srta",
                             "sig", "sig ra", "dhr", "mevr", "pan", "pani", "г н", "г жа", "господин", "госпожа"})
"""Prefixes left out of a full name ("Herr Jürgen Müller" is "Jürgen Müller"); "Dr." and "Prof." stay."""
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell_value(raw: str) -> str:
    """A cell stripped, without the apostrophe our export puts before =, +, - and @."""
    text = (raw or "").strip()
    if text.startswith("'") and text[1:2] in _FORMULA_START:
        return text[1:]
    return text


def split_multi(value: str) -> list[str]:
    """The values of a Google cell holding several, joined by ` ::: `."""
    return [part.strip() for part in value.split(":::") if part.strip()]


@dataclass
class RowValues:
    """The values of one row by role: single fields, and (slot, kind, value) lists for the rest."""

    single: dict[str, str]
    emails: list[tuple[int, str, str]]
    phones: list[tuple[int, str, str]]
    websites: list[tuple[int, str, str]]
    address_parts: dict[str, str]
    labels: dict[tuple[str, int], str]

    def name(self) -> str:
        """The person's full name: the name column, else prefix, given, middle and family names joined."""
        full = self.single.get("full_name", "")
        if full:
            return full
        prefix = self.single.get("prefix", "")
        if header_key(prefix) in COURTESY_TITLES:
            prefix = ""
        parts = [prefix, *(self.single.get(k, "") for k in ("given_name", "middle_name", "family_name"))]
        name = " ".join(p for p in parts if p)
        suffix = self.single.get("suffix", "")
        return f"{name}, {suffix}" if name and suffix else name


def collect(cells: dict[str, str], roles: dict[str, ColumnRole]) -> RowValues:
    """The values of a row's cells sorted by the roles of their columns."""
    values = RowValues({}, [], [], [], {}, {})
    for column, role in roles.items():
        value = cell_value(cells.get(column, ""))
        if not value:
            continue
        if role.field in ("email", "phone", "website"):
            target = getattr(values, role.field + "s")
            target.extend((role.slot, role.kind, part) for part in split_multi(value))
        elif role.field.endswith("_label"):
            values.labels[(role.field.removesuffix("_label"), role.slot)] = value
        elif role.field == "address_part":
            values.address_parts[role.kind] = value
        elif role.field in values.single:
            values.single[role.field] += "\n" + value
        else:
            values.single[role.field] = value
    return values
