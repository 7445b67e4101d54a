"""One app per user and database: a second launch hands its files to the running window and exits.

The first app over a database listens on a local socket (`QLocalServer`) named for the OS user,
the NetCompanion user and the database URL. A second `netcompanion gui [card.jpg…]` (what the
desktop entry runs for a file) connects to it, sends the files as absolute paths in one JSON line,
waits for the answer, and exits 0; the running app raises its window, reads its lists again and
reads the cards in the Scan place. A socket left behind by a killed app is removed once nobody
answers on it.
"""
from __future__ import annotations

import getpass
import hashlib
import json
import logging
import os

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from netcompanion.core import settings
from netcompanion.core.errors import NetCompanionError

log = logging.getLogger(__name__)
TIMEOUT_MS = 3000
READY = b"ok\n"


def instance_name(db_url: str | None = None) -> str | None:
    """The socket name of the app over `db_url` for this user; None when the URL is unusable (the
    app then opens and says why)."""
    try:
        url = settings.database_url(db_url)
    except NetCompanionError:
        return None
    key = "\0".join((getpass.getuser(), settings.current_user(), url))
    return f"netcompanion-{hashlib.sha256(key.encode()).hexdigest()[:24]}"


def hand_over(name: str, files: list[str], timeout_ms: int = TIMEOUT_MS) -> bool:
    """Send `files` to the app listening on `name`; True when it took them."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(timeout_ms):
        return False
    message = json.dumps({"files": [os.path.abspath(f) for f in files]}).encode() + b"\n"
    socket.write(message)
    socket.waitForBytesWritten(timeout_ms)
    answer = b""
    while not answer.endswith(b"\n") and socket.waitForReadyRead(timeout_ms):
        answer += bytes(socket.readAll().data())
    socket.disconnectFromServer()
    return answer == READY


class InstanceServer(QObject):
    """Listens for later launches; `received(files)` is emitted on the GUI thread for each."""

    received = Signal(list)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)  # this OS user only
        self.server.newConnection.connect(self._connected)

    def listen(self) -> bool:
        if not self.name:
            return False
        if self.server.listen(self.name):
            return True
        QLocalServer.removeServer(self.name)  # nobody answered on it: left by an app that was killed
        return self.server.listen(self.name)

    def close(self) -> None:
        self.server.close()

    def _connected(self) -> None:
        while (socket := self.server.nextPendingConnection()) is not None:
            socket.setParent(self)
            buffer = bytearray()
            socket.readyRead.connect(lambda s=socket, b=buffer: self._read(s, b))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket, buffer: bytearray) -> None:
        buffer += bytes(socket.readAll().data())
        if not buffer.endswith(b"\n"):
            return
        try:
            files = [str(f) for f in json.loads(buffer.decode()).get("files", [])]
        except (ValueError, AttributeError):
            log.warning("a second launch sent a message that is not understood")
            socket.disconnectFromServer()
            return
        socket.write(READY)
        socket.flush()
        self.received.emit(files)


def claim(db_url: str | None, files: list[str]) -> InstanceServer | None:
    """Become the app over `db_url`, or hand `files` to the one already running.

    Returns the listening server, or None when a running app took the files (this launch is done).
    """
    name = instance_name(db_url)
    if name is None:  # an unusable URL: the app opens and says why; nothing to listen on
        return InstanceServer("")
    if hand_over(name, files):
        return None
    server = InstanceServer(name)
    if not server.listen():
        if hand_over(name, files):  # another launch won the race meanwhile
            return None
        log.warning("cannot listen for later launches on %s: %s", name, server.server.errorString())
    return server
