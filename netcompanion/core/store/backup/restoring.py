"""Restoring a backup (or a plain NetCompanion database file) in place of the database.

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
import logging
import os
import shutil
import sqlite3
import tempfile
import zipfile
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from netcompanion.core import settings
from netcompanion.core.errors import DatabaseError
from netcompanion.core.store.backup.files import (
    _CARD_MEMBER_RE, DB_MEMBER, BackupInfo, sqlite_file,
)
from netcompanion.core.store.backup.making import create_backup, online_copy
from netcompanion.core.store.migrations import known_revisions
from netcompanion.core.store.sqlite_files import check_result, connect, remove_side_files, schema_revision

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RestoreResult:
    """What a restore did: the file restored, the backup of what it replaced, the cards added."""

    restored_from: Path
    replaced_backup: BackupInfo | None
    revision: str
    cards_added: int


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
        with closing(connect(db_file, read_only=True)) as connection:
            problem = check_result(connection, "integrity_check")
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


def _replace_database(candidate: Path, db_file: Path) -> None:
    """Make `db_file` hold the database `candidate`, in one SQLite transaction when it can."""
    if db_file.exists():
        try:
            with closing(connect(candidate, read_only=True)) as src, closing(connect(db_file)) as dst:
                src.backup(dst)
            return
        except sqlite3.DatabaseError as exc:  # the current file is too damaged to be written
            log.warning("replacing %s as a file: %s", db_file, exc)
    remove_side_files(db_file)
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
        remove_side_files(candidate)
    log.info("restored %s from %s (previous database kept in %s)", db_file, source,
             replaced.path if replaced else "-")
    return RestoreResult(restored_from=source, replaced_backup=replaced, revision=revision, cards_added=cards_added)
