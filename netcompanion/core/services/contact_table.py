"""The contacts table as the GUI shows it: one light row per contact, read in a few queries."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import col, func, select

from netcompanion.core.clock import as_utc
from netcompanion.core.search import fold
from netcompanion.core.services.base import Service
from netcompanion.core.store.models import Contact, ContactEmail, ContactGoal, Encounter, Goal, Interaction


@dataclass
class ContactRow:
    """What the contacts table needs of one contact, and what its filters look at."""

    id: int
    full_name: str
    title: str
    company: str
    email: str
    tier: str
    archived: bool
    search_text: str
    goals: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    event_ids: set[int] = field(default_factory=set)
    last_contact: datetime | None = None

    @property
    def label(self) -> str:
        """The name column: the name, else (for a contact with no company either) the e-mail address."""
        return self.full_name or ("" if self.company else self.email)

    def matches(self, words: list[str], goal: str = "", tier: str = "", event_id: int | None = None,
                tag: str = "") -> bool:
        """True when the row passes every filter given (words are folded search words)."""
        if goal and goal not in self.goals:
            return False
        if tier and self.tier != tier:
            return False
        if event_id is not None and event_id not in self.event_ids:
            return False
        if tag and tag not in self.tags:
            return False
        return all(word in self.search_text for word in words)


def search_words(text: str) -> list[str]:
    """The folded words of what the user typed into a search field."""
    return fold(text).split()


class ContactTableService(Service):
    """Reads every contact as a ContactRow."""

    def rows(self, include_archived: bool = True) -> list[ContactRow]:
        with self.db.transaction() as session:
            query = select(Contact.id, Contact.full_name, Contact.title, Contact.company, Contact.tier,
                           Contact.archived, Contact.search_text, Contact.tags)
            if not include_archived:
                query = query.where(Contact.archived == False)  # noqa: E712
            rows = {r[0]: ContactRow(id=r[0], full_name=r[1], title=r[2], company=r[3], email="", tier=r[4],
                                     archived=r[5], search_text=r[6], tags=list(r[7] or []))
                    for r in session.exec(query)}
            for contact_id, address in session.exec(
                    select(ContactEmail.contact_id, ContactEmail.address).where(ContactEmail.checked == True)  # noqa: E712
                    .order_by(col(ContactEmail.position).desc())):
                if contact_id in rows:
                    rows[contact_id].email = address
            for contact_id, key in session.exec(
                    select(ContactGoal.contact_id, Goal.key).join(Goal, Goal.id == ContactGoal.goal_id)):
                if contact_id in rows:
                    rows[contact_id].goals.append(key)
            for contact_id, event_id in session.exec(
                    select(Encounter.contact_id, Encounter.event_id).where(col(Encounter.event_id).is_not(None)).distinct()):
                if contact_id in rows:
                    rows[contact_id].event_ids.add(event_id)
            for contact_id, last in session.exec(
                    select(Interaction.contact_id, func.max(Interaction.happened_at)).group_by(Interaction.contact_id)):
                if contact_id in rows and last is not None:
                    rows[contact_id].last_contact = as_utc(last)
            return sorted(rows.values(), key=lambda r: (r.label.casefold() or r.company.casefold(), r.id))
