"""Repairs of how text lands on card lines: words glued together, an e-mail broken over two
lines, labels read with a space, door numbers, phone numbers sharing an area code, and graphics
read as letters. Invented examples; hand-made OCR lines where the rule is pure parsing."""
from __future__ import annotations

from cardkit import fields_from_lines as _fields
from cardkit import render_card, to_bgr

from netcompanion.ocr import parse_address as pa
from netcompanion.ocr import parse_phones as pp
from netcompanion.ocr.engines import OcrLine
from netcompanion.ocr.extract import extract_fields
from netcompanion.ocr.glued_words import split_by_contact, split_caps_run, split_known_suffix
from netcompanion.ocr.layout import build_lines
from netcompanion.ocr.reader import read_image


# ---- glued words --------------------------------------------------------------------------
def test_capitals_run_glued_to_a_capitalised_word_splits():
    assert split_caps_run("12, MIDCOIndustrial Area, Pune") == "12, MIDCO Industrial Area, Pune"
    assert split_caps_run("www.ABCDesign.com") == "www.ABCDesign.com"  # web addresses stay
    assert split_caps_run("info@XYZTrading.de") == "info@XYZTrading.de"
    assert split_caps_run("Main Street") == "Main Street"


def test_known_title_or_organisation_word_at_the_end_splits():
    assert split_known_suffix("SeniorConsultant") == "Senior Consultant"
    assert split_known_suffix("NORTHWINDHOTEL") == "NORTHWIND HOTEL"
    # one word: a combining form, an ordinary lower-case word, a word from the list itself
    assert split_known_suffix("MULTIMEDIA") == "MULTIMEDIA"
    assert split_known_suffix("Bioenergy") == "Bioenergy"
    assert split_known_suffix("CONSULTING") == "CONSULTING"


def test_words_spelled_by_the_e_mail_split_a_glued_name():
    emails = ["tara.lindqvist@harbor-view.example"]
    assert split_by_contact("TARALINDQVIST", emails, []) == "TARA LINDQVIST"
    assert split_by_contact("Harborview Group", emails, []) == "Harbor view Group"
    assert split_by_contact("Tara Lindqvist", emails, []) == "Tara Lindqvist"
    assert split_by_contact("TARALINDQVIST", ["tlindqvist@example.com"], []) == "TARALINDQVIST"


def test_glued_name_and_title_read_from_card_lines():
    v = _fields(("TARALINDQVIST", (60, 60, 420, 100)), ("SeniorConsultant", (60, 105, 330, 130)),
                ("Harbor View Partners", (60, 20, 400, 50)),
                ("tara.lindqvist@harborview.example", (60, 300, 500, 325)))
    assert v["full_name"] == "Tara Lindqvist"
    assert v["title"] == "Senior Consultant"


# ---- e-mail wrapped over two lines --------------------------------------------------------
def test_e_mail_broken_after_the_at_sign_is_joined():
    v = _fields(("Omar Haddad", (40, 30, 300, 70)), ("Sales Manager", (40, 75, 280, 100)),
                ("Email: orders@lantern", (40, 200, 330, 225)),
                ("-outfitters.com", (40, 228, 240, 252)))
    assert v["emails"] == ["orders@lantern-outfitters.com"]
    assert v["websites"] == []


def test_e_mail_wrapped_on_a_rendered_card_is_read_whole(ppocr):
    card = render_card([("Omar Haddad", 50, True), ("Sales Manager", 32, False),
                        ("Email: orders@lantern", 28, False), ("outfitters.com", 28, False)])
    r = read_image(to_bgr(card), "wrap.png", "US", ppocr)
    assert r.emails == ["orders@lanternoutfitters.com"]
    assert r.websites == []


# ---- address lines ------------------------------------------------------------------------
def test_address_after_an_e_mail_label_written_with_a_space():
    v = _fields(("Ravi Traders", (40, 30, 400, 80)),
                ("7/2, Gandhi Nagar, Tiruppur. E mail : ravitraders@example.com",
                 (40, 400, 900, 440)), region="IN")
    assert v["address"] == "7/2, Gandhi Nagar, Tiruppur."
    assert v["emails"] == ["ravitraders@example.com"]


def test_door_numbers_with_slashes_and_hyphens_start_an_address():
    assert pa.address_score("3/1, Lake View, Salem") > pa.address_score("Lake View, Salem")
    assert pa.address_score("12-4-56, Rose Lane") > pa.address_score("Rose Lane")


# ---- phones -------------------------------------------------------------------------------
def test_comma_read_for_the_hyphen_after_an_area_code():
    assert [h.e164 for h in pp.find_phones("08672,224441", "IN")] == ["+918672224441"]
    # two whole numbers separated by a comma stay two numbers
    assert [h.e164 for h in pp.find_phones("98480 11111, 98480 22222", "IN")] == \
        ["+919848011111", "+919848022222"]


