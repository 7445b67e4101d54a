"""The desktop app on a database it cannot open: it says why and offers the latest backup."""
from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from netcompanion.core import settings
from netcompanion.core.store import backup
from netcompanion.gui import app as gui_app
from netcompanion.gui.restore_dialog import RestoreDialog
from tests.safety.conftest import damage

pytestmark = pytest.mark.sqlite_only  # restoring a SQLite file from its backup


class Answers:
    """Stands in for the user in front of the restore dialog and the message boxes: records what
    they say (all plain text), and clicks "Restore this backup" or closes the dialog as told."""

    def __init__(self, restore: bool) -> None:
        self.restore = restore
        self.texts: list[str] = []

    def dialog(self, dialog: RestoreDialog) -> int:
        labels = dialog.findChildren(QLabel)
        assert labels and all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)
        self.texts.append("\n".join(label.text() for label in labels))
        dialog.show()
        if self.restore and dialog.restore_button is not None:
            dialog.restore_button.click()  # the restore runs in the background; the dialog closes when it ends
            deadline = time.monotonic() + 30
            while dialog.isVisible() and time.monotonic() < deadline:
                QCoreApplication.processEvents()
                time.sleep(0.005)
        else:
            dialog.reject()
        assert not dialog.isVisible()
        return dialog.result()

    def message(self, box: QMessageBox) -> int:
        assert box.textFormat() == Qt.TextFormat.PlainText
        self.texts.append(box.text())
        return QMessageBox.StandardButton.Ok


@pytest.fixture
def damaged_with_backup(filled, db_path: Path) -> backup.BackupInfo:
    made = backup.create_backup(db_path)
    filled.db.dispose()
    damage(db_path)
    return made


def _answer(monkeypatch: pytest.MonkeyPatch, qapp, restore: bool) -> Answers:
    answers = Answers(restore)
    monkeypatch.setattr(RestoreDialog, "exec", lambda dialog: answers.dialog(dialog))
    monkeypatch.setattr(QMessageBox, "exec", lambda box: answers.message(box))
    return answers


def test_offers_the_latest_backup_and_restores_it_when_chosen(damaged_with_backup, db_path, monkeypatch,
                                                               qapp) -> None:
    answers = _answer(monkeypatch, qapp, restore=True)
    services = gui_app.open_services_or_offer_restore(str(db_path))
    assert services is not None and len(services.contacts.list()) == 20
    services.db.dispose()
    [offer] = answers.texts  # one dialog: why, which backup, and what restoring does
    assert "damaged" in offer and str(damaged_with_backup.path) in offer and "kept as a backup first" in offer
    assert [b.reason for b in backup.list_backups(db_path)] == ["pre-restore", "manual"]


def test_closing_the_offer_changes_nothing(damaged_with_backup, db_path, monkeypatch, qapp) -> None:
    before = db_path.read_bytes()
    _answer(monkeypatch, qapp, restore=False)
    assert gui_app.open_services_or_offer_restore(str(db_path)) is None
    assert db_path.read_bytes() == before


def test_without_a_backup_it_only_explains(filled, db_path, monkeypatch, qapp) -> None:
    filled.db.dispose()
    damage(db_path)
    before = db_path.read_bytes()
    answers = _answer(monkeypatch, qapp, restore=True)
    assert gui_app.open_services_or_offer_restore(str(db_path)) is None
    [text] = answers.texts
    assert "cannot be opened" in text and "No backup of it exists" in text
    assert db_path.read_bytes() == before


def test_a_busy_database_is_explained_without_offering_a_restore(filled, db_path, monkeypatch, qapp) -> None:
    from netcompanion.core.store import database

    backup.create_backup(db_path)
    filled.db.dispose()
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 200)
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        answers = _answer(monkeypatch, qapp, restore=True)
        assert gui_app.open_services_or_offer_restore(str(db_path)) is None
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    [text] = answers.texts
    assert "busy" in text
    assert [b.reason for b in backup.list_backups(db_path)] == ["manual"]


def test_a_latest_backup_that_is_not_ours_is_refused_with_a_message(filled, db_path, monkeypatch, qapp,
                                                                    tmp_path) -> None:
    """The newest backup holds a lookalike (one table contact(x), claiming schema 0004): the app says
    so in a message box, and the damaged database stays as it was for another try."""
    from tests.safety import hostile_zips

    backup.create_backup(db_path)
    filled.db.dispose()
    damage(db_path)
    lookalike = hostile_zips.zip_holding(hostile_zips.lookalike_database(tmp_path / "lookalike.db"),
                                         tmp_path / "lookalike.zip")
    newest = settings.database_backups_dir(db_path) / f"{db_path.stem}-20991231T000000Z-manual.zip"
    lookalike.replace(newest)
    before = db_path.read_bytes()
    answers = _answer(monkeypatch, qapp, restore=True)

    assert gui_app.open_services_or_offer_restore(str(db_path)) is None

    assert answers.texts[-1].startswith("The backup could not be restored.")
    assert "not a NetCompanion database" in answers.texts[-1] and "missing tables" in answers.texts[-1]
    assert db_path.read_bytes() == before
