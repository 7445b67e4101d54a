"""Which fields of a scan the user should check: those whose evidence is weak.

A field's *support* (0..1) is what speaks for its value beyond the recogniser's score: for the
name, the e-mail's local part spelling it or the line-role model's probability; for the company,
the domain spelling it or the model; for an e-mail, a local part that spells the name or is a
well-formed address not cut off; for a website, an e-mail at the same host; for phones, numbers
valid in their country. What speaks against a value (``Fields.doubts``: a second address block,
an address line left beside the block, a one-word name) scales its support down. A non-empty
field is listed when its support is under its threshold.
The thresholds were chosen on the look part of cards-real (benchmarks/scan_accuracy.py prints
how many wrong and right fields the list names on the scored part).
"""
from __future__ import annotations

import re

import phonenumbers

from . import parse_contact as pc
from . import parse_names as pn
from .fields import Fields
from .result import ScanResult

#: support under which a field is listed, per field (tools/calibrate_check.py, look part only)
THRESHOLDS: dict[str, float] = {
    "full_name": 0.201, "title": 0.255, "company": 0.998, "emails": 0.605, "phones": 0.605,
    "websites": 0.605, "address": 0.735,
}
#: a lead of this much over the next best line's score counts as full support
MARGIN_SCALE = 1.0
#: a company joined from several lines, or e-mails/phones the text holds more of than were
#: read, keep this share of their support
DOUBT = 0.6
COMMON_TLDS = {"com", "org", "net", "edu", "gov", "mil", "int", "info", "biz", "name", "pro",
               "mobi", "asia", "tel", "travel", "jobs", "app", "dev", "tech", "online", "site",
               "store", "shop", "agency", "design", "studio", "consulting", "solutions", "email",
               "group", "global", "media", "legal", "law", "health", "care", "clinic", "bank",
               "finance", "capital", "energy", "school", "academy", "university", "hotel"}


def _host(url: str) -> str:
    return re.sub(r"^(?:https?://)?(?:www\.)?", "", url.casefold()).split("/")[0]


def _email_support(res: ScanResult) -> float:
    """1 unless something speaks against an address: a letter or '&' glued before it in the
    text (its start was cut off), a top-level domain no registry has, or letters before the
    family name that are no start of the given name (a label or an initial misread)."""
    worst = 1.0
    text = res.raw_text.casefold()
    for e in res.emails:
        local, _, domain = e.casefold().partition("@")
        s = 1.0
        at = text.find(e.casefold())
        if at > 0 and (text[at - 1].isalnum() or text[at - 1] in "&'+"):
            s *= DOUBT
        tld = domain.rsplit(".", 1)[-1]
        if not (len(tld) == 2 or tld in COMMON_TLDS):
            s *= DOUBT
        if res.full_name and _misread_initial(res.full_name, local):
            s *= DOUBT
        worst = min(worst, s)
    return worst


def _misread_initial(name: str, local: str) -> bool:
    """The local part ends in the family name, but what stands before it is no start of the
    given name ("emchen" or "imchen" for Mei Chen; "mchen", "mei.chen" are fine)."""
    words = [re.sub(r"[^a-z]", "", w) for w in pn.fold(pn.strip_name_decorations(name)).split()]
    words = [w for w in words if w]
    letters = re.sub(r"[^a-z]", "", pn.fold(local))
    if len(words) < 2 or len(words[-1]) < 3 or not letters.endswith(words[-1]):
        return False
    lead = letters[: -len(words[-1])]
    return bool(lead) and not words[0].startswith(lead) and \
        not "".join(w[0] for w in words[:-1]).startswith(lead)


def _website_support(res: ScanResult) -> float:
    hosts = {e.split("@")[-1].casefold() for e in res.emails}
    worst = 1.0
    for w in res.websites:
        h = _host(w)
        worst = min(worst, 1.0 if any(h == x or h.endswith("." + x) or x.endswith("." + h)
                                      for x in hosts) else 0.6)
    return worst


def _phone_support(res: ScanResult) -> float:
    worst = 1.0
    for p in res.phones:
        try:
            ok = phonenumbers.is_valid_number(phonenumbers.parse(p.e164, None))
        except phonenumbers.NumberParseException:
            ok = False
        worst = min(worst, res.confidence.get("phones", 0.0) if ok else 0.0)
    # a run of 7+ digits in the text that no phone accounts for: a number was missed
    read = {p.e164[-6:] for p in res.phones}
    for run in re.findall(r"\d[\d\s().-]{5,}\d", res.raw_text):
        digits = re.sub(r"\D", "", run)
        if len(digits) >= 7 and not any(r in digits for r in read):
            worst *= DOUBT
            break
    return worst


def _chosen_support(field: str, evidence: float, fields: Fields) -> float:
    lead = min(1.0, max(0.0, fields.margins.get(field, 0.0)) / MARGIN_SCALE)
    return max(evidence, min(fields.role_support.get(field, 0.0), lead))


def field_support(res: ScanResult, fields: Fields, from_qr: set[str] = frozenset()  # type: ignore[assignment]
                  ) -> dict[str, float]:
    """The support of each non-empty field of ``res``, read from ``fields``; the fields a QR
    code carried (``from_qr``) need no check."""
    domains = pc.domain_words(res.emails, res.websites)
    locals_ = [e.split("@")[0] for e in res.emails]
    out: dict[str, float] = {}
    if res.full_name:
        out["full_name"] = _chosen_support(
            "full_name", pn.email_name_match(res.full_name, locals_), fields)
    if res.title:
        out["title"] = _chosen_support("title", 0.0, fields)
    if res.company:
        out["company"] = _chosen_support(
            "company", pn.company_from_domain(res.company, domains), fields)
        if fields.company_lines > 1:
            out["company"] *= DOUBT
    if res.emails:
        out["emails"] = _email_support(res)
        if res.raw_text.count("@") > len(res.emails):
            out["emails"] *= DOUBT
    if res.websites:
        out["websites"] = _website_support(res)
    if res.phones:
        out["phones"] = _phone_support(res)
    if res.address:
        out["address"] = res.confidence.get("address", 0.0)
    for f in out:
        out[f] *= fields.doubts.get(f, 1.0)
        if f in from_qr:
            out[f] = 1.0
    return out


def fields_to_check(res: ScanResult, fields: Fields,
                    from_qr: set[str] = frozenset()) -> list[str]:  # type: ignore[assignment]
    """The names of the non-empty fields the user should look at, in contract order."""
    support = field_support(res, fields, from_qr)
    return [f for f in THRESHOLDS if f in support and support[f] < THRESHOLDS[f]]
