"""Person names, job titles and company names: word lists in several languages plus layout cues."""
from __future__ import annotations

import re
import unicodedata
from functools import cache

from nameparser import HumanName

HONORIFICS = {
    "dr", "prof", "professor", "mr", "mrs", "ms", "miss", "mx", "sir", "dame", "herr", "frau",
    "hr", "fr", "mme", "mlle", "sr", "sra", "srta", "don", "doña", "dra", "eng", "ing",
    "dipl", "dipl.-ing", "mag", "univ", "adv", "er", "shri", "sri", "smt", "capt", "col", "hon",
    "rev", "ca", "cs", "md", "mohd",
}
POST_NOMINALS = {
    "phd", "ph.d", "mba", "md", "m.d", "cfa", "cpa", "esq", "jr", "sr", "ii", "iii", "iv", "msc",
    "m.sc", "bsc", "b.sc", "ba", "ma", "m.a", "mphil", "llm", "ll.m", "llb", "dds", "rn", "pe",
    "pmp", "cfp", "acca", "fca", "aca", "frcs", "mrcp", "hons", "dee", "be", "b.e", "btech",
    "b.tech", "mtech", "m.tech", "meng", "beng", "dba", "edd", "mpa", "mph", "frics", "ceng",
    "cissp", "bcom", "mcom", "mca", "bca", "m.com", "b.com",
    "dipl.-ing", "dipl.-kfm", "dipl.-kffr", "dipl.-inf", "dipl.-oec", "dipl.-psych", "dr.-ing",
    "mag", "ing", "lic", "licda", "lcdo", "bacharel", "eng.",
}
# job-title words (English, German, French, Spanish, Portuguese, Italian, Dutch)
TITLE_WORDS = {
    "ceo", "cto", "cfo", "coo", "cmo", "cio", "cso", "cpo", "vp", "svp", "evp", "avp", "md",
    "president", "vice", "director", "manager", "head", "lead", "leader", "chief", "officer",
    "founder", "co-founder", "cofounder", "owner", "partner", "associate", "assistant",
    "engineer", "developer", "designer", "architect", "consultant", "advisor", "adviser",
    "analyst", "specialist", "executive", "representative", "rep", "coordinator",
    "administrator", "admin", "accountant", "attorney", "lawyer", "counsel", "solicitor",
    "professor", "lecturer", "researcher", "scientist", "doctor", "physician", "nurse",
    "surgeon", "dentist", "teacher", "instructor", "trainer", "coach", "agent", "broker",
    "realtor", "sales", "marketing", "proprietor", "propritor", "chairman", "chairperson",
    "chair", "secretary", "treasurer", "superintendent", "supervisor", "principal",
    "intern", "student", "fellow", "editor", "writer", "journalist", "photographer", "artist",
    "producer", "programmer", "technician", "operator", "planner", "strategist", "buyer",
    "procurement", "recruiter", "controller", "auditor", "investor", "trustee", "member",
    "senator", "mayor", "minister", "ambassador", "commissioner", "inspector", "manager-sales", "mg", "gm", "dgm",
    "agm", "ceo/founder", "sr.", "senior", "junior",
    "staff", "team", "rider", "stylist", "chef", "shopper", "receptionist", "clerk",
    "geschäftsführer", "geschaftsfuhrer", "geschäftsführerin", "leiter", "leiterin",
    "vertriebsleiter", "inhaber", "inhaberin", "berater", "beraterin", "ingenieur",
    "ingenieurin", "entwickler", "entwicklerin", "vorstand", "prokurist", "referent",
    "referentin", "sachbearbeiter", "mitarbeiter", "projektleiter", "abteilungsleiter",
    "vertrieb", "verkauf", "einkauf", "gründer", "grunder", "direktor", "direktorin",
    "directeur", "directrice", "gérant", "gerant", "gérante", "responsable", "ingénieur",
    "chargé", "chargée", "conseiller", "conseillère", "commercial", "commerciale", "président", "présidente",
    "fondateur", "fondatrice", "associé", "associée", "avocat",
    "avocate", "comptable", "délégué", "technicien",
    "directora", "gerente", "jefe", "jefa", "presidente", "fundador", "fundadora",
    "socio", "socia", "asesor", "asesora", "ingeniero", "ingeniera", "abogado", "abogada",
    "consultor", "consultora", "coordinador", "coordinadora", "ejecutivo", "ejecutiva",
    "comercial", "vendedor", "vendedora", "administrador", "administradora", "contador",
    "diretor", "diretora", "engenheiro", "engenheira", "sócio", "sócia", "advogado",
    "advogada", "gestor", "gestora", "analista", "coordenador", "coordenadora", "executivo",
    "executiva", "representante", "supervisora", "amministratore", "direttore", "direttrice",
    "responsabile", "ingegnere", "avvocato", "titolare", "eigenaar", "adviseur", "medewerker", "bedrijfsleider", "oprichter",
}
# more roles and trades in the seven languages; words that are also given or family names in
# the shipped lists (Driver, Banker, Foreman, Kaufmann ...) are left out: they would take names
TITLE_WORDS |= {
    "candidate", "mechanic", "electrician", "plumber", "pharmacist", "therapist",
    "psychologist", "veterinarian", "paralegal", "notary", "cashier", "pilot", "librarian",
    "counsellor", "counselor", "advocate", "surveyor", "estimator", "registrar", "postdoc",
    "postdoctoral", "scholar", "volunteer", "evangelist", "deputy", "concierge", "dietitian",
    "nutritionist", "optician", "optometrist", "radiologist", "cardiologist", "orthodontist",
    "pediatrician", "paediatrician", "midwife", "paramedic", "chemist", "physicist",
    "biologist", "geologist", "economist", "statistician", "actuary", "underwriter",
    "appraiser", "valuer", "auctioneer", "jeweller", "hairdresser", "beautician", "translator",
    "interpreter", "facilitator", "moderator", "presenter", "reporter", "correspondent",
    "columnist", "musician", "actress", "animator", "illustrator", "videographer",
    "cinematographer", "copywriter", "publisher", "proprietress", "curator", "gesellschafter",
    "gesellschafterin", "prokuristin", "kauffrau", "steuerberater", "steuerberaterin",
    "rechtsanwalt", "rechtsanwältin", "notar", "notarin", "arzt", "ärztin", "zahnarzt",
    "zahnärztin", "apotheker", "apothekerin", "architekt", "architektin", "dozent", "dozentin",
    "lehrer", "lehrerin", "verkäufer", "verkäuferin", "kundenberater", "kundenberaterin",
    "betriebsleiter", "filialleiter", "filialleiterin", "teamleiter", "teamleiterin",
    "vorsitzender", "vorsitzende", "präsident", "präsidentin", "bereichsleiter",
    "bereichsleiterin", "gebietsleiter", "niederlassungsleiter", "assistentin", "sekretärin",
    "notaire", "médecin", "pharmacien", "pharmacienne", "architecte", "gestionnaire", "vendeur",
    "vendeuse", "adjoint", "adjointe", "secrétaire", "assistante", "stagiaire", "experte",
    "ingénieure", "technicienne", "déléguée", "attaché", "attachée", "administrateur",
    "administratrice", "médico", "médica", "arquitecto", "arquitecta", "contadora", "auxiliar",
    "asistente", "técnico", "técnica", "especialista", "propietario", "propietaria",
    "encargado", "encargada", "arquiteto", "arquiteta", "proprietário", "proprietária",
    "assistente", "corretor", "corretora", "encarregado", "consulente", "architetto",
    "commercialista", "geometra", "ragioniere", "tecnico", "venditore", "dottore", "dottoressa",
    "impiegato", "impiegata", "vennoot", "accountmanager", "verkoper", "verkoopster",
    "projectleider", "teamleider", "hoofd", "voorzitter", "secretaris", "penningmeester",
    "advocaat", "notaris", "tandarts", "ontwerper", "consulent",
}
# and in Central and South-East European languages
TITLE_WORDS |= {
    "menadžer", "menadzer", "menedżer", "kierownik", "dyrektor", "prezes", "inženjer",
    "inżynier", "ředitel", "jednatel", "vedoucí", "igazgató", "ügyvezető", "direktorica",
    "rukovodilac", "savjetnik", "savetnik", "voditelj", "voditeljica",
}
LEGAL_FORMS = [
    "gmbh", "gmbh & co. kg", "ag", "kg", "ohg", "ug", "e.k", "e.v", "inc", "inc.", "llc", "l.l.c",
    "ltd", "ltd.", "limited", "plc", "llp", "lp", "corp", "corporation", "co.", "company",
    "b.v", "bv", "n.v", "nv", "vof", "s.a", "sa", "s.a.s", "sas", "sarl", "s.a.r.l", "eurl",
    "sasu", "s.l", "sl", "s.l.u", "s.coop", "lda", "ltda", "s.p.a", "spa", "s.r.l", "srl",
    "pvt", "pvt.", "private", "pty", "pty.", "ab", "as", "a/s", "aps", "oy", "oyj", "kk",
    "k.k", "sdn", "bhd", "pte", "group", "holding", "holdings", "gbr", "partg", "mbb",
]
ORG_WORDS = {
    "university", "universität", "universidad", "universidade", "université", "università",
    "college", "school", "institute", "institut", "instituto", "academy", "hospital", "clinic",
    "bank", "foundation", "association", "society", "agency", "ministry", "department",
    "studio", "labs", "lab", "laboratories", "technologies", "technology", "tech", "solutions",
    "systems", "services", "consulting", "consultancy", "partners", "ventures", "capital",
    "industries", "international", "global", "enterprises", "enterprise", "trading", "traders",
    "logistics", "software", "media", "design", "hotel", "hotels", "restaurant", "printers",
    "printing", "associates", "architects", "motors", "electronics", "pharma", "biotech",
    "health", "healthcare", "medicine", "energy", "network", "networks", "communications",
    "ads", "store", "shop", "center", "centre", "farms", "works", "exports", "imports",
    "packers", "movers", "marketing", "finance", "financial", "insurance", "realty", "estate",
    "construction", "builders", "developers", "group", "gruppe", "groupe", "grupo",
    "productions", "production", "repair", "repairs", "fitness", "salon", "pharmacy", "bakery",
    "cafe", "café", "wines", "foods", "auto", "automobiles", "garage", "jewellers", "jewelers",
    "textiles", "garments", "stores", "mart", "emporium", "agencies", "electricals",
    "plumbing", "photography", "events", "travels", "tours", "education", "educational",
    "tutorials", "coaching", "sales", "stationers", "hospitality", "resort", "resorts",
    "gesellschaft", "werk", "werke", "bau", "handel", "versicherung", "bureau", "cabinet",
    "société", "societe", "atelier", "boutique", "agence", "empresa", "tienda", "taller",
    "construcciones", "inmobiliaria", "comércio", "comercio", "loja", "construtora",
    "imobiliária", "imobiliaria", "fabrik", "praxis", "kanzlei", "verlag", "stiftung",
}
# more organisation words: public bodies, trades and shop kinds in the seven languages (and
# Indian English); words that are also given or family names in the shipped lists (Council,
# Board, Chamber ...) are left out: they would take names
ORG_WORDS |= {
    "commissionerate", "directorate", "authority", "commission", "municipality", "municipal",
    "government", "govt", "secretariat", "tribunal", "police", "embassy", "consulate",
    "federation", "cooperative", "co-operative", "samiti", "sangh", "parishad", "trust",
    "mission", "museum", "library", "observatory", "organisation", "organization",
    "corporation", "polytechnic", "schools", "kindergarten", "seminary", "conservatory",
    "faculty", "laboratory", "workshop", "clinics", "hospitals", "dispensary", "diagnostics",
    "nursing", "infotech", "infosolutions", "infosystems", "infotek", "softech", "softtech",
    "engineers", "engineering", "contractors", "consultants", "distributors", "dealers",
    "suppliers", "manufacturers", "exporters", "importers", "wholesale", "retail", "brokers",
    "broking", "securities", "investments", "assurance", "leasing", "rentals", "transport",
    "transports", "travel", "cargo", "couriers", "shipping", "freight", "airlines", "cars",
    "bikes", "tyres", "constructions", "projects", "infrastructure", "infra", "properties",
    "interiors", "furnishers", "furniture", "decorators", "fabrics", "textile", "industry",
    "chemicals", "plastics", "polymers", "steels", "metals", "papers", "prints", "publications",
    "publishers", "publishing", "books", "stationery", "computers", "mobiles", "telecom",
    "digital", "studios", "films", "pictures", "entertainment", "crafts", "handicrafts",
    "collections", "fashions", "creations", "jewellery", "jewels", "gems", "diamonds",
    "opticals", "optics", "sweets", "caterers", "catering", "dhaba", "restaurants", "pub",
    "bistro", "lounge", "inn", "residency", "suites", "spa", "gmbh", "werkstatt", "zentrum",
    "klinikum", "schule", "hochschule", "akademie", "kammer", "verband", "verein", "amt",
    "behörde", "genossenschaft", "apotheke", "buchhandlung", "bäckerei", "metzgerei", "mairie",
    "préfecture", "chambre", "fédération", "mutuelle", "pharmacie", "librairie", "boulangerie",
    "école", "lycée", "clinique", "hôpital", "banque", "assurances", "ayuntamiento", "consejo",
    "federación", "asociación", "fundación", "colegio", "escuela", "clínica", "farmacia",
    "librería", "panadería", "banco", "seguros", "prefeitura", "conselho", "federação",
    "associação", "fundação", "escola", "farmácia", "livraria", "padaria", "seguradora",
    "comune", "consiglio", "camera", "federazione", "associazione", "fondazione", "scuola",
    "clinica", "ospedale", "libreria", "panificio", "banca", "assicurazioni", "gemeente",
    "raad", "kamer", "federatie", "vereniging", "stichting", "kliniek", "ziekenhuis",
    "apotheek", "boekhandel", "bakkerij", "verzekeringen",
}
# firms' trade words in the other six languages
ORG_WORDS |= {
    "beratung", "conseil", "consulenza", "consultoria", "consultores", "engenharia",
    "ingegneria", "ingénierie", "ingenieria", "tecnologia", "tecnologias", "techniek",
    "installatie", "installaties", "costruzioni", "arredamenti", "immobilier", "immobilien",
    "immobiliare", "treuhand", "logistik", "logistica", "logística", "maschinenbau", "advies",
    "bouw", "transportes", "trasporti", "asesores", "asesoría", "asesoria", "abogados",
    "rechtsanwälte", "steuerberatung", "notariat", "imóveis", "invest", "investimentos",
    "inversiones", "investimenti", "distribuidora", "distribuzione", "handelsgesellschaft",
    "elektro", "elektrotechnik", "sanitär", "dienstleistungen", "servicios", "serviços",
    "servizi", "soluciones", "soluções", "soluzioni", "sistemas", "sistemi", "systeme",
}
CONNECTORS = {"and", "of", "the", "for", "&", "und", "et", "y", "e", "de", "du", "des", "la",
              "le", "van", "von", "der", "den", "da", "do", "dos", "das", "di", "del", "bin",
              "al", "el", "ten", "ter", "zu", "st", "st."}
