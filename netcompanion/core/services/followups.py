"""The follow-up queue: building today's checklist, and marking items done, snoozed or dismissed.

Building the queue first stores the keep-in-touch and reintroduction reminders that have come
due (`cadence.plan_reminders`), then reads the visible items in one query. Reminders are rows
with a unique `reason_key`, so nothing is ever scheduled twice for the same reason.

On a database a team shares, each item has an owner: the 24-hour follow-up is the owner's of its
encounter; an introduction's, who accepted it; a keep-in-touch or reintroduction reminder belongs
to whoever met the contact last (the owner of their latest encounter), and to nobody (everyone
sees it) when no encounter is recorded. The queue shows the user's own items and those of nobody;
`everyone` shows all.
"""
from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from functools import cached_property
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, ScalarSelect, Select, and_, case, exists, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload
from sqlmodel import Session, SQLModel, col

from netcompanion.core.clock import as_utc, local_zone, parse_when, utcnow
from netcompanion.core.enums import FollowUpKind, FollowUpStatus, IntroductionStatus
from netcompanion.core.errors import ValidationError
from netcompanion.core.rules import followup_rules as rules
from netcompanion.core.rules.cadence import contact_cadence, next_keep_in_touch, plan_reminders
from netcompanion.core.rules.drafts import post_event_reason
from netcompanion.core.services.base import Service, get_or_raise, resolve_goal
from netcompanion.core.services.draft_templates import load_drafting, post_event_text
from netcompanion.core.services.interactions import log_interaction
from netcompanion.core.services.preferences import load_preferences
from netcompanion.core.services.snapshots import raw_datetime, read_reminder_candidates, read_snapshots
from netcompanion.core.store.database import Database
from netcompanion.core.store.models import (
    Contact,
    ContactEmail,
    ContactGoal,
    Encounter,
    Event,
    FollowUp,
    Interaction,
    Introduction,
    Setting,
)
from netcompanion.core.validation import required_text

CADENCE_KINDS = (FollowUpKind.KEEP_IN_TOUCH.value, FollowUpKind.REINTRODUCE.value)
_SNOOZED = FollowUpStatus.SNOOZED.value
_Read = TypeVar("_Read")


