"""Planning before an event: ranking attendees by fit with the event's goal, and recognising a
planned target in a scanned card.

Pure functions. A goal's *keyword profile* maps folded keywords (or phrases) to weights; an
attendee scores the weight of every keyword found in its title, company or bio (a keyword counts
once, in the field where it weighs most), and every score comes with its reasons.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from netcompanion.core.rules.introductions import keywords
from netcompanion.core.search import fold

# how much a keyword found in each field counts
FIELD_WEIGHTS = {"title": 1.0, "company": 0.7, "bio": 0.5}

DEFAULT_PROFILES: dict[str, dict[str, float]] = {
    "investor": {
        "general partner": 4, "managing partner": 4, "partner": 3, "principal": 3, "fund": 3, "capital": 3,
        "ventures": 3, "vc": 3, "angel": 3, "invest": 3, "family office": 3, "associate": 1, "seed": 1,
        "series a": 1, "portfolio": 1, "accelerator": 1, "limited partner": 2,
    },
    "client": {
        "ceo": 2, "cto": 2, "coo": 2, "cfo": 2, "cio": 2, "chief": 2, "owner": 2, "founder": 1, "head of": 2,
        "vp": 2, "vice president": 2, "director": 2, "procurement": 3, "purchasing": 3, "buyer": 2,
        "operations": 1, "manager": 1,
    },
    "mentor": {
        "founder": 2, "chair": 2, "board": 2, "ceo": 2, "chief": 2, "senior": 1, "principal": 1, "former": 1,
        "advisor": 3, "adviser": 3, "mentor": 3, "coach": 2, "executive": 1, "professor": 2, "veteran": 2,
    },
    "partner": {
        "partnerships": 3, "alliances": 3, "business development": 3, "bd": 2, "integrations": 2, "channel": 2,
        "ecosystem": 2, "marketplace": 1, "reseller": 2, "platform": 1, "api": 1,
    },
    "hire": {
        "engineer": 2, "developer": 2, "designer": 2, "scientist": 2, "analyst": 1, "looking for": 2,
        "open to": 2, "freelance": 2, "candidate": 2, "graduate": 1, "student": 1, "seeking": 2, "researcher": 1,
    },
}
INDUSTRY_WEIGHT = 2.0  # each of the user's target industries, for the client goal


def default_profile(goal_key: str, goal_name: str = "", goal_description: str = "") -> dict[str, float]:
    """The built-in profile of a goal; for a goal of the user's own, the words of its name and description."""
    if goal_key in DEFAULT_PROFILES:
        return dict(DEFAULT_PROFILES[goal_key])
    words = {w[:-1] if w.endswith("s") and len(w) > 4 else w for w in keywords(f"{goal_name} {goal_description}")}
    return {w: 2.0 for w in sorted(words)}


def effective_profile(goal_key: str, stored: dict[str, dict[str, float]], industries: list[str],
                      goal_name: str = "", goal_description: str = "") -> dict[str, float]:
    """The profile used for ranking: the user's own when stored, else the default; the client goal
    adds the user's target industries."""
    profile = dict(stored.get(goal_key) or default_profile(goal_key, goal_name, goal_description))
    if goal_key == "client":
        for industry in industries:
            profile.setdefault(fold(industry), INDUSTRY_WEIGHT)
    return profile


_SUFFIXES = {"", "s", "es", "or", "ors", "er", "ers", "ing", "ment", "ments", "ed", "al"}


def _contains(words: list[str], keyword: str) -> bool:
    """Keyword (folded) in the folded words: phrases as a run of words, short keywords exactly,
    longer ones with a grammatical ending ('invest' finds 'investor' and 'investments', but
    'partner' does not find 'partnerships')."""
    parts = keyword.split()
    if len(parts) > 1:
        return any(words[i:i + len(parts)] == parts for i in range(len(words) - len(parts) + 1))
    if len(keyword) < 4:
        return keyword in words
    return any(word.startswith(keyword) and word[len(keyword):] in _SUFFIXES for word in words)


@dataclass
class Fit:
    """How well one attendee fits the goal: a score and the reasons that make it up."""

    score: float
    reasons: list[str] = field(default_factory=list)


def score_attendee(attendee: dict[str, Any], profile: dict[str, float]) -> Fit:
    """The fit of one attendee row (keys title, company, bio) with a keyword profile."""
    fields = {name: fold(str(attendee.get(name) or "")).split() for name in FIELD_WEIGHTS}
    total, reasons, matched = 0.0, [], []
    for keyword, weight in sorted(profile.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0])):
        if any(keyword in phrase.split() for phrase in matched):
            continue  # 'partner' adds nothing once 'general partner' counted
        hits = [(weight * FIELD_WEIGHTS[name], name) for name, words in fields.items() if _contains(words, keyword)]
        if hits:
            matched.append(keyword)
            points, where = max(hits)
            total += points
            reasons.append(f"{where} mentions '{keyword}' (+{points:g})")
    return Fit(round(total, 2), reasons)


@dataclass
class RankedAttendee:
    """One attendee with its fit, and the existing contact it is when it is one."""

    attendee: dict[str, Any]
    fit: Fit
    contact_id: int | None = None
    contact_tier: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON form (documented in the README)."""
        return {
            "name": self.attendee.get("name", ""), "title": self.attendee.get("title", ""),
            "company": self.attendee.get("company", ""), "email": self.attendee.get("email", ""),
            "score": self.fit.score, "reasons": list(self.fit.reasons),
            "contact_id": self.contact_id, "contact_tier": self.contact_tier,
        }


def rank_attendees(attendees: list[dict[str, Any]], profile: dict[str, float]) -> list[RankedAttendee]:
    """Attendees by fit, best first (ties by name)."""
    ranked = [RankedAttendee(a, score_attendee(a, profile)) for a in attendees]
    ranked.sort(key=lambda r: (-r.fit.score, fold(str(r.attendee.get("name") or ""))))
    return ranked


NAME_MATCH = 88  # rapidfuzz token_sort_ratio for the same person's name
COMPANY_MATCH = 80
NAME_ONLY_MATCH = 95  # when either company is unknown


def _name_words(name: str) -> str:
    """A folded name without initials ('Jane Q. Doe' -> 'jane doe')."""
    return " ".join(word for word in fold(name).replace(".", " ").split() if len(word) > 1)


def same_person(name_a: str, company_a: str, name_b: str, company_b: str,
                email_a: str = "", email_b: str = "") -> bool:
    """Whether a card and a planned target (or attendee) are the same person: the same e-mail, or a
    close name and a close company (a very close name when a company is missing)."""
    if email_a and email_b and email_a.strip().lower() == email_b.strip().lower():
        return True
    name_score = fuzz.token_sort_ratio(_name_words(name_a), _name_words(name_b))
    if not fold(company_a) or not fold(company_b):
        return name_score >= NAME_ONLY_MATCH
    return name_score >= NAME_MATCH and fuzz.token_set_ratio(fold(company_a), fold(company_b)) >= COMPANY_MATCH
