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
    vals["phones"] = phones
