"""The phone capture server, over real HTTP on loopback: the token, the paths, the limits, the stop."""
from __future__ import annotations

import asyncio
import io
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from PIL import Image

from netcompanion.core import settings
from netcompanion.phone import limits
from netcompanion.phone.addresses import AddressError, checked_bind_address
from netcompanion.phone.server import PhoneServer, PhoneServerError, SentCard
from tests.gui.cards import jane_card


class Session:
    """A started server and what its callbacks saw."""

    def __init__(self, **options: Any) -> None:
        self.photos: list[SentCard] = []
        self.peers: list[str] = []
        self.stopped: list[str] = []
        self.stopped_event = threading.Event()
        self.server = PhoneServer("127.0.0.1", settings.captures_dir(), on_photo=self.photos.append,
                                  on_peer=self.peers.append, on_stopped=self._stopped, **options)
        self.url = self.server.start()

    def _stopped(self, reason: str) -> None:
        self.stopped.append(reason)
        self.stopped_event.set()


@pytest.fixture
def session() -> Iterator[Session]:
    running = Session()
    yield running
    running.server.stop()


def _request(method: str, url: str, *, data: Any = None, headers: dict[str, str] | None = None,
             ) -> tuple[int, Any, dict[str, str]]:
    """One real HTTP request; the status, the body (JSON decoded where it is JSON) and the headers."""
    async def go() -> tuple[int, Any, dict[str, str]]:
        async with aiohttp.ClientSession() as client, \
                client.request(method, url, data=data, headers=headers) as answer:
            body: Any = await answer.json() if answer.content_type == "application/json" else await answer.text()
            return answer.status, body, dict(answer.headers)
    return asyncio.run(go())


def _photo_form(content: bytes, name: str = "photo", filename: str = "IMG_0001.jpg") -> aiohttp.FormData:
    form = aiohttp.FormData()
    form.add_field(name, io.BytesIO(content), filename=filename, content_type="image/jpeg")
    return form


def _jpeg(tmp_path: Path) -> bytes:
    return jane_card(tmp_path / "jane.jpg").read_bytes()


def test_the_page_needs_the_token_and_its_headers_keep_it_to_itself(session: Session) -> None:
    status, page, headers = _request("GET", session.url)
    assert status == 200 and "Take photo" in page and 'capture="environment"' in page
    assert "accept=\"image/*\"" in page
    policy = headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "frame-ancestors 'none'" in policy
    assert headers["Referrer-Policy"] == "no-referrer" and "Server" not in headers
    assert "Access-Control-Allow-Origin" not in headers
    assert session.peers == ["127.0.0.1"]

    base = f"http://127.0.0.1:{session.server.port}"
    wrong = "x" * len(session.server.token)
    for url in (f"{base}/c/{wrong}/", f"{base}/c/{wrong}/cards", f"{base}/c/{session.server.token[:-1]}/"):
        assert _request("GET", url)[0] == 403
    for path in ("/", "/c/", "/c/cards", f"/c/{session.server.token}/..", f"/c/{session.server.token}/x",
                 "/static/", f"/c/{session.server.token}/upload/../../etc/passwd", "/phone/"):
        status, _body, _ = _request("GET", base + path)
        assert status in (403, 404), path
    assert _request("GET", session.url + "upload")[0] == 405  # the upload endpoint takes POST only
    assert _request("DELETE", session.url)[0] == 405


def test_an_upload_is_stored_under_the_data_folder_as_a_checked_image(session: Session, tmp_path: Path) -> None:
    status, reply, _ = _request("POST", session.url + "upload", data=_photo_form(_jpeg(tmp_path)))
    assert status == 200, reply
    assert reply["number"] == 1 and "inbox" in reply["message"]
    [card] = session.photos
    assert card.path.parent == settings.data_dir() / "captures"
    assert card.path.suffix == ".jpg" and "IMG_0001" not in card.path.name  # our name, never the phone's
    assert card.path.read_bytes() == _jpeg(tmp_path)
    assert card.path.stat().st_mode & 0o077 == 0
    assert not list(card.path.parent.glob(".incoming-*"))

    status, cards, _ = _request("GET", session.url + "cards")
    assert status == 200 and cards == [{"number": 1, "peer": "127.0.0.1", "status": "reading", "name": "",
                                        "company": "", "message": ""}]
    session.server.report_reading(card.path, name="Jane Whitfield", company="Northwind Logistics Inc.")
    cards = _request("GET", session.url + "cards")[1]
    assert cards[0]["status"] == "read" and cards[0]["name"] == "Jane Whitfield"


