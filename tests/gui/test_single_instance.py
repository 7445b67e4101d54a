"""One app per user and database: a second `netcompanion gui card.jpg` hands the card to the open
window, brings it forward, and exits 0 without opening a window of its own."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtNetwork import QLocalSocket
from PySide6.QtWidgets import QApplication, QMessageBox

from netcompanion.gui.main_window import PLACES
from netcompanion.gui.single_instance import InstanceServer, claim, hand_over, instance_name
from tests.gui.cards import jane_card

pytestmark = pytest.mark.sqlite_only  # about the app's processes, not the database


def _second_launch(db_path: Path, *args: str) -> subprocess.Popen:
    env = dict(os.environ, NETCOMPANION_DB=str(db_path), QT_QPA_PLATFORM="offscreen")
    return subprocess.Popen([sys.executable, "-m", "netcompanion", "gui", "--no-demo", *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=Path(args[0]).parent if args else None)


def test_a_second_launch_hands_its_card_to_the_running_window_and_exits(qtbot, window, db_path, tmp_path,
                                                                        monkeypatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)  # quit at the end
    instance = claim(str(db_path), [])
    assert instance is not None and instance.server.isListening()
    instance.received.connect(window.open_files)
    window.navigation.setCurrentRow(PLACES.index("Contacts"))
    other = QApplication.activeWindow()
    card = jane_card(tmp_path / "jane.jpg")

    launch = _second_launch(db_path, card.name)  # a relative path, as a file manager may pass it
    qtbot.waitUntil(lambda: launch.poll() is not None, timeout=60_000)
    out, err = launch.communicate()
    try:
        assert launch.returncode == 0, err.decode()
        qtbot.waitUntil(lambda: window.scan.job is not None, timeout=5000)
        assert window.stack.currentWidget() is window.scan
        assert window.isVisible() and (QApplication.activeWindow() is window or other is window)
    finally:
        if window.scan.job is not None:
            window.scan.cancel()
            qtbot.waitUntil(lambda: not window.scan.job.running, timeout=60_000)
        instance.close()


def test_another_database_is_another_app(db_path, tmp_path, qapp) -> None:
    assert instance_name(str(db_path)) != instance_name(str(tmp_path / "other.db"))
    first = InstanceServer(instance_name(str(db_path)))
    assert first.listen()
    try:
        assert not hand_over(instance_name(str(tmp_path / "other.db")), [], timeout_ms=300)
    finally:
        first.close()


KILLED_APP = """
import sys
from PySide6.QtCore import QCoreApplication
from PySide6.QtNetwork import QLocalServer
app = QCoreApplication([])
server = QLocalServer()
server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
assert server.listen(sys.argv[1])
print(server.fullServerName(), flush=True)
app.exec()
"""


def test_a_socket_left_by_a_killed_app_is_taken_over(db_path, qapp) -> None:
    name = instance_name(str(db_path))
    killed = subprocess.Popen([sys.executable, "-c", KILLED_APP, name], stdout=subprocess.PIPE)
    socket_file = Path(killed.stdout.readline().decode().strip())
    killed.kill()  # SIGKILL: the socket file stays behind, and nobody answers on it
    killed.wait()
    killed.stdout.close()
    assert socket_file.exists()
    server = claim(str(db_path), [])
    try:
        assert server is not None and server.server.isListening()
        probe = QLocalSocket()
        probe.connectToServer(name)
        assert probe.waitForConnected(2000)  # the next launch reaches it
        probe.abort()
    finally:
        if server is not None:
            server.close()
