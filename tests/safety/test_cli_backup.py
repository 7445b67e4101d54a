"""`netcompanion backup` and `netcompanion restore` as a user runs them: real processes, real files."""
from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from netcompanion.core.services import ContactFields, open_services
from netcompanion.core.store import backup
from tests.safety.conftest import contact_parts, damage
from tests.test_cli import run

pytestmark = pytest.mark.slow


def _names(db_path: Path) -> set[str]:
    return set(contact_parts(db_path))


def _add(db_path: Path, *names: str) -> None:
    """Add contacts in-process (the commands under test are the ones run as processes)."""
    services = open_services(str(db_path))
    for name in names:
        services.contacts.add(ContactFields(full_name=name, emails=[f"{name.split()[0].lower()}@x.example"]))
    services.db.dispose()


def test_backup_list_and_restore_with_yes(db_path: Path) -> None:
    _add(db_path, "Ada Keeper")
    made = run("backup", db=db_path).stdout
    assert made.startswith(f"backed up {db_path} to ")
    [listed] = json.loads(run("backup", "--list", "--json", db=db_path).stdout)
    assert listed["reason"] == "manual" and Path(listed["path"]).stat().st_mode & 0o777 == 0o600
    assert "manual" in run("backup", "--list", db=db_path).stdout

    _add(db_path, "Late Comer")
    done = run("restore", listed["path"], "--yes", db=db_path).stdout
    assert "restored" in done and "pre-restore" in done
    assert {c["full_name"] for c in json.loads(run("contacts", "list", "--json", db=db_path).stdout)} \
        == {"Ada Keeper"}


def test_restore_without_yes_and_without_a_terminal_refuses(db_path: Path) -> None:
    _add(db_path, "Ada Keeper")
    listed = json.loads(run("backup", "--json", db=db_path).stdout)
    _add(db_path, "Late Comer")
    before = _names(db_path)
    result = run("restore", listed["path"], db=db_path, check=False)
    assert result.returncode == 1 and "--yes" in result.stderr
    assert _names(db_path) == before


def test_restore_asks_on_a_terminal(db_path: Path) -> None:
    _add(db_path, "Ada Keeper")
    listed = json.loads(run("backup", "--json", db=db_path).stdout)
    _add(db_path, "Late Comer")
    for answer, expected in ((b"n\n", {"Ada Keeper", "Late Comer"}), (b"y\n", {"Ada Keeper"})):
        leader, follower = os.openpty()
        try:
            process = subprocess.Popen([sys.executable, "-m", "netcompanion", "--db", str(db_path), "restore",
                                        listed["path"]], stdin=follower, stdout=subprocess.PIPE,
                                       stderr=subprocess.PIPE, text=True)
            os.write(leader, answer)
            out, err = process.communicate(timeout=120)
        finally:
            os.close(leader)
            os.close(follower)
        assert "Replace the database" in out, err
        assert _names(db_path) == expected


@pytest.mark.parametrize("content", [b"not a backup at all", b"PK\x03\x04 broken zip"])
def test_restore_of_a_foreign_file_exits_1_with_a_message(db_path: Path, tmp_path: Path, content: bytes) -> None:
    _add(db_path, "Ada Keeper")
    foreign = tmp_path / "foreign.zip"
    foreign.write_bytes(content)
    result = run("restore", str(foreign), "--yes", db=db_path, check=False)
    assert result.returncode == 1 and "not a NetCompanion backup" in result.stderr
    assert "Traceback" not in result.stderr
    assert _names(db_path) == {"Ada Keeper"}


def test_backup_of_a_server_database_says_sqlite_only() -> None:
    result = subprocess.run([sys.executable, "-m", "netcompanion", "--db", "postgresql+psycopg://u@localhost/nc",
                             "backup"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and "SQLite database only" in result.stderr and "Traceback" not in result.stderr


def test_a_damaged_database_names_the_restore_command_that_then_works(db_path: Path) -> None:
    _add(db_path, "Person 0", "Person 1", "Person 2")
    run("backup", db=db_path)
    damage(db_path)

    failed = run("contacts", "list", db=db_path, check=False)
    assert failed.returncode == 1 and "damaged" in failed.stderr and "Traceback" not in failed.stderr
    command = shlex.split(failed.stderr.split("with: ", 1)[1])
    assert command[:4] == ["netcompanion", "--db", str(db_path), "restore"]

    run("restore", command[4], "--yes", db=db_path)
    assert _names(db_path) == {"Person 0", "Person 1", "Person 2"}
    assert set(contact_parts(db_path).values()) == {(1, 0)}
    assert [b.reason for b in backup.list_backups(db_path)][:1] == ["pre-restore"]
