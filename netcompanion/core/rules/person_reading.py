"""Reading a person from what an attendee list or a contact says about them: seniority, function,
kind of organisation and intents, each with the words that showed it.

Pure functions of plain strings. The vocabularies are the tables of
`core.rules.person_vocabulary`; the title says the seniority and the function, the company says
the kind of organisation, and the answers to an event's questions (and the bio) say the intents.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from netcompanion.core.rules import person_vocabulary as vocab
from netcompanion.core.search import fold

SENIORITY_ORDER = tuple(vocab.SENIORITY)  # highest first
DECIDING_SENIORITY = ("board", "c_level", "partner", "vp", "director", "head")
#: the kinds of organisation a bio may show with a single word; others need a phrase there
BIO_SINGLE_WORD_KINDS = ("listed",)
_YEARS = re.compile(r"(?<!\w)(\d{1,2})\+?\s+(?:years|jaar|jahre|ans|anos|anni|ano|años)(?!\w)")


@dataclass(frozen=True)
class Clue:
    """One reading and where it came from: the label, the words found and the field they were in."""

    label: str
    words: str
    where: str


@dataclass
class PersonReading:
    """Who a person is, as far as their title, company, bio and answers tell."""

    title: str = ""
    company: str = ""
    seniority: Clue | None = None
    former: Clue | None = None
    retired: Clue | None = None
    founder: Clue | None = None
    serial_founder: Clue | None = None
    years: int = 0
    functions: dict[str, Clue] = field(default_factory=dict)
    title_functions: dict[str, Clue] = field(default_factory=dict)
    org_kinds: dict[str, Clue] = field(default_factory=dict)
    intents: dict[str, Clue] = field(default_factory=dict)
    industries: dict[str, Clue] = field(default_factory=dict)

    @property
    def level(self) -> str:
        """The seniority label ("ic" when the title names none, "" without a title)."""
        if self.seniority is not None:
            return self.seniority.label
        return "ic" if self.title else ""

    def has_function(self, *labels: str) -> bool:
        return any(label in self.functions for label in labels)

    def has_kind(self, *labels: str) -> bool:
        return any(label in self.org_kinds for label in labels)

    def has_intent(self, *labels: str) -> bool:
        return any(label in self.intents for label in labels)

    def as_dict(self) -> dict[str, object]:
        """The reading in plain JSON values (labels only), for the CLI and the GUI."""
        return {
            "seniority": self.level, "former": self.former is not None, "retired": self.retired is not None,
            "founder": self.founder is not None, "serial_founder": self.serial_founder is not None,
            "functions": list(self.functions), "organisation": list(self.org_kinds), "intents": list(self.intents),
            "industries": list(self.industries),
        }


def _phrase_pattern(phrase: str) -> str:
    words = []
    for word in phrase.split():
        words.append(re.escape(word[:-1]) + r"\w*" if word.endswith("*") else re.escape(word))
    return r"\s+".join(words)


@cache
def _compiled(phrases: tuple[str, ...]) -> re.Pattern[str]:
    ordered = sorted(set(phrases), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(_phrase_pattern(p) for p in ordered) + r")(?!\w)")


def find_phrase(text: str, phrases: tuple[str, ...]) -> str | None:
    """The first of `phrases` found in folded `text` (the words as written), or None."""
    match = _compiled(phrases).search(text)
    return match.group(0) if match else None


def find_labels(text: str, table: dict[str, tuple[str, ...]], where: str,
                single_word: bool = True) -> dict[str, Clue]:
    """Every label of `table` whose phrases occur in folded `text`; where phrases of two labels
    overlap, the longer one wins ("investor relations" over "investor"). Without `single_word`
    only phrases of two words or more count."""
    spans: list[tuple[int, int, str, str]] = []
    for label, phrases in table.items():
        usable = phrases if single_word else tuple(p for p in phrases if " " in p)
        if not usable:
            continue
        for match in _compiled(usable).finditer(text):
            spans.append((match.start(), match.end(), label, match.group(0)))
    spans.sort(key=lambda s: (-(s[1] - s[0]), s[0]))
    taken: list[tuple[int, int]] = []
    found: dict[str, Clue] = {}
    for start, end, label, words in spans:
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        taken.append((start, end))
        found.setdefault(label, Clue(label, words, where))
    return dict(sorted(found.items(), key=lambda item: text.find(item[1].words)))


def _seniority(title: str) -> Clue | None:
    """The highest seniority the title names."""
    title = _compiled(vocab.NOT_A_RANK).sub(lambda m: " " * len(m.group(0)), title)
    found = find_labels(title, vocab.SENIORITY, "title")
    for label in SENIORITY_ORDER:
        if label in found:
            return found[label]
    for word in title.split():  # German and Dutch compounds: "Pflegedirektor", "Einrichtungsleitung"
        for ending, label in vocab.COMPOUND_RANKS:
            if word.endswith(ending) and len(word) >= len(ending) + 3:
                return Clue(label, word, "title")
    return None


def _former(texts: dict[str, str]) -> tuple[Clue | None, Clue | None]:
    """A past senior role ("ex-COO", "voormalig CEO", "già COO") and retirement, from title or bio."""
    former_words = _compiled(vocab.FORMER)
    former = retired = None
    for where, text in texts.items():
        if words := find_phrase(text, vocab.RETIRED):
            retired = retired or Clue("retired", words, where)
            before = " ".join(text[:text.find(words)].split()[-4:])  # "director de planta retirado"
            role = _seniority(before)
            if role is not None and role.label != "student" and former is None:
                former = Clue(role.label, f"{role.words} {words}", where)
        for match in former_words.finditer(text):
            after = " ".join(text[match.end():].split()[:4])
            role = _seniority(after)
            if role is not None and role.label != "student" and former is None:
                former = Clue(role.label, f"{match.group(0)} {role.words}", where)
    return former, retired


def _sought(text: str, where: str) -> tuple[dict[str, Clue], str]:
    """Intents told by what is sought ("looking for investors" is raising, "busco un mentor"
    learning), and the text with those phrases blanked so that their object is not read again."""
    found: dict[str, Clue] = {}
    blanked = text
    for match in _compiled(vocab.SEEKING).finditer(text):
        rest = text[match.end():]
        skipped = re.match(r"\s*(?:(?:a|an|un|una|um|uma|een|einen|eine|le|la|les|des|de|el|los|new|nieuwe|nuevos|"
                           r"novos|nuovi|nouveaux|neue|our|first|mijn|mi|meu|il|mio)\s+)*", rest)
        offset = match.end() + (skipped.end() if skipped else 0)
        for label, objects in vocab.SOUGHT.items():
            obj = _compiled(objects).match(text, offset)
            if obj is None and label in ("job_seeking", "buying"):  # "looking for industry jobs", "dienstplan software"
                obj = _compiled(_within_two_words(objects)).match(text, offset)
            if obj:
                found.setdefault(label, Clue(label, text[match.start():obj.end()], where))
                blanked = blanked[:match.start()] + " " * (obj.end() - match.start()) + blanked[obj.end():]
                break
    return found, blanked


@cache
def _within_two_words(objects: tuple[str, ...]) -> tuple[str, ...]:
    """The sought objects after one or two other words ("looking for industry jobs"), but not
    those that are other words too ("early-stage founders" is no internship)."""
    return tuple(f"{filler} {obj}" for obj in objects if obj not in _AMBIGUOUS_OBJECTS for filler in ("*", "* *"))


_AMBIGUOUS_OBJECTS = frozenset({"stage", "work", "werk", "job"})


def is_seeking_question(question: str) -> bool:
    """A question such as "What are you looking for?" or "¿Qué busca?": its answer is what is sought."""
    return find_phrase(fold(question), vocab.SEEKING_QUESTIONS) is not None


def answers_as_text(answers: dict[str, str]) -> str:
    """Answers to an event's questions as one text to read: the answer to a "what are you looking
    for" question reads as "looking for <answer>", the question itself is not read."""
    parts = []
    for question, answer in answers.items():
        if str(answer).strip():
            parts.append(f"looking for {answer}" if is_seeking_question(question) else str(answer))
    return " | ".join(parts)


