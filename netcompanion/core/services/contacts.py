"""Contacts: adding, editing, finding, archiving, and their stable JSON form."""
from __future__ import annotations

import builtins
from datetime import datetime
from typing import Any

from sqlalchemy.orm import selectinload
from sqlmodel import Session, col, select

from netcompanion.core.clock import utcnow
from netcompanion.core.enums import EmailKind, Source, Tier
from netcompanion.core.errors import ConflictError, ValidationError
from netcompanion.core.names import split_name
from netcompanion.core.search import build_search_text, fold
from netcompanion.core.services.base import Service, get_or_raise, resolve_event, resolve_goal, tag_goal
from netcompanion.core.services.encounters import add_encounter
from netcompanion.core.services.incoming import ADDRESS_PARTS, NEEDS_ONE_WAY, ContactFields, clean_fields
from netcompanion.core.store.models import (
    Contact,
    ContactEmail,
    ContactGoal,
    ContactHistory,
    ContactPhone,
    ContactPhoto,
    Encounter,
)
from netcompanion.core.validation import choice, date_value, optional_text, rating

TEXT_FIELDS = ("title", "company", "address", *ADDRESS_PARTS, "linkedin", "notes", "interests", "their_goals",
               "needs", "offers")
DATE_FIELDS = ("birthday", "anniversary")
RATING_FIELDS = {"influence": (1, 5), "credibility": (1, 10), "reliability": (1, 10), "intimacy": (1, 10),
                 "self_orientation": (1, 10), "cadence_days": (1, 3650)}


CONTACT_LOADS = (selectinload(Contact.emails), selectinload(Contact.phones), selectinload(Contact.goals))


def _email_rows(fields: ContactFields) -> list[ContactEmail]:
    return [ContactEmail(address=a, kind=EmailKind.WORK.value, position=i, checked=a not in fields.unchecked)
            for i, a in enumerate(fields.emails)]


def _phone_rows(fields: ContactFields) -> list[ContactPhone]:
    return [ContactPhone(e164=n, kind=k, position=i, checked=n not in fields.unchecked)
            for i, (n, k) in enumerate(fields.phones)]


def store_photo(session: Session, contact: Contact, data: bytes, mime: str) -> bool:
    """Keep `data` as the contact's picture (the contact has an id); False when it already is."""
    photo = session.get(ContactPhoto, contact.id)
    if photo is not None and photo.data == data:
        return False
    if photo is None:
        photo = ContactPhoto(contact_id=contact.id, data=data)
    photo.data, photo.mime = data, mime or "image/jpeg"
    session.add(photo)
    return True


def contact_label(contact: Contact) -> str:
    """How the app names a contact: its name, else its company, e-mail or phone (an e-mail-only
    contact is shown by its address until a name is known)."""
    emails = sorted(contact.emails, key=lambda e: not e.checked)  # one that reads as an address first
    return (contact.full_name or contact.company or (emails[0].address if emails else "")
            or (contact.phones[0].e164 if contact.phones else "") or "(no name)")


def refresh_search_text(contact: Contact) -> None:
    """Recompute the folded text a contact is found by (after any edit)."""
    contact.search_text = build_search_text(
        contact.full_name, contact.title, contact.company, contact.notes, " ".join(contact.tags),
        *(e.address for e in contact.emails), *(p.e164 for p in contact.phones),
    )


def build_contact(fields: ContactFields) -> Contact:
    """A new, validated Contact row (not yet added to a session) from `fields`, cleaned by the
    policy of `incoming.clean_fields`."""
    fields, _warnings = clean_fields(fields)
    full_name = optional_text(fields.full_name, "name", 300)
    given, family = fields.given_name.strip(), fields.family_name.strip()
    if full_name and not (given or family):
        given, family = split_name(full_name)
    if not full_name:
        full_name = " ".join(part for part in (given, family) if part)
    if not (full_name or fields.company.strip() or fields.emails or fields.phones):
        raise ValidationError(NEEDS_ONE_WAY)
    contact = Contact(
        full_name=full_name, given_name=given, family_name=family,
        websites=[w.strip() for w in fields.websites if w.strip()],
        tags=sorted({t.strip() for t in fields.tags if t.strip()}),
        tier=choice(fields.tier, Tier, "tier"), source=choice(fields.source, Source, "source"),
        **{name: optional_text(getattr(fields, name), name) for name in TEXT_FIELDS},
        **{name: date_value(getattr(fields, name), name) for name in DATE_FIELDS},
    )
    contact.emails = _email_rows(fields)
    contact.phones = _phone_rows(fields)
    refresh_search_text(contact)
    return contact


