"""Evidence for the company and the name that holds on any card: a domain made of the starts of
the firm's words, a logo acronym spelled out, a descriptor under a name the domain already
spells, a tall logo word over the rest of the name, degree lines, names glued with a dot.
Invented cards as hand-made OCR lines (text, box)."""
from __future__ import annotations

from cardkit import fields_from_lines as _fields

from netcompanion.ocr import parse_names as pn
from netcompanion.ocr.layout import Line
from netcompanion.ocr.line_cues import is_over


def test_a_domain_made_of_the_starts_of_the_words_abbreviates_the_line():
    assert pn.abbreviates("Tejaswi Info Innovations", ["tejinfoinn"])
    assert pn.abbreviates("NATIONAL REMOTE SENSING AGENCY", ["nrsa"])
    assert pn.abbreviates("Birla Institute of Technology & Science", ["bits"])
    assert pn.abbreviates("Acme Robotics GmbH", ["acmerobotics"])
    assert not pn.abbreviates("HARDWARE & SOFTWARE SOLUTIONS", ["tejinfoinn"])
    assert not pn.abbreviates("Acme", ["acme"])  # one word: that is spelling, not abbreviating
    assert not pn.abbreviates("Acme Robotics", ["acm"])  # every word must give a letter


def test_the_company_spelled_by_the_domain_in_abbreviation_beats_a_generic_line():
    v = _fields(("PARTNER", (960, 90, 1180, 150)), ("MANAGED SERVICES", (960, 155, 1180, 185)),
                ("R.K. Sastry", (700, 470, 950, 560)), ("Managing Partner", (700, 580, 950, 660)),
                ("admin@orvinfotek.com", (700, 1170, 1070, 1250)),
                ("Orvel Info Tek", (30, 780, 650, 890)),
                ("HARDWARE & SOFTWARE SOLUTIONS", (25, 895, 570, 960)), region="IN")
    assert v["company"] == "Orvel Info Tek"
    assert v["full_name"] == "R.K. Sastry"


def test_a_logo_acronym_that_is_the_domain_gives_way_to_the_name_it_stands_for():
    v = _fields(("qmsa", (30, 90, 670, 340)), ("Dr. P. Lindqvist", (530, 450, 1860, 570)),
                ("Group Director", (880, 600, 1520, 700)),
                ("QUEENSLAND MARINE SURVEY AUTHORITY", (310, 890, 2080, 985)),
                ("E-mail: plindqvist@qmsa.gov.au", (40, 1160, 2350, 1260)), region="AU")
    assert v["company"] == "QUEENSLAND MARINE SURVEY AUTHORITY"


def test_a_descriptor_under_a_name_the_domain_spells_stays_out_of_the_company():
    v = _fields(("KORVATECH", (290, 90, 940, 180)), ("GLOBAL ENTERPRISE SOLUTIONS", (370, 178, 930, 214)),
                ("Mila Toivonen", (40, 320, 460, 378)), ("CEO", (40, 370, 130, 418)),
                ("mila@korvatech.com", (90, 540, 490, 585)))
    assert v["company"] == "KORVATECH"


def test_a_tall_logo_word_over_the_rest_of_the_name_joins_it():
    big = Line(0, "ORB", (1830, 52, 2430, 350), 298.0, 1.0)
    small = Line(1, "INFOSYSTEMS PVT. LTD.", (1840, 297, 2330, 352), 50.0, 1.0)
    assert is_over(big, small) and not is_over(small, big)
    v = _fields(("ORB", (1830, 52, 2430, 350)), ("INFOSYSTEMS PVT. LTD.", (1840, 297, 2330, 352)),
                ("CREATIVE COURSES", (190, 570, 870, 650)), region="IN")
    assert v["company"] == "ORB INFOSYSTEMS PVT. LTD."


def test_degree_lines_are_no_name_and_no_company():
    for text in ("M.Tech., F.I.E., M.B.A., Ph.D.", "B.E.,M.Tech. (Structures)",
                 "M.Com., M.B.A., M.Phil., FDP(IIMA)"):
        assert pn.is_degree_line(text), text
        assert pn.name_shape(text) == 0.0
    for text in ("Dr. K. Venugopal", "D.K.Umak", "IBM GTS", "DR. R.K. RAO, PH.D., MBA"):
        assert not pn.is_degree_line(text), text
    v = _fields(("Cell : 83339 91301", (740, 70, 1160, 120)),
                ("Dr. K. Ramaswamy", (400, 220, 820, 283)),
                ("M.Tech., F.I.E., M.B.A., Ph.D.", (396, 288, 826, 329)),
                ("DIRECTOR", (525, 357, 697, 390)), region="IN")
    assert v["full_name"] == "K. Ramaswamy"
    assert v["title"] == "DIRECTOR"


