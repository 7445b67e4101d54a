"""The network as a whole: tiers, relationship strength and trust, capacity, pruning,
introductions and event results."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from typing import Any

from sqlalchemy import func, select
from sqlmodel import Session, col

from netcompanion.core.clock import as_utc, local_zone, utcnow
from netcompanion.core.enums import FollowUpKind, FollowUpStatus, IntroductionStatus, TargetStatus
from netcompanion.core.errors import ValidationError
from netcompanion.core.rules import followup_rules as rules
from netcompanion.core.rules import health
from netcompanion.core.rules.cadence import ContactSnapshot, contact_cadence, next_keep_in_touch
from netcompanion.core.rules.drafts import introduction_reason
from netcompanion.core.rules.introductions import IntroSuggestion, Person, pair_key, suggest_introductions
from netcompanion.core.services.base import Service, get_or_raise
from netcompanion.core.services.draft_templates import introduction_text
from netcompanion.core.services.preferences import Preferences, load_preferences
from netcompanion.core.services.snapshots import read_snapshots
from netcompanion.core.store.models import (
    CardImage,
    Contact,
    Encounter,
    Event,
    FollowUp,
    Goal,
    Interaction,
    Introduction,
    Target,
)


@dataclass
class Relationship:
    """One contact as the Network place shows it."""

    contact_id: int
    name: str
    tier: str
    strength: int
    cadence_days: int | None
    last_contact: datetime | None
    next_due: datetime | None
    trust: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"contact_id": self.contact_id, "name": self.name, "tier": self.tier, "strength": self.strength,
                "cadence_days": self.cadence_days,
                "last_contact": self.last_contact.isoformat() if self.last_contact else None,
                "next_due": self.next_due.isoformat() if self.next_due else None, "trust": self.trust}


def _cadences(snapshots: list[ContactSnapshot], prefs: Preferences) -> dict[int, int | None]:
    return {s.id: contact_cadence(s, prefs.goal_cadence, prefs.tier_cadence) for s in snapshots}


def _people(session: Session) -> list[Person]:
    rows = session.execute(select(Contact.id, Contact.full_name, Contact.offers, Contact.needs, Contact.company)
                           .where(Contact.archived == False, (Contact.offers != "") | (Contact.needs != "")))  # noqa: E712
    return [Person(r[0], r[1], r[2], r[3], r[4]) for r in rows]


def _known_pairs(session: Session) -> set[tuple[int, int]]:
    return {pair_key(a, b) for a, b in session.execute(select(Introduction.contact_a_id, Introduction.contact_b_id))}


class NetworkService(Service):
    """Reads the health of the network and records introductions."""

    def relationships(self, *, now: datetime | None = None, zone: tzinfo | None = None) -> list[Relationship]:
        """Every active contact with its strength, cadence, last contact, next reminder and trust."""
        now, zone = now or utcnow(), zone or local_zone()
        with self.db.transaction() as session:
            prefs = load_preferences(session)
            snapshots = read_snapshots(session, now)
            cadences = _cadences(snapshots, prefs)
            trust = {r[0]: health.trust_estimate(*r[1:]) for r in session.execute(
                select(Contact.id, Contact.credibility, Contact.reliability, Contact.intimacy, Contact.self_orientation)
                .where(Contact.credibility.is_not(None)))}
            return [Relationship(s.id, s.full_name, s.tier, health.strength(s, now), cadences[s.id],
                                 health.last_contact(s),
                                 next_keep_in_touch(s, cadences[s.id], zone), trust.get(s.id))
                    for s in sorted(snapshots, key=lambda s: (rules.TIER_ORDER.index(s.tier)
                                                              if s.tier in rules.TIER_ORDER else 9, s.full_name))]

    def capacity(self, *, now: datetime | None = None) -> health.Capacity:
        """The weekly touch load against the budget, with the relationships to move down when over it."""
        now = now or utcnow()
        with self.db.transaction() as session:
            return self._capacity(session, now, load_preferences(session), read_snapshots(session, now))

    def prune_candidates(self, *, now: datetime | None = None) -> list[ContactSnapshot]:
        """Acquaintances and noise with no interaction for a year and nothing written about them."""
        now = now or utcnow()
        with self.db.transaction() as session:
            return [s for s in read_snapshots(session, now, with_goals=False) if health.prunable(s, now)]

    def suggest_introductions(self, limit: int = 20) -> list[IntroSuggestion]:
        """Pairs where one contact offers what the other needs, not suggested or made before."""
        with self.db.transaction() as session:
            return suggest_introductions(_people(session), exclude=_known_pairs(session), limit=limit)

    def accept_introduction(self, offerer_id: int, needer_id: int, *, now: datetime | None = None,
                            zone: tzinfo | None = None) -> Introduction:
        """Accept a suggestion: an Introduction is recorded and each side gets a follow-up, due by
        the end of the user's day (never late the minute it is made)."""
        now = now or utcnow()
        due = rules.end_of_day(now, zone or local_zone())
        with self.db.transaction() as session:
            intro, offerer, needer, words = self._new_introduction(session, offerer_id, needer_id)
            intro.status = IntroductionStatus.ACCEPTED.value
            session.add(intro)
            session.flush()
            reason = introduction_reason(offerer.full_name, needer.full_name, words)
            for side, other in ((offerer, needer), (needer, offerer)):
                session.add(FollowUp(
                    contact_id=side.id, kind=FollowUpKind.INTRODUCTION.value, due_at=due, reason=reason,
                    reason_key=rules.introduction_key(intro.id, side.id), introduction_id=intro.id,
                    draft=introduction_text(session, side, other, offerer.offers, needer.needs),
                    owner=self.user, created_at=now,
                ))
            return intro

    def decline_introduction(self, offerer_id: int, needer_id: int) -> Introduction:
        """Decline a suggestion: the pair is not suggested again."""
        with self.db.transaction() as session:
            intro, *_ = self._new_introduction(session, offerer_id, needer_id)
            intro.status = IntroductionStatus.DECLINED.value
            session.add(intro)
            return intro

    def event_results(self, *, now: datetime | None = None) -> list[health.EventResult]:
        """Per event: targets met / planned, cards scanned, follow-ups done within 24 h, share still warm."""
        now = now or utcnow()
        with self.db.transaction() as session:
            return _event_results(session, now)

    def goal_results(self, *, now: datetime | None = None) -> list[health.EventResult]:
        """The event results summed per goal."""
        return _sum_by_goal(self.event_results(now=now))

    def report(self, *, now: datetime | None = None, limit: int = 20) -> dict[str, Any]:
        """Everything `netcompanion network --json` prints (documented in the README)."""
        now = now or utcnow()
        with self.db.transaction() as session:
            prefs = load_preferences(session)
            snapshots = read_snapshots(session, now)
            tiers = {tier: 0 for tier in rules.TIER_ORDER}
            for snap in snapshots:
                tiers[snap.tier] = tiers.get(snap.tier, 0) + 1
            prune = sorted((s for s in snapshots if health.prunable(s, now)), key=lambda s: (s.full_name, s.id))
            report_capacity = self._capacity(session, now, prefs, snapshots)
            introductions = suggest_introductions(_people(session), exclude=_known_pairs(session), limit=limit)
            events = _event_results(session, now)
        return {
            "tiers": tiers,
            "capacity": report_capacity.to_dict(),
            "pruning": [{"contact_id": s.id, "name": s.full_name, "tier": s.tier,
                         "last_contact": s.last_interaction.isoformat() if s.last_interaction else None}
                        for s in prune[:limit]],
            "pruning_total": len(prune),
            "introductions": [s.to_dict() for s in introductions],
            "events": [e.to_dict() for e in events],
            "goals": [g.to_dict() for g in _sum_by_goal(events)],
        }

    @staticmethod
    def _capacity(session: Session, now: datetime, prefs: Preferences,
                  snapshots: list[ContactSnapshot]) -> health.Capacity:
        week = now + timedelta(days=7)
        open_items = session.execute(
            select(func.count()).select_from(FollowUp).join(Contact, Contact.id == FollowUp.contact_id)
            .where(Contact.archived == False, col(FollowUp.status).in_(rules.ACTIVE_STATUSES),  # noqa: E712
                   FollowUp.kind != FollowUpKind.KEEP_IN_TOUCH.value, FollowUp.due_at <= week)).scalar_one()
        return health.capacity(snapshots, _cadences(snapshots, prefs), int(open_items), prefs.weekly_budget,
                               prefs.inner_circle_size, now, prefs.tier_cadence)

    @staticmethod
    def _new_introduction(session: Session, offerer_id: int, needer_id: int):  # noqa: ANN205
        if offerer_id == needer_id:
            raise ValidationError("an introduction needs two different contacts")
        offerer = get_or_raise(session, Contact, offerer_id, "contact")
        needer = get_or_raise(session, Contact, needer_id, "contact")
        a, b = pair_key(offerer_id, needer_id)
        existing = session.execute(select(Introduction).where(
            Introduction.contact_a_id == a, Introduction.contact_b_id == b)).scalar_one_or_none()
        if existing is not None:
            raise ValidationError(f"{offerer.full_name} and {needer.full_name}: an introduction is "
                                  f"{existing.status} already")
        match = suggest_introductions([Person(offerer.id, offerer.full_name, offerer.offers, ""),
                                       Person(needer.id, needer.full_name, "", needer.needs)])
        words = match[0].words if match else []
        intro = Introduction(contact_a_id=a, contact_b_id=b, created_at=utcnow(),
                             reason=introduction_reason(offerer.full_name, needer.full_name, words or ["by hand"]))
        return intro, offerer, needer, words or ["by hand"]


