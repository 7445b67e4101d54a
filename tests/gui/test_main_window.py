"""The desktop app's window over a real database (pytest-qt, offscreen)."""
from __future__ import annotations

from netcompanion.core.demo import fill_demo
from netcompanion.core.services import ContactFields
from netcompanion.gui.main_window import MainWindow


def test_main_window_lists_contacts_and_open_followups(qtbot, services) -> None:
    fill_demo(services)
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    assert window.contacts_model.rowCount() == 40
    assert "40 contacts" in window.summary.text() and "follow-ups open" in window.summary.text()


def test_names_are_shown_as_plain_text(qtbot, services) -> None:
    services.contacts.add(ContactFields(full_name="<b>Bold</b> <img src=x>", company="Acme"))
    window = MainWindow(services)
    qtbot.addWidget(window)
    assert window.contacts_model.item(0, 0).text() == "<b>Bold</b> <img src=x>"
