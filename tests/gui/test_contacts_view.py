"""The Contacts place: filters, the detail pane, bulk actions with undo, the table model."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from netcompanion.gui.contacts_model import ContactTableModel
from tests.gui.waiting import settled, written

# SQLite only, to keep the suite quick: the services under this view run on both databases in tests/core
pytestmark = pytest.mark.sqlite_only


def test_table_model_passes_qtmodeltester(qtmodeltester, demo_services) -> None:
    model = ContactTableModel()
    model.set_rows(demo_services.contact_table.rows())
    qtmodeltester.check(model)
    model.set_search("capital")
    model.sort(4, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)


def test_filters_by_goal_tier_event_and_sorts(qtbot, window, demo_services) -> None:
    window.navigation.setCurrentRow(2)
    view = settled(window.contacts)
    assert view.model.rowCount() == 40
    view.goal_filter.setCurrentIndex(view.goal_filter.findData("investor"))
    investors = [view.model.row_at(r) for r in range(view.model.rowCount())]
    assert investors and all("investor" in r.goals for r in investors) and len(investors) < 40
    view.goal_filter.setCurrentIndex(0)
    view.tier_filter.setCurrentIndex(view.tier_filter.findData("warm"))
    assert all(view.model.row_at(r).tier == "warm" for r in range(view.model.rowCount()))
    view.tier_filter.setCurrentIndex(0)
    expo = demo_services.events.get("Retail Tech Expo")
    view.event_filter.setCurrentIndex(view.event_filter.findData(expo.id))
    met = view.model.rowCount()
    assert 0 < met < 40
    view.event_filter.setCurrentIndex(0)
    view.model.sort(0, Qt.SortOrder.DescendingOrder)
    names = [view.model.row_at(r).full_name for r in range(view.model.rowCount())]
    assert names == sorted(names, key=str.casefold, reverse=True)
    assert view.count_label.text() == "40 of 40"


def test_edit_a_field_in_the_detail_pane_and_save(qtbot, window, demo_services) -> None:
    window.navigation.setCurrentRow(2)
    view = settled(window.contacts)
    contact_id = view.model.row_at(0).id
    view.select_contact(contact_id)
    assert view.detail.contact_id == contact_id
    view.detail.lines["title"].setText("Managing Partner")
    view.detail.texts["needs"].setPlainText("a co-investor for a logistics seed round")
    assert view.detail.save_button.shortcut().toString() == "Ctrl+S"
    view.detail.save_button.click()
    settled(view)
    saved = demo_services.contacts.get(contact_id)
    assert saved.title == "Managing Partner" and saved.needs.startswith("a co-investor")
    assert view.model.row_at(view.model.row_of(contact_id)).title == "Managing Partner"


def test_a_bad_phone_is_kept_as_typed_and_shown_as_not_checked(qtbot, window, demo_services, monkeypatch) -> None:
    shown = []
    monkeypatch.setattr("netcompanion.gui.operation.show_error", lambda *args: shown.append(args[2]))
    window.navigation.setCurrentRow(2)
    view = settled(window.contacts)
    contact_id = view.model.row_at(0).id
    view.select_contact(contact_id)
    view.detail.lists["phones"].setText("not a number (mobile)")
    view.detail.lines["birthday"].setText("--04-12")
    view.detail.save()
    written()
    assert not shown
    saved = demo_services.contacts.get(contact_id)
    assert [(p.e164, p.kind, p.checked) for p in saved.phones] == [("not a number", "mobile", False)]
    assert saved.birthday == "--04-12"
    assert "not a number" in settled(view).detail.unchecked.text()


def test_bulk_archive_asks_first_and_can_be_undone(qtbot, window, demo_services, monkeypatch) -> None:
    window.navigation.setCurrentRow(2)
    view = settled(window.contacts)
    view.table.selectRow(0)
    view.table.selectionModel().select(view.model.index(1, 0), view.table.selectionModel().SelectionFlag.Select
                                       | view.table.selectionModel().SelectionFlag.Rows)
    assert len(view.selected_ids()) == 2
    monkeypatch.setattr(QMessageBox, "exec", lambda self: None)  # the user closes the question: nothing happens
    view.archive_selected()
    assert view.model.rowCount() == 40
    monkeypatch.setattr("netcompanion.gui.views.contacts_view.confirm", lambda *args: True)
    view.archive_selected()
    assert settled(view).model.rowCount() == 38
    assert len(demo_services.contacts.list()) == 38
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert settled(view).model.rowCount() == 40 and len(demo_services.contacts.list()) == 40


def test_bulk_set_tier_and_tag_goal(qtbot, window, demo_services) -> None:
    window.navigation.setCurrentRow(2)
    view = settled(window.contacts)
    view.table.selectAll()
    ids = view.selected_ids()
    view._bulk_tier("inner", "Inner circle")
    settled(view)
    assert {c.tier for c in demo_services.contacts.list()} == {"inner"}
    window.undo()
    settled(view)
    assert len({c.tier for c in demo_services.contacts.list()}) > 1
    view.table.selectRow(0)
    first = view.selected_ids()[0]
    view._bulk_goal("hire", "Hire")
    settled(view)
    assert "hire" in [g.key for g in demo_services.contacts.get(first).goals]
    assert "hire" in view.model.row_at(view.model.row_of(first)).goals
    assert len(ids) == 40


def test_detail_shows_encounters_and_interactions(qtbot, window, demo_services) -> None:
    met = demo_services.contacts.list(event="Retail Tech Expo")[0]
    window.navigation.setCurrentRow(2)
    settled(window.contacts).select_contact(met.id)
    history = [window.contacts.detail.history.item(i).text() for i in range(window.contacts.detail.history.count())]
    assert any("Retail Tech Expo" in line for line in history)


GOOGLE_CSV = ("Name,Given Name,Family Name,Organization 1 - Name,Organization 1 - Title,E-mail 1 - Type,"
              "E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value\n"
              "Lena Vogt,Lena,Vogt,Elbe Capital,General Partner,* Work,lena@elbe.vc,Mobile,+49 171 5550101\n"
              "Amara Okafor,Amara,Okafor,Northwind Ventures,General Partner,* Work,amara.okafor@northwind.vc,,\n")


def test_import_a_file_in_the_background_merges_and_reports(qtbot, window, demo_services, tmp_path, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    path = tmp_path / "google.csv"
    path.write_text(GOOGLE_CSV, encoding="utf-8")
    shown = []
    monkeypatch.setattr(QMessageBox, "open", lambda self: shown.append(self.text()))
    window.navigation.setCurrentRow(2)
    view = settled(window.contacts)
    view.import_file(str(path))
    qtbot.waitUntil(lambda: view.import_button.isEnabled(), timeout=60_000)
    assert shown and "1 added, 0 merged, 1 unchanged" in shown[0]
    assert settled(view).model.total == 41  # Amara was merged, not duplicated
    assert [c.full_name for c in demo_services.contacts.list(search="elbe")] == ["Lena Vogt"]


def test_export_the_selection_as_vcard(qtbot, window, demo_services, tmp_path, monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "picked.vcf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target), "vCard (*.vcf)"))
    messages = []
    window.navigation.setCurrentRow(2)
    view = settled(window.contacts)
    view.status.connect(messages.append)
    view.table.selectRow(0)
    view.table.selectionModel().select(view.model.index(1, 0), view.table.selectionModel().SelectionFlag.Select
                                       | view.table.selectionModel().SelectionFlag.Rows)
    names = [view.model.row_at(0).full_name, view.model.row_at(1).full_name]
    view.export_contacts()
    qtbot.waitUntil(lambda: any(m.startswith("Exported") for m in messages), timeout=30_000)
    text = target.read_text(encoding="utf-8")
    assert text.count("BEGIN:VCARD") == 2 and all(name in text for name in names)


def test_changed_elsewhere_offers_reload_or_overwrite(qtbot, window, demo_services, monkeypatch) -> None:
    window.navigation.setCurrentRow(2)
    detail = settled(window.contacts).detail
    contact_id = window.contacts.model.row_at(0).id
    window.contacts.select_contact(contact_id)
    demo_services.contacts.update(contact_id, notes="written by the command line")  # elsewhere
    detail.lines["title"].setText("Mine")
    monkeypatch.setattr(type(detail), "_overwrite_after_conflict", lambda self, message: False)
    detail.save()
    written()
    assert detail.texts["notes"].toPlainText() == "written by the command line"  # reloaded
    assert demo_services.contacts.get(contact_id).title != "Mine"
    detail.lines["title"].setText("Mine")
    demo_services.contacts.update(contact_id, notes="again")
    monkeypatch.setattr(type(detail), "_overwrite_after_conflict", lambda self, message: True)
    detail.save()
    written()
    assert demo_services.contacts.get(contact_id).title == "Mine"
