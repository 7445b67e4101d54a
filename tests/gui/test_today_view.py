"""The Today place: tick, snooze and dismiss follow-ups; filter; the checklist window."""
from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QScrollArea

from netcompanion.core.clock import utcnow
from netcompanion.gui.views.today_view import FollowUpCard, TodayView
from tests.gui.waiting import settled, written


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
    written()
    assert len(demo_services.interactions.for_contact(first.contact_id)) == before + 1
    assert first.id not in [c.item.id for c in cards(view)]
    assert view.progress_line.text().startswith("1 of ")


def test_snooze_and_dismiss_take_items_off_the_list(qtbot, window, demo_services) -> None:
    window.navigation.setCurrentRow(0)
    view = window.today
    first, second = cards(view)[:2]
    view.snooze(first.item.id, timedelta(days=1))
    loaded(view)
    qtbot.mouseClick(button(next(c for c in cards(view) if c.item.id == second.item.id), "Dismiss"),
                     Qt.MouseButton.LeftButton)
    by_section = {section.title: {i.id for i in section.items} for section in loaded(view).checklist.sections}
    assert first.item.id not in by_section["Overdue"] | by_section["Today"]
    # Back tomorrow: in This week, whose shown part (its first items by due time) may not reach tomorrow.
    everything = {section.title: {i.id for i in section.items} for section in demo_services.followups.checklist()}
    assert first.item.id in everything["This week"]
    assert second.item.id not in {c.item.id for c in cards(view)}


def test_goal_filter_and_search(qtbot, window) -> None:
    window.navigation.setCurrentRow(0)
    view = loaded(window.today)
    everything = view.checklist.total
    view.goal_filter.setCurrentIndex(view.goal_filter.findData("investor"))
    assert 0 < loaded(view).checklist.total < everything
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
    monkeypatch.setattr("netcompanion.gui.detail_dialog.ask_detail",
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
    shown = label.shown_text()
    assert shown.endswith("…") and len(shown) < len(reason)
    assert label.fontMetrics().horizontalAdvance(shown) <= 240
    assert "three ports" in label.toolTip() and label.full_text == reason
    assert label.grab().toImage() != ElidedLabel("").grab().toImage()  # it paints
    label.resize(4000, 30)
    assert label.shown_text() == reason.strip()
    assert label.sizeHint().height() < 40 and label.minimumSizeHint().width() == 0


def test_a_long_section_shows_its_first_cards_and_all_on_request(qtbot, services) -> None:
    from netcompanion.core.services import ContactFields
    from netcompanion.gui.views.today_view import SECTION_PAGE

    met = utcnow() - timedelta(days=3)
    for number in range(SECTION_PAGE + 5):
        contact = services.contacts.add(ContactFields(full_name=f"Late Person {number:02}"))
        services.encounters.add(contact.id, detail="pallet tracking", met_at=met + timedelta(minutes=number))
    view = TodayView(services)
    qtbot.addWidget(view)
    view.refresh()
    shown = cards(view)
    assert [c.item.contact_name for c in shown] == [f"Late Person {n:02}" for n in range(SECTION_PAGE)]
    assert len(view.checklist.items) == SECTION_PAGE  # the rest is counted, not read
    more = next(b for b in view.findChildren(QPushButton) if b.text() == f"Show all {SECTION_PAGE + 5}")
    qtbot.mouseClick(more, Qt.MouseButton.LeftButton)
    assert len(cards(view)) == SECTION_PAGE + 5
    view.set_search("person 16")  # every item is read: the search narrows them at once
    assert not view.loading and [c.item.contact_name for c in cards(view)] == ["Late Person 16"]


def test_ticking_an_item_done_elsewhere_says_so_and_reads_the_list_again(qtbot, window, demo_services,
                                                                         monkeypatch) -> None:
    window.navigation.setCurrentRow(0)
    view = window.today
    card = cards(view)[0]
    demo_services.followups.mark_done(card.item.id)  # a teammate, or the checklist window, was quicker
    errors, statuses = [], []
    monkeypatch.setattr("netcompanion.gui.operation.show_error", lambda parent, title, text: errors.append(text))
    view.status.connect(statuses.append)
    qtbot.mouseClick(button(card, "Done"), Qt.MouseButton.LeftButton)
    written()
    assert errors and "done already" in errors[0]
    assert card.item.id not in {c.item.id for c in cards(view)}
    assert not any(s.startswith("Done") for s in statuses)


def test_the_checklist_window_fits_its_buttons_and_closes_on_esc_and_ctrl_w(qtbot, window) -> None:
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QToolButton

    window.today.open_checklist_window()
    small = window.today.checklist_window
    qtbot.addWidget(small)
    qtbot.waitExposed(small)
    assert small.width() <= 520
    shown = cards(small.findChild(TodayView))
    assert shown
    for card in shown[:6]:
        for control in card.findChildren(QPushButton) + card.findChildren(QToolButton):
            right = control.mapTo(small, QPoint(control.width(), 0)).x()
            assert control.isVisible() and right <= small.width(), f"{control.text()} ends at {right}"
    scroll = small.findChild(TodayView).findChild(QScrollArea)
    assert not scroll.horizontalScrollBar().isVisible()
    small.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is small)
    qtbot.keyClick(QApplication.focusWidget() or small, Qt.Key.Key_Escape)
    assert not small.isVisible()
    window.today.open_checklist_window()
    small.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is small)
    qtbot.keyClick(QApplication.focusWidget() or small, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert not small.isVisible()
