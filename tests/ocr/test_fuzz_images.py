"""Fuzzing the image decoder: a card image of every format the reader takes, changed anywhere (bytes
overwritten, the file cut short, a header's size fields rewritten), is read into a bounded BGR
array or refused with an ImageError; never another exception, and never an array past MAX_SIDE."""
from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from netcompanion.ocr.image_io import MAX_SIDE, ImageError, load_image

FORMATS = ["PNG", "JPEG", "WEBP", "TIFF", "BMP", "GIF"]
# Pillow warns of damaged TIFF metadata ("Corrupt EXIF data", "Tag data larger than file") and reads
# on; as an error (pytest's setting) the warning would change what Pillow does.
pytestmark = pytest.mark.filterwarnings("ignore::UserWarning:PIL.TiffImagePlugin")


def _card(fmt: str) -> bytes:
    """A small card-like image (text-like strokes on white) in `fmt`."""
    pixels = np.full((120, 200, 3), 255, np.uint8)
    pixels[20:30, 15:150] = (20, 20, 20)
    pixels[50:56, 15:120] = (40, 60, 200)
    pixels[80:84, 15:180] = (10, 10, 10)
    out = io.BytesIO()
    Image.fromarray(pixels).save(out, fmt, **({"quality": 80} if fmt == "JPEG" else {}))
    return out.getvalue()


SOUND = {fmt: _card(fmt) for fmt in FORMATS}


def _png_claiming(width: int, height: int) -> bytes:
    """The sound PNG with its IHDR rewritten to claim `width` x `height` (the CRC fixed, as a crafter would)."""
    data = bytearray(SOUND["PNG"])
    ihdr = data.index(b"IHDR")
    data[ihdr + 4:ihdr + 12] = struct.pack(">II", width, height)
    data[ihdr + 17:ihdr + 21] = struct.pack(">I", zlib.crc32(bytes(data[ihdr:ihdr + 17])))
    return bytes(data)


def _assert_read_or_refused(path: Path) -> None:
    try:
        bgr = load_image(path)
    except ImageError as exc:
        assert str(exc)  # a message for the user, never empty
        return
    assert bgr.dtype == np.uint8 and bgr.ndim == 3 and bgr.shape[2] == 3
    assert max(bgr.shape[:2]) <= MAX_SIDE


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_sound_format_is_read(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"card.{fmt.lower()}"
    path.write_bytes(SOUND[fmt])
    assert load_image(path).shape == (120, 200, 3)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), fmt=st.sampled_from(FORMATS))
def test_an_image_changed_anywhere_is_read_or_refused_with_a_message(tmp_path: Path, data: st.DataObject,
                                                                     fmt: str) -> None:
    content = bytearray(SOUND[fmt])
    head = data.draw(st.booleans())  # changes in the first 64 bytes hit the headers a decoder trusts
    span = min(64, len(content)) if head else len(content)
    for at, value in data.draw(st.lists(st.tuples(st.integers(0, span - 1), st.integers(0, 255)),
                                        min_size=1, max_size=8)):
        content[at] = value
    if data.draw(st.booleans()):
        del content[data.draw(st.integers(0, len(content) - 1)):]
    path = tmp_path / "fuzzed.img"
    path.write_bytes(bytes(content))
    _assert_read_or_refused(path)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(width=st.integers(0, 2**31 - 1), height=st.integers(0, 2**31 - 1))
def test_a_png_claiming_any_size_is_read_or_refused_with_a_message(tmp_path: Path, width: int, height: int) -> None:
    """The header claims a size its data does not hold: refused (too many pixels, too small, or the
    data runs short) before anything of that size is allocated."""
    path = tmp_path / "claims.png"
    path.write_bytes(_png_claiming(width, height))
    _assert_read_or_refused(path)
