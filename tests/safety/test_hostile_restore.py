"""Restoring hostile and faulty files: each is refused with a message, and the database, the cards
folder and the disk are left as they were (no temporary file stays behind)."""
from __future__ import annotations

import os
import shutil
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as settings_hypothesis
from hypothesis import strategies as st

from netcompanion.core import settings
from netcompanion.core.errors import DatabaseError
from netcompanion.core.services import open_services
from netcompanion.core.store import backup, temp_files
from netcompanion.core.store.backup import archive, restoring
from tests.gui.cards import jane_card
from tests.safety import bounded_child
from tests.safety import hostile_zips as hostile
from tests.safety.conftest import add_people, contact_parts, person

pytestmark = pytest.mark.sqlite_only  # restoring a SQLite file


def leftovers(db_path: Path) -> list[Path]:
    """Every temporary file of a restore, a card import or a backup that is still there."""
    return [*db_path.parent.glob(".restore-*"), *settings.cards_dir().glob(".incoming-*"),
            *settings.database_backups_dir(db_path).glob(".partial-*")]


@pytest.fixture
def good_backup(services, db_path: Path, tmp_path: Path) -> Iterator[Path]:
    """A sound backup of 5 contacts and a card image (removed from the cards folder since), taken
    before 20 more contacts were added; the database is closed."""
    add_people(services, 5, "old")
    saved = services.cards.save_scan({"full_name": "Jane Whitfield"}, jane_card(tmp_path / "jane.jpg"))
    [card] = services.cards.images_for(saved.id)
    made = backup.create_backup(db_path, prune=False)
    moved = tmp_path / "made.zip"
    shutil.move(made.path, moved)  # not in the backups folder: only the restore's own backups are there
    (settings.cards_dir() / card.file_name).unlink()
    add_people(services, 20)
    services.db.dispose()
    yield moved


def assert_untouched(db_path: Path, before: bytes) -> None:
    assert db_path.read_bytes() == before
    assert backup.list_backups(db_path) == []  # nothing replaced, so no pre-restore copy either
    assert list(settings.cards_dir().iterdir()) == []
    assert leftovers(db_path) == []


HOSTILE = {
    "bad CRC": (lambda good, path: hostile.copy_backup(good, path, hostile.bad_crc), "damaged.*Bad CRC"),
    "encryption flag": (lambda good, path: hostile.copy_backup(good, path, hostile.encrypted), "is encrypted"),
    "Deflate64": (lambda good, path: hostile.copy_backup(good, path, hostile.deflate64), "compression method 9"),
    "cut in the middle": (hostile.cut_in_the_middle, "damaged"),
    "declares less than it holds": (lambda good, path: hostile.copy_backup(good, path, hostile.declares(1000)),
                                    "damaged|more than"),
    "declares a petabyte": (lambda good, path: hostile.copy_backup(good, path, hostile.declares(1 << 50)),
                            "unpacks to .* more than the limit"),
    "a card that lies about its size": (
        lambda good, path: hostile.copy_backup(
            good, path, hostile.declares(10), member=next(n for n in __import__("zipfile").ZipFile(good).namelist()
                                                          if n.startswith("cards/"))),
        "damaged|more than"),
    "contact(x) at 0004 in a zip": (
        lambda good, path: hostile.zip_holding(hostile.lookalike_database(path.with_suffix(".db")), path),
        "not a NetCompanion database: it says schema 0004.*missing tables"),
    "contact(x) at 0004 as a file": (lambda good, path: hostile.lookalike_database(path.with_suffix(".db")),
                                     "not a NetCompanion database: it says schema 0004"),
}


@pytest.mark.parametrize("kind", list(HOSTILE))
def test_a_hostile_restore_file_is_refused_with_a_message_and_changes_nothing(good_backup, db_path, tmp_path,
                                                                             kind) -> None:
    make, message = HOSTILE[kind]
    source = make(good_backup, tmp_path / "hostile.zip")
    before = db_path.read_bytes()

    with pytest.raises(DatabaseError, match=message):
        backup.restore(source, str(db_path))

    assert_untouched(db_path, before)


def test_an_extra_column_is_not_our_schema(good_backup, db_path, tmp_path) -> None:
    plain = tmp_path / "plain.db"
    with __import__("zipfile").ZipFile(good_backup) as zipped:
        plain.write_bytes(zipped.read(backup.DB_MEMBER))
    with sqlite3.connect(plain) as connection:
        connection.execute("ALTER TABLE contact ADD COLUMN payload TEXT")
    connection.close()
    before = db_path.read_bytes()
    with pytest.raises(DatabaseError, match="table contact has unknown columns payload"):
        backup.restore(plain, str(db_path))
    assert_untouched(db_path, before)


