"""The person's name, their title beside it and the company: the lines no other field took,
scored by cues that hold for any card (word lists, size, e-mail and domain evidence) and, for the
check list, by the learned line-role model."""
from __future__ import annotations

import re

from . import parse_contact as pc
from . import parse_names as pn
from .fields import Fields
from .glued_words import split_by_contact, split_known_suffix
from .layout import Line, word_boxes_for
from .line_cues import (
    are_near,
    continues_logo,
    domain_prefix,
    is_brand_hit,
    is_caps_brand,
    is_over,
    is_repeated,
    is_stacked,
    legal_name,
    logo_from_domain,
    reading_order,
    same_row,
    spells_domain,
)
from .line_features import CardContext, line_features
from .line_roles import ROLES, load_model

#: How much a line whose words' starts make up the card's domain counts as spelling it.
ABBREVIATION = 0.9
#: Name-score penalty for a name-like line with no title beside it and no matching e-mail.
NO_EVIDENCE = 0.3
#: Recogniser score under which a line of three characters or fewer is taken for a graphic.
SHAKY_SCORE = 0.7
#: How much the line-role model's probability (above or below an even 0.5) moves a line's
#: rule score for the name, the title and the company. Measured with benchmarks/scan_accuracy.py
#: on cards-real: 0.5 each gave the look part 0.844 (two cards fewer perfect than the rules'
#: 0.844) and the scored part 0.840 (the rules: 0.836, as many cards perfect); 1.0 did no better.
#: No weight wins on both parts, so the rules decide alone and the model serves the check list.
#: tools/choose_model_weights.py, which cross-fits the model on the look part (trained without
#: the fold it reads), confirms it after the knowledge-based rules grew: 0.899 at weight 0 and
#: 0.25, 0.888 at 0.5, 0.893 at 1.
NAME_MODEL_WEIGHT = 0.0
TITLE_MODEL_WEIGHT = 0.0
COMPANY_MODEL_WEIGHT = 0.0
#: A line the model gives less than this probability of being (part of) the company never
#: joins the company's other lines; 0.1 helped the look part and cost the scored part a card.
JOIN_LIMIT = 0.0


def _unlikely(roles: dict[int, dict[str, float]], line: Line, role: str) -> bool:
    """The model all but rules the line out for ``role`` (an organisation word overrules it),
    or the line names a department ("Department of Civil Engineering"), which is no part of the
    organisation's name."""
    if role == "company" and pn.is_subunit(line.text):
        return True
    p = roles.get(line.idx, {}).get(role)
    return p is not None and p < JOIN_LIMIT and pn.org_score(line.text) <= 0


def _model_term(roles: dict[int, dict[str, float]], line: Line, role: str, weight: float) -> float:
    p = roles.get(line.idx, {}).get(role)
    return 0.0 if p is None else weight * (p - 0.5)


def _role_probabilities(lines: list[Line], free: list[Line], locals_: list[str],
                        domains: list[str], out: Fields, learned: bool
                        ) -> dict[int, dict[str, float]]:
    """The learned model's probability per role for each free line (none without a model)."""
    ctx = CardContext(lines, free, locals_, domains)
    rows = [line_features(line, ctx) for line in free]
    model = load_model() if learned else None
    probs = model.probabilities(rows) if model is not None else None
    by_idx: dict[int, dict[str, float]] = {}
    for i, (line, row) in enumerate(zip(free, rows, strict=False)):
        p = {r: float(probs[i, j]) for j, r in enumerate(ROLES)} if probs is not None else {}
        by_idx[line.idx] = p
        out.candidates.append((line, row, p))
    return by_idx


def read_people(lines: list[Line], out: Fields, emails: list[str], websites: list[str],
                learned: bool) -> None:
    """Fill in the name (and its given/family parts), the title and the company."""
    locals_ = [e.split("@")[0] for e in emails]
    domains = pc.domain_words(emails, websites)
    # a very short read the recogniser doubts ("Mn", "TT") is a graphic taken for letters
    free = [line for line in lines if not line.used and re.search(r"[^\W\d_]{2}", line.text)
            and not (line.score < SHAKY_SCORE and len(re.sub(r"[\W_]", "", line.text)) <= 3)]
    for line in free:  # "MarketingManager", "JANEDOE" next to jane.doe@: the words split again
        line.text = pn.split_glued_name(
            split_by_contact(split_known_suffix(line.text), emails, websites))
    roles = _role_probabilities(lines, free, locals_, domains, out, learned)
    brand = _brand_over_generic(free)
    name_line = _read_name(lines, [line for line in free if brand is None or line is not brand[0]],
                           roles, locals_, domains, out)
    _read_title(free, name_line, roles, out)
    _read_company(lines, free, roles, emails, locals_, domains, name_line, out, brand)


