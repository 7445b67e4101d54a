"""Making a backup of the SQLite database together with its card images (see `files` for the format).

The database is copied with SQLite's online backup API (never a file copy, so a write going on in
another window cannot tear it), switched to rollback-journal mode so it is one self-contained
file, and checked with `PRAGMA quick_check`. A backup is written under a temporary name and linked
under its final name when complete, so a crash never leaves half a backup behind. Reasons: `auto`
(at start, when the newest backup is older than a day), `manual` (`netcompanion backup`),
`pre-upgrade` (always, before a schema migration) and `pre-restore` (what a restore replaces).
"""
from __future__ import annotations

import json
import logging
import os
import re
import sqlite3
import zipfile
from contextlib import closing
from datetime import datetime, timedelta, timezone
from pathlib import Path

from netcompanion import __version__
from netcompanion.core import settings
from netcompanion.core.clock import utcnow
from netcompanion.core.errors import DatabaseError
from netcompanion.core.store.backup.files import (
    _STAMP_FORMAT,
    AUTO_BACKUP_AGE,
    CARDS_PREFIX,
    DB_MEMBER,
    FORMAT_VERSION,
    MANIFEST_MEMBER,
    REASONS,
    BackupInfo,
    latest_backup,
    prune_backups,
)
from netcompanion.core.store.sqlite_files import check_result, connect, looks_damaged, schema_revision
from netcompanion.core.store.temp_files import PARTIAL_PREFIX, temp_folder

log = logging.getLogger(__name__)


def online_copy(source: Path, target: Path, *, foreign: bool = False) -> None:
    """Copy the database `source` into the new file `target` with SQLite's online backup API.

    The copy is one consistent snapshot even while another connection writes, and is switched to
    rollback-journal mode (one self-contained file). Our own database's copy must pass
    `PRAGMA quick_check`; a `foreign` file (one the user names) is opened read-only and is
    checked by the caller.
    """
    with closing(connect(source, read_only=foreign)) as src, closing(connect(target)) as dst:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")
        problem = "ok" if foreign else check_result(dst, "quick_check")
    if problem != "ok":
        raise DatabaseError(f"the database {source} is damaged ({problem}); no backup was made of it.")
    os.chmod(target, 0o600)


def _referenced_cards(db_copy: Path) -> list[str]:
    with closing(connect(db_copy, read_only=True)) as connection:
        try:
            rows = connection.execute("SELECT DISTINCT file_name FROM cardimage").fetchall()
        except sqlite3.OperationalError:  # a schema without card images
            return []
    return sorted({Path(str(name)).name for (name,) in rows if name})


def _revision_of(db_file: Path) -> str | None:
    with closing(connect(db_file, read_only=True)) as connection:
        return schema_revision(connection)


def _write_zip(target: Path, db_copy: Path, cards: list[str], manifest: dict[str, object]) -> None:
    missing = []
    with zipfile.ZipFile(target, "w") as archive:
        archive.write(db_copy, DB_MEMBER, compress_type=zipfile.ZIP_DEFLATED)
        for name in cards:
            image = settings.cards_dir() / name
            if image.is_file():
                archive.write(image, CARDS_PREFIX + name, compress_type=zipfile.ZIP_STORED)
            else:
                missing.append(name)
        if missing:
            log.warning("%d card image(s) referenced by the database are missing from %s",
                        len(missing), settings.cards_dir())
        manifest = {**manifest, "cards": [c for c in cards if c not in missing], "missing_cards": missing}
        archive.writestr(MANIFEST_MEMBER, json.dumps(manifest, indent=2), compress_type=zipfile.ZIP_DEFLATED)


def _write_raw_zip(target: Path, db_file: Path, manifest: dict[str, object]) -> None:
    """A byte copy of a database too damaged for the backup API (kept so nothing is lost)."""
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for suffix in ("", "-wal"):
            part = Path(f"{db_file}{suffix}")
            if part.is_file():
                archive.write(part, DB_MEMBER + suffix)
        archive.writestr(MANIFEST_MEMBER, json.dumps({**manifest, "raw": True, "cards": []}, indent=2))


def _fsync(path: Path) -> None:
    with path.open("rb") as handle:
        os.fsync(handle.fileno())