def test_a_zip_bomb_over_the_database_limit_is_refused_before_unpacking(good_backup, db_path, tmp_path,
                                                                       monkeypatch) -> None:
    monkeypatch.setattr(restoring, "MAX_DATABASE_BYTES", 8 << 20)
    bomb = hostile.zeros_member(tmp_path / "bomb.zip", 64 << 20)  # 64 KB on disk
    before = db_path.read_bytes()
    with pytest.raises(DatabaseError, match="unpacks to 64 MB, more than the limit of 8 MB"):
        backup.restore(bomb, str(db_path))
    assert_untouched(db_path, before)


def test_a_member_holding_more_than_it_declares_stops_while_streaming(good_backup, db_path, tmp_path,
                                                                       monkeypatch) -> None:
    written: list[int] = []
    real_unpack = restoring._unpack_database

    def watch(zipped, plan, target, source) -> None:  # noqa: ANN001
        try:
            real_unpack(zipped, plan, target, source)
        finally:
            written.append(target.stat().st_size)

    monkeypatch.setattr(restoring, "_unpack_database", watch)
    bomb = hostile.zeros_member(tmp_path / "liar.zip", 256 << 20, declared=4096)
    before = db_path.read_bytes()
    with pytest.raises(DatabaseError, match="damaged|more than"):
        backup.restore(bomb, str(db_path))
    assert written and written[0] <= 4096  # not the 256 MB the member really holds
    assert_untouched(db_path, before)


def test_a_restore_that_does_not_fit_on_the_disk_is_refused_before_writing(good_backup, db_path, monkeypatch) -> None:
    free = shutil.disk_usage(db_path.parent).free
    monkeypatch.setattr(restoring, "DISK_RESERVE_BYTES", free)  # as if the disk had no room left
    before = db_path.read_bytes()
    with pytest.raises(DatabaseError, match="needs .* on the disk holding .* is free.*Nothing was changed"):
        backup.restore(good_backup, str(db_path))
    assert_untouched(db_path, before)


def test_too_many_members_are_refused_before_the_directory_is_read(good_backup, db_path, tmp_path,
                                                                   monkeypatch) -> None:
    monkeypatch.setattr(archive, "MAX_MEMBERS", 50)
    crowded = hostile.many_members(tmp_path / "crowded.zip", 51)
    before = db_path.read_bytes()
    with pytest.raises(DatabaseError, match="lists 51 files"):
        backup.restore(crowded, str(db_path))
    assert_untouched(db_path, before)


@pytest.mark.parametrize("kind", ["fifo", "device", "folder"])
def test_a_restore_reads_regular_files_only(db_path, services, tmp_path, kind) -> None:
    services.db.dispose()
    source = {"fifo": tmp_path / "a.zip", "device": tmp_path / "b.zip", "folder": tmp_path / "c.zip"}[kind]
    if kind == "fifo":
        os.mkfifo(source)
    elif kind == "device":
        source.symlink_to("/dev/zero")
    else:
        source.mkdir()
    before = db_path.read_bytes()
    started = time.monotonic()
    with pytest.raises(DatabaseError, match="is a pipe|is a device|is a folder"):
        backup.restore(source, str(db_path))
    assert time.monotonic() - started < 10  # a FIFO is refused, not waited on
    assert db_path.read_bytes() == before


def test_the_good_backup_still_restores(good_backup, db_path) -> None:
    result = backup.restore(good_backup, str(db_path))
    assert len(contact_parts(db_path)) == 6 and result.cards_added == 1
    assert leftovers(db_path) == []


def test_left_overs_of_a_killed_restore_are_swept_when_the_database_is_opened(services, db_path) -> None:
    services.db.dispose()
    cards, backups = settings.cards_dir(), settings.database_backups_dir(db_path)
    old = time.time() - 3600
    dead = [db_path.parent / ".restore-k1ll3d.db", db_path.parent / ".restore-k1ll3d.db-journal",
            cards / ".incoming-k1ll3d", backups / ".partial-k1ll3d"]
    for path in dead[:3]:
        path.write_bytes(b"x" * 4096)
    dead[3].mkdir()
    (dead[3] / "netcompanion.db").write_bytes(b"x" * 4096)
    for path in dead:
        os.utime(path, (old, old))
    keep = cards / ".incoming-young"  # a second window may be writing it right now
    keep.write_bytes(b"y")
    with temp_files.temp_file(db_path.parent, ".restore-", ".db") as held:  # a restore running now
        os.utime(held, (old, old))
        open_services(str(db_path)).db.dispose()
        assert held.exists()
    assert [p for p in dead if p.exists()] == []
    assert keep.exists()
    unrelated = db_path.parent / "restore-notes.db"
    assert not unrelated.exists() or unrelated.is_file()


