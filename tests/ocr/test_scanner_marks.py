"""A scanner app's marks on a scan are no card text. Hand-made OCR lines."""
from __future__ import annotations

from netcompanion.ocr.engines import OcrLine
from netcompanion.ocr.extract import extract_fields
from netcompanion.ocr.layout import build_lines
from netcompanion.ocr.scanner_marks import drop_scanner_marks


def _lines(*specs: tuple[str, tuple[int, int, int, int]]):
    return build_lines([OcrLine(t, box, 0.95) for t, box in specs])


def test_scanner_marks_are_used_up_and_cut_off_a_line_they_are_glued_to() -> None:
    lines = _lines(("Scanned witVidayanagar - 524 413.", (87, 537, 886, 619)),
                   ("CamScanner", (97, 608, 294, 646)), ("CS", (16, 574, 88, 631)),
                   ("Scanned with", (115, 660, 348, 699)))
    drop_scanner_marks(lines)
    by_text = {ln.raw: ln for ln in lines}
    assert by_text["CamScanner"].used == "watermark"
    assert by_text["CS"].used == "watermark"
    assert by_text["Scanned with"].used == "watermark"
    assert by_text["Scanned witVidayanagar - 524 413."].text == "Vidayanagar - 524 413."


def test_without_a_scanner_mark_cs_stays_card_text() -> None:
    lines = _lines(("CS", (16, 574, 88, 631)), ("Jane Doe", (40, 40, 400, 90)))
    drop_scanner_marks(lines)
    assert not any(ln.used for ln in lines)
    fields = extract_fields(_lines(("Jane Doe", (40, 40, 400, 90)), ("Director", (40, 95, 330, 125)),
                                   ("CamScanner", (97, 608, 294, 646))), "US")
    assert fields.values["company"] == "" and fields.values["full_name"] == "Jane Doe"
