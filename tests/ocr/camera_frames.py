"""Rendered webcam frames: a desk, and cards moved into view, held still, and taken away."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import cv2
import numpy as np

from netcompanion.ocr.camera import Frame
from tests.gui.cards import jane_card, render_card

FPS = 30.0
FRAME_SIZE = (1280, 720)


def desk(seed: int = 3) -> np.ndarray:
    """A grey-green desk with a little sensor noise, 1280 x 720."""
    noise = np.random.default_rng(seed).normal(0, 4, (FRAME_SIZE[1], FRAME_SIZE[0], 3))
    return (np.full((FRAME_SIZE[1], FRAME_SIZE[0], 3), (88, 104, 96), np.float32) + noise).clip(0, 255).astype(np.uint8)


def card_images(folder: Path) -> list[np.ndarray]:
    """Two different cards (BGR), 525 x 300 as a webcam sees a card held up."""
    other = render_card(folder / "other.png", [("Tomás Ibáñez", 64, True), ("Chief Operating Officer", 38, False),
                                               ("Harbor Freight Partners", 40, False),
                                               ("tomas@harborfreight.example", 32, False)])
    return [cv2.resize(cv2.imread(str(path)), (525, 300), interpolation=cv2.INTER_AREA)
            for path in (jane_card(folder / "jane.png"), other)]


def place(card: np.ndarray | None, x: int, y: int = 210, blur: float = 0.0, seed: int = 3) -> np.ndarray:
    """The desk with `card` at (x, y) (cut where it leaves the frame), optionally blurred."""
    frame = desk(seed)
    if card is not None:
        h, w = card.shape[:2]
        left, right = max(0, x), min(FRAME_SIZE[0], x + w)
        if right > left:
            frame[y:y + h, left:right] = card[:, left - x:right - x]
    return cv2.GaussianBlur(frame, (0, 0), blur) if blur else frame


def scene(cards: list[np.ndarray], hold_seconds: float = 1.2, blur: float = 0.0) -> list[np.ndarray]:
    """Each card slides in from the right, is held still, and is taken away; frames at FPS."""
    frames: list[np.ndarray] = []
    for card in cards:
        for x in np.linspace(FRAME_SIZE[0], 380, 12).astype(int):  # moving in
            frames.append(place(card, int(x), blur=blur))
        frames += [place(card, 380, blur=blur)] * int(hold_seconds * FPS)
        frames += [place(None, 0)] * 6  # taken away
    return frames


def timed(frames: list[np.ndarray]) -> Iterator[Frame]:
    for number, pixels in enumerate(frames):
        yield Frame(pixels, number / FPS)


class RenderedSource:
    """A FrameSource that plays rendered frames (then ends), as the camera panel reads a webcam."""

    def __init__(self, frames: list[np.ndarray], realtime: bool = False) -> None:
        self._frames = timed(frames)
        self.realtime = realtime
        self.closed = False

    def read(self) -> Frame | None:
        import time

        if self.realtime:
            time.sleep(1 / FPS)
        return next(self._frames, None)

    def close(self) -> None:
        self.closed = True
