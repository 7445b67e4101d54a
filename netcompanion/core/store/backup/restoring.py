"""Restoring a backup (or a plain NetCompanion database file) in place of the database.

Restore checks the file first (a NetCompanion backup zip or a plain NetCompanion database: it
passes `PRAGMA integrity_check` and its schema revision is one this version knows), adds the
backup's card images to the cards folder (content-hash names, hash verified; nothing is deleted
there, since the folder may serve other databases and the images stay in the pre-restore backup),
keeps a `pre-restore` backup of the database it replaces, then replaces the database in one
SQLite transaction through the backup API, so another open window sees either the old or the
restored data. Only a database too damaged to be written in place is replaced as a file.

Hostile or damaged files are refused before anything is replaced, each with a message:
- the file is read through `user_files` (regular files only: no device, FIFO or socket);
- a zip is read within the limits of `archive` (members, sizes declared and actual, methods);
- what it would unpack must fit in the free disk space, with `DISK_RESERVE_BYTES` to spare;
- the database in it must hold exactly the tables and columns our migrations make at its
  revision (`schema_check`), not only claim a revision.
Temporary files (the database copy, incoming card images) are removed on every path, and swept
at the next start after a kill (`temp_files`).

Only SQLite databases are backed up here; a server database (PostgreSQL) has its own tools.
"""
from __future__ import annotations

import hashlib
import logging
import os
import shutil
import sqlite3
import zipfile
from collections.abc import Callable
from contextlib import ExitStack, closing
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from netcompanion.core import settings
from netcompanion.core.errors import DatabaseError
from netcompanion.core.store.backup.archive import (
    MAX_CARD_BYTES,
    MAX_DATABASE_BYTES,
    check_member,
    copy_member,
    open_archive,
)
from netcompanion.core.store.backup.files import (
    _CARD_MEMBER_RE,
    DB_MEMBER,
    BackupInfo,
    sqlite_file,
)
from netcompanion.core.store.backup.making import create_backup, online_copy
from netcompanion.core.store.migrations import known_revisions
from netcompanion.core.store.schema_check import expected_schema, schema_differences, schema_of
from netcompanion.core.store.sqlite_files import check_result, connect, remove_side_files, schema_revision
from netcompanion.core.store.temp_files import INCOMING_PREFIX, RESTORE_PREFIX, temp_file
from netcompanion.user_files import UserFileError, describe_size, open_user_file

log = logging.getLogger(__name__)

DISK_RESERVE_BYTES = 64 * 1024 * 1024  # left free on each disk after a restore


@dataclass(frozen=True)
class RestoreResult:
    """What a restore did: the file restored, the backup of what it replaced, the cards added."""

    restored_from: Path
    replaced_backup: BackupInfo | None
    revision: str
    cards_added: int


@dataclass(frozen=True)
class _Plan:
    """What a backup zip would unpack: its database member and the card images not stored yet."""

    database: zipfile.ZipInfo
    cards: list[tuple[zipfile.ZipInfo, str, Path]]  # (member, its sha256, where it goes)


def _plan(archive: zipfile.ZipFile, source: Path) -> _Plan:
    """Check the members a restore reads (sizes, methods, encryption) before anything is written."""
    database = None
    cards = []
    folder = settings.cards_dir()
    for info in archive.infolist():
        if info.filename == DB_MEMBER:
            check_member(info, MAX_DATABASE_BYTES, source)
            database = info
        elif match := _CARD_MEMBER_RE.match(info.filename):
            target = folder / f"{match['sha']}{match['suffix']}"
            if not target.exists():
                check_member(info, MAX_CARD_BYTES, source)
                cards.append((info, match["sha"], target))
    if database is None:
        raise DatabaseError(f"{source} is not a NetCompanion backup (it holds no {DB_MEMBER}).")
    return _Plan(database, cards)


def _free_bytes(folder: Path) -> tuple[int, int]:
    """(device, free bytes) of the disk holding `folder`."""
    return folder.stat().st_dev, shutil.disk_usage(folder).free


def _check_room(source: Path, db_file: Path, database_bytes: int, card_bytes: int) -> None:
    """Refuse a restore whose files would not fit on their disks (with the reserve left free).

    The database folder takes the unpacked copy and, while it is copied in, the database growing to
    its size; the backups folder takes the pre-restore backup; the cards folder the new images.
    """
    current = db_file.stat().st_size if db_file.is_file() else 0
    needs = [(db_file.parent, 2 * database_bytes), (settings.database_backups_dir(db_file), current),
             (settings.cards_dir(), card_bytes)]
    per_disk: dict[int, tuple[int, int, Path]] = {}
    for folder, amount in needs:
        device, free = _free_bytes(folder)
        needed, _free, first = per_disk.get(device, (0, free, folder))
        per_disk[device] = (needed + amount, free, first)
    for needed, free, folder in per_disk.values():
        if needed + DISK_RESERVE_BYTES > free:
            raise DatabaseError(
                f"restoring {source} needs {describe_size(needed)} on the disk holding {folder}, and only "
                f"{describe_size(free)} is free (NetCompanion keeps {describe_size(DISK_RESERVE_BYTES)} free). "
                "Nothing was changed; free some space and try again.")


def _unpack_database(archive: zipfile.ZipFile, plan: _Plan, target: Path, source: Path) -> None:
    with target.open("wb") as out:
        copy_member(archive, plan.database, out.write, MAX_DATABASE_BYTES, source)
    os.chmod(target, 0o600)


