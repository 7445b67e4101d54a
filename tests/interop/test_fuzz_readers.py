"""Fuzzing the readers: whatever the bytes, the result is contacts or an InputFileError, never a crash."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netcompanion.core.services.incoming import clean_fields
from netcompanion.interop.csv_contacts import read_contacts_csv
from netcompanion.interop.errors import InputFileError
from netcompanion.interop.text_decode import decode
from netcompanion.interop.vcard_read import read_vcards

FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

VCARD_PIECES = st.sampled_from([
    "BEGIN:VCARD", "END:VCARD", "VERSION:2.1", "VERSION:3.0", "VERSION:4.0", "FN:Jane Doe", "N:Doe;Jane;;;",
    "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=C3=85str=C3=B6m;=", "NOTE;QUOTED-PRINTABLE:a=", "=0D=0Ab=",
    " folded", "\tfolded", "TEL;CELL:+46 70 123 45 67", "TEL;VALUE=uri:tel:+1-555", "EMAIL;TYPE=\"a:b\":x@y.z",
    "ADR;WORK:;;1 Main St;Town;;123;Land", "ORG:Acme;Dept", "CATEGORIES:a,b\\,c", "PHOTO;ENCODING=BASE64;JPEG:/9j/",
    "item1.URL:https\\://x.io", "X-NETCOMPANION-GOALS:investor", "X-NETCOMPANION-TIER:warm", "", ":", ";;;:",
    "N:", "ADR:", "BDAY:not a date", "TEL:", "EMAIL:", "FN", "X-Y;Z=\"unclosed:1",
])


@FUZZ
@given(st.lists(st.one_of(VCARD_PIECES, st.text(max_size=30)), max_size=25))
def test_vcard_reader(lines: list[str]) -> None:
    try:
        for record in read_vcards("\n".join(lines)):
            clean_fields(record.fields, file_region="US")
    except InputFileError:
        pass


CSV_CELLS = st.one_of(st.text(max_size=15), st.sampled_from(
    ["Name", "First Name", "E-mail 1 - Value", "Phone 1 - Label", "Phone 1 - Value", "Labels", "\"", "\"\"", ",", ";",
     "\n", "* myContacts ::: x", "'=1+2", "+1 415 555 0132", "a@b.co", "Business Street", "Title", "Job Title"]))


@FUZZ
@given(st.lists(st.lists(CSV_CELLS, max_size=8), max_size=12), st.sampled_from([",", ";", "\t"]))
def test_csv_reader(rows: list[list[str]], separator: str) -> None:
    text = "\n".join(separator.join(row) for row in rows)
    try:
        _, records = read_contacts_csv(text)
        for record in records:
            clean_fields(record.fields, file_region="US")
    except InputFileError:
        pass


@FUZZ
@given(st.binary(max_size=200))
def test_decoder(data: bytes) -> None:
    try:
        text = decode(data)
    except InputFileError:
        return
    assert "\r" not in text
