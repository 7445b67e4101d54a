"""Small widget helpers shared by the views. Text from cards and imports is always plain text."""
from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFrame,
    QInputDialog,
    QLabel,
    QMessageBox,
    QSizePolicy,
    QSplitter,
    QWidget,
)

from netcompanion.core.clock import to_local


def plain_label(text: str = "", object_name: str = "", wrap: bool = False) -> QLabel:
    """A QLabel that never interprets its text as HTML (names like `<img src=x>` stay text)."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if object_name:
        label.setObjectName(object_name)
    return label


class ElidedLabel(QLabel):
    """One line of plain text that ends in "…" when the space is short, with the whole text as its
    tooltip. It keeps its whole text and only paints it cut, so a resize never changes its text or
    asks the layout to measure again: a list of many is quick to lay out."""

    def __init__(self, text: str = "", object_name: str = "") -> None:
        super().__init__()
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        if object_name:
            self.setObjectName(object_name)
        self.set_full_text(text)

    @property
    def full_text(self) -> str:
        return self._full_text

    def set_full_text(self, text: str) -> None:
        self._full_text = text
        self.setText(" ".join(text.split()))  # one line
        self.setToolTip(plain_tooltip(text))

    def shown_text(self) -> str:
        """The text as painted at the current width."""
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, self.contentsRect().width())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(0, super().minimumSizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        self.style().drawItemText(painter, self.contentsRect(), int(self.alignment()), self.palette(), self.isEnabled(),
                                  self.shown_text(), self.foregroundRole())


def plain_tooltip(text: str) -> str:
    """A tooltip that shows `text` literally: Qt renders tooltips that look like HTML as HTML, so
    the text is escaped inside an explicit rich-text wrapper."""
    return f"<qt>{html.escape(text)}</qt>" if text else ""


def ask_text(parent: QWidget, title: str, label: str) -> tuple[str, bool]:
    """QInputDialog.getText with its label shown as plain text (it may hold a contact's name)."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    for child in dialog.findChildren(QLabel):
        child.setTextFormat(Qt.TextFormat.PlainText)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    return dialog.textValue(), accepted


def card_frame(object_name: str = "card") -> QFrame:
    frame = QFrame()
    frame.setObjectName(object_name)
    return frame


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


def confirm(parent: QWidget | None, title: str, message: str, action: str) -> bool:
    """Ask before destroying data; True when the user chose `action`."""
    box = QMessageBox(QMessageBox.Icon.Question, title, message, QMessageBox.StandardButton.Cancel, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    ok = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is ok


def fill_combo(combo: QComboBox, items: Sequence[tuple[str, object]], first: tuple[str, object] | None = None) -> None:
    """Replace a combo's items by (label, data) pairs, keeping the current choice when it is still there."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for label, data in [*([first] if first else []), *items]:
        combo.addItem(label, data)
    index = combo.findData(current)
    combo.setCurrentIndex(index if index >= 0 else 0)
    combo.blockSignals(False)


def local_day(value) -> str:  # noqa: ANN001 (datetime or None)
    local = to_local(value)
    return local.strftime("%Y-%m-%d") if local else ""


def local_time(value) -> str:  # noqa: ANN001
    local = to_local(value)
    return local.strftime("%Y-%m-%d %H:%M") if local else ""


def compact_combo(combo: QComboBox, characters: int = 12) -> QComboBox:
    """A combo box that may be narrower than its longest item (shown cut, whole in the list):
    a long event or goal name never widens the window."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)
    return combo


class AdaptiveSplitter(QSplitter):
    """Two or more panes side by side when the window has room for all of them, one above the
    other when it has not. Its minimum width is the widest pane's, never their sum, so a place
    never makes the window wider than a small screen."""

    def __init__(self, *panes: QWidget, stretch: tuple[int, ...] = ()) -> None:
        super().__init__(Qt.Orientation.Horizontal)
        self.setChildrenCollapsible(False)
        self.stretch = stretch or (1,) * len(panes)
        for index, pane in enumerate(panes):
            self.addWidget(pane)
            self.setStretchFactor(index, self.stretch[index])

    def _panes(self) -> list[QWidget]:
        return [w for w in (self.widget(i) for i in range(self.count())) if w is not None and not w.isHidden()]

    def side_by_side_width(self) -> int:
        """The narrowest width at which the panes fit side by side."""
        panes = self._panes()
        return sum(max(p.minimumSizeHint().width(), p.minimumWidth()) for p in panes) \
            + self.handleWidth() * max(0, len(panes) - 1)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        panes = self._panes()
        if not panes:
            return super().minimumSizeHint()
        hints = [p.minimumSizeHint().expandedTo(p.minimumSize()) for p in panes]
        if self.orientation() == Qt.Orientation.Horizontal:
            return QSize(max(h.width() for h in hints), max(h.height() for h in hints))
        return QSize(max(h.width() for h in hints),
                     sum(h.height() for h in hints) + self.handleWidth() * (len(hints) - 1))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        wanted = Qt.Orientation.Horizontal if event.size().width() >= self.side_by_side_width() \
            else Qt.Orientation.Vertical
        if wanted != self.orientation():
            self.setOrientation(wanted)
            length = event.size().width() if wanted == Qt.Orientation.Horizontal else event.size().height()
            total = sum(self.stretch) or 1
            self.setSizes([length * part // total for part in self.stretch])
        super().resizeEvent(event)
