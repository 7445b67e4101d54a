"""Opening the database: the engine, SQLite pragmas, Alembic migrations and transactions.

No engine exists until `Database.open` is called. Every user action runs in one
`Database.transaction()`: it commits when the block ends and rolls back on any error, so a crash
never leaves half an action behind.
"""
from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import event, inspect
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import DatabaseError as SQLAlchemyDatabaseError
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, create_engine

from netcompanion.core import settings
from netcompanion.core.errors import DatabaseError

log = logging.getLogger(__name__)


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # noqa: ANN001 (DB-API objects)
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(resources.files("netcompanion.core") / "migrations"))
    return config


def head_revision() -> str:
    """The newest migration this version of NetCompanion knows."""
    return ScriptDirectory.from_config(_alembic_config()).get_current_head() or ""


def known_revisions() -> set[str]:
    """Every migration revision this version knows."""
    return {rev.revision for rev in ScriptDirectory.from_config(_alembic_config()).walk_revisions()}


class Database:
    """One open database: an engine plus migrations and transactions."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, url: str | None = None, *, migrate: bool = True) -> "Database":
        """Open the database named by `url` (or the configured default), upgrading its schema."""
        url = settings.database_url(url)
        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
            path = Path(parsed.database)
            path.parent.mkdir(parents=True, exist_ok=True)
            if not path.exists():
                path.touch(mode=0o600)
        engine = create_engine(url, pool_pre_ping=parsed.get_backend_name() != "sqlite")
        if parsed.get_backend_name() == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        db = cls(engine)
        if migrate:
            db.upgrade()
        return db

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def current_revision(self) -> str | None:
        """The schema revision stored in the database, or None for an empty database."""
        try:
            with self.engine.connect() as connection:
                return MigrationContext.configure(connection).get_current_revision()
        except (OperationalError, SQLAlchemyDatabaseError) as exc:
            raise DatabaseError(f"cannot read the database {self.engine.url!r}: {exc.orig}") from exc

    def upgrade(self, revision: str = "head") -> None:
        """Bring the schema up to `revision`; refuse a database made by a newer NetCompanion."""
        current = self.current_revision()
        if current is not None and current not in known_revisions():
            raise DatabaseError(
                f"this database was written by a newer NetCompanion (schema {current}); "
                "it is left untouched. Update NetCompanion, or restore a backup."
            )
        if current is None and self._has_unversioned_tables():
            raise DatabaseError("this file holds tables NetCompanion did not create; it is left untouched.")
        config = _alembic_config()
        with self.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
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
        except Exception:
            session.rollback()
            raise
        finally:
            session.close()

    def dispose(self) -> None:
        """Close every pooled connection (before a backup restore, or at exit)."""
        self.engine.dispose()
