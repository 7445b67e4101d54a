"""Country names (in several languages) and their ISO 3166 codes: one table for the card reader
(`ocr`) and for the contacts' addresses (`core`). A leaf: it imports nothing of the app."""
from __future__ import annotations

import re
import unicodedata

COUNTRIES = {
    "united states": "US", "usa": "US", "u.s.a": "US", "united kingdom": "GB", "uk": "GB",
    "england": "GB", "scotland": "GB", "great britain": "GB", "germany": "DE", "deutschland": "DE",
    "france": "FR", "spain": "ES", "españa": "ES", "espana": "ES", "portugal": "PT",
    "italy": "IT", "italia": "IT", "netherlands": "NL", "the netherlands": "NL",
    "nederland": "NL", "holland": "NL", "belgium": "BE", "belgique": "BE", "belgië": "BE",
    "switzerland": "CH", "schweiz": "CH", "suisse": "CH", "svizzera": "CH", "austria": "AT",
    "österreich": "AT", "osterreich": "AT", "sweden": "SE", "sverige": "SE", "norway": "NO",
    "norge": "NO", "denmark": "DK", "danmark": "DK", "finland": "FI", "suomi": "FI",
    "ireland": "IE", "poland": "PL", "polska": "PL", "czech republic": "CZ", "czechia": "CZ",
    "canada": "CA", "mexico": "MX", "méxico": "MX", "brazil": "BR", "brasil": "BR",
    "argentina": "AR", "chile": "CL", "colombia": "CO", "peru": "PE", "perú": "PE",
    "india": "IN", "pakistan": "PK", "bangladesh": "BD", "sri lanka": "LK", "nepal": "NP",
    "china": "CN", "japan": "JP", "korea": "KR", "south korea": "KR", "singapore": "SG",
    "malaysia": "MY", "indonesia": "ID", "philippines": "PH", "thailand": "TH", "vietnam": "VN",
    "australia": "AU", "new zealand": "NZ", "south africa": "ZA", "nigeria": "NG",
    "kenya": "KE", "egypt": "EG", "uae": "AE", "united arab emirates": "AE", "dubai": "AE",
    "saudi arabia": "SA", "israel": "IL", "turkey": "TR", "türkiye": "TR", "greece": "GR",
    "romania": "RO", "hungary": "HU", "russia": "RU", "ukraine": "UA", "luxembourg": "LU",
    "hong kong": "HK", "taiwan": "TW", "qatar": "QA",
}

# names in the languages of the address books we read, and ISO codes, for the country of an address
_MORE = {
    "norwegen": "NO", "norvège": "NO", "noruega": "NO", "norvegia": "NO", "noorwegen": "NO", "norwegia": "NO",
    "allemagne": "DE", "alemania": "DE", "germania": "DE", "duitsland": "DE", "niemcy": "DE",
    "frankreich": "FR", "francia": "FR", "frankrijk": "FR", "francja": "FR", "spanien": "ES", "espagne": "ES",
    "italien": "IT", "italie": "IT", "niederlande": "NL", "pays-bas": "NL", "países bajos": "NL",
    "vereinigte staaten": "US", "états-unis": "US", "estados unidos": "US", "stati uniti": "US",
    "royaume-uni": "GB", "reino unido": "GB", "regno unito": "GB", "vereinigtes königreich": "GB",
    "schweden": "SE", "suède": "SE", "suecia": "SE", "dänemark": "DK", "danemark": "DK",
    "finnland": "FI", "finlande": "FI", "polen": "PL", "pologne": "PL", "russland": "RU", "russie": "RU",
    "россия": "RU", "украина": "UA", "беларусь": "BY", "belarus": "BY", "казахстан": "KZ", "kazakhstan": "KZ",
    "中国": "CN", "中华人民共和国": "CN", "日本": "JP", "대한민국": "KR", "한국": "KR", "香港": "HK", "台灣": "TW",
    "台湾": "TW", "brasilien": "BR", "brésil": "BR", "mexiko": "MX", "mexique": "MX", "japon": "JP",
    "japón": "JP", "giappone": "JP", "chine": "CN", "türkei": "TR", "turquie": "TR", "turquía": "TR",
    "schottland": "GB", "irland": "IE", "irlande": "IE", "österrike": "AT", "autriche": "AT",
    "suiza": "CH", "svizzera": "CH", "belgien": "BE", "portugal": "PT", "griechenland": "GR", "grèce": "GR",
    "iceland": "IS", "ísland": "IS", "island": "IS", "estonia": "EE", "eesti": "EE", "latvia": "LV",
    "lithuania": "LT", "slovakia": "SK", "slovenia": "SI", "croatia": "HR", "serbia": "RS", "bulgaria": "BG",
}


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_BY_FOLDED = {_fold(name): code for name, code in {**COUNTRIES, **_MORE}.items()}


def country_code(text: str, known_codes: frozenset[str] | set[str] = frozenset()) -> str:
    """The ISO code of a country named by `text` ("Norway", "Norge", "NO" when `known_codes` has
    it), or "" when it names none."""
    folded = " ".join(_fold(text).replace(".", " ").split()).strip(" ,")
    if not folded:
        return ""
    if len(folded) == 2 and folded.upper() in known_codes:
        return folded.upper()
    return _BY_FOLDED.get(folded, "") or _BY_FOLDED.get(folded.replace(" ", "."), "")


def country_of_address(address: str, known_codes: frozenset[str] | set[str] = frozenset()) -> str:
    """The country an address written on one or more lines ends with ("..., 0150 Oslo, Norway"), or ""."""
    parts = [p for p in re.split(r"[,\n]", address) if p.strip()]
    return country_code(parts[-1], known_codes) if len(parts) > 1 else ""
