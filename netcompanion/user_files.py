"""The one guarded way to read a file the user (or an attacker) hands the app.

Import, attendee lists, restore and scan all read through here, so that one set of rules holds:

- only regular files are read: devices, FIFOs, sockets and folders are refused by name, before
  anything could block or stream without end (a FIFO is opened non-blocking and checked with
  ``fstat`` on the descriptor itself, so a swap between the check and the open does not help);
- the byte limit is enforced while reading, not taken from the reported size, which is 0 for
  ``/proc`` files and devices;
- every refusal is a :class:`UserFileError` whose message is meant for the user.

A leaf module: it imports nothing of the app, so ``ocr``, ``interop`` and ``core`` can all use it.
"""
from __future__ import annotations

import errno
import io
import os
import stat
from pathlib import Path
from typing import BinaryIO

_CHUNK = 1024 * 1024


class UserFileError(ValueError):
    """A file that cannot be read as asked; the message says why in the user's words."""


class FileTooLargeError(UserFileError):
    """A file over the byte limit; ``size`` is its reported size, or None if found while reading."""

    def __init__(self, message: str, size: int | None, limit: int) -> None:
        super().__init__(message)
        self.size = size
        self.limit = limit


def _kind_of(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def describe_size(n_bytes: int) -> str:
    """``n_bytes`` for a message: '64 MB', '512 KB', '300 bytes'."""
    if n_bytes >= 1024 * 1024:
        return f"{n_bytes / (1024 * 1024):.0f} MB"
    if n_bytes >= 1024:
        return f"{n_bytes / 1024:.0f} KB"
    return f"{n_bytes} bytes"


def open_user_file(path: str | Path) -> BinaryIO:
    """Open ``path`` for reading as a binary file object, refusing anything but a regular file.

    The caller closes the file (use it in a ``with``). Raises :class:`UserFileError`.
    """
    path = Path(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise UserFileError(f"no such file: {path}") from None
    except IsADirectoryError:
        raise UserFileError(f"{path} is a folder, not a file") from None
    except PermissionError:
        raise UserFileError(f"no permission to read {path}") from None
    except OSError as exc:
        if exc.errno == errno.ENXIO:  # a socket, or a FIFO with no writer on some systems
            raise UserFileError(f"{path} is not a regular file") from None
        raise UserFileError(f"cannot open {path}: {exc.strerror or exc}") from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise UserFileError(f"{path} is {_kind_of(mode)}, not a file that can be read")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_limited(stream: BinaryIO, max_bytes: int, *, name: str = "the file") -> bytes:
    """Read ``stream`` to its end, refusing it once more than ``max_bytes`` have come."""
    buffer = io.BytesIO()
    while True:
        chunk = stream.read(min(_CHUNK, max_bytes + 1 - buffer.tell()))
        if not chunk:
            return buffer.getvalue()
        buffer.write(chunk)
        if buffer.tell() > max_bytes:
            raise FileTooLargeError(
                f"{name} is larger than the limit of {describe_size(max_bytes)}", None, max_bytes)


def read_user_file(path: str | Path, max_bytes: int) -> bytes:
    """The whole content of the regular file ``path``, at most ``max_bytes`` of it.

    Raises :class:`UserFileError` for a missing file, a folder, a device, a FIFO or a socket, an
    unreadable file, or one that turns out larger than ``max_bytes`` while it is read.
    """
    path = Path(path)
    with open_user_file(path) as stream:
        size = os.fstat(stream.fileno()).st_size
        if size > max_bytes:  # an honest regular file is refused before it is read
            raise FileTooLargeError(
                f"{path} is {describe_size(size)}, more than the limit of {describe_size(max_bytes)}",
                size, max_bytes)
        try:
            return read_limited(stream, max_bytes, name=str(path))
        except OSError as exc:
            raise UserFileError(f"cannot read {path}: {exc.strerror or exc}") from None
