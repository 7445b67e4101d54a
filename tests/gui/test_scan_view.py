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
    assert view.progress_label.text() == "Cancelled"


def test_a_card_of_someone_known_is_merged_not_duplicated(qtbot, services, tmp_path: Path) -> None:
    services.events.add("Logistics Expo", "client", start="2026-03-01T09:00Z", end="2026-03-02T17:00Z")
    view = ScanView(services)
    qtbot.addWidget(view)
    view.refresh()
    card = jane_card(tmp_path / "jane.jpg")
    _scan(qtbot, view, [str(card)], 1)
    assert not view.merge_button.isVisibleTo(view)  # nobody like her yet
    view.save_current()
    written()
    copy = tmp_path / "jane-again.jpg"
    copy.write_bytes(card.read_bytes())
    _scan(qtbot, view, [str(copy)], 2)
    view.inbox.setCurrentRow(1)
    assert view.merge_button.isVisibleTo(view) and "Jane Whitfield" in view.match_label.text()
    view.detail.setText("second conversation: pricing")
    view.merge_current()
    written()
    [contact] = services.contacts.list()
    assert len(services.cards.images_for(contact.id)) == 2
    assert len(services.encounters.for_contact(contact.id)) == 2


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
