"""Peak memory and time of a restore and of an import for the worst file of each kind, each in a child process.

Restores: every file is written by `tests/safety/hostile_zips.py` into a throwaway folder and
restored over a database of 20 contacts by `tests/safety/bounded_child.py` (RLIMIT_AS 1.5 GB), which
reports the child's peak resident memory (VmHWM) and the restore's time. The baseline is a sound
backup of the same database; every other row must end in a refusal and leave the database as it was.

Imports: the worst vCard and CSV files the 64 MB import limit lets through
(`tests/safety/hostile_texts.py`), each imported into the same database in a child (RLIMIT_AS
--import-mb, 1.5 GB by default: raise it to measure an older reader), after a sound file of
20,000 contacts as the baseline. Each row says how the import ended and whether the database kept
its contacts.

Usage: .venv/bin/python benchmarks/hostile_files.py [--bomb-mb 1024] [--big-mb 512] [--only restore|import]
       [--import-mb 1536]
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from netcompanion.core.store.backup import archive  # noqa: E402
from tests.safety import (
    bounded_child,  # noqa: E402
    hostile_texts,  # noqa: E402
)
from tests.safety import hostile_zips as hostile  # noqa: E402
from tests.safety.conftest import contact_parts  # noqa: E402

Maker = Callable[[Path, Path], Path]


def _database(home: Path) -> tuple[Path, Path]:
    """A database of 20 contacts in `home`, and a sound backup of it (outside the backups folder)."""
    os.environ["NETCOMPANION_HOME"] = str(home)
    from netcompanion.core.services import ContactFields, open_services
    from netcompanion.core.store import backup

    db_file = home / "bench.db"
    services = open_services(str(db_file))
    for n in range(20):
        services.contacts.add(ContactFields(full_name=f"Person {n}", emails=[f"p{n}@example.com"]))
    services.db.dispose()
    made = backup.create_backup(db_file, prune=False)
    good = home.parent / "good.zip"
    made.path.rename(good)
    return db_file, good


def cases(bomb_mb: int, big_mb: int) -> list[tuple[str, Maker]]:
    return [
        ("sound backup (baseline)", lambda good, path: good),
        (f"zip bomb: {bomb_mb} MB of zeros declaring 1 MB",
         lambda good, path: hostile.zeros_member(path, bomb_mb << 20, declared=1 << 20)),
        ("declares 16 GB unpacked (limit 8 GB)",
         lambda good, path: hostile.copy_backup(good, path, hostile.declares(16 << 30))),
        (f"big honest member: {big_mb} MB database of zeros",
         lambda good, path: hostile.zeros_member(path, big_mb << 20)),
        (f"{archive.MAX_MEMBERS:,} members (the most allowed)",
         lambda good, path: hostile.many_members(path, archive.MAX_MEMBERS, name_length=280)),
        (f"{archive.MAX_MEMBERS + 1:,} members",
         lambda good, path: hostile.many_members(path, archive.MAX_MEMBERS + 1, name_length=8)),
        ("bad CRC", lambda good, path: hostile.copy_backup(good, path, hostile.bad_crc)),
        ("cut in the middle", hostile.cut_in_the_middle),
        ("contact(x) claiming schema 0004",
         lambda good, path: hostile.zip_holding(hostile.lookalike_database(path.with_suffix(".db")), path)),
    ]


def _sound_vcards(path: Path, count: int) -> Path:
    """A sound vCard file of `count` contacts (the baseline of the import rows)."""
    with open(path, "w", encoding="ascii", newline="") as out:
        for n in range(count):
            out.write(f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Sound Person {n}\r\nN:Person {n};Sound;;;\r\n"
                      f"EMAIL:sound{n}@example.com\r\nTEL;TYPE=CELL:+1 415 {200 + n // 10000} {n % 10000:04d}\r\n"
                      "NOTE:Met at the fair\\, talked about logistics.\r\nEND:VCARD\r\n")
    return path


def imports(folder: Path, db_file: Path, home: Path, address_space_mb: int) -> None:
    print(f"\n{'import':<46} {'size':>10} {'peak RSS':>9} {'time':>7}  outcome")
    rows = [("sound vCard file, 20,000 contacts (baseline)", lambda: _sound_vcards(folder / "sound.vcf", 20_000))]
    rows += [(label, lambda label=label: hostile_texts.make_worst(label, folder)) for label in hostile_texts.WORST]
    for label, make in rows:
        source = make()
        before = contact_parts(db_file)
        report = bounded_child.run(source, db_file, home, action="import", address_space_mb=address_space_mb,
                                   timeout=1800)
        if report["error"] is not None:
            outcome = f"refused: {report['error'].split(': ', 1)[-1][:90]}"
        else:
            outcome = f"{report['added']} added, {report['skipped']} skipped {' '.join(report['reasons'])[:70]}"
        if not label.endswith("(baseline)") and contact_parts(db_file) != before and not report.get("added"):
            outcome += "  (DATABASE CHANGED)"
        print(f"{label:<46} {source.stat().st_size / (1 << 20):>8.2f}MB {report['max_rss_mb']:>7.0f}MB "
              f"{report['seconds']:>6.2f}s  {outcome}", flush=True)
        source.unlink()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bomb-mb", type=int, default=1024, help="real size of the lying zip bomb")
    parser.add_argument("--big-mb", type=int, default=512, help="size of the honest big member")
    parser.add_argument("--only", choices=["restore", "import"], help="one half of the table")
    parser.add_argument("--import-mb", type=int, default=1536, help="RLIMIT_AS of an import's child")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="nc-hostile-") as folder:
        home = Path(folder) / "home"
        db_file, good = _database(home)
        if args.only != "restore":
            imports(Path(folder), db_file, home, args.import_mb)
        if args.only == "import":
            return 0
        print(f"\n{'file':<46} {'zip size':>10} {'peak RSS':>9} {'time':>7}  outcome")
        for label, make in cases(args.bomb_mb, args.big_mb):
            source = make(good, Path(folder) / "hostile.zip")
            before = db_file.read_bytes()
            report = bounded_child.run(source, db_file, home)
            unchanged = db_file.read_bytes() == before
            outcome = "restored" if report["error"] is None else f"refused: {report['error'][:90]}"
            if source != good and not unchanged:
                outcome += "  (DATABASE CHANGED)"
            print(f"{label:<46} {source.stat().st_size / 1e6:>8.2f}MB {report['max_rss_mb']:>7.0f}MB "
                  f"{report['seconds']:>6.2f}s  {outcome}")
            if source != good:
                source.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
