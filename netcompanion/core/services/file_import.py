"""Importing the contacts of a file in one transaction, and reporting per row what became of each.

Each row is cleaned by the one policy (`incoming.clean_fields`, with the country most of the
file's numbers are in), then matched (`matching.ContactMatcher`): a shared e-mail or phone merges
it into the stored contact (`merge.merge_into`); a close name only is added as a new contact and
reported as a possible duplicate. Rows are matched and written in batches, so the time grows with
the file, not with its square.
"""
from __future__ import annotations

from collections.abc import Callable

from sqlmodel import Session, col, select

from netcompanion.core.enums import FollowUpStatus
from netcompanion.core.errors import ValidationError
from netcompanion.core.services.base import Service, resolve_event, resolve_goal
from netcompanion.core.services.contacts import (
    CONTACT_LOADS,
    build_contact,
    contact_label,
    refresh_search_text,
    store_photo,
)
from netcompanion.core.services.encounters import add_encounter
from netcompanion.core.services.import_report import ImportReport, ReportEntry
from netcompanion.core.services.incoming import (
    NEEDS_ONE_WAY,
    ContactFields,
    IncomingContact,
    clean_fields,
    majority_region,
)
from netcompanion.core.services.matching import MATCHING_TURN, ContactMatcher, Ref
from netcompanion.core.services.merge import merge_into
from netcompanion.core.store.models import Contact, ContactGoal, Encounter, Event, FollowUp, Goal

FLUSH_EVERY = 500
"""An import writes its new contacts to the database (in its one transaction) every this many rows."""


class _DryRun(Exception):
    """Raised inside the import transaction to roll it back after a dry run."""


class TransferService(Service):
    """Matches incoming contacts with stored ones and imports files of them; lists what to export."""

    def find_match(self, fields: ContactFields) -> tuple[Contact, str] | None:
        """The stored contact `fields` (e.g. a scanned card) is, certainly or possibly, with the reason."""
        with self.db.transaction() as session:
            match = ContactMatcher.from_session(session).find(fields)
            return None if match is None else (match.contact, match.reason)

    def import_contacts(
        self,
        records: list[IncomingContact],
        *,
        source: str = "",
        format: str = "",
        encoding: str = "",
        event: str | int | None = None,
        goal: str | None = None,
        dry_run: bool = False,
        progress: Callable[[int, int], None] | None = None,
    ) -> ImportReport:
        """Add or merge every record in one transaction (nothing is stored if anything fails);
        each contact is tagged with `goal` and, with `event`, recorded as met there.
        `progress(done, total)` is called every FLUSH_EVERY rows; an exception it raises (the
        user cancelled) rolls the whole import back."""
        report = ImportReport(source=source, format=format, encoding=encoding, dry_run=dry_run)
        try:
            with self.db.transaction() as session:
                self.db.take_turns(session, MATCHING_TURN)  # a teammate saving a card waits, and is then matched
                report.entries = _ImportRun(session, event, goal, self.user, source).run(records, progress)
                if dry_run:
                    raise _DryRun
        except _DryRun:
            pass
        return report

    def conversation_details(self, contact_ids: list[int]) -> dict[int, list[str]]:
        """Per contact, its encounters' conversation details as "Met at EVENT on DATE: detail" lines."""
        details: dict[int, list[str]] = {}
        with self.db.transaction() as session:
            rows = session.exec(
                select(Encounter, Event).outerjoin(Event, col(Event.id) == Encounter.event_id)
                .where(col(Encounter.contact_id).in_(contact_ids)).where(Encounter.detail != "")
                .order_by(col(Encounter.met_at), col(Encounter.id)))
            for encounter, event in rows:
                where = f" at {event.name}" if event is not None else ""
                details.setdefault(encounter.contact_id, []).append(
                    f"Met{where} on {encounter.met_at:%Y-%m-%d}: {encounter.detail}")
        return details

    def open_followups(
        self, *, event: str | int | None = None, goal: str | None = None,
    ) -> list[tuple[FollowUp, Contact]]:
        """Open follow-ups (with their contact) of contacts met at `event` / tagged with `goal`."""
        with self.db.transaction() as session:
            query = (select(FollowUp, Contact).join(Contact, col(Contact.id) == FollowUp.contact_id)
                     .options(*CONTACT_LOADS)
                     .where(Contact.archived == False)  # noqa: E712 (SQL expression)
                     .where(col(FollowUp.status).in_([FollowUpStatus.OPEN.value, FollowUpStatus.SNOOZED.value]))
                     .order_by(col(FollowUp.due_at), col(FollowUp.id)))
            if event is not None and str(event).strip():
                event_row = resolve_event(session, event)
                query = query.where(col(Contact.id).in_(
                    select(Encounter.contact_id).where(Encounter.event_id == event_row.id)))
            if goal:
                goal_row = resolve_goal(session, goal)
                query = query.where(col(Contact.id).in_(
                    select(ContactGoal.contact_id).where(ContactGoal.goal_id == goal_row.id)))
            return [(f, c) for f, c in session.exec(query).all()]


Found = tuple[Ref, str, bool] | None


