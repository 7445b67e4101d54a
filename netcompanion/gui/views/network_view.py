"""The Network place: tiers against the inner-circle size, capacity, pruning, introductions, results.

Everything shown comes from the core's network report; the actions (move down a tier, archive,
accept or decline an introduction) go through the services.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from netcompanion.core.services import Services
from netcompanion.gui.operation import Operation
from netcompanion.gui.widgets import card_frame, plain_label
from netcompanion.gui.worker import Job, LatestRead

TIER_LABELS = {"inner": "Inner circle", "warm": "Warm", "acquaintance": "Acquaintance", "noise": "Noise"}
SHOWN = 8


def _row(text: str, *buttons: QPushButton) -> QWidget:
    widget = QWidget()
    layout = QHBoxLayout(widget)
    layout.setContentsMargins(0, 2, 0, 2)
    layout.addWidget(plain_label(text, wrap=True), 1)
    for button in buttons:
        layout.addWidget(button)
    return widget


def _button(text: str, action) -> QPushButton:  # noqa: ANN001
    button = QPushButton(text)
    button.clicked.connect(action)
    return button


def read_report_job(job: Job, services: Services) -> dict[str, Any]:
    return services.network.report()


class NetworkView(QWidget):
    """The health of the network, with one-click actions on the suggestions."""

    status = Signal(str)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.report: dict[str, Any] = {}
        self.read = LatestRead(self, read_report_job, self._show_report, self._read_failed)
        self.body = QVBoxLayout()
        holder = QWidget()
        holder.setLayout(self.body)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label("Network", "pageTitle"))
        layout.addWidget(scroll, 1)

    def set_search(self, text: str) -> None:
        """The network summary has nothing to search."""

    @property
    def loading(self) -> bool:
        return self.read.loading

    def refresh(self) -> None:
        """Read the report on a worker thread (it takes a second on a large network), then show it."""
        self.read.start(self.services)

    def _read_failed(self, message: str) -> None:
        self.status.emit(f"The network report cannot be read: {message}")

    def _show_report(self, report: dict[str, Any]) -> None:
        while self.body.count():
            item = self.body.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # hidden now: deleteLater alone leaves it painted until then
                widget.deleteLater()
        self.report = report
        for builder in (self._tiers, self._capacity, self._introductions, self._pruning, self._results):
            self.body.addWidget(builder())
        self.body.addStretch(1)

    def _section(self, title: str) -> tuple[QWidget, QVBoxLayout]:
        frame = card_frame()
        column = QVBoxLayout(frame)
        column.addWidget(plain_label(title, "cardTitle"))
        return frame, column

    def _tiers(self) -> QWidget:
        frame, column = self._section("Tiers")
        capacity = self.report["capacity"]
        grid = QGridLayout()
        for index, (key, label) in enumerate(TIER_LABELS.items()):
            grid.addWidget(plain_label(label, "hint"), 0, index)
            grid.addWidget(plain_label(str(self.report["tiers"].get(key, 0)), "pageTitle"), 1, index)
        column.addLayout(grid)
        over = " — more than you can keep close" if capacity.get("inner_circle_over") else ""
        column.addWidget(plain_label(
            f"Inner circle: {capacity['inner_circle']} of the {capacity['inner_circle_limit']} you chose{over}", "hint"))
        return frame

    def _capacity(self) -> QWidget:
        frame, column = self._section("Capacity")
        capacity = self.report["capacity"]
        column.addWidget(plain_label(capacity["message"], wrap=True))
        column.addWidget(plain_label(f"{capacity['weekly_load']:.1f} touches a week (keep-in-touch "
                                     f"{capacity['keep_in_touch_load']:.1f}, open items this week "
                                     f"{capacity['open_items_this_week']}), budget {capacity['budget']}", "hint"))
        for move in capacity.get("move_down", [])[:SHOWN] if capacity.get("over_budget") else []:
            to_label = TIER_LABELS.get(move["to_tier"], move["to_tier"])
            column.addWidget(_row(f"{move['name']}: {TIER_LABELS.get(move['tier'], move['tier'])}, strength "
                                  f"{move['strength']}", _button(f"Move to {to_label}",
                                                                lambda _=False, m=move: self.move_down(m))))
        return frame

    def _introductions(self) -> QWidget:
        frame, column = self._section("Suggested introductions")
        suggestions = self.report["introductions"][:SHOWN]
        if not suggestions:
            column.addWidget(plain_label("None yet: note what your contacts need and offer.", "hint"))
        for s in suggestions:
            text = (f"{s['offerer']['name']} offers “{s['offerer']['offers']}”; {s['needer']['name']} needs "
                    f"“{s['needer']['needs']}” (matching: {', '.join(s['words'])})")
            column.addWidget(_row(text, _button("Introduce", lambda _=False, x=s: self.introduce(x, True)),
                                  _button("Not now", lambda _=False, x=s: self.introduce(x, False))))
        return frame

    def _pruning(self) -> QWidget:
        frame, column = self._section(f"Pruning suggestions ({self.report['pruning_total']})")
        if not self.report["pruning"]:
            column.addWidget(plain_label("Nobody to prune: no acquaintance or noise left untouched for a year.", "hint"))
        for entry in self.report["pruning"][:SHOWN]:
            last = (entry["last_contact"] or "never")[:10]
            column.addWidget(_row(f"{entry['name']} ({TIER_LABELS.get(entry['tier'], entry['tier'])}), last contact "
                                  f"{last}", _button("Archive", lambda _=False, e=entry: self.archive(e))))
        return frame

    def _results(self) -> QWidget:
        frame, column = self._section("Events and goals")
        for result in self.report["events"] + self.report["goals"]:
            column.addWidget(plain_label(_result_text(result), wrap=True))
        return frame

    # actions
    def _write(self, title: str, write: Callable[[], object], done: str) -> None:
        """Store `write` in the background, then say `done` and read the report again."""
        def stored(_result: object) -> None:
            self.status.emit(done)
            self.refresh()

        Operation(self, title, write).success(stored).run()

    def move_down(self, move: dict[str, Any]) -> None:
        contacts = self.services.contacts
        self._write("Move down a tier", lambda: contacts.set_tiers({move["contact_id"]: move["to_tier"]}),
                    f"Moved {move['name']} to {TIER_LABELS.get(move['to_tier'], move['to_tier'])}")

    def archive(self, entry: dict[str, Any]) -> None:
        contacts = self.services.contacts
        self._write("Archive", lambda: contacts.set_archived([entry["contact_id"]]), f"Archived {entry['name']}")

    def introduce(self, suggestion: dict[str, Any], accept: bool) -> None:
        offerer, needer = suggestion["offerer"]["id"], suggestion["needer"]["id"]
        network = self.services.network
        if accept:
            self._write("Introduction", lambda: network.accept_introduction(offerer, needer),
                        "Introduction queued for both sides")
        else:
            self._write("Introduction", lambda: network.decline_introduction(offerer, needer), "Suggestion set aside")


def _result_text(result: dict[str, Any]) -> str:
    """One line of results: targets met, people met against the target count, cards, 24 h follow-ups."""
    name = result["name"] if result.get("event_id") else f"All {result['goal']} events"
    parts = [f"targets met {result['targets_met']}/{result['targets_planned']}",
             f"met {result['contacts_met']} (aim {result['target_count']})",
             f"cards scanned {result['cards_scanned']}",
             f"followed up within 24 h {result['followups_within_24h']}/{result['followups']}"]
    if result.get("warm_after_90_days") is not None:
        parts.append(f"still warm after 90 days {result['warm_after_90_days']}")
    return f"{name}: " + " · ".join(parts)