@pytest.mark.slow
def test_a_card_image_that_does_not_fit_on_the_disk_leaves_no_incoming_file(data_home, tmp_path) -> None:
    """Storing a scanned card's image in a process that may write at most 1 MB into a file (as on a
    full disk): the copy fails, and no `.incoming-*` file stays in the cards folder."""
    import subprocess
    import sys

    image = tmp_path / "big.png"
    image.write_bytes(os.urandom(2 << 20))
    code = ("import resource, sys; resource.setrlimit(resource.RLIMIT_FSIZE, (1 << 20, 1 << 20));"
            "from pathlib import Path; from netcompanion.core.store.card_store import store_card_image\n"
            "try:\n    store_card_image(Path(sys.argv[1]))\nexcept OSError as exc:\n    print(exc.strerror)")
    done = subprocess.run([sys.executable, "-c", code, str(image)], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "NETCOMPANION_HOME": str(data_home)}, check=True)
    assert done.stdout.strip() == "File too large"
    assert list(settings.cards_dir().iterdir()) == []


def test_the_refused_database_keeps_its_contacts(good_backup, db_path, tmp_path) -> None:
    """The case of the issue: 20 contacts, a file claiming 0004 with one table contact(x)."""
    source = hostile.lookalike_database(tmp_path / "lookalike.db")
    with pytest.raises(DatabaseError):
        backup.restore(source, str(db_path))
    services = open_services(str(db_path))
    assert len(services.contacts.list(limit=100)) == 26
    services.contacts.add(person(500, "after"))
    services.db.dispose()


# --- in a child process, under limits: memory, time and a disk that fills --------------------------

MEMORY_BOUND_MB = 400  # the child's peak resident memory (Python, SQLAlchemy, Alembic: ~120 MB)
TIME_BOUND_S = 60


def _refused_in_a_child(source: Path, db_path: Path, data_home: Path, **limits: int) -> dict:
    before = db_path.read_bytes()
    report = bounded_child.run(source, db_path, data_home, **limits)
    assert report["kind"] == "DatabaseError", report
    assert report["max_rss_mb"] < MEMORY_BOUND_MB and report["seconds"] < TIME_BOUND_S, report
    assert db_path.read_bytes() == before
    assert leftovers(db_path) == []
    return report


@pytest.mark.slow
def test_a_lying_bomb_stays_small_in_memory_and_time(good_backup, db_path, data_home, tmp_path) -> None:
    bomb = hostile.zeros_member(tmp_path / "bomb.zip", 1 << 30, declared=1 << 20)  # 1 GB of zeros, says 1 MB
    report = _refused_in_a_child(bomb, db_path, data_home)
    assert "damaged" in report["error"] or "more than" in report["error"]


@pytest.mark.slow
def test_a_crowded_directory_is_refused_within_the_memory_bound(good_backup, db_path, data_home, tmp_path) -> None:
    crowded = hostile.many_members(tmp_path / "crowded.zip", archive.MAX_MEMBERS + 1, name_length=8)
    report = _refused_in_a_child(crowded, db_path, data_home)
    assert f"lists {archive.MAX_MEMBERS + 1} files" in report["error"]


@pytest.mark.slow
def test_a_disk_that_fills_while_cards_are_added_leaves_no_incoming_file(good_backup, db_path, data_home,
                                                                         tmp_path) -> None:
    big = os.urandom(3 << 20)  # a 3 MB card image: more than the child may write into one file
    import hashlib
    import zipfile

    with_card = hostile.copy_backup(good_backup, tmp_path / "with-card.zip")
    with zipfile.ZipFile(with_card, "a") as zipped:
        zipped.writestr(f"cards/{hashlib.sha256(big).hexdigest()}.jpg", big)
    report = _refused_in_a_child(with_card, db_path, data_home, file_size=2 << 20)
    assert "File too large" in report["error"] and "left as it was" in report["error"]


# --- fuzz: any byte changed anywhere in a backup ------------------------------------------------

@settings_hypothesis(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_a_backup_changed_anywhere_is_restored_whole_or_refused_with_a_message(good_backup, db_path, tmp_path,
                                                                               data) -> None:
    """Either the restore works (a change the zip does not check: a time stamp, the manifest, which
    a restore does not read), or it is refused with a DatabaseError and the database is untouched;
    never another exception, never a temporary file left."""
    content = bytearray(good_backup.read_bytes())
    changes = data.draw(st.lists(st.tuples(st.integers(0, len(content) - 1), st.integers(0, 255)),
                                 min_size=1, max_size=8))
    for at, value in changes:
        content[at] = value
    if data.draw(st.booleans()):
        del content[data.draw(st.integers(0, len(content) - 1)):]  # and maybe cut short
    fuzzed = tmp_path / "fuzzed.zip"
    fuzzed.write_bytes(bytes(content))
    before = db_path.read_bytes()
    try:
        backup.restore(fuzzed, str(db_path))
    except DatabaseError:
        assert db_path.read_bytes() == before
    else:
        assert len(contact_parts(db_path)) == 6  # the backup's contacts, complete
        backup.restore(good_backup, str(db_path))  # (the next example starts from a known state)
    assert leftovers(db_path) == []
