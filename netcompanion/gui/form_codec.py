"""How the forms show lists and phones as one line of text, and read them back.

The contact detail pane and the scan review both edit e-mails, websites and phones in single-line
fields: values joined by "; ", a phone as "+4930123456 (mobile)". Reading back splits on ";" or ","
and takes a trailing "(kind)" as the phone's kind only when it is one of the kinds, so that a
number written as "+1 (415) 555-0100" keeps its brackets.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

PHONE_KINDS = ("work", "mobile", "fax", "other")
_KIND_SUFFIX = re.compile(r"^(?P<number>.*?)\s*\((?P<kind>" + "|".join(PHONE_KINDS) + r")\)\s*$", re.IGNORECASE)


def join_values(values: Iterable[str]) -> str:
    """Values as one line: 'a@x.com; b@y.org'."""
    return "; ".join(value for value in values if value)


def split_values(text: str) -> list[str]:
    """The values of a one-line list field, split on ';' or ','."""
    return [part.strip() for part in re.split(r"[;,]", text) if part.strip()]


def phone_text(number: str, kind: str) -> str:
    """A phone as a form shows it: '+4930123456 (mobile)'."""
    return f"{number} ({kind or 'work'})"


def parse_phone(text: str) -> tuple[str, str]:
    """'+4930123456 (mobile)' -> ('+4930123456', 'mobile'); without a known kind, the kind is 'work'."""
    match = _KIND_SUFFIX.match(text.strip())
    if match is None:
        return text.strip(), "work"
    return match["number"].strip(), match["kind"].lower()


def join_phones(phones: Iterable[tuple[str, str]]) -> str:
    """Phones (number, kind) as one line."""
    return join_values(phone_text(number, kind) for number, kind in phones)


def split_phones(text: str) -> list[tuple[str, str]]:
    """The phones of a one-line phone field, each as (number, kind)."""
    return [parse_phone(part) for part in re.split(r";", text) if part.strip()]
