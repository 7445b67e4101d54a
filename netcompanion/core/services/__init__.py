"""The services: every read and write the GUI and the CLI do goes through one of these."""
from __future__ import annotations

from netcompanion.core.database import Database
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
    """All services over one database, as the GUI and the CLI use them."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.goals = GoalService(db)
        self.contacts = ContactService(db)
        self.contact_table = ContactTableService(db)
        self.events = EventService(db)
        self.encounters = EncounterService(db)
        self.interactions = InteractionService(db)
        self.followups = FollowUpService(db)
        self.cards = CardService(db)
        self.preferences = PreferenceService(db)
        self.planning = PlanningService(db)
        self.network = NetworkService(db)
        self.transfer = TransferService(db)

    def is_empty(self) -> bool:
        """True when the database holds no contact and no event yet (first start)."""
        return not self.contacts.list(limit=1, include_archived=True) and not self.events.list()


def open_services(url: str | None = None, *, daily_backup: bool = True) -> Services:
    """Open (and upgrade) the database named by `url` or the settings, and its services."""
    return Services(Database.open(url, daily_backup=daily_backup))
