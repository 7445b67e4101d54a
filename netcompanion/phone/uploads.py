"""Writing a photo the phone sent (or the webcam took): a temporary file in the data folder, then renamed.

The photo is written under a temporary name while it arrives (`core/store/temp_files.py`: removed
on every error path and swept after a kill), counted against the size limit as it comes, then
read as an image by its content (`ocr.image_io.probe_image`: the same limits as a dropped file).
Only then does it get its final name, which the app makes: the phone's file name is never used.
"""
from __future__ import annotations

import os
import secrets
import time
from collections.abc import AsyncIterator
from pathlib import Path

from netcompanion.core.store.temp_files import INCOMING_PREFIX, temp_file
from netcompanion.ocr.image_io import ImageError, probe_image
from netcompanion.user_files import describe_size

#: Photos from the phone are kept this long (the card image is copied into cards/ when it is saved).
KEEP_SECONDS = 30 * 24 * 3600.0
PHOTO_PREFIX = "phone-"
CAMERA_PREFIX = "camera-"

#: The formats a phone photo may be in (Pillow's names), and the suffix it is stored with.
SUFFIX_OF_FORMAT = {"JPEG": ".jpg", "MPO": ".jpg", "PNG": ".png", "HEIF": ".heic", "WEBP": ".webp",
                    "TIFF": ".tif", "BMP": ".bmp", "GIF": ".gif"}


class UploadError(ValueError):
    """A photo refused (the message is shown on the phone); ``status`` is the HTTP status to answer."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


async def store_upload(chunks: AsyncIterator[bytes], folder: Path, max_bytes: int) -> Path:
    """Write the photo arriving as ``chunks`` into ``folder``; return its final path.

    Raises :class:`UploadError` when it is over ``max_bytes``, empty, or not an image; nothing is
    left behind then.
    """
    with temp_file(folder, INCOMING_PREFIX) as partial:
        size = 0
        with partial.open("wb") as out:
            async for chunk in chunks:
                size += len(chunk)
                if size > max_bytes:
                    raise UploadError(f"This photo is larger than {describe_size(max_bytes)}; "
                                      "take it again at a lower resolution.", 413)
                out.write(chunk)
        if size == 0:
            raise UploadError("The photo was empty; take it again.", 400)
        try:
            image_format = probe_image(partial)
        except ImageError as exc:
            raise UploadError(f"This is not a photo NetCompanion can read ({exc}).", 415) from None
        suffix = SUFFIX_OF_FORMAT.get(image_format)
        if suffix is None:
            raise UploadError(f"A {image_format} image is not a photo format NetCompanion takes.", 415)
        final = _new_name(folder, PHOTO_PREFIX, suffix)
        os.replace(partial, final)
    return final


def store_camera_photo(jpeg: bytes, folder: Path) -> Path:
    """Write a photo the webcam took (JPEG bytes the app encoded) into ``folder``; return its path."""
    with temp_file(folder, INCOMING_PREFIX) as partial:
        partial.write_bytes(jpeg)
        final = _new_name(folder, CAMERA_PREFIX, ".jpg")
        os.replace(partial, final)
    return final


def _new_name(folder: Path, prefix: str, suffix: str) -> Path:
    return folder / f"{prefix}{time.strftime('%Y%m%d-%H%M%S')}-{secrets.token_hex(3)}{suffix}"


def remove_old_photos(folder: Path, now: float, keep_seconds: float = KEEP_SECONDS) -> list[Path]:
    """Remove the photos of the phone and the webcam in `folder` older than `keep_seconds` at `now`
    (epoch seconds); return them. Only our own names are touched."""
    removed = []
    for path in sorted([*folder.glob(f"{PHOTO_PREFIX}*"), *folder.glob(f"{CAMERA_PREFIX}*")]):
        try:
            if path.is_file() and not path.is_symlink() and now - path.stat().st_mtime > keep_seconds:
                path.unlink()
                removed.append(path)
        except OSError:  # gone meanwhile, or not ours to remove: left alone
            continue
    return removed
