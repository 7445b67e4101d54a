"""`netcompanion reminders [show | set NAME VALUE]`: calendar alarms, the feed, the tray, notifications."""
from __future__ import annotations

import argparse

from netcompanion.cli.common import add_json_flag, print_json, services_from, table


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "reminders", help="show or change how the app reminds you",
        description="Show or change the reminder settings: calendar_alarms (on/off), alarm_minutes_before, "
        "feed, feed_kind (todo/event), tray, notifications, close_to_tray, start_at_login, quiet_hours, "
        "quiet_start and quiet_end (HH:MM, local time).")
    actions = parser.add_subparsers(dest="action")
    show = actions.add_parser("show", help="the current settings", description="Show the reminder settings.")
    add_json_flag(show)
    change = actions.add_parser("set", help="change one setting",
                                description="Change one reminder setting, e.g. `reminders set quiet_start 22:00`.")
    change.add_argument("name")
    change.add_argument("value")
    parser.set_defaults(func=run, json=False)


def run(args: argparse.Namespace) -> int:
    service = services_from(args).reminders
    settings = service.update(**{args.name: args.value}) if args.action == "set" else service.get()
    if args.action == "set" and args.name == "start_at_login":
        from netcompanion.autostart import set_autostart

        path = set_autostart(settings.start_at_login)
        print(f"{'wrote' if settings.start_at_login else 'removed'} {path}")
    values = settings.to_dict()
    if args.json:
        print_json(values)
    else:
        print(table([[name, _shown(value)] for name, value in values.items()], ["setting", "value"]))
    return 0


def _shown(value: object) -> str:
    if isinstance(value, bool):
        return "on" if value else "off"
    return str(value)
