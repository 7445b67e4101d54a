"""NetCompanion makes no network connection: a scan, an import and exports work with sockets disabled."""
from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from netcompanion.cli import main
from tests.gui.cards import jane_card

pytestmark = pytest.mark.slow


class NetworkUsed(AssertionError):
    """Raised by any attempt to open a socket or resolve a name during the test."""


def _refuse(*args, **kwargs):
    raise NetworkUsed(f"a network call was made: {args!r} {kwargs!r}")


@pytest.fixture
def no_sockets(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("socket", "create_connection", "getaddrinfo", "gethostbyname", "socketpair", "fromfd"):
        monkeypatch.setattr(socket, name, _refuse)


VCARD = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoë Müller\r\nN:Müller;Zoë;;;\r\nORG:Fjord Capital\r\n"
    "EMAIL;TYPE=work:zoe@fjord.example\r\nTEL;TYPE=cell:+47 912 34 567\r\nEND:VCARD\r\n"
)


def test_scan_import_and_export_work_with_sockets_disabled(no_sockets, db_path: Path, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(NetworkUsed):  # the guard is in place
        socket.create_connection(("example.com", 443))

    card = jane_card(tmp_path / "jane.png")
    assert main(["scan", "--json", "--workers", "1", str(card)]) == 0
    [line] = capsys.readouterr().out.splitlines()
    scanned = json.loads(line)
    assert scanned["error"] is None and scanned["full_name"] == "Jane Whitfield"
    assert "jane.whitfield@northwind-logistics.com" in scanned["emails"]

    incoming = tmp_path / "zoe.vcf"
    incoming.write_text(VCARD, encoding="utf-8")
    assert main(["--db", str(db_path), "import", str(incoming)]) == 0
    assert main(["--db", str(db_path), "contacts", "add", "--name", "Jane Whitfield",
                 "--email", scanned["emails"][0]]) == 0
    capsys.readouterr()

    for fmt, name in (("vcard", "out.vcf"), ("csv", "out.csv"), ("ics", "out.ics")):
        assert main(["--db", str(db_path), "export", fmt, str(tmp_path / name)]) == 0
    exported = (tmp_path / "out.vcf").read_text(encoding="utf-8")
    assert "Zoë Müller" in exported and "Jane Whitfield" in exported
    assert "zoe@fjord.example" in (tmp_path / "out.csv").read_text(encoding="utf-8-sig")
    assert (tmp_path / "out.ics").read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")


def test_the_app_loads_no_server_until_phone_capture_is_turned_on() -> None:
    """The web server (aiohttp) is imported only when the user presses Use my phone."""
    import subprocess
    import sys

    probe = ("import sys; import netcompanion.gui.main_window, netcompanion.gui.views.scan_view; "
             "print(sorted(m for m in sys.modules if m.split('.')[0] == 'aiohttp' "
             "or m == 'netcompanion.phone.server'))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[2])
    assert out.stdout.strip() == "[]"
