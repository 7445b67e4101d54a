"""Loading card images safely: validation, EXIF orientation, colour modes and size limits.

Every failure raises :class:`ImageError` with a message meant for the user; the batch goes on.
Pillow reads the header (format, size, the limits below); OpenCV decodes JPEGs (a third of
Pillow's time, with the EXIF orientation applied) and large PNG/TIFF/WebP/BMP files, at 1/2, 1/4
or 1/8 scale when the image is larger than the reader needs, so a small file that claims
12000 x 12000 RGBA pixels costs a few hundred MB instead of several GB. Pillow decodes the rest
(transparency on white, 16-bit and palette images, GIF) and HEIC/HEIF photos through
``pi-heif`` (pillow-heif's decode-only build: libheif and libde265, both LGPL, without the GPL x265
encoder that pillow-heif's wheels carry, which an MIT app must not ship).
"""
from __future__ import annotations

import logging
import os
import warnings
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from netcompanion.user_files import UserFileError, open_user_file, read_user_file

log = logging.getLogger(__name__)

#: Images with more pixels than this are refused before decoding (decompression bombs).
MAX_PIXELS = 150_000_000
#: Image files larger than this are refused before decoding (no card photo comes near it).
MAX_FILE_BYTES = 256 * 1024 * 1024
# Our own pixel limit (checked before decoding) replaces PIL's warning: a 100 MP photo is fine.
warnings.filterwarnings("ignore", category=Image.DecompressionBombWarning)

#: Decoded images are downscaled so their longer side is at most this (bounds memory and time).
MAX_SIDE = 3200
#: Formats OpenCV decodes when they are larger than needed (JPEG: always).
_REDUCED_BY_OPENCV = {"PNG", "TIFF", "WEBP", "BMP", "PPM"}


class ImageError(ValueError):
    """An image file that cannot be read as a card image (the message says why)."""


_heif_state: list[bool] = []


def heif_available() -> bool:
    """Register the HEIC/HEIF opener with Pillow (once); False when pi-heif is missing."""
    if not _heif_state:
        try:
            import pi_heif

            pi_heif.register_heif_opener()
            _heif_state.append(True)
        except Exception as exc:  # noqa: BLE001 - ImportError, or a broken libheif
            log.info("HEIC/HEIF images cannot be read: %s", exc)
            _heif_state.append(False)
    return _heif_state[0]


def _open_checked(path: Path) -> Image.Image:
    try:
        with open_user_file(path) as stream:  # regular files only: a FIFO or device never blocks us
            size = os.fstat(stream.fileno()).st_size
    except UserFileError as exc:
        raise ImageError(str(exc)) from None
    if size == 0:
        raise ImageError("empty file")
    if size > MAX_FILE_BYTES:
        raise ImageError(f"refused: the file is {size / 2**20:.0f} MB, over the limit of "
                         f"{MAX_FILE_BYTES / 2**20:.0f} MB for a card image")
    heif_available()
    try:
        with warnings.catch_warnings():
            # our own limit below replaces PIL's warning (a 100 MP phone photo is fine)
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            im = Image.open(path)  # reads the header (and the PNG chunks before the pixels)
    except Image.DecompressionBombError as exc:
        raise ImageError(f"refused: image too large to decode safely ({exc})") from exc
    except UnidentifiedImageError as exc:
        raise ImageError("not an image (unknown or unsupported file format)") from exc
    except OSError as exc:
        raise ImageError(f"cannot open image: {exc}") from exc
    except (ValueError, SyntaxError, MemoryError) as exc:
        # e.g. a zTXt/iTXt/iCCP chunk that inflates past PngImagePlugin.MAX_TEXT_CHUNK
        raise ImageError(f"refused: a damaged or crafted image ({exc})") from exc
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


