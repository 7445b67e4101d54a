"""Contact that logs itself: meetings from a calendar and e-mails from a mailbox, as interactions.

The readers (`interop.ics_read`, `interop.mail_read`) turn a file into `Activity` records; this
service matches each to the contacts owning any of its e-mail addresses and logs one interaction
per contact at the activity's time, which restarts that contact's keep-in-touch clock. An e-mail
sent to a contact after an encounter closes the encounter's open 24-hour follow-up as done.

Nothing is logged twice: each interaction logged here stores its source key (the calendar UID and
occurrence, or the Message-ID) in `Interaction.source_key`, unique per contact, and a key already
logged for a contact is skipped. No contact is ever created from a calendar or a mailbox.
"""
from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlmodel import Session, col

from netcompanion.core.clock import utcnow
from netcompanion.core.enums import Channel, FollowUpKind, FollowUpStatus
from netcompanion.core.services.base import Service
from netcompanion.core.services.interactions import log_interaction
from netcompanion.core.store.models import Contact, ContactEmail, Encounter, FollowUp, Interaction

KEY_LENGTH = 500  # Interaction.source_key's length; a longer key is stored as its hash
MAX_SKIPPED_LISTED = 100  # a big mailbox skips thousands of messages: the report lists the first


@dataclass
class Activity:
    """One meeting or e-mail read from a file: `key` identifies it across imports (UID and
    occurrence, or Message-ID); `sent_to` are the addresses it was sent to (e-mail only)."""

    key: str
    channel: str
    happened_at: datetime
    title: str
    addresses: list[str]
    sent_to: list[str] = field(default_factory=list)
    where: str = ""  # "line 12", for the report


@dataclass
class Skipped:
    """Something in the file that was not logged, and why."""

    what: str
    reason: str
    where: str = ""


@dataclass
class Logged:
    """An interaction logged for a contact; `closed` is the 24-hour follow-up it closed, if any."""

    contact_id: int
    contact_name: str
    channel: str
    happened_at: datetime
    title: str
    closed: int | None = None


@dataclass
class ActivityReport:
    """What an import of meetings or e-mails did."""

    source: str
    format: str
    logged: list[Logged] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    skipped_counts: Counter = field(default_factory=Counter)

    def skip(self, what: str, reason: str, where: str = "") -> None:
        self.skipped_counts[reason] += 1
        if len(self.skipped) < MAX_SKIPPED_LISTED:
            self.skipped.append(Skipped(what, reason, where))

    @property
    def closed_count(self) -> int:
        return sum(1 for entry in self.logged if entry.closed is not None)

    def summary(self) -> str:
        people = len({entry.contact_id for entry in self.logged})
        skipped = sum(self.skipped_counts.values())
        why = ", ".join(f"{count} {reason}" for reason, count in self.skipped_counts.most_common())
        return (f"{self.source} ({self.format}): {len(self.logged)} logged for {people} contacts, "
                f"{self.closed_count} 24-hour follow-ups closed, {skipped} skipped" + (f" ({why})" if why else ""))

    def lines(self) -> list[str]:
        """One line per interaction logged, then per thing skipped (the first `MAX_SKIPPED_LISTED`)."""
        lines = []
        for entry in self.logged:
            closed = f"; closed the 24-hour follow-up {entry.closed}" if entry.closed else ""
            lines.append(f"logged {entry.channel} with {entry.contact_name} on "
                         f"{entry.happened_at:%Y-%m-%d %H:%M} UTC: {entry.title}{closed}")
        for skipped in self.skipped:
            where = f"{skipped.where}: " if skipped.where else ""
            lines.append(f"{where}skipped {skipped.what}: {skipped.reason}")
        return lines

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON form (documented in the README)."""
        return {
            "source": self.source, "format": self.format, "logged_count": len(self.logged),
            "closed_count": self.closed_count, "skipped_count": sum(self.skipped_counts.values()),
            "skipped_reasons": dict(self.skipped_counts),
            "logged": [{"contact_id": e.contact_id, "contact": e.contact_name, "channel": e.channel,
                        "happened_at": e.happened_at.isoformat(), "title": e.title, "closed_followup_id": e.closed}
                       for e in self.logged],
            "skipped": [{"what": s.what, "reason": s.reason, "where": s.where} for s in self.skipped],
        }


def stored_key(key: str) -> str:
    """The source key as `Interaction.source_key` holds it: as it is, or hashed when too long."""
    if len(key) <= KEY_LENGTH:
        return key
    return "sha256:" + hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()


def _logged_keys(session: Session) -> set[tuple[int, str]]:
    rows = session.execute(select(Interaction.contact_id, Interaction.source_key)
                           .where(col(Interaction.source_key).is_not(None)))
    return {(contact_id, key) for contact_id, key in rows}


def _contacts_by_address(session: Session) -> dict[str, list[tuple[int, str]]]:
    """Lower-cased e-mail address -> the contacts (id, name) that have it."""
    owners: dict[str, list[tuple[int, str]]] = defaultdict(list)
    rows = session.execute(select(func.lower(ContactEmail.address), Contact.id, Contact.full_name, Contact.company)
                           .join(Contact, Contact.id == ContactEmail.contact_id))
    for address, contact_id, name, company in rows:
        owners[address.strip()].append((contact_id, name or company))
    return owners


def _open_post_event(session: Session, contact_id: int, before: datetime) -> list[FollowUp]:
    """The contact's open 24-hour follow-ups of encounters before `before`."""
    return list(session.scalars(
        select(FollowUp).join(Encounter, Encounter.id == FollowUp.encounter_id)
        .where(FollowUp.contact_id == contact_id, FollowUp.kind == FollowUpKind.POST_EVENT.value,
               col(FollowUp.status).in_([FollowUpStatus.OPEN.value, FollowUpStatus.SNOOZED.value]),
               Encounter.met_at <= before)))


