"""The Events place: the list of events and, for one event, its goal, plan and results."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from netcompanion.core.services import Services
from netcompanion.gui.views.event_dialog import EventDialog
from netcompanion.gui.widgets import AdaptiveSplitter, local_time, plain_label

EVENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
MET_NOBODY_YET = ("Nobody met at this event yet. Scan a card with this event chosen on the Scan page, "
                  "and the people you meet appear here.")


class EventsView(QWidget):
    """Lists events; shows one event's page with its planning list and results."""

    status = Signal(str)
    events_changed = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.event_id: int | None = None
        self.list = QListWidget()
        self.list.setWordWrap(True)  # a long event name wraps: the list stays narrow on a small screen
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentItemChanged.connect(self._open_current)
        self.add_button = QPushButton("New event…")
        self.add_button.setObjectName("primary")
        self.add_button.setShortcut("Ctrl+E")
        self.add_button.setToolTip("Add an event (Ctrl+E)")
        self.add_button.clicked.connect(self.add_event)
        self.edit_button = QPushButton("Edit…")
        self.edit_button.clicked.connect(self.edit_event)
        self.heading = plain_label("", "pageTitle")
        self.facts = plain_label("", "hint", wrap=True)
        self.results = plain_label("", wrap=True)
        self.met_list = QListWidget()
        self.met_hint = plain_label("", "hint", wrap=True)
        self.met_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.met_stack = QStackedWidget()  # the people met, or a word on why there are none yet
        self.met_stack.addWidget(self.met_hint)
        self.met_stack.addWidget(self.met_list)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.met_stack, "Met")
        self._extra_tabs: list[QWidget] = []
        self._build()

    def _build(self) -> None:
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        header.addWidget(plain_label("Events", "pageTitle"))
        header.addStretch(1)
        header.addWidget(self.add_button)
        column.addLayout(header)
        column.addWidget(self.list, 1)
        page = QWidget()
        page_column = QVBoxLayout(page)
        title_row = QHBoxLayout()
        title_row.addWidget(self.heading, 1)
        title_row.addWidget(self.edit_button)
        page_column.addLayout(title_row)
        page_column.addWidget(self.facts)
        page_column.addWidget(self.results)
        page_column.addWidget(self.tabs, 1)
        splitter = AdaptiveSplitter(left, page, stretch=(1, 3))
        splitter.setSizes([300, 900])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def add_tab(self, widget: QWidget, title: str) -> None:
        """Add a tab to the event page (planning); the widget gets `show_event(event_id)` calls."""
        self._extra_tabs.append(widget)
        if hasattr(widget, "targets_changed"):  # the header's "targets met n of m" follows the plan
            widget.targets_changed.connect(self._show_results)
        self.tabs.insertTab(0, widget, title)
        self.tabs.setCurrentIndex(0)

    def refresh(self) -> None:
        keep = self.event_id
        self.list.blockSignals(True)
        self.list.clear()
        for event, met in self.services.events.list():
            goal = event.goal.name if event.goal else ""
            item = QListWidgetItem(f"{event.name}\n{local_time(event.starts_at)} · {goal} · met {met}/{event.target_count}")
            item.setData(EVENT_ID_ROLE, event.id)
            self.list.addItem(item)
            if event.id == keep:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        else:
            self.show_event(keep)

    def set_search(self, text: str) -> None:
        words = text.casefold().split()
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(not all(w in item.text().casefold() for w in words))

    def _open_current(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None = None) -> None:
        self.show_event(current.data(EVENT_ID_ROLE) if current else None)

    def show_event(self, event_id: int | None) -> None:
        self.event_id = event_id
        self.edit_button.setEnabled(event_id is not None)
        self.met_list.clear()
        if event_id is None:
            self.heading.setText("No event yet")
            self.facts.setText("Create an event with one goal and a target count: “meet 3 investors”.")
            self.results.clear()
            self.met_hint.setText("")
            self.met_stack.setCurrentWidget(self.met_hint)
            return
        event = self.services.events.get(event_id)
        self.heading.setText(event.name)
        goal = event.goal.name if event.goal else ""
        where = f" · {event.location}" if event.location else ""
        self.facts.setText(f"{local_time(event.starts_at)} – {local_time(event.ends_at)}{where}\n"
                           f"Goal: {goal} · target: meet {event.target_count}")
        met = self._show_results()
        for contact in met:
            self.met_list.addItem(f"{contact.full_name}  ·  {contact.title}  ·  {contact.company}")
        self.met_hint.setText(MET_NOBODY_YET)
        self.met_stack.setCurrentWidget(self.met_list if met else self.met_hint)
        for tab in self._extra_tabs:
            tab.show_event(event_id)  # type: ignore[attr-defined]

    def _show_results(self) -> list:
        """The line "Met n people · targets met n of m planned" for the open event; the people met."""
        if self.event_id is None:
            return []
        event = self.services.events.get(self.event_id)
        met = self.services.contacts.list(event=self.event_id)
        targets = self.services.planning.targets(self.event_id)
        met_targets = sum(1 for t in targets if t.status == "met")
        self.results.setText(f"Met {len(met)} people (aim: {event.target_count}) · "
                             f"targets met {met_targets} of {len(targets)} planned")
        return met

    def add_event(self) -> None:
        dialog = EventDialog(self.services, parent=self)
        if dialog.exec() and dialog.saved is not None:
            self.event_id = dialog.saved.id
            self.refresh()
            self.events_changed.emit()
            self.status.emit(f"Added {dialog.saved.name}")

    def edit_event(self) -> None:
        if self.event_id is None:
            return
        dialog = EventDialog(self.services, self.services.events.get(self.event_id), parent=self)
        if dialog.exec():
            self.refresh()
            self.events_changed.emit()
