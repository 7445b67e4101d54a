"""The card reader in a process of its own, for the desktop app.

While a card is read, the recogniser's models and inference buffers take 200-400 MB. Reading in a
child process keeps the app's own memory at what its data needs, and gives that memory back when
the child leaves after a while without cards. It also turns a crash in native code (an image
decoder, onnxruntime) into one failed card instead of a lost session, keeps the recogniser from
competing with the window for Python's interpreter lock, and makes cancel immediate: the child is
stopped in the middle of a card.

One child reads one card at a time; `CardReaderProcess` is safe to call from several threads.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

from .parent_watch import started_from_main_thread
from .result import ScanResult

log = logging.getLogger(__name__)

#: the child leaves (and frees its memory) after this long without a card
IDLE_EXIT_SECONDS = 600.0
#: how often a waiting read looks at its cancel flag
POLL_SECONDS = 0.05
CRASHED = "the card reader stopped on this image (it has been restarted for the next card)"


class ReadCancelled(Exception):
    """A read was abandoned because its caller cancelled; the child was stopped."""


def _peak_memory_mb() -> float:
    try:
        import resource
    except ImportError:  # not on Windows
        return 0.0
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _serve(conn: Connection, idle_seconds: float, parent_pid: int, from_main_thread: bool) -> None:
    """The child's loop: load the recogniser, then answer requests until idle or orphaned."""
    from .parent_watch import end_with_parent

    end_with_parent(parent_pid, from_main_thread)  # also in the middle of a card
    from . import engines, reader

    try:
        engine: engines.Engine | None = reader.warm_up()
        engine_error = None
    except (engines.EngineUnavailable, ValueError) as exc:
        engine, engine_error = None, str(exc)
    while True:
        try:
            if not conn.poll(idle_seconds):
                return  # nobody has asked for a while
            request = conn.recv()
        except (EOFError, OSError):
            return  # the app has gone
        kind = request[0]
        if kind == "read":
            _, path, region, lang = request
            if lang:  # another script: Tesseract with that language, loaded once and kept
                result = reader.read_card(path, region, lang, "auto")
            elif engine is None:
                result = ScanResult.failed(path, f"the card reader cannot start: {engine_error}")
            else:
                result = reader.read_card(path, region, None, engine)
            reply: tuple[Any, ...] = ("card", result.to_json(), result.card_image)
        elif kind == "ready":
            reply = ("ready", engine_error)
        else:  # "peak"
            reply = ("peak", _peak_memory_mb())
        conn.send(reply)


class CardReaderProcess:
    """A child process that reads card images, started on first use and restarted as needed."""

    def __init__(self, idle_seconds: float = IDLE_EXIT_SECONDS) -> None:
        self.idle_seconds = idle_seconds
        self._lock = threading.Lock()
        self._process: BaseProcess | None = None
        self._conn: Connection | None = None

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.is_alive()

    @property
    def pid(self) -> int | None:
        """The child's process id while it runs."""
        return self._process.pid if self.running else None  # type: ignore[union-attr]

    def start(self) -> None:
        """Start the child, which loads the models at once; returns without waiting for them."""
        with self._lock:
            self._ensure_started()

    def wait_ready(self) -> str | None:
        """Start the child if needed and wait until its models are loaded.
        Returns why the recogniser cannot start, or None when it is ready."""
        reply = self._ask(("ready",), lambda: False)
        return None if reply is None else reply[1]

    def read(self, path: str | Path, region: str | None = None,
             cancelled: Callable[[], bool] = lambda: False, lang: str | None = None) -> ScanResult:
        """Read one card image in the child (``lang``: Tesseract languages for a script PP-OCR
        does not read, e.g. 'rus+eng'). Never raises for a bad image or a crash (the result has
        ``error`` set); raises `ReadCancelled` once `cancelled()` turns true."""
        reply = self._ask(("read", str(path), region, lang), cancelled)
        if reply is None:
            return ScanResult.failed(str(path), CRASHED)
        result = ScanResult.from_json(reply[1])
        result.card_image = reply[2]
        return result

    def peak_memory_mb(self) -> float:
        """The child's peak resident memory so far (0 when it is not running)."""
        if not self.running:
            return 0.0
        reply = self._ask(("peak",), lambda: False)
        return 0.0 if reply is None else float(reply[1])

    def stop(self) -> None:
        """Stop the child now (the next read starts a new one)."""
        with self._lock:
            self._stop()

    # ------------------------------------------------------------------------------------------

    def _ask(self, request: tuple[Any, ...], cancelled: Callable[[], bool]) -> tuple[Any, ...] | None:
        """Send `request` and return the reply, or None when the child died on it."""
        with self._lock:
            for attempt in (1, 2):
                self._ensure_started()
                assert self._conn is not None and self._process is not None
                try:
                    self._conn.send(request)
                    return self._reply(cancelled)
                except (EOFError, OSError):
                    self._process.join(5)
                    code = self._process.exitcode
                    self._stop()
                    if code == 0 and attempt == 1:
                        continue  # it had just left for being idle: ask a new one
                    log.warning("card reader process died (exit code %s) on %s", code, request[:2])
                    return None
        return None

    def _reply(self, cancelled: Callable[[], bool]) -> tuple[Any, ...]:
        assert self._conn is not None and self._process is not None
        while not self._conn.poll(POLL_SECONDS):
            if cancelled():
                self._stop(at_once=True)
                raise ReadCancelled
            if not self._process.is_alive():
                raise EOFError
        return self._conn.recv()

    def _ensure_started(self) -> None:
        if self.running:
            return
        self._stop()
        # spawn, not fork: the app runs threads (Qt, workers), which fork does not copy safely
        context = multiprocessing.get_context("spawn")
        parent_end, child_end = context.Pipe()
        process = context.Process(target=_serve,
                                  args=(child_end, self.idle_seconds, os.getpid(),
                                        started_from_main_thread()),
                                  name="netcompanion-card-reader", daemon=True)
        process.start()
        child_end.close()  # so that the child's death reads as end-of-file here
        self._process, self._conn = process, parent_end

    def _stop(self, at_once: bool = False) -> None:
        process, conn = self._process, self._conn
        self._process = self._conn = None
        if conn is not None:
            conn.close()  # a waiting child sees end-of-file and leaves
        if process is not None:
            process.join(0 if at_once else 1)
            if process.is_alive():  # busy with a card: it holds nothing that needs saving
                process.kill()
                process.join(5)


_shared: CardReaderProcess | None = None
_shared_lock = threading.Lock()


def shared_reader() -> CardReaderProcess:
    """The app's one card reader process."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = CardReaderProcess()
        return _shared


def stop_shared_reader() -> None:
    """Stop the app's card reader process, if one was ever started (at quit)."""
    with _shared_lock:
        if _shared is not None:
            _shared.stop()
