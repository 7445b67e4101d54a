"""Time in one place: aware UTC datetimes for storage, and conversions from what users type."""
from __future__ import annotations

from datetime import datetime, timezone, tzinfo
from typing import overload

from netcompanion.core.errors import ValidationError


def utcnow() -> datetime:
    """The current time as an aware UTC datetime, the form every table stores."""
    return datetime.now(timezone.utc)


def to_utc(value: datetime) -> datetime:
    """An aware UTC datetime from an aware one, or from a naive one taken as local time."""
    if value.tzinfo is None:
        value = value.astimezone()  # naive means the user's local time
    return value.astimezone(timezone.utc)


def parse_when(text: str | datetime | None, field: str = "date") -> datetime | None:
    """An aware UTC datetime from an ISO 8601 date or date-time typed by a user, or from a
    datetime (naive ones are local time); None for an empty value."""
    if isinstance(text, datetime):
        return to_utc(text)
    if text is None or not str(text).strip():
        return None
    raw = str(text).strip().replace("Z", "+00:00")
    try:
        return to_utc(datetime.fromisoformat(raw))
    except ValueError as exc:
        raise ValidationError(
            f"{field}: {text!r} is not a date; use ISO format such as 2026-05-14 or 2026-05-14T09:30"
        ) from exc


@overload
def to_local(value: datetime) -> datetime: ...
@overload
def to_local(value: None) -> None: ...
def to_local(value: datetime | None) -> datetime | None:
    """A stored UTC datetime as an aware datetime in the user's local time zone."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone()


def as_utc(value: datetime | str | None) -> datetime | None:
    """An aware UTC datetime from what an aggregate query returns (a datetime or, on SQLite, text)."""
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


def local_zone() -> tzinfo:
    """The user's time zone with its daylight-saving rules (days and "due today" are local).

    `NETCOMPANION_TZ` (an IANA name such as Europe/Berlin) wins, then `TZ`, then the system's
    /etc/localtime; the fixed current offset is the last resort.
    """
    import os
    from pathlib import Path
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    names = [os.environ.get("NETCOMPANION_TZ", ""), os.environ.get("TZ", "").lstrip(":")]
    try:
        target = str(Path("/etc/localtime").resolve())
        if "zoneinfo/" in target:
            names.append(target.split("zoneinfo/", 1)[1])
    except OSError:
        pass
    for name in names:
        if name:
            try:
                return ZoneInfo(name)
            except (ZoneInfoNotFoundError, ValueError):
                continue
    return datetime.now().astimezone().tzinfo or timezone.utc
