"""Reading vCard files (2.1, 3.0 and 4.0) as real address books write them, within bounds.

vobject parses clean vCard 3.0. What Outlook, Android, Apple and Google really write is first
normalised here: folded lines joined, vCard 2.1 quoted-printable values (with `=` soft line
breaks and a CHARSET) decoded, 2.1's bare parameters (`TEL;WORK;VOICE`) named, and each card
cut out with the line it starts on, so that an error names the line. A file with a card cut
short, or a line that is not a property, is refused as a whole.

The file is read card by card, and vobject only ever sees one card, with bounded lines: a
logical line longer than MAX_LINE_CHARS, a property with more than MAX_PARAMETERS parameters or
a card with more than MAX_PROPERTIES properties skips that card with the reason (the rest of it
is passed over without being kept), so memory stays within a small multiple of the file's size
and the time within a multiple of its length. Photos, logos, sounds and keys are passed over
whatever their length, without being kept; so are properties the import does not read.
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

MAX_LINE_CHARS = 100_000
"""Characters of one logical line (folded lines joined), photos and other binary values aside:
five times the longest text a contact's field holds (20,000), room for quoted-printable."""

MAX_PARAMETERS = 50
"""Parameters of one property (`TEL;TYPE=CELL;PREF=1` has two)."""

MAX_PROPERTIES = 500
"""Properties (logical lines) of one card, photos included."""

STRUCTURED = {"N", "ADR", "ORG"}
BINARY_PROPERTIES = {"PHOTO", "LOGO", "SOUND", "KEY"}
X_PREFIX = "X-NETCOMPANION-"
X_TEXT_FIELDS = {"NOTES": "notes", "INTERESTS": "interests", "THEIR-GOALS": "their_goals", "NEEDS": "needs",
                 "OFFERS": "offers"}
READ_PROPERTIES = {"VERSION", "FN", "N", "ORG", "TITLE", "EMAIL", "TEL", "URL", "ADR", "NOTE", "CATEGORIES",
                   "X-SOCIALPROFILE"}
"""What `card_to_incoming` reads (and X-NETCOMPANION-*): only these are handed to vobject."""
_PROPERTY = re.compile(r"^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)?$")
_NOT_NEWLINE = re.compile(r"[^\n]")
_UNFOLDED_NEWLINE = re.compile(r"\n(?![ \t])")
_FOLD = re.compile(r"\n[ \t]")
_CARD_BEGIN = re.compile(r"^BEGIN:VCARD[ \t\r]*$", re.IGNORECASE | re.MULTILINE)
_CARD_BOUNDARY = re.compile(r"^(?:BEGIN|END):VCARD[ \t\r]*$", re.IGNORECASE | re.MULTILINE)
_NAME_END = re.compile(r"[;:]")
_HEAD_CHARS = 256  # of a line, enough to name its property


@dataclass
class RawCard:
    """One card cut out of a file: its logical lines, and the file line each one starts on; or,
    for a card over a limit, why it is skipped and the name it gave before."""

    start: int
    lines: list[str] = field(default_factory=list)
    line_numbers: list[int] = field(default_factory=list)
    skip_reason: str = ""
    label: str = ""
    properties: int = 0


@dataclass
class LogicalLine:
    """One logical line: the file line it starts on, its property name as written (group
    included), and its text with folds and soft line breaks joined, or None for a binary value
    (passed over) or a line over the limit (`over`)."""

    number: int
    name: str
    text: str | None
    head: str
    over: bool = False


def _colon(line: str) -> int:
    """Index of the first `:` outside double quotes, or -1."""
    pos = 0
    while True:
        colon, quote = line.find(":", pos), line.find('"', pos)
        if colon < 0 or quote < 0 or colon < quote:
            return colon
        close = line.find('"', quote + 1)
        if close < 0:
            return -1  # a quote never closed: the rest is inside it
        pos = close + 1


