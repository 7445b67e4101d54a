"""Writing contacts as Google Contacts or Outlook CSV.

Every cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is written with an
apostrophe in front, so a spreadsheet opening the file shows it as text instead of running it
as a formula (CSV formula injection); our import takes the apostrophe off again. A phone cell of
digits, spaces and `+ - ( ) .` alone is written as it is, as Google's own export does: without a
letter or a sign of its own it cannot call anything, and other programs would import the
apostrophe as part of the number. Values Outlook
has no column for (a fourth e-mail, a second web site, the LinkedIn profile) are added to the
notes as "E-mail: ..." lines, which our import reads back into their fields.
"""
from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable

from nameparser import HumanName

from netcompanion.core.store.models import Contact
from netcompanion.interop.csv_formats import MULTI_VALUE_SEPARATOR

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
GOOGLE_PHONE_LABELS = {"work": "Work", "mobile": "Mobile", "fax": "Work Fax", "other": "Other"}
OUTLOOK_HEADER = [
    "Title", "First Name", "Middle Name", "Last Name", "Suffix", "Company", "Department", "Job Title",
    "Business Street", "Business City", "Business State", "Business Postal Code", "Business Country/Region",
    "Business Fax", "Business Phone", "Business Phone 2", "Mobile Phone", "Other Fax", "Home Phone", "Other Phone",
    "E-mail Address", "E-mail Type", "E-mail Display Name", "E-mail 2 Address", "E-mail 3 Address",
    "Notes", "Web Page", "Categories",
]
OUTLOOK_PHONE_SLOTS = {"work": ["Business Phone", "Business Phone 2"], "mobile": ["Mobile Phone"],
                       "fax": ["Business Fax", "Other Fax"], "other": ["Other Phone", "Home Phone"]}
OUTLOOK_PHONE_COLUMNS = frozenset(slot for slots in OUTLOOK_PHONE_SLOTS.values() for slot in slots)


PLAIN_PHONE = re.compile(r"[0-9 +\-().]*[0-9][0-9 +\-().]*")
"""A phone number that is nothing but digits, spaces and + - ( ) ."""


def escape_cell(value: str, *, phone: bool = False) -> str:
    """`value` made safe to open in a spreadsheet; a plain `phone` number as it is (see the module docstring)."""
    if phone and PLAIN_PHONE.fullmatch(value):
        return value
    return "'" + value if value.startswith(FORMULA_START) else value


def is_phone_column(name: str) -> bool:
    """Whether the column `name` of our Google or Outlook layout holds one phone number."""
    return name in OUTLOOK_PHONE_COLUMNS or (name.startswith("Phone ") and name.endswith(" - Value"))


def compose_name(prefix: str, given: str, middle: str, family: str, suffix: str) -> str:
    """A full name from its parts, as our CSV import puts it together again."""
    name = " ".join(p for p in (prefix, given, middle, family) if p)
    return f"{name}, {suffix}" if name and suffix else name


def _name_parts(contact: Contact) -> dict[str, str]:
    """Prefix, given, middle, family and suffix names that compose the contact's full name again
    (when they cannot, as for "王小明", the stored given and family names alone)."""
    parsed = HumanName(contact.full_name)
    given, family = contact.given_name, contact.family_name
    middle = parsed.middle if parsed.middle and parsed.middle not in f"{given} {family}" else ""
    parts = {"prefix": parsed.title, "given": given, "middle": middle, "family": family, "suffix": parsed.suffix}
    if compose_name(*parts.values()) != contact.full_name:
        parts = {"prefix": "", "given": given, "middle": "", "family": family, "suffix": ""}
    return parts


def _with_name_column(
    header: list[str], rows: list[list[str]], contacts: list[Contact],
) -> tuple[list[str], list[list[str]]]:
    """Header and rows with a "Name" column in front when some full name is not its parts put
    together (our import, Google's and Outlook's all read that column)."""
    if all(compose_name(*_name_parts(c).values()) == c.full_name for c in contacts):
        return header, rows
    return ["Name", *header], [[c.full_name, *row] for c, row in zip(contacts, rows, strict=True)]


def _categories(contact: Contact) -> list[str]:
    goals = sorted(g.key for g in contact.goals)
    return goals + [t for t in contact.tags if t not in goals]


