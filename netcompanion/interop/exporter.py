"""Exporting (formats vcard, csv, ics): the contacts (of an event, of a goal) as vCard or CSV, the open
follow-ups as iCalendar."""
from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

from netcompanion.core.services import Services
from netcompanion.core.store.card_store import card_image_path
from netcompanion.core.store.models import Contact
from netcompanion.interop.csv_write import write_csv
from netcompanion.interop.ics_write import write_ics
from netcompanion.interop.vcard_write import write_vcards


def card_photos(services: Services, contacts: list[Contact]) -> dict[int, Path]:
    """Contact id -> the stored image of the front of its card (the first one scanned)."""
    photos: dict[int, Path] = {}
    for contact in contacts:
        images = services.cards.images_for(contact.id) if contact.id is not None else []
        front = next((i for i in images if i.side == "front"), images[0] if images else None)
        if front is not None and card_image_path(front.file_name).is_file():
            photos[contact.id] = card_image_path(front.file_name)  # type: ignore[index]
    return photos


def alarm_offset(services: Services) -> timedelta | None:
    """How long before its due time an exported follow-up rings (the reminder settings); None: no alarm."""
    reminders = services.reminders.get()
    return timedelta(minutes=reminders.alarm_minutes_before) if reminders.calendar_alarms else None


def export_contacts(
    services: Services,
    fmt: str,
    *,
    event: str | int | None = None,
    goal: str | None = None,
    vcard_version: str = "3.0",
    csv_format: str = "google",
    ics_kind: str = "todo",
    photos: bool = False,
    contact_ids: list[int] | None = None,
) -> tuple[bytes, int]:
    """(file content, number of entries) of an export in `fmt` (vcard, csv or ics); `contact_ids`
    limits a contact export to those contacts (the GUI's selection)."""
    if fmt == "ics":
        items = services.transfer.open_followups(event=event, goal=goal)
        return write_ics(items, ics_kind, alarm_before=alarm_offset(services)), len(items)
    contacts = services.contacts.list(event=event, goal=goal, ids=contact_ids, include_archived=contact_ids is not None)
    if fmt == "vcard":
        details = services.transfer.conversation_details([c.id for c in contacts if c.id is not None])
        images = card_photos(services, contacts) if photos else {}
        pictures = services.contacts.photos([c.id for c in contacts if c.id is not None])
        text = write_vcards([(c, details.get(c.id or 0, [])) for c in contacts], version=vcard_version,
                            photos=images, pictures=pictures)
        return text.encode("utf-8"), len(contacts)
    return write_csv(contacts, csv_format).encode("utf-8-sig"), len(contacts)


def write_export(path: str | Path, content: bytes) -> None:
    """Write an export to `path`, readable by the user only (0600, whatever the umask): it holds the
    address book and, with photos, the card images. It is written under a temporary name first and
    renamed, so the chosen name never holds half a file."""
    path = Path(path)
    temp = path.with_name(f".{path.name}.part")
    temp.unlink(missing_ok=True)
    handle = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o600)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        os.chmod(temp, 0o600)  # (the mode above is masked by the umask on some systems)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
