"""Desktop notifications: the freedesktop notification service over D-Bus, Qt's tray message elsewhere.

`FreedesktopNotifier` talks to org.freedesktop.Notifications on the session bus (jeepney: the typed
calls QtDBus cannot make from Python), offers the actions Open, Snooze 1 day and Done when the server
has the "actions" capability, and replaces its one notification instead of adding another. Its
answers (ActionInvoked, NotificationClosed) are read from the bus socket when Qt sees it readable.
`TrayNotifier` shows the same message as a `QSystemTrayIcon` balloon: a click on it is Open.
"""
from __future__ import annotations

import logging
from collections import deque

from PySide6.QtCore import QObject, QSocketNotifier, Signal
from PySide6.QtWidgets import QSystemTrayIcon

log = logging.getLogger(__name__)

ACTIONS = (("open", "Open"), ("snooze", "Snooze 1 day"), ("done", "Done"))
_BUS_NAME, _PATH = "org.freedesktop.Notifications", "/org/freedesktop/Notifications"


class Notifier(QObject):
    """What the tray uses to notify: `show` the one notification, `close` it; `action` says what
    the user chose ("open", "snooze", "done")."""

    action = Signal(str)
    kind = "none"

    def show(self, summary: str, body: str, *, with_done: bool, with_actions: bool = True) -> None:
        raise NotImplementedError

    def close(self) -> None:
        """Take the notification away (the items were dealt with)."""


class FreedesktopNotifier(Notifier):
    """The freedesktop notification service on the session bus."""

    kind = "freedesktop"

    def __init__(self, connection, parent: QObject | None = None) -> None:  # noqa: ANN001 (jeepney's)
        super().__init__(parent)
        from jeepney import DBusAddress, MatchRule
        from jeepney.bus_messages import message_bus

        self._connection = connection
        self._address = DBusAddress(_PATH, bus_name=_BUS_NAME, interface=_BUS_NAME)
        self.notification_id = 0
        self.capabilities = set(self._call("GetCapabilities", "", ())[0])
        self._signals = MatchRule(type="signal", interface=_BUS_NAME, path=_PATH)
        self._call_on(message_bus.AddMatch(self._signals))
        self._queue: deque = deque(maxlen=100)
        self._filter = connection.filter(self._signals, queue=self._queue)
        self._reader = QSocketNotifier(connection.sock.fileno(), QSocketNotifier.Type.Read, self)
        self._reader.activated.connect(self._read)

    @classmethod
    def on_session_bus(cls, parent: QObject | None = None) -> FreedesktopNotifier | None:
        """The notifier, or None when no notification server answers on the session bus."""
        try:
            from jeepney.io.blocking import open_dbus_connection

            connection = open_dbus_connection(bus="SESSION")
        except Exception as exc:  # noqa: BLE001 (no bus address, no socket, refused: all mean "no server")
            log.info("no session bus: %s", exc)
            return None
        try:
            return cls(connection, parent)
        except Exception as exc:  # noqa: BLE001 (no server owns the name, or it does not answer)
            log.info("no notification server: %s", exc)
            connection.close()
            return None

    def _call(self, method: str, signature: str, body: tuple) -> tuple:
        from jeepney import new_method_call

        return self._call_on(new_method_call(self._address, method, signature or None, body))

    def _call_on(self, message) -> tuple:  # noqa: ANN001
        from jeepney.wrappers import unwrap_msg

        return unwrap_msg(self._connection.send_and_get_reply(message, timeout=3))

    def show(self, summary: str, body: str, *, with_done: bool, with_actions: bool = True) -> None:
        actions: list[str] = []
        if with_actions and "actions" in self.capabilities:
            for key, label in ACTIONS if with_done else ACTIONS[:2]:
                actions += [key, label]
            actions += ["default", "Open"]  # a click on the notification itself
        hints = {"category": ("s", "im.received"), "desktop-entry": ("s", "netcompanion")}
        (self.notification_id,) = self._call("Notify", "susssasa{sv}i", (
            "NetCompanion", self.notification_id, "netcompanion", summary, body, actions, hints, 0))

    def close(self) -> None:
        if self.notification_id:
            self._call("CloseNotification", "u", (self.notification_id,))

    def _read(self) -> None:
        try:
            while True:  # everything the socket holds (one readable signal may bring several messages)
                self._connection.recv_messages(timeout=0)
        except TimeoutError:
            pass
        except Exception as exc:  # noqa: BLE001 (the bus went away: stop listening)
            log.warning("notification service: %s", exc)
            self._reader.setEnabled(False)
            return
        while self._queue:
            message = self._queue.popleft()
            member, body = message.header.fields.get(3), message.body  # 3: MEMBER
            if not body or body[0] != self.notification_id:
                continue
            if member == "ActionInvoked":
                self.action.emit("open" if body[1] == "default" else str(body[1]))
            elif member == "NotificationClosed":
                self.notification_id = 0


class TrayNotifier(Notifier):
    """Qt's tray message, where no notification service is there: a click on it opens the app."""

    kind = "tray"

    def __init__(self, tray: QSystemTrayIcon, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tray = tray
        self.shown: tuple[str, str] | None = None  # the last message, as the tray was asked to show it
        tray.messageClicked.connect(lambda: self.action.emit("open"))

    def show(self, summary: str, body: str, *, with_done: bool, with_actions: bool = True) -> None:
        self.shown = (summary, body)
        self.tray.showMessage(summary, body, QSystemTrayIcon.MessageIcon.Information, 15_000)

    def close(self) -> None:
        self.shown = None
