"""Import speed and peak memory on a large generated file (not a test; run it by hand):

    NETCOMPANION_HOME=$(mktemp -d) .venv/bin/python -m tests.interop.bench_import vcard 20000
    NETCOMPANION_HOME=$(mktemp -d) .venv/bin/python -m tests.interop.bench_import csv 20000

Prints the file size, the seconds to read, to import (read, match, store) and to import the same
file again (every row matches a stored contact), wall clock and CPU (the machine may be shared),
and the process's peak memory.
"""
from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
from pathlib import Path

from netcompanion.core.services import open_services
from netcompanion.interop.importer import import_file, read_incoming

GIVEN = ["Jürgen", "Anna", "José", "Zoë", "Hiroshi", "Priya", "Tom", "Amara", "Björn", "Élodie", "Wei", "Olga"]
FAMILY = ["Müller", "Schmidt", "Martínez", "Laurent", "Nakamura", "Raman", "O'Brien", "Okafor", "Åström", "Dupont"]


def name(i: int) -> str:
    """A distinct two-word name per i (a family name of letters, so that no two are alike)."""
    letters = "".join(chr(ord("a") + int(d)) for d in str(i))
    return f"{GIVEN[i % len(GIVEN)]} {FAMILY[i % len(FAMILY)]}{letters}"


def vcard_text(n: int) -> str:
    cards = []
    for i in range(n):
        cards.append(
            "BEGIN:VCARD\r\nVERSION:2.1\r\n"
            f"N:{name(i).split()[1]};{name(i).split()[0]};;;\r\n"
            f"FN:{name(i)}\r\nORG:Company {i // 3} GmbH\r\nTITLE:Head of Things\r\n"
            f"EMAIL;INTERNET:person{i}@example{i % 500}.com\r\nTEL;CELL:+49 171 {1000000 + i}\r\n"
            "NOTE;ENCODING=QUOTED-PRINTABLE:Met at the fair; talked about logistics=0D=0Aand robots, =\r\n"
            "again and again.\r\nEND:VCARD\r\n")
    return "".join(cards)


def csv_text(n: int) -> str:
    rows = ["First Name,Last Name,Organization Name,Organization Title,E-mail 1 - Label,E-mail 1 - Value,"
            "Phone 1 - Label,Phone 1 - Value,Labels,Notes"]
    rows += [f"{name(i).replace(' ', ',')},Company {i // 3} GmbH,Head of Things,Work,person{i}@example{i % 500}.com,"
             f"Mobile,+49 171 {1000000 + i},* myContacts ::: investor,\"Met at the fair\nand more\"" for i in range(n)]
    return "\r\n".join(rows) + "\r\n"


def timed(action, cpu: bool = False):  # noqa: ANN001, ANN201 (a small script)
    """((wall seconds, CPU seconds) or wall seconds, result) of `action()`."""
    wall, used = time.perf_counter(), time.process_time()
    result = action()
    wall, used = time.perf_counter() - wall, time.process_time() - used
    return ((wall, used) if cpu else wall), result


def main() -> None:
    fmt, n = sys.argv[1], int(sys.argv[2])
    folder = Path(tempfile.mkdtemp())
    path = folder / f"big.{'vcf' if fmt == 'vcard' else 'csv'}"
    path.write_text(vcard_text(n) if fmt == "vcard" else csv_text(n), encoding="utf-8")
    services = open_services(str(folder / "bench.db"))
    read_s, _ = timed(lambda: read_incoming(path))
    (total_s, total_cpu), report = timed(lambda: import_file(services, path), cpu=True)
    (again_s, again_cpu), again = timed(lambda: import_file(services, path), cpu=True)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{fmt}: {n} contacts, {path.stat().st_size / 2**20:.1f} MB; reading alone {read_s:.1f} s; "
          f"import (read + match + store) {total_s:.1f} s wall, {total_cpu:.1f} s CPU = {n / total_cpu:.0f} "
          f"contacts per CPU second, {report.count('added')} added; the same file again {again_s:.1f} s wall, "
          f"{again_cpu:.1f} s CPU, {again.count('unchanged')} unchanged; peak memory {peak_mb:.0f} MB")
    os.environ.pop("NETCOMPANION_HOME", None)


if __name__ == "__main__":
    main()
