"""Run one restore or import in a child process under limits, and report what it did, its peak memory and time.

`python -m tests.safety.bounded_child SOURCE DB [--import] [--address-space MB] [--file-size BYTES]`
restores SOURCE over the SQLite file DB (with --import: imports the contacts file SOURCE into DB),
with NETCOMPANION_HOME as the parent set it, under RLIMIT_AS (a runaway allocation becomes a
MemoryError, not a killed machine) and, with --file-size, RLIMIT_FSIZE (a write past it fails as on
a full disk). It prints one JSON object: `error` (the message, or None), `kind` (the exception's
type), `max_rss_mb` (peak resident memory), `seconds`, and for an import `added` and `skipped`
(the report's counts) and `reasons` (the first skip reasons). Used by the limits tests and by
benchmarks/hostile_files.py.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def run(source: Path, db_file: Path, home: Path, *, address_space_mb: int = 1536, file_size: int | None = None,
        timeout: float = 300, action: str = "restore") -> dict[str, Any]:
    """Restore `source` over `db_file` (`action` "import": import it into `db_file`) in a child
    process; its JSON report."""
    command = [sys.executable, "-m", "tests.safety.bounded_child", str(source), str(db_file),
               "--address-space", str(address_space_mb)]
    if action == "import":
        command.append("--import")
    if file_size is not None:
        command += ["--file-size", str(file_size)]
    env = {**os.environ, "NETCOMPANION_HOME": str(home), "PYTHONPATH": str(ROOT)}
    env.pop("NETCOMPANION_DB", None)
    done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, cwd=ROOT, env=env, check=False)
    if done.returncode != 0 or not done.stdout.strip():
        raise AssertionError(f"the child failed ({done.returncode}): {done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _peak_rss_kb() -> float:
    """This process's peak resident memory in KB: VmHWM on Linux (ru_maxrss there also counts the
    parent's memory at the fork before exec), else ru_maxrss."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return float(line.split()[1])
    except OSError:
        pass
    return float(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def _import(source: str, db_file: str) -> dict[str, Any]:
    """Import the contacts file `source` into `db_file` (no daily backup); the report's counts."""
    from netcompanion.core.services import open_services
    from netcompanion.interop.importer import import_file

    services = open_services(f"sqlite:///{db_file}", daily_backup=False)
    try:
        report = import_file(services, source)
    finally:
        services.db.dispose()
    return {"added": report.count("added"), "skipped": report.count("skipped"),
            "reasons": [e.reason for e in report.entries if e.outcome == "skipped"][:5]}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("source")
    parser.add_argument("db")
    parser.add_argument("--import", dest="do_import", action="store_true", help="import SOURCE instead")
    parser.add_argument("--address-space", type=int, default=1536, help="RLIMIT_AS in MB")
    parser.add_argument("--file-size", type=int, default=None, help="RLIMIT_FSIZE in bytes")
    args = parser.parse_args()
    cap = args.address_space * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    if args.file_size is not None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (args.file_size, args.file_size))  # Python ignores SIGXFSZ
    from netcompanion.core.store import backup
    from netcompanion.interop import importer  # noqa: F401 (loaded before the clock starts, as backup is)

    started = time.monotonic()
    error, kind = None, None
    counts: dict[str, Any] = {}
    try:
        if args.do_import:
            counts = _import(args.source, args.db)
        else:
            backup.restore(args.source, f"sqlite:///{args.db}")
    except Exception as exc:  # noqa: BLE001 (reported to the parent, which judges it)
        error, kind = str(exc), type(exc).__name__
    except MemoryError:
        error, kind = "MemoryError", "MemoryError"
    seconds = time.monotonic() - started
    max_rss_mb = _peak_rss_kb() / 1024
    print(json.dumps({"error": error, "kind": kind, "max_rss_mb": round(max_rss_mb, 1), "seconds": round(seconds, 2),
                      **counts}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
