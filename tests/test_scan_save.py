"""`netcompanion scan --save`: each card read is stored at once, with its image and encounter."""
from __future__ import annotations

import json
import shutil
from importlib import resources
from pathlib import Path

import pytest

from tests.cli_runner import run

pytestmark = pytest.mark.slow
SAMPLE = Path(str(resources.files("netcompanion.resources") / "sample-card.jpg"))


def scan_cli(db: Path, *args: str):  # noqa: ANN201
    return run(*args, db=db, check=False, timeout=300)


def test_scan_save_stores_cards_and_merges_a_second_copy(db_path: Path, tmp_path: Path) -> None:
    from netcompanion.core.services import open_services

    assert scan_cli(db_path, "events", "add", "Expo", "--goal", "client", "--start", "2026-11-20").returncode == 0
    folder = tmp_path / "cards"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / "a.jpg")
    shutil.copy(SAMPLE, folder / "b.jpg")  # the same person twice: one contact
    (folder / "c.jpg").write_bytes(b"not an image")
    result = scan_cli(db_path, "scan", "--json", "--save", "--event", "Expo", "--goal", "client", str(folder))
    assert result.returncode == 1  # one image could not be read
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [Path(line["source"]).name for line in lines] == ["a.jpg", "b.jpg", "c.jpg"]
    assert lines[0]["contact_id"] == lines[1]["contact_id"] and lines[2]["error"] and "contact_id" not in lines[2]
    services = open_services(str(db_path))
    [contact] = services.contacts.list(event="Expo", goal="client")
    assert contact.full_name == "Marta Oliveira"
    assert len(services.cards.images_for(contact.id)) == 2
    services.db.dispose()


def test_scan_save_with_an_unknown_event_stops_before_reading(db_path: Path) -> None:
    result = scan_cli(db_path, "scan", "--save", "--event", "Nope", str(SAMPLE))
    assert result.returncode == 1 and "no event named 'Nope'" in result.stderr
    assert scan_cli(db_path, "scan", "--event", "Expo", str(SAMPLE)).returncode == 2  # --event needs --save
