"""The GUI's Import with a mailbox: e-mails logged for the contacts they concern, a report, no contact added."""
from __future__ import annotations

from email.utils import format_datetime

from netcompanion.core.clock import utcnow
from tests.gui.test_contacts_view import settled


def test_import_a_mailbox_logs_the_mails(qtbot, window, demo_services, tmp_path, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    contact = next(c for c in demo_services.contacts.list() if c.emails)
    before = len(demo_services.interactions.for_contact(contact.id))
    path = tmp_path / "Sent.mbox"
    path.write_bytes((f"From - Mon Mar 16 10:00:00 2026\nMessage-ID: <gui-1@example.org>\n"
                      f"Date: {format_datetime(utcnow())}\nFrom: me@example.org\nTo: {contact.emails[0].address}\n"
                      "Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?=\n\nHello\n").encode())
    shown = []
    monkeypatch.setattr(QMessageBox, "open", lambda self: shown.append((self.text(), self.detailedText())))
    window.navigation.setCurrentRow(2)
    view = settled(window.contacts)
    total = view.model.total
    view.import_file(str(path))
    qtbot.waitUntil(lambda: view.import_button.isEnabled(), timeout=60_000)
    [(text, details)] = shown
    assert "(mbox): 1 logged for 1 contacts" in text and "Grüße" in details
    assert len(demo_services.interactions.for_contact(contact.id)) == before + 1
    assert settled(view).model.total == total