def test_what_is_not_an_image_is_refused_by_its_content(session: Session, tmp_path: Path) -> None:
    for content in (b"<html><script>alert(1)</script></html>", b"\xff\xd8\xff\xe0" + b"\x00" * 200, b""):
        status, reply, _ = _request("POST", session.url + "upload", data=_photo_form(content))
        assert status in (400, 415), content[:20]
        assert "photo" in reply["message"]
    png = io.BytesIO()
    Image.new("RGB", (8, 8)).save(png, "PNG")  # an image, but no card could be this small
    assert _request("POST", session.url + "upload", data=_photo_form(png.getvalue()))[0] == 415
    status, reply, _ = _request("POST", session.url + "upload", data=_photo_form(_jpeg(tmp_path), name="other"))
    assert status == 400 and "field 'photo'" in reply["message"]
    status, _reply, _ = _request("POST", session.url + "upload", data=b"raw bytes",
                                 headers={"Content-Type": "image/jpeg"})
    assert status == 400
    assert session.photos == []
    assert list(settings.captures_dir().iterdir()) == []  # nothing left behind


def test_an_oversize_upload_is_refused_with_a_message_and_nothing_is_kept(tmp_path: Path) -> None:
    running = Session(max_upload_bytes=200_000)
    try:
        big = io.BytesIO()
        Image.effect_noise((700, 700), 80).convert("RGB").save(big, "PNG")  # noise does not compress
        assert len(big.getvalue()) > 300_000
        status, reply, _ = _request("POST", running.url + "upload", data=_photo_form(big.getvalue()))
        assert status == 413 and "larger than 195 KB" in reply["message"]

        async def chunked() -> tuple[int, Any]:  # no Content-Length: the limit holds while reading
            async def body() -> Any:
                yield b"--b\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"a.png\"\r\n\r\n"
                for _ in range(40):
                    yield b"\x89PNG" + b"\x00" * 9996
                yield b"\r\n--b--\r\n"
            async with aiohttp.ClientSession() as client, client.post(
                    running.url + "upload", data=body(),
                    headers={"Content-Type": "multipart/form-data; boundary=b"}) as answer:
                return answer.status, await answer.json()
        status, reply = asyncio.run(chunked())
        assert status == 413 and "larger than" in reply["message"]
        assert running.photos == [] and list(settings.captures_dir().iterdir()) == []
    finally:
        running.server.stop()


def test_the_full_size_limit_is_25_mb() -> None:
    assert limits.MAX_UPLOAD_BYTES == 25 * 1024 * 1024
    assert PhoneServer("127.0.0.1", settings.captures_dir()).max_upload_bytes == limits.MAX_UPLOAD_BYTES


def test_photos_and_requests_are_rate_limited(session: Session, tmp_path: Path) -> None:
    photo = _jpeg(tmp_path)
    statuses = [_request("POST", session.url + "upload", data=_photo_form(photo))[0]
                for _ in range(limits.UPLOAD_BURST + 2)]
    assert statuses[:limits.UPLOAD_BURST] == [200] * limits.UPLOAD_BURST
    assert statuses[limits.UPLOAD_BURST:] == [429, 429]
    assert len(session.photos) == limits.UPLOAD_BURST

    async def flood() -> list[int]:
        async with aiohttp.ClientSession() as client:
            statuses = []
            for _ in range(limits.REQUEST_BURST + 10):
                async with client.get(session.url + "cards") as answer:
                    statuses.append(answer.status)
            return statuses
    statuses = asyncio.run(flood())
    assert 429 in statuses and statuses.count(200) <= limits.REQUEST_BURST


def test_the_token_bucket_refills_at_its_rate() -> None:
    bucket = limits.TokenBucket(capacity=2, per_second=0.5)
    assert bucket.take(100.0) == 0.0 and bucket.take(100.0) == 0.0
    assert bucket.take(100.0) == pytest.approx(2.0)
    assert bucket.take(101.0) == pytest.approx(1.0)
    assert bucket.take(102.0) == 0.0


def test_a_request_for_another_host_or_from_another_site_is_refused(session: Session) -> None:
    assert _request("GET", session.url, headers={"Host": "attacker.example:80"})[0] == 421
    assert _request("GET", session.url + "cards", headers={"Origin": "http://attacker.example"})[0] == 403
    assert _request("GET", session.url + "cards", headers={"Sec-Fetch-Site": "cross-site"})[0] == 403
    own = f"http://127.0.0.1:{session.server.port}"
    assert _request("GET", session.url + "cards", headers={"Origin": own})[0] == 200


