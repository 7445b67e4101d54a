"""Reading a backup zip the user hands us, within limits (the zip may be hostile, or just damaged).

- The zip's central directory is sized from its end records before `zipfile` parses it into
  memory: at most `MAX_MEMBERS` entries in at most `MAX_DIRECTORY_BYTES`.
- A member is read only if it is stored or deflated (what our backups use) and not encrypted, and
  its declared size is within its limit (`MAX_DATABASE_BYTES`, `MAX_CARD_BYTES`).
- While a member is copied, the bytes that actually come are counted: the copy stops as soon as
  they pass the declared size or the limit, so a header that lies cannot fill the disk.
- Every problem `zipfile`, `zlib` or the file raises while reading (a bad CRC, a truncated file,
  a damaged stream) becomes a `DatabaseError` whose message names the file and says nothing was
  changed.
"""
from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import BinaryIO

from netcompanion.core.errors import DatabaseError
from netcompanion.user_files import describe_size

MAX_MEMBERS = 100_000  # a backup holds the database, its manifest and one member per card image
MAX_DIRECTORY_BYTES = 32 * 1024 * 1024  # the names and headers zipfile keeps in memory
MAX_DATABASE_BYTES = 8 * 1024 * 1024 * 1024  # the unpacked database
MAX_CARD_BYTES = 64 * 1024 * 1024  # one card image
READABLE_METHODS = {zipfile.ZIP_STORED: "stored", zipfile.ZIP_DEFLATED: "deflated"}

_END = struct.Struct("<4s4H2LH")  # end of central directory record
_END64_LOCATOR = struct.Struct("<4sLQL")
_END64 = struct.Struct("<4sQ2H2L4Q")
_MAX_COMMENT = 0xFFFF
_BLOCK = 1 << 20

# what zipfile, zlib and struct raise for a damaged or unusual zip
# (OSError too: a seek to a negative offset in a cut file; only reads of the zip are in its scope)
_ZIP_PROBLEMS = (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError, zlib.error,
                 EOFError, struct.error, ValueError, KeyError, OSError)


def directory_extent(stream: BinaryIO) -> tuple[int, int] | None:
    """(entries, central directory bytes) of the zip `stream`, read from its end records; None when
    it is not a zip at all."""
    stream.seek(0, 2)
    size = stream.tell()
    tail_start = max(0, size - _END.size - _MAX_COMMENT)
    stream.seek(tail_start)
    tail = stream.read()
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < _END.size:
        return None
    _sig, _disk, _cd_disk, _here, entries, cd_size, cd_offset, _comment = _END.unpack_from(tail, at)
    if entries != 0xFFFF and cd_size != 0xFFFFFFFF and cd_offset != 0xFFFFFFFF:
        return entries, cd_size
    locator_at = tail_start + at - _END64_LOCATOR.size  # zip64: the real figures are in its own record
    if locator_at < 0:
        return entries, cd_size
    stream.seek(locator_at)
    locator = stream.read(_END64_LOCATOR.size)
    if len(locator) < _END64_LOCATOR.size or not locator.startswith(b"PK\x06\x07"):
        return entries, cd_size
    stream.seek(_END64_LOCATOR.unpack(locator)[2])
    record = stream.read(_END64.size)
    if len(record) < _END64.size or not record.startswith(b"PK\x06\x06"):
        return entries, cd_size
    fields = _END64.unpack(record)
    return fields[7], fields[8]


@contextmanager
def zip_problems(source: object) -> Iterator[None]:
    """Turn what a damaged or hostile zip makes `zipfile` raise into a DatabaseError about `source`."""
    try:
        yield
    except _ZIP_PROBLEMS as exc:
        raise DatabaseError(f"{source} is not a readable backup: the zip is damaged or of a kind NetCompanion "
                            f"does not write ({type(exc).__name__}: {exc}). Nothing was changed.") from exc


def open_archive(stream: BinaryIO, source: object) -> zipfile.ZipFile | None:
    """The zip `stream` opened for reading, once its central directory is found within the limits;
    None when `stream` is not a zip."""
    with zip_problems(source):
        extent = directory_extent(stream)
    if extent is None:
        return None
    entries, directory_bytes = extent
    if entries > MAX_MEMBERS or directory_bytes > MAX_DIRECTORY_BYTES:
        raise DatabaseError(
            f"{source} is not a NetCompanion backup: its zip lists {entries} files in a directory of "
            f"{describe_size(directory_bytes)}, more than a backup holds (at most {MAX_MEMBERS} files, "
            f"{describe_size(MAX_DIRECTORY_BYTES)}). Nothing was changed.")
    stream.seek(0)
    with zip_problems(source):
        return zipfile.ZipFile(stream)


def check_member(info: zipfile.ZipInfo, limit: int, source: object) -> None:
    """Refuse a member NetCompanion did not write: encrypted, compressed another way, or declared too big."""
    if info.flag_bits & 0x1:
        raise DatabaseError(f"{source} is not a NetCompanion backup: {info.filename!r} in it is encrypted "
                            "(NetCompanion backups never are). Nothing was changed.")
    if info.compress_type not in READABLE_METHODS:
        raise DatabaseError(f"{source} is not a NetCompanion backup: {info.filename!r} in it uses compression "
                            f"method {info.compress_type}, and NetCompanion backups are only stored or deflated. "
                            "Nothing was changed.")
    if info.file_size > limit:
        raise DatabaseError(f"{source}: {info.filename!r} in it unpacks to {describe_size(info.file_size)}, more "
                            f"than the limit of {describe_size(limit)}. Nothing was changed.")


def copy_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, write: Callable[[bytes], object],
                limit: int, source: object) -> int:
    """Stream the member `info` to `write` in blocks; return its size.

    Stops with a DatabaseError as soon as more bytes come than the member declares or than `limit`.
    """
    check_member(info, limit, source)
    allowed = min(info.file_size, limit)
    copied = 0
    with zip_problems(source):
        member = archive.open(info)
    with member:
        while True:
            with zip_problems(source):  # reading the zip; an error writing (a full disk) is the caller's
                block = member.read(_BLOCK)
            if not block:
                return copied
            copied += len(block)
            if copied > allowed:
                raise DatabaseError(f"{source}: {info.filename!r} in it holds more than the "
                                    f"{describe_size(allowed)} it declares; the restore stopped. Nothing was changed.")
            write(block)

