"""HEIC photos in the app: read in the Scan place and shown, like any other card image."""
from __future__ import annotations

from pathlib import Path

import pillow_heif
import pytest
from PIL import Image

from netcompanion.gui.card_preview import image_from_file
from netcompanion.gui.views.scan_view import ScanView
from tests.gui.cards import jane_card

pytestmark = [pytest.mark.slow, pytest.mark.sqlite_only]


def heic_card(path: Path) -> Path:
    jpeg = jane_card(path.with_suffix(".jpg"))
    with Image.open(jpeg) as im:
        pillow_heif.from_pillow(im).save(path, quality=92)
    jpeg.unlink()
    return path


def test_a_heic_file_is_shown(tmp_path: Path) -> None:
    image = image_from_file(heic_card(tmp_path / "IMG_0002.heic"))
    assert not image.isNull() and (image.width(), image.height()) == (1050, 600)
    assert image.pixelColor(5, 5).lightness() > 200  # white card, not black
    assert image_from_file(tmp_path / "missing.heic").isNull()


def test_a_heic_card_is_read_and_shown_in_the_scan_place(qtbot, services, tmp_path: Path) -> None:
    view = ScanView(services)
    qtbot.addWidget(view)
    view.show()
    view.refresh()
    view.add_paths([str(heic_card(tmp_path / "IMG_0003.HEIC"))])
    qtbot.waitUntil(lambda: len(view.items) == 1 and not view.job.running, timeout=120_000)
    [item] = view.items
    assert item.status == "read", item.scan.get("error")
    assert "jane.whitfield@northwind-logistics.com" in view.fields["emails"].text()
    assert view.image_label.pixmap() is not None and not view.image_label.pixmap().isNull()
