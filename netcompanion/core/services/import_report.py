"""What an import reports: per row what became of it, and the encoding the file was read in."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class ReportEntry:
    """What happened to one incoming contact: added, merged, unchanged or skipped."""

    line: int
    name: str
    outcome: str
    contact_id: int | None = None
    reason: str = ""
    changes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class ImportReport:
    """What an import did, row by row (its JSON form is `to_dict`)."""

    source: str
    format: str
    encoding: str = ""
    entries: list[ReportEntry] = field(default_factory=list)
    dry_run: bool = False

    def count(self, outcome: str) -> int:
        return sum(1 for e in self.entries if e.outcome == outcome)

    def summary(self) -> str:
        """One line: how many were added, merged, unchanged and skipped."""
        parts = [f"{self.count(o)} {o}" for o in ("added", "merged", "unchanged", "skipped")]
        how = f"{self.format}, {self.encoding}" if self.encoding else self.format
        return f"{self.source} ({how}): " + ", ".join(parts) + (" (dry run: nothing stored)" if self.dry_run else "")

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "format": self.format, "encoding": self.encoding, "dry_run": self.dry_run,
                **{o: self.count(o) for o in ("added", "merged", "unchanged", "skipped")},
                "entries": [asdict(e) for e in self.entries]}
