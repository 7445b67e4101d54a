"""Top-level card reading: one image (``read_card``) or many in parallel (``read_cards``)."""
from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import cast

import numpy as np
import phonenumbers

from . import card_detect, engines, qr
from .check import fields_to_check
from .extract import extract_fields
from .image_io import ImageError, load_image
from .layout import build_lines
from .parent_watch import end_with_parent, started_from_main_thread
from .result import FIELD_NAMES, Phone, ScanResult

DEFAULT_REGION = "US"
"""The region of numbers printed without a country code when the caller names none (the app and
the CLI always pass the user's home region, `core.settings.home_region`)."""


#: Longest side the text detector needs on a card cut out of a photo: the card fills it, so its
#: text is as large there as on a 1024-pixel view of the photo where the card takes 3/4 of the
#: width; detection time grows with the pixels.
CARD_DET_SIDE = 800


def _orient(engine: engines.Engine, card: np.ndarray,
            det_side: int | None = None) -> tuple[np.ndarray, list[engines.OcrLine]]:
    """Recognise ``card`` and turn it upright (sideways / upside-down photos)."""
    lines = engine.recognize(card, det_side)
    chars = lambda ls: sum(len(ln.text) for ln in ls)  # noqa: E731
    vert = [ln for ln in lines if ln.vertical and len(ln.text) >= 3]
    if lines and chars(vert) > 0.5 * chars([ln for ln in lines if len(ln.text) >= 3]):
        # sideways: turn by 90 degrees; the 180-degree check below picks the right way
        card = card_detect.rotate(card, 90)
        lines = engine.recognize(card, det_side)
    flipped = [ln for ln in lines if ln.flipped]
    if lines and chars(flipped) > 0.5 * chars(lines):
        h, w = card.shape[:2]
        card = card_detect.rotate(card, 180)
        for ln in lines:
            x0, y0, x1, y1 = ln.box
            ln.box = (w - x1, h - y1, w - x0, h - y0)
            if ln.quad:
                ln.quad = [(w - x, h - y) for x, y in ln.quad][2:] + \
                         [(w - x, h - y) for x, y in ln.quad][:2]
            for wd in ln.words:
                a0, b0, a1, b1 = wd.box
                wd.box = (w - a1, h - b1, w - a0, h - b0)
            ln.words.reverse()
    elif engine.name == "tesseract" and lines and np.mean([ln.score for ln in lines]) < 0.6:
        # no classifier: try upside down and keep the more confident reading
        alt_card = card_detect.rotate(card, 180)
        alt = engine.recognize(alt_card, det_side)
        if alt and np.mean([ln.score for ln in alt]) > np.mean([ln.score for ln in lines]) + 0.1:
            card, lines = alt_card, alt
    return card, lines


def _merge_qr(res: ScanResult, contact: qr.QrContact, region: str) -> None:
    """QR fields win over OCR for the fields they carry."""
    for f in ("full_name", "given_name", "family_name", "title", "company", "address", "linkedin"):
        v = getattr(contact, f)
        if v:
            setattr(res, f, v)
            res.confidence[f] = 0.99
    if contact.emails:
        res.emails = list(dict.fromkeys(contact.emails + res.emails))
        res.confidence["emails"] = 0.99
    if contact.websites:
        ws = [re.sub(r"^(?:https?://)?(?:www\.)?", "", w).rstrip("/") for w in contact.websites]
        res.websites = list(dict.fromkeys(ws + res.websites))
        res.confidence["websites"] = 0.99
    if contact.phones:
        phones: list[Phone] = []
        for raw, kind in contact.phones:
            try:
                num = phonenumbers.parse(raw, region)
            except phonenumbers.NumberParseException:
                continue
            if phonenumbers.is_possible_number(num):
                e = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)
                phones.append(Phone(e, kind))
        known = {p.e164 for p in phones}
        res.phones = phones + [p for p in res.phones if p.e164 not in known]
        res.confidence["phones"] = 0.99
    if contact.full_name and not (contact.given_name or contact.family_name):
        from .parse_names import split_name
        res.given_name, res.family_name = split_name(contact.full_name)


