"""The reminder settings: calendar alarms, the calendar feed, the tray, notifications, quiet hours.

One `Setting` row ("reminders") holds them, so the GUI and the CLI share them; a missing row or
key means the default. Every switch can be turned off.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from datetime import time
from typing import Any

from sqlmodel import Session

from netcompanion.core.clock import utcnow
from netcompanion.core.errors import ValidationError
from netcompanion.core.services.base import Service
from netcompanion.core.store.models import Setting

SETTING_KEY = "reminders"
ICS_KINDS = ("todo", "event")


@dataclass
class ReminderSettings:
    """What reminds the user, and when it may not."""

    calendar_alarms: bool = True  # a VALARM on every exported VTODO / VEVENT
    alarm_minutes_before: int = 0  # 0: at the due time
    feed: bool = False  # keep the calendar feed file in the data folder up to date
    feed_kind: str = "todo"
    tray: bool = True  # the tray icon with the count due today
    notifications: bool = True
    close_to_tray: bool = False  # closing the window quits unless the user chose the tray
    close_hint_shown: bool = False  # the "closing quits" hint is said once
    start_at_login: bool = False
    quiet_hours: bool = True
    quiet_start: str = "21:00"
    quiet_end: str = "08:00"

    @property
    def quiet_window(self) -> tuple[time, time] | None:
        """(start, end) of the quiet hours, local time; None when they are off."""
        if not self.quiet_hours:
            return None
        return parse_clock(self.quiet_start, "quiet start"), parse_clock(self.quiet_end, "quiet end")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def parse_clock(text: str, what: str) -> time:
    """A local time of day from 'HH:MM'."""
    hours, sep, minutes = str(text).strip().partition(":")
    if not (sep and hours.isdigit() and minutes.isdigit() and int(hours) < 24 and int(minutes) < 60):
        raise ValidationError(f"{what}: {text!r} is not a time of day; write it as HH:MM, e.g. 21:30")
    return time(int(hours), int(minutes))


def _checked(name: str, value: Any) -> Any:
    defaults = ReminderSettings()
    if name not in {f.name for f in fields(ReminderSettings)}:
        known = ", ".join(f.name for f in fields(ReminderSettings))
        raise ValidationError(f"unknown reminder setting {name!r}; settings: {known}")
    default = getattr(defaults, name)
    if isinstance(default, bool):
        if isinstance(value, str):
            lowered = value.strip().lower()
            if lowered not in ("on", "off", "true", "false", "yes", "no", "1", "0"):
                raise ValidationError(f"{name}: say on or off, not {value!r}")
            return lowered in ("on", "true", "yes", "1")
        return bool(value)
    if isinstance(default, int):
        try:
            number = int(value)
        except (TypeError, ValueError):
            raise ValidationError(f"{name}: {value!r} is not a whole number") from None
        if not 0 <= number <= 7 * 24 * 60:
            raise ValidationError(f"{name}: give between 0 and 10080 minutes (a week), not {number}")
        return number
    if name == "feed_kind":
        if value not in ICS_KINDS:
            raise ValidationError(f"feed_kind must be one of {', '.join(ICS_KINDS)}")
        return value
    parse_clock(value, name.replace("_", " "))
    return str(value).strip()


def load_reminder_settings(session: Session) -> ReminderSettings:
    """The stored reminder settings over the defaults, inside an open transaction."""
    row = session.get(Setting, SETTING_KEY)
    stored = dict(row.value) if row is not None else {}
    known = {f.name for f in fields(ReminderSettings)}
    return ReminderSettings(**{k: v for k, v in stored.items() if k in known})


class ReminderSettingsService(Service):
    """Reads and changes the reminder settings; each change is one transaction."""

    def get(self) -> ReminderSettings:
        with self.db.transaction() as session:
            return load_reminder_settings(session)

    def update(self, **changes: Any) -> ReminderSettings:
        """Change the named settings (validated); the others keep their value."""
        checked = {name: _checked(name, value) for name, value in changes.items()}
        with self.db.transaction() as session:
            current = load_reminder_settings(session).to_dict()
            current.update(checked)
            ReminderSettings(**current).quiet_window  # noqa: B018 (both ends valid together)
            row = session.get(Setting, SETTING_KEY) or Setting(key=SETTING_KEY)
            row.value, row.updated_at = current, utcnow()
            session.add(row)
            return ReminderSettings(**current)
