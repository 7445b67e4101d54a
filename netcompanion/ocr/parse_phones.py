"""Phone numbers: labels (M/Mob/Cell/Handy, T/Tel/Office, F/Fax, 携帯, 電話, Факс ...), pictograms,
E.164, kinds, toll-free and vanity numbers, and the country of each office's block."""
from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers
from phonenumbers import PhoneNumberType

# label word -> kind; matched case-insensitively as whole words, optional trailing '.' or ':'
_LABELS: dict[str, str] = {}
for _kind, _words in {
    "mobile": "m mo mob mobile mobil mobiel cell cel cellular celular cellphone handy portable "
              "port móvil movil móvel movel gsm hp whatsapp wa tm cel. tlm telemóvel telemovel "
              "natel c 携帯 携帯電話 ケータイ 手机 手機 移动电话 휴대폰 핸드폰 휴대전화 моб мобильный "
              "сот сотовый κιν κινητό cellulare 📱 📲",
    "fax": "f fax fx telefax téléfax tf.fax facsimile ファクス ファックス 传真 傳真 팩스 факс φαξ 📠",
    "work": "t tel tél tel. telephone téléphone telefon telefone teléfono telefono phone ph p o "
            "off office direct dir d w work b bus business main fon fone tlf tfno tfn tele "
            "landline contact contacto kontakt ligne line std 電話 电话 代表 直通 전화 тел "
            "телефон τηλ τηλέφωνο ☎ ✆ ☏ 📞 🕿",
    "other": "h home res residence privat private casa domicile",
}.items():
    for _w in _words.split():
        _LABELS[_w.strip(".")] = _kind

_LABEL_RE = re.compile(
    r"(?<![A-Za-z@])(" + "|".join(sorted((re.escape(w) for w in _LABELS), key=len, reverse=True))
    + r")(?:\s*(?:no|nr|n°|#|number))?\.?\s*(?::|：|\||-|\)|\.|(?=\s*[+(\d]))", re.I)
# "Tel/Fax", "TEL・FAX", "Ph & Fax": one number for voice and fax, a work number
_VOICE_AND_FAX_RE = re.compile(r"(?<![A-Za-z])(?:tel|tél|phone|ph|fon|t)\.?\s*[/&+・,]\s*(?:fax|f)\b"
                               r"|(?<![A-Za-z])fax\s*[/&+・,]\s*(?:tel|tél|phone|ph|fon)\b", re.I)
_AFTER_RE = re.compile(r"^\s*[(\[]\s*(" + "|".join(sorted((re.escape(w) for w in _LABELS if len(w) > 2),
                       key=len, reverse=True)) + r")\s*[)\]]", re.I)


@dataclass
class PhoneHit:
    """A phone number found in a line: E.164, kind, and where it was in the text."""

    e164: str
    kind: str
    start: int
    end: int
    labelled: bool


def repair_digits(text: str) -> str:
    """O/o -> 0, l/I/| -> 1 inside digit runs (only between digits or digit groups)."""
    t = text
    for _ in range(2):
        t = re.sub(r"(?<=[\d\s()+-])[Oo](?=[\d\s)-]*\d)", "0", t)
        t = re.sub(r"(?<=\d)[lI|](?=\d)", "1", t)
        t = re.sub(r"(?<=\d[\s.-])[lI|](?=\d)|(?<=\+)[lI|](?=\d)", "1", t)
    return t


def _kind_by_type(num: phonenumbers.PhoneNumber) -> str:
    t = phonenumbers.number_type(num)
    if t == PhoneNumberType.MOBILE:
        return "mobile"
    if t == PhoneNumberType.PAGER:
        return "other"
    return "work"


def kind_of_label(word: str) -> str | None:
    """The kind a label word names ("mob" -> mobile, "r"/"res" -> other, "o" -> work), or None."""
    w = word.lower().strip(".:")
    if w == "r":
        return "other"  # (R): residence
    return _LABELS.get(w)


def _label_kind(segment: str) -> str | None:
    """Kind named by the last label in ``segment`` (text before a number), else None."""
    if _VOICE_AND_FAX_RE.search(segment):
        return "work"
    kind = None
    for m in _LABEL_RE.finditer(segment):
        word = m.group(1).lower().strip(".")
        # one letter labels only count at a word start followed by ':' '.' or a digit/+ sign
        if len(word) == 1:
            tail = segment[m.end(1):m.end(1) + 2]
            if not re.match(r"\s*[:.)|]|\s*[+(\d]", tail):
                continue
            # "D.R. Menon" style initials are no labels
            if re.match(r"\.[A-Za-z]\.", segment[m.end(1):m.end(1) + 3]):
                continue
        kind = _LABELS.get(word, kind)
    return kind


def _join_area_code(text: str, region: str) -> str:
    """'08672,224441' -> '08672-224441': a comma (a misread hyphen) after a trunk-0 area code
    that is no number by itself, when code and number together make a valid number."""
    def fix(m: re.Match[str]) -> str:
        joined = m.group(1) + m.group(2)
        try:
            ok = phonenumbers.is_valid_number(phonenumbers.parse(joined, region))
        except phonenumbers.NumberParseException:
            ok = False
        return f"{m.group(1)}-{m.group(2)}" if ok else m.group(0)
    return re.sub(r"(?<![\d+,/-])(0\d{2,4})\s?,\s?(\d{5,8})(?![\d,/-])", fix, text)


