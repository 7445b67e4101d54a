"""The database tables (sqlmodel). Services in `core.services` are the only code that uses them.

Times are aware UTC datetimes (`core.clock.utcnow`); enumerations as their string values
(`core.enums`), validated by the services so that the schema stays portable between SQLite and
PostgreSQL.
"""
# No `from __future__ import annotations` here: sqlmodel reads these annotations at class
# creation to build the relationships, and string annotations break that.
from datetime import datetime

from sqlalchemy import JSON, Column, Index, LargeBinary, Text, UniqueConstraint
from sqlmodel import Field, Relationship, SQLModel

from netcompanion.core.clock import utcnow


class Goal(SQLModel, table=True):
    """What a contact or an event serves: investor, client, mentor, partner, hire, or the user's own."""

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(index=True, unique=True, max_length=64)
    name: str = Field(max_length=120)
    description: str = ""
    builtin: bool = False


class ContactGoal(SQLModel, table=True):
    """A goal a contact is tagged with."""

    contact_id: int = Field(foreign_key="contact.id", primary_key=True, ondelete="CASCADE")
    goal_id: int = Field(foreign_key="goal.id", primary_key=True, ondelete="CASCADE")


class Contact(SQLModel, table=True):
    """A person in the user's network."""

    # the follow-up queue asks, for thousands of items, whether their contact is archived
    __table_args__ = (Index("ix_contact_live", "id", "archived"),)

    id: int | None = Field(default=None, primary_key=True)
    full_name: str = Field(default="", index=True)
    given_name: str = ""
    family_name: str = ""
    title: str = ""
    company: str = Field(default="", index=True)
    websites: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    address: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    # the address in parts, as vCard ADR and the CSV address columns hold it; `address` is its free text
    address_street: str = ""
    address_locality: str = ""
    address_region: str = ""
    address_postcode: str = ""
    address_country: str = ""
    birthday: str = Field(default="", max_length=10)  # YYYY-MM-DD, or --MM-DD when the year is unknown
    anniversary: str = Field(default="", max_length=10)
    linkedin: str = ""
    notes: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    interests: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    their_goals: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    needs: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    offers: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    tags: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    tier: str = Field(default="acquaintance", max_length=20, index=True)
    influence: int | None = None
    credibility: int | None = None
    reliability: int | None = None
    intimacy: int | None = None
    self_orientation: int | None = None
    cadence_days: int | None = None
    archived: bool = Field(default=False, index=True)
    source: str = Field(default="manual", max_length=20)
    search_text: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow, index=True)  # the follow-up queue's change check

    emails: list["ContactEmail"] = Relationship(
        back_populates="contact",
        sa_relationship_kwargs={"cascade": "all, delete-orphan", "order_by": "ContactEmail.position"},
    )
    phones: list["ContactPhone"] = Relationship(
        back_populates="contact",
        sa_relationship_kwargs={"cascade": "all, delete-orphan", "order_by": "ContactPhone.position"},
    )
    goals: list[Goal] = Relationship(link_model=ContactGoal)


class ContactEmail(SQLModel, table=True):
    """One e-mail address of a contact."""

    id: int | None = Field(default=None, primary_key=True)
    contact_id: int = Field(foreign_key="contact.id", index=True, ondelete="CASCADE")
    address: str = Field(index=True, max_length=320)
    kind: str = Field(default="work", max_length=20)
    position: int = 0
    checked: bool = True  # False: kept as typed, it does not read as an e-mail address
    contact: Contact | None = Relationship(back_populates="emails")


class ContactPhone(SQLModel, table=True):
    """One phone number of a contact, in E.164 (or, when `checked` is False, as typed: it does not
    read as a number in any country it could be from)."""

    id: int | None = Field(default=None, primary_key=True)
    contact_id: int = Field(foreign_key="contact.id", index=True, ondelete="CASCADE")
    e164: str = Field(index=True, max_length=64)
    kind: str = Field(default="work", max_length=20)
    position: int = 0
    checked: bool = True
    contact: Contact | None = Relationship(back_populates="phones")


class ContactHistory(SQLModel, table=True):
    """A value a contact had before a newer card, file or merge replaced it (a job change)."""

    id: int | None = Field(default=None, primary_key=True)
    contact_id: int = Field(foreign_key="contact.id", index=True, ondelete="CASCADE")
    field: str = Field(max_length=40)
    old_value: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    new_value: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    source: str = Field(default="", max_length=300)  # the file, card or merge that changed it
    changed_at: datetime = Field(default_factory=utcnow)


class ContactPhoto(SQLModel, table=True):
    """A contact's picture (a vCard PHOTO), in a table of its own so that lists of contacts never load it."""

    contact_id: int = Field(foreign_key="contact.id", primary_key=True, ondelete="CASCADE")
    mime: str = Field(default="image/jpeg", max_length=40)
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


