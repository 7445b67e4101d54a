"""Loading the app's resources (stylesheet, icon) from the installed package, never from the cwd."""
from __future__ import annotations

from importlib import resources

from PySide6.QtGui import QIcon, QPixmap


def _resource(name: str):  # noqa: ANN202 (importlib Traversable)
    return resources.files("netcompanion.resources") / name


def stylesheet_template() -> str:
    """The stylesheet with its colours named (@window, @text, …): gui/theme.py fills them in."""
    return _resource("style.qss").read_text(encoding="utf-8")


def app_icon() -> QIcon:
    data = _resource("icon.svg").read_bytes()
    pixmap = QPixmap()
    pixmap.loadFromData(data, "SVG")
    return QIcon(pixmap)