def test_names_glued_with_a_dot_split_and_degrees_stay():
    assert pn.split_glued_name("Sunil.Kotta") == "Sunil Kotta"
    assert pn.split_glued_name("D.K.Umak") == "D.K. Umak"
    for text in ("M.Tech", "Ph.D", "B.Tech", "K.V.S. Dass", "www.Acme.com"):
        assert pn.split_glued_name(text) == text


def test_md_before_a_name_is_an_honorific_and_plural_organisation_words_count():
    assert pn.strip_name_decorations("MD. AHASANUL KARIM") == "AHASANUL KARIM"
    assert pn.name_shape("MD") == 0.0 and pn.name_shape("MD & CEO") == 0.0
    assert pn.is_org_word("constructions") and pn.is_org_word("solutions")
    assert not pn.is_org_word("reddy")
    assert pn.name_shape("MPR Constructions") == 0.0


def test_degrees_after_the_title_are_dropped_and_trades_are_titles():
    assert pn.drop_degree_tail("Managing Director B.E. Civil") == "Managing Director"
    assert pn.drop_degree_tail("CEO, Ph.D.") == "CEO"
    assert pn.drop_degree_tail("Professor & Head") == "Professor & Head"
    for title in ("ADVOCATE", "PhD Candidate", "Steuerberaterin", "Notaire", "Geometra"):
        assert pn.title_score(title) > 0.5, title
    # a trade word that is also a family name in the lists is no title word: it would take names
    assert pn.title_score("Driver") == 0.0
    assert pn.name_shape("Adam Driver") > 0.5


def test_the_title_under_a_degree_line_is_next_to_the_name():
    v = _fields(("Dr. Meera Iyengar", (700, 590, 1600, 680)),
                ("M.Com., M.B.A., M.Phil.", (630, 690, 1670, 770)),
                ("Sr. Lecturer", (530, 770, 1780, 850)),
                ("VELLORE ENGINEERING COLLEGE", (160, 1070, 2170, 1180)),
                ("VELLORE, TN - 632 014.", (650, 1200, 1680, 1300)), region="IN")
    assert v["full_name"] == "Meera Iyengar"
    assert v["title"] == "Sr. Lecturer"
    assert v["company"] == "VELLORE ENGINEERING COLLEGE"


def _extract(*specs: tuple[str, tuple[int, int, int, int]], region: str = "US"):
    from netcompanion.ocr.engines import OcrLine
    from netcompanion.ocr.extract import extract_fields
    from netcompanion.ocr.layout import build_lines

    return extract_fields(build_lines([OcrLine(t, box, 0.95) for t, box in specs]), region)


def test_an_address_with_a_second_block_or_a_line_left_beside_it_is_doubted():
    plain = _extract(("Jane Doe", (40, 40, 400, 90)), ("Sales Manager", (40, 95, 330, 125)),
                     ("221 Harbour Street", (40, 300, 420, 330)),
                     ("Springfield, IL 62701", (40, 335, 420, 365)))
    assert plain.doubts.get("address", 1.0) == 1.0
    two = _extract(("Jane Doe", (40, 40, 400, 90)), ("Sales Manager", (40, 95, 330, 125)),
                   ("Off.: 221 Harbour Street", (40, 300, 420, 330)),
                   ("Springfield, IL 62701", (40, 335, 420, 365)),
                   ("Resi.: 14 Elm Road, Suite 3", (600, 300, 1000, 330)),
                   ("Peoria, IL 61602", (600, 335, 1000, 365)))
    assert two.values["address"]
    assert two.doubts["address"] < 1.0


def test_a_one_word_name_is_doubted():
    one = _extract(("Vishwa", (40, 40, 400, 90)), ("Director", (40, 95, 330, 125)),
                   ("vishwa@gmail.com", (40, 300, 420, 330)))
    assert one.values["full_name"] == "Vishwa"
    assert one.doubts["full_name"] < 0.5
    two = _extract(("Jane Doe", (40, 40, 400, 90)), ("Director", (40, 95, 330, 125)),
                   ("jane.doe@acme.com", (40, 300, 420, 330)))
    assert two.doubts["full_name"] == 1.0


