"""How well a person fits an event's goal, with the evidence for and against, each a sentence the
user can check ("Invests: General Partner at Noordzee Ventures, a venture fund").

Pure functions of a `PersonReading` and a `PlanContext` (what the user sells, to which
industries, whom they hire). The built-in goals are investor, mentor, hire, client and partner;
a goal of the user's own is read from its name and description with the same vocabularies.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from netcompanion.core.rules import person_vocabulary as vocab
from netcompanion.core.rules.person_reading import (
    DECIDING_SENIORITY,
    Clue,
    PersonReading,
    find_labels,
    find_phrase,
    industry_labels,
    read_text_wants,
)
from netcompanion.core.search import fold

KIND_NAMES = {
    "venture_fund": "a venture fund", "angel": "an angel network", "family_office": "a family office",
    "corporate_venture": "a corporate venture arm", "accelerator": "an accelerator", "bank": "a bank",
    "law_firm": "a law firm", "consultancy": "a consultancy", "fund_admin": "a fund administrator",
    "listed": "a listed company", "university": "a university", "recruiter": "a recruiter or agency",
    "public_body": "a public body", "self_employed": "self-employed", "open_to_work": "open to work",
    "media": "a media company",
}
FUNCTION_NAMES = {
    "investing": "investing", "investor_relations": "investor relations", "capital_markets": "capital markets",
    "fund_admin": "fund administration", "engineering": "engineering", "data": "data and machine learning",
    "product": "product", "design": "design", "sales": "sales", "bizdev": "business development",
    "operations": "operations", "supply_chain": "supply chain", "procurement": "procurement", "hr": "HR",
    "legal": "legal", "finance": "finance", "marketing": "marketing", "research": "research",
    "coaching": "coaching", "press": "the press", "consulting": "consulting", "management": "general management",
}
TEACHING = ("professor*", "professeur*", "profesor*", "professora", "professoressa", "hoogleraar", "catedratic*",
            "docente", "lecturer", "dozent*")
#: the functions a buyer's title may share with the user's offer (general management buys anything)
GENERIC_FUNCTIONS = ("management",)


@dataclass(frozen=True)
class PlanContext:
    """What the ranking knows about the user: the industries and the offer they sell, whom they
    hire, and their own goal's name and description."""

    industries: tuple[str, ...] = ()
    offer: str = ""
    hiring_for: str = ""
    goal_name: str = ""
    goal_description: str = ""


@dataclass(frozen=True)
class Evidence:
    """One reason for (points > 0) or against (points < 0) a fit."""

    points: float
    text: str

    def sentence(self) -> str:
        sign = "+" if self.points > 0 else "−"
        return f"{self.text} ({sign}{abs(self.points):g})"


@dataclass
class GoalFit:
    """A person's fit with one goal: the score and the evidence that makes it up."""

    score: float
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def reasons(self) -> list[str]:
        return [e.sentence() for e in self.evidence]


def _role(r: PersonReading) -> str:
    """'General Partner at Noordzee Ventures' (what is known of it)."""
    if r.title and r.company:
        return f"{r.title} at {r.company}"
    return r.title or r.company or "no title given"


def _kind_role(r: PersonReading, kind: str) -> str:
    return f"{_role(r)}, {KIND_NAMES[kind]}" if r.company else f"{_role(r)} ({KIND_NAMES[kind]})"


def _quote(clue: Clue) -> str:
    return f"'{clue.words}'" + (f" in the {clue.where}" if clue.where not in ("title",) else "")


def _first(mapping: dict[str, Clue], labels: tuple[str, ...]) -> str | None:
    return next((label for label in labels if label in mapping), None)


def _advisory_partner(r: PersonReading) -> str | None:
    """'a law firm' or 'a consulting firm' when the person is a partner (or lawyer, consultant) there."""
    if r.has_kind("law_firm") or "legal" in r.title_functions:
        return "a law firm"
    if r.has_kind("consultancy") or "consulting" in r.title_functions:
        return "a consulting firm"
    return None


