#!/usr/bin/env python3
"""What the word lists and the line-role model cost: memory, load time and time per card.

Usage: python benchmarks/line_roles_cost.py DIR [DIR ...] [--cache CACHE_DIR]

Loads the shipped lists and model in a fresh process and prints the memory they hold (Python
allocations, tracemalloc) and the load time; then reads every card of DIR from the raw-OCR cache
(benchmarks/ocr_cache.py; cards not cached yet are recognised first) and prints the time per
card of the features and the model (the part the lists and the model add) next to the whole
text side. The issue's budget: 100 ms and 50 MB.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.ocr_cache import DEFAULT_DIR, lines_from_json, raw_ocr  # noqa: E402
from netcompanion.ocr import lexicon, line_roles, parse_address, people_fields, reader  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="+")
    ap.add_argument("--cache", default=str(DEFAULT_DIR))
    args = ap.parse_args(argv)
    tracemalloc.start()
    t0 = time.perf_counter()
    for name in lexicon.LISTS:
        lexicon.word_list(name)
    parse_address.all_countries()  # the country names with their regions, and the regex over them
    parse_address.country_of("")
    model = line_roles.load_model()
    load_s = time.perf_counter() - t0
    held, _peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"lists + model: {held / 2**20:.1f} MB held, loaded in {1000 * load_s:.0f} ms "
          f"(model {'found' if model else 'MISSING'})")
    files = []
    for d in args.dirs:
        for row in (Path(d) / "labels.jsonl").read_text(encoding="utf-8").splitlines():
            if row.strip():
                files.append(str(Path(d) / json.loads(row)["file"]))
    raw = raw_ocr(files, cache_dir=Path(args.cache))
    spent = [0.0]
    inner = people_fields._role_probabilities

    def timed(*a: object, **kw: object) -> object:
        start = time.perf_counter()
        try:
            return inner(*a, **kw)  # type: ignore[arg-type]
        finally:
            spent[0] += time.perf_counter() - start

    people_fields._role_probabilities = timed  # type: ignore[assignment]
    t0 = time.perf_counter()
    n = 0
    for f in files:
        rec = raw[f]
        if rec.get("error"):
            continue
        reader.interpret(lines_from_json(rec["lines"]), rec["qr"], f, "US", rec["engine"],
                         tuple(rec["card_size"]))  # type: ignore[arg-type]
        n += 1
    total = time.perf_counter() - t0
    print(f"{n} cards: features + model {1000 * spent[0] / max(n, 1):.1f} ms/card, "
          f"whole text side {1000 * total / max(n, 1):.1f} ms/card (one core)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
