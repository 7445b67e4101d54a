"""`netcompanion backup [--list]` and `netcompanion restore FILE [--yes]` (SQLite databases only)."""
from __future__ import annotations

import argparse
import sys

from netcompanion.cli.common import add_json_flag, echo, print_json, table


def register(subparsers: argparse._SubParsersAction) -> None:
    make = subparsers.add_parser(
        "backup", help="back up the database and its card images, or list the backups",
        description="Write a consistent copy of the database and the card images it refers to into one "
        "zip file in the backups folder (readable by you only). NetCompanion also does this by itself once "
        "a day and before every upgrade, keeping the last 7 backups plus one a month.")
    make.add_argument("--list", action="store_true", help="list the backups, newest first, instead of making one")
    add_json_flag(make)
    make.set_defaults(func=run_backup)

    restore = subparsers.add_parser(
        "restore", help="replace the database with a backup",
        description="Replace the database (and add the card images) with a backup made by `netcompanion backup` "
        "or a NetCompanion database file. The file is checked first; the database it replaces is kept as a "
        "backup. Close the desktop app first.")
    restore.add_argument("file", help="the backup .zip (see `netcompanion backup --list`) or a database file")
    restore.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    restore.set_defaults(func=run_restore)


def _size(n_bytes: int) -> str:
    size = float(n_bytes)
    for unit in ("B", "kB", "MB"):
        if size < 1000:
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1000
    return f"{size:.1f} GB"


def run_backup(args: argparse.Namespace) -> int:
    from netcompanion.core.store import backup
    db_file = backup.sqlite_file(getattr(args, "db", None))
    if args.list:
        backups = backup.list_backups(db_file)
        if args.json:
            print_json([info.to_dict() for info in backups])
        elif not backups:
            echo(f"no backups of {db_file} yet")
        else:
            rows = [[f"{b.created_at:%Y-%m-%d %H:%M:%S}", b.reason, _size(b.size), str(b.path)] for b in backups]
            echo(table(rows, ["made (UTC)", "reason", "size", "file"]))
        return 0
    info = backup.create_backup(db_file, "manual")
    if args.json:
        print_json(info.to_dict())
    else:
        echo(f"backed up {db_file} to {info.path} ({_size(info.size)})")
    return 0


def _confirmed(question: str) -> bool | None:
    """The user's answer on a terminal; None when there is no terminal to ask on."""
    if not sys.stdin or not sys.stdin.isatty():
        return None
    try:
        answer = input(f"{question} [y/N] ")
    except EOFError:
        return False
    return answer.strip().lower() in {"y", "yes"}


def run_restore(args: argparse.Namespace) -> int:
    from netcompanion.core.store import backup
    db_file = backup.sqlite_file(getattr(args, "db", None))
    if not args.yes:
        answer = _confirmed(f"Replace the database {db_file} with {args.file}? "
                            "(the current database is kept as a backup first)")
        if answer is None:
            echo("netcompanion: error: restore replaces the database; confirm with --yes "
                  "(there is no terminal to ask on)", file=sys.stderr)
            return 1
        if not answer:
            echo("nothing was changed")
            return 1
    result = backup.restore(args.file, getattr(args, "db", None))
    echo(f"restored {db_file} from {result.restored_from}"
          + (f" ({result.cards_added} card images added)" if result.cards_added else ""))
    if result.replaced_backup:
        echo(f"the database it replaced is kept in {result.replaced_backup.path}")
    return 0
