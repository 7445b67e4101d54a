"""Finding the existing contact an incoming one is, merging into it, and importing a whole file.

An incoming contact (from a file, a scanned card) matches an existing one with the same e-mail
address, the same phone number, or a close name at the same company. Merging never loses what
is stored: empty fields are filled, differing ones are kept and reported, lists are unioned and
new notes appended. `TransferService.import_contacts` imports a file's contacts in one
transaction and reports, per row, what was added, merged or skipped and why.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

import phonenumbers
from rapidfuzz import fuzz
from sqlmodel import Session, col, select

from netcompanion.core import settings
from netcompanion.core.clock import utcnow
from netcompanion.core.enums import FollowUpStatus, PhoneKind, Tier
from netcompanion.core.errors import ValidationError
from netcompanion.core.search import fold
from netcompanion.core.services.base import Service, resolve_event, resolve_goal
from netcompanion.core.services.contacts import (
    CONTACT_LOADS,
    TEXT_FIELDS,
    ContactFields,
    build_contact,
    refresh_search_text,
)
from netcompanion.core.services.encounters import add_encounter
from netcompanion.core.services.import_report import ImportReport, IncomingContact, ReportEntry
from netcompanion.core.store.models import (
    Contact,
    ContactEmail,
    ContactGoal,
    ContactPhone,
    Encounter,
    Event,
    FollowUp,
    Goal,
)
from netcompanion.core.validation import choice, email_address, phone_e164

FLUSH_EVERY = 500
"""An import writes its new contacts to the database (in its one transaction) every this many rows."""

NAME_SIMILARITY = 88
"""rapidfuzz token-sort ratio (0-100) from which two names at the same company are one person."""

_LEGAL_FORMS = re.compile(
    r"\b(inc|llc|ltd|limited|gmbh|ag|sa|sas|sarl|srl|spa|bv|nv|plc|corp|corporation|co|company|kg|oy|ab|as|"
    r"pty|pvt|ooo|ооо|zao|oao)\b")


def company_key(company: str) -> str:
    """A company name folded, without its legal form: "Acme GmbH" and "ACME" give "acme"."""
    return " ".join(_LEGAL_FORMS.sub(" ", fold(company).replace(".", " ")).split())


def name_key(full_name: str, given: str = "", family: str = "") -> str:
    """A person's name folded for comparison."""
    return fold(full_name or f"{given} {family}").replace(".", " ").strip()


@dataclass
class Match:
    """An existing contact an incoming one matches, and why."""

    contact: Contact
    reason: str

    @property
    def contact_id(self) -> int | None:
        return self.contact.id


Ref = Contact | int
"""A contact in the matcher: its id once stored, the object itself while it is new."""


def _ref_key(ref: Ref) -> tuple[str, int]:
    if isinstance(ref, int):
        return ("id", ref)
    return ("id", ref.id) if ref.id is not None else ("new", id(ref))


MATCHING_TURN = "contact matching"  # `Database.take_turns` name of every find-or-create of contacts


