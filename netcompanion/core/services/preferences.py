"""The user's relationship settings, stored in the database so that the GUI and the CLI share them.

Weekly touch budget, reintroductions a week, inner-circle size, keep-in-touch cadence per tier
and per goal, and the planning keyword profiles per goal. Each is one `Setting` row whose value
is a small JSON object; a missing row means the default.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, select

from netcompanion.core.clock import utcnow
from netcompanion.core.enums import Tier
from netcompanion.core.errors import ValidationError
from netcompanion.core.rules.followup_rules import (
    DEFAULT_INNER_CIRCLE_SIZE,
    DEFAULT_REINTRODUCE_PER_WEEK,
    DEFAULT_TIER_CADENCE,
    DEFAULT_WEEKLY_BUDGET,
    NUMBERS,
)
from netcompanion.core.search import fold
from netcompanion.core.services.base import Service, resolve_goal
from netcompanion.core.store.models import Setting
from netcompanion.core.validation import choice, rating


@dataclass
class Preferences:
    """Every relationship setting at once, as the rules read them."""

    weekly_budget: int = DEFAULT_WEEKLY_BUDGET
    reintroduce_per_week: int = DEFAULT_REINTRODUCE_PER_WEEK
    inner_circle_size: int = DEFAULT_INNER_CIRCLE_SIZE
    tier_cadence: dict[str, int | None] = field(default_factory=lambda: dict(DEFAULT_TIER_CADENCE))
    goal_cadence: dict[str, dict[str, int | None]] = field(default_factory=dict)
    planning_profiles: dict[str, dict[str, float]] = field(default_factory=dict)
    target_industries: list[str] = field(default_factory=list)


def _cadence_value(value: Any, field_name: str) -> int | None:
    if value in (None, "", "never", 0, "0"):
        return None
    return rating(value, field_name, 1, 3650)


def load_preferences(session: Session) -> Preferences:
    """The stored settings over the defaults, inside an open transaction."""
    rows = {row.key: row.value for row in session.exec(select(Setting))}
    prefs = Preferences()
    for key in NUMBERS:
        if key in rows:
            setattr(prefs, key, int(rows[key]["value"]))
    prefs.tier_cadence.update(rows.get("tier_cadence", {}))
    prefs.goal_cadence = dict(rows.get("goal_cadence", {}))
    prefs.planning_profiles = dict(rows.get("planning_profiles", {}))
    prefs.target_industries = list(rows.get("target_industries", {}).get("value", []))
    return prefs


def _store(session: Session, key: str, value: dict[str, Any]) -> None:
    row = session.get(Setting, key) or Setting(key=key)
    row.value, row.updated_at = value, utcnow()
    session.add(row)


class PreferenceService(Service):
    """Reads and changes the relationship settings; each change is one transaction."""

    def get(self) -> Preferences:
        with self.db.transaction() as session:
            return load_preferences(session)

    def set_number(self, key: str, value: int) -> Preferences:
        """Set weekly_budget, reintroduce_per_week or inner_circle_size."""
        if key not in NUMBERS:
            raise ValidationError(f"unknown setting {key!r}; settings: {', '.join(NUMBERS)}")
        _default, low, high = NUMBERS[key]
        number = rating(value, key.replace("_", " "), low, high)
        with self.db.transaction() as session:
            _store(session, key, {"value": number})
            return load_preferences(session)

    def set_tier_cadence(self, tier: str, days: int | None) -> Preferences:
        """Days between keep-in-touch reminders for a tier (None: never)."""
        tier = choice(tier, Tier, "tier")
        with self.db.transaction() as session:
            current = dict(load_preferences(session).tier_cadence)
            current[tier] = _cadence_value(days, f"{tier} cadence")
            _store(session, "tier_cadence", current)
            return load_preferences(session)

    def set_goal_cadence(self, goal: str, tier: str, days: int | None) -> Preferences:
        """The cadence contacts tagged with `goal` get in `tier`, overriding the tier's."""
        tier = choice(tier, Tier, "tier")
        with self.db.transaction() as session:
            key = resolve_goal(session, goal).key
            goals = load_preferences(session).goal_cadence
            goals.setdefault(key, {})[tier] = _cadence_value(days, f"{key} {tier} cadence")
            _store(session, "goal_cadence", goals)
            return load_preferences(session)

    def clear_goal_cadence(self, goal: str) -> Preferences:
        with self.db.transaction() as session:
            key = resolve_goal(session, goal).key
            goals = load_preferences(session).goal_cadence
            goals.pop(key, None)
            _store(session, "goal_cadence", goals)
            return load_preferences(session)

    def set_planning_profile(self, goal: str, keywords: dict[str, float]) -> Preferences:
        """Replace the keyword profile a goal's attendees are ranked by (keyword -> weight 0.1..10)."""
        cleaned: dict[str, float] = {}
        for word, weight in keywords.items():
            folded = fold(word)
            if not folded:
                raise ValidationError(f"planning keyword {word!r} has no letters or digits")
            try:
                number = float(weight)
            except (TypeError, ValueError):
                raise ValidationError(f"weight of {word!r}: {weight!r} is not a number") from None
            if not 0.1 <= number <= 10:
                raise ValidationError(f"weight of {word!r} must be between 0.1 and 10, not {number}")
            cleaned[folded] = number
        with self.db.transaction() as session:
            key = resolve_goal(session, goal).key
            profiles = load_preferences(session).planning_profiles
            if cleaned:
                profiles[key] = cleaned
            else:
                profiles.pop(key, None)  # back to the default profile
            _store(session, "planning_profiles", profiles)
            return load_preferences(session)

    def set_target_industries(self, industries: list[str]) -> Preferences:
        """The industries the user sells to; client planning ranks attendees in them higher."""
        cleaned = sorted({fold(i) for i in industries if fold(i)})
        with self.db.transaction() as session:
            _store(session, "target_industries", {"value": cleaned})
            return load_preferences(session)
