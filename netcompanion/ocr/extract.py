"""From the card's text lines to contact fields: which line is what, using layout cues."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import parse_address as pa
from . import parse_contact as pc
from . import parse_names as pn
from . import parse_phones as pp
from .glued_words import split_by_contact, split_caps_run, split_known_suffix
from .layout import Box, Line, word_boxes_for
from .line_features import CardContext, line_features
from .line_roles import ROLES, load_model
from .line_cues import (
    are_near, continues_logo, domain_prefix, has_place_word, is_brand_hit, is_caps_brand, is_cityish,
    is_repeated, is_stacked, legal_name, logo_from_domain, reading_order, same_row, spells_domain,
)
from .result import Phone


@dataclass
class Fields:
    """Extracted fields with confidences and word boxes (before they become a ScanResult)."""

    values: dict[str, object] = field(default_factory=dict)
    confidence: dict[str, float] = field(default_factory=dict)
    boxes: dict[str, list[Box]] = field(default_factory=dict)
    region: str = ""
    #: the lines left for name, title and company, with their features and role probabilities
    #: (what tools/train_line_roles.py learns from)
    candidates: list[tuple[Line, list[float], dict[str, float]]] = field(default_factory=list)
    #: the model's probability of the role for the lines chosen as name, title and company
    role_support: dict[str, float] = field(default_factory=dict)
    #: how far the chosen line's score leads the next best line's, for name, title, company
    margins: dict[str, float] = field(default_factory=dict)
    #: how many lines the company was joined from
    company_lines: int = 0



def _strip_spans(text: str, pats: list[re.Pattern[str]]) -> str:
    for p in pats:
        text = p.sub(" ", text)
    return text


def card_region(lines: list[Line], default: str) -> str:
    """The card's country: named in the address, else address shape, else '+CC' numbers."""
    text = "\n".join(l.raw for l in lines)
    named = []
    for l in lines:
        if pa.address_score(l.raw) >= 1.0 or len(l.raw.split()) <= 3:
            c = pa.country_of(l.raw)
            if c and not pc.EMAIL_RE.search(l.raw) and c not in named:
                named.append(c)
    if len(named) == 1:  # several countries named ("we ship to UK, USA, Canada"): no answer
        return named[0]
    hint = pa.region_hint(text)
    if hint:
        return hint
    counts: dict[str, int] = {}
    for l in lines:
        for m in re.finditer(r"\+\s?\d[\d\s().-]{6,}\d", l.raw):
            for hit in pp.find_phones(m.group(0), default):
                r = pp.region_of_number(hit.e164)
                if r:
                    counts[r] = counts.get(r, 0) + 1
    if counts:
        return max(counts, key=lambda k: counts[k])
    tld = _cctld_region(text)
    if tld:
        return tld
    if default not in ("US", "CA", "IN"):
        return default  # a home region that prints numbers its own way stays in charge
    style = pp.style_region(re.sub(r"\S+@\S+", " ", text))
    return style or default


# country-code TLDs used as generic names (.io, .ai, .co, .vc ...) say nothing about the country
_GENERIC_CC = {"io", "ai", "co", "me", "tv", "vc", "ly", "fm", "so", "to", "ws", "cc", "gg",
               "sh", "ac", "am", "la", "md", "nu", "gl", "ms", "st"}


def _cctld_region(text: str) -> str | None:
    """Region from the card's e-mail/web domains' country TLD (.de, .co.uk, .com.au)."""
    import phonenumbers

    counts: dict[str, int] = {}
    for m in re.finditer(r"[a-z0-9-]\.([a-z]{2})\b(?![.@-])", text.lower()):
        cc = m.group(1)
        if cc in _GENERIC_CC:
            continue
        code = "GB" if cc == "uk" else cc.upper()
        if code in phonenumbers.SUPPORTED_REGIONS:
            counts[code] = counts.get(code, 0) + 1
    if counts:
        return max(counts, key=lambda k: counts[k])
    return None


