"""The values of a normalised vCard's lines (vCard 3.0 syntax, see `vcard_read.normalize_line`),
read as vobject reads them: text unescaped, N and ADR in their components, ORG and CATEGORIES as
lists, parameters by name. Parsing each card with vobject took three quarters of a vCard import.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

_UNESCAPED = {"n": "\n", "N": "\n", ",": ",", ";": ";", "\\": "\\"}
_NAME_PARTS = ("family", "given", "additional", "prefix", "suffix")
_ADDRESS_PARTS = ("box", "extended", "street", "city", "region", "code", "country")


def split_escaped(text: str, separator: str) -> list[str]:
    """`text` cut at each `separator` that no backslash escapes (the pieces still escaped)."""
    if "\\" not in text:
        return text.split(separator)
    pieces, current, i = [], [], 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            current.append(text[i:i + 2])
            i += 2
            continue
        if ch == separator:
            pieces.append("".join(current))
            current = []
        else:
            current.append(ch)
        i += 1
    pieces.append("".join(current))
    return pieces


def unescape(text: str) -> str:
    """A text value without its escapes: \\n a line break, \\, \\; and \\\\ the character; any
    other backslash kept."""
    if "\\" not in text:
        return text
    out, i = [], 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text) and text[i + 1] in _UNESCAPED:
            out.append(_UNESCAPED[text[i + 1]])
            i += 2
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def _component(piece: str) -> str | list[str]:
    values = [unescape(v) for v in split_escaped(piece, ",")]
    return values[0] if len(values) == 1 else values


class Structured:
    """The components of an N (family, given, additional, prefix, suffix) or an ADR (box, extended,
    street, city, region, code, country) value, each a text or a list of texts."""

    def __init__(self, names: tuple[str, ...], value: str) -> None:
        pieces = split_escaped(value, ";")
        for i, name in enumerate(names):
            setattr(self, name, _component(pieces[i]) if i < len(pieces) else "")



Value = str | list[str] | Structured


@dataclass
class Property:
    """One property of a card: its name (upper case, without the group), parameters by upper-case
    name (each a list of values) and its value."""

    name: str
    params: dict[str, list[str]]
    value: Any  # a Value: text, texts, or Structured by the property's name (as vobject's `value`)


@dataclass
class Card:
    """A card's properties by lower-case name, in the order of the card (as vobject's `contents`)."""

    contents: dict[str, list[Property]] = field(default_factory=dict)

    def getChildren(self) -> Iterator[Property]:  # noqa: N802 - vobject's name, which the reader uses
        for lines in self.contents.values():
            yield from lines


def _params(params: list[str]) -> dict[str, list[str]]:
    named: dict[str, list[str]] = {}
    for param in params:
        key, eq, value = param.partition("=")
        if not eq:
            key, value = "TYPE", key
        values = [v.strip().strip('"') for v in value.split(",")]
        named.setdefault(key.strip().upper(), []).extend(v for v in values if v)
    return named


def parse_value(name: str, value: str) -> Value:
    """The value of property `name` (upper case), as vobject gives it."""
    if name == "N":
        return Structured(_NAME_PARTS, value)
    if name == "ADR":
        return Structured(_ADDRESS_PARTS, value)
    if name == "ORG":
        return [unescape(v) for v in split_escaped(value, ";")]
    if name == "CATEGORIES":
        return [unescape(v) for v in split_escaped(value, ",")]
    return unescape(value)


def read_card(lines: list[tuple[str, list[str], str]]) -> Card:
    """A card from its lines as (name as written, parameters, value)."""
    card = Card()
    for written, params, value in lines:
        name = written.rsplit(".", 1)[-1].upper()
        card.contents.setdefault(name.lower(), []).append(Property(name, _params(params), parse_value(name, value)))
    return card
