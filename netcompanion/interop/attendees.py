"""Reading an event's attendee list (CSV) into rows of name, title, company, e-mail and bio.

The columns are guessed from their names in English, German, French, Spanish, Italian, Dutch,
Polish and Russian ("Name", "First Name"/"Last Name", "Vorname", "Société", "Должность", ...),
unless `mapping` names them (our key -> the file's column). The encoding is detected.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from netcompanion.interop.csv_formats import collect, column_role, is_known_header, resolve_roles
from netcompanion.interop.csv_read import CsvTable, read_csv_text
from netcompanion.interop.errors import InputFileError
from netcompanion.interop.text_decode import MAX_IMPORT_BYTES, read_text

ATTENDEE_KEYS = ("name", "title", "company", "email", "bio")


def _table(path: str | Path, encoding: str | None, max_bytes: int) -> CsvTable:
    return read_csv_text(read_text(path, encoding=encoding, max_bytes=max_bytes), source=str(path),
                         is_known_header=is_known_header)


def _split_name_mapping(header: list[str], mapping: dict[str, str] | None) -> dict[str, str] | None:
    """`mapping` with "name" pointing at a first- or last-name column read as that part, so the
    other part is still found (the name column of a list with "Vorname" and "Nachname")."""
    if not mapping or not mapping.get("name"):
        return mapping
    role = column_role(mapping["name"])
    if role is None or role.field not in ("given_name", "family_name"):
        return mapping
    adjusted = {key: value for key, value in mapping.items() if key != "name"}
    adjusted["first_name" if role.field == "given_name" else "last_name"] = mapping["name"]
    return adjusted


def attendee_columns(
    path: str | Path, *, encoding: str | None = None, max_bytes: int = MAX_IMPORT_BYTES,
) -> tuple[list[str], dict[str, str]]:
    """The header of an attendee list and the column guessed for each of ATTENDEE_KEYS (missing
    when none fits), for a dialog that lets the user correct the guesses before `read_attendees`."""
    table = _table(path, encoding, max_bytes)
    guessed: dict[str, str] = {}
    wanted = {"name": ("full_name", "given_name"), "title": ("title",), "company": ("company",),
              "email": ("email",), "bio": ("bio", "notes")}
    roles = sorted(resolve_roles(table.header).items(), key=lambda item: item[1].slot)
    for key, fields in wanted.items():
        for field in fields:
            column = next((name for name, role in roles if role.field == field), None)
            if column is not None:
                guessed[key] = column
                break
    return table.header, guessed


def read_attendees(
    path: str | Path,
    mapping: dict[str, str] | None = None,
    *,
    encoding: str | None = None,
    max_bytes: int = MAX_IMPORT_BYTES,
) -> list[dict[str, Any]]:
    """One dict per attendee row: name, title, company, email, bio, `row` (the raw cells by column)
    and `line` (where the row starts in the file). Rows with neither name, company nor e-mail
    (a date alone) are left out; a row with more cells than the header is an InputFileError."""
    source = str(path)
    table = _table(path, encoding, max_bytes)
    roles = resolve_roles(table.header, _split_name_mapping(table.header, mapping), source=source)
    fields = {role.field for role in roles.values()}
    if not fields & {"full_name", "given_name", "family_name", "email"}:
        raise InputFileError(
            "cannot tell which column holds the names; the columns are "
            + ", ".join(repr(h) for h in table.header) + " (name it with a mapping, e.g. name=Teilnehmer)",
            source=source, line=table.header_line)
    attendees = []
    for row in table.rows:
        if row.extra:
            raise InputFileError(
                f"this row has {len(table.header) + len(row.extra)} or more cells but the header on line "
                f"{table.header_line} has {len(table.header)} (an unquoted separator inside a cell?)",
                source=source, line=row.line)
        values = collect(row.cells, roles)
        attendee = {
            "name": values.name(),
            "title": values.single.get("title", ""),
            "company": values.single.get("company", ""),
            "email": min(values.emails)[2] if values.emails else "",
            "bio": values.single.get("bio", "") or values.single.get("notes", ""),
        }
        if attendee["name"] or attendee["company"] or attendee["email"]:
            attendees.append({**attendee, "row": dict(row.cells), "line": row.line})
    return attendees
