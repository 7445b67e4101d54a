"""The Settings dialog, driven as a user would: Ctrl+, opens it; a switch changed there is stored and
the tray and its notifier follow it at once; the calendar feed and 'Start at login' are written and
removed; templates are edited with a live preview, saved (and used by the next draft), reset after
a confirmation and brought back by Undo."""
from __future__ import annotations

from datetime import timedelta, timezone

import pytest
from PySide6.QtCore import QPoint, Qt, QTime, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QCheckBox

from netcompanion.autostart import autostart_file
from netcompanion.core import settings as paths
from netcompanion.core.clock import utcnow
from netcompanion.core.rules import templates as wording
from netcompanion.core.services import ContactFields
from netcompanion.gui.notifications import TrayNotifier
from netcompanion.gui.settings_dialog import SettingsDialog
from netcompanion.gui.tray import TrayController

pytestmark = pytest.mark.sqlite_only  # about the desktop, not the database


def answer_next_box(qtbot, button: str) -> list[str]:
    """Click `button` on the next modal box (a confirmation or question) once it shows; returns
    the texts of the boxes answered."""
    asked: list[str] = []

    def click() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(20, click)
            return
        asked.append(box.property("text") or "")
        [chosen] = [b for b in box.findChildren(QAbstractButton) if b.text().replace("&", "") == button]
        chosen.click()

    QTimer.singleShot(0, click)
    return asked


