"""Planning before an event: ranking attendees by fit with the event's goal, and recognising a
planned target in a scanned card.

Pure functions. Each attendee is read as a person (`person_reading`) and fitted to the goal
(`goal_fit`), with the evidence for and against. A goal may also have a *keyword profile* (the
user's own words with weights, or the words of a goal of the user's own): a keyword found in the
title, company or bio adds its weight (once, in the field where it weighs most).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from rapidfuzz import fuzz

from netcompanion.core.rules.goal_fit import GOAL_RULES, Evidence, PlanContext, fit_goal
from netcompanion.core.rules.introductions import keywords
from netcompanion.core.rules.person_reading import PersonReading, answers_as_text, is_seeking_question, read_person
from netcompanion.core.search import fold

# how much a keyword found in each field counts
FIELD_WEIGHTS = {"title": 1.0, "company": 0.7, "bio": 0.5}


def default_profile(goal_key: str, goal_name: str = "", goal_description: str = "") -> dict[str, float]:
    """The keywords a goal ranks by besides the reading: none for a built-in goal; for a goal of
    the user's own, the words of its name and description."""
    if goal_key in GOAL_RULES:
        return {}
    words = {w[:-1] if w.endswith("s") and len(w) > 4 else w for w in keywords(f"{goal_name} {goal_description}")}
    return {w: 2.0 for w in sorted(words)}


def effective_profile(goal_key: str, stored: dict[str, dict[str, float]],
                      goal_name: str = "", goal_description: str = "") -> dict[str, float]:
    """The keyword profile used besides the reading: the user's own when stored, else the default."""
    return dict(stored.get(goal_key) or default_profile(goal_key, goal_name, goal_description))


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


def keyword_evidence(attendee: dict[str, Any], profile: dict[str, float]) -> list[Evidence]:
    """The weight of every keyword of `profile` found in the attendee's title, company or bio."""
    fields = {name: fold(str(attendee.get(name) or "")).split() for name in FIELD_WEIGHTS}
    evidence: list[Evidence] = []
    matched: list[str] = []
    for keyword, weight in sorted(profile.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0])):
        if any(keyword in phrase.split() for phrase in matched):
            continue  # 'partner' adds nothing once 'general partner' counted
        hits = [(weight * FIELD_WEIGHTS[name], name) for name, words in fields.items() if _contains(words, keyword)]
        if hits:
            matched.append(keyword)
            points, where = max(hits)
            evidence.append(Evidence(round(points, 2), f"The {where} mentions '{keyword}'"))
    return evidence


def read_attendee(attendee: dict[str, Any]) -> PersonReading:
    """The person an attendee row (keys title, company, bio, answers: question -> answer)
    describes. The bio is read without the answer lines the attendee reader added to it; the
    answers to questions other than "what are you looking for" ("What do you do?", "Tell us about
    yourself") describe the person and are read as their bio too."""
    answers = attendee.get("answers") or {}
    if not isinstance(answers, dict):
        answers = {"": str(answers)}
    answer_lines = {f"{question}: {answer}" for question, answer in answers.items()}
    bio_lines = [line for line in str(attendee.get("bio") or "").split("\n") if line not in answer_lines]
    bio_lines += [str(answer) for question, answer in answers.items()
                  if str(answer).strip() and not is_seeking_question(str(question))]
    bio = "\n".join(bio_lines)
    return read_person(str(attendee.get("title") or ""), str(attendee.get("company") or ""), bio,
                       answers_as_text({str(q): str(a) for q, a in answers.items()}))


@dataclass
class Fit:
    """How well one attendee fits the goal: a score, the reasons that make it up (sentences with
    their points) and the reading of the person they come from."""

    score: float
    reasons: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    reading: PersonReading | None = None


def score_attendee(attendee: dict[str, Any], goal_key: str, context: PlanContext | None = None,
                   profile: dict[str, float] | None = None) -> Fit:
    """The fit of one attendee row with the goal `goal_key`, plus the keywords of `profile`."""
    reading = read_attendee(attendee)
    goal = fit_goal(reading, goal_key, context or PlanContext())
    evidence = goal.evidence + keyword_evidence(attendee, profile or {})
    return Fit(round(sum(e.points for e in evidence), 2), [e.sentence() for e in evidence], evidence, reading)


@dataclass
class RankedAttendee:
    """One attendee with its fit, and the existing contact it is when it is one."""

    attendee: dict[str, Any]
    fit: Fit
    contact_id: int | None = None
    contact_tier: str | None = None
    contact_last: datetime | None = None

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON form (documented in the README)."""
        return {
            "name": self.attendee.get("name", ""), "title": self.attendee.get("title", ""),
            "company": self.attendee.get("company", ""), "email": self.attendee.get("email", ""),
            "score": self.fit.score, "reasons": list(self.fit.reasons),
            "evidence": [{"points": e.points, "text": e.text} for e in self.fit.evidence],
            "reading": self.fit.reading.as_dict() if self.fit.reading else {},
            "contact_id": self.contact_id, "contact_tier": self.contact_tier,
            "contact_last_contact": self.contact_last.isoformat() if self.contact_last else None,
        }


def rank_attendees(attendees: list[dict[str, Any]], goal_key: str, context: PlanContext | None = None,
                   profile: dict[str, float] | None = None) -> list[RankedAttendee]:
    """Attendees by fit with the goal, best first (ties by name)."""
    ranked = [RankedAttendee(a, score_attendee(a, goal_key, context, profile)) for a in attendees]
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
