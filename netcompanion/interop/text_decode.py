"""Reading an exported text file into clean text, whatever its encoding and line endings.

Real exporters write UTF-8 with or without a BOM, a UTF-8 BOM in front of a body in another
encoding, UTF-16 with or without a BOM (old macOS), or the legacy code page of the user's Windows
(cp1252, cp1250, cp1251, cp1253, Shift_JIS, GB18030, Big5, EUC-KR ...), and end lines with LF,
CR LF, CR alone or CR CR LF (iOS). After the BOM, UTF-16 and UTF-8 checks, a legacy encoding is
told by `charset-normalizer` (it tells 6 of 7 small legacy files apart where a hand-written
guess told 2). `decode` gives text with
"\n" line ends, no BOM, in Unicode NFC, or an `InputFileError` naming the line it cannot read.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

import charset_normalizer

from netcompanion.interop.errors import InputFileError
from netcompanion.user_files import FileTooLargeError, UserFileError, describe_size, read_user_file

MAX_IMPORT_BYTES = 64 * 1024 * 1024
"""Files larger than this are refused while they are read (an address book with card photos
of several thousand people stays well under it)."""

MAX_IMPORT_RECORDS = 50_000
"""Files with more contacts (cards, rows) than this are refused while they are read: split them."""

_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_HIGH_RUN = re.compile(rb"[\xc0-\xff]{3,}")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")


def read_bytes(path: str | Path, max_bytes: int = MAX_IMPORT_BYTES) -> bytes:
    """The content of the regular file `path`, refused once more than `max_bytes` have been read.

    Goes through :func:`netcompanion.user_files.read_user_file`: devices, pipes and sockets are
    refused by name, and the limit holds while reading (a device or /proc file reports size 0).
    """
    try:
        return read_user_file(path, max_bytes)
    except FileTooLargeError as exc:
        size = f"{describe_size(exc.size)}, more" if exc.size is not None else "more"
        raise InputFileError(
            f"the file is {size} than the {describe_size(max_bytes)} an import accepts; "
            "split it or export fewer contacts (for example without photos)", source=str(path)) from None
    except UserFileError as exc:
        raise InputFileError(str(exc), source=str(path)) from None


def read_text(path: str | Path, *, encoding: str | None = None, max_bytes: int = MAX_IMPORT_BYTES) -> str:
    """The text of the file at `path` (see `decode`)."""
    return decode(read_bytes(path, max_bytes), source=str(path), encoding=encoding)


def decode(data: bytes, *, source: str = "", encoding: str | None = None) -> str:
    """`data` as normalised text; `encoding` forces one instead of detecting it."""
    return decode_named(data, source=source, encoding=encoding)[0]


def decode_named(data: bytes, *, source: str = "", encoding: str | None = None) -> tuple[str, str]:
    """(`data` as normalised text, the name of the encoding it was read in)."""
    name = encoding or detect_encoding(data, source=source)
    if name.replace("-", "").replace("_", "").lower() in ("utf8", "utf8sig"):
        name = "utf-8-sig"
    if name != "utf-8-sig" and data.startswith(codecs.BOM_UTF8):
        data = data[3:]  # a UTF-8 BOM in front of a body in another encoding
    try:
        text = data.decode(name)
    except LookupError:
        raise InputFileError(f"unknown encoding {encoding!r}", source=source) from None
    except UnicodeDecodeError as exc:
        raise InputFileError(
            f"byte 0x{data[exc.start]:02X} is not valid {name}; the file is in another encoding "
            "(save it again as UTF-8)", source=source, line=_line_of_offset(data, exc.start, name)) from None
    return normalize_text(text, source=source), _display_name(name)


def _display_name(codec: str) -> str:
    """How a report names an encoding: "UTF-8", "cp1250", "shift_jis" ..."""
    try:
        name = codecs.lookup(codec).name
    except LookupError:
        return codec
    return {"utf-8-sig": "UTF-8", "utf-8": "UTF-8", "utf-16": "UTF-16", "utf-16-le": "UTF-16LE",
            "utf-16-be": "UTF-16BE", "utf-32": "UTF-32"}.get(name, name)


def normalize_text(text: str, *, source: str = "") -> str:
    """`text` without BOM, with "\n" line ends (CR CR LF counts as one) and composed accents."""
    text = text.lstrip("\ufeff").replace("\r\r\n", "\n").replace("\r\n", "\n").replace("\r", "\n")
    bad = _CONTROL.search(text)
    if bad:
        raise InputFileError(
            f"control character U+{ord(bad.group()):04X}: this is not a text file, or not in the encoding "
            "it seems to be in", source=source, line=text.count("\n", 0, bad.start()) + 1)
    return unicodedata.normalize("NFC", text)


def detect_encoding(data: bytes, *, source: str = "") -> str:
    """The encoding `data` was most likely written in (a Python codec name)."""
    if data.startswith(codecs.BOM_UTF32_LE) or data.startswith(codecs.BOM_UTF32_BE):
        return "utf-32"
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return "utf-16"
    bom = data.startswith(codecs.BOM_UTF8)
    body = data[3:] if bom else data
    utf16 = _utf16_without_bom(body[:4096])
    if utf16:
        return utf16
    try:
        body.decode("utf-8")
        return "utf-8-sig"
    except UnicodeDecodeError as exc:
        if len(_UTF8_MULTIBYTE.findall(body)) > len(re.findall(rb"[\x80-\xff]", body)) // 4:
            raise InputFileError(
                f"byte 0x{body[exc.start]:02X} is not UTF-8 although the rest of the file is: the file mixes "
                "encodings; save it again as UTF-8", source=source,
                line=_line_of_offset(body, exc.start, "utf-8")) from None
    return _legacy_codec(body)


def _utf16_without_bom(sample: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" when NUL bytes fill every other position, as in UTF-16 text."""
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    odd_nuls, even_nuls = sample[1:pairs * 2:2].count(0), sample[0:pairs * 2:2].count(0)
    if odd_nuls > 0.3 * pairs and even_nuls < 0.05 * pairs:
        return "utf-16-le"
    if even_nuls > 0.3 * pairs and odd_nuls < 0.05 * pairs:
        return "utf-16-be"
    return None


