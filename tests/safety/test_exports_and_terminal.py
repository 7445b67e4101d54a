"""Exports are private files (0600 whatever the umask, photos included), and what the CLI prints of a
user's or a file's strings cannot drive the terminal (escape sequences are shown escaped)."""
from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from netcompanion.cli.common import json_text, table, terminal_text
from netcompanion.core.services import open_services
from tests.cli_runner import run
from tests.gui.cards import jane_card

pytestmark = pytest.mark.sqlite_only

ESCAPES = "\x1b[2J\x1b]0;owned\x07\r\x9b31m\u202e"  # clear screen, set the title, CR, 8-bit CSI, RTL override


@contextmanager
def umask(mask: int) -> Iterator[None]:
    previous = os.umask(mask)
    try:
        yield
    finally:
        os.umask(previous)


@pytest.fixture
def with_photo(db_path: Path, tmp_path: Path) -> Path:
    services = open_services(str(db_path))
    services.cards.save_scan({"full_name": f"Eve {ESCAPES}Mallory", "emails": ["eve@example.com"]},
                             jane_card(tmp_path / "eve.jpg"))
    services.db.dispose()
    return db_path


@pytest.mark.slow
@pytest.mark.parametrize("args", [("vcard", "--photos"), ("vcard",), ("csv",), ("ics",)])
def test_exports_are_readable_by_the_user_only_even_under_umask_000(with_photo, tmp_path, args) -> None:
    target = tmp_path / f"export.{args[0]}"
    target.write_text("an older export, readable by all")
    target.chmod(0o666)
    with umask(0):
        run("export", args[0], str(target), *args[1:], db=with_photo)
    assert target.stat().st_mode & 0o777 == 0o600
    assert not list(tmp_path.glob(".*.part"))
    if "--photos" in args:
        assert "PHOTO" in target.read_text()


def test_the_gui_export_is_private_too(with_photo, tmp_path) -> None:
    from netcompanion.gui.views.transfer_jobs import export_job

    services = open_services(str(with_photo))
    target = tmp_path / "chosen.vcf"
    ids = [contact.id for contact in services.contacts.list()]
    with umask(0):
        assert export_job(None, services, "vcard", "google", str(target), ids) == 1  # type: ignore[arg-type]
    services.db.dispose()
    assert target.stat().st_mode & 0o777 == 0o600


def test_terminal_text_escapes_every_control_character_and_keeps_the_rest() -> None:
    assert terminal_text(f"Zoë {ESCAPES}\nnext\tcell") == \
        "Zoë \\x1b[2J\\x1b]0;owned\\x07\\x0d\\x9b31m\\u202e\nnext\tcell"
    assert terminal_text("a\nb\tc", one_line=True) == "a\\x0ab\\x09c"
    assert "\x1b" not in table([[ESCAPES]], ["name"])
    shown = json_text({"name": ESCAPES})
    assert json.loads(shown) == {"name": ESCAPES}  # still the same JSON
    assert not any(ch in shown for ch in "\x1b\x07\r\x9b\u202e")


@pytest.mark.slow
def test_cli_output_of_names_and_file_names_is_escaped(with_photo, tmp_path) -> None:
    listed = run("contacts", "list", db=with_photo).stdout
    as_json = run("contacts", "list", "--json", db=with_photo).stdout
    bad = tmp_path / f"card{ESCAPES}.png"
    bad.write_bytes(b"not an image")
    scanned = run("scan", str(bad), db=with_photo, check=False)
    refused = run("restore", str(bad), "--yes", db=with_photo, check=False)
    for output in (listed, as_json, scanned.stdout, refused.stderr):
        assert not any(ch in output for ch in "\x1b\x07\r\x9b\u202e"), output
    assert "Eve \\x1b[2J" in listed and "card\\x1b[2J" in scanned.stdout and "card\\x1b[2J" in refused.stderr
    assert json.loads(as_json)[0]["full_name"] == f"Eve {ESCAPES}Mallory"
