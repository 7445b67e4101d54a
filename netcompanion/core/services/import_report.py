"""What an import reads and what it reports: incoming contacts, and per row what became of them."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from netcompanion.core.services.contacts import ContactFields


@dataclass
class IncomingContact:
    """A contact read from a file, before it is matched: its fields, its categories (goal names
    or free tags), where in the file it was, and what was odd about it."""

    fields: ContactFields
    categories: list[str] = field(default_factory=list)
    goals: list[str] = field(default_factory=list)
    line: int = 0
    warnings: list[str] = field(default_factory=list)
    skip_reason: str = ""

    @property
    def label(self) -> str:
        """How the report names this contact."""
        f = self.fields
        name = f.full_name or " ".join(p for p in (f.given_name, f.family_name) if p)
        return name or f.company or (f.emails[0] if f.emails else "") or "(no name)"


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
    entries: list[ReportEntry] = field(default_factory=list)
    dry_run: bool = False

    def count(self, outcome: str) -> int:
        return sum(1 for e in self.entries if e.outcome == outcome)

    def summary(self) -> str:
        """One line: how many were added, merged, unchanged and skipped."""
        parts = [f"{self.count(o)} {o}" for o in ("added", "merged", "unchanged", "skipped")]
        return f"{self.source} ({self.format}): " + ", ".join(parts) + (" (dry run: nothing stored)" if self.dry_run else "")

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "format": self.format, "dry_run": self.dry_run,
                **{o: self.count(o) for o in ("added", "merged", "unchanged", "skipped")},
                "entries": [asdict(e) for e in self.entries]}
