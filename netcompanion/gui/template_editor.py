"""The draft template editor: one template per follow-up kind, language and (optionally) goal, with
its placeholders listed and insertable, and a live preview rendered by the core's wording rules on
a real contact or the sample one.

Saving stores the template (`DraftTemplateService.set_template`, which refuses an unknown
placeholder); "Reset to shipped" asks first, and can be undone until another template is shown.
Unsaved edits are never dropped silently: showing another template or closing asks first.
"""
from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from netcompanion.core.errors import NetCompanionError
from netcompanion.core.rules import templates as wording
from netcompanion.core.rules.templates import LANGUAGE_NAMES
from netcompanion.core.services import Services
from netcompanion.core.services.draft_templates import SAMPLE
from netcompanion.gui.widgets import confirm, fill_combo, plain_label, plain_tooltip

KIND_NAMES = {
    "post_event": "24-hour follow-up", "keep_in_touch": "Keep in touch", "reintroduce": "Reintroduce",
    "introduction": "Introduction: asking each side first", "introduction_mail": "Introduction mail (both said yes)",
}
SAMPLE_LABEL = f"Sample contact ({SAMPLE['first_name']})"
BUILT_IN_UNTIL_CHANGED = ("keep_in_touch", "reintroduce")  # see Drafting.is_default
CONTACTS_SHOWN = 50  # contacts offered for the preview at once; the filter finds the others
PREVIEW_DELAY_MS = 120


