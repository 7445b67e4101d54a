#!/usr/bin/env python3
"""Card-reading accuracy per field next to each field's OCR ceiling.

Usage: python benchmarks/scan_accuracy.py DIR [--region CC] [--engine E] [--workers N]
                                          [--cache [CACHE_DIR]] [--out PRED.jsonl] [--verbose]

DIR holds card images and ``labels.jsonl`` (see shared/tools/score_cards.py for the format and the
scoring rules, copied here). The ceiling of a field is the share of cards whose raw OCR text
contains the labelled value at all (the OCR ceiling): all the name's/title's/company's words among the
OCR words; each e-mail/URL as a substring with spaces removed; each phone's national digits in the
text's digits; 80 % of the address words. A field far below its ceiling needs a better parser; a
low ceiling needs better imaging or recognition.

A set whose files are numbered (``cards-real``: 000.jpeg, 002.jpeg ...) is split in two: the files
whose number is a multiple of 4 are the part one may look at and tune on ("look"), all others
are only scored ("scored"). Each part is reported on its own, and ``--verbose`` lists the wrong
fields of the look part only. A set without numbers is one part ("all").

The check list: of the wrong non-empty fields, the share the reader's ``check`` list names (it
should be high), and of the right fields, the share it names (it should be low).

``--cache`` reads the raw OCR output (lines, boxes, scores, QR payloads) from a cache folder
(default /tmp/ocr-cache), recognising and storing only the images not in it yet, so that a change
to the text side is scored in seconds (see benchmarks/ocr_cache.py).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from pathlib import Path

import phonenumbers

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from netcompanion.ocr.reader import read_cards  # noqa: E402

DEFAULT_CACHE = Path("/tmp/ocr-cache")

HONORIFICS = {"dr", "prof", "mr", "mrs", "ms", "phd", "mba", "cfa", "jr", "sr", "md", "esq", "cpa"}
LEGAL = {"inc", "llc", "ltd", "gmbh", "ag", "sa", "bv", "plc", "co", "corp", "limited"}
FIELDS = ["full_name", "title", "company", "emails", "phones", "websites", "address"]


# ---- scoring rules, as in shared/tools/score_cards.py -------------------------------------
def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode().casefold()
    return re.sub(r"[^a-z0-9@.+]+", " ", text).strip()


def words(text: str) -> list[str]:
    return re.sub(r"[^a-z0-9]+", " ", fold(text)).split()


def name_key(text: str) -> frozenset:
    return frozenset(w for w in words(text) if len(w) > 1 and w not in HONORIFICS)


def company_keys(text: str) -> set:
    ws = words(text)
    core = [w for w in ws if w not in LEGAL]
    return {" ".join(ws), " ".join(core)}


def email_key(email: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", email or "")).casefold().strip(".,;:")


def host(url: str) -> str:
    url = fold(url).replace(" ", "")
    url = re.sub(r"^(https?)?(//)?", "", url)
    url = re.sub(r"^www\.", "", url)
    return url.split("/")[0].rstrip(".")


def token_f1(a: str, b: str) -> float:
    x, y = words(a), words(b)
    if not x and not y:
        return 1.0
    if not x or not y:
        return 0.0
    common = sum(min(x.count(t), y.count(t)) for t in set(x))
    if not common:
        return 0.0
    p, r = common / len(y), common / len(x)
    return 2 * p * r / (p + r)


def field_ok(field: str, truth: dict, pred: dict) -> bool:
    t, p = truth.get(field), pred.get(field)
    if field == "full_name":
        return name_key(t) == name_key(p or "")
    if field == "title":
        return words(t) == words(p or "")
    if field == "company":
        return bool(company_keys(t) & company_keys(p or ""))
    if field == "emails":
        return {email_key(e) for e in t} == {email_key(e) for e in (p or [])}
    if field == "phones":
        return {x["e164"] for x in t} == {x.get("e164") for x in (p or []) if isinstance(x, dict)}
    if field == "websites":
        return {host(w) for w in t} == {host(w) for w in (p or [])}
    if field == "address":
        return token_f1(t, p or "") >= 0.8
    raise KeyError(field)


# ---- OCR ceiling ---------------------------------------------------------------------------
def national_digits(e164: str) -> str:
    try:
        return str(phonenumbers.parse(e164, None).national_number)
    except phonenumbers.NumberParseException:
        return re.sub(r"\D", "", e164)


def in_text(field: str, truth: dict, raw: str) -> bool:
    t = truth.get(field)
    if not t:
        return True
    ocr_words = set(words(raw))
    squashed = re.sub(r"\s+", "", raw).casefold()
    if field in ("full_name", "title", "company"):
        ws = [w for w in words(t) if not (field == "full_name" and w in HONORIFICS)]
        return all(w in ocr_words for w in ws)
    if field == "emails":
        return all(email_key(e) in squashed for e in t)
    if field == "websites":
        return all(host(w) in fold(squashed).replace(" ", "") for w in t)
    if field == "phones":
        digits = re.sub(r"\D", "", raw)
        return all(national_digits(x["e164"]) in digits for x in t)
    if field == "address":
        ws = words(t)
        return sum(w in ocr_words for w in ws) >= 0.8 * len(ws)
    return True


def split_part(name: str) -> str:
    """'look' for files numbered with a multiple of 4, 'scored' for other numbers, else 'all'."""
    m = re.match(r"^(\d+)\.", name)
    if not m:
        return "all"
    return "look" if int(m.group(1)) % 4 == 0 else "scored"


def score_part(truth: dict, preds: dict, verbose: bool) -> None:
    """Print per-field accuracy next to the ceiling, cards perfect and the check-list figures."""
    hits = {f: 0 for f in FIELDS}
    ceil = {f: 0 for f in FIELDS}
    scored = {f: 0 for f in FIELDS}
    wrong_listed = wrong_nonempty = right_listed = right_total = 0
    perfect = 0
    for name, t in truth.items():
        p = preds.get(name, {})
        check = set(p.get("check", []))
        oks = {}
        for f in FIELDS:
            if f in t.get("skip", []):
                continue
            ok = field_ok(f, t, p)
            oks[f] = ok
            hits[f] += ok
            scored[f] += 1
            ceil[f] += in_text(f, t, p.get("raw_text", ""))
            if ok:
                right_total += 1
                right_listed += f in check
            elif p.get(f):
                wrong_nonempty += 1
                wrong_listed += f in check
            if verbose and not ok:
                got = p.get(f)
                want = t.get(f) if f != "phones" else [x["e164"] for x in t[f]]
                got = got if f != "phones" else [x.get("e164") for x in (got or [])]
                print(f"  {name} {f}: want {want!r} got {got!r}")
        perfect += all(oks.values())
    n = len(truth)
    print(f"{'field':10s} {'accuracy':>8s} {'ceiling':>8s}")
    for f in FIELDS:
        s = max(scored[f], 1)
        print(f"{f:10s} {hits[f] / s:8.3f} {ceil[f] / s:8.3f}  ({scored[f]} cards)")
    tot = max(sum(scored.values()), 1)
    print(f"{'all':10s} {sum(hits.values()) / tot:8.3f} {sum(ceil.values()) / tot:8.3f}")
    print(f"cards with every field right: {perfect}/{n} ({perfect / max(n, 1):.3f})")
    print(f"check list: names {wrong_listed}/{wrong_nonempty} of the wrong non-empty fields "
          f"({wrong_listed / max(wrong_nonempty, 1):.3f}), {right_listed}/{right_total} of the "
          f"right ones ({right_listed / max(right_total, 1):.3f})")
    print(f"score: {sum(hits.values()) / tot:.3f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir")
    ap.add_argument("--region", default="US")
    ap.add_argument("--engine", default="auto")
    ap.add_argument("--lang", default=None)
    ap.add_argument("--workers", type=int, default=None)
    ap.add_argument("--cache", nargs="?", const=str(DEFAULT_CACHE), default=None,
                    help="read raw OCR from this cache folder (default %(const)s), filling it")
    ap.add_argument("--out", default=None, help="write the predictions (JSON Lines) here")
    ap.add_argument("--verbose", action="store_true",
                    help="list every wrong field (of the look part only, on a split set)")
    args = ap.parse_args(argv)
    d = Path(args.dir)
    truth = {}
    for line in (d / "labels.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            truth[rec["file"]] = rec
    files = [str(d / name) for name in truth]
    t0 = time.perf_counter()
    preds = {}
    if args.cache:
        from benchmarks.ocr_cache import raw_ocr, results_from_cache

        raw_ocr(files, args.engine, args.lang, Path(args.cache), args.workers)
        t0 = time.perf_counter()  # time the text side only
        results = results_from_cache(files, args.region, args.engine, args.lang, Path(args.cache))
    else:
        results = read_cards(files, region=args.region, lang=args.lang, engine=args.engine,
                             workers=args.workers)
    for res in results:
        preds[Path(res.source).name] = res.to_json()
    elapsed = time.perf_counter() - t0
    if args.out:
        with open(args.out, "w", encoding="utf-8") as fh:
            for p in preds.values():
                fh.write(json.dumps(p, ensure_ascii=False) + "\n")
    parts: dict[str, dict] = {}
    for name, t in truth.items():
        parts.setdefault(split_part(name), {})[name] = t
    for part in ("scored", "look", "all"):
        if part not in parts:
            continue
        print(f"== {d.name}: part '{part}', {len(parts[part])} cards")
        score_part(parts[part], preds, args.verbose and part != "scored")
    n = len(truth)
    what = "text side only, from the OCR cache" if args.cache else "wall clock, all cores"
    print(f"time: {elapsed:.2f} s for {n} cards, {1000 * elapsed / max(n, 1):.0f} ms/card ({what})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
