"""Both recognisers on a rendered card, engine choice, and the fallback without rapidocr."""
from __future__ import annotations

import builtins
import shutil

import pytest
from cardkit import to_bgr

from netcompanion.ocr import engines
from netcompanion.ocr.reader import read_image

needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None,
                                     reason="tesseract-ocr is not installed")


def test_ppocr_lines_words_scores(ppocr, card_en):
    lines = ppocr.recognize(to_bgr(card_en))
    texts = [ln.text for ln in lines]
    assert any("jane.doe@acme-robotics.de" in t for t in texts)
    for ln in lines:
        assert 0.0 <= ln.score <= 1.0
        assert ln.words and all(w.box[0] <= w.box[2] and w.box[1] <= w.box[3] for w in ln.words)


def test_engine_is_loaded_once():
    assert engines.get_engine("ppocr") is engines.get_engine("ppocr")


def test_ppocr_uses_bundled_models_only(ppocr):
    from pathlib import Path

    import rapidocr

    models = Path(rapidocr.__file__).resolve().parent / "models"
    cfg = ppocr._ocr.cfg
    for part in ("Det", "Rec", "Cls"):
        assert Path(str(cfg[part].model_path)).parent == models


@needs_tesseract
def test_tesseract_reads_the_card(card_en):
    tess = engines.get_engine("tesseract", "eng")
    assert tess.name == "tesseract"
    r = read_image(to_bgr(card_en), "t.png", "US", tess)
    assert r.emails == ["jane.doe@acme-robotics.de"]
    assert r.full_name == "Jane Q. Doe"
    assert "+491701234567" in {p.e164 for p in r.phones}


@needs_tesseract
def test_auto_falls_back_to_tesseract_without_rapidocr(monkeypatch, card_en):
    real_import = builtins.__import__

    def no_rapidocr(name, *args, **kwargs):
        if name.split(".")[0] in ("rapidocr", "onnxruntime"):
            raise ImportError(f"No module named {name!r} (test)")
        return real_import(name, *args, **kwargs)

    saved = dict(engines._CACHE)
    engines.clear_engine_cache()
    monkeypatch.setattr(builtins, "__import__", no_rapidocr)
    try:
        with pytest.raises(engines.EngineUnavailable, match="rapidocr"):
            engines.PPOCREngine()
        eng = engines.get_engine("auto", "eng")
        assert eng.name == "tesseract"
        r = read_image(to_bgr(card_en), "fallback.png", "US", eng)
        assert r.emails == ["jane.doe@acme-robotics.de"]
    finally:
        monkeypatch.undo()
        engines.clear_engine_cache()
        engines._CACHE.update(saved)


def test_lang_needing_another_script_selects_tesseract():
    assert engines.wants_tesseract("rus") and engines.wants_tesseract("eng+hin")
    assert not engines.wants_tesseract("eng+deu+fra")


def test_missing_tesseract_language_is_a_clear_error():
    if shutil.which("tesseract") is None:
        pytest.skip("tesseract-ocr is not installed")
    with pytest.raises(engines.EngineUnavailable, match="tesseract-ocr-xyz"):
        engines.TesseractEngine("xyz")


def test_unknown_engine_name():
    with pytest.raises(ValueError):
        engines.get_engine("gpt")
