"""The tray icon with the count due today, the one grouped notification, close-to-tray and
'Start at login', all following the reminder settings (`ReminderSettingsService`).

`TrayController.refresh` (every minute, and after the user acts) reads what is due now; when an
item is due that the current notification does not show yet, and it is not quiet hours, it shows
(or replaces) the one notification. Its actions: Open raises the window, Snooze 1 day snoozes the
items it names, Done ticks the one item it names. The freedesktop service is used when a server
answers on the session bus, Qt's tray message otherwise.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, tzinfo

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon, QWidget

from netcompanion.autostart import set_autostart
from netcompanion.core.clock import local_zone, utcnow
from netcompanion.core.rules.followup_rules import end_of_day
from netcompanion.core.rules.nudges import grouped_message, in_quiet_hours, needs_notification
from netcompanion.core.services import Services
from netcompanion.core.services.followups import QueueItem
from netcompanion.gui.notifications import FreedesktopNotifier, Notifier, TrayNotifier
from netcompanion.gui.operation import Operation

log = logging.getLogger(__name__)
REFRESH_MS = 60_000
CLOSE_HINT = ("Closing the window quits NetCompanion. To keep it running in the tray (with reminders), "
              "tick 'Keep running in the tray' in the tray icon's menu.")


def count_icon(count: int) -> QIcon:
    """The tray icon: a round badge with the number due today."""
    pixmap = QPixmap(64, 64)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor("#d9480f") if count else QColor("#2b8a3e"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(2, 2, 60, 60)
    painter.setPen(QColor("white"))
    font = QFont()
    font.setBold(True)
    font.setPixelSize(34 if count < 100 else 24)
    painter.setFont(font)
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, str(count) if count else "✓")
    painter.end()
    return QIcon(pixmap)


class TrayController(QObject):
    """Owns the tray icon and the notifier for one window and one set of services."""

    changed = Signal()  # the user acted on items from the tray: the views reload

    def __init__(self, services: Services, window: QWidget, *, notifier: Notifier | None = None,
                 clock: Callable[[], datetime] = utcnow, zone: tzinfo | None = None) -> None:
        super().__init__(window)
        self.services, self.window, self.clock = services, window, clock
        self.zone = zone or local_zone()
        self.tray = QSystemTrayIcon(count_icon(0), self)
        self.notifier = notifier or FreedesktopNotifier.on_session_bus(self) or TrayNotifier(self.tray, self)
        self.notifier.action.connect(self.act)
        self.notified: list[QueueItem] = []  # what the notification on screen names
        self.due_today = 0
        self._build_menu()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.refresh)
        self.apply_settings()

    def _build_menu(self) -> None:
        menu = QMenu()
        menu.addAction("Open NetCompanion", self.open_window)
        menu.addSeparator()
        self.switches: dict[str, QAction] = {}
        for name, label in (("notifications", "Notifications"), ("close_to_tray", "Keep running in the tray"),
                            ("start_at_login", "Start at login"), ("quiet_hours", "Quiet hours")):
            action = menu.addAction(label)
            action.setCheckable(True)
            action.toggled.connect(lambda on, key=name: self.switch(key, on))
            self.switches[name] = action
        menu.addSeparator()
        menu.addAction("Quit", QApplication.quit)
        self.menu = menu
        self.tray.setContextMenu(menu)
        self.tray.activated.connect(lambda reason: self.open_window()
                                    if reason == QSystemTrayIcon.ActivationReason.Trigger else None)

    def apply_settings(self) -> None:
        """Show or hide the tray and start or stop the checks, as the settings say."""
        settings = self.services.reminders.get()
        for name, action in self.switches.items():
            action.blockSignals(True)
            action.setChecked(bool(getattr(settings, name)))
            action.blockSignals(False)
        active = settings.tray or settings.notifications or settings.close_to_tray
        self.tray.setVisible(settings.tray or settings.close_to_tray)
        if active:
            self.timer.start(REFRESH_MS)
        else:
            self.timer.stop()

    def switch(self, name: str, on: bool) -> None:
        """A setting ticked in the tray menu: stored, and 'Start at login' written or removed."""
        self.services.reminders.update(**{name: on})
        if name == "start_at_login":
            set_autostart(on)
        if name == "notifications" and not on:
            self.notifier.close()
        self.apply_settings()

    def due_now(self) -> list[QueueItem]:
        now = self.clock()
        return [item for item in self.services.followups.queue(now=now, zone=self.zone) if item.due_at <= now]

    def refresh(self) -> None:
        """Update the count and, when something newly fell due, the one notification."""
        now = self.clock()
        settings = self.services.reminders.get()
        queue = self.services.followups.queue(now=now, zone=self.zone)
        self.due_today = sum(1 for item in queue if item.due_at <= end_of_day(now, self.zone))
        self.tray.setIcon(count_icon(self.due_today))
        self.tray.setToolTip(f"NetCompanion: {self.due_today} follow-ups due today")
        due = [item for item in queue if item.due_at <= now]
        if not settings.notifications or in_quiet_hours(now, self.zone, settings.quiet_window):
            return
        if not due:
            if self.notified:
                self.notifier.close()
                self.notified = []
            return
        if needs_notification([i.id for i in due], [i.id for i in self.notified]):
            summary, body = grouped_message([(i.contact_name, i.reason) for i in due])
            self.notifier.show(summary, body, with_done=len(due) == 1)
            self.notified = due

    def act(self, action: str) -> None:
        """What the user chose on the notification."""
        items, self.notified = self.notified, []
        if action == "open":
            self.notified = items  # still due: the notification stays what it was
            self.open_window()
            return
        followups, now = self.services.followups, self.clock()

        def write() -> None:
            for item in items:
                if action == "snooze":
                    followups.snooze(item.id, "1d", now=now)
                elif action == "done" and len(items) == 1:
                    followups.mark_done(item.id, now=now)

        Operation(self.window, "Follow-up", write).success(lambda _: self._acted()) \
            .failure(lambda _: self._acted()).run()  # one may have been ticked elsewhere meanwhile

    def _acted(self) -> None:
        self.changed.emit()
        self.refresh()

    def open_window(self) -> None:
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()

    def keep_on_close(self) -> bool:
        """Called by the window's closeEvent: True when the window should only hide (close to tray).
        The first time closing quits, the user is told once how to keep the app in the tray."""
        settings = self.services.reminders.get()
        if settings.close_to_tray:
            self.window.hide()
            return True
        if not settings.close_hint_shown:
            self.services.reminders.update(close_hint_shown=True)
            self.notifier.show("NetCompanion", CLOSE_HINT, with_done=False, with_actions=False)
        return False


def attach_tray(window, services: Services) -> TrayController:  # noqa: ANN001 (the MainWindow)
    """The tray for the main window: its actions reload the window's place; each check also
    rewrites the calendar feed when the queue changed."""
    from netcompanion.interop.ics_feed import CalendarFeed

    controller = TrayController(services, window)
    feed = CalendarFeed(services)
    controller.changed.connect(window.refresh_current)
    controller.timer.timeout.connect(lambda: _quietly(feed.refresh))
    controller.changed.connect(lambda: _quietly(feed.refresh))
    controller.refresh()
    _quietly(feed.refresh)
    return controller


def _quietly(work: Callable[[], object]) -> None:
    """Background upkeep (the feed) logs its failure instead of interrupting the user."""
    try:
        work()
    except (OSError, ValueError) as exc:
        log.warning("calendar feed: %s", exc)
