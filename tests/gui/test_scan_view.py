"""The Scan place end to end: a real card image read by the real reader, reviewed, corrected, saved."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from netcompanion.gui.views.scan_view import ScanView
from tests.gui.cards import jane_card
from tests.gui.waiting import written

# the reader sets the pace here: SQLite only (saving cards on PostgreSQL: tests/core/test_team.py)
pytestmark = [pytest.mark.slow, pytest.mark.sqlite_only]


def _scan(qtbot, view: ScanView, paths: list[str], count: int) -> None:
    view.add_paths(paths)
    qtbot.waitUntil(lambda: len(view.items) == count and not view.job.running, timeout=120_000)


def test_scan_review_correct_and_save_with_enter(qtbot, services, tmp_path: Path) -> None:
    services.events.add("Logistics Expo", "client", start="2026-03-01T09:00Z", end="2026-03-02T17:00Z")
    view = ScanView(services)
    qtbot.addWidget(view)
    view.show()
    view.refresh()
    assert view.event_combo.currentText() == "Logistics Expo"  # the most recent event by default
    assert view.goal_combo.currentData() == "client"  # its goal
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    _scan(qtbot, view, [str(jane_card(tmp_path / "jane.jpg")), str(broken)], 2)

    first, second = view.items
    assert first.status == "read" and second.status == "failed" and second.scan["error"]
    assert view.current is first
    assert view.fields["full_name"].text() == "Jane Whitfield"
    assert "jane.whitfield@northwind-logistics.com" in view.fields["emails"].text()
    assert "+14155550187" in view.fields["phones"].text()
    assert view.image_label.pixmap() is not None and not view.image_label.pixmap().isNull()

    view.fields["title"].setText("VP Partnerships")  # the user corrects a field
    qtbot.keyClick(view.fields["full_name"], Qt.Key.Key_Return)  # name confirmed: focus to the detail
    view.detail.setFocus()
    qtbot.keyClicks(view.detail, "wants a pilot in two warehouses")
    qtbot.keyClick(view.detail, Qt.Key.Key_Return)  # Enter saves and moves on
    written()

    [contact] = services.contacts.list(event="Logistics Expo")
    assert contact.full_name == "Jane Whitfield" and contact.title == "VP Partnerships"
    assert [g.key for g in contact.goals] == ["client"]
    assert [p.e164 for p in contact.phones] == ["+14155550187"]
    assert services.cards.images_for(contact.id)
    assert first.status == "saved" and view.current is second
    [encounter] = services.encounters.for_contact(contact.id)
    assert encounter.detail == "wants a pilot in two warehouses"


def test_cancel_stops_a_batch(qtbot, services, tmp_path: Path) -> None:
    view = ScanView(services)
    qtbot.addWidget(view)
    view.refresh()
    card = jane_card(tmp_path / "jane.jpg")
    paths = []
    for number in range(6):
        copy = tmp_path / f"card{number}.jpg"
        copy.write_bytes(card.read_bytes())
        paths.append(str(copy))
    view.add_paths(paths)
    qtbot.waitUntil(lambda: len(view.items) >= 1, timeout=120_000)
    view.cancel()
    qtbot.waitUntil(lambda: not view.job.running, timeout=120_000)
    assert 1 <= len(view.items) < 6
    assert view.progress_label.text() == f"Cancelled: {6 - len(view.items)} of 6 cards not read"


def test_a_card_of_someone_known_is_merged_not_duplicated(qtbot, services, tmp_path: Path) -> None:
    services.events.add("Logistics Expo", "client", start="2026-03-01T09:00Z", end="2026-03-02T17:00Z")
    view = ScanView(services)
    qtbot.addWidget(view)
    view.show()
    view.refresh()
    card = jane_card(tmp_path / "jane.jpg")
    _scan(qtbot, view, [str(card)], 1)
    assert not view.new_person_button.isVisibleTo(view)  # nobody like her yet
    view.save_current()
    written()
    copy = tmp_path / "jane-again.jpg"
    copy.write_bytes(card.read_bytes())
    _scan(qtbot, view, [str(copy)], 2)
    view.inbox.setCurrentRow(1)
    assert "Already in your contacts" in view.match_label.text() and "Jane Whitfield" in view.match_label.text()
    assert view.save_button.text().startswith("Merge") and view.new_person_button.isVisibleTo(view)
    # the keyboard fast path: Enter on the name, the detail, Enter
    qtbot.keyClick(view.fields["full_name"], Qt.Key.Key_Return)
    qtbot.keyClicks(view.detail, "second conversation: pricing")
    qtbot.keyClick(view.detail, Qt.Key.Key_Return)
    written()
    [contact] = services.contacts.list()
    assert len(services.cards.images_for(contact.id)) == 2
    assert len(services.encounters.for_contact(contact.id)) == 2
    # a third card of her, saved on purpose as someone else
    third = tmp_path / "jane-namesake.jpg"
    third.write_bytes(card.read_bytes())
    _scan(qtbot, view, [str(third)], 3)
    view.inbox.setCurrentRow(2)
    view.new_person_button.click()
    written()
    assert len(services.contacts.list()) == 2


def test_the_inbox_survives_a_restart_and_a_reviewed_card_shows_what_was_saved(
        qtbot, services, tmp_path: Path) -> None:
    card = jane_card(tmp_path / "jane.jpg")
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    view = ScanView(services)
    qtbot.addWidget(view)
    view.show()
    view.refresh()
    _scan(qtbot, view, [str(card), str(broken)], 2)
    view.fields["company"].setText("Northwind Logistics")  # the user fixes the company
    view.detail.setText("met at the booth")
    view.inbox.setCurrentRow(1)  # and looks at the other card: the fix stays with the first
    view.inbox.setCurrentRow(0)
    assert view.fields["company"].text() == "Northwind Logistics" and view.detail.text() == "met at the booth"
    view.inbox.setCurrentRow(1)
    view.hide()
    view.deleteLater()  # the app ends without a word (a crash): nothing is saved on the way out
    card.unlink()  # and the photo is moved away meanwhile

    again = ScanView(services)
    qtbot.addWidget(again)
    again.show()
    again.refresh()
    assert [item.status for item in again.items] == ["read", "failed"]
    again.inbox.setCurrentRow(0)
    assert again.fields["full_name"].text() == "Jane Whitfield"
    assert again.fields["company"].text() == "Northwind Logistics" and again.detail.text() == "met at the booth"
    assert again.image_label.pixmap() is not None and not again.image_label.pixmap().isNull()
    again.fields["title"].setText("VP Partnerships")
    qtbot.keyClick(again.detail, Qt.Key.Key_Return)
    written()
    [contact] = services.contacts.list()
    assert contact.company == "Northwind Logistics" and contact.title == "VP Partnerships"
    assert services.cards.images_for(contact.id)  # saved from the inbox's copy
    again.skip_current()
    third = ScanView(services)
    qtbot.addWidget(third)
    assert third.items == []  # saved or skipped: gone from the inbox
    again.inbox.setCurrentRow(1)
    again.inbox.setCurrentRow(0)  # the reviewed card shows what was saved, not the raw reading
    assert again.fields["company"].text() == "Northwind Logistics"
    assert again.fields["title"].text() == "VP Partnerships"
    assert "Saved" in again.match_label.text()


def _highlighted(view: ScanView) -> set[str]:
    marked = {name for name, box in view.fields.items() if box.property("lowConfidence")}
    if view.address.property("lowConfidence"):
        marked.add("address")
    return marked


def test_the_review_highlights_exactly_the_fields_the_reader_asks_to_check(
        qtbot, services, tmp_path: Path) -> None:
    view = ScanView(services)
    qtbot.addWidget(view)
    view.show()
    view.refresh()
    _scan(qtbot, view, [str(jane_card(tmp_path / "jane.jpg"))], 1)
    [item] = view.items
    assert isinstance(item.scan["check"], list)
    assert _highlighted(view) == set(item.scan["check"])
    # the reader's list decides, not the confidences
    item.scan["confidence"] = {name: 0.0 for name in item.scan["confidence"]}
    item.scan["check"] = []
    view._open_row(0)
    assert _highlighted(view) == set()
    plain = view.image_label.pixmap().toImage()
    item.scan["check"] = ["full_name", "address"]
    item.scan["address"] = "1 Harbour Way, Oakland"
    view._open_row(0)
    assert _highlighted(view) == {"full_name", "address"}
    assert view.image_label.pixmap().toImage() != plain  # the name's boxes are drawn dashed


def test_a_card_that_cannot_be_saved_is_opened_again_with_the_reason(qtbot, services, tmp_path: Path,
                                                                      monkeypatch) -> None:
    shown = []
    monkeypatch.setattr("netcompanion.gui.operation.show_error", lambda *args: shown.append(args[2]))
    view = ScanView(services)
    qtbot.addWidget(view)
    view.refresh()
    for name in ("Jane Whitfield", "Tom Berger"):  # two cards as the reader hands them over
        view._card_read((str(jane_card(tmp_path / f"{name}.jpg")), {"full_name": name, "check": []}, None))
    first = view.current
    view.fields["full_name"].clear()  # nothing left to call the contact by
    view.save_current()
    assert view.current is view.items[1]  # the next card opens at once
    written()
    assert shown == ["a contact needs a name, a company, an e-mail or a phone"]
    assert view.current is first and first.status == "read" and view.save_button.isEnabled()
    assert not services.contacts.list()


def test_a_card_of_someone_whose_job_changed_shows_both_and_the_card_wins(qtbot, services, tmp_path: Path) -> None:
    """Issue 17, item 3: the review shows the stored job and the card's; merging keeps the card's,
    and the old job is in the contact's history."""
    from netcompanion.core.services.contacts import ContactFields

    stored = services.contacts.add(ContactFields(full_name="Jane Whitfield", title="Logistics Analyst",
                                                 company="Blue Harbor Freight",
                                                 emails=["jane.whitfield@northwind-logistics.com"]))
    view = ScanView(services)
    qtbot.addWidget(view)
    view.show()
    view.refresh()
    _scan(qtbot, view, [str(jane_card(tmp_path / "jane.jpg"))], 1)
    text = view.match_label.text()
    assert "Logistics Analyst at Blue Harbor Freight" in text  # the stored job
    card_company = view.fields["company"].text()
    assert card_company and card_company in text  # beside the card's
    qtbot.keyClick(view.detail, Qt.Key.Key_Return)
    written()
    [contact] = services.contacts.list()
    assert contact.id == stored.id and contact.company == card_company
    assert "Blue Harbor Freight" in [entry.old_value for entry in services.contacts.history(contact.id)]


