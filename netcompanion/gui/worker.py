"""Running slow work (OCR, imports, exports, heavy queries) off the GUI thread.

`run_in_background(function, ...)` runs `function(job, *args)` on Qt's thread pool. The function
never touches a widget: it calls `job.report(...)` / `job.emit_item(...)` and `job.check()`
(which stops it once the user cancelled). The callbacks given to `run_in_background` are always
called on the GUI thread, because the signals are received by the `Job`, a QObject living there.
"""
from __future__ import annotations

import logging
import threading
import traceback
import weakref
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class Cancelled(Exception):
    """Raised inside a job by `Job.check` once the user cancelled it."""


class Job(QObject):
    """One background job: its cancel flag and the relay of its results to the GUI thread."""

    _progress = Signal(int, int, str)
    _item = Signal(object)
    _done = Signal(object)
    _failed = Signal(str)
    _cancelled = Signal()

    def __init__(self, callbacks: dict[str, Callable[..., Any] | None], owner: QObject | None = None) -> None:
        super().__init__()
        self._cancel = threading.Event()
        self._callbacks = callbacks
        self._owner = owner
        self.running = True
        self._progress.connect(self._on_progress)
        self._item.connect(self._on_item)
        self._done.connect(self._on_done)
        self._failed.connect(self._on_failed)
        self._cancelled.connect(self._on_cancelled)

    # called from the worker thread
    def check(self) -> None:
        """Stop here (raise Cancelled) when the user has cancelled."""
        if self._cancel.is_set():
            raise Cancelled

    def report(self, done: int, total: int, message: str = "") -> None:
        self._progress.emit(done, total, message)

    def emit_item(self, value: Any) -> None:
        self._item.emit(value)

    # called from the GUI thread
    def cancel(self) -> None:
        """Ask the job to stop at its next `check`."""
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def _call(self, name: str, *args: Any) -> None:
        callback = self._callbacks.get(name)
        if self._owner is not None and not shiboken6.isValid(self._owner):
            return  # the widget that wanted the result is gone (its window was closed)
        if callback is not None:
            callback(*args)

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, message: str) -> None:
        self._call("on_progress", done, total, message)

    @Slot(object)
    def _on_item(self, value: Any) -> None:
        self._call("on_item", value)

    @Slot(object)
    def _on_done(self, value: Any) -> None:
        self.running = False
        _jobs.discard(self)
        self._call("on_done", value)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self.running = False
        _jobs.discard(self)
        self._call("on_error", message)

    @Slot()
    def _on_cancelled(self) -> None:
        self.running = False
        _jobs.discard(self)
        self._call("on_cancel")


class _Runner(QRunnable):
    def __init__(self, job: Job, function: Callable[..., Any], args: tuple) -> None:
        super().__init__()
        self.job, self.function, self.args = job, function, args

    def run(self) -> None:
        try:
            self._deliver(self.function)
        except RuntimeError:  # the Job was deleted (the app is closing): nobody is left to tell
            log.debug("background job ended after its receiver was deleted")

    def _deliver(self, function: Callable[..., Any]) -> None:
        try:
            result = function(self.job, *self.args)
        except Cancelled:
            self.job._cancelled.emit()
        except Exception as exc:  # noqa: BLE001 - every error reaches the user as a message, never a crash
            log.error("background job failed:\n%s", traceback.format_exc())
            self.job._failed.emit(str(exc) or type(exc).__name__)
        else:
            self.job._done.emit(result)


_jobs: set[Job] = set()  # keeps running jobs alive
_user_work: weakref.WeakSet[Job] = weakref.WeakSet()  # the running jobs doing what the user asked for


def run_in_background(
    function: Callable[..., Any],
    *args: Any,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[str], None] | None = None,
    on_progress: Callable[[int, int, str], None] | None = None,
    on_item: Callable[[Any], None] | None = None,
    on_cancel: Callable[[], None] | None = None,
    user_work: bool = True,
    owner: QObject | None = None,
    pool: QThreadPool | None = None,
) -> Job:
    """Run `function(job, *args)` on the thread pool; the callbacks run on the GUI thread.

    `user_work=False` marks a read that can simply be abandoned (a list being refreshed): quitting
    does not ask about it. With an `owner` (the widget the callbacks update), the callbacks are
    skipped once that widget has been deleted. `pool` (default Qt's global one) is where it runs:
    `write_pool()` runs the user's writes one at a time, in the order they were asked for.
    """
    job = Job(dict(on_done=on_done, on_error=on_error, on_progress=on_progress, on_item=on_item,
                   on_cancel=on_cancel), owner)
    _jobs.add(job)
    if user_work:
        _user_work.add(job)
    (pool or QThreadPool.globalInstance()).start(_Runner(job, function, args))
    return job


_write_pool: QThreadPool | None = None


def write_pool() -> QThreadPool:
    """The one-thread pool of the user's writes (gui/operation.py): one at a time, in order, so an
    undo never overtakes the action it undoes."""
    global _write_pool
    if _write_pool is None:
        _write_pool = QThreadPool()
        _write_pool.setMaxThreadCount(1)
    return _write_pool


class LatestRead:
    """A view's background read of its data: one read at a time, and asking again while one runs
    reads once more when it ends, so the view only ever shows the newest data.

    `function(job, *args)` runs on the worker; `on_result(result)` or `on_error(message)` on the
    GUI thread. Quitting does not ask about a read, and nothing is called once `owner` is deleted.
    """

    def __init__(self, owner: QObject, function: Callable[..., Any], on_result: Callable[[Any], None],
                 on_error: Callable[[str], None]) -> None:
        self.owner, self.function = owner, function
        self.on_result, self.on_error = on_result, on_error
        self.job: Job | None = None
        self._args: tuple = ()
        self._again = False

    @property
    def loading(self) -> bool:
        """True from `start` until the newest result is shown (or has failed)."""
        return self._again or (self.job is not None and self.job.running)

    def start(self, *args: Any) -> None:
        self._args = args
        if self.job is not None and self.job.running:
            self._again = True
            return
        self._again = False
        self.job = run_in_background(self.function, *args, on_done=self._done, on_error=self._failed,
                                     user_work=False, owner=self.owner)

    def _done(self, result: Any) -> None:
        if self._again:
            self.start(*self._args)
        else:
            self.on_result(result)

    def _failed(self, message: str) -> None:
        if self._again:
            self.start(*self._args)
        else:
            self.on_error(message)


def running_jobs() -> int:
    """How many jobs doing work the user asked for (reading cards, an import) are running."""
    return sum(1 for job in _user_work if job.running)


def wait_for_all(timeout_ms: int = 30_000) -> bool:
    """Wait for running jobs (and the user's writes) to end (at exit and in tests)."""
    writes_done = _write_pool is None or _write_pool.waitForDone(timeout_ms)
    return QThreadPool.globalInstance().waitForDone(timeout_ms) and writes_done
