"""Small judgements about card text lines that the field extraction combines: whether two lines
are stacked or near, whether a line repeats, looks like a city line, continues a logo, spells the
card's domain, or names the firm in full in the small print."""
from __future__ import annotations

import re

from . import parse_address as pa
from . import parse_names as pn
from .layout import Line


def same_row(a: Line, b: Line) -> bool:
    ov = min(a.box[3], b.box[3]) - max(a.box[1], b.box[1])
    h = min(a.height, b.height)
    gap = max(a.box[0], b.box[0]) - min(a.box[2], b.box[2])
    return ov > 0.5 * h and gap < 1.5 * max(a.height, b.height)


def is_stacked(a: Line, b: Line) -> bool:
    """``b`` sits directly above or below ``a`` (small gap, overlapping horizontally)."""
    upper, lower = (a, b) if a.top <= b.top else (b, a)
    gap = lower.box[1] - upper.box[3]
    ov = min(a.box[2], b.box[2]) - max(a.box[0], b.box[0])
    return -0.3 * min(a.height, b.height) < gap < 0.8 * max(a.height, b.height) and \
        ov > 0.3 * min(a.box[2] - a.box[0], b.box[2] - b.box[0])


def is_over(a: Line, b: Line) -> bool:
    """``a`` stands right over ``b``, its box reaching down into ``b``'s at most to ``b``'s
    foot (tall logo lettering over the rest of the name), overlapping it horizontally."""
    ov = min(a.box[2], b.box[2]) - max(a.box[0], b.box[0])
    return a.top < b.top and a.box[3] <= b.box[3] and \
        b.top - a.box[3] < 0.8 * max(a.height, b.height) and \
        ov > 0.3 * min(a.box[2] - a.box[0], b.box[2] - b.box[0])


def is_repeated(line: Line, lines: list[Line]) -> bool:
    """The same words (3+ letters) appear on another line of the card too."""
    key = re.sub(r"[^a-z]", "", pn.fold(line.raw))
    if len(key) < 4:
        return False
    return any(o is not line and re.sub(r"[^a-z]", "", pn.fold(o.raw)) == key for o in lines)


def is_cityish(text: str) -> bool:
    """'Bengaluru 560030', 'Madrid 28019', 'Chennai - 600 034.' style lines."""
    return bool(re.fullmatch(r"\s*[A-Za-zÀ-ÿ .'-]{3,40}[\s,-]+\d{4,6}(?:\s?\d{3})?[.,]?\s*|"
                             r"\s*\d{4,6}\s+[A-Za-zÀ-ÿ .'-]{3,40}\s*", text))


def continues_logo(o: Line, anchor: Line, best: Line, person_locals: list[str]) -> bool:
    """``o``, stacked on ``anchor`` (a piece of the company name ``best``), continues the name."""
    if re.search(r"\d|@", o.text) or pn.tagline_like(o.text) or pn.title_score(o.text) > 0:
        return False
    # a line matching the person's e-mail is the name, unless the firm's line matches too
    # (a family firm: "Okoro +" / "Okoro PRINTERS" with okoro_x@)
    if len(o.text.split()) > 4 or \
            pn.email_name_match(o.text, person_locals) > \
            pn.email_name_match(best.text, person_locals):
        return False
    above = o.top < anchor.top
    upper, lower = (o, anchor) if above else (anchor, o)
    joins = re.search(r"(?:\b(?:of|and|de|der|du|des|for)|[&+-])\s*$", upper.text, re.I) or \
        re.match(r"^\s*(?:of|and|&|\+)(?:\s|$)", lower.text, re.I)
    if not joins and set(pn.fold(o.text).split()) <= set(pn.fold(best.text).split()):
        return False  # a logo repeating a word of the name ("NORTHWIND" over "Your Northwind Dealer")
    return bool((above and o.height >= 0.8 * anchor.height) or joins or
                (not above and pn.org_score(o.text) > 0 and pn.org_score(best.text) == 0
                 and o.height >= 0.35 * anchor.height))


