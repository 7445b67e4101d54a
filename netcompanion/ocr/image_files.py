"""Which files are card images: folders expanded to the images in them (a light module, no OpenCV)."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp", ".webp", ".gif", ".jfif",
                  ".ppm", ".pgm", ".heic", ".heif"}


def expand_paths(items: Iterable[str | Path]) -> list[str]:
    """Files as given, folders expanded to their image files (sorted); order kept."""
    out: list[str] = []
    for item in items:
        p = Path(item)
        if p.is_dir():
            out.extend(str(c) for c in sorted(p.iterdir())
                       if c.is_file() and c.suffix.lower() in IMAGE_SUFFIXES)
        else:
            out.append(str(item))
    return out
