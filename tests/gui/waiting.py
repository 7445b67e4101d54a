"""Waiting in GUI tests for a view whose data is read on a worker thread, and for the user's writes."""
from __future__ import annotations

import time
from typing import TypeVar

from PySide6.QtCore import QCoreApplication

from netcompanion.gui.operation import pending_writes

View = TypeVar("View")


def written(timeout: float = 30) -> None:
    """Return once every write the user asked for (gui/operation.py) is stored and answered."""
    deadline = time.monotonic() + timeout
    while pending_writes() and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.005)
    QCoreApplication.processEvents()
    assert not pending_writes(), "a write did not finish"


def settled(view: View, timeout: float = 30) -> View:
    """`view` once the writes asked for are answered and its background read is done and shown."""
    written(timeout)
    deadline = time.monotonic() + timeout
    while (view.loading or pending_writes()) and time.monotonic() < deadline:  # type: ignore[attr-defined]
        QCoreApplication.processEvents()
        time.sleep(0.005)
    QCoreApplication.processEvents()
    assert not view.loading, f"{type(view).__name__} did not finish loading"  # type: ignore[attr-defined]
    return view