def _sum_by_goal(results: list[health.EventResult]) -> list[health.EventResult]:
    by_goal: dict[str, health.EventResult] = {}
    for result in results:
        by_goal.setdefault(result.goal, health.EventResult(name=result.goal, goal=result.goal)).add(result)
    return sorted(by_goal.values(), key=lambda r: r.goal)


def _event_results(session: Session, now: datetime) -> list[health.EventResult]:
    events = session.execute(select(Event.id, Event.name, Goal.key, Event.target_count, Event.starts_at, Event.ends_at)
                             .join(Goal, Goal.id == Event.goal_id)
                             .order_by(col(Event.starts_at).desc().nulls_last(), col(Event.id))).all()
    results = {e[0]: health.EventResult(name=e[1], goal=e[2], target_count=e[3], event_id=e[0]) for e in events}
    for event_id, status, n in session.execute(select(Target.event_id, Target.status, func.count())
                                               .group_by(Target.event_id, Target.status)):
        results[event_id].targets_planned += n
        if status == TargetStatus.MET.value:
            results[event_id].targets_met += n
    met: dict[int, set[int]] = defaultdict(set)
    for event_id, contact_id in session.execute(select(Encounter.event_id, Encounter.contact_id)
                                                .where(col(Encounter.event_id).is_not(None)).distinct()):
        met[event_id].add(contact_id)
    for event_id, contacts in met.items():
        results[event_id].contacts_met = len(contacts)
    for event_id, n in session.execute(
            select(Encounter.event_id, func.count(func.distinct(CardImage.id)))
            .join(CardImage, CardImage.contact_id == Encounter.contact_id)
            .where(col(Encounter.event_id).is_not(None)).group_by(Encounter.event_id)):
        results[event_id].cards_scanned = n
    for event_id, status, due_at, completed_at in session.execute(
            select(Encounter.event_id, FollowUp.status, FollowUp.due_at, FollowUp.completed_at)
            .join(Encounter, Encounter.id == FollowUp.encounter_id)
            .where(FollowUp.kind == FollowUpKind.POST_EVENT.value, col(Encounter.event_id).is_not(None))):
        results[event_id].followups += 1
        if status == FollowUpStatus.DONE.value and completed_at is not None and as_utc(completed_at) <= as_utc(due_at):
            results[event_id].followups_within_24h += 1
    _warm_after_90_days(session, now, events, met, results)
    return list(results.values())


def _warm_after_90_days(session: Session, now: datetime, events, met: dict[int, set[int]],  # noqa: ANN001
                        results: dict[int, health.EventResult]) -> None:
    ended = {e[0]: as_utc(e[5] or e[4]) for e in events
             if (e[5] or e[4]) is not None and as_utc(e[5] or e[4]) <= now - timedelta(days=90)}
    contact_ids = sorted({c for event_id in ended for c in met.get(event_id, ())})
    touches: dict[int, list[datetime]] = defaultdict(list)
    for start in range(0, len(contact_ids), 500):
        for contact_id, when in session.execute(select(Interaction.contact_id, Interaction.happened_at)
                                                .where(col(Interaction.contact_id).in_(contact_ids[start:start + 500]))):
            touches[contact_id].append(as_utc(when))
    for event_id, end in ended.items():
        for contact_id in met.get(event_id, ()):
            results[event_id].warm_measured += 1
            if health.warm_after_event(end, touches.get(contact_id, [])):
                results[event_id].warm_after_90_days += 1
