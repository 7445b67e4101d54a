"""Card image -> structured contact: detection, recognition (PP-OCR / Tesseract), parsing, QR.

No Qt and no database here. Typical use::

    from netcompanion.ocr import read_card, read_cards
    result = read_card("card.jpg", region="DE")     # one card, engine loaded once per process
    for r in read_cards(paths):                      # a batch on every core, in input order
        print(r.to_json())
"""
from __future__ import annotations

import importlib
from typing import Any

# Imported on first use, so that a light module of this package (the card reader process, the
# list of image files) does not load the recogniser into the desktop app's process.
_HOMES = {"ImageError": "image_io", "load_image": "image_io", "read_card": "reader", "read_cards": "reader",
          "read_image": "reader", "expand_paths": "image_files", "Phone": "result", "ScanResult": "result"}

__all__ = sorted(_HOMES)


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f".{_HOMES[name]}", __name__), name)
