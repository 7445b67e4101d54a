"""Reading a person: seniority, function, kind of organisation and intents, in seven languages,
on invented people."""
from __future__ import annotations

import pytest

from netcompanion.core.rules.person_reading import answers_as_text, industry_labels, read_person, read_text_wants


@pytest.mark.parametrize(("title", "level"), [
    ("Board Member", "board"), ("Aufsichtsratsmitglied", "board"), ("Commissaris", "board"),
    ("Presidente del Consiglio di Amministrazione", "board"), ("Membro do Conselho de Administração", "board"),
    ("CEO & Co-founder", "c_level"), ("Geschäftsführer", "c_level"), ("Directeur général", "c_level"),
    ("Consejero delegado", "c_level"), ("Amministratore delegato", "c_level"), ("Eigenaar", "c_level"),
    ("General Partner", "partner"), ("Sócio", "partner"), ("Socia", "partner"), ("Associé", "partner"),
    ("VP Supply Chain", "vp"), ("Vizepräsident Vertrieb", "vp"),
    ("Directeur commercial", "director"), ("Directora Industrial", "director"), ("Direttrice della logistica", "director"),
    ("Head of Procurement", "head"), ("Hoofd Inkoop", "head"), ("Responsabile acquisti", "head"),
    ("Jefe de Planta", "head"), ("Leiterin Einkauf", "head"),
    ("Operations Manager", "manager"), ("Gerente de Operações", "manager"), ("Chef de projet marketing", "manager"),
    ("Senior Backend Engineer", "ic"), ("Ingeniero de firmware", "ic"),
    ("Student", "student"), ("Werkstudent Frontend", "student"), ("Neolaureata in Ingegneria", "student"),
    ("Recém-formado em Engenharia", "student"), ("PhD Candidate", "student"),
    ("Partnerin", "partner"), ("Pflegedirektor", "director"), ("Kaufmännische Direktorin", "director"),
    ("Einrichtungsleitung", "head"), ("Pflegedienstleiterin", "head"), ("Verkoopdirecteur", "director"),
])
def test_seniority(title: str, level: str) -> None:
    assert read_person(title).level == level


def test_no_rank_where_the_word_is_part_of_a_role() -> None:
    assert read_person("HR Business Partner").level == "ic"
    assert read_person("Partnerships Manager").level == "manager"


@pytest.mark.parametrize(("title", "bio", "level"), [
    ("Former CEO", "", "c_level"), ("Ex-COO", "", "c_level"), ("Voormalig CEO Kruidenier Nederland", "", "c_level"),
    ("Advisor", "Già COO di un'azienda di logistica.", "c_level"), ("Ancien PDG", "", "c_level"),
    ("Jubilado", "Director de planta retirado", "director"), ("Mentorin", "Ehemalige Vorständin", "c_level"),
])
def test_former_roles(title: str, bio: str, level: str) -> None:
    former = read_person(title, bio=bio).former
    assert former is not None and former.label == level


def test_retired_and_serial_founders() -> None:
    assert read_person("Retired COO").retired is not None
    assert read_person("Jubilada").retired is not None and read_person("Jubilada").former is None
    assert read_person("Advisor", bio="Serial entrepreneur, two exits.").serial_founder is not None
    assert read_person("Serienunternehmer").serial_founder is not None
    assert read_person("", bio="Oprichter van drie bedrijven").serial_founder is not None
    assert read_person("Founder & CEO").founder is not None and read_person("Founder & CEO").serial_founder is None
    assert read_person("Coach", bio="20 jaar ervaring").years == 20


