"""Importing hostile and faulty vCard and CSV files: each ends in a clear message (a card skipped with
its reason, or the file refused naming the line), within a bound of memory and time measured in a
child process, and a refused file leaves the database as it was."""
from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as settings_hypothesis
from hypothesis import strategies as st

from netcompanion.core.services import ContactFields
from netcompanion.core.services.import_report import ImportReport
from netcompanion.core.store.models import Contact, ContactPhone
from netcompanion.interop import csv_read, vcard_read
from netcompanion.interop.csv_formats import cell_value
from netcompanion.interop.csv_write import FORMULA_START, is_phone_column, write_csv
from netcompanion.interop.errors import InputFileError
from netcompanion.interop.importer import import_file
from tests.safety import bounded_child
from tests.safety import hostile_texts as hostile
from tests.safety.conftest import contact_parts

MB = hostile.MB
LINE = f"longer than the {vcard_read.MAX_LINE_CHARS:,} characters a property may hold"
PARAMETERS = f"more than {vcard_read.MAX_PARAMETERS} parameters"
PROPERTIES = f"more than {vcard_read.MAX_PROPERTIES:,} properties"
Maker = Callable[[Path], Path]


def _entries(report: ImportReport) -> list[tuple[str, str, str]]:
    return [(e.name, e.outcome, e.reason) for e in report.entries]


# --- one card over a limit: that card is skipped with its reason, the others are imported ---------

CARD_LIMITS: dict[str, tuple[Maker, str]] = {
    "a million parameters": (lambda p: hostile.many_parameters(p, good_around=True), f"its TEL \\(line 12\\) is {LINE}"),
    "51 parameters": (lambda p: hostile.many_parameters(p, vcard_read.MAX_PARAMETERS + 1, good_around=True),
                      f"its TEL \\(line 12\\) has {PARAMETERS}"),
    "a folded NOTE over the line limit": (lambda p: hostile.long_note(p, 200_000, good_around=True),
                                          f"its NOTE \\(line 12\\) is {LINE}"),
    "a NOTE on one line": (lambda p: hostile.long_note(p, 3 * MB, folded=False, good_around=True),
                           f"its NOTE \\(line 12\\) is {LINE}"),
    "501 properties": (lambda p: hostile.many_properties(p, vcard_read.MAX_PROPERTIES - 3, good_around=True),
                       f"the card has {PROPERTIES} \\(line 508\\)"),
    "short folded lines": (lambda p: hostile.short_lines(p, 2 * MB, shape="folds", good_around=True),
                           f"its NOTE \\(line 12\\) is {LINE}"),
    "quoted-printable soft breaks": (lambda p: hostile.short_lines(p, 2 * MB, shape="soft-breaks", good_around=True),
                                     f"its NOTE \\(line 12\\) is {LINE}"),
    "short properties": (lambda p: hostile.short_lines(p, 2 * MB, shape="properties", good_around=True),
                         f"the card has {PROPERTIES} \\(line 508\\)"),
}


@pytest.mark.parametrize("case", list(CARD_LIMITS))
def test_a_card_over_a_limit_is_skipped_with_the_reason_and_the_others_are_imported(services, tmp_path,
                                                                                    case: str) -> None:
    make, reason = CARD_LIMITS[case]
    report = import_file(services, make(tmp_path / "hostile.vcf"))
    [before, skipped, after] = _entries(report)
    assert before[:2] == ("Before Person", "added") and after[:2] == ("After Person", "added")
    assert skipped[:2] == ("Hostile Card", "skipped")  # named by its FN, read before the limit
    assert re.fullmatch(reason, skipped[2]), skipped[2]
    assert report.entries[1].line == 7  # the card's first line
    assert sorted(c.full_name for c in services.contacts.list()) == ["After Person", "Before Person"]


