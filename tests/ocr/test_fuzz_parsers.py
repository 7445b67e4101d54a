"""Fuzzing the card-text parsers and phone parsing: no exception escapes, whatever the OCR read."""
from __future__ import annotations

import phonenumbers
from hypothesis import given, settings
from hypothesis import strategies as st

from netcompanion.core.errors import ValidationError
from netcompanion.core.validation import phone_e164
from netcompanion.ocr.engines import OcrLine, OcrWord
from netcompanion.ocr.extract import extract_fields
from netcompanion.ocr.layout import build_lines
from netcompanion.ocr.parse_phones import find_phones

CARD_ALPHABET = st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Zs"))
CARD_TEXT = st.one_of(
    st.text(CARD_ALPHABET, max_size=60),
    st.from_regex(r"(Tel|Mob|Fax|M|T|F)[.:]? ?\+?[0-9 ()./-]{4,22}", fullmatch=True),
    st.from_regex(r"[a-z.]{1,12}[@©®][a-z-]{1,12}\.(com|de|co\.uk|in|br)", fullmatch=True),
    st.from_regex(r"(www\.)?[a-z-]{2,14}\.(com|io|de)(/[a-z]{0,8})?", fullmatch=True),
)
REGIONS = st.sampled_from(["US", "DE", "IN", "BR", "GB", "JP", "CH", "ZZ"])


def _line(text: str, index: int, height: int) -> OcrLine:
    top = 20 + index * (height + 12)
    box = (30, top, 30 + max(10, 14 * len(text)), top + height)
    words, x = [], 30
    for word in text.split():
        words.append(OcrWord(word, (x, top, x + 14 * len(word), top + height), 0.9))
        x += 14 * (len(word) + 1)
    return OcrLine(text, box, 0.9, words)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(CARD_TEXT, st.integers(8, 80)), max_size=14), REGIONS)
def test_extract_fields_never_raises_and_returns_well_formed_fields(rows, region) -> None:
    lines = build_lines([_line(text, i, height) for i, (text, height) in enumerate(rows)])
    fields = extract_fields(lines, region if region != "ZZ" else "US")
    for phone in fields.values.get("phones", []):
        assert phone.e164.startswith("+") and phonenumbers.is_possible_number(phonenumbers.parse(phone.e164))
    for email in fields.values.get("emails", []):
        assert email.count("@") == 1
    assert all(0.0 <= c <= 1.0 for c in fields.confidence.values())


@settings(max_examples=300, deadline=None)
@given(CARD_TEXT, REGIONS)
def test_find_phones_never_raises(text, region) -> None:
    for hit in find_phones(text, region):
        assert hit.e164.startswith("+")


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=40), CARD_TEXT), REGIONS)
def test_phone_validation_raises_only_the_documented_error(text, region) -> None:
    try:
        assert phone_e164(text, region).startswith("+")
    except ValidationError:
        pass
