"""Text lines on the flattened card: normalised text, sizes, blocks and reading order."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

import numpy as np

from .engines import OcrLine, OcrWord

Box = tuple[int, int, int, int]


@dataclass
class Line:
    """A text line as the parsers see it (text cleaned, size and position known)."""

    idx: int
    text: str
    box: Box
    height: float
    score: float
    words: list[OcrWord] = field(default_factory=list)
    block: int = 0
    size_rank: int = 0  # 0 = the tallest text on the card
    rel_size: float = 1.0  # height / median height of the card's lines
    used: str = ""  # which field consumed this line
    raw: str = ""  # the text as recognised (``text`` may lose parts other fields consumed)

    def __post_init__(self) -> None:
        if not self.raw:
            self.raw = self.text

    @property
    def top(self) -> int:
        return self.box[1]

    @property
    def left(self) -> int:
        return self.box[0]

    @property
    def cx(self) -> float:
        return (self.box[0] + self.box[2]) / 2.0


def clean_text(text: str) -> str:
    """Normalise Unicode look-alikes and spacing the recogniser produces."""
    text = unicodedata.normalize("NFC", text)
    table = {"\u2013": "-", "\u2014": "-", "\u2212": "-", "\u2010": "-", "\u2011": "-",
             "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\uff0c": ",",
             "\uff1a": ":", "\uff08": "(", "\uff09": ")", "\u3002": ".", "\uff0e": ".",
             "\u00a0": " ", "\uff20": "@", "\u2022": " | ", "\u00b7": " | ", "\u25cf": " | ",
             "\u00ae": " ", "\u2122": " "}  # (R) and TM marks glue words: "ACME®Inc"
    text = "".join(table.get(c, c) for c in text)
    text = re.sub(r"\s+", " ", text).strip()
    return text


def word_boxes_for(line: Line, value: str) -> list[Box]:
    """Boxes of the words of ``line`` that make up ``value`` (all words if none match)."""
    want = {w.casefold().strip(".,;:()") for w in value.split()}
    squashed = re.sub(r"\s+", "", value).casefold()
    out = [w.box for w in line.words
           if w.text.casefold().strip(".,;:()") in want
           or (len(w.text) > 3 and w.text.casefold().strip(".,;:()") in squashed)]
    if not out:
        out = [w.box for w in line.words] or [line.box]
    return out


def _word_offsets(text: str, words: list[OcrWord]) -> list[tuple[int, int]] | None:
    """Character span of each word in ``text`` (the recogniser's words may split tokens)."""
    pos, out = 0, []
    for w in words:
        wt = w.text.strip()
        i = text.find(wt, pos)
        if i < 0 or text[pos:i].strip():
            return None
        out.append((i, i + len(wt)))
        pos = i + len(wt)
    return out


def split_columns(line: OcrLine, gap_factor: float = 1.3) -> list[OcrLine]:
    """Split a detected line where its words leave a wide gap (two columns read as one line)."""
    words = line.words
    if len(words) < 2:
        return [line]
    h = max(line.height, 1.0)
    spans = _word_offsets(line.text, words)
    if spans is None:
        return [line]
    cuts = [i for i in range(1, len(words))
            if words[i].box[0] - words[i - 1].box[2] > gap_factor * h
            and line.text[spans[i - 1][1]:spans[i][0]].strip() == ""]
    if not cuts:
        return [line]
    out = []
    bounds = [0] + cuts + [len(words)]
    for a, b in zip(bounds, bounds[1:], strict=False):
        ws = words[a:b]
        text = line.text[spans[a][0]:spans[b - 1][1]]
        box = (min(w.box[0] for w in ws), min(w.box[1] for w in ws),
               max(w.box[2] for w in ws), max(w.box[3] for w in ws))
        quad = [(box[0], box[1]), (box[2], box[1]), (box[2], box[3]), (box[0], box[3])]
        part = OcrLine(text, box, line.score, list(ws), quad, line.flipped)
        out.append(part)
    return out


def build_lines(ocr_lines: list[OcrLine], min_score: float = 0.45) -> list[Line]:
    """Turn engine output into :class:`Line` objects in reading order, with blocks and sizes."""
    ocr_lines = [part for ln in ocr_lines for part in split_columns(ln)]
    raw = [ln for ln in ocr_lines if ln.score >= min_score and clean_text(ln.text)]
    if not raw:
        return []
    lines = [Line(i, clean_text(ln.text), ln.box, max(ln.height, 1.0), ln.score, list(ln.words))
             for i, ln in enumerate(raw)]
    heights = np.array([ln.height for ln in lines])
    med = float(np.median(heights)) or 1.0
    order = sorted(range(len(lines)), key=lambda i: -lines[i].height)
    for rank, i in enumerate(order):
        lines[i].size_rank = rank
        lines[i].rel_size = lines[i].height / med
    # blocks: lines close vertically and overlapping horizontally (or left/right aligned)
    n = len(lines)
    parent = list(range(n))

    def find(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for a in range(n):
        for b in range(a + 1, n):
            la, lb = lines[a], lines[b]
            upper, lower = (la, lb) if la.top <= lb.top else (lb, la)
            gap = lower.box[1] - upper.box[3]
            h = max(upper.height, lower.height)
            if gap > 1.2 * h or gap < -0.6 * h:
                continue
            ov = min(la.box[2], lb.box[2]) - max(la.box[0], lb.box[0])
            aligned = (abs(la.box[0] - lb.box[0]) < 1.5 * h or abs(la.box[2] - lb.box[2]) < 1.5 * h
                       or abs(la.cx - lb.cx) < 1.5 * h)
            if ov > 0 and aligned:
                parent[find(a)] = find(b)
    roots: dict[int, int] = {}
    for i in range(n):
        roots.setdefault(find(i), len(roots))
    for i in range(n):
        lines[i].block = roots[find(i)]
    # reading order: blocks by their top-left, lines in a block top to bottom
    btop: dict[int, tuple[int, int]] = {}
    for ln in lines:
        t = btop.get(ln.block)
        btop[ln.block] = (min(t[0], ln.top), min(t[1], ln.left)) if t else (ln.top, ln.left)
    lines.sort(key=lambda ln: (btop[ln.block][0], btop[ln.block][1], ln.top, ln.left))
    for i, ln in enumerate(lines):
        ln.idx = i
    return lines