def _publish(temp: Path, final: Path) -> None:
    """Move `temp` to `final`, raising FileExistsError rather than replacing an existing file."""
    try:
        os.link(temp, final)
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links (FAT): reserve the name, then replace it
        os.close(os.open(final, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        os.replace(temp, final)
        return
    temp.unlink()


def _link_under_free_name(temp: Path, folder: Path, stem: str, stamp: str, reason: str) -> Path:
    """Give the finished `temp` its final name (never over an existing backup); return that name."""
    for n in range(1, 1000):
        name = f"{stem}-{stamp}-{reason}.zip" if n == 1 else f"{stem}-{stamp}-{n}-{reason}.zip"
        final = folder / name
        try:
            _publish(temp, final)
        except FileExistsError:
            continue
        return final
    raise DatabaseError(f"too many backups made at {stamp} in {folder}")


def _safe_stem(db_file: Path) -> str:
    return re.sub(r"[^A-Za-z0-9_.]+", "_", db_file.stem)[:40] or "database"


def create_backup(db_file: Path, reason: str = "manual", *, now: datetime | None = None,
                  prune: bool = True, raw_fallback: bool = False) -> BackupInfo:
    """Back up the SQLite file `db_file` and its card images into one zip; return the new backup.

    With `raw_fallback`, a database the backup API cannot read is kept as a byte copy instead
    (before a restore replaces it). With `prune`, old backups are then thinned out.
    """
    if reason not in REASONS:
        raise ValueError(f"unknown backup reason {reason!r}")
    db_file = Path(db_file).resolve()
    if not db_file.is_file():
        raise DatabaseError(f"there is no database at {db_file} to back up.")
    folder = settings.database_backups_dir(db_file)
    created = (now or utcnow()).astimezone(timezone.utc)
    manifest: dict[str, object] = {"format": FORMAT_VERSION, "created_at": created.isoformat(), "reason": reason,
                                   "app_version": __version__, "database": str(db_file)}
    try:
        with temp_folder(folder, PARTIAL_PREFIX) as work:  # removed on every path; swept after a kill
            temp_zip = work / "backup.zip"
            try:
                db_copy = work / DB_MEMBER
                online_copy(db_file, db_copy)
                manifest["revision"] = _revision_of(db_copy)
                _write_zip(temp_zip, db_copy, _referenced_cards(db_copy), manifest)
            except (sqlite3.DatabaseError, DatabaseError) as exc:
                if not (raw_fallback and looks_damaged(str(exc))):
                    raise _backup_error(db_file, exc) from exc
                log.warning("keeping a byte copy of %s, which SQLite cannot read: %s", db_file, exc)
                _write_raw_zip(temp_zip, db_file, manifest)
            os.chmod(temp_zip, 0o600)
            _fsync(temp_zip)
            final = _link_under_free_name(temp_zip, folder, _safe_stem(db_file), created.strftime(_STAMP_FORMAT),
                                          reason)
    except OSError as exc:
        raise DatabaseError(f"cannot write a backup into {folder}: {exc.strerror or exc}") from exc
    log.info("backed up %s to %s", db_file, final)
    if prune:
        prune_backups(db_file)
    return BackupInfo(path=final, created_at=created.replace(microsecond=0), reason=reason)


def _backup_error(db_file: Path, exc: Exception) -> DatabaseError:
    if isinstance(exc, DatabaseError):
        return exc
    return DatabaseError(f"cannot back up {db_file}: {exc}")


def backup_if_due(db_file: Path, *, now: datetime | None = None, max_age: timedelta = AUTO_BACKUP_AGE
                  ) -> BackupInfo | None:
    """Make an `auto` backup when the newest backup of `db_file` is older than `max_age` (or none exists)."""
    now = now or utcnow()
    latest = latest_backup(db_file)
    if latest is not None and now - latest.created_at < max_age:
        return None
    return create_backup(db_file, "auto", now=now)


def backup_at_start(db_file: Path, *, upgrading: bool) -> BackupInfo | None:
    """The backup made when a database is opened: always before a migration, else once a day.

    A failed pre-upgrade backup stops the opening (no migration without a backup); a failed daily
    backup is only logged, so a full backups disk does not keep the user from their contacts.
    """
    if upgrading:
        try:
            return create_backup(db_file, "pre-upgrade")
        except DatabaseError as exc:
            raise DatabaseError(f"{exc} The database was not upgraded (it is always backed up first); "
                                "it is left as it was.") from exc
    try:
        return backup_if_due(db_file)
    except DatabaseError as exc:
        log.warning("the daily backup failed: %s", exc)
        return None