Roles = dict[int, dict[str, float]]


def _generic_company(text: str) -> bool:
    """Two or more words, all organisation words, legal forms or connectors ("TECHNOLOGIES PVT.
    LTD."): a firm's kind without its name."""
    words = [pn.fold(w).strip(".,;:()[]") for w in text.split()]
    words = [w for w in words if w]
    return len(words) >= 2 and (pn.legal_form(text) or pn.org_score(text) > 0) and all(
        pn.is_org_word(w) or w in pn.CONNECTORS or pn.legal_form("Name " + w) for w in words)


def _brand_over_generic(free: list[Line]) -> tuple[Line, Line] | None:
    """(brand, kind): a short line in lettering as large, right over a line that names only the
    firm's kind ("TRISHA" over "TECHNOLOGIES PVT. LTD."): together they are the company, and
    the brand is no person's name even when the e-mail spells it."""
    for kind in free:
        if not _generic_company(kind.text):
            continue
        for o in free:
            if o is kind or o.top >= kind.top or re.search(r"\d|@", o.text) or \
                    len(o.text.split()) > 3 or pn.title_score(o.text) > 0:
                continue
            if (is_stacked(o, kind) or is_over(o, kind)) and o.height >= 0.8 * kind.height:
                return o, kind
    return None


def _acronym_of_org(line: Line, free: list[Line]) -> bool:
    """The line is one word in capitals that another line naming an organisation spells out,
    word by word ("ESCI" / "Engineering Staff College of India")."""
    word = line.text.strip(" .,")
    key = re.sub(r"[^a-z]", "", pn.fold(word))
    if " " in word or not word.isupper() or len(key) < 3:
        return False
    return any(o is not line and pn.org_score(o.text) > 0 and pn.abbreviates(o.text, [key])
               for o in free)


def _gap(lines: list[Line], a: Line, b: Line) -> int:
    """How many lines apart ``a`` and ``b`` are in reading order, not counting the degree lines
    between them ("Dr. K. Rao" / "M.Tech., Ph.D." / "DIRECTOR": the title is next to the name)."""
    lo, hi = sorted((a.idx, b.idx))
    between = sum(1 for o in lines if lo < o.idx < hi and pn.is_degree_line(o.text))
    return hi - lo - between


