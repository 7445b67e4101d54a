"""How the desktop app copes with a large network: start-up, search, the Today list, memory.

Fills a database with 10,000 contacts and 50,000 interactions (the same builder as
followups_scale.py), then starts the app in a child process (offscreen) and prints:
start to main window shown (targets: <= 1.5 s), applying a search filter in Contacts (<= 50 ms),
building the Today list (<= 100 ms), and the child's peak memory (<= 300 MB).

Usage: .venv/bin/python benchmarks/gui_scale.py [--contacts N] [--interactions N]
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))


def child(db: str) -> None:
    """Runs in the child: open the app, then time search and Today; print JSON."""
    started = time.perf_counter()
    from netcompanion.core.services import open_services
    from netcompanion.gui.app import create_application
    from netcompanion.gui.main_window import MainWindow

    app = create_application()
    window = MainWindow(open_services(db, user="bench"), offer_demo=False)  # the owner of the built items
    window.navigation.setCurrentRow(2)  # Contacts: loads every row
    window.show()
    app.processEvents()
    shown = time.perf_counter() - started
    import cProfile
    import pstats

    if os.environ.get("GUI_SCALE_PROFILE"):
        profile = cProfile.Profile()
        profile.enable()
        MainWindow(window.services, offer_demo=False).show()
        profile.disable()
        pstats.Stats(profile, stream=sys.stderr).sort_stats("cumulative").print_stats(25)
    filters = []
    for text in ("person 12", "company 77", "person 9999", ""):
        begin = time.perf_counter()
        window.contacts.set_search(text)
        filters.append(time.perf_counter() - begin)
    today = []
    for _ in range(5):
        begin = time.perf_counter()
        window.today.refresh_list()  # reads the queue on a worker thread, then builds the list
        while window.today.loading:
            app.processEvents()
            time.sleep(0.001)
        today.append(time.perf_counter() - begin)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"in_process_start": shown, "filter_ms": [f * 1000 for f in filters],
                      "today_ms": [t * 1000 for t in today], "peak_mb": peak_mb,
                      "rows": window.contacts.model.total}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=10_000)
    parser.add_argument("--interactions", type=int, default=50_000)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    from followups_scale import build

    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "scale.db"
        seconds = build(db, args.contacts, args.interactions)
        print(f"built {args.contacts} contacts and {args.interactions} interactions in {seconds:.1f} s")
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", NETCOMPANION_HOME=folder)
        begin = time.perf_counter()
        out = subprocess.run([sys.executable, __file__, "--child", str(db)], env=env, capture_output=True,
                             text=True, check=True).stdout
        wall = time.perf_counter() - begin
        result = json.loads(out.strip().splitlines()[-1])
        print(f"rows in the contacts table: {result['rows']}")
        print(f"start to main window shown: {result['in_process_start']:.2f} s in the process "
              f"(whole child run incl. interpreter start and the timings below: {wall:.2f} s; target <= 1.5 s)")
        print(f"search filter: median {statistics.median(result['filter_ms']):.1f} ms, "
              f"max {max(result['filter_ms']):.1f} ms (target <= 50 ms)")
        print(f"Today list: median {statistics.median(result['today_ms']):.1f} ms (target <= 100 ms)")
        print(f"peak memory: {result['peak_mb']:.0f} MB (target <= 300 MB)")


if __name__ == "__main__":
    main()
