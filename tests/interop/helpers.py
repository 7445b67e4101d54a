"""What the import/export tests share: the fixture files and a comparable contact form."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from netcompanion.core.services import contact_to_dict

FIXTURES = Path(__file__).parent / "fixtures"
VOLATILE = ("id", "created_at", "updated_at", "source")


def comparable(contact) -> dict[str, Any]:  # noqa: ANN001 (a Contact row)
    """A contact's JSON form without what an import legitimately changes (ids, times, source)."""
    return {k: v for k, v in contact_to_dict(contact).items() if k not in VOLATILE}
