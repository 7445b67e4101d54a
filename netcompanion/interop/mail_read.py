"""E-mails from a mailbox file (mbox, as Thunderbird and Google Takeout export it) or a single .eml,
as `Activity` records.

The mbox is read as a stream: only the header block of each message is kept (bodies are skipped
line by line), so a mailbox of any size is read in little memory. A line "From ..." starts a new
message only at the file's start or after an empty line, as mbox writers place it. Headers are
decoded as a mail program shows them (RFC 2047 encoded words, folded lines).
"""
from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Iterator
from datetime import timezone
from email.header import decode_header, make_header
from email.parser import BytesHeaderParser
from email.utils import getaddresses, parsedate_to_datetime
from typing import BinaryIO

from netcompanion.core.enums import Channel
from netcompanion.core.services.activity_log import Activity, ActivityReport

log = logging.getLogger(__name__)

MAX_HEADER_BYTES = 256 * 1024  # of one message's header block; more is cut (a hostile file)
_PARSER = BytesHeaderParser()  # the compat32 policy: ten times faster than `policy.default` on headers


def split_mbox(lines: Iterable[bytes]) -> Iterator[tuple[int, bytes]]:
    """(line number, header block) of each message of an mbox read line by line."""
    header: list[bytes] | None = None
    size, start, previous_blank = 0, 0, True
    for number, line in enumerate(lines, 1):
        if previous_blank and line.startswith(b"From "):
            if header:
                yield start, b"".join(header)
            header, size, start, previous_blank = [], 0, number, False
            continue
        previous_blank = line in (b"\n", b"\r\n")
        if header is None:
            continue  # text before the first "From " line, or a body
        if previous_blank:
            yield start, b"".join(header)
            header = None  # the body follows: skipped
        elif size < MAX_HEADER_BYTES:
            header.append(line)
            size += len(line)
    if header:
        yield start, b"".join(header)


def split_eml(stream: BinaryIO) -> Iterator[tuple[int, bytes]]:
    """The header block of a single message (.eml)."""
    header: list[bytes] = []
    size = 0
    for line in stream:
        if line in (b"\n", b"\r\n") or size >= MAX_HEADER_BYTES:
            break
        header.append(line)
        size += len(line)
    yield 1, b"".join(header)


def _addresses(message, name: str) -> list[str]:  # noqa: ANN001 (an email.message.Message)
    values = [str(value) for value in message.get_all(name) or []]
    return [address.strip().lower() for _, address in getaddresses(values) if "@" in address]


def decoded(value: object) -> str:
    """A header as a mail program shows it: encoded words decoded, folding and runs of spaces made one."""
    text = str(value or "")
    if "=?" in text:
        try:
            text = str(make_header(decode_header(text)))
        except (ValueError, LookupError, UnicodeError):  # a broken encoded word, an unknown charset
            pass
    return " ".join(text.split())


def message_activity(header: bytes, where: str, report: ActivityReport) -> Activity | None:
    """The e-mail of one header block; None (and a line in `report`) when it has no usable Date."""
    try:
        message = _PARSER.parsebytes(header)
        subject = decoded(message.get("Subject", "")) or "(no subject)"
    except Exception as exc:  # noqa: BLE001 (the parser raises many kinds on hostile headers)
        log.info("%s: unreadable headers: %s", where, exc)
        report.skip("a message", "unreadable headers", where)
        return None
    try:
        when = parsedate_to_datetime(str(message.get("Date", "")))
    except (TypeError, ValueError, IndexError):
        report.skip(subject, "no readable Date", where)
        return None
    when = when.replace(tzinfo=timezone.utc) if when.tzinfo is None else when.astimezone(timezone.utc)
    sender = _addresses(message, "From")
    recipients = [a for name in ("To", "Cc", "Bcc") for a in _addresses(message, name)]
    message_id = str(message.get("Message-ID", "")).strip()
    if not message_id:  # the same message gives the same key on the next import
        message_id = "sha1:" + hashlib.sha1(b"\n".join(
            [when.isoformat().encode(), subject.encode(), ",".join(sender + recipients).encode()])).hexdigest()
    return Activity(key=f"message-id:{message_id}", channel=Channel.EMAIL.value, happened_at=when, title=subject,
                    addresses=sender + recipients, sent_to=recipients, where=where)


def read_messages(blocks: Iterable[tuple[int, bytes]], report: ActivityReport) -> Iterator[Activity]:
    """The e-mails of the header blocks `blocks` (from `split_mbox` or `split_eml`)."""
    for line, header in blocks:
        activity = message_activity(header, f"line {line}", report)
        if activity is not None:
            yield activity