def _copy_plain_database(source: Path, target: Path) -> None:
    """Copy the plain database file `source` into `target` (SQLite reads it; it is checked later)."""
    target.unlink(missing_ok=True)
    try:
        online_copy(source, target, foreign=True)
    except sqlite3.DatabaseError as exc:
        if "malformed" in str(exc):
            raise DatabaseError(f"{source} is damaged ({exc}); it was not restored.") from exc
        raise DatabaseError(f"{source} is not a NetCompanion backup or database ({exc}).") from exc


def check_restorable(db_file: Path, source: Path | None = None) -> str:
    """Check that `db_file` is a sound NetCompanion database this version can open; return its revision.

    Refuses a file that is not SQLite, fails `PRAGMA integrity_check`, was written by a newer
    NetCompanion, or whose tables and columns are not the ones our migrations make at its revision.
    """
    shown = source or db_file
    try:
        with closing(connect(db_file, read_only=True)) as connection:
            problem = check_result(connection, "integrity_check")
            revision = schema_revision(connection)
            found = schema_of(connection)
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"{shown} is not a NetCompanion backup or database ({exc}).") from exc
    if problem != "ok":
        raise DatabaseError(f"{shown} is damaged ({problem}); it was not restored.")
    if revision is None or "contact" not in found:
        raise DatabaseError(f"{shown} is not a NetCompanion database (no NetCompanion schema in it).")
    if revision not in known_revisions():
        raise DatabaseError(f"{shown} was written by a newer NetCompanion (schema {revision}); "
                            "update NetCompanion to restore it.")
    if differences := schema_differences(found, expected_schema(revision)):
        raise DatabaseError(f"{shown} is not a NetCompanion database: it says schema {revision}, but its tables "
                            f"are not the ones NetCompanion makes ({'; '.join(differences[:3])}). "
                            "It was not restored; nothing was changed.")
    return revision


def _hashing_writer(out: BinaryIO, digest: hashlib._Hash) -> Callable[[bytes], None]:
    """A function writing each block to `out` and adding it to `digest`."""
    def write(block: bytes) -> None:
        digest.update(block)
        out.write(block)
    return write


def _restore_cards(archive: zipfile.ZipFile, plan: _Plan, source: Path) -> int:
    """Add the backup's card images missing from the cards folder (hash-checked); return how many.

    Each goes through a temporary file, removed whatever happens (a full disk, a damaged member).
    """
    added = 0
    for info, sha, target in plan.cards:
        if target.exists():  # the same image twice in the zip
            continue
        with temp_file(target.parent, INCOMING_PREFIX) as temp:
            digest = hashlib.sha256()
            with temp.open("wb") as out:
                copy_member(archive, info, _hashing_writer(out, digest), MAX_CARD_BYTES, source)
            if digest.hexdigest() != sha:
                log.warning("skipped %s from the backup: its content does not match its name", info.filename)
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
            if "full" in str(exc).lower():
                raise DatabaseError(f"the disk holding {db_file} is full; the database was left as it was. "
                                    "Free some space and try again.") from exc
            log.warning("replacing %s as a file: %s", db_file, exc)
    remove_side_files(db_file)
    os.replace(candidate, db_file)


def _open_source(source: Path) -> BinaryIO:
    try:
        return open_user_file(source)
    except UserFileError as exc:
        raise DatabaseError(f"cannot restore: {exc}.") from exc


def restore(source: Path | str, url: str | None = None) -> RestoreResult:
    """Replace the database named by `url` (and add its card images) with the backup `source`.

    The backup is checked before anything is touched, and what it replaces is kept first as a
    `pre-restore` backup. Close every connection of this process to the database beforehand.
    """
    source = Path(source).expanduser().resolve()
    db_file = sqlite_file(url)
    try:
        db_file.parent.mkdir(parents=True, exist_ok=True)
        with ExitStack() as cleanup:
            stream = cleanup.enter_context(_open_source(source))
            candidate = cleanup.enter_context(temp_file(db_file.parent, RESTORE_PREFIX, ".db"))
            cleanup.callback(remove_side_files, candidate)
            archive = plan = None
            if (opened := open_archive(stream, source)) is not None:
                archive = cleanup.enter_context(opened)
                plan = _plan(archive, source)
                _check_room(source, db_file, plan.database.file_size, sum(info.file_size for info, _, _ in plan.cards))
                _unpack_database(archive, plan, candidate, source)
            else:
                _check_room(source, db_file, source.stat().st_size, 0)
                _copy_plain_database(source, candidate)
            revision = check_restorable(candidate, source)
            # the cards before the pre-restore backup: a bad one stops the restore with nothing replaced
            cards_added = _restore_cards(archive, plan, source) if archive is not None and plan is not None else 0
            replaced = None
            if db_file.is_file() and db_file.stat().st_size > 0:
                replaced = create_backup(db_file, "pre-restore", prune=False, raw_fallback=True)
            _replace_database(candidate, db_file)
            os.chmod(db_file, 0o600)
    except OSError as exc:
        raise DatabaseError(f"cannot restore {source}: {exc.strerror or exc}. The database was left as it was."
                            ) from exc
    log.info("restored %s from %s (previous database kept in %s)", db_file, source,
             replaced.path if replaced else "-")
    return RestoreResult(restored_from=source, replaced_backup=replaced, revision=revision, cards_added=cards_added)
