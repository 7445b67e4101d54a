"""Text recognition behind one small interface: PP-OCRv6 (rapidocr) and Tesseract.

An engine turns a BGR image into :class:`OcrLine` objects (text, score, box, word boxes).
Engines are created once per process through :func:`get_engine` and reused for every card.
"""
from __future__ import annotations

import os
import re
import shutil
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import numpy as np

Box = tuple[int, int, int, int]


class EngineUnavailable(RuntimeError):
    """The requested recogniser cannot be used on this machine (the message says why)."""


@dataclass
class OcrWord:
    """One recognised word with its axis-aligned box and score."""

    text: str
    box: Box
    score: float = 1.0


@dataclass
class OcrLine:
    """One recognised text line (as the detector found it) with its words."""

    text: str
    box: Box
    score: float
    words: list[OcrWord] = field(default_factory=list)
    quad: Sequence[tuple[float, float]] | None = None
    flipped: bool = False  # the orientation classifier turned this line by 180 degrees

    @property
    def height(self) -> float:
        """Text height: the short side of the (possibly rotated) line quadrilateral."""
        if self.quad and len(self.quad) == 4:
            q = np.asarray(self.quad, dtype=float)
            a = np.linalg.norm(q[1] - q[0])
            b = np.linalg.norm(q[2] - q[1])
            return float(min(a, b)) if max(a, b) > 0 else 0.0
        return float(self.box[3] - self.box[1])

    @property
    def vertical(self) -> bool:
        """True if the line runs top-to-bottom (card photographed sideways)."""
        return (self.box[3] - self.box[1]) > 1.5 * (self.box[2] - self.box[0])


class Engine(Protocol):
    """A recogniser: ``recognize(image_bgr) -> list[OcrLine]``.

    ``det_side``: the longest side the text detector needs to see, when the caller knows the
    image is a flattened card (its text is larger relative to the image than on a photo).
    """

    name: str

    def recognize(self, image: np.ndarray, det_side: int | None = None) -> list[OcrLine]: ...


def _aabb(points: object) -> Box:
    arr = np.asarray(points, dtype=float).reshape(-1, 2)
    x0, y0 = arr.min(axis=0)
    x1, y1 = arr.max(axis=0)
    return int(x0), int(y0), int(round(x1)), int(round(y1))


# --------------------------------------------------------------------------------------------
# PP-OCRv6 through rapidocr
# --------------------------------------------------------------------------------------------

#: Longest side of the image the text detector sees (smaller is faster, larger finds small text).
DET_SIDE = 1024


@contextmanager
def _no_spinning() -> Iterator[None]:
    """Sessions made meanwhile let their idle threads sleep instead of spinning: on cores that
    other programs share, onnxruntime's busy-waiting threads take the time the work needs (the
    card reader process on 12 MP photos under a load of 7 to 8: 3.5 and 3.1 s a card with
    spinning, 2.3 and 2.8 s without; benchmarks/scan_speed.py --photos 5 --reader)."""
    try:
        from rapidocr.inference_engine.onnxruntime import main as ort_main

        session_class = ort_main.OrtInferSession
        original = session_class.__dict__["_init_sess_opts"]
    except (ImportError, AttributeError, KeyError):  # another rapidocr: leave it as it is
        yield
        return

    def init_sess_opts(cfg: object) -> object:
        options = original.__func__(cfg)
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.add_session_config_entry("session.inter_op.allow_spinning", "0")
        return options

    session_class._init_sess_opts = staticmethod(init_sess_opts)  # type: ignore[method-assign]
    try:
        yield
    finally:
        session_class._init_sess_opts = original  # type: ignore[method-assign]


