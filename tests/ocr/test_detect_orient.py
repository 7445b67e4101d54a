"""Finding the card in a photo, flattening it, turning it upright."""
from __future__ import annotations

import numpy as np
import pytest
from cardkit import photo_of, render_card, to_bgr
from PIL import Image

from netcompanion.ocr import card_detect
from netcompanion.ocr.reader import read_card, read_image


def test_flat_scan_passes_untouched(card_en):
    img = to_bgr(card_en)
    out, det = card_detect.flatten_card(img)
    assert det.quad is None and out is img


def test_card_found_on_desk_photo(card_en):
    photo, corners = photo_of(card_en, angle=14, persp=0.1)
    det = card_detect.find_card(to_bgr(photo))
    assert det.quad is not None
    # every found corner lies within 2 % of the photo size of a true corner
    tol = 0.02 * max(photo.size)
    for q in det.quad:
        assert np.min(np.linalg.norm(corners - q, axis=1)) < tol


def test_desk_photo_is_read(ppocr, card_en):
    photo, _ = photo_of(card_en, angle=-9, persp=0.12, seed=3)
    r = read_image(to_bgr(photo), "photo.jpg", "US", ppocr)
    assert r.full_name == "Jane Q. Doe"
    assert r.emails == ["jane.doe@acme-robotics.de"]
    w, h = r.card_size
    assert 1.5 < w / h < 2.0  # flattened to the card's shape, not the photo's


def test_dark_card_with_light_text(ppocr):
    card = render_card([("Lena Wolf", 50, True), ("Head of Design", 32, False),
                        ("lena@nachtblau.de", 28, False)], bg="#14213d", fg="#f5f5f5")
    r = read_image(to_bgr(card), "dark.png", "DE", ppocr)
    assert r.full_name == "Lena Wolf" and r.emails == ["lena@nachtblau.de"]


@pytest.mark.parametrize("degrees", [90, 180, 270])
def test_sideways_and_upside_down(ppocr, card_en, degrees):
    img = card_detect.rotate(to_bgr(card_en), degrees)
    r = read_image(img, f"rot{degrees}.png", "US", ppocr)
    assert r.full_name == "Jane Q. Doe"
    assert r.emails == ["jane.doe@acme-robotics.de"]
    assert r.card_size == (card_en.width, card_en.height)


def test_exif_rotated_file_is_read(tmp_path, ppocr, card_en):
    stored = card_en.transpose(Image.Transpose.ROTATE_270)  # needs 90 CCW... EXIF 8
    exif = Image.Exif()
    exif[0x0112] = 8
    p = tmp_path / "exif8.jpg"
    stored.save(p, "JPEG", exif=exif.tobytes(), quality=92)
    r = read_card(p, region="US", engine=ppocr)
    assert r.error is None and r.full_name == "Jane Q. Doe"


def test_text_on_a_white_page_is_not_taken_for_a_card():
    # a flyer-like flat scan: a dense block of text and a coloured bar on white
    lines = [(f"Service line number {i} with several words", 26, False) for i in range(9)]
    page = render_card(lines, size=(1200, 900), margin=300)
    img = to_bgr(page)
    img[40:120, 60:1140] = (40, 40, 200)
    det = card_detect.find_card(img)
    assert det.quad is None


def test_result_carries_the_flattened_card_for_the_boxes(ppocr, card_en):
    photo, _ = photo_of(card_en, angle=6, persp=0.05, seed=5)
    r = read_image(to_bgr(photo), "p.jpg", "US", ppocr)
    h, w = r.card_image.shape[:2]
    assert (w, h) == r.card_size and r.card_image.shape[2] == 3
    for boxes in r.to_json()["boxes"].values():
        for x0, y0, x1, y1 in boxes:
            assert 0 <= x0 < x1 <= w + 2 and 0 <= y0 < y1 <= h + 2
    assert "card_image" not in r.to_json()