def _split_property(line: str) -> tuple[str, list[str], str] | None:
    """(name, params, value) of a logical line, or None when it has no `:` outside quotes."""
    colon = _colon(line)
    if colon < 0:
        return None
    head, value = line[:colon], line[colon + 1:]
    parts = re.findall(r'(?:[^;"]|"[^"]*")+', head)
    return (parts[0].strip() if parts else ""), [p.strip() for p in parts[1:]], value


def _is_qp(params: list[str]) -> bool:
    return any(p.upper() in ("QUOTED-PRINTABLE", "ENCODING=QUOTED-PRINTABLE") for p in params)


class _LineReader:
    """The logical lines of a vCard text from a position on; a line is copied out only when it is
    within `max_chars`, and the reader can jump to the next card boundary (a card being skipped)."""

    def __init__(self, text: str, max_chars: int) -> None:
        self.text, self.max_chars = text, max_chars
        self.pos = 0  # where the next line is looked for
        self.line = 1  # the file line `pos` is on

    def _move(self, pos: int) -> None:
        self.line += self.text.count("\n", self.pos, pos)
        self.pos = pos

    def skip_to_boundary(self) -> None:
        """Pass over everything up to the next BEGIN:VCARD or END:VCARD line."""
        found = _CARD_BOUNDARY.search(self.text, self.pos)
        self._move(found.start() if found else len(self.text))

    def __iter__(self) -> Iterator[LogicalLine]:
        return self

    def __next__(self) -> LogicalLine:
        text = self.text
        found = _NOT_NEWLINE.search(text, self.pos)  # empty lines are passed over
        if found is None:
            self._move(len(text))
            raise StopIteration
        start = found.start()
        self._move(start)
        number = self.line
        first_end = text.find("\n", start, start + _HEAD_CHARS)
        head = text[start:first_end if first_end >= 0 else start + _HEAD_CHARS]
        name_end = _NAME_END.search(head)
        name = head[:name_end.start()].strip() if name_end else ""  # "": not a property
        ended = _UNFOLDED_NEWLINE.search(text, start)
        end = ended.start() if ended else len(text)
        if name.split(".")[-1].upper() in BINARY_PROPERTIES:
            self._move(end)
            return LogicalLine(number, name, None, head)
        if end - start - text.count("\n", start, end) * 2 > self.max_chars:
            self._move(end)
            return LogicalLine(number, name if text.find(":", start, end) >= 0 else "", None, head, over=True)
        raw = text[start:end]
        line = _FOLD.sub("", raw)
        if ("=\n" in raw or raw.endswith("=")) and _soft_break_allowed(line):
            return self._quoted_printable(number, name, start, head)
        self._move(end)
        return LogicalLine(number, name, line, head)

    def _quoted_printable(self, number: int, name: str, start: int, head: str) -> LogicalLine:
        """The line from `start` on, physical line by physical line: a `=` at the end of one is a
        soft line break (the next line is joined as it is), a space or tab in front a fold."""
        text, pieces, length, pos, as_is = self.text, [], 0, start, True
        while True:
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            piece = text[pos:end] if as_is else text[pos + 1:end]
            length += len(piece)
            if length > self.max_chars:
                self._move(end)
                return LogicalLine(number, name, None, head, over=True)
            following = end + 1
            soft_break = piece.endswith("=") and following <= len(text)
            pieces.append(piece[:-1] if soft_break else piece)
            if not (soft_break or text[following:following + 1] in (" ", "\t")):
                self._move(end)
                return LogicalLine(number, name, "".join(pieces), head)
            pos, as_is = following, soft_break


def logical_lines(text: str, max_chars: int = MAX_LINE_CHARS) -> Iterator[LogicalLine]:
    """The logical lines of `text`: folded lines and quoted-printable soft breaks joined."""
    return _LineReader(text, max_chars)


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
    return _normalized(*parsed)


def _normalized(name: str, params: list[str], value: str) -> str:
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


def _label(value: str) -> str:
    """A card's FN value, as a skipped card is named in the report."""
    return _short(value.replace("\\,", ",").replace("\\;", ";").strip())