def _not_investor_traps(r: PersonReading) -> list[Evidence]:
    """The roles that sound like investing and are not."""
    against = []
    if r.has_function("investor_relations"):
        against.append(Evidence(-8, "Not an investor: investor relations speaks for the company to its shareholders"))
    if r.has_function("capital_markets"):
        against.append(Evidence(-6, f"Not a startup investor: {_role(r)} works on listed shares and bonds"))
    if r.has_function("fund_admin") or r.has_kind("fund_admin"):
        against.append(Evidence(-7, "Not an investor: fund accountants and administrators keep a fund's books, "
                                    "they do not choose its investments"))
    return against


def investor_fit(r: PersonReading, ctx: PlanContext) -> list[Evidence]:
    """Decides on investments: an investing role at an investing organisation, or an angel."""
    ev = _not_investor_traps(r)
    kind = _first(r.org_kinds, vocab.INVESTING_ORGS)
    advisory = _advisory_partner(r)
    if advisory and (r.level == "partner" or r.has_function("legal", "consulting")):
        ev.append(Evidence(-7, f"Not an investor: a partner of {advisory} advises investors, it does not invest"))
    elif r.has_function("press"):
        ev.append(Evidence(-7, f"Not an investor: {_role(r)} writes about money, does not invest it"))
    elif r.has_function("hr") or r.has_kind("recruiter"):
        ev.append(Evidence(-6, f"Not an investor: {_role(r)} is a people and hiring role"))
    elif ev:
        pass
    elif "angel" in r.org_kinds and r.org_kinds["angel"].where in ("title", "company"):
        ev.append(Evidence(6, f"Invests: {_role(r)}, an angel investor"))
    elif "investing" in r.title_functions:
        if kind:
            ev.append(Evidence(6, f"Invests: {_kind_role(r, kind)}"))
        else:
            ev.append(Evidence(4, f"Invests: {_role(r)}"))
    elif kind:
        if find_phrase(fold(r.title), vocab.FUND_ROLES) or (r.title and r.has_function("investing")):
            ev.append(Evidence(5, f"Invests: {_kind_role(r, kind)}"))
        elif r.level in DECIDING_SENIORITY:
            ev.append(Evidence(5, f"Decides on investments: {_kind_role(r, kind)}"))
        elif r.title:
            ev.append(Evidence(-1, f"Works at {KIND_NAMES[kind]}, but as {r.title}: does not decide on investments"))
        else:
            ev.append(Evidence(2, f"Works at {KIND_NAMES[kind]}: {r.company}"))
    elif r.has_function("investing"):
        ev.append(Evidence(2, f"Mentions investing: {_quote(r.functions['investing'])}"))
    if "investing" in r.intents and not any(e.points < 0 for e in ev):
        ev.append(Evidence(2, f"Says they invest: {_quote(r.intents['investing'])}"))
    if "raising" in r.intents and not kind:
        ev.append(Evidence(-4, f"Raising money: looking for investors, not one ({_quote(r.intents['raising'])})"))
    if r.has_kind("bank") and not kind and "investing" not in r.title_functions:
        ev.append(Evidence(-2, "Works at a bank: lends or advises rather than invests in startups"))
    return ev


def _experience(r: PersonReading) -> list[Evidence]:
    """What makes a person experienced, best first."""
    found: list[Evidence] = []
    if r.former is not None and r.former.label in ("board", "c_level", "partner", "vp", "director", "head"):
        found.append(Evidence(4, f"Experienced: {_quote(r.former)}"))
    if r.level == "board":
        found.append(Evidence(4, f"Experienced: sits on a board ({r.title})"))
    if r.serial_founder is not None:
        found.append(Evidence(4, f"Experienced: has founded several companies ({_quote(r.serial_founder)})"))
    if "coaching" in r.title_functions:
        found.append(Evidence(4, f"Coaches or advises: {_role(r)}"))
    elif "coaching" in r.functions:
        found.append(Evidence(2, f"Advises: {_quote(r.functions['coaching'])}"))
    if find_phrase(fold(r.title), TEACHING):
        found.append(Evidence(3, f"Experienced: teaches ({r.title})"))
    if r.level == "c_level" and r.former is None:
        found.append(Evidence(3, f"Experienced: runs a company ({_role(r)})"))
    elif r.level in ("partner", "vp") and r.former is None:
        found.append(Evidence(2.5, f"Experienced: {_role(r)}"))
    elif r.level in ("director", "head") and r.former is None:
        found.append(Evidence(1.5, f"Senior: {_role(r)}"))
    if r.retired is not None:
        found.append(Evidence(2, f"Retired: has the experience and the time ({_quote(r.retired)})"))
    if r.years >= 15:
        found.append(Evidence(2, f"Has {r.years} years of experience"))
    elif r.founder is not None and r.serial_founder is None:
        found.append(Evidence(1, f"A founder ({_quote(r.founder)})"))
    return sorted(found, key=lambda e: -e.points)


