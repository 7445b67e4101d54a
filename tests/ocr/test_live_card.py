"""The live card watcher on rendered webcam frames: the outline, steadiness, sharpness, one photo per card."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from netcompanion.ocr.camera import Camera, CameraError
from netcompanion.ocr.live_card import CardWatcher
from tests.ocr.camera_frames import FPS, card_images, place, scene, timed


def _captures(frames: list[np.ndarray]) -> list[int]:
    watcher = CardWatcher()
    return [n for n, frame in enumerate(timed(frames)) if watcher.look(frame.pixels, frame.time).capture]


def test_each_card_held_still_is_taken_once_and_the_next_one_at_once(tmp_path: Path) -> None:
    cards = card_images(tmp_path)
    frames = scene(cards)
    taken = _captures(frames)
    assert len(taken) == 2
    per_card = len(frames) // 2
    for card, frame_number in enumerate(taken):
        still_from = card * per_card + 12  # the frame the card stopped moving
        assert still_from + 0.6 * FPS - 1 <= frame_number <= still_from + 0.8 * FPS  # steady 0.6 s, not later


def test_the_outline_follows_the_card_and_a_moving_card_is_not_taken(tmp_path: Path) -> None:
    card = card_images(tmp_path)[0]
    watcher = CardWatcher()
    verdict = watcher.look(place(card, 380), 0.0)
    assert verdict.quad is not None and not verdict.steady and not verdict.capture
    corners = verdict.quad
    assert abs(corners[:, 0].min() - 380) < 6 and abs(corners[:, 0].max() - 905) < 6
    assert abs(corners[:, 1].min() - 210) < 6 and abs(corners[:, 1].max() - 510) < 6
    for step, x in enumerate(range(380, 200, -8), start=1):  # keeps moving: never steady
        assert not watcher.look(place(card, x), step / FPS).capture
    assert watcher.look(place(None, 0), 2.0).quad is None


def test_a_blurred_card_is_not_taken_and_says_why(tmp_path: Path) -> None:
    card = card_images(tmp_path)[0]
    watcher = CardWatcher()
    verdicts = [watcher.look(f.pixels, f.time) for f in timed([place(card, 380, blur=3.0)] * 40)]
    assert not any(v.capture for v in verdicts)
    assert verdicts[-1].steady and not verdicts[-1].sharp and "blurred" in verdicts[-1].hint


def test_the_same_card_held_on_is_not_taken_twice_but_a_swapped_one_is(tmp_path: Path) -> None:
    jane, other = card_images(tmp_path)
    frames = [place(jane, 380)] * 90 + [place(other, 380)] * 40  # swapped in place, no gap
    taken = _captures(frames)
    assert len(taken) == 2 and taken[1] >= 90


def test_a_photo_taken_by_hand_counts_as_taken(tmp_path: Path) -> None:
    jane = card_images(tmp_path)[0]
    watcher = CardWatcher()
    frame = place(jane, 380)
    first = watcher.look(frame, 0.0)
    watcher.taken(frame, first.quad)  # Space
    assert not any(watcher.look(frame, n / FPS).capture for n in range(1, 60))


def test_after_a_photo_the_hint_asks_for_the_next_card(tmp_path: Path) -> None:
    jane = card_images(tmp_path)[0]
    watcher = CardWatcher()
    verdicts = [watcher.look(f.pixels, f.time) for f in timed([place(jane, 380)] * 60)]
    first = next(n for n, v in enumerate(verdicts) if v.capture)
    assert verdicts[first - 1].hint == "Hold still…"
    assert all(v.hint == "Taken: hold up the next card" for v in verdicts[first + 1:])


def test_no_camera_is_a_clear_error() -> None:
    with pytest.raises(CameraError, match="No camera found"):
        Camera(97)  # no such device on any machine
