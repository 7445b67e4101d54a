"""How long importing a large mailbox takes, and how much memory it needs (it is streamed).

Writes an mbox of about `--megabytes` MB (sent mail: a message every few hours over years, each
with a body of a few KB, addressed to 2,000 people of whom 300 are contacts), then imports it and
prints the time, what was logged, and the process's peak memory (the target: under 300 MB).

Usage: .venv/bin/python benchmarks/mbox_import.py [--megabytes 50] [--keep PATH]
"""
from __future__ import annotations

import argparse
import random
import resource
import tempfile
import time
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path

from netcompanion.core.services import ContactFields, open_services
from netcompanion.interop.activity_import import import_activity_file

NOW = datetime(2026, 6, 15, 12, 0, tzinfo=timezone.utc)


def write_mbox(path: Path, megabytes: int, seed: int = 1) -> int:
    """Write the mailbox; returns the number of messages."""
    rng = random.Random(seed)
    words = "meeting robots logistics seed round follow up thanks great lab plant berlin paris".split()
    target, count = megabytes * 1024 * 1024, 0
    when = NOW - timedelta(days=3 * 365)
    with path.open("wb") as out:
        while out.tell() < target:
            when += timedelta(minutes=rng.randint(10, 300))
            to = f"person{rng.randrange(2000)}@example.com"
            body = "\n".join(" ".join(rng.choice(words) for _ in range(12)) for _ in range(rng.randint(20, 90)))
            body = body.replace("\nfrom ", "\n>from ")
            out.write((f"From - {when:%a %b %d %H:%M:%S %Y}\nMessage-ID: <m{count}@example.org>\n"
                       f"Date: {format_datetime(when)}\nFrom: Me <me@example.org>\nTo: {to}\n"
                       f"Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe_{count}?=\nContent-Type: text/plain; charset=UTF-8\n\n"
                       f"{body}\n\n").encode())
            count += 1
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=int, default=50)
    parser.add_argument("--keep", type=Path, help="write the database and the mbox here instead of a temporary folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        folder = args.keep or Path(temp)
        folder.mkdir(parents=True, exist_ok=True)
        mbox, db = folder / "Sent.mbox", folder / "bench.db"
        db.unlink(missing_ok=True)
        messages = write_mbox(mbox, args.megabytes)
        services = open_services(str(db), daily_backup=False)
        for n in range(300):
            services.contacts.add(ContactFields(full_name=f"Person {n}", emails=[f"person{n}@example.com"]))
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        start = time.perf_counter()
        report = import_activity_file(services, mbox, now=NOW)
        seconds = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"mbox: {mbox.stat().st_size / 1024 / 1024:.1f} MB, {messages} messages")
        print(f"import: {seconds:.1f} s ({messages / seconds:.0f} messages/s); {len(report.logged)} logged, "
              f"{sum(report.skipped_counts.values())} skipped")
        print(f"peak memory of the process: {peak:.0f} MB (before the import: {before:.0f} MB; target < 300 MB)")
        start = time.perf_counter()
        again = import_activity_file(services, mbox, now=NOW)
        print(f"again (everything logged before): {time.perf_counter() - start:.1f} s, {len(again.logged)} logged")
        services.db.dispose()


if __name__ == "__main__":
    main()
