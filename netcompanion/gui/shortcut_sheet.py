"""The keyboard shortcut sheet (Help > Keyboard shortcuts, F1 or Ctrl+?): read from the menu bar,
so it lists every shortcut the menus have, plus the keys that work inside the places."""
from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMenu,
    QMenuBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from netcompanion.gui.i18n import tr, tr_noop
from netcompanion.gui.widgets import plain_label

#: keys that act inside one place or field rather than through a menu entry
IN_PLACE_KEYS = [
    (tr_noop("Search box"), tr_noop("Down or Enter"), tr_noop("Move into the results")),
    (tr_noop("Search box"), "Esc", tr_noop("Clear the search")),
    (tr_noop("Scan review"), tr_noop("Enter on the name"), tr_noop("Move to the conversation detail")),
    (tr_noop("Scan review"), "Enter", tr_noop("Save the card and open the next")),
    (tr_noop("Everywhere"), "Tab, Shift+Tab", tr_noop("Move between controls")),
    (tr_noop("Checklist window"), "Esc, Ctrl+W", tr_noop("Close it")),
]


def menu_shortcuts(bar: QMenuBar) -> list[tuple[str, str, str]]:
    """(menu, keys, entry) for every menu entry that has a shortcut, in menu order."""
    rows = []
    for menu_action in bar.actions():
        menu = menu_action.menu()
        if not isinstance(menu, QMenu):
            continue
        for action in menu.actions():
            keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
            if keys:
                rows.append((menu_action.text().replace("&", ""), keys, action.text().replace("&", "")))
    return rows


class ShortcutSheet(QDialog):
    """A table of every shortcut: where, which keys, what they do."""

    def __init__(self, bar: QMenuBar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Keyboard shortcuts"))
        self.rows = menu_shortcuts(bar) + [(tr(where), tr(keys), tr(what)) for where, keys, what in IN_PLACE_KEYS]
        self.table = QTableWidget(len(self.rows), 3)
        self.table.setHorizontalHeaderLabels([tr("Where"), tr("Keys"), tr("What it does")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setAccessibleName(tr("Keyboard shortcuts"))
        self.table.setTabKeyNavigation(False)
        for row, (where, keys, what) in enumerate(self.rows):
            for column, text in enumerate((where, keys, what)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(tr("The menus show these too, next to their entries."), "hint"))
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(560, 520)
