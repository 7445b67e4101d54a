"""Field parsing on real OCR output of rendered cards (English, German, French, Spanish,
Portuguese), plus the pure parsers on typical OCR slips."""
from __future__ import annotations

import pytest
from cardkit import fields_from_lines as _company
from cardkit import render_card, to_bgr

from netcompanion.ocr import parse_address as pa
from netcompanion.ocr import parse_contact as pc
from netcompanion.ocr import parse_names as pn
from netcompanion.ocr import parse_phones as pp
from netcompanion.ocr.reader import read_image


def test_name_strips_honorifics_and_post_nominals(card_en_result):
    r = card_en_result
    assert r.full_name == "Jane Q. Doe"
    assert (r.given_name, r.family_name) == ("Jane Q.", "Doe")


def test_title_and_company(card_en_result):
    assert card_en_result.title == "VP of Engineering"
    assert card_en_result.company == "Acme Robotics GmbH"


def test_phones_kinds_and_e164(card_en_result):
    got = {(p.e164, p.kind) for p in card_en_result.phones}
    assert got == {("+491701234567", "mobile"), ("+49301234567", "work"),
                   ("+49307654321", "fax")}


def test_email_website_address(card_en_result):
    r = card_en_result
    assert r.emails == ["jane.doe@acme-robotics.de"]
    assert r.websites == ["acme-robotics.de"]
    assert "Torstraße 1" in r.address and "10119 Berlin" in r.address


def test_confidence_and_boxes(card_en_result):
    d = card_en_result.to_json()
    for f in ("full_name", "title", "company", "emails", "phones", "websites", "address"):
        assert 0.5 < d["confidence"][f] <= 1.0, f
        assert d["boxes"][f], f
    assert d["confidence"]["linkedin"] == 0.0
    x0, y0, x1, y1 = d["boxes"]["full_name"][0]
    assert 40 <= x0 < x1 and 40 <= y0 < y1 < 160  # the name is the top line of the card


@pytest.mark.parametrize("lines,expect", [
    ([("Marie Dubois", 50, True), ("Directrice commerciale", 32, False),
      ("Lumière Conseil SARL", 32, False), ("Tél. 01 42 68 53 00", 28, False),
      ("Port. 06 12 34 56 78", 28, False), ("marie.dubois@lumiere-conseil.fr", 28, False),
      ("12 rue de la Paix, 75002 Paris, France", 28, False)],
     {"full_name": "Marie Dubois", "title": "Directrice commerciale",
      "company": "Lumière Conseil SARL", "phones": {("+33142685300", "work"),
                                                    ("+33612345678", "mobile")},
      "address": "12 rue de la Paix"}),
    ([("Carlos Pérez García", 50, True), ("Gerente de Ventas", 32, False),
      ("Soluciones Andinas S.L.", 32, False), ("Móvil +34 612 345 678", 28, False),
      ("cperez@solucionesandinas.es", 28, False),
      ("Calle de Alcalá 45, 28014 Madrid", 28, False)],
     {"full_name": "Carlos Pérez García", "title": "Gerente de Ventas",
      "company": "Soluciones Andinas S.L.", "phones": {("+34612345678", "mobile")},
      "address": "Calle de Alcalá 45"}),
    ([("Ana Souza", 50, True), ("Diretora Financeira", 32, False),
      ("Verde Energia Ltda", 32, False), ("Cel. +55 11 91234 5678", 28, False),
      ("ana.souza@verdeenergia.com.br", 28, False),
      ("Rua Augusta 1500, São Paulo, Brasil", 28, False)],
     {"full_name": "Ana Souza", "title": "Diretora Financeira", "company": "Verde Energia Ltda",
      "phones": {("+5511912345678", "mobile")}, "address": "Rua Augusta 1500"}),
])
def test_cards_in_other_languages(ppocr, lines, expect):
    r = read_image(to_bgr(render_card(lines)), "x.png", "US", ppocr)
    assert r.full_name == expect["full_name"]
    assert r.title == expect["title"]
    assert r.company == expect["company"]
    assert {(p.e164, p.kind) for p in r.phones} == expect["phones"]
    assert r.address.startswith(expect["address"])


