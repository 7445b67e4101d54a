"""`kill -9` in the middle of a batch: nothing already saved is lost, nothing is half saved.

Each test starts a real `netcompanion` process on a real database file, waits until it is in the
middle of writing (another connection finds the write lock taken), kills its whole process group
with SIGKILL, and then reads the file with plain sqlite3.
"""
from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from netcompanion.core import settings
from netcompanion.core.store.database import Database
from tests.gui.cards import render_card
from tests.safety.conftest import contact_parts, integrity

ROOT = Path(__file__).parents[2]
pytestmark = pytest.mark.slow


_STARTED: list[subprocess.Popen[str]] = []


def _start(*args: str) -> subprocess.Popen[str]:
    """A real process in its own process group (so its workers die with it)."""
    process = subprocess.Popen([sys.executable, *args], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               stdin=subprocess.DEVNULL, text=True, start_new_session=True)
    _STARTED.append(process)
    return process


def _write_lock_taken(db_file: Path) -> bool:
    """True while another connection holds the database's write lock (is in the middle of a write)."""
    try:
        with closing(sqlite3.connect(db_file, timeout=0, isolation_level=None)) as probe:
            probe.execute("BEGIN IMMEDIATE")
            probe.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            return True
        raise


def _kill_while_writing(process: subprocess.Popen[str], db_file: Path, *, held_for: float,
                        ready: callable = lambda: True, timeout: float = 240) -> None:
    """SIGKILL the process group once `ready()` and the write lock has been held for `held_for` seconds."""
    deadline = time.monotonic() + timeout
    held_since = None
    while time.monotonic() < deadline:
        if process.poll() is not None:
            out, err = process.communicate()
            pytest.fail(f"the process ended (exit {process.returncode}) before it could be killed: {err[-2000:]}")
        if _write_lock_taken(db_file) and ready():
            held_since = held_since or time.monotonic()
            if time.monotonic() - held_since >= held_for:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=30)
                return
        else:
            held_since = None
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGKILL)
    pytest.fail("the process never got to writing")


def _close_pipes(process: subprocess.Popen[str]) -> None:
    for stream in (process.stdout, process.stderr):
        if stream is not None:
            stream.close()


@pytest.fixture(autouse=True)
def _close_started_processes() -> object:
    """Every process a test started is ended and its pipes closed at the end (no ResourceWarning)."""
    yield
    while _STARTED:
        process = _STARTED.pop()
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=30)
        _close_pipes(process)


def _vcard_file(path: Path, count: int) -> Path:
    cards = []
    for n in range(count):
        cards.append("\r\n".join([
            "BEGIN:VCARD", "VERSION:3.0", f"FN:Crash Person{n}", f"N:Person{n};Crash;;;", f"ORG:Company number {n}",
            f"EMAIL;TYPE=work:c{n}@one.example", f"EMAIL;TYPE=home:c{n}@two.example",
            f"TEL;TYPE=work:+1 415 555 {n:04d}", f"TEL;TYPE=cell:+1 212 555 {n:04d}", "END:VCARD"]))
    path.write_text("\r\n".join(cards) + "\r\n", encoding="utf-8")
    return path


