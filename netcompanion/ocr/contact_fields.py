"""E-mail addresses, websites and the LinkedIn profile: found on any line, their words boxed, and
the rest of each line left for the other fields."""
from __future__ import annotations

import re

from . import parse_contact as pc
from . import parse_names as pn
from .fields import Fields
from .layout import Line, word_boxes_for


def strip_spans(text: str, pats: list[re.Pattern[str]]) -> str:
    """``text`` with every match of ``pats`` blanked out."""
    for p in pats:
        text = p.sub(" ", text)
    return text


def read_contacts(lines: list[Line], out: Fields) -> tuple[list[str], list[str]]:
    """Fill in e-mails, websites and LinkedIn; lines holding nothing else are used up."""
    vals, conf, boxes = out.values, out.confidence, out.boxes
    emails: list[str] = []
    websites: list[str] = []
    linkedin = ""
    contact_pats = [pc.EMAIL_RE, pc.LINKEDIN_RE, pc.SOCIAL_RE, pc.HOST_RE]
    join_wrapped_emails(lines)
    for line in lines:
        es = pc.find_emails(line.text)
        li = pc.find_linkedin(line.text)
        ws = pc.find_websites(line.text)
        for e in es:
            if e not in emails:
                emails.append(e)
                boxes.setdefault("emails", []).extend(word_boxes_for(line, e))
                conf["emails"] = min(conf.get("emails", 1.0), line.score)
        for w in ws:
            if w not in websites:
                websites.append(w)
                boxes.setdefault("websites", []).extend(word_boxes_for(line, w))
                conf["websites"] = min(conf.get("websites", 1.0), line.score)
        if li and not linkedin:
            linkedin = li
            boxes["linkedin"] = word_boxes_for(line, li)
            conf["linkedin"] = line.score
        if es or ws or li or pc.SOCIAL_RE.search(line.text):
            rest = strip_spans(pc.repair_email_text(line.text), contact_pats)
            rest = re.sub(r"(?i)(?:^|(?<=\s))(?:e[-\s]?mail|web(?:site)?|www|url|e|w|in|linkedin)\s*[:.|]?(?=\s|$)",
                          " ", rest)
            rest = re.sub(r"\s+", " ", rest).strip(" |,;:/")
            if len(re.sub(r"[\W_]", "", rest)) <= 3:
                line.used = "contact"
            else:  # e.g. "www.acme.de 12 Main Street": the rest of the line is another field
                line.text = rest
    vals.update(emails=emails, websites=websites, linkedin=linkedin)
    return emails, websites


def drop_glued_label(out: Fields) -> None:
    """An "E" label read glued to the address ("Eliam.thompson@") shows when the name fits
    better without it."""
    name = str(out.values.get("full_name") or "")
    if name:
        fixed = []
        for e in out.values.get("emails", []):  # type: ignore[attr-defined]
            local, _, dom = e.partition("@")
            if local[:1] == "e" and len(local) > 4 and \
                    local[1:2] == pn.fold(name)[:1] and \
                    pn.email_name_match(name, [local[1:]]) >= 1.0 and \
                    not pn.fold(name).startswith(local[:2]):
                e = f"{local[1:]}@{dom}"
            fixed.append(e)
        out.values["emails"] = fixed


def join_wrapped_emails(lines: list[Line]) -> None:
    """An e-mail address broken over two lines ("info@acme-" / "robotics.com", "jane.doe@" /
    "acme.com"): the line below, in the same block, completes the domain."""
    for line, nxt in zip(lines, lines[1:], strict=False):
        if nxt.block != line.block or nxt.used or line.used:
            continue
        head = re.search(r"(?:^|\s)(\S+@[A-Za-z0-9.-]*)$", pc.repair_email_text(line.text))
        if not head or pc.find_emails(head.group(1)):
            continue
        tail = re.match(r"([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})(?=$|\s)", nxt.text)
        if not tail or not pc.find_emails(head.group(1) + tail.group(1)):
            continue
        line.text = pc.repair_email_text(line.text) + tail.group(1)
        nxt.text = nxt.text[tail.end():].strip()
        if not nxt.text:
            nxt.used = "contact"
