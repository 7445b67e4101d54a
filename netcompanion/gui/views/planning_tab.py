"""An event's planning tab: import the attendee list, rank it by fit, keep targets with their why.

Importing asks which column is which (pre-filled with the columns recognised automatically);
reading and ranking run in the background.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from netcompanion.core.errors import NetCompanionError
from netcompanion.core.services import Services
from netcompanion.gui.widgets import plain_label, plain_tooltip, show_error
from netcompanion.gui.worker import Job, run_in_background
from netcompanion.interop.attendees import ATTENDEE_KEYS, attendee_columns, read_attendees

KEY_LABELS = {"name": "Name", "title": "Title", "company": "Company", "email": "E-mail", "bio": "Bio / notes"}
STATUSES = [("Planned", "planned"), ("Met", "met"), ("Skipped", "skipped")]


class ColumnMappingDialog(QDialog):
    """Asks which column of the attendee file holds the name, title, company, e-mail and bio."""

    def __init__(self, header: list[str], guessed: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Which column is which?")
        self.combos: dict[str, QComboBox] = {}
        form = QFormLayout(self)
        form.addRow(plain_label("Check the columns NetCompanion recognised in the attendee list.", "hint", wrap=True))
        for key in ATTENDEE_KEYS:
            combo = QComboBox()
            combo.addItem("(none)", "")
            for column in header:
                combo.addItem(column, column)
            combo.setCurrentIndex(max(0, combo.findData(guessed.get(key, ""))))
            self.combos[key] = combo
            form.addRow(KEY_LABELS[key], combo)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def mapping(self) -> dict[str, str]:
        return {key: combo.currentData() for key, combo in self.combos.items() if combo.currentData()}


def read_and_rank_job(job: Job, services: Services, event_id: int, path: str, mapping: dict[str, str]) -> list:
    job.report(0, 2, "Reading the attendee list")
    attendees = read_attendees(path, mapping)
    job.check()
    job.report(1, 2, f"Ranking {len(attendees)} attendees")
    return services.planning.rank(event_id, attendees)


#: the widest the name and the title columns of the ranked list get, so that the reasons show
RANKED_WIDEST = {1: 180, 2: 200}


class PlanningTab(QWidget):
    """Ranked attendees on the left, the event's targets (with why, notes, talking points) on the right."""

    status = Signal(str)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.event_id: int | None = None
        self.ranked: list[Any] = []
        self.job: Job | None = None
        self.import_button = QPushButton("Import attendees…")
        self.import_button.clicked.connect(self.pick_attendee_file)
        self.rank_contacts_button = QPushButton("Rank my contacts")
        self.rank_contacts_button.setToolTip("Rank the people already in your contacts by fit with this goal")
        self.rank_contacts_button.clicked.connect(self.rank_contacts)
        self.add_button = QPushButton("Add selected as targets")
        self.add_button.setObjectName("primary")
        self.add_button.clicked.connect(self.add_selected)
        self.progress = QLabel()
        self.ranked_table = QTableWidget(0, 4)
        self.ranked_table.setHorizontalHeaderLabels(["Fit", "Name (✓ a contact)", "Title · Company", "Why they fit"])
        self.ranked_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.ranked_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.ranked_table.horizontalHeader().setStretchLastSection(True)
        self.ranked_table.verticalHeader().hide()
        self.targets_table = QTableWidget(0, 3)
        self.targets_table.setHorizontalHeaderLabels(["Target", "Fit", "Status"])
        self.targets_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.targets_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.targets_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.targets_table.horizontalHeader().setStretchLastSection(True)
        self.targets_table.verticalHeader().hide()
        self.targets_table.itemSelectionChanged.connect(self._open_target)
        self.why = QPlainTextEdit()
        self.research = QPlainTextEdit()
        self.talking = QPlainTextEdit()
        for box in (self.why, self.research, self.talking):
            box.setFixedHeight(60)
            box.setTabChangesFocus(True)
        self.why.setPlaceholderText("Why this person, specifically (e.g. their fund led two seed rounds in logistics)")
        self.target_status = QComboBox()
        for label, value in STATUSES:
            self.target_status.addItem(label, value)
        self.save_target_button = QPushButton("Save target")
        self.save_target_button.clicked.connect(self.save_target)
        self.remove_target_button = QPushButton("Remove")
        self.remove_target_button.clicked.connect(self.remove_target)
        self._target_ids: list[int] = []
        self._build()

    def _build(self) -> None:
        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.rank_contacts_button)
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        left_column.addLayout(buttons)
        left_column.addWidget(self.progress)
        left_column.addWidget(self.ranked_table, 1)
        right = QWidget()
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(0, 0, 0, 0)
        right_column.addWidget(plain_label("Targets", "cardTitle"))
        right_column.addWidget(self.targets_table, 1)
        form = QFormLayout()
        form.addRow("Why", self.why)
        form.addRow("Research", self.research)
        form.addRow("Talking points", self.talking)
        form.addRow("Status", self.target_status)
        right_column.addLayout(form)
        target_buttons = QHBoxLayout()
        target_buttons.addStretch(1)
        target_buttons.addWidget(self.remove_target_button)
        target_buttons.addWidget(self.save_target_button)
        right_column.addLayout(target_buttons)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([3000, 1000])  # the ranked list, with its reasons, gets the room
        QVBoxLayout(self).addWidget(splitter)

    def show_event(self, event_id: int | None) -> None:
        if event_id != self.event_id:
            self.ranked = []
            self._show_ranked()
        self.event_id = event_id
        self.setEnabled(event_id is not None)
        self._show_targets()

    # ranking
    def pick_attendee_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Attendee list", "", "CSV files (*.csv *.txt);;All files (*)")
        if path:
            self.import_attendees(path)

    def import_attendees(self, path: str, mapping: dict[str, str] | None = None) -> None:
        """Ask for the columns (unless `mapping` is given), then read and rank in the background."""
        if self.event_id is None:
            return
        if mapping is None:
            try:
                header, guessed = attendee_columns(path)
            except NetCompanionError as exc:
                show_error(self, "Attendee list", str(exc))
                return
            dialog = ColumnMappingDialog(header, guessed, self)
            if not dialog.exec():
                return
            mapping = dialog.mapping()
        self.progress.setText("Reading…")
        self.job = run_in_background(read_and_rank_job, self.services, self.event_id, path, mapping,
                                     on_progress=lambda d, t, m: self.progress.setText(m),
                                     on_done=self._ranked_ready, on_error=self._failed)

    def rank_contacts(self) -> None:
        if self.event_id is not None:
            self._ranked_ready(self.services.planning.rank(self.event_id))

    def _ranked_ready(self, ranked: list) -> None:
        self.ranked = ranked
        self.progress.setText(f"{len(ranked)} people ranked by fit with the event's goal")
        self._show_ranked()

    def _failed(self, message: str) -> None:
        self.progress.setText("")
        show_error(self, "Attendee list", message)

    def _show_ranked(self) -> None:
        self.ranked_table.setRowCount(len(self.ranked))
        for row, entry in enumerate(self.ranked):
            a = entry.attendee
            known = " ✓" if entry.contact_id else ""
            cells = [f"{entry.fit.score:.0f}", f"{a.get('name', '')}{known}",
                     " · ".join(v for v in (a.get("title"), a.get("company")) if v), "; ".join(entry.fit.reasons)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(plain_tooltip(text))  # a cut cell reads whole on hover
                self.ranked_table.setItem(row, column, item)
        self.ranked_table.resizeColumnsToContents()
        header = self.ranked_table.horizontalHeader()
        for column, widest in RANKED_WIDEST.items():  # leave room for why they fit
            header.resizeSection(column, min(header.sectionSize(column), widest))

    def add_selected(self) -> None:
        rows = sorted({index.row() for index in self.ranked_table.selectionModel().selectedRows()})
        if not rows or self.event_id is None:
            return
        attendees = [dict(self.ranked[row].attendee, contact_id=self.ranked[row].contact_id) for row in rows]
        try:
            added = self.services.planning.add_targets(self.event_id, attendees)
        except NetCompanionError as exc:
            show_error(self, "Targets", str(exc))
            return
        self.status.emit(f"Added {len(added)} targets")
        self._show_targets()

    # targets
    def _show_targets(self) -> None:
        targets = self.services.planning.targets(self.event_id) if self.event_id is not None else []
        self._target_ids = [t.id for t in targets]
        self.targets_table.setRowCount(len(targets))
        for row, target in enumerate(targets):
            name = " · ".join(v for v in (target.name, target.company) if v)
            for column, text in enumerate([name, f"{target.fit_score:.0f}", target.status]):
                self.targets_table.setItem(row, column, QTableWidgetItem(text))
        self.targets_table.resizeColumnsToContents()
        self._open_target()

    def _selected_target(self) -> int | None:
        rows = self.targets_table.selectionModel().selectedRows()
        return self._target_ids[rows[0].row()] if rows else None

    def _open_target(self) -> None:
        target_id = self._selected_target()
        target = next((t for t in self.services.planning.targets(self.event_id) if t.id == target_id), None) \
            if target_id is not None and self.event_id is not None else None
        for widget in (self.why, self.research, self.talking, self.target_status, self.save_target_button,
                       self.remove_target_button):
            widget.setEnabled(target is not None)
        self.why.setPlainText(target.why if target else "")
        self.research.setPlainText(target.research_notes if target else "")
        self.talking.setPlainText(target.talking_points if target else "")
        self.target_status.setCurrentIndex(max(0, self.target_status.findData(target.status if target else "planned")))

    def select_target_row(self, row: int) -> None:
        self.targets_table.selectRow(row)

    def save_target(self) -> None:
        target_id = self._selected_target()
        if target_id is None:
            return
        try:
            self.services.planning.update_target(
                target_id, why=self.why.toPlainText(), research_notes=self.research.toPlainText(),
                talking_points=self.talking.toPlainText(), status=self.target_status.currentData())
        except NetCompanionError as exc:
            show_error(self, "Target", str(exc))
            return
        row = self._target_ids.index(target_id)
        self._show_targets()
        self.targets_table.selectRow(row)
        self.status.emit("Target saved")

    def remove_target(self) -> None:
        target_id = self._selected_target()
        if target_id is not None:
            self.services.planning.remove_target(target_id)
            self._show_targets()