def test_the_limits_themselves_are_read(services, tmp_path: Path) -> None:
    """A card at every limit at once (a NOTE of 19,000 characters written quoted-printable,
    50 parameters, 500 properties) is imported whole."""
    note = "Grüße " * 3166  # 18,996 characters, about 57,000 quoted-printable
    encoded = "".join(f"={b:02X}" if b > 127 or chr(b) == "=" else chr(b) for b in note.encode())
    soft = "=\r\n".join(encoded[i:i + 73] for i in range(0, len(encoded), 73))
    lines = ["BEGIN:VCARD", "VERSION:2.1", "FN:Edge Case", "N:Case;Edge;;;",
             "TEL" + ";X-P=1" * (vcard_read.MAX_PARAMETERS - 1) + ";CELL:+1 415 555 0100",
             "NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:" + soft]
    lines += [f"X-FILLER-{n}:x" for n in range(vcard_read.MAX_PROPERTIES - len(lines) + 1)] + ["END:VCARD"]
    path = tmp_path / "edge.vcf"
    path.write_text("\r\n".join(lines) + "\r\n")
    report = import_file(services, path)
    assert _entries(report) == [("Edge Case", "added", "")]
    [edge] = services.contacts.list()
    assert edge.notes == note.strip() and [p.kind for p in edge.phones] == ["mobile"]


def test_a_big_photo_is_passed_over_without_a_limit(services, tmp_path: Path) -> None:
    report = import_file(services, hostile.big_photo(tmp_path / "photo.vcf", 8 * MB))
    assert _entries(report) == [("Hostile Card", "added", "")]


@pytest.mark.parametrize(("text", "message"), [
    ("BEGIN:VCARD\nFN:A\nTEL" + ";X=1" * 40_000 + ":1\nnot a property\nEND:VCARD\n", None),
    ("BEGIN:VCARD\nFN:A\n" + "X" * 300_000 + "\nEND:VCARD\n", "line 3: 'XXXX.*' is not a vCard property"),
    ("BEGIN:VCARD\nFN:A\nEND:VCARD\nNOTE:" + "x" * 300_000 + "\n", "line 4: 'NOTE:xxx.*' is outside of any BEGIN:VCARD"),
    ("BEGIN:VCARD\nNOTE:" + "x" * 300_000 + "\nBEGIN:VCARD\nFN:A\nEND:VCARD\n",
     "line 3: a new card begins before the card of line 1 has ended"),
    ("BEGIN:VCARD\nNOTE:" + "x" * 300_000 + "\n", "line 1: the card that begins here has no END:VCARD"),
])
def test_a_broken_file_is_still_refused_as_a_whole(services, tmp_path: Path, text: str, message: str | None) -> None:
    """A limit skips a card, but a file whose structure is broken is refused whole, whatever it holds:
    a card skipped for its limit is passed over to its END:VCARD (so the bad line after a long TEL
    there is not looked at)."""
    services.contacts.add(ContactFields(full_name="Kept Person"))
    path = tmp_path / "broken.vcf"
    path.write_text(text)
    if message is None:
        assert _entries(import_file(services, path))[0][1:] == ("skipped", f"its TEL (line 3) is {LINE}")
        return
    with pytest.raises(InputFileError, match=message):
        import_file(services, path)
    assert [c.full_name for c in services.contacts.list()] == ["Kept Person"]


# --- hostile CSVs: refused naming the line and the limit -------------------------------------------

CSV_LIMITS: dict[str, tuple[Maker, str]] = {
    "a cell of 3 MB": (lambda p: hostile.csv_long_cell(p, 3 * MB),
                       "line 3: a cell that starts on this line is longer than 1,000,000 characters"),
    "a bare cell of 3 MB": (lambda p: hostile.csv_long_cell(p, 3 * MB, quoted=False),
                            "line 3: a cell that starts on this line is longer than 1,000,000 characters"),
    "a quote never closed": (lambda p: hostile.csv_unclosed_quote(p, 2 * MB),
                             "line 2: a cell .* a quote opened there is never closed"),
    "a million columns": (lambda p: hostile.csv_wide_row(p, 1_000_000),
                          f"line 1: the header has 1,000,002 columns, more than the {csv_read.MAX_COLUMNS:,}"),
    "too many rows": (lambda p: hostile.csv_short_rows(p, 1 * MB), "line 50002: the file has more than 50,000 rows"),
}


