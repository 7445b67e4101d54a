"""Waiting in GUI tests for a view whose data is read on a worker thread."""
from __future__ import annotations

import time
from typing import TypeVar

from PySide6.QtCore import QCoreApplication

View = TypeVar("View")


def settled(view: View, timeout: float = 30) -> View:
    """`view` once its background read is done and its result is shown."""
    deadline = time.monotonic() + timeout
    while view.loading and time.monotonic() < deadline:  # type: ignore[attr-defined]
        QCoreApplication.processEvents()
        time.sleep(0.005)
    QCoreApplication.processEvents()
    assert not view.loading, f"{type(view).__name__} did not finish loading"  # type: ignore[attr-defined]
    return view