def test_stop_closes_the_port_and_an_old_token_is_refused_by_the_next_session() -> None:
    first = Session()
    port, old_token = first.server.port, first.server.token
    assert _request("GET", first.url)[0] == 200
    first.server.stop()
    assert first.stopped == ["stopped"] and not first.server.running
    with pytest.raises(aiohttp.ClientConnectionError):
        _request("GET", first.url)
    second = Session(port=port)
    try:
        assert second.server.token != old_token
        assert _request("GET", first.url)[0] == 403  # same address, the old session's link
        assert _request("GET", second.url)[0] == 200
    finally:
        second.server.stop()
    with pytest.raises(PhoneServerError):
        second.server.start()  # a session is used once


def test_the_server_stops_by_itself_when_idle() -> None:
    running = Session(idle_seconds=0.6)
    try:
        started = time.monotonic()
        assert running.stopped_event.wait(10)
        assert running.stopped == ["idle"] and time.monotonic() - started >= 0.5
        with pytest.raises(aiohttp.ClientConnectionError):
            _request("GET", running.url)
    finally:
        running.server.stop()


def test_a_page_load_keeps_it_alive_and_status_polls_do_not() -> None:
    running = Session(idle_seconds=1.0)
    try:
        for _ in range(3):
            time.sleep(0.5)
            assert _request("GET", running.url)[0] == 200
        assert running.stopped == []
        polls = 0
        while not running.stopped_event.wait(0.2):
            try:
                assert _request("GET", running.url + "cards")[0] == 200  # asking for news is not activity
            except aiohttp.ClientConnectionError:  # it stopped between the wait and the request
                break
            polls += 1
        assert running.stopped_event.wait(5) and polls >= 3
        assert running.stopped == ["idle"]
    finally:
        running.server.stop()


def test_it_listens_only_on_a_private_or_loopback_address() -> None:
    for address in ("192.168.1.20", "10.0.0.5", "172.20.3.4", "127.0.0.1"):
        assert checked_bind_address(address) == address
    for address in ("0.0.0.0", "8.8.8.8", "172.32.0.1", "100.64.0.1", "::", "::1", "localhost", ""):
        with pytest.raises(AddressError):
            checked_bind_address(address)
    with pytest.raises(AddressError):
        PhoneServer("0.0.0.0", settings.captures_dir())
    with pytest.raises(PhoneServerError, match="cannot listen on 10.255.255.254"):
        PhoneServer("10.255.255.254", settings.captures_dir()).start()  # not this machine's: bind fails


def test_photos_older_than_30_days_go_when_a_session_starts(tmp_path: Path) -> None:
    folder = settings.captures_dir()
    old, recent, other = folder / "phone-20250101-000000-abcdef.jpg", folder / "phone-new.jpg", folder / "mine.jpg"
    for path in (old, recent, other):
        path.write_bytes(b"x")
    month = 31 * 24 * 3600
    os.utime(old, (time.time() - month, time.time() - month))
    os.utime(other, (time.time() - month, time.time() - month))
    running = Session()
    running.server.stop()
    assert not old.exists() and recent.exists() and other.exists()


def test_an_iphone_heic_photo_is_taken_as_heic(session: Session, tmp_path: Path) -> None:
    import pillow_heif  # (the tests' HEIC writer; the app reads HEIC with pi-heif)

    pillow_heif.from_pillow(Image.open(jane_card(tmp_path / "jane.png"))).save(tmp_path / "IMG_0001.HEIC", quality=90)
    heic = (tmp_path / "IMG_0001.HEIC").read_bytes()
    status, reply, _ = _request("POST", session.url + "upload", data=_photo_form(heic, filename="IMG_0001.HEIC"))
    assert status == 200, reply
    [card] = session.photos
    assert card.path.suffix == ".heic" and card.path.read_bytes() == heic


def test_guessing_tokens_is_rate_limited_too(session: Session) -> None:
    base = f"http://127.0.0.1:{session.server.port}/c/"

    async def guess() -> list[int]:
        async with aiohttp.ClientSession() as client:
            statuses = []
            for number in range(limits.REQUEST_BURST + 10):
                async with client.get(f"{base}{number:043d}/") as answer:
                    statuses.append(answer.status)
            return statuses
    statuses = asyncio.run(guess())
    assert set(statuses) == {403, 429} and statuses.count(403) <= limits.REQUEST_BURST
    assert _request("GET", session.url)[0] == 429  # the right token from that address waits its turn too
    assert session.peers == []
