"""Duplicates already stored: finding the pairs over the whole database, merging one into the
other (with what belongs to it), and undoing a merge.

A pair that shares a (checked) e-mail address or phone number is one person for certain; a close
name at the same company is only a *possible* duplicate, listed for review. A merge keeps the
first contact, fills its empty fields from the second (or takes the second's value for the fields
the user picked), unions e-mails, phones, web sites, tags and goals, and moves the second's
encounters, interactions, follow-ups, card images, planned targets, introductions, history and
picture to it. Everything the merge changed is kept in the kept contact's history as one record,
so `undo_merge` puts both contacts back as they were.
"""
from __future__ import annotations

import base64
import json
from collections import defaultdict
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from rapidfuzz import fuzz
from sqlalchemy import delete, insert, update
from sqlmodel import Session, col, select

from netcompanion.core.clock import utcnow
from netcompanion.core.errors import NotFoundError, ValidationError
from netcompanion.core.services.base import Service, get_or_raise
from netcompanion.core.services.contacts import (
    CONTACT_LOADS,
    DATE_FIELDS,
    TEXT_FIELDS,
    contact_label,
    load_contact,
    refresh_search_text,
)
from netcompanion.core.services.matching import NAME_SIMILARITY, company_key, name_key
from netcompanion.core.store.models import (
    CardImage,
    Contact,
    ContactEmail,
    ContactGoal,
    ContactHistory,
    ContactPhone,
    ContactPhoto,
    Encounter,
    FollowUp,
    Interaction,
    Introduction,
    Target,
)

MERGE_RECORD = "merged"
"""The `ContactHistory.field` of the record a merge leaves (its old_value holds what undo needs)."""

CHOOSABLE_FIELDS = ("full_name", "given_name", "family_name", *TEXT_FIELDS, *DATE_FIELDS, "tier")
"""The fields the user can take from the second contact of a pair; lists are always unioned."""

_MOVED = {"encounter": Encounter, "interaction": Interaction, "followup": FollowUp, "cardimage": CardImage,
          "target": Target, "contacthistory": ContactHistory}


@dataclass
class DuplicatePair:
    """Two stored contacts that are (`certain`) or may be one person, and why."""

    a: int
    b: int
    a_label: str
    b_label: str
    reason: str
    certain: bool

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _row_values(row: Any) -> dict[str, Any]:
    """A row's column values as JSON can hold them (datetimes as ISO text, bytes as base64)."""
    values = {}
    for column in row.__table__.columns:
        value = getattr(row, column.name)
        if isinstance(value, datetime):
            value = {"datetime": value.isoformat()}
        elif isinstance(value, bytes):
            value = {"base64": base64.b64encode(value).decode("ascii")}
        values[column.name] = value
    return values


def _from_json(values: dict[str, Any]) -> dict[str, Any]:
    restored = {}
    for name, value in values.items():
        if isinstance(value, dict) and "datetime" in value:
            value = datetime.fromisoformat(value["datetime"])
        elif isinstance(value, dict) and "base64" in value:
            value = base64.b64decode(value["base64"])
        restored[name] = value
    return restored