class PPOCREngine:
    """PP-OCRv6 (small det + rec, mobile angle classifier) on onnxruntime, bundled models only."""

    name = "ppocr"

    def __init__(self, threads: int | None = None) -> None:
        try:
            import onnxruntime  # noqa: F401
            import rapidocr
            from rapidocr import RapidOCR
        except Exception as exc:  # ImportError, or a broken native library
            raise EngineUnavailable(f"rapidocr/onnxruntime cannot be imported: {exc}") from exc
        models = Path(rapidocr.__file__).resolve().parent / "models"
        paths = {
            "Det": models / "PP-OCRv6_det_small.onnx",
            "Rec": models / "PP-OCRv6_rec_small.onnx",
            "Cls": models / "ch_ppocr_mobile_v2.0_cls_mobile.onnx",
        }
        missing = [str(p) for p in paths.values() if not p.is_file()]
        if missing:  # never let rapidocr fall back to downloading
            raise EngineUnavailable(f"bundled rapidocr models missing: {', '.join(missing)}")
        n = int(threads) if threads else 0
        params = {
            "Global.log_level": "error",
            "Global.return_word_box": True,
            # one line at a time: a batch pads every line to the widest one, which costs memory
            # (590 -> 411 MB peak on real cards) and time (1.40 -> 1.18 s a card)
            "Rec.rec_batch_num": 1,
            "Global.text_score": 0.0,  # we filter ourselves, keeping lines and flags aligned
            "Global.max_side_len": 4096,
            "Det.limit_type": "max",
            "Det.limit_side_len": DET_SIDE,
            "EngineConfig.onnxruntime.intra_op_num_threads": n if n > 0 else -1,
            "EngineConfig.onnxruntime.inter_op_num_threads": 1 if n > 0 else -1,
        }
        for key, path in paths.items():
            params[f"{key}.model_path"] = str(path)
        try:
            with _no_spinning():
                self._ocr = RapidOCR(params=params)
        except Exception as exc:
            raise EngineUnavailable(f"rapidocr failed to start: {exc}") from exc
        self._lock = threading.Lock()

    def _run(self, image: np.ndarray) -> tuple[Any, list[bool]]:
        """Run det -> cls -> rec, keeping the classifier's 180-degree flags (not in the output)."""
        ocr = self._ocr
        try:
            img, op_record = ocr.preprocess_img(image)
            crops, det_res = ocr.detect_and_crop(img, op_record)
            cls_imgs, cls_res = ocr.cls_and_rotate(crops)
            rec_res = ocr.recognize_txt(cls_imgs)
            flags = [str(lab) == "180" for lab, _ in (cls_res.cls_res or [])]
            out = ocr.build_final_output(image, det_res, cls_res, rec_res, crops, op_record)
            # build_final_output drops empty texts: keep flags aligned to the kept lines
            if rec_res.txts is not None:
                kept = [i for i, t in enumerate(rec_res.txts) if t.strip()]
                flags = [flags[i] if i < len(flags) else False for i in kept]
            return out, flags
        except (AttributeError, TypeError, ValueError):
            return ocr(image), []
        except Exception as exc:  # rapidocr raises RapidOCRError when it finds no text
            if type(exc).__name__ == "RapidOCRError":
                return None, []
            raise

    def _set_det_side(self, side: int) -> None:
        try:  # rapidocr rebuilds the detector's resize step from this on every call
            self._ocr._load_det_model().limit_side_len = side
        except AttributeError:  # another rapidocr: it keeps the side it was started with
            pass

    def recognize(self, image: np.ndarray, det_side: int | None = None) -> list[OcrLine]:
        with self._lock:
            self._set_det_side(det_side or DET_SIDE)
            out, flags = self._run(image)
        txts = getattr(out, "txts", None)
        if not txts:
            return []
        boxes = out.boxes
        scores = out.scores
        words_all = getattr(out, "word_results", None) or ()
        lines: list[OcrLine] = []
        # filter_by_text_score may drop lines: align flags by box identity is impossible, so
        # only use flags when the counts agree
        use_flags = len(flags) == len(txts)
        for i, text in enumerate(txts):
            quad = [(float(x), float(y)) for x, y in np.asarray(boxes[i]).reshape(-1, 2)]
            words: list[OcrWord] = []
            if i < len(words_all) and words_all[i]:
                for w in words_all[i]:
                    if len(w) >= 3 and w[2] is not None and str(w[0]).strip():
                        words.append(OcrWord(str(w[0]), _aabb(w[2]), float(w[1])))
            lines.append(OcrLine(str(text), _aabb(quad), float(scores[i]), words, quad,
                                 flipped=bool(flags[i]) if use_flags else False))
        return lines


