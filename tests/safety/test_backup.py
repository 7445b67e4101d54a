"""Backups: consistent copies with the card images, the retention rule, restore and what it refuses."""
from __future__ import annotations

import json
import sqlite3
import threading
import zipfile
from contextlib import closing
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from netcompanion.core import settings
from netcompanion.core.errors import DatabaseError
from netcompanion.core.services import Services, open_database, open_services
from netcompanion.core.store import backup
from netcompanion.core.store.database import Database
from netcompanion.core.store.migrations import head_revision
from tests.gui.cards import jane_card
from tests.safety.conftest import add_people, contact_parts, damage, integrity, person

pytestmark = pytest.mark.sqlite_only  # backups are copies of the SQLite file


def _extract_db(zip_path: Path, into: Path) -> Path:
    with zipfile.ZipFile(zip_path) as archive:
        into.write_bytes(archive.read(backup.DB_MEMBER))
    return into


def test_backup_is_a_private_zip_with_a_checked_copy_and_the_card_images(services, db_path, tmp_path) -> None:
    add_people(services, 3)
    image = jane_card(tmp_path / "jane.jpg")
    services.cards.save_scan({"full_name": "Jane Whitfield", "emails": ["jane@northwind.example"]}, image)

    info = backup.create_backup(db_path)

    assert info.path.parent == settings.database_backups_dir(db_path)
    assert info.path.stat().st_mode & 0o777 == 0o600
    assert info.path.parent.stat().st_mode & 0o777 == 0o700
    assert settings.backups_dir().stat().st_mode & 0o777 == 0o700
    assert settings.cards_dir().stat().st_mode & 0o777 == 0o700
    assert all(p.stat().st_mode & 0o777 == 0o600 for p in settings.cards_dir().iterdir())
    with zipfile.ZipFile(info.path) as archive:
        names = archive.namelist()
        manifest = json.loads(archive.read(backup.MANIFEST_MEMBER))
    [card] = [n for n in names if n.startswith("cards/")]
    assert (settings.cards_dir() / card.removeprefix("cards/")).read_bytes() == image.read_bytes()
    assert manifest["revision"] == head_revision() and manifest["cards"] == [card.removeprefix("cards/")]
    copy = _extract_db(info.path, tmp_path / "copy.db")
    assert integrity(copy) == "ok"
    assert set(contact_parts(copy)) == {"Person p0", "Person p1", "Person p2", "Jane Whitfield"}
    assert not [p for p in info.path.parent.iterdir() if p.name.startswith(".partial")]


def test_backup_while_another_connection_writes_is_consistent(filled, db_path, tmp_path) -> None:
    """Each copy is one snapshot: every contact in it is complete, the copy passes integrity_check."""
    writer = Database.open(str(db_path))  # a second window writing all the time
    other = Services(writer)
    stop = threading.Event()

    def keep_writing() -> None:
        n = 1000
        while not stop.is_set():
            other.contacts.add(person(n, "w"))
            n += 1

    thread = threading.Thread(target=keep_writing)
    thread.start()
    try:
        copies = [backup.create_backup(db_path, "manual", prune=False) for _ in range(5)]
    finally:
        stop.set()
        thread.join()
        writer.dispose()
    counts = []
    for i, info in enumerate(copies):
        copy = _extract_db(info.path, tmp_path / f"copy{i}.db")
        assert integrity(copy) == "ok"
        parts = contact_parts(copy)
        assert all(value == (2, 2) for value in parts.values()), parts
        counts.append(len(parts))
    assert counts == sorted(counts) and counts[0] >= 20


def _info(when: str, reason: str = "auto") -> backup.BackupInfo:
    created = datetime.fromisoformat(when).replace(tzinfo=timezone.utc)
    return backup.BackupInfo(Path(f"/b/netcompanion-{created:%Y%m%dT%H%M%SZ}-{reason}.zip"), created, reason)


def test_retention_keeps_the_last_seven_and_the_newest_of_each_month() -> None:
    daily = [_info(f"2026-11-{day:02d}T08:00:00") for day in range(1, 23)]  # 1..22 November
    older = [_info("2026-09-03T08:00:00"), _info("2026-09-28T08:00:00"), _info("2026-10-01T08:00:00"),
             _info("2026-10-31T23:59:59"), _info("2025-10-15T08:00:00")]
    kept = backup.backups_to_keep(daily + older)
    assert [f"{k.created_at:%Y-%m-%d}" for k in kept] == [
        "2026-11-22", "2026-11-21", "2026-11-20", "2026-11-19", "2026-11-18", "2026-11-17", "2026-11-16",
        "2026-10-31", "2026-09-28", "2025-10-15"]


