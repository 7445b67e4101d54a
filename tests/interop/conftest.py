"""Fixtures of the import/export tests: a second, empty database for the other end of a round trip."""
from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def fresh_services(tmp_path: Path):
    """The services over a second, fresh database."""
    from netcompanion.core.services import open_services

    svc = open_services(str(tmp_path / "fresh.db"))
    yield svc
    svc.db.dispose()
