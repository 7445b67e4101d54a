"""Loading card images safely: validation, EXIF orientation, colour modes and size limits.

Every failure raises :class:`ImageError` with a message meant for the user; the batch goes on.
"""
from __future__ import annotations

import os
import warnings
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from netcompanion.user_files import UserFileError, open_user_file

#: Images with more pixels than this are refused before decoding (decompression bombs).
MAX_PIXELS = 150_000_000
# Our own pixel limit (checked before decoding) replaces PIL's warning: a 100 MP photo is fine.
warnings.filterwarnings("ignore", category=Image.DecompressionBombWarning)

#: Decoded images are downscaled so their longer side is at most this (bounds memory and time).
MAX_SIDE = 3200


class ImageError(ValueError):
    """An image file that cannot be read as a card image (the message says why)."""


def _open_checked(path: Path) -> Image.Image:
    try:
        with open_user_file(path) as stream:  # regular files only: a FIFO or device never blocks us
            empty = os.fstat(stream.fileno()).st_size == 0
    except UserFileError as exc:
        raise ImageError(str(exc)) from None
    if empty:
        raise ImageError("empty file")
    try:
        with warnings.catch_warnings():
            # our own limit below replaces PIL's warning (a 100 MP phone photo is fine)
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            im = Image.open(path)  # reads the header only
    except Image.DecompressionBombError as exc:
        raise ImageError(f"refused: image too large to decode safely ({exc})") from exc
    except UnidentifiedImageError as exc:
        raise ImageError("not an image (unknown or unsupported file format)") from exc
    except OSError as exc:
        raise ImageError(f"cannot open image: {exc}") from exc
    w, h = im.size
    if w * h > MAX_PIXELS:
        im.close()
        raise ImageError(
            f"refused: {w}x{h} = {w * h / 1e6:.0f} megapixels is over the limit of "
            f"{MAX_PIXELS / 1e6:.0f} (decompression bomb?)")
    if w < 16 or h < 16:
        im.close()
        raise ImageError(f"image too small to be a card ({w}x{h})")
    return im


def _to_rgb(im: Image.Image) -> Image.Image:
    mode = im.mode
    if mode in ("I;16", "I;16B", "I;16L", "I;16N", "I"):
        arr = np.asarray(im, dtype=np.float64)
        hi = float(arr.max()) or 1.0
        arr = (arr * (255.0 / max(hi, 255.0 if hi <= 255 else hi))).clip(0, 255).astype(np.uint8)
        return Image.fromarray(arr, "L").convert("RGB")
    if mode == "F":
        arr = np.asarray(im, dtype=np.float64)
        lo, hi = float(arr.min()), float(arr.max())
        arr = ((arr - lo) / ((hi - lo) or 1.0) * 255).astype(np.uint8)
        return Image.fromarray(arr, "L").convert("RGB")
    if mode in ("RGBA", "LA", "PA") or (mode == "P" and "transparency" in im.info):
        im = im.convert("RGBA")
        bg = Image.new("RGBA", im.size, (255, 255, 255, 255))
        return Image.alpha_composite(bg, im).convert("RGB")
    if mode != "RGB":
        return im.convert("RGB")
    return im


def load_image(path: str | Path, max_side: int = MAX_SIDE) -> np.ndarray:
    """Read an image file into an upright (EXIF applied) BGR ``uint8`` array.

    Big photos are downscaled (JPEGs already while decoding, via ``draft``) so the longer side is
    at most ``max_side``. Raises :class:`ImageError` with a clear message on any bad input.
    """
    path = Path(path)
    im = _open_checked(path)
    try:
        with im:
            if im.format == "JPEG" and max(im.size) > 2 * max_side:
                im.draft("RGB", (max_side, max_side))  # decode at 1/2, 1/4 or 1/8 scale
            try:
                im.load()
            except (OSError, SyntaxError, ValueError) as exc:
                raise ImageError(f"corrupt or truncated image: {exc}") from exc
            try:
                im = ImageOps.exif_transpose(im) or im
            except Exception:  # broken EXIF blocks must not stop the read
                pass
            im = _to_rgb(im)
            if max(im.size) > max_side:
                im.thumbnail((max_side, max_side), Image.LANCZOS)
            rgb = np.asarray(im, dtype=np.uint8)
    except ImageError:
        raise
    except MemoryError as exc:
        raise ImageError("image too large for the available memory") from exc
    except Exception as exc:  # any other decoder failure is still a per-file error
        raise ImageError(f"cannot decode image: {exc}") from exc
    if rgb.ndim != 3 or rgb.shape[2] != 3:
        raise ImageError("unsupported image layout")
    return np.ascontiguousarray(rgb[:, :, ::-1])
