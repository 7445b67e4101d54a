"""Fields: what the field readers fill in for one card, before it becomes a ScanResult."""
from __future__ import annotations

from dataclasses import dataclass, field

from .layout import Box, Line


@dataclass
class Fields:
    """Extracted fields with confidences and word boxes (before they become a ScanResult)."""

    values: dict[str, object] = field(default_factory=dict)
    confidence: dict[str, float] = field(default_factory=dict)
    boxes: dict[str, list[Box]] = field(default_factory=dict)
    region: str = ""
    #: the lines left for name, title and company, with their features and role probabilities
    #: (what tools/train_line_roles.py learns from)
    candidates: list[tuple[Line, list[float], dict[str, float]]] = field(default_factory=list)
    #: the model's probability of the role for the lines chosen as name, title and company
    role_support: dict[str, float] = field(default_factory=dict)
    #: how far the chosen line's score leads the next best line's, for name, title, company
    margins: dict[str, float] = field(default_factory=dict)
    #: how many lines the company was joined from
    company_lines: int = 0
    #: what speaks against a field's value beyond its support (a share kept, per field): a
    #: second address block on the card, an address line left beside the block, a one-word name
    doubts: dict[str, float] = field(default_factory=dict)
