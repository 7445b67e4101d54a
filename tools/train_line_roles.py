#!/usr/bin/env python3
"""Train the line-role model (netcompanion/ocr/data/line_roles.json) from labelled cards.

Usage: python tools/train_line_roles.py [--shared ../shared] [--cache /tmp/ocr-cache]
                                       [--synthetic N]

Trains ONLY on the look part of cards-real (files whose number is a multiple of 4), on
cards-dev and on N synthetic cards rendered by tools/synth_cards.py with a fixed seed (default
200; 0 for none); the scored part of cards-real and cards-world are never used. Each candidate line
(a line no e-mail, phone or address took) is labelled with the role whose labelled value holds
its words (name, title, company), else "other". The model is a multinomial logistic regression
fitted by full-batch gradient descent from zero weights, so the same cards give the same file,
byte for byte. The raw OCR of the cards comes from the benchmark's cache (filled on first use).
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

from benchmarks.ocr_cache import DEFAULT_DIR, lines_from_json, raw_ocr  # noqa: E402
from benchmarks.scan_accuracy import split_part, words  # noqa: E402
from netcompanion.ocr.extract import extract_fields  # noqa: E402
from netcompanion.ocr.layout import build_lines  # noqa: E402
from netcompanion.ocr.line_roles import MODEL_FILE, ROLES, RoleModel  # noqa: E402

#: L2 penalty, steps and step size of the gradient descent
L2 = 1e-3
STEPS = 3000
STEP_SIZE = 0.5
#: share of a line's words a labelled value must hold for the line to take its role
COVER = 0.6


#: seed of the synthetic cards (tools/synth_cards.py)
SYNTH_SEED = 15


def synthetic_dir(cache: Path, count: int) -> Path:
    """The synthetic cards, rendered once into the cache folder."""
    import synth_cards

    d = cache / f"synth-{SYNTH_SEED}-{count}"
    if not (d / "labels.jsonl").is_file():
        synth_cards.main([str(d), "--count", str(count), "--seed", str(SYNTH_SEED)])
    return d


def training_cards(shared: Path, synth: Path | None = None,
                   real: bool = True) -> list[tuple[Path, dict]]:
    """(image, labels) of the look part of cards-real (unless not ``real``), of cards-dev and
    of ``synth``."""
    out = []
    dirs = ([shared / "cards-real"] if real else []) + [shared / "cards-dev"] + \
        ([synth] if synth else [])
    for d in dirs:
        for line in (d / "labels.jsonl").read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            rec = json.loads(line)
            if split_part(rec["file"]) in ("look", "all"):
                out.append((d / rec["file"], rec))
    return out


def role_of(text: str, truth: dict) -> str:
    """The role whose labelled value holds most of the line's words, else 'other'."""
    ws = [w for w in words(text) if len(w) > 1 or w.isdigit()]
    if not ws:
        return "other"
    best, best_cover = "other", 0.0
    for role, field in (("name", "full_name"), ("title", "title"), ("company", "company")):
        value = set(words(truth.get(field) or ""))
        if not value or field in truth.get("skip", []):
            continue
        cover = sum(w in value for w in ws) / len(ws)
        if cover >= COVER and cover > best_cover:
            best, best_cover = role, cover
    return best


def dataset(cards: list[tuple[Path, dict]], cache: Path) -> tuple[np.ndarray, np.ndarray]:
    raw = raw_ocr([str(p) for p, _ in cards], cache_dir=cache)
    xs, ys = [], []
    for path, truth in cards:
        rec = raw[str(path)]
        if rec.get("error"):
            continue
        fields = extract_fields(build_lines(lines_from_json(rec["lines"])), "US", learned=False)
        for line, row, _ in fields.candidates:
            xs.append(row)
            ys.append(ROLES.index(role_of(line.text, truth)))
    return np.asarray(xs, float), np.asarray(ys, int)


def fit(x: np.ndarray, y: np.ndarray) -> RoleModel:
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-6] = 1.0
    z = (x - mean) / scale
    k = len(ROLES)
    onehot = np.eye(k)[y]
    # classes weighted so that the rare roles count as much as "other"
    counts = np.bincount(y, minlength=k).astype(float)
    cw = (len(y) / (k * np.maximum(counts, 1.0)))[y][:, None]
    w = np.zeros((x.shape[1], k))
    b = np.zeros(k)
    for _ in range(STEPS):
        logits = z @ w + b
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        g = cw * (p - onehot) / len(y)
        w -= STEP_SIZE * (z.T @ g + L2 * w)
        b -= STEP_SIZE * g.sum(axis=0)
    return RoleModel(mean, scale, w, b)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--cache", default=str(DEFAULT_DIR))
    ap.add_argument("--synthetic", type=int, default=200, help="synthetic cards (0: none)")
    ap.add_argument("--no-real", action="store_true",
                    help="leave cards-real out (to choose the decoder's weights on its look part)")
    ap.add_argument("--out", default=None, help="write the model here instead of the package")
    args = ap.parse_args(argv)
    shared = Path(args.shared)
    if not (shared / "cards-real").is_dir():
        shared = Path("/work/shared")
    synth = synthetic_dir(Path(args.cache), args.synthetic) if args.synthetic else None
    cards = training_cards(shared, synth, real=not args.no_real)
    x, y = dataset(cards, Path(args.cache))
    model = fit(x, y)
    pred = model.probabilities(x.tolist()).argmax(axis=1)
    for j, role in enumerate(ROLES):
        n = int((y == j).sum())
        right = int(((pred == j) & (y == j)).sum())
        print(f"{role:8s} {n:5d} lines, {right / max(n, 1):.3f} recalled on the training lines")
    out = Path(args.out) if args.out else ROOT / "netcompanion" / "ocr" / "data" / MODEL_FILE
    out.write_text(json.dumps(model.to_json(), indent=0) + "\n", encoding="utf-8")
    print(f"{out}: {out.stat().st_size / 1024:.1f} KB from {len(cards)} cards, "
          f"{len(y)} lines")
    return 0


if __name__ == "__main__":
    sys.exit(main())
