"""The card reader process: real PP-OCR in a child process, its crashes, cancel and idle exit."""
from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import numpy as np
import pytest
from cardkit import CARD_EN, render_card

from netcompanion.ocr.reader_process import CRASHED, CardReaderProcess, ReadCancelled

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def card_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cards") / "jane.png"
    render_card(CARD_EN).save(path)
    return path


@pytest.fixture(scope="module")
def reader():
    """One reader for the module: a test that crashes or cancels its child gets a new one."""
    process = CardReaderProcess()
    yield process
    process.stop()


def test_reads_a_card_in_a_child_process_with_its_image(reader, card_file: Path) -> None:
    assert reader.wait_ready() is None
    assert reader.pid not in (None, os.getpid())
    result = reader.read(card_file, "US")
    assert result.ok and result.full_name == "Jane Q. Doe"
    assert "jane.doe@acme-robotics.de" in result.emails
    assert isinstance(result.card_image, np.ndarray)
    assert result.card_image.shape[1::-1] == tuple(result.card_size)  # the image the boxes refer to
    assert result.boxes["full_name"]
    assert reader.peak_memory_mb() > 50  # the models live there


def test_a_bad_image_fails_alone_and_the_reader_goes_on(reader, card_file: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0 not a jpeg")
    assert reader.read(broken).error
    pid = reader.pid
    assert reader.read(card_file, "US").ok and reader.pid == pid


def test_a_crash_mid_card_fails_that_card_and_the_next_one_reads(reader, card_file: Path) -> None:
    reader.wait_ready()
    killed = []

    def crash_once() -> bool:  # called while the child works on the card
        if not killed:
            killed.append(reader.pid)
            os.kill(reader.pid, signal.SIGKILL)  # what a segfault in a native decoder looks like
        return False

    result = reader.read(card_file, "US", cancelled=crash_once)
    assert killed and result.error == CRASHED
    again = reader.read(card_file, "US")
    assert again.ok and again.full_name == "Jane Q. Doe" and reader.pid != killed[0]


def test_cancel_stops_the_card_at_once(reader, card_file: Path) -> None:
    reader.wait_ready()
    begin = time.monotonic()
    with pytest.raises(ReadCancelled):
        reader.read(card_file, "US", cancelled=lambda: True)
    assert time.monotonic() - begin < 2 and not reader.running
    assert reader.read(card_file, "US").ok  # a new child takes over


def test_an_idle_child_leaves_and_comes_back_when_needed(card_file: Path) -> None:
    reader = CardReaderProcess(idle_seconds=0.5)
    try:
        assert reader.wait_ready() is None
        deadline = time.monotonic() + 30
        while reader.running and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not reader.running  # its memory is given back
        assert reader.read(card_file, "US").ok
    finally:
        reader.stop()
