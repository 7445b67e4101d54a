"""Introductions in Today: each side gets its double opt-in draft first; ticking the second side
done shows the mail introducing both, which opens in the mail program addressed to both."""
from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices

from netcompanion.core.services import ContactFields
from netcompanion.gui.views.today_view import TodayView
from tests.gui.test_today_view import button, cards
from tests.gui.waiting import settled

pytestmark = pytest.mark.sqlite_only  # about the window, not the database


class MailProgram(QObject):
    """Receives the mailto: links the app opens (Qt's URL handler for the scheme)."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toString(QUrl.ComponentFormattingOption.FullyEncoded))


@pytest.fixture
def mail_program():
    program = MailProgram()
    QDesktopServices.setUrlHandler("mailto", program, "open")
    yield program
    QDesktopServices.unsetUrlHandler("mailto")


def test_both_sides_asked_then_the_intro_mail(qtbot, services, mail_program) -> None:
    sam = services.contacts.add(ContactFields(full_name="Sam Lee", given_name="Sam", emails=["sam@example.org"],
                                              offers="intros to Berlin VCs"))
    kim = services.contacts.add(ContactFields(full_name="Kim Park", given_name="Kim", emails=["kim@example.org"],
                                              needs="intros to Berlin VCs"))
    services.drafts.set_contact_language(kim.id, "fr")
    services.network.accept_introduction(sam.id, kim.id)
    view = TodayView(services)
    qtbot.addWidget(view)
    view.show()
    view.refresh()
    sides = cards(view)
    assert sorted(c.item.contact_name for c in sides) == ["Kim Park", "Sam Lee"]
    assert "Souhaitez-vous que je vous mette en relation ?" in next(c.item.draft for c in sides
                                                                   if c.item.contact_name == "Kim Park")

    qtbot.mouseClick(button(sides[0], "Done"), Qt.MouseButton.LeftButton)
    settled(view)
    assert view.introduction_dialog is None  # one side still to ask
    [other] = cards(view)
    qtbot.mouseClick(button(other, "Done"), Qt.MouseButton.LeftButton)
    settled(view)
    dialog = view.introduction_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.text.toPlainText().startswith("Hi Sam and Kim,") and dialog.send.isEnabled()

    dialog.text.moveCursor(dialog.text.textCursor().MoveOperation.End)
    qtbot.keyClicks(dialog.text, " P.S. Coffee on me.")
    qtbot.mouseClick(dialog.send, Qt.MouseButton.LeftButton)
    [link] = mail_program.opened
    parts = urlsplit(link)
    assert unquote(parts.path) == "sam@example.org,kim@example.org"
    query = parse_qs(parts.query)
    assert query["subject"] == ["Introduction: Sam Lee and Kim Park"]
    assert query["body"][0].startswith("Hi Sam and Kim,") and query["body"][0].endswith("P.S. Coffee on me.")
    assert not dialog.isVisible()