# --------------------------------------------------------------------------------------------
# Tesseract through pytesseract
# --------------------------------------------------------------------------------------------

def use_bundled_tesseract() -> None:
    """In the desktop bundle, run the `tesseract` program and English data that travel inside it.

    PyInstaller's loader puts the bundle's library folder on LD_LIBRARY_PATH, so the program finds
    its shared libraries there. A TESSERACT_CMD the user set wins; outside a bundle nothing changes.
    """
    bundle = getattr(sys, "_MEIPASS", None)
    if not getattr(sys, "frozen", False) or bundle is None or os.environ.get("TESSERACT_CMD"):
        return
    program = Path(bundle) / "tesseract" / "tesseract"
    if program.is_file():
        os.environ["TESSERACT_CMD"] = str(program)
        os.environ.setdefault("TESSDATA_PREFIX", str(program.parent / "tessdata"))


class TesseractEngine:
    """Tesseract 4/5 LSTM through pytesseract ``image_to_data`` (words grouped into lines)."""

    name = "tesseract"

    def __init__(self, lang: str = "eng", threads: int | None = None) -> None:
        use_bundled_tesseract()
        try:
            import pytesseract
        except Exception as exc:
            raise EngineUnavailable(f"pytesseract cannot be imported: {exc}") from exc
        if not shutil.which("tesseract") and not os.environ.get("TESSERACT_CMD"):
            raise EngineUnavailable("the tesseract program is not installed "
                                    "(apt-get install tesseract-ocr)")
        if os.environ.get("TESSERACT_CMD"):
            pytesseract.pytesseract.tesseract_cmd = os.environ["TESSERACT_CMD"]
        self._tess = pytesseract
        try:
            available = set(pytesseract.get_languages(config=""))
        except Exception as exc:
            raise EngineUnavailable(f"tesseract does not run: {exc}") from exc
        wanted = [p for p in re.split(r"[+,]", lang or "eng") if p]
        missing = [p for p in wanted if p not in available]
        if missing:
            raise EngineUnavailable(
                "tesseract language data missing: " + ", ".join(missing)
                + " (install tesseract-ocr-" + missing[0] + ")")
        self.lang = "+".join(wanted) or "eng"
        if threads:
            os.environ["OMP_THREAD_LIMIT"] = str(threads)

    def recognize(self, image: np.ndarray, det_side: int | None = None) -> list[OcrLine]:
        import cv2

        h, w = image.shape[:2]
        scale = 1.0
        if max(h, w) < 1600:  # tesseract wants ~30 px x-height: upscale small cards
            scale = 1600.0 / max(h, w)
        elif max(h, w) > 3000:
            scale = 3000.0 / max(h, w)
        img = image if scale == 1.0 else cv2.resize(image, None, fx=scale, fy=scale,
                                                    interpolation=cv2.INTER_CUBIC)
        gray = cv2.cvtColor(img, cv2.COLOR_BGR2GRAY)
        if float(gray.mean()) < 110:  # dark card with light text
            gray = 255 - gray
        data = self._tess.image_to_data(gray, lang=self.lang, config="--psm 3",
                                        output_type=self._tess.Output.DICT)
        groups: dict[tuple[int, int, int], list[OcrWord]] = {}
        for i, text in enumerate(data["text"]):
            text = (text or "").strip()
            conf = float(data["conf"][i])
            if not text or conf < 0:
                continue
            x, y = data["left"][i] / scale, data["top"][i] / scale
            bw, bh = data["width"][i] / scale, data["height"][i] / scale
            key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
            groups.setdefault(key, []).append(
                OcrWord(text, (int(x), int(y), int(x + bw), int(y + bh)), conf / 100.0))
        lines = []
        for words in groups.values():
            if not any(c.isalnum() for w in words for c in w.text):
                continue
            box = (min(w.box[0] for w in words), min(w.box[1] for w in words),
                   max(w.box[2] for w in words), max(w.box[3] for w in words))
            score = float(np.mean([w.score for w in words]))
            text = " ".join(w.text for w in words)
            quad = [(box[0], box[1]), (box[2], box[1]), (box[2], box[3]), (box[0], box[3])]
            lines.append(OcrLine(text, box, score, words, quad))
        return lines


