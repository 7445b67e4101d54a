"""The mouse wheel scrolls the page, never a value it happens to pass over.

Qt lets a combo box or a spin box under the pointer take the wheel even when the user is
scrolling the form around it, so "Acquaintance" turns into "Noise" on the way down. One event
filter on the application fixes that for every such control, present and future: they no longer
take focus from the wheel, and an unfocused one hands the wheel on to the page that holds it.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QWidget

_VALUE_CONTROLS = (QComboBox, QAbstractSpinBox)


class WheelGuard(QObject):
    """An application-wide event filter: combo and spin boxes take the wheel only when focused."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind == QEvent.Type.Polish and isinstance(watched, _VALUE_CONTROLS):
            if watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the wheel no longer focuses it
        elif kind == QEvent.Type.Wheel and isinstance(watched, _VALUE_CONTROLS) and not watched.hasFocus():
            assert isinstance(event, QWheelEvent)
            _hand_on(event, watched)
            return True
        return False


def _hand_on(event: QWheelEvent, control: QWidget) -> None:
    """Offer the wheel to the control's parents, nearest first, until one takes it (the page's
    scroll area): Qt does not pass a wheel event it did not get from the system on by itself."""
    widget = control
    while not widget.isWindow() and (parent := widget.parentWidget()) is not None:
        moved = _moved(event, control, parent)
        QCoreApplication.sendEvent(parent, moved)
        if moved.isAccepted():
            return
        widget = parent


def _moved(event: QWheelEvent, source: QWidget, target: QWidget) -> QWheelEvent:
    position = source.mapTo(target, event.position().toPoint())
    return QWheelEvent(position.toPointF(), event.globalPosition(), event.pixelDelta(), event.angleDelta(),
                       event.buttons(), event.modifiers(), event.phase(), event.inverted())


_guard: WheelGuard | None = None


def install_wheel_guard() -> None:
    """Install the guard on the running application (once)."""
    global _guard
    app = QApplication.instance()
    if app is None or _guard is not None and _guard.parent() is app:
        return
    _guard = WheelGuard(app)
    app.installEventFilter(_guard)
