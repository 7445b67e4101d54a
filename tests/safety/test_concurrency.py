"""Two NetCompanion processes writing to one database at once: both succeed, nothing is lost."""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from netcompanion.core.services import Services
from netcompanion.core.store.database import Database
from tests.safety.conftest import contact_parts, integrity, person

pytestmark = pytest.mark.sqlite_only  # SQLite's locking between processes (PostgreSQL: tests/core/test_team.py)

WRITER = """
import sys, time
from pathlib import Path
from netcompanion.core.services import open_services
from tests.safety.conftest import add_people
db, tag, count, start = sys.argv[1], sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])
services = open_services(db)
while not start.exists():
    time.sleep(0.01)
add_people(services, count, tag)
print("done", flush=True)
"""


def test_two_processes_adding_contacts_at_once_lose_nothing(db_path: Path, tmp_path: Path) -> None:
    Database.open(str(db_path)).dispose()
    start = tmp_path / "go"
    count = 60
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, str(db_path), tag, str(count), str(start)],
                                cwd=Path(__file__).parents[2], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True)
               for tag in ("a", "b")]
    time.sleep(0.5)
    start.touch()  # both start writing at the same moment
    for writer in writers:
        out, err = writer.communicate(timeout=300)
        assert writer.returncode == 0 and "done" in out, err
    parts = contact_parts(db_path)
    assert len(parts) == 2 * count
    assert all(parts[f"Person {tag}{n}"] == (2, 2) for tag in "ab" for n in range(count))
    assert integrity(db_path) == "ok"


def test_two_open_databases_in_one_process_see_each_others_writes(db_path: Path) -> None:
    first = Services(Database.open(str(db_path)))
    second = Services(Database.open(str(db_path)))
    for n in range(10):  # interleaved, as two windows would
        first.contacts.add(person(n, "one"))
        second.contacts.add(person(n, "two"))
    assert len(first.contacts.list()) == len(second.contacts.list()) == 20
    first.db.dispose()
    second.db.dispose()
