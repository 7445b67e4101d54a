"""The database layer: pragmas, migrations (with real data), refusing what we do not understand."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from netcompanion.core.errors import DatabaseError
from netcompanion.core.store.database import Database
from netcompanion.core.store.migrations import head_revision


def test_new_database_is_at_head_with_the_builtin_goals(services) -> None:
    assert services.db.current_revision() == head_revision()
    assert {g.key for g in services.goals.list()} == {"investor", "client", "mentor", "partner", "hire"}


@pytest.mark.sqlite_only
def test_new_sqlite_file_has_wal_foreign_keys_and_is_private(services, db_path: Path) -> None:
    with services.db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    assert db_path.stat().st_mode & 0o077 == 0  # readable by the user only


def test_first_migration_database_with_data_is_upgraded_in_place(empty_db_url: str) -> None:
    old = Database.open(empty_db_url, migrate=False)
    old.upgrade("0001")
    assert old.current_revision() == "0001"
    with old.engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO contact (full_name, given_name, family_name, title, company, websites, address, linkedin,"
            " notes, interests, their_goals, needs, offers, tags, tier, archived, source, created_at, updated_at)"
            " VALUES ('Zoë Müller', 'Zoë', 'Müller', 'Partner', 'Fjord Capital', '[]', '', '', 'met in Oslo', '',"
            " '', '', '', '[]', 'warm', false, 'manual', '2025-01-01 10:00:00', '2025-01-01 10:00:00')")
        connection.exec_driver_sql(
            "INSERT INTO contactemail (contact_id, address, kind, position) VALUES (1, 'zoe@fjord.vc', 'work', 0)")
    old.dispose()

    from netcompanion.core.services import open_services

    upgraded = open_services(empty_db_url)
    assert upgraded.db.current_revision() == head_revision()
    [contact] = upgraded.contacts.list(search="zoe fjord.vc")  # accents folded, e-mail included
    assert contact.full_name == "Zoë Müller" and contact.emails[0].address == "zoe@fjord.vc"
    assert upgraded.contacts.list(search="oslo")  # notes backfilled too
    upgraded.db.dispose()


def test_database_from_newer_version_is_refused_and_left_untouched(db_url: str, database: str,
                                                                  db_path: Path) -> None:
    db = Database.open(db_url)
    with db.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '9999_future'")
    db.dispose()
    before = db_path.read_bytes() if database == "sqlite" else b""
    with pytest.raises(DatabaseError, match="newer NetCompanion"):
        Database.open(db_url)
    assert (db_path.read_bytes() if database == "sqlite" else b"") == before
    db = Database.open(db_url, migrate=False)
    assert db.current_revision() == "9999_future"
    db.dispose()


def test_database_with_tables_of_another_program_is_refused(empty_db_url: str) -> None:
    from sqlalchemy import create_engine

    engine = create_engine(empty_db_url)
    with engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE invoices (id INTEGER)")
    engine.dispose()
    with pytest.raises(DatabaseError, match="did not create"):
        Database.open(empty_db_url)


@pytest.mark.sqlite_only
def test_not_a_database_gives_a_clear_error(db_path: Path) -> None:
    db_path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(DatabaseError, match="cannot read the database"):
        Database.open(str(db_path))


def test_importing_the_package_creates_no_engine_and_no_file(tmp_path: Path) -> None:
    home = tmp_path / "untouched"
    code = ("import netcompanion.core.services, netcompanion.cli, netcompanion.demo;"
            "import gc, sqlalchemy.engine;"
            "assert not [o for o in gc.get_objects() if isinstance(o, sqlalchemy.engine.Engine)]")
    subprocess.run([sys.executable, "-c", code], check=True, env={"NETCOMPANION_HOME": str(home), "PATH": ""})
    assert not home.exists()


def test_database_url_accepts_a_path_or_an_url(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from netcompanion.core.settings import database_url

    assert database_url(str(tmp_path / "a.db")) == f"sqlite:///{tmp_path / 'a.db'}"
    monkeypatch.setenv("NETCOMPANION_DB", "postgresql+psycopg://u@localhost/nc")
    assert database_url() == "postgresql+psycopg://u@localhost/nc"
    assert database_url("sqlite:///x.db") == "sqlite:///x.db"


@pytest.mark.parametrize("scheme", ["postgres", "postgresql", "POSTGRES"])
def test_postgres_urls_as_hosting_services_write_them_use_the_installed_driver(scheme: str) -> None:
    from netcompanion.core.settings import database_url

    assert database_url(f"{scheme}://alice:secret@db.example:5432/nc") == \
        "postgresql+psycopg://alice:secret@db.example:5432/nc"


@pytest.mark.parametrize("url", ["mysql://alice:s3cr%t@db.example/nc", "mssql+pyodbc://alice:s3cr%t@dsn",
                                 "postgresql://alice:s3cr%t@db.example:port/nc",
                                 "oracle://alice:s3cr%t@p@ss@db.example/nc"])
def test_an_unusable_url_says_which_kinds_work_and_never_shows_the_password(url: str) -> None:
    from tests.cli_runner import run

    with pytest.raises(DatabaseError) as refused:
        Database.open(url)
    message = str(refused.value)
    assert "s3cr" not in message and "p@ss" not in message and "alice:***@" in message
    assert "sqlite" in message.lower() and "postgresql://" in message
    result = run("contacts", "list", db=url, check=False)
    assert result.returncode == 1 and "Traceback" not in result.stderr and "s3cr" not in result.stderr


def test_a_postgres_url_reaches_the_server_with_a_clear_error() -> None:
    with pytest.raises(DatabaseError, match="cannot use the database postgresql") as refused:
        Database.open("postgres://alice:secret@127.0.0.1:9/netcompanion")
    assert "secret" not in str(refused.value)


def test_schema_head_constant_matches_the_migration_scripts() -> None:
    from netcompanion.core.store.migrations import SCHEMA_HEAD

    assert SCHEMA_HEAD == head_revision()


def test_a_postgresql_server_that_does_not_answer_gives_a_clear_error() -> None:
    with pytest.raises(DatabaseError, match="cannot use the database postgresql") as refused:
        Database.open("postgresql+psycopg://alice:secret@127.0.0.1:9/netcompanion")
    assert "secret" not in str(refused.value)  # the password is never shown


def test_backup_and_restore_of_a_postgresql_database_say_to_use_pg_dump(tmp_path: Path) -> None:
    from tests.cli_runner import run

    url = "postgresql+psycopg://alice:secret@127.0.0.1:9/netcompanion"
    for args in (("backup",), ("backup", "--list"), ("restore", str(tmp_path / "x.zip"), "--yes")):
        result = run(*args, db=url, check=False)
        assert result.returncode == 1 and "pg_dump" in result.stderr and "Traceback" not in result.stderr


def test_two_apps_starting_at_once_on_an_empty_database_both_open_it(empty_db_url: str) -> None:
    import threading

    opened: list[Database] = []
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def open_it() -> None:
        try:
            start.wait(timeout=30)
            opened.append(Database.open(empty_db_url))
        except BaseException as exc:  # noqa: BLE001 (reported below)
            errors.append(exc)

    threads = [threading.Thread(target=open_it) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    assert [db.current_revision() for db in opened] == [head_revision(), head_revision()]
    for db in opened:
        db.dispose()
