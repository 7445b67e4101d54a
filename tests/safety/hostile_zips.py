"""Hostile and faulty restore files, written by the tests (and by benchmarks/hostile_files.py).

Each maker writes one file at `path` and returns it. The zips are real zips written by `zipfile`;
a lie (a wrong CRC, a size, a flag, a compression method) is put into the central directory, which
is what a reader trusts, by changing the member's ZipInfo before the directory is written.
"""
from __future__ import annotations

import sqlite3
import zipfile
import zlib
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from netcompanion.core.store import backup

Tamper = Callable[[zipfile.ZipInfo], None]


def copy_backup(good: Path, path: Path, tamper: Tamper | None = None, member: str = backup.DB_MEMBER) -> Path:
    """A copy of the backup `good`, with `tamper` applied to the directory entry of `member`."""
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            target.writestr(info, source.read(info))
        if tamper is not None:
            tamper(next(info for info in target.filelist if info.filename == member))
    return path


def bad_crc(info: zipfile.ZipInfo) -> None:
    info.CRC ^= 0x5A5A


def encrypted(info: zipfile.ZipInfo) -> None:
    info.flag_bits |= 0x1


def deflate64(info: zipfile.ZipInfo) -> None:
    info.compress_type = 9  # Deflate64, which zipfile does not read


def declares(size: int) -> Tamper:
    """A tamper that makes the member declare `size` unpacked bytes (zip64 beyond 4 GB)."""
    def tamper(info: zipfile.ZipInfo) -> None:
        info.file_size = size
    return tamper


def cut_in_the_middle(good: Path, path: Path, cut: int = 4096) -> Path:
    """The backup with `cut` bytes taken out of its middle (its directory at the end is kept)."""
    data = good.read_bytes()
    middle = len(data) // 2
    path.write_bytes(data[:middle] + data[middle + cut:])
    return path


def zeros_member(path: Path, size: int, *, declared: int | None = None, name: str = backup.DB_MEMBER) -> Path:
    """A zip bomb: one deflated member of `size` zero bytes (a few KB per MB), declaring `declared`."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = bytes(1 << 20)
    with path.open("wb") as raw, zipfile.ZipFile(raw, "w") as archive:
        info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        pieces, crc = [], 0
        for done in range(0, size, len(block)):
            piece = block[:min(len(block), size - done)]
            pieces.append(compressor.compress(piece))
            crc = zlib.crc32(piece, crc)
        data = b"".join(pieces) + compressor.flush()
        # written by hand: zipfile would compress the gigabytes itself
        info.CRC, info.compress_size, info.file_size = crc, len(data), size
        info.header_offset = raw.tell()
        raw.write(info.FileHeader(zip64=size > zipfile.ZIP64_LIMIT))
        raw.write(data)
        archive.start_dir = raw.tell()
        archive.filelist.append(info)
        archive.NameToInfo[name] = info
        if declared is not None:
            info.file_size = declared
    return path


def many_members(path: Path, count: int, name_length: int = 20) -> Path:
    """A zip of `count` empty members (its directory is what costs memory)."""
    with zipfile.ZipFile(path, "w") as archive:
        for n in range(count):
            archive.writestr(f"{n:0{name_length}d}", b"")
    return path


def lookalike_database(path: Path, revision: str = "0004") -> Path:
    """A SQLite file that claims our schema revision but holds one table `contact(x)`."""
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)")
        connection.execute("INSERT INTO alembic_version VALUES (?)", (revision,))
        connection.execute("CREATE TABLE contact (x)")
    return path


def zip_holding(db_file: Path, path: Path) -> Path:
    """A backup-shaped zip holding the database file `db_file`."""
    with zipfile.ZipFile(path, "w") as archive:
        archive.write(db_file, backup.DB_MEMBER, compress_type=zipfile.ZIP_DEFLATED)
    return path