def test_public_bodies_and_trades_are_organisations_but_names_in_the_lists_are_not():
    for text in ("Commissionerate of Fisheries", "Directorate of Horticulture",
                 "Stadtwerke Zentrum", "Fondazione Rossi"):
        assert pn.org_score(text) > 0, text
    assert pn.name_shape("Helen Council") > 0  # 'Council' is a family name in the lists


def test_a_landmark_line_naming_an_organisation_stays_in_the_address():
    from netcompanion.ocr.address_block import _names_organisation

    assert _names_organisation("VELLORE ENGINEERING COLLEGE")
    assert not _names_organisation("Opp. Govt. Hospital")
    assert not _names_organisation("Near Police Station")


def test_one_word_that_is_the_domain_is_the_brand_not_the_person():
    v = _fields(("Kiran Rao", (1440, 50, 2180, 150)), ("Deputy General Manager", (1500, 145, 2080, 205)),
                ("www.vistara.co.in", (1380, 400, 2190, 490)),
                ("email : vistarahyd1@gmail.com", (1320, 510, 2270, 600)),
                ("VISTARA", (310, 240, 1140, 400)), region="IN")
    assert v["full_name"] == "Kiran Rao"


def test_a_social_profile_is_no_website_and_its_line_is_used_up():
    from netcompanion.ocr import parse_contact as pc

    assert pc.find_websites("facebook.com/AcmeTools") == []
    assert pc.find_websites("www.acme.com | fb.com/acme") == ["acme.com"]
    assert pc.find_websites("www.fox.com") == ["fox.com"]
    v = _fields(("Jane Doe", (40, 40, 400, 90)), ("Director", (40, 95, 330, 125)),
                ("facebook.com/AcmeTools", (40, 300, 420, 330)),
                ("www.acme-tools.com", (40, 340, 420, 370)))
    assert v["websites"] == ["acme-tools.com"]
    assert v["company"] != "facebook.com/AcmeTools"


def test_nothing_joins_a_company_after_its_legal_form():
    v = _fields(("WONDER ROADS (P) LTD.", (133, 393, 1347, 496)), ("al bakch", (560, 429, 940, 740)),
                ("L. Ravi Kumar", (30, 53, 672, 157)), ("Managing Director", (250, 164, 860, 217)),
                region="IN")
    assert v["company"] == "WONDER ROADS (P) LTD."


def test_initials_of_an_organisation_are_no_name_and_give_way_to_its_full_name():
    v = _fields(("Northern Survey College of Ireland", (360, 70, 1990, 190)),
                ("Aoife Brennan", (800, 480, 1550, 610)), ("Faculty & Business Head", (785, 610, 1560, 690)),
                ("NSCI", (46, 266, 273, 366)),
                (": dpc@nscihq.org I dpc.nscihq@gmail.com", (150, 1120, 1290, 1210)), region="IE")
    assert v["full_name"] == "Aoife Brennan"
    assert v["company"] == "Northern Survey College of Ireland"


def test_two_e_mail_addresses_run_together_split():
    from netcompanion.ocr import parse_contact as pc

    assert pc.find_emails("Mail:ana321@gmail.comdirector_x@rediffmail.com") == \
        ["ana321@gmail.com", "director_x@rediffmail.com"]
    assert pc.find_emails("jane@mail.company.com") == ["jane@mail.company.com"]
    assert pc.find_emails("info@acme.com.au") == ["info@acme.com.au"]


def test_a_brand_over_a_line_naming_only_the_firms_kind_is_the_company():
    assert pn.legal_form("TECHNOLOGIES PVT. LTD.")
    v = _fields(("VARSHA", (424, 164, 969, 236)), ("TECHNOLOGIES PVT. LTD.", (410, 239, 972, 299)),
                ("Email : varsha @ hd1.vsnl.net.in", (744, 532, 1363, 586)),
                ("R. KIRAN KUMAR", (65, 671, 768, 720)), ("Application Engineer", (66, 724, 641, 774)),
                region="IN")
    assert v["company"] == "VARSHA TECHNOLOGIES PVT. LTD."
    assert v["full_name"] != "Varsha"
