"""Saving what the card reader made of a card: the contact, the stored image, the encounter.

A card of someone already stored is merged into that contact, also when a teammate stores the same
person at the same moment on a shared database: finding the match and creating the contact take
turns (`Database.take_turns`), so two people scanning one card end with one contact and an
encounter each.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select

from netcompanion.core.enums import Source
from netcompanion.core.services.base import Service, get_or_raise, resolve_event, resolve_goal, tag_goal
from netcompanion.core.services.contacts import build_contact, load_contact
from netcompanion.core.services.encounters import add_encounter
from netcompanion.core.services.incoming import ContactFields, ScanContact, clean_fields
from netcompanion.core.services.matching import MATCHING_TURN, ContactMatcher
from netcompanion.core.services.merge import merge_into
from netcompanion.core.store.card_store import store_card_image
from netcompanion.core.store.models import CardImage, Contact

log = logging.getLogger(__name__)


def scan_to_fields(scan: ScanContact | dict[str, Any], region: str = "") -> ContactFields:
    """ContactFields from one scan result (the `netcompanion scan --json` contract), cleaned by
    the one policy of `incoming.clean_fields`: a value the reader got wrong beyond use (an e-mail
    without a domain, a phone that is no number) stays, marked unchecked, for the user to fix."""
    emails = [str(value) for value in scan.get("emails") or [] if str(value).strip()]
    phones = [(str(phone.get("e164", "")), str(phone.get("kind") or "other"))
              for phone in scan.get("phones") or [] if isinstance(phone, dict)]
    fields = ContactFields(
        full_name=scan.get("full_name") or "", given_name=scan.get("given_name") or "",
        family_name=scan.get("family_name") or "", title=scan.get("title") or "",
        company=scan.get("company") or "", emails=emails, phones=phones,
        websites=list(scan.get("websites") or []), address=scan.get("address") or "",
        linkedin=scan.get("linkedin") or "", source=Source.SCAN.value, region=region,
    )
    cleaned, warnings = clean_fields(fields)
    for warning in warnings:
        log.info("scan: %s", warning)
    return cleaned


def _record_card(session: Session, contact: Contact, image: Path, scan: dict[str, Any], *,
                 event: str | int | None, goals: list[str], detail: str, owner: str) -> None:
    """Store the card image for `contact` (already in the session), tag the goals and, with an
    event or a detail, record `owner`'s encounter and queue its follow-up."""
    event_row = resolve_event(session, event) if event is not None and str(event).strip() else None
    goal_rows = [resolve_goal(session, g) for g in goals]
    sha, file_name = store_card_image(image)
    session.add(CardImage(contact_id=contact.id, sha256=sha, file_name=file_name,
                          raw_text=scan.get("raw_text") or "", scan=dict(scan)))
    for goal in goal_rows:
        tag_goal(session, contact, goal)
    if event_row is not None or detail.strip():
        add_encounter(session, contact, event=event_row, goals=[g.key for g in goal_rows], detail=detail,
                      owner=owner)
    session.flush()


class CardService(Service):
    """Stores scanned cards as contacts, new or merged into the person they already are."""

    def save_scan(self, scan: dict[str, Any], image: Path, *, event: str | int | None = None,
                  goals: list[str] | None = None, detail: str = "", region: str = "",
                  new_person: bool = False) -> Contact:
        """Store the card image and the contact from `scan`, in one transaction: merged into the
        stored contact the card is (as `find_existing` finds it, at the moment of saving), else a
        new one; with `new_person`, a new one whatever matches (the user said they differ).

        With an `event` (or a `detail`) an Encounter is recorded and its follow-up queued.
        """
        fields = scan_to_fields(scan, region)
        with self.db.transaction() as session:
            self.db.take_turns(session, MATCHING_TURN)
            match = None if new_person else ContactMatcher.from_session(session).find(fields)
            if match is None or not match.certain:  # a close name alone was offered for review, not merged
                contact = build_contact(fields)
                session.add(contact)
                session.flush()
            else:
                contact = match.contact
                merge_into(session, contact, fields)
            _record_card(session, contact, image, scan, event=event, goals=goals or [], detail=detail,
                         owner=self.user)
            return load_contact(session, contact.id)

    def find_existing(self, scan: dict[str, Any], region: str = "") -> tuple[Contact, str] | None:
        """The stored contact this card is (same e-mail or phone, or a close name at the same
        company), with the reason; None for a new person."""
        with self.db.transaction() as session:
            match = ContactMatcher.from_session(session).find(scan_to_fields(scan, region))
            return None if match is None else (match.contact, match.reason)

    def merge_scan(self, contact_id: int, scan: dict[str, Any], image: Path, *, event: str | int | None = None,
                   goals: list[str] | None = None, detail: str = "", region: str = "") -> Contact:
        """Merge a card into an existing contact instead of creating a duplicate: new values are
        added, nothing stored is overwritten; image and encounter are recorded as for a new card."""
        fields = scan_to_fields(scan, region)
        with self.db.transaction() as session:
            contact = get_or_raise(session, Contact, contact_id, "contact")
            merge_into(session, contact, fields)
            _record_card(session, contact, image, scan, event=event, goals=goals or [], detail=detail,
                         owner=self.user)
            return load_contact(session, contact.id)

    def images_for(self, contact_id: int) -> list[CardImage]:
        with self.db.transaction() as session:
            return list(session.exec(
                select(CardImage).where(CardImage.contact_id == contact_id).order_by(col(CardImage.id))
            ))
