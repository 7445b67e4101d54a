"""Importing a contacts file: its format told from its content, its contacts added or merged
in one transaction, and a report of what happened to each row.

A file that cannot be read (too big, not text, a card cut short, a quote never closed) raises
an `InputFileError` naming the line, and nothing is imported. Rows that are readable but
unusable (no name, more cells than the header) are skipped and listed with the reason.
"""
from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from netcompanion.core.errors import ValidationError
from netcompanion.core.services import Services
from netcompanion.core.services.import_report import ImportReport
from netcompanion.core.services.incoming import IncomingContact
from netcompanion.interop.csv_contacts import read_contacts_csv
from netcompanion.interop.errors import InputFileError
from netcompanion.interop.text_decode import MAX_IMPORT_BYTES, decode_named, read_bytes
from netcompanion.interop.vcard_read import read_vcards

_BINARY_SIGNATURES = {b"PK\x03\x04": "a zip archive or an Excel/Numbers workbook; save it as CSV first",
                      b"\xd0\xcf\x11\xe0": "an old Excel (.xls) workbook; save it as CSV first",
                      b"%PDF": "a PDF document"}
_FIRST_TEXT = re.compile(r"\S[^\n]{0,63}")


def detect_format(text: str) -> str:
    """vcard, icalendar or csv, from the first line that is not empty."""
    found = _FIRST_TEXT.search(text)  # not text.split: a file of millions of short lines would be copied whole
    first = found.group().strip().upper() if found else ""
    if first.startswith("BEGIN:VCARD"):
        return "vcard"
    if first.startswith("BEGIN:VCALENDAR"):
        return "icalendar"
    return "csv"


@dataclass
class IncomingFile:
    """A contacts file read: its format, the encoding it was read in, and its contacts."""

    format: str
    encoding: str
    records: list[IncomingContact]


def read_incoming(
    path: str | Path,
    *,
    mapping: dict[str, str] | None = None,
    encoding: str | None = None,
    max_bytes: int = MAX_IMPORT_BYTES,
) -> IncomingFile:
    """The contacts of the file at `path`, each dated by the file's time unless it says its own
    (vCard REV); nothing is stored."""
    source = str(path)
    data = read_bytes(path, max_bytes)
    for signature, what in _BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise InputFileError(f"this is {what}, not a vCard or CSV file", source=source)
    text, used = decode_named(data, source=source, encoding=encoding)
    fmt = detect_format(text)
    if fmt == "icalendar":
        raise InputFileError("this is an iCalendar file; import reads contacts from vCard (.vcf) or CSV files",
                             source=source)
    if fmt == "vcard":
        if mapping:
            raise ValidationError("--map is for CSV files; a vCard names its fields itself")
        records = read_vcards(text, source)
    else:
        fmt, records = read_contacts_csv(text, source=source, mapping=mapping)
    written = _file_time(path)
    for record in records:
        record.as_of = record.as_of or written
    return IncomingFile(format=fmt, encoding=used, records=records)


def _file_time(path: str | Path) -> datetime | None:
    """When the file was last written (its contacts are at least that old), or None."""
    try:
        return datetime.fromtimestamp(os.stat(path).st_mtime, tz=timezone.utc)
    except (OSError, OverflowError, ValueError):
        return None


def import_file(
    services: Services,
    path: str | Path,
    *,
    event: str | int | None = None,
    goal: str | None = None,
    mapping: dict[str, str] | None = None,
    encoding: str | None = None,
    dry_run: bool = False,
    max_bytes: int = MAX_IMPORT_BYTES,
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    """Import the contacts of the file at `path` (all in one transaction) and report per row;
    `progress(done, total)` as in `TransferService.import_contacts` (the GUI's worker passes its
    report-and-check-for-cancel)."""
    read = read_incoming(path, mapping=mapping, encoding=encoding, max_bytes=max_bytes)
    return services.transfer.import_contacts(read.records, source=str(path), format=read.format,
                                             encoding=read.encoding, event=event, goal=goal, dry_run=dry_run,
                                             progress=progress)