def read_person(title: str = "", company: str = "", bio: str = "", answers: str = "") -> PersonReading:
    """Read a person from their title, company, bio and their answers to the event's questions
    (as `answers_as_text` gives them)."""
    t, c, b, a = fold(title), fold(company), fold(bio), fold(answers)
    reading = PersonReading(title=title.strip(), company=company.strip())
    reading.seniority = _seniority(t)
    reading.former, reading.retired = _former({"title": t, "bio": b})
    reading.title_functions = find_labels(t, vocab.FUNCTIONS, "title")
    reading.functions = dict(reading.title_functions)
    for label, clue in find_labels(b, vocab.FUNCTIONS, "bio", single_word=False).items():
        reading.functions.setdefault(label, clue)
    reading.org_kinds = find_labels(c, vocab.ORG_KINDS, "company")
    for label, clue in find_labels(b, vocab.ORG_KINDS, "bio", single_word=False).items():
        reading.org_kinds.setdefault(label, clue)
    for label in BIO_SINGLE_WORD_KINDS:
        if label not in reading.org_kinds and (words := find_phrase(b, vocab.ORG_KINDS[label])):
            reading.org_kinds[label] = Clue(label, words, "bio")
    for label in ("self_employed", "open_to_work"):  # "Freelance" or "Open to work" said in the title
        if label not in reading.org_kinds and (words := find_phrase(t, vocab.ORG_KINDS[label])):
            reading.org_kinds[label] = Clue(label, words, "title")
    if any(kind in reading.org_kinds for kind in vocab.INVESTING_ORGS) and "investing" not in reading.functions:
        if words := find_phrase(b, vocab.FUNCTIONS["investing"]):  # at a fund, "I screen investments" is investing
            reading.functions["investing"] = Clue("investing", words, "bio")
    if "fund_admin" in reading.org_kinds or "fund_admin" in reading.functions:
        reading.org_kinds.pop("venture_fund", None)  # "Fund Services" administers funds, it is not one
    if "angel" in reading.title_functions or find_phrase(t, vocab.ORG_KINDS["angel"]):
        reading.org_kinds.setdefault("angel", Clue("angel", find_phrase(t, vocab.ORG_KINDS["angel"]) or "angel", "title"))
    for where, text in (("answers", a), ("bio", b)):
        sought, rest = _sought(text, where)
        for label, clue in (sought | find_labels(rest, vocab.INTENTS, where)).items():
            reading.intents.setdefault(label, clue)
    reading.industries = {}
    for where, text in (("company", c), ("title", t), ("bio", b), ("answers", a)):
        for label, clue in find_labels(text, vocab.INDUSTRIES, where).items():
            reading.industries.setdefault(label, clue)
    for where, text in (("title", t), ("bio", b)):
        if reading.founder is None and (words := find_phrase(text, vocab.FOUNDER)):
            reading.founder = Clue("founder", words, where)
        if reading.serial_founder is None and (words := find_phrase(text, vocab.SERIAL_FOUNDER)):
            reading.serial_founder = Clue("serial_founder", words, where)
    years = [int(y) for y in _YEARS.findall(f"{t} {b}")]
    reading.years = max(years, default=0)
    return reading


def read_text_wants(text: str) -> PersonReading:
    """A user's own description (an offer, a goal, what they hire for) read with the same words."""
    return read_person(title=text, bio=text, answers=text)


def industry_labels(values: list[str] | tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The user's target industries as phrase lists: a known industry brings its words in every
    language, anything else is looked for as written."""
    labels: dict[str, tuple[str, ...]] = {}
    for value in values:
        folded = fold(value)
        if not folded:
            continue
        known = find_labels(folded, vocab.INDUSTRIES, "settings")
        if known:
            for label in known:
                labels[label] = vocab.INDUSTRIES[label]
        else:
            labels[folded] = (folded, folded + "*")
    return labels
