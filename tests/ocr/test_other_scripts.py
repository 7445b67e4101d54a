"""Cards in scripts the built-in reader does not read, through Tesseract and its language packs
(tesseract-ocr-rus and tesseract-ocr-ell, installed by scripts/install.sh)."""
from __future__ import annotations

from pathlib import Path

import pytest
from cardkit import render_card

from netcompanion.ocr import engines
from netcompanion.ocr.reader import read_card

pytestmark = pytest.mark.slow

INSTALLED = engines.tesseract_languages()


def test_script_languages_follow_the_installed_packs() -> None:
    assert engines.script_languages("Cyrillic", {"rus", "ukr", "eng"}) == "rus+ukr+eng"
    assert engines.script_languages("Greek", {"eng"}) is None
    assert engines.script_languages("Arabic", {"ara"}) == "ara"
    assert engines.wants_tesseract(engines.script_languages("Greek", {"ell", "eng"}))


@pytest.mark.skipif(not {"rus", "ell"} <= INSTALLED, reason="tesseract-ocr-rus/-ell not installed")
@pytest.mark.parametrize("script, lines, name, email", [
    ("Cyrillic", [("Иван Петров", 56, True), ("Генеральный директор", 34, False),
                  ("ООО Северный Ветер", 34, False), ("ivan.petrov@severveter.ru", 30, False),
                  ("Тел. +7 495 123-45-67", 30, False)], "Иван Петров", "ivan.petrov@severveter.ru"),
    ("Greek", [("Νίκος Παπαδόπουλος", 56, True), ("Διευθυντής Πωλήσεων", 34, False),
               ("nikos@aigaio-ploia.gr", 30, False), ("Τηλ. +30 21 0123 4567", 30, False)],
     "Νίκος Παπαδόπουλος", "nikos@aigaio-ploia.gr"),
])
def test_a_card_in_another_script_is_read_with_its_pack(tmp_path: Path, script: str, lines,
                                                          name: str, email: str) -> None:
    path = tmp_path / "card.png"
    render_card(lines).save(path)
    lang = engines.script_languages(script, INSTALLED)
    result = read_card(path, region="US", lang=lang)
    assert result.engine == "tesseract"
    assert name in result.raw_text
    assert email in result.emails
    assert result.phones and result.phones[0].e164.startswith(("+7495", "+30210"))
