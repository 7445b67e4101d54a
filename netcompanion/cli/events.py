"""`netcompanion events add|list`."""
from __future__ import annotations

import argparse

from netcompanion.cli.common import add_json_flag, echo, print_json, services_from, table
from netcompanion.core.clock import to_local


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("events", help="add and list events", description="Add and list events.")
    commands = parser.add_subparsers(dest="events_command", required=True, metavar="COMMAND")

    add = commands.add_parser("add", help="add an event", description="Add an event with one goal.")
    add.add_argument("name", help="the event's name")
    add.add_argument("--goal", required=True, help="investor, client, mentor, partner, hire or your own")
    add.add_argument("--start", help="start, ISO date or date-time (local time unless it has an offset)")
    add.add_argument("--end", help="end, ISO date or date-time")
    add.add_argument("--target", type=int, default=0, help="how many people to meet for the goal")
    add.add_argument("--location", default="", help="where it is")
    add.add_argument("--notes", default="", help="free notes")
    add_json_flag(add)
    add.set_defaults(func=run_add)

    listing = commands.add_parser("list", help="list events", description="List events, most recent first.")
    add_json_flag(listing)
    listing.set_defaults(func=run_list)


def run_add(args: argparse.Namespace) -> int:
    from netcompanion.core.services import event_to_dict
    event = services_from(args).events.add(
        args.name, args.goal, start=args.start, end=args.end, target_count=args.target,
        location=args.location, notes=args.notes,
    )
    if args.json:
        print_json(event_to_dict(event))
    else:
        echo(f"added event {event.id}: {event.name} ({event.goal.key if event.goal else ''})")
    return 0


def run_list(args: argparse.Namespace) -> int:
    from netcompanion.core.services import event_to_dict
    events = services_from(args).events.list()
    if args.json:
        print_json([event_to_dict(event, met) for event, met in events])
        return 0
    if not events:
        echo("no events yet: add one with `netcompanion events add NAME --goal GOAL`")
        return 0
    rows = [[str(e.id), e.name, e.goal.key if e.goal else "", _day(e), e.location, f"{met}/{e.target_count}"]
            for e, met in events]
    echo(table(rows, ["id", "name", "goal", "starts", "location", "met/target"]))
    return 0


def _day(event) -> str:  # noqa: ANN001
    local = to_local(event.starts_at)
    return local.strftime("%Y-%m-%d %H:%M") if local else ""
