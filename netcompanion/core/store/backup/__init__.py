"""Backups of the SQLite database with its card images: the files (`files`), making one
(`making`) and restoring one (`restoring`). Callers use the names re-exported here.
"""
from __future__ import annotations

from netcompanion.core.store.backup.files import (
    AUTO_BACKUP_AGE,
    CARDS_PREFIX,
    DB_MEMBER,
    FORMAT_VERSION,
    KEEP_LAST,
    MANIFEST_MEMBER,
    REASONS,
    BackupInfo,
    backups_to_keep,
    latest_backup,
    list_backups,
    parse_backup_name,
    prune_backups,
    restore_hint,
    sqlite_file,
)
from netcompanion.core.store.backup.making import backup_at_start, backup_if_due, create_backup, online_copy
from netcompanion.core.store.backup.restoring import RestoreResult, check_restorable, restore

__all__ = [
    "AUTO_BACKUP_AGE", "CARDS_PREFIX", "DB_MEMBER", "FORMAT_VERSION", "KEEP_LAST", "MANIFEST_MEMBER", "REASONS",
    "BackupInfo", "RestoreResult", "backup_at_start", "backup_if_due", "backups_to_keep", "check_restorable",
    "create_backup", "latest_backup", "list_backups", "online_copy", "parse_backup_name", "prune_backups",
    "restore", "restore_hint", "sqlite_file",
]
