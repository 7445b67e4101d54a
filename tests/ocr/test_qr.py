"""QR codes with vCard / MeCard payloads, generated with OpenCV's encoder."""
from __future__ import annotations

import cv2
import numpy as np
from cardkit import render_card, to_bgr
from PIL import Image

from netcompanion.ocr import qr
from netcompanion.ocr.reader import read_image

VCARD = ("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Schmidt;Anna;;;\r\nFN:Anna Schmidt\r\n"
         "ORG:Nordlicht Software GmbH\r\nTITLE:CTO\r\nTEL;TYPE=CELL:+49 171 2345678\r\n"
         "TEL;TYPE=WORK,VOICE:+49 40 1234567\r\nEMAIL:anna@nordlicht.de\r\n"
         "URL:https://nordlicht.de\r\nADR;TYPE=WORK:;;Hafenstraße 5;Hamburg;;20457;Germany\r\n"
         "END:VCARD")


def qr_image(payload: str, module: int = 8) -> Image.Image:
    enc = cv2.QRCodeEncoder.create()
    code = enc.encode(payload)
    code = cv2.resize(code, None, fx=module, fy=module, interpolation=cv2.INTER_NEAREST)
    code = cv2.copyMakeBorder(code, 32, 32, 32, 32, cv2.BORDER_CONSTANT, value=255)
    return Image.fromarray(code).convert("RGB")


def test_decode_and_parse_vcard():
    payloads = qr.decode_qr(to_bgr(qr_image(VCARD)))
    assert payloads and payloads[0].startswith("BEGIN:VCARD")
    c = qr.parse_payload(payloads[0])
    assert c.full_name == "Anna Schmidt" and c.company == "Nordlicht Software GmbH"
    assert ("+49 171 2345678", "mobile") in c.phones
    assert c.emails == ["anna@nordlicht.de"]
    assert "Hafenstraße 5" in c.address


def test_mecard_and_url_payloads():
    c = qr.parse_payload("MECARD:N:Doe,Jane;TEL:+12125550199;EMAIL:jane@acme.com;"
                         "URL:https://acme.com;;")
    assert (c.full_name, c.given_name, c.family_name) == ("Jane Doe", "Jane", "Doe")
    assert c.emails == ["jane@acme.com"] and c.websites == ["https://acme.com"]
    assert qr.parse_payload("https://www.linkedin.com/in/janedoe").linkedin == \
        "linkedin.com/in/janedoe"
    assert qr.parse_payload("just some text") is None


def test_qr_on_card_wins_over_ocr(ppocr):
    card = render_card([("Anna Schmidt", 50, True), ("Chief Technology Officer", 30, False),
                        ("anna@nordlicht.de", 28, False)], size=(1200, 680))
    code = qr_image(VCARD, module=5)
    card.paste(code, (card.width - code.width - 30, card.height - code.height - 30))
    r = read_image(to_bgr(card), "qr.png", "US", ppocr)
    assert r.full_name == "Anna Schmidt"
    assert r.title == "CTO"  # from the QR code
    assert r.company == "Nordlicht Software GmbH"
    assert {(p.e164, p.kind) for p in r.phones} >= {("+491712345678", "mobile"),
                                                    ("+49401234567", "work")}
    assert r.emails == ["anna@nordlicht.de"]
    assert r.websites == ["nordlicht.de"]
    assert r.confidence["company"] > 0.9


def test_qr_as_back_of_card(ppocr):
    img = np.full((600, 1050, 3), 255, np.uint8)
    code = to_bgr(qr_image("MECARD:N:Rossi,Marco;TEL:+390612345678;EMAIL:marco@rossi.it;;", 6))
    y, x = (600 - code.shape[0]) // 2, (1050 - code.shape[1]) // 2
    img[y:y + code.shape[0], x:x + code.shape[1]] = code
    r = read_image(img, "back.png", "US", ppocr)
    assert r.full_name == "Marco Rossi" and r.emails == ["marco@rossi.it"]
    assert [p.e164 for p in r.phones] == ["+390612345678"]
