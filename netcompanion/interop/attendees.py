"""Reading an event's attendee list (CSV) into rows of name, title, company, e-mail, bio and the
answers to the event's questions.

The columns are guessed from their names in English, German, French, Spanish, Italian, Dutch,
Polish and Russian ("Name", "First Name"/"Last Name", "Vorname", "Société", "Должность", ...) and
from the exports of event platforms (`attendee_formats`: Eventbrite, Luma, Swapcard, Brella,
Whova, Hopin, Cvent, Meetup), unless `mapping` names them (our key -> the file's column). Question
columns ("What are you looking for?") become the bio and the answers. The encoding is detected.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from netcompanion.interop.attendee_formats import AttendeeFormat, guess_format
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


def attendee_format(
    path: str | Path, *, encoding: str | None = None, max_bytes: int = MAX_IMPORT_BYTES,
) -> AttendeeFormat:
    """The header of an attendee list, the platform that wrote it, the column guessed for each of
    ATTENDEE_KEYS and the question columns, for a dialog that lets the user correct the guesses
    before `read_attendees`."""
    return guess_format(_table(path, encoding, max_bytes).header)


def attendee_columns(
    path: str | Path, *, encoding: str | None = None, max_bytes: int = MAX_IMPORT_BYTES,
) -> tuple[list[str], dict[str, str]]:
    """The header of an attendee list and the column guessed for each of ATTENDEE_KEYS (missing
    when none fits)."""
    found = attendee_format(path, encoding=encoding, max_bytes=max_bytes)
    return found.header, {key: found.mapping[key] for key in ATTENDEE_KEYS if key in found.mapping}


def read_attendees(
    path: str | Path,
    mapping: dict[str, str] | None = None,
    *,
    questions: list[str] | None = None,
    encoding: str | None = None,
    max_bytes: int = MAX_IMPORT_BYTES,
) -> list[dict[str, Any]]:
    """One dict per attendee row: name, title, company, email, bio, answers (question -> answer),
    `row` (the raw cells by column) and `line` (where the row starts in the file). `questions`
    names the question columns (default: the ones guessed); their answers are added to the bio.
    Rows with neither name, company nor e-mail (a date alone) are left out; a row with more cells
    than the header is an InputFileError."""
    source = str(path)
    table = _table(path, encoding, max_bytes)
    guessed = guess_format(table.header)
    chosen = {**guessed.mapping, **(mapping or {})}
    roles = resolve_roles(table.header, _split_name_mapping(table.header, chosen), source=source)
    mapped = set((mapping or {}).values())
    roles = {column: role for column, role in roles.items() if column not in guessed.ignored or column in mapped}
    asked = [q for q in (guessed.questions if questions is None else questions)
             if q in table.header and q not in chosen.values()]
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
        answers = {q: row.cells[q].strip() for q in asked if row.cells.get(q, "").strip()}
        bio = values.single.get("bio", "") or values.single.get("notes", "")
        attendee = {
            "name": values.name(),
            "title": values.single.get("title", ""),
            "company": values.single.get("company", ""),
            "email": min(values.emails)[2] if values.emails else "",
            "bio": "\n".join([bio] * bool(bio) + [f"{q}: {a}" for q, a in answers.items()]),
        }
        if attendee["name"] or attendee["company"] or attendee["email"]:
            attendees.append({**attendee, "answers": answers, "row": dict(row.cells), "line": row.line})
    return attendees
