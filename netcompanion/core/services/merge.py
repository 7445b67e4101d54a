"""Merging what is known of a person into the stored contact they are, without losing anything.

Empty fields are filled, lists are unioned and new notes appended. A field that differs is
updated when the incoming data is newer than the contact (a job change: a new company, title or
e-mail), and the old value goes into the contact's history; when it is older, the stored value is
kept and the difference reported.
"""
from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from netcompanion.core.clock import as_utc, utcnow
from netcompanion.core.enums import Tier
from netcompanion.core.search import fold
from netcompanion.core.services.contacts import DATE_FIELDS, TEXT_FIELDS, refresh_search_text
from netcompanion.core.services.incoming import ContactFields, clean_fields
from netcompanion.core.services.matching import company_key
from netcompanion.core.store.models import Contact, ContactEmail, ContactHistory, ContactPhone
from netcompanion.core.validation import choice, date_value

UPDATED_WHEN_NEWER = frozenset({"title", "company", "address", "linkedin", "address_street", "address_locality",
                                "address_region", "address_postcode", "address_country", *DATE_FIELDS})
"""Fields a newer card or file replaces (the old value goes into the history); others are only filled."""


def is_newer(as_of: datetime | None, contact: Contact) -> bool:
    """True when data dated `as_of` (None: now) is at least as new as the contact's last change."""
    return as_of is None or as_utc(as_of) >= as_utc(contact.updated_at)


def record_history(session: Session, contact: Contact, field: str, old: str, new: str, source: str) -> None:
    """Keep `old`, the value of `field` that `new` replaces, in the contact's history."""
    session.add(ContactHistory(contact_id=contact.id, field=field, old_value=old, new_value=new, source=source))


def merge_into(session: Session, contact: Contact, fields: ContactFields, *, as_of: datetime | None = None,
               source: str = "") -> tuple[list[str], list[str]]:
    """Merge `fields` (a scanned card, an imported row, dated `as_of`; None: now) into `contact`:
    (changes made, warnings: differing values kept, values kept unchecked)."""
    fields, kept = clean_fields(fields)
    newer = is_newer(as_of, contact)
    changes: list[str] = []
    replaced: list[tuple[str, str, str]] = []
    for name in ("full_name", "given_name", "family_name", *TEXT_FIELDS, *DATE_FIELDS):
        new, old = getattr(fields, name).strip(), getattr(contact, name)
        if name in DATE_FIELDS:
            new = date_value(new, name) if new else ""
        if not new or fold(new) == fold(old) or (name == "company" and company_key(new) == company_key(old)):
            continue
        if name == "notes":
            if new not in old:
                contact.notes = f"{old}\n\n{new}" if old else new
                changes.append("notes")
        elif not old:
            setattr(contact, name, new)
            changes.append(name)
        elif newer and name in UPDATED_WHEN_NEWER:
            setattr(contact, name, new)
            replaced.append((name, old, new))
            changes.append(f"{name.replace('_', ' ')} {old!r} -> {new!r}")
        else:
            older = "" if newer else ", older than the contact,"
            kept.append(f"kept {name.replace('_', ' ')} {old!r} (the file{older} has {new!r})")
    if contact.tier == Tier.ACQUAINTANCE.value and fields.tier != contact.tier:
        contact.tier = choice(fields.tier, Tier, "tier")
        changes.append("tier")
    known_emails = {e.address.lower() for e in contact.emails}
    new_emails = [a for a in fields.emails if a.lower() not in known_emails]
    if new_emails and contact.emails and any(name == "company" for name, _, _ in replaced):
        # a job change brings another address: the new one first, the old one kept after it
        old_first = contact.emails[0].address
        rows = [ContactEmail(address=a, checked=a not in fields.unchecked) for a in dict.fromkeys(new_emails)]
        contact.emails = rows + list(contact.emails)
        for position, row in enumerate(contact.emails):
            row.position = position
        replaced.append(("e-mail", old_first, new_emails[0]))
        changes.extend(f"e-mail {a} (first; {old_first} kept after it)" for a in dict.fromkeys(new_emails))
    else:
        for address in new_emails:
            if address.lower() not in known_emails:
                contact.emails.append(ContactEmail(address=address, position=len(contact.emails),
                                                   checked=address not in fields.unchecked))
                known_emails.add(address.lower())
                changes.append(f"e-mail {address}")
    known_phones = {p.e164 for p in contact.phones}
    for e164, kind in fields.phones:
        if e164 not in known_phones:
            contact.phones.append(ContactPhone(e164=e164, kind=kind, position=len(contact.phones),
                                               checked=e164 not in fields.unchecked))
            known_phones.add(e164)
            changes.append(f"phone {e164}")
    for name in ("websites", "tags"):
        old_list = list(getattr(contact, name))
        added = [v.strip() for v in getattr(fields, name) if v.strip() and v.strip() not in old_list]
        if added:
            setattr(contact, name, sorted({*old_list, *added}) if name == "tags" else old_list + added)
            changes.extend(f"{name[:-1]} {v}" for v in added)
    if changes:
        for name, old, new in replaced:
            record_history(session, contact, name, old, new, source)
        contact.updated_at = utcnow()
        refresh_search_text(contact)
        session.add(contact)
    return changes, kept
