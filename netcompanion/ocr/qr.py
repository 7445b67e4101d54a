"""QR codes on cards: decoding with OpenCV and parsing vCard, MeCard and URL payloads."""
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


def decode_qr(image: np.ndarray) -> list[str]:
    """Payloads of the QR codes in a BGR image.

    Looks once on a copy about 1000 px wide (cheap when there is no code); only where a code is
    found but does not decode does it try the finer scales.
    """
    det = cv2.QRCodeDetector()
    gray = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY) if image.ndim == 3 else image
    h, w = gray.shape[:2]

    def scaled(side: int) -> np.ndarray:
        s = side / float(max(h, w))
        if abs(s - 1) < 0.05 or s > 1.5:
            return gray
        return cv2.resize(gray, None, fx=s, fy=s,
                          interpolation=cv2.INTER_AREA if s < 1 else cv2.INTER_CUBIC)

    for i, side in enumerate((1000, 1600, 2400)):
        if i and side > 1.5 * max(h, w):
            break
        img = scaled(side)
        try:
            found_code, _points = det.detect(img)
        except cv2.error:
            found_code = False
        if not found_code:
            if i == 0:
                return []  # nothing that looks like a QR code: stop here
            continue
        try:
            ok, texts, _pts, _ = det.detectAndDecodeMulti(img)
        except cv2.error:
            ok, texts = False, []
        found = [t for t in (texts if ok else []) if t]
        if not found:
            try:
                text, _p, _ = det.detectAndDecode(img)
            except cv2.error:
                text = ""
            found = [text] if text else []
        if found:
            return found
    return []


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
