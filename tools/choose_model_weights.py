#!/usr/bin/env python3
"""Choose how much the line-role model moves the decoder, by cross-fitting on the look part.

Usage: python tools/choose_model_weights.py [--shared ../shared] [--cache /tmp/ocr-cache]
                                            [--folds 4] [--weights 0,0.25,0.5,1]

The model (tools/train_line_roles.py) is trained on the look part of cards-real, so scoring a
weight on that same part would flatter it. Here the look part is cut into folds; for each fold
a model is trained on cards-dev, the synthetic cards and the other folds, and the fold's cards
are read with it at every weight tried (the same weight for name, title and company, and the
join limit). The printed field accuracy per weight is thus that of cards the model has not
seen. The scored part of cards-real and cards-world are never read.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

import train_line_roles as tr  # noqa: E402

from benchmarks.ocr_cache import DEFAULT_DIR, lines_from_json, raw_ocr  # noqa: E402
from benchmarks.scan_accuracy import FIELDS, field_ok, split_part  # noqa: E402
from netcompanion.ocr import people_fields, reader  # noqa: E402


def _score(cards: list[tuple[Path, dict]], raw: dict[str, dict]) -> tuple[int, int, int]:
    """(fields right, fields scored, cards perfect) of ``cards`` with the current settings."""
    right = total = perfect = 0
    for path, truth in cards:
        rec = raw[str(path)]
        if rec.get("error"):
            continue
        res = reader.interpret(lines_from_json(rec["lines"]), rec["qr"], str(path), "US",
                               rec["engine"], tuple(rec["card_size"]))
        pred = res.to_json()
        oks = [field_ok(f, truth, pred) for f in FIELDS if f not in truth.get("skip", [])]
        right += sum(oks)
        total += len(oks)
        perfect += all(oks)
    return right, total, perfect


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--cache", default=str(DEFAULT_DIR))
    ap.add_argument("--folds", type=int, default=4)
    ap.add_argument("--weights", default="0,0.25,0.5,1")
    ap.add_argument("--synthetic", type=int, default=200)
    args = ap.parse_args(argv)
    shared = Path(args.shared)
    if not (shared / "cards-real").is_dir():
        shared = Path("/work/shared")
    cache = Path(args.cache)
    synth = tr.synthetic_dir(cache, args.synthetic) if args.synthetic else None
    others = tr.training_cards(shared, synth, real=False)
    look = [(p, t) for p, t in tr.training_cards(shared, None, real=True)
            if p.parent.name == "cards-real" and split_part(p.name) == "look"]
    raw = raw_ocr([str(p) for p, _ in look], cache_dir=cache)
    weights = [float(w) for w in args.weights.split(",")]
    sums = {w: np.zeros(3, int) for w in weights}
    x_other, y_other = tr.dataset(others, cache)
    for k in range(args.folds):
        held = [c for i, c in enumerate(look) if i % args.folds == k]
        train = [c for i, c in enumerate(look) if i % args.folds != k]
        x, y = tr.dataset(train, cache)
        model = tr.fit(np.vstack([x_other, x]), np.concatenate([y_other, y]))
        people_fields.load_model = lambda m=model: m  # type: ignore[assignment]
        for w in weights:
            people_fields.NAME_MODEL_WEIGHT = people_fields.TITLE_MODEL_WEIGHT = \
                people_fields.COMPANY_MODEL_WEIGHT = w
            sums[w] += np.asarray(_score(held, raw))
    print(json.dumps({"folds": args.folds, "cards": len(look)}))
    for w in weights:
        right, total, perfect = sums[w]
        print(f"weight {w:5.2f}: field accuracy {right / max(total, 1):.3f}, "
              f"{perfect}/{len(look)} cards perfect")
    return 0


if __name__ == "__main__":
    sys.exit(main())