def _read_name(lines: list[Line], free: list[Line], roles: Roles, locals_: list[str],
               domains: list[str], out: Fields) -> Line | None:
    """The line with the person's name: name-shaped, corroborated by the e-mail or a title."""
    vals, conf, boxes = out.values, out.confidence, out.boxes
    best, best_s, runner_up = None, 0.0, 0.0
    for line in free:
        shape = pn.name_shape(line.text)
        if shape <= 0:
            continue
        s = shape
        em = pn.email_name_match(line.text, locals_)
        if 0 < em < 1.0 and is_brand_hit(line.text, locals_, domains):
            em = 0.0  # the one word the e-mail shares is the firm's ("Clarinet" ~ clarinetco.com)
        if len(line.text.split()) == 1 and \
                re.sub(r"[^a-z0-9]", "", pn.fold(line.text)) in \
                {re.sub(r"[^a-z0-9]", "", d) for d in domains}:
            em = 0.0  # one word that is the card's domain: the brand ("VISHWA", vishwa.co.in)
        if _acronym_of_org(line, free):
            continue  # "ESCI" over "Engineering Staff College of India": the firm's initials
        s += 0.8 * em
        s += min(0.5, 0.35 * max(0.0, line.rel_size - 1.0)) + (0.15 if line.size_rank <= 1 else 0.0)
        dom = pn.company_from_domain(line.text, domains)
        if dom >= 0.9 and em < 0.7:
            s -= 0.8
        if pn.tagline_like(line.text):
            s -= 0.3
        # a title right below or above is a strong cue; with neither a title nor a matching
        # e-mail the line is more likely a shop or brand name
        if any((_gap(lines, o, line) == 1 or is_stacked(line, o)) and pn.title_score(o.text) > 0.5
               for o in free if o is not line):
            s += 0.25
        elif any(o.used == "phone" and is_stacked(line, o) and o.top > line.top for o in lines):
            pass  # a personal number right under the line: neither bonus nor penalty
        elif em < 0.7:
            s -= NO_EVIDENCE
            # stuck to an organisation name in the same lettering, or standing over its
            # descriptor ("Northwind" over "PUBLIC SCHOOL") with no word of it: a brand
            if any(is_stacked(line, o) and pn.org_score(o.text) >= 0.7
                   and (0.75 < o.height / line.height < 1.33
                        or (o.top > line.top and o.height < line.height
                            and not set(pn.fold(o.text).split()) & set(pn.fold(line.text).split())))
                   for o in free if o is not line):
                s -= 0.6
        # printed twice on the card (logo and text): a brand, not a person
        if em < 0.7 and is_repeated(line, lines):
            s -= 0.5
        s += _model_term(roles, line, "name", NAME_MODEL_WEIGHT)
        runner_up = max(runner_up, min(s, best_s))
        if s > best_s:
            best, best_s = line, s
    name_line = best if best is not None and best_s >= 0.7 else None
    if name_line is not None:
        full = pn.pretty_name(name_line.text)
        given, family = pn.split_name(full)
        vals.update(full_name=full, given_name=given, family_name=family)
        name_line.used = "name"
        out.role_support["full_name"] = roles.get(name_line.idx, {}).get("name", 0.0)
        out.margins["full_name"] = best_s - runner_up
        out.doubts["full_name"] = _name_doubt(full, domains)
        c = min(0.98, 0.45 + 0.35 * best_s) * name_line.score
        conf.update(full_name=c, given_name=c, family_name=c)
        boxes["full_name"] = word_boxes_for(name_line, full)
    else:
        vals.update(full_name="", given_name="", family_name="")
    return name_line


#: share of its support a name keeps per sign against it (tools/calibrate_check.py, look part)
NAME_DOUBT = 0.15


def _name_doubt(full: str, domains: list[str]) -> float:
    """A one-word name is more often a brand than a person; a name of which the card's domain
    holds some words and not others mixes the firm's name into the person's."""
    doubt = 1.0
    words = [re.sub(r"[^a-z]", "", pn.fold(w)) for w in full.split()]
    words = [w for w in words if len(w) >= 2]
    if len(words) <= 1:
        doubt *= NAME_DOUBT
    # a word of the name in the domain, and a word that is not: the line mixes firm and person
    inside = [any(w in d for d in domains) for w in words if len(w) >= 3]
    if any(inside) and not all(inside):
        doubt *= NAME_DOUBT
    return doubt


