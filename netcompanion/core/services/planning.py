"""Planning an event: ranking its attendees by fit with its goal, keeping targets with their *why*,
and marking a target met when its card is scanned."""
from __future__ import annotations

from typing import Any

from rapidfuzz import fuzz, process
from sqlmodel import Session, col, select

from netcompanion.core.enums import TargetStatus
from netcompanion.core.errors import ValidationError
from netcompanion.core.rules.attendee_fit import (
    NAME_MATCH,
    RankedAttendee,
    effective_profile,
    rank_attendees,
    same_person,
    score_attendee,
)
from netcompanion.core.search import fold
from netcompanion.core.services.base import Service, get_or_raise, resolve_event
from netcompanion.core.services.preferences import load_preferences
from netcompanion.core.store.models import Contact, ContactEmail, Encounter, Event, Goal, Target
from netcompanion.core.validation import choice, optional_text

TARGET_TEXT_FIELDS = ("why", "research_notes", "talking_points")


def target_to_dict(target: Target) -> dict[str, Any]:
    """The stable JSON form of a planned target (documented in the README)."""
    return {
        "id": target.id, "event_id": target.event_id, "contact_id": target.contact_id, "name": target.name,
        "title": target.title, "company": target.company, "email": target.email, "score": target.fit_score,
        "reasons": list(target.fit_reasons), "why": target.why, "research_notes": target.research_notes,
        "talking_points": target.talking_points, "status": target.status,
    }


def contact_as_attendee(contact: Contact, email: str = "") -> dict[str, Any]:
    """An existing contact in the shape of an attendee row (its notes and offers as the bio)."""
    bio = " ".join(p for p in (contact.notes, contact.interests, contact.offers, contact.their_goals) if p)
    return {"name": contact.full_name, "title": contact.title, "company": contact.company, "email": email,
            "bio": bio, "contact_id": contact.id}


def link_encounter_to_target(session: Session, contact: Contact, encounter: Encounter, event: Event) -> Target | None:
    """When the contact met is one of the event's planned targets, mark it met and link the encounter."""
    targets = session.exec(select(Target).where(Target.event_id == event.id,
                                                Target.status == TargetStatus.PLANNED.value)).all()
    if not targets:
        return None
    emails = [e.address for e in session.exec(select(ContactEmail).where(ContactEmail.contact_id == contact.id))]
    for target in targets:
        if target.contact_id == contact.id or any(
                same_person(contact.full_name, contact.company, target.name, target.company, email, target.email)
                for email in emails or [""]):
            target.status, target.contact_id = TargetStatus.MET.value, contact.id
            encounter.target_id = target.id
            session.add_all([target, encounter])
            return target
    return None


def _profile(session: Session, goal: Goal) -> dict[str, float]:
    prefs = load_preferences(session)
    return effective_profile(goal.key, prefs.planning_profiles, prefs.target_industries, goal.name, goal.description)


def _mark_known(session: Session, ranked: list[RankedAttendee]) -> None:
    """Attach the existing contact each attendee is (same e-mail, or close name and company)."""
    contacts = session.exec(select(Contact).where(Contact.archived == False)).all()  # noqa: E712
    if not contacts:
        return
    by_email = {address.lower(): cid for cid, address in session.exec(select(ContactEmail.contact_id, ContactEmail.address))}
    by_id = {c.id: c for c in contacts}
    names = {c.id: fold(c.full_name) for c in contacts}
    for row in ranked:
        attendee = row.attendee
        contact_id = attendee.get("contact_id") or by_email.get(str(attendee.get("email") or "").lower())
        if contact_id is None:
            for _name, _score, candidate in process.extract(fold(str(attendee.get("name") or "")), names,
                                                             scorer=fuzz.token_sort_ratio, score_cutoff=NAME_MATCH, limit=5):
                contact = by_id[candidate]
                if same_person(contact.full_name, contact.company, str(attendee.get("name") or ""),
                               str(attendee.get("company") or "")):
                    contact_id = candidate
                    break
        if contact_id in by_id:
            row.contact_id, row.contact_tier = contact_id, by_id[contact_id].tier


