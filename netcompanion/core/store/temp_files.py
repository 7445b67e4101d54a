"""Temporary files of the data folder, and the sweep of the ones a killed process left behind.

Three kinds are written under a temporary name and renamed (or deleted) when done: a restore's
copy of the database (`.restore-*.db`, next to the database), a card image being added
(`cards/.incoming-*`) and a backup being made (`.partial-*` folders in the backups folder).
Each is removed on every error path by the block that made it; a `kill -9` or a power cut can
still leave one, and a restore's copy is as big as a database, so they are swept when the
database is opened (`sweep_leftovers`).

A writer holds an exclusive `flock` on its temporary file (or folder) while it works: the kernel
drops it when the process dies, so the sweep removes only what no living process holds, and never
a file a second window is writing right now. Where `flock` does not exist (Windows, where an open
file cannot be deleted anyway) only left-overs older than a day are removed.
"""
from __future__ import annotations

import logging
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from netcompanion.core import settings

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger(__name__)

RESTORE_PREFIX = ".restore-"
INCOMING_PREFIX = ".incoming-"
PARTIAL_PREFIX = ".partial-"
MIN_AGE_SECONDS = 60.0  # younger left-overs are kept: the writer may not hold its lock yet
UNLOCKED_AGE_SECONDS = 24 * 3600.0  # without flock, only what is older than this counts as left over


def _hold(fd: int) -> None:
    """Take the writer's lock on the open file or folder `fd` (released when the process ends)."""
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _open_for_lock(path: Path) -> int:
    return os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))


@contextmanager
def temp_file(folder: Path, prefix: str, suffix: str = "") -> Iterator[Path]:
    """A new empty file (0600) in `folder`, held for the block; removed when the block ends, unless
    the block renamed it to its final name."""
    handle, name = tempfile.mkstemp(dir=folder, prefix=prefix, suffix=suffix)
    path = Path(name)
    try:
        _hold(handle)
        yield path
    finally:
        os.close(handle)
        path.unlink(missing_ok=True)


@contextmanager
def temp_folder(folder: Path, prefix: str) -> Iterator[Path]:
    """A new private folder in `folder`, held for the block and removed with its content at the end."""
    path = Path(tempfile.mkdtemp(prefix=prefix, dir=folder))
    handle = _open_for_lock(path)
    try:
        _hold(handle)
        yield path
    finally:
        os.close(handle)
        shutil.rmtree(path, ignore_errors=True)


def _left_over(path: Path, now: float) -> bool:
    """True when `path` is old enough and no living process holds it."""
    try:
        age = now - path.lstat().st_mtime
        if age < MIN_AGE_SECONDS:
            return False
        if fcntl is None or path.is_symlink():
            return age > UNLOCKED_AGE_SECONDS
        handle = _open_for_lock(path)
    except OSError:
        return False
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:  # held: its writer is alive
        return False
    finally:
        os.close(handle)
    return True


def _sweep(folder: Path, pattern: str, now: float) -> list[Path]:
    removed = []
    for path in sorted(folder.glob(pattern)):
        if not _left_over(path, now):
            continue
        try:
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            else:
                path.unlink()
        except OSError as exc:
            log.warning("cannot remove the left-over %s: %s", path, exc)
            continue
        removed.append(path)
    return removed


def _sweep_restore_copies(folder: Path, now: float) -> list[Path]:
    """The `.restore-*.db` copies no process holds, with their journal files (a journal goes with its
    database: it is removed only when the database is, or is gone)."""
    removed = _sweep(folder, f"{RESTORE_PREFIX}*.db", now)
    for side in sorted(folder.glob(f"{RESTORE_PREFIX}*.db-*")):
        main = side.with_name(side.name[:side.name.rindex(".db-") + 3])
        try:
            if not main.exists() and now - side.lstat().st_mtime >= MIN_AGE_SECONDS:
                side.unlink()
                removed.append(side)
        except OSError as exc:
            log.warning("cannot remove the left-over %s: %s", side, exc)
    return removed


def sweep_leftovers(db_file: Path, *, now: float | None = None) -> list[Path]:
    """Remove what a killed restore, card import or backup of `db_file` left behind; return it.

    Looks only at our own names: `.restore-*.db` (and its journal files) next to the database,
    `.incoming-*` in the cards and phone folders and `.partial-*` in the database's backups folder.
    """
    now = time.time() if now is None else now
    removed = _sweep_restore_copies(db_file.parent, now) if db_file.parent.is_dir() else []
    removed += _sweep(settings.cards_dir(), f"{INCOMING_PREFIX}*", now)
    removed += _sweep(settings.captures_dir(), f"{INCOMING_PREFIX}*", now)  # a photo from the phone
    removed += _sweep(settings.database_backups_dir(db_file), f"{PARTIAL_PREFIX}*", now)
    for path in removed:
        log.info("removed %s, left over by an interrupted restore, card import or backup", path)
    return removed