def test_prune_deletes_what_the_rule_drops_and_nothing_else(db_path) -> None:
    db_path.touch()
    folder = settings.database_backups_dir(db_path)
    start = datetime(2026, 8, 30, 12, tzinfo=timezone.utc)
    for day in range(12):
        stamp = (start + timedelta(days=day)).strftime("%Y%m%dT%H%M%SZ")
        (folder / f"test-{stamp}-auto.zip").write_bytes(b"x")
    (folder / "notes.txt").write_text("not a backup")

    removed = backup.prune_backups(db_path)

    left = sorted(p.name for p in folder.glob("*.zip"))
    assert len(removed) == 4 and len(left) == 8
    assert left[0] == "test-20260831T120000Z-auto.zip"  # the last one of August stays
    assert (folder / "notes.txt").exists()


def test_backup_if_due_runs_once_a_day(filled, db_path) -> None:
    now = datetime(2026, 11, 22, 9, tzinfo=timezone.utc)
    first = backup.backup_if_due(db_path, now=now)
    assert first is not None and first.reason == "auto"
    assert backup.backup_if_due(db_path, now=now + timedelta(hours=23)) is None
    assert backup.backup_if_due(db_path, now=now + timedelta(hours=25)) is not None
    assert len(backup.list_backups(db_path)) == 2


def test_opening_backs_up_daily_and_always_before_an_upgrade(db_path) -> None:
    open_database(str(db_path)).dispose()  # a new file: nothing to back up yet
    assert backup.list_backups(db_path) == []
    open_database(str(db_path)).dispose()
    assert [b.reason for b in backup.list_backups(db_path)] == ["auto"]
    open_database(str(db_path)).dispose()  # within the day: no second one
    assert len(backup.list_backups(db_path)) == 1

    old = db_path.with_name("old.db")
    legacy = Database.open(str(old), migrate=False)
    legacy.upgrade("0001")
    legacy.dispose()
    open_database(str(old)).dispose()
    [pre] = backup.list_backups(old)
    assert pre.reason == "pre-upgrade"
    with zipfile.ZipFile(pre.path) as archive:
        assert json.loads(archive.read(backup.MANIFEST_MEMBER))["revision"] == "0001"


def test_no_upgrade_without_a_backup(db_path, monkeypatch) -> None:
    legacy = Database.open(str(db_path), migrate=False)
    legacy.upgrade("0001")
    legacy.dispose()

    def failing(*_args, **_kwargs):
        raise DatabaseError("cannot write a backup into /nowhere: No space left on device")

    monkeypatch.setattr(backup.making, "create_backup", failing)
    with pytest.raises(DatabaseError, match="was not upgraded"):
        open_database(str(db_path))
    with closing(sqlite3.connect(db_path)) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"


def test_a_failed_daily_backup_does_not_keep_the_user_out(filled, db_path, monkeypatch, caplog) -> None:
    def failing(*_args, **_kwargs):
        raise DatabaseError("cannot write a backup into /nowhere: No space left on device")

    monkeypatch.setattr(backup.making, "create_backup", failing)
    services = open_services(str(db_path))
    assert len(services.contacts.list()) == 20
    services.db.dispose()
    assert "daily backup failed" in caplog.text


def test_restore_keeps_what_it_replaces_and_brings_back_the_cards(services, db_path, tmp_path) -> None:
    add_people(services, 5)
    image = jane_card(tmp_path / "jane.jpg")
    saved = services.cards.save_scan({"full_name": "Jane Whitfield"}, image)
    [card] = services.cards.images_for(saved.id)
    good = backup.create_backup(db_path)
    services.contacts.add(person(99, "late"))
    (settings.cards_dir() / card.file_name).unlink()  # the image is lost too

    result = backup.restore(good.path, str(db_path))

    # the open services (another window) see the restored data at once
    assert {c.full_name for c in services.contacts.list()} == {f"Person p{n}" for n in range(5)} | {"Jane Whitfield"}
    assert (settings.cards_dir() / card.file_name).read_bytes() == image.read_bytes()
    assert result.cards_added == 1 and result.revision == head_revision()
    assert result.replaced_backup is not None and result.replaced_backup.reason == "pre-restore"
    replaced = _extract_db(result.replaced_backup.path, tmp_path / "replaced.db")
    assert "Person late99" in contact_parts(replaced)
    assert integrity(db_path) == "ok"
    assert db_path.stat().st_mode & 0o077 == 0
    services.db.dispose()


