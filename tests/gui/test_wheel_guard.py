"""The mouse wheel scrolls the page, not the value under the pointer (issue 17, item 6)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from tests.gui.waiting import settled

pytestmark = pytest.mark.sqlite_only


def _wheel_over(widget: QWidget, notches: int = -3) -> None:
    """Roll the wheel `notches` (negative: down) with the pointer over the middle of `widget`."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(), QPoint(0, 120 * notches),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_scrolling_the_detail_pane_over_the_tier_box_scrolls_and_keeps_the_tier(qtbot, window) -> None:
    window.resize(1200, 640)
    window.navigation.setCurrentRow(2)
    view = settled(window.contacts)
    view.select_contact(view.model.row_at(0).id)
    detail = view.detail
    tier = detail.tier
    scroll = detail.findChild(QScrollArea)
    bar = scroll.verticalScrollBar()
    assert bar.maximum() > 0, "the pane must be taller than its window for this test"
    scroll.ensureWidgetVisible(tier)
    window.search.setFocus()  # the user's keyboard focus is elsewhere
    before_tier, before_scroll = tier.currentIndex(), bar.value()
    _wheel_over(tier, -3 if before_scroll < bar.maximum() else 3)
    assert tier.currentIndex() == before_tier
    assert bar.value() != before_scroll  # the page scrolled instead
    assert not tier.hasFocus()
    for spin in detail.trust.values():  # spin boxes alike
        value = spin.value()
        _wheel_over(spin, 2)
        assert spin.value() == value
    tier.setFocus()  # a focused control takes the wheel, as the user means it then
    _wheel_over(tier, 1 if before_tier > 0 else -1)
    assert tier.currentIndex() != before_tier
