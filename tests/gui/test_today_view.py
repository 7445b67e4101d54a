"""The Today place: tick, snooze and dismiss follow-ups; filter; the checklist window."""
from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from netcompanion.core.clock import utcnow
from netcompanion.gui.views.today_view import FollowUpCard, TodayView, sections


def cards(view: TodayView) -> list[FollowUpCard]:
    return [view.body.itemAt(i).widget() for i in range(view.body.count())
            if isinstance(view.body.itemAt(i).widget(), FollowUpCard)]


def button(card: FollowUpCard, text: str) -> QPushButton:
    return next(b for b in card.findChildren(QPushButton) if b.text() == text)


def test_today_lists_overdue_first_and_done_logs_an_interaction(qtbot, window, demo_services) -> None:
    window.navigation.setCurrentRow(0)
    view = window.today
    shown = cards(view)
    assert shown, "the demo has follow-ups due"
    titles = [view.body.itemAt(i).widget().text() for i in range(view.body.count())
              if not isinstance(view.body.itemAt(i).widget(), (FollowUpCard, QPushButton))]
    assert titles[0].startswith("Overdue")
    first = shown[0].item
    before = len(demo_services.interactions.for_contact(first.contact_id))
    qtbot.mouseClick(button(shown[0], "Done"), Qt.MouseButton.LeftButton)
    assert len(demo_services.interactions.for_contact(first.contact_id)) == before + 1
    assert first.id not in [c.item.id for c in cards(view)]
    assert view.progress_line.text().startswith("1 of ")


def test_snooze_and_dismiss_take_items_off_the_list(qtbot, window) -> None:
    window.navigation.setCurrentRow(0)
    view = window.today
    first, second = cards(view)[:2]
    view.snooze(first.item.id, timedelta(days=1))
    qtbot.mouseClick(button(next(c for c in cards(view) if c.item.id == second.item.id), "Dismiss"),
                     Qt.MouseButton.LeftButton)
    by_section = {title: {i.id for i in items} for title, items in sections(view.items, utcnow())}
    assert first.item.id not in by_section["Overdue"] | by_section["Today"]
    assert first.item.id in by_section["This week"]  # back tomorrow
    assert second.item.id not in {c.item.id for c in cards(view)}


def test_goal_filter_and_search(qtbot, window) -> None:
    window.navigation.setCurrentRow(0)
    view = window.today
    everything = len(view.items)
    view.goal_filter.setCurrentIndex(view.goal_filter.findData("investor"))
    assert 0 < len(view.items) < everything
    view.goal_filter.setCurrentIndex(0)
    name = cards(view)[0].item.contact_name
    window.search.setText(name)
    assert cards(view) and all(c.item.contact_name == name for c in cards(view))


def test_checklist_window_stays_on_top_and_shares_actions(qtbot, window, demo_services) -> None:
    window.today.open_checklist_window()
    small = window.today.checklist_window
    qtbot.addWidget(small)
    assert small.isVisible() and small.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    inner = small.findChild(TodayView)
    item = cards(inner)[0].item
    inner.act("done", item.id)
    assert item.id not in [c.item.id for c in cards(window.today)]
