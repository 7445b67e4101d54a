"""Shared fixtures: every test gets its own data folder and a real SQLite database file in it."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private data folder per test, so no test touches the user's real data."""
    home = tmp_path / "home"
    monkeypatch.setenv("NETCOMPANION_HOME", str(home))
    monkeypatch.delenv("NETCOMPANION_DB", raising=False)
    monkeypatch.setenv("NETCOMPANION_REGION", "US")
    monkeypatch.setenv("NETCOMPANION_USER", "tester")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return home


@pytest.fixture
def db_path(data_home: Path) -> Path:
    data_home.mkdir(parents=True, exist_ok=True)
    return data_home / "test.db"


@pytest.fixture
def services(db_path: Path):
    """The services over a fresh, migrated SQLite file."""
    from netcompanion.core.services import open_services

    svc = open_services(str(db_path))
    yield svc
    svc.db.dispose()
