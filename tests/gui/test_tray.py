"""Reminders on the desktop: the tray count, one grouped notification and its actions against a real
notification server (dunst on a private session bus), Qt's tray message when no server is there,
quiet hours, close-to-tray and 'Start at login'."""
from __future__ import annotations

import os
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QWidget

from netcompanion.autostart import autostart_file
from netcompanion.core.clock import utcnow
from netcompanion.core.services import ContactFields
from netcompanion.gui.notifications import FreedesktopNotifier, TrayNotifier
from netcompanion.gui.tray import CLOSE_HINT, TrayController
from tests.gui.notification_server import NotificationServer, missing_tools

pytestmark = pytest.mark.sqlite_only  # about the desktop, not the database
BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture
def server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    missing = missing_tools()
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(f"missing {', '.join(missing)}: scripts/install.sh --test installs them")
        pytest.skip(f"missing {', '.join(missing)} (scripts/install.sh --test installs them)")
    folder = tmp_path / "desktop"
    folder.mkdir()
    running = NotificationServer(folder)
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", running.address)
    yield running
    running.stop()


def met(services, name: str, days_ago: float = 2) -> int:
    contact = services.contacts.add(ContactFields(full_name=name, given_name=name.split()[0]))
    services.encounters.add(contact.id, detail="the robotics lab", met_at=utcnow() - timedelta(days=days_ago))
    return contact.id


def controller(qtbot, services, **kwargs) -> TrayController:
    window = QWidget()
    qtbot.addWidget(window)
    return TrayController(services, window, zone=timezone.utc, **kwargs)


def item_status(services, contact_id: int) -> str:
    [item] = [i for i in services.followups.queue(include_all=True) if i.contact_id == contact_id] or [None]
    return item.status if item else "done"


def test_one_grouped_notification_and_its_actions(qtbot, services, server) -> None:
    services.reminders.update(quiet_hours=False)
    ada = met(services, "Ada Lovelace")
    tray = controller(qtbot, services)
    assert isinstance(tray.notifier, FreedesktopNotifier) and "actions" in tray.notifier.capabilities
    tray.refresh()
    [(app, replaces, _icon, summary, body, actions, _hints, _timeout)] = server.received()
    assert (app, replaces, summary) == ("NetCompanion", 0, "Follow up with Ada Lovelace")
    assert "the robotics lab" in body
    assert actions[1::2] == ["Open", "Snooze 1 day", "Done", "Open"]
    assert server.displayed() == 1 and tray.due_today == 1
    tray.refresh()
    assert server.received(0.5) == [] and server.displayed() == 1  # nothing new: no second notification

    bob = met(services, "Bob Babbage")
    tray.refresh()
    [call] = server.received()
    assert call[1] == tray.notifier.notification_id != 0  # replaces the one on screen
    assert call[3] == "2 follow-ups are due" and call[4] == "Ada Lovelace, Bob Babbage"
    assert "Done" not in call[5]  # Done is for a single item
    assert server.displayed() == 1

    server.click("Snooze 1 day")
    qtbot.waitUntil(lambda: item_status(services, ada) == item_status(services, bob) == "snoozed", timeout=10_000)

    cara = met(services, "Cara Hopper")
    tray.refresh()
    assert [c[3] for c in server.received()] == ["Follow up with Cara Hopper"]
    server.click("Done")
    qtbot.waitUntil(lambda: item_status(services, cara) == "done", timeout=10_000)
    assert [i.channel for i in services.interactions.for_contact(cara)] == ["email"]


def test_quiet_hours_and_switching_notifications_off(qtbot, services, server) -> None:
    met(services, "Ada Lovelace")
    late = datetime.now(BERLIN).replace(hour=22, minute=30).astimezone(timezone.utc)
    if late < utcnow():
        late += timedelta(days=1)
    tray = TrayController(services, QWidget(), zone=BERLIN, clock=lambda: late)
    tray.refresh()  # 22:30 is within the default quiet hours 21:00-08:00
    assert server.received(0.5) == [] and server.displayed() == 0
    assert tray.due_today >= 1 and "1 follow-ups due today" in tray.tray.toolTip()
    tray.switch("quiet_hours", False)
    tray.refresh()
    assert len(server.received()) == 1
    tray.switch("notifications", False)  # takes the notification away too
    qtbot.waitUntil(lambda: server.displayed() == 0, timeout=5000)
    met(services, "Bob Babbage")
    tray.refresh()
    assert server.received(0.5) == []


def test_qt_tray_message_when_no_server(qtbot, services, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path / 'no-bus'}")
    services.reminders.update(quiet_hours=False)
    met(services, "Ada Lovelace")
    tray = controller(qtbot, services)
    assert isinstance(tray.notifier, TrayNotifier)
    tray.refresh()
    assert tray.notifier.shown == ("Follow up with Ada Lovelace", tray.notified[0].reason)
    tray.window.hide()
    tray.tray.messageClicked.emit()  # a click on the balloon opens the app
    assert tray.window.isVisible()


def test_close_to_tray_said_once_and_start_at_login(qtbot, services, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path / 'no-bus'}")
    tray = controller(qtbot, services)
    tray.window.show()
    assert tray.keep_on_close() is False and tray.notifier.shown == ("NetCompanion", CLOSE_HINT)
    tray.notifier.close()
    assert tray.keep_on_close() is False and tray.notifier.shown is None  # said once
    tray.switches["close_to_tray"].setChecked(True)  # the tray menu's switch
    assert services.reminders.get().close_to_tray
    assert tray.keep_on_close() is True and not tray.window.isVisible()
    tray.switches["start_at_login"].setChecked(True)
    entry = autostart_file()
    assert entry.is_file() and "Exec=" in entry.read_text() and "-m netcompanion gui" in entry.read_text()
    assert str(entry).startswith(os.environ["XDG_CONFIG_HOME"])
    tray.switches["start_at_login"].setChecked(False)
    assert not entry.exists()


def test_main_window_hides_to_the_tray(qtbot, window, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path / 'no-bus'}")
    from netcompanion.gui.tray import attach_tray

    services = window.services
    services.reminders.update(close_to_tray=True)
    window.tray_controller = attach_tray(window, services)
    window.close()
    assert not window.isVisible() and window.views  # hidden, not closed
    services.reminders.update(close_to_tray=False, close_hint_shown=True)
    assert window.close()
