"""A read-only table model over a list of frozen records, with columns declared per list."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

R = TypeVar("R")
_HIGHLIGHT = QBrush(QColor("#fde2e1"))
_MUTED = QBrush(QColor("#888888"))
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[R]):
    """A column: its header and how a record shows in it."""

    header: str
    text: Callable[[R], str]
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    tooltip: Callable[[R], str] | None = None


class RecordTableModel(QAbstractTableModel, Generic[R]):
    """Rows are service dataclasses; ``set_rows`` replaces them all (on ``changed``).

    ``UserRole`` gives the record itself; ``highlight`` marks rows that need attention.
    """

    def __init__(self, columns: Sequence[Column[R]], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._aligns = [int(column.align) for column in self._columns]
        self._rows: list[R] = []
        self._texts: list[list[str] | None] = []
        self.highlight: Callable[[R], bool] = lambda _record: False
        self.muted: Callable[[R], bool] = lambda _record: False

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._texts = [None] * len(self._rows)
        self.endResetModel()

    def rows(self) -> list[R]:
        return list(self._rows)

    def record(self, row: int) -> R:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = index.row()
        if not 0 <= row < len(self._rows) or not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._row_texts(row)[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self._aligns[index.column()]
        record = self._rows[row]
        if role == Qt.ItemDataRole.BackgroundRole:
            return _HIGHLIGHT if self.highlight(record) else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return _MUTED if self.muted(record) else None
        if role == Qt.ItemDataRole.ToolTipRole:
            tooltip = self._columns[index.column()].tooltip
            return tooltip(record) if tooltip is not None else None
        if role == Qt.ItemDataRole.UserRole:
            return record
        return None

    def _row_texts(self, row: int) -> list[str]:
        """A row's cell texts, formatted once per ``set_rows`` (painting asks often)."""
        texts = self._texts[row]
        if texts is None:
            record = self._rows[row]
            texts = self._texts[row] = [column.text(record) for column in self._columns]
        return texts

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            return self._columns[section].header
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None
