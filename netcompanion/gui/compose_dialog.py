"""The e-mail draft in an editable compose window: To, Subject and Body, opened in the user's mail
program or copied. A mail program that does not open is said so, and the text is copied."""
from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from netcompanion.gui.form_codec import split_values
from netcompanion.gui.widgets import plain_label
from netcompanion.interop.mailto import mailto_link


class ComposeDialog(QDialog):
    """Edit a draft, then hand it to the mail program or copy it."""

    def __init__(self, to: list[str], subject: str, body: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("E-mail draft")
        self.to = QLineEdit("; ".join(to))
        self.to.setPlaceholderText("name@example.com")
        self.subject = QLineEdit(subject)
        self.body = QPlainTextEdit(body)
        self.body.setMinimumHeight(200)
        self.note = plain_label("", "hint", wrap=True)
        self.open_button = QPushButton("Open in mail program")
        self.open_button.setObjectName("primary")
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(self.open_in_mail_program)
        self.copy_button = QPushButton("Copy")
        self.copy_button.setToolTip("Copy the subject and text, to paste into any mail or message")
        self.copy_button.setAutoDefault(False)
        self.copy_button.clicked.connect(self.copy)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("To", self.to)
        form.addRow("Subject", self.subject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        if not to:
            self.note.setText("There is no e-mail address for this contact yet: type one, or copy the text.")
        self.resize(560, 420)

    def text(self) -> str:
        """The draft as plain text: the subject line, then the body."""
        return f"Subject: {self.subject.text()}\n\n{self.body.toPlainText()}"

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text())
        self.note.setText("Copied: paste it into your mail.")

    def open_in_mail_program(self) -> None:
        link = mailto_link(split_values(self.to.text()), self.subject.text(), self.body.toPlainText())
        opened = QDesktopServices.openUrl(QUrl(link))
        # the desktop may hand the link on and say yes while no mail program is set up to take it:
        # the text is copied either way, and the window stays until the user closes it
        QGuiApplication.clipboard().setText(self.text())
        self.note.setText("Handed to your mail program. If no mail window opened, the text is copied: paste it "
                          "into your mail." if opened else "No mail program opened the draft (none may be set up). "
                          "The text is copied: paste it into your mail.")