class ContactMatcher:
    """Finds the stored contact an incoming one is: same e-mail, same phone, or a close name at
    the same company (or the very same name, when the incoming contact has no company, e-mail or
    phone, and only one stored contact has that name).

    It indexes stored contacts by id (light on memory, loaded from `session` when matched) and
    contacts added during an import by the object until they have an id (`settle`)."""

    def __init__(self, session: Session | None = None, contacts: Iterable[Contact] = ()) -> None:
        self._session = session
        self._emails: dict[str, Ref] = {}
        self._phones: dict[str, Ref] = {}
        self._by_company: dict[str, list[tuple[Ref, str]]] = {}
        self._by_name: dict[str, list[Ref]] = {}
        self._loaded: dict[int, Contact] = {}
        for contact in contacts:
            self.add(contact)

    @classmethod
    def from_session(cls, session: Session) -> ContactMatcher:
        """A matcher over every stored contact, archived ones included (three light queries)."""
        matcher = cls(session)
        for address, contact_id in session.exec(select(ContactEmail.address, ContactEmail.contact_id)):
            matcher._emails.setdefault(address.lower(), contact_id)
        for e164, contact_id in session.exec(select(ContactPhone.e164, ContactPhone.contact_id)):
            matcher._phones.setdefault(e164, contact_id)
        rows = session.exec(select(Contact.id, Contact.full_name, Contact.given_name, Contact.family_name,
                                   Contact.company))
        for contact_id, full_name, given, family, company in rows:
            matcher._index_name(contact_id, full_name, given, family, company)
        return matcher

    def add(self, contact: Contact) -> None:
        """Make `contact` findable (again, after a merge gave it new e-mails or phones)."""
        ref: Ref = contact.id if contact.id is not None else contact
        for email in contact.emails:
            self._emails.setdefault(email.address.lower(), ref)
        for phone in contact.phones:
            self._phones.setdefault(phone.e164, ref)
        self._index_name(ref, contact.full_name, contact.given_name, contact.family_name, contact.company)

    def _index_name(self, ref: Ref, full_name: str, given: str, family: str, company: str) -> None:
        name = name_key(full_name, given, family)
        if not name:
            return
        key = _ref_key(ref)
        same_name = self._by_name.setdefault(name, [])
        if all(_ref_key(r) != key for r in same_name):
            same_name.append(ref)
        company_name = company_key(company)
        if company_name:
            at_company = self._by_company.setdefault(company_name, [])
            if all(_ref_key(r) != key or n != name for r, n in at_company):
                at_company.append((ref, name))

    def settle(self) -> None:
        """Index new contacts that have been stored by their id, so the objects can be let go."""
        settle = lambda ref: ref.id if isinstance(ref, Contact) and ref.id is not None else ref  # noqa: E731
        for index in (self._emails, self._phones):
            for key, ref in index.items():
                index[key] = settle(ref)
        for name, refs in self._by_name.items():
            self._by_name[name] = [settle(r) for r in refs]
        for company, pairs in self._by_company.items():
            self._by_company[company] = [(settle(r), n) for r, n in pairs]
        self._loaded.clear()

    def preload(self, refs: Iterable[Ref]) -> None:
        """Load the stored contacts among `refs` in one query (kept until `settle`), so matching a
        batch of rows does not load them one by one."""
        ids = [r for r in refs if isinstance(r, int) and r not in self._loaded]
        if ids and self._session is not None:
            query = select(Contact).where(col(Contact.id).in_(ids)).options(*CONTACT_LOADS)
            self._loaded.update((c.id, c) for c in self._session.exec(query))

    def _contact(self, ref: Ref) -> Contact:
        if isinstance(ref, Contact):
            return ref
        if ref in self._loaded:
            return self._loaded[ref]
        assert self._session is not None, "a matcher over stored contacts needs their session"
        contact = self._session.get(Contact, ref, options=list(CONTACT_LOADS))
        assert contact is not None
        return contact

    def find(self, fields: ContactFields, region: str = "") -> Match | None:
        """The contact `fields` describes, or None when it is someone new."""
        found = self.find_ref(fields, region)
        return None if found is None else Match(self._contact(found[0]), found[1])

    def find_ref(self, fields: ContactFields, region: str = "") -> tuple[Ref, str] | None:
        """Like `find`, without loading the contact: its id (or the new object) and the reason."""
        for raw in fields.emails:
            found = self._emails.get(raw.strip().strip("<>").removeprefix("mailto:").lower())
            if found is not None:
                return found, f"same e-mail {raw.strip()}"
        for number, _kind in fields.phones:
            e164 = _e164_or_none(number, region or fields.region or settings.home_region())
            if e164 and e164 in self._phones:
                return self._phones[e164], f"same phone {e164}"
        name = name_key(fields.full_name, fields.given_name, fields.family_name)
        if not name:
            return None
        company = company_key(fields.company)
        if company:
            scored = [(fuzz.token_sort_ratio(name, other), ref) for ref, other in self._by_company.get(company, [])]
            best = max(scored, key=lambda pair: pair[0], default=None)
            if best is not None and best[0] >= NAME_SIMILARITY:
                return best[1], f"similar name at {fields.company.strip()}"
        elif len(self._by_name.get(name, [])) == 1 and not (fields.emails or fields.phones):
            return self._by_name[name][0], "same name"  # nothing else to tell them apart by
        return None