def _advises_for_a_living(r: PersonReading) -> bool:
    """Whether the person's only sign of giving is advice that they sell: a lawyer or consultant
    (or anyone looking for clients) who says "we advise"."""
    clue = r.intents.get("mentoring")
    if clue is None or find_phrase(clue.words, vocab.PROFESSIONAL_ADVICE) != clue.words:
        return False
    return _advisory_partner(r) is not None or "selling" in r.intents


def mentor_fit(r: PersonReading, ctx: PlanContext) -> list[Evidence]:
    """Experienced (senior, former executive, board member, adviser, coach, serial founder) and
    minded to give."""
    experience = _experience(r)
    ev = experience[:1] + [Evidence(e.points / 2, e.text) for e in experience[1:2]]
    sells_advice = _advises_for_a_living(r)
    if "mentoring" in r.intents and not sells_advice:
        ev.append(Evidence(4, f"Minded to give: says {_quote(r.intents['mentoring'])}"))
    elif r.has_kind("accelerator") and r.level in DECIDING_SENIORITY:
        ev.append(Evidence(2, f"Coaches startups by trade: {_kind_role(r, 'accelerator')}"))
    elif "coaching" not in r.title_functions:  # a coach or an adviser gives by trade
        ev = [Evidence(e.points / 2, e.text + ", but says nothing of mentoring") if n == 0 else e
              for n, e in enumerate(ev)]
    if sells_advice:
        ev.append(Evidence(-2, f"Advises for a living rather than mentors: {_role(r)} says "
                               f"{_quote(r.intents['mentoring'])}"))
    if "raising" in r.intents:
        ev.append(Evidence(-1, f"Busy raising money ({_quote(r.intents['raising'])})"))
    if r.level == "student":
        ev.append(Evidence(-5, f"A student: here to learn rather than to mentor ({r.title})"))
    if "learning" in r.intents and "mentor" in r.intents["learning"].words:
        ev.append(Evidence(-4, f"Looking for a mentor, not offering to be one ({_quote(r.intents['learning'])})"))
    if "job_seeking" in r.intents:
        ev.append(Evidence(-3, f"Looking for a job ({_quote(r.intents['job_seeking'])})"))
    if r.has_kind("recruiter") or r.has_function("press"):
        ev.append(Evidence(-2, f"Here for work, not to mentor: {_role(r)}"))
    return ev


def _wanted(text: str) -> PersonReading | None:
    return read_text_wants(text) if text.strip() else None


def hire_fit(r: PersonReading, ctx: PlanContext) -> list[Evidence]:
    """Looking for a role, or open to one, in what the user hires for; recruiters are not candidates."""
    ev: list[Evidence] = []
    if r.has_kind("recruiter") or "hr" in r.title_functions:
        return [Evidence(-8, f"A recruiter: looks for candidates, is not one ({_role(r)})")]
    if "job_seeking" in r.intents:
        ev.append(Evidence(5, f"Looking for a role: says {_quote(r.intents['job_seeking'])}"))
    elif r.has_kind("open_to_work"):
        ev.append(Evidence(5, f"Open to work ({_quote(r.org_kinds['open_to_work'])})"))
    if r.has_kind("self_employed"):
        ev.append(Evidence(1.5, "Freelance: open to a contract or a role"))
    if r.level == "student":
        ev.append(Evidence(2, f"A student or recent graduate ({r.title})"))
    wanted = _wanted(ctx.hiring_for or f"{ctx.goal_description}")
    hired = [f for f in (wanted.functions if wanted else {}) if f not in GENERIC_FUNCTIONS]
    matching = [f for f in r.functions if f in hired]
    if matching:
        ev.append(Evidence(3, f"Works in {FUNCTION_NAMES[matching[0]]}, which you hire for ({_role(r)})"))
    elif hired and r.title_functions:
        ev.append(Evidence(-2, f"Works in {FUNCTION_NAMES[next(iter(r.title_functions))]}, not what you hire for"))
    if "hiring" in r.intents and "job_seeking" not in r.intents:
        ev.append(Evidence(-3, f"Hiring themselves ({_quote(r.intents['hiring'])})"))
    if _first(r.org_kinds, vocab.INVESTING_ORGS) or r.has_function("investing"):
        ev.append(Evidence(-4, f"An investor, not a candidate ({_role(r)})"))
    if r.level in ("board", "c_level", "partner", "vp") and r.former is None and "job_seeking" not in r.intents:
        ev.append(Evidence(-2, f"Runs a company or a team: {_role(r)}"))
    return ev


