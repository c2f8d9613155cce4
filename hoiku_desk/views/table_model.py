"""A read-only table model over a list of frozen records, with columns declared per list."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QModelRoleDataSpan, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

R = TypeVar("R")
_HIGHLIGHT = QBrush(QColor("#fde2e1"))
_MUTED = QBrush(QColor("#888888"))
Index = QModelIndex | QPersistentModelIndex
# The roles a cell answers, as plain ints: painting asks for seven per cell, often.
_DISPLAY, _ALIGNMENT, _BACKGROUND, _FOREGROUND, _TOOLTIP, _RECORD = (int(role) for role in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.UserRole))


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
        return self._value(row, index.column(), role)

    def multiData(self, index: Index, roleDataSpan: QModelRoleDataSpan) -> None:
        """Every role a painted cell asks for, in one call from Qt instead of seven."""
        row = index.row()
        if not 0 <= row < len(self._rows) or not index.isValid():
            return
        column = index.column()
        for role_data in roleDataSpan:
            value = self._value(row, column, role_data.role())
            if value is not None:
                role_data.setData(value)

    def _value(self, row: int, column: int, role: int) -> Any:
        if role == _DISPLAY:
            return self._row_texts(row)[column]
        if role == _ALIGNMENT:
            return self._aligns[column]
        record = self._rows[row]
        if role == _BACKGROUND:
            return _HIGHLIGHT if self.highlight(record) else None
        if role == _FOREGROUND:
            return _MUTED if self.muted(record) else None
        if role == _TOOLTIP:
            tooltip = self._columns[column].tooltip
            return tooltip(record) if tooltip is not None else None
        if role == _RECORD:
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


class LazyRecordTableModel(RecordTableModel[R]):
    """A :class:`RecordTableModel` whose rows arrive in chunks as the view scrolls to the
    end (Qt's ``canFetchMore``/``fetchMore``): a list of 100,000 shows at once and stays
    smooth, and only the rows scrolled to are read and formatted.

    ``set_source`` gives the rows as an iterator (reading them page by page, or walking a
    list already read) and how many there are; ``rows()`` are the rows fetched so far.
    """

    def __init__(self, columns: Sequence[Column[R]], parent: Any = None, *, chunk: int = 200) -> None:
        super().__init__(columns, parent)
        self.chunk = chunk
        self._source: Iterator[R] = iter(())
        self._total = 0

    def set_source(self, rows: Iterator[R], total: int, *, at_least: int = 0) -> None:
        """Show ``rows``, ``total`` of them: the first chunk, or ``at_least`` rows (what was
        fetched before a refresh, so the selection and scroll position can stay)."""
        wanted = max(self.chunk, at_least)
        first = list(islice(rows, wanted))
        super().set_rows(first)
        self._source = rows
        self._total = total if len(first) == wanted else len(first)

    def set_rows(self, rows: Sequence[R]) -> None:
        """All the rows at once: nothing more to fetch."""
        self.set_source(iter(rows), len(rows), at_least=len(rows))

    def total(self) -> int:
        """How many rows there are, fetched or not."""
        return self._total

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        more = list(islice(self._source, self.chunk))
        first = len(self._rows)
        if len(more) < self.chunk:  # the source ran out (early, if the data changed meanwhile)
            self._total = first + len(more)
        if more:
            self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
            self._rows += more
            self._texts += [None] * len(more)
            self._total = max(self._total, len(self._rows))
            self.endInsertRows()
