"""Contacts from a CSV export (Google, Outlook in any of its languages, LinkedIn, or any table
with a column mapping), one `IncomingContact` per row, with the row's line.

Rows with more cells than the header are skipped with the reason (nothing of them is guessed);
rows with nothing but a date (LinkedIn) are skipped too. Names put in the wrong column ("Doe,
Jane" as the first name, "Doe, PhD" as the last) are put right.
"""
from __future__ import annotations

import re

from netcompanion.core.errors import ValidationError
from netcompanion.core.names import split_name
from netcompanion.core.services.incoming import ContactFields, IncomingContact
from netcompanion.core.validation import date_value
from netcompanion.interop.csv_formats import (
    REACHING_FIELDS,
    ColumnRole,
    RowValues,
    collect,
    detect_csv_format,
    is_known_header,
    phone_kind_from_label,
    resolve_roles,
    split_multi,
)
from netcompanion.interop.csv_read import CsvRow, CsvTable, read_csv_text
from netcompanion.interop.errors import InputFileError

OVERFLOW_LINE = re.compile(r"^(E-mail|Phone|Website|LinkedIn)(?: \((work|mobile|fax|other)\))?: (\S.*)$")
"""Lines our Outlook export adds to the notes for values Outlook has no column for."""


def read_contacts_csv(
    text: str, *, source: str = "", mapping: dict[str, str] | None = None,
) -> tuple[str, list[IncomingContact]]:
    """(format name, contacts) of a CSV file's text."""
    table = read_csv_text(text, source=source, is_known_header=is_known_header)
    roles = resolve_roles(table.header, mapping, source=source)
    if not any(role.field in REACHING_FIELDS for role in roles.values()):
        shown = ", ".join(repr(h) for h in table.header[:12]) + (" ..." if len(table.header) > 12 else "")
        raise InputFileError(
            f"no column of the header (line {table.header_line}: {shown}) is a name, company, e-mail or phone "
            "this importer knows; say which column is which with --map, e.g. --map name='Full Name' "
            "--map email='Mail'", source=source, line=table.header_line)
    fmt = "csv-" + (detect_csv_format(table.header) if not mapping else "mapped")
    return fmt, [row_to_incoming(row, roles, table) for row in table.rows]


def row_to_incoming(row: CsvRow, roles: dict[str, ColumnRole], table: CsvTable) -> IncomingContact:
    """The contact in one CSV row (or a skip with the reason)."""
    values = collect(row.cells, roles)
    fields = ContactFields(source="import")
    incoming = IncomingContact(fields=fields, line=row.line)
    if row.extra:
        incoming.skip_reason = (f"the row has {len(table.header) + len(row.extra)} or more cells but the header "
                                f"(line {table.header_line}) has {len(table.header)}: a separator inside an "
                                "unquoted cell? Nothing of this row was imported")
        return incoming
    _names(values, fields)
    fields.company = values.single.get("company", "")
    fields.title = values.single.get("title", "")
    fields.emails = [v for _, _, v in sorted(values.emails, key=lambda e: e[0])]
    fields.phones = _phones(values)
    _links(values, fields)
    fields.address = values.single.get("address", "") or _address(values.address_parts)
    _address_parts(values.address_parts, fields)
    notes = "\n\n".join(p for p in (values.single.get("notes", ""), values.single.get("bio", "")) if p)
    fields.notes = _lift_overflow(notes, fields)
    for name in ("birthday", "anniversary"):
        _date(values.single.get(name, ""), name, fields, incoming)
    incoming.categories = split_categories(values.single.get("categories", ""))
    if not (fields.full_name or fields.company or fields.emails or fields.phones):
        incoming.skip_reason = "the row has no name, company, e-mail or phone"
    return incoming


def split_categories(cell: str) -> list[str]:
    """Labels of a cell: Google joins them with " ::: " (and marks its own with "*"), Outlook
    with ";", hand-made lists with "," or ";"."""
    parts = split_multi(cell) if ":::" in cell else re.split(r";" if ";" in cell else r",", cell)
    return [c for part in parts if (c := part.strip()) and not c.startswith("* ")]


