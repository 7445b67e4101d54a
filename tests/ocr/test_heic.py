"""HEIC/HEIF photos (what iPhones save) are read like any other card image; the test writes
its HEIC file with pillow-heif."""
from __future__ import annotations

from pathlib import Path

import pillow_heif
import pytest
from cardkit import photo_of
from PIL import Image

from netcompanion.ocr.image_files import expand_paths
from netcompanion.ocr.image_io import load_image
from netcompanion.ocr.reader import read_card


def write_heic(image: Image.Image, path: Path) -> Path:
    pillow_heif.from_pillow(image).save(path, quality=92)
    return path


@pytest.fixture(scope="module")
def heic_photo(tmp_path_factory, card_en) -> tuple[Path, Image.Image]:
    photo, _ = photo_of(card_en)
    return write_heic(photo, tmp_path_factory.mktemp("heic") / "IMG_0001.HEIC"), photo


def test_heic_file_is_decoded(heic_photo) -> None:
    path, photo = heic_photo
    assert path.read_bytes()[4:12] in (b"ftypheic", b"ftypmif1", b"ftypheix")
    image = load_image(path)
    assert image.shape == (photo.height, photo.width, 3)


def test_heic_card_is_read(heic_photo, ppocr) -> None:
    result = read_card(heic_photo[0], region="US", engine=ppocr)
    assert result.error is None
    assert result.emails == ["jane.doe@acme-robotics.de"]


def test_heic_files_in_a_folder_are_scanned(heic_photo) -> None:
    folder = heic_photo[0].parent
    assert str(heic_photo[0]) in expand_paths([folder])