NAME_PARTICLES = {"van", "von", "der", "den", "de", "da", "do", "dos", "das", "di", "del", "della",
                  "la", "le", "du", "bin", "ibn", "al", "el", "ten", "ter", "zu", "mac", "st"}


def fold(text: str) -> str:
    """Lower-case ASCII form for word matching."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()


def tokens(text: str) -> list[str]:
    """Words of the line (letters, digits, '.', '-', apostrophes, '&', '/')."""
    return re.findall(r"[\w.&'/-]+", text)


def _norm_word(w: str) -> str:
    return fold(w).strip(".,;:()'\"")


@cache
def _folded_title_words() -> frozenset[str]:
    return frozenset(fold(t) for t in TITLE_WORDS)


@cache
def _folded_dept_words() -> frozenset[str]:
    return frozenset(fold(t) for t in DEPT_WORDS)


@cache
def _undotted_post_nominals() -> frozenset[str]:
    return frozenset(x.replace(".", "") for x in POST_NOMINALS)


def has_title_word(text: str) -> bool:
    """True if the line contains a job-title word."""
    ws = [_norm_word(w) for w in re.split(r"[\s,/&()|-]+", text) if w]
    folded = _folded_title_words()
    return any(w in folded for w in ws if w)


# department words: part of many titles ("Sales Manager") but alone they name a unit or shop
DEPT_WORDS = {"sales", "marketing", "procurement", "vertrieb", "verkauf", "einkauf", "commercial",
              "commerciale", "comercial", "finance", "team", "staff", "member", "senior",
              "junior", "sr.", "vice", "associate", "assistant"}


# a slogan speaks to the reader ("Your partner for growth", "Votre partenaire"): no title
SLOGAN_OPENERS = {"your", "our", "we", "you", "votre", "vos", "notre", "nos", "nous", "vous",
                  "ihr", "ihre", "unser", "unsere", "wir", "sie", "su", "sus", "nuestro",
                  "nuestra", "nuestros", "seu", "sua", "nosso", "nossa", "il vostro", "vostro",
                  "vostra", "nostro", "nostra", "uw", "onze", "wij", "jouw"}
# endings of German and Dutch compound titles ("Vertriebsleiterin", "Projektmanagerin")
TITLE_ENDINGS = ("leiter", "leiterin", "berater", "beraterin", "führer", "führerin", "fuhrer",
                 "fuhrerin", "managerin", "ingenieur", "ingenieurin", "referent", "referentin",
                 "direktor", "direktorin", "assistent", "assistentin", "entwickler",
                 "entwicklerin", "techniker", "technikerin", "kaufmann", "kauffrau",
                 "beauftragter", "beauftragte", "vorstand", "leider", "adviseur", "directeur",
                 "medewerker", "manager", "consultant", "engineer", "specialist", "spezialist",
                 "spezialistin")


def _title_word(w: str, folded: frozenset[str]) -> bool:
    parts = [w] + w.split("-")
    if any(p in folded for p in parts):
        return True
    return len(w) >= 9 and any(w.endswith(fold(e)) and len(w) - len(e) >= 4 for e in TITLE_ENDINGS)


def title_score(text: str) -> float:
    """How much the line looks like a job title."""
    ws = [_norm_word(w) for w in re.split(r"[\s,/&()|]+", text) if w]
    ws = [w for w in ws if w]
    if not ws or len(ws) > 12 or re.search(r"\d{3}", text) or "@" in text or \
            ws[0] in SLOGAN_OPENERS:
        return 0.0
    folded = _folded_title_words()
    dept = _folded_dept_words()
    hits = 0.0
    for w in ws:
        if _title_word(w, folded):
            hits += 0.3 if w in dept else 1.0
    if not hits:
        return 0.0
    return min(1.0, 0.25 + 0.25 * hits + (0.25 if hits >= 1 else 0.0)) - \
        (0.3 if len(ws) > 7 else 0.0)


def legal_form(text: str) -> bool:
    """True if the line ends in a company legal form such as GmbH, Inc., Ltd., S.A."""
    text = " ".join(text.replace(",", " ").split()[-3:])  # the form closes the name
    f = " " + re.sub(r"[,]", " ", fold(text)) + " "
    for lf in LEGAL_FORMS:
        if len(lf) <= 2 and lf not in ("ag", "ab", "as", "sa", "bv", "nv", "kg", "sl", "lp", "kk",
                                       "ug", "oy"):
            continue
        pat = r"(?<=[\s(])" + re.escape(lf).replace(r"\.", r"\.?") + r"\.?(?=[\s),])"
        if re.search(pat, f):
            if len(lf) <= 2:
                # two-letter forms only at the end of the line, after a capitalised word
                if not re.search(r"[A-Za-z].*\s" + re.escape(lf) + r"\.?\s*$", fold(text)):
                    continue
            return True
    return False


SUBUNIT_WORDS = {"department", "dept", "division", "faculty", "abteilung", "fachbereich",
                 "département", "departement", "departamento", "dipartimento", "section",
                 "unit", "office", "desk"}


def is_subunit(text: str) -> bool:
    """The line names a department or division ("Department of Civil Engineering")."""
    return any(_norm_word(w) in SUBUNIT_WORDS for w in text.split()[:2])


def org_score(text: str) -> float:
    """How much the line looks like an organisation name (a department of one scores low)."""
    ws = [_norm_word(w) for w in text.split()]
    s = 0.0
    if legal_form(text):
        s += 1.5
    if any(is_org_word(w) for w in ws):
        s += 0.7
    if any(w in SUBUNIT_WORDS for w in ws[:2]):
        s -= 0.6
    return s


@cache
def _folded_org_words() -> frozenset[str]:
    return frozenset(fold(w) for w in ORG_WORDS)


def is_org_word(w: str) -> bool:
    """``w`` (folded) is an organisation word, also in the plural ("Constructions")."""
    org = _folded_org_words()
    return w in org or (len(w) > 5 and w.endswith("s") and w[:-1] in org)


def _dotted(tok: str) -> bool:
    """'F.I.E', 'M.Tech', 'Ph.D': letters in dotted pieces, at most one longer than a letter."""
    pieces = [x for x in tok.split(".") if x]
    return "." in tok and len(pieces) >= 2 and all(x.isalpha() and len(x) <= 5 for x in pieces) \
        and sum(len(x) > 1 for x in pieces) <= 1


def is_degree_line(text: str) -> bool:
    """The line lists degrees and memberships ("M.Tech., F.I.E., M.B.A., Ph.D.",
    "B.E.,M.Tech. (Structures)"): post-nominals and dotted abbreviations, nothing else."""
    t = re.sub(r"\([^)]*\)", " ", text)
    toks = [x.strip(".,;:()[]") for x in re.split(r"[\s,;]+", t)]
    toks = [x for x in toks if x]
    if not toks:
        return False
    listed = sum(1 for x in toks if fold(x) in POST_NOMINALS
                 or fold(x).replace(".", "") in _undotted_post_nominals())
    if len(toks) == 1:
        return listed == 1 and "." in text
    known = sum(1 for x in toks if fold(x) in POST_NOMINALS
                or fold(x).replace(".", "") in _undotted_post_nominals() or _dotted(x))
    short_caps = sum(1 for x in toks if x.isupper() and x.isalpha() and len(x) <= 4)
    return listed >= 1 and known >= 2 and known + short_caps == len(toks)


def drop_degree_tail(title: str) -> str:
    """'Managing Director B.E. Civil' -> 'Managing Director': degrees printed after the title on
    its line (from the first listed post-nominal after a title word on)."""
    words = title.split()
    for i, w in enumerate(words[1:], 1):
        k = fold(w).strip(".,;:()")
        if (k in POST_NOMINALS or k.replace(".", "") in _undotted_post_nominals()) and \
                "." in w and has_title_word(" ".join(words[:i])):
            return " ".join(words[:i]).rstrip(" ,;-")
    return title


def split_glued_name(text: str) -> str:
    """'Sunil.Kotta' -> 'Sunil Kotta', 'D.K.Umak' -> 'D.K. Umak': name words the recogniser
    joined with a dot (degrees such as 'M.Tech' or 'Ph.D' stay as they are)."""
    if "@" in text or re.search(r"(?i)www|\.(?:com|org|net)\b", text) or \
            (len(text.split()) > 1 and is_degree_line(text)):
        return text

    def initials(m: re.Match[str]) -> str:
        word = m.group(2)
        if fold(m.group(0)).replace(".", "") in _undotted_post_nominals():
            return m.group(0)
        return f"{m.group(1)} {word}"

    text = re.sub(r"\b([A-Z][a-z]{2,})\.([A-Z][a-z]{2,})\b", r"\1 \2", text)
    return re.sub(r"\b((?:[A-Z]\.){1,3})([A-Z][a-z]{2,})\b", initials, text)


def split_camel(text: str) -> str:
    """'TomasBerg' -> 'Tomas Berg' (words the recogniser glued), keeping McDonald, MacLeod,
    DeLuca, LaSalle."""
    def fix(m: re.Match[str]) -> str:
        w = m.group(0)
        if re.match(r"^(?:Mc|Mac|De|Di|Da|La|Le|Van|Von|Du|St)[A-Z]", w):
            return w
        return re.sub(r"(?<=[a-zà-ÿ]{2})(?=[A-ZÀ-Þ][a-zà-ÿ]{2})", " ", w)
    return re.sub(r"\b[A-ZÀ-Þ][a-zà-ÿ]+[A-ZÀ-Þ][a-zà-ÿ]+\b", fix, text)


def strip_name_decorations(text: str) -> str:
    """Remove honorifics (Dr., Prof.) and post-nominals (PhD, MBA) from a name line."""
    t = re.sub(r"\s*[,|]\s*", " , ", split_camel(text.strip()))
    parts = [p for p in t.split() if p]
    out: list[str] = []
    for p in parts:
        w = fold(p).strip(".,()")
        if p == ",":
            continue
        if not out and w.rstrip(".") in HONORIFICS and (p.endswith(".") or len(parts) > 2):
            continue  # leading honorific
        if w in POST_NOMINALS or w.replace(".", "") in _undotted_post_nominals():
            if out:  # a post-nominal after at least one name word
                continue
        out.append(p)
    # post-nominals written as a list of initials after a comma ("M.A., DEE.") are gone already
    return " ".join(out).strip(" ,")


def name_shape(text: str) -> float:
    """How much the line looks like a person's name by shape alone (0..1)."""
    t = strip_name_decorations(text)
    if not t or re.search(r"[\d@/:+=_|#]", t) or is_degree_line(t):
        return 0.0
    words = t.split()
    if not 1 <= len(words) <= 5:
        return 0.0
    caps = 0
    for w in words:
        core = w.strip(".,'-")
        if not core:
            return 0.0
        if not re.fullmatch(r"[^\W\d_]+(?:[.'-][^\W\d_]*)*\.?", w.strip(",")):
            return 0.0
        if core[0].isupper():
            caps += 1
        elif fold(core) not in NAME_PARTICLES:
            return 0.0
    fw = [_norm_word(w) for w in words]
    if any(w in _folded_title_words() for w in fw):
        return 0.0
    if any(is_org_word(w) for w in fw) or legal_form(t):
        return 0.0
    if any(w in {"and", "&", "und", "et", "of", "for", "the", "with", "your", "our", "we",
                 "mobile", "phone", "tel", "fax", "cell", "email", "mail", "web", "website",
                 "office", "address", "contact", "www", "call", "visit"}
           for w in fw):
        return 0.0
    s = 0.4
    if 2 <= len(words) <= 3:
        s += 0.4
    elif len(words) == 4:
        s += 0.2
    else:
        s -= 0.1 if len(words) == 1 else 0.2
    # initials like "R." or "K.V.S." are typical of names
    if any(re.fullmatch(r"(?:[A-Z]\.)+[A-Z]?\.?", w) for w in words):
        s += 0.1
    return max(0.0, min(1.0, s))


