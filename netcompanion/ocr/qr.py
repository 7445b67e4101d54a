"""2-D codes on cards and badges: decoding with zxing-cpp (QR, Micro QR, PDF417, Data Matrix,
Aztec) and parsing vCard, MeCard and URL payloads."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import cv2
import numpy as np


@dataclass
class QrContact:
    """Fields carried by a QR code (empty strings/lists where the code says nothing)."""

    payload: str
    full_name: str = ""
    given_name: str = ""
    family_name: str = ""
    title: str = ""
    company: str = ""
    emails: list[str] = field(default_factory=list)
    phones: list[tuple[str, str]] = field(default_factory=list)  # (number as printed, kind)
    websites: list[str] = field(default_factory=list)
    address: str = ""
    linkedin: str = ""

    def linkedin_set(self, url: str) -> None:
        """Store a LinkedIn URL without scheme and ``www.``."""
        self.linkedin = re.sub(r"^(?:https?://)?(?:www\.)?", "", url.strip()).rstrip("/")


@dataclass
class Code:
    """One decoded 2-D code: its text, its format, and its corners in the image it was read in."""

    text: str
    format: str
    quad: np.ndarray  # 4 x 2 float32: top-left, top-right, bottom-right, bottom-left


def _formats() -> object:
    import zxingcpp

    f = zxingcpp.BarcodeFormat
    return (f.QRCode, f.MicroQRCode, f.PDF417, f.DataMatrix, f.Aztec)


#: Codes are searched on a copy whose longer side is at most this (zxing also tries smaller ones);
#: a code on a card in a 12 MP photo still has 4 pixels a module there.
CODE_SIDE = 1600
#: Scales tried with a global threshold when a code is seen but does not decode (glare, blur).
RETRY_SCALES = (1.0, 0.75, 0.5, 0.33)


def _read(zxingcpp: object, gray: np.ndarray, scale: float, binarizer: object) -> tuple[list[Code], int]:
    """Decoded codes at ``scale`` (corners in ``gray``'s coordinates) and how many codes were
    seen but failed to decode."""
    img = gray
    if scale != 1.0:
        h, w = gray.shape[:2]
        img = cv2.resize(gray, (max(1, round(w * scale)), max(1, round(h * scale))),
                         interpolation=cv2.INTER_AREA)
    found: list[Code] = []
    failed = 0
    for code in zxingcpp.read_barcodes(np.ascontiguousarray(img), formats=_formats(),  # type: ignore[attr-defined]
                                       binarizer=binarizer, return_errors=True):
        if not code.valid or not code.text:
            failed += 1
            continue
        p = code.position
        quad = np.array([[c.x, c.y] for c in (p.top_left, p.top_right, p.bottom_right,
                                              p.bottom_left)], np.float32) / scale
        found.append(Code(code.text, str(code.format), quad))
    return found, failed


def scan_codes(image: np.ndarray) -> tuple[list[Code], bool]:
    """The QR, Micro QR, PDF417, Data Matrix and Aztec codes in a BGR or grey image (zxing-cpp),
    with corners in ``image``'s coordinates, and whether a code was seen that did not decode.

    One pass with zxing's local threshold; only when it sees a code it cannot decode does it try
    a global threshold at a few scales (a glare or a blur that one binarisation does not survive).
    """
    try:
        import zxingcpp
    except ImportError:  # pragma: no cover - a declared dependency
        return [], False
    gray = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY) if image.ndim == 3 else image
    first = min(1.0, CODE_SIDE / float(max(gray.shape[:2])))
    found, failed = _read(zxingcpp, gray, first, zxingcpp.Binarizer.LocalAverage)
    if failed:
        for scale in RETRY_SCALES:
            more, _ = _read(zxingcpp, gray, scale * first, zxingcpp.Binarizer.GlobalHistogram)
            new = [c for c in more if c.text not in {f.text for f in found}]
            found += new
            if new:
                return found, False
    return found, bool(failed)


def find_codes(image: np.ndarray) -> list[Code]:
    """The codes :func:`scan_codes` decodes in ``image``."""
    return scan_codes(image)[0]


def decode_qr(image: np.ndarray) -> list[str]:
    """Payloads of the 2-D codes (QR, PDF417, Data Matrix, Aztec) in a BGR image."""
    return list(dict.fromkeys(c.text for c in find_codes(image)))


def _unescape(v: str) -> str:
    return re.sub(r"\\([,;:\\nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), v).strip()


def _tel_kind(params: str) -> str:
    p = params.lower()
    if "fax" in p:
        return "fax"
    if "cell" in p or "mobile" in p:
        return "mobile"
    if "home" in p:
        return "other"
    return "work"


def parse_vcard(text: str) -> QrContact:
    """Fields of a vCard 2.1/3.0/4.0 payload."""
    c = QrContact(text)
    unfolded = re.sub(r"\r?\n[ \t]", "", text)
    for line in re.split(r"\r?\n", unfolded):
        if ":" not in line:
            continue
        key, _, value = line.partition(":")
        name, _, params = key.partition(";")
        name = name.split(".")[-1].upper()
        value = value.strip()
        if name == "FN":
            c.full_name = _unescape(value)
        elif name == "N":
            parts = [_unescape(p) for p in re.split(r"(?<!\\);", value)] + ["", ""]
            c.family_name, c.given_name = parts[0], " ".join(x for x in parts[1:3] if x).strip()
        elif name == "ORG":
            c.company = ", ".join(p for p in (_unescape(x) for x in re.split(r"(?<!\\);", value)) if p)
        elif name == "TITLE":
            c.title = _unescape(value)
        elif name == "EMAIL":
            c.emails.append(value.lower())
        elif name == "TEL":
            c.phones.append((re.sub(r"^tel:", "", value, flags=re.I), _tel_kind(params)))
        elif name == "URL":
            c.linkedin_set(value) if "linkedin." in value.lower() else c.websites.append(value)
        elif name == "ADR":
            parts = [_unescape(p) for p in re.split(r"(?<!\\);", value)]
            c.address = ", ".join(p for p in parts if p)
    if not c.full_name and (c.given_name or c.family_name):
        c.full_name = f"{c.given_name} {c.family_name}".strip()
    return c


def parse_mecard(text: str) -> QrContact:
    """Fields of a MeCard payload (``MECARD:N:Doe,Jane;TEL:...;EMAIL:...;;``)."""
    c = QrContact(text)
    body = text.split(":", 1)[1] if ":" in text else text
    for item in re.split(r"(?<!\\);", body):
        if ":" not in item:
            continue
        key, _, value = item.partition(":")
        key, value = key.upper().strip(), _unescape(value)
        if key == "N":
            fam, _, giv = value.partition(",")
            c.family_name, c.given_name = fam.strip(), giv.strip()
            c.full_name = f"{c.given_name} {c.family_name}".strip() if giv else fam.strip()
        elif key == "TEL":
            c.phones.append((value, "work"))
        elif key in ("EMAIL",):
            c.emails.append(value.lower())
        elif key == "URL":
            c.linkedin_set(value) if "linkedin." in value.lower() else c.websites.append(value)
        elif key == "ADR":
            c.address = value
        elif key == "ORG":
            c.company = value
        elif key == "TITLE":
            c.title = value
    return c


def parse_payload(text: str) -> QrContact | None:
    """Contact fields from a QR payload (vCard, MeCard, URL), or None for anything else."""
    t = text.strip()
    if t.upper().startswith("BEGIN:VCARD"):
        return parse_vcard(t)
    if t.upper().startswith("MECARD:"):
        return parse_mecard(t)
    if re.match(r"^(?:https?://|www\.)\S+$", t, re.I):
        c = QrContact(t)
        c.linkedin_set(t) if "linkedin." in t.lower() else c.websites.append(t)
        return c
    return None
