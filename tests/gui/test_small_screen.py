"""The main window fits a 1024x700 screen in every place: nothing asks for more, nothing is cut off."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget

from netcompanion.gui.main_window import PLACES
from tests.gui.waiting import settled

SMALL = (1024, 700)


def _inside_scrolled_content(widget: QWidget, window: QWidget) -> bool:
    """True for a widget shown inside a scroll area's viewport (it may be wider, and scroll)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def cut_off(window: QWidget) -> list[str]:
    """The visible widgets that reach past the window's right or bottom edge, or show a sideways
    scroll bar where the content should fit (anything but a table)."""
    from PySide6.QtWidgets import QScrollArea

    found = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.isWindow() or _inside_scrolled_content(widget, window):
            continue
        right_bottom = widget.mapTo(window, QPoint(widget.width(), widget.height()))
        if right_bottom.x() > window.width() + 1 or right_bottom.y() > window.height() + 1:
            found.append(f"{type(widget).__name__} {widget.objectName()!r} ends at {right_bottom.toTuple()}")
        if isinstance(widget, QScrollArea) and widget.horizontalScrollBar().isVisible():
            found.append(f"sideways scroll bar in {type(widget.widget()).__name__}")
    return found


@pytest.mark.sqlite_only  # the layout does not depend on the database
@pytest.mark.parametrize("place", PLACES)
def test_every_place_fits_1024_by_700(qtbot, window, place) -> None:
    window.resize(*SMALL)
    window.navigation.setCurrentRow(PLACES.index(place))
    view = window.views[PLACES.index(place)]
    if hasattr(view, "loading"):
        settled(view)
    if place == "Contacts":
        view.select_contact(view.model.row_at(0).id)  # the detail pane filled
    if place == "Events":
        window.events.tabs.setCurrentIndex(0)  # the plan, the widest tab
    window.resize(*SMALL)
    QApplication.processEvents()
    assert window.minimumSizeHint().width() <= SMALL[0] and window.minimumSizeHint().height() <= SMALL[1]
    assert window.size().toTuple() == SMALL, "the place widened the window"
    assert cut_off(window) == []
