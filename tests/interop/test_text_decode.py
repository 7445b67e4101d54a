"""Encoding detection and line-end normalisation on the byte patterns real exporters write."""
from __future__ import annotations

import codecs
import time
from pathlib import Path

import pytest

from netcompanion.interop.errors import InputFileError
from netcompanion.interop.text_decode import decode, detect_encoding, read_bytes

TEXT = "Name,Firma\nJürgen Müller,Größe & Söhne\nRenée,Café\n"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # with BOM
        TEXT.encode("utf-16-le"),  # without BOM (old macOS, Windows tools)
        TEXT.encode("utf-16-be"),
        TEXT.encode("cp1252"),
        codecs.BOM_UTF8 + TEXT.encode("cp1252"),  # a UTF-8 BOM in front of a cp1252 body
        TEXT.replace("\n", "\r\n").encode("utf-8"),
        TEXT.replace("\n", "\r\r\n").encode("utf-8"),  # iOS
        TEXT.replace("\n", "\r").encode("cp1252"),  # classic Mac
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16le", "utf16be", "cp1252", "bom+cp1252", "crlf", "crcrlf", "cr"],
)
def test_every_variant_decodes_to_the_same_text(data: bytes) -> None:
    assert decode(data) == TEXT


def test_cyrillic_cp1251_is_told_apart_from_cp1252() -> None:
    text = "Имя,Фамилия,Организация\nАнна,Иванова,ООО Ромашка\n"
    assert detect_encoding(text.encode("cp1251")) == "cp1251"
    assert decode(text.encode("cp1251")) == text
    assert detect_encoding("Zoë,Müller,Café Olé\n".encode("cp1252")) == "cp1252"


def test_decomposed_accents_are_composed() -> None:
    assert decode("Rene\u0301e\n".encode("utf-8")) == "Ren\u00e9e\n"


def test_mixed_encodings_name_the_line() -> None:
    data = "a,b\nJürgen,Müller\n".encode() + "Renée,x\n".encode("latin-1")
    with pytest.raises(InputFileError, match="line 3: byte 0xE9 is not UTF-8"):
        decode(data, source="mixed.csv")


def test_a_forced_wrong_encoding_names_the_line() -> None:
    with pytest.raises(InputFileError, match=r"line 2: byte 0xFC is not valid utf-8-sig"):
        decode("a\nM\u00fcller\n".encode("cp1252"), encoding="utf-8")


def test_binary_data_is_refused_with_its_line() -> None:
    with pytest.raises(InputFileError, match="line 2: control character U\\+0001"):
        decode(b"BEGIN:VCARD\n\x01\x02\x03binary\n")


def test_a_huge_file_is_refused_by_its_size_before_reading(tmp_path: Path) -> None:
    huge = tmp_path / "huge.csv"
    with huge.open("wb") as handle:  # 101 MB, sparse: costs no disk and no time
        handle.truncate(101 * 1024 * 1024)
    started = time.perf_counter()
    with pytest.raises(InputFileError, match=r"huge.csv: the file is 101 MB, more than the 64 MB an import accepts"):
        read_bytes(huge)
    assert time.perf_counter() - started < 0.5


def test_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="no such file"):
        read_bytes(tmp_path / "nope.vcf")


def test_a_device_is_refused_by_name_and_a_zero_size_file_by_what_it_holds(tmp_path: Path) -> None:
    link = tmp_path / "contacts.csv"
    link.symlink_to("/dev/zero")
    with pytest.raises(InputFileError, match="is a device"):
        read_bytes(link)
    proc_file = Path("/proc/self/status")
    if proc_file.exists() and proc_file.stat().st_size == 0:
        with pytest.raises(InputFileError, match="more than the 64 bytes an import accepts"):
            read_bytes(proc_file, max_bytes=64)


def test_too_many_rows_or_cards_name_the_line() -> None:
    from netcompanion.interop.csv_read import read_csv_text
    from netcompanion.interop.vcard_read import split_cards

    with pytest.raises(InputFileError, match="line 5: the file has more than 3 rows; import it in parts"):
        read_csv_text("Name\nA\nB\nC\nD\n", max_rows=3)
    with pytest.raises(InputFileError, match="line 5: the file has more than 2 cards"):
        list(split_cards("BEGIN:VCARD\nEND:VCARD\nBEGIN:VCARD\nEND:VCARD\nBEGIN:VCARD\nEND:VCARD\n", max_cards=2))


LEGACY = {
    "cp1250": "Imię,Nazwisko,Firma\nZażółć,Gęślą-Jaźń,Łódzkie Zakłady Włókiennicze\nKrzysztof,Wójcik,Przedsiębiorstwo Żeglugi\n",
    "shift_jis": "名,姓,会社\n太郎,山田,株式会社東京電機\n花子,鈴木,日本通信株式会社\n",
    "gb18030": "名,姓,公司\n伟,王,北京科技有限公司\n芳,李,上海贸易集团\n",
    "cp1253": "Όνομα,Επώνυμο,Εταιρεία\nΓιώργος,Παπαδόπουλος,Ελληνική Εταιρεία Ανάπτυξης\nΜαρία,Νικολάου,Αθηναϊκή Τράπεζα\n",
    "cp1251": "Имя,Фамилия,Организация\nАнна,Иванова,ООО Ромашка\nСергей,Петров,Завод Электроприбор\n",
    "cp1252": "Name,Firma\nJürgen Müller,Größe & Söhne\nRenée,Café\n",
}


@pytest.mark.parametrize("codec", sorted(LEGACY))
def test_small_legacy_files_are_read_in_their_own_encoding(codec: str) -> None:
    from netcompanion.interop.text_decode import decode_named

    text, used = decode_named(LEGACY[codec].encode(codec))
    assert text == LEGACY[codec]
    assert used in {codec, {"shift_jis": "cp932"}.get(codec, codec)}  # cp932 is Windows' Shift_JIS


def test_the_import_report_names_the_encoding_and_encoding_overrides_it(tmp_path: Path, services) -> None:
    from netcompanion.interop.importer import import_file

    path = tmp_path / "polish.csv"
    path.write_bytes("Name,Company\nZażółć Gęślą,Łódź Sp. z o.o.\n".encode("cp1250"))
    report = import_file(services, path)
    assert report.encoding == "cp1250" and "(csv-generic, cp1250)" in report.summary()
    assert [c.full_name for c in services.contacts.list()] == ["Zażółć Gęślą"]
    forced = import_file(services, path, encoding="cp1252", dry_run=True)
    assert forced.encoding == "cp1252" and forced.entries[0].name == "Za¿ó³æ Gêœl¹"
