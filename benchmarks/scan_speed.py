#!/usr/bin/env python3
"""Batch scan time against a plain pass of the bare recogniser over the same images.

Usage: python benchmarks/scan_speed.py DIR [--workers N] [--engine ppocr|tesseract] [--limit K]
       python benchmarks/scan_speed.py --photos N [--workers N]

Both runs use the same number of worker processes (default: one per core), one inference thread
each, and load their engine once per worker. The bare pass decodes each image and runs the
recogniser on it as it is; the batch scan adds image checks, card finding and flattening,
orientation, code decoding and field parsing, and downscales what is larger than detection and
recognition need. Prints both times and their ratio (target <= 0.6).

``--photos N`` renders N cards as 12-megapixel (4000 x 3000) JPEG desk photos in a temporary
folder and times those.

``--reader`` times the desktop app's way instead: the card reader process (all cores for one
card) reads the images one after the other; prints the first card from a cold start (process,
models; target <= 2 s) and each further card (target <= 1.5 s for a 12 MP photo on 2 cores).
"""
from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import resource
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from netcompanion.ocr import engines  # noqa: E402
from netcompanion.ocr.image_files import expand_paths  # noqa: E402
from netcompanion.ocr.reader import read_cards  # noqa: E402

_ENGINE: list[engines.Engine] = []


def _init(name: str) -> None:
    _ENGINE.append(engines.get_engine(name, threads=1))


def _bare(path: str) -> int:
    import cv2

    img = cv2.imread(path, cv2.IMREAD_COLOR)
    return len(_ENGINE[0].recognize(img)) if img is not None else 0


def _children_cpu() -> float:
    """CPU seconds of the ended (and waited for) child processes so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def bare_pass(files: list[str], workers: int, engine: str) -> tuple[float, float]:
    """Wall-clock and worker CPU seconds of the bare recogniser over ``files``."""
    t0, c0 = time.perf_counter(), _children_cpu()
    with ProcessPoolExecutor(workers, mp_context=mp.get_context("fork"), initializer=_init,
                             initargs=(engine,)) as pool:
        list(pool.map(_bare, files, chunksize=1))
    return time.perf_counter() - t0, _children_cpu() - c0


def batch_pass(files: list[str], workers: int, engine: str) -> tuple[float, float]:
    """Wall-clock and worker CPU seconds of a batch scan of ``files``."""
    t0, c0 = time.perf_counter(), _children_cpu()
    for _ in read_cards(files, region="US", engine=engine, workers=workers):
        pass
    return time.perf_counter() - t0, _children_cpu() - c0


def reader_process_pass(files: list[str]) -> tuple[float, list[float]]:
    """Seconds to the first card from a cold card reader process, and for each further card."""
    from netcompanion.ocr.reader_process import CardReaderProcess

    reader = CardReaderProcess()
    try:
        t0 = time.perf_counter()
        times = []
        for path in files:
            reader.read(path, "US")
            times.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
    finally:
        reader.stop()
    return times[0], times[1:]


def render_photos(folder: Path, count: int) -> list[str]:
    """``count`` different cards, each photographed on a desk at 4000 x 3000 pixels."""
    sys.path.insert(0, str(ROOT / "tests" / "ocr"))
    from cardkit import CARD_EN, photo_of, render_card  # the tests' card renderer

    files = []
    for i in range(count):
        lines = [(text.replace("Jane Q. Doe", f"Jane Q. Doe {chr(65 + i % 26)}")
                  .replace("1234567", f"12345{i % 100:02d}"), 2 * size, bold)
                 for text, size, bold in CARD_EN]
        card = render_card(lines, size=(2100, 1200), margin=120)  # the card fills half the photo
        photo, _ = photo_of(card, angle=6 + i % 9, bg_size=(4000, 3000), seed=i)
        path = folder / f"photo_{i:03d}.jpg"
        photo.save(path, quality=90)
        files.append(str(path))
    return files


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir", nargs="?")
    ap.add_argument("--photos", type=int, default=0, help="render N 12-megapixel photos instead")
    ap.add_argument("--reader", action="store_true", help="time the app's card reader process")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--engine", default="ppocr", choices=("ppocr", "tesseract"))
    ap.add_argument("--limit", type=int, default=0, help="only the first K images")
    args = ap.parse_args(argv)
    if not args.dir and not args.photos:
        ap.error("give a folder of card images or --photos N")
    with tempfile.TemporaryDirectory(prefix="scan-speed-") as tmp:
        files = render_photos(Path(tmp), args.photos) if args.photos else expand_paths([args.dir])
        if args.limit:
            files = files[: args.limit]
        n = len(files)
        if args.reader:
            first, further = reader_process_pass(files)
            print(f"{n} images through the card reader process, load average {os.getloadavg()[0]:.1f}")
            print(f"first card from a cold start: {first:.2f} s  (target <= 2 s)")
            if further:
                print(f"each further card: mean {sum(further) / len(further):.2f} s, "
                      f"worst {max(further):.2f} s  (target <= 1.5 s)")
            return 0
        bare, bare_cpu = bare_pass(files, args.workers, args.engine)
        batch, batch_cpu = batch_pass(files, args.workers, args.engine)
    load = os.getloadavg()[0]
    print(f"{n} images, {args.workers} worker processes, engine {args.engine}, "
          f"load average {load:.1f} at the end")
    # CPU seconds hold when other programs share the cores; wall-clock time does not
    print(f"bare recogniser: {bare:7.1f} s  ({bare / n:.2f} s/card, {bare_cpu / n:.2f} CPU s/card)")
    print(f"batch scan:      {batch:7.1f} s  ({batch / n:.2f} s/card, {batch_cpu / n:.2f} CPU s/card)")
    print(f"ratio: {batch / bare:.2f}, in CPU time {batch_cpu / bare_cpu:.2f}  (target <= 0.6)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