class PlanningService(Service):
    """Ranks attendees and keeps an event's targets."""

    def profile(self, event: str | int) -> dict[str, float]:
        """The keyword profile the event's goal ranks attendees by."""
        with self.db.transaction() as session:
            return _profile(session, _goal_of(session, resolve_event(session, event)))

    def rank(self, event: str | int, attendees: list[dict[str, Any]] | None = None) -> list[RankedAttendee]:
        """Attendee rows (keys name, title, company, email, bio) ranked by fit with the event's goal,
        best first, each marked with the existing contact it is; without rows, the user's contacts."""
        with self.db.transaction() as session:
            event_row = resolve_event(session, event)
            if attendees is None:
                emails = {cid: a for cid, a in session.exec(
                    select(ContactEmail.contact_id, ContactEmail.address).order_by(col(ContactEmail.position).desc()))}
                attendees = [contact_as_attendee(c, emails.get(c.id, "")) for c in
                             session.exec(select(Contact).where(Contact.archived == False))]  # noqa: E712
            ranked = rank_attendees(attendees, _profile(session, _goal_of(session, event_row)))
            _mark_known(session, ranked)
            return ranked

    def add_targets(self, event: str | int, attendees: list[dict[str, Any]], why: str = "") -> list[Target]:
        """Keep attendees as the event's targets (scored and with their reasons); people already
        planned for the event are not added twice."""
        with self.db.transaction() as session:
            event_row = resolve_event(session, event)
            profile = _profile(session, _goal_of(session, event_row))
            existing = list(session.exec(select(Target).where(Target.event_id == event_row.id)))
            added = []
            for attendee in attendees:
                name, company = str(attendee.get("name") or "").strip(), str(attendee.get("company") or "").strip()
                if not (name or company):
                    raise ValidationError("a target needs a name or a company")
                email = str(attendee.get("email") or "").strip()
                if any(same_person(name, company, t.name, t.company, email, t.email) for t in existing + added):
                    continue
                fit = score_attendee(attendee, profile)
                target = Target(
                    event_id=event_row.id, contact_id=attendee.get("contact_id"), name=name,
                    title=str(attendee.get("title") or ""), company=company, email=email,
                    attendee=_json_safe(attendee),
                    fit_score=fit.score, fit_reasons=fit.reasons, why=optional_text(why, "why", 2000),
                )
                session.add(target)
                added.append(target)
            session.flush()
            return added

    def update_target(self, target_id: int, **changes: Any) -> Target:
        """Change a target's why, research_notes, talking_points or status (planned, met, skipped)."""
        with self.db.transaction() as session:
            target = get_or_raise(session, Target, target_id, "target")
            for key, value in changes.items():
                if key in TARGET_TEXT_FIELDS:
                    setattr(target, key, optional_text(value, key.replace("_", " ")))
                elif key == "status":
                    target.status = choice(value, TargetStatus, "target status")
                else:
                    raise ValidationError(f"a target has no field {key!r}")
            session.add(target)
            return target

    def targets(self, event: str | int) -> list[Target]:
        """An event's targets, best fit first."""
        with self.db.transaction() as session:
            event_row = resolve_event(session, event)
            return list(session.exec(select(Target).where(Target.event_id == event_row.id)
                                     .order_by(col(Target.fit_score).desc(), col(Target.id))))

    def remove_target(self, target_id: int) -> None:
        with self.db.transaction() as session:
            session.delete(get_or_raise(session, Target, target_id, "target"))


def _json_safe(attendee: dict[str, Any]) -> dict[str, Any]:
    """The attendee row as stored with its target: the raw cells kept, anything else not JSON left out."""
    safe: dict[str, Any] = {}
    for key, value in attendee.items():
        if isinstance(value, dict):
            value = {str(k): str(v) for k, v in value.items()}
        if value is None or isinstance(value, (str, int, float, bool, dict)):
            safe[str(key)] = value
    return safe


def _goal_of(session: Session, event: Event) -> Goal:
    return get_or_raise(session, Goal, event.goal_id, "goal")
