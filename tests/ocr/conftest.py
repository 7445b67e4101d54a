"""Fixtures for the card-reader tests: one PP-OCR engine per session, a rendered card."""
from __future__ import annotations

import numpy as np
import pytest
from cardkit import CARD_EN, render_card
from PIL import Image


@pytest.fixture(scope="session")
def ppocr():
    """The PP-OCR engine, loaded once for the whole session."""
    from netcompanion.ocr import engines

    try:
        return engines.get_engine("ppocr")
    except engines.EngineUnavailable as exc:  # pragma: no cover - the install provides it
        pytest.fail(f"PP-OCR not available: {exc}")


@pytest.fixture(scope="session")
def card_en() -> Image.Image:
    return render_card(CARD_EN)


@pytest.fixture(scope="session")
def card_en_result(ppocr, card_en):
    """The reader's result for the English/German card (read once, shared by parser tests)."""
    from netcompanion.ocr.reader import read_image

    bgr = np.asarray(card_en)[:, :, ::-1].copy()
    return read_image(bgr, "card_en.png", "US", ppocr)
