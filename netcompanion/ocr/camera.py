"""Live pictures from a camera (OpenCV's capture: V4L2, AVFoundation or Media Foundation).

`Camera` opens the built-in (or first) webcam at the largest resolution it offers: it asks for
far more than any webcam gives, and the driver answers with its largest mode. `Frame` is one
picture with the time it was taken; anything with `read() -> Frame | None` and `close()` is a
`FrameSource`, so the tests feed rendered frames through the same path.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Protocol

import numpy as np

#: Asked of the driver, which answers with the largest size it has.
ASK_SIDE = 10_000


class CameraError(RuntimeError):
    """No camera, or it stopped (the message says so, for the user)."""


@dataclass(frozen=True)
class Frame:
    """One picture (BGR) and when it was taken (seconds on a monotonic clock)."""

    pixels: np.ndarray
    time: float


class FrameSource(Protocol):
    """Where live pictures come from."""

    def read(self) -> Frame | None: ...

    def close(self) -> None: ...


class Camera:
    """A webcam opened with OpenCV at its best resolution."""

    def __init__(self, index: int = 0) -> None:
        import cv2

        capture = cv2.VideoCapture(index)
        if not capture.isOpened():
            capture.release()
            raise CameraError("No camera found: connect a webcam, or allow this app to use the camera")
        capture.set(cv2.CAP_PROP_FOURCC, cv2.VideoWriter.fourcc(*"MJPG"))  # large modes at full rate on USB
        capture.set(cv2.CAP_PROP_FRAME_WIDTH, ASK_SIDE)
        capture.set(cv2.CAP_PROP_FRAME_HEIGHT, ASK_SIDE)
        self.size = (int(capture.get(cv2.CAP_PROP_FRAME_WIDTH)), int(capture.get(cv2.CAP_PROP_FRAME_HEIGHT)))
        self._capture = capture

    def read(self) -> Frame | None:
        ok, pixels = self._capture.read()
        return Frame(pixels, time.monotonic()) if ok and pixels is not None else None

    def close(self) -> None:
        self._capture.release()
