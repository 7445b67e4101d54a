"""How well planning ranks attendees for each goal, on the labelled lists of benchmarks/attendee_lists.

Each list is read as the app reads it (platform recognised from the header, question columns as
answers) and ranked for each of the five goals with the list's context (industries, offer, whom
the user hires). Prints precision@5 and @10 per goal (a person labelled with the goal counts as a
hit) and every trap (a person labelled as a trap for the goal) ranked in the top 12. The held-out
batches come first (heldout: written before the tuning; fresh2: written after it); their
misses are only counted, not named, unless --show-heldout is given.

    PYTHONPATH=$PWD .venv/bin/python benchmarks/planning_quality.py [--batch heldout|fresh2|tuning] [--show-heldout] [--why]
"""
from __future__ import annotations

import argparse
import csv
import json
from dataclasses import dataclass
from pathlib import Path

from netcompanion.core.rules.attendee_fit import RankedAttendee, rank_attendees
from netcompanion.core.rules.goal_fit import PlanContext
from netcompanion.interop.attendees import attendee_format, read_attendees

LISTS = Path(__file__).resolve().parent / "attendee_lists"
GOALS = ("investor", "mentor", "hire", "client", "partner")
TRAP_DEPTH = 12
BATCHES = ("heldout", "fresh2", "tuning")


@dataclass
class ListScore:
    """One list's figures for one goal."""

    hits5: int
    hits10: int
    fits: int
    traps: list[tuple[int, RankedAttendee]]
    misses: list[tuple[int, RankedAttendee]]


def _labels(path: Path) -> dict[str, tuple[set[str], set[str]]]:
    with path.open(encoding="utf-8") as handle:
        return {row["email"].lower(): (set(row["fit"].split()), set(row["trap"].split())) for row in csv.DictReader(handle)}


def score_list(entry: dict, goal: str) -> ListScore:
    path = LISTS / entry["file"]
    labels = _labels(path.with_suffix(".labels.csv"))
    attendees = read_attendees(path)
    context = PlanContext(industries=tuple(entry.get("industries", ())), offer=entry.get("offer", ""),
                          hiring_for=entry.get("hiring_for", ""))
    ranked = rank_attendees(attendees, goal, context)
    fits = [labels.get(r.attendee["email"].lower(), (set(), set())) for r in ranked]
    hit = [goal in f for f, _ in fits]
    traps = [(n, r) for n, (r, (_, trap)) in enumerate(zip(ranked, fits, strict=True), 1) if goal in trap and n <= TRAP_DEPTH]
    misses = [(n, r) for n, (r, ok) in enumerate(zip(ranked, hit, strict=True), 1) if n <= 10 and not ok]
    return ListScore(sum(hit[:5]), sum(hit[:10]), sum(hit), traps, misses)


def _describe(n: int, r: RankedAttendee, why: bool) -> str:
    a = r.attendee
    text = f"    #{n:<2} {r.fit.score:5.1f}  {a['name']} · {a['title']} · {a['company']}"
    return text + ("".join(f"\n           {reason}" for reason in r.fit.reasons) if why else "")


def run_batch(batch: str, entries: list[dict], show: bool, why: bool) -> bool:
    print(f"\n== {batch} batch: " + ", ".join(
        f"{e['file']} ({attendee_format(LISTS / e['file']).platform_name or 'plain'}, "
        f"{len(read_attendees(LISTS / e['file']))} people)" for e in entries))
    print(f"{'goal':<10}{'P@5':>7}{'P@10':>7}  traps in top {TRAP_DEPTH}")
    ok = True
    for goal in GOALS:
        scores = [score_list(e, goal) for e in entries]
        p5 = sum(s.hits5 for s in scores) / (5 * len(scores))
        p10 = sum(s.hits10 for s in scores) / (10 * len(scores))
        traps = sum(len(s.traps) for s in scores)
        ok &= p10 >= 0.9 and traps == 0
        print(f"{goal:<10}{p5:7.2f}{p10:7.2f}  {traps}")
        if show:
            for entry, s in zip(entries, scores, strict=True):
                for n, r in s.traps:
                    print(f"  trap in {entry['file']}:\n{_describe(n, r, why)}")
                for n, r in s.misses:
                    print(f"  not a fit in the top 10 of {entry['file']}:\n{_describe(n, r, why)}")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--batch", choices=BATCHES, help="score one batch only")
    parser.add_argument("--show-heldout", action="store_true", help="name the held-out misses too (after tuning)")
    parser.add_argument("--why", action="store_true", help="print the reasons of each miss")
    args = parser.parse_args()
    manifest = json.loads((LISTS / "lists.json").read_text(encoding="utf-8"))
    people = sum(len(read_attendees(LISTS / e["file"])) for e in manifest["lists"])
    print(f"{len(manifest['lists'])} lists, {people} invented people")
    results = []
    for batch in BATCHES:
        entries = [e for e in manifest["lists"] if e["batch"] == batch]
        if entries and args.batch in (None, batch):
            results.append(run_batch(batch, entries, show=batch == "tuning" or args.show_heldout, why=args.why))
    print("\ntarget (every goal P@10 >= 0.9, no trap in the top 12):", "met" if all(results) else "not met")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
