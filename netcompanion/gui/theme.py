"""Light and dark: the app follows the desktop's colour scheme (Qt 6's `QStyleHints.colorScheme`),
with a palette and the stylesheet in the scheme's colours, and changes with it while running."""
from __future__ import annotations

import os
import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from netcompanion.gui.resources import stylesheet_template

#: where the desktop does not tell Qt its colour scheme: "dark" or "light"
SCHEME_VARIABLE = "NETCOMPANION_COLOUR_SCHEME"

LIGHT = {
    "window": "#f6f7f9", "text": "#1f2430", "base": "#ffffff", "border": "#c9ced8", "line": "#dde1e8",
    "divider": "#f0f1f4", "selection": "#dbe4ff", "accent": "#3b5bdb", "accenthover": "#324fc4",
    "onaccent": "#ffffff", "hover": "#eef1f8", "disabledtext": "#9aa1ad", "disabledbg": "#f0f1f4",
    "header": "#eef0f4", "altrow": "#fafbfc", "hint": "#667085", "title": "#1f2a44", "nav": "#1f2a44",
    "navtext": "#d5dbea", "navhover": "#2c3a5c", "navfocus": "#91a7ff", "lowbg": "#fff4d6", "lowborder": "#e0a800",
    "overduebg": "#fff5f5", "overdueborder": "#f1b0b0", "dropbg": "#eef2ff", "dropborder": "#8da2fb",
    "primaryfocus": "#1f2a44",
}
DARK = {
    "window": "#1b1e24", "text": "#e4e7ee", "base": "#252a33", "border": "#4a5263", "line": "#383f4c",
    "divider": "#2d323c", "selection": "#34467f", "accent": "#5c7cfa", "accenthover": "#4c6ef5",
    "onaccent": "#ffffff", "hover": "#2f3542", "disabledtext": "#717a8a", "disabledbg": "#2a2f38",
    "header": "#2b303a", "altrow": "#292e37", "hint": "#a0a8b8", "title": "#e4e7ee", "nav": "#141821",
    "navtext": "#c5cbda", "navhover": "#232a3d", "navfocus": "#91a7ff", "lowbg": "#4a3b12", "lowborder": "#d4a20a",
    "overduebg": "#3d2529", "overdueborder": "#8a4047", "dropbg": "#232b45", "dropborder": "#5c7cfa",
    "primaryfocus": "#e4e7ee",
}


def colours(dark: bool) -> dict[str, str]:
    return DARK if dark else LIGHT


def stylesheet(dark: bool = False) -> str:
    """The stylesheet with the scheme's colours filled in."""
    theme = colours(dark)
    return re.sub(r"@([a-z]+)", lambda m: theme[m.group(1)], stylesheet_template())


def palette(dark: bool) -> QPalette:
    """A palette of the scheme's colours, for what the stylesheet does not paint (scroll bars,
    check boxes, menus drawn by the style)."""
    theme = colours(dark)
    result = QPalette()
    roles = {QPalette.ColorRole.Window: "window", QPalette.ColorRole.WindowText: "text",
             QPalette.ColorRole.Base: "base", QPalette.ColorRole.AlternateBase: "altrow",
             QPalette.ColorRole.Text: "text", QPalette.ColorRole.Button: "base", QPalette.ColorRole.ButtonText: "text",
             QPalette.ColorRole.Highlight: "accent", QPalette.ColorRole.HighlightedText: "onaccent",
             QPalette.ColorRole.ToolTipBase: "base", QPalette.ColorRole.ToolTipText: "text",
             QPalette.ColorRole.PlaceholderText: "hint", QPalette.ColorRole.Link: "accent",
             QPalette.ColorRole.Mid: "border", QPalette.ColorRole.Midlight: "line"}
    for role, name in roles.items():
        result.setColor(role, QColor(theme[name]))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        result.setColor(QPalette.ColorGroup.Disabled, role, QColor(theme["disabledtext"]))
    return result


def is_dark(scheme: Qt.ColorScheme) -> bool:
    """Dark when the desktop says so; `NETCOMPANION_COLOUR_SCHEME=dark` (or `light`) decides where
    the desktop tells Qt nothing (a bare X server, some window managers)."""
    if scheme == Qt.ColorScheme.Unknown:
        return os.environ.get(SCHEME_VARIABLE, "").strip().lower() == "dark"
    return scheme == Qt.ColorScheme.Dark


def apply_theme(app: QApplication, scheme: Qt.ColorScheme | None = None) -> None:
    """Paint the app in `scheme` (by default the desktop's current one)."""
    dark = is_dark(app.styleHints().colorScheme() if scheme is None else scheme)
    app.setPalette(palette(dark))
    app.setStyleSheet(stylesheet(dark))


def follow_colour_scheme(app: QApplication) -> None:
    """Apply the current scheme now and again whenever the desktop switches (once per app)."""
    apply_theme(app)
    if not app.property("followsColourScheme"):
        app.setProperty("followsColourScheme", True)
        app.styleHints().colorSchemeChanged.connect(lambda scheme: apply_theme(app, scheme))
