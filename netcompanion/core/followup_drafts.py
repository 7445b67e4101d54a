"""The wording of follow-up reasons and draft messages."""
from __future__ import annotations

from netcompanion.core.models import Contact, Event


def first_name(contact: Contact) -> str:
    """How a message addresses the contact: the given name, else the full name, else 'there'."""
    return contact.given_name or contact.full_name or "there"


def post_event_reason(event: Event | None, detail: str) -> str:
    """Why the 24-hour follow-up is in the queue."""
    where = f"met at {event.name}" if event else "met in person"
    if detail:
        return f"{where}: {detail}"
    return f"{where}. Add the conversation detail before you write: what did you talk about?"


def post_event_draft(contact: Contact, event: Event | None, detail: str) -> str:
    """A personal 24-hour follow-up mentioning the event and the detail; empty without a detail."""
    if not detail:
        return ""
    where = f"at {event.name}" if event else "the other day"
    return (
        f"Hi {first_name(contact)},\n\n"
        f"Great to meet you {where}. I keep thinking about what you said: {detail}.\n\n"
        "Would you have 20 minutes in the next couple of weeks to continue the conversation?\n\n"
        "Best regards"
    )
