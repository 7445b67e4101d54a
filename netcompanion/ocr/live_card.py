"""Watching a live picture for a card: its outline, whether it is steady and sharp, when to take it.

`CardWatcher.look(frame, now)` finds the card in each frame with the card finder
(`card_detect.find_card`), and says to take the photo once the outline has held still for
``steady_seconds`` and the flattened card is sharp (variance of its Laplacian). After a photo it
waits for another card: the first one taken away, or a card with other content held in its place,
so the next card can be held up at once and the same card is never taken twice. ``now`` is explicit
(seconds on a monotonic clock), so the rule is tested on rendered frames without waiting.
"""
from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from netcompanion.ocr.card_detect import find_card, warp_card

#: Frames are searched for the card at this longer side (the photo taken keeps the camera's full size,
#: and the reader finds the card on it again): a third of the finder's own size, at 20 frames a second.
LIVE_SIDE = 400
#: The card must hold still this long before it is taken.
STEADY_SECONDS = 0.6
#: Still means no corner moved more than this share of the frame's diagonal.
MAX_MOTION = 0.01
#: Variance of the Laplacian of the card flattened to WARP_SIDE pixels; blurred text is far below.
MIN_SHARPNESS = 80.0
WARP_SIDE = 640
#: A card whose 32 x 20 grey thumbnail correlates less than this with the last one taken is another
#: card (the same card re-found, lit a little differently or blurred, stays above 0.98; another, 0.85).
SAME_CARD_CORRELATION = 0.93
#: Frames in a row without a card that count as the card taken away.
GONE_FRAMES = 3


@dataclass(frozen=True)
class FrameVerdict:
    """What one frame shows: the card's outline (4 corners in the frame, or None), whether it is
    steady and sharp, and whether to take the photo now."""

    quad: np.ndarray | None
    steady: bool = False
    sharpness: float = 0.0
    capture: bool = False
    taken: bool = False  # this card was taken already (the watcher waits for the next one)

    @property
    def sharp(self) -> bool:
        return self.sharpness >= MIN_SHARPNESS

    @property
    def hint(self) -> str:
        """A word for the user about this frame."""
        if self.quad is None:
            return "Hold a card up to the camera"
        if self.taken:
            return "Taken: hold up the next card"
        if not self.steady:
            return "Hold still…"
        if not self.sharp:
            return "Move a little closer or into the light: the card is blurred"
        return "Got it"


def _thumbnail(card: np.ndarray) -> np.ndarray:
    gray = cv2.cvtColor(card, cv2.COLOR_BGR2GRAY) if card.ndim == 3 else card
    return cv2.resize(gray, (32, 20), interpolation=cv2.INTER_AREA).astype(np.float32).ravel()


def shrunk(frame: np.ndarray, side: int) -> tuple[np.ndarray, float]:
    """``frame`` with its longer side at most ``side``, and the scale it was shrunk by. A large frame
    is first thinned by taking every n-th pixel (free), so the area average works on a small copy:
    a 4K frame costs a millisecond, not the 40 of averaging it whole."""
    longer = max(frame.shape[:2])
    if longer <= side:
        return frame, 1.0
    step = max(1, longer // (2 * side))
    thinned = frame[::step, ::step]
    scale = side / float(longer)
    small = cv2.resize(thinned, (max(1, round(frame.shape[1] * scale)), max(1, round(frame.shape[0] * scale))),
                       interpolation=cv2.INTER_AREA)
    return small, small.shape[1] / float(frame.shape[1])


def _find_live(frame: np.ndarray) -> np.ndarray | None:
    """The card's corners in ``frame``, searched on a LIVE_SIDE copy."""
    small, scale = shrunk(frame, LIVE_SIDE)
    quad = find_card(small).quad
    return None if quad is None else (quad / scale).astype(np.float32)


def _correlation(a: np.ndarray, b: np.ndarray) -> float:
    a, b = a - a.mean(), b - b.mean()
    scale = float(np.sqrt((a * a).sum() * (b * b).sum()))
    return float((a * b).sum()) / scale if scale else 1.0


class CardWatcher:
    """Decides, frame after frame of a live picture, when a card is there to be taken."""

    def __init__(self, steady_seconds: float = STEADY_SECONDS, max_motion: float = MAX_MOTION,
                 min_sharpness: float = MIN_SHARPNESS) -> None:
        self.steady_seconds = steady_seconds
        self.max_motion = max_motion
        self.min_sharpness = min_sharpness
        self._still: tuple[float, np.ndarray] | None = None  # since when, and where, the card is held
        self._taken: np.ndarray | None = None  # thumbnail of the last card taken, until it is gone
        self._missing = 0

    def look(self, frame: np.ndarray, now: float) -> FrameVerdict:
        """The verdict on ``frame`` (BGR) seen at ``now``."""
        quad = _find_live(frame)
        if quad is None:
            self._still = None
            self._missing += 1
            if self._missing >= GONE_FRAMES:
                self._taken = None
            return FrameVerdict(None)
        self._missing = 0
        diagonal = float(np.hypot(*frame.shape[:2]))
        if self._still is None or float(np.abs(self._still[1] - quad).max()) > self.max_motion * diagonal:
            self._still = (now, quad)  # it moved away from where it was held: stillness starts again here
        steady = now - self._still[0] >= self.steady_seconds
        if not steady:
            return FrameVerdict(quad, taken=self._taken is not None)
        card = warp_card(frame, quad, WARP_SIDE)
        gray = cv2.cvtColor(card, cv2.COLOR_BGR2GRAY)
        sharpness = float(cv2.Laplacian(gray, cv2.CV_64F).var())
        if self._taken is not None and _correlation(_thumbnail(gray), self._taken) < SAME_CARD_CORRELATION:
            self._taken = None  # another card held where the last one was
        capture = sharpness >= self.min_sharpness and self._taken is None
        taken = self._taken is not None
        if capture:
            self.taken(frame, quad)
        return FrameVerdict(quad, True, sharpness, capture, taken)

    def taken(self, frame: np.ndarray, quad: np.ndarray | None) -> None:
        """The photo of ``frame`` was taken (by the watcher, or by hand): wait for another card."""
        card = warp_card(frame, quad, WARP_SIDE) if quad is not None else frame
        self._taken = _thumbnail(card)
        self._still = None
