"""Reviewing the duplicates already stored: the pairs, each side by side, a value picked per field,
merged with undo (Ctrl+Z)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from netcompanion.core.services import Services
from netcompanion.core.services.contacts import contact_label
from netcompanion.core.services.duplicates import CHOOSABLE_FIELDS, DuplicatePair
from netcompanion.core.store.models import Contact
from netcompanion.gui.operation import Operation
from netcompanion.gui.widgets import AdaptiveSplitter, plain_label
from netcompanion.gui.worker import Job, run_in_background

_LISTS = ("emails", "phones", "websites", "tags")


def _read_pairs(job: Job, services: Services) -> list[DuplicatePair]:
    return services.duplicates.find()


def _read_pair(job: Job, services: Services, pair: DuplicatePair) -> tuple[DuplicatePair, Contact, Contact]:
    return pair, services.contacts.get(pair.a), services.contacts.get(pair.b)


def _shown(contact: Contact, name: str) -> str:
    if name == "emails":
        return "; ".join(e.address for e in contact.emails)
    if name == "phones":
        return "; ".join(p.e164 for p in contact.phones)
    if name in ("websites", "tags"):
        return "; ".join(getattr(contact, name))
    return str(getattr(contact, name) or "")


class DuplicatesDialog(QDialog):
    """The stored pairs (certain ones first); the chosen pair's two contacts side by side, with a
    choice of A's or B's value for each field that differs (lists are joined); Merge keeps A."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Duplicates")
        self.services = services
        self.loading = False
        self.undo_keep: int | None = None  # the contact the last merge went into
        self.pair: DuplicatePair | None = None
        self.choices: dict[str, QButtonGroup] = {}
        self.pairs = QListWidget()
        self.pairs.currentItemChanged.connect(self._pair_chosen)
        self.hint = plain_label("", "hint", wrap=True)
        self.fields = QTableWidget(0, 3)
        self.fields.setHorizontalHeaderLabels(["Field", "A (kept)", "B"])
        self.fields.verticalHeader().setVisible(False)
        self.fields.horizontalHeader().setStretchLastSection(True)
        self.merge_button = QPushButton("Merge B into A")
        self.merge_button.setObjectName("primary")
        self.merge_button.setShortcut("Ctrl+M")
        self.merge_button.setToolTip("Merge the pair, with the values picked (Ctrl+M); Ctrl+Z undoes it")
        self.merge_button.clicked.connect(self.merge)
        self.undo_button = QPushButton("Undo merge")
        self.undo_button.setToolTip("Put the last merged pair back as it was (Ctrl+Z)")
        self.undo_button.clicked.connect(self.undo)
        self.undo_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self, self.undo)
        close = QPushButton("Close")
        close.clicked.connect(self.accept)
        self._build(close)
        self._set_pair(None)
        self.undo_button.setEnabled(False)
        self.reload()

    def _build(self, close: QPushButton) -> None:
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.hint)
        column.addWidget(self.fields, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        buttons.addWidget(self.merge_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label("Contacts that are, or may be, one person", "pageTitle"))
        layout.addWidget(AdaptiveSplitter(self.pairs, right, stretch=(2, 3)), 1)
        layout.addLayout(buttons)
        self.resize(900, 520)

    def reload(self) -> None:
        """Read the pairs again (in the background)."""
        self.loading = True
        run_in_background(_read_pairs, self.services, on_done=self._show_pairs, on_error=self._read_failed,
                          user_work=False, owner=self)

    def _read_failed(self, message: str) -> None:
        self.loading = False
        self.hint.setText(f"The duplicates could not be read: {message}")

    def _show_pairs(self, pairs: list[DuplicatePair]) -> None:
        self.pairs.clear()
        for pair in pairs:
            kind = "same person" if pair.certain else "possibly the same"
            item = QListWidgetItem(f"{pair.a_label}  ·  {pair.b_label}\n{kind}: {pair.reason}")
            item.setData(Qt.ItemDataRole.UserRole, pair)
            self.pairs.addItem(item)
        self.loading = False
        if pairs:
            self.pairs.setCurrentRow(0)
        else:
            self._set_pair(None)
            self.hint.setText("No duplicates found.")

    def _pair_chosen(self, item: QListWidgetItem | None) -> None:
        pair = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if pair is None:
            self._set_pair(None)
            return
        self.loading = True
        run_in_background(_read_pair, self.services, pair, on_done=self._show_pair, on_error=self._read_failed,
                          user_work=False, owner=self)

    def _set_pair(self, pair: DuplicatePair | None) -> None:
        self.pair = pair
        self.merge_button.setEnabled(pair is not None)
        if pair is None:
            self.fields.setRowCount(0)
            self.choices.clear()

    def _show_pair(self, read: tuple[DuplicatePair, Contact, Contact]) -> None:
        pair, a, b = read
        self.loading = False
        self._set_pair(pair)
        self.hint.setText(f"A: {contact_label(a)} (#{a.id})   B: {contact_label(b)} (#{b.id})\n"
                          "Pick the value to keep where they differ; e-mails, phones, web sites, tags and goals "
                          "are joined, and B's encounters, follow-ups and cards move to A.")
        rows = [(name, _shown(a, name), _shown(b, name)) for name in (*CHOOSABLE_FIELDS, *_LISTS)]
        rows = [row for row in rows if row[1] or row[2]]
        self.fields.setRowCount(len(rows))
        self.choices.clear()
        for index, (name, mine, theirs) in enumerate(rows):
            self.fields.setItem(index, 0, QTableWidgetItem(name.replace("_", " ")))
            if name in _LISTS or name == "notes" or mine == theirs or not (mine and theirs):
                for column, value in ((1, mine), (2, theirs)):  # nothing to choose: kept, filled or joined
                    self.fields.setItem(index, column, QTableWidgetItem(value))
                continue
            group = QButtonGroup(self.fields)
            for column, value in ((1, mine), (2, theirs)):
                button = QRadioButton(value)
                group.addButton(button, column)
                self.fields.setCellWidget(index, column, button)
            group.button(1).setChecked(True)
            self.choices[name] = group
        self.fields.resizeColumnsToContents()

    def take(self, name: str) -> None:
        """Choose B's value for the field `name` (what clicking B's button does)."""
        self.choices[name].button(2).setChecked(True)

    def merge(self) -> None:
        """Merge the pair shown, with the values picked."""
        if self.pair is None:
            return
        pair = self.pair
        take = [name for name, group in self.choices.items() if group.checkedId() == 2]
        self.merge_button.setEnabled(False)
        Operation(self, "Cannot merge the contacts",
                  lambda: self.services.duplicates.merge(pair.a, pair.b, take=take)) \
            .success(lambda contact: self._merged(contact)).failure(lambda _e: self.reload()).run()

    def _merged(self, contact: Contact) -> None:
        self.undo_keep = contact.id
        self.undo_button.setEnabled(True)
        self.reload()

    def undo(self) -> None:
        """Undo the last merge made here."""
        if self.undo_keep is None:
            return
        keep = self.undo_keep
        self.undo_keep = None
        self.undo_button.setEnabled(False)
        Operation(self, "Cannot undo the merge", lambda: self.services.duplicates.undo_merge(keep)) \
            .success(lambda _both: self.reload()).run()
