"""What the main window asks of each of its places (Today, Scan, Contacts, Events, Network)."""
from __future__ import annotations

from typing import Protocol


class Place(Protocol):
    """A view shown as one place of the main window: it reads its data again on `refresh`, and
    narrows what it shows to the search box's text on `set_search`.

    A place with a form may also have `settle() -> bool`: called before the user leaves it or
    quits, it saves the form's edits (or asks), and False keeps the user there."""

    def refresh(self) -> None: ...

    def set_search(self, text: str) -> None: ...

    def focus_results(self) -> None:
        """Give the keyboard focus to what the place shows (from the search box: Down or Enter)."""