@pytest.mark.parametrize(("title", "function"), [
    ("General Partner", "investing"), ("Beteiligungsmanager", "investing"), ("Chargée d'affaires", "investing"),
    ("Investor Relations Manager", "investor_relations"), ("Responsable de Relación con Inversores", "investor_relations"),
    ("Equity Research Analyst", "capital_markets"), ("Analista de mercado de capitais", "capital_markets"),
    ("Kapitalmarktanalyst", "capital_markets"), ("Fund Accountant", "fund_admin"), ("Comptable de fonds", "fund_admin"),
    ("Administrador de fondos", "fund_admin"), ("Softwareentwickler", "engineering"), ("Engenheiro de firmware", "engineering"),
    ("Chief Technology Officer", "engineering"), ("Data Scientist", "data"), ("Product Owner", "product"),
    ("UX Designer", "design"), ("Directeur commercial", "sales"), ("Account Executive", "sales"),
    ("Business Development Manager", "bizdev"), ("Responsable partenariats", "bizdev"), ("Gestor de Parcerias", "bizdev"),
    ("Head of Alliances", "bizdev"), ("Directeur des opérations", "operations"), ("Jefe de Planta", "operations"),
    ("Supply Chain Director", "supply_chain"), ("Direttrice della logistica", "supply_chain"),
    ("Einkaufsleiter", "procurement"), ("Responsabile acquisti", "procurement"), ("Hoofd Inkoop", "procurement"),
    ("Category Manager", "procurement"), ("HR Business Partner", "hr"), ("Talent Acquisition Partner", "hr"),
    ("Rechtsanwältin", "legal"), ("Advogada", "legal"), ("CFO", "finance"), ("Directrice financière", "finance"),
    ("Marketing Manager", "marketing"), ("PhD researcher", "research"), ("Professora catedrática", "research"),
    ("Executive coach", "coaching"), ("Mentora", "coaching"), ("Journalist", "press"), ("Jornalista", "press"),
    ("Redacteur", "press"), ("Workforce Planner", "hr"),
])
def test_function(title: str, function: str) -> None:
    assert function in read_person(title).functions


def test_investor_relations_is_not_investing_and_hr_partner_not_partnerships() -> None:
    ir = read_person("Investor Relations Manager")
    assert "investing" not in ir.functions
    hrbp = read_person("HR Business Partner")
    assert "bizdev" not in hrbp.functions


@pytest.mark.parametrize(("company", "bio", "kind"), [
    ("Noordzee Ventures", "", "venture_fund"), ("Alpen Kapital", "", "venture_fund"),
    ("Fondo Industria 4.0 FCR", "", "venture_fund"),
    ("SeedCircle Angels", "", "angel"), ("Italian Angels Syndicate", "", "angel"), ("Sala Family Office", "", "family_office"),
    ("", "Corporate venture arm of a logistics group", "corporate_venture"), ("Aceleradora Solar", "", "accelerator"),
    ("Incubateur Gourmet", "", "accelerator"), ("Banco Lusitano", "", "bank"), ("Kingsbridge Bank", "", "bank"),
    ("Van Dijk & Bos Advocaten", "", "law_firm"), ("Studio Legale Serra", "", "law_firm"), ("Hart & Morrow LLP", "", "law_firm"),
    ("Keystone Consulting", "", "consultancy"), ("Fernandes Consultoria", "", "consultancy"),
    ("Lehmann Unternehmensberatung", "", "consultancy"), ("Crest Fund Services", "", "fund_admin"),
    ("Iberfondos Administración de fondos", "", "fund_admin"), ("Tidewater Shipping plc", "", "listed"),
    ("Eólica Ibérica S.A.", "Compañía cotizada en bolsa", "listed"), ("Havenstad N.V.", "ons beursgenoteerde bedrijf", "listed"),
    ("Universidade do Porto", "", "university"), ("Politecnico di Milano", "", "university"),
    ("TalentBridge Recruitment", "", "recruiter"), ("TalentoTech Headhunters", "", "recruiter"),
    ("Ministerie van Economische Zaken", "", "public_body"), ("Ayuntamiento de Valencia", "", "public_body"),
    ("Freelance", "", "self_employed"), ("Self-employed", "", "self_employed"), ("Open to work", "", "open_to_work"),
])
def test_kind_of_organisation(company: str, bio: str, kind: str) -> None:
    assert kind in read_person("", company, bio).org_kinds


def test_a_fund_named_in_two_words_of_a_bio() -> None:
    assert "venture_fund" in read_person("Principal", "Alpenblick Partners", "Growth fund, B2B software.").org_kinds
    assert "venture_fund" in read_person("", "", "Gestiono un fondo de inversión en salud.").org_kinds


def test_an_offer_for_staff_scheduling_serves_hr() -> None:
    assert "hr" in read_text_wants("staff scheduling and time-tracking software for care homes").functions
    assert "hr" in read_text_wants("Dienstplan- und Zeiterfassungssoftware").functions