def probe_image(path: str | Path) -> str:
    """The format Pillow reads in the file ``path`` (JPEG, PNG, HEIF, ...), from its content, not
    its name; the file passes the same limits as :func:`load_image` (size, pixels, crafted
    chunks) without being decoded. Raises :class:`ImageError`."""
    with _open_checked(Path(path)) as im:
        return str(im.format or "")


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


def _reduction(size: tuple[int, int], max_side: int) -> int:
    """The largest of 1, 2, 4, 8 that keeps the longer side at ``max_side`` or more."""
    factor = 1
    while factor < 8 and max(size) >= 2 * factor * max_side:
        factor *= 2
    return factor


def _decode_reduced(path: Path, factor: int) -> np.ndarray:
    """BGR pixels at 1/``factor`` scale, EXIF orientation applied (JPEG: the decoder itself
    works at that scale; others: OpenCV frees the full decode at once, where Pillow would keep it
    plus a copy for each colour conversion)."""
    import cv2

    flag = {1: cv2.IMREAD_COLOR, 2: cv2.IMREAD_REDUCED_COLOR_2, 4: cv2.IMREAD_REDUCED_COLOR_4,
            8: cv2.IMREAD_REDUCED_COLOR_8}[factor]
    try:
        data = read_user_file(path, MAX_FILE_BYTES)
    except UserFileError as exc:
        raise ImageError(str(exc)) from None
    try:
        bgr = cv2.imdecode(np.frombuffer(data, np.uint8), flag)
    except cv2.error as exc:
        raise ImageError(f"cannot decode image: {exc}") from exc
    if bgr is None:
        raise ImageError("corrupt or truncated image")
    return bgr


def _fit(bgr: np.ndarray, max_side: int) -> np.ndarray:
    import cv2

    h, w = bgr.shape[:2]
    if max(h, w) <= max_side:
        return bgr
    s = max_side / float(max(h, w))
    return cv2.resize(bgr, (max(1, round(w * s)), max(1, round(h * s))), interpolation=cv2.INTER_AREA)


def load_image(path: str | Path, max_side: int = MAX_SIDE) -> np.ndarray:
    """Read an image file into an upright (EXIF applied) BGR ``uint8`` array.

    Big photos are downscaled, while decoding where the format allows it, so the longer side is
    at most ``max_side``. Raises :class:`ImageError` with a clear message on any bad input.
    """
    path = Path(path)
    im = _open_checked(path)
    try:
        with im:
            factor = _reduction(im.size, max_side)
            if im.format in _REDUCED_BY_OPENCV and factor > 1:
                return _fit(_decode_reduced(path, factor), max_side)
            if im.format == "JPEG":
                try:
                    return _fit(_decode_reduced(path, factor), max_side)
                except ImageError:  # a JPEG flavour OpenCV does not read: Pillow may
                    im.draft("RGB", (im.size[0] // factor, im.size[1] // factor))
            try:
                im.load()
            except (OSError, SyntaxError, ValueError) as exc:
                raise ImageError(f"corrupt or truncated image: {exc}") from exc
            if max(im.size) >= 2 * max_side:  # shrink before any colour conversion copies
                f = max(im.size) // max_side
                im = (im.resize((im.size[0] // f, im.size[1] // f), Image.Resampling.NEAREST)
                      if im.mode in ("P", "1") else im.reduce(f))
            try:
                im = ImageOps.exif_transpose(im) or im
            except Exception:  # noqa: BLE001 - broken EXIF blocks must not stop the read
                pass
            im = _to_rgb(im)
            rgb = np.asarray(im, dtype=np.uint8)
    except ImageError:
        raise
    except MemoryError as exc:
        raise ImageError("image too large for the available memory") from exc
    except Exception as exc:  # any other decoder failure is still a per-file error
        raise ImageError(f"cannot decode image: {exc}") from exc
    if rgb.ndim != 3 or rgb.shape[2] != 3:
        raise ImageError("unsupported image layout")
    return _fit(np.ascontiguousarray(rgb[:, :, ::-1]), max_side)
