"""Postal addresses: street words in many languages, postal codes, countries; multi-line."""
from __future__ import annotations

import re
import unicodedata
from functools import cache

from netcompanion.countries import COUNTRIES

# street and address words (English, German, Dutch, French, Spanish, Portuguese, Italian, Nordic,
# Indian English); matched on folded text as whole words or as word endings where marked
STREET_WORDS = {
    "street", "st", "road", "rd", "avenue", "ave", "av", "avda", "boulevard", "blvd", "bd",
    "lane", "ln", "drive", "dr", "way", "court", "ct", "place", "pl", "square", "sq", "parkway",
    "pkwy", "highway", "hwy", "terrace", "crescent", "close", "circle", "row", "walk", "suite",
    "ste", "floor", "fl", "building", "bldg", "tower", "unit", "box", "po", "p.o", "apt",
    "strasse", "straße", "str", "weg", "platz", "allee", "gasse", "ring", "damm", "ufer",
    "chaussee", "markt", "stock", "og",
    "straat", "laan", "gracht", "plein", "kade", "singel", "dijk", "steeg",
    "rue", "chemin", "impasse", "allée", "quai", "cours", "route", "cedex", "bp",
    "calle", "c", "carrera", "cra", "plaza", "paseo", "pso", "camino", "ronda", "travesia",
    "piso", "planta", "edificio", "ctra", "carretera",
    "rua", "avenida", "praça", "praca", "travessa", "largo", "estrada", "rodovia", "andar",
    "sala", "conjunto", "bairro", "alameda",
    "via", "viale", "piazza", "corso", "vicolo", "strada", "piazzale",
    "gatan", "gata", "gade", "vej", "veien", "gate", "katu", "tie",
    "nagar", "marg", "colony", "sector", "phase", "plot", "opp", "near", "behind", "beside",
    "dist", "district", "taluk", "mandal", "post", "main", "cross", "layout", "complex",
    "estate", "industrial", "chowk", "bazar", "bazaar", "mohalla", "muhallah", "town", "city",
    "door", "flat", "house", "no", "block", "wing", "mall", "park", "centre", "center",
    "campus", "hall", "office",
    "bulevar", "ulica", "ul", "trg", "cesta", "put", "bb", "ulitsa", "prospekt", "gil", "ro",
    "gu", "dong", "si", "chome", "cep", "cx", "caixa",
}
# strong words: a line with one of these and a number is an address line
STRONG_STREET = {
    "street", "st", "road", "rd", "avenue", "ave", "av", "boulevard", "blvd", "lane", "drive",
    "way", "suite", "ste", "floor", "strasse", "straße", "str", "weg", "platz", "allee", "gasse",
    "straat", "laan", "gracht", "plein", "kade", "rue", "chemin", "quai", "calle", "carrera",
    "plaza", "paseo", "rua", "avenida", "praça", "via", "viale", "piazza", "corso", "nagar",
    "marg", "sector", "plot", "opp", "box", "cedex", "hwy", "highway", "pkwy", "parkway",
    "bldg", "building", "piso", "andar", "door", "court", "place", "square", "terrace",
    "crescent", "circle", "close", "vía", "estrada", "travessa", "colony", "bazar",
    "bulevar", "ulica", "trg", "cesta", "prospekt", "gil", "ro", "cep", "bb",
}
# landmark words of addresses in India, Pakistan, the Middle East ("Opp. City Mall")
LANDMARK_WORDS = {"opp", "opposite", "near", "beside", "behind", "nr", "adjacent", "landmark"}
STREET_SUFFIXES = ("strasse", "straße", "str.", "weg", "platz", "allee", "gasse", "straat",
                   "laan", "gracht", "plein", "gatan", "vej", "veien", "katu", "damm", "ring")

BR_STATES = ("AC AL AP AM BA CE DF ES GO MA MT MS MG PA PB PR PE PI RJ RN RS RO RR SC SP SE "
             "TO").split()
US_STATES = set("AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT "
                "NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY".split())
