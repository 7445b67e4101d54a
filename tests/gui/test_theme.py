"""Light and dark: the app follows the desktop's colour scheme, palette and stylesheet both."""
from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette

from netcompanion.gui.app import create_application
from netcompanion.gui.resources import stylesheet_template
from netcompanion.gui.theme import DARK, LIGHT, stylesheet
from tests.gui.waiting import settled

pytestmark = pytest.mark.sqlite_only  # about the window, not the database


@pytest.fixture
def scheme(qapp):
    """Switch the desktop's colour scheme as a platform theme does (the test platform has none, so
    its signal is sent here); the app's look is put back at the end."""
    def set_scheme(value: Qt.ColorScheme) -> None:
        qapp.styleHints().colorSchemeChanged.emit(value)
        qapp.processEvents()

    yield set_scheme
    qapp.setStyleSheet("")
    qapp.setPalette(QPalette())


def _lightness(colour: QColor) -> float:
    return colour.lightnessF()


def _background_of(widget) -> QColor:
    image = widget.grab().toImage()
    return image.pixelColor(image.width() // 2, image.height() - 3)


def test_every_colour_of_the_stylesheet_has_a_light_and_a_dark_value() -> None:
    named = set(re.findall(r"@([a-z]+)", stylesheet_template()))
    assert named and named <= set(LIGHT) and named <= set(DARK)
    assert "@" not in stylesheet(dark=True) and "#" not in re.sub(r"#[0-9a-f]{6}|#[a-zA-Z]+\b", "", stylesheet())


def test_the_window_follows_the_desktop_into_dark_and_back(qtbot, window, scheme) -> None:
    app = create_application()
    scheme(Qt.ColorScheme.Light)
    window.navigation.setCurrentRow(0)
    settled(window.today)
    card = next(w for w in window.today.findChildren(type(window.welcome)) if w.objectName() in ("card", "overdue")
                and w.isVisible())
    light_window = app.palette().color(QPalette.ColorRole.Window)
    light_card = _background_of(card)
    assert _lightness(light_window) > 0.8 and _lightness(light_card) > 0.8

    scheme(Qt.ColorScheme.Dark)  # the desktop switched while the app runs
    assert _lightness(app.palette().color(QPalette.ColorRole.Window)) < 0.2
    assert _lightness(app.palette().color(QPalette.ColorRole.Text)) > 0.8
    assert DARK["window"] in app.styleSheet() and LIGHT["window"] not in app.styleSheet()
    assert _lightness(_background_of(card)) < 0.3, "the cards are painted dark too"

    scheme(Qt.ColorScheme.Light)
    assert _lightness(_background_of(card)) > 0.8


def test_where_the_desktop_says_nothing_the_variable_decides(qapp, scheme, monkeypatch) -> None:
    from netcompanion.gui.theme import SCHEME_VARIABLE, apply_theme

    monkeypatch.setenv(SCHEME_VARIABLE, "dark")
    apply_theme(qapp, Qt.ColorScheme.Unknown)
    assert DARK["base"] in qapp.styleSheet()
    apply_theme(qapp, Qt.ColorScheme.Light)  # the desktop's word wins when it gives one
    assert DARK["base"] not in qapp.styleSheet()
