"""`netcompanion followups [--json] [--all] [--everyone] [--goal G]` and `followups done|snooze|dismiss ID`."""
from __future__ import annotations

import argparse

from netcompanion.cli.common import add_json_flag, echo, print_json, services_from, table


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "followups", help="today's follow-up checklist",
        description="Show today's follow-ups (overdue first), or mark one done, snoozed or dismissed.")
    parser.add_argument("--all", action="store_true", help="every open and snoozed item, not only today's")
    parser.add_argument("--everyone", action="store_true",
                        help="the whole team's items on a shared database, not only yours (NETCOMPANION_USER)")
    parser.add_argument("--goal", help="only contacts tagged with this goal")
    add_json_flag(parser)
    parser.set_defaults(func=run_list)
    commands = parser.add_subparsers(dest="followups_command", metavar="COMMAND")

    done = commands.add_parser("done", help="tick an item: logs the interaction",
                               description="Mark a follow-up done; the interaction is logged and the next "
                                           "keep-in-touch reminder is counted from now.")
    done.add_argument("id", type=int, help="the follow-up's id (from `netcompanion followups`)")
    done.add_argument("--channel", default="email", help="email (default), call, meeting, message, social, event, other")
    done.add_argument("--summary", default="", help="what happened (default: the item's reason)")
    add_json_flag(done)
    done.set_defaults(func=run_done)

    snooze = commands.add_parser("snooze", help="hide an item for a while",
                                 description="Hide a follow-up until a later date.")
    snooze.add_argument("id", type=int, help="the follow-up's id")
    snooze.add_argument("--until", default="1d", help="ISO date or date-time, or days such as 3d (default 1d)")
    add_json_flag(snooze)
    snooze.set_defaults(func=run_snooze)

    dismiss = commands.add_parser("dismiss", help="drop an item",
                                  description="Dismiss a follow-up; a keep-in-touch reminder comes back one cadence later.")
    dismiss.add_argument("id", type=int, help="the follow-up's id")
    add_json_flag(dismiss)
    dismiss.set_defaults(func=run_dismiss)


def run_list(args: argparse.Namespace) -> int:
    items = services_from(args).followups.queue(goal=args.goal, include_all=args.all, everyone=args.everyone)
    if args.json:
        print_json([item.to_dict() for item in items])
        return 0
    if not items:
        echo("nothing to follow up today")
        return 0
    rows = [[str(i.id), i.due_label, i.kind.replace("_", " "), i.contact_name, _short(i.reason)] for i in items]
    headers = ["id", "due", "kind", "contact", "reason"]
    if args.everyone:
        rows, headers = [[*row, item.owner or "anyone"] for row, item in zip(rows, items, strict=True)], [*headers, "owner"]
    echo(table(rows, headers))
    return 0


def _short(text: str, width: int = 70) -> str:
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1] + "…"


def _report(args: argparse.Namespace, item, verb: str) -> int:  # noqa: ANN001
    services = services_from(args)
    following = services.followups.next_keep_in_touch(item.contact_id) if verb == "done" else None
    if args.json:
        print_json({"id": item.id, "status": item.status, "contact_id": item.contact_id,
                    "next_keep_in_touch": following.isoformat() if following else None})
    else:
        extra = f"; next keep-in-touch {following:%Y-%m-%d}" if following else ""
        echo(f"follow-up {item.id} {verb}{extra}")
    return 0


def run_done(args: argparse.Namespace) -> int:
    item = services_from(args).followups.mark_done(args.id, args.channel, args.summary)
    return _report(args, item, "done")


def run_snooze(args: argparse.Namespace) -> int:
    item = services_from(args).followups.snooze(args.id, args.until)
    return _report(args, item, f"snoozed until {item.snoozed_until:%Y-%m-%d %H:%M} UTC")


def run_dismiss(args: argparse.Namespace) -> int:
    item = services_from(args).followups.dismiss(args.id)
    return _report(args, item, "dismissed")
