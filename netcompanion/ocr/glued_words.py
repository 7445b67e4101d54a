"""Words the recogniser glued together (letter-spaced capitals, tight kerning), split again
where the card itself or the word lists say where the gap was.

``parse_names.split_camel`` handles the plain ``TomasBerg`` case inside name lines; the rules
here cover what it cannot see: ``SIDCOIndustrial`` (a capitals run before a capitalised
word), ``MarketingManager`` / ``NORTHWINDHOTEL`` (a known title or organisation word at the
end), and ``JANEDOE`` next to ``jane.doe@...`` (the e-mail or web address spells the words).
"""
from __future__ import annotations

import re

from .parse_names import ORG_WORDS, TITLE_WORDS, fold

# combining forms that make one word with what follows ("Multimedia", "Biotech", "Telemedicine")
_COMBINING = {"multi", "tele", "bio", "micro", "inter", "super", "hyper", "eco", "geo", "agro",
              "info", "auto", "aero", "petro", "techno", "electro", "hydro", "thermo", "photo",
              "video", "cyber", "nano", "neuro", "radio", "para", "poly", "mega", "ultra", "omni",
              "meta", "pharma", "fin", "med", "health", "self", "co", "sub", "non", "pre", "post"}
_SUFFIX_WORDS = sorted({fold(w) for w in ORG_WORDS | TITLE_WORDS
                        if re.fullmatch(r"[a-z]{5,}", fold(w))}, key=len, reverse=True)


def split_caps_run(text: str) -> str:
    """'SIDCOIndustrial Estate' -> 'SIDCO Industrial Estate': a run of capitals glued to a
    capitalised word (only in plain words; e-mail and web addresses are left alone)."""
    def fix(m: re.Match[str]) -> str:
        return f"{m.group(1)} {m.group(2)}"
    return re.sub(r"(?<![\w.@/-])([A-Z]{2,})([A-Z][a-z]{2,})(?![\w.@/-]*[.@/]\w)", fix, text)


def split_known_suffix(text: str) -> str:
    """'MarketingManager' -> 'Marketing Manager', 'NORTHWINDHOTEL' -> 'NORTHWIND HOTEL': a long
    token ending in a job-title or organisation word of five letters or more."""
    def fix(m: re.Match[str]) -> str:
        tok = m.group(0)
        low = fold(tok)
        if not tok.isupper() and not re.search(r"[a-z][A-Z]", tok):
            return tok  # an ordinary lower-case word ("Bioenergy") is one word
        for word in _SUFFIX_WORDS:
            head = low[: -len(word)]
            if low.endswith(word) and len(head) >= 3 and head not in _COMBINING \
                    and low not in _SUFFIX_WORDS:
                cut = len(tok) - len(word)
                if tok.isupper() or tok[cut].isupper():
                    return f"{tok[:cut]} {tok[cut:]}"
        return tok
    return re.sub(r"(?<![\w.@/-])[A-Za-z]{8,}(?![\w@/-]|\.\w)", fix, text)


def _pieces(emails: list[str], websites: list[str]) -> list[list[str]]:
    """Word runs the card's addresses spell: ['jane', 'doe'] from jane.doe@acme-robotics.de,
    ['acme', 'robotics'] from its domain."""
    out = []
    for e in emails:
        local, _, dom = e.lower().partition("@")
        out.append(re.split(r"[._-]+", local))
        out.extend(re.split(r"-+", label) for label in dom.split("."))
    for w in websites:
        out.extend(re.split(r"-+", label) for label in w.lower().split("/")[0].split("."))
    return [[p for p in run if p] for run in out if sum(bool(re.fullmatch(r"[a-z]{2,}", p))
                                                        for p in run) >= 2]


def split_by_contact(text: str, emails: list[str], websites: list[str]) -> str:
    """'IRENEFERNANDES' with irene.fernandes@... -> 'IRENE FERNANDES': a glued token spelled by
    two or more consecutive words of the card's e-mail local part or domain."""
    runs = _pieces(emails, websites)
    if not runs:
        return text

    def fix(m: re.Match[str]) -> str:
        tok = m.group(0)
        low = fold(tok)
        for run in runs:
            for i in range(len(run)):
                for j in range(i + 2, len(run) + 1):
                    if "".join(run[i:j]) == low:
                        out, pos = [], 0
                        for p in run[i:j]:
                            out.append(tok[pos:pos + len(p)])
                            pos += len(p)
                        return " ".join(out)
        return tok
    return re.sub(r"(?<![\w.@/-])[^\W\d_]{5,}(?![\w@/-]|\.\w)", fix, text)
