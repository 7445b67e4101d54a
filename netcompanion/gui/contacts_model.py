"""The Qt table model over the contacts: all rows in memory, filtered and sorted in Python.

Filtering 10,000 rows is a list comprehension over precomputed folded text, well under the
50 ms a keystroke may take, so no proxy model is needed.
"""
from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from netcompanion.core.services.contact_table import ContactRow, search_words
from netcompanion.gui.widgets import local_day, plain_tooltip

COLUMNS = ["Name", "Title", "Company", "Goals", "Tier", "Last contact", "E-mail"]
_TIER_ORDER = {"inner": 0, "warm": 1, "acquaintance": 2, "noise": 3}
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
Index = QModelIndex | QPersistentModelIndex


def _cell(row: ContactRow, column: int) -> str:
    return (row.label, row.title, row.company, ", ".join(sorted(row.goals)), row.tier,
            local_day(row.last_contact), row.email)[column]


def _sort_key(column: int):  # noqa: ANN202
    if column == 4:
        return lambda r: _TIER_ORDER.get(r.tier, 9)
    if column == 5:
        return lambda r: r.last_contact or _EPOCH
    attribute = ("label", "title", "company", "goals", "tier", "last_contact", "email")[column]
    if attribute == "goals":
        return lambda r: ",".join(sorted(r.goals))
    return lambda r: getattr(r, attribute).casefold()


class ContactTableModel(QAbstractTableModel):
    """Contacts as table rows, with search words and goal/tier/event/tag filters."""

    ID_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._all: list[ContactRow] = []
        self._shown: list[ContactRow] = []
        self._filters: dict[str, object] = {"words": [], "goal": "", "tier": "", "event_id": None, "tag": "",
                                            "archived": False}
        self._sort: tuple[int, Qt.SortOrder] = (0, Qt.SortOrder.AscendingOrder)

    # data
    def set_rows(self, rows: list[ContactRow]) -> None:
        self._all = list(rows)
        self._apply(resort=True)

    def row_at(self, row: int) -> ContactRow:
        return self._shown[row]

    def row_of(self, contact_id: int) -> int:
        for number, row in enumerate(self._shown):
            if row.id == contact_id:
                return number
        return -1

    @property
    def total(self) -> int:
        return len(self._all)

    # filters
    def set_search(self, text: str) -> None:
        self._filters["words"] = search_words(text)
        self._apply()

    def set_filter(self, **filters: object) -> None:
        self._filters.update(filters)
        self._apply()

    def _apply(self, resort: bool = False) -> None:
        """Filter the rows; `_all` is kept in the sort order, so filtering never sorts."""
        f = self._filters
        words, goal, tier, event_id, tag = f["words"], f["goal"], f["tier"], f["event_id"], f["tag"]
        archived = bool(f["archived"])
        if resort:
            column, order = self._sort
            self._all.sort(key=_sort_key(column), reverse=order == Qt.SortOrder.DescendingOrder)
        self.beginResetModel()
        self._shown = [r for r in self._all if r.archived == archived
                       and r.matches(words, goal, tier, event_id, tag)]  # type: ignore[arg-type]
        self.endResetModel()

    # Qt model interface
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._shown):
            return None
        row = self._shown[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return _cell(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(_cell(row, index.column()))
        if role == self.ID_ROLE:
            return row.id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return COLUMNS[section]
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(COLUMNS):
            self._sort = (column, order)
            self._apply(resort=True)
