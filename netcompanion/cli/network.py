"""`netcompanion network [--json]`: tiers, capacity, pruning, introductions and event results;
`network introduce|decline OFFERER NEEDER`; `network set SETTING VALUE`."""
from __future__ import annotations

import argparse

from netcompanion.cli.common import add_json_flag, echo, print_json, services_from, table
from netcompanion.core.rules.followup_rules import NUMBERS


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "network", help="the health of your network",
        description="Show tiers, the weekly follow-up load against your budget, pruning suggestions, "
                    "suggested introductions and event results.")
    parser.add_argument("--limit", type=int, default=20, help="at most this many pruning and introduction lines")
    add_json_flag(parser)
    parser.set_defaults(func=run_report)
    commands = parser.add_subparsers(dest="network_command", metavar="COMMAND")
    for verb, text in (("introduce", "accept a suggested introduction: a follow-up for each side"),
                       ("decline", "decline a suggested introduction: it is not suggested again")):
        sub = commands.add_parser(verb, help=text, description=text[0].upper() + text[1:] + ".")
        sub.add_argument("offerer", type=int, help="id of the contact who offers")
        sub.add_argument("needer", type=int, help="id of the contact who needs it")
        sub.set_defaults(func=run_introduce if verb == "introduce" else run_decline)
    setting = commands.add_parser("set", help="change a setting",
                                  description="Change weekly_budget, reintroduce_per_week or inner_circle_size.")
    setting.add_argument("name", choices=sorted(NUMBERS), help="the setting")
    setting.add_argument("value", type=int, help="its new value")
    setting.set_defaults(func=run_set)
    cadence = commands.add_parser("cadence", help="change a keep-in-touch cadence",
                                  description="Set the days between keep-in-touch reminders for a tier "
                                              "(0: never), for every contact or only those tagged with a goal.")
    cadence.add_argument("tier", help="inner, warm, acquaintance or noise")
    cadence.add_argument("days", type=int, help="days between reminders; 0 for never")
    cadence.add_argument("--goal", help="only for contacts tagged with this goal")
    cadence.set_defaults(func=run_cadence)


def run_report(args: argparse.Namespace) -> int:
    report = services_from(args).network.report(limit=args.limit)
    if args.json:
        print_json(report)
        return 0
    tiers = report["tiers"]
    echo("tiers: " + ", ".join(f"{name} {count}" for name, count in tiers.items()))
    capacity = report["capacity"]
    echo(capacity["message"])
    if capacity["inner_circle_over"]:
        echo(f"your inner circle has {capacity['inner_circle']} people, more than {capacity['inner_circle_limit']}")
    if capacity["move_down"]:
        echo(table([[str(m["contact_id"]), m["name"], f"{m['tier']} -> {m['to_tier']}", str(m["strength"])]
                     for m in capacity["move_down"]], ["id", "move down", "tier", "strength"]))
    if report["pruning"]:
        echo(f"\n{report['pruning_total']} contacts to prune (no interaction for a year, nothing written about them): "
              + ", ".join(p["name"] for p in report["pruning"]))
    if report["introductions"]:
        echo("\nintroductions:")
        echo(table([[f"{s['offerer']['id']} {s['offerer']['name']}", f"{s['needer']['id']} {s['needer']['name']}",
                      ", ".join(s["words"])] for s in report["introductions"]], ["offers", "needs", "matching words"]))
    if report["events"]:
        echo("\nevents:")
        echo(table([[e["name"], e["goal"], f"{e['targets_met']}/{e['targets_planned']}", str(e["cards_scanned"]),
                      f"{e['followups_within_24h']}/{e['followups']}",
                      "-" if e["warm_after_90_days"] is None else f"{e['warm_after_90_days']:.0%}"]
                     for e in report["events"]],
                    ["event", "goal", "targets met", "cards", "within 24 h", "warm at 90 days"]))
    return 0


def run_introduce(args: argparse.Namespace) -> int:
    intro = services_from(args).network.accept_introduction(args.offerer, args.needer)
    echo(f"introduction {intro.id} accepted: a follow-up for each side is in the queue")
    return 0


def run_decline(args: argparse.Namespace) -> int:
    services_from(args).network.decline_introduction(args.offerer, args.needer)
    echo("declined: this pair is not suggested again")
    return 0


def run_set(args: argparse.Namespace) -> int:
    services_from(args).preferences.set_number(args.name, args.value)
    echo(f"{args.name} = {args.value}")
    return 0


def run_cadence(args: argparse.Namespace) -> int:
    preferences = services_from(args).preferences
    if args.goal:
        preferences.set_goal_cadence(args.goal, args.tier, args.days or None)
    else:
        preferences.set_tier_cadence(args.tier, args.days or None)
    scope = f" ({args.goal})" if args.goal else ""
    echo(f"{args.tier}{scope}: " + (f"every {args.days} days" if args.days else "never"))
    return 0