@dataclass
class QueueItem:
    """One line of the follow-up checklist, with everything the GUI and the CLI show."""

    id: int
    kind: str
    status: str
    contact_id: int
    contact_name: str
    company: str
    due_at: datetime
    late_seconds: int
    reason: str
    draft: str
    event: str | None = None
    introduction_id: int | None = None
    owner: str = ""  # who follows it up on a shared database ("": anyone)
    # when the queue was read (now, the user's zone, its local date): what `due_label` is relative to
    read_at: tuple[datetime, tzinfo, date] | None = field(default=None, repr=False, compare=False)
    created_at: datetime | None = field(default=None, repr=False, compare=False)

    @cached_property
    def due_label(self) -> str:
        """'3 days late', 'due today 18:00'… (worked out when first shown: a long queue shows few)."""
        now, zone, today = self.read_at or (utcnow(), local_zone(), None)
        return rules.lateness(self.due_at, now, zone, today).label

    @property
    def overdue(self) -> bool:
        return self.late_seconds > 0

    @cached_property
    def search_text(self) -> str:
        """Who and why, case-folded, for the checklist's search field."""
        return f"{self.contact_name} {self.company} {self.reason}".casefold()

    @property
    def needs_detail(self) -> bool:
        """A 24-hour follow-up without the conversation detail: ask for it, do not send a generic note."""
        return self.kind == FollowUpKind.POST_EVENT.value and not self.draft

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON form (documented in the README)."""
        return {
            "id": self.id, "kind": self.kind, "status": self.status, "contact_id": self.contact_id,
            "contact": self.contact_name, "company": self.company, "due_at": self.due_at.isoformat(),
            "overdue": self.overdue, "late_seconds": self.late_seconds, "due": self.due_label,
            "reason": self.reason, "draft": self.draft, "needs_detail": self.needs_detail,
            "event": self.event, "introduction_id": self.introduction_id, "owner": self.owner,
        }


def refresh_reminders(session: Session, now: datetime, zone: tzinfo) -> int:
    """Store the reminders that have come due, and close those whose contact was reached another
    way; returns how many rows changed."""
    closed = _close_touched_reminders(session, now)
    prefs = load_preferences(session)
    asked = session.execute(select(FollowUp.id).where(
        FollowUp.kind == FollowUpKind.REINTRODUCE.value, FollowUp.created_at >= now - timedelta(days=7))).all()
    left = rules.reintroductions_allowed(len(asked), prefs.reintroduce_per_week)
    candidates = read_reminder_candidates(
        session, now, cuts=rules.reminder_cuts(now, zone, prefs.tier_cadence, prefs.goal_cadence),
        reintroductions=left, with_goals=bool(prefs.goal_cadence))
    reminders = plan_reminders(candidates, now=now, zone=zone, tier_cadence=prefs.tier_cadence,
                               goal_cadence=prefs.goal_cadence, reintroductions_left=left)
    existing = _existing_keys(session, [r.reason_key for r in reminders])
    reminders = [r for r in reminders if r.reason_key not in existing]
    owners = _latest_encounter_owners(session, [r.contact_id for r in reminders])
    rows = [dict(contact_id=r.contact_id, kind=r.kind, due_at=r.due_at, reason=r.reason, reason_key=r.reason_key,
                 draft=r.draft, status=FollowUpStatus.OPEN.value, owner=owners.get(r.contact_id, ""), created_at=now,
                 anchor_at=r.anchor_at)
            for r in reminders]
    drafting = load_drafting(session) if rows else None
    if drafting is not None and not drafting.is_default:  # the user's templates and languages
        for row, reminder in zip(rows, reminders, strict=True):
            row["draft"] = drafting.draft(row["kind"], row["contact_id"], None, {
                "first_name": _names(session, row["contact_id"]), "idea": reminder.idea})
    if rows:
        session.execute(insert(FollowUp.__table__), rows)
    return closed + len(rows)


def _names(session: Session, contact_id: int) -> str:
    """How a draft addresses the contact: the given name, else the full name."""
    row = session.execute(select(Contact.given_name, Contact.full_name).where(Contact.id == contact_id)).one()
    return row[0] or row[1]


def data_fingerprint(session: Session, now: datetime, zone: tzinfo) -> tuple:
    """A cheap summary of everything the reminder rules read (row counts, highest ids, last edits)
    and of the hour: while it stays the same, storing the due reminders again would add nothing.
    Each part is answered from an index (count(*) and max() of indexed columns)."""
    def count(table: type[SQLModel], *where: ColumnElement[bool]) -> ScalarSelect[int]:
        return select(func.count()).select_from(table).where(*where).scalar_subquery()

    def highest(column: Any) -> ScalarSelect[Any]:
        return select(func.max(column)).scalar_subquery()

    row = session.execute(select(
        count(Contact), highest(Contact.updated_at), count(ContactGoal), count(Interaction), highest(Interaction.id),
        count(Encounter), highest(Encounter.id), count(FollowUp), highest(FollowUp.id),
        count(FollowUp, col(FollowUp.status).in_(rules.ACTIVE_STATUSES)), highest(Setting.updated_at),
    )).one()
    hour = now.astimezone(zone).replace(minute=0, second=0, microsecond=0)
    return (*row, hour)


def _existing_keys(session: Session, keys: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(keys), 500):
        chunk = keys[start:start + 500]
        found.update(session.execute(select(FollowUp.reason_key).where(col(FollowUp.reason_key).in_(chunk))).scalars())
    return found


def _latest_encounter_owners(session: Session, contact_ids: list[int]) -> dict[int, str]:
    """Per contact, the owner of its latest encounter (contacts never met are left out)."""
    owners: dict[int, str] = {}
    for start in range(0, len(contact_ids), 500):
        chunk = contact_ids[start:start + 500]
        rows = session.execute(select(Encounter.contact_id, Encounter.owner).where(col(Encounter.contact_id).in_(chunk))
                               .order_by(col(Encounter.met_at), col(Encounter.id)))
        owners.update((contact_id, owner) for contact_id, owner in rows)  # the latest one wins
    return owners


def mine_or_nobodys(user: str):  # noqa: ANN201 (an SQL condition)
    """The follow-ups `user` sees in their queue: their own and those of nobody."""
    return col(FollowUp.owner).in_([user, ""])


def _close_touched_reminders(session: Session, now: datetime) -> int:
    """A reminder whose contact was reached another way (a logged call) is done: the clock restarted."""
    since = func.coalesce(FollowUp.anchor_at, FollowUp.created_at)
    touched = or_(exists().where(Interaction.contact_id == FollowUp.contact_id, Interaction.happened_at > since),
                  exists().where(Encounter.contact_id == FollowUp.contact_id, Encounter.met_at > since))
    result = session.execute(
        update(FollowUp)
        .where(col(FollowUp.kind).in_(CADENCE_KINDS), col(FollowUp.status).in_(rules.ACTIVE_STATUSES), touched)
        .values(status=FollowUpStatus.DONE.value, completed_at=now)
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount or 0)


_FIRST_EMAIL = (select(ContactEmail.address).where(ContactEmail.contact_id == Contact.id)
                .order_by(col(ContactEmail.position)).limit(1).scalar_subquery())
# an e-mail-only contact is named by its address (asked only for a contact with no name and no company)
_QUEUE_NAME = case((and_(Contact.full_name == "", Contact.company == ""), func.coalesce(_FIRST_EMAIL, "")),
                   else_=Contact.full_name)
_QUEUE_COLUMNS = (FollowUp.id, FollowUp.kind, FollowUp.status, FollowUp.contact_id, _QUEUE_NAME,
                  Contact.company, raw_datetime(FollowUp.due_at), raw_datetime(FollowUp.snoozed_until),
                  FollowUp.reason, FollowUp.draft, Event.name, FollowUp.introduction_id, FollowUp.owner,
                  raw_datetime(FollowUp.created_at))


def _queue_query(now: datetime, zone: tzinfo, include_all: bool, *columns: Any) -> Select[Any]:
    """The queue's items (`columns`, by default what a `QueueItem` holds): open and snoozed items of
    contacts not archived, or without `include_all` only those visible today."""
    query = (select(*(columns or _QUEUE_COLUMNS)).select_from(FollowUp)
             .join(Contact, Contact.id == FollowUp.contact_id)
             .where(Contact.archived == False))  # noqa: E712 (SQL expression)
    if not columns:  # the event of the item's encounter
        query = (query.outerjoin(Encounter, Encounter.id == FollowUp.encounter_id)
                 .outerjoin(Event, Event.id == Encounter.event_id))
    if include_all:
        return query.where(col(FollowUp.status).in_(rules.ACTIVE_STATUSES))
    visible_open = and_(FollowUp.status == FollowUpStatus.OPEN.value,
                        or_(FollowUp.kind == FollowUpKind.POST_EVENT.value,
                            FollowUp.due_at <= rules.end_of_day(now, zone)))
    woken = and_(FollowUp.status == FollowUpStatus.SNOOZED.value, FollowUp.snoozed_until <= now)
    return query.where(or_(visible_open, woken))


def _narrowed(session: Session, query, owner: str | None, goal: str | None):  # noqa: ANN001, ANN202
    """`query` kept to `owner`'s items (and nobody's) and to the contacts who serve `goal`."""
    if owner is not None:
        query = query.where(mine_or_nobodys(owner))
    if goal:
        goal_id = resolve_goal(session, goal).id
        query = query.where(col(FollowUp.contact_id).in_(
            select(ContactGoal.contact_id).where(ContactGoal.goal_id == goal_id)))
    return query


def _queue_item(row: Any, now: datetime, read_at: tuple[datetime, tzinfo, date]) -> QueueItem:
    """A `QueueItem` from a row of `_QUEUE_COLUMNS`."""
    due_at, snoozed_until = as_utc(row[6]), as_utc(row[7])
    due = snoozed_until if row[2] == _SNOOZED and snoozed_until else due_at
    late = max(0, int((now - due).total_seconds()))
    return QueueItem(row[0], row[1], row[2], row[3], row[4], row[5], due, late,
                     row[8], row[9], row[10], row[11], row[12], read_at, as_utc(row[13]))


@dataclass
class ChecklistSection:
    """One section of the checklist (`rules.CHECKLIST_SECTIONS`): how many items it holds, and the
    first of them in queue order (all of them when `complete`)."""

    title: str
    count: int
    items: list[QueueItem]

    @property
    def complete(self) -> bool:
        return len(self.items) >= self.count


class FollowUpService(Service):
    """Builds the queue and records what the user does with its items."""

    def __init__(self, db: Database, user: str | None = None) -> None:
        super().__init__(db, user)
        self._fingerprint: tuple | None = None  # of the data when the reminders were last stored

    def queue(self, *, now: datetime | None = None, goal: str | None = None, include_all: bool = False,
              zone: tzinfo | None = None, everyone: bool = False) -> list[QueueItem]:
        """Today's checklist (or, with `include_all`, every open and snoozed item), overdue first: the
        user's own items and those of nobody, or with `everyone` the whole team's."""
        now, zone = now or utcnow(), zone or local_zone()
        owner = None if everyone else self.user
        return self._read_fresh(now, zone, lambda session: self._read_queue(session, now, zone, goal, include_all,
                                                                            owner))

    def checklist(self, *, now: datetime | None = None, goal: str | None = None, zone: tzinfo | None = None,
                  everyone: bool = False, limit: int | None = None,
                  complete: Collection[str] = ()) -> list[ChecklistSection]:
        """The Today place's sections (overdue, today, this week: `rules.checklist_bounds`) with the
        same items as `queue(include_all=True)` in the same order, each with its count and its first
        `limit` items (all of them without `limit`, and for the sections named in `complete`): a
        long neglected queue costs a few rows to show, not thousands."""
        now, zone = now or utcnow(), zone or local_zone()
        owner = None if everyone else self.user
        return self._read_fresh(now, zone, lambda session: self._read_checklist(session, now, zone, goal, owner,
                                                                                limit, complete))

    def fingerprint(self, *, now: datetime | None = None, zone: tzinfo | None = None) -> tuple:
        """A summary of the data the queue is built from, after storing the reminders that came due:
        while it stays the same, so does the queue (the calendar feed and the tray ask it)."""
        now, zone = now or utcnow(), zone or local_zone()
        return self._read_fresh(now, zone, lambda session: data_fingerprint(session, now, zone))

    def _read_fresh(self, now: datetime, zone: tzinfo, read: Callable[[Session], _Read]) -> _Read:
        """`read(session)`, after storing the reminders that have come due since the data last changed."""
        try:
            return self._read_after_reminders(now, zone, read)
        except IntegrityError:  # another process stored the same reminders a moment ago
            self._fingerprint = None
            return self._read_after_reminders(now, zone, read)

    def _read_after_reminders(self, now: datetime, zone: tzinfo, read: Callable[[Session], _Read]) -> _Read:
        with self.db.transaction() as session:
            fingerprint = data_fingerprint(session, now, zone)
            if fingerprint != self._fingerprint and refresh_reminders(session, now, zone):
                session.flush()
                fingerprint = data_fingerprint(session, now, zone)
            result = read(session)
        self._fingerprint = fingerprint  # only once the reminders are committed
        return result

    @staticmethod
    def _read_queue(session: Session, now: datetime, zone: tzinfo, goal: str | None,
                    include_all: bool, owner: str | None) -> list[QueueItem]:
        query = _narrowed(session, _queue_query(now, zone, include_all), owner, goal)
        items = []
        read_at = (now, zone, now.astimezone(zone).date())
        day_end = rules.end_of_day(now, zone)
        for row in session.execute(query):
            if not include_all and not rules.is_visible_today(row[1], row[2], as_utc(row[6]), as_utc(row[7]), now,
                                                              zone, day_end):
                continue  # the SQL above selects by the same rule; this keeps the rule in one place
            items.append(_queue_item(row, now, read_at))
        items.sort(key=lambda i: rules.queue_order(i.kind, i.due_at, now, i.id, i.created_at))
        return items

    @staticmethod
    def _read_checklist(session: Session, now: datetime, zone: tzinfo, goal: str | None, owner: str | None,
                        limit: int | None, complete: Collection[str]) -> list[ChecklistSection]:
        bounds = rules.checklist_bounds(now, zone)
        due = col(FollowUp.due_at)  # a snoozed item's due_at is the end of its snooze (`snooze`)
        section = case(*((due < end, index) for index, (_, _, end) in enumerate(bounds)), else_=len(bounds))
        counts = dict(session.execute(_narrowed(session, _queue_query(now, zone, True, section, func.count()),
                                                owner, goal).group_by(section)).all())
        kind_rank = case(rules.KIND_PRIORITY, value=FollowUp.kind, else_=len(rules.KIND_PRIORITY))
        fresh = case((and_(col(FollowUp.created_at) >= now - rules.JUST_CREATED, col(FollowUp.created_at) <= now), 0),
                     else_=1)  # `rules.is_just_created`
        read_at = (now, zone, now.astimezone(zone).date())
        sections = []
        for index, (title, start, end) in enumerate(bounds):
            count, items = counts.get(index, 0), []
            if count:
                order: tuple[Any, ...]
                if start is None:  # overdue: the longest overdue first, as `rules.queue_order` has it
                    order, in_range = (fresh, due, kind_rank, FollowUp.id), due < end
                else:
                    order, in_range = (fresh, kind_rank, due, FollowUp.id), and_(due >= start, due < end)
                query = _narrowed(session, _queue_query(now, zone, True), owner, goal).where(in_range)
                if limit is not None and title not in complete:
                    # pick the page from the index alone, then read those rows in full
                    page = (_narrowed(session, _queue_query(now, zone, True, FollowUp.id), owner, goal)
                            .where(in_range).order_by(*order).limit(limit))
                    query = query.where(col(FollowUp.id).in_(page))
                items = [_queue_item(row, now, read_at) for row in session.execute(query.order_by(*order))]
            sections.append(ChecklistSection(title, count, items))
        return sections

    def open_items(self, *, now: datetime | None = None, horizon: timedelta | None = None) -> list[tuple[FollowUp, Contact]]:
        """Open items (and snoozed ones whose snooze has ended), due before `now + horizon`, oldest first."""
        now = now or utcnow()
        with self.db.transaction() as session:
            query = (
                select(FollowUp, Contact).join(Contact, Contact.id == FollowUp.contact_id)
                .where(Contact.archived == False)  # noqa: E712
                .where(col(FollowUp.status).in_(rules.ACTIVE_STATUSES))
                .order_by(col(FollowUp.due_at), col(FollowUp.id))
                .options(selectinload(Contact.emails))
            )
            if horizon is not None:
                query = query.where(FollowUp.due_at <= now + horizon)
            return [(f, c) for f, c in session.execute(query)
                    if f.status == FollowUpStatus.OPEN.value or (f.snoozed_until and f.snoozed_until <= now)]

    def mark_done(self, followup_id: int, channel: str = "email", summary: str = "",
                  now: datetime | None = None) -> FollowUp:
        """Tick an item: it is done, an Interaction is logged for its contact (which restarts the
        keep-in-touch clock, so the next reminder is scheduled from now)."""
        now = now or utcnow()
        with self.db.transaction() as session:
            item = get_or_raise(session, FollowUp, followup_id, "follow-up")
            self._require_active(item)
            item.status, item.completed_at = FollowUpStatus.DONE.value, now
            log_interaction(session, item.contact_id, channel, summary or item.reason, now, item.id)
            session.add(item)
            if item.introduction_id is not None:
                _close_introduction_when_both_done(session, item.introduction_id)
            return item

    def snooze(self, followup_id: int, until: datetime | str, now: datetime | None = None) -> FollowUp:
        """Hide an item until `until` (a datetime, an ISO date, or a number of days such as '3d')."""
        now = now or utcnow()
        when = _snooze_until(until, now)
        with self.db.transaction() as session:
            item = get_or_raise(session, FollowUp, followup_id, "follow-up")
            self._require_active(item)
            item.status, item.snoozed_until, item.due_at = FollowUpStatus.SNOOZED.value, when, when
            session.add(item)
            return item

    def dismiss(self, followup_id: int, now: datetime | None = None) -> FollowUp:
        """Drop an item; a dismissed keep-in-touch reminder counts as skipping this round."""
        with self.db.transaction() as session:
            item = get_or_raise(session, FollowUp, followup_id, "follow-up")
            self._require_active(item)
            item.status, item.completed_at = FollowUpStatus.DISMISSED.value, now or utcnow()
            session.add(item)
            return item

    def state(self, followup_id: int) -> FollowUpState:
        """What Done, Snooze or Dismiss would change on the item: kept to undo it with `restore`."""
        with self.db.transaction() as session:
            item = get_or_raise(session, FollowUp, followup_id, "follow-up")
            return FollowUpState(item.status, item.due_at, item.snoozed_until, item.completed_at)

    def restore(self, followup_id: int, before: FollowUpState | None = None) -> FollowUp:
        """Undo Done, Snooze or Dismiss: the item is as `before` (or open again, as it was due), the
        interaction its Done logged is removed, and an introduction it closed is accepted again."""
        before = before or FollowUpState(FollowUpStatus.OPEN.value, None, None, None)
        with self.db.transaction() as session:
            item = get_or_raise(session, FollowUp, followup_id, "follow-up")
            if item.status == FollowUpStatus.DONE.value:
                for interaction in session.scalars(select(Interaction).where(Interaction.followup_id == item.id)):
                    session.delete(interaction)
                if item.introduction_id is not None:
                    intro = session.get(Introduction, item.introduction_id)
                    if intro is not None and intro.status == IntroductionStatus.DONE.value:
                        intro.status = IntroductionStatus.ACCEPTED.value
                        session.add(intro)
            item.status, item.snoozed_until, item.completed_at = before.status, before.snoozed_until, before.completed_at
            if before.due_at is not None:
                item.due_at = before.due_at
            session.add(item)
            return item

    def recently_closed(self, since: datetime, limit: int = 20) -> list[tuple[FollowUp, str]]:
        """The user's items done or dismissed since `since`, newest first, with the contact's name."""
        with self.db.transaction() as session:
            rows = session.execute(
                select(FollowUp, Contact.full_name, Contact.company).join(Contact, Contact.id == FollowUp.contact_id)
                .where(col(FollowUp.status).in_([FollowUpStatus.DONE.value, FollowUpStatus.DISMISSED.value]))
                .where(col(FollowUp.completed_at) >= since).where(mine_or_nobodys(self.user))
                .order_by(col(FollowUp.completed_at).desc(), col(FollowUp.id).desc()).limit(limit))
            return [(item, name or company) for item, name, company in rows]

    def set_detail(self, followup_id: int, detail: str) -> FollowUp:
        """Add the conversation detail to a 24-hour follow-up: its encounter keeps it, and the
        reason and the draft mention it from now on."""
        text = required_text(detail, "conversation detail", 2000)
        with self.db.transaction() as session:
            item = get_or_raise(session, FollowUp, followup_id, "follow-up")
            self._require_active(item)
            encounter = session.get(Encounter, item.encounter_id) if item.encounter_id is not None else None
            if encounter is None:
                raise ValidationError(f"follow-up {item.id} is not a 24-hour follow-up: it has no conversation detail")
            event = session.get(Event, encounter.event_id) if encounter.event_id is not None else None
            contact = get_or_raise(session, Contact, item.contact_id, "contact")
            encounter.detail = text
            item.reason, item.draft = (post_event_reason(event.name if event else None, text),
                                      post_event_text(session, contact, event.name if event else None, text,
                                                      encounter.goals[0].key if encounter.goals else None))
            session.add_all([encounter, item])
            return item

    def next_keep_in_touch(self, contact_id: int, *, now: datetime | None = None,
                           zone: tzinfo | None = None) -> datetime | None:
        """When the contact's next keep-in-touch reminder falls due (None: never)."""
        now, zone = now or utcnow(), zone or local_zone()
        with self.db.transaction() as session:
            get_or_raise(session, Contact, contact_id, "contact")
            prefs = load_preferences(session)
            [snapshot] = read_snapshots(session, now, include_archived=True, contact_id=contact_id)
            cadence = contact_cadence(snapshot, prefs.goal_cadence, prefs.tier_cadence)
            return next_keep_in_touch(snapshot, cadence, zone)

    def done_count_since(self, since: datetime, *, everyone: bool = False) -> int:
        """How many items were ticked done since `since` (the Today progress line): of the user's
        queue, or with `everyone` of the whole team's."""
        with self.db.transaction() as session:
            query = (select(FollowUp.id).where(FollowUp.status == FollowUpStatus.DONE.value)
                     .where(FollowUp.completed_at >= since))
            if not everyone:
                query = query.where(mine_or_nobodys(self.user))
            return len(session.exec(query).all())

    @staticmethod
    def _require_active(item: FollowUp) -> None:
        if item.status in (FollowUpStatus.DONE.value, FollowUpStatus.DISMISSED.value):
            raise ValidationError(f"follow-up {item.id} is {item.status} already")


@dataclass(frozen=True)
class FollowUpState:
    """An item's status and times, as they were before an action (to undo it)."""

    status: str
    due_at: datetime | None
    snoozed_until: datetime | None
    completed_at: datetime | None


def _snooze_until(until: datetime | str, now: datetime) -> datetime:
    """A datetime as given; what the user typed (an ISO date, or days such as '3d') must lie ahead."""
    if isinstance(until, datetime):
        return until
    text = (until or "").strip().lower()
    when = now + timedelta(days=int(text.rstrip("d"))) if text.rstrip("d").isdigit() else parse_when(text, "snooze until")
    if when is None or when <= now:
        raise ValidationError("snooze until: give a time in the future (an ISO date, or days such as 3d)")
    return when


def _close_introduction_when_both_done(session: Session, introduction_id: int) -> None:
    session.flush()
    open_sides = session.execute(select(FollowUp.id).where(
        FollowUp.introduction_id == introduction_id, col(FollowUp.status).in_(rules.ACTIVE_STATUSES))).first()
    if open_sides is None:
        intro = session.get(Introduction, introduction_id)
        if intro is not None:
            intro.status = IntroductionStatus.DONE.value
            session.add(intro)