def test_comma_suffix_is_a_sibling_number_with_the_same_area_code():
    hits = pp.find_phones("Ph: 91-129-4001234,4005678", "IN")
    assert [(h.e164, h.kind) for h in hits] == [("+911294001234", "work"),
                                               ("+911294005678", "work")]
    hits = pp.find_phones("Tel: 044-24781111,22", "IN")
    assert [h.e164 for h in hits] == ["+914424781111", "+914424781122"]


# ---- graphics read as letters -------------------------------------------------------------
def test_short_doubtful_read_of_a_logo_graphic_is_no_company():
    specs = [("Jane Roe", (60, 200, 300, 240)), ("Director", (60, 245, 250, 270)),
             ("Tel (212) 555-0199", (60, 300, 400, 325))]

    def company(logo_score: float) -> object:
        lines = build_lines([OcrLine("KW", (60, 20, 400, 140), logo_score)]
                            + [OcrLine(t, box, 0.98) for t, box in specs])
        return extract_fields(lines, "US").values["company"]

    assert company(0.98) == "KW"  # read with confidence: the logo names the firm
    assert company(0.6) == ""  # doubtful: a graphic taken for letters


# ---- company, title and name from layout ---------------------------------------------------
def test_small_print_line_whose_first_word_starts_the_domain_names_the_firm():
    from netcompanion.ocr import parse_names as pn

    assert pn.company_from_domain("LUMA EXPRESSIONS", ["lumacrafts"]) >= 0.7
    assert pn.company_from_domain("Level 1, West Mall", ["lumacrafts"]) == 0.0
    v = _fields(("Expressions", (660, 95, 1030, 148)), ("LUMA EXPRESSIONS", (660, 260, 930, 290)),
                ("West Mall, Level 1", (660, 290, 1010, 316)),
                ("info@lumacrafts.com", (660, 360, 930, 390)))
    assert v["company"] == "LUMA EXPRESSIONS"


def test_a_second_role_right_below_the_title_joins_it():
    v = _fields(("Dana Whitfield", (40, 20, 400, 70)),
                ("Director, Coastal Research Centre", (40, 80, 520, 110)),
                ("Professor of Marine Biology", (40, 112, 440, 142)),
                ("Tel (212) 555-0199", (40, 300, 330, 325)))
    assert v["title"] == "Director, Coastal Research Centre, Professor of Marine Biology"
    # a line in other lettering (the firm in capitals, much larger) is not a second role
    v = _fields(("Dana Whitfield", (40, 20, 400, 70)), ("Sales Director", (40, 80, 300, 110)),
                ("Ridgeway Sales Consulting", (40, 120, 600, 190)))
    assert v["title"] == "Sales Director"


def test_big_brand_words_over_their_descriptor_are_no_person():
    v = _fields(("Silver Birch", (300, 50, 1300, 330)), ("PUBLIC SCHOOL", (400, 310, 1200, 395)),
                ("Lake Road, Springfield", (500, 500, 1000, 545)),
                ("Tel (212) 555-0199", (500, 560, 900, 600)))
    assert v["full_name"] == ""
    assert v["company"] == "Silver Birch PUBLIC SCHOOL"
    # a person's name over the firm that carries the name is still the person
    v = _fields(("Tom Garner", (300, 50, 700, 120)),
                ("Garner Plumbing Services", (300, 125, 800, 160)),
                ("Tel (212) 555-0199", (300, 300, 600, 330)))
    assert v["full_name"] == "Tom Garner"


def test_misread_logo_spelled_by_the_rest_of_the_domain():
    from netcompanion.ocr.line_cues import logo_from_domain

    card = [("Mara Quill", (30, 210, 210, 236)), ("Store Manager", (30, 240, 200, 266)),
            ("0418 555 012", (30, 270, 180, 296)),
            ("Email: mara.quill@crowriverside.com", (330, 330, 650, 355))]
    v = _fields(("COW", (130, 28, 550, 158)), ("RIVERSIDE", (250, 138, 430, 167)), *card,
                region="AU")
    assert v["company"] == "CROW RIVERSIDE"
    assert v["full_name"] == "Mara Quill"
    # a logo that reads nothing like the rest of the domain is left out
    v = _fields(("XQZW", (130, 28, 550, 158)), ("RIVERSIDE", (250, 138, 430, 167)), *card,
                region="AU")
    assert v["company"] == "RIVERSIDE"
    assert logo_from_domain("RIVERSIDE", [], [], ["riverside"]) == ("RIVERSIDE", None)
