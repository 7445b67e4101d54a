"""Bad and unusual image files give one clear error each, or are read correctly."""
from __future__ import annotations

import io
import os
import struct
import zlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from netcompanion.ocr.image_io import MAX_SIDE, ImageError, load_image
from netcompanion.ocr.reader import read_card


def test_not_an_image(tmp_path):
    p = tmp_path / "notes.jpg"
    p.write_text("this is not a picture")
    with pytest.raises(ImageError, match="not an image"):
        load_image(p)


def test_empty_file(tmp_path):
    p = tmp_path / "empty.png"
    p.write_bytes(b"")
    with pytest.raises(ImageError, match="empty"):
        load_image(p)


def test_missing_file(tmp_path):
    with pytest.raises(ImageError, match="no such file"):
        load_image(tmp_path / "nope.jpg")


def test_truncated_jpeg(tmp_path, card_en):
    buf = io.BytesIO()
    card_en.save(buf, "JPEG", quality=90)
    p = tmp_path / "cut.jpg"
    p.write_bytes(buf.getvalue()[: len(buf.getvalue()) // 2])
    with pytest.raises(ImageError, match="truncated|corrupt"):
        load_image(p)


def test_cmyk_jpeg(tmp_path, card_en):
    p = tmp_path / "cmyk.jpg"
    card_en.convert("CMYK").save(p, "JPEG", quality=90)
    arr = load_image(p)
    assert arr.shape == (card_en.height, card_en.width, 3) and arr.dtype == np.uint8
    assert arr[5, 5].min() > 200  # white stays white


def test_16_bit_png(tmp_path):
    a = np.full((300, 500), 60000, np.uint16)
    a[100:200, 100:400] = 1000
    p = tmp_path / "deep.png"
    Image.fromarray(a).save(p)
    arr = load_image(p)
    assert arr.shape == (300, 500, 3)
    assert arr[10, 10, 0] > arr[150, 150, 0] + 100  # dark stays dark, light stays light


def test_alpha_png_on_white(tmp_path):
    im = Image.new("RGBA", (400, 250), (0, 0, 0, 0))
    im.paste((10, 10, 10, 255), (50, 50, 150, 150))
    p = tmp_path / "alpha.png"
    im.save(p)
    arr = load_image(p)
    assert tuple(arr[5, 5]) == (255, 255, 255)  # transparent -> white, not black
    assert arr[100, 100].max() < 30


def test_png_named_jpg(tmp_path, card_en):
    p = tmp_path / "really_png.jpg"
    card_en.save(p, "PNG")
    assert load_image(p).shape[:2] == (card_en.height, card_en.width)


def test_exif_orientation(tmp_path, card_en):
    # stored sideways, EXIF says "rotate 90 CW to display" (orientation 6)
    stored = card_en.transpose(Image.Transpose.ROTATE_90)
    exif = Image.Exif()
    exif[0x0112] = 6
    p = tmp_path / "exif.jpg"
    stored.save(p, "JPEG", exif=exif.tobytes(), quality=92)
    arr = load_image(p)
    assert arr.shape[:2] == (card_en.height, card_en.width)


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def test_decompression_bomb_refused(tmp_path):
    # a tiny file whose header claims 60000 x 60000 pixels (3.6 gigapixels)
    ihdr = struct.pack(">IIBBBBB", 60000, 60000, 8, 0, 0, 0, 0)
    raw = zlib.compress(b"\x00" * 1000)
    data = b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", ihdr) + _png_chunk(b"IDAT", raw) + \
        _png_chunk(b"IEND", b"")
    p = tmp_path / "bomb.png"
    p.write_bytes(data)
    with pytest.raises(ImageError, match="refused"):
        load_image(p)
    res = read_card(p)
    assert res.error and "refused" in res.error and res.full_name == "" and res.emails == []


def test_huge_photo_downscaled_and_read(tmp_path, card_en, ppocr):
    # about 100 megapixels: read (downscaled while decoding), not refused
    big = card_en.resize((13200, 7560), Image.BILINEAR)
    p = tmp_path / "huge.jpg"
    big.save(p, "JPEG", quality=85)
    del big
    arr = load_image(p)
    assert max(arr.shape) <= MAX_SIDE
    res = read_card(p, region="US", engine=ppocr)
    assert res.error is None
    assert "jane.doe@acme-robotics.de" in res.emails


def test_bad_files_in_a_batch_do_not_stop_it(tmp_path, card_en, ppocr):
    from netcompanion.ocr.reader import read_cards

    good = tmp_path / "good.png"
    card_en.save(good)
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(b"\xff\xd8\xff garbage")
    results = list(read_cards([bad, good, tmp_path / "missing.png"], region="US", workers=1))
    assert [r.source for r in results] == [str(bad), str(good), str(tmp_path / "missing.png")]
    assert results[0].error and results[2].error and results[1].error is None
    assert results[1].emails == ["jane.doe@acme-robotics.de"]


def test_a_fifo_or_device_is_refused_by_name_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "card.jpg"
    os.mkfifo(fifo)
    with pytest.raises(ImageError, match="pipe"):
        load_image(fifo)
    device = tmp_path / "card2.png"
    device.symlink_to("/dev/zero")
    with pytest.raises(ImageError, match="device"):
        load_image(device)
