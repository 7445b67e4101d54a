"""The desktop app's log file: failed background jobs with their tracebacks, rotated, in the
platform's log folder, which Help > Open log folder shows."""
from __future__ import annotations

import logging

import pytest
from PySide6.QtGui import QDesktopServices

from netcompanion.core import settings
from netcompanion.gui.log_file import log_file, start_log_file, stop_log_file
from netcompanion.gui.worker import run_in_background, wait_for_all

pytestmark = pytest.mark.sqlite_only  # about the app's log, not the database


@pytest.fixture
def logging_to_file():
    handler = start_log_file()
    assert handler is not None
    yield handler
    stop_log_file(handler)


def test_a_failed_background_job_is_logged_with_its_traceback(qtbot, logging_to_file, data_home) -> None:
    def import_job(job, path):
        raise UnicodeDecodeError("utf-8", b"\xff", 0, 1, f"invalid start byte in {path}")

    failed = []
    run_in_background(import_job, "contacts.csv", on_error=failed.append)
    qtbot.waitUntil(lambda: bool(failed), timeout=10_000)
    wait_for_all()
    logging_to_file.flush()
    assert log_file().parent == settings.log_dir() and str(log_file()).startswith(str(data_home))
    text = log_file().read_text(encoding="utf-8")
    assert "ERROR netcompanion.gui.worker: background job failed" in text
    assert "Traceback (most recent call last)" in text and 'raise UnicodeDecodeError("utf-8"' in text
    assert "invalid start byte in contacts.csv" in text


def test_the_log_file_is_rotated(logging_to_file) -> None:
    logging_to_file.maxBytes = 2000
    for number in range(200):
        logging.getLogger("netcompanion.test").error("line %d of a long story", number)
    kept = sorted(p.name for p in log_file().parent.iterdir())
    assert kept == ["netcompanion.log", "netcompanion.log.1", "netcompanion.log.2", "netcompanion.log.3"]
    assert all(p.stat().st_size <= 2100 for p in log_file().parent.iterdir())


def test_help_opens_the_log_folder(qtbot, window, monkeypatch) -> None:
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    [entry] = [a for top in window.menuBar().actions() if top.text() == "&Help" for a in top.menu().actions()
               if a.text().replace("&", "") == "Open log folder"]
    entry.trigger()
    assert opened == [str(settings.log_dir())]
