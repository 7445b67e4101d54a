"""Interactions: what happened with a contact, when and over which channel."""
from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, col, func, select

from netcompanion.core.clock import as_utc, parse_when, utcnow
from netcompanion.core.enums import Channel
from netcompanion.core.services.base import Service, get_or_raise
from netcompanion.core.store.models import Contact, Interaction
from netcompanion.core.validation import choice, optional_text


def log_interaction(
    session: Session, contact_id: int, channel: str, summary: str = "",
    happened_at: datetime | None = None, followup_id: int | None = None, source_key: str | None = None,
) -> Interaction:
    """Record an interaction inside an open transaction (`source_key`: the activity of a file it
    was imported from, see `ActivityLogService`)."""
    get_or_raise(session, Contact, contact_id, "contact")
    interaction = Interaction(
        contact_id=contact_id, channel=choice(channel, Channel, "channel"),
        summary=optional_text(summary, "summary"), happened_at=happened_at or utcnow(), followup_id=followup_id,
        source_key=source_key,
    )
    session.add(interaction)
    session.flush()
    return interaction


class InteractionService(Service):
    """Logs and lists interactions."""

    def log(self, contact_id: int, channel: str = "other", summary: str = "",
            happened_at: str | datetime | None = None) -> Interaction:
        when = parse_when(happened_at, "when")
        with self.db.transaction() as session:
            return log_interaction(session, contact_id, channel, summary, when)

    def for_contact(self, contact_id: int) -> list[Interaction]:
        """A contact's interactions, newest first."""
        with self.db.transaction() as session:
            return list(session.exec(
                select(Interaction).where(Interaction.contact_id == contact_id)
                .order_by(col(Interaction.happened_at).desc())
            ))

    def last_for(self, contact_ids: list[int]) -> dict[int, datetime]:
        """Contact id -> the time of its latest interaction (contacts without one are left out)."""
        found: dict[int, datetime] = {}
        with self.db.transaction() as session:
            for start in range(0, len(contact_ids), 500):
                chunk = contact_ids[start:start + 500]
                rows = session.exec(select(Interaction.contact_id, func.max(Interaction.happened_at))
                                    .where(col(Interaction.contact_id).in_(chunk)).group_by(Interaction.contact_id))
                found.update((contact_id, as_utc(when)) for contact_id, when in rows)
        return found
