"""Folding text for search: case, accents and punctuation do not matter when the user types."""
from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^\w@.+]+")


def fold(text: str) -> str:
    """Lower-case `text` without accents, with runs of punctuation and space made one space."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", stripped.casefold()).strip()


def build_search_text(*parts: str | None) -> str:
    """The folded text a contact is found by: names, title, company, notes, e-mails, phones."""
    return " ".join(folded for folded in (fold(part or "") for part in parts) if folded)
