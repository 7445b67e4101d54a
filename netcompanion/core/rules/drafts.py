"""The wording of follow-up reasons and draft messages, from plain values (no database rows)."""
from __future__ import annotations


def first_name(given_name: str | None, full_name: str | None) -> str:
    """How a message addresses the contact: the given name, else the full name, else 'there'."""
    return given_name or full_name or "there"


def post_event_reason(event_name: str | None, detail: str) -> str:
    """Why the 24-hour follow-up is in the queue (`event_name` None: met outside an event)."""
    where = f"met at {event_name}" if event_name else "met in person"
    if detail:
        return f"{where}: {detail}"
    return f"{where}. Add the conversation detail before you write: what did you talk about?"


REINTRODUCE_PROMPT = "Where do we know each other from, and what are you working on now?"


def light_touch_idea(interests: str, their_goals: str, needs: str) -> str:
    """A light-touch reason to get in touch, from what is known of the contact; '' when nothing is."""
    if interests.strip():
        return f"share something about {interests.strip()}"
    if their_goals.strip():
        return f"ask how it goes with {their_goals.strip()}"
    if needs.strip():
        return f"send something useful for {needs.strip()}"
    return ""


def keep_in_touch_reason(days: int, idea: str) -> str:
    """Why a keep-in-touch reminder is in the queue."""
    base = f"Keep in touch (every {days} days)"
    return f"{base}: {idea}" if idea else f"{base}: a short personal note, or congratulate them on news"


def keep_in_touch_draft(name: str, idea: str) -> str:
    """A short keep-in-touch note, built on the light-touch idea when there is one."""
    hello = f"Hi {name or 'there'},\n\n"
    if idea:
        body = f"I came across something and thought of you: I wanted to {idea}.\n\n"
    else:
        body = "It has been a while: how are things going on your side?\n\n"
    return hello + body + "Best regards"


def reintroduce_reason() -> str:
    return f"You know little about this contact. {REINTRODUCE_PROMPT}"


def reintroduce_draft(name: str) -> str:
    """A friendly note for a contact the user no longer places."""
    return (f"Hi {name or 'there'},\n\n"
            "I was going through my contacts and realised we have not spoken in a long time. "
            "Remind me where we met? I would love to hear what you are working on now.\n\n"
            "Best regards")


def introduction_reason(offerer: str, needer: str, words: list[str]) -> str:
    """Why an introduction follow-up is in the queue (both sides named, the matching words shown)."""
    return f"Introduce {offerer} to {needer}: {offerer} offers what {needer} needs ({', '.join(words)})"