def recognise(image: np.ndarray, engine: engines.Engine
              ) -> tuple[np.ndarray, list[engines.OcrLine], list[str]]:
    """The image side: the flattened, upright card, its OCR lines and its codes' payloads."""
    # codes on the whole image: one beside the card, or one the card finder must not take for it
    codes, unread = qr.scan_codes(image)
    card, det = card_detect.flatten_card(image, [c.quad for c in codes])
    card, ocr_lines = _orient(engine, card, CARD_DET_SIDE if det.quad is not None else None)
    payloads = [c.text for c in codes]
    if unread and det.quad is not None:  # seen but not read: flattened, it may read
        payloads += qr.decode_qr(card)
    return card, ocr_lines, list(dict.fromkeys(payloads))


def interpret(ocr_lines: list[engines.OcrLine], qr_payloads: list[str], source: str = "",
              region: str | None = None, engine_name: str = "",
              card_size: tuple[int, int] | None = None, card: np.ndarray | None = None
              ) -> ScanResult:
    """The text side: which OCR line is what, merged with the QR payloads' fields."""
    region = (region or DEFAULT_REGION).upper()
    lines = build_lines(ocr_lines)
    raw_text = "\n".join(ln.text for ln in lines)
    fields = extract_fields(lines, region)
    v = fields.values
    if card is not None:
        card_size = (int(card.shape[1]), int(card.shape[0]))
    res = ScanResult(
        source=source, full_name=str(v.get("full_name", "")),
        given_name=str(v.get("given_name", "")), family_name=str(v.get("family_name", "")),
        title=str(v.get("title", "")), company=str(v.get("company", "")),
        emails=list(cast("list[str]", v.get("emails", []))), phones=list(cast("list[Phone]", v.get("phones", []))),
        websites=list(cast("list[str]", v.get("websites", []))), address=str(v.get("address", "")),
        linkedin=str(v.get("linkedin", "")),
        confidence={f: round(float(fields.confidence.get(f, 0.0)), 3) for f in FIELD_NAMES},
        raw_text=raw_text, boxes={name: [list(box) for box in found] for name, found in fields.boxes.items()},
        engine=engine_name, card_size=card_size,
        card_image=None if card is None else np.ascontiguousarray(card[:, :, ::-1]))
    for f in FIELD_NAMES:  # no value, no confidence
        if not getattr(res, f):
            res.confidence[f] = 0.0
    before = {f: getattr(res, f) for f in FIELD_NAMES}
    for p in qr_payloads:
        contact = qr.parse_payload(p)
        if contact is not None:
            _merge_qr(res, contact, fields.region or region)
    from_qr = {f for f in FIELD_NAMES if getattr(res, f) != before[f]}
    res.check = fields_to_check(res, fields, from_qr)
    return res


def read_image(image: np.ndarray, source: str = "", region: str | None = None,
               engine: engines.Engine | None = None) -> ScanResult:
    """Read a card from a decoded BGR image (already EXIF-upright)."""
    engine = engine or engines.get_engine("auto")
    card, ocr_lines, payloads = recognise(image, engine)
    return interpret(ocr_lines, payloads, source, region, engine.name, card=card)


def read_card(path: str | Path, region: str | None = None, lang: str | None = None,
              engine: str | engines.Engine = "auto") -> ScanResult:
    """Read one card image file. Never raises for a bad image: the result has ``error`` set."""
    source = str(path)
    try:
        eng = engine if not isinstance(engine, str) else engines.get_engine(engine, lang)
    except (engines.EngineUnavailable, ValueError) as exc:
        return ScanResult.failed(source, str(exc))
    try:
        image = load_image(path)
    except ImageError as exc:
        return ScanResult.failed(source, str(exc))
    except MemoryError:
        return ScanResult.failed(source, "image too large for the available memory")
    except Exception as exc:  # noqa: BLE001 - a decoder bug on one file must not stop a batch
        return ScanResult.failed(source, f"cannot read the image: {type(exc).__name__}: {exc}")
    try:
        return read_image(image, source, region, eng)
    except MemoryError:
        return ScanResult.failed(source, "out of memory while reading the card")
    except Exception as exc:  # noqa: BLE001 - a bug on one card must not stop a batch
        return ScanResult.failed(source, f"could not read the card: {type(exc).__name__}: {exc}")


# ------------------------------------------------------------------------------------------
# batches
# ------------------------------------------------------------------------------------------

