"""The phone capture server: aiohttp on a thread of its own, listening on one private address.

One `PhoneServer` is one session: `start()` binds and returns the URL for the QR code, with a
token made for this session only; `stop()` (or ten minutes without a page load or a photo) ends
it for good, and a new session is a new server with a new token. Every request must carry the
token in its path, compared in constant time; three paths exist under it (the page, ``upload``
and ``cards``), and anything else is refused. Requests are rate limited per address, photos per
session, and a request naming another host (DNS rebinding) or coming from another origin is
refused. The callbacks (`on_photo`, `on_peer`, `on_stopped`) are called on the server's thread.
"""
from __future__ import annotations

import asyncio
import hmac
import json
import logging
import secrets
import socket
import threading
import time
from collections import OrderedDict
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from aiohttp import BodyPartReader, web

from netcompanion.phone import limits
from netcompanion.phone.addresses import checked_bind_address
from netcompanion.phone.page import render_page
from netcompanion.phone.uploads import UploadError, remove_old_photos, store_upload
from netcompanion.user_files import describe_size

log = logging.getLogger(__name__)

PHOTO_FIELD = "photo"
_CHUNK = 256 * 1024
_MAX_ADDRESSES = 256  # rate buckets kept (the oldest is forgotten first)


class PhoneServerError(RuntimeError):
    """The server cannot start (the message says why, for the user)."""


@dataclass
class SentCard:
    """A photo the phone sent, and what the desktop read on it (shown on the phone)."""

    number: int
    path: Path = field(repr=False)
    peer: str
    status: str = "reading"  # reading, read, failed
    name: str = ""
    company: str = ""
    message: str = ""

    def public(self) -> dict[str, Any]:
        """What the phone's page gets: no path of this computer."""
        data = asdict(self)
        del data["path"]
        return data


def _security_headers(nonce: str | None = None) -> dict[str, str]:
    scripts = f"'nonce-{nonce}'" if nonce else "'none'"
    return {
        # blob: images are the phone's own photos, shown beside their readings
        "Content-Security-Policy": (f"default-src 'none'; script-src {scripts}; style-src {scripts}; "
                                    "connect-src 'self'; img-src 'self' blob:; form-action 'none'; "
                                    "frame-ancestors 'none'; base-uri 'none'"),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Cache-Control": "no-store",
        "X-Frame-Options": "DENY",
        "Cross-Origin-Resource-Policy": "same-origin",
        "Cross-Origin-Opener-Policy": "same-origin",
    }


def _answer(status: int, message: str, **headers: str) -> web.Response:
    return web.json_response({"message": message}, status=status, headers={**_security_headers(), **headers})


