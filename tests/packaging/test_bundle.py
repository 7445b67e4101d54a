"""The desktop bundle: packaging/build.sh builds it, and it passes its self-test on its own.

The self-test runs with an empty PATH, so the `tesseract` it uses is the one inside the bundle.
"""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from netcompanion import APP_ID

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    result = subprocess.run(["bash", str(ROOT / "packaging" / "build.sh"), "--dist", str(dist)],
                            capture_output=True, text=True, timeout=1800, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, (result.stdout + result.stderr)[-6000:]
    return dist / "netcompanion"


def test_the_bundle_carries_tesseract_its_english_data_and_the_desktop_files(bundle: Path) -> None:
    internal = bundle / "_internal"
    assert os.access(bundle / "netcompanion", os.X_OK)
    assert os.access(internal / "tesseract" / "tesseract", os.X_OK)
    assert (internal / "tesseract" / "tessdata" / "eng.traineddata").is_file()
    assert (internal / "tesseract" / "tessdata" / "configs" / "tsv").is_file()
    for resource in ("style.qss", "icon.svg", "sample-card.jpg", "translations/netcompanion_de.qm"):
        assert (internal / "netcompanion" / "resources" / resource).is_file()
    assert list((internal / "PySide6").rglob("*QtNetwork*"))  # one app per database (gui/single_instance.py)
    assert (internal / "netcompanion" / "core" / "store" / "migrations" / "script.py.mako").is_file()
    assert list((internal / "netcompanion" / "core" / "store" / "migrations" / "versions").glob("0001_*.py"))
    assert list((internal / "rapidocr" / "models").glob("*.onnx"))
    # HEIC is decoded by pi-heif's libheif and libde265 (LGPL); the GPL x265 encoder stays out
    assert list(internal.rglob("libde265*")) and not list(internal.rglob("libx265*"))
    # phone capture: aiohttp with its compiled HTTP parser, and psutil (imported when it starts)
    assert list((internal / "aiohttp").glob("_http_parser*")) and list((internal / "psutil").glob("_psutil*"))
    assert (bundle / "share" / "applications" / f"{APP_ID}.desktop").is_file()
    assert (bundle / "share" / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    assert (bundle / "share" / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()


def test_the_bundle_passes_its_self_test_without_anything_on_path(bundle: Path, tmp_path: Path,
                                                                   data_home: Path) -> None:
    empty = tmp_path / "empty-path"
    empty.mkdir()
    env = {key: value for key, value in os.environ.items()
           if key not in ("TESSERACT_CMD", "TESSDATA_PREFIX", "PYTHONPATH", "VIRTUAL_ENV")}
    env.update(PATH=str(empty), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([str(bundle / "netcompanion"), "gui", "--self-test"], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test: scan: ok: 'Marta Oliveira'" in result.stdout
    assert "self-test: tesseract: ok: ['marta.oliveira@portofreight.pt']" in result.stdout
    assert not data_home.exists() or not any(data_home.iterdir())


def test_the_bundle_answers_on_the_command_line(bundle: Path, tmp_path: Path) -> None:
    result = subprocess.run([str(bundle / "netcompanion"), "--version"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("netcompanion ")


def test_the_bundle_reads_a_heic_photo_with_a_qr_code(bundle: Path, tmp_path: Path) -> None:
    import json

    import pillow_heif
    import zxingcpp
    from PIL import Image, ImageDraw, ImageFont

    card = Image.new("RGB", (1050, 600), "white")
    draw = ImageDraw.Draw(card)
    draw.text((60, 60), "Ana Costa", fill="black", font=ImageFont.load_default(56))
    draw.text((60, 160), "ana.costa@porto-mar.pt", fill="black", font=ImageFont.load_default(32))
    code = zxingcpp.create_barcode("https://porto-mar.pt", zxingcpp.BarcodeFormat.QRCode)
    card.paste(Image.fromarray(code.to_image(scale=6)).convert("RGB"), (760, 300))
    photo = tmp_path / "IMG_0004.HEIC"
    pillow_heif.from_pillow(card).save(photo, quality=90)
    result = subprocess.run([str(bundle / "netcompanion"), "scan", "--json", str(photo)], cwd=tmp_path,
                            capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stdout + result.stderr
    scan = json.loads(result.stdout.splitlines()[0])
    assert "ana.costa@porto-mar.pt" in scan["emails"]
    assert "porto-mar.pt" in scan["websites"]  # from the QR code, read by the bundle's zxing-cpp