@pytest.mark.parametrize("case", list(CSV_LIMITS))
def test_a_hostile_csv_is_refused_naming_the_line_and_imports_nothing(services, tmp_path, case: str) -> None:
    make, message = CSV_LIMITS[case]
    services.contacts.add(ContactFields(full_name="Kept Person"))
    with pytest.raises(InputFileError, match=message):
        import_file(services, make(tmp_path / "hostile.csv"))
    assert [c.full_name for c in services.contacts.list()] == ["Kept Person"]


def test_blank_lines_cost_nothing_but_time(services, tmp_path: Path) -> None:
    report = import_file(services, hostile.csv_blank_lines(tmp_path / "blank.csv", 1 * MB))
    assert [(e.line, e.name, e.outcome) for e in report.entries] == [(1 + MB // 2 + 1, "Last Row", "added")]


# --- the files, in a child process: memory and time bounded, the database unchanged -------

BASE_MB = 140  # the child's resident memory before it reads (Python, SQLAlchemy, vobject: ~80 MB)
MEMORY_MULTIPLE = 4  # of the file's size: its bytes, its text, and a line or a block at a time
TIME_BOUND_S = 30

OUTCOMES = {  # of each of hostile.WORST
    "vCard: 4 MB, a million parameters": f"its TEL .*{LINE}",
    "vCard: a 30 MB NOTE": LINE,
    "vCard: a 60 MB NOTE": LINE,
    "vCard: a 60 MB NOTE on one line": LINE,
    "vCard: 56 MB of short properties": PROPERTIES,
    "vCard: 56 MB of short folded lines": LINE,
    "vCard: 56 MB of soft line breaks": LINE,
    "vCard: 56 MB of small cards": "more than 50,000 cards",
    "CSV: a 60 MB cell": "longer than 1,000,000 characters",
    "CSV: 56 MB after a quote never closed": "never closed",
    "CSV: 4 million columns": "more than the 1,000",
    "CSV: 56 MB of short rows": "more than 50,000 rows",
    "CSV: 56 MB of empty lines": None,  # one row after them: imported
}


@pytest.mark.slow
@pytest.mark.sqlite_only
@pytest.mark.parametrize("case", list(hostile.WORST))
def test_the_worst_files_stay_within_memory_and_time(services, db_path, data_home, tmp_path, case: str) -> None:
    services.contacts.add(ContactFields(full_name="Kept Person", emails=["kept@example.com"]))
    services.db.dispose()
    source = hostile.make_worst(case, tmp_path)
    size_mb = source.stat().st_size / MB
    before = contact_parts(db_path)
    report = bounded_child.run(source, db_path, data_home, action="import", address_space_mb=1536, timeout=120)
    assert report["max_rss_mb"] < BASE_MB + MEMORY_MULTIPLE * size_mb, report
    assert report["seconds"] < TIME_BOUND_S, report
    message = OUTCOMES[case]
    if message is None:
        assert report["error"] is None and report["added"] == 1, report
        return
    assert re.search(message, report["error"] or " ".join(report["reasons"])), report
    assert report.get("added", 0) == 0, report
    assert contact_parts(db_path) == before


# --- fuzz: cards with lines near and over the limits --------------------------------------------

SMALL = {"MAX_LINE_CHARS": 120, "MAX_PARAMETERS": 4, "MAX_PROPERTIES": 12}
NORMAL_LINES = ["EMAIL:a@example.com", "TEL;TYPE=CELL:+1 415 555 0100", "ORG:Acme;Sales", "X-UNREAD;A=1:x",
                "NOTE:short note", "CATEGORIES:a,b", "item1.URL:https\\://x.io", "BDAY:not a date", ""]


@st.composite
def fuzz_card(draw: st.DrawFn, n: int) -> tuple[list[str], bool]:
    """The lines of card `n` (its FN first) and whether it breaks a limit of SMALL."""
    lines, over = [f"FN:Card {n}"], False
    for _ in range(draw(st.integers(0, 16))):
        kind = draw(st.sampled_from(["normal", "long", "params", "soft", "photo"]))
        if kind == "normal":
            lines.append(draw(st.sampled_from(NORMAL_LINES)))
        elif kind == "long":  # NOTE:x..., folded at random widths, just under or over the line limit
            length = draw(st.integers(SMALL["MAX_LINE_CHARS"] - 3, SMALL["MAX_LINE_CHARS"] + 3))
            value = "NOTE:" + "x" * (length - 5)
            width = draw(st.integers(10, 200))
            lines.append("\n ".join(value[i:i + width] for i in range(0, len(value), width)))
            over |= length > SMALL["MAX_LINE_CHARS"]
        elif kind == "params":
            count = draw(st.integers(0, SMALL["MAX_PARAMETERS"] + 2))
            lines.append("TEL" + ";TYPE=WORK" * count + ":+1 212 555 0100")
            over |= count > SMALL["MAX_PARAMETERS"]
        elif kind == "soft":  # quoted-printable soft breaks, well under or well over
            pieces = draw(st.sampled_from([3, 200]))
            lines.append("NOTE;ENCODING=QUOTED-PRINTABLE:" + "=\n".join(["ab"] * pieces))
            over |= pieces > 3
        else:  # a photo is passed over whatever its length
            lines.append("PHOTO;ENCODING=b;TYPE=JPEG:" + "\n ".join(["QUJD" * 20] * draw(st.integers(1, 30))))
    properties = sum(1 for line in lines if line)
    return lines, over or properties > SMALL["MAX_PROPERTIES"]


@settings_hypothesis(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_fuzzed_cards_are_read_or_skipped_by_the_limits(monkeypatch: pytest.MonkeyPatch, data: st.DataObject) -> None:
    for name, value in SMALL.items():
        monkeypatch.setattr(vcard_read, name, value)
    cards = [data.draw(fuzz_card(n)) for n in range(data.draw(st.integers(1, 4)))]
    text = "\n".join("BEGIN:VCARD\n" + "\n".join(lines) + "\nEND:VCARD" for lines, _ in cards)
    records = vcard_read.read_vcards(text)
    assert [r.fields.full_name for r in records] == [f"Card {n}" for n in range(len(cards))]
    for record, (_, over) in zip(records, cards, strict=True):
        assert bool(record.skip_reason) == over, (record.skip_reason, text)
        if over:
            assert re.search("longer than the 120 characters|more than 4 parameters|more than 12 properties",
                             record.skip_reason)


# --- fuzz: a CSV export opens as text in a spreadsheet and reads back the same ----------------------

FORMULA_LIKE = st.one_of(st.text(max_size=12), st.sampled_from(
    ["=1+2", "+49 30 123", "-5", "@SUM(A1)", "\tx", "=HYPERLINK(\"http://x\")", "+1 (415) 555-0132", "'=x",
     "-(2)", "+", "=cmd|' /C calc'!A0", "0049 30 1234.5"]))
PHONE_LIKE = FORMULA_LIKE.map(str.strip).filter(lambda v: not v.startswith("'"))  # as stored: stripped


@settings_hypothesis(max_examples=150, deadline=None)
@given(st.lists(st.tuples(FORMULA_LIKE, FORMULA_LIKE, FORMULA_LIKE, PHONE_LIKE), min_size=1, max_size=4),
       st.sampled_from(["google", "outlook"]))
def test_no_exported_cell_can_run_as_a_formula(values: list[tuple[str, str, str, str]], csv_format: str) -> None:
    """Contacts built in memory (as stored, phones unchecked): every cell that would start a formula
    has its apostrophe, except a phone cell of digits, spaces and + - ( ) . with a digit in it; and
    each cell reads back as written."""
    contacts = [Contact(full_name=name, company=company, notes=notes, phones=[ContactPhone(e164=phone, kind="work")])
                for name, company, notes, phone in values]
    header, *rows = list(csv.reader(io.StringIO(write_csv(contacts, csv_format)), strict=True))
    for row in rows:
        for name, cell in zip(header, row, strict=True):
            plain_phone = is_phone_column(name) and re.fullmatch(r"[0-9 +\-().]*[0-9][0-9 +\-().]*", cell)
            assert plain_phone or not cell.startswith(FORMULA_START), (name, cell)
    written_phones = [cell_value(cell) for row in rows for name, cell in zip(header, row, strict=True)
                      if is_phone_column(name) and cell]
    assert written_phones == [p for *_, p in values if p]
