"""Plain SQLite file helpers shared by the engine and the backups: a leaf, with no app imports
but settings-free basics.

Connections here are the standard library's ``sqlite3`` (not SQLAlchemy): backups, restores and
checks work on files, some of them not yet (or no longer) the app's database.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import quote

from sqlalchemy.engine import make_url

BUSY_TIMEOUT_SECONDS = 10.0
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")


def sqlite_file_of(url: str) -> Path | None:
    """The file of a SQLite URL, or None for another database or an in-memory one."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database).expanduser().resolve()


def connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    """A ``sqlite3`` connection to ``path`` that waits for a busy database before failing."""
    if read_only:
        return sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_SECONDS)
    return sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS)


def check_result(connection: sqlite3.Connection, pragma: str) -> str:
    """'ok', or the first problems a checking pragma (``quick_check``, ``integrity_check``) names."""
    rows = [row[0] for row in connection.execute(f"PRAGMA {pragma}").fetchall()]
    return "ok" if rows == ["ok"] else "; ".join(str(row) for row in rows[:5])


def schema_revision(connection: sqlite3.Connection) -> str | None:
    """The Alembic revision stored in a NetCompanion database, or None when there is none."""
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.OperationalError:  # no such table
        return None
    return row[0] if row else None


def looks_damaged(text: str) -> bool:
    """True when a SQLite error message says the file is damaged or not a database at all."""
    text = text.lower()
    return any(word in text for word in ("malformed", "not a database", "corrupt", "damaged"))


def make_private(path: Path) -> None:
    """Make the database file and its WAL files readable by the user only."""
    for part in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        try:
            if part.exists() and part.stat().st_mode & 0o077:
                part.chmod(0o600)
        except OSError:  # not ours (a shared folder): leave it
            pass


def remove_side_files(db_file: Path) -> None:
    """Delete the WAL, shared-memory and journal files next to ``db_file``."""
    for suffix in SIDE_SUFFIXES:
        Path(f"{db_file}{suffix}").unlink(missing_ok=True)
