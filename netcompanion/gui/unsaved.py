"""Edits in a form that are not stored yet: telling them apart, and never dropping them unasked.

A pane that edits one record (a contact, an event's target) fills its form and calls
`UnsavedEdits.loaded()`; before it shows another record, or the app quits, it saves what changed.
Only when saving fails does it ask the user, with `keep_or_discard`, whether to stay on the form
or drop the edits.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

_kept = 0  # how many times the user chose to keep editing edits that were refused


def kept_count() -> int:
    """How often the user went back to refused edits (quitting stops when this grows)."""
    return _kept


class UnsavedEdits:
    """The values a form was filled with, to tell whether the user has changed them since."""

    def __init__(self, read: Callable[[], object]) -> None:
        self._read = read
        self._clean: object = None

    def loaded(self) -> None:
        """The form now shows what is stored: nothing to save."""
        self._clean = self._read()

    @property
    def dirty(self) -> bool:
        return self._read() != self._clean


def keep_or_discard(parent: QWidget, what: str, reason: str) -> bool:
    """Ask what to do with edits to `what` that cannot be saved (`reason`): True to drop them and
    move on, False to stay and keep editing (the default)."""
    box = QMessageBox(QMessageBox.Icon.Warning, "Unsaved changes",
                      f"Your changes to {what} cannot be saved: {reason}\n\nKeep editing to fix them, or drop them?",
                      QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    keep = box.addButton("Keep editing", QMessageBox.ButtonRole.RejectRole)
    drop = box.addButton("Drop my changes", QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    if box.clickedButton() is drop:
        return True
    global _kept
    _kept += 1
    return False
