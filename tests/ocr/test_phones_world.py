"""Phone lines as printed around the world, read by the pure functions of parse_phones on
hand-made lines: labels in many languages and scripts, pictograms, toll-free and vanity numbers,
extensions, and offices in two countries on one card."""
from __future__ import annotations

import pytest

from netcompanion.ocr.parse_phones import block_regions, find_phones, named_region


def read(text: str, region: str) -> list[tuple[str, str]]:
    return [(h.e164, h.kind) for h in find_phones(text, region)]


@pytest.mark.parametrize("text, region, expected", [
    ("Tel. +49 30 1234567", "US", [("+49301234567", "work")]),
    ("Tél. 01 42 68 53 00", "FR", [("+33142685300", "work")]),
    ("Telefon 030 1234567", "DE", [("+49301234567", "work")]),
    ("Fon 030 1234567", "DE", [("+49301234567", "work")]),
    ("Handy 0171 2345678", "DE", [("+491712345678", "mobile")]),
    ("Mobil: +41 79 123 45 67", "CH", [("+41791234567", "mobile")]),
    ("Cel. (11) 98765-4321", "BR", [("+5511987654321", "mobile")]),
    ("Celular +55 11 98765-4321", "BR", [("+5511987654321", "mobile")]),
    ("Fax 030 7654321", "DE", [("+49307654321", "fax")]),
    ("Telefax: 030 7654321", "DE", [("+49307654321", "fax")]),
    ("TEL 03-1234-5678", "JP", [("+81312345678", "work")]),
    ("TEL：03-1234-5678 FAX：03-1234-5679", "JP", [("+81312345678", "work"), ("+81312345679", "fax")]),
    ("携帯 090-1234-5678", "JP", [("+819012345678", "mobile")]),
    ("電話 03-1234-5678", "JP", [("+81312345678", "work")]),
    ("ファックス 03-1234-5679", "JP", [("+81312345679", "fax")]),
    ("传真 010-6552 9988", "CN", [("+861065529988", "fax")]),
    ("팩스 02-1234-5678", "KR", [("+82212345678", "fax")]),
    ("Факс +7 495 123-45-67", "RU", [("+74951234567", "fax")]),
    ("Tel/Fax 030 1234567", "DE", [("+49301234567", "work")]),
    ("TEL・FAX 03-1234-5678", "JP", [("+81312345678", "work")]),
])
def test_labels_in_many_languages(text: str, region: str, expected: list[tuple[str, str]]) -> None:
    assert read(text, region) == expected


@pytest.mark.parametrize("text, region, expected", [
    ("☎ 030 1234567", "DE", [("+49301234567", "work")]),
    ("📠 030 7654321", "DE", [("+49307654321", "fax")]),
    ("📞 +33 1 42 68 53 00", "FR", [("+33142685300", "work")]),
    ("© +49 30 1234567", "DE", [("+49301234567", "work")]),  # the icon read as a symbol
    ("8 030 1234567", "DE", [("+49301234567", "work")]),  # ... or as a digit
    ("0 0171 2345678", "DE", [("+491712345678", "mobile")]),
    ("& 06 12 34 56 78", "FR", [("+33612345678", "mobile")]),
])
def test_pictograms(text: str, region: str, expected: list[tuple[str, str]]) -> None:
    assert read(text, region) == expected


def test_a_digit_is_only_dropped_before_a_trunk_prefix() -> None:
    assert read("8 030 1234567", "US") == []  # no trunk 0 in North America: nothing to drop
    assert read("Tel 089 1234567", "DE") == [("+49891234567", "work")]


@pytest.mark.parametrize("text, region, expected", [
    ("Toll Free: 1-800-555-0199", "US", [("+18005550199", "work")]),
    ("1-800-FLOWERS", "US", [("+18003569377", "work")]),
    ("Toll-free (888) MY-ROBOT", "CA", [("+18886976268", "work")]),
    ("Freephone 0800 123 4567", "GB", [("+448001234567", "work")]),
    ("Toll free 1800 425 1234", "IN", [("+9118004251234", "work")]),
])
def test_toll_free_and_vanity_numbers(text: str, region: str, expected: list[tuple[str, str]]) -> None:
    assert read(text, region) == expected


def test_a_website_is_not_spelt_as_a_number() -> None:
    assert read("www.1800flowers.com", "US") == []


@pytest.mark.parametrize("text, region, expected", [
    ("Tel +1 212 555 0199 ext. 204", "US", [("+12125550199", "work")]),
    ("T 212-555-0199 x204", "US", [("+12125550199", "work")]),
    ("PHONE 020 7946 0018 EXT 22", "GB", [("+442079460018", "work")]),
    ("TEL 03-1234-5678 (内線 204)", "JP", [("+81312345678", "work")]),
])
def test_extensions_are_not_numbers_of_their_own(text: str, region: str,
                                                  expected: list[tuple[str, str]]) -> None:
    assert read(text, region) == expected


def test_named_region() -> None:
    assert named_region("Torstraße 1, 10119 Berlin, Germany") == "DE"
    assert named_region("350 5th Ave, New York, NY 10118") == "US"
    assert named_region("T +41 44 123 45 67") == "CH"
    assert named_region("Offices in USA, UK and India") is None  # several: no block of its own
    assert named_region("Jane Doe") is None


def test_two_offices_side_by_side_each_in_its_country() -> None:
    lines = [("Berlin", (50, 40, 300, 70)), ("New York", (600, 40, 800, 70)),
             ("Torstraße 1, 10119 Berlin, Germany", (50, 80, 450, 110)),
             ("350 5th Ave, New York, NY 10118", (600, 80, 1000, 110)),
             ("T 030 1234567", (50, 120, 300, 150)), ("T (212) 555-0199", (600, 120, 900, 150))]
    regions = block_regions(lines, "US")
    assert regions == ["DE", "US", "DE", "US", "DE", "US"]
    phones = [read(text, r) for (text, _), r in zip(lines, regions, strict=False)]
    assert phones[4] == [("+49301234567", "work")] and phones[5] == [("+12125550199", "work")]


def test_two_offices_one_above_the_other() -> None:
    lines = [("Head office: Bahnhofstrasse 10, 8001 Zürich, Switzerland", (40, 300, 900, 330)),
             ("Tel 044 123 45 67", (40, 340, 400, 370)),
             ("Paris: 12 rue de Rivoli, 75001 Paris, France", (40, 400, 900, 430)),
             ("Tél. 01 42 68 53 00", (40, 440, 400, 470))]
    regions = block_regions(lines, "CH")
    assert regions[1] == "CH" and regions[3] == "FR"
    assert read(lines[3][0], regions[3]) == [("+33142685300", "work")]


def test_one_country_keeps_the_card_region() -> None:
    lines = [("Torstraße 1, 10119 Berlin, Germany", (50, 80, 450, 110)),
             ("T 030 1234567", (50, 120, 300, 150))]
    assert block_regions(lines, "DE") == ["DE", "DE"]
    assert block_regions(lines, "AT") == ["AT", "AT"]  # one country named: the card's region rules
