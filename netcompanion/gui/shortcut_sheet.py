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

from netcompanion.gui.widgets import plain_label

#: keys that act inside one place or field rather than through a menu entry
IN_PLACE_KEYS = [
    ("Search box", "Down or Enter", "Move into the results"),
    ("Search box", "Esc", "Clear the search"),
    ("Scan review", "Enter on the name", "Move to the conversation detail"),
    ("Scan review", "Enter", "Save the card and open the next"),
    ("Everywhere", "Tab, Shift+Tab", "Move between controls"),
    ("Checklist window", "Esc, Ctrl+W", "Close it"),
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
        self.setWindowTitle("Keyboard shortcuts")
        self.rows = menu_shortcuts(bar) + IN_PLACE_KEYS
        self.table = QTableWidget(len(self.rows), 3)
        self.table.setHorizontalHeaderLabels(["Where", "Keys", "What it does"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setAccessibleName("Keyboard shortcuts")
        for row, (where, keys, what) in enumerate(self.rows):
            for column, text in enumerate((where, keys, what)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label("The menus show these too, next to their entries.", "hint"))
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(560, 520)