def contact_to_dict(contact: Contact) -> dict[str, Any]:
    """The stable JSON form of a contact (documented in the README)."""
    return {
        "id": contact.id,
        "full_name": contact.full_name,
        "given_name": contact.given_name,
        "family_name": contact.family_name,
        "title": contact.title,
        "company": contact.company,
        "emails": [e.address for e in contact.emails],
        "phones": [{"e164": p.e164, "kind": p.kind} for p in contact.phones],
        "unchecked": [e.address for e in contact.emails if not e.checked] + [p.e164 for p in contact.phones
                                                                             if not p.checked],
        "websites": list(contact.websites),
        "address": contact.address,
        **{name: getattr(contact, name) for name in (*ADDRESS_PARTS, *DATE_FIELDS)},
        "linkedin": contact.linkedin,
        "notes": contact.notes,
        "interests": contact.interests,
        "needs": contact.needs,
        "offers": contact.offers,
        "goals": sorted(g.key for g in contact.goals),
        "tags": list(contact.tags),
        "tier": contact.tier,
        "influence": contact.influence,
        "archived": contact.archived,
        "source": contact.source,
        "created_at": contact.created_at.isoformat(),
        "updated_at": contact.updated_at.isoformat(),
    }


def load_contact(session: Session, contact_id: int | None) -> Contact:
    """A contact freshly read with its e-mails, phones and goals (usable after the session ends)."""
    session.expire_all()
    return session.exec(select(Contact).where(Contact.id == contact_id).options(*CONTACT_LOADS)).one()


