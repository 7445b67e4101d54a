#!/usr/bin/env python3
"""Which decoder finds the 2-D codes: zxing-cpp (the reader's) against OpenCV's QR detector.

Usage: python benchmarks/qr_decoders.py DIR [DIR ...]

Each image is loaded as the reader loads it. zxing-cpp looks as the reader does: at the whole
image, and at the flattened card only when it saw a code there that did not decode; OpenCV looks
at the whole image and at the flattened card. Prints, per decoder, the images with a decoded code and
the time spent, and the images only one of them decodes. OpenCV stays out of the reader unless it
decodes codes zxing-cpp misses.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import cv2
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from netcompanion.ocr import card_detect, qr  # noqa: E402
from netcompanion.ocr.image_files import expand_paths  # noqa: E402
from netcompanion.ocr.image_io import ImageError, load_image  # noqa: E402


def opencv_decode(image: np.ndarray) -> list[str]:
    """OpenCV's detector at up to three scales, as the reader used it before zxing-cpp."""
    det = cv2.QRCodeDetector()
    gray = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY) if image.ndim == 3 else image
    h, w = gray.shape[:2]
    for i, side in enumerate((1000, 1600, 2400)):
        if i and side > 1.5 * max(h, w):
            break
        s = side / float(max(h, w))
        img = gray if abs(s - 1) < 0.05 or s > 1.5 else cv2.resize(
            gray, None, fx=s, fy=s, interpolation=cv2.INTER_AREA if s < 1 else cv2.INTER_CUBIC)
        try:
            found_code, _ = det.detect(img)
            if not found_code:
                if i == 0:
                    return []
                continue
            ok, texts, _, _ = det.detectAndDecodeMulti(img)
            found = [t for t in (texts if ok else []) if t]
            if not found:
                text, _, _ = det.detectAndDecode(img)
                found = [text] if text else []
        except cv2.error:
            found = []
        if found:
            return found
    return []


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="+")
    args = ap.parse_args(argv)
    files = expand_paths(args.dirs)
    found: dict[str, set[str]] = {"zxing": set(), "opencv": set()}
    spent = {"zxing": 0.0, "opencv": 0.0}
    for path in files:
        try:
            image = load_image(path)
        except ImageError:
            continue
        t0 = time.perf_counter()
        codes, unread = qr.scan_codes(image)
        spent["zxing"] += time.perf_counter() - t0
        card, det = card_detect.flatten_card(image, [c.quad for c in codes])
        t0 = time.perf_counter()
        texts = [c.text for c in codes] + (qr.decode_qr(card) if unread and det.quad is not None else [])
        spent["zxing"] += time.perf_counter() - t0
        if texts:
            found["zxing"].add(path)
        t0 = time.perf_counter()
        views = [image] + ([card] if det.quad is not None else [])
        if [t for v in views for t in opencv_decode(v)]:
            found["opencv"].add(path)
        spent["opencv"] += time.perf_counter() - t0
    print(f"{len(files)} images")
    for name in found:
        print(f"{name:7s} decodes {len(found[name]):3d} images in {spent[name]:6.1f} s")
    only_cv = sorted(found["opencv"] - found["zxing"])
    only_zx = sorted(found["zxing"] - found["opencv"])
    print(f"only zxing: {len(only_zx)}  only opencv: {len(only_cv)}")
    for p in only_cv:
        print("  opencv only:", p)
    return 0


if __name__ == "__main__":
    sys.exit(main())
