#!/usr/bin/env python3
"""Peak memory and time of reading the worst image files of each kind, each in a child process.

Usage: python benchmarks/image_memory.py

Writes the hostile files of tests/ocr/hostile_files.py into a temporary folder (a 560 KB PNG of
12000 x 12000 RGBA pixels, PNGs whose zTXt or iCCP chunk inflates past Pillow's limit, a
100-megapixel JPEG, a 12000 x 12000 GIF, a 12-megapixel HEIC photo), reads each with
``load_image`` in a fresh Python process and prints the outcome, the decoded size, the child's
peak resident memory (VmHWM) and the time. The child's baseline (Python, NumPy, Pillow and OpenCV
imported) is printed first.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "ocr"))

from hostile_files import PEAK_CHILD, big_gif, big_jpeg, big_rgba_png, inflating_png  # noqa: E402


def heic_photo(path: Path) -> Path:
    import pillow_heif
    from PIL import Image

    pillow_heif.from_pillow(Image.new("RGB", (4000, 3000), "white")).save(path, quality=80)
    return path


def measure(path: str) -> tuple[int, str, float]:
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", PEAK_CHILD, path], capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT)}, check=True)
    height, width, peak, outcome = out.stdout.strip().split(" ", 3)
    if outcome == "read":
        outcome = f"read at {width}x{height}"
    return int(peak), outcome, time.perf_counter() - t0


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="image-memory-") as tmp:
        folder = Path(tmp)
        files = {
            "12000x12000 RGBA PNG": big_rgba_png(folder / "big.png"),
            "zTXt bomb PNG": inflating_png(folder / "ztxt.png", b"zTXt"),
            "iCCP bomb PNG": inflating_png(folder / "iccp.png", b"iCCP"),
            "100 MP JPEG": big_jpeg(folder / "big.jpg"),
            "12000x12000 GIF": big_gif(folder / "big.gif"),
            "12 MP HEIC": heic_photo(folder / "photo.heic"),
        }
        base, _, _ = measure("-")
        print(f"{'child baseline (imports)':26s} {base:6d} MB")
        for name, path in files.items():
            peak, outcome, seconds = measure(str(path))
            size = path.stat().st_size
            print(f"{name:26s} {peak:6d} MB peak  {seconds:5.1f} s  "
                  f"({size / 1024:,.0f} KB file) {outcome}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
