"""Hostile image files, written by the tests and by benchmarks/image_memory.py, and the peak
memory of reading one in a child process."""
from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

from PIL import Image, PngImagePlugin


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def inflating_png(path: Path, kind: bytes) -> Path:
    """A 64 x 64 PNG with a zTXt or iCCP chunk of a few KB that inflates past MAX_TEXT_CHUNK."""
    buf = io.BytesIO()
    Image.new("RGB", (64, 64), "white").save(buf, "PNG")
    png = buf.getvalue()
    bomb = zlib.compress(b"\0" * (2 * PngImagePlugin.MAX_TEXT_CHUNK), 9)
    body = (b"Comment\0\0" if kind == b"zTXt" else b"icc\0\0") + bomb
    path.write_bytes(png[:33] + _chunk(kind, body) + png[33:])  # right after IHDR
    return path


def big_rgba_png(path: Path, side: int = 12000) -> Path:
    """A PNG of about 560 KB holding ``side`` x ``side`` RGBA pixels (576 MB decoded)."""
    row = b"\x00" + b"\xff" * (side * 4)
    packer = zlib.compressobj(9)
    idat = b"".join(packer.compress(row) for _ in range(side)) + packer.flush()
    ihdr = struct.pack(">IIBBBBB", side, side, 8, 6, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", idat)
                     + _chunk(b"IEND", b""))
    return path


def big_gif(path: Path, side: int = 12000) -> Path:
    """A GIF of ``side`` x ``side`` palette pixels (Pillow decodes GIFs, not OpenCV)."""
    Image.new("P", (side, side), 0).save(path, "GIF")
    return path


def big_jpeg(path: Path, size: tuple[int, int] = (13200, 7560)) -> Path:
    """A 100-megapixel JPEG (a phone's largest photos)."""
    Image.new("RGB", size, "white").save(path, "JPEG", quality=80)
    return path


#: Run in a fresh interpreter: reads argv[1] with load_image and prints "height width peak_MB
#: outcome". The peak is the child's own VmHWM: ``resource``'s ru_maxrss would also count the
#: parent's memory that the child had for a moment between fork and exec.
PEAK_CHILD = """
import resource, sys
from netcompanion.ocr.image_io import ImageError, load_image

def peak_mb():
    try:
        with open("/proc/self/status") as fh:
            return next(int(l.split()[1]) // 1024 for l in fh if l.startswith("VmHWM:"))
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024

if sys.argv[1] == "-":
    import cv2, numpy, PIL.Image
    print(0, 0, peak_mb(), "baseline")
else:
    try:
        image = load_image(sys.argv[1])
        print(image.shape[0], image.shape[1], peak_mb(), "read")
    except ImageError as exc:
        print(0, 0, peak_mb(), "refused:", str(exc)[:70])
    except Exception as exc:  # what a batch would have stopped on
        print(0, 0, peak_mb(), "crashed:", type(exc).__name__, str(exc)[:60])
"""
