"""The card finder on flat scans with a code or a picture on them, and 2-D codes read by
zxing-cpp (codes written with zxing-cpp's own writer)."""
from __future__ import annotations

import numpy as np
import pytest
import zxingcpp
from cardkit import CARD_EN, font, photo_of, render_card, to_bgr
from PIL import Image, ImageDraw

from netcompanion.ocr import card_detect, qr
from netcompanion.ocr.reader import read_image

URL = "https://www.nordlicht-software.de/kontakt"


def code_image(text: str, fmt: zxingcpp.BarcodeFormat = zxingcpp.BarcodeFormat.QRCode,
               scale: int = 10) -> Image.Image:
    return Image.fromarray(np.asarray(zxingcpp.create_barcode(text, fmt).to_image(scale=scale))
                           ).convert("RGB")


def card_back(layout: str, size: tuple[int, int] = (1050, 600)) -> Image.Image:
    """A flat scan of a card's back: the company name and a QR code filling most of its height."""
    im = Image.new("RGB", size, "white")
    d = ImageDraw.Draw(im)
    side = int(size[1] * 0.62)
    code = code_image(URL).resize((side, side), Image.NEAREST)
    if layout == "beside":
        d.text((60, 230), "Nordlicht", font=font(64, True), fill="black")
        d.text((60, 320), "Software GmbH", font=font(40), fill="black")
        im.paste(code, (size[0] - side - 70, (size[1] - side) // 2))
    else:  # the code above the name
        im.paste(code, ((size[0] - side) // 2, 40))
        d.text((240, 40 + side + 20), "Nordlicht Software GmbH", font=font(44, True), fill="black")
    return im


@pytest.mark.parametrize("layout", ["beside", "above"])
def test_flat_back_is_not_cropped_to_its_qr_code(layout):
    image = to_bgr(card_back(layout))
    codes = qr.find_codes(image)
    assert [c.text for c in codes] == [URL]
    # neither with the decoded code's corners nor without them (a code that does not decode)
    assert card_detect.find_card(image, [c.quad for c in codes]).quad is None
    assert card_detect.find_card(image).quad is None


@pytest.mark.parametrize("layout", ["beside", "above"])
def test_flat_back_is_read_whole(ppocr, layout):
    r = read_image(to_bgr(card_back(layout)), "back.png", "DE", ppocr)
    assert r.card_size == (1050, 600)  # the whole scan, not the code
    assert "nordlicht" in r.company.lower()
    assert r.websites == ["nordlicht-software.de/kontakt"]


def test_flat_scan_with_a_photo_on_it_is_not_cropped():
    card = render_card(CARD_EN)
    d = ImageDraw.Draw(card)
    d.rectangle((700, 30, 1020, 360), fill=(40, 90, 160))  # a portrait or logo block
    assert card_detect.find_card(to_bgr(card)).quad is None


def test_card_with_a_qr_code_on_a_desk_is_still_found():
    card = render_card(CARD_EN)
    code = code_image(URL, scale=5)
    card.paste(code, (card.width - code.width - 20, card.height - code.height - 20))
    photo, corners = photo_of(card)
    image = to_bgr(photo)
    det = card_detect.find_card(image, [c.quad for c in qr.find_codes(image)])
    assert det.quad is not None
    assert np.abs(det.quad - card_detect._order(corners)).max() < 25


@pytest.mark.parametrize("fmt", [zxingcpp.BarcodeFormat.PDF417, zxingcpp.BarcodeFormat.DataMatrix,
                                 zxingcpp.BarcodeFormat.Aztec, zxingcpp.BarcodeFormat.QRCode])
def test_badge_codes_are_decoded(fmt):
    badge = Image.new("RGB", (900, 600), "white")
    ImageDraw.Draw(badge).text((40, 40), "Expo 2026 - Visitor", font=font(40, True), fill="black")
    payload = "MECARD:N:Doe,Jane;EMAIL:jane@acme.com;;"
    code = code_image(payload, fmt, scale=4)
    badge.paste(code, (40, 140))
    assert qr.decode_qr(to_bgr(badge)) == [payload]


def test_no_code_no_payload():
    assert qr.find_codes(to_bgr(render_card(CARD_EN))) == []
