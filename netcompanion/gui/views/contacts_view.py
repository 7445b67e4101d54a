"""The Contacts place: a fast, filterable table with a detail pane and bulk actions."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from netcompanion.core.services import Services
from netcompanion.core.services.contact_table import ContactRow
from netcompanion.core.store.models import Event, Goal
from netcompanion.gui.contacts_model import ContactTableModel
from netcompanion.gui.operation import Operation
from netcompanion.gui.views.contact_detail import TIERS, ContactDetail
from netcompanion.gui.views.transfer_jobs import pick_and_export, start_import
from netcompanion.gui.widgets import AdaptiveSplitter, compact_combo, confirm, fill_combo, plain_label
from netcompanion.gui.worker import Job, LatestRead


@dataclass
class ContactsRead:
    """The table rows and the filters' choices, read together on a worker thread."""

    rows: list[ContactRow]
    goals: list[Goal]
    events: list[tuple[Event, int]]


def read_contacts_job(job: Job, services: Services) -> ContactsRead:
    return ContactsRead(services.contact_table.rows(), services.goals.list(), services.events.list())


class ContactsView(QWidget):
    """Lists contacts; filters by goal, event, tier and search; edits one; acts on many."""

    status = Signal(str)
    undoable = Signal(str, object)  # message, undo callable
    loaded = Signal()  # new rows are shown

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.read = LatestRead(self, read_contacts_job, self._show_rows, self._read_failed)
        self._keep: int | None = None
        self.model = ContactTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((170, 170, 170, 110, 90, 95)):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.detail = ContactDetail(services)
        self.detail.saved.connect(lambda _id: self.reload(keep=_id))
        self.goal_filter, self.event_filter, self.tier_filter = QComboBox(), QComboBox(), QComboBox()
        self.archived_filter = QComboBox()
        self.archived_filter.addItem("Active", False)
        self.archived_filter.addItem("Archived", True)
        for combo in (self.goal_filter, self.event_filter, self.tier_filter, self.archived_filter):
            compact_combo(combo, 8)
            combo.currentIndexChanged.connect(self._filters_changed)
        fill_combo(self.tier_filter, TIERS, ("All tiers", ""))
        self.count_label = plain_label("", "hint")
        self.bulk_button = QToolButton()
        self.bulk_button.setText("Selected…")
        self.bulk_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.bulk_button.setMenu(self._bulk_menu())
        self.bulk_button.setEnabled(False)
        self.import_button = QPushButton("Import…")
        self.import_button.setToolTip("Import contacts from a vCard or CSV file (Google, Outlook, LinkedIn, …)")
        self.import_button.setShortcut("Ctrl+I")
        self.import_button.clicked.connect(self.pick_import_file)
        self.export_button = QPushButton("Export…")
        self.export_button.setToolTip("Export the selected contacts, or all shown, as vCard or CSV")
        self.export_button.clicked.connect(self.export_contacts)
        self._build()

    def _build(self) -> None:
        title = QHBoxLayout()
        title.addWidget(plain_label("Contacts", "pageTitle"))
        title.addStretch(1)
        title.addWidget(self.count_label)
        title.addWidget(self.bulk_button)
        title.addWidget(self.import_button)
        title.addWidget(self.export_button)
        filters = QHBoxLayout()
        for combo in (self.goal_filter, self.event_filter, self.tier_filter, self.archived_filter):
            filters.addWidget(combo, 1)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(title)
        column.addLayout(filters)
        column.addWidget(self.table, 1)
        self.splitter = AdaptiveSplitter(left, self.detail, stretch=(3, 2))  # stacked on a small screen
        self.splitter.setSizes([720, 480])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

    def _bulk_menu(self) -> QMenu:
        menu = QMenu(self)
        self.goal_menu = menu.addMenu("Tag with goal")
        tier_menu = menu.addMenu("Set tier")
        for label, value in TIERS:
            tier_menu.addAction(label, partial(self._bulk_tier, value, label))
        menu.addSeparator()
        self.archive_action = QAction("Archive", self)
        self.archive_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.archive_action.triggered.connect(self.archive_selected)
        menu.addAction(self.archive_action)
        self.addAction(self.archive_action)
        return menu

    # loading
    def reload(self, keep: int | None = None) -> None:
        """Re-read every row (after an edit, a scan or an import) on a worker thread; the table keeps
        showing the old rows until the new ones are in, and the selection is kept."""
        self._keep = keep if keep is not None else self.detail.contact_id
        if not self.model.total:
            self.count_label.setText("Loading contacts…")
        self.read.start(self.services)

    @property
    def loading(self) -> bool:
        return self.read.loading

    def _read_failed(self, message: str) -> None:
        self.status.emit(f"The contacts cannot be read: {message}")

    def _show_rows(self, read: ContactsRead) -> None:
        self.model.set_rows(read.rows)
        fill_combo(self.goal_filter, [(g.name, g.key) for g in read.goals], ("All goals", ""))
        fill_combo(self.event_filter, [(e.name, e.id) for e, _ in read.events], ("All events", None))
        self.goal_menu.clear()
        for goal in read.goals:
            self.goal_menu.addAction(goal.name, partial(self._bulk_goal, goal.key, goal.name))
        self._update_count()
        if self._keep is not None:
            self.select_contact(self._keep)
        self.loaded.emit()

    def refresh(self) -> None:
        self.reload()

    def set_search(self, text: str) -> None:
        self.model.set_search(text)
        self._update_count()

    def _filters_changed(self) -> None:
        self.model.set_filter(goal=self.goal_filter.currentData() or "", tier=self.tier_filter.currentData() or "",
                              event_id=self.event_filter.currentData(), archived=bool(self.archived_filter.currentData()))
        self.archive_action.setText("Restore" if self.archived_filter.currentData() else "Archive")
        self._update_count()

    def _update_count(self) -> None:
        self.count_label.setText(f"{self.model.rowCount()} of {self.model.total}")

    # selection
    def select_contact(self, contact_id: int) -> None:
        row = self.model.row_of(contact_id)
        if row >= 0:
            index = self.model.index(row, 0)
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            self.table.scrollTo(index)

    def selected_ids(self) -> list[int]:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return [self.model.row_at(row).id for row in sorted(rows)]

    def _selection_changed(self) -> None:
        ids = self.selected_ids()
        self.bulk_button.setEnabled(bool(ids))
        self.bulk_button.setText(f"{len(ids)} selected…" if ids else "Selected…")
        self.detail.show_contact(ids[0] if len(ids) == 1 else None)

    # bulk actions
    def _write(self, title: str, write: Callable[[], object], then: Callable[[object], None] | None = None) -> None:
        """Store `write` in the background; the table is read again once it is stored."""
        def stored(result: object) -> None:
            self.reload()
            if then is not None:
                then(result)

        Operation(self, title, write).success(stored).run()

    def _bulk_goal(self, key: str, name: str) -> None:
        ids, contacts = self.selected_ids(), self.services.contacts
        self._write("Tag with goal", lambda: contacts.tag_many(ids, key),
                    lambda _: self.status.emit(f"Tagged {len(ids)} contacts with {name}"))

    def _bulk_tier(self, tier: str, label: str) -> None:
        ids, contacts = self.selected_ids(), self.services.contacts

        def offer_undo(before: object) -> None:
            self.undoable.emit(f"Moved {len(ids)} contacts to {label}",
                               lambda: self._write("Undo", lambda: contacts.set_tiers(before)))  # type: ignore[arg-type]

        self._write("Set tier", lambda: contacts.set_tiers({contact_id: tier for contact_id in ids}), offer_undo)

    def pick_import_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Import contacts", str(Path.home()),
                                              "Contacts (*.vcf *.vcard *.csv *.txt);;"
                                              "Meetings and e-mails (*.ics *.mbox *.eml);;All files (*)")
        if path:
            self.import_file(path)

    def import_file(self, path: str) -> None:
        """Import `path` in the background; the table reloads when it is done."""
        self.import_button.setEnabled(False)
        self.import_job = start_import(self, self.services, path, self._import_finished)

    def _import_finished(self, report: object) -> None:
        self.import_button.setEnabled(True)
        self.reload()
        if report is not None:
            self.status.emit(report.summary())  # type: ignore[attr-defined]

    def export_contacts(self) -> None:
        ids = self.selected_ids() or [self.model.row_at(row).id for row in range(self.model.rowCount())]
        if ids:
            pick_and_export(self, self.services, ids, self.status.emit)

    def archive_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        restoring = bool(self.archived_filter.currentData())
        if len(ids) > 1 and not restoring and not confirm(
                self, "Archive contacts", f"Archive {len(ids)} contacts? They leave the follow-up queue.", "Archive"):
            return
        contacts = self.services.contacts
        self._write("Archive" if not restoring else "Restore", lambda: contacts.set_archived(ids, not restoring),
                    lambda _: self.undoable.emit(
                        f"{'Restored' if restoring else 'Archived'} {len(ids)} contacts",
                        lambda: self._write("Undo", lambda: contacts.set_archived(ids, restoring))))