def test_a_fund_administrator_is_not_a_fund() -> None:
    kinds = read_person("Fund Accountant", "Lagune Fund Services").org_kinds
    assert "fund_admin" in kinds and "venture_fund" not in kinds


def test_one_word_in_a_bio_does_not_make_an_organisation() -> None:
    assert "accelerator" not in read_person("Board member", "", "Mentor bij een accelerator.").org_kinds


@pytest.mark.parametrize(("answers", "intent"), [
    ("We are hiring backend engineers", "hiring"), ("Estamos contratando", "hiring"),
    ("Looking for a new role", "job_seeking"), ("Open to work", "job_seeking"), ("Busco trabajo en IoT", "job_seeking"),
    ("Procuro emprego", "job_seeking"), ("Cerco il mio primo lavoro", "job_seeking"), ("Op zoek naar een baan", "job_seeking"),
    ("Suche eine neue Stelle", "job_seeking"), ("Je cherche un stage", "job_seeking"),
    ("Looking for industry jobs", "job_seeking"),
    ("Raising our seed round", "raising"), ("Buscamos inversores", "raising"), ("Nous levons notre tour d'amorçage", "raising"),
    ("Deal flow in climate tech", "investing"), ("Investir em startups", "investing"), ("Investeren", "investing"),
    ("Looking for suppliers of planning software", "buying"), ("Neue Lieferanten", "buying"), ("Novos fornecedores", "buying"),
    ("Selling route optimisation", "selling"), ("Nuevos clientes", "selling"),
    ("Integration partners", "partnering"), ("Partenariats", "partnering"), ("Kooperationen mit Softwareanbietern", "partnering"),
    ("Happy to mentor founders", "mentoring"), ("Mentorizar a emprendedores", "mentoring"),
    ("Help graag jonge ondernemers", "mentoring"),
    ("Learning about logistics tech", "learning"), ("Apprendre", "learning"),
    ("looking for Dienstplan-Software", "buying"), ("looking for Ferramentas de gestão", "buying"),
    ("Digitalisierung", "buying"), ("looking for neue Mandanten", "selling"), ("Ideen für die Personalplanung", "learning"),
])
def test_intents(answers: str, intent: str) -> None:
    assert intent in read_person(answers=answers).intents


def test_what_is_sought_decides_the_intent() -> None:
    assert set(read_person(answers="Looking for a mentor").intents) == {"learning"}
    assert set(read_person(answers="Busco un mentor").intents) == {"learning"}
    raising = read_person(answers="Looking for investors").intents
    assert "raising" in raising and "investing" not in raising
    assert "job_seeking" not in read_person(answers="Advising early-stage founders").intents


def test_the_answer_to_a_looking_for_question_is_what_is_sought() -> None:
    text = answers_as_text({"What are you looking for?": "Investors", "Dietary needs": "none"})
    assert text == "looking for Investors | none"
    assert "raising" in read_person(answers=text).intents
    assert "raising" not in read_person(answers=answers_as_text({"Company size": "Investors"})).intents


def test_software_sought_is_bought_and_software_engineers_are_hired() -> None:
    assert set(read_person(answers="looking for scheduling software").intents) == {"buying"}
    assert set(read_person(answers="looking for software engineers").intents) == {"hiring"}


def test_industries_in_every_language() -> None:
    for company in ("Spar Noord Supermarkten", "Supermercati Lombardi", "UrbanMart grocery", "Einzelhandel Nord"):
        assert "retail" in read_person("", company).industries, company
    for company in ("Parques Eólicos Levante", "Ventos do Norte Energia", "SolarLuso"):
        assert "energy" in read_person("", company).industries, company
    for company in ("Klinikum Süd", "Altenheim Rosengarten", "Casa di riposo Villa Serena", "Residencia de mayores Olivos",
                    "Verpleeghuis De Linde", "Reha-Klinik am See", "Clinique des Lilas", "Lar de Idosos Aurora"):
        assert "healthcare" in read_person("", company).industries, company
    assert set(industry_labels(["grocery", "Hafenbetrieb"])) == {"retail", "hafenbetrieb"}
