"""The guarded read: only regular files, and the byte limit held while reading."""
from __future__ import annotations

import os
import socket
import threading
from pathlib import Path

import pytest

from netcompanion.user_files import UserFileError, read_user_file


def test_reads_a_regular_file(tmp_path: Path) -> None:
    path = tmp_path / "cards.csv"
    path.write_bytes(b"Name\nAda\n")
    assert read_user_file(path, 100) == b"Name\nAda\n"


def test_a_file_over_the_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_bytes(b"x" * 101)
    with pytest.raises(UserFileError, match="101 bytes, more than the limit of 100 bytes"):
        read_user_file(path, 100)


def test_a_device_behind_a_symlink_is_refused_without_reading(tmp_path: Path) -> None:
    link = tmp_path / "contacts.vcf"
    link.symlink_to("/dev/zero")
    with pytest.raises(UserFileError, match="a device"):
        read_user_file(link, 1024)


def test_a_fifo_is_refused_at_once_instead_of_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "contacts.csv"
    os.mkfifo(fifo)
    outcome: list[BaseException] = []
    reader = threading.Thread(target=lambda: _capture(outcome, fifo), daemon=True)
    reader.start()
    reader.join(timeout=5)
    assert not reader.is_alive(), "reading a FIFO blocked"
    assert isinstance(outcome[0], UserFileError) and "pipe" in str(outcome[0])


def _capture(outcome: list[BaseException], path: Path) -> None:
    try:
        read_user_file(path, 1024)
    except BaseException as exc:  # noqa: BLE001 - handed to the test thread
        outcome.append(exc)


def test_a_socket_and_a_folder_are_refused(tmp_path: Path) -> None:
    sock_path = tmp_path / "s"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(sock_path))
    try:
        with pytest.raises(UserFileError, match="not a regular file"):
            read_user_file(sock_path, 1024)
    finally:
        server.close()
    with pytest.raises(UserFileError, match="folder"):
        read_user_file(tmp_path, 1024)
    with pytest.raises(UserFileError, match="no such file"):
        read_user_file(tmp_path / "missing.csv", 1024)


def test_the_limit_holds_when_the_reported_size_is_zero() -> None:
    proc_file = Path("/proc/self/status")  # a regular file whose stat size is 0
    if not proc_file.exists() or proc_file.stat().st_size != 0:
        pytest.skip("no /proc here")
    with pytest.raises(UserFileError, match="larger than the limit"):
        read_user_file(proc_file, 64)
