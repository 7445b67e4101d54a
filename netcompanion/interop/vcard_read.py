"""Reading vCard files (2.1, 3.0 and 4.0) as real address books write them.

vobject parses clean vCard 3.0. What Outlook, Android, Apple and Google really write is first
normalised here: folded lines joined, vCard 2.1 quoted-printable values (with `=` soft line
breaks and a CHARSET) decoded, 2.1's bare parameters (`TEL;WORK;VOICE`) named, and each card
cut out with the line it starts on, so that an error names the line. A file with a card cut
short, or a line that is not a property, is refused as a whole.
"""
from __future__ import annotations

import quopri
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone

import vobject

from netcompanion.core.enums import PhoneKind, Tier
from netcompanion.core.errors import ValidationError
from netcompanion.core.services.incoming import NEEDS_ONE_WAY, ContactFields, IncomingContact
from netcompanion.core.validation import date_value
from netcompanion.interop.errors import InputFileError
from netcompanion.interop.text_decode import MAX_IMPORT_RECORDS

STRUCTURED = {"N", "ADR", "ORG"}
BINARY_PROPERTIES = {"PHOTO", "LOGO", "SOUND", "KEY"}
X_PREFIX = "X-NETCOMPANION-"
X_TEXT_FIELDS = {"NOTES": "notes", "INTERESTS": "interests", "THEIR-GOALS": "their_goals", "NEEDS": "needs",
                 "OFFERS": "offers"}
_PROPERTY = re.compile(r"^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)?$")


@dataclass
class RawCard:
    """One card cut out of a file: its logical lines, and the file line each one starts on."""

    start: int
    lines: list[str] = field(default_factory=list)
    line_numbers: list[int] = field(default_factory=list)


def _split_property(line: str) -> tuple[str, list[str], str] | None:
    """(name, params, value) of a logical line, or None when it has no `:` outside quotes."""
    in_quotes = False
    for i, ch in enumerate(line):
        if ch == '"':
            in_quotes = not in_quotes
        elif ch == ":" and not in_quotes:
            head, value = line[:i], line[i + 1:]
            parts = re.findall(r'(?:[^;"]|"[^"]*")+', head)
            return (parts[0].strip() if parts else ""), [p.strip() for p in parts[1:]], value
    return None


def _is_qp(params: list[str]) -> bool:
    return any(p.upper() in ("QUOTED-PRINTABLE", "ENCODING=QUOTED-PRINTABLE") for p in params)


def logical_lines(text: str) -> Iterator[tuple[int, str]]:
    """(first file line, logical line): folded lines and quoted-printable soft breaks joined."""
    current, start = None, 0
    for number, line in enumerate(text.split("\n"), start=1):
        if current is not None and current.endswith("=") and _soft_break_allowed(current):
            current = current[:-1] + line  # a quoted-printable soft line break: the next line as it is
            continue
        if current is not None and line[:1] in (" ", "\t"):
            current += line[1:]
            continue
        if current is not None:
            yield start, current
        current, start = line, number
    if current is not None:
        yield start, current


def _soft_break_allowed(line: str) -> bool:
    parsed = _split_property(line)
    return parsed is not None and _is_qp(parsed[1])


def _escape(value: str, structured: bool) -> str:
    value = value.replace("\\", "\\\\").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")
    return value if structured else value.replace(";", "\\;")


def _charset(params: list[str]) -> str:
    for p in params:
        key, _, value = p.partition("=")
        if key.upper() == "CHARSET" and value:
            return value.strip('"')
    return "utf-8"


def normalize_line(line: str) -> str:
    """A logical line in vCard 3.0 syntax: quoted-printable decoded, bare 2.1 parameters named,
    CHARSET dropped."""
    parsed = _split_property(line)
    if parsed is None:
        return line
    name, params, value = parsed
    prop = name.split(".")[-1].upper()
    if prop == "VERSION":
        return "VERSION:3.0"
    if _is_qp(params):
        raw = quopri.decodestring(value.encode("utf-8"))
        try:
            decoded = raw.decode(_charset(params))
        except (UnicodeDecodeError, LookupError):
            decoded = raw.decode("cp1252", errors="replace")
        value = _escape(decoded, prop in STRUCTURED)
    kept = []
    for p in params:
        key, eq, val = p.partition("=")
        upper = key.upper()
        if upper in ("CHARSET", "QUOTED-PRINTABLE") or (upper == "ENCODING" and val.upper() == "QUOTED-PRINTABLE"):
            continue
        if not eq:
            kept.append("ENCODING=b" if upper == "BASE64" else f"TYPE={key}")
        elif upper == "ENCODING" and val.upper() == "BASE64":
            kept.append("ENCODING=b")
        else:
            kept.append(p)
    return ";".join([name, *kept]) + ":" + value