def test_cards_that_cannot_be_read_are_said_in_the_users_words(qtbot, services, tmp_path: Path) -> None:
    """Issue 17, item 13: a failed card says what is wrong with the file, and the status line does
    not say "Read 2 cards" when none was read."""
    whole = jane_card(tmp_path / "jane.jpg").read_bytes()
    cut = tmp_path / "cut-short.jpg"
    cut.write_bytes(whole[: len(whole) // 3])  # a copy that stopped a third of the way
    text = tmp_path / "notes.jpg"
    text.write_text("shopping list: milk, eggs")
    view = ScanView(services)
    qtbot.addWidget(view)
    view.show()
    view.refresh()
    _scan(qtbot, view, [str(cut), str(text)], 2)
    assert [item.status for item in view.items] == ["failed", "failed"]
    assert view.progress_label.text() == "None of the 2 cards could be read"
    view.inbox.setCurrentRow(0)
    shown = view.image_label.text() if view.image_label.pixmap().isNull() else view.raw_text.toPlainText()
    assert "damaged" in view.raw_text.toPlainText() or "damaged" in shown
    assert "Truncated" not in view.raw_text.toPlainText().split("(The reader said")[0]
    view.inbox.setCurrentRow(1)
    assert "not a picture" in view.raw_text.toPlainText()


def test_quitting_during_a_scan_asks_once(qtbot, services, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from netcompanion.gui.main_window import MainWindow

    window = MainWindow(services, offer_demo=False)
    qtbot.addWidget(window)
    window.show()
    card = jane_card(tmp_path / "jane.jpg")
    paths = []
    for number in range(4):
        copy = tmp_path / f"card{number}.jpg"
        copy.write_bytes(card.read_bytes())
        paths.append(str(copy))
    window.scan_cards(paths)
    qtbot.waitUntil(lambda: len(window.scan.items) >= 1, timeout=120_000)
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text, *a: asked.append(text)
                        or QMessageBox.StandardButton.No)
    window.close()
    assert len(asked) == 1 and window.isVisible()  # one question; the user stays
    window.scan.cancel()
    qtbot.waitUntil(lambda: not window.scan.job.running, timeout=120_000)
    window.close()
    assert len(asked) == 1 and not window.isVisible()  # the unsaved cards stay in the inbox, unasked


def test_enter_in_a_field_asks_for_the_detail_first_and_each_card_opens_at_its_top(
        qtbot, services, tmp_path: Path) -> None:
    """Issue 17, item 14: Enter in E-mails does not save the card without the conversation detail,
    and the next card does not keep the last one's scroll position."""
    card = jane_card(tmp_path / "jane.jpg")
    other = tmp_path / "other.jpg"
    other.write_bytes(card.read_bytes())
    view = ScanView(services)
    qtbot.addWidget(view)
    view.resize(900, 420)  # short: the review form scrolls
    view.show()
    view.refresh()
    _scan(qtbot, view, [str(card), str(other)], 2)
    view.inbox.setCurrentRow(0)
    qtbot.keyClick(view.fields["emails"], Qt.Key.Key_Return)
    written()
    assert services.contacts.list() == [] and view.current is view.items[0]  # nothing saved yet
    assert view.focusWidget() is view.detail
    bar = view.review_scroll.verticalScrollBar()
    assert bar.maximum() > 0, "the form must scroll for this test"
    bar.setValue(bar.maximum())
    qtbot.keyClicks(view.detail, "talked about cold-chain pilots")
    qtbot.keyClick(view.detail, Qt.Key.Key_Return)
    written()
    assert len(services.contacts.list()) == 1 and view.current is view.items[1]
    assert bar.value() == 0