def _read_title(free: list[Line], name_line: Line | None, roles: Roles, out: Fields) -> None:
    """The job title: title words, next to the name (a wrapped or second role joins it)."""
    vals, conf, boxes = out.values, out.confidence, out.boxes
    best, best_s, runner_up = None, 0.0, 0.0
    for line in free:
        if line.used:
            continue
        ts = pn.title_score(line.text)
        if ts <= 0:
            continue
        s = ts
        if name_line is not None:
            d = _gap(free, line, name_line)
            s += 0.5 if d == 1 else (0.25 if d == 2 else 0.0)
            if line.block == name_line.block:
                s += 0.2
        if pn.legal_form(line.text):
            s -= 0.6
        s += _model_term(roles, line, "title", TITLE_MODEL_WEIGHT)
        runner_up = max(runner_up, min(s, best_s))
        if s > best_s:
            best, best_s = line, s
    title_lines: list[Line] = []
    if best is not None and best_s >= 0.5:
        title_lines = [best]
        title = best.text.strip(" ()|,")
        # a title wrapped over two lines: the next line in the block continues it
        nxt = [line for line in free if line.idx == best.idx + 1 and not line.used and line.block == best.block]
        if nxt and title.endswith((",", "&", "-", "and", "of", "for")) and pn.title_score(nxt[0].text) >= 0:
            title_lines.append(nxt[0])
            title = (title + " " + nxt[0].text).strip()
        elif nxt and pn.title_score(nxt[0].text) > 0.5 and not pn.legal_form(nxt[0].text) \
                and abs(nxt[0].height - best.height) < 0.25 * best.height:
            # a second role right below in the same lettering ("Director, X" / "Professor of Y")
            title_lines.append(nxt[0])
            title = f"{title.rstrip(',')}, {nxt[0].text.strip(' ()|,')}"
        vals["title"] = pn.drop_degree_tail(re.sub(r"^\(|\)$", "", title).strip())
        for line in title_lines:
            line.used = "title"
        out.role_support["title"] = roles.get(best.idx, {}).get("title", 0.0)
        out.margins["title"] = best_s - runner_up
        conf["title"] = min(0.95, 0.4 + 0.4 * best_s) * best.score
        boxes["title"] = [b for line in title_lines for b in word_boxes_for(line, line.text)]
    else:
        vals["title"] = ""


def _spelled_out(acronym: str, free: list[Line], domains: list[str]) -> Line | None:
    """The free line that spells out ``acronym``, a short logo word, word by word: the card's
    domain (``NRSA`` with nrsa.gov.in), or initials in capitals that a line naming an
    organisation spells ("ESCI" / "Engineering Staff College of India")."""
    key = re.sub(r"[^a-z0-9]", "", pn.fold(acronym))
    if not 2 <= len(key) <= 6:
        return None
    capitals = acronym.strip(" .,").isupper() and len(key) >= 3
    if key not in domains and not capitals:
        return None
    for line in free:
        if not line.used and len(line.text.split()) >= 2 and not re.search(r"\d|@", line.text) \
                and pn.abbreviates(line.text, [key]) and not pn.tagline_like(line.text) \
                and (key in domains or pn.org_score(line.text) > 0):
            return line
    return None


def _in_domains(text: str, domains: list[str]) -> bool:
    """A word of three or more letters of ``text`` is part of a card domain."""
    ws = [re.sub(r"[^a-z0-9]", "", pn.fold(w)) for w in text.split()]
    return any(len(w) >= 3 and any(w in d for d in domains) for w in ws)


