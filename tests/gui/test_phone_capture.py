"""Phone capture in the Scan place: a photo sent over real HTTP lands in the inbox and is read,
the phone sees the reading, and the session stops with Stop and when the place is left."""
from __future__ import annotations

import asyncio
import io
from pathlib import Path
from typing import Any

import aiohttp
import numpy as np
import pytest
from PySide6.QtGui import QImage, QPixmap

from netcompanion.core import settings
from netcompanion.gui.views.scan_view import ScanView
from netcompanion.ocr.qr import decode_qr
from netcompanion.phone.addresses import Interface
from tests.gui.cards import jane_card
from tests.gui.waiting import written

pytestmark = [pytest.mark.slow, pytest.mark.sqlite_only]

LOOPBACK = Interface("loopback", "127.0.0.1")


def _request(method: str, url: str, data: Any = None) -> tuple[int, Any]:
    async def go() -> tuple[int, Any]:
        async with aiohttp.ClientSession() as client, client.request(method, url, data=data) as answer:
            return answer.status, await answer.json(content_type=None) if "json" in answer.content_type \
                else await answer.text()
    return asyncio.run(go())


def _pixels(pixmap: QPixmap) -> np.ndarray:
    image = pixmap.toImage().convertToFormat(QImage.Format.Format_RGB888)
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    return np.ascontiguousarray(rows[:, :image.width() * 3].reshape(image.height(), image.width(), 3)[:, :, ::-1])


def _send(url: str, photo: Path) -> tuple[int, Any]:
    form = aiohttp.FormData()
    form.add_field("photo", io.BytesIO(photo.read_bytes()), filename="IMG_1234.JPG", content_type="image/jpeg")
    return _request("POST", url + "upload", form)


@pytest.fixture
def view(qtbot, services) -> ScanView:
    services.events.add("Logistics Expo", "client", start="2026-03-01T09:00Z", end="2026-03-02T17:00Z")
    scan = ScanView(services)
    qtbot.addWidget(scan)
    scan.refresh()
    scan.show()
    return scan


def test_a_photo_from_the_phone_lands_in_the_inbox_and_the_phone_sees_its_reading(
        qtbot, view: ScanView, tmp_path: Path) -> None:
    assert not view.phone.isVisible() and view.phone.server is None  # nothing listens until asked
    assert view.phone.start(LOOPBACK)
    server = view.phone.server
    assert server is not None and view.phone.isVisible()
    assert view.phone.url.text() == server.url
    assert decode_qr(_pixels(view.phone.qr.pixmap())) == [server.url]  # the code shown holds the link

    assert _request("GET", server.url)[0] == 200
    qtbot.waitUntil(lambda: "127.0.0.1" in view.phone.connected.text(), timeout=5_000)
    status, reply = _send(server.url, jane_card(tmp_path / "jane.jpg"))
    assert status == 200, reply
    qtbot.waitUntil(lambda: len(view.items) == 1 and not view.job.running, timeout=120_000)
    [item] = view.items
    assert Path(item.source).parent == settings.captures_dir()  # (item.path: its copy in the scan inbox)
    assert item.scan["full_name"] == "Jane Whitfield" and item.status == "read"
    assert view.phone.count.text() == "1 card received"
    [card] = _request("GET", server.url + "cards")[1]
    assert card["status"] == "read" and card["name"] == "Jane Whitfield"
    assert card["company"] == "Northwind Logistics Inc."

    # saved like a dropped card, with the event chosen in Scan
    assert view.event_combo.currentText() == "Logistics Expo"
    view.save_current()
    written()
    assert item.status == "saved"
    [contact] = view.services.contacts.list(event="Logistics Expo")
    assert contact.full_name == "Jane Whitfield"

    view.phone.stop_button.click()
    assert view.phone.server is None and not view.phone.isVisible() and not server.running
    with pytest.raises(aiohttp.ClientConnectionError):
        _request("GET", server.url)


def test_photos_arriving_while_cards_are_read_wait_their_turn(qtbot, view: ScanView, tmp_path: Path) -> None:
    assert view.phone.start(LOOPBACK)
    url = view.phone.server.url
    view.add_paths([str(jane_card(tmp_path / "dropped.jpg"))])
    assert view.job.running
    for _ in range(2):
        assert _send(url, jane_card(tmp_path / "jane.jpg"))[0] == 200
    qtbot.waitUntil(lambda: len(view.items) == 3 and not view.job.running, timeout=180_000)
    assert [Path(item.source).parent for item in view.items[1:]] == [settings.captures_dir()] * 2
    view.phone.stop()


def test_leaving_the_place_stops_listening(qtbot, view: ScanView) -> None:
    assert view.phone.start(LOOPBACK)
    server = view.phone.server
    assert _request("GET", server.url)[0] == 200
    view.hide()  # the main window shows another place
    assert not server.running and view.phone.server is None
    with pytest.raises(aiohttp.ClientConnectionError):
        _request("GET", server.url)


def test_choosing_another_network_moves_the_session_there_with_a_new_token(qtbot, view: ScanView) -> None:
    from PySide6.QtCore import QSettings

    from netcompanion.gui.views.phone_panel import INTERFACE_SETTING

    assert view.phone.start(LOOPBACK)
    first = view.phone.server
    other = Interface("second", "127.0.0.2")
    view.phone.network.addItem(other.label, other)
    view.phone.network.setCurrentIndex(view.phone.network.count() - 1)
    view.phone.network.activated.emit(view.phone.network.count() - 1)  # as the user picking it does
    second = view.phone.server
    assert second is not first and second.host == "127.0.0.2" and second.token != first.token
    assert not first.running and QSettings().value(INTERFACE_SETTING) == "second"
    assert _request("GET", second.url)[0] == 200
    with pytest.raises(aiohttp.ClientConnectionError):
        _request("GET", first.url)
    view.phone.stop()
