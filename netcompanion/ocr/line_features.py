"""Features of one card text line for the line-role model (see line_roles.py).

Each feature is a number that holds for any card: the line's size and position relative to the
card's other lines, its letter case, digits and punctuation, hits in the shipped word lists
(names, places, legal forms, job titles, organisation words), how well it spells the e-mail's
local part or the domain, and what its neighbours look like.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import lexicon
from . import parse_address as pa
from . import parse_names as pn
from .layout import Line
from .line_cues import is_repeated, is_stacked

FEATURE_NAMES: tuple[str, ...] = (
    "rel_size", "tallest", "second_tallest", "top", "left", "n_words", "upper_share",
    "capitalised_share", "digit_share", "punct_share", "given_share", "family_share",
    "place_share", "legal_form", "org_score", "title_score", "name_shape", "email_match",
    "domain_match", "tagline", "repeated", "title_next", "name_next", "recogniser_score",
    "address_score", "initials", "taller_than_next", "alone_in_block", "has_digit",
)


@dataclass
class CardContext:
    """What the features of one line need to know about the rest of the card."""

    lines: list[Line]  # every line of the card
    free: list[Line]  # the lines no contact, phone or address took
    locals_: list[str]  # e-mail local parts
    domains: list[str]  # e-mail and website domain words


def _neighbours(line: Line, ctx: CardContext) -> list[Line]:
    return [o for o in ctx.free if o is not line
            and (abs(o.idx - line.idx) == 1 or is_stacked(line, o))]


def line_features(line: Line, ctx: CardContext) -> list[float]:
    """The feature vector of ``line`` (in the order of :data:`FEATURE_NAMES`)."""
    text = line.text
    letters = [c for c in text if c.isalpha()]
    words = text.split()
    n_letters = max(len(letters), 1)
    n_chars = max(len(text.replace(" ", "")), 1)
    bottom = max((o.box[3] for o in ctx.lines), default=1) or 1
    right = max((o.box[2] for o in ctx.lines), default=1) or 1
    near = _neighbours(line, ctx)
    em = pn.email_name_match(text, ctx.locals_)
    return [
        min(line.rel_size, 4.0),
        float(line.size_rank == 0),
        float(line.size_rank == 1),
        line.top / bottom,
        line.left / right,
        min(len(words), 10) / 10.0,
        sum(c.isupper() for c in letters) / n_letters,
        sum(w[:1].isupper() for w in words) / max(len(words), 1),
        sum(c.isdigit() for c in text) / n_chars,
        sum(not c.isalnum() for c in text.replace(" ", "")) / n_chars,
        lexicon.given_share(text),
        lexicon.family_share(text),
        lexicon.place_share(text),
        float(lexicon.has_legal_form(text) or pn.legal_form(text)),
        pn.org_score(text),
        pn.title_score(text),
        pn.name_shape(text),
        em,
        pn.company_from_domain(text, ctx.domains),
        float(pn.tagline_like(text)),
        float(is_repeated(line, ctx.lines)),
        max((pn.title_score(o.text) for o in near), default=0.0),
        max((pn.name_shape(o.text) for o in near), default=0.0),
        line.score,
        min(pa.address_score(text), 3.0),
        float(bool(re.search(r"\b[A-Z]\.", text))),
        float(any(line.height > 1.2 * o.height for o in near)),
        float(not any(o is not line and o.block == line.block for o in ctx.lines)),
        float(bool(re.search(r"\d", text))),
    ]