def test_import_killed_midway_stores_nothing_of_the_file_and_leaves_a_sound_database(db_path, tmp_path) -> None:
    Database.open(str(db_path)).dispose()
    count = 3000  # large enough that the write lasts seconds even on a fast machine
    big = _vcard_file(tmp_path / "big.vcf", count)
    process = _start("-m", "netcompanion", "--db", str(db_path), "import", str(big))

    _kill_while_writing(process, db_path, held_for=0.2)

    assert process.returncode == -signal.SIGKILL
    assert integrity(db_path) == "ok"
    assert contact_parts(db_path) == {}  # all or nothing per file: nothing, since it was killed

    finished = subprocess.run([sys.executable, "-m", "netcompanion", "--db", str(db_path), "import", str(big)],
                              cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert finished.returncode == 0, finished.stderr  # the database works on after the crash
    parts = contact_parts(db_path)
    assert len(parts) == count and set(parts.values()) == {(2, 2)}


ADD_LOOP = """
import sys
from netcompanion.cli import main
db = sys.argv[1]
for n in range(100000):
    main(["--db", db, "contacts", "add", "--name", f"Loop Person{n}", "--company", f"Company {n}",
          "--email", f"l{n}@one.example", "--email", f"l{n}@two.example",
          "--phone", f"work:+1 415 555 {n % 10000:04d}", "--phone", f"mobile:+1 212 555 {n % 10000:04d}"])
"""


def test_contacts_add_loop_killed_midway_keeps_every_finished_contact_whole(db_path) -> None:
    Database.open(str(db_path)).dispose()
    process = _start("-c", ADD_LOOP, str(db_path))

    def enough_saved() -> bool:
        return len(contact_parts(db_path)) >= 15

    _kill_while_writing(process, db_path, held_for=0, ready=enough_saved)

    out = process.stdout.read()  # type: ignore[union-attr]
    reported = {line.split(": ", 1)[1] for line in out.splitlines() if line.startswith("added contact")}
    assert integrity(db_path) == "ok"
    parts = contact_parts(db_path)
    assert reported <= set(parts)  # every contact reported as added is there ...
    assert len(set(parts) - reported) <= 1  # ... plus at most the one committed but not yet reported
    assert set(parts.values()) == {(2, 2)}  # and none is missing its e-mails or phones


def _scan_has_save() -> bool:
    from netcompanion.cli import build_parser

    subcommands = next(a for a in build_parser()._actions if a.dest == "command")
    return "--save" in subcommands.choices["scan"].format_help()


@pytest.mark.skipif(not _scan_has_save(), reason="`netcompanion scan --save` is not there yet")
def test_batch_scan_killed_midway_keeps_every_saved_card_whole(db_path, tmp_path) -> None:
    subprocess.run([sys.executable, "-m", "netcompanion", "--db", str(db_path), "events", "add", "Crash Expo",
                    "--goal", "client"], cwd=ROOT, check=True, capture_output=True, timeout=120)
    folder = tmp_path / "cards"
    folder.mkdir()
    names = ["Alice Harper", "Bruno Keller", "Chen Wei", "Dana Novak", "Emil Sorensen", "Fatima Rahman",
             "George Lindqvist", "Hana Sato", "Ivan Petrov", "Julia Moreau", "Karl Berger", "Lena Fischer"]
    for n, name in enumerate(names):
        first = name.split()[0].lower()
        render_card(folder / f"card{n:02d}.png", [
            (name, 60, True), ("Sales Director", 36, False), (f"Company {name.split()[1]} Ltd", 38, False),
            (f"{first}@company{n}.example", 32, False), (f"Phone +1 415 555 {100 + n:04d}", 32, False)])
    process = _start("-m", "netcompanion", "--db", str(db_path), "scan", "--save", "--event", "Crash Expo",
                     "--goal", "client", str(folder))

    def some_saved() -> bool:
        return len(contact_parts(db_path)) >= 2

    _kill_while_writing(process, db_path, held_for=0, ready=some_saved, timeout=600)

    assert integrity(db_path) == "ok"
    with closing(sqlite3.connect(db_path)) as connection:
        contacts = connection.execute("SELECT id FROM contact").fetchall()
        images = connection.execute("SELECT contact_id, sha256, file_name FROM cardimage").fetchall()
        encounters = connection.execute("SELECT contact_id FROM encounter").fetchall()
    assert 2 <= len(contacts) <= len(names)
    # every saved contact has its card image row, its stored image file and its encounter at the event
    assert sorted(c for c, _, _ in images) == sorted(c for (c,) in contacts)
    assert sorted(c for (c,) in encounters) == sorted(c for (c,) in contacts)
    for _, sha, file_name in images:
        stored = settings.cards_dir() / file_name
        assert hashlib.sha256(stored.read_bytes()).hexdigest() == sha
