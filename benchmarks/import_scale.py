"""Import speed and peak memory at 5,000, 10,000 and 20,000 contacts, CSV and vCard, into an empty
database and into one that already holds 10,000 other people (issue 19's targets: 20,000 in
<= 10 s, time growing linearly, peak memory <= 300 MB).

Each import runs in a fresh Python process of its own, so that its peak memory is its own: the
figures are wall seconds, CPU seconds (the machine may be shared: CPU is the steadier one), the
microseconds per contact (flat when the time grows linearly), and the child's peak resident
memory. The generated people are all distinct, with a Google CSV (names, company, title, e-mail,
phone, labels, a two-line note) or a vCard 2.1 (the same, the note quoted-printable) each.

Usage: .venv/bin/python benchmarks/import_scale.py [--sizes 5000 10000 20000] [--formats csv vcard]
       [--held 10000] [--again]   (--again also times importing each file a second time: all unchanged)
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GIVEN = ["Jürgen", "Anna", "José", "Zoë", "Hiroshi", "Priya", "Tom", "Amara", "Björn", "Élodie", "Wei", "Olga"]
FAMILY = ["Müller", "Schmidt", "Martínez", "Laurent", "Nakamura", "Raman", "O'Brien", "Okafor", "Åström", "Dupont"]
HELD_OFFSET = 1_000_000  # the people already in the database are numbered from here: nobody in the files


def name(i: int) -> tuple[str, str]:
    """A distinct (given, family) per i (a family name of letters, so that no two are alike)."""
    letters = "".join(chr(ord("a") + int(d)) for d in str(i))
    return GIVEN[i % len(GIVEN)], f"{FAMILY[i % len(FAMILY)]}{letters}"


def vcard_text(first: int, n: int) -> str:
    cards = []
    for i in range(first, first + n):
        given, family = name(i)
        cards.append(
            f"BEGIN:VCARD\r\nVERSION:2.1\r\nN:{family};{given};;;\r\nFN:{given} {family}\r\n"
            f"ORG:Company {i // 3} GmbH\r\nTITLE:Head of Things\r\n"
            f"EMAIL;INTERNET:person{i}@example{i % 500}.com\r\nTEL;CELL:+49 171 {1000000 + i}\r\n"
            "NOTE;ENCODING=QUOTED-PRINTABLE:Met at the fair; talked about logistics=0D=0Aand robots, =\r\n"
            "again and again.\r\nEND:VCARD\r\n")
    return "".join(cards)


def csv_text(first: int, n: int) -> str:
    rows = ["First Name,Last Name,Organization Name,Organization Title,E-mail 1 - Label,E-mail 1 - Value,"
            "Phone 1 - Label,Phone 1 - Value,Labels,Notes"]
    for i in range(first, first + n):
        given, family = name(i)
        rows.append(f"{given},{family},Company {i // 3} GmbH,Head of Things,Work,person{i}@example{i % 500}.com,"
                    f"Mobile,+49 171 {1000000 + i},* myContacts ::: investor,\"Met at the fair\nand more\"")
    return "\r\n".join(rows) + "\r\n"


def write_file(folder: Path, fmt: str, first: int, n: int) -> Path:
    path = folder / f"{fmt}-{first}-{n}.{'vcf' if fmt == 'vcard' else 'csv'}"
    path.write_text(vcard_text(first, n) if fmt == "vcard" else csv_text(first, n), encoding="utf-8")
    return path


def child(db: Path, path: Path, again: bool) -> None:
    """In the child process: import `path` into `db` (and again), print the figures as JSON."""
    from netcompanion.core.services import open_services
    from netcompanion.interop.importer import import_file

    services = open_services(str(db), daily_backup=False)
    figures = {}
    for run in ("first", "again") if again else ("first",):
        wall, cpu = time.perf_counter(), time.process_time()
        report = import_file(services, path)
        figures[run] = {"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu,
                        "added": report.count("added"), "unchanged": report.count("unchanged")}
    figures["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    services.db.dispose()
    print(json.dumps(figures))


def run_child(db: Path, path: Path, again: bool, home: Path) -> dict:
    env = {**os.environ, "NETCOMPANION_HOME": str(home), "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    out = subprocess.run([sys.executable, __file__, "--child", str(db), str(path), *(["--again"] if again else [])],
                         env=env, check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5000, 10000, 20000])
    parser.add_argument("--formats", nargs="+", default=["csv", "vcard"], choices=["csv", "vcard"])
    parser.add_argument("--held", type=int, default=10000, help="people already in the second database")
    parser.add_argument("--again", action="store_true", help="also import each file a second time")
    parser.add_argument("--child", nargs=2, metavar=("DB", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(Path(args.child[0]), Path(args.child[1]), args.again)
        return
    folder = Path(tempfile.mkdtemp(prefix="netcompanion-import-scale-"))
    try:
        home = folder / "home"
        held_db = folder / "held.db"
        run_child(held_db, write_file(folder, "csv", HELD_OFFSET, args.held), False, home)
        print(f"{'format':6} {'contacts':>8} {'into':>14} {'wall s':>7} {'CPU s':>6} {'µs/contact':>10} "
              f"{'peak MB':>7}" + ("   again: wall s, CPU s" if args.again else ""))
        for fmt in args.formats:
            for n in args.sizes:
                path = write_file(folder, fmt, 0, n)
                for into in ("empty", f"{args.held:,} held"):
                    db = folder / f"{fmt}-{n}-{into.split()[0]}.db"
                    if into != "empty":
                        shutil.copyfile(held_db, db)
                    fig = run_child(db, path, args.again, home)
                    first = fig["first"]
                    line = (f"{fmt:6} {n:>8,} {into:>14} {first['wall']:>7.1f} {first['cpu']:>6.1f} "
                            f"{first['cpu'] / n * 1e6:>10.0f} {fig['peak_mb']:>7.0f}")
                    if args.again:
                        line += f"   {fig['again']['wall']:.1f}, {fig['again']['cpu']:.1f}"
                    print(line, flush=True)
                    db.unlink()
                path.unlink()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
