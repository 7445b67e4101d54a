"""Encounters: a contact met at an event, and the 24-hour follow-up each one creates."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import selectinload
from sqlmodel import Session, select

from netcompanion.core.clock import local_zone, parse_when, utcnow
from netcompanion.core.enums import FollowUpKind
from netcompanion.core.rules import followup_rules
from netcompanion.core.rules.drafts import post_event_reason
from netcompanion.core.services.base import Service, get_or_raise, resolve_event, resolve_goal, tag_goal
from netcompanion.core.services.draft_templates import post_event_text
from netcompanion.core.services.planning import link_encounter_to_target
from netcompanion.core.store.models import Contact, Encounter, Event, FollowUp
from netcompanion.core.validation import optional_text, rating


def post_event_due(met_at: datetime, event: Event | None) -> datetime:
    """The next day after the encounter (or after the event's end when met during it), local time."""
    return followup_rules.post_event_due(met_at, event.starts_at if event else None,
                                         event.ends_at if event else None, local_zone())


def add_encounter(
    session: Session,
    contact: Contact,
    *,
    event: Event | None,
    goals: list[str],
    detail: str = "",
    quality: int | None = None,
    met_at: datetime | None = None,
    owner: str,
) -> Encounter:
    """Record that `contact` was met by `owner`, tag the goals, and queue the 24-hour follow-up
    (theirs too)."""
    goal_rows = [resolve_goal(session, g) for g in goals]
    if not goal_rows and event is not None:
        goal_rows = [event.goal] if event.goal else [resolve_goal(session, event.goal_id)]
    if met_at is None:
        met_at = utcnow()
        if event and event.ends_at and met_at > event.ends_at and event.starts_at:
            met_at = event.starts_at  # cards scanned after the event were collected during it
    encounter = Encounter(
        contact_id=contact.id, event_id=event.id if event else None, met_at=met_at,
        detail=optional_text(detail, "conversation detail", 2000), quality=rating(quality, "quality", 1, 5),
        owner=owner,
    )
    encounter.goals = goal_rows
    session.add(encounter)
    session.flush()
    for goal in goal_rows:
        tag_goal(session, contact, goal)
    event_name = event.name if event is not None else None
    session.add(FollowUp(
        contact_id=contact.id, kind=FollowUpKind.POST_EVENT.value, encounter_id=encounter.id,
        due_at=post_event_due(met_at, event), reason=post_event_reason(event_name, encounter.detail),
        reason_key=followup_rules.post_event_key(encounter.id),
        draft=post_event_text(session, contact, event_name, encounter.detail, goal_rows[0].key if goal_rows else None),
        owner=encounter.owner,
    ))
    if event is not None:
        link_encounter_to_target(session, contact, encounter, event)
    return encounter


class EncounterService(Service):
    """Records encounters."""

    def add(
        self,
        contact_id: int,
        *,
        event: str | int | None = None,
        goals: list[str] | None = None,
        detail: str = "",
        quality: int | None = None,
        met_at: str | datetime | None = None,
    ) -> Encounter:
        when = parse_when(met_at, "met at")
        with self.db.transaction() as session:
            contact = get_or_raise(session, Contact, contact_id, "contact")
            event_row = resolve_event(session, event) if event is not None and str(event).strip() else None
            return add_encounter(session, contact, event=event_row, goals=goals or [], detail=detail,
                                 quality=quality, met_at=when, owner=self.user)

    def for_contact(self, contact_id: int) -> list[Encounter]:
        """A contact's encounters, newest first, with their event and goals loaded."""
        with self.db.transaction() as session:
            return list(session.exec(
                select(Encounter).where(Encounter.contact_id == contact_id)
                .options(selectinload(Encounter.event), selectinload(Encounter.goals))
                .order_by(Encounter.met_at.desc())
            ))
