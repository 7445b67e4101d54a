"""The Plan tab as a user meets it: the header follows the targets, the Met tab says why it is
empty, the Why box is wide enough to write in, the import shows the platform and its questions,
and the user's own contacts on the list are named first."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from netcompanion.core.services import ContactFields
from netcompanion.gui.views.planning_tab import ColumnMappingDialog
from tests.gui.waiting import written

pytestmark = pytest.mark.sqlite_only

EVENTBRITE = (
    "Order #,Order Date,First Name,Last Name,Email,Ticket Type,Attendee #,Job Title,Company,"
    "What are you looking for?,Attendee Status\n"
    "1001,2026-10-01,Lena,Vogt,lena@elbe.example,General,9001,General Partner,Elbe Ventures,Seed deals in logistics,Attending\n"
    "1002,2026-10-01,Ruth,Adams,ruth@tidewater.example,General,9002,Investor Relations Manager,"
    "Tidewater Shipping plc,Meeting the investment community,Attending\n"
    "1003,2026-10-02,Tom,Berger,tom@example.com,Student,9003,Student,TU Hamburg,Looking for a mentor,Attending\n"
)


def _open(window, event_id: int) -> None:
    window.navigation.setCurrentRow(3)
    window.events.refresh()
    window.events.show_event(event_id)


def test_the_header_counts_targets_as_soon_as_they_are_added(qtbot, window, demo_services) -> None:
    event = demo_services.events.add("Seed Summit", "investor", start="2026-12-10T09:00Z", target_count=2)
    _open(window, event.id)
    assert window.events.results.text().endswith("targets met 0 of 0 planned")
    planning = window.planning
    planning.rank_contacts()
    planning.ranked_table.selectRow(0)
    planning.add_selected()
    written()
    assert window.events.results.text().endswith("targets met 0 of 1 planned")
    planning.select_target_row(0)
    planning.target_status.setCurrentIndex(planning.target_status.findData("met"))
    planning.save_target()
    written()
    assert window.events.results.text().endswith("targets met 1 of 1 planned")
    planning.select_target_row(0)
    planning.remove_target()
    written()
    assert window.events.results.text().endswith("targets met 0 of 0 planned")


def test_the_met_tab_says_why_it_is_empty(qtbot, window, demo_services) -> None:
    event = demo_services.events.add("Seed Summit", "investor", start="2026-12-10T09:00Z")
    _open(window, event.id)
    events = window.events
    events.tabs.setCurrentIndex(events.tabs.indexOf(events.met_stack))
    assert events.met_stack.currentWidget() is events.met_hint and events.met_hint.isVisible()
    assert "Nobody met at this event yet" in events.met_hint.text()
    demo_services.contacts.add(ContactFields(full_name="Ada Park", company="Park Angels"), event=event.id)
    events.show_event(event.id)
    assert events.met_stack.currentWidget() is events.met_list and events.met_list.count() == 1


def test_the_why_box_is_wide_enough_to_write_in(qtbot, window, demo_services) -> None:
    window.resize(1024, 700)  # the smallest the window goes
    event = demo_services.events.add("Seed Summit", "investor", start="2026-12-10T09:00Z")
    _open(window, event.id)
    planning = window.planning
    planning.rank_contacts()
    planning.ranked_table.selectRow(0)
    planning.add_selected()
    written()
    planning.select_target_row(0)
    qtbot.waitUntil(lambda: planning.why.isEnabled())
    panel = planning.why.parentWidget()
    assert planning.why.width() >= 220, planning.why.width()  # about 30 characters: a sentence, not 3 words
    assert planning.why.width() >= 0.85 * panel.width()
    assert planning.why.width() == planning.research.width() == planning.talking.width()


def test_import_shows_the_platform_and_its_questions(qtbot, window, demo_services, tmp_path: Path,
                                                     monkeypatch) -> None:
    event = demo_services.events.add("Seed Summit", "investor", start="2026-12-10T09:00Z")
    csv = tmp_path / "eventbrite.csv"
    csv.write_text(EVENTBRITE, encoding="utf-8")
    _open(window, event.id)
    seen = {}

    def answer(dialog: ColumnMappingDialog) -> int:
        seen["platform"] = dialog.platform_label.text()
        seen["mapping"] = dialog.mapping()
        seen["questions"] = dialog.questions()
        columns = [dialog.question_list.item(row).text() for row in range(dialog.question_list.count())]
        seen["offered"] = columns
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ColumnMappingDialog, "exec", answer)
    planning = window.planning
    planning.import_attendees(str(csv))
    qtbot.waitUntil(lambda: len(planning.ranked) == 3, timeout=20_000)
    assert "Eventbrite" in seen["platform"]
    assert seen["mapping"]["name"] == "First Name" and seen["mapping"]["title"] == "Job Title"
    assert seen["questions"] == ["What are you looking for?"]
    assert "Order #" not in seen["offered"] and "Attendee #" not in seen["offered"]  # bookkeeping left out
    names = [planning.ranked_table.item(row, 1).text() for row in range(3)]
    assert names[0] == "Lena Vogt"
    ruth = next(r for r in planning.ranked if r.attendee["name"] == "Ruth Adams")
    assert any(reason.startswith("Not an investor: investor relations") for reason in ruth.fit.reasons)
    assert planning.ranked[0].attendee["answers"] == {"What are you looking for?": "Seed deals in logistics"}
    assert "Order #" not in seen["offered"] and "First Name" not in seen["offered"]  # fields are not questions
    planning.ranked_table.selectRow(names.index("Ruth Adams"))
    assert planning.evidence.text().startswith("Ruth Adams:\nNot an investor: investor relations")


def test_the_users_contacts_on_the_list_are_named_first(qtbot, window, demo_services, tmp_path: Path) -> None:
    event = demo_services.events.add("Seed Summit", "investor", start="2026-12-10T09:00Z")
    known = demo_services.contacts.add(ContactFields(full_name="Tom Berger", company="TU Hamburg", tier="warm",
                                                     emails=["tom@example.com"]))
    demo_services.interactions.log(known.id, "email", "sent the deck", happened_at="2026-11-20T10:00Z")
    csv = tmp_path / "eventbrite.csv"
    csv.write_text(EVENTBRITE, encoding="utf-8")
    _open(window, event.id)
    planning = window.planning
    planning.import_attendees(str(csv), mapping={}, questions=None)
    qtbot.waitUntil(lambda: len(planning.ranked) == 3, timeout=20_000)
    assert planning.network.isVisible()
    assert planning.network.text() == "Your contacts attending (1): Tom Berger (warm, last contact 2026-11-20)"
    row = next(n for n, r in enumerate(planning.ranked) if r.contact_id == known.id)
    assert planning.ranked_table.item(row, 1).text() == "Tom Berger ✓ warm"


def test_what_you_sell_is_kept_for_the_event_and_ranks_again(qtbot, window, demo_services) -> None:
    event = demo_services.events.add("Retail Expo", "client", start="2026-12-10T09:00Z")
    _open(window, event.id)
    planning = window.planning
    assert planning.offer.isVisibleTo(planning) and not planning.hiring_for.isVisibleTo(planning)
    planning.rank_contacts()
    planning.offer.setText("route planning software for grocery retailers")
    planning.offer.editingFinished.emit()
    written()
    assert demo_services.preferences.get().planning_brief(event.id)["offer"].startswith("route planning")
    assert demo_services.planning.context(event.id).offer.startswith("route planning")
    assert planning.ranked  # ranked again with the offer
