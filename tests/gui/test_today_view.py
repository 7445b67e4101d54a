"""The Today place: tick, snooze and dismiss follow-ups; filter; the checklist window."""
from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from netcompanion.core.clock import utcnow
from netcompanion.gui.views.today_view import FollowUpCard, TodayView, sections
from tests.gui.waiting import settled


def loaded(view: TodayView) -> TodayView:
    """`view` once its queue, read in the background, is shown."""
    return settled(view)


def cards(view: TodayView) -> list[FollowUpCard]:
    body = loaded(view).body
    return [body.itemAt(i).widget() for i in range(body.count())
            if isinstance(body.itemAt(i).widget(), FollowUpCard)]


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
    loaded(view)
    qtbot.mouseClick(button(next(c for c in cards(view) if c.item.id == second.item.id), "Dismiss"),
                     Qt.MouseButton.LeftButton)
    by_section = {title: {i.id for i in items} for title, items in sections(loaded(view).items, utcnow())}
    assert first.item.id not in by_section["Overdue"] | by_section["Today"]
    assert first.item.id in by_section["This week"]  # back tomorrow
    assert second.item.id not in {c.item.id for c in cards(view)}


def test_goal_filter_and_search(qtbot, window) -> None:
    window.navigation.setCurrentRow(0)
    view = loaded(window.today)
    everything = len(view.items)
    view.goal_filter.setCurrentIndex(view.goal_filter.findData("investor"))
    assert 0 < len(loaded(view).items) < everything
    view.goal_filter.setCurrentIndex(0)
    name = cards(view)[0].item.contact_name
    window.search.setText(name)
    assert cards(view) and all(c.item.contact_name == name for c in cards(view))


def test_missing_detail_is_asked_for_and_fills_the_draft(qtbot, window, demo_services, monkeypatch) -> None:
    contact = demo_services.contacts.list()[0]
    demo_services.encounters.add(contact.id, event="Retail Tech Expo")  # no detail
    window.navigation.setCurrentRow(0)
    window.search.setText(contact.full_name)
    view = window.today
    card = next(c for c in cards(view) if c.item.contact_id == contact.id and c.item.needs_detail)
    monkeypatch.setattr("netcompanion.gui.views.today_view.ask_text",
                        lambda *args: ("their new warehouse in Rotterdam", True))
    qtbot.mouseClick(button(card, "Add detail…"), Qt.MouseButton.LeftButton)
    item = next(i for i in loaded(view).items if i.id == card.item.id)
    assert not item.needs_detail and "their new warehouse in Rotterdam" in item.draft


def test_checklist_window_stays_on_top_and_shares_actions(qtbot, window, demo_services) -> None:
    window.today.open_checklist_window()
    small = window.today.checklist_window
    qtbot.addWidget(small)
    assert small.isVisible() and small.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    inner = small.findChild(TodayView)
    item = cards(inner)[0].item
    inner.act("done", item.id)
    assert item.id not in [c.item.id for c in cards(window.today)]


def test_a_long_reason_is_cut_to_the_width_with_the_whole_text_as_tooltip(qtbot) -> None:
    from netcompanion.gui.widgets import ElidedLabel

    reason = "met at the expo: " + "wants a pilot of cold-chain routing across three ports " * 3
    label = ElidedLabel(reason)
    qtbot.addWidget(label)
    label.resize(240, 30)
    label.show()
    qtbot.waitExposed(label)
    assert label.text().endswith("…") and len(label.text()) < len(reason)
    assert label.fontMetrics().horizontalAdvance(label.text()) <= 240
    assert "three ports" in label.toolTip() and label.full_text == reason
    label.resize(4000, 30)
    qtbot.waitUntil(lambda: label.text() == reason)
