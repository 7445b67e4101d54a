"""The postal address: the block of lines that scores most as an address, grown from a seed line
to its neighbours."""
from __future__ import annotations

import re

from . import parse_address as pa
from . import parse_names as pn
from . import parse_phones as pp
from .fields import Fields
from .glued_words import split_caps_run
from .layout import Line
from .line_cues import has_place_word, is_cityish, same_row

#: Address score (own + 0.6 x best neighbour) a line needs to start an address.
SEED = 1.4


def read_address(lines: list[Line], out: Fields) -> None:
    """Fill in the address; its lines are used up."""
    vals, conf, boxes = out.values, out.confidence, out.boxes
    for line in lines:  # "13001Marseille", "50Ahner-gil": a number glued to the word after it
        if not line.used:
            line.text = re.sub(r"\b(\d{1,6})([A-ZÀ-Þ][a-zà-ÿ]{2,})", r"\1 \2", line.text)
    scores = {line.idx: (pa.address_score(line.text) if not line.used else 0.0) for line in lines}
    for line in lines:  # phone/e-mail lines, notes in brackets, company names never count
        if re.search(r"@|www\.|https?:", line.text) or pp.has_phone_label(line.text) \
                or re.match(r"^\s*[(\[]", line.text) or re.search(r"\d{3}[\s.-]?\d{3}[\s.-]?\d{4}", line.text):
            scores[line.idx] = 0.0
        elif pn.legal_form(line.text) and scores[line.idx] < 1.5:
            scores[line.idx] = 0.0
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
            for line in lines:
                if line in cluster or line.used or scores[line.idx] <= 0.0 and not is_cityish(line.text):
                    continue
                near = any(
                    (line.block == c.block and abs(line.idx - c.idx) == 1) or same_row(line, c)
                    or (abs(line.top - c.box[3]) < 1.3 * c.height and abs(line.left - c.left) < 2 * c.height)
                    for c in cluster)
                if near and (scores[line.idx] >= 0.4 or is_cityish(line.text)):
                    if pn.title_score(line.text) > 0 and scores[line.idx] < 1.0:
                        continue
                    cluster.append(line)
                    changed = True
        total = sum(scores[c.idx] for c in cluster)
        if total > best_total:
            best_cluster, best_total = cluster, total
    if not best_cluster:
        # no street block: a lone "Landmark, Town." line (place words between commas) will do
        lone = [line for line in lines if scores[line.idx] >= 0.7 and not line.used
                and sum(bool(re.search(r"[^\W\d_]{3}", part))
                        for part in re.split(r"\s*,\s*", line.text.strip(" .,"))) >= 2
                and not re.search(r"[@|:]", line.text) and pn.title_score(line.text) <= 0
                and (pn.name_shape(line.text) <= 0 or has_place_word(line.text))
                and not pn.legal_form(line.text) and not pn.tagline_like(line.text)
                and not pn.is_degree_line(line.text)]
        if lone:
            best_cluster = [max(lone, key=lambda line: scores[line.idx])]
            best_total = scores[best_cluster[0].idx]
    # an organisation's name or one of its departments is not part of its address
    best_cluster = [line for line in best_cluster if not _names_organisation(line.text)]
    if best_cluster:
        out.doubts["address"] = _address_doubt(lines, best_cluster, scores)
        best_cluster.sort(key=lambda line: (line.top, line.left))
        # rows: same-row pieces joined left to right
        vals["address"] = split_caps_run(
            pa.repair_digits(pa.join_address([line.text for line in best_cluster])))
        for line in best_cluster:
            line.used = "address"
            boxes.setdefault("address", []).extend(w.box for w in line.words or [])
        conf["address"] = min(0.95, 0.5 + 0.1 * best_total) * min(line.score for line in best_cluster)
    else:
        vals["address"] = ""


#: share of its support an address keeps per sign that it is incomplete or mixed
ADDRESS_DOUBT = 0.7


def _address_doubt(lines: list[Line], cluster: list[Line], scores: dict[int, float]) -> float:
    """What speaks against the address read: a line beside the block that looks like part of an
    address but was left out (a building or landmark line), another block that scores as an
    address too (an office and a residence), a second label inside it ("Off.: ... Resi.: ...")."""
    doubt = 1.0
    rest = [line for line in lines if line not in cluster and not line.used]
    if any(scores[o.idx] > 0.3 and any(abs(o.idx - c.idx) == 1 and o.block == c.block
                                         for c in cluster) for o in rest):
        doubt *= ADDRESS_DOUBT
    if sum(scores[o.idx] for o in rest if scores[o.idx] >= 1.0) >= SEED:
        doubt *= ADDRESS_DOUBT
    if sum(bool(pa.strip_label(c.text) != c.text.strip()) for c in cluster) >= 2 or \
            re.search(r"(?i)\b(?:res|resi|residence|off|office|branch|regd)\b\s*\.?\s*:",
                      " ".join(c.text for c in cluster[1:])):
        doubt *= ADDRESS_DOUBT
    return doubt


def _names_organisation(text: str) -> bool:
    """A line with no digits that holds an organisation word ("ENGINEERING COLLEGE") or opens
    with a department word ("Department of Civil Engineering"); a landmark line ("Opp. City
    Hospital") is the address's, whatever it names."""
    if re.search(r"\d", text) or set(re.findall(r"[a-z]+", pa.fold(text))) & pa.LANDMARK_WORDS:
        return False
    return pn.org_score(text) != 0.0
