"""`netcompanion demo`: fill the database with a believable demo network."""
from __future__ import annotations

import argparse

from netcompanion.cli.common import echo, services_from


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "demo", help="fill the database with demo data",
        description="Add three events, about forty contacts, interactions and open follow-ups.")
    parser.add_argument("--force", action="store_true", help="add the demo even when the database is not empty")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from netcompanion.demo import fill_demo
    services = services_from(args)
    if not services.is_empty() and not args.force:
        echo("the database holds data already; the demo was not added (use --force to add it anyway)")
        return 0
    counts = fill_demo(services)
    echo(f"added {counts['events']} events, {counts['contacts']} contacts, {counts['interactions']} interactions")
    return 0
