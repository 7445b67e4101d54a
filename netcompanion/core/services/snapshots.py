"""Reading ContactSnapshots in one SQL statement (no per-contact queries).

The follow-up queue reads only the contacts that may need a reminder now
(`read_reminder_candidates`); the network report reads them all (`read_snapshots`). The per-contact
facts are correlated subqueries answered from the indexes of migration 0003.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, String, and_, exists, func, or_, select, type_coerce
from sqlmodel import Session, col

from netcompanion.core.clock import as_utc
from netcompanion.core.enums import FollowUpKind, FollowUpStatus, Tier
from netcompanion.core.rules.cadence import ContactSnapshot
from netcompanion.core.rules.followup_rules import ACTIVE_STATUSES, REINTRODUCE_AFTER_DAYS
from netcompanion.core.store.models import Contact, ContactGoal, Encounter, FollowUp, Goal, Interaction


def raw_datetime(column: Any) -> ColumnElement[str]:
    """A datetime column as the driver returns it (text on SQLite), for `as_utc` to read: much faster
    than the generic result processing when 10,000 rows are read."""
    return type_coerce(column, String)


def _has_text() -> ColumnElement[bool]:
    return or_(*(getattr(Contact, name) != "" for name in ("notes", "interests", "their_goals", "needs", "offers")))


class _Parts:
    """The per-contact facts of a snapshot as correlated subqueries: each is an index seek, and SQLite
    evaluates them only for the contacts the WHERE clause keeps."""

    def __init__(self, now: datetime) -> None:
        year_ago = now - timedelta(days=365)
        self.last_interaction = (select(func.max(Interaction.happened_at))
                                 .where(Interaction.contact_id == Contact.id).scalar_subquery())
        self.recent = (select(func.count()).select_from(Interaction)
                       .where(Interaction.contact_id == Contact.id, Interaction.happened_at >= year_ago)
                       .scalar_subquery())
        self.last_encounter = select(func.max(Encounter.met_at)).where(Encounter.contact_id == Contact.id).scalar_subquery()
        self.detail = exists().where(Encounter.contact_id == Contact.id, Encounter.detail != "")
        self.active = exists().where(FollowUp.contact_id == Contact.id, col(FollowUp.status).in_(ACTIVE_STATUSES))
        self.last_skipped = (select(func.max(FollowUp.completed_at))
                             .where(FollowUp.contact_id == Contact.id, FollowUp.kind == FollowUpKind.KEEP_IN_TOUCH.value,
                                    FollowUp.status == FollowUpStatus.DISMISSED.value).scalar_subquery())
        self.asked = exists().where(FollowUp.contact_id == Contact.id, FollowUp.kind == FollowUpKind.REINTRODUCE.value)

    def query(self, include_archived: bool) -> Select:
        query = select(Contact.id, Contact.full_name, Contact.given_name, Contact.tier, raw_datetime(Contact.created_at),
                       Contact.cadence_days, Contact.influence, _has_text().label("has_text"), Contact.interests,
                       Contact.their_goals, Contact.needs, raw_datetime(self.last_interaction), self.recent,
                       raw_datetime(self.last_encounter), self.detail, self.active, raw_datetime(self.last_skipped),
                       self.asked)
        return query if include_archived else query.where(Contact.archived == False)  # noqa: E712

    @staticmethod
    def untouched_since(cut: datetime) -> ColumnElement[bool]:
        """No interaction, encounter or skipped reminder after `cut`; without any, the contact was
        added before `cut` (the rule of `followup_rules.last_touch`)."""
        def touched(after: datetime | None) -> ColumnElement[bool]:
            later = (lambda column: column > after) if after is not None else (lambda column: column.is_not(None))
            return or_(
                exists().where(Interaction.contact_id == Contact.id, later(Interaction.happened_at)),
                exists().where(Encounter.contact_id == Contact.id, later(Encounter.met_at)),
                exists().where(FollowUp.contact_id == Contact.id, FollowUp.kind == FollowUpKind.KEEP_IN_TOUCH.value,
                               FollowUp.status == FollowUpStatus.DISMISSED.value, later(FollowUp.completed_at)),
            )
        return and_(~touched(cut), or_(Contact.created_at <= cut, touched(None)))


def _rows(session: Session, query: Select) -> list[ContactSnapshot]:
    return [
        ContactSnapshot(
            id=r[0], full_name=r[1], given_name=r[2], tier=r[3], created_at=as_utc(r[4]), cadence_days=r[5],
            influence=r[6], has_text=bool(r[7]), interests=r[8], their_goals=r[9], needs=r[10],
            last_interaction=as_utc(r[11]), interactions_last_year=int(r[12] or 0),
            last_encounter=as_utc(r[13]), has_detail=bool(r[14]), has_active_item=bool(r[15]),
            last_skipped=as_utc(r[16]), asked_before=bool(r[17]),
        )
        for r in session.execute(query)
    ]


def read_snapshots(session: Session, now: datetime, *, with_goals: bool = True,
                   include_archived: bool = False, contact_id: int | None = None) -> list[ContactSnapshot]:
    """One snapshot per contact (archived ones left out unless asked for), or of `contact_id` only."""
    query = _Parts(now).query(include_archived)
    if contact_id is not None:
        query = query.where(Contact.id == contact_id)
    snapshots = _rows(session, query)
    if with_goals:
        _attach_goals(session, snapshots)
    return snapshots


def read_reminder_candidates(session: Session, now: datetime, *, cuts: dict[str, datetime],
                             reintroductions: int, with_goals: bool) -> list[ContactSnapshot]:
    """Only the snapshots that may need a reminder now, so that the queue stays fast on a large network:
    contacts without an active item that were not touched since their tier's `cuts` time (or that
    have a cadence of their own), and the first `reintroductions` contacts the user knows nothing about.

    `cuts` may let through more than is due: the caller applies the exact rules.
    """
    parts = _Parts(now)
    since = now - timedelta(days=REINTRODUCE_AFTER_DAYS)
    recently_touched = exists().where(Interaction.contact_id == Contact.id, Interaction.happened_at > since)
    base = parts.query(include_archived=False)
    due = or_(Contact.cadence_days.is_not(None),
              *(and_(Contact.tier == tier, parts.untouched_since(cut)) for tier, cut in cuts.items()))
    known = or_(_has_text(), parts.detail, recently_touched)  # the others wait for a reintroduction
    without_active = col(Contact.id).not_in(  # one list, not a lookup per contact
        select(FollowUp.contact_id).where(col(FollowUp.status).in_(ACTIVE_STATUSES)))
    snapshots = _rows(session, base.where(known, without_active, due))  # cheapest tests first
    if reintroductions > 0:
        unknown = (base.where(Contact.tier != Tier.NOISE.value, ~_has_text(), ~parts.asked, ~parts.active,
                              ~parts.detail, ~recently_touched)
                   .order_by(func.coalesce(Contact.influence, 0).desc(), Contact.created_at, Contact.id)
                   .limit(reintroductions))
        seen = {s.id for s in snapshots}
        snapshots += [s for s in _rows(session, unknown) if s.id not in seen]
    if with_goals:
        _attach_goals(session, snapshots)
    return snapshots


def _attach_goals(session: Session, snapshots: list[ContactSnapshot]) -> None:
    by_id = {s.id: s for s in snapshots}
    query = select(ContactGoal.contact_id, Goal.key).join(Goal, Goal.id == ContactGoal.goal_id)
    if len(by_id) <= 500:
        query = query.where(col(ContactGoal.contact_id).in_(list(by_id)))
    rows = session.execute(query)
    for contact_id, key in rows:
        if contact_id in by_id:
            by_id[contact_id].goals.append(key)