def _e164_or_none(number: str, region: str) -> str | None:
    try:
        return phone_e164(number, region)
    except ValidationError:
        return None


class _DryRun(Exception):
    """Raised inside the import transaction to roll it back after a dry run."""


def sibling_region(phones: list[tuple[str, str]]) -> str:
    """The country of the first number written with a country code: national numbers on the
    same card or row are most likely from there too."""
    for number, _kind in phones:
        if number.strip().startswith("+"):
            try:
                region = phonenumbers.region_code_for_number(phonenumbers.parse(number.strip(), None))
            except phonenumbers.NumberParseException:
                continue
            if region and region != "ZZ":
                return region
    return ""


def clean_fields(fields: ContactFields, region: str) -> tuple[ContactFields, list[str]]:
    """`fields` with unreadable e-mails and phones moved into the notes (nothing is dropped), and
    a warning for each."""
    warnings, unreadable = [], []
    emails = []
    for raw in fields.emails:
        try:
            emails.append(email_address(raw))
        except ValidationError:
            warnings.append(f"{raw!r} is not an e-mail address; kept in the notes")
            unreadable.append(f"E-mail: {raw.strip()}")
    phones = []
    region = sibling_region(fields.phones) or region
    for number, kind in fields.phones:
        e164 = _e164_or_none(number, region)
        if e164 is None:
            warnings.append(f"{number!r} is not a phone number; kept in the notes")
            unreadable.append(f"Phone: {number.strip()}")
            continue
        phones.append((e164, kind if kind in {k.value for k in PhoneKind} else PhoneKind.OTHER.value))
    notes = "\n".join(p for p in (fields.notes.strip(), *unreadable) if p)
    return replace(fields, emails=emails, phones=phones, notes=notes, region=region), warnings


def merge_into(session: Session, contact: Contact, fields: ContactFields) -> tuple[list[str], list[str]]:
    """Merge `fields` (a scanned card, an imported row) into `contact`: (changes made, warnings:
    differing values kept as they were, unreadable e-mails and phones kept in the notes)."""
    fields, kept = clean_fields(fields, fields.region or settings.home_region())
    changes: list[str] = []
    for name in ("full_name", "given_name", "family_name", *TEXT_FIELDS):
        new, old = getattr(fields, name).strip(), getattr(contact, name)
        if not new or fold(new) == fold(old):
            continue
        if name == "notes":
            if new not in old:
                contact.notes = f"{old}\n\n{new}" if old else new
                changes.append("notes")
        elif not old:
            setattr(contact, name, new)
            changes.append(name)
        else:
            kept.append(f"kept {name.replace('_', ' ')} {old!r} (the file has {new!r})")
    if contact.tier == Tier.ACQUAINTANCE.value and fields.tier != contact.tier:
        contact.tier = choice(fields.tier, Tier, "tier")
        changes.append("tier")
    known_emails = {e.address.lower() for e in contact.emails}
    for address in fields.emails:
        if address.lower() not in known_emails:
            contact.emails.append(ContactEmail(address=address, position=len(contact.emails)))
            known_emails.add(address.lower())
            changes.append(f"e-mail {address}")
    known_phones = {p.e164 for p in contact.phones}
    for e164, kind in fields.phones:
        if e164 not in known_phones:
            contact.phones.append(ContactPhone(e164=e164, kind=kind, position=len(contact.phones)))
            known_phones.add(e164)
            changes.append(f"phone {e164}")
    for name in ("websites", "tags"):
        old_list = list(getattr(contact, name))
        added = [v.strip() for v in getattr(fields, name) if v.strip() and v.strip() not in old_list]
        if added:
            setattr(contact, name, sorted({*old_list, *added}) if name == "tags" else old_list + added)
            changes.extend(f"{name[:-1]} {v}" for v in added)
    if changes:
        contact.updated_at = utcnow()
        refresh_search_text(contact)
        session.add(contact)
    return changes, kept


