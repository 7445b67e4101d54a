"""Goals: the built-in five and the user's own."""
from __future__ import annotations

import re

from sqlmodel import select

from netcompanion.core.errors import ValidationError
from netcompanion.core.services.base import Service, resolve_goal
from netcompanion.core.store.models import Goal
from netcompanion.core.validation import optional_text, required_text


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


class GoalService(Service):
    """Lists, finds and adds goals."""

    def list(self) -> list[Goal]:
        with self.db.transaction() as session:
            return list(session.exec(select(Goal).order_by(Goal.builtin.desc(), Goal.name)))

    def get(self, ref: str | int) -> Goal:
        with self.db.transaction() as session:
            return resolve_goal(session, ref)

    def add(self, name: str, description: str = "") -> Goal:
        """Add a goal of the user's own; its key is the name in lower case with dashes."""
        name = required_text(name, "goal name", 120)
        key = _slug(name)
        if not key:
            raise ValidationError(f"goal name {name!r} needs at least one letter or digit")
        with self.db.transaction() as session:
            if session.exec(select(Goal).where(Goal.key == key)).first():
                raise ValidationError(f"a goal {key!r} exists already")
            goal = Goal(key=key, name=name, description=optional_text(description, "description", 500))
            session.add(goal)
            session.flush()
            return goal
