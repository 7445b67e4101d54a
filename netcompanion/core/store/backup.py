"""Backups of the SQLite database together with its card images, and restoring one.

Format: one zip file per backup, in the database's backups folder
(`settings.database_backups_dir`), named `<db stem>-<UTC time>Z[-N]-<reason>.zip`
(e.g. `netcompanion-20261122T213000Z-auto.zip`), readable by the user only (0600), holding

- `netcompanion.db`: a consistent copy made with SQLite's online backup API (never a file copy,
  so a write going on in another window cannot tear it), switched to rollback-journal mode so it
  is one self-contained file, and checked with `PRAGMA quick_check`;
- `cards/<sha256>.<ext>`: every card image the copy refers to (table `cardimage`);
- `manifest.json`: format, time, reason, schema revision, app version and the card list.

A backup is written under a temporary name and linked under its final name when complete, so a
crash never leaves half a backup behind. Reasons: `auto` (at start, when the newest backup is
older than a day), `manual` (`netcompanion backup`), `pre-upgrade` (always, before a schema
migration) and `pre-restore` (what a restore replaces).

Retention, applied after each `auto` or `manual` backup: the 7 newest backups, plus the newest
one of every calendar month (UTC).

Restore checks the file first (a NetCompanion backup zip or a plain NetCompanion database: it
passes `PRAGMA integrity_check` and its schema revision is one this version knows), keeps a
`pre-restore` backup of the database it replaces, adds the backup's card images to the cards
folder (content-hash names, hash verified; nothing is deleted there, since the folder may serve
other databases and the images stay in the pre-restore backup), then replaces the database in one
SQLite transaction through the backup API, so another open window sees either the old or the
restored data. Only a database too damaged to be written in place is replaced as a file.

Only SQLite databases are backed up here; a server database (PostgreSQL) has its own tools.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
import sqlite3
import tempfile
import zipfile
from collections.abc import Iterable
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import quote

from sqlalchemy.engine import make_url

from netcompanion import __version__
from netcompanion.core import settings
from netcompanion.core.clock import utcnow
from netcompanion.core.store.database import known_revisions, looks_damaged
from netcompanion.core.errors import DatabaseError

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
DB_MEMBER = "netcompanion.db"
MANIFEST_MEMBER = "manifest.json"
CARDS_PREFIX = "cards/"
KEEP_LAST = 7
AUTO_BACKUP_AGE = timedelta(days=1)
BUSY_TIMEOUT_SECONDS = 10.0
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


@dataclass(frozen=True)
class RestoreResult:
    """What a restore did: the file restored, the backup of what it replaced, the cards added."""

    restored_from: Path
    replaced_backup: BackupInfo | None
    revision: str
    cards_added: int


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


# --- making a backup ------------------------------------------------------------------------

def _connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    if read_only:
        return sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_SECONDS)
    return sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS)


def _check_result(connection: sqlite3.Connection, pragma: str) -> str:
    rows = [row[0] for row in connection.execute(f"PRAGMA {pragma}").fetchall()]
    return "ok" if rows == ["ok"] else "; ".join(str(row) for row in rows[:5])


def online_copy(source: Path, target: Path, *, foreign: bool = False) -> None:
    """Copy the database `source` into the new file `target` with SQLite's online backup API.

    The copy is one consistent snapshot even while another connection writes, and is switched to
    rollback-journal mode (one self-contained file). Our own database's copy must pass
    `PRAGMA quick_check`; a `foreign` file (one the user names) is opened read-only and is
    checked by the caller.
    """
    with closing(_connect(source, read_only=foreign)) as src, closing(_connect(target)) as dst:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")
        problem = "ok" if foreign else _check_result(dst, "quick_check")
    if problem != "ok":
        raise DatabaseError(f"the database {source} is damaged ({problem}); no backup was made of it.")
    os.chmod(target, 0o600)


def schema_revision(connection: sqlite3.Connection) -> str | None:
    """The Alembic revision stored in a NetCompanion database, or None when there is none."""
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.OperationalError:  # no such table
        return None
    return row[0] if row else None


def _referenced_cards(db_copy: Path) -> list[str]:
    with closing(_connect(db_copy, read_only=True)) as connection:
        try:
            rows = connection.execute("SELECT DISTINCT file_name FROM cardimage").fetchall()
        except sqlite3.OperationalError:  # a schema without card images
            return []
    return sorted({Path(str(name)).name for (name,) in rows if name})


def _revision_of(db_file: Path) -> str | None:
    with closing(_connect(db_file, read_only=True)) as connection:
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
    work = Path(tempfile.mkdtemp(prefix=".partial-", dir=folder))
    try:
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
        final = _link_under_free_name(temp_zip, folder, _safe_stem(db_file), created.strftime(_STAMP_FORMAT), reason)
    except OSError as exc:
        raise DatabaseError(f"cannot write a backup into {folder}: {exc.strerror or exc}") from exc
    finally:
        shutil.rmtree(work, ignore_errors=True)
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


# --- checking and restoring -----------------------------------------------------------------

def _extract_database(source: Path, target: Path) -> zipfile.ZipFile | None:
    """Put the database held by `source` (a backup zip or a database file) into `target`.

    Returns the open zip (for its cards) or None for a plain database file.
    """
    if zipfile.is_zipfile(source):
        archive = zipfile.ZipFile(source)
        if DB_MEMBER not in archive.namelist():
            archive.close()
            raise DatabaseError(f"{source} is not a NetCompanion backup (it holds no {DB_MEMBER}).")
        with archive.open(DB_MEMBER) as member, target.open("wb") as out:
            shutil.copyfileobj(member, out, 1 << 20)
        os.chmod(target, 0o600)
        return archive
    target.unlink(missing_ok=True)
    try:
        online_copy(source, target, foreign=True)
    except sqlite3.DatabaseError as exc:
        if "malformed" in str(exc):
            raise DatabaseError(f"{source} is damaged ({exc}); it was not restored.") from exc
        raise DatabaseError(f"{source} is not a NetCompanion backup or database ({exc}).") from exc
    return None


def check_restorable(db_file: Path, source: Path | None = None) -> str:
    """Check that `db_file` is a sound NetCompanion database this version can open; return its revision.

    Refuses a file that is not SQLite, fails `PRAGMA integrity_check`, has no NetCompanion schema,
    or was written by a newer NetCompanion.
    """
    shown = source or db_file
    try:
        with closing(_connect(db_file, read_only=True)) as connection:
            problem = _check_result(connection, "integrity_check")
            revision = schema_revision(connection)
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"{shown} is not a NetCompanion backup or database ({exc}).") from exc
    if problem != "ok":
        raise DatabaseError(f"{shown} is damaged ({problem}); it was not restored.")
    if revision is None or "contact" not in tables:
        raise DatabaseError(f"{shown} is not a NetCompanion database (no NetCompanion schema in it).")
    if revision not in known_revisions():
        raise DatabaseError(f"{shown} was written by a newer NetCompanion (schema {revision}); "
                            "update NetCompanion to restore it.")
    return revision


def _restore_cards(archive: zipfile.ZipFile | None) -> int:
    """Add the backup's card images missing from the cards folder (hash-checked); return how many."""
    if archive is None:
        return 0
    added = 0
    cards = settings.cards_dir()
    for name in archive.namelist():
        match = _CARD_MEMBER_RE.match(name)
        if not match:
            continue
        target = cards / f"{match['sha']}{match['suffix']}"
        if target.exists():
            continue
        handle, temp_name = tempfile.mkstemp(dir=cards, prefix=".incoming-")
        temp = Path(temp_name)
        digest = hashlib.sha256()
        with os.fdopen(handle, "wb") as out, archive.open(name) as member:
            for block in iter(lambda: member.read(1 << 20), b""):
                digest.update(block)
                out.write(block)
        if digest.hexdigest() != match["sha"]:
            temp.unlink()
            log.warning("skipped %s from the backup: its content does not match its name", name)
            continue
        os.chmod(temp, 0o600)
        os.replace(temp, target)
        added += 1
    return added


