"""The desktop entry and AppStream metainfo: valid, and one reverse-DNS app id everywhere."""
from __future__ import annotations

import configparser
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from netcompanion import APP_ID

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"
DESKTOP_FILE = PACKAGING / f"{APP_ID}.desktop"
METAINFO_FILE = PACKAGING / f"{APP_ID}.metainfo.xml"


def test_the_app_id_is_reverse_dns() -> None:
    parts = APP_ID.split(".")
    assert len(parts) >= 3 and all(part.isidentifier() for part in parts)


def test_desktop_entry_and_metainfo_are_named_by_the_app_id() -> None:
    assert DESKTOP_FILE.is_file() and METAINFO_FILE.is_file()
    assert sorted(p.name for p in PACKAGING.glob("*.desktop")) == [DESKTOP_FILE.name]
    assert sorted(p.name for p in PACKAGING.glob("*.metainfo.xml")) == [METAINFO_FILE.name]


def _desktop_entry() -> configparser.SectionProxy:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(DESKTOP_FILE, encoding="utf-8")
    return entry["Desktop Entry"]


def test_desktop_entry_names_the_app_id_as_its_icon() -> None:
    assert _desktop_entry()["Icon"] == APP_ID


def test_desktop_entry_opens_the_files_it_is_given_in_the_app() -> None:
    from netcompanion.cli import build_parser, gui

    program, *arguments = _desktop_entry()["Exec"].split()
    assert program == "netcompanion"
    args = build_parser().parse_args(["card.jpg" if word == "%F" else word for word in arguments])
    assert args.func is gui.run and args.cards == ["card.jpg"]


def test_metainfo_id_and_launchable_are_the_app_id() -> None:
    root = ET.parse(METAINFO_FILE).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable[@type='desktop-id']") == DESKTOP_FILE.name


def test_the_running_app_declares_the_app_id(qapp) -> None:
    from netcompanion.gui.app import create_application

    assert create_application().desktopFileName() == APP_ID


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-validate is missing (scripts/install.sh --test installs desktop-file-utils)")
def test_desktop_entry_is_valid() -> None:
    result = subprocess.run(["desktop-file-validate", str(DESKTOP_FILE)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


@pytest.mark.skipif(shutil.which("appstreamcli") is None,
                    reason="appstreamcli is missing (scripts/install.sh --test installs appstream)")
def test_metainfo_is_valid() -> None:
    result = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO_FILE)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