CA_PROVINCES = set("AB BC MB NB NL NS NT NU ON PE QC SK YT".split())
AU_STATES = {"NSW", "VIC", "QLD", "WA", "SA", "TAS", "ACT", "NT"}
IN_STATES = {"telangana", "andhra pradesh", "tamil nadu", "karnataka", "kerala", "maharashtra",
             "gujarat", "rajasthan", "punjab", "haryana", "uttar pradesh", "west bengal",
             "madhya pradesh", "bihar", "odisha", "uttarakhand", "goa", "delhi", "new delhi",
             "mumbai", "chennai", "bengaluru", "bangalore", "hyderabad", "kolkata", "pune",
             "ahmedabad", "surat", "jaipur", "lucknow", "kanpur", "nagpur", "indore", "thane",
             "bhopal", "visakhapatnam", "vijayawada", "patna", "vadodara", "ghaziabad",
             "ludhiana", "agra", "nashik", "coimbatore", "madurai", "kochi", "cochin",
             "thiruvananthapuram", "trivandrum", "mysore", "mysuru", "noida", "gurgaon",
             "gurugram", "chandigarh", "dehradun", "guwahati", "bhubaneswar", "ranchi",
             "raipur", "jharkhand", "chhattisgarh", "assam", "himachal pradesh", "secunderabad",
             "warangal", "karimnagar", "guntur", "nellore", "tirupati", "salem", "trichy",
             "tiruchirappalli", "mangalore", "mangaluru", "hubli", "belgaum", "kottayam",
             "kozhikode", "calicut", "thrissur", "amritsar", "jalandhar", "varanasi",
             "allahabad", "prayagraj", "meerut", "aurangabad", "rajkot", "jodhpur", "udaipur"}

_LABEL = re.compile(r"^\s*(?:address|addr|add|adr|adresse|anschrift|dirección|direccion|"
                    r"endereço|endereco|indirizzo|adres|office|regd\.?\s*off(?:ice)?\.?|"
                    r"head\s*office|h\.?o\.?|branch|a)\s*[:;.\-|]\s*", re.I)

POSTCODE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("US", re.compile(r"\b([A-Z]{2})\s+\d{5}(?:-\d{4})?\b")),
    ("CA", re.compile(r"\b[A-Z]\d[A-Z]\s?\d[A-Z]\d\b")),
    ("GB", re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b")),
    ("NL", re.compile(r"\b\d{4}\s?[A-Z]{2}\b")),
    ("BR", re.compile(r"\b\d{5}-\d{3}\b")),
    ("IN", re.compile(r"(?:[-–]\s*|\b)\d{3}\s?\d{3}\b")),
    ("XX", re.compile(r"\b(?:[A-Z]{1,2}-)?\d{4,5}\b")),
]


def fold(text: str) -> str:
    """Lower-case ASCII-ish form for matching words."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return text.casefold()


def strip_label(text: str) -> str:
    """Drop an 'Address:' style label at the start of a line."""
    return _LABEL.sub("", text, count=1).strip(" ,;|")


# countries' own names for themselves that phonenumbers' lists (below) do not carry
ENDONYMS = {
    "crna gora": "ME", "srbija": "RS", "hrvatska": "HR", "slovenija": "SI",
    "bosna i hercegovina": "BA", "shqiperia": "AL", "severna makedonija": "MK", "cesko": "CZ",
    "ceska republika": "CZ", "slovensko": "SK", "magyarorszag": "HU", "romania": "RO",
    "eire": "IE", "island": "IS", "eesti": "EE", "latvija": "LV", "lietuva": "LT",
    "hellas": "GR", "ellada": "GR", "rossiya": "RU", "ukraina": "UA", "nippon": "JP",
    "hanguk": "KR", "zhongguo": "CN", "al imarat": "AE", "misr": "EG",
}
US_STATE_NAMES = {"georgia", "jersey", "washington", "virginia", "california", "texas"}
def _norm_name(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^a-z. ]+", " ", fold(text))).strip()


@cache
def all_countries() -> dict[str, str]:
    """Folded country name -> ISO region: :data:`COUNTRIES`, :data:`ENDONYMS` and the names
    in seven languages of the shipped list (data/country_regions.txt); names that are also
    people's names in the shipped lists, or US states, are left out ("Jordan", "Georgia")."""
    from .lexicon import country_regions, word_list

    people = word_list("given_names") | word_list("family_names")
    out = {n: r for n, r in country_regions().items()
           if n not in people and n not in US_STATE_NAMES}
    for table in (ENDONYMS, COUNTRIES):
        out.update({_norm_name(k): v for k, v in table.items()})
    return out


@cache
def _country_re() -> re.Pattern[str]:
    names = sorted(all_countries(), key=len, reverse=True)
    return re.compile(r"(?<![a-z])(" + "|".join(re.escape(n) for n in names) + r")(?![a-z])")


def countries_named(text: str) -> list[tuple[str, str]]:
    """(folded name, region) of every country the text names."""
    table = all_countries()
    return [(m.group(1), table[m.group(1)]) for m in _country_re().finditer(_norm_name(text))]


def country_of(text: str) -> str | None:
    """The ISO region named in the text (country names in several languages), or None."""
    hits = countries_named(text)
    return max(hits, key=lambda h: len(h[0]))[1] if hits else None


