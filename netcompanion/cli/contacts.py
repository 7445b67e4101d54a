"""`netcompanion contacts add|list`."""
from __future__ import annotations

import argparse
import sys

from netcompanion.cli.common import add_json_flag, echo, print_json, services_from, table


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("contacts", help="add and list contacts", description="Add and list contacts.")
    commands = parser.add_subparsers(dest="contacts_command", required=True, metavar="COMMAND")

    listing = commands.add_parser("list", help="list contacts", description="List contacts matching every filter.")
    listing.add_argument("--goal", help="only contacts tagged with this goal")
    listing.add_argument("--event", help="only contacts met at this event (name or id)")
    listing.add_argument("--tier", help="inner, warm, acquaintance or noise")
    listing.add_argument("--search", help="words to find in names, title, company, notes, e-mails, phones")
    listing.add_argument("--archived", action="store_true", help="include archived contacts")
    add_json_flag(listing)
    listing.set_defaults(func=run_list)

    add = commands.add_parser("add", help="add a contact", description="Add a contact, optionally met at an event.")
    add.add_argument("--name", default="", help="full name (a contact needs a name, company, e-mail or phone)")
    add.add_argument("--title", default="")
    add.add_argument("--company", default="")
    add.add_argument("--email", action="append", default=[], help="e-mail address (repeat for several)")
    add.add_argument("--phone", action="append", default=[],
                     help="phone number, optionally KIND:NUMBER with KIND work/mobile/fax/other (repeatable)")
    add.add_argument("--website", action="append", default=[], help="web site (repeatable)")
    add.add_argument("--address", default="")
    add.add_argument("--birthday", default="", help="YYYY-MM-DD, or --MM-DD without the year")
    add.add_argument("--anniversary", default="", help="YYYY-MM-DD, or --MM-DD without the year")
    add.add_argument("--linkedin", default="")
    add.add_argument("--notes", default="")
    add.add_argument("--tier", default="acquaintance", help="inner, warm, acquaintance (default) or noise")
    add.add_argument("--region", default="", help="country for numbers without a country code (default: yours)")
    add.add_argument("--event", help="the event where you met (name or id)")
    add.add_argument("--goal", action="append", default=[], help="goal this contact serves (repeatable)")
    add.add_argument("--detail", default="", help="the one conversation detail to mention in the follow-up")
    add_json_flag(add)
    add.set_defaults(func=run_add)


def _phone(value: str) -> tuple[str, str]:
    kind, sep, number = value.partition(":")
    if sep and kind.strip().lower() in {"work", "mobile", "fax", "other"}:
        return number.strip(), kind.strip().lower()
    return value.strip(), "work"


def run_add(args: argparse.Namespace) -> int:
    from netcompanion.core.services import ContactFields, contact_to_dict
    fields = ContactFields(
        full_name=args.name, title=args.title, company=args.company, emails=args.email,
        phones=[_phone(p) for p in args.phone], websites=args.website, address=args.address,
        linkedin=args.linkedin, notes=args.notes, tier=args.tier, region=args.region,
        birthday=args.birthday, anniversary=args.anniversary,
    )
    from netcompanion.core.services.contacts import contact_label
    from netcompanion.core.services.incoming import clean_fields

    fields, warnings = clean_fields(fields)
    contact = services_from(args).contacts.add(fields, goals=args.goal, event=args.event, detail=args.detail)
    for warning in warnings:
        echo(f"netcompanion contacts add: warning: {warning}", file=sys.stderr)
    if args.json:
        print_json(contact_to_dict(contact))
    else:
        echo(f"added contact {contact.id}: {contact_label(contact)}")
    return 0


def run_list(args: argparse.Namespace) -> int:
    from netcompanion.core.services import contact_to_dict
    services = services_from(args)
    contacts = services.contacts.list(
        goal=args.goal, event=args.event, tier=args.tier, search=args.search, include_archived=args.archived)
    if args.json:
        last = services.interactions.last_for([c.id for c in contacts if c.id is not None])
        print_json([{**contact_to_dict(c), "last_interaction": last[c.id].isoformat() if c.id in last else None}
                    for c in contacts])
        return 0
    if not contacts:
        echo("no contacts match")
        return 0
    rows = [[str(c.id), c.full_name, c.title, c.company, ",".join(g.key for g in c.goals), c.tier,
             c.emails[0].address if c.emails else ""] for c in contacts]
    echo(table(rows, ["id", "name", "title", "company", "goals", "tier", "e-mail"]))
    return 0
