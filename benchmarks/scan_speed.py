#!/usr/bin/env python3
"""Batch scan time against a plain pass of the bare recogniser over the same images.

Usage: python benchmarks/scan_speed.py DIR [--workers N] [--engine ppocr|tesseract] [--limit K]

Both runs use the same number of worker processes (default: one per core), one inference thread
each, and load their engine once per worker. The bare pass decodes each image and runs the
recogniser on it as it is; the batch scan adds image checks, card finding and flattening,
orientation, QR decoding and field parsing. Prints both times and their ratio (target <= 1.25).
"""
from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

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


def bare_pass(files: list[str], workers: int, engine: str) -> float:
    t0 = time.perf_counter()
    with ProcessPoolExecutor(workers, mp_context=mp.get_context("fork"), initializer=_init,
                             initargs=(engine,)) as pool:
        list(pool.map(_bare, files, chunksize=1))
    return time.perf_counter() - t0


def batch_pass(files: list[str], workers: int, engine: str) -> float:
    t0 = time.perf_counter()
    for _ in read_cards(files, region="US", engine=engine, workers=workers):
        pass
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--engine", default="ppocr", choices=("ppocr", "tesseract"))
    ap.add_argument("--limit", type=int, default=0, help="only the first K images")
    args = ap.parse_args(argv)
    files = expand_paths([args.dir])
    if args.limit:
        files = files[: args.limit]
    n = len(files)
    bare = bare_pass(files, args.workers, args.engine)
    batch = batch_pass(files, args.workers, args.engine)
    print(f"{n} images, {args.workers} worker processes, engine {args.engine}")
    print(f"bare recogniser: {bare:7.1f} s  ({bare / n:.2f} s/card)")
    print(f"batch scan:      {batch:7.1f} s  ({batch / n:.2f} s/card)")
    print(f"ratio: {batch / bare:.2f}  (target <= 1.25)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