@pytest.fixture
def no_notification_server(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")  # Qt's tray message then


@pytest.fixture
def tray(window, demo_services, no_notification_server) -> TrayController:
    demo_services.reminders.update(quiet_hours=False)
    controller = TrayController(demo_services, window, zone=timezone.utc)
    window.tray_controller = controller
    return controller


def open_dialog(qtbot, window) -> SettingsDialog:
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    dialog = window.settings_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    qtbot.waitUntil(dialog.isActiveWindow)  # asked for by open_settings; the platform grants it a moment later
    return dialog


def click(qtbot, widget) -> None:  # noqa: ANN001 (a button, or a checkbox: on its box)
    at = QPoint(8, widget.height() // 2) if isinstance(widget, QCheckBox) else widget.rect().center()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=at)


def test_ctrl_comma_opens_settings_and_the_tray_follows_the_switches(qtbot, window, demo_services, tray) -> None:
    assert isinstance(tray.notifier, TrayNotifier)
    dialog = open_dialog(qtbot, window)
    assert dialog.switches["notifications"].isChecked() and not dialog.switches["quiet_hours"].isChecked()

    click(qtbot, dialog.switches["notifications"])
    assert demo_services.reminders.get().notifications is False
    assert not tray.switches["notifications"].isChecked()  # the tray menu shows the same
    assert not dialog.switches["quiet_hours"].isEnabled()  # no notifications: no quiet hours to set
    tray.refresh()
    assert tray.notifier.shown is None and tray.due_today > 0  # items are due, but nothing is shown

    click(qtbot, dialog.switches["notifications"])
    tray.refresh()
    assert tray.notifier.shown is not None and "follow-ups are due" in tray.notifier.shown[0]

    click(qtbot, dialog.switches["tray"])
    assert demo_services.reminders.get().tray is False and not tray.tray.isVisible()
    click(qtbot, dialog.switches["tray"])
    assert tray.tray.isVisible()
    assert dialog.message.text() == "Saved."
    tray.switches["close_to_tray"].trigger()  # ticked in the tray icon's menu: the dialog shows it
    assert demo_services.reminders.get().close_to_tray and dialog.switches["close_to_tray"].isChecked()


def test_quiet_hours_set_in_the_dialog_hold_the_notification(qtbot, window, demo_services, tray) -> None:
    dialog = open_dialog(qtbot, window)
    click(qtbot, dialog.switches["quiet_hours"])
    now = utcnow()
    start, end = (now - timedelta(hours=1)).astimezone(tray.zone), (now + timedelta(hours=1)).astimezone(tray.zone)
    for edit, when in ((dialog.quiet_start, start), (dialog.quiet_end, end)):
        edit.setFocus()
        edit.setTime(QTime(when.hour, when.minute))
        edit.editingFinished.emit()
    stored = demo_services.reminders.get()
    assert stored.quiet_hours and stored.quiet_start == start.strftime("%H:%M") and stored.quiet_end == end.strftime(
        "%H:%M")
    tray.refresh()
    assert tray.notifier.shown is None  # within the quiet hours
    click(qtbot, dialog.switches["quiet_hours"])
    tray.refresh()
    assert tray.notifier.shown is not None


def test_start_at_login_writes_and_removes_the_autostart_entry(qtbot, window, tray) -> None:
    dialog = open_dialog(qtbot, window)
    click(qtbot, dialog.switches["start_at_login"])
    assert autostart_file().is_file() and "Exec=" in autostart_file().read_text(encoding="utf-8")
    assert tray.switches["start_at_login"].isChecked()
    click(qtbot, dialog.switches["start_at_login"])
    assert not autostart_file().exists()


def test_calendar_feed_and_alarm_offset(qtbot, window, demo_services) -> None:
    dialog = open_dialog(qtbot, window)  # without a tray: the dialog stores the settings itself
    dialog.tabs.setCurrentIndex(1)
    feed = paths.feed_file()
    assert not feed.exists() and not dialog.feed_kind.isEnabled()
    click(qtbot, dialog.switches["feed"])
    assert feed.is_file() and "TRIGGER;RELATED=END:P0D" in feed.read_text(encoding="utf-8")  # at the due time
    assert dialog.feed_kind.isEnabled()
    dialog.alarm_minutes.setFocus()
    dialog.alarm_minutes.setValue(30)
    dialog.alarm_minutes.editingFinished.emit()
    assert demo_services.reminders.get().alarm_minutes_before == 30
    assert "TRIGGER;RELATED=END:-PT30M" in feed.read_text(encoding="utf-8")  # rewritten at once
    click(qtbot, dialog.switches["calendar_alarms"])
    assert "VALARM" not in feed.read_text(encoding="utf-8") and not dialog.alarm_minutes.isEnabled()
    click(qtbot, dialog.switches["feed"])
    assert not feed.exists() and demo_services.reminders.get().feed is False


def test_name_and_language_of_the_drafts(qtbot, window, demo_services) -> None:
    dialog = open_dialog(qtbot, window)
    dialog.tabs.setCurrentIndex(2)
    dialog.my_name.setFocus()
    qtbot.keyClicks(dialog.my_name, "Max Muster")
    qtbot.keyClick(dialog.my_name, Qt.Key.Key_Return)
    assert demo_services.drafts.get().my_name == "Max Muster"
    dialog.language.setCurrentIndex(dialog.language.findData("de"))
    dialog.language.activated.emit(dialog.language.currentIndex())
    assert demo_services.drafts.get().user_language == "de"
    editor = dialog.templates
    assert editor.lang.currentData() == "de" and editor.editor.toPlainText() == wording.SHIPPED["post_event"]["de"]
    qtbot.waitUntil(lambda: editor.preview.toPlainText().endswith("Viele Grüße\nMax Muster"))


def choose(combo, data) -> None:  # noqa: ANN001
    combo.setCurrentIndex(combo.findData(data))
    combo.activated.emit(combo.currentIndex())


def test_edit_a_template_with_live_preview_and_the_next_draft_uses_it(qtbot, window, demo_services) -> None:
    dialog = open_dialog(qtbot, window)
    dialog.tabs.setCurrentIndex(3)
    editor = dialog.templates
    choose(editor.kind, "post_event")
    assert not editor.save_button.isEnabled() and not editor.reset_button.isEnabled()
    editor.editor.selectAll()
    editor.editor.setFocus()
    qtbot.keyClicks(editor.editor, "Hey ")
    click(qtbot, editor.placeholder_buttons["first_name"])
    qtbot.keyClicks(editor.editor, ", still thinking about ")
    click(qtbot, editor.placeholder_buttons["detail"])
    qtbot.keyClicks(editor.editor, ".")
    assert editor.editor.toPlainText() == "Hey {first_name}, still thinking about {detail}."
    qtbot.waitUntil(lambda: editor.preview.toPlainText() == "Hey Jane, still thinking about your plan to open a "
                    "lab in Lyon.")

    ada = demo_services.contacts.add(ContactFields(full_name="Ada Lovelace", given_name="Ada"))
    demo_services.encounters.add(ada.id, detail="the analytical engine")
    qtbot.keyClicks(editor.contact_filter, "Lovelace")
    assert editor.contact.count() == 2
    editor.contact.setCurrentIndex(1)
    qtbot.waitUntil(lambda: editor.preview.toPlainText() == "Hey Ada, still thinking about the analytical engine.")

    qtbot.keyClicks(editor.editor, " {firstname}")
    assert "{firstname}" in editor.warning.text() and not editor.save_button.isEnabled()
    for _ in " {firstname}":
        qtbot.keyClick(editor.editor, Qt.Key.Key_Backspace)
    assert editor.editor.toPlainText() == "Hey {first_name}, still thinking about {detail}."
    click(qtbot, editor.save_button)
    assert demo_services.drafts.custom_template("post_event", "en") == "Hey {first_name}, still thinking about {detail}."
    assert editor.reset_button.isEnabled() and editor.origin.text().startswith("Your own template")

    bob = demo_services.contacts.add(ContactFields(full_name="Bob Babbage", given_name="Bob"))
    demo_services.encounters.add(bob.id, detail="difference engines")
    [draft] = [i.draft for i in demo_services.followups.queue(include_all=True) if i.contact_id == bob.id]
    assert draft == "Hey Bob, still thinking about difference engines."


def test_reset_asks_first_and_can_be_undone(qtbot, window, demo_services) -> None:
    demo_services.drafts.set_template("keep_in_touch", "Yo {first_name}", lang="fr")
    dialog = open_dialog(qtbot, window)
    dialog.tabs.setCurrentIndex(3)
    editor = dialog.templates
    choose(editor.kind, "keep_in_touch")
    choose(editor.lang, "fr")
    assert editor.editor.toPlainText() == "Yo {first_name}"

    asked = answer_next_box(qtbot, "Cancel")
    click(qtbot, editor.reset_button)
    assert asked and "Keep in touch" in asked[0]
    assert demo_services.drafts.custom_template("keep_in_touch", "fr") == "Yo {first_name}"  # kept

    answer_next_box(qtbot, "Reset")
    click(qtbot, editor.reset_button)
    assert demo_services.drafts.custom_template("keep_in_touch", "fr") is None
    assert editor.editor.toPlainText() == wording.SHIPPED["keep_in_touch"]["fr"]
    assert editor.undo_button.isVisible() and not editor.reset_button.isEnabled()
    qtbot.waitUntil(lambda: editor.preview.toPlainText().startswith("Bonjour Jane,"))

    click(qtbot, editor.undo_button)
    assert demo_services.drafts.custom_template("keep_in_touch", "fr") == "Yo {first_name}"
    assert editor.editor.toPlainText() == "Yo {first_name}" and not editor.undo_button.isVisible()


def test_unsaved_edits_are_never_dropped_silently(qtbot, window, demo_services) -> None:
    dialog = open_dialog(qtbot, window)
    dialog.tabs.setCurrentIndex(3)
    editor = dialog.templates
    editor.editor.setFocus()
    qtbot.keyClicks(editor.editor, "P.S. ")
    answer_next_box(qtbot, "Cancel")
    choose(editor.kind, "reintroduce")
    assert editor.kind.currentData() == "post_event" and editor.editor.toPlainText().startswith("P.S. Hi")

    answer_next_box(qtbot, "Save")
    choose(editor.goal, demo_services.goals.list()[0].key)
    goal = demo_services.goals.list()[0].key
    assert demo_services.drafts.custom_template("post_event", "en", None).startswith("P.S. Hi")
    assert editor.shown == ("post_event", "en", goal)
    assert editor.origin.text().startswith("This goal has no template of its own")

    qtbot.keyClicks(editor.editor, "Only for this goal.")
    answer_next_box(qtbot, "Discard")
    dialog.close()
    assert not dialog.isVisible()
    assert demo_services.drafts.custom_template("post_event", "en", goal) is None


def test_the_dialog_fits_a_small_screen(qtbot, window) -> None:
    dialog = open_dialog(qtbot, window)
    for index in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(index)
        needed = dialog.minimumSizeHint()
        assert needed.width() <= 1000 and needed.height() <= 640, (dialog.tabs.tabText(index), needed)


def test_a_contacts_draft_language_is_set_in_the_detail_pane(qtbot, window, demo_services) -> None:
    from tests.gui.waiting import settled

    window.navigation.setCurrentRow(2)
    view = settled(window.contacts)
    contact_id = view.model.row_at(0).id
    view.select_contact(contact_id)
    detail = view.detail
    assert detail.language.currentData() is None  # the user's language
    detail.language.setCurrentIndex(detail.language.findData("fr"))
    detail.save_button.click()
    settled(view)
    assert demo_services.drafts.get().language_of(contact_id) == "fr"
    demo_services.encounters.add(contact_id, detail="votre projet à Lyon")
    [draft] = [i.draft for i in demo_services.followups.queue(include_all=True)
               if i.contact_id == contact_id and i.kind == "post_event" and "Lyon" in i.draft]
    assert "Je repense souvent à votre projet à Lyon." in draft
    detail.language.setCurrentIndex(0)
    detail.save_button.click()
    settled(view)
    assert demo_services.drafts.get().language_of(contact_id) == "en"


def test_enter_in_a_field_presses_no_button(qtbot, window) -> None:
    from PySide6.QtWidgets import QPushButton

    dialog = open_dialog(qtbot, window)
    assert not [b.text() for b in dialog.findChildren(QPushButton) if b.autoDefault() or b.isDefault()]
