"""Phone numbers on the card's lines, read in the card's country; a line holding only numbers
and labels is used up."""
from __future__ import annotations

import re

from . import parse_contact as pc
from . import parse_phones as pp
from .contact_fields import strip_spans
from .fields import Fields
from .layout import Line, word_boxes_for
from .result import Phone


def read_phones(lines: list[Line], out: Fields) -> None:
    """Fill in the phones (``out.region`` must be set)."""
    vals, conf, boxes = out.values, out.confidence, out.boxes
    region = out.region
    phones: list[Phone] = []
    for line in lines:
        text = strip_spans(pc.repair_email_text(line.text), [pc.EMAIL_RE, pc.LINKEDIN_RE])
        text = re.sub(r"(?i)\b(?:https?://)?www\.\S+", " ", text)
        hits = pp.find_phones(text, region)
        for h in hits:
            if any(p.e164 == h.e164 and p.kind == h.kind for p in phones):
                continue
            phones.append(Phone(h.e164, h.kind))
            boxes.setdefault("phones", []).extend(word_boxes_for(line, text[h.start:h.end]))
            conf["phones"] = min(conf.get("phones", 1.0), line.score * (1.0 if h.labelled else 0.9))
        if hits and not line.used:
            rest = text
            for h in sorted(hits, key=lambda h: -h.start):
                rest = rest[:h.start] + " " + rest[h.end:]
            rest = re.sub(pp._LABEL_RE, " ", rest)
            rest = re.sub(r"\s+", " ", rest).strip(" |,;:/-")
            if len(re.sub(r"[\W_\d]", "", rest)) <= 4:
                line.used = "phone"
            elif len(re.sub(r"[\W_]", "", rest)) >= 6:
                line.text = rest
    for line, e164, kind in _local_numbers(lines, phones, region):
        phones.append(Phone(e164, kind))
        line.used = line.used or "phone"
        boxes.setdefault("phones", []).extend(word_boxes_for(line, line.text))
    vals["phones"] = phones


#: a line holding only a local number (no area code) and at most a kind: "2479497 (R)"
_LOCAL_RE = re.compile(r"^\s*(?:(?P<label>[^\W\d_]{1,10})\.?\s*[:.]?\s*)?(?P<num>\d{7,8})\s*"
                       r"(?:[(\[]\s*(?P<after>[^\W\d_]{1,10})\s*[)\]])?\s*$")


def _local_numbers(lines: list[Line], phones: list[Phone], region: str
                   ) -> list[tuple[Line, str, str]]:
    """Numbers printed without their area code on a line of their own ("2479497 (R)" under
    "Ph: 0866 - 2582333 (O)"): they take the area code of a landline read on the card whose
    subscriber number is as long, when that makes a valid landline."""
    import phonenumbers

    areas: list[tuple[int, str, int]] = []  # (country code, area code, subscriber length)
    for p in phones:
        num = phonenumbers.parse(p.e164, None)
        if phonenumbers.number_type(num) != phonenumbers.PhoneNumberType.FIXED_LINE:
            continue
        nat = phonenumbers.national_significant_number(num)
        n = phonenumbers.length_of_geographical_area_code(num)
        if n and num.country_code:
            areas.append((num.country_code, nat[:n], len(nat) - n))
    out: list[tuple[Line, str, str]] = []
    for line in lines:
        m = _LOCAL_RE.match(line.text)
        if line.used or not m or not areas:
            continue
        digits = m.group("num")
        for cc, area, length in areas:
            if length != len(digits):
                continue
            num = phonenumbers.PhoneNumber(country_code=cc, national_number=int(area + digits))
            if phonenumbers.is_valid_number(num):
                e164 = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)
                if any(p.e164 == e164 for p in phones):
                    break
                word = (m.group("label") or m.group("after") or "").lower()
                kind = pp.kind_of_label(word) or "work"
                out.append((line, e164, kind))
                break
    return out
