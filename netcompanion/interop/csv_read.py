"""Reading a CSV export into a header and rows that remember their line numbers.

Handles what real exporters write: `,` `;` or tab as the separator (localised Outlook uses the
regional list separator), lines of notes before the header (LinkedIn's `Connections.csv`),
rows shorter than the header (trailing empty cells left out) or longer (kept apart in `extra`,
for the caller to skip with a reason), and empty rows.
"""
from __future__ import annotations

import csv
import io
import itertools
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from netcompanion.interop.errors import InputFileError
from netcompanion.interop.text_decode import MAX_IMPORT_RECORDS

DELIMITERS = (",", ";", "\t", "|")
HEADER_SEARCH_RECORDS = 30
_LINES_BLOCK = 1 << 20
MAX_CELL_CHARS = 1_000_000
MAX_COLUMNS = 1_000
"""Columns of a header (Google's export has about 90 with every slot filled, Outlook's 92): a file
with more is refused before its columns are matched to fields."""


@dataclass
class CsvRow:
    """One data row: its first line in the file, its cells by column name, and cells beyond the header."""

    line: int
    cells: dict[str, str]
    extra: list[str] = field(default_factory=list)


@dataclass
class CsvTable:
    """A CSV file read: the header (unique names), the data rows, the separator and the header's line."""

    header: list[str]
    rows: list[CsvRow]
    delimiter: str = ","
    header_line: int = 1


def sniff_delimiter(text: str) -> str:
    """The separator that splits the first lines of `text` into the most equal, widest rows."""
    sample = "\n".join(text[:65536].split("\n")[:HEADER_SEARCH_RECORDS])
    best, best_score = ",", 0
    for delimiter in DELIMITERS:
        try:
            widths = [len(r) for r in csv.reader(io.StringIO(sample), delimiter=delimiter) if len(r) > 1]
        except csv.Error:
            continue
        if widths:
            width, count = Counter(widths).most_common(1)[0]
            if width * count > best_score:
                best, best_score = delimiter, width * count
    return best


def _lines(text: str) -> Iterator[str]:
    """The lines of `text`, each with its "\n", a block at a time: io.StringIO would hold a copy of
    the whole text at 4 bytes a character."""
    start = 0
    while start < len(text):
        cut = text.find("\n", start + _LINES_BLOCK)
        end = len(text) if cut < 0 else cut + 1
        block = text[start:end].split("\n")
        last = block.pop()  # "" after the block's final "\n", else the text's last line without one
        yield from [line + "\n" for line in block]
        if last:
            yield last
        start = end


def iter_records(text: str, delimiter: str, source: str = "") -> Iterator[tuple[int, list[str]]]:
    """(first line, cells) for each record of `text`; an InputFileError naming the line when broken."""
    csv.field_size_limit(MAX_CELL_CHARS)
    reader = csv.reader(_lines(text), delimiter=delimiter, strict=True)
    start = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            message = str(exc)
            if "unexpected end of data" in message:
                message = "a quoted cell starts on this line and is never closed (a missing \" ?)"
            elif "field larger" in message:
                message = (f"a cell that starts on this line is longer than {MAX_CELL_CHARS:,} characters: "
                           "a quote opened there is never closed (a missing \" ?), or the cell is too long to import")
            else:
                message = f"the row is not valid CSV ({message})"
            raise InputFileError(message, source=source, line=start) from None
        if cells:  # an empty line is no record (the rows of a file of empty lines are passed over at once)
            yield start, cells
        start = reader.line_num + 1


def _unique(names: list[str]) -> list[str]:
    seen: Counter[str] = Counter()
    unique: list[str] = []
    for raw in names:
        name = raw.strip() or f"column {len(unique) + 1}"
        seen[name] += 1
        unique.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return unique


def _is_header(cells: list[str], is_known: Callable[[str], bool] | None) -> int:
    """2 for a row naming known columns, 1 for a plausible header, 0 for neither."""
    filled = [c for c in cells if c.strip()]
    if is_known and sum(1 for c in filled if is_known(c)) >= 2:
        return 2
    return int(len(filled) >= 2 and all(len(c) <= 80 for c in filled))


def read_csv_text(
    text: str,
    *,
    source: str = "",
    is_known_header: Callable[[str], bool] | None = None,
    max_rows: int = MAX_IMPORT_RECORDS,
) -> CsvTable:
    """The table in `text`: the header is the first row naming known columns (else the first
    plausible one), so lines of notes above it are passed over. More than `max_rows` data rows
    is an InputFileError."""
    delimiter = sniff_delimiter(text)
    records = iter_records(text, delimiter, source)
    head: list[tuple[int, list[str]]] = []
    for record in records:
        if any(c.strip() for c in record[1]):
            head.append(record)
        if len(head) >= HEADER_SEARCH_RECORDS:
            break
    if not head:
        raise InputFileError("the file is empty", source=source)
    scores = [_is_header(cells, is_known_header) for _, cells in head]
    index = scores.index(max(scores)) if max(scores) else 0
    header_line, header_cells = head[index]
    if len(header_cells) > MAX_COLUMNS:
        raise InputFileError(f"the header has {len(header_cells):,} columns, more than the {MAX_COLUMNS:,} "
                             "an import reads", source=source, line=header_line)
    header = _unique(header_cells)
    rows: list[CsvRow] = []
    for line, cells in itertools.chain(head[index + 1:], records):
        if any(c.strip() for c in cells):
            if len(rows) >= max_rows:
                raise InputFileError(f"the file has more than {max_rows:,} rows; import it in parts",
                                     source=source, line=line)
            rows.append(_row(line, cells, header))
    return CsvTable(header=header, rows=rows, delimiter=delimiter, header_line=header_line)


def _row(line: int, cells: list[str], header: list[str]) -> CsvRow:
    values = dict(zip(header, cells, strict=False))  # a long row's extra cells are dropped
    for name in header[len(cells):]:
        values[name] = ""
    return CsvRow(line=line, cells=values, extra=[c for c in cells[len(header):] if c.strip()])
