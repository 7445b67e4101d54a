"""The Network place: the health of the network — tiers, capacity, pruning, introductions."""
from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QListWidget, QVBoxLayout, QWidget

from netcompanion.core.services import Services
from netcompanion.gui.widgets import plain_label

TIER_LABELS = {"inner": "Inner circle", "warm": "Warm", "acquaintance": "Acquaintance", "noise": "Noise"}


class NetworkView(QWidget):
    """Tier sizes and per-goal counts."""

    status = Signal(str)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.tiers = QListWidget()
        self.goals = QListWidget()
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label("Network", "pageTitle"))
        layout.addWidget(plain_label("Tiers", "cardTitle"))
        layout.addWidget(self.tiers)
        layout.addWidget(plain_label("Per goal", "cardTitle"))
        layout.addWidget(self.goals)

    def refresh(self) -> None:
        rows = [r for r in self.services.contact_table.rows() if not r.archived]
        tiers = Counter(r.tier for r in rows)
        goals = Counter(g for r in rows for g in r.goals)
        self.tiers.clear()
        for key, label in TIER_LABELS.items():
            self.tiers.addItem(f"{label}: {tiers.get(key, 0)}")
        self.goals.clear()
        for goal in self.services.goals.list():
            self.goals.addItem(f"{goal.name}: {goals.get(goal.key, 0)}")

    def set_search(self, text: str) -> None:
        """The network summary has nothing to search."""