def region_hint(text: str) -> str | None:
    """A region guessed from address shape: 'City, ST 12345' -> US, 'K1A 0B1' -> CA, states."""
    for m in re.finditer(r",\s*([A-Z]{2})\s+(\d{5}(?:-\d{4})?)\b", text):
        if m.group(1) in US_STATES:
            return "US"
    if re.search(r"\b(?:" + "|".join(CA_PROVINCES) + r")\s+[A-Z]\d[A-Z]\s?\d[A-Z]\d\b", text):
        return "CA"
    if re.search(r"\b(?:" + "|".join(AU_STATES) + r")\s+\d{4}\b", text):
        return "AU"
    if re.search(r"\bCEP:?\s*\d{5}-?\d{3}\b", text):
        return "BR"
    br = re.search(r"^(.*[A-Za-zÀ-ÿ])\s*[-/]\s*(?:" + "|".join(BR_STATES) + r")\.?\s*$", text)
    if br:  # "Centro - Rio de Janeiro - RJ": a city of the lists, then its state
        from .lexicon import place_share

        if place_share(br.group(1).split(" - ")[-1]) > 0:
            return "BR"
    f = fold(text)
    if any(re.search(r"\b" + s + r"\b", f) for s in IN_STATES):
        return "IN"
    if re.search(r"[A-Za-z.]\s*-\s*\d{3}\s?\d{3}\b", text):  # "Chennai - 600 034" PIN code
        return "IN"
    return None


def address_score(text: str) -> float:
    """How much a line looks like part of a postal address (0 = not at all)."""
    t = strip_label(text)
    f = fold(t)
    words = re.findall(r"[a-z0-9.]+", f)
    wordset = {w.strip(".") for w in words}
    has_num = bool(re.search(r"\d", t)) or "bb" in wordset  # "bb": no number (Balkans)
    score = 0.0
    # a line of country names only ("USA, UK, CANADA") ends an address but never starts one
    rest = _country_re().sub(" ", _norm_name(t)) + " ".join(re.findall(r"\d", t))
    if not re.search(r"[a-z0-9]", rest):
        return 0.4
    if wordset & LANDMARK_WORDS:
        score += 0.5
    strong = wordset & {fold(w) for w in STRONG_STREET}
    weak = wordset & {fold(w) for w in STREET_WORDS}
    if any(w.endswith(tuple(fold(s) for s in STREET_SUFFIXES)) and len(w) > 6 for w in wordset):
        strong = strong | {"suffix"}
    if strong:
        score += 1.5 if has_num else 0.8
    elif weak:
        score += 0.4 if has_num else 0.2
    if country_of(t):
        score += 1.2
    if region_hint(t):
        score += 1.2
    for code, pat in POSTCODE_PATTERNS:
        if pat.search(t):
            score += {"XX": 0.6, "IN": 0.9}.get(code, 1.2)
            break
    # "262 Baker Street", "24, SIDCO ...", door numbers "3/1, Main Road", "12-4-56, Lane"
    if re.match(r"^\s*\d+(?:[/-]\d+)*[A-Za-z]?\s*[,/]?\s+[A-Za-z]", t):
        score += 0.5
    # an Indian house number ("6-3-200/B/5", "H.No. 1-9-630/1", "D.No. 56-3-10/2") anywhere
    elif re.search(r"(?<![\d/-])\d{1,3}(?:-\d{1,4}){2,3}(?:/[A-Za-z0-9]{1,3})+(?![\w/-])|"
                   r"\b(?:H|D|Door|Flat|Plot)\.?\s*No\.?\s*:?\s*\d", t, re.I):
        score += 0.8
    if t != text.strip():  # had an address label
        score += 1.0
    if "," in t and has_num:
        score += 0.2
    return score


def repair_digits(text: str) -> str:
    """O -> 0 and I/l -> 1 inside tokens that are mostly digits ('9O247', 'I7084-8603')."""
    def fix(m: re.Match[str]) -> str:
        tok = m.group(0)
        digits = sum(c.isdigit() for c in tok)
        if digits and digits >= 0.5 * sum(c.isalnum() for c in tok):
            tok = tok.replace("O", "0").replace("o", "0").replace("I", "1").replace("l", "1")
            return tok.replace("S", "5") if len(tok) >= 5 else tok
        return tok
    return re.sub(r"[0-9OolIS][0-9OolIS-]*[0-9OolIS]", fix, text)


def join_address(parts: list[str]) -> str:
    """Join address lines with ', ' (labels and separators cleaned)."""
    out = []
    for p in parts:
        p = strip_label(p)
        p = re.sub(r"\s*\|\s*", ", ", p)
        p = re.sub(r"\s{2,}", ", ", p)
        p = p.strip(" ,;")
        if p:
            out.append(p)
    text = ", ".join(out)
    text = re.sub(r",\s*,", ",", text)
    return re.sub(r"\s+", " ", text).strip()
