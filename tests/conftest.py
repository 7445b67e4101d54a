"""Shared fixtures: every test gets its own data folder and a real database: a SQLite file in it, and
(for the tests that take `db_url` or `services`) a fresh database on a real PostgreSQL server too.

The PostgreSQL server is named by `NETCOMPANION_TEST_PG_URL`, an admin URL such as
postgresql+psycopg://user:password@127.0.0.1:5432/postgres on which the tests create their databases
(scripts/test.sh starts one). Without it the PostgreSQL runs are skipped, except under CI=true, where
they fail: CI must run them. The schema is migrated once per session into a template database that
each test clones (CREATE DATABASE ... TEMPLATE), which takes a fraction of running the migrations.
Tests that are about the SQLite file itself (its pragmas, permissions, backups) carry the
`sqlite_only` mark and run once; so do some GUI modules, whose services run on both in tests/core.
"""
from __future__ import annotations

import gc
import os
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PG_URL_VARIABLE = "NETCOMPANION_TEST_PG_URL"
DATABASE_KINDS = ("sqlite", "postgresql")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "sqlite_only: runs on SQLite only: about the SQLite file itself, or "
                            "(as said where it is set) a PostgreSQL run would add time and no coverage")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Run every test that uses a database (`database`, through `db_url` or `services`) on both kinds."""
    if "database" in metafunc.fixturenames:
        sqlite_only = metafunc.definition.get_closest_marker("sqlite_only") is not None
        metafunc.parametrize("database", DATABASE_KINDS[:1] if sqlite_only else DATABASE_KINDS, indirect=True)


@pytest.fixture(autouse=True)
def _collect_garbage_after_each_test() -> Iterator[None]:
    """Collect garbage when each test ends, so that a connection or file it left open warns (and
    fails, as warnings are errors) in that test rather than in whichever test runs later."""
    yield
    gc.collect()


@pytest.fixture(autouse=True)
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private data folder per test, so no test touches the user's real data."""
    home = tmp_path / "home"
    monkeypatch.setenv("NETCOMPANION_HOME", str(home))
    monkeypatch.delenv("NETCOMPANION_DB", raising=False)
    monkeypatch.setenv("NETCOMPANION_REGION", "US")
    monkeypatch.setenv("NETCOMPANION_USER", "tester")
    monkeypatch.setenv("NETCOMPANION_LANGUAGE", "en")  # the words the tests look for, whatever the machine's locale
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return home


@pytest.fixture
def db_path(data_home: Path) -> Path:
    data_home.mkdir(parents=True, exist_ok=True)
    return data_home / "test.db"


class PostgresServer:
    """The PostgreSQL server of the test session: creates and drops the tests' databases."""

    def __init__(self, admin_url: str) -> None:
        self.admin_url = make_url(admin_url)
        self.admin = create_engine(self.admin_url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
        self.prefix = f"nctest_{os.getpid()}_{uuid.uuid4().hex[:6]}"
        self.template: str | None = None
        self.created: list[str] = []
        with self.admin.connect() as connection:
            version = int(connection.execute(text("SHOW server_version_num")).scalar() or 0)
        # copying the template's files is 3x quicker than WAL-logging them (the default since 15)
        self.clone_strategy = " STRATEGY FILE_COPY" if version >= 150000 else ""

    def url_of(self, name: str) -> str:
        return self.admin_url.set(database=name).render_as_string(hide_password=False)

    def create(self, *, migrated: bool = True) -> str:
        """A new database (with the schema at head, cloned from the template, when `migrated`); its URL."""
        name = f"{self.prefix}_{len(self.created)}"
        template = f" TEMPLATE {self.migrated_template()}{self.clone_strategy}" if migrated else ""
        self._execute(f"CREATE DATABASE {name}{template}")
        self.created.append(name)
        return self.url_of(name)

    def drop(self, url: str) -> None:
        self._execute(f"DROP DATABASE IF EXISTS {make_url(url).database} WITH (FORCE)")

    def migrated_template(self) -> str:
        """The database every migrated test database is cloned from, made once by the real migrations."""
        if self.template is None:
            from netcompanion.core.store.database import Database

            name = f"{self.prefix}_template"
            self._execute(f"CREATE DATABASE {name}")
            self.template = name
            Database.open(self.url_of(name)).dispose()
        return self.template

    def close(self) -> None:
        for name in [*self.created, *([self.template] if self.template else [])]:
            self._execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        self.admin.dispose()

    def _execute(self, sql: str) -> None:
        with self.admin.connect() as connection:
            connection.execute(text(sql))


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """The PostgreSQL server named by NETCOMPANION_TEST_PG_URL; skips (fails under CI) without one."""
    admin_url = os.environ.get(PG_URL_VARIABLE)
    if not admin_url:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{PG_URL_VARIABLE} is not set: CI must run the PostgreSQL tests (scripts/test.sh starts "
                        "a server)", pytrace=False)
        pytest.skip(f"no PostgreSQL server: set {PG_URL_VARIABLE} (scripts/test.sh starts one)")
    server = PostgresServer(admin_url)
    yield server
    server.close()


@pytest.fixture
def database(request: pytest.FixtureRequest) -> str:
    """Which kind of database the test runs on (parametrised by `pytest_generate_tests`)."""
    return request.param


@pytest.fixture
def db_url(database: str, db_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    """The URL of a fresh database at the newest schema: a SQLite file (not yet created: opening it
    migrates it) or a PostgreSQL database cloned from the migrated template."""
    if database == "sqlite":
        yield f"sqlite:///{db_path}"
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    url = server.create()
    yield url
    server.drop(url)


@pytest.fixture
def empty_db_url(database: str, db_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    """The URL of a fresh, empty database (no schema at all) of the test's kind."""
    if database == "sqlite":
        yield f"sqlite:///{db_path}"
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    url = server.create(migrated=False)
    yield url
    server.drop(url)


@pytest.fixture
def services(db_url: str):
    """The services over a fresh, migrated database (SQLite file or PostgreSQL)."""
    from netcompanion.core.services import open_services

    svc = open_services(db_url)
    yield svc
    close_after_background_work(svc)


def close_after_background_work(services) -> None:
    """Dispose of the services' engine once the GUI's background jobs (if any ran) have ended: a
    read still running would otherwise hand its connection back to a disposed pool, and leak it."""
    worker = sys.modules.get("netcompanion.gui.worker")
    if worker is not None:
        worker.wait_for_all()
    services.db.dispose()