class ActivityLogService(Service):
    """Logs meetings and e-mails read from the user's files for the contacts they concern."""

    def log(self, activities: Iterable[Activity], *, source: str, format: str,
            now: datetime | None = None, report: ActivityReport | None = None) -> ActivityReport:
        """Log every activity of the past for each contact owning one of its addresses, in one
        transaction; `report` collects what the reader skipped already."""
        now = now or utcnow()
        report = report or ActivityReport(source, format)
        with self.db.transaction() as session:
            owners = _contacts_by_address(session)
            done = _logged_keys(session)
            for activity in activities:
                self._log_one(session, activity, now, owners, done, report)
        return report

    @staticmethod
    def _log_one(session: Session, activity: Activity, now: datetime, owners: dict[str, list[tuple[int, str]]],
                 done: set[tuple[int, str]], report: ActivityReport) -> None:
        what = f"{activity.channel} {activity.title!r} of {activity.happened_at:%Y-%m-%d %H:%M} UTC"
        if activity.happened_at > now:
            report.skip(what, "not yet happened", activity.where)
            return
        matched: dict[int, str] = {}
        for address in activity.addresses:
            matched.update(owners.get(address.strip().lower(), []))
        if not matched:
            report.skip(what, "no contact has these addresses", activity.where)
            return
        sent_to = {a.strip().lower() for a in activity.sent_to}
        for contact_id, name in matched.items():
            key = stored_key(activity.key)
            if (contact_id, key) in done:
                report.skip(f"{what} with {name}", "logged before", activity.where)
                continue
            label = "Meeting" if activity.channel == Channel.MEETING.value else "E-mail"
            interaction = log_interaction(session, contact_id, activity.channel, f"{label}: {activity.title}",
                                          activity.happened_at, source_key=key)
            done.add((contact_id, key))
            entry = Logged(contact_id, name, activity.channel, activity.happened_at, activity.title)
            to_them = any(contact_id == cid for a in sent_to for cid, _ in owners.get(a, []))
            if activity.channel == Channel.EMAIL.value and to_them:
                for followup in _open_post_event(session, contact_id, activity.happened_at):
                    followup.status, followup.completed_at = FollowUpStatus.DONE.value, activity.happened_at
                    followup.reason = f"{followup.reason} (sent on {activity.happened_at:%Y-%m-%d %H:%M} UTC)"
                    interaction.followup_id = entry.closed = followup.id
                    session.add_all([followup, interaction])
            report.logged.append(entry)
