"""`netcompanion plan EVENT [--attendees FILE.csv] [--json]`: rank attendees by fit with the event's goal."""
from __future__ import annotations

import argparse

from netcompanion.cli.common import add_json_flag, echo, print_json, services_from, table
from netcompanion.core.errors import ValidationError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "plan", help="rank an event's attendees by fit with its goal",
        description="Rank the attendees of an event (an attendee list CSV, or else your contacts) by fit "
                    "with the event's goal, each score with its reasons; optionally keep the best as targets.")
    parser.add_argument("event", help="the event (name or id)")
    parser.add_argument("--attendees", help="attendee list (CSV: name, title, company, email, bio columns)")
    parser.add_argument("--map", action="append", default=[], metavar="FIELD=COLUMN",
                        help="which column holds a field, e.g. name=Teilnehmer (repeatable)")
    parser.add_argument("--top", type=int, default=20, help="how many attendees to show (default 20; 0: all)")
    parser.add_argument("--save", type=int, default=0, metavar="N", help="keep the best N as the event's targets")
    parser.add_argument("--why", default="", help="the why to note on the targets kept with --save")
    parser.add_argument("--keyword", action="append", default=[], metavar="WORD=WEIGHT",
                        help="replace the goal's keyword profile with these (repeatable; weights 0.1-10)")
    parser.add_argument("--reset-profile", action="store_true", help="go back to the goal's default keyword profile")
    parser.add_argument("--industry", action="append", default=[],
                        help="an industry you sell to, ranked higher for client events (repeatable; replaces the list)")
    add_json_flag(parser)
    parser.set_defaults(func=run)


def _mapping(pairs: list[str], option: str = "--map") -> dict[str, str] | None:
    mapping = {}
    for pair in pairs:
        field, sep, column = pair.partition("=")
        if not sep or not field.strip() or not column.strip():
            example = "name=Teilnehmer" if option == "--map" else "fund=3"
            raise ValidationError(f"{option} {pair!r}: write NAME=VALUE, e.g. {example}")
        mapping[field.strip()] = column.strip()
    return mapping or None


def _apply_profile_options(services, goal: str, args: argparse.Namespace) -> None:  # noqa: ANN001
    """Store what --keyword, --reset-profile and --industry change (before ranking)."""
    if args.keyword or args.reset_profile:
        keywords = {} if args.reset_profile else _mapping(args.keyword, "--keyword") or {}
        services.preferences.set_planning_profile(goal, keywords)
    if args.industry:
        services.preferences.set_target_industries(args.industry)


def run(args: argparse.Namespace) -> int:
    from netcompanion.core.services import event_to_dict
    from netcompanion.core.services.planning import target_to_dict
    services = services_from(args)
    event = services.events.get(args.event)
    attendees = None
    if args.attendees:
        from netcompanion.interop.attendees import read_attendees

        attendees = read_attendees(args.attendees, _mapping(args.map))
    goal = event.goal.key if event.goal else ""
    _apply_profile_options(services, goal, args)
    ranked = services.planning.rank(event.id, attendees)
    if args.save:
        services.planning.add_targets(event.id, [r.attendee | ({"contact_id": r.contact_id} if r.contact_id else {})
                                                 for r in ranked[: args.save]], why=args.why)
    shown = ranked[: args.top] if args.top else ranked
    targets = services.planning.targets(event.id)
    if args.json:
        print_json({"event": event_to_dict(event), "profile": services.planning.profile(event.id),
                    "attendees": [r.to_dict() for r in shown], "total": len(ranked),
                    "targets": [target_to_dict(t) for t in targets]})
        return 0
    echo(f"{event.name}: {len(ranked)} attendees ranked for the goal '{goal}'")
    rows = [[str(n), f"{r.fit.score:g}", r.attendee.get("name", ""), r.attendee.get("company", ""),
             "known" if r.contact_id else "", "; ".join(r.fit.reasons[:3])] for n, r in enumerate(shown, 1)]
    if rows:
        echo(table(rows, ["#", "score", "name", "company", "", "reasons"]))
    if targets:
        echo(f"\ntargets ({sum(t.status == 'met' for t in targets)}/{len(targets)} met): "
              + ", ".join(f"{t.name} [{t.status}]" for t in targets))
    return 0
