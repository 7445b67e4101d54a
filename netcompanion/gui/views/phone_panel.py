"""Scan's phone capture panel: the QR code, the network it listens on, who is connected, and Stop.

The panel owns one `netcompanion.phone.server.PhoneServer` session at a time. It starts one when
asked (Scan's *Use my phone*), and stops it with Stop, when it is hidden because the user left the
place or closed the window, and when the app quits; the server stops itself after ten minutes
without a photo. The server calls back on its own thread: the panel's signals carry those calls to
the GUI thread, and `photo_received` hands each photo's path to the Scan place.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QHideEvent, QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import QApplication, QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from netcompanion.core import settings
from netcompanion.gui.widgets import card_frame, plain_label
from netcompanion.phone.addresses import Interface, private_interfaces

if TYPE_CHECKING:
    from netcompanion.phone.server import PhoneServer, SentCard

log = logging.getLogger(__name__)

#: QSettings key of the interface chosen for phone capture (its name)
INTERFACE_SETTING = "phone/interface"
QR_SIZE = 220
NO_NETWORK = ("This computer is on no home or office network (Wi-Fi or Ethernet with a private address), "
              "so a phone cannot reach it. Connect to the same Wi-Fi as your phone and try again.")


def qr_pixmap(text: str, size: int = QR_SIZE) -> QPixmap:
    """A QR code of `text` (segno), `size` pixels square, black on white."""
    import io

    import segno

    buffer = io.BytesIO()
    segno.make(text, error="m", micro=False).save(buffer, kind="png", scale=8, border=3)
    image = QImage.fromData(buffer.getvalue())
    return QPixmap.fromImage(image).scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio,
                                           Qt.TransformationMode.FastTransformation)


class PhoneCapturePanel(QWidget):
    """The phone capture session shown in Scan (hidden while no session runs)."""

    photo_received = Signal(str)
    session_ended = Signal(str)
    _photo = Signal(object)
    _peer = Signal(str)
    _stopped = Signal(object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.server: PhoneServer | None = None
        self.received = 0
        self.qr = QLabel()
        self.qr.setFixedSize(QR_SIZE, QR_SIZE)
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.network = QComboBox()
        self.network.setToolTip("The network the phone is on: the app listens on this computer's address there only")
        self.network.activated.connect(self._network_chosen)
        self.url = plain_label("", "hint")
        self.connected = plain_label("Waiting for the phone…", "cardTitle", wrap=True)
        self.count = plain_label("", "hint")
        self.stop_button = QPushButton("Stop")
        self.stop_button.setToolTip("Stop listening: the phone's link stops working at once (Esc)")
        # Esc while the panel shows (a QShortcut of a hidden widget does not fire); not the button's own
        # shortcut, which the menu bar would have to show
        QShortcut(QKeySequence("Esc"), self, self.stop)
        self.stop_button.clicked.connect(self.stop)
        self._photo.connect(self._photo_arrived)
        self._peer.connect(self._peer_arrived)
        self._stopped.connect(self._server_stopped)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)
        self._build()
        self.setVisible(False)

    def _build(self) -> None:
        frame = card_frame()
        row = QHBoxLayout(frame)
        row.addWidget(self.qr)
        text = QVBoxLayout()
        text.addWidget(plain_label("Send cards from your phone", "cardTitle"))
        text.addWidget(plain_label(
            "Point your phone's camera at this code and open the link. Take a photo of each card: it lands "
            "in the inbox with the event and goal chosen here. Your phone must be on the same network.",
            "", wrap=True))
        network_row = QHBoxLayout()
        network_row.addWidget(QLabel("Network"))
        network_row.addWidget(self.network, 1)
        text.addLayout(network_row)
        text.addWidget(self.url)
        text.addWidget(self.connected)
        text.addWidget(self.count)
        text.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(plain_label("Listening stops after 10 minutes without a photo, or when you leave Scan.",
                                     "hint", wrap=True), 1)
        bottom.addWidget(self.stop_button)
        text.addLayout(bottom)
        row.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(frame)

    # the session
    @property
    def running(self) -> bool:
        return self.server is not None and self.server.running

    def start(self, interface: Interface | None = None) -> bool:
        """Start a session on `interface`, else on the chosen (or remembered) network; False (with
        the reason shown) when there is no network to listen on or its address cannot be used."""
        self.stop()
        interfaces = self._fill_networks(interface)
        chosen: Interface | None = self.network.currentData()
        self.setVisible(True)
        if chosen is None:
            self._show_idle(NO_NETWORK if not interfaces else "Choose the network your phone is on.")
            return False
        from netcompanion.phone.server import PhoneServer, PhoneServerError

        server = PhoneServer(chosen.address, settings.captures_dir(), on_photo=self._photo.emit,
                             on_peer=self._peer.emit,
                             on_stopped=lambda reason: self._emit_stopped(server, reason))
        try:
            url = server.start()
        except PhoneServerError as exc:
            self._show_idle(str(exc))
            return False
        self.server, self.received = server, 0
        self.qr.setPixmap(qr_pixmap(url))
        self.qr.setToolTip("")
        self.url.setText(url)
        self.connected.setText("Waiting for the phone…")
        self.count.setText("")
        self.stop_button.setText("Stop")
        return True

    def stop(self) -> None:
        """End the session (the phone's link stops working) and hide the panel."""
        server, self.server = self.server, None
        if server is not None:
            server.stop()
        self.setVisible(False)

    def report_reading(self, path: str, scan: dict[str, Any]) -> None:
        """Tell the phone what was read on the photo at `path` (a no-op for other cards)."""
        if self.server is not None:
            self.server.report_reading(Path(path), name=scan.get("full_name") or "",
                                       company=scan.get("company") or "", error=scan.get("error") or "")

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt's name)
        super().hideEvent(event)
        if not event.spontaneous():  # the place was left or the window closed; not a minimise
            self.stop()

    # the network list
    def _fill_networks(self, wanted: Interface | None) -> list[Interface]:
        interfaces = private_interfaces()
        if wanted is not None and wanted not in interfaces:
            interfaces.append(wanted)
        self.network.clear()
        for interface in interfaces:
            self.network.addItem(interface.label, interface)
        remembered = str(QSettings().value(INTERFACE_SETTING, "") or "")
        for index, interface in enumerate(interfaces):
            if interface == wanted or (wanted is None and interface.name == remembered):
                self.network.setCurrentIndex(index)
        return interfaces

    def _network_chosen(self, index: int) -> None:
        interface: Interface | None = self.network.itemData(index)
        if interface is None or (self.server is not None and self.server.host == interface.address):
            return
        QSettings().setValue(INTERFACE_SETTING, interface.name)
        self.start(interface)

    def _show_idle(self, message: str) -> None:
        self.qr.clear()
        self.url.setText("")
        self.connected.setText(message)
        self.count.setText("")
        self.stop_button.setText("Close")

    # the server's calls, on the GUI thread
    def _emit_stopped(self, server: PhoneServer, reason: str) -> None:
        try:
            self._stopped.emit(server, reason)
        except RuntimeError:  # the panel is gone (the app is closing)
            log.debug("phone capture stopped after its panel was deleted")

    def _photo_arrived(self, card: SentCard) -> None:
        if self.server is None:
            return
        self.received += 1
        self.count.setText(f"{self.received} card{'' if self.received == 1 else 's'} received")
        self.photo_received.emit(str(card.path))

    def _peer_arrived(self, peer: str) -> None:
        if self.server is not None:
            self.connected.setText(f"Connected: {', '.join(self.server.peers) or peer}")

    def _server_stopped(self, server: PhoneServer, reason: str) -> None:
        if server is not self.server:
            return  # an earlier session, stopped by the panel itself
        self.server = None
        self.setVisible(False)
        self.session_ended.emit("Phone capture stopped after 10 minutes without a photo" if reason == "idle"
                                else "Phone capture stopped")
