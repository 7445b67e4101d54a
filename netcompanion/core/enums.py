"""The fixed vocabularies of the domain, stored in the database as their string values."""
from __future__ import annotations

from enum import StrEnum


class Tier(StrEnum):
    """How close a relationship is; it sets the keep-in-touch cadence."""

    INNER = "inner"
    WARM = "warm"
    ACQUAINTANCE = "acquaintance"
    NOISE = "noise"


class PhoneKind(StrEnum):
    """What a phone number is for, as printed on a card or given by an export."""

    WORK = "work"
    MOBILE = "mobile"
    FAX = "fax"
    OTHER = "other"


class EmailKind(StrEnum):
    """What an e-mail address is for."""

    WORK = "work"
    HOME = "home"
    OTHER = "other"


class Source(StrEnum):
    """How a contact came into the database."""

    SCAN = "scan"
    IMPORT = "import"
    MANUAL = "manual"
    DEMO = "demo"


class TargetStatus(StrEnum):
    """Where a planned target stands for an event."""

    PLANNED = "planned"
    MET = "met"
    SKIPPED = "skipped"


class Channel(StrEnum):
    """Over which channel an interaction happened."""

    EMAIL = "email"
    CALL = "call"
    MEETING = "meeting"
    MESSAGE = "message"
    SOCIAL = "social"
    EVENT = "event"
    OTHER = "other"


class FollowUpKind(StrEnum):
    """Why a follow-up is in the queue."""

    POST_EVENT = "post_event"
    KEEP_IN_TOUCH = "keep_in_touch"
    REINTRODUCE = "reintroduce"
    INTRODUCTION = "introduction"
    CUSTOM = "custom"


class FollowUpStatus(StrEnum):
    """Where a follow-up stands."""

    OPEN = "open"
    DONE = "done"
    SNOOZED = "snoozed"
    DISMISSED = "dismissed"


class IntroductionStatus(StrEnum):
    """Where a suggested introduction between two contacts stands."""

    SUGGESTED = "suggested"
    ACCEPTED = "accepted"
    DONE = "done"
    DECLINED = "declined"


class CardSide(StrEnum):
    """Which side of a card an image shows."""

    FRONT = "front"
    BACK = "back"
