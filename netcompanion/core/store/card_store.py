"""Card image files: copied into the data folder under their content hash, never under a given name."""
from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

from netcompanion.core import settings
from netcompanion.core.store.temp_files import INCOMING_PREFIX, temp_file

_ALLOWED_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".bmp", ".tif", ".tiff"}


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def store_card_image(source: Path) -> tuple[str, str]:
    """Copy `source` into the cards folder; return (sha256, stored file name).

    The name is the hash plus a known image suffix, so nothing from the original name (which may
    come from anywhere) reaches the file system. Writing goes through a temporary file and a
    rename, so a crash never leaves half an image under the final name.
    """
    sha = file_sha256(source)
    suffix = source.suffix.lower() if source.suffix.lower() in _ALLOWED_SUFFIXES else ".img"
    name = f"{sha}{suffix}"
    target = settings.cards_dir() / name
    if not target.exists():
        with temp_file(target.parent, INCOMING_PREFIX) as temp:  # removed if the copy fails (a full disk)
            shutil.copyfile(source, temp)
            os.chmod(temp, 0o600)
            os.replace(temp, target)
    return sha, name


def card_image_path(file_name: str) -> Path:
    """Where a stored card image lives."""
    return settings.cards_dir() / Path(file_name).name
