"""What the CLI commands share: opening the services, printing text and JSON, reporting errors.

Everything the commands print goes through `echo` (text) or `print_json`/`json_text` (JSON), so
that a name, a note or a file name holding terminal escape sequences (`ESC [ ...`, a carriage
return, a right-to-left override) is shown escaped (`\x1b[...`) and never reaches the terminal
as a command.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from netcompanion.core.services import Services


_opened: list[Services] = []  # what the running command opened, closed by `close_opened` when it ends


def services_from(args: argparse.Namespace) -> Services:
    """The services over the database named by `--db` (or the settings), opened once per command (kept
    on `args`, so that `main` can refresh the calendar feed after it) and closed when the command ends."""
    from netcompanion.core.services import open_services

    services = getattr(args, "opened_services", None)
    if services is None:
        services = open_services(getattr(args, "db", None))
        _opened.append(services)
        args.opened_services = services
    return services


def close_opened() -> None:
    """Close the database connections the command opened (`main` calls it however the command ends)."""
    while _opened:
        _opened.pop().db.dispose()


# C0 and C1 controls (but newline and tab), DEL, and the bidirectional overrides and isolates
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_CELL_CONTROL = re.compile(f"[\\t\\n]|{_CONTROL.pattern}")
# what JSON leaves as it is but a terminal may act on (JSON itself escapes the C0 controls)
_JSON_CONTROL = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_text(value: object, *, one_line: bool = False) -> str:
    """`value` as text safe for a terminal: control characters are written as `\\x1b`, `\\u202e`...

    Newlines and tabs stay, unless `one_line` (a table cell, a name in a sentence).
    """
    return (_CELL_CONTROL if one_line else _CONTROL).sub(_escaped, str(value))


def echo(*parts: object, file: TextIO | None = None) -> None:
    """`print` for the CLI: the parts, escaped by `terminal_text`, on standard output (or `file`)."""
    print(*(terminal_text(part) for part in parts), file=file or sys.stdout)


def json_text(value: Any, indent: int | None = 2) -> str:
    """`value` as UTF-8 JSON, with the characters a terminal acts on written as \\u escapes."""
    return _JSON_CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(value, ensure_ascii=False, indent=indent))


def print_json(value: Any) -> None:
    """Print `value` as indented, UTF-8 JSON on standard output."""
    sys.stdout.write(json_text(value) + "\n")


def add_json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON (format in the README)")


def table(rows: list[list[str]], headers: list[str]) -> str:
    """A plain text table with columns as wide as their widest cell."""
    rows = [[terminal_text(cell, one_line=True) for cell in row] for row in rows]
    widths = [max(len(str(cell)) for cell in column) for column in zip(headers, *rows, strict=True)]
    lines = ["  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
             for row in [headers, *rows]]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)