def split_cards(text: str, source: str = "", max_cards: int = MAX_IMPORT_RECORDS) -> Iterator[RawCard]:
    """The cards of a vCard file, normalised, one at a time; an InputFileError naming the line when
    the file is broken or holds more than `max_cards` cards. A card over a limit comes with its
    `skip_reason` and no lines."""
    for begun, found in enumerate(_CARD_BEGIN.finditer(text)):  # refused before any card is parsed
        if begun == max_cards:
            raise InputFileError(f"the file has more than {max_cards:,} cards; import it in parts",
                                 source=source, line=text.count("\n", 0, found.start()) + 1)
    reader = _LineReader(text, MAX_LINE_CHARS)
    card: RawCard | None = None
    count = 0
    for logical in reader:
        number = logical.number
        stripped = logical.text.strip() if logical.text is not None else ""
        upper = stripped.upper()
        if upper == "BEGIN:VCARD":
            if card is not None:
                raise InputFileError(f"a new card begins before the card of line {card.start} has ended "
                                     "(END:VCARD missing)", source=source, line=number)
            if count >= max_cards:
                raise InputFileError(f"the file has more than {max_cards:,} cards; import it in parts",
                                     source=source, line=number)
            card = RawCard(start=number)
            count += 1
        elif upper == "END:VCARD":
            if card is None:
                raise InputFileError("END:VCARD without a BEGIN:VCARD before it", source=source, line=number)
            yield card
            card = None
        elif logical.text is not None and not stripped:
            continue
        elif card is None:
            raise InputFileError(f"{_short(stripped or logical.head.strip())!r} is outside of any "
                                 "BEGIN:VCARD ... END:VCARD", source=source, line=number)
        else:
            reason = _read_property(card, logical, stripped, source)
            if reason:
                card.skip_reason, card.lines, card.line_numbers = reason, [], []
                reader.skip_to_boundary()
    if card is not None:
        raise InputFileError("the card that begins here has no END:VCARD (is the file cut short?)",
                             source=source, line=card.start)


def _read_property(card: RawCard, logical: LogicalLine, stripped: str, source: str) -> str:
    """Add the property of `logical` to `card` if the import reads it; the reason to skip the
    card when the property is over a limit, else ""."""
    card.properties += 1
    if card.properties > MAX_PROPERTIES:
        return f"the card has more than {MAX_PROPERTIES:,} properties (line {logical.number})"
    parsed = _split_property(stripped) if logical.text is not None else None
    name = parsed[0] if parsed else logical.name
    if not _PROPERTY.match(name) or (logical.text is not None and parsed is None):
        shown = stripped if logical.text is not None else logical.head.strip()
        raise InputFileError(f"{_short(shown)!r} is not a vCard property (NAME:value)", source=source,
                             line=logical.number)
    prop = name.split(".")[-1].upper()
    if logical.over:
        return (f"its {prop} (line {logical.number}) is longer than the {MAX_LINE_CHARS:,} characters "
                "a property may hold")
    if parsed is None:
        return ""  # photos, logos, sounds and keys are not imported: not worth decoding
    params = parsed[1]
    if len(params) > MAX_PARAMETERS:
        return f"its {prop} (line {logical.number}) has more than {MAX_PARAMETERS} parameters"
    if prop in READ_PROPERTIES or prop.startswith(X_PREFIX):
        line = _normalized(*parsed)
        card.lines.append(line)
        card.line_numbers.append(logical.number)
        if prop == "FN" and not card.label:
            card.label = _label(line.partition(":")[2])
    return ""


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
        why = str(exc) or type(exc).__name__
        raise InputFileError(f"this card cannot be read: {why}", source=source, line=line) from None


def read_vcards(text: str, source: str = "") -> list[IncomingContact]:
    """The contacts of a vCard file's text (see `text_decode.decode`), read card by card."""
    return [_incoming(raw, source) for raw in split_cards(text, source)]


def _incoming(raw: RawCard, source: str) -> IncomingContact:
    if raw.skip_reason:
        return IncomingContact(fields=ContactFields(source="import", full_name=raw.label), line=raw.start,
                               skip_reason=raw.skip_reason)
    return card_to_incoming(parse_card(raw, source), raw.start)


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
