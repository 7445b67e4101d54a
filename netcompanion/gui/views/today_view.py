"""The Today place: the follow-up checklist, also available as a small always-on-top window."""
from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDateTime, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
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
from netcompanion.gui.widgets import card_frame, fill_combo, local_time, plain_label, show_error


def _sections(items, now: datetime):  # noqa: ANN001, ANN202
    """(title, items) for overdue, today and this week, by the user's local day."""
    local_now = to_local(now)
    start_of_today = local_now.replace(hour=0, minute=0, second=0, microsecond=0)
    end_of_today = start_of_today + timedelta(days=1)
    overdue = [i for i in items if to_local(i[0].due_at) < start_of_today]
    today = [i for i in items if start_of_today <= to_local(i[0].due_at) < end_of_today]
    week = [i for i in items if end_of_today <= to_local(i[0].due_at) < end_of_today + timedelta(days=6)]
    return [("Overdue", overdue), ("Today", today), ("This week", week)]


class FollowUpCard(QWidget):
    """One follow-up: who, why, and its one-click actions."""

    def __init__(self, view: "TodayView", followup, contact, overdue: bool) -> None:  # noqa: ANN001
        super().__init__()
        self.view, self.followup, self.contact = view, followup, contact
        frame = card_frame("overdue" if overdue else "card")
        who = contact.full_name or contact.company
        at = f" · {contact.company}" if contact.company and contact.full_name else ""
        late = f"  (due {local_time(followup.due_at)})"
        text = QVBoxLayout()
        text.addWidget(plain_label(f"{who}{at}", "cardTitle"))
        text.addWidget(plain_label(followup.reason + late, "hint", wrap=True))
        buttons = QHBoxLayout()
        email = QPushButton("E-mail draft")
        email.setEnabled(bool(contact.emails))
        email.setToolTip("Open a prefilled e-mail in your mail program" if contact.emails else "No e-mail address")
        email.clicked.connect(self.open_email)
        done = QPushButton("Done")
        done.setObjectName("primary")
        done.clicked.connect(lambda: self.view.act("done", followup.id))
        snooze = QToolButton()
        snooze.setText("Snooze")
        snooze.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(snooze)
        menu.addAction("1 day", lambda: self.view.snooze(followup.id, timedelta(days=1)))
        menu.addAction("1 week", lambda: self.view.snooze(followup.id, timedelta(days=7)))
        menu.addAction("Pick a date…", lambda: self.view.snooze_until_picked(followup.id))
        snooze.setMenu(menu)
        dismiss = QPushButton("Dismiss")
        dismiss.clicked.connect(lambda: self.view.act("dismiss", followup.id))
        for button in (email, snooze, dismiss, done):
            buttons.addWidget(button)
        row = QHBoxLayout(frame)
        row.addLayout(text, 1)
        row.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(frame)

    def open_email(self) -> None:
        from netcompanion.interop.mailto import mailto_link

        subject = "Great to meet you" if self.followup.kind == "post_event" else "Catching up"
        link = mailto_link(self.contact.emails[0].address, subject, self.followup.draft)
        QDesktopServices.openUrl(QUrl(link))


class TodayView(QWidget):
    """What to do today: overdue items first, then today, then this week."""

    changed = Signal()
    status = Signal(str)

    def __init__(self, services: Services, parent: QWidget | None = None, compact: bool = False) -> None:
        super().__init__(parent)
        self.services = services
        self.compact = compact
        self.search_words: list[str] = []
        self.checklist_window: QWidget | None = None
        self.goal_filter = QComboBox()
        self.goal_filter.currentIndexChanged.connect(self.refresh_list)
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
        while self.body.count():
            widget = self.body.takeAt(0).widget()
            if widget is not None:
                widget.setParent(None)  # hide it now; deleteLater alone leaves it painted until then
                widget.deleteLater()
        now = utcnow()
        items = self.services.followups.open_items(now=now, horizon=timedelta(days=7))
        goal = self.goal_filter.currentData() or ""
        if goal:
            tagged = {c.id for c in self.services.contacts.list(goal=goal)}
            items = [i for i in items if i[1].id in tagged]
        if self.search_words:
            items = [i for i in items if all(w in f"{i[1].full_name} {i[1].company} {i[0].reason}".casefold()
                                             for w in self.search_words)]
        shown = 0
        for title, section in _sections(items, now):
            if not section:
                continue
            self.body.addWidget(plain_label(f"{title} ({len(section)})", "cardTitle"))
            for followup, contact in section:
                self.body.addWidget(FollowUpCard(self, followup, contact, overdue=title == "Overdue"))
                shown += 1
        if not shown:
            self.body.addWidget(plain_label("Nothing to follow up right now. Well done.", "hint"))
        self._update_progress(items, now)

    def _update_progress(self, items, now: datetime) -> None:  # noqa: ANN001
        done_today = self.services.followups.done_count_since(
            to_local(now).replace(hour=0, minute=0, second=0, microsecond=0))
        due_today = sum(len(section) for title, section in _sections(items, now) if title != "This week")
        self.progress_line.setText(f"{done_today} of {done_today + due_today} done today")

    # actions
    def act(self, action: str, followup_id: int) -> None:
        try:
            if action == "done":
                self.services.followups.mark_done(followup_id)
            else:
                self.services.followups.dismiss(followup_id)
        except NetCompanionError as exc:
            show_error(self, "Follow-up", str(exc))
        self._changed()

    def snooze(self, followup_id: int, delay: timedelta) -> None:
        self.services.followups.snooze(followup_id, utcnow() + delay)
        self._changed()

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
            self._changed()

    def _changed(self) -> None:
        self.refresh_list()
        self.changed.emit()
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
            window.resize(460, 560)
            self.checklist_window = window
        self.checklist_window.findChild(TodayView).refresh()  # type: ignore[union-attr]
        self.checklist_window.show()
        self.checklist_window.raise_()

    def close_checklist_window(self) -> None:
        if self.checklist_window is not None:
            self.checklist_window.close()