def split_cards(text: str, source: str = "", max_cards: int = MAX_IMPORT_RECORDS) -> list[RawCard]:
    """The cards of a vCard file, normalised; an InputFileError naming the line when the file is
    broken or holds more than `max_cards` cards."""
    cards: list[RawCard] = []
    card: RawCard | None = None
    for number, line in logical_lines(text):
        stripped = line.strip()
        upper = stripped.upper()
        if upper == "BEGIN:VCARD":
            if card is not None:
                raise InputFileError(f"a new card begins before the card of line {card.start} has ended "
                                     "(END:VCARD missing)", source=source, line=number)
            if len(cards) >= max_cards:
                raise InputFileError(f"the file has more than {max_cards:,} cards; import it in parts",
                                     source=source, line=number)
            card = RawCard(start=number)
        elif upper == "END:VCARD":
            if card is None:
                raise InputFileError("END:VCARD without a BEGIN:VCARD before it", source=source, line=number)
            cards.append(card)
            card = None
        elif not stripped:
            continue
        elif card is None:
            raise InputFileError(f"{_short(stripped)!r} is outside of any BEGIN:VCARD ... END:VCARD",
                                 source=source, line=number)
        else:
            parsed = _split_property(stripped)
            if parsed is None or not _PROPERTY.match(parsed[0]):
                raise InputFileError(f"{_short(stripped)!r} is not a vCard property (NAME:value)",
                                     source=source, line=number)
            if parsed[0].split(".")[-1].upper() in BINARY_PROPERTIES:
                continue  # photos, logos, sounds and keys are not imported: not worth decoding
            card.lines.append(normalize_line(stripped))
            card.line_numbers.append(number)
    if card is not None:
        raise InputFileError("the card that begins here has no END:VCARD (is the file cut short?)",
                             source=source, line=card.start)
    return cards


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "..."


def parse_card(raw: RawCard, source: str = "") -> vobject.base.Component:
    """The vobject component of one normalised card."""
    text = "BEGIN:VCARD\r\n" + "\r\n".join(raw.lines) + "\r\nEND:VCARD\r\n"
    try:
        return vobject.readOne(text, validate=False)
    except Exception as exc:  # noqa: BLE001 - vobject raises ParseError, ValueError, KeyError ... for bad values
        number = getattr(exc, "lineNumber", None)
        inside = isinstance(number, int) and 2 <= number < len(raw.lines) + 2  # line 1 is our BEGIN:VCARD
        line = raw.line_numbers[number - 2] if inside and isinstance(number, int) else raw.start
        raise InputFileError(f"this card cannot be read: {exc}", source=source, line=line) from None


def read_vcards(text: str, source: str = "") -> list[IncomingContact]:
    """The contacts of a vCard file's text (see `text_decode.decode`)."""
    return [card_to_incoming(parse_card(raw, source), raw.start) for raw in split_cards(text, source)]


def _values(card: vobject.base.Component, name: str) -> list[vobject.base.ContentLine]:
    return card.contents.get(name.lower(), [])


def _text(value: object) -> str:
    """A value as stripped text (lists joined), with the needless backslash before `:` (Google) undone."""
    if isinstance(value, list):
        return " ".join(_text(v) for v in value if v).strip()
    return str(value or "").replace("\\:", ":").strip()


def _types(line: vobject.base.ContentLine) -> set[str]:
    return {t.strip().lower() for value in line.params.get("TYPE", []) for t in value.split(",")}


def phone_kind(types: set[str]) -> str:
    """Our phone kind from vCard TEL types."""
    if "fax" in types:
        return PhoneKind.FAX.value
    if types & {"cell", "mobile", "iphone"}:
        return PhoneKind.MOBILE.value
    if "work" in types:
        return PhoneKind.WORK.value
    return PhoneKind.OTHER.value


def _address(line: vobject.base.ContentLine) -> str:
    adr = line.value
    if isinstance(adr, str):
        return adr.strip()
    parts = [_text(adr.box), _text(adr.extended), _text(adr.street), _text(adr.city),
             " ".join(p for p in (_text(adr.region), _text(adr.code)) if p), _text(adr.country)]
    return ", ".join(p for p in parts if p)