def _trunk_zero(region: str) -> bool:
    meta = phonenumbers.PhoneMetadata.metadata_for_region(region)
    return bool(meta is not None and meta.national_prefix == "0")


def drop_icon_digit(text: str, region: str) -> str:
    """'8 030 1234567' -> '030 1234567': a lone digit before a national number that starts
    with the trunk prefix 0 is a phone pictogram the OCR read as a digit (no number is written
    with a digit before its trunk prefix)."""
    if not _trunk_zero(region):
        return text
    return re.sub(r"(?:^|(?<=[\s:|]))\d\s+(?=\(?0\d)", "", text)


# a North American toll-free code, then seven letters or digits (at least one a letter)
_VANITY_RE = re.compile(r"(?<![\w+])(?:\+?1[\s.-]?)?\(?8(?:00|33|44|55|66|77|88)\)?[\s.-]?"
                        r"[A-Z0-9](?:[\s.-]?[A-Z0-9]){6}(?!\w)")


def spell_vanity(text: str) -> str:
    """'1-800-FLOWERS' -> '1-800-3569377': North American toll-free numbers spelt in letters."""
    def spell(m: re.Match[str]) -> str:
        if not re.search(r"[A-Z]", m.group(0)):
            return m.group(0)
        return phonenumbers.convert_alpha_characters_in_number(m.group(0))
    return _VANITY_RE.sub(spell, text)


@dataclass(frozen=True)
class _Found:
    """A phone number found in a line, and where: phonenumbers' match, or a digit run read alone."""

    number: phonenumbers.PhoneNumber
    start: int
    end: int


def find_phones(text: str, region: str) -> list[PhoneHit]:
    """Phone numbers in one line, read as national numbers of ``region`` when no '+CC'."""
    t = drop_icon_digit(spell_vanity(repair_digits(text)), region)
    t = re.sub(r"(?<=\d)\s*\(\s*0\s*\)\s*(?=\d)", " ", t)  # +49 (0) 30 -> +49 30
    t = re.sub(r"(?<=\+)\s+(?=\d)", "", t)
    t = _join_area_code(t, region)
    t = re.sub(r"(?<=\d)\s*([,/;])\s*(?=[+(]?\d)", r" \1 ", t)  # "8881,90309" -> "8881 , 90309"
    t = re.sub(r"(\+\d{1,3})\s*\.\s*", r"\1 ", t)
    hits: list[PhoneHit] = []
    try:
        matches = [_Found(m.number, m.start, m.end)
                   for m in phonenumbers.PhoneNumberMatcher(t, region, leniency=phonenumbers.Leniency.VALID)]
    except Exception:  # noqa: BLE001 - phonenumbers can fail on odd text: no numbers then
        matches = []
    ranged = re.sub(r"(?<=\d{6})-(\d{1,2})(?![\d-])", r" / \1", t)
    if not matches and ranged != t:
        # "040-23884236-37": two lines ending 36 and 37, written as a range no parser reads
        t = ranged
        try:
            matches = [_Found(m.number, m.start, m.end) for m in phonenumbers.PhoneNumberMatcher(
                t, region, leniency=phonenumbers.Leniency.VALID)]
        except Exception:  # noqa: BLE001 - as above
            matches = []
    if not matches:
        # numbers glued to letters ("Contact:03367089644") or odd separators: try digit runs
        for run in re.finditer(r"\+?\d[\d\s().-]{6,}\d", t):
            try:
                num = phonenumbers.parse(run.group(0), region)
            except phonenumbers.NumberParseException:
                continue
            if phonenumbers.is_valid_number(num):
                matches.append(_Found(num, run.start(), run.end()))
    prev_end = 0
    carried: str | None = None
    for m in matches:
        seg = t[prev_end:m.start]
        kind = _label_kind(seg + t[m.start:m.start + 2])
        labelled = kind is not None
        after = _AFTER_RE.match(t[m.end:])
        if after:
            kind, labelled = _LABELS.get(after.group(1).lower().strip("."), kind), True
        if kind is None and carried is not None:
            # "Cell: 98480 11111, 99494 22222" or "Tel 2424398 / 7034641404": one label, two numbers
            if re.fullmatch(r"\s*[,/;|&]?\s*(?:or|ou|oder|o)?\s*[,/;|&]?\s*", seg, re.I):
                kind, labelled = carried, True
        if kind is None:
            kind = _kind_by_type(m.number)
        e164 = phonenumbers.format_number(m.number, phonenumbers.PhoneNumberFormat.E164)
        hits.append(PhoneHit(e164, kind, m.start, m.end, labelled))
        carried = kind if labelled else None
        prev_end = m.end
        # "040 6589 9997/8", "2345 6780/81", "044-2478 0648, 58", "0129-4007776, 4087776":
        # sibling lines that differ in the last digits
        # "23884541 / 4232", "23870445 / 23774271" (the same exchange or area), "23884236-37"
        sib = re.match(r"\s*/\s*(\d{1,8})(?![\d\s./-]*\d)", t[m.end:]) or \
            re.match(r"\s*,\s*(\d{2,8})(?![\d\s./-]*\d)", t[m.end:]) or \
            re.match(r"-(\d{1,2})(?![\d\s./-]*\d)", t[m.end:])
        if sib and (len(sib.group(1)) >= len(str(m.number.national_number))
                    or any(m.end < o.start < m.end + sib.end() for o in matches)):
            sib = None
        if sib:
            nat, tail = str(m.number.national_number), sib.group(1)
            alt = phonenumbers.PhoneNumber(country_code=m.number.country_code,
                                           national_number=int(nat[:-len(tail)] + tail),
                                           italian_leading_zero=m.number.italian_leading_zero)
            if phonenumbers.is_valid_number(alt):
                alt_e164 = phonenumbers.format_number(alt, phonenumbers.PhoneNumberFormat.E164)
                hits.append(PhoneHit(alt_e164, kind, m.end, m.end + sib.end(), labelled))
                prev_end = m.end + sib.end()
    return hits


