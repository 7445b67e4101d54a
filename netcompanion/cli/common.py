"""What the CLI commands share: opening the services, printing JSON, reporting errors."""
from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from netcompanion.core.services import Services


def services_from(args: argparse.Namespace) -> Services:
    """The services over the database named by `--db` (or the settings), opened once per command
    (kept on `args`, so that `main` can refresh the calendar feed after a command that used them)."""
    from netcompanion.core.services import open_services

    services = getattr(args, "opened_services", None)
    if services is None:
        services = open_services(getattr(args, "db", None))
        args.opened_services = services
    return services


def print_json(value: Any) -> None:
    """Print `value` as indented, UTF-8 JSON on standard output."""
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def add_json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON (format in the README)")


def table(rows: list[list[str]], headers: list[str]) -> str:
    """A plain text table with columns as wide as their widest cell."""
    widths = [max(len(str(cell)) for cell in column) for column in zip(headers, *rows)]
    lines = ["  ".join(str(cell).ljust(width) for cell, width in zip(row, widths)).rstrip()
             for row in [headers, *rows]]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)