def card_to_incoming(card: vobject.base.Component, line: int) -> IncomingContact:
    """The incoming contact a parsed card describes."""
    fields = ContactFields(source="import")
    incoming = IncomingContact(fields=fields, line=line)
    if _values(card, "fn"):
        fields.full_name = _text(_values(card, "fn")[0].value)
    if _values(card, "n") and not isinstance(_values(card, "n")[0].value, str):
        name = _values(card, "n")[0].value
        fields.given_name, fields.family_name = _text(name.given), _text(name.family)
        if not fields.full_name:
            fields.full_name = " ".join(p for p in (_text(name.prefix), _text(name.given), _text(name.additional),
                                                    _text(name.family), _text(name.suffix)) if p)
    if _values(card, "org"):
        org = _values(card, "org")[0].value
        fields.company = _text(org[0] if isinstance(org, list) and org else org)
    if _values(card, "title"):
        fields.title = _text(_values(card, "title")[0].value)
    fields.emails = [_text(e.value) for e in _values(card, "email") if _text(e.value)]
    fields.phones = [(_text(t.value).removeprefix("tel:"), phone_kind(_types(t)))
                     for t in _values(card, "tel") if _text(t.value)]
    if fields.full_name == fields.company and not (fields.given_name or fields.family_name):
        fields.full_name = ""  # a company's card (Apple's X-ABShowAs:COMPANY): FN is the company name
    _read_links(card, fields)
    _read_addresses(card, fields)
    _read_dates(card, incoming)
    _read_notes_and_categories(card, incoming)
    if not fields.reachable():
        incoming.skip_reason = NEEDS_ONE_WAY
    return incoming


def _read_dates(card: vobject.base.Component, incoming: IncomingContact) -> None:
    """BDAY and ANNIVERSARY (X-ANNIVERSARY in 3.0), and REV: when the card was last changed."""
    for name, props in (("birthday", ("bday",)), ("anniversary", ("anniversary", "x-anniversary"))):
        raw = next((_text(line.value) for prop in props for line in _values(card, prop) if _text(line.value)), "")
        if not raw:
            continue
        try:
            setattr(incoming.fields, name, date_value(raw, name))
        except ValidationError:
            incoming.warnings.append(f"{name} {raw!r} is not a date; kept in the notes")
            incoming.fields.notes = "\n".join(p for p in (incoming.fields.notes, f"{name.capitalize()}: {raw}") if p)
    rev = next((_text(line.value) for line in _values(card, "rev") if _text(line.value)), "")
    if rev:
        incoming.as_of = _timestamp(rev)


def _timestamp(text: str) -> datetime | None:
    """A vCard REV (20240115T101500Z, 2024-01-15T10:15:00Z, 2024-01-15) as an aware UTC datetime, or None."""
    compact = text.strip().replace("-", "").replace(":", "")
    for pattern in ("%Y%m%dT%H%M%SZ", "%Y%m%dT%H%M%S", "%Y%m%d"):
        try:
            return datetime.strptime(compact[:len(datetime(2000, 1, 1).strftime(pattern))], pattern).replace(
                tzinfo=timezone.utc)
        except ValueError:
            continue
    return None


def _read_links(card: vobject.base.Component, fields: ContactFields) -> None:
    for social in _values(card, "x-socialprofile"):
        if "linkedin" in _types(social) or "linkedin.com" in _text(social.value).lower():
            fields.linkedin = fields.linkedin or _text(social.value)
    for url in _values(card, "url"):
        value = _text(url.value)
        if "linkedin.com/" in value.lower() and (not fields.linkedin or value == fields.linkedin):
            fields.linkedin = value
        elif value and value not in fields.websites:
            fields.websites.append(value)


def _read_addresses(card: vobject.base.Component, fields: ContactFields) -> None:
    addresses = sorted(_values(card, "adr"), key=lambda a: "work" not in _types(a))
    texts = [a for a in (_address(line) for line in addresses) if a]
    if texts:
        fields.address = texts[0]
        fields.notes = "\n".join(f"Address: {t}" for t in texts[1:])


def _read_notes_and_categories(card: vobject.base.Component, incoming: IncomingContact) -> None:
    fields = incoming.fields
    x_values = {line.name.upper().removeprefix(X_PREFIX): _text(line.value)
                for line in card.getChildren() if line.name.upper().startswith(X_PREFIX)}
    notes = x_values.get("NOTES") if "NOTES" in x_values else "\n\n".join(_text(n.value) for n in _values(card, "note"))
    fields.notes = "\n".join(p for p in (notes, fields.notes) if p)
    for key, name in X_TEXT_FIELDS.items():
        if key != "NOTES" and x_values.get(key):
            setattr(fields, name, x_values[key])
    if x_values.get("TIER", "").lower() in {t.value for t in Tier}:
        fields.tier = x_values["TIER"].lower()
    categories = [_text(c) for line in _values(card, "categories")
                  for c in (line.value if isinstance(line.value, list) else [line.value]) if _text(c)]
    if "GOALS" in x_values:
        incoming.goals = [g.strip() for g in x_values["GOALS"].split(",") if g.strip()]
        fields.tags = [c for c in categories if c not in incoming.goals]
    else:
        incoming.categories = categories