class Event(SQLModel, table=True):
    """A conference, meetup or trade show, attended for one goal."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True, max_length=200)
    starts_at: datetime | None = Field(default=None, index=True)
    ends_at: datetime | None = None
    location: str = ""
    goal_id: int = Field(foreign_key="goal.id")
    target_count: int = 0
    notes: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    created_at: datetime = Field(default_factory=utcnow)

    goal: Goal | None = Relationship()


class EncounterGoal(SQLModel, table=True):
    """A goal an encounter was tagged with."""

    encounter_id: int = Field(foreign_key="encounter.id", primary_key=True, ondelete="CASCADE")
    goal_id: int = Field(foreign_key="goal.id", primary_key=True, ondelete="CASCADE")


class Encounter(SQLModel, table=True):
    """A contact met (at an event, or elsewhere), with the one detail the follow-up will mention."""

    id: int | None = Field(default=None, primary_key=True)
    contact_id: int = Field(foreign_key="contact.id", index=True, ondelete="CASCADE")
    event_id: int | None = Field(default=None, foreign_key="event.id", index=True, ondelete="SET NULL")
    target_id: int | None = Field(default=None, foreign_key="target.id", ondelete="SET NULL")
    met_at: datetime = Field(default_factory=utcnow)
    detail: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    quality: int | None = None
    owner: str = ""
    created_at: datetime = Field(default_factory=utcnow)

    goals: list[Goal] = Relationship(link_model=EncounterGoal)
    event: Event | None = Relationship()


class Target(SQLModel, table=True):
    """A person the user plans to meet at an event: an existing contact or an imported attendee row."""

    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(foreign_key="event.id", index=True, ondelete="CASCADE")
    contact_id: int | None = Field(default=None, foreign_key="contact.id", ondelete="SET NULL")
    name: str = ""
    title: str = ""
    company: str = ""
    email: str = ""
    attendee: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    fit_score: float = 0.0
    fit_reasons: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    why: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    research_notes: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    talking_points: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    status: str = Field(default="planned", max_length=20)
    created_at: datetime = Field(default_factory=utcnow)


class Interaction(SQLModel, table=True):
    """Something that happened with a contact: a call, an e-mail, a meeting."""

    # the follow-up queue asks for the last interaction of every contact: one index scan
    __table_args__ = (Index("ix_interaction_contact_happened", "contact_id", "happened_at"),)

    id: int | None = Field(default=None, primary_key=True)
    contact_id: int = Field(foreign_key="contact.id", index=True, ondelete="CASCADE")
    happened_at: datetime = Field(default_factory=utcnow, index=True)
    channel: str = Field(default="other", max_length=20)
    summary: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    followup_id: int | None = Field(default=None, foreign_key="followup.id", ondelete="SET NULL")


class FollowUp(SQLModel, table=True):
    """A task in the follow-up queue. `reason_key` makes sure nothing is scheduled twice for one reason."""

    __table_args__ = (
        UniqueConstraint("reason_key", name="uq_followup_reason_key"),
        # the checklist's counts and first items per section come from this index alone
        Index("ix_followup_checklist", "status", "due_at", "owner", "kind", "contact_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    contact_id: int = Field(foreign_key="contact.id", index=True, ondelete="CASCADE")
    kind: str = Field(default="custom", max_length=20)
    due_at: datetime = Field(default_factory=utcnow, index=True)
    reason: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    reason_key: str = Field(max_length=200)
    draft: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    status: str = Field(default="open", max_length=20, index=True)
    snoozed_until: datetime | None = None
    encounter_id: int | None = Field(default=None, foreign_key="encounter.id", ondelete="CASCADE")
    introduction_id: int | None = Field(
        default=None, foreign_key="introduction.id", ondelete="CASCADE"
    )
    owner: str = ""
    created_at: datetime = Field(default_factory=utcnow)
    completed_at: datetime | None = None
    # keep-in-touch and reintroduction reminders: the last touch they count from; a later
    # interaction or encounter makes the reminder done (the clock restarted)
    anchor_at: datetime | None = None


class CardImage(SQLModel, table=True):
    """A card image stored in the data folder under its content hash, with what the reader made of it."""

    id: int | None = Field(default=None, primary_key=True)
    contact_id: int | None = Field(default=None, foreign_key="contact.id", index=True, ondelete="SET NULL")
    sha256: str = Field(index=True, max_length=64)
    file_name: str = Field(max_length=100)
    side: str = Field(default="front", max_length=10)
    raw_text: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    scan: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    scanned_at: datetime = Field(default_factory=utcnow)


class Introduction(SQLModel, table=True):
    """A suggested or made introduction between two contacts who can help each other.

    `contact_a_id` offers what `contact_b_id` needs; one row per pair, whatever its status.
    """

    __table_args__ = (UniqueConstraint("contact_a_id", "contact_b_id", name="uq_introduction_pair"),)

    id: int | None = Field(default=None, primary_key=True)
    contact_a_id: int = Field(foreign_key="contact.id", index=True, ondelete="CASCADE")
    contact_b_id: int = Field(foreign_key="contact.id", index=True, ondelete="CASCADE")
    reason: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    status: str = Field(default="suggested", max_length=20)
    created_at: datetime = Field(default_factory=utcnow)


class Setting(SQLModel, table=True):
    """One user setting shared by the GUI and the CLI (weekly budget, cadences, keyword profiles)."""

    key: str = Field(primary_key=True, max_length=100)
    value: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    updated_at: datetime = Field(default_factory=utcnow)