def _legacy_codec(body: bytes) -> str:
    """The legacy code page of `body` by charset-normalizer; cp1252 when it reads the same text
    (Western files are the most common), and cp1252 or cp1251 by a rule of thumb when
    charset-normalizer finds none."""
    if not any(b >= 0x80 for b in body):
        return "utf-8"
    matches = charset_normalizer.from_bytes(body)
    best = matches.best()
    if best is not None:
        tied = {m.encoding for m in matches if m.chaos <= best.chaos + 0.01 and m.coherence >= best.coherence - 0.01}
        if best.encoding != "cp1252" and ("cp1252" in tied or _same_in_cp1252(body, best.encoding)):
            return "cp1252"  # a tie with Western Windows, the most common legacy code page, goes to it
        return best.encoding
    high = sum(1 for b in body if b >= 0x80)
    in_runs = sum(len(run) for run in _HIGH_RUN.findall(body))
    if in_runs > 0.5 * high or any(b in _CP1252_UNDEFINED for b in body):
        return "cp1251"
    return "cp1252"


def _same_in_cp1252(body: bytes, codec: str) -> bool:
    try:
        return body.decode("cp1252") == body.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return False


def _line_of_offset(data: bytes, offset: int, encoding: str) -> int:
    """The 1-based line holding byte `offset` (CR LF, CR CR LF, CR and LF each end one line)."""
    head = data[:offset]
    if encoding.lower().startswith("utf-16"):
        head = head.decode(encoding, errors="replace").encode("utf-8")
    head = head.replace(b"\r\r\n", b"\n").replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    return head.count(b"\n") + 1