def _industry_evidence(r: PersonReading, targets: dict[str, tuple[str, ...]], why: str, points: float) -> list[Evidence]:
    """One of the user's industries shown by the person's company, else title, else bio or answers."""
    for where, text in (("company", fold(r.company)), ("title", fold(r.title))):
        for label, phrases in targets.items():
            if words := find_phrase(text, phrases):
                return [Evidence(points, f"In {label}, {why}: '{words}' in the {where}")]
    for label in targets:
        if label in r.industries and r.industries[label].where not in ("company", "title"):
            return [Evidence(points * 0.75, f"In {label}, {why}: {_quote(r.industries[label])}")]
    return []


def _target_industries(ctx: PlanContext) -> dict[str, tuple[str, ...]]:
    targets = industry_labels(list(ctx.industries))
    if ctx.offer:
        for label in find_labels(fold(ctx.offer), vocab.INDUSTRIES, "offer"):
            if label != "software":  # what the user sells, not whom to
                targets.setdefault(label, vocab.INDUSTRIES[label])
    return targets


def _not_a_company_role(r: PersonReading, goal: str) -> list[Evidence]:
    """People who do not buy or partner whatever their title: investors, press, recruiters, job seekers."""
    if _first(r.org_kinds, vocab.INVESTING_ORGS) or "investing" in r.title_functions:
        return [Evidence(-5, f"An investor: invests rather than {goal} ({_role(r)})")]
    if r.has_function("press"):
        return [Evidence(-5, f"The press: writes about companies rather than {goal} ({_role(r)})")]
    if r.has_kind("recruiter"):
        return [Evidence(-4, f"A recruiter: here for candidates ({_role(r)})")]
    if r.has_function("investor_relations", "capital_markets", "fund_admin"):
        return [Evidence(-4, f"A finance-markets role: {_role(r)}")]
    if "job_seeking" in r.intents or r.level == "student":
        return [Evidence(-4, f"Looking for a job or studying, not {goal} ({_role(r)})")]
    return []


def client_fit(r: PersonReading, ctx: PlanContext) -> list[Evidence]:
    """Decides or buys in the industries and functions the user sells to."""
    ev = _industry_evidence(r, _target_industries(ctx), "which you sell to", 3)
    if "procurement" in r.title_functions:
        ev.append(Evidence(3, f"Buys: {_role(r)}"))
    gone = r.retired or (r.former if r.former is not None and r.seniority is not None
                         and r.former.words.endswith(r.seniority.words) else None)
    if gone is not None:
        ev.append(Evidence(-3, f"No longer in the job: {_quote(gone)}"))
    elif r.level in ("c_level", "vp", "director", "head"):
        ev.append(Evidence(2, f"Decides: {_role(r)}"))
    elif r.level == "manager":
        ev.append(Evidence(1, f"Manages: {_role(r)}"))
    wanted = _wanted(ctx.offer)
    served = [f for f in r.title_functions if wanted and f in wanted.functions and f not in GENERIC_FUNCTIONS]
    if served and r.level in (*DECIDING_SENIORITY, "manager"):
        ev.append(Evidence(2, f"Works in {FUNCTION_NAMES[served[0]]}, which your offer serves"))
    elif served:
        ev.append(Evidence(1, f"Works in {FUNCTION_NAMES[served[0]]}, which your offer serves, but names no "
                              f"rank that decides"))
    if "buying" in r.intents:
        ev.append(Evidence(2, f"Says they are buying: {_quote(r.intents['buying'])}"))
    ev += _not_a_company_role(r, "buying")
    if ("sales" in r.title_functions or "selling" in r.intents) and "buying" not in r.intents \
            and "procurement" not in r.title_functions:
        ev.append(Evidence(-4, f"Sells rather than buys: {_role(r)}"))
    advisory = _advisory_partner(r)
    if advisory:
        ev.append(Evidence(-3, f"Works at {advisory}: advises buyers rather than buys"))
    if "bizdev" in r.title_functions:
        ev.append(Evidence(-2, f"Partnerships rather than purchasing: {_role(r)}"))
    if "hr" in r.title_functions and not (wanted and "hr" in wanted.functions):
        ev.append(Evidence(-3, f"An HR role, not a buyer of what you sell: {_role(r)}"))
    if r.has_kind("university") and not r.title_functions.keys() & {"procurement", "operations"}:
        ev.append(Evidence(-2, f"Academic: {_role(r)}"))
    return ev


