"""The Today place: the follow-up checklist, also available as a small always-on-top window.

It shows what the core's follow-up queue returns — overdue first, then today, then the coming
week — with one-click actions. Long sections show their first items and a "show all" button, so
the list stays quick however large the network.
"""
from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDateTime, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QMenu,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from netcompanion.core.clock import to_local, utcnow
from netcompanion.core.errors import NetCompanionError
from netcompanion.core.services import Services
from netcompanion.core.services.followups import QueueItem
from netcompanion.gui.widgets import ask_text, card_frame, fill_combo, plain_label, show_error
from netcompanion.gui.worker import Job, run_in_background
from netcompanion.interop.mailto import SUBJECTS, mailto_link

SECTION_PAGE = 25


def sections(items: list[QueueItem], now: datetime) -> list[tuple[str, list[QueueItem]]]:
    """The queue split into overdue, today and the coming week, by the user's local day."""
    start_of_today = to_local(now).replace(hour=0, minute=0, second=0, microsecond=0)
    end_of_today = start_of_today + timedelta(days=1)
    end_of_week = end_of_today + timedelta(days=6)
    split: dict[str, list[QueueItem]] = {"Overdue": [], "Today": [], "This week": []}
    for item in items:
        due = to_local(item.due_at)
        if item.overdue or due < start_of_today:
            split["Overdue"].append(item)
        elif due < end_of_today:
            split["Today"].append(item)
        elif due < end_of_week:
            split["This week"].append(item)
    return list(split.items())


def build_queue_job(job: Job, services: Services, goal: str | None,
                    everyone: bool = False) -> tuple[datetime, list[QueueItem]]:
    """Read the whole open queue: the user's, or with `everyone` the team's (worker thread)."""
    now = utcnow()
    return now, services.followups.queue(now=now, goal=goal, include_all=True, everyone=everyone)


class FollowUpCard(QWidget):
    """One follow-up: who, why, and its one-click actions."""

    def __init__(self, view: "TodayView", item: QueueItem, overdue: bool) -> None:
        super().__init__()
        self.view, self.item = view, item
        frame = card_frame("overdue" if overdue else "card")
        at = f" · {item.company}" if item.company and item.contact_name else ""
        text = QVBoxLayout()
        text.addWidget(plain_label(f"{item.contact_name or item.company}{at}", "cardTitle"))
        text.addWidget(plain_label(item.reason, wrap=True))
        text.addWidget(plain_label(item.due_label, "hint"))
        buttons = QHBoxLayout()
        if item.needs_detail:
            detail = QPushButton("Add detail…")
            detail.setToolTip("What did you talk about? The follow-up will mention it.")
            detail.clicked.connect(lambda: self.view.add_detail(item))
            buttons.addWidget(detail)
        else:
            email = QPushButton("E-mail draft")
            email.setToolTip("Open a prefilled e-mail in your mail program")
            email.clicked.connect(lambda: self.view.open_email(item))
            buttons.addWidget(email)
        snooze = QToolButton()
        snooze.setText("Snooze")
        snooze.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(snooze)
        menu.addAction("1 day", lambda: self.view.snooze(item.id, timedelta(days=1)))
        menu.addAction("1 week", lambda: self.view.snooze(item.id, timedelta(days=7)))
        menu.addAction("Pick a date…", lambda: self.view.snooze_until_picked(item.id))
        snooze.setMenu(menu)
        dismiss = QPushButton("Dismiss")
        dismiss.clicked.connect(lambda: self.view.act("dismiss", item.id))
        done = QPushButton("Done")
        done.setObjectName("primary")
        done.setToolTip("Mark done: logs the interaction and schedules the next touch")
        done.clicked.connect(lambda: self.view.act("done", item.id))
        for button in (snooze, dismiss, done):
            buttons.addWidget(button)
        row = QHBoxLayout(frame)
        row.addLayout(text, 1)
        row.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(frame)


