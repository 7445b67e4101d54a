"""The duplicates review: a stored pair side by side, a value picked per field, merged and undone."""
from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication

from netcompanion.core.services import ContactFields
from netcompanion.gui.views.duplicates_dialog import DuplicatesDialog
from tests.gui.waiting import settled


def _ready(dialog: DuplicatesDialog) -> DuplicatesDialog:
    settled(dialog)
    deadline = time.monotonic() + 30
    while dialog.pairs.count() and dialog.pair is None and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.005)
    return settled(dialog)


def test_a_pair_is_merged_with_the_values_picked_and_undone(qtbot, demo_services) -> None:
    ada = demo_services.contacts.add(ContactFields(full_name="Ada Lovelace", company="Engines Ltd",
                                                   title="Analyst", emails=["ada@engines.example"]))
    twin = demo_services.contacts.add(ContactFields(full_name="Ada Lovelace", company="Engines Ltd",
                                                    title="Chief Mathematician", emails=["ADA@engines.example"],
                                                    phones=[("+44 20 7946 0000", "work")]))
    dialog = DuplicatesDialog(demo_services)
    qtbot.addWidget(dialog)
    _ready(dialog)
    shown = [dialog.pairs.item(i).data(0x0100) for i in range(dialog.pairs.count())]
    index = next(i for i, p in enumerate(shown) if (p.a, p.b) == (ada.id, twin.id))
    dialog.pairs.setCurrentRow(index)
    _ready(dialog)
    assert dialog.pair is not None and (dialog.pair.a, dialog.pair.b) == (ada.id, twin.id)
    assert set(dialog.choices) == {"title"}  # the one field where they differ
    dialog.take("title")
    dialog.merge_button.click()
    _ready(dialog)
    merged = demo_services.contacts.get(ada.id)
    assert merged.title == "Chief Mathematician" and [p.e164 for p in merged.phones] == ["+442079460000"]
    assert all(twin.id not in (p.a, p.b) for p in demo_services.duplicates.find())
    assert dialog.undo_button.isEnabled()
    dialog.undo_button.click()
    _ready(dialog)
    assert demo_services.contacts.get(ada.id).title == "Analyst"
    assert demo_services.contacts.get(twin.id).title == "Chief Mathematician"
