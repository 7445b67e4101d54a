"""The introduction mail, shown once both sides of an introduction were asked (the double opt-in
drafts ticked done): its text, to copy or to open in the mail program addressed to both."""
from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from netcompanion.core.services.draft_templates import IntroductionMail
from netcompanion.gui.widgets import plain_label
from netcompanion.interop.mailto import mailto_link

SUBJECT = "Introduction: {} and {}"


class IntroductionMailDialog(QDialog):
    """The intro mail to both sides, with "E-mail both" (the user's mail program) and Close."""

    def __init__(self, mail: IntroductionMail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mail = mail
        first, second = mail.names
        self.setWindowTitle(f"Introduce {first} and {second}")
        self.text = QPlainTextEdit(mail.text)
        self.text.setAccessibleName("introduction mail")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.send = QPushButton("E-mail both")
        self.send.setObjectName("primary")
        self.send.clicked.connect(self.open_mail)
        buttons.addButton(self.send, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(f"Both were asked. Once {first} and {second} each said yes, send this mail to "
                                     "both (you may edit it here first).", wrap=True))
        layout.addWidget(self.text, 1)
        if len(mail.addresses) < 2:
            self.send.setEnabled(False)
            layout.addWidget(plain_label("An e-mail address is missing: add it in Contacts, or copy the text.",
                                         "hint", wrap=True))
        layout.addWidget(buttons)
        self.resize(560, 380)

    def open_mail(self) -> None:
        QDesktopServices.openUrl(QUrl(mailto_link(self.mail.addresses, SUBJECT.format(*self.mail.names),
                                                  self.text.toPlainText())))
        self.accept()
