"""Addresses and countries of many countries: country names in seven languages and countries'
own names, Brazilian CEP and state, Montenegrin and Korean street words, a P.O. box that is no
phone label, a postcode glued to its city. Invented examples as text or hand-made OCR lines."""
from __future__ import annotations

import socket

import pytest
from cardkit import fields_from_lines as _fields

from netcompanion.ocr import parse_address as pa
from netcompanion.ocr import parse_phones as pp
from netcompanion.ocr.lexicon import country_regions


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the reader must not use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)


def test_country_names_in_many_languages_come_from_the_shipped_list(no_network: None) -> None:
    country_regions.cache_clear()
    regions = country_regions()
    assert regions is country_regions()  # loaded once
    assert regions["deutschland"] == "DE" and regions["montenegro"] == "ME"
    assert pa.country_of("81000 Podgorica, Crna Gora") == "ME"
    assert pa.country_of("Vereinigte Arabische Emirate") == "AE"
    assert pa.country_of("Schweiz") == "CH"
    # a country's name that is also a person's name or a US state names no country
    assert pa.country_of("Michael Jordan") is None
    assert pa.country_of("Atlanta, Georgia") is None


def test_brazilian_cep_and_state_give_the_country() -> None:
    assert pa.region_hint("CEP 20040-002") == "BR"
    assert pa.region_hint("Centro - Rio de Janeiro - RJ") == "BR"
    assert pa.region_hint("Tom Smith - PR") is None
    assert pa.address_score("CEP 01310-100") > 1.0


def test_street_words_of_more_countries_and_a_po_box() -> None:
    assert pa.address_score("Bulevar Svetog Petra 12") >= 1.5
    assert pa.address_score("11F, 50 Teheran-ro, Gangnam-gu") >= 1.5
    assert not pp.has_phone_label("P.O. Box 54321, Dubai")
    assert pp.has_phone_label("P: 555 0100")


def test_an_address_block_with_a_po_box_and_a_glued_postcode_is_read_whole() -> None:
    v = _fields(("Ada Lovell", (40, 40, 400, 90)), ("General Manager", (40, 95, 330, 125)),
                ("Shop 24, Falcon Building", (670, 310, 1020, 347)),
                ("P.O. Box 54321, Abu Dhabi", (700, 350, 1020, 384)),
                ("United Arab Emirates", (730, 384, 1020, 417)), region="AE")
    assert v["address"] == "Shop 24, Falcon Building, P.O. Box 54321, Abu Dhabi, United Arab Emirates"
    v = _fields(("Ada Lovell", (40, 40, 400, 90)), ("Chef de projet", (40, 95, 330, 125)),
                ("204 avenue Foch", (760, 312, 1000, 342)), ("13001Marseille", (820, 339, 1000, 374)),
                ("France", (920, 375, 1000, 406)), region="FR")
    assert v["address"] == "204 avenue Foch, 13001 Marseille, France"


def test_slogans_are_no_titles_and_compound_titles_are() -> None:
    from netcompanion.ocr import parse_names as pn

    assert pn.title_score("Your partner for growth") == 0.0
    assert pn.title_score("Votre partenaire de confiance") == 0.0
    for title in ("Vertriebsleiterin", "Projektmanagerin", "Menadžer prodaje", "Head of Sales"):
        assert pn.title_score(title) > 0.5, title
    assert pn.title_score("Schönberger") == 0.0  # a family name, no compound title
    assert pn.strip_name_decorations("Sarina Garner, Dipl.-Ing.") == "Sarina Garner"
    assert pa.address_score("Njegoševa bb") >= 1.5  # 'bb': a street without a number


def test_indian_house_numbers_make_an_address_line() -> None:
    assert pa.address_score("8-2-269/S/4, Sagar Society") >= 1.0
    assert pa.address_score('"SRI CHAMBERS", H.No. 6-3-200/B/5') >= 1.0
    assert pa.address_score("Ph.: 040-2345/67") < 1.0  # a phone with a sibling line is none
    v = _fields(("P. Ravi Teja", (127, 548, 521, 642)), ("General Manager", (124, 631, 900, 730)),
                ("Konark Cement Limited", (1364, 716, 2222, 805)),
                ("8-2-269/S/4, Sagar Society", (1344, 812, 2222, 901)),
                ("Road No.2, Banjara Hills", (1443, 899, 2222, 984)),
                ("Hyderabad-500 034", (1567, 986, 2222, 1071)), region="IN")
    assert v["address"] == "8-2-269/S/4, Sagar Society, Road No.2, Banjara Hills, Hyderabad-500 034"


def test_sibling_numbers_after_a_slash_or_as_a_range() -> None:
    def e164s(text: str, region: str) -> list[str]:
        return [h.e164 for h in pp.find_phones(text, region)]

    assert e164s("Tel (Off.): +91 40 23884541 / 4232", "IN") == ["+914023884541", "+914023884232"]
    assert e164s("+91 40 23870445 / 23774271", "IN") == ["+914023870445", "+914023774271"]
    assert e164s("Off : 040-23884236-37", "IN") == ["+914023884236", "+914023884237"]
    # a German extension stays one number; a full number after the slash is its own
    assert e164s("Tel. 030 123456-78", "DE") == ["+493012345678"]
    assert e164s("Tel 2424398 / 7034641404", "IN") == ["+917034641404"]


def test_a_local_number_on_its_own_line_takes_the_area_code_of_the_cards_landline() -> None:
    v = _fields(("Ph : 0866 - 2582333 (O)", (1425, 138, 2366, 253)),
                ("2479497 (R)", (1866, 240, 2371, 352)),
                ("Cell : +91:98495 99497", (1460, 342, 2366, 435)), region="IN")
    got = {(p.e164, p.kind) for p in v["phones"]}  # type: ignore[attr-defined,union-attr]
    assert got == {("+918662582333", "work"), ("+919849599497", "mobile"),
                   ("+918662479497", "other")}
    # no landline to take an area code from: the bare number is left alone
    v = _fields(("2479497 (R)", (1866, 240, 2371, 352)),
                ("Cell : +91:98495 99497", (1460, 342, 2366, 435)), region="IN")
    assert [p.e164 for p in v["phones"]] == ["+919849599497"]  # type: ignore[attr-defined,union-attr]