def extract_fields(lines: list[Line], default_region: str = "US", learned: bool = True) -> Fields:
    """Decide which line holds which field and parse the values (``learned``: let the line-role
    model weigh in; off to train it or to compare with the rules alone)."""
    out = Fields()
    vals, conf, boxes = out.values, out.confidence, out.boxes
    emails: list[str] = []
    websites: list[str] = []
    linkedin = ""
    contact_pats = [pc.EMAIL_RE, pc.LINKEDIN_RE, pc.HOST_RE]
    _join_wrapped_emails(lines)
    # --- e-mails, websites, LinkedIn ---------------------------------------------------------
    for l in lines:
        es = pc.find_emails(l.text)
        li = pc.find_linkedin(l.text)
        ws = pc.find_websites(l.text)
        for e in es:
            if e not in emails:
                emails.append(e)
                boxes.setdefault("emails", []).extend(word_boxes_for(l, e))
                conf["emails"] = min(conf.get("emails", 1.0), l.score)
        for w in ws:
            if w not in websites:
                websites.append(w)
                boxes.setdefault("websites", []).extend(word_boxes_for(l, w))
                conf["websites"] = min(conf.get("websites", 1.0), l.score)
        if li and not linkedin:
            linkedin = li
            boxes["linkedin"] = word_boxes_for(l, li)
            conf["linkedin"] = l.score
        if es or ws or li:
            rest = _strip_spans(pc.repair_email_text(l.text), contact_pats)
            rest = re.sub(r"(?i)(?:^|(?<=\s))(?:e[-\s]?mail|web(?:site)?|www|url|e|w|in|linkedin)\s*[:.|]?(?=\s|$)",
                          " ", rest)
            rest = re.sub(r"\s+", " ", rest).strip(" |,;:/")
            if len(re.sub(r"[\W_]", "", rest)) <= 3:
                l.used = "contact"
            else:  # e.g. "www.acme.de 12 Main Street": the rest of the line is another field
                l.text = rest
    vals.update(emails=emails, websites=websites, linkedin=linkedin)
    # --- phones ------------------------------------------------------------------------------
    region = card_region(lines, default_region)
    out.region = region
    phones: list[Phone] = []
    for l in lines:
        text = _strip_spans(pc.repair_email_text(l.text), [pc.EMAIL_RE, pc.LINKEDIN_RE])
        text = re.sub(r"(?i)\b(?:https?://)?www\.\S+", " ", text)
        hits = pp.find_phones(text, region)
        for h in hits:
            if any(p.e164 == h.e164 and p.kind == h.kind for p in phones):
                continue
            phones.append(Phone(h.e164, h.kind))
            boxes.setdefault("phones", []).extend(word_boxes_for(l, text[h.start:h.end]))
            conf["phones"] = min(conf.get("phones", 1.0), l.score * (1.0 if h.labelled else 0.9))
        if hits and not l.used:
            rest = text
            for h in sorted(hits, key=lambda h: -h.start):
                rest = rest[:h.start] + " " + rest[h.end:]
            rest = re.sub(pp._LABEL_RE, " ", rest)
            rest = re.sub(r"\s+", " ", rest).strip(" |,;:/-")
            if len(re.sub(r"[\W_\d]", "", rest)) <= 4:
                l.used = "phone"
            elif len(re.sub(r"[\W_]", "", rest)) >= 6:
                l.text = rest
    vals["phones"] = phones
    # --- address -----------------------------------------------------------------------------
    scores = {l.idx: (pa.address_score(l.text) if not l.used else 0.0) for l in lines}
    for l in lines:  # phone/e-mail lines, notes in brackets, company names never count
        if re.search(r"@|www\.|https?:", l.text) or pp.has_phone_label(l.text) \
                or re.match(r"^\s*[(\[]", l.text) or re.search(r"\d{3}[\s.-]?\d{3}[\s.-]?\d{4}", l.text):
            scores[l.idx] = 0.0
        elif pn.legal_form(l.text) and scores[l.idx] < 1.5:
            scores[l.idx] = 0.0
    best_cluster: list[Line] = []
    best_total = 0.0
    for seed in lines:
        own = scores[seed.idx]
        support = max([scores[o.idx] for o in lines if o.block == seed.block
                       and abs(o.idx - seed.idx) == 1] + [0.0])
        if own < 0.5 or own + 0.6 * support < SEED:
            continue
        cluster = [seed]
        changed = True
        while changed:
            changed = False
            for l in lines:
                if l in cluster or l.used or scores[l.idx] <= 0.0 and not is_cityish(l.text):
                    continue
                near = any(
                    (l.block == c.block and abs(l.idx - c.idx) == 1) or same_row(l, c)
                    or (abs(l.top - c.box[3]) < 1.3 * c.height and abs(l.left - c.left) < 2 * c.height)
                    for c in cluster)
                if near and (scores[l.idx] >= 0.4 or is_cityish(l.text)):
                    if pn.title_score(l.text) > 0 and scores[l.idx] < 1.0:
                        continue
                    cluster.append(l)
                    changed = True
        total = sum(scores[c.idx] for c in cluster)
        if total > best_total:
            best_cluster, best_total = cluster, total
    if not best_cluster:
        # no street block: a lone "Landmark, Town." line (place words between commas) will do
        lone = [l for l in lines if scores[l.idx] >= 0.7 and not l.used
                and sum(bool(re.search(r"[^\W\d_]{3}", part))
                        for part in re.split(r"\s*,\s*", l.text.strip(" .,"))) >= 2
                and not re.search(r"[@|:]", l.text) and pn.title_score(l.text) <= 0
                and (pn.name_shape(l.text) <= 0 or has_place_word(l.text))
                and not pn.legal_form(l.text) and not pn.tagline_like(l.text)]
        if lone:
            best_cluster = [max(lone, key=lambda l: scores[l.idx])]
            best_total = scores[best_cluster[0].idx]
    # an organisation's name or one of its departments is not part of its address
    best_cluster = [l for l in best_cluster if not _names_organisation(l.text)]
    if best_cluster:
        best_cluster.sort(key=lambda l: (l.top, l.left))
        # rows: same-row pieces joined left to right
        vals["address"] = split_caps_run(
            pa.repair_digits(pa.join_address([l.text for l in best_cluster])))
        for l in best_cluster:
            l.used = "address"
            boxes.setdefault("address", []).extend(w.box for w in l.words or [])
        conf["address"] = min(0.95, 0.5 + 0.1 * best_total) * min(l.score for l in best_cluster)
    else:
        vals["address"] = ""
    # --- name, title, company ----------------------------------------------------------------
    _people_fields(lines, out, emails, websites, learned)
    # an "E" label read glued to the address ("Eliam.thompson@") shows when the name fits better
    name = str(vals.get("full_name") or "")
    if name:
        fixed = []
        for e in emails:
            local, _, dom = e.partition("@")
            if local[:1] == "e" and len(local) > 4 and \
                    local[1:2] == pn.fold(name)[:1] and \
                    pn.email_name_match(name, [local[1:]]) >= 1.0 and \
                    not pn.fold(name).startswith(local[:2]):
                e = f"{local[1:]}@{dom}"
            fixed.append(e)
        vals["emails"] = fixed
    return out


