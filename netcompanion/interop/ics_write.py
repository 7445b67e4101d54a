"""The open follow-ups as an iCalendar file (VTODO or VEVENT entries), with icalendar.

Each entry names the contact, the reason and the due time, carries a UID derived from the
follow-up, so exporting again and importing into the same calendar updates the entries instead
of adding them twice, and (unless switched off) a VALARM that rings at the due time or a set
number of minutes before it. The entries are stamped with the follow-up's creation time, so the
same queue gives the same bytes: the calendar feed is rewritten only when the queue changed.
"""
from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime, timedelta

from icalendar import Alarm, Calendar, Event, Todo

from netcompanion import __version__
from netcompanion.core.clock import utcnow
from netcompanion.core.store.models import Contact, FollowUp
from netcompanion.interop.mailto import followup_mailto

UID_NAMESPACE = uuid.UUID("0b7f9f3e-2a51-4b8e-8c1e-6e6574636f6d")
EVENT_LENGTH = timedelta(minutes=15)
KINDS = ("todo", "event")


def followup_uid(followup: FollowUp) -> str:
    """The same UID each time this follow-up is exported."""
    created = followup.created_at.isoformat() if followup.created_at else ""
    return f"{uuid.uuid5(UID_NAMESPACE, f'followup:{followup.id}:{followup.reason_key}:{created}')}@netcompanion"


def _description(followup: FollowUp, contact: Contact) -> str:
    reach = [e.address for e in contact.emails] + [p.e164 for p in contact.phones]
    parts = [followup.reason, followup.draft, "Contact: " + ", ".join(
        p for p in (contact.full_name, contact.title, contact.company, *reach) if p)]
    if contact.emails:
        parts.append("Write the e-mail: " + followup_mailto(followup, contact))
    return "\n\n".join(p for p in parts if p)


def followup_alarm(summary: str, kind: str, before: timedelta) -> Alarm:
    """A display alarm `before` the due time: of a VTODO's DUE (RELATED=END), of a VEVENT's start."""
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", summary)
    trigger_params = {"RELATED": "END"} if kind == "todo" else {}
    alarm.add("trigger", -before, parameters=trigger_params)
    return alarm


def followup_component(followup: FollowUp, contact: Contact, kind: str, now: datetime | None = None,
                       alarm_before: timedelta | None = timedelta(0)) -> Todo | Event:
    """One VTODO (kind "todo") or VEVENT (kind "event") for a follow-up, with an alarm
    `alarm_before` its due time (None: no alarm); stamped `now`, by default when it was created."""
    entry = Todo() if kind == "todo" else Event()
    stamp = now or followup.created_at or utcnow()
    summary = f"Follow up: {contact.full_name or contact.company}"
    entry.add("uid", followup_uid(followup))
    entry.add("dtstamp", stamp)
    entry.add("last-modified", stamp)
    entry.add("summary", summary)
    entry.add("description", _description(followup, contact))
    entry.add("categories", [followup.kind.replace("_", " ")])
    if kind == "todo":
        entry.add("due", followup.due_at)
        entry.add("status", "NEEDS-ACTION")
    else:
        entry.add("dtstart", followup.due_at)
        entry.add("dtend", followup.due_at + EVENT_LENGTH)
        entry.add("transp", "TRANSPARENT")
    if alarm_before is not None:
        entry.add_component(followup_alarm(summary, kind, alarm_before))
    return entry


def write_ics(items: Iterable[tuple[FollowUp, Contact]], kind: str = "todo", *, now: datetime | None = None,
              alarm_before: timedelta | None = timedelta(0)) -> bytes:
    """An iCalendar file of the follow-ups in `items`, as VTODO (`todo`) or VEVENT (`event`) entries,
    each with an alarm `alarm_before` its due time (None: no alarms)."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}")
    calendar = Calendar()
    calendar.add("prodid", f"-//NetCompanion//NetCompanion {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "NetCompanion follow-ups")
    for followup, contact in items:
        calendar.add_component(followup_component(followup, contact, kind, now, alarm_before))
    return calendar.to_ical()
