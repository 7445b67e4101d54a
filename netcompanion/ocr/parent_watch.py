"""Child processes that end with their parent: scan workers and the desktop app's card reader.

A reader child holds 200-400 MB. When its parent is killed (kill -9, a crash), nothing would tell
it to leave: a pool worker waits on a queue whose other end it holds itself (fork copies it), and
the app's reader may be in the middle of a card. Each child therefore asks Linux to send it
SIGKILL when its parent ends (``prctl(PR_SET_PDEATHSIG)``), and everywhere also runs a watcher
thread that ends it once its parent process id changes (it has been re-parented to init or a
sub-reaper). The signal is sent when the *thread* that started the child ends, so it is only
asked for where the parent started the child from its main thread (a batch on the command line);
the desktop app starts its reader from worker threads and relies on the watcher.
"""
from __future__ import annotations

import logging
import os
import signal
import sys
import threading
import time

log = logging.getLogger(__name__)

#: how often the watcher thread looks at the parent process id
POLL_SECONDS = 0.25
_PR_SET_PDEATHSIG = 1


def _death_signal() -> None:
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0) != 0:
            log.debug("prctl(PR_SET_PDEATHSIG) failed: errno %s", ctypes.get_errno())
    except (OSError, AttributeError) as exc:  # no libc prctl: the watcher still works
        log.debug("no parent-death signal: %s", exc)


def _watch(parent_pid: int) -> None:
    while os.getppid() == parent_pid:
        time.sleep(POLL_SECONDS)
    os._exit(1)  # the parent has gone: nobody wants this child's results any more


def end_with_parent(parent_pid: int, started_from_main_thread: bool = False) -> None:
    """Make this (child) process end when ``parent_pid`` ends; call it first thing in the child.

    ``started_from_main_thread``: the parent started this child from its main thread, so the
    parent-death signal (immediate) can be used on Linux as well as the watcher.
    """
    if started_from_main_thread and sys.platform.startswith("linux"):
        _death_signal()
    if os.getppid() != parent_pid:  # the parent died before we got here
        os._exit(1)
    threading.Thread(target=_watch, args=(parent_pid,), name="parent-watch", daemon=True).start()


def started_from_main_thread() -> bool:
    """Whether the calling thread is the main thread (see :func:`end_with_parent`)."""
    return threading.current_thread() is threading.main_thread()
