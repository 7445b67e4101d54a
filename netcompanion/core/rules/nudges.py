"""When and how the desktop reminds: quiet hours and the one grouped notification (pure functions).

Times are aware datetimes; quiet hours are local wall-clock times in the user's `zone`, and may
span midnight (21:00 to 08:00).
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time, tzinfo

MAX_NAMED = 3  # people named in a grouped notification; the rest are counted


def in_quiet_hours(now: datetime, zone: tzinfo, window: tuple[time, time] | None) -> bool:
    """True while `now` lies in the quiet hours [start, end) (None: no quiet hours)."""
    if window is None:
        return False
    start, end = window
    local = now.astimezone(zone).time()
    if start == end:
        return False
    if start < end:
        return start <= local < end
    return local >= start or local < end


def needs_notification(due_ids: Sequence[int], notified_ids: Sequence[int]) -> bool:
    """Whether the due items call for a (new or updated) notification: one is due that was not shown."""
    return bool(set(due_ids) - set(notified_ids))


def grouped_message(people: Sequence[tuple[str, str]]) -> tuple[str, str]:
    """(summary, body) of the one notification for the due items, each (contact name, reason)."""
    count = len(people)
    if count == 1:
        name, reason = people[0]
        return f"Follow up with {name}", reason
    names = ", ".join(name for name, _ in people[:MAX_NAMED])
    more = f" and {count - MAX_NAMED} more" if count > MAX_NAMED else ""
    return f"{count} follow-ups are due", f"{names}{more}"