def _read_company(lines: list[Line], free: list[Line], roles: Roles, emails: list[str],
                  locals_: list[str], domains: list[str], name_line: Line | None,
                  out: Fields, brand: tuple[Line, Line] | None = None) -> None:
    """The company: legal forms, organisation words, the domain spelled out, the logo."""
    vals, conf, boxes = out.values, out.confidence, out.boxes
    # a free-mail local part that is not the person's name often is the firm's name
    shop = [loc for loc in pc.freemail_locals(emails)
            if not (name_line is not None and pn.email_name_match(name_line.text, [loc]) >= 0.7)]
    person_locals = [loc for loc in locals_ if re.sub(r"[^a-z]", "", loc.lower()) not in shop]
    best, best_s, best_text, runner_up = None, 0.0, "", 0.0
    for line in free:
        if line.used:
            continue
        # "ACME ROBOTICS | the robot people" with acmerobotics.com: the name leads the line
        text = domain_prefix(line.text, domains + shop) or line.text
        dom = pn.company_from_domain(text, domains)
        if shop and pn.name_shape(text) < 0.6:
            dom = max(dom, pn.company_from_domain(text, shop))
        if dom < ABBREVIATION and pn.abbreviates(text, domains + shop):
            dom = ABBREVIATION
        s = pn.org_score(text) + 1.4 * dom
        if is_repeated(line, lines):
            s += 0.5
        if line.size_rank <= 1:
            s += 0.3
        s += min(0.4, 0.3 * max(0.0, line.rel_size - 1.0))
        if re.search(r"\d", text):
            s -= 0.4
        if pn.tagline_like(text) and not pn.legal_form(text):
            s -= 0.6
        if pn.title_score(text) > 0.5 and not pn.legal_form(text):
            s -= 0.5
        if len(re.sub(r"[\W_]", "", text)) < 2 or pn.is_degree_line(text):
            continue
        s += _model_term(roles, line, "company", COMPANY_MODEL_WEIGHT)
        runner_up = max(runner_up, min(s, best_s))
        if s > best_s:
            best, best_s, best_text = line, s, text
    if best is None or best_s < 0.6:
        # no other cue: a short ALL-CAPS line standing alone (a block of its own) is the logo
        lone = [line for line in free if not line.used and not any(o is not line and o.block == line.block
                                                          for o in lines)
                and is_caps_brand(line.text) and pn.email_name_match(line.text, person_locals) == 0]
        if lone:
            best = max(lone, key=lambda line: line.height)
            best_s, best_text = 0.6, best.text
    if best is not None and best_s >= 0.6:
        spelled = _spelled_out(best_text, free, domains)
        if spelled is not None:  # the logo "NRSA", the name "National Remote Sensing Agency"
            best, best_text = spelled, spelled.text
        best.text = best_text
        parts = [best]
        named = pn.company_from_domain(best.text, domains) >= 1.0 or \
            pn.abbreviates(best.text, domains)
        in_domain = pn.company_from_domain(best.text, domains) >= 0.9
        closed = pn.legal_form(best.text)
        changed = True
        while changed:  # pieces join the pieces already found (a logo over 2-3 rows)
            changed = False
            for o in free:  # a logo in pieces on one row: "KW" [symbol] "CONSULTING"
                if o.used or o in parts or re.search(r"\d|@", o.text) or \
                        _unlikely(roles, o, "company") or pn.is_degree_line(o.text):
                    continue
                for p in parts:
                    if closed and o.left > p.left:
                        continue  # a legal form ends the name: nothing joins after it
                    if same_row(p, o) and 0.7 < o.height / p.height < 1.4 \
                            and len(o.text.split()) <= 3 and pn.name_shape(o.text) < 0.8:
                        parts.append(o)
                        changed = True
                        break
            for o in free:  # a logo set over two lines: "BLUE BIRD" / "Stationers & Printers"
                if o.used or o in parts or len(parts) >= 3 or _unlikely(roles, o, "company") \
                        or pn.is_degree_line(o.text):
                    continue
                if re.search(r"\d|@", o.text) or len(o.text.split()) > 4:
                    continue
                if any(are_near(p, o) for p in parts) and spells_domain(parts, o, domains + shop):
                    parts.append(o)  # the pieces spell the card's domain: "Acme" / "ROBOTICS"
                    changed = True
                    continue
                anchor = next((p for p in parts if is_stacked(p, o)), None)
                if anchor is None and not (in_domain and not _in_domains(o.text, domains)):
                    # tall logo lettering reaching into the line below; when the domain holds
                    # the name found, it must hold this piece too (else logo_from_domain reads it)
                    anchor = next((p for p in parts if is_over(o, p)), None)
                if anchor is None:
                    continue
                if (named and o.top > anchor.top and not _in_domains(o.text, domains)) or \
                        (closed and o.top > anchor.top):
                    continue  # the domain names the firm in full: a line below describes it
                if continues_logo(o, anchor, best, person_locals):
                    parts.append(o)
                    changed = True
        if brand is not None and brand[1] in parts and brand[0] not in parts and not brand[0].used:
            parts.append(brand[0])  # the brand over the firm's kind
        parts = reading_order(parts)
        comp = " ".join(line.text.strip(" |,") for line in parts)
        comp, logo = logo_from_domain(comp, parts, free, domains)
        if logo is not None:
            parts.append(logo)
        if not pn.legal_form(comp):  # the logo "ACME", the small print "ACME Widgets GmbH"
            comp = legal_name(comp, [line for line in lines if line not in parts]) or comp
        vals["company"] = comp
        for line in parts:
            line.used = "company"
        out.role_support["company"] = roles.get(best.idx, {}).get("company", 0.0)
        out.margins["company"] = best_s - runner_up
        out.company_lines = len(parts)
        conf["company"] = min(0.95, 0.35 + 0.3 * best_s) * min(line.score for line in parts)
        boxes["company"] = [b for line in parts for b in word_boxes_for(line, line.text)]
    else:
        vals["company"] = ""
