"""Every control a screen reader lands on has a name: its own text, a label that is its buddy
(form rows are), or an accessible name where nothing visible labels it."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from netcompanion.gui.main_window import PLACES
from tests.gui.waiting import settled

pytestmark = pytest.mark.sqlite_only  # about the window, not the database
CONTROLS = (QLineEdit, QComboBox, QAbstractItemView, QPlainTextEdit, QAbstractSpinBox, QAbstractButton)


def unnamed(window: QWidget) -> list[str]:
    buddies = {id(label.buddy()) for label in window.findChildren(QLabel) if label.buddy() is not None}
    found = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisible():
            continue
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or isinstance(widget.parentWidget(), (QComboBox,
                                                                                               QAbstractSpinBox)):
            continue  # not reached by the keyboard, or a part of a combo box or spin box
        if isinstance(widget, QLineEdit) and isinstance(widget.parentWidget(), QComboBox):
            continue
        text = widget.text() if isinstance(widget, QAbstractButton) else ""
        if widget.accessibleName() or text.strip() or id(widget) in buddies:
            continue
        found.append(f"{type(widget).__name__} {widget.objectName()!r} (tooltip {widget.toolTip()!r})")
    return found


@pytest.mark.parametrize("place", PLACES)
def test_every_control_has_a_name(qtbot, window, place) -> None:
    window.navigation.setCurrentRow(PLACES.index(place))
    view = window.views[PLACES.index(place)]
    if hasattr(view, "loading"):
        settled(view)
    if place == "Contacts":
        view.select_contact(view.model.row_at(0).id)
    assert unnamed(window) == []
