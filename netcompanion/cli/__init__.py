"""The `netcompanion` command: with no subcommand it opens the desktop app.

Each subcommand lives in its own module with a `register(subparsers)` function that adds its
parser and sets `func`, which returns the exit status.
"""
from __future__ import annotations

import argparse
import logging
import sys

from netcompanion import __version__
from netcompanion.cli import (
    backup,
    contacts,
    demo,
    drafts,
    events,
    followups,
    goals,
    gui,
    network,
    plan,
    reminders,
    scan,
    transfer,
)
from netcompanion.cli.common import close_opened, echo
from netcompanion.core.errors import NetCompanionError

COMMAND_MODULES = [gui, events, contacts, goals, scan, demo, transfer, followups, plan, network, backup, reminders, drafts]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="netcompanion",
        description="Scan business cards into contacts, plan whom to meet, follow up every conversation. "
        "With no command, opens the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--db", help="database file or SQLAlchemy URL (default: NETCOMPANION_DB, else the data folder)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what happens on standard error")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(subparsers)
    parser.set_defaults(func=gui.run)
    return parser


def refresh_feed(args: argparse.Namespace) -> None:
    """After a command that opened the database: rewrite the calendar feed if the queue changed."""
    services = getattr(args, "opened_services", None)
    if services is not None:
        from netcompanion.interop.ics_feed import CalendarFeed

        CalendarFeed(services).refresh()


def main(argv: list[str] | None = None) -> int:
    """Run the command line `argv` (default: sys.argv) and return the exit status."""
    try:
        return _run(argv)
    finally:
        close_opened()


def _run(argv: list[str] | None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    try:
        status = int(args.func(args) or 0)
        refresh_feed(args)
        return status
    except NetCompanionError as exc:
        echo(f"netcompanion: error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # the reader went away (`| head`): not an error of ours
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        echo("netcompanion: interrupted", file=sys.stderr)
        return 130
