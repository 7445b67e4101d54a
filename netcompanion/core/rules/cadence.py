"""Deciding which keep-in-touch and reintroduction reminders are due, from one snapshot per contact.

Pure: the service reads the snapshots in one query and stores what `plan_reminders` returns.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, tzinfo

from netcompanion.core.enums import FollowUpKind, Tier
from netcompanion.core.rules import followup_rules as rules
from netcompanion.core.rules.drafts import (
    keep_in_touch_draft,
    keep_in_touch_reason,
    light_touch_idea,
    reintroduce_draft,
    reintroduce_reason,
)


@dataclass
class ContactSnapshot:
    """What the reminder rules need to know of one (not archived) contact."""

    id: int
    full_name: str
    given_name: str
    tier: str
    created_at: datetime
    cadence_days: int | None = None
    influence: int | None = None
    has_text: bool = False
    has_detail: bool = False
    interests: str = ""
    their_goals: str = ""
    needs: str = ""
    last_interaction: datetime | None = None
    interactions_last_year: int = 0
    last_encounter: datetime | None = None
    last_skipped: datetime | None = None
    has_active_item: bool = False
    asked_before: bool = False
    goals: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.given_name or self.full_name


@dataclass(frozen=True)
class NewReminder:
    """A reminder to store: one FollowUp row."""

    contact_id: int
    kind: str
    due_at: datetime
    reason: str
    reason_key: str
    draft: str
    anchor_at: datetime
    idea: str = ""  # the light-touch idea, for the user's templates ({idea})


def contact_cadence(snapshot: ContactSnapshot, goal_cadence: dict[str, dict[str, int | None]],
                    tier_cadence: dict[str, int | None]) -> int | None:
    """The keep-in-touch cadence of one contact under the user's settings."""
    by_goal = [goal_cadence[g] for g in snapshot.goals if g in goal_cadence]
    return rules.cadence_days(snapshot.tier, snapshot.cadence_days, by_goal, tier_cadence)


def next_keep_in_touch(snapshot: ContactSnapshot, cadence: int | None, zone: tzinfo) -> datetime | None:
    """When the next keep-in-touch reminder falls due (None for never)."""
    if not cadence:
        return None
    anchor = rules.last_touch(snapshot.created_at, snapshot.last_interaction, snapshot.last_encounter,
                              snapshot.last_skipped)
    return rules.keep_in_touch_due(anchor, cadence, zone)


def _keep_in_touch(snapshot: ContactSnapshot, cadence: int, zone: tzinfo) -> NewReminder:
    anchor = rules.last_touch(snapshot.created_at, snapshot.last_interaction, snapshot.last_encounter,
                              snapshot.last_skipped)
    idea = light_touch_idea(snapshot.interests, snapshot.their_goals, snapshot.needs)
    return NewReminder(snapshot.id, FollowUpKind.KEEP_IN_TOUCH.value, rules.keep_in_touch_due(anchor, cadence, zone),
                       keep_in_touch_reason(cadence, idea), rules.keep_in_touch_key(snapshot.id, anchor),
                       keep_in_touch_draft(snapshot.name, idea), anchor, idea)


def plan_reminders(snapshots: list[ContactSnapshot], *, now: datetime, zone: tzinfo,
                   tier_cadence: dict[str, int | None], goal_cadence: dict[str, dict[str, int | None]],
                   reintroductions_left: int) -> list[NewReminder]:
    """The keep-in-touch reminders due by the end of today, and at most `reintroductions_left`
    reintroductions (the most influential first).

    A contact with an open or snoozed item gets nothing more; a contact the user knows nothing
    about is left to the reintroduction drip instead of a keep-in-touch note.
    """
    day_end = rules.end_of_day(now, zone)
    reminders: list[NewReminder] = []
    unknown: list[ContactSnapshot] = []
    for snap in snapshots:
        if snap.has_active_item:
            continue
        if rules.knows_nothing(snap.has_text, snap.has_detail, snap.last_interaction, now):
            if not snap.asked_before and snap.tier != Tier.NOISE.value:
                unknown.append(snap)
            continue
        cadence = contact_cadence(snap, goal_cadence, tier_cadence)
        due = next_keep_in_touch(snap, cadence, zone)
        if cadence and due is not None and due <= day_end:
            reminders.append(_keep_in_touch(snap, cadence, zone))
    unknown.sort(key=lambda s: (-(s.influence or 0), s.created_at, s.id))
    for snap in unknown[:reintroductions_left]:
        anchor = rules.last_touch(rules.EPOCH, snap.last_interaction, snap.last_encounter)
        reminders.append(NewReminder(snap.id, FollowUpKind.REINTRODUCE.value, now, reintroduce_reason(),
                                     rules.reintroduce_key(snap.id), reintroduce_draft(snap.name), anchor))
    return reminders
