"""Every follow-up rule in one place: pure functions of their inputs and an explicit `now`.

Times are aware datetimes. Calendar arithmetic ("the next day", "in 30 days", "due today")
happens in the user's time zone `zone`, so that an encounter at 23:59 the evening before a
daylight-saving change is due at 23:59 the next evening, not an hour later on the day after.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo

from netcompanion.core.enums import FollowUpKind, FollowUpStatus, Tier

# keep-in-touch cadence by tier, in days; None means never
DEFAULT_TIER_CADENCE: dict[str, int | None] = {
    Tier.INNER.value: 30, Tier.WARM.value: 90, Tier.ACQUAINTANCE.value: 180, Tier.NOISE.value: None,
}
TIER_ORDER = [Tier.INNER.value, Tier.WARM.value, Tier.ACQUAINTANCE.value, Tier.NOISE.value]
POST_EVENT_DAYS = 1  # the 24-hour follow-up: same wall-clock time, the next day
REINTRODUCE_AFTER_DAYS = 180
DEFAULT_REINTRODUCE_PER_WEEK = 3
DEFAULT_WEEKLY_BUDGET = 15
DEFAULT_INNER_CIRCLE_SIZE = 15
NUMBERS = {  # the numeric relationship settings: key -> (default, lowest, highest)
    "weekly_budget": (DEFAULT_WEEKLY_BUDGET, 1, 500),
    "reintroduce_per_week": (DEFAULT_REINTRODUCE_PER_WEEK, 0, 50),
    "inner_circle_size": (DEFAULT_INNER_CIRCLE_SIZE, 1, 150),
}
# order of the items due on the same day: a promise made in person first
KIND_PRIORITY = {FollowUpKind.POST_EVENT.value: 0, FollowUpKind.INTRODUCTION.value: 1,
                 FollowUpKind.CUSTOM.value: 2, FollowUpKind.KEEP_IN_TOUCH.value: 3,
                 FollowUpKind.REINTRODUCE.value: 4}
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)  # "never touched"
_OPEN, _SNOOZED = FollowUpStatus.OPEN.value, FollowUpStatus.SNOOZED.value  # plain str: fast in loops
_POST_EVENT = FollowUpKind.POST_EVENT.value
ACTIVE_STATUSES = (FollowUpStatus.OPEN.value, FollowUpStatus.SNOOZED.value)


def add_local_days(when: datetime, days: int, zone: tzinfo) -> datetime:
    """`when` plus `days` calendar days at the same local wall-clock time, in UTC."""
    local = when.astimezone(zone)
    naive = local.replace(tzinfo=None) + timedelta(days=days)
    return naive.replace(tzinfo=zone).astimezone(timezone.utc)


def end_of_day(now: datetime, zone: tzinfo) -> datetime:
    """The last moment of `now`'s local day, in UTC: what is due by then is due today."""
    local_day = now.astimezone(zone).date()
    midnight = datetime.combine(local_day + timedelta(days=1), time()).replace(tzinfo=zone)
    return midnight.astimezone(timezone.utc) - timedelta(microseconds=1)


CHECKLIST_SECTIONS = ("Overdue", "Today", "This week")


def checklist_bounds(now: datetime, zone: tzinfo) -> list[tuple[str, datetime | None, datetime]]:
    """The checklist's sections as due-time ranges [start, end) in UTC: overdue (due before now), the
    rest of the user's local day, and the six local days after it. (A snoozed item is due when its
    snooze ends.)"""
    local_day = now.astimezone(zone).date()

    def midnight(days: int) -> datetime:
        return datetime.combine(local_day + timedelta(days=days), time(), tzinfo=zone).astimezone(timezone.utc)

    end_of_today, end_of_week = midnight(1), midnight(7)
    return list(zip(CHECKLIST_SECTIONS, (None, now, end_of_today), (now, end_of_today, end_of_week), strict=True))


def post_event_due(met_at: datetime, starts_at: datetime | None, ends_at: datetime | None,
                   zone: tzinfo) -> datetime:
    """The 24-hour follow-up: the next day after the encounter, or after the event's end when
    the encounter was during the event."""
    base = met_at
    if ends_at is not None and (starts_at is None or starts_at <= met_at <= ends_at):
        base = ends_at
    return add_local_days(base, POST_EVENT_DAYS, zone)


def cadence_days(tier: str, contact_days: int | None, goal_cadences: list[dict[str, int | None]],
                 tier_cadence: dict[str, int | None] | None = None) -> int | None:
    """Days between keep-in-touch reminders; None for never.

    The contact's own cadence wins; then the most frequent cadence any of its goals sets for
    its tier; then the tier's (the user's tier cadences over the defaults).
    """
    if contact_days:
        return contact_days
    by_goal = [cadences[tier] for cadences in goal_cadences if tier in cadences]
    if by_goal:
        numbers = [days for days in by_goal if days]
        return min(numbers) if numbers else None
    table = {**DEFAULT_TIER_CADENCE, **(tier_cadence or {})}
    return table.get(tier)


def last_touch(created_at: datetime, *touches: datetime | None) -> datetime:
    """When the keep-in-touch clock last restarted: the latest interaction, encounter or skipped
    reminder; the day the contact was added when there is none (an imported history counts even
    when it is older than the contact's record)."""
    return max([t for t in touches if t is not None] or [created_at])


