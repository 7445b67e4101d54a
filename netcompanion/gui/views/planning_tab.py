"""An event's planning tab: import the attendee list, rank it by fit, keep targets with their why.

Importing shows the platform recognised from the header and asks which column is which and which
columns are the event's questions (pre-filled with the guesses); reading and ranking run in the
background. The user's contacts who attend are named first, with their tier and last contact.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from netcompanion.core.services import Services
from netcompanion.gui.operation import Operation
from netcompanion.gui.widgets import AdaptiveSplitter, compact_combo, local_day, plain_label, plain_tooltip, show_error
from netcompanion.gui.worker import Job, run_in_background
from netcompanion.interop.attendee_formats import AttendeeFormat
from netcompanion.interop.attendees import ATTENDEE_KEYS, attendee_format, read_attendees

KEY_LABELS = {"name": "Name", "title": "Title", "company": "Company", "email": "E-mail", "bio": "Bio / notes"}
#: the goals whose ranking reads what the user sells, and whom they hire for
BRIEF_GOALS = {"offer": ("client", "partner"), "hiring_for": ("hire",)}
STATUSES = [("Planned", "planned"), ("Met", "met"), ("Skipped", "skipped")]


class ColumnMappingDialog(QDialog):
    """Shows the platform recognised, and asks which column of the attendee file holds the name,
    title, company, e-mail and bio, and which columns are the event's questions."""

    def __init__(self, found: AttendeeFormat, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Which column is which?")
        self.combos: dict[str, QComboBox] = {}
        form = QFormLayout(self)
        source = f"This looks like an attendee export from {found.platform_name}." if found.platform_name \
            else "NetCompanion did not recognise the platform of this list."
        self.platform_label = plain_label(f"{source} Check the columns it recognised.", "hint", wrap=True)
        form.addRow(self.platform_label)
        for key in ATTENDEE_KEYS:
            combo = QComboBox()
            combo.addItem("(none)", "")
            for column in found.header:
                combo.addItem(column, column)
            combo.setCurrentIndex(max(0, combo.findData(found.mapping.get(key, ""))))
            self.combos[key] = combo
            form.addRow(KEY_LABELS[key], combo)
        self.question_list = QListWidget()
        self.question_list.setToolTip("The answers in the ticked columns are read as the bio and for what people want")
        mapped = set(found.mapping.values())
        offered = found.questions + [c for c in found.header
                                     if c not in found.ignored and c not in mapped and c not in found.questions]
        for column in offered:
            item = QListWidgetItem(column)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if column in found.questions else Qt.CheckState.Unchecked)
            self.question_list.addItem(item)
        self.question_list.setMaximumHeight(140)
        form.addRow("Questions", self.question_list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def mapping(self) -> dict[str, str]:
        """Our key -> the chosen column; "(none)" as "", so that nothing is guessed for it."""
        return {key: combo.currentData() or "" for key, combo in self.combos.items()}

    def questions(self) -> list[str]:
        items = (self.question_list.item(row) for row in range(self.question_list.count()))
        return [item.text() for item in items if item.checkState() == Qt.CheckState.Checked]


def read_and_rank_job(job: Job, services: Services, event_id: int, path: str, mapping: dict[str, str],
                      questions: list[str] | None = None) -> tuple[list, list]:
    job.report(0, 2, "Reading the attendee list")
    attendees = read_attendees(path, mapping, questions=questions)
    job.check()
    job.report(1, 2, f"Ranking {len(attendees)} attendees")
    return attendees, services.planning.rank(event_id, attendees)


#: the widest the name and the title columns of the ranked list get, so that the reasons show
RANKED_WIDEST = {1: 170, 2: 190}
#: the targets panel is never narrower, so that a why can be read and written
RIGHT_PANEL_MIN_WIDTH = 240


class PlanningTab(QWidget):
    """Ranked attendees on the left, the event's targets (with why, notes, talking points) on the right."""

    status = Signal(str)
    targets_changed = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.event_id: int | None = None
        self.ranked: list[Any] = []
        self.attendees: list[dict[str, Any]] | None = None  # the list ranked last; None: the user's contacts
        self.job: Job | None = None
        self.offer = QLineEdit()
        self.offer.setPlaceholderText("What you sell, e.g. route planning software for grocery retailers")
        self.offer.setToolTip("Client and partner ranking read people against what you sell (kept for this event)")
        self.offer.editingFinished.connect(self._save_brief)
        self.hiring_for = QLineEdit()
        self.hiring_for.setPlaceholderText("The roles you hire for, e.g. backend engineers, data scientists")
        self.hiring_for.editingFinished.connect(self._save_brief)
        self.network = plain_label("", "hint", wrap=True)
        self.network.hide()
        self.import_button = QPushButton("Import attendees…")
        self.import_button.clicked.connect(self.pick_attendee_file)
        self.rank_contacts_button = QPushButton("Rank my contacts")
        self.rank_contacts_button.setToolTip("Rank the people already in your contacts by fit with this goal")
        self.rank_contacts_button.clicked.connect(self.rank_contacts)
        self.add_button = QPushButton("Add selected as targets")
        self.add_button.setObjectName("primary")
        self.add_button.clicked.connect(self.add_selected)
        self.progress = plain_label("", wrap=True)
        self.ranked_table = QTableWidget(0, 4)
        self.ranked_table.setHorizontalHeaderLabels(["Fit", "Name (✓ a contact)", "Title · Company", "Why they fit"])
        self.ranked_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.ranked_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.ranked_table.horizontalHeader().setStretchLastSection(True)
        self.ranked_table.verticalHeader().hide()
        self.ranked_table.itemSelectionChanged.connect(self._show_evidence)
        self.evidence = plain_label("", "hint", wrap=True)  # the selected person's reasons, for and against
        self.evidence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
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
        self.target_status = compact_combo(QComboBox(), 8)
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
        left_column.addLayout(buttons)
        self.brief_form = QFormLayout()
        self.brief_form.addRow("You sell", self.offer)
        self.brief_form.addRow("You hire for", self.hiring_for)
        left_column.addLayout(self.brief_form)
        left_column.addWidget(self.progress)
        left_column.addWidget(self.network)
        left_column.addWidget(self.ranked_table, 1)
        under_table = QHBoxLayout()  # under the list it acts on: the page stays narrow enough for a small screen
        under_table.addWidget(self.evidence, 1)
        under_table.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignTop)
        left_column.addLayout(under_table)
        right = QWidget()
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(0, 0, 0, 0)
        right_column.addWidget(plain_label("Targets", "cardTitle"))
        right_column.addWidget(self.targets_table, 1)
        editor = QWidget()
        form = QFormLayout(editor)  # labels above the boxes, so that the boxes get the panel's width
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow("Why", self.why)
        form.addRow("Research", self.research)
        form.addRow("Talking points", self.talking)
        form.addRow("Status", self.target_status)
        scroll = QScrollArea()  # on a small screen the target's notes scroll; the buttons stay in view
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumHeight(120)
        scroll.setWidget(editor)
        right_column.addWidget(scroll, 1)
        right.setMinimumWidth(RIGHT_PANEL_MIN_WIDTH)
        target_buttons = QHBoxLayout()
        target_buttons.addStretch(1)
        target_buttons.addWidget(self.remove_target_button)
        target_buttons.addWidget(self.save_target_button)
        right_column.addLayout(target_buttons)
        splitter = AdaptiveSplitter(left, right, stretch=(3, 2))
        splitter.setSizes([3000, 2000])  # the ranked list, with its reasons, gets most of the room
        QVBoxLayout(self).addWidget(splitter)

    def show_event(self, event_id: int | None) -> None:
        if event_id != self.event_id:
            self.ranked, self.attendees = [], None
            self._show_ranked()
        self.event_id = event_id
        self.setEnabled(event_id is not None)
        self._show_brief()
        self._show_targets()

    # what the user sells and hires for
    def _show_brief(self) -> None:
        if self.event_id is None:
            return
        brief = self.services.preferences.get().planning_brief(self.event_id)
        self.offer.setText(brief["offer"])
        self.hiring_for.setText(brief["hiring_for"])
        event = self.services.events.get(self.event_id)
        goal = event.goal.key if event.goal else ""
        self.brief_form.setRowVisible(self.offer, goal in BRIEF_GOALS["offer"])
        self.brief_form.setRowVisible(self.hiring_for, goal in BRIEF_GOALS["hiring_for"])

    def _save_brief(self) -> None:
        if self.event_id is None:
            return
        before = self.services.preferences.get().planning_brief(self.event_id)
        wanted = {"offer": self.offer.text().strip(), "hiring_for": self.hiring_for.text().strip()}
        if wanted == before:
            return
        preferences, event_id = self.services.preferences, self.event_id
        Operation(self, "Planning", lambda: preferences.set_planning_brief(event_id, **wanted)) \
            .success(lambda _: self._brief_saved(event_id)).run()

    def _brief_saved(self, event_id: int) -> None:
        if self.ranked and event_id == self.event_id:  # rank the same people again with the new brief
            self._ranked_ready((self.attendees, self.services.planning.rank(event_id, self.attendees)))

    # ranking
    def pick_attendee_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Attendee list", "", "CSV files (*.csv *.txt);;All files (*)")
        if path:
            self.import_attendees(path)

    def import_attendees(self, path: str, mapping: dict[str, str] | None = None,
                         questions: list[str] | None = None) -> None:
        """Ask for the columns and questions (unless `mapping` is given), then read and rank in
        the background."""
        if self.event_id is None:
            return
        if mapping is None:  # the header is read off the GUI thread: the file may be large or slow
            Operation(self, "Attendee list", lambda: attendee_format(path)) \
                .success(lambda found: self._ask_columns(path, found)).run()
            return
        self.progress.setText("Reading…")
        self.job = run_in_background(read_and_rank_job, self.services, self.event_id, path, mapping, questions,
                                     on_progress=lambda d, t, m: self.progress.setText(m),
                                     on_done=self._ranked_ready, on_error=self._failed)

    def _ask_columns(self, path: str, found: AttendeeFormat) -> None:
        dialog = ColumnMappingDialog(found, self)
        if dialog.exec():
            self.import_attendees(path, dialog.mapping(), dialog.questions())

    def rank_contacts(self) -> None:
        """Rank the user's own contacts, read the same way as an attendee list."""
        if self.event_id is not None:
            self._ranked_ready((None, self.services.planning.rank(self.event_id)))

    def _ranked_ready(self, result: tuple[list | None, list]) -> None:
        self.attendees, self.ranked = result
        who = "contacts" if self.attendees is None else "attendees"
        self.progress.setText(f"{len(self.ranked)} {who} ranked by fit with the event's goal")
        self._show_ranked()

    def _failed(self, message: str) -> None:
        self.progress.setText("")
        show_error(self, "Attendee list", message)

    def _show_network(self) -> None:
        """Name the user's own contacts on an attendee list first, with tier and last contact."""
        known = [r for r in self.ranked if r.contact_id] if self.attendees is not None else []
        self.network.setVisible(bool(known))
        if not known:
            self.network.setText("")
            return
        names = ", ".join(f"{r.attendee.get('name', '')} ({_known_text(r)})" for r in known[:8])
        more = f" and {len(known) - 8} more" if len(known) > 8 else ""
        self.network.setText(f"Your contacts attending ({len(known)}): {names}{more}")

    def _show_ranked(self) -> None:
        self._show_network()
        self.ranked_table.setRowCount(len(self.ranked))
        for row, entry in enumerate(self.ranked):
            a = entry.attendee
            known = f" ✓ {entry.contact_tier}" if entry.contact_id else ""
            cells = [f"{entry.fit.score:g}", f"{a.get('name', '')}{known}",
                     " · ".join(v for v in (a.get("title"), a.get("company")) if v), "; ".join(entry.fit.reasons)]
            tips = list(cells)
            tips[1] = f"{a.get('name', '')}: your contact, {_known_text(entry)}" if entry.contact_id else cells[1]
            tips[3] = "\n".join(entry.fit.reasons)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(plain_tooltip(tips[column]))  # a cut cell reads whole on hover
                self.ranked_table.setItem(row, column, item)
        self._show_evidence()
        self.ranked_table.resizeColumnsToContents()
        header = self.ranked_table.horizontalHeader()
        for column, widest in RANKED_WIDEST.items():  # leave room for why they fit
            header.resizeSection(column, min(header.sectionSize(column), widest))

    def _show_evidence(self) -> None:
        """The reasons of the selected attendee, one a line: the table's cell is too narrow for them."""
        rows = self.ranked_table.selectionModel().selectedRows()
        if len(rows) != 1 or rows[0].row() >= len(self.ranked):
            self.evidence.setText("Select a person to read why they fit, and why not." if self.ranked else "")
            return
        entry = self.ranked[rows[0].row()]
        lines = entry.fit.reasons or ["Nothing in their title, company or answers speaks for or against this goal."]
        self.evidence.setText(f"{entry.attendee.get('name', '')}:\n" + "\n".join(lines))

    def add_selected(self) -> None:
        rows = sorted({index.row() for index in self.ranked_table.selectionModel().selectedRows()})
        if not rows or self.event_id is None:
            return
        attendees = [dict(self.ranked[row].attendee, contact_id=self.ranked[row].contact_id) for row in rows]
        planning, event_id = self.services.planning, self.event_id
        Operation(self, "Targets", lambda: planning.add_targets(event_id, attendees)) \
            .success(self._targets_added).run()

    def _targets_added(self, added: list) -> None:
        self.status.emit(f"Added {len(added)} targets")
        self._show_targets()
        self.targets_changed.emit()

    # targets
    def _show_targets(self) -> None:
        targets = self.services.planning.targets(self.event_id) if self.event_id is not None else []
        self._target_ids = [t.id for t in targets if t.id is not None]
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
        planning = self.services.planning
        values = dict(why=self.why.toPlainText(), research_notes=self.research.toPlainText(),
                      talking_points=self.talking.toPlainText(), status=self.target_status.currentData())
        Operation(self, "Target", lambda: planning.update_target(target_id, **values)) \
            .success(lambda _: self._target_saved(target_id)).run()

    def _target_saved(self, target_id: int) -> None:
        self._show_targets()
        if target_id in self._target_ids:
            self.targets_table.selectRow(self._target_ids.index(target_id))
        self.status.emit("Target saved")
        self.targets_changed.emit()

    def remove_target(self) -> None:
        target_id = self._selected_target()
        if target_id is not None:
            planning = self.services.planning
            Operation(self, "Target", lambda: planning.remove_target(target_id)) \
                .success(lambda _: self._target_removed()).run()

    def _target_removed(self) -> None:
        self._show_targets()
        self.targets_changed.emit()


def _known_text(entry: Any) -> str:
    """'warm, last contact 12 Oct 2026' for a ranked attendee who is a contact."""
    last = local_day(entry.contact_last) if entry.contact_last else "never"
    return f"{entry.contact_tier}, last contact {last}"
