#!/usr/bin/env python3
"""How many webcam frames a second the card watcher keeps up with, at common webcam sizes.

Usage: python benchmarks/camera_watch.py [--frames N]

Renders a desk with a business card held up (as tests/ocr/camera_frames.py does) at 1280 x 720,
1920 x 1080 and 3840 x 2160, and times `CardWatcher.look` on each frame (the card finder on every
frame, the sharpness and same-card checks once it is still) plus the preview the panel shows.
A webcam sends 30 frames a second; the panel shows every frame it keeps up with and drops the rest.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    import cv2

    from netcompanion.gui.views.camera_panel import _preview
    from netcompanion.ocr.live_card import CardWatcher
    from tests.ocr.camera_frames import card_images, place

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=60)
    frames = parser.parse_args().frames
    with tempfile.TemporaryDirectory() as folder:
        base = place(card_images(Path(folder))[0], 380)
    for width, height in ((1280, 720), (1920, 1080), (3840, 2160)):
        frame = cv2.resize(base, (width, height), interpolation=cv2.INTER_CUBIC)
        watcher = CardWatcher()
        started = time.perf_counter()
        for number in range(frames):
            verdict = watcher.look(frame, number / 30.0)
            _preview(frame, verdict.quad, verdict.steady)
        seconds = (time.perf_counter() - started) / frames
        print(f"{width} x {height}: {seconds * 1000:.0f} ms a frame, {1 / seconds:.0f} frames a second")


if __name__ == "__main__":
    main()
