"""The Settings dialog (Ctrl+,): reminders, the calendar export and feed, the drafts and their templates.

Every change is stored as soon as it is made (one transaction each, through the core services), as
desktop settings dialogs do, and everything can be switched off. The reminder settings go through
`TrayController.change` when the window has a tray, so the tray, the checks and the notification
follow at once; the templates are edited in `TemplateEditor`.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from netcompanion.core import settings as paths
from netcompanion.core.errors import NetCompanionError
from netcompanion.core.rules.templates import LANGUAGE_NAMES
from netcompanion.core.services import Services
from netcompanion.core.services.reminders import ReminderSettings
from netcompanion.gui.template_editor import TemplateEditor
from netcompanion.gui.tray import change_reminder_setting
from netcompanion.gui.widgets import plain_label

if TYPE_CHECKING:
    from netcompanion.gui.tray import TrayController

SWITCHES = (  # (setting, label, tab)
    ("tray", "Show reminders in the tray: an icon with the number of follow-ups due today", "reminders"),
    ("notifications", "Desktop notification when a follow-up falls due", "reminders"),
    ("quiet_hours", "Quiet hours: no notification between", "reminders"),
    ("close_to_tray", "Keep running in the tray when the window is closed", "reminders"),
    ("start_at_login", "Start NetCompanion when I log in", "reminders"),
    ("calendar_alarms", "Exported calendars carry an alarm on every follow-up", "calendar"),
    ("feed", "Keep a calendar feed of the open follow-ups up to date", "calendar"),
)
TIME_FORMAT = "HH:mm"


class SettingsDialog(QDialog):
    """The app's settings, in three tabs: Reminders, Calendar, Drafts (with the template editor)."""

    changed = Signal()  # a setting was stored: the views may read again

    def __init__(self, services: Services, tray: TrayController | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.tray: TrayController | None = None
        self.setWindowTitle("Settings")
        self.switches: dict[str, QCheckBox] = {}
        self.message = plain_label("", "hint", wrap=True)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._reminders_tab(), "&Reminders")
        self.tabs.addTab(self._calendar_tab(), "&Calendar")
        self.tabs.addTab(self._drafts_tab(), "&Drafts")
        self.templates = TemplateEditor(services)
        self.templates.status.connect(self.message.setText)
        self.tabs.addTab(self.templates, "&Templates")
        self.tabs.currentChanged.connect(lambda index: self.templates.editor.setFocus()
                                         if self.tabs.widget(index) is self.templates else None)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        for button in self.findChildren(QPushButton):  # Enter in a field does not press a random button
            button.setAutoDefault(False)
        self.use_tray(tray)
        self.load()
        self.resize(760, 600)

    def use_tray(self, tray: TrayController | None) -> None:
        """Store the reminder settings through `tray`, and show what its menu switches too."""
        if tray is self.tray:
            return
        if self.tray is not None:
            self.tray.settings_changed.disconnect(self.load)
        self.tray = tray
        if tray is not None:
            tray.settings_changed.connect(self.load)

    # building
    def _switch(self, name: str, label: str) -> QCheckBox:
        box = QCheckBox(label)
        box.toggled.connect(lambda on, key=name: self.change(key, on))
        self.switches[name] = box
        return box

    def _reminders_tab(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        for name, label, tab in SWITCHES:
            if tab == "reminders" and name != "quiet_hours":
                column.addWidget(self._switch(name, label))
        self.quiet_start, self.quiet_end = QTimeEdit(), QTimeEdit()
        row = QHBoxLayout()
        row.addWidget(self._switch("quiet_hours", SWITCHES[2][1]))
        for edit, name, joiner in ((self.quiet_start, "quiet_start", "and"), (self.quiet_end, "quiet_end", "")):
            edit.setDisplayFormat(TIME_FORMAT)
            edit.setAccessibleName(name.replace("_", " "))
            edit.editingFinished.connect(lambda e=edit, key=name: self.change(key, e.time().toString(TIME_FORMAT)))
            row.addWidget(edit)
            if joiner:
                row.addWidget(QLabel(joiner))
        row.addStretch(1)
        column.insertLayout(2, row)
        column.addWidget(plain_label("Notifications are grouped: at most one is on screen, with Open, Snooze "
                                     "1 day and Done where the desktop offers them.", "hint", wrap=True))
        column.addStretch(1)
        return page

    def _calendar_tab(self) -> QWidget:
        page = QWidget()
        self.alarm_minutes = QSpinBox()
        self.alarm_minutes.setRange(0, 7 * 24 * 60)
        self.alarm_minutes.setSingleStep(15)
        self.alarm_minutes.setSuffix(" minutes before")
        self.alarm_minutes.setSpecialValueText("At the due time")
        self.alarm_minutes.setAccessibleName("alarm minutes before the due time")
        self.alarm_minutes.editingFinished.connect(
            lambda: self.change("alarm_minutes_before", self.alarm_minutes.value()))
        self.feed_kind = QComboBox()
        self.feed_kind.addItem("To-dos (VTODO)", "todo")
        self.feed_kind.addItem("Events (VEVENT)", "event")
        self.feed_kind.activated.connect(lambda: self.change("feed_kind", self.feed_kind.currentData()))
        feed_path = plain_label(f"Feed file: {paths.feed_file()}", wrap=True)
        feed_path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self._switch("calendar_alarms", SWITCHES[5][1]))
        form.addRow("The alarm rings", self.alarm_minutes)
        form.addRow(self._switch("feed", SWITCHES[6][1]))
        form.addRow("The feed holds", self.feed_kind)
        form.addRow(feed_path)
        form.addRow(plain_label("Subscribe to the feed file once as a local calendar (Thunderbird, Evolution, "
                                "GNOME Calendar); it is rewritten whenever the follow-ups change. Switching "
                                "the feed off removes the file, so no stale alarm rings.", "hint", wrap=True))
        return page

    def _drafts_tab(self) -> QWidget:
        page = QWidget()
        self.my_name = QLineEdit()
        self.my_name.setPlaceholderText("The name signed under your drafts ({my_name})")
        self.my_name.editingFinished.connect(self._name_changed)
        self.language = QComboBox()
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.activated.connect(self._language_changed)
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.my_name.setMinimumWidth(320)
        form.addRow("Your &name", self.my_name)
        form.addRow("Draft &language", self.language)
        form.addRow(plain_label("Drafts to a contact are written in the contact's own language where one is set "
                                "(Contacts: Draft language in the detail pane), else in this one.", "hint", wrap=True))
        return page

    # reading and storing
    def load(self) -> None:
        """Show the stored settings (without storing anything back)."""
        reminders = self.services.reminders.get()
        for name, box in self.switches.items():
            box.blockSignals(True)
            box.setChecked(bool(getattr(reminders, name)))
            box.blockSignals(False)
        self.quiet_start.setTime(QTime.fromString(reminders.quiet_start, TIME_FORMAT))
        self.quiet_end.setTime(QTime.fromString(reminders.quiet_end, TIME_FORMAT))
        self.alarm_minutes.setValue(reminders.alarm_minutes_before)
        self.feed_kind.setCurrentIndex(max(0, self.feed_kind.findData(reminders.feed_kind)))
        drafting = self.services.drafts.get()
        if not self.my_name.hasFocus():
            self.my_name.setText(drafting.my_name)
        self.language.setCurrentIndex(max(0, self.language.findData(drafting.user_language)))
        self._enable(reminders)

    def _enable(self, reminders: ReminderSettings) -> None:
        for edit in (self.quiet_start, self.quiet_end):
            edit.setEnabled(reminders.quiet_hours and reminders.notifications)
        self.switches["quiet_hours"].setEnabled(reminders.notifications)
        self.alarm_minutes.setEnabled(reminders.calendar_alarms)
        self.feed_kind.setEnabled(reminders.feed)

    def change(self, name: str, value: object) -> None:
        """Store one reminder setting (through the tray, which follows it at once, when there is one)."""
        try:
            if self.tray is not None:
                reminders = self.tray.change(name, value)
            else:
                reminders = change_reminder_setting(self.services, name, value)
        except (NetCompanionError, OSError) as exc:
            self.message.setText(f"Not changed: {exc}")
            self.load()  # the widgets show what is stored
            return
        self.message.setText("Saved.")
        self._enable(reminders)
        self.changed.emit()

    def _name_changed(self) -> None:
        name = self.my_name.text().strip()
        if name != self.services.drafts.get().my_name:
            self._store_drafting(lambda: self.services.drafts.set_my_name(name))

    def _language_changed(self) -> None:
        code = self.language.currentData()
        self._store_drafting(lambda: self.services.drafts.set_language(code))
        self.templates.show_language(code)

    def _store_drafting(self, store: Callable[[], object]) -> None:
        try:
            store()
        except NetCompanionError as exc:
            self.message.setText(f"Not changed: {exc}")
            self.load()
            return
        self.message.setText("Saved.")
        self.templates.update_preview()
        self.changed.emit()

    def reject(self) -> None:
        """Close (the Close button, Escape, the window's close box), after asking about an unsaved
        template; the name being typed is stored."""
        if not self.templates.may_leave():
            return
        self._name_changed()
        super().reject()