_WORKER: dict[str, object] = {}
#: Peak memory of one worker reading a card (models, buffers, the largest image it will decode);
#: the number of workers is bounded by the available memory over this.
WORKER_MEMORY_MB = 700


def warm_up(engine: str = "auto", lang: str | None = None,
            threads: int | None = None) -> engines.Engine:
    """Load the engine and run it once on a tiny image, so the first real card is fast
    (rapidocr opens its models on first use). The GUI calls this in the background at start."""
    eng = engines.get_engine(engine, lang, threads=threads)
    img = np.full((64, 256, 3), 255, np.uint8)
    import cv2

    cv2.putText(img, "Warm up 123", (8, 42), cv2.FONT_HERSHEY_SIMPLEX, 1.0, (0, 0, 0), 2)
    try:
        eng.recognize(img)
    except Exception:  # noqa: BLE001 - warming up is best effort
        pass
    return eng


def _init_worker(engine: str, lang: str | None, region: str | None, parent_pid: int,
                 from_main_thread: bool) -> None:
    end_with_parent(parent_pid, from_main_thread)
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    _WORKER.update(engine=engine, lang=lang, region=region)
    try:
        _WORKER["engine_obj"] = warm_up(engine, lang, threads=1)
    except (engines.EngineUnavailable, ValueError) as exc:
        _WORKER["engine_err"] = str(exc)


def _work(path: str) -> dict:
    if "engine_err" in _WORKER:
        return ScanResult.failed(path, str(_WORKER["engine_err"])).to_json()
    res = read_card(path, _WORKER.get("region"), _WORKER.get("lang"),  # type: ignore[arg-type]
                    _WORKER["engine_obj"])  # type: ignore[arg-type]
    return res.to_json()


def available_memory_mb() -> float | None:
    """Memory the system can give without swapping (Linux ``MemAvailable``), or None."""
    try:
        with open("/proc/meminfo", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def worker_count(requested: int | None, items: int) -> int:
    """Worker processes for a batch: ``requested``, else one per core that the available memory
    can feed (WORKER_MEMORY_MB each), and never more than there are images."""
    if requested:
        n = requested
    else:
        n = os.cpu_count() or 1
        free = available_memory_mb()
        if free is not None:
            n = min(n, int(free // WORKER_MEMORY_MB))
    return max(1, min(n, items))


def read_cards(paths: Iterable[str | Path], region: str | None = None, lang: str | None = None,
               engine: str = "auto", workers: int | None = None) -> Iterator[ScanResult]:
    """Read many cards, yielding results in input order.

    Uses one worker process per core, as far as the available memory allows (``workers``
    overrides), each with one inference thread and its own engine loaded once. With one worker
    or one path it reads in this process. The workers end with this process (kill -9 included).
    """
    items = [str(p) for p in paths]
    region = (region or DEFAULT_REGION).upper()
    n = worker_count(workers, len(items))
    if n == 1:
        try:
            eng: engines.Engine | str = engines.get_engine(engine, lang)
        except (engines.EngineUnavailable, ValueError) as exc:
            for p in items:
                yield ScanResult.failed(p, str(exc))
            return
        for p in items:
            yield read_card(p, region, lang, eng)
        return
    import multiprocessing as mp
    import sys
    import threading

    # fork is cheap, but only safe while this process runs no other threads and has not
    # started onnxruntime; otherwise (a GUI) spawn fresh workers
    safe_fork = ("fork" in mp.get_all_start_methods() and threading.active_count() == 1
                 and "onnxruntime" not in sys.modules)
    ctx = mp.get_context("fork" if safe_fork else "spawn")
    from concurrent.futures.process import BrokenProcessPool

    start = 0
    while start < len(items):
        pool = ProcessPoolExecutor(max_workers=n, mp_context=ctx, initializer=_init_worker,
                                   initargs=(engine, lang, region, os.getpid(),
                                             started_from_main_thread()))
        try:
            futures = [pool.submit(_work, p) for p in items[start:]]
            for fut in futures:
                try:
                    d = fut.result()
                except BrokenProcessPool:
                    # a worker died (a decoder crash on this image): report it, go on afresh
                    yield ScanResult.failed(items[start], "the reader crashed on this image")
                    start += 1
                    break
                yield ScanResult.from_json(d)
                start += 1
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
