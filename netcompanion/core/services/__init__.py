"""The services: every read and write the GUI and the CLI do goes through one of these."""
from __future__ import annotations

from netcompanion.core import settings
from netcompanion.core.store.database import Database
from netcompanion.core.services.cards import CardService
from netcompanion.core.services.contact_table import ContactTableService
from netcompanion.core.services.contacts import ContactFields, ContactService, contact_to_dict
from netcompanion.core.services.encounters import EncounterService
from netcompanion.core.services.events import EventService, event_to_dict
from netcompanion.core.services.followups import FollowUpService
from netcompanion.core.services.goals import GoalService
from netcompanion.core.services.interactions import InteractionService
from netcompanion.core.services.network import NetworkService
from netcompanion.core.services.planning import PlanningService
from netcompanion.core.services.preferences import PreferenceService
from netcompanion.core.services.merge import TransferService

__all__ = ["Services", "ContactFields", "contact_to_dict", "event_to_dict", "open_services"]


class Services:
    """All services over one database, as the GUI and the CLI use them, acting for `user`
    (`NETCOMPANION_USER`, else the OS user): the owner of what they create on a shared database."""

    def __init__(self, db: Database, user: str | None = None) -> None:
        self.db = db
        self.user = settings.current_user() if user is None else user
        self.goals = GoalService(db, self.user)
        self.contacts = ContactService(db, self.user)
        self.contact_table = ContactTableService(db, self.user)
        self.events = EventService(db, self.user)
        self.encounters = EncounterService(db, self.user)
        self.interactions = InteractionService(db, self.user)
        self.followups = FollowUpService(db, self.user)
        self.cards = CardService(db, self.user)
        self.preferences = PreferenceService(db, self.user)
        self.planning = PlanningService(db, self.user)
        self.network = NetworkService(db, self.user)
        self.transfer = TransferService(db, self.user)

    def is_empty(self) -> bool:
        """True when the database holds no contact and no event yet (first start)."""
        return not self.contacts.list(limit=1, include_archived=True) and not self.events.list()


def open_services(url: str | None = None, *, daily_backup: bool = True, user: str | None = None) -> Services:
    """Open (and upgrade) the database named by `url` or the settings, and its services for `user`."""
    return Services(Database.open(url, daily_backup=daily_backup), user)