def email_name_match(text: str, locals_: list[str]) -> float:
    """How well the name's words match an e-mail local part (jane.doe@, jdoe@, doe.j@)."""
    words = [re.sub(r"[^a-z]", "", fold(w)) for w in strip_name_decorations(text).split()]
    words = [w for w in words if len(w) >= 2]
    if not words:
        return 0.0
    best = 0.0
    for loc in locals_:
        loc = re.sub(r"[^a-z]", "", fold(loc))
        if not loc:
            continue
        hit = sum(1 for w in words if w in loc)
        if hit >= 2 or (hit == 1 and len(words) == 1):
            best = max(best, 1.0)
        elif hit == 1:
            best = max(best, 0.7)
        elif len(words) >= 2 and (loc.startswith(words[0][0] + words[-1]) or
                                  loc.startswith(words[0] + words[-1][0])):
            best = max(best, 0.9)
    return best


def pretty_name(text: str) -> str:
    """A name as it should be stored: decorations stripped, ALL CAPS turned to Title Case."""
    t = strip_name_decorations(text)
    letters = [c for c in t if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) > 3:
        hn = HumanName(t)
        hn.capitalize(force=True)
        s = str(hn).strip()
        if s and len(s.split()) == len(t.split()):
            return s
        return " ".join(w.capitalize() if len(w) > 2 else w for w in t.split())
    return t