def test_national_numbers_use_card_country_then_home_region(ppocr):
    card = render_card([("Tom Baker", 50, True), ("Sales Manager", 32, False),
                        ("Tel 030 1234567", 28, False)])
    # no country on the card: the home region decides
    assert [p.e164 for p in read_image(to_bgr(card), "", "DE", ppocr).phones] == ["+49301234567"]
    card2 = render_card([("Tom Baker", 50, True), ("Sales Manager", 32, False),
                         ("Tel (212) 555-0199", 28, False),
                         ("350 Fifth Avenue, New York, NY 10118", 28, False)])
    assert [p.e164 for p in read_image(to_bgr(card2), "", "DE", ppocr).phones] == ["+12125550199"]


def test_email_repairs():
    assert pc.find_emails("Eliam.thompson@x.com") == ["eliam.thompson@x.com"]  # fixed later by the name
    assert pc.find_emails("E: jane.doe©acme.com") == ["jane.doe@acme.com"]
    assert pc.find_emails("lakshmi@ gmail.com") == ["lakshmi@gmail.com"]
    assert pc.find_emails("Email:info@x-y.de") == ["info@x-y.de"]
    assert pc.find_emails("mail jane@acme.corn") == ["jane@acme.com"]


def test_websites_and_linkedin():
    assert pc.find_websites("Web: www.Acme-Robotics.de") == ["acme-robotics.de"]
    assert pc.find_websites("https://zenith-biotech.com/") == ["zenith-biotech.com"]
    assert pc.find_websites("jane@acme.com") == []
    assert pc.find_websites("Pvt. Ltd. No. 5") == []
    assert pc.find_linkedin("linkedin.com/in/janedoe") == "linkedin.com/in/janedoe"
    assert pc.find_websites("linkedin.com/in/janedoe") == []


def test_phone_labels_and_digit_repair():
    hits = pp.find_phones("Handy +49 l70 123 45O7", "DE")
    assert [(h.e164, h.kind) for h in hits] == [("+491701234507", "mobile")]
    hits = pp.find_phones("Cell: 98480 11111, 99494 22222", "IN")
    assert [h.kind for h in hits] == ["mobile", "mobile"]
    hits = pp.find_phones("(202) 994-0305 (fax)", "US")
    assert [(h.e164, h.kind) for h in hits] == [("+12029940305", "fax")]


def test_address_words_in_many_languages():
    for line in ["Karl-Marx-Allee 168", "12 rue de la Paix", "Calle Mayor 5", "Rua Augusta 1500",
                 "Via Roma 10", "Keizersgracht 123", "262 Baker Street"]:
        assert pa.address_score(line) >= 1.4, line
    assert pa.country_of("Torstraße 1, 10119 Berlin, Deutschland") == "DE"
    assert pa.region_hint("Austin, TX 78701") == "US"


def test_name_and_title_rules():
    assert pn.strip_name_decorations("Prof. Dr. Anna Schmidt, MBA") == "Anna Schmidt"
    assert pn.title_score("Geschäftsführer") > 0
    assert pn.title_score("Directeur technique") > 0
    assert pn.name_shape("Quality is Our Duty") == 0
    assert pn.legal_form("Muster Bau GmbH") and pn.legal_form("Acme, Inc.")
    assert pn.pretty_name("HENRIK UNDERWOOD, MBA") == "Henrik Underwood"


def test_shop_card_without_a_person(ppocr):
    card = render_card([("Rosewood Bakery", 60, True), ("Fresh bread every morning!", 28, False),
                        ("Tel (415) 555-0134", 28, False),
                        ("1200 Market Street, San Francisco, CA 94102", 28, False)])
    r = read_image(to_bgr(card), "shop.png", "US", ppocr)
    assert r.full_name == ""
    assert r.company == "Rosewood Bakery"
    assert [p.e164 for p in r.phones] == ["+14155550134"]
    assert r.address.startswith("1200 Market Street")


