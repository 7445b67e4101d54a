"""ScanResult: the structured contact read from one card image (the scan contract)."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

#: Fields that carry a confidence and word boxes.
FIELD_NAMES: tuple[str, ...] = (
    "full_name", "given_name", "family_name", "title", "company",
    "emails", "phones", "websites", "address", "linkedin",
)

Box = Sequence[int]  # [x0, y0, x1, y1] in the coordinates of the flattened card image


@dataclass
class Phone:
    """One phone number in E.164 form with its kind (work, mobile, fax, other)."""

    e164: str
    kind: str = "work"

    def to_json(self) -> dict[str, str]:
        return {"e164": self.e164, "kind": self.kind}


@dataclass
class ScanResult:
    """What the reader extracted from one card image.

    ``to_json()`` gives exactly the scan contract of docs/architecture.md, plus ``boxes`` (word boxes per field,
    in the coordinates of the flattened, upright card image) and ``card_size``.
    """

    source: str
    full_name: str = ""
    given_name: str = ""
    family_name: str = ""
    title: str = ""
    company: str = ""
    emails: list[str] = field(default_factory=list)
    phones: list[Phone] = field(default_factory=list)
    websites: list[str] = field(default_factory=list)
    address: str = ""
    linkedin: str = ""
    confidence: dict[str, float] = field(default_factory=dict)
    raw_text: str = ""
    error: str | None = None
    boxes: dict[str, list[Box]] = field(default_factory=dict)
    engine: str = ""
    card_size: tuple[int, int] | None = None
    #: the non-empty fields whose evidence is weak: the user should check these (ocr/check.py)
    check: list[str] = field(default_factory=list)
    #: the upright, flattened card (numpy RGB array) the boxes refer to; not part of to_json()
    #: and not carried back from batch worker processes
    card_image: Any = field(default=None, repr=False, compare=False)

    @classmethod
    def failed(cls, source: str, error: str) -> ScanResult:
        """A result for an image that could not be read: ``error`` set, every field empty."""
        return cls(source=source, error=error, confidence={f: 0.0 for f in FIELD_NAMES})

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> ScanResult:
        """The result back from its ``to_json()`` dict (as a worker process sends it)."""
        res = cls(source=d["source"])
        for k in ("full_name", "given_name", "family_name", "title", "company", "emails",
                  "websites", "address", "linkedin", "confidence", "raw_text", "error", "boxes",
                  "engine", "check"):
            setattr(res, k, d.get(k, getattr(res, k)))
        res.phones = [Phone(p["e164"], p["kind"]) for p in d.get("phones", [])]
        res.card_size = (int(d["card_size"][0]), int(d["card_size"][1])) if d.get("card_size") else None
        return res

    @property
    def ok(self) -> bool:
        return self.error is None

    def to_json(self) -> dict[str, Any]:
        """The contract dict (JSON-serialisable)."""
        conf = {f: round(float(self.confidence.get(f, 0.0)), 3) for f in FIELD_NAMES}
        return {
            "source": self.source,
            "full_name": self.full_name,
            "given_name": self.given_name,
            "family_name": self.family_name,
            "title": self.title,
            "company": self.company,
            "emails": list(self.emails),
            "phones": [p.to_json() for p in self.phones],
            "websites": list(self.websites),
            "address": self.address,
            "linkedin": self.linkedin,
            "confidence": conf,
            "check": list(self.check),
            "raw_text": self.raw_text,
            "error": self.error,
            "boxes": {k: [list(map(int, b)) for b in v] for k, v in self.boxes.items() if v},
            "engine": self.engine,
            "card_size": list(self.card_size) if self.card_size else None,
        }
