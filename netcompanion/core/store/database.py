"""Opening the database: the engine, SQLite pragmas, Alembic migrations and transactions.

No engine exists until `Database.open` is called. Every user action runs in one
`Database.transaction()`: it commits when the block ends and rolls back on any error, so a crash
never leaves half an action behind.

Opening a SQLite file refuses, with a message meant for the user and without touching the file:
a read-only file or folder, a damaged file (`PRAGMA quick_check`; the message names the newest
backup to restore), a database from a newer NetCompanion, and a file with tables of another
program. A database in use elsewhere is waited for (busy timeout) before a "busy" message; a
full disk fails the action with a message and nothing of it saved. Backups (before a schema
upgrade, and once a day) are the services' policy, in `core.services.open_services`.

A PostgreSQL URL (postgresql+psycopg://user:password@host/name) opens a database a team shares: the
same migrations run there; the SQLite file steps (pragmas, permissions, integrity check, file
backups) do not apply, and the server's own tools (pg_dump) back it up. `Database.take_turns`
serialises a find-or-create across connections on either kind.
"""
from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import event, inspect, text
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import DatabaseError as SQLAlchemyDatabaseError
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, create_engine

from netcompanion.core import settings
from netcompanion.core.errors import DatabaseError, UnusableDatabaseError
from netcompanion.core.store.migrations import SCHEMA_HEAD, alembic_config, known_revisions
from netcompanion.core.store.sqlite_files import looks_damaged, make_private, sqlite_file_of

DamageExplainer = Callable[[Path], str]
"""Advice for the user about a damaged database file (which backup to restore)."""

log = logging.getLogger(__name__)


BUSY_TIMEOUT_MS = 10_000  # how long a write waits for another window or command to finish its own
UPGRADE_WAIT_MS = 300_000  # how long a start waits for another app's schema upgrade (a large one is slow)


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # noqa: ANN001 (DB-API objects)
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_MS)}")
    _use_wal(cursor)
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _use_wal(cursor) -> None:  # noqa: ANN001 (a DB-API cursor)
    """Switch the file to write-ahead logging (a no-op once it is). Two apps opening a new file at
    once both ask to switch; SQLite answers one of them "locked" at once, without waiting for the
    busy timeout, so that one asks again."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _is_environment_error(exc: BaseException) -> bool:
    """True for errors of the database file or its disk (locked, full, read-only, damaged), not of our SQL."""
    return isinstance(exc, OperationalError) or type(exc) is SQLAlchemyDatabaseError


def describe_database_error(exc: BaseException, path: Path | str,
                            explain_damage: DamageExplainer | None = None) -> str:
    """A message for the user about a SQLite error on the database at `path`.

    For a damaged file, `explain_damage(path)` (given by the layer that knows the backups) says
    what the user can do about it.
    """
    detail = str(getattr(exc, "orig", None) or exc)
    text = detail.lower()
    if "locked" in text or "busy" in text:
        return (f"the database {path} is busy: another NetCompanion window or command kept it locked for "
                f"more than {BUSY_TIMEOUT_MS // 1000} seconds. Nothing of this action was saved; try again "
                "when the other one has finished.")
    if "full" in text:
        return (f"the disk holding the database {path} is full: nothing of this action was saved. "
                "Free some space and try again.")
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return read_only_message(path)
    if looks_damaged(text):
        hint = explain_damage(path) if explain_damage is not None and isinstance(path, Path) else ""
        return (f"cannot read the database {path}: it is damaged or not a database ({detail}). "
                f"It was left as it is. {hint}").strip()
    return f"cannot use the database {path}: {detail}"


def database_error(exc: BaseException, path: Path | str,
                   explain_damage: DamageExplainer | None = None) -> DatabaseError:
    """The DatabaseError to raise for a SQLite error `exc` (an UnusableDatabaseError for a damaged file)."""
    message = describe_database_error(exc, path, explain_damage)
    detail = str(getattr(exc, "orig", None) or exc)
    return UnusableDatabaseError(message) if looks_damaged(detail) else DatabaseError(message)


def read_only_message(path: Path | str) -> str:
    return (f"the database {path} cannot be written (the file or its folder is read-only, or missing): "
            "NetCompanion needs to write there. Nothing was changed; check the permissions, "
            "or copy the file somewhere you can write.")


def _prepare_sqlite_file(path: Path) -> None:
    """Create the database file (0600) when missing; refuse one that cannot be written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists():
            path.touch(mode=0o600)
    except OSError as exc:
        raise DatabaseError(read_only_message(path)) from exc
    if not os.access(path, os.R_OK | os.W_OK) or not os.access(path.parent, os.W_OK | os.X_OK):
        raise DatabaseError(read_only_message(path))
    make_private(path)


