"""Fit per goal with the evidence for and against, and the traps that sound like a fit, on
invented people."""
from __future__ import annotations

import pytest

from netcompanion.core.rules.attendee_fit import rank_attendees, score_attendee
from netcompanion.core.rules.goal_fit import PlanContext

LOGISTICS = PlanContext(industries=("logistics", "retail"),
                        offer="route planning software for logistics companies and retailers' supply chain teams",
                        hiring_for="backend engineers and data scientists")


def fit(goal: str, title: str = "", company: str = "", bio: str = "", answers: dict[str, str] | None = None,
        context: PlanContext = LOGISTICS):
    return score_attendee({"title": title, "company": company, "bio": bio, "answers": answers or {}}, goal, context)


def test_investors_and_their_reasons() -> None:
    gp = fit("investor", "General Partner", "Harborlight Ventures")
    assert gp.reasons == ["Invests: General Partner at Harborlight Ventures, a venture fund (+6)"]
    assert fit("investor", "Business angel").score >= 6
    assert fit("investor", "Sócia-gestora", "Atlântico Capital").score >= 5
    assert fit("investor", "Investment Manager", "Sala Family Office").score >= 5
    assert fit("investor", "Programme Director", "Rotterdam Food Accelerator").score >= 5


@pytest.mark.parametrize(("title", "company", "bio", "against"), [
    ("Investor Relations Manager", "Tidewater Shipping plc", "I look after our shareholders.",
     "Not an investor: investor relations speaks for the company to its shareholders"),
    ("Equity Research Analyst", "Kingsbridge Bank", "I cover logistics stocks for institutional investors.",
     "Not a startup investor: Equity Research Analyst at Kingsbridge Bank works on listed shares and bonds"),
    ("Fund Accountant", "Crest Fund Services", "NAV for venture capital funds.",
     "Not an investor: fund accountants and administrators keep a fund's books, they do not choose its investments"),
    ("Administrador de fondos", "Iberfondos", "Contabilidad de fondos de capital riesgo.",
     "Not an investor: fund accountants and administrators keep a fund's books, they do not choose its investments"),
    ("Partner", "Hart & Morrow LLP", "Advising venture capital funds.",
     "Not an investor: a partner of a law firm advises investors, it does not invest"),
    ("Socio", "Studio Legale Serra", "Consulenza a fondi di investimento.",
     "Not an investor: a partner of a law firm advises investors, it does not invest"),
    ("Managing Partner", "Keystone Consulting", "Supply chain practice.",
     "Not an investor: a partner of a consulting firm advises investors, it does not invest"),
    ("HR Business Partner", "Freightline", "", "Not an investor: HR Business Partner at Freightline is a people and hiring role"),
    ("Journalist", "The Daily Ledger", "I write about venture funds and the money behind them.",
     "Not an investor: Journalist at The Daily Ledger writes about money, does not invest it"),
])
def test_investor_traps(title: str, company: str, bio: str, against: str) -> None:
    result = fit("investor", title, company, bio)
    assert result.score < 0 and any(reason.startswith(against) for reason in result.reasons), result.reasons


def test_a_founder_raising_money_and_an_office_manager_at_a_fund_are_not_investors() -> None:
    founder = fit("investor", "CEO & Co-founder", "ParcelPal", answers={"What are you looking for?": "Investors"})
    assert founder.score < 0 and founder.reasons[-1].startswith("Raising money: looking for investors, not one")
    assert fit("investor", "Office Manager", "Harborlight Ventures").score < 0


def test_mentors_are_experienced_and_minded_to_give() -> None:
    giver = fit("mentor", "Former CEO", "", "Ran a 3PL for 12 years.", {"Goals": "Happy to mentor founders"})
    assert giver.reasons == ["Experienced: 'former ceo' (+4)", "Minded to give: says 'mentor' in the answers (+4)"]
    busy = fit("mentor", "COO", "Swift Logistics")
    assert 0 < busy.score < giver.score / 2 and "but says nothing of mentoring" in busy.reasons[0]
    assert fit("mentor", "Executive coach", "Wright Coaching").score >= 4  # gives by trade
    assert fit("mentor", "Serienunternehmer", "", "Drei Unternehmen gegründet.", {"Ziele": "Gründer beraten"}).score >= 4
    seeker = fit("mentor", "Student", "City University", answers={"What are you looking for?": "A mentor"})
    assert seeker.score < 0 and "Looking for a mentor, not offering to be one" in " ".join(seeker.reasons)


def test_advice_sold_by_a_lawyer_is_not_a_mind_to_mentor() -> None:
    lawyer = fit("mentor", "Partner", "Krämer Rechtsanwälte", "",
                 {"Was machen Sie?": "Wir beraten Investoren bei Finanzierungsrunden.", "Was suchen Sie?": "Mandanten"})
    assert lawyer.score <= 0 and any(r.startswith("Advises for a living rather than mentors") for r in lawyer.reasons)
    giver = fit("mentor", "Ehemaliger Geschäftsführer", "", "", {"Was suchen Sie?": "Gründer beraten"})
    assert any(r.startswith("Minded to give") for r in giver.reasons)


