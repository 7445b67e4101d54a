"""Every string marked with tr() has its German translation, the shipped .qm is what
pyside6-lrelease makes of the .ts, and the app speaks German once that is switched on."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

import netcompanion.gui
from netcompanion.gui.i18n import compile_ts, install_translation, marked_strings, read_ts, remove_translation
from netcompanion.gui.main_window import MainWindow
from tests.gui.waiting import settled

pytestmark = pytest.mark.sqlite_only  # about the window, not the database
GUI = Path(netcompanion.gui.__file__).parent
TRANSLATIONS = GUI.parent.parent / "resources" / "translations"


def test_every_marked_string_has_a_german_translation() -> None:
    strings = marked_strings(GUI)
    german = read_ts(TRANSLATIONS / "netcompanion_de.ts")
    assert len(strings) > 100
    assert [s for s in strings if not german.get(s)] == []
    for source in strings:  # a value's field is kept, so .format fills it in German too
        assert sorted(re.findall(r"\{(\w+)\}", source)) == sorted(re.findall(r"\{(\w+)\}", german[source])), source


def test_the_shipped_translation_is_built_from_its_source(tmp_path) -> None:
    rebuilt = tmp_path / "netcompanion_de.qm"
    compile_ts(TRANSLATIONS / "netcompanion_de.ts", rebuilt)
    assert rebuilt.read_bytes() == (TRANSLATIONS / "netcompanion_de.qm").read_bytes(), \
        "run python -m netcompanion.gui.i18n after changing the .ts"


def test_the_app_speaks_german_when_switched_on(qtbot, demo_services) -> None:
    app = QApplication.instance()
    translators = install_translation(app, "de")
    assert translators
    try:
        window = MainWindow(demo_services)
        qtbot.addWidget(window)
        window.show()
        menus = [a.text() for a in window.menuBar().actions()]
        assert menus == ["&Datei", "&Bearbeiten", "&Ansicht", "&Gehe zu", "&Hilfe"]
        places = [window.navigation.item(row).text() for row in range(window.navigation.count())]
        assert places == ["Heute", "Scannen", "Kontakte", "Veranstaltungen", "Netzwerk"]
        assert window.search.placeholderText() == "Suchen (Strg+F)"
        settled(window.today)
        buttons = {b.text() for b in window.today.findChildren(type(window.undo_button))}
        assert {"Erledigt", "Verwerfen"} <= buttons
    finally:
        remove_translation(app, translators)
    english = MainWindow(demo_services)
    qtbot.addWidget(english)
    assert english.menuBar().actions()[0].text() == "&File"
