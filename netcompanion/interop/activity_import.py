"""Importing meetings (.ics) and e-mails (.mbox, .eml) as interactions with the contacts they concern.

The kind of file is told from its name and its first bytes; the file is read through
`netcompanion.user_files` (regular files only; an .ics or .eml within the import limit, an mbox
streamed whatever its size). The meetings and e-mails are logged by `ActivityLogService` in one
transaction, and the report says what was logged, for whom, and what was skipped.
"""
from __future__ import annotations

from datetime import datetime, tzinfo
from pathlib import Path

from netcompanion.core.clock import local_zone, utcnow
from netcompanion.core.services import Services
from netcompanion.core.services.activity_log import ActivityReport
from netcompanion.interop.errors import InputFileError
from netcompanion.interop.ics_read import read_meetings
from netcompanion.interop.mail_read import read_messages, split_eml, split_mbox
from netcompanion.interop.text_decode import MAX_IMPORT_BYTES, read_bytes
from netcompanion.user_files import UserFileError, open_user_file

ACTIVITY_SUFFIXES = {".ics": "icalendar", ".ical": "icalendar", ".ifb": "icalendar", ".mbox": "mbox",
                     ".mbx": "mbox", ".eml": "eml"}


def activity_kind(path: str | Path) -> str | None:
    """icalendar, mbox or eml when the file holds meetings or e-mails; None for a contacts file."""
    path = Path(path)
    kind = ACTIVITY_SUFFIXES.get(path.suffix.lower())
    if kind is not None:
        return kind
    try:
        with open_user_file(path) as stream:
            head = stream.read(4096)
    except UserFileError:
        return None  # the contacts importer says what is wrong with the file
    text = head.lstrip(b"\xef\xbb\xbf \r\n\t")
    if text[:15].upper().startswith(b"BEGIN:VCALENDAR"):
        return "icalendar"
    if text.startswith(b"From ") and b"\n" in text:
        return "mbox"
    return None


def import_activity_file(services: Services, path: str | Path, *, now: datetime | None = None,
                         zone: tzinfo | None = None, kind: str | None = None) -> ActivityReport:
    """Log the past meetings or the e-mails of the file at `path` for the contacts they concern."""
    now, zone = now or utcnow(), zone or local_zone()
    source = str(path)
    kind = kind or activity_kind(path)
    if kind is None:
        raise InputFileError("this is neither an iCalendar (.ics) file nor a mailbox (.mbox, .eml)", source=source)
    report = ActivityReport(source, kind)
    log = services.activity_log
    if kind == "icalendar":
        meetings = read_meetings(read_bytes(path, MAX_IMPORT_BYTES), source=source, now=now, zone=zone,
                                 report=report)
        return log.log(meetings, source=source, format=kind, now=now, report=report)
    try:
        with open_user_file(path) as stream:
            blocks = split_mbox(stream) if kind == "mbox" else split_eml(stream)
            return log.log(read_messages(blocks, report), source=source, format=kind, now=now, report=report)
    except UserFileError as exc:
        raise InputFileError(str(exc), source=source) from None
    except OSError as exc:
        raise InputFileError(f"cannot read the file: {exc.strerror or exc}", source=source) from None
