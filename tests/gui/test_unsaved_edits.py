"""Edits in a form are never dropped without a word: switching the record, the place, or quitting
saves them, and only edits that cannot be saved make the app ask (issue 17, item 1)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from netcompanion.gui.views.contacts_view import ContactsView
from tests.gui.waiting import settled, written

pytestmark = pytest.mark.sqlite_only


def _click_row(view: ContactsView, contact_id: int) -> None:
    """Click the contact's row in the table, as the user does."""
    index = view.model.index(view.model.row_of(contact_id), 0)
    view.table.scrollTo(index)
    QTest.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=view.table.visualRect(index).center())


def _without_email(view: ContactsView, services, count: int = 2) -> list[int]:
    ids = [view.model.row_at(row).id for row in range(view.model.rowCount())]
    return [i for i in ids if not services.contacts.get(i).emails][:count] or ids[:count]


def test_an_email_typed_then_another_contact_clicked_is_saved(qtbot, window, demo_services) -> None:
    window.navigation.setCurrentRow(2)
    view = settled(window.contacts)
    first, second = [view.model.row_at(row).id for row in (0, 1)]
    _click_row(view, first)
    assert view.detail.contact_id == first
    box = view.detail.lists["emails"]
    box.setFocus()
    box.selectAll()
    QTest.keyClicks(box, "kept@example.org")
    _click_row(view, second)
    assert view.detail.contact_id == second
    written()
    assert "kept@example.org" in [e.address for e in demo_services.contacts.get(first).emails]
    settled(view)
    _click_row(view, first)
    assert view.detail.contact_id == first
    assert "kept@example.org" in view.detail.lists["emails"].text()


def test_leaving_the_place_and_quitting_save_the_edit(qtbot, window, demo_services) -> None:
    window.navigation.setCurrentRow(2)
    view = settled(window.contacts)
    contact_id = view.model.row_at(0).id
    _click_row(view, contact_id)
    view.detail.lines["title"].setText("Chief Listener")
    window.navigation.setCurrentRow(0)  # to Today
    assert window.stack.currentIndex() == 0
    written()
    assert demo_services.contacts.get(contact_id).title == "Chief Listener"
    window.navigation.setCurrentRow(2)
    settled(view)
    _click_row(view, contact_id)
    view.detail.lines["title"].setText("Chief Quitter")
    window.close()
    written()
    assert demo_services.contacts.get(contact_id).title == "Chief Quitter"


def test_an_edit_that_cannot_be_saved_asks_and_takes_the_user_back_to_it(qtbot, window, demo_services,
                                                                          monkeypatch) -> None:
    answers: list[str] = []
    choice = ["Keep editing"]

    def answer(box: QMessageBox) -> None:
        answers.append(box.text())
        for button in box.buttons():
            if button.text() == choice[0]:
                button.click()

    monkeypatch.setattr(QMessageBox, "exec", answer)
    window.navigation.setCurrentRow(2)
    view = settled(window.contacts)
    first, second = [view.model.row_at(row).id for row in (0, 1)]
    before = demo_services.contacts.get(first).birthday
    _click_row(view, first)
    view.detail.lines["birthday"].setText("the day after tomorrow")
    _click_row(view, second)
    written()
    assert answers and "cannot be saved" in answers[0] and "not a date" in answers[0]
    settled(view)
    assert view.detail.contact_id == first  # back to the edit, with the user's text
    assert view.detail.lines["birthday"].text() == "the day after tomorrow"
    choice[0] = "Drop my changes"
    _click_row(view, second)
    written()
    settled(view)
    assert view.detail.contact_id == second and len(answers) == 2
    assert demo_services.contacts.get(first).birthday == before


def test_a_targets_why_is_saved_when_another_target_is_picked(qtbot, window, demo_services) -> None:
    event = demo_services.events.get("Retail Tech Expo")
    contacts = demo_services.contacts.list()[:2]
    demo_services.planning.add_targets(event.id, [{"name": c.full_name, "company": c.company, "contact_id": c.id}
                                                  for c in contacts])
    tab = window.planning
    tab.show_event(event.id)
    assert tab.targets_table.rowCount() >= 2
    tab.select_target_row(0)
    first = tab._selected_target()
    tab.why.setPlainText("led two seed rounds in logistics")
    tab.select_target_row(1)
    written()
    saved = next(t for t in demo_services.planning.targets(event.id) if t.id == first)
    assert saved.why == "led two seed rounds in logistics"