class TodayView(QWidget):
    """What to do today: overdue items first, then today, then this week."""

    changed = Signal()
    status = Signal(str)

    def __init__(self, services: Services, parent: QWidget | None = None, compact: bool = False) -> None:
        super().__init__(parent)
        self.services = services
        self.search_words: list[str] = []
        self.expanded: set[str] = set()
        self.items: list[QueueItem] = []
        self.job: Job | None = None
        self.loading = False
        self._stale = False
        self.checklist_window: QWidget | None = None
        self.goal_filter = QComboBox()
        self.goal_filter.currentIndexChanged.connect(self.refresh_list)
        self.everyone = QCheckBox("Everyone's")
        self.everyone.setToolTip("On a database the team shares: the follow-ups of everyone, not only yours")
        self.everyone.toggled.connect(self.refresh_list)
        self.progress_line = plain_label("", "hint")
        self.window_button = QPushButton("Checklist window")
        self.window_button.setToolTip("A small window that stays on top (Ctrl+Shift+T)")
        self.window_button.clicked.connect(self.open_checklist_window)
        self.window_button.setVisible(not compact)
        self.body = QVBoxLayout()
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop)
        holder = QWidget()
        holder.setLayout(self.body)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        header = QHBoxLayout()
        header.addWidget(plain_label("Today", "pageTitle"))
        header.addWidget(self.progress_line, 1)
        header.addWidget(self.goal_filter)
        header.addWidget(self.everyone)
        header.addWidget(self.window_button)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(scroll, 1)

    def refresh(self) -> None:
        fill_combo(self.goal_filter, [(g.name, g.key) for g in self.services.goals.list()], ("All goals", ""))
        self.refresh_list()

    def refresh_counts(self) -> None:
        self.refresh_list()

    def set_search(self, text: str) -> None:
        self.search_words = text.casefold().split()
        self.refresh_list()

    def refresh_list(self) -> None:
        """Rebuild the checklist; the queue is read in the background (it may store reminders)."""
        if self.job is not None and self.job.running:
            self._stale = True  # read again when the running job is done
            return
        self.loading, self._stale = True, False
        self.job = run_in_background(build_queue_job, self.services, self.goal_filter.currentData() or None,
                                     self.everyone.isChecked(), on_done=self._show_queue, on_error=self._queue_failed)

    def _queue_failed(self, message: str) -> None:
        self.loading = False
        self.status.emit(f"The follow-up list cannot be read: {message}")

    def _show_queue(self, result: tuple[datetime, list[QueueItem]]) -> None:
        if self._stale:
            self.job = None
            self.refresh_list()
            return
        now, self.items = result
        self._clear()
        items = [i for i in self.items if all(
            w in f"{i.contact_name} {i.company} {i.reason}".casefold() for w in self.search_words)]
        shown = 0
        for title, section in sections(items, now):
            if section:
                self._add_section(title, section)
                shown += len(section)
        if not shown:
            self.body.addWidget(plain_label("Nothing to follow up right now. Well done.", "hint"))
        self._update_progress(now)
        self.loading = False

    def _clear(self) -> None:
        while self.body.count():
            widget = self.body.takeAt(0).widget()
            if widget is not None:
                widget.setParent(None)  # hide it now; deleteLater alone leaves it painted until then
                widget.deleteLater()

    def _add_section(self, title: str, section: list[QueueItem]) -> None:
        self.body.addWidget(plain_label(f"{title} ({len(section)})", "cardTitle"))
        visible = section if title in self.expanded else section[:SECTION_PAGE]
        for item in visible:
            self.body.addWidget(FollowUpCard(self, item, overdue=title == "Overdue"))
        if len(visible) < len(section):
            more = QPushButton(f"Show all {len(section)}")
            more.clicked.connect(lambda: self._expand(title))
            self.body.addWidget(more)

    def _expand(self, title: str) -> None:
        self.expanded.add(title)
        self.refresh_list()

    def _update_progress(self, now: datetime) -> None:
        start_of_today = to_local(now).replace(hour=0, minute=0, second=0, microsecond=0)
        done_today = self.services.followups.done_count_since(start_of_today, everyone=self.everyone.isChecked())
        due = sum(len(s) for title, s in sections(self.items, now) if title != "This week")
        self.progress_line.setText(f"{done_today} of {done_today + due} done today")

    # actions
    def act(self, action: str, followup_id: int) -> None:
        try:
            if action == "done":
                self.services.followups.mark_done(followup_id)
            else:
                self.services.followups.dismiss(followup_id)
        except NetCompanionError as exc:
            show_error(self, "Follow-up", str(exc))
        self._changed("Done: logged and the next touch scheduled" if action == "done" else "Dismissed")

    def snooze(self, followup_id: int, delay: timedelta) -> None:
        self.services.followups.snooze(followup_id, utcnow() + delay)
        self._changed("Snoozed")

    def snooze_until_picked(self, followup_id: int) -> None:
        dialog = QDialog(self)
        dialog.setWindowTitle("Snooze until")
        picker = QDateTimeEdit(QDateTime.currentDateTime().addDays(3))
        picker.setCalendarPopup(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(picker)
        layout.addWidget(buttons)
        if dialog.exec():
            self.services.followups.snooze(followup_id, picker.dateTime().toPython().astimezone())
            self._changed("Snoozed")

    def open_email(self, item: QueueItem) -> None:
        contact = self.services.contacts.get(item.contact_id)
        if not contact.emails:
            show_error(self, "E-mail draft", f"There is no e-mail address for {item.contact_name}. Add one in Contacts.")
            return
        subject = SUBJECTS.get(item.kind, "Following up")
        QDesktopServices.openUrl(QUrl(mailto_link([contact.emails[0].address], subject, item.draft)))

    def add_detail(self, item: QueueItem) -> None:
        text, ok = ask_text(self, "Conversation detail", f"What did you talk about with {item.contact_name}?")
        if ok and text.strip():
            try:
                self.services.followups.set_detail(item.id, text)
            except NetCompanionError as exc:
                show_error(self, "Conversation detail", str(exc))
            self._changed("Detail added: the draft mentions it now")

    def _changed(self, message: str = "") -> None:
        self.refresh_list()
        self.changed.emit()
        if message:
            self.status.emit(message)
        if self.checklist_window is not None and self.checklist_window.isVisible():
            self.checklist_window.findChild(TodayView).refresh_list()  # type: ignore[union-attr]

    # the small window
    def open_checklist_window(self) -> None:
        if self.checklist_window is None:
            window = QWidget(None, Qt.WindowType.Window | Qt.WindowType.WindowStaysOnTopHint)
            window.setWindowTitle("Follow-up checklist")
            inner = TodayView(self.services, compact=True)
            inner.changed.connect(self.refresh_list)
            QVBoxLayout(window).addWidget(inner)
            window.resize(520, 600)
            self.checklist_window = window
        self.checklist_window.findChild(TodayView).refresh()  # type: ignore[union-attr]
        self.checklist_window.show()
        self.checklist_window.raise_()

    def close_checklist_window(self) -> None:
        if self.checklist_window is not None:
            self.checklist_window.close()
