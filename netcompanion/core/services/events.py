"""Events: a conference or meetup with one goal and a target count."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import selectinload
from sqlmodel import Session, col, func, select

from netcompanion.core.clock import parse_when
from netcompanion.core.enums import FollowUpKind, FollowUpStatus
from netcompanion.core.errors import ValidationError
from netcompanion.core.services.base import Service, get_or_raise, resolve_event, resolve_goal
from netcompanion.core.services.encounters import post_event_due
from netcompanion.core.store.models import Encounter, Event, FollowUp
from netcompanion.core.validation import optional_text, rating, required_text


def _check_dates(starts_at: datetime | None, ends_at: datetime | None) -> None:
    if starts_at and ends_at and ends_at < starts_at:
        raise ValidationError("an event cannot end before it starts")


def move_open_post_event_items(session: Session, event: Event) -> int:
    """After an event's dates change, move its open 24-hour follow-ups to the new due times."""
    rows = session.exec(
        select(FollowUp, Encounter).join(Encounter, Encounter.id == FollowUp.encounter_id)
        .where(Encounter.event_id == event.id, FollowUp.kind == FollowUpKind.POST_EVENT.value,
               FollowUp.status == FollowUpStatus.OPEN.value)
    ).all()
    for item, encounter in rows:
        item.due_at = post_event_due(encounter.met_at, event)
        session.add(item)
    return len(rows)


def event_to_dict(event: Event, contacts_met: int = 0) -> dict[str, Any]:
    """The stable JSON form of an event (documented in the README)."""
    return {
        "id": event.id,
        "name": event.name,
        "goal": event.goal.key if event.goal else None,
        "starts_at": event.starts_at.isoformat() if event.starts_at else None,
        "ends_at": event.ends_at.isoformat() if event.ends_at else None,
        "location": event.location,
        "target_count": event.target_count,
        "contacts_met": contacts_met,
        "notes": event.notes,
    }


class EventService(Service):
    """Adds, edits, finds and lists events."""

    def add(
        self,
        name: str,
        goal: str,
        *,
        start: str | datetime | None = None,
        end: str | datetime | None = None,
        target_count: int | None = 0,
        location: str = "",
        notes: str = "",
    ) -> Event:
        name = required_text(name, "event name", 200)
        starts_at = parse_when(start, "start")
        ends_at = parse_when(end, "end")
        _check_dates(starts_at, ends_at)
        target = rating(target_count or 0, "target count", 0, 1000) or 0
        with self.db.transaction() as session:
            event = Event(
                name=name, goal_id=resolve_goal(session, goal).id, starts_at=starts_at, ends_at=ends_at,
                target_count=target, location=optional_text(location, "location", 300),
                notes=optional_text(notes, "notes"),
            )
            session.add(event)
            session.flush()
            session.refresh(event, ["goal"])
            return event

    def get(self, ref: str | int) -> Event:
        with self.db.transaction() as session:
            event = resolve_event(session, ref)
            session.refresh(event, ["goal"])
            return event

    def list(self) -> list[tuple[Event, int]]:
        """Every event, most recent first, with how many contacts were met there."""
        with self.db.transaction() as session:
            met = (select(Encounter.event_id, func.count(func.distinct(Encounter.contact_id)).label("n"))
                   .group_by(Encounter.event_id).subquery())
            rows = session.exec(
                select(Event, func.coalesce(met.c.n, 0))
                .outerjoin(met, met.c.event_id == Event.id)
                .options(selectinload(Event.goal))
                .order_by(col(Event.starts_at).desc().nulls_last(), col(Event.id).desc())
            ).all()
            return [(event, int(count)) for event, count in rows]

    def most_recent(self) -> Event | None:
        """The event that started last (the scan view's default)."""
        events = self.list()
        return events[0][0] if events else None

    def update(self, event_id: int, **changes: Any) -> Event:
        """Change an event's fields (name, goal, start, end, target_count, location, notes)."""
        with self.db.transaction() as session:
            event = get_or_raise(session, Event, event_id, "event")
            for key, value in changes.items():
                if key == "name":
                    event.name = required_text(value, "event name", 200)
                elif key == "goal":
                    event.goal_id = resolve_goal(session, value).id  # type: ignore[assignment]  # a stored row has an id
                elif key in ("start", "end"):
                    when = parse_when(value, key)
                    setattr(event, "starts_at" if key == "start" else "ends_at", when)
                elif key == "target_count":
                    event.target_count = rating(value or 0, "target count", 0, 1000) or 0
                elif key in ("location", "notes"):
                    setattr(event, key, optional_text(value, key))
                else:
                    raise ValidationError(f"an event has no field {key!r}")
            _check_dates(event.starts_at, event.ends_at)
            session.add(event)
            session.flush()
            if {"start", "end"} & changes.keys():
                move_open_post_event_items(session, event)
            session.refresh(event, ["goal"])
            return event
