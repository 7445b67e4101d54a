"""Meetings from an iCalendar file (Google Calendar, Outlook, Thunderbird exports), as `Activity` records.

Each VEVENT gives one meeting at its start, with the e-mail addresses of its ORGANIZER and
ATTENDEEs. Time zones come from the file's VTIMEZONE or TZID (icalendar resolves Olson and
Windows names); a floating time and an all-day event are read in the user's zone (an all-day
event at its local midnight). A recurring event gives its occurrences up to `now` (RRULE, RDATE,
minus EXDATE; an occurrence moved or cancelled by a RECURRENCE-ID entry counts as that entry
says); each occurrence has its own key, so importing a later export logs only the new ones.
Cancelled events are skipped.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import date, datetime, time, timezone, tzinfo
from typing import Any

from dateutil.rrule import rruleset, rrulestr
from icalendar import Calendar

from netcompanion.core.enums import Channel
from netcompanion.core.services.activity_log import Activity, ActivityReport
from netcompanion.interop.errors import InputFileError

MAX_OCCURRENCES = 1000  # of one recurring event: the most recent ones count
MAX_EXPANDED = 200_000  # occurrences worked out for one event at most (a hostile rule)


def _as_utc(value: date | datetime, zone: tzinfo) -> datetime:
    if not isinstance(value, datetime):
        value = datetime.combine(value, time())
    if value.tzinfo is None:
        value = value.replace(tzinfo=zone)
    return value.astimezone(timezone.utc)


def _addresses(event: Any) -> list[str]:
    found = []
    for name in ("ORGANIZER", "ATTENDEE"):
        values = event.get(name)
        for value in values if isinstance(values, list) else [values] if values is not None else []:
            text = str(value).strip()
            if text.lower().startswith("mailto:"):
                text = text[7:]
            if "@" in text:
                found.append(text.strip().lower())
    return found


def _dates(event: Any, name: str) -> list[date | datetime]:
    values = event.get(name)
    found: list[date | datetime] = []
    for value in values if isinstance(values, list) else [values] if values is not None else []:
        found.extend(item.dt for item in value.dts)
    return found


def _uid(event: Any) -> str:
    uid = str(event.get("UID", "")).strip()
    return uid or "sha1:" + hashlib.sha1(event.to_ical()).hexdigest()


def _occurrences(event: Any, start: date | datetime, now: datetime, zone: tzinfo) -> list[datetime]:
    """The UTC starts of a recurring event's occurrences up to `now` (a plain event: its start)."""
    first = _as_utc(start, zone)
    if event.get("RRULE") is None and event.get("RDATE") is None:
        return [first]
    # dateutil works on the event's own wall clock: aware in its zone, or naive for floating/all-day
    anchor = start if isinstance(start, datetime) else datetime.combine(start, time())
    rules = rruleset()
    rrule = event.get("RRULE")
    for rule in rrule if isinstance(rrule, list) else [rrule] if rrule is not None else []:
        rules.rrule(rrulestr(rule.to_ical().decode(), dtstart=anchor))
    rules.rdate(anchor)
    for extra in _dates(event, "RDATE"):
        rules.rdate(_same_kind(extra, anchor))
    for skipped in _dates(event, "EXDATE"):
        rules.exdate(_same_kind(skipped, anchor))
    end = now.astimezone(anchor.tzinfo) if anchor.tzinfo else now.astimezone(zone).replace(tzinfo=None)
    starts = list(_until(rules, end))
    return [_as_utc(s, zone) for s in starts[-MAX_OCCURRENCES:]]


def _until(rules: rruleset, end: datetime) -> Iterator[datetime]:
    """The starts up to `end`; a rule that would run for ever (every second since 1970) is cut."""
    for count, start in enumerate(rules):
        if start > end or count > MAX_EXPANDED:
            return
        yield start


def _same_kind(value: date | datetime, anchor: datetime) -> datetime:
    """`value` as comparable with the rule's start (aware in its zone, or naive)."""
    if not isinstance(value, datetime):
        value = datetime.combine(value, anchor.time())
    if anchor.tzinfo is None:
        return value.replace(tzinfo=None) if value.tzinfo is None else value.astimezone(timezone.utc).replace(tzinfo=None)
    return value.replace(tzinfo=anchor.tzinfo) if value.tzinfo is None else value.astimezone(anchor.tzinfo)


def read_meetings(data: bytes, *, source: str, now: datetime, zone: tzinfo,
                  report: ActivityReport) -> list[Activity]:
    """The past meetings of the iCalendar `data`; what cannot be used goes to `report`."""
    try:
        calendars = Calendar.from_ical(data.decode("utf-8", errors="replace"), multiple=True)
    except ValueError as exc:
        raise InputFileError(f"not a readable iCalendar file: {exc}", source=source) from None
    if not calendars:
        raise InputFileError("not a readable iCalendar file: no complete calendar in it (is it cut short?)",
                             source=source)
    events = [c for calendar in calendars for c in calendar.walk("VEVENT")]
    overrides: dict[str, dict[datetime, Any]] = {}
    for event in events:
        if event.get("RECURRENCE-ID") is not None:
            overrides.setdefault(_uid(event), {})[_as_utc(event.decoded("RECURRENCE-ID"), zone)] = event
    meetings: list[Activity] = []
    for number, event in enumerate(events, 1):
        where = f"event {number}"
        title = str(event.get("SUMMARY", "")).strip() or "(no title)"
        if event.get("RECURRENCE-ID") is not None:
            continue  # read with the event it changes
        if event.get("DTSTART") is None:
            report.skip(title, "no start time", where)
            continue
        try:
            start = event.decoded("DTSTART")
            starts = _occurrences(event, start, now, zone)
        except (ValueError, TypeError) as exc:
            report.skip(title, f"unreadable date or recurrence ({exc})", where)
            continue
        uid = _uid(event)
        moved = overrides.get(uid, {})
        for occurrence in starts:
            instance = moved.get(occurrence, event)
            meetings.extend(_meeting(instance, uid, occurrence, zone, where, report))
        if not starts:
            report.skip(title, "not yet happened", where)
    return meetings


def _meeting(event: Any, uid: str, occurrence: datetime, zone: tzinfo, where: str,
             report: ActivityReport) -> list[Activity]:
    title = str(event.get("SUMMARY", "")).strip() or "(no title)"
    if str(event.get("STATUS", "")).upper() == "CANCELLED":
        report.skip(title, "cancelled", where)
        return []
    start = _as_utc(event.decoded("DTSTART"), zone) if event.get("RECURRENCE-ID") is not None else occurrence
    addresses = _addresses(event)
    if not addresses:
        report.skip(title, "no organizer or attendee e-mail", where)
        return []
    return [Activity(key=f"ics:{uid}@{occurrence.isoformat()}", channel=Channel.MEETING.value, happened_at=start,
                     title=title, addresses=addresses, where=where)]
