"""Suggesting introductions: when one contact *offers* what another *needs*.

The words of every `offers` and `needs` text are compared with rapidfuzz (so that 'payment'
meets 'payments' and 'optimisation' meets 'optimization'); the vocabularies are compared once,
not the contacts pairwise, so it stays fast on a large network.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz, process

from netcompanion.core.search import fold

WORD_MATCH = 85  # rapidfuzz ratio for two words to count as the same
STOPWORDS = frozenset("""
a an and are as at be but by for from has have in into is it its of on or our out so that the their them
they this to up we what when who with you your new nothing particular anything something someone people
about more most other some any all looking need needs want wants help like just very also
team teams role roles company companies business experience
""".split())


def keywords(text: str) -> list[str]:
    """The meaningful folded words of a text, each once, in order."""
    seen: dict[str, None] = {}
    for word in fold(text).replace(".", " ").split():
        if len(word) >= 3 and word not in STOPWORDS and not word.isdigit():
            seen.setdefault(word, None)
    return list(seen)


@dataclass(frozen=True)
class Person:
    """What the matcher needs of a contact."""

    id: int
    name: str
    offers: str
    needs: str
    company: str = ""


@dataclass
class IntroSuggestion:
    """`offerer` offers what `needer` needs; `words` are the matching words (offer word ~ need word)."""

    offerer: Person
    needer: Person
    words: list[str] = field(default_factory=list)
    score: float = 0.0

    @property
    def pair(self) -> tuple[int, int]:
        return pair_key(self.offerer.id, self.needer.id)

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON form (documented in the README)."""
        return {
            "offerer": {"id": self.offerer.id, "name": self.offerer.name, "offers": self.offerer.offers},
            "needer": {"id": self.needer.id, "name": self.needer.name, "needs": self.needer.needs},
            "words": list(self.words), "score": round(self.score, 2),
        }


def pair_key(a: int, b: int) -> tuple[int, int]:
    """Two contacts in a fixed order, whoever offers."""
    return (a, b) if a < b else (b, a)


def suggest_introductions(people: list[Person], *, exclude: set[tuple[int, int]] | None = None,
                          limit: int = 20) -> list[IntroSuggestion]:
    """The best introductions among `people`, at most one per pair, leaving out `exclude`d pairs
    (already suggested, made or declined) and people of the same company."""
    exclude = exclude or set()
    offered: dict[str, set[int]] = defaultdict(set)
    needed: dict[str, set[int]] = defaultdict(set)
    for person in people:
        for word in keywords(person.offers):
            offered[word].add(person.id)
        for word in keywords(person.needs):
            needed[word].add(person.id)
    if not offered or not needed:
        return []
    offer_words, need_words = list(offered), list(needed)
    scores = process.cdist(offer_words, need_words, scorer=fuzz.ratio, score_cutoff=WORD_MATCH, workers=1)
    by_id = {p.id: p for p in people}
    found: dict[tuple[int, int], IntroSuggestion] = {}
    for i, j in zip(*scores.nonzero(), strict=True):
        offer_word, need_word = offer_words[i], need_words[j]
        label = offer_word if offer_word == need_word else f"{offer_word} ~ {need_word}"
        for giver in offered[offer_word]:
            for taker in needed[need_word]:
                a, b = by_id[giver], by_id[taker]
                if giver == taker or pair_key(giver, taker) in exclude or (
                        a.company and fold(a.company) == fold(b.company)):
                    continue
                suggestion = found.setdefault((giver, taker), IntroSuggestion(a, b))
                if label not in suggestion.words:
                    suggestion.words.append(label)
                    suggestion.score += float(scores[i, j]) / 100
    best: dict[tuple[int, int], IntroSuggestion] = {}
    for suggestion in found.values():  # one direction per pair: the stronger one
        current = best.get(suggestion.pair)
        if current is None or suggestion.score > current.score:
            best[suggestion.pair] = suggestion
    ranked = sorted(best.values(), key=lambda s: (-s.score, s.offerer.name, s.needer.name))
    for suggestion in ranked:
        suggestion.words.sort()
    return ranked[:limit]