def test_hire_wants_candidates_in_what_the_user_hires_for_and_not_recruiters() -> None:
    candidate = fit("hire", "Senior Backend Engineer", "", "Open to work.")
    assert candidate.reasons[0].startswith("Looking for a role: says 'open to work'")
    assert "Works in engineering, which you hire for" in candidate.reasons[1]
    assert fit("hire", "Softwareentwickler", "", "", {"Ziele": "Suche eine neue Stelle"}).score >= 8
    recruiter = fit("hire", "Technical Recruiter", "TalentBridge Recruitment", "",
                    {"What are you looking for?": "Backend engineers and data scientists"})
    assert recruiter.reasons == ["A recruiter: looks for candidates, is not one "
                                 "(Technical Recruiter at TalentBridge Recruitment) (−8)"]
    assert fit("hire", "Talent Acquisition Partner", "PeopleFirst Staffing").score < 0
    assert fit("hire", "Marketing Manager", "", "Open to work.").score < candidate.score  # not what is hired for


def test_client_decides_or_buys_in_the_users_industries() -> None:
    buyer = fit("client", "Head of Procurement", "Nordic Freight AS", "", {"What are you looking for?": "Suppliers"})
    assert buyer.reasons[:3] == ["In logistics, which you sell to: 'freight' in the company (+3)",
                                 "Buys: Head of Procurement at Nordic Freight AS (+3)",
                                 "Decides: Head of Procurement at Nordic Freight AS (+2)"]
    assert fit("client", "Geschäftsführer", "Vogel Spedition GmbH").score >= 5
    assert fit("client", "Responsabile acquisti", "Supermercati Lombardi").score >= 8
    seller = fit("client", "Account Executive", "RouteIQ", "We sell fleet software to logistics companies.",
                 {"What are you looking for?": "Selling to retailers"})
    assert seller.score < 2 and any(r.startswith("Sells rather than buys") for r in seller.reasons)
    assert fit("client", "Retired COO", "", "Retired COO of a retail chain").score < 2


def test_the_offer_says_which_functions_are_served() -> None:
    retail_it = PlanContext(industries=("retail",), offer="point of sale software for IT teams of retailers")
    planner = fit("client", "Head of Supply Chain", "ShopWell Stores", context=LOGISTICS)
    assert "Works in supply chain, which your offer serves (+2)" in planner.reasons
    assert "Works in supply chain, which your offer serves (+2)" not in fit(
        "client", "Head of Supply Chain", "ShopWell Stores", context=retail_it).reasons


def test_hr_buys_when_the_offer_serves_hr_and_only_a_deciding_rank_counts_fully() -> None:
    care = PlanContext(industries=("healthcare",), offer="staff scheduling and time-tracking software for hospitals")
    director = fit("client", "Diretora de Recursos Humanos", "Hospital de Braga", context=care)
    assert "Works in HR, which your offer serves (+2)" in director.reasons
    assert not any(r.startswith("An HR role, not a buyer") for r in director.reasons)
    hrbp = fit("client", "HR Business Partner", "Klinikum West", context=care)
    assert any(r.startswith("Works in HR, which your offer serves, but names no rank that decides (+1)")
               for r in hrbp.reasons) and hrbp.score < director.score
    assert any(r.startswith("An HR role, not a buyer") for r in fit("client", "HR Director", "Nordic Freight AS").reasons)


def test_partner_is_partnerships_not_an_hr_business_partner_or_a_law_firm_partner() -> None:
    bd = fit("partner", "Head of Partnerships", "FleetData", "Telematics for fleets.",
             {"What are you looking for?": "Integration partners"})
    assert bd.reasons[0] == "Builds partnerships: Head of Partnerships at FleetData (+5)" and bd.score >= 8
    assert fit("partner", "Gestor de Parcerias", "IndustriaCloud").score >= 5
    hrbp = fit("partner", "HR Business Partner", "Freightline Group")
    assert hrbp.score < 0 and hrbp.reasons[0].startswith("Not partnerships: an HR business partner")
    assert fit("partner", "Partner", "Van Dijk & Bos Advocaten").reasons[0].startswith(
        "Partner as in owner of a law firm, not partnerships")
    assert fit("partner", "Partner", "Harborlight Ventures").score < 0


def test_own_goal_is_read_like_a_person() -> None:
    press = PlanContext(goal_name="Press", goal_description="journalists and editors who cover logistics")
    ranked = rank_attendees([{"name": "Eve", "title": "Redakteurin", "company": "Logistik Heute"},
                             {"name": "Bob", "title": "CTO", "company": "X"}], "press", press)
    assert ranked[0].attendee["name"] == "Eve"
    assert ranked[0].fit.reasons[0].startswith("Works in the press, as your goal says")


def test_answers_that_describe_the_person_are_read_as_their_bio() -> None:
    growth = fit("investor", "Principal", "Alpenblick Partners", "",
                 {"What do you do?": "Growth fund, healthcare IT.", "What are you hoping to get out of this event?": "Founders"})
    assert growth.score >= 5 and growth.reasons[0].startswith("Invests: Principal at Alpenblick Partners, a venture fund")
    founder = fit("investor", "CEO", "Pflegeplan GmbH", "", {"What are you looking for?": "Venture capital funds"})
    assert founder.reading is not None and "venture_fund" not in founder.reading.org_kinds  # sought, not who they are
    assert founder.score <= 0


def test_the_json_form_keeps_its_fields_and_adds_the_reading() -> None:
    [ranked] = rank_attendees([{"name": "Ada", "title": "Angel investor", "company": "", "email": "a@x.example"}],
                              "investor")
    data = ranked.to_dict()
    assert {"name", "title", "company", "email", "score", "reasons"} <= set(data)
    assert data["reading"]["organisation"] == ["angel"] and data["evidence"][0]["points"] == 6