class _ImportRun:
    """The state of one import inside its transaction: the matcher, the goals, the event."""

    def __init__(self, session: Session, event: str | int | None, goal: str | None, owner: str,
                 source: str) -> None:
        self.session = session
        self.owner = owner  # of the encounters recorded at `event`
        self.source = source
        self.event: Event | None = resolve_event(session, event) if event is not None and str(event).strip() else None
        self.goal: Goal | None = resolve_goal(session, goal) if goal else None
        self.goals: dict[str, Goal] = {}
        for row in session.exec(select(Goal)):
            self.goals[row.key.lower()] = row
            self.goals[row.name.lower()] = row
        self.matcher = ContactMatcher.from_session(session)
        self.met_there: set[int] = set()
        if self.event is not None:
            self.met_there = set(session.exec(select(Encounter.contact_id).where(Encounter.event_id == self.event.id)))
        self.touched: list[tuple[ReportEntry, Contact]] = []

    def run(self, records: list[IncomingContact], progress: Callable[[int, int], None] | None) -> list[ReportEntry]:
        """Import `records` in batches of FLUSH_EVERY: clean them, load the stored contacts they
        match in one query, add or merge each, write the batch."""
        file_region = majority_region(r.fields for r in records if not r.skip_reason)
        entries: list[ReportEntry] = []
        for start in range(0, len(records), FLUSH_EVERY):
            batch = records[start:start + FLUSH_EVERY]
            cleaned = [None if r.skip_reason else clean_fields(r.fields, file_region=file_region) for r in batch]
            found: list[Found] = [None if c is None else self.matcher.find_ref(c[0]) for c in cleaned]
            self.matcher.preload(f[0] for f in found if f is not None and f[2])
            entries.extend(self.one(record, clean, match)
                           for record, clean, match in zip(batch, cleaned, found, strict=True))
            self._flush()
            if progress is not None:
                progress(start + len(batch), len(records))
        return entries

    def _flush(self) -> None:
        """Write the contacts of the last rows, give their report entries the ids, and let the
        matcher index them by id, so memory stays flat however long the file."""
        self.session.flush()
        for entry, contact in self.touched:
            entry.contact_id = contact.id
        self.touched.clear()
        self.matcher.settle()

    def one(self, record: IncomingContact, cleaned: tuple[ContactFields, list[str]] | None,
            found: Found) -> ReportEntry:
        """Add or merge one record (`cleaned`: its fields and warnings from `clean_fields`;
        `found`: what the matcher found for it, before the rows of its batch were added)."""
        entry = ReportEntry(line=record.line, name=record.label, outcome="skipped", warnings=list(record.warnings))
        if record.skip_reason or cleaned is None:
            entry.reason = record.skip_reason
            return entry
        fields, warnings = cleaned
        entry.warnings.extend(warnings)
        if not fields.reachable():
            entry.reason = NEEDS_ONE_WAY
            return entry
        if found is None or not found[2]:
            found = self.matcher.find_ref(fields)  # a row earlier in this batch may be this person
        if found is not None and found[2]:
            contact = self.matcher.contact(found[0])
            entry.changes, kept = merge_into(self.session, contact, fields, as_of=record.as_of, source=self.source)
            entry.warnings.extend(kept)
            entry.reason = found[1]
        else:
            try:
                contact = build_contact(fields)
            except ValidationError as exc:
                entry.reason = str(exc)
                return entry
            self.session.add(contact)
            entry.outcome = "added"
            if found is not None:
                other = self.matcher.contact(found[0])
                entry.warnings.append(f"possible duplicate of {contact_label(other)}"
                                      f"{f' (#{other.id})' if other.id else ''}: {found[1]}; "
                                      "not merged (netcompanion contacts duplicates lists it for review)")
        if fields.photo:
            self.session.flush()
            if store_photo(self.session, contact, fields.photo, fields.photo_mime) and entry.outcome != "added":
                entry.changes.append("photo")
        entry.changes.extend(self._tag(contact, record))
        if self.event is not None and (contact.id is None or contact.id not in self.met_there):
            self.session.flush()
            add_encounter(self.session, contact, event=self.event, goals=[self.goal.key] if self.goal else [],
                          owner=self.owner)
            self.session.flush()
            self.session.expire(contact, ["goals"])  # add_encounter may have tagged the event's goal
            if contact.id is not None:
                self.met_there.add(contact.id)
            entry.changes.append(f"met at {self.event.name}")
        self.matcher.add(contact)
        self.touched.append((entry, contact))
        if entry.outcome == "skipped":
            entry.outcome = "merged" if entry.changes else "unchanged"
        return entry

    def _tag(self, contact: Contact, record: IncomingContact) -> list[str]:
        """Tag goals (named by the record, or --goal) and free tags; the changes made."""
        changes, tags = [], []
        goals = [self._goal(key) for key in record.goals]
        for category in record.categories:
            goal = self.goals.get(category.strip().lower())
            if goal is not None:
                goals.append(goal)
            elif category.strip():
                tags.append(category.strip())
        if self.goal is not None:
            goals.append(self.goal)
        for goal in goals:
            if goal not in contact.goals:
                contact.goals.append(goal)
                changes.append(f"goal {goal.key}")
        new_tags = [t for t in dict.fromkeys(tags) if t not in contact.tags]
        if new_tags:
            contact.tags = sorted({*contact.tags, *new_tags})
            refresh_search_text(contact)
            changes.extend(f"tag {t}" for t in new_tags)
        return changes

    def _goal(self, key: str) -> Goal:
        """The goal `key` (from our own vCard export), created when this database lacks it."""
        goal = self.goals.get(key.strip().lower())
        if goal is None:
            goal = Goal(key=key.strip().lower(), name=key.strip())
            self.session.add(goal)
            self.goals[goal.key] = goal
        return goal
