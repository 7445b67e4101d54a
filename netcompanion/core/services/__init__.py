"""The services: every read and write the GUI and the CLI do goes through one of these."""
from __future__ import annotations

import logging
from pathlib import Path

from netcompanion.core import settings
from netcompanion.core.services.activity_log import ActivityLogService
from netcompanion.core.services.cards import CardService
from netcompanion.core.services.contact_table import ContactTableService
from netcompanion.core.services.contacts import ContactService, contact_to_dict
from netcompanion.core.services.draft_templates import DraftTemplateService
from netcompanion.core.services.encounters import EncounterService
from netcompanion.core.services.events import EventService, event_to_dict
from netcompanion.core.services.file_import import TransferService
from netcompanion.core.services.followups import FollowUpService
from netcompanion.core.services.goals import GoalService
from netcompanion.core.services.incoming import ContactFields
from netcompanion.core.services.interactions import InteractionService
from netcompanion.core.services.network import NetworkService
from netcompanion.core.services.planning import PlanningService
from netcompanion.core.services.preferences import PreferenceService
from netcompanion.core.services.reminders import ReminderSettingsService
from netcompanion.core.store import backup, temp_files
from netcompanion.core.store.database import Database

log = logging.getLogger(__name__)

__all__ = ["Services", "ContactFields", "contact_to_dict", "event_to_dict", "open_database", "open_services",
           "restore_and_open"]


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
        self.reminders = ReminderSettingsService(db, self.user)
        self.activity_log = ActivityLogService(db, self.user)
        self.drafts = DraftTemplateService(db, self.user)

    def is_empty(self) -> bool:
        """True when the database holds no contact and no event yet (first start)."""
        return not self.contacts.list(limit=1, include_archived=True) and not self.events.list()


def open_database(url: str | None = None, *, daily_backup: bool = True) -> Database:
    """Open the database named by `url` or the settings, backed up as the app's policy says, and upgraded.

    A SQLite file is backed up before any schema upgrade (no migration without a backup) and,
    with `daily_backup`, when its newest backup is a day old. A damaged file's message names the
    backup to restore. What a killed restore, card import or backup left behind is swept first.
    """
    db = Database.open(url, migrate=False, explain_damage=backup.restore_hint)
    try:
        if db.sqlite_path is not None:
            _sweep_leftovers(db.sqlite_path)
        db.check_understood()
        if db.sqlite_path is not None and db.current_revision() is not None:
            upgrading = db.needs_upgrade()
            if upgrading or daily_backup:
                backup.backup_at_start(db.sqlite_path, upgrading=upgrading)
        db.upgrade()
    except BaseException:
        db.dispose()
        raise
    return db


def _sweep_leftovers(db_file: Path) -> None:
    try:
        temp_files.sweep_leftovers(db_file)
    except OSError as exc:  # a folder we cannot list: the files stay, the database opens all the same
        log.warning("cannot sweep the temporary files of %s: %s", db_file, exc)


def open_services(url: str | None = None, *, daily_backup: bool = True, user: str | None = None) -> Services:
    """Open (back up, upgrade) the database named by `url` or the settings, and its services for `user`."""
    return Services(open_database(url, daily_backup=daily_backup), user)


def restore_and_open(source: Path, url: str | None = None) -> Services:
    """Replace the database named by `url` (one that cannot be opened) with the backup `source`,
    keeping what it replaces as a backup first, and open the restored database."""
    backup.restore(source, url)
    return open_services(url)
