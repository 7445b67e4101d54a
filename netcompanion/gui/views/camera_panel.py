"""Scan's webcam panel: the live picture with the card outlined, taken by itself when steady.

The camera is read on a worker (`gui/worker.py`): each frame goes through
`ocr.live_card.CardWatcher`, which says when the card held up is steady and sharp; the photo is
then written under the data folder (`captures/`) and its path handed to Scan, which reads it as a
dropped file. Space (while the panel has the focus) takes the photo by hand; the next card can be
held up at once. The camera is let go with Stop (Esc), when Scan is left, and when the app quits.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QHideEvent, QKeyEvent, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from netcompanion.core import settings
from netcompanion.gui.card_preview import image_from_array
from netcompanion.gui.widgets import card_frame, plain_label
from netcompanion.gui.worker import Job, run_in_background
from netcompanion.ocr.camera import FrameSource

#: Width of the live picture shown (frames are scaled down on the worker).
PREVIEW_WIDTH = 640
PREVIEW_HEIGHT = 300
READY, WAITING = (46, 160, 67), (240, 160, 0)  # outline colours (RGB): steady and sharp, or not yet


def _preview(pixels: np.ndarray, quad: np.ndarray | None, ready: bool) -> np.ndarray:
    """The frame scaled to PREVIEW_WIDTH, in RGB, with the card's outline drawn."""
    import cv2

    from netcompanion.ocr.live_card import shrunk

    small, scale = shrunk(pixels, PREVIEW_WIDTH)  # (a frame no larger than the preview is shown as it is)
    rgb = np.ascontiguousarray(small[:, :, ::-1])
    if quad is not None:
        corners = np.round(quad * scale).astype(np.int32).reshape(-1, 1, 2)
        cv2.polylines(rgb, [corners], True, READY if ready else WAITING, 3, cv2.LINE_AA)
    return rgb


def watch_camera_job(job: Job, open_source: Callable[[], FrameSource], by_hand: threading.Event,
                     shown: threading.Event) -> int:
    """Read frames until cancelled or the source ends; emit ("frame", rgb, hint) when the GUI has
    shown the last one, and ("card", path) for each photo taken. Returns the photos taken."""
    import cv2

    from netcompanion.ocr.live_card import CardWatcher
    from netcompanion.phone.uploads import remove_old_photos, store_camera_photo

    source = open_source()  # (on the worker: opening a camera can take a second)
    folder = settings.captures_dir()
    remove_old_photos(folder, time.time())
    watcher = CardWatcher()
    taken = 0
    try:
        while True:
            job.check()
            frame = source.read()
            if frame is None:
                return taken
            verdict = watcher.look(frame.pixels, frame.time)
            hand = by_hand.is_set()
            if hand:
                by_hand.clear()
                watcher.taken(frame.pixels, verdict.quad)
            hint = verdict.hint
            if verdict.capture or hand:
                ok, jpeg = cv2.imencode(".jpg", frame.pixels, [cv2.IMWRITE_JPEG_QUALITY, 95])
                if ok:
                    taken += 1
                    job.emit_item(("card", str(store_camera_photo(jpeg.tobytes(), folder))))
                    hint = "Taken: hold up the next card"
            if shown.is_set() or verdict.capture or hand:
                shown.clear()
                job.emit_item(("frame", _preview(frame.pixels, verdict.quad, verdict.steady and verdict.sharp), hint))
    finally:
        source.close()


def open_webcam() -> FrameSource:
    from netcompanion.ocr.camera import Camera

    return Camera(0)


class CameraPanel(QWidget):
    """The webcam in Scan (hidden while the camera is off)."""

    photo_taken = Signal(str)
    session_ended = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.job: Job | None = None
        self.taken = 0
        self._by_hand = threading.Event()
        self._shown = threading.Event()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.video = QLabel("Starting the camera…")
        self.video.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.video.setMinimumSize(PREVIEW_WIDTH // 2, PREVIEW_HEIGHT // 2)
        self.video.setMaximumHeight(PREVIEW_HEIGHT)  # the inbox and the review stay in view
        self.hint = plain_label("", "cardTitle", wrap=True)
        self.count = plain_label("", "hint")
        self.take_button = QPushButton("Take photo  ␣")
        self.take_button.setToolTip("Take the photo now (Space); it is also taken by itself when the card is still")
        self.take_button.clicked.connect(self.take_photo)
        self.stop_button = QPushButton("Stop")
        self.stop_button.setToolTip("Turn the camera off (Esc)")
        # Esc while the panel shows (a QShortcut of a hidden widget does not fire); not the button's own
        # shortcut, which the menu bar would have to show
        QShortcut(QKeySequence("Esc"), self, self.stop)
        self.stop_button.clicked.connect(self.stop)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)
        self._build()
        self.setVisible(False)

    def _build(self) -> None:
        frame = card_frame()
        row = QHBoxLayout(frame)
        row.addWidget(self.video, 2)
        text = QVBoxLayout()
        text.addWidget(plain_label("Take cards with the camera", "cardTitle"))
        text.addWidget(plain_label("Hold a card up to the camera and keep it still: it is taken by itself "
                                   "when steady and sharp, and you can hold up the next one at once.", "", wrap=True))
        text.addWidget(self.hint)
        text.addWidget(self.count)
        text.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.take_button)
        buttons.addWidget(self.stop_button)
        text.addLayout(buttons)
        row.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(frame)

    @property
    def running(self) -> bool:
        return self.job is not None and self.job.running

    def start(self, open_source: Callable[[], FrameSource] = open_webcam) -> None:
        """Turn the camera on (`open_source` opens it on the worker: the tests pass rendered frames)."""
        self.stop()
        self.taken = 0
        self._by_hand.clear()
        self._shown.set()
        self.video.setText("Starting the camera…")
        self.hint.setText("Hold a card up to the camera")
        self.count.setText("")
        self.stop_button.setText("Stop")
        self.setVisible(True)
        self.setFocus()
        self.job = run_in_background(watch_camera_job, open_source, self._by_hand, self._shown,
                                     on_item=self._item, on_done=self._ended, on_error=self._failed,
                                     on_cancel=lambda: None, user_work=False, owner=self)

    def stop(self) -> None:
        """Let the camera go and hide the panel."""
        job, self.job = self.job, None
        if job is not None:
            job.cancel()
        self.setVisible(False)

    def take_photo(self) -> None:
        """Take the next frame by hand (Space)."""
        if self.running:
            self._by_hand.set()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self.take_photo()
            return
        super().keyPressEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt's name)
        super().hideEvent(event)
        if not event.spontaneous():  # the place was left or the window closed; not a minimise
            self.stop()

    def _item(self, value: tuple[Any, ...]) -> None:
        if value[0] == "card":
            self.taken += 1
            self.count.setText(f"{self.taken} card{'' if self.taken == 1 else 's'} taken")
            self.photo_taken.emit(value[1])
            return
        _kind, rgb, hint = value
        image = image_from_array(rgb)
        self.video.setPixmap(QPixmap.fromImage(image).scaled(
            max(160, self.video.width()), min(PREVIEW_HEIGHT, max(90, self.video.height())),
            Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))
        self.hint.setText(hint)
        self._shown.set()

    def _ended(self, taken: int) -> None:
        self.job = None
        self.setVisible(False)
        self.session_ended.emit("The camera stopped sending pictures")

    def _failed(self, message: str) -> None:
        self.job = None
        self.video.clear()
        self.video.setText("")
        self.hint.setText(message)
        self.stop_button.setText("Close")
        self.session_ended.emit(message)
