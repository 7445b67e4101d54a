"""Helpers for the card-reader tests: cards rendered with PIL, photos of them on a desk, and
fields read from hand-made OCR lines."""
from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

FONT_DIRS = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu",
             "/usr/local/share/fonts", "/Library/Fonts", "C:/Windows/Fonts"]


def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    """DejaVu Sans if installed, else Pillow's bundled scalable font."""
    names = ["DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf", "Arial.ttf", "arial.ttf"]
    for d in FONT_DIRS:
        for n in names:
            p = Path(d) / n
            if p.is_file():
                return ImageFont.truetype(str(p), size)
    return ImageFont.load_default(size=size)


def render_card(lines: list[tuple[str, int, bool]], size: tuple[int, int] = (1050, 600),
                bg: str = "white", fg: str = "black", margin: int = 60) -> Image.Image:
    """A flat card: each entry is (text, font size, bold), drawn top to bottom."""
    im = Image.new("RGB", size, bg)
    d = ImageDraw.Draw(im)
    y = margin
    for text, fs, bold in lines:
        if text:
            d.text((margin, y), text, font=font(fs, bold), fill=fg)
        y += int(fs * 1.45)
    return im


CARD_EN = [
    ("Dr. Jane Q. Doe, PhD", 54, True),
    ("VP of Engineering", 34, False),
    ("Acme Robotics GmbH", 34, False),
    ("M +49 170 1234567", 28, False),
    ("T +49 30 1234567  F +49 30 7654321", 28, False),
    ("jane.doe@acme-robotics.de", 28, False),
    ("www.acme-robotics.de", 28, False),
    ("Torstraße 1, 10119 Berlin, Germany", 28, False),
]


def to_bgr(im: Image.Image) -> np.ndarray:
    return np.ascontiguousarray(np.asarray(im.convert("RGB"))[:, :, ::-1])


def photo_of(card: Image.Image, angle: float = 12.0, persp: float = 0.08,
             bg_size: tuple[int, int] = (1800, 1400), seed: int = 1) -> tuple[Image.Image, np.ndarray]:
    """The card pasted rotated and in perspective on a textured brown desk; returns the photo
    and the card's corner points in it."""
    import cv2

    rng = np.random.default_rng(seed)
    h, w = bg_size[1], bg_size[0]
    desk = np.zeros((h, w, 3), np.float32)
    desk[:] = (60, 80, 110)  # BGR brown
    desk += rng.normal(0, 6, (h, w, 1)).astype(np.float32)
    desk = np.clip(desk, 0, 255).astype(np.uint8)
    c = to_bgr(card)
    ch, cw = c.shape[:2]
    src = np.float32([[0, 0], [cw, 0], [cw, ch], [0, ch]])
    centre = np.float32([w / 2, h / 2])
    a = np.deg2rad(angle)
    rot = np.float32([[np.cos(a), -np.sin(a)], [np.sin(a), np.cos(a)]])
    pts = (src - np.float32([cw / 2, ch / 2])) @ rot.T
    pts[0] *= 1 - persp
    pts[1] *= 1 - persp  # top edge further away
    dst = (pts + centre).astype(np.float32)
    m = cv2.getPerspectiveTransform(src, dst)
    warped = cv2.warpPerspective(c, m, (w, h), flags=cv2.INTER_CUBIC)
    mask = cv2.warpPerspective(np.full((ch, cw), 255, np.uint8), m, (w, h))
    out = desk.copy()
    out[mask > 0] = warped[mask > 0]
    return Image.fromarray(out[:, :, ::-1]), dst


def fields_from_lines(*specs: tuple[str, tuple[int, int, int, int]], region: str = "US",
                      score: float = 0.95) -> dict[str, object]:
    """The fields the reader extracts from hand-made OCR lines ``(text, box)``: layout cues
    without a recogniser."""
    from netcompanion.ocr.engines import OcrLine
    from netcompanion.ocr.extract import extract_fields
    from netcompanion.ocr.layout import build_lines

    lines = build_lines([OcrLine(t, box, score) for t, box in specs])
    return extract_fields(lines, region).values