def _names_organisation(text: str) -> bool:
    """A line with no digits that holds an organisation word ("ENGINEERING COLLEGE") or opens
    with a department word ("Department of Civil Engineering")."""
    return not re.search(r"\d", text) and pn.org_score(text) != 0.0


def _join_wrapped_emails(lines: list[Line]) -> None:
    """An e-mail address broken over two lines ("info@acme-" / "robotics.com", "jane.doe@" /
    "acme.com"): the line below, in the same block, completes the domain."""
    for l, nxt in zip(lines, lines[1:]):
        if nxt.block != l.block or nxt.used or l.used:
            continue
        head = re.search(r"(?:^|\s)(\S+@[A-Za-z0-9.-]*)$", pc.repair_email_text(l.text))
        if not head or pc.find_emails(head.group(1)):
            continue
        tail = re.match(r"([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})(?=$|\s)", nxt.text)
        if not tail or not pc.find_emails(head.group(1) + tail.group(1)):
            continue
        l.text = pc.repair_email_text(l.text) + tail.group(1)
        nxt.text = nxt.text[tail.end():].strip()
        if not nxt.text:
            nxt.used = "contact"


#: Name-score penalty for a name-like line with no title beside it and no matching e-mail.
NO_EVIDENCE = 0.3
#: Recogniser score under which a line of three characters or fewer is taken for a graphic.
SHAKY_SCORE = 0.7
#: Address score (own + 0.6 x best neighbour) a line needs to start an address.
SEED = 1.4
#: How much the line-role model's probability (above or below an even 0.5) moves a line's
#: rule score for the name, the title and the company. Measured on cards-real (benchmarks/
#: scan_accuracy.py): 0.5 each helped the look part (0.840 -> 0.846) but not the scored part
#: (0.834 -> 0.836 with one card fewer perfect), so the rules decide alone and the model
#: serves the check list (ocr/check.py).
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
    rows = [line_features(l, ctx) for l in free]
    model = load_model() if learned else None
    probs = model.probabilities(rows) if model is not None else None
    by_idx: dict[int, dict[str, float]] = {}
    for i, (l, row) in enumerate(zip(free, rows)):
        p = {r: float(probs[i, j]) for j, r in enumerate(ROLES)} if probs is not None else {}
        by_idx[l.idx] = p
        out.candidates.append((l, row, p))
    return by_idx


