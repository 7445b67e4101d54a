"""Webcam capture in the Scan place, on rendered frames played as a camera would send them: the
outline, the photo taken by itself when the card is still, Space, and the cards in the inbox."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt

from netcompanion.core import settings
from netcompanion.gui.views.camera_panel import READY, WAITING, _preview
from netcompanion.gui.views.scan_view import ScanView
from tests.ocr.camera_frames import RenderedSource, card_images, place, scene

pytestmark = [pytest.mark.slow, pytest.mark.sqlite_only]


@pytest.fixture
def view(qtbot, services) -> ScanView:
    scan = ScanView(services)
    qtbot.addWidget(scan)
    scan.show()
    return scan


def test_cards_held_up_to_the_camera_are_taken_by_themselves_and_read(qtbot, view: ScanView, tmp_path: Path) -> None:
    source = RenderedSource(scene(card_images(tmp_path)), realtime=True)
    view.camera.start(lambda: source)
    assert view.camera.isVisible()
    qtbot.waitUntil(lambda: view.camera.video.pixmap() is not None and not view.camera.video.pixmap().isNull(),
                    timeout=10_000)
    qtbot.waitUntil(lambda: source.closed, timeout=60_000)  # the frames have all been played
    assert view.camera.taken == 2
    qtbot.waitUntil(lambda: len(view.items) == 2 and not view.job.running, timeout=120_000)
    assert [Path(item.source).parent for item in view.items] == [settings.captures_dir()] * 2
    assert {item.scan["full_name"] for item in view.items} == {"Jane Whitfield", "Tomás Ibáñez"}


def test_space_takes_the_photo_by_hand(qtbot, view: ScanView, tmp_path: Path) -> None:
    blurred = [place(card_images(tmp_path)[0], 380, blur=3.0)] * 300  # never sharp: never taken by itself
    source = RenderedSource(blurred, realtime=True)
    view.camera.start(lambda: source)
    qtbot.waitUntil(lambda: "blurred" in view.camera.hint.text(), timeout=20_000)
    assert view.camera.taken == 0
    qtbot.keyClick(view.camera, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: view.camera.taken == 1, timeout=5_000)
    view.camera.stop()
    assert not view.camera.isVisible()
    qtbot.waitUntil(lambda: source.closed, timeout=5_000)  # the camera is let go
    qtbot.waitUntil(lambda: len(view.items) == 1 and not view.job.running, timeout=120_000)


def test_the_outline_is_drawn_in_the_colour_of_its_state(tmp_path: Path) -> None:
    frame = place(card_images(tmp_path)[0], 380)
    quad = np.array([[380, 210], [905, 210], [905, 510], [380, 510]], np.float32)
    for ready, colour in ((True, READY), (False, WAITING)):
        shown = _preview(frame, quad, ready)
        assert shown.shape == (360, 640, 3)
        assert tuple(shown[105, 250]) == colour  # on the left edge, at half scale


def test_leaving_the_place_lets_the_camera_go(qtbot, view: ScanView, tmp_path: Path) -> None:
    source = RenderedSource([place(None, 0)] * 2000, realtime=True)
    view.camera.start(lambda: source)
    qtbot.waitUntil(lambda: view.camera.running and view.camera.video.pixmap() is not None
                    and not view.camera.video.pixmap().isNull(), timeout=10_000)
    view.hide()
    qtbot.waitUntil(lambda: source.closed, timeout=5_000)
    assert not view.camera.running


def test_no_camera_is_a_message(qtbot, view: ScanView) -> None:
    from netcompanion.ocr.camera import CameraError

    def no_camera() -> RenderedSource:
        raise CameraError("No camera found: connect a webcam, or allow this app to use the camera")
    view.camera.start(no_camera)
    qtbot.waitUntil(lambda: "No camera found" in view.camera.hint.text(), timeout=5_000)
    assert view.camera.isVisible() and view.camera.stop_button.text() == "Close"
