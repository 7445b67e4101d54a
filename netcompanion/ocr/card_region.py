"""The card's country: named in the address, else the address's shape, else its numbers' '+CC'
prefixes, else its domains' country TLDs."""
from __future__ import annotations

import re

from . import parse_address as pa
from . import parse_contact as pc
from . import parse_phones as pp
from .layout import Line


def card_region(lines: list[Line], default: str) -> str:
    """The card's country: named in the address, else address shape, else '+CC' numbers."""
    text = "\n".join(line.raw for line in lines)
    named = []
    for line in lines:
        if pa.address_score(line.raw) >= 1.0 or len(line.raw.split()) <= 3:
            c = pa.country_of(line.raw)
            if c and not pc.EMAIL_RE.search(line.raw) and c not in named:
                named.append(c)
    if len(named) == 1:  # several countries named ("we ship to UK, USA, Canada"): no answer
        return named[0]
    hint = pa.region_hint(text)
    if hint:
        return hint
    counts: dict[str, int] = {}
    for line in lines:
        for m in re.finditer(r"\+\s?\d[\d\s().-]{6,}\d", line.raw):
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