def partner_fit(r: PersonReading, ctx: PlanContext) -> list[Evidence]:
    """Partnerships, business development or alliances at a company that complements the user's."""
    ev: list[Evidence] = []
    if "hr" in r.title_functions:
        return [Evidence(-6, f"Not partnerships: an HR business partner looks after their own company's people "
                             f"({_role(r)})")]
    advisory = _advisory_partner(r)
    if advisory and (r.level == "partner" or r.has_function("legal", "consulting")):
        return [Evidence(-5, f"Partner as in owner of {advisory}, not partnerships ({_role(r)})")]
    if "bizdev" in r.title_functions:
        ev.append(Evidence(5, f"Builds partnerships: {_role(r)}"))
    elif "bizdev" in r.functions:
        ev.append(Evidence(2, f"Works on partnerships: {_quote(r.functions['bizdev'])}"))
    if "partnering" in r.intents:
        ev.append(Evidence(3, f"Looks for partners: says {_quote(r.intents['partnering'])}"))
    if ev:
        ev += _industry_evidence(r, _target_industries(ctx), "next to your market", 1.5)
    if r.level in ("c_level",) and r.founder is not None and not _first(r.org_kinds, vocab.INVESTING_ORGS):
        ev.append(Evidence(1, f"Can sign a partnership: {_role(r)}"))
    ev += _not_a_company_role(r, "partnering")
    return ev


def own_goal_fit(r: PersonReading, ctx: PlanContext) -> list[Evidence]:
    """A goal of the user's own: its name and description read like a person, and matched."""
    wanted = read_text_wants(f"{ctx.goal_name}. {ctx.goal_description}")
    ev: list[Evidence] = []
    for label in r.title_functions:
        if label in wanted.functions and label not in GENERIC_FUNCTIONS:
            ev.append(Evidence(3, f"Works in {FUNCTION_NAMES[label]}, as your goal says ({_role(r)})"))
            break
    for label in r.org_kinds:
        if label in wanted.org_kinds:
            ev.append(Evidence(3, f"At {KIND_NAMES[label]}, as your goal says ({_role(r)})"))
            break
    for label, clue in r.intents.items():
        if label in wanted.intents:
            ev.append(Evidence(2, f"Wants what your goal is about: says {_quote(clue)}"))
            break
    if wanted.seniority is not None and r.level == wanted.level:
        ev.append(Evidence(2, f"Of the seniority your goal names: {_role(r)}"))
    return ev


GOAL_RULES: dict[str, Callable[[PersonReading, PlanContext], list[Evidence]]] = {
    "investor": investor_fit, "mentor": mentor_fit, "hire": hire_fit, "client": client_fit, "partner": partner_fit,
}


def fit_goal(reading: PersonReading, goal_key: str, ctx: PlanContext) -> GoalFit:
    """The fit of a person read with `goal_key` (a built-in goal, or the user's own from `ctx`)."""
    rule = GOAL_RULES.get(goal_key, own_goal_fit)
    evidence = [e for e in rule(reading, ctx) if e.points]
    return GoalFit(round(sum(e.points for e in evidence), 2), evidence)