def _people_fields(lines: list[Line], out: Fields, emails: list[str], websites: list[str],
                   learned: bool) -> None:
    vals, conf, boxes = out.values, out.confidence, out.boxes
    locals_ = [e.split("@")[0] for e in emails]
    domains = pc.domain_words(emails, websites)
    # a very short read the recogniser doubts ("Mn", "TT") is a graphic taken for letters
    free = [l for l in lines if not l.used and re.search(r"[^\W\d_]{2}", l.text)
            and not (l.score < SHAKY_SCORE and len(re.sub(r"[\W_]", "", l.text)) <= 3)]
    for l in free:  # "MarketingManager", "JANEDOE" next to jane.doe@: the words split again
        l.text = split_by_contact(split_known_suffix(l.text), emails, websites)
    roles = _role_probabilities(lines, free, locals_, domains, out, learned)
    # name
    best, best_s, runner_up = None, 0.0, 0.0
    for l in free:
        shape = pn.name_shape(l.text)
        if shape <= 0:
            continue
        s = shape
        em = pn.email_name_match(l.text, locals_)
        if 0 < em < 1.0 and is_brand_hit(l.text, locals_, domains):
            em = 0.0  # the one word the e-mail shares is the firm's ("Clarinet" ~ clarinetco.com)
        s += 0.8 * em
        s += min(0.5, 0.35 * max(0.0, l.rel_size - 1.0)) + (0.15 if l.size_rank <= 1 else 0.0)
        dom = pn.company_from_domain(l.text, domains)
        if dom >= 0.9 and em < 0.7:
            s -= 0.8
        if pn.tagline_like(l.text):
            s -= 0.3
        # a title right below or above is a strong cue; with neither a title nor a matching
        # e-mail the line is more likely a shop or brand name
        if any((abs(o.idx - l.idx) == 1 or is_stacked(l, o)) and pn.title_score(o.text) > 0.5
               for o in free if o is not l):
            s += 0.25
        elif any(o.used == "phone" and is_stacked(l, o) and o.top > l.top for o in lines):
            pass  # a personal number right under the line: neither bonus nor penalty
        elif em < 0.7:
            s -= NO_EVIDENCE
            # stuck to an organisation name in the same lettering, or standing over its
            # descriptor ("Northwind" over "PUBLIC SCHOOL") with no word of it: a brand
            if any(is_stacked(l, o) and pn.org_score(o.text) >= 0.7
                   and (0.75 < o.height / l.height < 1.33
                        or (o.top > l.top and o.height < l.height
                            and not set(pn.fold(o.text).split()) & set(pn.fold(l.text).split())))
                   for o in free if o is not l):
                s -= 0.6
        # printed twice on the card (logo and text): a brand, not a person
        if em < 0.7 and is_repeated(l, lines):
            s -= 0.5
        s += _model_term(roles, l, "name", NAME_MODEL_WEIGHT)
        runner_up = max(runner_up, min(s, best_s))
        if s > best_s:
            best, best_s = l, s
    name_line = best if best is not None and best_s >= 0.7 else None
    if name_line is not None:
        full = pn.pretty_name(name_line.text)
        given, family = pn.split_name(full)
        vals.update(full_name=full, given_name=given, family_name=family)
        name_line.used = "name"
        out.role_support["full_name"] = roles.get(name_line.idx, {}).get("name", 0.0)
        out.margins["full_name"] = best_s - runner_up
        c = min(0.98, 0.45 + 0.35 * best_s) * name_line.score
        conf.update(full_name=c, given_name=c, family_name=c)
        boxes["full_name"] = word_boxes_for(name_line, full)
    else:
        vals.update(full_name="", given_name="", family_name="")
    # title
    best, best_s, runner_up = None, 0.0, 0.0
    for l in free:
        if l.used:
            continue
        ts = pn.title_score(l.text)
        if ts <= 0:
            continue
        s = ts
        if name_line is not None:
            d = abs(l.idx - name_line.idx)
            s += 0.5 if d == 1 else (0.25 if d == 2 else 0.0)
            if l.block == name_line.block:
                s += 0.2
        if pn.legal_form(l.text):
            s -= 0.6
        s += _model_term(roles, l, "title", TITLE_MODEL_WEIGHT)
        runner_up = max(runner_up, min(s, best_s))
        if s > best_s:
            best, best_s = l, s
    title_lines: list[Line] = []
    if best is not None and best_s >= 0.5:
        title_lines = [best]
        title = best.text.strip(" ()|,")
        # a title wrapped over two lines: the next line in the block continues it
        nxt = [l for l in free if l.idx == best.idx + 1 and not l.used and l.block == best.block]
        if nxt and title.endswith((",", "&", "-", "and", "of", "for")) and pn.title_score(nxt[0].text) >= 0:
            title_lines.append(nxt[0])
            title = (title + " " + nxt[0].text).strip()
        elif nxt and pn.title_score(nxt[0].text) > 0.5 and not pn.legal_form(nxt[0].text) \
                and abs(nxt[0].height - best.height) < 0.25 * best.height:
            # a second role right below in the same lettering ("Director, X" / "Professor of Y")
            title_lines.append(nxt[0])
            title = f"{title.rstrip(',')}, {nxt[0].text.strip(' ()|,')}"
        vals["title"] = re.sub(r"^\(|\)$", "", title).strip()
        for l in title_lines:
            l.used = "title"
        out.role_support["title"] = roles.get(best.idx, {}).get("title", 0.0)
        out.margins["title"] = best_s - runner_up
        conf["title"] = min(0.95, 0.4 + 0.4 * best_s) * best.score
        boxes["title"] = [b for l in title_lines for b in word_boxes_for(l, l.text)]
    else:
        vals["title"] = ""
    # company
    # a free-mail local part that is not the person's name often is the firm's name
    shop = [loc for loc in pc.freemail_locals(emails)
            if not (name_line is not None and pn.email_name_match(name_line.text, [loc]) >= 0.7)]
    person_locals = [loc for loc in locals_ if re.sub(r"[^a-z]", "", loc.lower()) not in shop]
    best, best_s, best_text, runner_up = None, 0.0, "", 0.0
    for l in free:
        if l.used:
            continue
        # "ACME ROBOTICS | the robot people" with acmerobotics.com: the name leads the line
        text = domain_prefix(l.text, domains + shop) or l.text
        dom = pn.company_from_domain(text, domains)
        if shop and pn.name_shape(text) < 0.6:
            dom = max(dom, pn.company_from_domain(text, shop))
        s = pn.org_score(text) + 1.4 * dom
        if is_repeated(l, lines):
            s += 0.5
        if l.size_rank <= 1:
            s += 0.3
        s += min(0.4, 0.3 * max(0.0, l.rel_size - 1.0))
        if re.search(r"\d", text):
            s -= 0.4
        if pn.tagline_like(text) and not pn.legal_form(text):
            s -= 0.6
        if pn.title_score(text) > 0.5 and not pn.legal_form(text):
            s -= 0.5
        if len(re.sub(r"[\W_]", "", text)) < 2:
            continue
        s += _model_term(roles, l, "company", COMPANY_MODEL_WEIGHT)
        runner_up = max(runner_up, min(s, best_s))
        if s > best_s:
            best, best_s, best_text = l, s, text
    if best is None or best_s < 0.6:
        # no other cue: a short ALL-CAPS line standing alone (a block of its own) is the logo
        lone = [l for l in free if not l.used and not any(o is not l and o.block == l.block
                                                          for o in lines)
                and is_caps_brand(l.text) and pn.email_name_match(l.text, person_locals) == 0]
        if lone:
            best = max(lone, key=lambda l: l.height)
            best_s, best_text = 0.6, best.text
    if best is not None and best_s >= 0.6:
        best.text = best_text
        parts = [best]
        changed = True
        while changed:  # pieces join the pieces already found (a logo over 2-3 rows)
            changed = False
            for o in free:  # a logo in pieces on one row: "KW" [symbol] "CONSULTING"
                if o.used or o in parts or re.search(r"\d|@", o.text) or \
                        _unlikely(roles, o, "company"):
                    continue
                for p in parts:
                    if same_row(p, o) and 0.7 < o.height / p.height < 1.4 \
                            and len(o.text.split()) <= 3 and pn.name_shape(o.text) < 0.8:
                        parts.append(o)
                        changed = True
                        break
            for o in free:  # a logo set over two lines: "BLUE BIRD" / "Stationers & Printers"
                if o.used or o in parts or len(parts) >= 3 or _unlikely(roles, o, "company"):
                    continue
                if re.search(r"\d|@", o.text) or len(o.text.split()) > 4:
                    continue
                if any(are_near(p, o) for p in parts) and spells_domain(parts, o, domains + shop):
                    parts.append(o)  # the pieces spell the card's domain: "Acme" / "ROBOTICS"
                    changed = True
                    continue
                anchor = next((p for p in parts if is_stacked(p, o)), None)
                if anchor is None:
                    continue
                if continues_logo(o, anchor, best, person_locals):
                    parts.append(o)
                    changed = True
        parts = reading_order(parts)
        comp = " ".join(l.text.strip(" |,") for l in parts)
        comp, logo = logo_from_domain(comp, parts, free, domains)
        if logo is not None:
            parts.append(logo)
        if not pn.legal_form(comp):  # the logo "ACME", the small print "ACME Widgets GmbH"
            comp = legal_name(comp, [l for l in lines if l not in parts]) or comp
        vals["company"] = comp
        for l in parts:
            l.used = "company"
        out.role_support["company"] = roles.get(best.idx, {}).get("company", 0.0)
        out.margins["company"] = best_s - runner_up
        out.company_lines = len(parts)
        conf["company"] = min(0.95, 0.35 + 0.3 * best_s) * min(l.score for l in parts)
        boxes["company"] = [b for l in parts for b in word_boxes_for(l, l.text)]
    else:
        vals["company"] = ""