class TemplateEditor(QWidget):
    """Edits the template of one kind, language and goal at a time."""

    status = Signal(str)
    saved = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.shown: tuple[str, str, str | None] = ("", "", None)  # the kind, language and goal in the editor
        self.loaded_text = ""  # the template as stored (or shipped) when it was shown
        self.undo_reset: tuple[tuple[str, str, str | None], str] | None = None
        self.kind, self.lang, self.goal = QComboBox(), QComboBox(), QComboBox()
        for code, name in KIND_NAMES.items():
            self.kind.addItem(name, code)
        for code, name in LANGUAGE_NAMES.items():
            self.lang.addItem(name, code)
        self.kind.setAccessibleName("follow-up kind")
        self.lang.setAccessibleName("language")
        self.goal.setAccessibleName("goal")
        for combo in (self.kind, self.lang, self.goal):
            combo.activated.connect(self._choose)
        self.origin = plain_label("", "hint", wrap=True)
        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName("template")
        self.editor.textChanged.connect(self._edited)
        self.warning = plain_label("", wrap=True)
        self.contact_filter = QLineEdit()
        self.contact_filter.setPlaceholderText("Find a contact to preview with")
        self.contact_filter.setClearButtonEnabled(True)
        self.contact_filter.textChanged.connect(self._fill_contacts)
        self.contact = QComboBox()
        self.contact.setAccessibleName("preview contact")
        self.contact.currentIndexChanged.connect(self.update_preview)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName("preview")
        self.save_button = QPushButton("&Save template")
        self.save_button.setObjectName("primary")
        self.save_button.setToolTip("Store this template (Ctrl+S)")
        self.save_button.clicked.connect(self.save)
        self.reset_button = QPushButton("Reset to shipped…")
        self.reset_button.clicked.connect(self.reset)
        self.undo_button = QPushButton("Undo reset")
        self.undo_button.clicked.connect(self.undo)
        self.undo_button.setVisible(False)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        self._preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.update_preview)
        self._build()
        self.refresh()

    def _build(self) -> None:
        choose = QHBoxLayout()
        for widget in (self.kind, self.lang, self.goal):
            choose.addWidget(widget)
        choose.addStretch(1)
        places = QGroupBox("Placeholders (click to insert)")
        grid = QGridLayout(places)
        self.placeholder_buttons: dict[str, QPushButton] = {}
        for index, name in enumerate(wording.PLACEHOLDERS):
            button = QPushButton("{" + name + "}")
            button.setToolTip(plain_tooltip(wording.PLACEHOLDER_HELP[name]))
            button.clicked.connect(lambda _=False, n=name: self.insert(n))
            grid.addWidget(button, index // 5, index % 5)
            self.placeholder_buttons[name] = button
        preview_with = QHBoxLayout()
        preview_with.addWidget(plain_label("Preview with"))
        preview_with.addWidget(self.contact, 1)
        preview_with.addWidget(self.contact_filter, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        buttons.addWidget(self.reset_button)
        buttons.addWidget(self.save_button)
        texts = QHBoxLayout()
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(plain_label("Template", "cardTitle"))
        left.addWidget(self.editor, 1)
        right.addWidget(plain_label("Preview", "cardTitle"))
        right.addWidget(self.preview, 1)
        texts.addLayout(left, 1)
        texts.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(choose)
        layout.addWidget(self.origin)
        layout.addWidget(places)
        layout.addLayout(texts, 1)
        layout.addWidget(self.warning)
        layout.addLayout(preview_with)
        layout.addLayout(buttons)

    # what is shown
    def refresh(self) -> None:
        """Read the goals and contacts again and show the chosen template (the user's language first)."""
        fill_combo(self.goal, [(f"Goal: {g.name}", g.key) for g in self.services.goals.list()], ("Every goal", ""))
        if not self.shown[0]:
            self.lang.setCurrentIndex(max(0, self.lang.findData(self.services.drafts.get().user_language)))
        self._fill_contacts(self.contact_filter.text())
        self.show_template(self.kind.currentData(), self.lang.currentData(), self.goal.currentData() or None)

    def _fill_contacts(self, text: str) -> None:
        contacts = self.services.contacts.list(search=text or None, limit=CONTACTS_SHOWN)
        fill_combo(self.contact, [(c.full_name or c.company, c.id) for c in contacts], (SAMPLE_LABEL, None))
        self.update_preview()

    def show_language(self, code: str) -> None:
        """The user's language changed: show its template, unless an edit is waiting to be saved."""
        if not self.dirty:
            self.lang.setCurrentIndex(max(0, self.lang.findData(code)))
            self._choose()

    def _choose(self) -> None:
        wanted = (self.kind.currentData(), self.lang.currentData(), self.goal.currentData() or None)
        if wanted == self.shown:
            return
        if not self.may_leave():
            kind, lang, goal = self.shown  # back to the template being edited
            self.kind.setCurrentIndex(self.kind.findData(kind))
            self.lang.setCurrentIndex(self.lang.findData(lang))
            self.goal.setCurrentIndex(max(0, self.goal.findData(goal or "")))
            return
        self.show_template(*wanted)

    def show_template(self, kind: str, lang: str, goal: str | None) -> None:
        drafts = self.services.drafts
        if (kind, lang, goal) != self.shown:
            self.undo_reset = None
            self.undo_button.setVisible(False)
        self.shown = (kind, lang, goal)
        own = drafts.custom_template(kind, lang, goal)
        if own is not None:
            origin = "Your own template."
        elif goal and drafts.custom_template(kind, lang) is not None:
            origin = "This goal has no template of its own: its drafts use your template for every goal."
        else:
            origin = "The shipped template."
        if own is None and kind in BUILT_IN_UNTIL_CHANGED and drafts.get().is_default:
            origin += (" Until you save a template or set your name or a language, keep-in-touch and reintroduction "
                       "notes keep the built-in English wording with the light-touch idea.")
        self.origin.setText(origin + " Drafts made from now on use the saved template.")
        self.reset_button.setEnabled(own is not None)
        self.loaded_text = drafts.template(kind, lang=lang, goal=goal)
        self.editor.blockSignals(True)
        self.editor.setPlainText(self.loaded_text)
        self.editor.blockSignals(False)
        self._edited()
        self.update_preview()

    @property
    def dirty(self) -> bool:
        """The editor holds changes that are not saved."""
        return self.editor.toPlainText().strip() != self.loaded_text.strip()

    def _edited(self) -> None:
        text = self.editor.toPlainText()
        unknown = wording.unknown_placeholders(text)
        if unknown:
            known = ", ".join("{" + p + "}" for p in wording.PLACEHOLDERS)
            self.warning.setText(f"Unknown placeholder {', '.join('{' + u + '}' for u in unknown)}: the draft would "
                                 f"show it as written. Placeholders: {known}.")
        elif not text.strip():
            self.warning.setText("The template is empty. Reset it to go back to the shipped one.")
        else:
            self.warning.setText("")
        self.save_button.setEnabled(self.dirty and not unknown and bool(text.strip()))
        self._preview_timer.start()

    def update_preview(self) -> None:
        """The draft the template in the editor makes, for the chosen contact (or the sample)."""
        kind, lang, goal = self.shown
        if not kind:
            return
        try:
            text = self.services.drafts.preview(kind, lang=lang, goal=goal, text=self.editor.toPlainText(),
                                                contact_id=self.contact.currentData())
        except NetCompanionError as exc:  # e.g. the contact was deleted meanwhile
            text = f"(no preview: {exc})"
        self.preview.setPlainText(text)

    # editing
    def insert(self, name: str) -> None:
        """Put a placeholder at the cursor (one undo step in the editor)."""
        self.editor.insertPlainText("{" + name + "}")
        self.editor.setFocus()

    def save(self) -> bool:
        """Store the template in the editor; True when stored (or nothing to store)."""
        if not self.dirty:
            return True
        kind, lang, goal = self.shown
        try:
            self.services.drafts.set_template(kind, self.editor.toPlainText(), lang=lang, goal=goal)
        except NetCompanionError as exc:
            self.status.emit(f"Template not saved: {exc}")
            return False
        self.show_template(kind, lang, goal)
        self.status.emit(f"Saved: {KIND_NAMES[kind]} ({LANGUAGE_NAMES[lang]}).")
        self.saved.emit()
        return True

    def reset(self) -> None:
        """Back to the shipped template (or the one for every goal), after asking; undoable."""
        kind, lang, goal = self.shown
        own = self.services.drafts.custom_template(kind, lang, goal)
        if own is None:
            return
        target = "your template for every goal" if goal else "the shipped template"
        if not confirm(self, "Reset template", f"Replace your {KIND_NAMES[kind]} template ({LANGUAGE_NAMES[lang]}) "
                       f"by {target}? Unsaved edits are dropped too; Undo reset brings your template back.",
                       "Reset"):
            return
        self.services.drafts.reset_template(kind, lang=lang, goal=goal)
        self.show_template(kind, lang, goal)
        self.undo_reset = ((kind, lang, goal), own)
        self.undo_button.setVisible(True)
        self.status.emit(f"{KIND_NAMES[kind]} ({LANGUAGE_NAMES[lang]}): back to {target}.")
        self.saved.emit()

    def undo(self) -> None:
        """Bring back the template the last reset replaced."""
        if self.undo_reset is None:
            return
        (kind, lang, goal), text = self.undo_reset
        self.services.drafts.set_template(kind, text, lang=lang, goal=goal)
        self.undo_reset = None
        self.undo_button.setVisible(False)
        self.show_template(kind, lang, goal)
        self.status.emit("Reset undone: your template is back.")
        self.saved.emit()

    def may_leave(self) -> bool:
        """Before another template is shown or the dialog closes: True when no edit would be lost
        (saved, discarded or none); False when the user chose to stay."""
        if not self.dirty:
            return True
        kind, lang, _ = self.shown
        box = QMessageBox(QMessageBox.Icon.Question, "Unsaved template",
                          f"Save your changes to the {KIND_NAMES[kind]} template ({LANGUAGE_NAMES[lang]})?",
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard
