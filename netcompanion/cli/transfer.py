"""`netcompanion export vcard|csv|ics FILE` and `netcompanion import FILE`."""
from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from netcompanion.cli.common import add_json_flag, echo, print_json, services_from
from netcompanion.core.errors import ValidationError

FORMATS = ("vcard", "csv", "ics")

if TYPE_CHECKING:
    from netcompanion.core.services.import_report import ImportReport


def register(subparsers: argparse._SubParsersAction) -> None:
    export = subparsers.add_parser(
        "export", help="export contacts (vCard, CSV) or open follow-ups (iCalendar)",
        description="Write the contacts (of an event, of a goal) as vCard or CSV, or the open follow-ups "
        "as an iCalendar file. FILE '-' writes to standard output.")
    export.add_argument("format", choices=FORMATS, help="vcard, csv (contacts) or ics (open follow-ups)")
    export.add_argument("file", nargs="?", help="the file to write ('-' for standard output; not with --feed)")
    export.add_argument("--event", help="only contacts met at this event (name or id)")
    export.add_argument("--goal", help="only contacts tagged with this goal")
    export.add_argument("--vcard-version", choices=("3.0", "4.0"), default="3.0", help="vCard version (default 3.0)")
    export.add_argument("--csv-format", choices=("google", "outlook"), default="google",
                        help="the CSV layout: Google Contacts (default) or Outlook")
    export.add_argument("--photos", action="store_true",
                        help="vCard: include the image of each contact's card as its PHOTO")
    export.add_argument("--ics-kind", choices=("todo", "event"), default="todo",
                        help="follow-ups as tasks (VTODO, default) or calendar events (VEVENT)")
    export.add_argument("--feed", action="store_true",
                        help="ics: write the calendar feed (a fixed file in the data folder, kept up to date "
                        "whenever the queue changes) for a calendar program to subscribe to")
    export.add_argument("--stop-feed", action="store_true", help="ics: stop updating the calendar feed")
    export.set_defaults(func=run_export)

    imp = subparsers.add_parser(
        "import", help="import contacts (vCard, CSV), or meetings and e-mails (.ics, .mbox, .eml)",
        description="Import the contacts of a vCard (2.1, 3.0, 4.0) or CSV file (Google, Outlook, LinkedIn, "
        "or any table with --map). The format and the encoding are told from the content (the report names the "
        "encoding; --encoding overrides it). Contacts with the same e-mail or phone as stored ones are merged "
        "(a newer file updates a changed company, title or e-mail, and the old values go into the contact's "
        "history); a close name at the same company is added and reported as a possible duplicate; the file is imported "
        "as a whole or not at all. A calendar (.ics) or a mailbox (.mbox, .eml) logs each past meeting and each "
        "e-mail with a contact (matched by any of their e-mail addresses) as an interaction, which restarts "
        "their keep-in-touch clock; an e-mail sent after an encounter closes its 24-hour follow-up. No contact "
        "is created from them, and importing the same file again logs nothing twice.")
    imp.add_argument("file", help="the .vcf or .csv file, or the .ics, .mbox or .eml file")
    imp.add_argument("--event", help="record every imported contact as met at this event (name or id)")
    imp.add_argument("--goal", help="tag every imported contact with this goal")
    imp.add_argument("--map", action="append", default=[], metavar="OURS=THEIRS",
                     help="CSV column mapping, e.g. --map name='Full Name' --map company=Firm (repeatable); "
                     "ours: name, first_name, last_name, title, company, email, phone, mobile, fax, website, "
                     "linkedin, address, notes, bio, tags")
    imp.add_argument("--encoding", help="the file's encoding when detection gets it wrong (e.g. cp1252)")
    imp.add_argument("--dry-run", action="store_true", help="report what would happen; store nothing")
    add_json_flag(imp)
    imp.set_defaults(func=run_import)


