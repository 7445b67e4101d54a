"""The script choice in the Scan place: Cyrillic cards read through Tesseract, the choice kept
between runs, scripts without an installed pack offered greyed with the pack to install."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from netcompanion.gui.views.scan_view import SCRIPT_SETTING, ScanView
from netcompanion.ocr.engines import tesseract_languages
from tests.gui.cards import render_card

pytestmark = [pytest.mark.slow, pytest.mark.sqlite_only]


def _view(qtbot, services) -> ScanView:
    view = ScanView(services)
    qtbot.addWidget(view)
    view.show()
    view.refresh()
    return view


@pytest.mark.skipif("rus" not in tesseract_languages(), reason="tesseract-ocr-rus not installed")
def test_a_cyrillic_card_is_read_and_the_choice_is_kept(qtbot, services, tmp_path: Path) -> None:
    QSettings().remove(SCRIPT_SETTING)
    view = _view(qtbot, services)
    assert view.script_combo.currentIndex() == 0  # the built-in reader by default
    view.script_combo.setCurrentIndex(view.script_combo.findText("Cyrillic"))
    card = render_card(tmp_path / "ivan.png", [("Иван Петров", 64, True), ("Генеральный директор", 38, False),
                                               ("ivan.petrov@severveter.ru", 32, False)])
    view.add_paths([str(card)])
    qtbot.waitUntil(lambda: len(view.items) == 1 and not view.job.running, timeout=120_000)
    assert view.items[0].status == "read", view.items[0].scan.get("error")
    assert view.items[0].scan["engine"] == "tesseract"
    assert "Иван Петров" in view.raw_text.toPlainText()
    assert "ivan.petrov@severveter.ru" in view.fields["emails"].text()

    again = _view(qtbot, services)  # the next run of the app
    assert again.script_combo.currentText() == "Cyrillic"
    again.script_combo.setCurrentIndex(0)
    assert QSettings().value(SCRIPT_SETTING) == ""


def test_a_script_without_its_pack_is_greyed_with_the_pack_to_install(qtbot, services, monkeypatch) -> None:
    monkeypatch.setattr("netcompanion.ocr.engines.tesseract_languages", lambda: {"eng"})
    view = _view(qtbot, services)
    model = view.script_combo.model()
    greek = model.item(view.script_combo.findText("Greek"))
    assert not greek.isEnabled() and "tesseract-ocr-ell" in greek.toolTip()