class ContactService(Service):
    """Adds, edits, finds and archives contacts."""

    def add(
        self,
        fields: ContactFields,
        *,
        goals: list[str] | None = None,
        event: str | int | None = None,
        detail: str = "",
    ) -> Contact:
        """Store a new contact tagged with `goals`, met at `event` when one is given (which
        records an Encounter with the conversation `detail` and queues its 24-hour follow-up)."""
        contact = build_contact(fields)
        with self.db.transaction() as session:
            resolved = [resolve_goal(session, g) for g in goals or []]
            event_row = resolve_event(session, event) if event is not None and str(event).strip() else None
            session.add(contact)
            session.flush()
            for goal in resolved:
                tag_goal(session, contact, goal)
            if event_row is not None or detail.strip():
                add_encounter(session, contact, event=event_row, goals=[g.key for g in resolved], detail=detail,
                              owner=self.user)
            session.flush()
            return load_contact(session, contact.id)

    def get(self, contact_id: int) -> Contact:
        with self.db.transaction() as session:
            get_or_raise(session, Contact, contact_id, "contact")
            return load_contact(session, contact_id)

    def list(
        self,
        *,
        goal: str | None = None,
        event: str | int | None = None,
        search: str | None = None,
        tier: str | None = None,
        include_archived: bool = False,
        limit: int | None = None,
        ids: list[int] | None = None,
    ) -> list[Contact]:
        """Contacts matching every filter given (`ids`: only these), by name."""
        with self.db.transaction() as session:
            query = select(Contact).options(*CONTACT_LOADS)
            if not include_archived:
                query = query.where(Contact.archived == False)  # noqa: E712 (SQL expression)
            if goal:
                goal_row = resolve_goal(session, goal)
                query = query.where(col(Contact.id).in_(
                    select(ContactGoal.contact_id).where(ContactGoal.goal_id == goal_row.id)))
            if event is not None and str(event).strip():
                event_row = resolve_event(session, event)
                query = query.where(col(Contact.id).in_(
                    select(Encounter.contact_id).where(Encounter.event_id == event_row.id)))
            if tier:
                query = query.where(Contact.tier == choice(tier, Tier, "tier"))
            if ids is not None:
                query = query.where(col(Contact.id).in_(ids))
            for word in fold(search or "").split():
                query = query.where(col(Contact.search_text).contains(word, autoescape=True))
            query = query.order_by(col(Contact.full_name), col(Contact.company), col(Contact.id))
            if limit:
                query = query.limit(limit)
            return list(session.exec(query))

    def update(self, contact_id: int, *, expected_updated_at: datetime | None = None, **changes: Any) -> Contact:
        """Change the given fields of a contact; `emails`/`phones` replace the whole list.

        With `expected_updated_at` (when the editor loaded the contact), an edit made elsewhere in
        the meantime raises ConflictError instead of being overwritten silently.
        """
        with self.db.transaction() as session:
            contact = get_or_raise(session, Contact, contact_id, "contact")
            if expected_updated_at is not None and contact.updated_at != expected_updated_at:
                raise ConflictError(f"{contact.full_name or contact.company} was changed elsewhere since you "
                                    "opened it")
            self._apply(session, contact, changes)
            contact.updated_at = utcnow()
            refresh_search_text(contact)
            session.add(contact)
            session.flush()
            return load_contact(session, contact.id)

    def history(self, contact_id: int) -> builtins.list[ContactHistory]:
        """The values newer cards, files and merges replaced, newest first."""
        with self.db.transaction() as session:
            return builtins.list(session.exec(select(ContactHistory).where(ContactHistory.contact_id == contact_id)
                                              .order_by(col(ContactHistory.changed_at).desc(),
                                                        col(ContactHistory.id).desc())))

    def photo(self, contact_id: int) -> tuple[bytes, str] | None:
        """The contact's picture (its bytes and MIME type), or None."""
        with self.db.transaction() as session:
            photo = session.get(ContactPhoto, contact_id)
            return None if photo is None else (photo.data, photo.mime)

    def set_archived(self, contact_ids: builtins.list[int], archived: bool = True) -> int:
        """Archive (or restore) contacts; returns how many changed."""
        with self.db.transaction() as session:
            changed = 0
            for contact_id in contact_ids:
                contact = get_or_raise(session, Contact, contact_id, "contact")
                if contact.archived != archived:
                    contact.archived, contact.updated_at = archived, utcnow()
                    changed += 1
            return changed

    def delete(self, contact_id: int) -> None:
        """Delete a contact with its e-mails, phones, encounters, interactions and follow-ups."""
        with self.db.transaction() as session:
            session.delete(get_or_raise(session, Contact, contact_id, "contact"))

    def set_tiers(self, tiers: dict[int, str]) -> dict[int, str]:
        """Move contacts to tiers ({id: tier}) in one transaction; returns their previous tiers."""
        with self.db.transaction() as session:
            before = {}
            for contact_id, tier in tiers.items():
                contact = get_or_raise(session, Contact, contact_id, "contact")
                before[contact_id] = contact.tier
                contact.tier, contact.updated_at = choice(tier, Tier, "tier"), utcnow()
            return before

    def tag_many(self, contact_ids: builtins.list[int], goal: str) -> None:
        """Tag several contacts with one goal, in one transaction."""
        with self.db.transaction() as session:
            goal_row = resolve_goal(session, goal)
            for contact_id in contact_ids:
                tag_goal(session, get_or_raise(session, Contact, contact_id, "contact"), goal_row)

    def tag_goals(self, contact_id: int, goals: builtins.list[str]) -> Contact:
        with self.db.transaction() as session:
            contact = get_or_raise(session, Contact, contact_id, "contact")
            for ref in goals:
                tag_goal(session, contact, resolve_goal(session, ref))
            session.flush()
            return load_contact(session, contact_id)

    @staticmethod
    def _apply(session: Session, contact: Contact, changes: dict[str, Any]) -> None:
        region = str(changes.pop("region", "") or "")
        if "emails" in changes or "phones" in changes:  # the one cleaning policy, as for a new contact
            incoming, _warnings = clean_fields(ContactFields(
                emails=list(changes.get("emails", [])), phones=list(changes.get("phones", [])), region=region,
                address=str(changes.get("address", contact.address)),
                address_country=str(changes.get("address_country", contact.address_country))))
        for name, value in changes.items():
            if name in TEXT_FIELDS or name in ("given_name", "family_name"):
                setattr(contact, name, optional_text(value, name))
            elif name == "full_name":
                contact.full_name = optional_text(value, "name", 300)
            elif name in DATE_FIELDS:
                setattr(contact, name, date_value(value, name))
            elif name in RATING_FIELDS:
                setattr(contact, name, rating(value, name, *RATING_FIELDS[name]))
            elif name == "tier":
                contact.tier = choice(value, Tier, "tier")
            elif name in ("websites", "tags"):
                setattr(contact, name, [str(v).strip() for v in value if str(v).strip()])
            elif name == "archived":
                contact.archived = bool(value)
            elif name == "emails":  # the old rows go with delete-orphan
                contact.emails = _email_rows(incoming)
            elif name == "phones":
                contact.phones = _phone_rows(incoming)
            else:
                raise ValidationError(f"a contact has no field {name!r}")
        if not (contact.full_name or contact.company or contact.emails or contact.phones):
            raise ValidationError(NEEDS_ONE_WAY)
