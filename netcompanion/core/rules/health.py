"""Relationship health: trust estimate, strength, pruning, capacity and event results.

Pure functions over `ContactSnapshot`s and plain numbers; the network service reads the data.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from netcompanion.core.enums import Tier
from netcompanion.core.rules import followup_rules as rules
from netcompanion.core.rules.cadence import ContactSnapshot

TIER_POINTS = {Tier.INNER.value: 30, Tier.WARM.value: 20, Tier.ACQUAINTANCE.value: 10, Tier.NOISE.value: 0}
PRUNE_AFTER = timedelta(days=365)
WARM_WINDOW = (30, 90)  # an interaction between these days after an event keeps its contact warm
MAX_TIER_SUGGESTIONS = 10


def trust_estimate(credibility: int | None, reliability: int | None, intimacy: int | None,
                   self_orientation: int | None) -> float | None:
    """The trust equation, (credibility + reliability + intimacy) / self-orientation, each rated 1–10
    by the user; None unless all four are given (never a guess)."""
    if credibility is None or reliability is None or intimacy is None or not self_orientation:
        return None
    return round((credibility + reliability + intimacy) / self_orientation, 1)


TRUST_FORMULA = "(credibility + reliability + intimacy) / self-orientation"


def trust_text(credibility: int | None, reliability: int | None, intimacy: int | None,
               self_orientation: int | None) -> str:
    """The trust estimate as the detail pane shows it, with its formula, or what is missing for one."""
    estimate = trust_estimate(credibility, reliability, intimacy, self_orientation)
    if estimate is None:
        return "give credibility, reliability, intimacy and self-orientation to see the trust estimate"
    return f"{estimate:.1f}  {TRUST_FORMULA}"


def last_contact(snapshot: ContactSnapshot) -> datetime | None:
    """The latest interaction or encounter with the contact."""
    touches = [t for t in (snapshot.last_interaction, snapshot.last_encounter) if t is not None]
    return max(touches) if touches else None


def strength(snapshot: ContactSnapshot, now: datetime) -> int:
    """0–100 from recency (40: full within 30 days, none after a year), frequency (30: a touch a
    month over the last year) and tier (30 for the inner circle)."""
    recency = 0.0
    last = last_contact(snapshot)
    if last is not None:
        days = max(0.0, (now - last).total_seconds() / 86400)
        recency = 1.0 if days <= 30 else max(0.0, 1 - (days - 30) / 335)
    frequency = min(snapshot.interactions_last_year / 12, 1.0)
    return round(40 * recency + 30 * frequency + TIER_POINTS.get(snapshot.tier, 0))


def prunable(snapshot: ContactSnapshot, now: datetime) -> bool:
    """An acquaintance or noise contact with no interaction for a year and nothing written about them."""
    if snapshot.tier not in (Tier.ACQUAINTANCE.value, Tier.NOISE.value) or snapshot.has_text or snapshot.has_detail:
        return False
    last = snapshot.last_interaction or snapshot.created_at
    return now - last >= PRUNE_AFTER


@dataclass
class TierMove:
    """A suggestion to move one relationship down a tier, and the touches a week it frees."""

    contact_id: int
    name: str
    tier: str
    to_tier: str
    strength: int
    saves_per_week: float

    def to_dict(self) -> dict[str, Any]:
        return {"contact_id": self.contact_id, "name": self.name, "tier": self.tier, "to_tier": self.to_tier,
                "strength": self.strength, "saves_per_week": round(self.saves_per_week, 2)}


@dataclass
class Capacity:
    """The weekly touch load against the budget, and what to move down when it is too much."""

    weekly_load: float
    keep_in_touch_load: float
    open_items_this_week: int
    budget: int
    inner_circle: int
    inner_circle_limit: int
    moves: list[TierMove] = field(default_factory=list)

    @property
    def over_budget(self) -> bool:
        return self.weekly_load > self.budget

    @property
    def message(self) -> str:
        if self.over_budget:
            return (f"{self.weekly_load:.1f} touches a week is more than your budget of {self.budget}: "
                    "you are spreading yourself thin. Move the weakest relationships down a tier.")
        return f"{self.weekly_load:.1f} touches a week, within your budget of {self.budget}."

    def to_dict(self) -> dict[str, Any]:
        return {"weekly_load": round(self.weekly_load, 1), "keep_in_touch_load": round(self.keep_in_touch_load, 1),
                "open_items_this_week": self.open_items_this_week, "budget": self.budget,
                "over_budget": self.over_budget, "message": self.message, "inner_circle": self.inner_circle,
                "inner_circle_limit": self.inner_circle_limit,
                "inner_circle_over": self.inner_circle > self.inner_circle_limit,
                "move_down": [m.to_dict() for m in self.moves]}


def capacity(snapshots: list[ContactSnapshot], cadences: dict[int, int | None], open_items_this_week: int,
             budget: int, inner_circle_limit: int, now: datetime,
             tier_cadence: dict[str, int | None] | None = None) -> Capacity:
    """The weekly load (keep-in-touch touches at each contact's cadence plus the other open items
    due within a week); when over `budget`, the weakest relationships to move down a tier until
    it fits (at most ten named)."""
    keep_load = sum(rules.weekly_touches(cadences.get(s.id)) for s in snapshots)
    report = Capacity(keep_load + open_items_this_week, keep_load, open_items_this_week, budget,
                      sum(1 for s in snapshots if s.tier == Tier.INNER.value), inner_circle_limit)
    if not report.over_budget:
        return report
    table = {**rules.DEFAULT_TIER_CADENCE, **(tier_cadence or {})}
    excess = report.weekly_load - budget
    candidates = sorted((s for s in snapshots if rules.weekly_touches(cadences.get(s.id)) > 0),
                        key=lambda s: (strength(s, now), -(rules.weekly_touches(cadences.get(s.id))), s.id))
    for snap in candidates:
        lower = rules.next_tier_down(snap.tier)
        if lower is None:
            continue
        saves = rules.weekly_touches(cadences.get(snap.id)) - rules.weekly_touches(table.get(lower))
        if saves <= 0:
            continue
        report.moves.append(TierMove(snap.id, snap.full_name, snap.tier, lower, strength(snap, now), saves))
        excess -= saves
        if excess <= 0 or len(report.moves) >= MAX_TIER_SUGGESTIONS:
            break
    return report


@dataclass
class EventResult:
    """How an event (or all events of a goal) went."""

    name: str
    goal: str
    target_count: int = 0
    targets_planned: int = 0
    targets_met: int = 0
    contacts_met: int = 0
    cards_scanned: int = 0
    followups: int = 0
    followups_within_24h: int = 0
    warm_after_90_days: int = 0
    warm_measured: int = 0  # contacts of events that ended 90 days ago or more
    event_id: int | None = None

    @property
    def warm_share(self) -> float | None:
        return round(self.warm_after_90_days / self.warm_measured, 2) if self.warm_measured else None

    def add(self, other: EventResult) -> None:
        """Sum another event's figures into this one (for the per-goal results)."""
        for name in ("target_count", "targets_planned", "targets_met", "contacts_met", "cards_scanned", "followups",
                     "followups_within_24h", "warm_after_90_days", "warm_measured"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def to_dict(self) -> dict[str, Any]:
        data = {"event_id": self.event_id, "name": self.name, "goal": self.goal, "target_count": self.target_count,
                "targets_planned": self.targets_planned, "targets_met": self.targets_met,
                "contacts_met": self.contacts_met, "cards_scanned": self.cards_scanned,
                "followups": self.followups, "followups_within_24h": self.followups_within_24h,
                "warm_after_90_days": self.warm_share}
        if self.event_id is None:
            del data["event_id"]
        return data


def warm_after_event(event_end: datetime, interactions: list[datetime]) -> bool:
    """Whether a contact was still in touch 90 days after the event: an interaction 30–90 days after it
    (the 24-hour follow-up alone does not count)."""
    low, high = (event_end + timedelta(days=d) for d in WARM_WINDOW)
    return any(low <= when <= high for when in interactions)