def keep_in_touch_due(anchor: datetime, days: int, zone: tzinfo) -> datetime:
    """When the next keep-in-touch reminder is due."""
    return add_local_days(anchor, days, zone)


def keep_in_touch_key(contact_id: int, anchor: datetime) -> str:
    """One reminder per contact per restart of the clock."""
    return f"keep_in_touch:{contact_id}:{anchor.astimezone(timezone.utc):%Y%m%dT%H%M%S}"


def reintroduce_key(contact_id: int) -> str:
    """A contact is asked about once: after that the user knows, or has chosen not to."""
    return f"reintroduce:{contact_id}"


def post_event_key(encounter_id: int) -> str:
    return f"post_event:{encounter_id}"


def introduction_key(introduction_id: int, contact_id: int) -> str:
    return f"introduction:{introduction_id}:{contact_id}"


def reminder_cuts(now: datetime, zone: tzinfo, tier_cadence: dict[str, int | None],
                  goal_cadence: dict[str, dict[str, int | None]]) -> dict[str, datetime]:
    """Per tier, a time such that a contact last touched after it cannot be due today: today's end
    minus the tier's shortest cadence (any goal's included), a day early for daylight saving."""
    cuts = {}
    for tier in TIER_ORDER:
        options = [{**DEFAULT_TIER_CADENCE, **tier_cadence}.get(tier)]
        options += [cadences.get(tier) for cadences in goal_cadence.values() if tier in cadences]
        days = [d for d in options if d]
        if days:
            cuts[tier] = add_local_days(end_of_day(now, zone), -min(days), zone) + timedelta(days=1)
    return cuts


def knows_nothing(has_text: bool, has_detail: bool, last_interaction: datetime | None, now: datetime) -> bool:
    """True for a contact with no notes, no encounter detail and no interaction for 180 days."""
    if has_text or has_detail:
        return False
    return last_interaction is None or now - last_interaction >= timedelta(days=REINTRODUCE_AFTER_DAYS)


def reintroductions_allowed(asked_this_week: int, per_week: int = DEFAULT_REINTRODUCE_PER_WEEK) -> int:
    """How many more reintroductions may be queued now: a few a week, never a flood."""
    return max(0, per_week - asked_this_week)


def is_visible_today(kind: str, status: str, due_at: datetime, snoozed_until: datetime | None,
                     now: datetime, zone: tzinfo, day_end: datetime | None = None) -> bool:
    """Whether an item belongs in today's queue.

    A 24-hour follow-up shows from the moment it exists (its due time is a deadline); others
    when due by the end of the local day (`day_end`, worked out when not given); snoozed items
    once their snooze has ended.
    """
    if status == _SNOOZED:
        return snoozed_until is not None and snoozed_until <= now
    if status != _OPEN:
        return False
    return kind == _POST_EVENT or due_at <= (day_end or end_of_day(now, zone))


@dataclass(frozen=True)
class Lateness:
    """How late an item is: `seconds` past due (0 when not yet due) and a label for people."""

    seconds: int
    label: str

    @property
    def overdue(self) -> bool:
        return self.seconds > 0


def lateness(due_at: datetime, now: datetime, zone: tzinfo, today: date | None = None) -> Lateness:
    """'3 days late', '5 hours late', 'due today 18:00', 'due Tue 12 May 09:30'.

    `today` (the local date of `now`) may be given to save working it out for every item.
    """
    late = int((now - due_at).total_seconds())
    if late > 0:
        days, hours = late // 86400, late // 3600
        if days >= 1:
            return Lateness(late, f"{days} day{'s' if days != 1 else ''} late")
        if hours >= 1:
            return Lateness(late, f"{hours} hour{'s' if hours != 1 else ''} late")
        return Lateness(late, f"{max(1, late // 60)} min late")
    local = due_at.astimezone(zone)
    if local.date() == (today or now.astimezone(zone).date()):
        return Lateness(0, f"due today {local:%H:%M}")
    return Lateness(0, f"due {local:%a %d %b %H:%M}")


JUST_CREATED = timedelta(hours=1)
"""An item created this recently is shown first in its part of the queue: what the user just did
(a card saved, an introduction accepted) must not hide under older items behind "Show all"."""


def is_just_created(created_at: datetime | None, now: datetime) -> bool:
    return created_at is not None and now - JUST_CREATED <= created_at <= now


def queue_order(kind: str, due_at: datetime, now: datetime, item_id: int, created_at: datetime | None = None) -> tuple:
    """Sort key of the queue: overdue items first, each part with what was just created at its top,
    then (overdue) the longest overdue first, or (not yet due) by kind, then by due time."""
    overdue = due_at < now
    return (0 if overdue else 1, 0 if is_just_created(created_at, now) else 1,
            due_at if overdue else datetime.min.replace(tzinfo=timezone.utc),
            KIND_PRIORITY.get(kind, 9), due_at, item_id)


def weekly_touches(cadence: int | None) -> float:
    """Keep-in-touch touches a week one relationship costs at `cadence` days."""
    return 7.0 / cadence if cadence else 0.0


def next_tier_down(tier: str) -> str | None:
    """The tier below `tier` (None below noise)."""
    index = TIER_ORDER.index(tier) if tier in TIER_ORDER else len(TIER_ORDER) - 1
    return TIER_ORDER[index + 1] if index + 1 < len(TIER_ORDER) else None
