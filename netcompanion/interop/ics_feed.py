"""The calendar feed: the open follow-ups as an iCalendar file at a fixed place in the data folder.

Thunderbird, Evolution or GNOME Calendar subscribe to it once as a local calendar. `CalendarFeed`
rewrites it whenever the queue changed (the follow-up service's fingerprint), and only when its
bytes differ, atomically (a calendar program never reads half a file).
"""
from __future__ import annotations

import logging
import os
import tempfile
from datetime import datetime
from pathlib import Path

from netcompanion.core import settings
from netcompanion.core.services import Services
from netcompanion.interop.exporter import alarm_offset
from netcompanion.interop.ics_write import write_ics

log = logging.getLogger(__name__)


def write_if_changed(path: Path, data: bytes) -> bool:
    """Replace `path` by `data` atomically unless it holds those bytes already; True when written."""
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=".feed-", suffix=".ics", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return True


class CalendarFeed:
    """Keeps the feed file up to date for one set of services (the GUI holds one; the CLI makes one
    per command)."""

    def __init__(self, services: Services, path: Path | None = None) -> None:
        self.services = services
        self.path = path or settings.feed_file()
        self._fingerprint: tuple | None = None

    def refresh(self, *, now: datetime | None = None, force: bool = False) -> bool:
        """Rewrite the feed if it is switched on (or `force`) and the queue changed; True when the
        file was written."""
        reminders = self.services.reminders.get()
        if not (reminders.feed or force):
            return False
        fingerprint = self.services.followups.fingerprint(now=now)
        if fingerprint == self._fingerprint and self.path.exists() and not force:
            return False
        items = self.services.transfer.open_followups()
        data = write_ics(items, reminders.feed_kind, alarm_before=alarm_offset(self.services))
        self._fingerprint = fingerprint
        written = write_if_changed(self.path, data)
        if written:
            log.info("calendar feed %s: %d follow-ups", self.path, len(items))
        return written
