"""The scan inbox on disk: cards read but not yet saved or skipped survive a quit or a crash.

Each card is a folder under the data folder's `scan-inbox/`: `card.json` (the file it came from,
what the reader made of it with the user's corrections so far, the conversation detail), a copy
of the user's image (the card is saved from it later, even when the original was moved), and the
flattened card the reader's boxes refer to (`card.npy`). Every file is written under a temporary
name and renamed, so a crash leaves the previous version, never half a file. A card's folder is
removed when it is saved or skipped.
"""
from __future__ import annotations

import json
import logging
import os
import shutil
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from netcompanion.core import settings
from netcompanion.core.store.temp_files import INCOMING_PREFIX, temp_file
from netcompanion.user_files import UserFileError, open_user_file

log = logging.getLogger(__name__)

INBOX_FOLDER = "scan-inbox"
_SAFE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".bmp", ".tif", ".tiff", ".heic", ".heif", ".gif"}


@dataclass
class InboxCard:
    """One card waiting in the inbox: where it came from, the reader's result, the user's detail."""

    key: str
    source: str  # the path the user gave, as shown to them
    image: Path  # the inbox's copy of the image
    scan: dict[str, Any] = field(default_factory=dict)
    detail: str = ""
    card_image: Any = None  # numpy RGB array, or None


def inbox_dir() -> Path:
    path = settings.data_dir() / INBOX_FOLDER
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def _write_atomically(target: Path, write: Any) -> None:
    with temp_file(target.parent, INCOMING_PREFIX) as temp:
        write(temp)
        os.replace(temp, target)


def add_card(source: str, scan: dict[str, Any], card_image: Any = None) -> InboxCard:
    """Keep a card just read: a copy of its image, the flattened card and the result."""
    key = f"{time.time_ns():020d}-{uuid.uuid4().hex[:8]}"  # sorts in the order the cards were read
    folder = inbox_dir() / key
    folder.mkdir(mode=0o700)
    suffix = Path(source).suffix.lower()
    image = folder / f"original{suffix if suffix in _SAFE_SUFFIXES else '.img'}"
    try:
        with open_user_file(source) as stream:
            _write_atomically(image, lambda temp: temp.write_bytes(stream.read()))
    except (OSError, UserFileError) as exc:  # a failed card may have no readable file: keep its result
        log.info("scan inbox: no copy of %s (%s)", source, exc)
    card = InboxCard(key, source, image, dict(scan), "", card_image)
    if card_image is not None:
        with temp_file(folder, INCOMING_PREFIX, ".npy") as temp:
            np.save(temp, np.asarray(card_image), allow_pickle=False)
            os.replace(temp, folder / "card.npy")
    update_card(card)
    return card


def update_card(card: InboxCard) -> None:
    """Store the user's corrections and detail of a card still in the inbox."""
    folder = inbox_dir() / card.key
    if not folder.is_dir():
        return  # saved or skipped meanwhile
    text = json.dumps({"source": card.source, "image": card.image.name, "scan": card.scan, "detail": card.detail},
                      ensure_ascii=False, default=str)
    _write_atomically(folder / "card.json", lambda temp: temp.write_text(text, encoding="utf-8"))


def remove_card(key: str) -> None:
    """The card was saved or skipped: it leaves the inbox."""
    if key and Path(key).name == key and key not in (".", ".."):
        shutil.rmtree(inbox_dir() / key, ignore_errors=True)


def load_cards() -> list[InboxCard]:
    """The cards kept in the inbox, oldest first; a folder that cannot be read is skipped."""
    found = []
    for folder in inbox_dir().iterdir():
        if not folder.is_dir() or folder.name.startswith("."):
            continue
        try:
            data = json.loads((folder / "card.json").read_text(encoding="utf-8"))
            card_file = folder / "card.npy"
            card_image = np.load(card_file, allow_pickle=False) if card_file.exists() else None
            found.append(InboxCard(
                folder.name, str(data["source"]), folder / Path(str(data["image"])).name, dict(data.get("scan") or {}),
                str(data.get("detail") or ""), card_image))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("scan inbox: %s cannot be read (%s)", folder.name, exc)
    return sorted(found, key=lambda card: card.key)