def are_near(a: Line, b: Line) -> bool:
    """``b`` is just above or below ``a``, overlapping it horizontally (the lines' boxes may
    overlap: logo lettering with tall capitals or descenders)."""
    upper, lower = (a, b) if a.top <= b.top else (b, a)
    gap = lower.box[1] - upper.box[3]
    ov = min(a.box[2], b.box[2]) - max(a.box[0], b.box[0])
    return -0.8 * min(a.height, b.height) < gap < 0.8 * max(a.height, b.height) and ov > 0 \
        and not same_row(a, b)


MINOR_WORDS = {"the", "of", "and", "for", "de", "der", "du", "des", "la", "le", "el", "y", "und", "et"}


def spells_domain(parts: list[Line], o: Line, domains: list[str]) -> bool:
    """Adding ``o`` to the company's lines makes them spell a card domain in full
    ("Brightwave" / "MEDIA Inc" ~ brightwavemedia.com) or as initials ("THE HENRY" /
    "MARLOWE" / "INSTITUTE" ~ hmi.edu), which the lines without it do not."""
    if not domains:
        return False

    def words(ls: list[Line]) -> list[str]:
        text = " ".join(ln.text for ln in reading_order(ls))
        return [w for w in re.sub(r"[^a-z0-9]+", " ", pn.fold(text)).split()]

    def initials(ws: list[str]) -> str:
        return "".join(w[0] for w in ws if w not in MINOR_WORDS and not pn.legal_form("X " + w))

    before, after = words(parts), words(parts + [o])
    doms = [re.sub(r"[^a-z0-9]", "", d) for d in domains]
    for d in doms:
        if len(d) < 3:
            continue
        if len(d) >= 6 and d in "".join(after) and d not in "".join(before) \
                and any(w in d for w in words([o]) if len(w) >= 3):
            return True
        if 3 <= len(d) <= 6 and initials(after) == d and initials(before) != d:
            return True
    return False


def domain_prefix(text: str, domains: list[str]) -> str:
    """The leading words of a longer line that spell a card domain exactly, else ''."""
    ws = text.split()
    if len(ws) < 3 or pn.legal_form(text):
        return ""
    doms = {re.sub(r"[^a-z0-9]", "", d) for d in domains}
    for k in range(min(4, len(ws) - 1), 0, -1):
        key = re.sub(r"[^a-z0-9]", "", pn.fold(" ".join(ws[:k])))
        if len(key) >= 5 and key in doms:
            rest = " ".join(ws[k:])
            # only a slogan or a list follows ("ACME ROBOTICS | robots for rent"), not more of
            # the name ("Acme School of Law")
            if re.match(r"^[|/:•-]", rest) or (pn.tagline_like(text) and
                                                pn.fold(ws[k]) not in MINOR_WORDS):
                return " ".join(ws[:k]).strip(" |,;:-")
            return ""
    return ""


def legal_name(comp: str, others: list[Line]) -> str:
    """The company's full legal name printed on another line: ``comp`` followed by at most
    five words that end in a legal form ("Zenora" -> "Zenora India Ltd."), else ''."""
    key = comp.strip()
    if len(re.sub(r"\W", "", key)) < 3:
        return ""
    pat = re.compile(r"(?<![\w])" + re.escape(key) + r"((?:\s+[^\s,;|]+){1,5})", re.I)
    for ln in others:
        for m in pat.finditer(ln.raw):
            tail = m.group(1).split()
            for k in range(len(tail), 0, -1):  # the longest span whose last word is the form
                if pn.legal_form("Name " + tail[k - 1]):
                    return re.sub(r"\s+", " ", ln.raw[m.start():m.start() + len(key)] + " "
                                  + " ".join(tail[:k])).strip(" ,;")
    return ""


def is_caps_brand(text: str) -> bool:
    """'BLUE OAK', 'NORDWIND': one to four words in capitals, no digits or contact marks (and
    no run of words the recogniser glued together: 'CALLUSRIGHTNOW')."""
    letters = [c for c in text if c.isalpha()]
    return 4 <= len(letters) and all(c.isupper() for c in letters) \
        and 1 <= len(text.split()) <= 4 and not re.search(r"[\d@:/]", text) \
        and max(len(w) for w in text.split()) <= 14 \
        and not pn.tagline_like(text) and pn.title_score(text) <= 0


