"""Every string of a user or a file is shown as text, never as markup: the demo network with markup in
every name, note and file name, every place and dialog opened, and the whole widget tree searched."""
from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDialog, QLabel, QMessageBox, QPlainTextEdit, QTextEdit

from netcompanion.demo import fill_demo
from netcompanion.gui.main_window import PLACES, MainWindow
from tests.gui.waiting import settled

pytestmark = pytest.mark.sqlite_only  # the markup is written into the SQLite file; the views are the same on both

RAW = "<b>MK"  # what a rendered string has lost
MARKUP = '<b>MK</b><img src="nc-nowhere.png"> '
IN_FILE_NAMES = "<b>MK<i><img src=x>"  # (no "/" in a file name)

# every column that holds a person's or a file's words (not keys, enums, times or hashes)
TEXT_COLUMNS = {
    "goal": ["name", "description"],
    "contact": ["full_name", "given_name", "family_name", "title", "company", "address", "linkedin", "notes",
                "interests", "their_goals", "needs", "offers"],
    "contactemail": ["address"],
    "event": ["name", "location", "notes"],
    "encounter": ["detail", "owner"],
    "target": ["name", "title", "company", "email", "why", "research_notes", "talking_points"],
    "interaction": ["summary"],
    "followup": ["reason", "draft", "owner"],
    "cardimage": ["raw_text"],
    "introduction": ["reason"],
}


def mark_everything(db_file: Path) -> None:
    with closing(sqlite3.connect(db_file)) as connection, connection:
        for table, columns in TEXT_COLUMNS.items():
            sets = ", ".join(f"{column} = ? || {column}" for column in columns)
            connection.execute(f"UPDATE {table} SET {sets}", [MARKUP] * len(columns))


def _model_spots(view: QAbstractItemView, where: str) -> list[str]:
    model = view.model()
    if model is None:
        return []
    spots = []
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(QModelIndex())
    for row in range(min(model.rowCount(QModelIndex()), 100)):
        for column in range(columns):
            tip = model.data(model.index(row, column), Qt.ItemDataRole.ToolTipRole)
            if isinstance(tip, str) and RAW in tip:
                spots.append(f"{where}: the tooltip of row {row}, column {column} is markup: {tip[:60]!r}")
    return spots


def rich_spots() -> list[str]:
    """Every widget that shows a marked string as rich text (a label, a tooltip, a text box)."""
    spots = []
    for widget in QApplication.allWidgets():
        where = f"{type(widget).__name__} {widget.objectName()!r} in {type(widget.window()).__name__}"
        if isinstance(widget, QLabel) and "MK" in widget.text() and widget.textFormat() != Qt.TextFormat.PlainText:
            spots.append(f"{where}: rich text {widget.text()[:60]!r}")
        if isinstance(widget, QMessageBox) and "MK" in widget.text() and widget.textFormat() != Qt.TextFormat.PlainText:
            spots.append(f"{where}: a message box in rich text {widget.text()[:60]!r}")
        if RAW in widget.toolTip():
            spots.append(f"{where}: tooltip markup {widget.toolTip()[:60]!r}")
        if isinstance(widget, (QTextEdit, QPlainTextEdit)):
            shown = widget.toPlainText()
            if "MK" in shown and RAW not in shown:
                spots.append(f"{where}: markup rendered {shown[:60]!r}")
        if isinstance(widget, QAbstractItemView):
            spots += _model_spots(widget, where)
    return spots


class Dialogs:
    """Stands in for the user at every dialog: records what it showed, then cancels it."""

    def __init__(self) -> None:
        self.seen: list[str] = []
        self.spots: list[str] = []

    def exec(self, dialog: QDialog) -> int:
        self.seen.append(dialog.windowTitle())
        self.spots += rich_spots()
        return 0


@pytest.fixture
def marked_window(qtbot, services, db_path, monkeypatch):
    fill_demo(services)
    mark_everything(db_path)
    dialogs = Dialogs()
    monkeypatch.setattr(QDialog, "exec", lambda dialog: dialogs.exec(dialog))
    monkeypatch.setattr(QMessageBox, "exec", lambda box: dialogs.exec(box))
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    return window, dialogs


def _pump() -> None:
    for _ in range(5):
        QCoreApplication.processEvents()


def test_no_widget_shows_a_user_string_as_rich_text(marked_window, tmp_path, qtbot) -> None:
    window, dialogs = marked_window
    spots: list[str] = []
    for row in range(len(PLACES)):
        window.navigation.setCurrentRow(row)
        view = window.views[row]
        if hasattr(view, "loading"):
            settled(view)
        _pump()
        spots += rich_spots()

    today = window.today
    window.navigation.setCurrentRow(PLACES.index("Today"))
    settled(today)
    items = today.items
    assert items and all(RAW in item.contact_name for item in items[:1])
    today.add_detail(items[0])
    today.snooze_until_picked(items[0].id)
    today.open_checklist_window()
    _pump()
    spots += rich_spots()
    today.close_checklist_window()

    window.navigation.setCurrentRow(PLACES.index("Contacts"))
    contacts = settled(window.contacts)
    for row in range(min(3, contacts.model.rowCount())):
        contacts.select_contact(contacts.model.row_at(row).id)
        _pump()
        spots += rich_spots()
    marked_file = tmp_path / f"{IN_FILE_NAMES}.vcf"
    marked_file.write_text(f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{MARKUP}Vee\r\nEND:VCARD\r\n")
    contacts.import_file(str(marked_file))
    spots += rich_spots()  # the progress dialog, named after the file
    qtbot.waitUntil(lambda: not contacts.loading and not _jobs(), timeout=30_000)
    _pump()

    window.navigation.setCurrentRow(PLACES.index("Events"))
    events = window.events
    for row in range(events.list.count()):
        events.list.setCurrentRow(row)
        _pump()
        spots += rich_spots()
        events.edit_event()
    planning = window.planning
    planning.rank_contacts()
    _pump()
    spots += rich_spots()
    attendees = tmp_path / f"{IN_FILE_NAMES}attendees.csv"
    attendees.write_text(f"{MARKUP}Name,Company\nAda {MARKUP},Acme {MARKUP}\n")
    planning.import_attendees(str(attendees))

    window.navigation.setCurrentRow(PLACES.index("Scan"))
    missing = str(tmp_path / f"{IN_FILE_NAMES}card.jpg")
    window.scan._card_read((missing, {"source": missing, "error": f"no such file: {missing}"}, None))
    window.scan._progress(1, 2, f"read {missing}")
    _pump()
    spots += rich_spots()
    window.scan.skip_current()  # reviewed: closing the window does not ask about it

    assert "Which column is which?" in dialogs.seen and "Snooze until" in dialogs.seen
    assert not sorted(set(spots + dialogs.spots)), "\n".join(sorted(set(spots + dialogs.spots)))


def _jobs():
    from netcompanion.gui.worker import running_jobs

    return running_jobs()
