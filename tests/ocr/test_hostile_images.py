"""Hostile image files written by the tests: text chunks that inflate past Pillow's limit, a small
PNG that claims 12000 x 12000 RGBA pixels, and scan workers whose parent is killed."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from cardkit import CARD_EN, render_card
from hostile_files import PEAK_CHILD, big_rgba_png, inflating_png

from netcompanion.ocr import reader
from netcompanion.ocr.image_io import ImageError, load_image

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("kind", [b"zTXt", b"iCCP"])
def test_inflating_chunk_is_a_clear_error(tmp_path: Path, kind: bytes) -> None:
    path = inflating_png(tmp_path / "crafted.png", kind)
    assert path.stat().st_size < 50_000
    with pytest.raises(ImageError, match="refused"):
        load_image(path)


def test_inflating_chunk_does_not_stop_the_batch(tmp_path: Path, ppocr) -> None:
    good = tmp_path / "good.png"
    render_card(CARD_EN).save(good)
    bad = inflating_png(tmp_path / "crafted.png", b"zTXt")
    results = list(reader.read_cards([bad, good, bad], region="US", workers=1))
    assert [r.source for r in results] == [str(bad), str(good), str(bad)]
    assert results[0].error and "refused" in results[0].error and results[2].error
    assert results[1].ok and "jane.doe@acme-robotics.de" in results[1].emails


@pytest.mark.slow
def test_big_rgba_png_decodes_within_a_bound(tmp_path: Path) -> None:
    path = big_rgba_png(tmp_path / "big.png")
    assert path.stat().st_size < 700_000
    out = subprocess.run([sys.executable, "-c", PEAK_CHILD, str(path)], capture_output=True,
                         text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120,
                         check=True)
    height, width, peak_mb = map(int, out.stdout.split()[:3])
    assert max(height, width) <= 3200
    assert peak_mb < 900, f"peak {peak_mb} MB"  # the full decode alone would be 576 MB RGBA


def test_workers_follow_the_available_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    cores = os.cpu_count() or 1
    assert reader.worker_count(None, 100) <= cores
    assert reader.worker_count(3, 100) == 3  # asked for explicitly
    assert reader.worker_count(None, 1) == 1
    monkeypatch.setattr(reader, "available_memory_mb", lambda: 1.5 * reader.WORKER_MEMORY_MB)
    assert reader.worker_count(None, 100) == 1
    monkeypatch.setattr(reader, "available_memory_mb", lambda: 64 * reader.WORKER_MEMORY_MB)
    assert reader.worker_count(None, 100) == cores


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return False
    return state not in ("Z", "X")


def _wait_gone(pids: list[int], seconds: float = 10.0) -> list[int]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and any(_alive(p) for p in pids):
        time.sleep(0.1)
    return [p for p in pids if _alive(p)]


_BATCH_PARENT = """
import json, multiprocessing, sys
from netcompanion.ocr.reader import read_cards
for i, result in enumerate(read_cards(sys.argv[1:], region="US", workers=2)):
    if i == 0:
        print(json.dumps([p.pid for p in multiprocessing.active_children()]), flush=True)
"""

_READER_PARENT = """
import json, sys, threading, time
from netcompanion.ocr.reader_process import CardReaderProcess
reader = CardReaderProcess()
if sys.argv[1] == "thread":  # as the desktop app does: started from a worker thread that ends
    t = threading.Thread(target=reader.wait_ready); t.start(); t.join()
else:
    reader.wait_ready()
print(json.dumps([reader.pid]), flush=True)
time.sleep(60)
"""


def _kill_parent_and_check(script: str, args: list[str]) -> None:
    parent = subprocess.Popen([sys.executable, "-c", script, *args], stdout=subprocess.PIPE,
                              text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        children = json.loads(parent.stdout.readline())  # type: ignore[union-attr]
        assert children and all(_alive(p) for p in children)
        time.sleep(0.5)
        assert all(_alive(p) for p in children)  # nothing ends them before their parent
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait(10)
        assert _wait_gone(children) == []
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait(10)
        if parent.stdout is not None:
            parent.stdout.close()


@pytest.mark.slow
def test_scan_workers_end_when_the_scan_is_killed(tmp_path: Path) -> None:
    card = tmp_path / "card.png"
    render_card(CARD_EN).save(card)
    _kill_parent_and_check(_BATCH_PARENT, [str(card)] * 12)


@pytest.mark.slow
@pytest.mark.parametrize("started", ["main", "thread"])
def test_reader_process_ends_when_the_app_is_killed(started: str) -> None:
    _kill_parent_and_check(_READER_PARENT, [started])