class PhoneServer:
    """One phone capture session on `host` (a private or loopback IPv4 address)."""

    def __init__(self, host: str, folder: Path, *, port: int = 0, idle_seconds: float = limits.IDLE_SECONDS,
                 max_upload_bytes: int = limits.MAX_UPLOAD_BYTES,
                 on_photo: Callable[[SentCard], None] | None = None,
                 on_peer: Callable[[str], None] | None = None,
                 on_stopped: Callable[[str], None] | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.host = checked_bind_address(host)
        self.folder = folder
        self.port = port
        self.idle_seconds = idle_seconds
        self.max_upload_bytes = max_upload_bytes
        self.token = secrets.token_urlsafe(32)
        self._on_photo, self._on_peer, self._on_stopped = on_photo, on_peer, on_stopped
        self._clock = clock
        self._lock = threading.Lock()
        self._cards: list[SentCard] = []
        self._peers: list[str] = []
        self._buckets: OrderedDict[str, limits.TokenBucket] = OrderedDict()
        self._uploads = limits.TokenBucket(limits.UPLOAD_BURST, 1.0 / limits.UPLOAD_INTERVAL)
        self._receiving = 0
        self._last_active = clock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._runner: web.AppRunner | None = None
        self._watchdog: asyncio.Task[None] | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self._start_error: BaseException | None = None
        self._stopping = False
        self._stop_reason = "stopped"

    # the session, from any thread
    @property
    def url(self) -> str:
        """The address the QR code holds (the page of this session)."""
        return f"http://{self.host}:{self.port}/c/{self.token}/"

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive() and not self._stopping

    @property
    def peers(self) -> list[str]:
        """The addresses that opened this session's page or sent a photo, first one first."""
        with self._lock:
            return list(self._peers)

    @property
    def cards(self) -> list[SentCard]:
        with self._lock:
            return list(self._cards)

    def start(self) -> str:
        """Listen; return the URL. Raises :class:`PhoneServerError` when the address cannot be used."""
        if self._thread is not None:
            raise PhoneServerError("this phone capture session was already started; start a new one")
        for path in remove_old_photos(self.folder, time.time()):
            log.info("removed %s, a phone photo older than 30 days", path.name)
        self._thread = threading.Thread(target=self._serve, name="phone-capture", daemon=True)
        self._thread.start()
        self._ready.wait(10.0)
        if self._start_error is not None:
            self._thread.join(5.0)
            error = self._start_error
            raise PhoneServerError(f"phone capture cannot listen on {self.host}: "
                                   f"{getattr(error, 'strerror', None) or error}")
        if not self._ready.is_set():
            raise PhoneServerError("phone capture did not start in time")
        log.info("phone capture listening on %s:%s", self.host, self.port)
        return self.url

    def stop(self, reason: str = "stopped") -> None:
        """Stop listening and close every connection (waits up to a few seconds)."""
        loop, thread = self._loop, self._thread
        if loop is None or thread is None or not thread.is_alive():
            return
        try:
            asyncio.run_coroutine_threadsafe(self._shutdown(reason), loop)
        except RuntimeError:  # the loop is already closing
            pass
        if threading.current_thread() is not thread:
            thread.join(10.0)

    def report_reading(self, path: Path, *, name: str = "", company: str = "", error: str = "") -> None:
        """Tell the phone what the desktop read on the photo at `path` (any thread)."""
        with self._lock:
            for card in self._cards:
                if card.path == path:
                    card.status = "failed" if error else "read"
                    card.name, card.company, card.message = name, company, error

    # the server's thread
    def _serve(self) -> None:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        self._loop = loop
        try:
            try:
                loop.run_until_complete(self._open())
            except (OSError, RuntimeError) as exc:
                self._start_error = exc
                return
            finally:
                self._ready.set()
            loop.run_forever()
        finally:
            pending = asyncio.all_tasks(loop)
            for task in pending:
                task.cancel()
            if pending:
                loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()
            if self._start_error is None:
                log.info("phone capture stopped (%s)", self._stop_reason)
                if self._on_stopped is not None:
                    self._on_stopped(self._stop_reason)

    async def _open(self) -> None:
        app = web.Application(middlewares=[self._guard], client_max_size=limits.MAX_ENVELOPE_BYTES)
        app.router.add_get("/c/{token}/", self._page)
        app.router.add_get("/c/{token}/cards", self._list_cards)
        app.router.add_post("/c/{token}/upload", self._upload)
        app.on_response_prepare.append(_drop_server_header)
        runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await runner.setup()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            sock.bind((self.host, self.port))
            sock.listen(16)
            self.port = sock.getsockname()[1]
            await web.SockSite(runner, sock).start()
        except BaseException:
            sock.close()
            await runner.cleanup()
            raise
        self._runner = runner
        self._last_active = self._clock()
        self._watchdog = asyncio.get_running_loop().create_task(self._watch_idle())

    async def _watch_idle(self) -> None:
        step = min(1.0, self.idle_seconds / 4)
        while True:
            await asyncio.sleep(step)
            if self._clock() - self._last_active >= self.idle_seconds:
                await self._shutdown("idle")
                return

    async def _shutdown(self, reason: str) -> None:
        if self._stopping:
            return
        self._stopping, self._stop_reason = True, reason
        watchdog = self._watchdog
        if watchdog is not None and watchdog is not asyncio.current_task():
            watchdog.cancel()
        if self._runner is not None:
            await self._runner.cleanup()
        asyncio.get_running_loop().stop()

    # the request path: every request passes here first
    @web.middleware
    async def _guard(self, request: web.Request,
                     handler: Callable[[web.Request], Awaitable[web.StreamResponse]]) -> web.StreamResponse:
        peer = request.remote or "?"
        wait = self._bucket(peer).take(self._clock())
        if wait:
            return _answer(429, "Too many requests; wait a moment.", **{"Retry-After": str(max(1, round(wait)))})
        if request.host != f"{self.host}:{self.port}":
            return _answer(421, "This server answers only for its own address.")
        refused = request.match_info.http_exception
        if refused is not None:  # no such path (404), or not with this method (405)
            return _answer(refused.status, "Nothing here." if refused.status == 404 else "Not allowed.")
        token = request.match_info.get("token")
        if token is None:
            return _answer(404, "Nothing here.")
        if not hmac.compare_digest(token.encode("utf-8", "surrogateescape"), self.token.encode("ascii")):
            return _answer(403, "This link is wrong or has expired: scan the QR code on your computer again.")
        origin = request.headers.get("Origin")
        if (origin is not None and origin != f"http://{self.host}:{self.port}") or \
                request.headers.get("Sec-Fetch-Site") == "cross-site":
            return _answer(403, "Requests from other sites are refused.")
        self._seen(peer)
        return await handler(request)

    def _bucket(self, peer: str) -> limits.TokenBucket:
        bucket = self._buckets.get(peer)
        if bucket is None:
            bucket = self._buckets[peer] = limits.TokenBucket(limits.REQUEST_BURST, limits.REQUESTS_PER_SECOND)
            while len(self._buckets) > _MAX_ADDRESSES:
                self._buckets.popitem(last=False)
        self._buckets.move_to_end(peer)
        return bucket

    def _seen(self, peer: str) -> None:
        with self._lock:
            new = peer not in self._peers and len(self._peers) < limits.MAX_PEERS
            if new:
                self._peers.append(peer)
        if new and self._on_peer is not None:
            self._on_peer(peer)

    async def _page(self, request: web.Request) -> web.Response:
        self._last_active = self._clock()
        nonce = secrets.token_urlsafe(16)
        return web.Response(text=render_page(nonce), content_type="text/html", charset="utf-8",
                            headers=_security_headers(nonce))

    async def _list_cards(self, request: web.Request) -> web.Response:
        with self._lock:
            cards = [card.public() for card in self._cards]
        return web.Response(text=json.dumps(cards), content_type="application/json", headers=_security_headers())

    async def _upload(self, request: web.Request) -> web.Response:
        limit = self.max_upload_bytes
        too_large = f"This photo is larger than {describe_size(limit)}; take it again at a lower resolution."
        if request.content_length is not None and request.content_length > limit + limits.MAX_ENVELOPE_BYTES:
            return _answer(413, too_large, Connection="close")
        wait = self._uploads.take(self._clock())
        if wait:
            return _answer(429, f"Too many photos at once; wait {max(1, round(wait))} seconds.",
                           **{"Retry-After": str(max(1, round(wait)))})
        if self._receiving >= limits.MAX_PARALLEL_UPLOADS:
            return _answer(429, "Another photo is still arriving; wait a moment.", **{"Retry-After": "2"})
        if request.content_type != "multipart/form-data":
            return _answer(400, "Send the photo as a form upload (field 'photo').")
        self._receiving += 1
        self._last_active = self._clock()
        try:
            part = await _photo_part(request)
            if part is None:
                return _answer(400, "No photo in this upload (field 'photo').")
            path = await store_upload(_chunks(part), self.folder, limit)
        except UploadError as exc:
            return _answer(exc.status, str(exc), **({"Connection": "close"} if exc.status == 413 else {}))
        except ValueError as exc:  # a malformed multipart body
            return _answer(400, f"This upload cannot be read: {exc}")
        finally:
            self._receiving -= 1
            self._last_active = self._clock()
        with self._lock:
            card = SentCard(len(self._cards) + 1, path, request.remote or "?")
            self._cards.append(card)
        if self._on_photo is not None:
            self._on_photo(card)
        return web.json_response({"message": f"Card {card.number} sent: it is in the inbox on your computer.",
                                  "number": card.number}, headers=_security_headers())


async def _photo_part(request: web.Request) -> BodyPartReader | None:
    reader = await request.multipart()
    while True:
        part = await reader.next()
        if part is None:
            return None
        if isinstance(part, BodyPartReader) and part.name == PHOTO_FIELD:
            return part
        await part.release()


async def _chunks(part: BodyPartReader) -> AsyncIterator[bytes]:
    while chunk := await part.read_chunk(_CHUNK):
        yield chunk


async def _drop_server_header(request: web.Request, response: web.StreamResponse) -> None:
    response.headers.pop("Server", None)  # no library and version to look up flaws for
