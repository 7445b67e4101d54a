"""`netcompanion gui` (also what plain `netcompanion` does): open the desktop app."""
from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("gui", help="open the desktop app (the default)",
                                   description="Open the desktop app.")
    parser.add_argument("--no-demo", action="store_true", help="do not offer demo data on an empty database")
    parser.add_argument("--self-test", action="store_true",
                        help="open the window, read the bundled sample card, close; exit 0 when it worked")
    parser.add_argument("cards", nargs="*", metavar="CARD", help="card images or folders to read in the Scan place")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from netcompanion.gui.app import run_app, run_self_test  # Qt is only imported when the app is opened

    if getattr(args, "self_test", False):
        return run_self_test(db_url=getattr(args, "db", None))
    return run_app(db_url=getattr(args, "db", None), offer_demo=not getattr(args, "no_demo", False),
                   card_images=getattr(args, "cards", None))
