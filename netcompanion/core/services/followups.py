"""The follow-up queue: listing what is due, and marking items done, snoozed or dismissed."""
from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.orm import selectinload
from sqlmodel import col, select

from netcompanion.core.clock import utcnow
from netcompanion.core.enums import Channel, FollowUpStatus
from netcompanion.core.errors import ValidationError
from netcompanion.core.models import Contact, FollowUp
from netcompanion.core.services.base import Service, get_or_raise
from netcompanion.core.services.interactions import log_interaction


class FollowUpService(Service):
    """Reads and updates follow-up items."""

    def open_items(self, *, now: datetime | None = None, horizon: timedelta | None = None) -> list[tuple[FollowUp, Contact]]:
        """Open items (and snoozed ones whose snooze has ended), due before `now + horizon`, oldest first."""
        now = now or utcnow()
        with self.db.transaction() as session:
            query = (
                select(FollowUp, Contact).join(Contact, Contact.id == FollowUp.contact_id)
                .where(Contact.archived == False)  # noqa: E712
                .where(col(FollowUp.status).in_([FollowUpStatus.OPEN.value, FollowUpStatus.SNOOZED.value]))
                .order_by(col(FollowUp.due_at), col(FollowUp.id))
                .options(selectinload(Contact.emails))  # type: ignore[arg-type]
            )
            if horizon is not None:
                query = query.where(FollowUp.due_at <= now + horizon)
            items = [(f, c) for f, c in session.exec(query).all()
                     if f.status == FollowUpStatus.OPEN.value or (f.snoozed_until and f.snoozed_until <= now)]
            return items

    def mark_done(self, followup_id: int, channel: str = "email", summary: str = "",
                  now: datetime | None = None) -> FollowUp:
        """Tick an item: it is done and an Interaction is logged for its contact."""
        now = now or utcnow()
        with self.db.transaction() as session:
            item = get_or_raise(session, FollowUp, followup_id, "follow-up")
            self._require_active(item)
            item.status, item.completed_at = FollowUpStatus.DONE.value, now
            log_interaction(session, item.contact_id, channel, summary or item.reason, now, item.id)
            session.add(item)
            return item

    def snooze(self, followup_id: int, until: datetime) -> FollowUp:
        with self.db.transaction() as session:
            item = get_or_raise(session, FollowUp, followup_id, "follow-up")
            self._require_active(item)
            item.status, item.snoozed_until, item.due_at = FollowUpStatus.SNOOZED.value, until, until
            session.add(item)
            return item

    def dismiss(self, followup_id: int) -> FollowUp:
        with self.db.transaction() as session:
            item = get_or_raise(session, FollowUp, followup_id, "follow-up")
            self._require_active(item)
            item.status, item.completed_at = FollowUpStatus.DISMISSED.value, utcnow()
            session.add(item)
            return item

    def done_count_since(self, since: datetime) -> int:
        """How many items were ticked done since `since` (the Today progress line)."""
        with self.db.transaction() as session:
            return len(session.exec(
                select(FollowUp.id).where(FollowUp.status == FollowUpStatus.DONE.value)
                .where(FollowUp.completed_at >= since)  # type: ignore[operator]
            ).all())

    @staticmethod
    def _require_active(item: FollowUp) -> None:
        if item.status in (FollowUpStatus.DONE.value, FollowUpStatus.DISMISSED.value):
            raise ValidationError(f"follow-up {item.id} is {item.status} already")
