"""A database that cannot be used as it is: a clear message, and no further damage."""
from __future__ import annotations

import os
import shlex
import shutil
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import event

from netcompanion.core.errors import DatabaseError, UnusableDatabaseError
from netcompanion.core.services import open_services
from netcompanion.core.store import backup, database
from netcompanion.core.store.database import Database
from tests.safety.conftest import contact_parts, damage, integrity, person

pytestmark = pytest.mark.sqlite_only  # damaged, locked, full and read-only SQLite files


def test_a_damaged_database_is_refused_untouched_and_the_newest_backup_is_named(filled, db_path) -> None:
    good = backup.create_backup(db_path)
    filled.db.dispose()
    damage(db_path)
    before = db_path.read_bytes()

    with pytest.raises(UnusableDatabaseError) as caught:
        open_services(str(db_path))

    message = str(caught.value)
    assert "damaged" in message and message.endswith(
        f"with: netcompanion --db {shlex.quote(str(db_path))} restore {shlex.quote(str(good.path))}")
    assert db_path.read_bytes() == before
    assert backup.list_backups(db_path) == [good]  # no backup of the damaged file replaced the good one


def test_a_damaged_database_without_backups_says_so(filled, db_path) -> None:
    filled.db.dispose()
    damage(db_path)
    with pytest.raises(DatabaseError, match="No backup of it exists"):
        open_services(str(db_path))


def test_a_database_from_a_newer_version_is_neither_upgraded_nor_backed_up(filled, db_path) -> None:
    filled.db.dispose()
    with closing(sqlite3.connect(db_path)) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    before = db_path.read_bytes()
    with pytest.raises(UnusableDatabaseError, match="newer NetCompanion"):
        open_services(str(db_path))
    assert db_path.read_bytes() == before and backup.list_backups(db_path) == []


def test_a_locked_database_waits_then_says_busy_and_saves_nothing(filled, db_path, monkeypatch) -> None:
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 400)
    filled.db.dispose()  # new connections take the shorter timeout
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another process holds the write lock
    other.execute("INSERT INTO goal (key, name, description, builtin) VALUES ('x1', 'X1', '', 0)")
    started = time.monotonic()
    try:
        with pytest.raises(DatabaseError, match="is busy: another NetCompanion window or command") as caught:
            filled.contacts.add(person(500, "busy"))
        assert not isinstance(caught.value, UnusableDatabaseError)  # nothing to restore: just wait
        assert time.monotonic() - started >= 0.35  # it waited for the other one first
    finally:
        other.execute("COMMIT")
        other.close()
    assert "Person busy500" not in contact_parts(db_path)
    filled.contacts.add(person(501, "busy"))  # once the other one is done, it works
    assert contact_parts(db_path)["Person busy501"] == (2, 2)
    filled.db.dispose()
    assert integrity(db_path) == "ok"


def test_opening_a_database_held_exclusively_elsewhere_says_busy(filled, db_path, monkeypatch) -> None:
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 300)
    filled.db.dispose()
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("PRAGMA locking_mode=EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseError, match="busy"):
            open_services(str(db_path))
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_a_full_disk_fails_the_action_with_a_message_and_keeps_the_database_sound(filled, db_path) -> None:
    filled.db.dispose()

    def cap_size(dbapi_connection, _record) -> None:  # the disk fills up a few pages from now
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count={pages + 2}")

    event.listen(filled.db.engine, "connect", cap_size)
    big = person(600, "full")
    big.notes = "n" * 19_000
    with pytest.raises(DatabaseError, match="is full: nothing of this action was saved"):
        filled.contacts.add(big)
    event.remove(filled.db.engine, "connect", cap_size)  # space was freed
    filled.db.dispose()
    filled.contacts.add(big)
    filled.db.dispose()
    parts = contact_parts(db_path)
    assert parts["Person full600"] == (2, 2) and len(parts) == 21
    assert integrity(db_path) == "ok"


def test_full_disk_message_from_sqlite_text() -> None:
    error = sqlite3.OperationalError("database or disk is full")
    assert "is full" in database.describe_database_error(error, Path("/x/netcompanion.db"))


def test_a_group_readable_database_file_is_made_private_on_open(filled, db_path) -> None:
    filled.db.dispose()
    db_path.chmod(0o644)
    open_services(str(db_path)).db.dispose()
    assert db_path.stat().st_mode & 0o777 == 0o600


READ_ONLY_PROBE = """
import sys
from netcompanion.core.store.database import Database
from netcompanion.core.errors import DatabaseError, UnusableDatabaseError
try:
    Database.open(sys.argv[1])
except DatabaseError as exc:
    print(exc)
    sys.exit(3)
"""


def _without_root_powers() -> list[str]:
    """A command prefix under which root obeys file permissions (it normally ignores them)."""
    if os.geteuid() != 0:
        return []
    if not shutil.which("setpriv"):
        pytest.skip("running as root without setpriv: file permissions cannot be tested")
    return ["setpriv", "--bounding-set", "-dac_override,-dac_read_search,-fowner"]


@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_read_only_database_is_refused_with_a_message(db_path, what) -> None:
    Database.open(str(db_path)).dispose()
    locked = db_path if what == "file" else db_path.parent
    locked.chmod(0o400 if what == "file" else 0o500)
    try:
        before = db_path.read_bytes()
        result = subprocess.run([*_without_root_powers(), sys.executable, "-c", READ_ONLY_PROBE, str(db_path)],
                                capture_output=True, text=True, timeout=120)
        assert result.returncode == 3, result.stderr
        assert "cannot be written" in result.stdout and "read-only" in result.stdout
        assert db_path.read_bytes() == before
    finally:
        locked.chmod(0o600 if what == "file" else 0o700)