def _remove_side_files(db_file: Path) -> None:
    for suffix in ("-wal", "-shm", "-journal"):
        Path(f"{db_file}{suffix}").unlink(missing_ok=True)


def _replace_database(candidate: Path, db_file: Path) -> None:
    """Make `db_file` hold the database `candidate`, in one SQLite transaction when it can."""
    if db_file.exists():
        try:
            with closing(_connect(candidate, read_only=True)) as src, closing(_connect(db_file)) as dst:
                src.backup(dst)
            return
        except sqlite3.DatabaseError as exc:  # the current file is too damaged to be written
            log.warning("replacing %s as a file: %s", db_file, exc)
    _remove_side_files(db_file)
    os.replace(candidate, db_file)


def restore(source: Path | str, url: str | None = None) -> RestoreResult:
    """Replace the database named by `url` (and add its card images) with the backup `source`.

    The backup is checked before anything is touched, and what it replaces is kept first as a
    `pre-restore` backup. Close every connection of this process to the database beforehand.
    """
    source = Path(source).expanduser().resolve()
    if not source.is_file():
        raise DatabaseError(f"no backup file at {source}.")
    db_file = sqlite_file(url)
    db_file.parent.mkdir(parents=True, exist_ok=True)
    handle, candidate_name = tempfile.mkstemp(dir=db_file.parent, prefix=".restore-", suffix=".db")
    os.close(handle)
    candidate = Path(candidate_name)
    archive = None
    try:
        archive = _extract_database(source, candidate)
        revision = check_restorable(candidate, source)
        replaced = None
        if db_file.is_file() and db_file.stat().st_size > 0:
            replaced = create_backup(db_file, "pre-restore", prune=False, raw_fallback=True)
        cards_added = _restore_cards(archive)
        _replace_database(candidate, db_file)
        os.chmod(db_file, 0o600)
    except OSError as exc:
        raise DatabaseError(f"cannot restore {source}: {exc.strerror or exc}") from exc
    finally:
        if archive is not None:
            archive.close()
        candidate.unlink(missing_ok=True)
        _remove_side_files(candidate)
    log.info("restored %s from %s (previous database kept in %s)", db_file, source,
             replaced.path if replaced else "-")
    return RestoreResult(restored_from=source, replaced_backup=replaced, revision=revision, cards_added=cards_added)
