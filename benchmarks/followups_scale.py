"""How long building the Today queue takes on a large network.

Builds a SQLite database with 10,000 contacts and 50,000 interactions (bulk inserts), plus events,
encounters and their 24-hour follow-ups, then times `FollowUpService.queue`:

- *first build*: the keep-in-touch and reintroduction reminders that have come due are stored;
- *again*: the queue as the app rebuilds it all day (the target is <= 100 ms): nothing changed, so
  only a data fingerprint and the visible items are read;
- *after a logged call*: something changed, so the due reminders are worked out again.

Usage: .venv/bin/python benchmarks/followups_scale.py [--contacts N] [--interactions N] [--db PATH]
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import insert

from netcompanion.core.rules.followup_rules import post_event_key
from netcompanion.core.services import open_services
from netcompanion.core.store.models import Contact, ContactGoal, Encounter, Event, FollowUp, Interaction

NOW = datetime(2026, 6, 15, 12, 0, tzinfo=timezone.utc)
TIERS = ["inner"] * 2 + ["warm"] * 8 + ["acquaintance"] * 50 + ["noise"] * 40


def build(db_path: Path, contacts: int, interactions: int, seed: int = 1) -> float:
    """Fill a new database; returns the seconds it took."""
    rng = random.Random(seed)
    start = time.perf_counter()
    services = open_services(str(db_path))
    created = NOW - timedelta(days=900)
    with services.db.transaction() as session:
        session.execute(insert(Contact.__table__), [dict(  # type: ignore[attr-defined]
            full_name=f"Person {i}", given_name="Person", family_name=str(i), title="", company=f"Company {i % 900}",
            websites=[], address="", linkedin="", notes="met at a fair" if i % 3 else "", interests="",
            their_goals="", needs="", offers="", tags=[], tier=rng.choice(TIERS), archived=i % 50 == 0,
            source="import", search_text=f"person {i}", created_at=created, updated_at=created,
        ) for i in range(1, contacts + 1)])
        session.execute(insert(ContactGoal.__table__), [  # type: ignore[attr-defined]
            dict(contact_id=i, goal_id=1 + i % 5) for i in range(1, contacts + 1, 2)])
        session.execute(insert(Interaction.__table__), [dict(  # type: ignore[attr-defined]
            contact_id=rng.randint(1, contacts), happened_at=NOW - timedelta(days=rng.uniform(1, 730)),
            channel=rng.choice(["email", "call", "meeting", "message"]), summary="caught up",
        ) for _ in range(interactions)])
        for e in range(1, 21):
            session.execute(insert(Event.__table__), [dict(  # type: ignore[attr-defined]
                id=e, name=f"Event {e}", goal_id=1 + e % 5, target_count=3, notes="", location="",
                starts_at=NOW - timedelta(days=e * 30), ends_at=NOW - timedelta(days=e * 30 - 1), created_at=created)])
        encounters = [dict(id=n, contact_id=rng.randint(1, contacts), event_id=1 + n % 20, detail="talked shop",
                           met_at=NOW - timedelta(days=(1 + n % 20) * 30), owner="bench", created_at=created)
                      for n in range(1, 2001)]
        session.execute(insert(Encounter.__table__), encounters)  # type: ignore[attr-defined]
        session.execute(insert(FollowUp.__table__), [dict(  # type: ignore[attr-defined]
            contact_id=enc["contact_id"], kind="post_event", due_at=enc["met_at"] + timedelta(days=1),
            reason="met at an event", reason_key=post_event_key(enc["id"]), draft="Hi",
            status="done" if enc["id"] % 10 else "open", encounter_id=enc["id"], owner="bench", created_at=created,
            completed_at=enc["met_at"] + timedelta(hours=20) if enc["id"] % 10 else None,
        ) for enc in encounters])
    services.db.dispose()
    return time.perf_counter() - start


class Clock:
    """Wall time and this process's CPU time of one measurement (the CPU time does not grow when
    other programs share the cores)."""

    def __enter__(self) -> Clock:
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.wall, self.cpu = time.perf_counter() - self.wall, time.process_time() - self.cpu


def time_queue(db_path: Path, runs: int) -> tuple[Clock, list[Clock], list[Clock], int]:
    """(first build, rebuilds, rebuilds after a logged call, items), on a freshly opened database, as
    the user who owns the encounters (the queue shows the user's own items)."""
    services = open_services(str(db_path), user="bench")
    with Clock() as first:
        items = services.followups.queue(now=NOW)
    again = []
    for _ in range(runs):
        with Clock() as clock:
            items = services.followups.queue(now=NOW)
        again.append(clock)
    changed = []
    for run in range(runs):  # after each change the reminders are worked out again
        services.interactions.log(1 + run, "call", "a call", NOW - timedelta(hours=1))
        with Clock() as clock:
            services.followups.queue(now=NOW)
        changed.append(clock)
    services.db.dispose()
    return first, again, changed, len(items)


def time_report(db_path: Path) -> float:
    """Seconds to build the whole network report once."""
    services = open_services(str(db_path))
    start = time.perf_counter()
    services.network.report(now=NOW)
    elapsed = time.perf_counter() - start
    services.db.dispose()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=10_000)
    parser.add_argument("--interactions", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--db", type=Path, help="database file to create (default: a temporary one)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db_path = args.db or Path(folder) / "scale.db"
        built = build(db_path, args.contacts, args.interactions)
        print(f"built {args.contacts} contacts, {args.interactions} interactions in {built:.1f} s")
        first, again, changed, items = time_queue(db_path, args.runs)
        print(f"today queue: {items} items (load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
        print(f"first build (stores the reminders that came due): {first.wall * 1000:.0f} ms "
              f"(CPU {first.cpu * 1000:.0f} ms)")
        for label, clocks in (("queue build", again), ("queue build after a logged call", changed)):
            wall = sorted(c.wall * 1000 for c in clocks)
            cpu = statistics.median(c.cpu * 1000 for c in clocks)
            print(f"{label}, median of {args.runs}: {statistics.median(wall):.0f} ms "
                  f"(min {wall[0]:.0f}, max {wall[-1]:.0f}; CPU {cpu:.0f} ms; target <= 100 ms)")
        print(f"network report (tiers, capacity, pruning, introductions, event results): "
              f"{time_report(db_path) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
