#!/usr/bin/env python3
"""Choose the check list's thresholds (netcompanion/ocr/check.py THRESHOLDS) on the look part.

Usage: python tools/calibrate_check.py [--budget N] [--shared ../shared] [--verbose]

Reads the look part of cards-real only (files whose number is a multiple of 4) from the raw-OCR
cache, computes each non-empty field's support and whether it is right, and raises the
per-field thresholds greedily, always where one more right field listed buys the most wrong
fields listed, while at most N right fields are listed (default 70, about 17 % of the part's
right fields). A field with full support is never listed. Prints the thresholds to copy into check.py;
the scored part is judged by
benchmarks/scan_accuracy.py afterwards, never here.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.ocr_cache import lines_from_json, raw_ocr  # noqa: E402
from benchmarks.scan_accuracy import field_ok, split_part  # noqa: E402
from netcompanion.ocr import check, reader  # noqa: E402

Rows = dict[str, list[tuple[float, bool]]]


def look_rows(shared: Path) -> Rows:
    """(support, right) of every non-empty field of the look part, per field."""
    d = shared / "cards-real"
    truth = [json.loads(x) for x in (d / "labels.jsonl").read_text(encoding="utf-8").splitlines()
             if x.strip()]
    truth = [t for t in truth if split_part(t["file"]) == "look"]
    files = [str(d / t["file"]) for t in truth]
    raw = raw_ocr(files)
    seen: dict[str, float] = {}
    original = check.fields_to_check

    def spy(res, fields, from_qr=frozenset()):  # type: ignore[no-untyped-def]
        seen.clear()
        seen.update(check.field_support(res, fields, from_qr))
        return original(res, fields, from_qr)

    reader.fields_to_check = spy  # type: ignore[assignment]
    rows: Rows = {}
    for t, f in zip(truth, files, strict=False):
        rec = raw[f]
        if rec.get("error"):
            continue
        res = reader.interpret(lines_from_json(rec["lines"]), rec["qr"], f, "US", rec["engine"],
                               tuple(rec["card_size"]))
        pred = res.to_json()
        for field, support in seen.items():
            if field not in t.get("skip", []):
                rows.setdefault(field, []).append((support, field_ok(field, t, pred)))
    reader.fields_to_check = original
    return rows


def listed(rows: Rows, field: str, threshold: float) -> tuple[int, int]:
    """(right, wrong) fields under ``threshold``."""
    right = sum(ok and s < threshold for s, ok in rows[field])
    return right, sum((not ok) and s < threshold for s, ok in rows[field])


def calibrate(rows: Rows, budget: int) -> dict[str, float]:
    thresholds = {f: 0.0 for f in rows}
    # a field with full support (1.0) is never listed, whatever its kind's error rate
    steps = {f: sorted({min(1.0, round(s + 0.005, 3)) for s, _ in v if s < 1.0})
             for f, v in rows.items()}
    while True:
        used = sum(listed(rows, f, thresholds[f])[0] for f in rows)
        best: tuple[float, str, float] | None = None
        for f in rows:
            right0, wrong0 = listed(rows, f, thresholds[f])
            for t in steps[f]:
                if t <= thresholds[f]:
                    continue
                right, wrong = listed(rows, f, t)
                if wrong > wrong0 and used - right0 + right <= budget:
                    gain = (wrong - wrong0) / max(right - right0, 0.5)
                    if best is None or gain > best[0]:
                        best = (gain, f, t)
        if best is None:
            return thresholds
        thresholds[best[1]] = best[2]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--budget", type=int, default=70)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--verbose", action="store_true", help="print the supports per field")
    args = ap.parse_args(argv)
    shared = Path(args.shared)
    if not (shared / "cards-real").is_dir():
        shared = Path("/work/shared")
    rows = look_rows(shared)
    if args.verbose:
        for f, v in rows.items():
            print(f, "wrong:", sorted(round(s, 2) for s, ok in v if not ok))
    th = calibrate(rows, args.budget)
    right = sum(listed(rows, f, th[f])[0] for f in rows)
    wrong = sum(listed(rows, f, th[f])[1] for f in rows)
    n_wrong = sum(not ok for v in rows.values() for _, ok in v)
    print("THRESHOLDS =", json.dumps(th))
    print(f"look part: lists {wrong}/{n_wrong} wrong non-empty fields and {right} right ones")
    return 0


if __name__ == "__main__":
    sys.exit(main())