def test_number_style_and_domain_give_the_country():
    from netcompanion.ocr.card_region import card_region
    from netcompanion.ocr.layout import Line

    def mk(*texts):
        return [Line(i, t, (0, 40 * i, 300, 40 * i + 30), 30.0, 1.0) for i, t in enumerate(texts)]

    assert card_region(mk("Ravi Kumar", "98480 11111"), "US") == "IN"
    assert card_region(mk("Jane Roe", "jane@roe-partner.de", "030 1234567"), "US") == "DE"
    assert card_region(mk("Jane Roe", "12 High St, London, United Kingdom"), "US") == "GB"
    assert card_region(mk("Jane Roe", "(212) 555-0199"), "FR") == "FR"  # the home region rules


def test_glued_and_initialled_names():
    assert pn.pretty_name("TomasBerg") == "Tomas Berg"
    assert pn.pretty_name("Ronald McDonald") == "Ronald McDonald"
    assert pn.strip_name_decorations("M. Srinivasa Rao") == "M. Srinivasa Rao"  # an initial
    assert pn.split_name("Jane Q. Doe") == ("Jane Q.", "Doe")


def test_address_digit_repair_and_country_lists():
    assert pa.repair_digits("100 WEST ALONDRA BLVD, GARDENA, CA 9O247") == \
        "100 WEST ALONDRA BLVD, GARDENA, CA 90247"
    assert pa.repair_digits("Bangalore-S60013") == "Bangalore-560013"
    assert pa.address_score("AUSTRALIA, CANADA, IRELAND") < 1.0  # a list of countries


# ---- company rules on hand-made OCR lines (text, box): layout cues without a recogniser ----
def test_company_from_a_free_mail_local_part():
    # a logo set in lower case, the firm's name as a gmail address, a service list beside it
    v = _company(("sunrise", (60, 300, 330, 370)), ("traders", (100, 365, 400, 435)),
                 ("Ravi Kumar", (700, 120, 950, 160)), ("Proprietor", (700, 165, 900, 195)),
                 ("Wholesale Grocery Suppliers", (660, 20, 1030, 52)),
                 ("98480 11111", (870, 420, 1070, 455)),
                 ("sunrisetraders2010@gmail.com", (670, 500, 1070, 535)), region="IN")
    assert v["full_name"] == "Ravi Kumar"
    assert v["company"] == "sunrise traders"


def test_company_family_firm_named_like_the_person():
    v = _company(("Anil Mehra", (350, 10, 450, 32)), ("Proprietor", (380, 30, 450, 48)),
                 ("Mehra &", (75, 58, 190, 90)), ("Mehra", (110, 88, 200, 120)),
                 ("BUILDERS", (76, 120, 185, 137)),
                 ("mehra_delhi@yahoo.com", (20, 230, 300, 248)), region="IN")
    assert v["full_name"] == "Anil Mehra"
    assert v["company"] == "Mehra & Mehra BUILDERS"


def test_company_pieces_that_spell_the_domain_or_its_initials():
    v = _company(("Bluefin", (240, 45, 440, 88)), ("DIGITAL®Inc", (290, 76, 430, 102)),
                 ("Evan Marsh", (20, 55, 160, 78)), ("Sales Consultant", (20, 80, 210, 97)),
                 ("www.bluefindigital.com", (20, 250, 240, 268)))
    assert v["company"] == "Bluefin DIGITAL Inc"
    v = _company(("THE CITY GARDEN", (16, 40, 316, 80)), ("SUPPLIES", (13, 86, 694, 166)),
                 ("Open every day", (200, 210, 480, 228)), ("WWW.CGS.COM", (440, 470, 700, 500)))
    assert v["company"] == "THE CITY GARDEN SUPPLIES"


def test_company_leading_a_slogan_line_that_spells_the_domain():
    v = _company(("Maria Lopez", (480, 50, 670, 80)), ("Club Manager", (510, 85, 670, 115)),
                 ("HARBOR LIGHTS | open late every day of the week", (60, 155, 640, 183)),
                 ("harborlights.com", (480, 340, 670, 365)))
    assert v["company"] == "HARBOR LIGHTS"