class Database:
    """One open database: an engine plus migrations and transactions.

    `explain_damage`, when given, turns the path of a damaged SQLite file into advice for the user
    (which backup to restore); the engine itself knows nothing of backups.
    """

    def __init__(self, engine: Engine, sqlite_path: Path | None = None,
                 explain_damage: DamageExplainer | None = None) -> None:
        self.engine = engine
        self.sqlite_path = sqlite_path
        self.explain_damage = explain_damage

    @classmethod
    def open(cls, url: str | None = None, *, migrate: bool = True,
             explain_damage: DamageExplainer | None = None) -> Database:
        """Open the database named by `url` (or the configured default), upgrading its schema.

        A SQLite file is checked first (writable, not damaged, not newer than this version).
        Backing up before an upgrade is the caller's policy (`netcompanion.core.services.open_services`):
        it opens with `migrate=False`, backs up, then calls `upgrade`.
        """
        url = settings.database_url(url)
        path = sqlite_file_of(url)
        if path is not None:
            _prepare_sqlite_file(path)
        engine = create_engine(url, pool_pre_ping=make_url(url).get_backend_name() != "sqlite")
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        db = cls(engine, path, explain_damage)
        try:
            if path is not None:
                db.check_integrity()
            if migrate:
                db.upgrade()
        except BaseException:
            engine.dispose()
            raise
        return db

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def location(self) -> Path | str:
        """The database file, or the URL (without password) of a server database."""
        return self.sqlite_path or self.engine.url.render_as_string(hide_password=True)

    def error_for(self, exc: BaseException) -> DatabaseError:
        """The DatabaseError, with a message for the user, for the SQLite error `exc`."""
        return database_error(exc, self.location, self.explain_damage)

    def check_integrity(self) -> None:
        """Refuse a damaged SQLite file (`PRAGMA quick_check`), naming the backup to restore."""
        try:
            with self.engine.connect() as connection:
                rows = [row[0] for row in connection.exec_driver_sql("PRAGMA quick_check").fetchall()]
        except (OperationalError, SQLAlchemyDatabaseError) as exc:
            raise self.error_for(exc) from exc
        if rows != ["ok"]:
            problem = "; ".join(str(row) for row in rows[:3])
            log.error("quick_check of %s: %s", self.location, rows[:20])
            raise self.error_for(Exception(f"corrupt: {problem}"))

    def current_revision(self) -> str | None:
        """The schema revision stored in the database, or None for an empty database."""
        try:
            with self.engine.connect() as connection:
                if not inspect(connection).has_table("alembic_version"):
                    return None
                return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except (OperationalError, SQLAlchemyDatabaseError) as exc:
            raise self.error_for(exc) from exc

    def check_understood(self) -> None:
        """Refuse a database made by a newer NetCompanion, or a file with another program's tables."""
        current = self.current_revision()
        if current is not None and current != SCHEMA_HEAD and current not in known_revisions():
            raise UnusableDatabaseError(
                f"this database was written by a newer NetCompanion (schema {current}); "
                "it is left untouched. Update NetCompanion, or restore a backup."
            )
        # (the revision is read again: another app may have just committed the schema it is in)
        if current is None and self._has_unversioned_tables() and self.current_revision() is None:
            raise UnusableDatabaseError("this database holds tables NetCompanion did not create; it is left untouched.")

    def needs_upgrade(self) -> bool:
        """True when the stored schema is older than this version's newest."""
        current = self.current_revision()
        return current is not None and current != SCHEMA_HEAD

    def upgrade(self, revision: str = "head") -> None:
        """Bring the schema up to `revision`; refuse a database made by a newer NetCompanion."""
        self.check_understood()
        if revision == "head" and self.current_revision() == SCHEMA_HEAD:
            return  # up to date: alembic (slow to import) is not needed at all
        from alembic import command

        config = alembic_config()
        try:
            with self.engine.begin() as connection:
                # two apps starting at once on a new database: one upgrades, the other waits and then
                # finds it done (alembic reads the revision after this)
                if self.is_sqlite:
                    connection.exec_driver_sql(f"PRAGMA busy_timeout={UPGRADE_WAIT_MS}")
                    try:
                        connection.exec_driver_sql("BEGIN IMMEDIATE")
                    finally:
                        connection.exec_driver_sql(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_MS)}")
                else:
                    _advisory_lock(connection, "schema upgrade")
                config.attributes["connection"] = connection
                command.upgrade(config, revision)
        except (OperationalError, SQLAlchemyDatabaseError) as exc:
            if not _is_environment_error(exc):
                raise
            raise self.error_for(exc) from exc
        log.debug("database at revision %s", self.current_revision())

    def _has_unversioned_tables(self) -> bool:
        with self.engine.connect() as connection:
            return bool(inspect(connection).get_table_names())

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed at the end of the block, or rolled back on error."""
        session = Session(self.engine, expire_on_commit=False)
        try:
            yield session
            session.commit()
        except (OperationalError, SQLAlchemyDatabaseError) as exc:
            _rollback_quietly(session)
            if not _is_environment_error(exc):
                raise
            log.warning("database error: %s", exc)
            raise self.error_for(exc) from exc
        except BaseException:
            _rollback_quietly(session)
            raise
        finally:
            session.close()

    def take_turns(self, session: Session, name: str) -> None:
        """Make the transaction of `session` wait for any other one that took turns on `name`, and hold
        the turn until it ends: a find-or-create in it then sees what the other one stored.

        PostgreSQL: a transaction-level advisory lock on a key derived from `name`. SQLite has one
        writer at a time: the transaction starts by writing (a no-op update), so it holds the write
        lock before it reads anything (call this first in the transaction).
        """
        if self.is_sqlite:
            session.execute(text("UPDATE alembic_version SET version_num = version_num"))
        else:
            _advisory_lock(session, name)

    def dispose(self) -> None:
        """Close every pooled connection (before a backup restore, or at exit)."""
        self.engine.dispose()


def _advisory_lock(executor: Session | Connection, name: str) -> None:
    """Take PostgreSQL's transaction-level advisory lock named by `name` (a 64-bit key from its hash)."""
    key = int.from_bytes(hashlib.blake2b(name.encode("utf-8"), digest_size=8).digest(), "big", signed=True)
    executor.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})


def _rollback_quietly(session: Session) -> None:
    """Roll back; a rollback failing too (a vanished disk) must not hide the first error."""
    try:
        session.rollback()
    except Exception as exc:  # noqa: BLE001 (reported, the original error is raised by the caller)
        log.warning("rollback failed: %s", exc)