def google_rows(contacts: list[Contact]) -> tuple[list[str], list[list[str]]]:
    """The header and rows of a Google Contacts CSV (its current export layout)."""
    n_email = max([1, *(len(c.emails) for c in contacts)])
    n_phone = max([1, *(len(c.phones) for c in contacts)])
    n_web = max([1, *(len(c.websites) + bool(c.linkedin) for c in contacts)])
    header = ["First Name", "Middle Name", "Last Name", "Name Prefix", "Name Suffix", "Organization Name",
              "Organization Title", "Notes", "Labels"]
    header += [f"E-mail {i} - {p}" for i in range(1, n_email + 1) for p in ("Label", "Value")]
    header += [f"Phone {i} - {p}" for i in range(1, n_phone + 1) for p in ("Label", "Value")]
    header += ["Address 1 - Label", "Address 1 - Formatted"]
    header += [f"Website {i} - {p}" for i in range(1, n_web + 1) for p in ("Label", "Value")]
    rows = []
    for c in contacts:
        names = _name_parts(c)
        row = [names["given"], names["middle"], names["family"], names["prefix"], names["suffix"], c.company,
               c.title, c.notes, MULTI_VALUE_SEPARATOR.join(["* myContacts", *_categories(c)])]
        row += _pairs([("Work", e.address) for e in c.emails], n_email)
        row += _pairs([(GOOGLE_PHONE_LABELS.get(p.kind, "Other"), p.e164) for p in c.phones], n_phone)
        row += ["Work" if c.address else "", c.address]
        webs = [("", w) for w in c.websites] + ([("LinkedIn", c.linkedin)] if c.linkedin else [])
        row += _pairs(webs, n_web)
        rows.append(row)
    return _with_name_column(header, rows, contacts)


def _pairs(pairs: list[tuple[str, str]], slots: int) -> list[str]:
    cells = [cell for pair in pairs for cell in pair]
    return cells + [""] * (2 * slots - len(cells))


def outlook_rows(contacts: list[Contact]) -> tuple[list[str], list[list[str]]]:
    """The header and rows of an Outlook (English) CSV; overflowing values go to the notes."""
    rows = []
    for c in contacts:
        names = _name_parts(c)
        cells = dict.fromkeys(OUTLOOK_HEADER, "")
        cells.update({"Title": names["prefix"], "First Name": names["given"], "Middle Name": names["middle"],
                      "Last Name": names["family"], "Suffix": names["suffix"], "Company": c.company,
                      "Job Title": c.title, "Business Street": c.address, "Categories": ";".join(_categories(c))})
        overflow: list[str] = []
        free = {kind: list(slots) for kind, slots in OUTLOOK_PHONE_SLOTS.items()}
        for phone in c.phones:
            slots = free.get(phone.kind, [])
            if slots:
                cells[slots.pop(0)] = phone.e164
            else:
                overflow.append(f"Phone ({phone.kind}): {phone.e164}")
        for slot, email in zip(("E-mail Address", "E-mail 2 Address", "E-mail 3 Address"), c.emails, strict=False):
            cells[slot] = email.address
        if c.emails:
            cells["E-mail Type"], cells["E-mail Display Name"] = "SMTP", f"{c.full_name} ({c.emails[0].address})"
        overflow += [f"E-mail: {e.address}" for e in c.emails[3:]]
        cells["Web Page"] = c.websites[0] if c.websites else ""
        overflow += [f"Website: {w}" for w in c.websites[1:]]
        if c.linkedin:
            overflow.append(f"LinkedIn: {c.linkedin}")
        cells["Notes"] = "\n".join(p for p in (c.notes, *overflow) if p)
        rows.append([cells[h] for h in OUTLOOK_HEADER])
    return _with_name_column(list(OUTLOOK_HEADER), rows, contacts)


def write_csv(contacts: Iterable[Contact], csv_format: str = "google") -> str:
    """The CSV text (CRLF line ends, every cell escaped) of `contacts` in `csv_format` (google or outlook)."""
    header, rows = (outlook_rows if csv_format == "outlook" else google_rows)(list(contacts))
    phones = [is_phone_column(name) for name in header]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([[escape_cell(cell, phone=phone) for cell, phone in zip(row, phones, strict=True)]
                      for row in rows])
    return out.getvalue()
