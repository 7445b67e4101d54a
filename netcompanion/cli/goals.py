"""`netcompanion goals list|add`."""
from __future__ import annotations

import argparse

from netcompanion.cli.common import add_json_flag, echo, print_json, services_from, table


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("goals", help="list and add goals", description="List and add goals.")
    commands = parser.add_subparsers(dest="goals_command", required=True, metavar="COMMAND")
    listing = commands.add_parser("list", help="list goals", description="List the goals.")
    add_json_flag(listing)
    listing.set_defaults(func=run_list)
    add = commands.add_parser("add", help="add a goal of your own", description="Add a goal of your own.")
    add.add_argument("name", help="the goal's name, e.g. 'Press'")
    add.add_argument("--description", default="")
    add.set_defaults(func=run_add)


def run_list(args: argparse.Namespace) -> int:
    goals = services_from(args).goals.list()
    if args.json:
        print_json([{"key": g.key, "name": g.name, "description": g.description, "builtin": g.builtin} for g in goals])
    else:
        echo(table([[g.key, g.name, g.description] for g in goals], ["key", "name", "description"]))
    return 0


def run_add(args: argparse.Namespace) -> int:
    goal = services_from(args).goals.add(args.name, args.description)
    echo(f"added goal {goal.key}")
    return 0
