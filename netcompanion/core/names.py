"""Splitting a person's full name into given and family names, without honorifics or post-nominals."""
from __future__ import annotations

from nameparser import HumanName


def split_name(full_name: str) -> tuple[str, str]:
    """(given, family) for `full_name`; "Dr. Jane Q. Doe, PhD" gives ("Jane", "Doe")."""
    text = " ".join((full_name or "").split())
    if not text:
        return "", ""
    name = HumanName(text)
    given, family = name.first, name.last
    if not family and not given:
        return text, ""
    return given, family
