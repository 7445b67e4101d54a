"""Raw OCR output cached on disk, so that parser changes are scored in seconds.

The image side of reading a card (decode, card finder, orientation, recognition, QR decoding) is
slow and does not change when only the text side (which line is what) changes. This module runs
it once per image and keeps its output, the engine's lines with boxes and scores plus the QR
payloads, as JSON in a cache folder outside the repository. The key is the image file's hash, the
engine and language, and a hash of the image-side modules' source, so that a change to the card
finder or the engines never serves stale lines.
"""
from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict
from pathlib import Path
from typing import Any

from netcompanion.ocr import reader
from netcompanion.ocr.engines import OcrLine, OcrWord
from netcompanion.ocr.image_io import ImageError, load_image
from netcompanion.ocr.result import ScanResult

DEFAULT_DIR = Path(os.environ.get("NETCOMPANION_OCR_CACHE", "/tmp/ocr-cache"))
#: the modules whose code decides the raw OCR output; their source is part of the cache key
IMAGE_SIDE = ("card_detect.py", "engines.py", "image_io.py", "qr.py", "reader.py")

_ENGINE: dict[str, Any] = {}


def _code_hash() -> str:
    ocr_dir = Path(reader.__file__).parent
    h = hashlib.sha1()
    for name in IMAGE_SIDE:
        src = ocr_dir / name
        text = src.read_bytes() if src.is_file() else b""
        if name == "reader.py":  # only the image half of the reader counts
            text = text.split(b"def interpret(")[0]
        h.update(text)
    return h.hexdigest()[:12]


def cache_key(path: str | Path, engine: str, lang: str | None, code: str) -> str:
    digest = hashlib.sha1(Path(path).read_bytes()).hexdigest()[:20]
    return f"{digest}-{engine}-{lang or 'default'}-{code}"


def lines_to_json(lines: list[OcrLine]) -> list[dict[str, Any]]:
    return [asdict(line) for line in lines]


def lines_from_json(items: list[dict[str, Any]]) -> list[OcrLine]:
    out = []
    for d in items:
        words = [OcrWord(w["text"], tuple(w["box"]), w["score"]) for w in d.get("words", [])]
        quad = [tuple(p) for p in d["quad"]] if d.get("quad") else None
        out.append(OcrLine(d["text"], tuple(d["box"]), d["score"], words, quad,  # type: ignore[arg-type]
                           d.get("flipped", False)))
    return out


def _init(engine: str, lang: str | None) -> None:
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    _ENGINE["engine"] = reader.warm_up(engine, lang, threads=1)


def _recognise(path: str) -> dict[str, Any]:
    eng = _ENGINE["engine"]
    try:
        image = load_image(path)
    except ImageError as exc:
        return {"error": str(exc)}
    card, lines, payloads = reader.recognise(image, eng)
    return {"lines": lines_to_json(lines), "qr": payloads, "engine": eng.name,
            "card_size": [int(card.shape[1]), int(card.shape[0])]}


def raw_ocr(paths: Iterable[str], engine: str = "auto", lang: str | None = None,
            cache_dir: Path = DEFAULT_DIR, workers: int | None = None) -> dict[str, dict[str, Any]]:
    """The raw OCR record of every image, from the cache or recognised now (and cached)."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    code = _code_hash()
    keys = {p: cache_key(p, engine, lang, code) for p in paths}
    out: dict[str, dict[str, Any]] = {}
    todo = []
    for p, k in keys.items():
        f = cache_dir / f"{k}.json"
        if f.is_file():
            out[p] = json.loads(f.read_text(encoding="utf-8"))
        else:
            todo.append(p)
    if todo:
        n = max(1, min(workers or os.cpu_count() or 1, len(todo)))
        with ProcessPoolExecutor(max_workers=n, initializer=_init, initargs=(engine, lang)) as pool:
            for p, rec in zip(todo, pool.map(_recognise, todo), strict=True):
                (cache_dir / f"{keys[p]}.json").write_text(json.dumps(rec), encoding="utf-8")
                out[p] = rec
    return out


def results_from_cache(paths: Iterable[str], region: str, engine: str = "auto",
                       lang: str | None = None, cache_dir: Path = DEFAULT_DIR,
                       workers: int | None = None) -> Iterator[ScanResult]:
    """Scan results from the cached raw OCR: only the text side runs."""
    items = list(paths)
    raw = raw_ocr(items, engine, lang, cache_dir, workers)
    for p in items:
        rec = raw[p]
        if rec.get("error"):
            yield ScanResult.failed(p, rec["error"])
            continue
        yield reader.interpret(lines_from_json(rec["lines"]), rec["qr"], p, region,
                               rec["engine"], tuple(rec["card_size"]))  # type: ignore[arg-type]
