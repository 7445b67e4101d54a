"""The user's writes, run off the GUI thread by one helper (as Anki's `CollectionOp` does).

    Operation(self, "Cannot save the contact", lambda: services.contacts.update(...)) \\
        .success(self._saved).run()

The write runs on `worker.write_pool()`: one write at a time, in the order the user asked for
them, so an undo never overtakes what it undoes. A domain error (the core's `NetCompanionError`,
or an `OSError` from a file) becomes a message box under the operation's title, in the words the
core chose for the user; `.on(ErrorType, handler)` handles one kind of error instead of the
message (a conflict asks what to do), and `.failure(callback)` runs after the message (to read a
list again). Any other exception is a bug: the worker logs it with its traceback and the user is
told the action failed. Nothing is called once `parent` has been deleted; the write itself is
never abandoned (quitting waits for it, `worker.wait_for_all`).
"""
from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtWidgets import QWidget

from netcompanion.core.errors import NetCompanionError
from netcompanion.gui.widgets import show_error
from netcompanion.gui.worker import Job, run_in_background, write_pool

T = TypeVar("T")

#: the errors a write reports to the user as a message; anything else is a fault in the app
DOMAIN_ERRORS: tuple[type[Exception], ...] = (NetCompanionError, OSError)

_running: weakref.WeakSet[Job] = weakref.WeakSet()


@dataclass
class _Outcome:
    """What a write gave back: its value, or the domain error that stopped it."""

    value: Any = None
    error: Exception | None = None


def _write_job(job: Job, write: Callable[[], Any]) -> _Outcome:
    try:
        return _Outcome(value=write())
    except DOMAIN_ERRORS as exc:
        return _Outcome(error=exc)


def error_text(error: BaseException) -> str:
    """A domain error in the user's words: the core's message, or what the system said of a file."""
    if isinstance(error, OSError) and not isinstance(error, NetCompanionError) and error.strerror:
        return f"{error.strerror}: {error.filename}" if error.filename else error.strerror
    return str(error) or type(error).__name__


class Operation(Generic[T]):
    """One write the user asked for: built with its callbacks, then started with `run()`."""

    def __init__(self, parent: QWidget, title: str, write: Callable[[], T]) -> None:
        self.parent, self.title, self.write = parent, title, write
        self._success: Callable[[T], object] | None = None
        self._failure: Callable[[Exception], object] | None = None
        self._handlers: list[tuple[type[Exception], Callable[[Any], object]]] = []

    def success(self, callback: Callable[[T], object]) -> Operation[T]:
        """Call `callback(result)` on the GUI thread once the write is stored."""
        self._success = callback
        return self

    def failure(self, callback: Callable[[Exception], object]) -> Operation[T]:
        """Call `callback(error)` after the user was told that the write failed."""
        self._failure = callback
        return self

    def on(self, kind: type[Exception], handler: Callable[[Any], object]) -> Operation[T]:
        """Hand errors of `kind` to `handler(error)` instead of showing a message."""
        self._handlers.append((kind, handler))
        return self

    def run(self) -> Job:
        job = run_in_background(_write_job, self.write, on_done=self._done, on_error=self._fault,
                                user_work=False, pool=write_pool())
        _running.add(job)
        return job

    def _alive(self) -> bool:
        return shiboken6.isValid(self.parent)

    def _done(self, outcome: _Outcome) -> None:
        if not self._alive():
            return  # the view that asked is gone; the write is stored all the same
        if outcome.error is None:
            if self._success is not None:
                self._success(outcome.value)
            return
        for kind, handler in self._handlers:
            if isinstance(outcome.error, kind):
                handler(outcome.error)
                return
        self._tell(error_text(outcome.error), outcome.error)

    def _fault(self, message: str) -> None:
        if self._alive():
            self._tell(f"This did not work because of a fault in NetCompanion: {message}\n\n"
                       "Nothing else was changed. The details are in the log.", RuntimeError(message))

    def _tell(self, message: str, error: Exception) -> None:
        show_error(self.parent, self.title, message)
        if self._failure is not None:
            self._failure(error)


def pending_writes() -> int:
    """How many of the user's writes have not been answered on the GUI thread yet."""
    return sum(1 for job in _running if job.running)
