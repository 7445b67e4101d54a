"""The Today place: the follow-up checklist, also available as a small always-on-top window.

It shows what the core's follow-up queue returns — overdue first, then today, then the coming
week — with one-click actions. Long sections show their first items and a "show all" button, so
the list stays quick however large the network.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import QDateTime, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QMenu,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from netcompanion.core.clock import to_local, utcnow
from netcompanion.core.rules.followup_rules import CHECKLIST_SECTIONS
from netcompanion.core.services import Services
from netcompanion.core.services.followups import ChecklistSection, QueueItem
from netcompanion.gui.operation import Operation
from netcompanion.gui.widgets import ElidedLabel, card_frame, compact_combo, fill_combo, plain_label, show_error
from netcompanion.gui.worker import Job, LatestRead
from netcompanion.interop.mailto import SUBJECTS, mailto_link

SECTION_PAGE = 12  # cards shown per section until "show all": more than a screenful
FIRST_CARDS = 8  # new cards built at once, a screenful; the others follow a few per event-loop turn
OVERDUE, _, THIS_WEEK = CHECKLIST_SECTIONS


@dataclass
class Checklist:
    """What the Today place shows, read on a worker thread: each section's count and its first
    items (every item of the sections the user expanded, and of all sections while searching)."""

    now: datetime
    sections: list[ChecklistSection]
    done_today: int

    @property
    def items(self) -> list[QueueItem]:
        """The items read, section after section."""
        return [item for section in self.sections for item in section.items]

    @property
    def total(self) -> int:
        return sum(section.count for section in self.sections)

    @property
    def due_today(self) -> int:
        return sum(section.count for section in self.sections if section.title != THIS_WEEK)

    @property
    def complete(self) -> bool:
        return all(section.complete for section in self.sections)


def build_checklist_job(job: Job, services: Services, goal: str | None, everyone: bool, limit: int | None,
                        expanded: frozenset[str]) -> Checklist:
    """Read the checklist, the user's or with `everyone` the team's: each section's count and its
    first `limit` items, or all of them for the `expanded` sections and without `limit` (worker thread)."""
    now = utcnow()
    sections = services.followups.checklist(now=now, goal=goal, everyone=everyone, limit=limit, complete=expanded)
    start_of_today = to_local(now).replace(hour=0, minute=0, second=0, microsecond=0)
    return Checklist(now, sections, services.followups.done_count_since(start_of_today, everyone=everyone))


def card_signature(item: QueueItem, overdue: bool) -> tuple:
    """Everything a card shows: a card whose signature is unchanged is kept, not rebuilt."""
    return (item.contact_name, item.company, item.reason, item.due_label, item.needs_detail, overdue)


class FollowUpCard(QFrame):
    """One follow-up: who, why, and its one-click actions."""

    def __init__(self, view: TodayView, item: QueueItem, overdue: bool) -> None:
        super().__init__()
        self.setObjectName("overdue" if overdue else "card")
        self.view, self.item = view, item
        self.signature = card_signature(item, overdue)
        at = f" · {item.company}" if item.company and item.contact_name else ""
        text = QVBoxLayout()
        text.addWidget(ElidedLabel(f"{item.contact_name or item.company}{at}", "cardTitle"))
        text.addWidget(ElidedLabel(item.reason))  # the whole reason is its tooltip
        text.addWidget(plain_label(item.due_label, "hint"))
        buttons = QHBoxLayout()
        if item.needs_detail:
            detail = QPushButton("Add detail…")
            detail.setToolTip("What did you talk about? The follow-up will mention it.")
            detail.clicked.connect(lambda: self.view.add_detail(self.item))
            buttons.addWidget(detail)
        else:
            email = QPushButton("E-mail draft")
            email.setToolTip("Open a prefilled e-mail in your mail program")
            email.clicked.connect(lambda: self.view.open_email(self.item))
            buttons.addWidget(email)
        snooze = QToolButton()
        snooze.setText("Snooze")
        snooze.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(snooze)
        menu.addAction("1 day", lambda: self.view.snooze(self.item.id, timedelta(days=1)))
        menu.addAction("1 week", lambda: self.view.snooze(self.item.id, timedelta(days=7)))
        menu.addAction("Pick a date…", lambda: self.view.snooze_until_picked(self.item.id))
        snooze.setMenu(menu)
        dismiss = QPushButton("Dismiss")
        dismiss.clicked.connect(lambda: self.view.act("dismiss", self.item.id))
        done = QPushButton("Done")
        done.setObjectName("primary")
        done.setToolTip("Mark done: logs the interaction and schedules the next touch")
        done.clicked.connect(lambda: self.view.act("done", self.item.id))
        for button in (snooze, dismiss, done):
            buttons.addWidget(button)
        if view.compact:  # the small window: the buttons under the text, so that they always fit
            buttons.insertStretch(0, 1)
            column = QVBoxLayout(self)
            column.addLayout(text)
            column.addLayout(buttons)
            return
        row = QHBoxLayout(self)
        row.addLayout(text, 1)
        row.addLayout(buttons)


class TodayView(QWidget):
    """What to do today: overdue items first, then today, then this week."""

    changed = Signal()
    status = Signal(str)
    loaded = Signal()  # a new checklist is shown

    def __init__(self, services: Services, parent: QWidget | None = None, compact: bool = False) -> None:
        super().__init__(parent)
        self.services, self.compact = services, compact
        self.search_words: list[str] = []
        self.expanded: set[str] = set()
        self.items: list[QueueItem] = []
        self.checklist: Checklist | None = None
        self.cards: dict[int, FollowUpCard] = {}  # by follow-up id, reused while they show the same
        self._later: list[tuple[QFrame, QueueItem, bool]] = []  # cards to build, with their stand-ins
        self._later_timer = QTimer(self, singleShot=True, interval=0)
        self._later_timer.timeout.connect(self._build_later_cards)
        self.read = LatestRead(self, build_checklist_job, self._show_checklist, self._queue_failed)
        self.checklist_window: ChecklistWindow | None = None
        self.goal_filter = compact_combo(QComboBox(), 10)
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
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the cards fit the width
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
        if self.checklist is not None and self.checklist.complete and not self.read.loading:
            self._rebuild()  # every item is read: the search only narrows them
        else:
            self.refresh_list()

    @property
    def loading(self) -> bool:
        """The checklist is being read, or some of its cards are still to be built."""
        return self.read.loading or bool(self._later)

    def refresh_list(self) -> None:
        """Rebuild the checklist; the queue is read in the background (it may store reminders)."""
        limit = None if self.search_words else SECTION_PAGE  # a search looks at every item
        self.read.start(self.services, self.goal_filter.currentData() or None, self.everyone.isChecked(), limit,
                        frozenset(self.expanded))

    def _queue_failed(self, message: str) -> None:
        self.status.emit(f"The follow-up list cannot be read: {message}")

    def _show_checklist(self, checklist: Checklist) -> None:
        self.checklist, self.items = checklist, checklist.items
        self._rebuild()
        self.progress_line.setText(f"{checklist.done_today} of {checklist.done_today + checklist.due_today} "
                                   "done today")
        self.loaded.emit()

    def _rebuild(self) -> None:
        """Lay the sections out again, keeping the cards whose item and text have not changed. The
        first new cards are built at once; the others stand in as empty cards of the same height
        until they are built a few per event-loop turn, so the list never jumps and never blocks."""
        assert self.checklist is not None
        words = self.search_words
        widgets: list[QWidget] = []
        kept: dict[int, FollowUpCard] = {}
        later: list[tuple[QFrame, QueueItem, bool]] = []
        built = 0
        for section in self.checklist.sections:
            title, items, count = section.title, section.items, section.count
            if words:
                items = [i for i in items if all(w in i.search_text for w in words)]
                count = len(items)
            if not count:
                continue
            widgets.append(plain_label(f"{title} ({count})", "cardTitle"))
            visible = items if title in self.expanded else items[:SECTION_PAGE]
            overdue = title == OVERDUE
            for item in visible:
                card = self._kept_card(item, overdue)
                if card is None and built < FIRST_CARDS:
                    card, built = FollowUpCard(self, item, overdue), built + 1
                if card is None:
                    stand_in = card_frame("overdue" if overdue else "card")
                    later.append((stand_in, item, overdue))
                    widgets.append(stand_in)
                    continue
                kept[item.id] = card
                widgets.append(card)
            if len(visible) < count:
                more = QPushButton(f"Show all {count}")
                more.clicked.connect(lambda _=False, t=title: self._expand(t))
                widgets.append(more)
        if not widgets:
            widgets.append(plain_label("Nothing to follow up right now. Well done.", "hint"))
        if later:
            height = next(iter(kept.values())).sizeHint().height()
            for stand_in, _, _ in later:
                stand_in.setFixedHeight(height)
        self._replace_body(widgets, kept)
        self._later = later
        if later:
            self._later_timer.start()

    def _kept_card(self, item: QueueItem, overdue: bool) -> FollowUpCard | None:
        card = self.cards.get(item.id)
        if card is not None and card.signature == card_signature(item, overdue):
            card.item = item
            return card
        return None

    def _build_later_cards(self) -> None:
        batch, self._later = self._later[:FIRST_CARDS], self._later[FIRST_CARDS:]
        for stand_in, item, overdue in batch:
            if self.body.indexOf(stand_in) < 0:
                continue  # laid out again meanwhile
            card = FollowUpCard(self, item, overdue)
            self.body.replaceWidget(stand_in, card)
            stand_in.hide()
            stand_in.deleteLater()
            self.cards[item.id] = card
        if self._later:
            self._later_timer.start()

    def _replace_body(self, widgets: list[QWidget], kept: dict[int, FollowUpCard]) -> None:
        keep = set(map(id, widgets))
        while self.body.count():
            item = self.body.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None and id(widget) not in keep:
                widget.hide()  # hidden now: deleteLater alone leaves it painted until then
                widget.deleteLater()
        for widget in widgets:
            self.body.addWidget(widget)
        self.cards = kept

    def _expand(self, title: str) -> None:
        self.expanded.add(title)
        assert self.checklist is not None
        if all(section.complete for section in self.checklist.sections if section.title == title):
            self._rebuild()
        else:
            self.refresh_list()  # its other items are read now

    # actions
    def act(self, action: str, followup_id: int) -> None:
        followups = self.services.followups
        if action == "done":
            self._apply(followup_id, followups.mark_done, "Done: logged and the next touch scheduled")
        else:
            self._apply(followup_id, followups.dismiss, "Dismissed")

    def snooze(self, followup_id: int, delay: timedelta) -> None:
        followups = self.services.followups
        self._apply(followup_id, lambda item_id: followups.snooze(item_id, utcnow() + delay), "Snoozed")

    def _apply(self, followup_id: int, action: Callable[[int], object], message: str) -> None:
        """Store `action` on the item in the background; its card leaves the list at once, and the
        list is read again (also when it failed: a teammate may have ticked it meanwhile)."""
        self._take_off(followup_id)
        Operation(self, "Follow-up", lambda: action(followup_id)) \
            .success(lambda _: self._changed(message)).failure(lambda _: self.refresh_list()).run()

    def _take_off(self, followup_id: int) -> None:
        card = self.cards.pop(followup_id, None)
        if card is not None:
            self.body.removeWidget(card)
            card.hide()
            card.deleteLater()

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
            picked = picker.dateTime().toPython()
            assert isinstance(picked, datetime)
            until, followups = picked.astimezone(), self.services.followups
            self._apply(followup_id, lambda item_id: followups.snooze(item_id, until), "Snoozed")

    def open_email(self, item: QueueItem) -> None:
        contact = self.services.contacts.get(item.contact_id)
        if not contact.emails:
            show_error(self, "E-mail draft", f"There is no e-mail address for {item.contact_name}. Add one in Contacts.")
            return
        subject = SUBJECTS.get(item.kind, "Following up")
        QDesktopServices.openUrl(QUrl(mailto_link([contact.emails[0].address], subject, item.draft)))

    def add_detail(self, item: QueueItem) -> None:
        from netcompanion.gui.detail_dialog import ask_detail  # shows the draft's sentence while typing

        text, ok = ask_detail(self, self.services, item)
        if ok and text.strip():
            followups = self.services.followups
            Operation(self, "Conversation detail", lambda: followups.set_detail(item.id, text)) \
                .success(lambda _: self._changed("Detail added: the draft mentions it now")).run()

    def _changed(self, message: str = "") -> None:
        self.refresh_list()
        self.changed.emit()
        if message:
            self.status.emit(message)
        if self.checklist_window is not None and self.checklist_window.isVisible():
            self.checklist_window.today.refresh_list()

    # the small window
    def open_checklist_window(self) -> None:
        if self.checklist_window is None:
            self.checklist_window = ChecklistWindow(self.services)
            self.checklist_window.today.changed.connect(self.refresh_list)
        self.checklist_window.today.refresh()
        self.checklist_window.show()
        self.checklist_window.raise_()

    def close_checklist_window(self) -> None:
        if self.checklist_window is not None:
            self.checklist_window.close()


class ChecklistWindow(QWidget):
    """The follow-up checklist as a small window that stays on top; Esc or Ctrl+W closes it."""

    def __init__(self, services: Services) -> None:
        super().__init__(None, Qt.WindowType.Window | Qt.WindowType.WindowStaysOnTopHint)
        self.setWindowTitle("Follow-up checklist")
        self.today = TodayView(services, compact=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.today)
        keys = {QKeySequence(Qt.Key.Key_Escape), QKeySequence("Ctrl+W"), QKeySequence(QKeySequence.StandardKey.Close)}
        for sequence in keys:  # the platform's Close is Ctrl+F4 on some desktops: Ctrl+W always closes too
            QShortcut(sequence, self, self.close)
        self.resize(520, 600)