def _names(values: RowValues, fields: ContactFields) -> None:
    given, family = values.single.get("given_name", ""), values.single.get("family_name", "")
    if values.single.get("full_name"):
        fields.full_name, fields.given_name, fields.family_name = values.single["full_name"], given, family
        return
    if "," in family:  # "Doe, PhD" in the last-name column
        family = family.split(",", 1)[0].strip()
    if given and not family and (" " in given or "," in given):  # the whole name in the first-name column
        given, family = split_name(given)
        fields.full_name = " ".join(p for p in (given, family) if p)
    else:
        fields.full_name = values.name()
    fields.given_name, fields.family_name = given, family


KIND_ORDER = {"work": 0, "mobile": 1, "fax": 2, "other": 3}


def _phones(values: RowValues) -> list[tuple[str, str]]:
    """(number, kind) pairs: in slot order (Google), else by kind, then slot (Outlook's columns)."""
    labelled = any(what == "phone" for what, _ in values.labels)
    order = (lambda p: p[0]) if labelled else (lambda p: (KIND_ORDER.get(p[1], 3), p[0]))
    phones: list[tuple[str, str]] = []
    for slot, kind, number in sorted(values.phones, key=order):
        label = values.labels.get(("phone", slot), "")
        if label:
            labels = split_multi(label)
            kind = phone_kind_from_label(labels[min(len(labels) - 1, len(phones))] if labels else label)
        phones.append((number, kind or "work"))
    return phones


def _links(values: RowValues, fields: ContactFields) -> None:
    fields.linkedin = values.single.get("linkedin", "")
    for _, _, url in sorted(values.websites, key=lambda w: w[0]):
        if "linkedin.com/" in url.lower() and (not fields.linkedin or url == fields.linkedin):
            fields.linkedin = url
        elif url not in fields.websites:
            fields.websites.append(url)


def _first_group(parts: dict[str, str]) -> str:
    groups = sorted({key.split(":")[0] for key in parts}, key=lambda g: (g != "business", g))
    return groups[0] if groups else ""


def _address(parts: dict[str, str]) -> str:
    group = _first_group(parts)
    if not group:
        return ""
    get = lambda part: parts.get(f"{group}:{part}", "")  # noqa: E731
    pieces = [get("street"), get("city"), " ".join(p for p in (get("state"), get("postal")) if p), get("country")]
    return ", ".join(p for p in pieces if p)


_PART_FIELDS = {"street": "address_street", "city": "address_locality", "state": "address_region",
                "postal": "address_postcode", "country": "address_country"}


def _address_parts(parts: dict[str, str], fields: ContactFields) -> None:
    """The first address's parts (the business one first) into the structured address fields."""
    group = _first_group(parts)
    for part, name in _PART_FIELDS.items():
        setattr(fields, name, parts.get(f"{group}:{part}", "") if group else "")


def _date(value: str, name: str, fields: ContactFields, incoming: IncomingContact) -> None:
    """A birthday or anniversary cell: ISO, Outlook's 0.0.00 for none, or a day.month.year / month/day/year."""
    text = value.strip()
    if not text or text in ("0.0.00", "0/0/00", "00.00.0000"):
        return
    try:
        setattr(fields, name, date_value(text, name))
    except ValidationError:
        incoming.warnings.append(f"{name} {text!r} is not a date; kept in the notes")
        fields.notes = "\n".join(p for p in (fields.notes, f"{name.capitalize()}: {text}") if p)


def _lift_overflow(notes: str, fields: ContactFields) -> str:
    """Notes without the trailing "E-mail: ...", "Phone (mobile): ..." lines, whose values go
    back into their fields."""
    lines = notes.split("\n")
    lifted: list[tuple[str, str, str]] = []
    while lines and (match := OVERFLOW_LINE.match(lines[-1].strip())):
        what, kind, value = match.groups()
        lifted.insert(0, (what, kind or "", value))
        lines.pop()
    for what, kind, value in lifted:
        if what == "E-mail":
            fields.emails.append(value)
        elif what == "Phone":
            fields.phones.append((value, kind or "work"))
        elif what == "Website":
            fields.websites.append(value)
        else:
            fields.linkedin = fields.linkedin or value
    return "\n".join(lines).strip()
