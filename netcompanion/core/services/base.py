"""What every service shares: the database it works on and lookups by id or by name."""
from __future__ import annotations

from typing import TypeVar

from sqlmodel import Session, SQLModel, func, select

from netcompanion.core import settings
from netcompanion.core.errors import NotFoundError, ValidationError
from netcompanion.core.store.database import Database
from netcompanion.core.store.models import Contact, ContactGoal, Event, Goal

Row = TypeVar("Row", bound=SQLModel)


class Service:
    """Base of the services: each public method is one user action in one transaction.

    `user` is who acts (`NETCOMPANION_USER`, else the OS user, when not given): the owner recorded on
    the encounters and follow-ups the service creates, and whose items the follow-up queue shows.
    """

    def __init__(self, db: Database, user: str | None = None) -> None:
        self.db = db
        self.user = settings.current_user() if user is None else user


def get_or_raise(session: Session, model: type[Row], row_id: int, what: str) -> Row:
    """The row `row_id` of `model`, or a NotFoundError naming `what`."""
    row = session.get(model, row_id)
    if row is None:
        raise NotFoundError(f"no {what} with id {row_id}")
    return row


def resolve_goal(session: Session, ref: str | int) -> Goal:
    """A goal by id, key or name (case-insensitive); an error listing the goals otherwise."""
    text = str(ref).strip()
    if text.isdigit():
        goal = session.get(Goal, int(text))
    else:
        lowered = text.lower()
        goal = session.exec(
            select(Goal).where((func.lower(Goal.key) == lowered) | (func.lower(Goal.name) == lowered))
        ).first()
    if goal is None:
        known = ", ".join(g.key for g in session.exec(select(Goal).order_by(Goal.id)))
        raise ValidationError(f"unknown goal {ref!r}; known goals: {known} (add one with `goals add`)")
    return goal


def resolve_event(session: Session, ref: str | int) -> Event:
    """An event by id or by name (case-insensitive; the most recent one when several share it)."""
    text = str(ref).strip()
    event = session.get(Event, int(text)) if text.isdigit() else None
    if event is None:
        event = session.exec(
            select(Event)
            .where(func.lower(Event.name) == text.lower())
            .order_by(Event.starts_at.desc(), Event.id.desc())
        ).first()
    if event is None:
        raise NotFoundError(f"no event named {ref!r}; `netcompanion events list` shows them")
    return event


def tag_goal(session: Session, contact: Contact, goal: Goal) -> None:
    """Tag `contact` with `goal` unless it is tagged already."""
    if session.get(ContactGoal, (contact.id, goal.id)) is None:
        session.add(ContactGoal(contact_id=contact.id, goal_id=goal.id))