def is_brand_hit(text: str, locals_: list[str], domains: list[str]) -> bool:
    """The words of the line found in an e-mail local part are all in the card's domain too:
    they name the firm or the trade, not the person."""
    ws = [re.sub(r"[^a-z]", "", pn.fold(w)) for w in pn.strip_name_decorations(text).split()]
    locs = [re.sub(r"[^a-z]", "", pn.fold(x)) for x in locals_]
    # the shared word is only a part of the local part ("clarinet" in clarinetmiketexas@, not
    # "jane" in jane@janedesign.com)
    hits = [w for w in ws if len(w) >= 3 and any(w in x and len(w) < 0.5 * len(x) for x in locs)]
    if not hits or any(w in x for w in ws if w not in hits for x in locs):
        return False
    doms = [re.sub(r"[^a-z]", "", d) for d in domains]
    return all(any(w in d for d in doms) for w in hits)


def has_place_word(text: str) -> bool:
    """A street or landmark word ('Road', 'Street', 'opp.', 'beside') in the line (spelt out:
    'Dr.' and 'St.' start people's names too)."""
    ws = {re.sub(r"[^a-z]", "", w) for w in re.split(r"[\s,]+", pa.fold(text))}
    ws = {w for w in ws if len(w) >= 4 or w in pa.LANDMARK_WORDS}  # not 'Dr.', 'St.' (names)
    return bool(ws & ({pa.fold(w).strip(".") for w in pa.STREET_WORDS} | pa.LANDMARK_WORDS))


def reading_order(parts: list[Line]) -> list[Line]:
    """Lines in reading order: rows (vertically overlapping lines) top to bottom, each left to
    right (a big word beside a smaller one on the same row stays on that row)."""
    rows: list[list[Line]] = []
    for ln in sorted(parts, key=lambda ln: (ln.top + ln.box[3]) / 2.0):
        row = rows[-1] if rows else None
        if row is not None and any(
                min(ln.box[3], r.box[3]) - max(ln.box[1], r.box[1]) > 0.5 * min(ln.height, r.height)
                for r in row):
            row.append(ln)
        else:
            rows.append([ln])
    return [ln for row in rows for ln in sorted(row, key=lambda ln: ln.left)]


def _touches(a: Line, b: Line) -> bool:
    """``a`` and ``b`` overlap horizontally and meet or overlap vertically (a tall logo's box
    may reach into the line under it)."""
    upper, lower = (a, b) if a.top <= b.top else (b, a)
    gap = lower.box[1] - upper.box[3]
    ov = min(a.box[2], b.box[2]) - max(a.box[0], b.box[0])
    return ov > 0 and -lower.height < gap < 0.8 * max(a.height, b.height) and a.top != b.top


def logo_from_domain(comp: str, parts: list[Line], free: list[Line],
                     domains: list[str]) -> tuple[str, Line | None]:
    """A stylised logo the recogniser misread, spelled right by the card's domain: the company
    found covers only the start or end of the domain ("RIVERSIDE" ~ crowriverside.com) and a
    short line stacked on it reads close to the rest ("COW" ~ crow). Returns the company with
    the domain's spelling of the logo added, and the logo line; else ``(comp, None)``."""
    from rapidfuzz import fuzz

    key = re.sub(r"[^a-z0-9]", "", pn.fold(comp))
    if len(key) < 4:
        return comp, None
    for d in (re.sub(r"[^a-z0-9]", "", x) for x in domains):
        if d == key or key not in d or not (d.startswith(key) or d.endswith(key)):
            continue
        rest = d[len(key):] if d.startswith(key) else d[:-len(key)]
        if not 3 <= len(rest) <= 12 or not rest.isalpha():
            continue
        for o in free:
            read = re.sub(r"[^a-z]", "", pn.fold(o.text))
            if o in parts or o.used or len(o.text.split()) > 2 or not read \
                    or not any(_touches(p, o) for p in parts):
                continue
            if fuzz.ratio(read, rest) >= 75:
                word = rest.upper() if o.text.isupper() else rest.capitalize()
                above = o.top < min(p.top for p in parts)
                return (f"{word} {comp}" if above else f"{comp} {word}"), o
    return comp, None

