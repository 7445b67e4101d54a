"""Asking for the conversation detail of a 24-hour follow-up as the user would write it in the mail,
with the sentence of the draft it makes shown while typing (in the contact's language)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from netcompanion.core.rules.templates import DETAIL_PROMPT, detail_sentence
from netcompanion.core.services import Services
from netcompanion.core.services.followups import QueueItem
from netcompanion.gui.i18n import tr


class DetailDialog(QDialog):
    """One line for the detail, and below it the sentence of the draft that holds it."""

    def __init__(self, services: Services, item: QueueItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        drafting = services.drafts.get()
        self.language = drafting.language_of(item.contact_id)
        self.template = services.drafts.template("post_event", lang=self.language)
        self.setWindowTitle(tr("Conversation detail: {name}").format(name=item.contact_name))
        prompt = QLabel(DETAIL_PROMPT[self.language])
        prompt.setTextFormat(Qt.TextFormat.PlainText)
        prompt.setWordWrap(True)
        self.edit = QLineEdit()
        prompt.setBuddy(self.edit)  # the prompt names the field for a screen reader
        self.sentence = QLabel()
        self.sentence.setTextFormat(Qt.TextFormat.PlainText)
        self.sentence.setWordWrap(True)
        self.sentence.setObjectName("hint")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (prompt, self.edit, self.sentence, buttons):
            layout.addWidget(widget)
        self.edit.textChanged.connect(self._show_sentence)
        self._show_sentence("")

    def _show_sentence(self, text: str) -> None:
        self.sentence.setText(detail_sentence(text, self.language, self.template) if text.strip()
                              else tr("The draft will say it in one sentence here."))

    @property
    def detail(self) -> str:
        return self.edit.text().strip()


def ask_detail(parent: QWidget, services: Services, item: QueueItem) -> tuple[str, bool]:
    """(the detail, accepted) as `ask_text` answers."""
    dialog = DetailDialog(services, item, parent)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    return dialog.detail, accepted
