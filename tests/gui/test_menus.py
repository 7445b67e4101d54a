"""The menu bar shows every shortcut, F1 opens the shortcut sheet, focus shows, and the keyboard
goes from the search box into the results."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QImage
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from netcompanion.gui.main_window import PLACES
from netcompanion.gui.shortcut_sheet import ShortcutSheet, menu_shortcuts
from tests.gui.waiting import settled

pytestmark = pytest.mark.sqlite_only  # about the window, not the database


def _menu_entries(window) -> dict[str, list[str]]:
    entries = {}
    for top in window.menuBar().actions():
        entries[top.text().replace("&", "")] = [a.text().replace("&", "") for a in top.menu().actions() if a.text()]
    return entries


def test_the_menu_bar_holds_every_shortcut(qtbot, window) -> None:
    entries = _menu_entries(window)
    assert list(entries) == ["File", "Edit", "View", "Go", "Help"]
    assert entries["Go"][:5] == PLACES
    in_menus = {id(a) for top in window.menuBar().actions() for a in top.menu().actions()}
    for action in window.findChildren(QAction):
        if action.shortcuts():
            assert id(action) in in_menus, f"{action.text()} has {action.shortcut().toString()} but no menu entry"
    for button in window.findChildren(QAbstractButton):
        assert button.shortcut().isEmpty(), f"{button.text()} has a shortcut the menus do not show"
    listed = {keys for _, keys, _ in menu_shortcuts(window.menuBar())}
    for keys in ("Ctrl+O", "Ctrl+I", "Ctrl+E", "Ctrl+S", "Ctrl+Z", "Ctrl+F", "F5", "Ctrl+Shift+T", "Ctrl+1", "Ctrl+Q"):
        assert any(keys in shown.split(", ") for shown in listed), keys


@pytest.mark.parametrize("keys", [(Qt.Key.Key_F1, Qt.KeyboardModifier.NoModifier),
                                  (Qt.Key.Key_Question, Qt.KeyboardModifier.ControlModifier)])
def test_f1_and_ctrl_question_mark_open_the_shortcut_sheet(qtbot, window, monkeypatch, keys) -> None:
    opened: list[ShortcutSheet] = []
    monkeypatch.setattr(ShortcutSheet, "exec", lambda sheet: opened.append(sheet) or 0)
    qtbot.keyClick(window, *keys)
    [sheet] = opened
    shown = [(sheet.table.item(r, 1).text(), sheet.table.item(r, 2).text()) for r in range(sheet.table.rowCount())]
    assert ("Ctrl+O", "Add cards…") in shown and ("Ctrl+3", "Contacts") in shown
    assert any(what == "Move into the results" for _, what in shown)


def test_the_search_box_leads_into_the_results(qtbot, window) -> None:
    window.navigation.setCurrentRow(PLACES.index("Contacts"))
    view = settled(window.contacts)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.search, "okafor")
    qtbot.keyClick(window.search, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is view.table
    assert view.selected_ids() == [view.model.row_at(0).id] and view.detail.heading.text() == "Amara Okafor"


def _painted(widget: QWidget) -> QImage:
    return widget.grab().toImage()


@pytest.fixture
def styled(qapp):
    """The app's stylesheet, as the app sets it (create_application)."""
    from netcompanion.gui.theme import stylesheet

    qapp.setStyleSheet(stylesheet())
    yield
    qapp.setStyleSheet("")


@pytest.mark.parametrize("control", ["button", "combo", "search", "navigation", "table"])
def test_focus_shows_on_every_kind_of_control(qtbot, window, styled, control) -> None:
    window.navigation.setCurrentRow(PLACES.index("Contacts"))
    view = settled(window.contacts)
    widget = {"button": view.import_button, "combo": view.goal_filter, "search": window.search,
              "navigation": window.navigation, "table": view.table}[control]
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    (view.export_button if widget is not view.export_button else view.import_button).setFocus()
    QApplication.processEvents()
    without = _painted(widget)
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    assert widget.hasFocus()
    assert _painted(widget) != without, f"the {control} looks the same with the keyboard focus as without"


def test_tab_alone_reaches_every_control_of_a_place(qtbot, window) -> None:
    window.navigation.setCurrentRow(PLACES.index("Contacts"))
    view = settled(window.contacts)
    view.select_contact(view.model.row_at(0).id)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.navigation.setFocus()
    visited = []
    for _ in range(200):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        if focused is window.navigation:
            break
        visited.append(focused)
    wanted = [window.search, view.import_button, view.export_button, view.goal_filter, view.archived_filter,
              view.table, view.detail.lines["full_name"], view.detail.tier, view.detail.save_button]
    assert [w for w in wanted if w not in visited] == []
    assert focused is window.navigation, "Tab comes round to the places again"


def test_save_and_delete_act_only_on_the_contacts_shown(qtbot, window, demo_services) -> None:
    window.navigation.setCurrentRow(PLACES.index("Contacts"))
    view = settled(window.contacts)
    view.select_contact(view.model.row_at(0).id)
    window.navigation.setCurrentRow(PLACES.index("Scan"))
    window.activateWindow()
    qtbot.keyClick(window.navigation, Qt.Key.Key_Delete)
    qtbot.keyClick(window.navigation, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    settled(view)
    assert window.stack.currentWidget() is window.scan  # it stayed where the user was
    assert len(demo_services.contacts.list()) == 40  # and archived nobody
