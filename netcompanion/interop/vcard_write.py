"""Writing contacts as vCard 3.0 or 4.0 (with vobject).

Each card has N and FN, ORG, TITLE, every EMAIL and TEL with its TYPE, URL (the LinkedIn
profile too, and as X-SOCIALPROFILE), ADR, NOTE (the notes and the conversation details of the
encounters), CATEGORIES (goals and tags), optionally a PHOTO of the card, and a stable UID.
What other apps have no property for (tier, interests, needs, offers, the notes alone, which
categories are goals) goes in X-NETCOMPANION-* properties, so a round trip loses nothing.
"""
from __future__ import annotations

import base64
import uuid
from collections.abc import Iterable
from pathlib import Path

import vobject

from netcompanion.core.store.models import Contact
from netcompanion.interop.vcard_read import X_PREFIX

UID_NAMESPACE = uuid.UUID("6f1c1d62-6a55-4f4e-9a52-6e6574636f6d")
TEL_TYPES = {"work": ["work", "voice"], "mobile": ["cell", "voice"], "fax": ["work", "fax"], "other": ["voice"]}


def contact_uid(contact: Contact) -> str:
    """A UID that stays the same each time this contact is exported from this database."""
    created = contact.created_at.isoformat() if contact.created_at else ""
    return f"urn:uuid:{uuid.uuid5(UID_NAMESPACE, f'contact:{contact.id}:{created}')}"


def _note(contact: Contact, details: list[str]) -> str:
    return "\n\n".join(part for part in (contact.notes, *details) if part)


def contact_to_vcard(contact: Contact, *, version: str = "3.0", details: Iterable[str] = (),
                     photo: Path | None = None) -> vobject.base.Component:
    """The vCard of `contact`; `details` are the conversation details to add to the NOTE."""
    card = vobject.vCard()
    card.add("version").value = version
    card.add("uid").value = contact_uid(contact)
    card.add("fn").value = contact.full_name or contact.company
    if not contact.full_name:
        card.add("x-abshowas").value = "COMPANY"
    card.add("n").value = vobject.vcard.Name(family=contact.family_name, given=contact.given_name)
    if contact.company:
        card.add("org").value = [contact.company]
    if contact.title:
        card.add("title").value = contact.title
    for email in contact.emails:
        line = card.add("email")
        line.value = email.address
        line.type_param = ["work", "internet"] if version == "3.0" else ["work"]
    for phone in contact.phones:
        line = card.add("tel")
        line.value = phone.e164 if version == "3.0" else f"tel:{phone.e164}"
        if version != "3.0":
            line.params["VALUE"] = ["uri"]
        line.type_param = TEL_TYPES.get(phone.kind, ["voice"])
    for website in contact.websites:
        card.add("url").value = website
    if contact.linkedin:
        card.add("url").value = contact.linkedin
        social = card.add("x-socialprofile")
        social.value = contact.linkedin
        social.type_param = ["linkedin"]
    if contact.address:
        adr = card.add("adr")
        adr.value = vobject.vcard.Address(street=contact.address)
        adr.type_param = ["work"]
    details = [d for d in details if d]
    note = _note(contact, list(details))
    if note:
        card.add("note").value = note
    goals = sorted(g.key for g in contact.goals)
    categories = goals + [t for t in contact.tags if t not in goals]
    if categories:
        card.add("categories").value = categories
    _add_x(card, contact, goals, bool(details))
    if photo is not None and photo.is_file():
        _add_photo(card, photo, version)
    card.add("rev").value = contact.updated_at.strftime("%Y%m%dT%H%M%SZ")
    return card


def _add_photo(card: vobject.base.Component, photo: Path, version: str) -> None:
    """The card image, inline: base64 with ENCODING=b (3.0) or a data: URI (4.0)."""
    kind = "png" if photo.suffix.lower() == ".png" else "jpeg"
    line = card.add("photo")
    if version == "3.0":  # vobject writes the bytes as base64
        line.value, line.encoding_param, line.type_param = photo.read_bytes(), "b", kind.upper()
    else:
        line.value = f"data:image/{kind};base64,{base64.b64encode(photo.read_bytes()).decode('ascii')}"


def _add_x(card: vobject.base.Component, contact: Contact, goals: list[str], has_details: bool) -> None:
    values = {"TIER": contact.tier, "GOALS": ",".join(goals), "INTERESTS": contact.interests,
              "THEIR-GOALS": contact.their_goals, "NEEDS": contact.needs, "OFFERS": contact.offers}
    if has_details:
        values["NOTES"] = contact.notes
    for key, value in values.items():
        if value or key in ("GOALS", "NOTES"):
            card.add(f"{X_PREFIX}{key}".lower()).value = value


def write_vcards(contacts: Iterable[tuple[Contact, list[str]]], *, version: str = "3.0",
                 photos: dict[int, Path] | None = None) -> str:
    """A vCard file (CRLF line ends, lines folded at 75 octets) of (contact, details) pairs, with
    the card image of each contact in `photos` (contact id -> image file)."""
    photos = photos or {}
    return "".join(contact_to_vcard(c, version=version, details=d, photo=photos.get(c.id or 0)).serialize()
                   for c, d in contacts)