class DuplicateService(Service):
    """Lists stored duplicates, merges a pair and undoes a merge."""

    def find(self, *, include_archived: bool = False) -> list[DuplicatePair]:
        """Every pair over the whole database: certain ones (shared e-mail or phone) first. Read in
        three light queries, and names compared only within one company: fast on 20,000 contacts."""
        with self.db.transaction() as session:
            query = select(Contact.id, Contact.full_name, Contact.given_name, Contact.family_name, Contact.company)
            if not include_archived:
                query = query.where(Contact.archived == False)  # noqa: E712 (SQL expression)
            people = {row[0]: row for row in session.exec(query) if row[0] is not None}
            by_key: dict[str, set[int]] = defaultdict(set)
            first_email: dict[int, str] = {}
            emails = (select(ContactEmail.address, ContactEmail.contact_id).where(ContactEmail.checked == True)  # noqa: E712
                      .order_by(col(ContactEmail.position)))
            for address, contact_id in session.exec(emails):
                by_key[f"same e-mail {address.lower()}"].add(contact_id)
                first_email.setdefault(contact_id, address)
            for e164, contact_id in session.exec(select(ContactPhone.e164, ContactPhone.contact_id)
                                                 .where(ContactPhone.checked == True)):  # noqa: E712
                by_key[f"same phone {e164}"].add(contact_id)
        label = {contact_id: full_name or company or first_email.get(contact_id, "") or f"#{contact_id}"
                 for contact_id, full_name, _given, _family, company in people.values()}
        pairs: dict[tuple[int, int], DuplicatePair] = {}

        def add(a: int, b: int, reason: str, certain: bool) -> None:
            key = (min(a, b), max(a, b))
            if key not in pairs:
                pairs[key] = DuplicatePair(key[0], key[1], label[key[0]], label[key[1]], reason, certain)

        for reason, ids in sorted(by_key.items()):
            members = sorted(i for i in ids if i in people)
            for other in members[1:]:
                add(members[0], other, reason, True)
        by_company: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for contact_id, full_name, given, family, company in people.values():
            name, company_name = name_key(full_name, given, family), company_key(company)
            if name and company_name:
                by_company[company_name].append((contact_id, name))
        for staff in by_company.values():
            for i, (first, first_name) in enumerate(staff):
                for second, second_name in staff[i + 1:]:
                    if fuzz.token_sort_ratio(first_name, second_name) >= NAME_SIMILARITY:
                        add(first, second, f"similar name at {people[first][4]}", False)
        return sorted(pairs.values(), key=lambda p: (not p.certain, p.a, p.b))

    def merge(self, keep_id: int, other_id: int, *, take: list[str] | tuple[str, ...] = ()) -> Contact:
        """Merge contact `other_id` into `keep_id` in one transaction (see the module's docstring);
        `take` names the fields whose value comes from `other_id`. Returns the merged contact."""
        if keep_id == other_id:
            raise ValidationError("a contact cannot be merged with itself")
        unknown = [f for f in take if f not in CHOOSABLE_FIELDS]
        if unknown:
            raise ValidationError(f"cannot take {', '.join(unknown)}; the fields are {', '.join(CHOOSABLE_FIELDS)}")
        with self.db.transaction() as session:
            keep = get_or_raise(session, Contact, keep_id, "contact")
            other = get_or_raise(session, Contact, other_id, "contact")
            record = self._snapshot(session, keep, other)
            for name in CHOOSABLE_FIELDS:
                mine, theirs = getattr(keep, name), getattr(other, name)
                if name == "notes":
                    if theirs and theirs not in mine:
                        keep.notes = f"{mine}\n\n{theirs}" if mine else theirs
                elif theirs and (name in take or not mine):
                    setattr(keep, name, theirs)
            known = {e.address.lower() for e in keep.emails}
            for email in list(other.emails):
                if email.address.lower() not in known:
                    keep.emails.append(ContactEmail(address=email.address, kind=email.kind, checked=email.checked,
                                                    position=len(keep.emails)))
                    known.add(email.address.lower())
            numbers = {p.e164 for p in keep.phones}
            for phone in list(other.phones):
                if phone.e164 not in numbers:
                    keep.phones.append(ContactPhone(e164=phone.e164, kind=phone.kind, checked=phone.checked,
                                                    position=len(keep.phones)))
                    numbers.add(phone.e164)
            keep.websites = list(dict.fromkeys([*keep.websites, *other.websites]))
            keep.tags = sorted({*keep.tags, *other.tags})
            for name in ("influence", "credibility", "reliability", "intimacy", "self_orientation", "cadence_days"):
                if getattr(keep, name) is None and getattr(other, name) is not None:
                    setattr(keep, name, getattr(other, name))
            for goal in other.goals:
                if goal not in keep.goals:
                    keep.goals.append(goal)
            for model in _MOVED.values():
                session.execute(update(model).where(col(model.contact_id) == other_id).values(contact_id=keep_id))
            self._move_introductions(session, keep_id, other_id, record)
            if session.get(ContactPhoto, keep_id) is None and session.get(ContactPhoto, other_id) is not None:
                session.execute(update(ContactPhoto).where(col(ContactPhoto.contact_id) == other_id)
                                .values(contact_id=keep_id))
                record["photo_moved"] = True
            keep.updated_at = utcnow()
            refresh_search_text(keep)
            session.flush()
            session.delete(other)
            session.flush()
            session.add(ContactHistory(contact_id=keep_id, field=MERGE_RECORD, old_value=json.dumps(record),
                                       new_value=contact_label(other), source=f"merge of #{other_id}"))
            session.flush()
            return load_contact(session, keep_id)

    @staticmethod
    def _snapshot(session: Session, keep: Contact, other: Contact) -> dict[str, Any]:
        """What undoing the merge of `other` into `keep` needs."""
        assert keep.id is not None and other.id is not None
        photo = session.get(ContactPhoto, other.id)
        return {
            "keep": _row_values(keep), "other": _row_values(other),
            "keep_emails": [_row_values(e) for e in keep.emails], "keep_phones": [_row_values(p) for p in keep.phones],
            "other_emails": [_row_values(e) for e in other.emails],
            "other_phones": [_row_values(p) for p in other.phones],
            "keep_goals": [g.id for g in keep.goals], "other_goals": [g.id for g in other.goals],
            "other_photo": _row_values(photo) if photo is not None else None, "photo_moved": False,
            "moved": {table: list(session.exec(select(model.id).where(col(model.contact_id) == other.id)))
                      for table, model in _MOVED.items()},
            "introductions_a": [], "introductions_b": [], "introductions_dropped": [],
        }

    @staticmethod
    def _move_introductions(session: Session, keep_id: int, other_id: int, record: dict[str, Any]) -> None:
        """The other's introductions become the kept one's; one that would pair the kept contact with
        itself, or repeat a pair it already has, is dropped (kept in the record for undo)."""
        rows = session.exec(select(Introduction).where(
            (col(Introduction.contact_a_id) == other_id) | (col(Introduction.contact_b_id) == other_id))).all()
        pairs = {(i.contact_a_id, i.contact_b_id) for i in session.exec(select(Introduction).where(
            (col(Introduction.contact_a_id) == keep_id) | (col(Introduction.contact_b_id) == keep_id)))}
        for row in rows:
            a = keep_id if row.contact_a_id == other_id else row.contact_a_id
            b = keep_id if row.contact_b_id == other_id else row.contact_b_id
            if a == b or (a, b) in pairs:
                record["introductions_dropped"].append(_row_values(row))
                session.delete(row)
                continue
            record["introductions_a" if row.contact_a_id == other_id else "introductions_b"].append(row.id)
            row.contact_a_id, row.contact_b_id = a, b
            pairs.add((a, b))
        session.flush()

    def last_merge(self, keep_id: int) -> ContactHistory | None:
        """The newest merge into `keep_id` that can still be undone, or None."""
        with self.db.transaction() as session:
            return session.exec(select(ContactHistory).where(ContactHistory.contact_id == keep_id)
                                .where(ContactHistory.field == MERGE_RECORD)
                                .order_by(col(ContactHistory.id).desc())).first()

    def undo_merge(self, keep_id: int) -> tuple[Contact, Contact]:
        """Undo the newest merge into `keep_id`: both contacts as they were, each with what was
        theirs. Returns (kept, restored)."""
        with self.db.transaction() as session:
            merged = session.exec(select(ContactHistory).where(ContactHistory.contact_id == keep_id)
                                  .where(ContactHistory.field == MERGE_RECORD)
                                  .order_by(col(ContactHistory.id).desc())).first()
            if merged is None:
                raise NotFoundError(f"contact {keep_id} has no merge to undo")
            record = json.loads(merged.old_value)
            other_values = _from_json(record["other"])
            other_id = other_values["id"]
            if session.get(Contact, other_id) is not None:
                raise ValidationError(f"contact {other_id} exists again; the merge cannot be undone")
            session.delete(merged)
            session.execute(insert(Contact).values(**other_values))
            for rows, model in ((record["other_emails"], ContactEmail), (record["other_phones"], ContactPhone)):
                if rows:
                    session.execute(insert(model), [_from_json(r) for r in rows])
            if record["other_goals"]:
                session.execute(insert(ContactGoal), [{"contact_id": other_id, "goal_id": g}
                                                      for g in record["other_goals"]])
            for table, ids in record["moved"].items():
                if ids:
                    moved = _MOVED[table]
                    session.execute(update(moved).where(col(moved.id).in_(ids)).values(contact_id=other_id))
            for name, column in (("introductions_a", Introduction.contact_a_id),
                                 ("introductions_b", Introduction.contact_b_id)):
                if record[name]:
                    session.execute(update(Introduction).where(col(Introduction.id).in_(record[name]))
                                    .values({column: other_id}))
            if record["introductions_dropped"]:
                session.execute(insert(Introduction), [_from_json(r) for r in record["introductions_dropped"]])
            if record["photo_moved"]:
                session.execute(update(ContactPhoto).where(col(ContactPhoto.contact_id) == keep_id)
                                .values(contact_id=other_id))
            elif record["other_photo"] is not None:
                session.execute(insert(ContactPhoto).values(**_from_json(record["other_photo"])))
            session.execute(delete(ContactEmail).where(col(ContactEmail.contact_id) == keep_id))
            session.execute(delete(ContactPhone).where(col(ContactPhone.contact_id) == keep_id))
            session.execute(delete(ContactGoal).where(col(ContactGoal.contact_id) == keep_id))
            for rows, model in ((record["keep_emails"], ContactEmail), (record["keep_phones"], ContactPhone)):
                if rows:
                    session.execute(insert(model), [_from_json(r) for r in rows])
            if record["keep_goals"]:
                session.execute(insert(ContactGoal), [{"contact_id": keep_id, "goal_id": g}
                                                      for g in record["keep_goals"]])
            keep_values = _from_json(record["keep"])
            session.execute(update(Contact).where(col(Contact.id) == keep_id)
                            .values(**{k: v for k, v in keep_values.items() if k != "id"}))
            session.flush()
            session.expire_all()
            both = {c.id: c for c in session.exec(select(Contact).where(col(Contact.id).in_([keep_id, other_id]))
                                                  .options(*CONTACT_LOADS))}
            return both[keep_id], both[other_id]
