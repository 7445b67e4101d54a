"""The GUI's write helper: off the GUI thread, in order, and a domain error told as a message."""
from __future__ import annotations

import logging
import threading
import time

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

from netcompanion.core.errors import ConflictError
from netcompanion.core.services import ContactFields
from netcompanion.gui.operation import Operation, error_text, pending_writes
from tests.gui.waiting import written


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """The message boxes shown: (title, text); each is answered with OK."""
    shown: list[tuple[str, str]] = []

    def answer(box: QMessageBox) -> int:
        shown.append((box.windowTitle(), box.text()))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", answer)
    return shown


@pytest.fixture
def parent(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_a_write_runs_off_the_gui_thread_and_answers_on_it(parent, services, messages) -> None:
    contact = services.contacts.add(ContactFields(full_name="Ada Lovelace"))
    threads: list[int] = []
    answers: list[tuple[int, str]] = []

    def write() -> object:
        threads.append(threading.get_ident())
        return services.contacts.update(contact.id, title="Analyst")

    Operation(parent, "Save", write).success(lambda saved: answers.append((threading.get_ident(), saved.title))).run()
    assert pending_writes() == 1
    written()
    assert threads and threads[0] != threading.get_ident()
    assert answers == [(threading.get_ident(), "Analyst")]
    assert services.contacts.get(contact.id).title == "Analyst" and not messages


def test_a_domain_error_is_a_message_and_nothing_is_stored(parent, services, messages) -> None:
    contact = services.contacts.add(ContactFields(full_name="Ada Lovelace", notes="met at the Expo"))
    failures: list[Exception] = []
    Operation(parent, "Cannot save the contact",  # nothing left to call or reach her by
              lambda: services.contacts.update(contact.id, full_name="", notes="")) \
        .success(lambda _: pytest.fail("no success")).failure(failures.append).run()
    written()
    [(title, text)] = messages
    assert title == "Cannot save the contact" and "a contact needs a name" in text
    assert len(failures) == 1 and str(failures[0]) == text
    stored = services.contacts.get(contact.id)
    assert (stored.full_name, stored.notes) == ("Ada Lovelace", "met at the Expo")


def test_a_handled_kind_of_error_goes_to_its_handler_instead_of_a_message(parent, services, messages) -> None:
    contact = services.contacts.add(ContactFields(full_name="Ada Lovelace"))
    loaded_at = contact.updated_at
    services.contacts.update(contact.id, notes="written elsewhere")
    conflicts: list[ConflictError] = []
    Operation(parent, "Save", lambda: services.contacts.update(contact.id, expected_updated_at=loaded_at, title="X")) \
        .on(ConflictError, conflicts.append).run()
    written()
    assert len(conflicts) == 1 and not messages
    assert services.contacts.get(contact.id).title != "X"


def test_a_file_error_is_said_in_the_systems_words(parent, tmp_path, messages) -> None:
    missing = tmp_path / "gone.vcf"
    Operation(parent, "Import", lambda: missing.read_bytes()).run()
    written()
    [(title, text)] = messages
    assert title == "Import" and text == f"No such file or directory: {missing}"
    assert error_text(FileNotFoundError(2, "No such file or directory")) == "No such file or directory"


def test_a_fault_is_logged_with_its_traceback_and_told(parent, messages, caplog) -> None:
    def broken() -> float:
        return 1 / 0

    with caplog.at_level(logging.ERROR, logger="netcompanion.gui.worker"):
        Operation(parent, "Archive", broken).run()
        written()
    [(title, text)] = messages
    assert title == "Archive" and "fault in NetCompanion" in text and "division by zero" in text
    assert any("ZeroDivisionError" in record.getMessage() for record in caplog.records)


def test_writes_run_one_at_a_time_in_the_order_asked(parent, messages) -> None:
    order: list[int] = []
    running = []

    def write(number: int) -> int:
        running.append(number)
        assert len(running) == 1, "two writes at once"
        time.sleep(0.002 * (number % 3))
        order.append(number)
        running.remove(number)
        return number

    answered: list[int] = []
    for number in range(12):
        Operation(parent, "Write", lambda n=number: write(n)).success(answered.append).run()
    written()
    assert order == answered == list(range(12)) and not messages


def test_nothing_is_called_once_the_parent_is_gone_but_the_write_is_stored(qtbot, services, messages) -> None:
    contact = services.contacts.add(ContactFields(full_name="Ada Lovelace"))
    gone = QWidget()
    called: list[object] = []
    release = threading.Event()

    def write() -> object:
        release.wait(10)
        return services.contacts.update(contact.id, title="Stored")

    Operation(gone, "Save", write).success(called.append).run()
    gone.deleteLater()
    qtbot.waitUntil(lambda: not _alive(gone))
    release.set()
    written()
    assert not called and not messages
    assert services.contacts.get(contact.id).title == "Stored"


def _alive(widget: QWidget) -> bool:
    import shiboken6

    return shiboken6.isValid(widget)