def split_name(full: str) -> tuple[str, str]:
    """(given, family) of a full name with nameparser."""
    if not full:
        return "", ""
    hn = HumanName(full)
    given = " ".join(p for p in (hn.first, hn.middle) if p).strip()
    family = hn.last.strip()
    if not family and given and " " not in given:
        return given, ""
    return given, family


def company_from_domain(text: str, domains: list[str]) -> float:
    """How well a line matches a card domain (``Acme Robotics`` ~ ``acme-robotics.de``)."""
    if not domains:
        return 0.0
    from rapidfuzz import fuzz

    squashed = re.sub(r"[^a-z0-9]", "", fold(text))
    if len(squashed) < 3:
        return 0.0
    best = 0.0
    for d in domains:
        d2 = re.sub(r"[^a-z0-9]", "", d)
        if len(d2) < 3:
            continue
        if d2 == squashed or (len(d2) >= 4 and d2 in squashed):
            best = max(best, 1.0)
        elif len(squashed) >= 4 and squashed in d2:
            best = max(best, 0.9)
        else:
            r = fuzz.partial_ratio(d2, squashed) / 100.0
            if r >= 0.8:
                best = max(best, r * 0.8)
            # the domain starts with the line's first word: "ACME DESIGNS" ~ acmeprints.com
            first = re.sub(r"[^a-z0-9]", "", fold(text.split()[0]))
            if len(first) >= 4 and d2.startswith(first) and len(text.split()) >= 2:
                best = max(best, 0.7)
    return best


