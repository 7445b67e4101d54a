"""Which fields of a scan the user should check: those whose evidence is weak.

A field's *support* (0..1) is what speaks for its value beyond the recogniser's score: for the
name, the e-mail's local part spelling it or the line-role model's probability; for the company,
the domain spelling it or the model; for an e-mail, a local part that spells the name or is a
role mailbox (info@, sales@); for a website, an e-mail at the same host; for phones, numbers
valid in their country. A non-empty field is listed when its support is under its threshold.
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

#: support under which a field is listed, per field
THRESHOLDS: dict[str, float] = {
    "full_name": 0.19, "title": 0.94, "company": 0.999, "emails": 0.01, "phones": 0.87,
    "websites": 0.61, "address": 0.74,
}
#: a lead of this much over the next best line's score counts as full support
MARGIN_SCALE = 1.0
#: a company joined from several lines, or e-mails/phones the text holds more of than were
#: read, keep this share of their support
DOUBT = 0.6
#: fields the QR code carried (the merge gives them this confidence) need no check
QR_CONFIDENCE = 0.99
ROLE_MAILBOXES = {"info", "contact", "office", "sales", "hello", "admin", "mail", "enquiry",
                  "enquiries", "support", "service", "team", "kontakt", "contacto", "contato",
                  "bureau", "post", "hr", "jobs", "marketing", "accounts", "booking", "reservations"}


def _host(url: str) -> str:
    return re.sub(r"^(?:https?://)?(?:www\.)?", "", url.casefold()).split("/")[0]


def _email_support(res: ScanResult) -> float:
    worst = 1.0
    for e in res.emails:
        local = re.sub(r"[^a-z]", "", e.split("@")[0].casefold())
        if local in ROLE_MAILBOXES:
            s = 1.0
        elif res.full_name:
            s = pn.email_name_match(res.full_name, [e.split("@")[0]])
        else:
            s = 0.5
        worst = min(worst, s)
    return worst


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
    # a run of 8+ digits in the text that no phone accounts for: a number was missed
    read = {p.e164[-7:] for p in res.phones}
    for run in re.findall(r"\d[\d\s().-]{7,}\d", res.raw_text):
        digits = re.sub(r"\D", "", run)
        if len(digits) >= 8 and not any(r in digits for r in read):
            worst *= DOUBT
            break
    return worst


def _chosen_support(field: str, evidence: float, fields: Fields) -> float:
    lead = min(1.0, max(0.0, fields.margins.get(field, 0.0)) / MARGIN_SCALE)
    return max(evidence, min(fields.role_support.get(field, 0.0), lead))


def field_support(res: ScanResult, fields: Fields) -> dict[str, float]:
    """The support of each non-empty field of ``res``, read from ``fields``."""
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
        if res.confidence.get(f, 0.0) >= QR_CONFIDENCE:
            out[f] = 1.0
    return out


def fields_to_check(res: ScanResult, fields: Fields) -> list[str]:
    """The names of the non-empty fields the user should look at, in contract order."""
    support = field_support(res, fields)
    return [f for f in THRESHOLDS if f in support and support[f] < THRESHOLDS[f]]