# --------------------------------------------------------------------------------------------
# choosing and caching
# --------------------------------------------------------------------------------------------

#: Tesseract language codes the bundled PP-OCR model reads (Latin script); others go to Tesseract.
PPOCR_LANGS = {
    "eng", "deu", "fra", "spa", "por", "ita", "nld", "swe", "dan", "nor", "fin", "pol", "ces",
    "slk", "slv", "hrv", "hun", "ron", "tur", "cat", "glg", "eus", "est", "lav", "lit", "isl",
    "gle", "vie", "ind", "msa", "tgl", "afr", "swa", "lat", "chi_sim", "chi_tra", "jpn", "kor",
    "osd", "equ",
}

#: Scripts the bundled PP-OCR model does not read, and the Tesseract languages that read them
#: (each installed by the Debian pack ``tesseract-ocr-<code>``), most used first.
OTHER_SCRIPTS: dict[str, tuple[str, ...]] = {
    "Cyrillic": ("rus", "ukr", "bul", "srp", "mkd", "bel"),
    "Greek": ("ell",),
    "Arabic": ("ara", "fas", "urd"),
}


def tesseract_languages() -> set[str]:
    """The languages the installed Tesseract reads (empty when it cannot run)."""
    use_bundled_tesseract()
    try:
        import pytesseract

        if os.environ.get("TESSERACT_CMD"):
            pytesseract.pytesseract.tesseract_cmd = os.environ["TESSERACT_CMD"]
        return set(pytesseract.get_languages(config=""))
    except Exception:  # noqa: BLE001 - no pytesseract, no tesseract program, or it fails to start
        return set()


def script_languages(script: str, installed: set[str]) -> str | None:
    """The ``lang`` that reads ``script`` with the installed packs (English too, for the e-mail
    and web addresses), or None when no pack for it is installed."""
    codes = [c for c in OTHER_SCRIPTS.get(script, ()) if c in installed]
    if not codes:
        return None
    return "+".join(codes + (["eng"] if "eng" in installed else []))


_CACHE: dict[tuple[str, str, int], Engine] = {}
_CACHE_LOCK = threading.Lock()


def wants_tesseract(lang: str | None) -> bool:
    """True if ``lang`` names a script the bundled PP-OCR model does not cover."""
    parts = [p for p in re.split(r"[+,]", lang or "") if p]
    return any(p not in PPOCR_LANGS for p in parts)


def get_engine(name: str = "auto", lang: str | None = None, threads: int | None = None) -> Engine:
    """The engine for ``name`` (auto|ppocr|tesseract), created once per process and reused.

    ``auto`` picks PP-OCR, unless ``lang`` needs a script it does not read, or rapidocr /
    onnxruntime cannot be imported, in which case it falls back to Tesseract.
    """
    name = (name or "auto").lower()
    if name not in ("auto", "ppocr", "tesseract"):
        raise ValueError(f"unknown engine {name!r} (auto, ppocr or tesseract)")
    lang = lang or "eng"
    key = (name, lang, int(threads or 0))
    with _CACHE_LOCK:
        if key in _CACHE:
            return _CACHE[key]
        engine: Engine
        if name == "ppocr":
            engine = PPOCREngine(threads)
        elif name == "tesseract":
            engine = TesseractEngine(lang, threads)
        elif wants_tesseract(lang):
            engine = TesseractEngine(lang, threads)
        else:
            try:
                engine = PPOCREngine(threads)
            except EngineUnavailable as first:
                try:
                    engine = TesseractEngine(lang, threads)
                except EngineUnavailable as second:
                    raise EngineUnavailable(f"no OCR engine available: {first}; {second}") \
                        from second
        _CACHE[key] = engine
        return engine


def clear_engine_cache() -> None:
    """Forget the loaded engines (tests use this to try the fallback)."""
    with _CACHE_LOCK:
        _CACHE.clear()
