"""Hostile and faulty vCard and CSV files, written by the tests (and by benchmarks/hostile_files.py).

Each maker writes one file at `path` and returns it. They are written in pieces, so that making a
60 MB file does not itself need a multiple of that in memory. Every file stays under the import's
64 MB limit: these are the files that limit lets through.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

MB = 1024 * 1024

_CARD_HEAD = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Hostile Card\r\nN:Card;Hostile;;;\r\nEMAIL:hostile@example.com\r\n"
_CARD_END = "END:VCARD\r\n"


def good_card(given: str) -> str:
    """A sound card of `given` Person, put before ("Before") and after ("After") the hostile one
    where a maker says `good_around`."""
    return (f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{given} Person\r\nN:Person;{given};;;\r\n"
            f"EMAIL:{given.lower()}@example.com\r\nEND:VCARD\r\n")


def _around(good_around: bool) -> tuple[str, str]:
    return (good_card("Before"), good_card("After")) if good_around else ("", "")


def _write(path: Path, pieces: Iterable[str]) -> Path:
    with open(path, "w", encoding="ascii", newline="") as out:
        for piece in pieces:
            out.write(piece)
    return path


def _repeat(unit: str, total_bytes: int) -> Iterable[str]:
    """`unit` repeated to about `total_bytes`, in blocks of about 1 MB."""
    per_block = max(1, MB // len(unit))
    block = unit * per_block
    written = 0
    while written + len(block) <= total_bytes:
        yield block
        written += len(block)
    yield unit * ((total_bytes - written) // len(unit))


def many_parameters(path: Path, count: int = 1_000_000, *, good_around: bool = False) -> Path:
    """A card whose TEL has `count` parameters (`;X=1` each: a million make 4 MB)."""
    before, after = _around(good_around)
    return _write(path, [before, _CARD_HEAD, "TEL", *_repeat(";X=1", 4 * count), ":+1 415 555 0100\r\n",
                         _CARD_END, after])


def long_note(path: Path, size: int, *, folded: bool = True, good_around: bool = False) -> Path:
    """A card with a NOTE of about `size` bytes, folded at 75 characters as writers do (or on one line)."""
    before, after = _around(good_around)
    unit = "x" * 74 + "\r\n " if folded else "x" * 75
    return _write(path, [before, _CARD_HEAD, "NOTE:", *_repeat(unit, size), "\r\n", _CARD_END, after])


def short_lines(path: Path, size: int, *, shape: str = "properties", good_around: bool = False) -> Path:
    """`size` bytes of short lines:

    - ``properties``: one card of short properties (`X-A:1`);
    - ``folds``: one property folded over short continuation lines;
    - ``soft-breaks``: one quoted-printable value of `=` soft line breaks;
    - ``blank``: empty lines inside a card;
    - ``cards``: small cards, one after another.
    """
    body = {"properties": ("X-A:1\r\n", "FN:x\r\n"), "folds": (" a\r\n", "NOTE:a\r\n"),
            "soft-breaks": ("=\r\n", "NOTE;ENCODING=QUOTED-PRINTABLE:a=\r\n"), "blank": ("\r\n", ""),
            "cards": ("BEGIN:VCARD\r\nFN:a\r\nEND:VCARD\r\n", "")}
    unit, first = body[shape]
    if shape == "cards":
        return _write(path, _repeat(unit, size))
    before, after = _around(good_around)
    end = "a\r\n" if shape == "soft-breaks" else ""
    return _write(path, [before, _CARD_HEAD, first, *_repeat(unit, size), end, _CARD_END, after])


def many_properties(path: Path, count: int, *, good_around: bool = False) -> Path:
    """A card of `count` TEL properties (and the 4 of every hostile card)."""
    before, after = _around(good_around)
    return _write(path, [before, _CARD_HEAD, *_repeat("TEL:+1 415 555 0100\r\n", 21 * count), _CARD_END, after])


def big_photo(path: Path, size: int) -> Path:
    """A sound card with a base64 PHOTO of `size` bytes folded at 75 characters, as Apple writes it."""
    return _write(path, [_CARD_HEAD, "PHOTO;ENCODING=b;TYPE=JPEG:", *_repeat("/9j/" * 18 + "AA\r\n ", size), "AA\r\n",
                         _CARD_END])


# --- CSV ---------------------------------------------------------------------------------------

CSV_HEADER = "First Name,Last Name,E-mail 1 - Value,Notes\r\n"


def csv_long_cell(path: Path, size: int, *, quoted: bool = True) -> Path:
    """A Google CSV whose one Notes cell holds `size` bytes (quoted, with line breaks, or bare)."""
    unit = "x" * 73 + "\r\n" if quoted else "x" * 75
    quote = '"' if quoted else ""
    return _write(path, [CSV_HEADER, "Good,Person,good@example.com,fine\r\n", "Long,Cell,long@example.com,", quote,
                         *_repeat(unit, size), quote, "\r\n"])


def csv_unclosed_quote(path: Path, size: int) -> Path:
    """A CSV whose second row opens a quote that is never closed, followed by `size` bytes of rows."""
    return _write(path, [CSV_HEADER, 'Open,"Quote,open@example.com,never closed\r\n',
                         *_repeat("Row,Person,row@example.com,note\r\n", size)])


def csv_wide_row(path: Path, cells: int) -> Path:
    """A CSV whose header has `cells` columns (an empty cell each: a million make 1 MB)."""
    return _write(path, ["First Name,Last Name", *_repeat(",", cells), "\r\nA,B\r\n"])


def csv_short_rows(path: Path, size: int) -> Path:
    """`size` bytes of short rows (far more than the 50,000 rows an import takes)."""
    return _write(path, [CSV_HEADER, *_repeat("a,b,c@d.e,f\r\n", size)])


def csv_blank_lines(path: Path, size: int) -> Path:
    """A header, `size` bytes of empty lines, then one row."""
    return _write(path, [CSV_HEADER, *_repeat("\r\n", size), "Last,Row,last@example.com,\r\n"])


WORST: dict[str, Callable[[Path], Path]] = {
    "vCard: 4 MB, a million parameters": lambda p: many_parameters(p),
    "vCard: a 30 MB NOTE": lambda p: long_note(p, 30 * MB),
    "vCard: a 60 MB NOTE": lambda p: long_note(p, 60 * MB),
    "vCard: a 60 MB NOTE on one line": lambda p: long_note(p, 60 * MB, folded=False),
    "vCard: 56 MB of short properties": lambda p: short_lines(p, 56 * MB, shape="properties"),
    "vCard: 56 MB of short folded lines": lambda p: short_lines(p, 56 * MB, shape="folds"),
    "vCard: 56 MB of soft line breaks": lambda p: short_lines(p, 56 * MB, shape="soft-breaks"),
    "vCard: 56 MB of small cards": lambda p: short_lines(p, 56 * MB, shape="cards"),
    "CSV: a 60 MB cell": lambda p: csv_long_cell(p, 60 * MB),
    "CSV: 56 MB after a quote never closed": lambda p: csv_unclosed_quote(p, 56 * MB),
    "CSV: 4 million columns": lambda p: csv_wide_row(p, 4_000_000),
    "CSV: 56 MB of short rows": lambda p: csv_short_rows(p, 56 * MB),
    "CSV: 56 MB of empty lines": lambda p: csv_blank_lines(p, 56 * MB),
}
"""The worst file of each kind the import's 64 MB limit lets through, by label (the label's first
word is the format): imported by the limits tests and by benchmarks/hostile_files.py."""


def make_worst(label: str, folder: Path) -> Path:
    """The file `label` of WORST, written in `folder` with the ending its format has."""
    return WORST[label](folder / ("hostile.csv" if label.startswith("CSV") else "hostile.vcf"))
