"""The Events place: add an event, plan it from an attendee CSV, keep targets with their why."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from netcompanion.gui.views.event_dialog import EventDialog
from netcompanion.gui.views.planning_tab import ColumnMappingDialog
from tests.gui.waiting import written

# SQLite only, to keep the suite quick: the services under this view run on both databases in tests/core
pytestmark = pytest.mark.sqlite_only

ATTENDEES = (
    "Teilnehmer;Position;Firma;E-Mail;Über mich\n"
    "Lena Vogt;General Partner;Elbe Capital;lena@elbe.vc;Leads seed rounds in logistics and mobility\n"
    "Tom Berger;Student;TU Hamburg;tom@tuhh.de;Interested in robotics\n"
    "Ana Lima;Angel Investor;;ana@lima.pt;Angel, invests in B2B SaaS\n"
)


def test_new_event_dialog_saves_an_event(qtbot, window, demo_services) -> None:
    window.navigation.setCurrentRow(3)
    dialog = EventDialog(demo_services, parent=window)
    qtbot.addWidget(dialog)
    dialog.name.setText("Seed Summit")
    dialog.goal.setCurrentIndex(dialog.goal.findData("investor"))
    dialog.target.setValue(4)
    dialog.location.setText("Lisbon")
    dialog.accept()
    written()
    assert dialog.result() == QDialog.DialogCode.Accepted
    event = demo_services.events.get("Seed Summit")
    assert event.goal.key == "investor" and event.target_count == 4 and event.location == "Lisbon"


def test_empty_event_name_is_refused_with_a_message(qtbot, window, demo_services, monkeypatch) -> None:
    shown = []
    monkeypatch.setattr("netcompanion.gui.operation.show_error", lambda *args: shown.append(args[2]))
    dialog = EventDialog(demo_services, parent=window)
    qtbot.addWidget(dialog)
    dialog.accept()
    written()
    assert shown == ["event name must not be empty"] and dialog.result() != QDialog.DialogCode.Accepted


def test_plan_from_attendee_csv_with_column_mapping(qtbot, window, demo_services, tmp_path: Path, monkeypatch) -> None:
    event = demo_services.events.add("Seed Summit", "investor", start="2026-12-10T09:00Z", target_count=2)
    csv = tmp_path / "attendees.csv"
    csv.write_bytes(ATTENDEES.encode("cp1252"))
    window.navigation.setCurrentRow(3)
    window.events.refresh()
    window.events.show_event(event.id)
    planning = window.planning

    asked = {}

    def answer(dialog: ColumnMappingDialog) -> int:
        asked.update({key: combo.currentData() for key, combo in dialog.combos.items()})
        dialog.combos["bio"].setCurrentIndex(dialog.combos["bio"].findData("Über mich"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ColumnMappingDialog, "exec", answer)
    planning.import_attendees(str(csv))
    qtbot.waitUntil(lambda: len(planning.ranked) == 3, timeout=20_000)
    assert asked["name"] == "Teilnehmer" and asked["email"] == "E-Mail"
    names = [planning.ranked_table.item(row, 1).text() for row in range(3)]
    assert names[-1] == "Tom Berger"  # a student fits an investor goal least
    assert planning.ranked_table.item(0, 3).text()  # the reason is shown

    planning.ranked_table.selectRow(0)
    planning.add_selected()
    written()
    [target] = demo_services.planning.targets(event.id)
    assert target.name == names[0]
    planning.select_target_row(0)
    planning.why.setPlainText("their fund led two seed rounds in logistics")
    planning.talking.setPlainText("ask about the Hamburg port pilot")
    planning.save_target()
    written()
    [target] = demo_services.planning.targets(event.id)
    assert target.why.startswith("their fund") and target.talking_points.startswith("ask about")


def test_broken_attendee_file_gives_a_message(qtbot, window, demo_services, tmp_path: Path, monkeypatch) -> None:
    event = demo_services.events.add("Seed Summit", "investor", start="2026-12-10T09:00Z")
    csv = tmp_path / "broken.csv"
    csv.write_text("Name,Company\nLena Vogt,Elbe Capital,extra,cells\n", encoding="utf-8")
    shown = []
    monkeypatch.setattr("netcompanion.gui.views.planning_tab.show_error", lambda *args: shown.append(args[2]))
    monkeypatch.setattr(ColumnMappingDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    window.events.show_event(event.id)
    window.planning.import_attendees(str(csv))
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    assert "line 2" in shown[0]
