"""The dialog that adds or edits an event: name, goal, dates, place, target count, notes."""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from netcompanion.core.clock import to_local
from netcompanion.core.services import Services
from netcompanion.core.store.models import Event
from netcompanion.gui.operation import Operation


def _edit(value: datetime) -> QDateTimeEdit:
    # built from its parts: PySide6's QDateTime(datetime) constructor is not reliable
    edit = QDateTimeEdit(QDateTime(QDate(value.year, value.month, value.day), QTime(value.hour, value.minute)))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    return edit


def _picked(edit: QDateTimeEdit) -> datetime:
    """The naive local time an edit shows."""
    value = edit.dateTime().toPython()
    assert isinstance(value, datetime)
    return value


class EventDialog(QDialog):
    """Adds a new event, or edits `event` when one is given."""

    def __init__(self, services: Services, event: Event | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.editing = services, event  # not self.event: that is QObject.event()
        self.setWindowTitle("Edit event" if event else "New event")
        start = to_local(event.starts_at) if event and event.starts_at else datetime.now().replace(
            minute=0, second=0, microsecond=0) + timedelta(days=7)
        end = to_local(event.ends_at) if event and event.ends_at else start + timedelta(hours=8)
        self.name = QLineEdit(event.name if event else "")
        self.name.setPlaceholderText("e.g. Web Summit 2026")
        self.goal = QComboBox()
        for goal in services.goals.list():
            self.goal.addItem(goal.name, goal.key)
        if event and event.goal:
            self.goal.setCurrentIndex(max(0, self.goal.findData(event.goal.key)))
        self.start, self.end = _edit(start.replace(tzinfo=None)), _edit(end.replace(tzinfo=None))
        self.location = QLineEdit(event.location if event else "")
        self.target = QSpinBox()
        self.target.setRange(0, 1000)
        self.target.setValue(event.target_count if event else 3)
        self.target.setSuffix(" people")
        self.notes = QPlainTextEdit(event.notes if event else "")
        self.notes.setFixedHeight(70)
        self.buttons = buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                                  | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("Name", self.name)
        form.addRow("Goal", self.goal)
        form.addRow("Meet", self.target)
        form.addRow("Starts", self.start)
        form.addRow("Ends", self.end)
        form.addRow("Where", self.location)
        form.addRow("Notes", self.notes)
        form.addRow(buttons)
        self.saved: Event | None = None

    def accept(self) -> None:
        """Store the event in the background; the dialog closes once it is stored, and stays open
        with the message when it cannot be."""
        start, end = _picked(self.start), _picked(self.end)
        values = dict(name=self.name.text(), goal=self.goal.currentData(), start=start, end=end,
                      target_count=self.target.value(), location=self.location.text(), notes=self.notes.toPlainText())
        events, editing = self.services.events, self.editing
        if editing is None:
            name, goal = values.pop("name"), values.pop("goal")
            write: Callable[[], Event] = lambda: events.add(name, goal, **values)  # noqa: E731
        else:
            assert editing.id is not None  # an event being edited is stored
            event_id = editing.id
            write = lambda: events.update(event_id, **values)  # noqa: E731
        self.buttons.setEnabled(False)
        Operation(self, "Cannot save the event", write).success(self._stored) \
            .failure(lambda _error: self.buttons.setEnabled(True)).run()

    def _stored(self, event: Event) -> None:
        self.saved = event
        super().accept()
