"""Small rough edges a demanding user met (issue 17, item 14), each done as the user did it."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QMessageBox

from netcompanion.gui.views.event_dialog import EventDialog
from netcompanion.gui.widgets import DateTimeField
from tests.gui.waiting import settled, written

pytestmark = pytest.mark.sqlite_only


def test_pick_a_date_in_snooze_is_a_labelled_field(qtbot, window, monkeypatch) -> None:
    seen: list[QDialog] = []

    def look(dialog: QDialog) -> int:
        seen.append(dialog)
        return 0  # the user cancels

    monkeypatch.setattr(QDialog, "exec", look)
    window.navigation.setCurrentRow(0)
    view = settled(window.today)
    item = view.items[0]
    view.snooze_until_picked(item.id, item.contact_name)
    [dialog] = seen
    picker = dialog.findChild(DateTimeField)
    form = dialog.findChild(QFormLayout)
    assert form.labelForField(picker).text() == "Snooze until"
    assert any(item.contact_name in label.text() for label in dialog.findChildren(QLabel))


def test_tab_in_the_event_dates_goes_on_to_where(qtbot, demo_services) -> None:
    dialog = EventDialog(demo_services)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.start.setFocus()
    QTest.keyClick(dialog.start, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.end
    QTest.keyClick(dialog.end, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.location
    QTest.keyClicks(dialog.location, "Messe Berlin")
    assert dialog.location.text() == "Messe Berlin"
    QTest.keyClick(dialog.location, Qt.Key.Key_Backtab)
    assert dialog.focusWidget() is dialog.end


def test_a_search_in_contacts_stays_in_contacts(qtbot, window) -> None:
    window.navigation.setCurrentRow(2)
    settled(window.contacts)
    window.search.setFocus()
    QTest.keyClicks(window.search, "okafor")
    assert window.contacts.model.rowCount() == 1
    window.navigation.setCurrentRow(1)  # Scan
    assert window.search.text() == ""
    window.navigation.setCurrentRow(2)
    assert window.search.text() == "okafor" and settled(window.contacts).model.rowCount() == 1


def test_no_selection_is_left_counted_after_undo(qtbot, window, demo_services, monkeypatch) -> None:
    monkeypatch.setattr(QMessageBox, "exec", lambda self: None)
    monkeypatch.setattr("netcompanion.gui.views.contacts_view.confirm", lambda *args: True)
    window.navigation.setCurrentRow(2)
    view = settled(window.contacts)
    for row in range(3):
        view.table.selectionModel().select(view.model.index(row, 0), view.table.selectionModel().SelectionFlag.Select
                                           | view.table.selectionModel().SelectionFlag.Rows)
    assert view.bulk_button.text() == "3 selected…"
    view.archive_selected()
    written()
    settled(view)
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    written()
    settled(view)
    assert not view.selected_ids()
    assert view.bulk_button.text() == "Selected…" and not view.bulk_button.isEnabled()
