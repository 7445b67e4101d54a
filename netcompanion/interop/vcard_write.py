"""Writing contacts as vCard 3.0 or 4.0 (with vobject).

Each card has N and FN, ORG, TITLE, every EMAIL and TEL with its TYPE, URL (the LinkedIn
profile too, and as X-SOCIALPROFILE), ADR in its parts, BDAY and the anniversary, NOTE (the notes
and the conversation details of the encounters), CATEGORIES (goals and tags), the contact's
picture as PHOTO (or, optionally, the card image), and a stable UID.
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
                     photo: Path | None = None, picture: tuple[bytes, str] | None = None) -> vobject.base.Component:
    """The vCard of `contact`; `details` are the conversation details to add to the NOTE; its
    PHOTO is the contact's `picture` (bytes, MIME type), else the card image `photo`."""
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
    _add_address(card, contact)
    _add_dates(card, contact, version)
    details = [d for d in details if d]
    note = _note(contact, list(details))
    if note:
        card.add("note").value = note
    goals = sorted(g.key for g in contact.goals)
    categories = goals + [t for t in contact.tags if t not in goals]
    if categories:
        card.add("categories").value = categories
    _add_x(card, contact, goals, bool(details))
    if picture is not None:
        _add_photo(card, picture[0], picture[1], version)
    elif photo is not None and photo.is_file():
        _add_photo(card, photo.read_bytes(), "image/png" if photo.suffix.lower() == ".png" else "image/jpeg",
                   version)
    card.add("rev").value = contact.updated_at.strftime("%Y%m%dT%H%M%SZ")
    return card


def compose_address(contact: Contact) -> str:
    """The address's parts as one line, as the readers put them together."""
    region = " ".join(p for p in (contact.address_region, contact.address_postcode) if p)
    return ", ".join(p for p in (contact.address_street, contact.address_locality, region, contact.address_country)
                     if p)


def _add_address(card: vobject.base.Component, contact: Contact) -> None:
    """ADR in its parts (the free text as the street when there are none); the free text as written
    in X-NETCOMPANION-ADDRESS when the parts do not say it the same way."""
    parts = [getattr(contact, name) for name in ("address_street", "address_locality", "address_region",
                                                  "address_postcode", "address_country")]
    if not (contact.address or any(parts)):
        return
    adr = card.add("adr")
    if any(parts):
        adr.value = vobject.vcard.Address(street=parts[0], city=parts[1], region=parts[2], code=parts[3],
                                          country=parts[4])
        if contact.address and contact.address != compose_address(contact):
            card.add(f"{X_PREFIX}ADDRESS".lower()).value = contact.address
    else:
        adr.value = vobject.vcard.Address(street=contact.address)
    adr.type_param = ["work"]


def _add_dates(card: vobject.base.Component, contact: Contact, version: str) -> None:
    """BDAY, and ANNIVERSARY (4.0) or X-ANNIVERSARY (3.0, as Apple and others write it)."""
    for name, prop in (("birthday", "bday"), ("anniversary", "anniversary" if version != "3.0" else "x-anniversary")):
        value = getattr(contact, name)  # YYYY-MM-DD or --MM-DD
        if value:
            # 4.0 writes dates in the basic format: 19850412, --0412 without the year
            card.add(prop).value = value if version == "3.0" else "--" * value.startswith("--") + value.replace("-", "")


def _add_photo(card: vobject.base.Component, data: bytes, mime: str, version: str) -> None:
    """A picture, inline: base64 with ENCODING=b (3.0) or a data: URI (4.0)."""
    kind = mime.removeprefix("image/").upper() or "JPEG"
    line = card.add("photo")
    if version == "3.0":  # vobject writes the bytes as base64
        line.value, line.encoding_param, line.type_param = data, "b", kind
    else:
        line.value = f"data:{mime or 'image/jpeg'};base64,{base64.b64encode(data).decode('ascii')}"


def _add_x(card: vobject.base.Component, contact: Contact, goals: list[str], has_details: bool) -> None:
    values = {"TIER": contact.tier, "GOALS": ",".join(goals), "INTERESTS": contact.interests,
              "THEIR-GOALS": contact.their_goals, "NEEDS": contact.needs, "OFFERS": contact.offers}
    if has_details:
        values["NOTES"] = contact.notes
    for key, value in values.items():
        if value or key in ("GOALS", "NOTES"):
            card.add(f"{X_PREFIX}{key}".lower()).value = value


def write_vcards(contacts: Iterable[tuple[Contact, list[str]]], *, version: str = "3.0",
                 photos: dict[int, Path] | None = None, pictures: dict[int, tuple[bytes, str]] | None = None) -> str:
    """A vCard file (CRLF line ends, lines folded at 75 octets) of (contact, details) pairs, with
    each contact's picture in `pictures` (contact id -> bytes, MIME type) as its PHOTO, else the
    card image in `photos` (contact id -> image file)."""
    photos, pictures = photos or {}, pictures or {}
    return "".join(contact_to_vcard(c, version=version, details=d, photo=photos.get(c.id or 0),
                                    picture=pictures.get(c.id or 0)).serialize() for c, d in contacts)
