"""Backup files: where the backups of a database are, their names, and which ones are kept.

Format: one zip file per backup, in the database's backups folder
(`settings.database_backups_dir`), named `<db stem>-<UTC time>Z[-N]-<reason>.zip`
(e.g. `netcompanion-20261122T213000Z-auto.zip`), readable by the user only (0600), holding

- `netcompanion.db`: a consistent copy made with SQLite's online backup API;
- `cards/<sha256>.<ext>`: every card image the copy refers to (table `cardimage`);
- `manifest.json`: format, time, reason, schema revision, app version and the card list.

Retention, applied after each `auto` or `manual` backup: the 7 newest backups, plus the newest
one of every calendar month (UTC).
"""
from __future__ import annotations

import logging
import re
import shlex
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy.engine import make_url

from netcompanion.core import settings
from netcompanion.core.errors import DatabaseError

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
DB_MEMBER = "netcompanion.db"
MANIFEST_MEMBER = "manifest.json"
CARDS_PREFIX = "cards/"
KEEP_LAST = 7
AUTO_BACKUP_AGE = timedelta(days=1)
REASONS = ("auto", "manual", "pre-upgrade", "pre-restore")

_STAMP_FORMAT = "%Y%m%dT%H%M%SZ"
_NAME_RE = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}T\d{6}Z)(?:-(?P<n>\d+))?-(?P<reason>[a-z][a-z-]*)\.zip$")
_CARD_MEMBER_RE = re.compile(r"^cards/(?P<sha>[0-9a-f]{64})(?P<suffix>\.[a-z]{2,5})$")



@dataclass(frozen=True)
class BackupInfo:
    """One backup file: where it is, when it was made (UTC) and why."""

    path: Path
    created_at: datetime
    reason: str

    @property
    def size(self) -> int:
        return self.path.stat().st_size

    def to_dict(self) -> dict[str, object]:
        return {"path": str(self.path), "created_at": self.created_at.isoformat(), "reason": self.reason,
                "size": self.size}


# --- which database -------------------------------------------------------------------------

def sqlite_file(url: str | None = None) -> Path:
    """The SQLite file of the database named by `url` (or the settings); refuses other databases."""
    parsed = make_url(settings.database_url(url))
    if parsed.get_backend_name() != "sqlite":
        raise DatabaseError(
            f"backups and restore work on a SQLite database only, and this one is {parsed.get_backend_name()}: "
            "use the database server's own tools (for PostgreSQL, pg_dump and pg_restore).")
    if parsed.database in (None, "", ":memory:"):
        raise DatabaseError("an in-memory database has nothing to back up or restore.")
    return Path(parsed.database).expanduser().resolve()


# --- listing and retention ------------------------------------------------------------------

def parse_backup_name(path: Path) -> BackupInfo | None:
    """The BackupInfo a backup file name describes, or None for a file that is not a backup."""
    match = _NAME_RE.match(path.name)
    if not match:
        return None
    created = datetime.strptime(match["stamp"], _STAMP_FORMAT).replace(tzinfo=timezone.utc)
    return BackupInfo(path=path, created_at=created, reason=match["reason"])


def list_backups(db_file: Path) -> list[BackupInfo]:
    """The backups of `db_file`, newest first."""
    folder = settings.database_backups_dir(db_file)
    infos = [info for path in folder.glob("*.zip") if (info := parse_backup_name(path))]
    return sorted(infos, key=lambda info: (info.created_at, info.path.name), reverse=True)


def latest_backup(db_file: Path) -> BackupInfo | None:
    """The newest backup of `db_file`, if any."""
    backups = list_backups(db_file)
    return backups[0] if backups else None


def backups_to_keep(backups: Iterable[BackupInfo], keep_last: int = KEEP_LAST) -> list[BackupInfo]:
    """The backups the retention rule keeps: the `keep_last` newest plus the newest of each month."""
    newest_first = sorted(backups, key=lambda info: (info.created_at, info.path.name), reverse=True)
    keep = newest_first[:keep_last]
    months_seen: set[tuple[int, int]] = set()
    for info in newest_first:
        month = (info.created_at.year, info.created_at.month)
        if month not in months_seen:
            months_seen.add(month)
            if info not in keep:
                keep.append(info)
    return sorted(keep, key=lambda info: (info.created_at, info.path.name), reverse=True)


def prune_backups(db_file: Path, keep_last: int = KEEP_LAST) -> list[Path]:
    """Delete the backups of `db_file` the retention rule does not keep; return the deleted paths."""
    backups = list_backups(db_file)
    kept = set(backups_to_keep(backups, keep_last))
    removed = []
    for info in backups:
        if info not in kept:
            info.path.unlink(missing_ok=True)
            removed.append(info.path)
            log.info("removed old backup %s", info.path)
    return removed



def restore_hint(path: Path) -> str:
    """What to tell a user whose database at `path` is damaged: the newest backup to restore, if any."""
    try:
        latest = latest_backup(path)
    except OSError:
        latest = None
    if latest is None:
        return ("No backup of it exists; keep a copy of the file before trying anything "
                "(the sqlite3 tool's .recover command can often save most of it).")
    default = (settings.data_dir() / settings.DB_FILE_NAME).resolve()
    db_option = "" if path == default else f" --db {shlex.quote(str(path))}"
    return (f"Restore the newest backup ({latest.created_at:%Y-%m-%d %H:%M} UTC) with: "
            f"netcompanion{db_option} restore {shlex.quote(str(latest.path))}")