def test_company_legal_name_from_the_small_print_and_logo_rows():
    v = _company(("Zentrix", (380, 220, 670, 300)), ("Rahul Shah", (770, 30, 1000, 70)),
                 ("Managing Director", (740, 75, 1000, 108)),
                 ("Plot 12, MIDC, Zentrix Solutions Pvt. Ltd., Pune", (130, 500, 930, 535)),
                 region="IN")
    assert v["company"] == "Zentrix Solutions Pvt. Ltd."
    from netcompanion.ocr.layout import Line
    from netcompanion.ocr.line_cues import reading_order

    big = Line(0, "Timber", (240, 288, 460, 397), 100.0, 1.0)
    small = Line(1, "Works", (410, 286, 600, 370), 80.0, 1.0)
    top = Line(2, "Blue Oak", (265, 214, 590, 295), 80.0, 1.0)
    assert [ln.text for ln in reading_order([small, top, big])] == ["Blue Oak", "Timber", "Works"]


def test_company_lone_all_caps_logo_when_nothing_else_names_the_firm():
    card = [("Tom Baker", (367, 78, 621, 116)), ("CEO", (449, 115, 532, 155)),
            ("22 Harbour Rd", (374, 173, 549, 207)), ("Hobart TAS 7000", (372, 202, 623, 238)),
            ("T: (03) 6231 7778", (372, 231, 580, 268)), ("E:tom@tbk.com.au", (373, 290, 632, 330))]
    v = _company(("GOLDEN WOK", (122, 48, 247, 79)), *card, region="AU")
    assert v["full_name"] == "Tom Baker"
    assert v["company"] == "GOLDEN WOK"
    # words the recogniser glued together are a slogan, not a logo
    v = _company(("CALLUSRIGHTNOWPLEASE", (122, 48, 400, 79)), *card, region="AU")
    assert v["company"] == ""


def test_name_not_taken_from_a_trade_word_shared_by_e_mail_and_domain():
    v = _company(("Dr. Laura Finch", (330, 75, 940, 155)),
                 ("Violin Performing", (460, 177, 810, 225)),
                 ("Teaching and Coaching", (420, 227, 850, 276)),
                 ("512.867.5309", (450, 300, 820, 360)),
                 ("violinstudio.com", (480, 390, 790, 430)),
                 ("violinstudiotx@yahoo.com", (370, 475, 900, 520)))
    assert v["full_name"] == "Laura Finch"
    v = _company(("Jane Doe", (330, 75, 640, 120)), ("Violin Performing", (330, 130, 640, 160)),
                 ("jane@janedesign.com", (330, 300, 700, 330)))
    assert v["full_name"] == "Jane Doe"


def test_phone_sibling_lines_written_as_a_slash_suffix():
    got = [h.e164 for h in pp.find_phones("Ph: 040 2345 6781/2 | M: +91 98480 11111", "IN")]
    assert got == ["+914023456781", "+914023456782", "+919848011111"]
    got = [h.e164 for h in pp.find_phones("Tel (212) 555-0190 / 1", "US")]
    assert got == ["+12125550190", "+12125550191"]


def test_address_a_lone_landmark_and_town_line():
    v = _company(("Ravi Teja", (30, 30, 220, 70)), ("Partner", (50, 70, 200, 100)),
                 ("98480 11111", (520, 30, 680, 60)), ("SAI MOBILES", (150, 130, 680, 230)),
                 ("Near Clock Tower, Karimganj.", (160, 300, 630, 340)), region="IN")
    assert v["address"].startswith("Near Clock Tower, Karimganj")
    v = _company(("Ravi Teja", (30, 30, 220, 70)), ("Partner", (50, 70, 200, 100)),
                 ("98480 11111", (520, 30, 680, 60)), ("SAI MOBILES", (150, 130, 680, 230)),
                 region="IN")
    assert v["address"] == ""