def test_restore_over_a_damaged_database_keeps_its_bytes(filled, db_path, tmp_path) -> None:
    good = backup.create_backup(db_path)
    filled.db.dispose()
    damage(db_path)
    damaged_bytes = db_path.read_bytes()

    result = backup.restore(good.path, str(db_path))

    assert integrity(db_path) == "ok" and len(contact_parts(db_path)) == 20
    with zipfile.ZipFile(result.replaced_backup.path) as archive:  # type: ignore[union-attr]
        assert archive.read(backup.DB_MEMBER) == damaged_bytes


def test_restore_accepts_a_plain_database_file(filled, db_path, tmp_path) -> None:
    plain = tmp_path / "copy.db"
    backup.online_copy(db_path, plain)
    filled.contacts.add(person(77, "x"))
    backup.restore(plain, str(db_path))
    assert len(filled.contacts.list()) == 20
    filled.db.dispose()


def _newer_database(tmp_path: Path) -> Path:
    path = tmp_path / "future.db"
    Database.open(str(path)).dispose()
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    return path


def _zip_holding(tmp_path: Path, db_file: Path) -> Path:
    path = tmp_path / "backup.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.write(db_file, backup.DB_MEMBER)
    return path


@pytest.mark.parametrize("kind", ["text", "foreign-sqlite", "zip-without-db", "newer-db", "newer-zip", "damaged"])
def test_restore_refuses_what_is_not_a_netcompanion_backup_and_touches_nothing(filled, db_path, tmp_path,
                                                                                 kind) -> None:
    if kind == "text":
        source, message = tmp_path / "notes.txt", "not a NetCompanion backup or database"
        source.write_text("hello\n" * 1000)
    elif kind == "foreign-sqlite":
        source, message = tmp_path / "other.db", "not a NetCompanion database"
        with closing(sqlite3.connect(source)) as connection:
            connection.execute("CREATE TABLE invoices (id INTEGER)")
    elif kind == "zip-without-db":
        source, message = tmp_path / "photos.zip", "not a NetCompanion backup"
        with zipfile.ZipFile(source, "w") as archive:
            archive.writestr("cards/x.jpg", b"jpeg")
    elif kind == "newer-db":
        source, message = _newer_database(tmp_path), "newer NetCompanion"
    elif kind == "newer-zip":
        source, message = _zip_holding(tmp_path, _newer_database(tmp_path)), "newer NetCompanion"
    else:
        source, message = tmp_path / "broken.db", "damaged"
        backup.online_copy(db_path, source)
        damage(source)
    filled.db.dispose()
    before = db_path.read_bytes()

    with pytest.raises(DatabaseError, match=message):
        backup.restore(source, str(db_path))

    assert db_path.read_bytes() == before
    assert backup.list_backups(db_path) == []  # nothing replaced, so no pre-restore copy either
    assert not [p for p in db_path.parent.iterdir() if p.name.startswith(".restore-")]


def test_backup_and_restore_refuse_a_server_database_with_a_clear_message() -> None:
    with pytest.raises(DatabaseError, match="SQLite database only.*pg_dump"):
        backup.sqlite_file("postgresql+psycopg://me@localhost/netcompanion")


def test_backups_of_two_databases_do_not_mix(db_path) -> None:
    other = db_path.with_name("other.db")
    for path in (db_path, other):
        Database.open(str(path)).dispose()
        backup.create_backup(path)
    assert settings.database_backups_dir(db_path) != settings.database_backups_dir(other)
    assert len(backup.list_backups(db_path)) == len(backup.list_backups(other)) == 1
    default = settings.data_dir() / settings.DB_FILE_NAME
    assert settings.database_backups_dir(default) == settings.backups_dir()


@pytest.mark.parametrize("hard_links", [True, False])
def test_two_backups_in_the_same_second_both_stay(filled, db_path, monkeypatch, hard_links) -> None:
    if not hard_links:  # a FAT-formatted disk
        def no_link(*_args):
            raise PermissionError(1, "Operation not permitted")

        monkeypatch.setattr(backup.making.os, "link", no_link)
    now = datetime(2026, 11, 22, 9, 30, tzinfo=timezone.utc)
    first = backup.create_backup(db_path, now=now)
    second = backup.create_backup(db_path, now=now)
    assert first.path != second.path and second.path.name.endswith("-2-manual.zip")
    assert {b.path for b in backup.list_backups(db_path)} == {first.path, second.path}
    assert all(zipfile.is_zipfile(b.path) for b in (first, second))
