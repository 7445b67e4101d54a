"""Word lists that hold for any card: given and family names, legal forms, countries (with their
regions), cities.

The lists are package data (netcompanion/ocr/data/, see SOURCES.md there), read once on first
use and kept as frozen sets of folded (lower-case ASCII) entries; no network is involved.
"""
from __future__ import annotations

import re
import unicodedata
from functools import cache
from importlib import resources

LISTS = ("given_names", "family_names", "legal_forms", "countries", "cities")


@cache
def word_list(name: str) -> frozenset[str]:
    """The entries of one shipped list (``name`` is one of :data:`LISTS`)."""
    if name not in LISTS:
        raise KeyError(name)
    text = resources.files("netcompanion.ocr").joinpath("data", f"{name}.txt").read_text("utf-8")
    return frozenset(line for line in text.splitlines() if line)


@cache
def country_regions() -> dict[str, str]:
    """Folded country name (seven languages) -> ISO region, from data/country_regions.txt."""
    text = resources.files("netcompanion.ocr").joinpath("data", "country_regions.txt") \
        .read_text("utf-8")
    out: dict[str, str] = {}
    for line in text.splitlines():
        name, _, region = line.partition("\t")
        if name and region:
            out.setdefault(name, region)
    return out


@cache
def place_names() -> frozenset[str]:
    """City and country names together."""
    return word_list("cities") | word_list("countries")


def fold(text: str) -> str:
    """Lower-case ASCII with accents dropped (the lists' own folding)."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()
    return re.sub(r"\s+", " ", text).strip()


def name_words(text: str) -> list[str]:
    """The letter runs of ``text`` of two letters or more, folded ("K.V.S. Dass" -> ["dass"])."""
    return [w for w in re.findall(r"[a-z']+", fold(text)) if len(w) >= 2]


def given_share(text: str) -> float:
    """Share of the line's words that are known given names."""
    ws = name_words(text)
    return sum(w in word_list("given_names") for w in ws) / len(ws) if ws else 0.0


def family_share(text: str) -> float:
    """Share of the line's words that are known family names."""
    ws = name_words(text)
    return sum(w in word_list("family_names") for w in ws) / len(ws) if ws else 0.0


def place_share(text: str) -> float:
    """Share of the line's words that belong to a known city or country name."""
    ws = name_words(text)
    if not ws:
        return 0.0
    places = place_names()
    hit = [False] * len(ws)
    for n in (3, 2, 1):  # "new york city", "hong kong", "berlin"
        for i in range(len(ws) - n + 1):
            if " ".join(ws[i:i + n]) in places:
                hit[i:i + n] = [True] * n
    return sum(hit) / len(ws)


def has_legal_form(text: str) -> bool:
    """True if the line ends in a legal form of some country after at least one other word."""
    words = fold(text).replace(",", " ").split()
    forms = word_list("legal_forms")
    for k in (3, 2, 1):
        piece = " ".join(words[-k:]).strip("()[]")
        if len(words) > k and (piece in forms or piece.rstrip(".") in forms):
            return True
    return False