class TransferService(Service):
    """Matches incoming contacts with stored ones and imports files of them; lists what to export."""

    def find_match(self, fields: ContactFields) -> tuple[Contact, str] | None:
        """The stored contact `fields` (e.g. a scanned card) is, with the reason, or None."""
        with self.db.transaction() as session:
            match = ContactMatcher.from_session(session).find(fields)
            return None if match is None else (match.contact, match.reason)

    def import_contacts(
        self,
        records: list[IncomingContact],
        *,
        source: str = "",
        format: str = "",
        event: str | int | None = None,
        goal: str | None = None,
        dry_run: bool = False,
        progress: Callable[[int, int], None] | None = None,
    ) -> ImportReport:
        """Add or merge every record in one transaction (nothing is stored if anything fails);
        each contact is tagged with `goal` and, with `event`, recorded as met there.
        `progress(done, total)` is called every FLUSH_EVERY rows; an exception it raises (the
        user cancelled) rolls the whole import back."""
        report = ImportReport(source=source, format=format, dry_run=dry_run)
        try:
            with self.db.transaction() as session:
                self.db.take_turns(session, MATCHING_TURN)  # a teammate saving a card waits, and is then matched
                report.entries = _ImportRun(session, event, goal, self.user).run(records, progress)
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
                select(Encounter, Event).outerjoin(Event, Event.id == Encounter.event_id)
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
            query = (select(FollowUp, Contact).join(Contact, Contact.id == FollowUp.contact_id)
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


class _ImportRun:
    """The state of one import inside its transaction: the matcher, the goals, the event."""

    def __init__(self, session: Session, event: str | int | None, goal: str | None, owner: str) -> None:
        self.session = session
        self.owner = owner  # of the encounters recorded at `event`
        self.region = settings.home_region()
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
        entries: list[ReportEntry] = []
        for start in range(0, len(records), FLUSH_EVERY):
            batch = records[start:start + FLUSH_EVERY]
            cleaned = [None if r.skip_reason else clean_fields(r.fields, r.fields.region or self.region) for r in batch]
            matches = (self.matcher.find_ref(c[0], self.region) for c in cleaned if c is not None)
            self.matcher.preload(found[0] for found in matches if found is not None)
            entries.extend(self.one(record, clean) for record, clean in zip(batch, cleaned, strict=True))
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

    def one(self, record: IncomingContact, cleaned: tuple[ContactFields, list[str]] | None) -> ReportEntry:
        """Add or merge one record (`cleaned`: its fields and warnings from `clean_fields`)."""
        entry = ReportEntry(line=record.line, name=record.label, outcome="skipped", warnings=list(record.warnings))
        if record.skip_reason or cleaned is None:
            entry.reason = record.skip_reason
            return entry
        fields, warnings = cleaned
        entry.warnings.extend(warnings)
        match = self.matcher.find(fields, self.region)
        if match is None:
            try:
                contact = build_contact(fields)
            except ValidationError as exc:
                entry.reason = str(exc)
                return entry
            self.session.add(contact)
            entry.outcome = "added"
        else:
            contact = match.contact
            entry.changes, kept = merge_into(self.session, contact, fields)
            entry.warnings.extend(kept)
            entry.reason = match.reason
        entry.changes.extend(self._tag(contact, record))
        if self.event is not None and (contact.id is None or contact.id not in self.met_there):
            self.session.flush()
            add_encounter(self.session, contact, event=self.event, goals=[self.goal.key] if self.goal else [],
                          owner=self.owner)
            self.session.flush()
            self.session.expire(contact, ["goals"])  # add_encounter may have tagged the event's goal
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