def parse_mapping(pairs: list[str]) -> dict[str, str]:
    """{"name": "Full Name"} from ["name=Full Name"]."""
    mapping = {}
    for pair in pairs:
        ours, sep, theirs = pair.partition("=")
        if not sep or not ours.strip() or not theirs.strip():
            raise ValidationError(f"--map {pair!r}: write it as OURS=THEIRS, e.g. name='Full Name'")
        mapping[ours.strip()] = theirs.strip()
    return mapping


def run_feed(args: argparse.Namespace) -> int:
    """`export ics --feed` / `--stop-feed`: switch the calendar feed on (and write it) or off."""
    from netcompanion.interop.ics_feed import CalendarFeed

    if args.format != "ics" or args.file:
        raise ValidationError("--feed and --stop-feed go with `export ics` and no FILE: the feed has a fixed place")
    services = services_from(args)
    if args.stop_feed:
        services.reminders.update(feed=False)
        print(f"the calendar feed is no longer updated; delete {CalendarFeed(services).path} if you like",
              file=sys.stderr)
        return 0
    services.reminders.update(feed=True, feed_kind=args.ics_kind)
    feed = CalendarFeed(services)
    feed.refresh(force=True)
    print(f"calendar feed: {feed.path}\nsubscribe to it as a local calendar (Thunderbird: New Calendar, "
          "On the Network, the file's location); it is updated whenever the follow-up queue changes",
          file=sys.stderr)
    print(feed.path)
    return 0


def run_export(args: argparse.Namespace) -> int:
    from netcompanion.interop.exporter import export_contacts, write_export

    if args.feed or args.stop_feed:
        return run_feed(args)
    if not args.file:
        raise ValidationError("export: name the FILE to write ('-' for standard output)")

    data, count = export_contacts(services_from(args), args.format, event=args.event, goal=args.goal,
                                  vcard_version=args.vcard_version, csv_format=args.csv_format,
                                  ics_kind=args.ics_kind, photos=args.photos)
    if args.file == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        try:
            write_export(args.file, data)
        except OSError as exc:
            raise ValidationError(f"cannot write {args.file}: {exc.strerror or exc}") from exc
        what = "follow-ups" if args.format == "ics" else "contacts"
        echo(f"exported {count} {what} to {args.file}", file=sys.stderr)
    return 0


def run_import(args: argparse.Namespace) -> int:
    from netcompanion.interop.activity_import import activity_kind
    from netcompanion.interop.importer import import_file

    if activity_kind(args.file):
        return run_activity_import(args)

    report = import_file(services_from(args), args.file, event=args.event, goal=args.goal,
                         mapping=parse_mapping(args.map), encoding=args.encoding, dry_run=args.dry_run)
    if args.json:
        print_json(report.to_dict())
    else:
        echo(format_report(report))
    return 0


def run_activity_import(args: argparse.Namespace) -> int:
    """`import FILE.ics|.mbox|.eml`: meetings and e-mails logged for the contacts they concern."""
    from netcompanion.interop.activity_import import import_activity_file

    if args.event or args.goal or args.map or args.encoding or args.dry_run:
        raise ValidationError("--event, --goal, --map, --encoding and --dry-run are for contact files "
                              "(vCard, CSV); a calendar or a mailbox only logs meetings and e-mails")
    report = import_activity_file(services_from(args), args.file)
    if args.json:
        print_json(report.to_dict())
        return 0
    echo("\n".join([report.summary(), *("  " + line for line in report.lines())]))
    return 0


def format_report(report: ImportReport) -> str:
    """The report as text: the summary, then one line per row that was not simply added."""
    lines = [report.summary()]
    for entry in report.entries:
        where = f"line {entry.line}: " if entry.line else ""
        if entry.outcome == "skipped":
            lines.append(f"  {where}skipped {entry.name}: {entry.reason}")
        elif entry.outcome == "merged":
            lines.append(f"  {where}merged {entry.name} into contact {entry.contact_id} ({entry.reason}): "
                         + ", ".join(entry.changes))
        for warning in entry.warnings:
            lines.append(f"  {where}{entry.name}: {warning}")
    return "\n".join(lines)