# how numbers are printed is a hint of the country when nothing else names it
_NANP_STYLE = re.compile(r"(?<![\d+])(?:\(\d{3}\)\s?|\d{3}[.-])\d{3}[.-]\d{4}(?!\d)")
_IN_STYLE = re.compile(r"(?<![\d+])(?:[6-9]\d{4}\s\d{5}|[6-9]\d{9})(?!\d)")


_SPACED_10 = re.compile(r"(?<![\d+(-])[6-9]\d{1,4}(?: \d{2,5}){1,3}(?![\d-])")


def style_region(text: str) -> str | None:
    """'(212) 555-0199' / '212-555-0199' style -> US; '98480 11111', '9898 24 4020' style
    (ten digits from 6-9, not grouped 3-3-4) -> IN; else None."""
    us = len(_NANP_STYLE.findall(text))
    india = len(_IN_STYLE.findall(text))
    for m in _SPACED_10.finditer(text):
        groups = m.group(0).split()
        if sum(len(g) for g in groups) == 10 and [len(g) for g in groups] != [3, 3, 4] \
                and len(groups) > 1 and len(groups[0]) != 5:
            india += 1
    if us > india:
        return "US"
    if india > us:
        return "IN"
    return None


def named_region(text: str) -> str | None:
    """The one country a line names (a country's name, an address in a country's shape, or the
    '+CC' of its numbers); None when it names none or several ("Offices in USA, UK, India")."""
    from .parse_address import countries_named, region_hint

    named = {code for _, code in countries_named(text)}
    hint = region_hint(text)
    if hint:
        named.add(hint)
    if not named:
        for m in re.finditer(r"\+\s?(\d{1,3})(?=[\s(.-]*\d)", text):
            try:
                cc = phonenumbers.region_code_for_country_code(int(m.group(1)))
            except ValueError:
                continue
            if cc and cc != "ZZ":
                named.add(cc)
    return named.pop() if len(named) == 1 else None


def block_regions(lines: list[tuple[str, tuple[int, int, int, int]]], default: str) -> list[str]:
    """The region in which each line's national numbers are read: on a card with offices in
    several countries, that of the line's block; otherwise ``default`` for every line.

    ``lines`` are (text, box) with boxes as (x0, y0, x1, y1). A line belongs to the nearest line
    naming a country in the same column (horizontal overlap), above it by preference: an office
    block lists its city or country before, or just after, its numbers.
    """
    named = [named_region(text) for text, _ in lines]
    if len({r for r in named if r}) < 2:
        return [default] * len(lines)
    out: list[str] = []
    for (_, (x0, y0, x1, y1)) in lines:
        best: tuple[float, str] = (float("inf"), default)
        for (_, (a0, b0, a1, b1)), region in zip(lines, named, strict=False):
            if region is None:
                continue
            overlap = min(x1, a1) - max(x0, a0)
            if overlap < 0.3 * min(x1 - x0, a1 - a0):
                continue  # another column
            gap = y0 - b1 if b1 <= y0 + 1 else 1.5 * max(0.0, b0 - y1)
            if max(b0, y0) < min(b1, y1):
                gap = 0.0  # the line itself, or one beside it in the same row
            if gap < best[0]:
                best = (gap, region)
        out.append(best[1])
    return out


def region_of_number(e164: str) -> str | None:
    """The ISO region of an E.164 number, or None."""
    try:
        return phonenumbers.region_code_for_number(phonenumbers.parse(e164, None)) or None
    except phonenumbers.NumberParseException:
        return None


def has_phone_label(text: str) -> bool:
    """True if the line starts with a phone label (so it is a phone line even if unreadable)."""
    # "P.O. Box 123" is no label
    return bool(re.match(r"^\s*(?:tel|phone|ph|mob|mobile|cell|fax|handy|t|m|f|p)\s*[:.](?!\s*O\.?\s*Box)",
                         text, re.I))
