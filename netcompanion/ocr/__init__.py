"""Card image -> structured contact: detection, recognition (PP-OCR / Tesseract), parsing, QR.

No Qt and no database here. Typical use::

    from netcompanion.ocr import read_card, read_cards
    result = read_card("card.jpg", region="DE")     # one card, engine loaded once per process
    for r in read_cards(paths):                      # a batch on every core, in input order
        print(r.to_json())
"""
from __future__ import annotations

from .image_io import ImageError, load_image
from .reader import default_region, expand_paths, read_card, read_cards, read_image
from .result import Phone, ScanResult

__all__ = ["ImageError", "Phone", "ScanResult", "default_region", "expand_paths", "load_image",
           "read_card", "read_cards", "read_image"]
