"""``netcompanion scan``: read business-card images into contacts (JSON Lines or a summary)."""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from netcompanion.cli.common import echo, json_text, terminal_text


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``scan`` subcommand to the ``netcompanion`` parser."""
    p = subparsers.add_parser(
        "scan", help="read business-card images into contacts",
        description="Read business-card photos or scans. Prints one JSON object per image "
                    "(--json, JSON Lines, in input order) or a readable summary.")
    p.add_argument("paths", nargs="+", metavar="IMAGE|DIR", help="card images or folders of them")
    p.add_argument("--json", action="store_true", help="print JSON Lines (the scan contract)")
    p.add_argument("--region", default=None, metavar="CC",
                   help="home region for numbers printed without a country code "
                        "(default: from the locale, else US)")
    p.add_argument("--lang", default=None, metavar="LANGS",
                   help="Tesseract language codes such as eng+deu; scripts the default engine "
                        "does not read (e.g. rus, ara, hin) select Tesseract")
    p.add_argument("--engine", choices=("auto", "ppocr", "tesseract"), default="auto",
                   help="recogniser (default auto: PP-OCR, Tesseract when needed)")
    p.add_argument("--workers", type=int, default=None, metavar="N",
                   help="worker processes (default: one per core)")
    p.add_argument("--save", action="store_true",
                   help="store each card as a contact (with its image) as soon as it is read")
    p.add_argument("--event", default=None, help="with --save: the event where the cards were collected")
    p.add_argument("--goal", action="append", default=[], help="with --save: the goal these contacts serve")
    p.set_defaults(func=run)


def _summary(res: dict) -> str:
    source = terminal_text(res["source"], one_line=True)
    if res.get("error"):
        return f"{source}: ERROR {terminal_text(res['error'], one_line=True)}"
    rows = [f"{source}:"]
    check = set(res.get("check", []))

    def add(label: str, value: str, field: str) -> None:
        if value:
            flag = "  (check)" if field in check else ""
            rows.append(f"  {label:<9} {terminal_text(value, one_line=True)}{flag}")

    add("Name", res.get("full_name", ""), "full_name")
    add("Title", res.get("title", ""), "title")
    add("Company", res.get("company", ""), "company")
    for e in res.get("emails", []):
        add("E-mail", e, "emails")
    for ph in res.get("phones", []):
        add("Phone", f"{ph['e164']} ({ph['kind']})", "phones")
    for w in res.get("websites", []):
        add("Web", w, "websites")
    add("Address", res.get("address", ""), "address")
    add("LinkedIn", res.get("linkedin", ""), "linkedin")
    if len(rows) == 1:
        rows.append("  (no contact details found)")
    if res.get("contact_id"):
        rows.append(f"  saved as contact {res['contact_id']}")
    return "\n".join(rows)


def _card_saver(args: argparse.Namespace, region: str):  # noqa: ANN202
    """A function storing one read card (its own transaction) and returning the contact id.

    The event and goals are checked before any card is read, so a typo fails at once."""
    from netcompanion.cli.common import services_from

    services = services_from(args)
    if args.event:
        services.events.get(args.event)
    for goal in args.goal:
        services.goals.get(goal)

    def save(card: dict) -> int:
        """Store the card; a card of someone already stored is merged into that contact."""
        contact = services.cards.save_scan(card, Path(card["source"]), event=args.event, goals=args.goal,
                                           region=region)
        return int(contact.id or 0)

    return save


def run(args: argparse.Namespace) -> int:
    """Run the scan; exit status 0 all read, 1 any image failed, 2 bad usage."""
    from netcompanion.core import settings
    from netcompanion.ocr.image_files import expand_paths
    from netcompanion.ocr.reader import read_cards

    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        for p in missing:
            echo(f"netcompanion scan: no such file or folder: {p}", file=sys.stderr)
        return 2
    region = (args.region or settings.home_region()).upper()
    import phonenumbers

    if region not in phonenumbers.SUPPORTED_REGIONS:
        echo(f"netcompanion scan: unknown region {args.region!r} (use a code like US, DE, IN)",
              file=sys.stderr)
        return 2
    if args.lang and not re.fullmatch(r"[A-Za-z_]+(?:[+,][A-Za-z_]+)*", args.lang):
        echo(f"netcompanion scan: bad --lang {args.lang!r} (e.g. eng+deu)", file=sys.stderr)
        return 2
    if args.workers is not None and args.workers < 1:
        echo("netcompanion scan: --workers must be at least 1", file=sys.stderr)
        return 2
    if (args.event or args.goal) and not args.save:
        echo("netcompanion scan: --event and --goal go with --save", file=sys.stderr)
        return 2
    files = expand_paths(args.paths)
    if not files:
        echo("netcompanion scan: no images found", file=sys.stderr)
        return 2
    saver = _card_saver(args, region) if args.save else None
    progress = sys.stderr.isatty()
    failed = 0
    total = len(files)
    for i, res in enumerate(read_cards(files, region=region, lang=args.lang, engine=args.engine,
                                       workers=args.workers), 1):
        d = res.to_json()
        if d.get("error"):
            failed += 1
        elif saver is not None:
            d["contact_id"] = saver(d)
        if args.json:
            sys.stdout.write(json_text(d, indent=None) + "\n")
        else:
            echo(_summary(d) + "\n")
        sys.stdout.flush()
        if progress:
            sys.stderr.write(f"\rread {i}/{total} cards ({failed} failed)")
            sys.stderr.flush()
    if progress:
        sys.stderr.write("\n")
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    """Stand-alone entry (``python -m netcompanion.cli.scan``) for testing without the main CLI."""
    parser = argparse.ArgumentParser(prog="netcompanion")
    sub = parser.add_subparsers(dest="command", required=True)
    register(sub)
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