def tagline_like(text: str) -> bool:
    """Slogans and service lists: long lowercase sentences, '!' or '...' or many words."""
    words = text.split()
    if text.rstrip().endswith(("!", "...", "…")):
        return True
    if len(words) >= 6:
        return True
    lower_words = sum(1 for w in words if w[:1].islower() and fold(w) not in CONNECTORS)
    return len(words) >= 3 and lower_words >= 2


def abbreviates(text: str, domains: list[str]) -> bool:
    """A card domain is made of the starts of the line's words, in order, each word giving at
    least one letter ("Tejaswi Info Innovations" ~ tejinfoinn, "National Remote Sensing Agency"
    ~ nrsa); connectors and a closing legal form may give none. Needs two or more words."""
    ws = [re.sub(r"[^a-z0-9]", "", fold(w)) for w in re.split(r"[\s,&/|-]+", text)]
    ws = [w for w in ws if w]
    if len(ws) < 2:
        return False
    optional = [w in CONNECTORS or legal_form("Name " + w) for w in ws]
    if sum(not o for o in optional) < 2:
        return False
    for d in domains:
        d = re.sub(r"[^a-z0-9]", "", d)
        if len(d) >= 3 and _prefix_cover(d, ws, optional):
            return True
    return False


def _prefix_cover(d: str, ws: list[str], optional: list[bool]) -> bool:
    """``d`` is the concatenation of a non-empty prefix of each non-optional word of ``ws``."""
    @cache
    def go(i: int, j: int) -> bool:  # d[i:] from ws[j:]
        if j == len(ws):
            return i == len(d)
        if optional[j] and go(i, j + 1):
            return True
        w = ws[j]
        k = 0
        while k < len(w) and i + k < len(d) and d[i + k] == w[k]:
            k += 1
            if go(i + k, j + 1):
                return True
        return False
    return go(0, 0)
