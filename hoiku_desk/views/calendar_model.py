"""Item models of the calendar pane: the month grid (weeks × Mon–Sun) and one day's slots.

The cells are built once per redraw by :func:`build_month` from the two service reads the
pane makes; ``data()`` only formats what the cells already hold.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from hoiku_desk import messages
from hoiku_desk.services import FacilityRules, SlotAvailability
from hoiku_desk.services.schedule import calendar_closure, holiday_name
from hoiku_desk.views.table_model import Column, Index, RecordTableModel

# The role giving a month cell's :class:`DayCell`.
DAY_ROLE = Qt.ItemDataRole.UserRole

_WEEKDAYS = {"ja": tuple("月火水木金土日"), "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")}
_CLOSED = QColor("#e4e4e4")
_FULL = QColor("#fde2e1")
_CLOSED_TEXT = QColor("#666666")
_OUTSIDE_TEXT = QColor("#a8a8a8")


@dataclass(frozen=True)
class DayCell:
    """One day of the grid. ``slots`` is None on a closed day; ``children`` counts the
    distinct children with a pending, confirmed or attended flexible or regular booking."""

    day: date
    in_month: bool
    today: bool
    slots: tuple[SlotAvailability, ...] | None
    children: int = 0
    closed_reason: str = ""  # closed days: weekday | holiday | year_end | closure
    holiday: str | None = None

    @property
    def open(self) -> bool:
        return self.slots is not None

    @property
    def min_remaining(self) -> int | None:
        """The fewest places left in any slot of the day (None when closed or slotless)."""
        return min((slot.remaining for slot in self.slots), default=None) if self.slots else None


def grid_range(month: date) -> tuple[date, date]:
    """The Monday on or before the month's first day and the Sunday on or after its last."""
    first = month.replace(day=1)
    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    return first - timedelta(days=first.weekday()), last + timedelta(days=6 - last.weekday())


def build_month(
    month: date,
    today: date,
    rules: FacilityRules | None,
    availability: Mapping[date, Sequence[SlotAvailability]],
    children: Mapping[date, int],
) -> list[DayCell]:
    """The cells of ``month``'s grid, with the children booked per day. A day absent from
    ``availability`` is closed: by the calendar (``calendar_closure``) or, when the calendar
    leaves it open, by the admin."""
    first, last = grid_range(month)
    cells = []
    for offset in range((last - first).days + 1):
        day = first + timedelta(days=offset)
        slots = availability.get(day)
        closure = calendar_closure(rules, day) if rules is not None and slots is None else None
        cells.append(DayCell(
            day=day,
            in_month=(day.year, day.month) == (month.year, month.month),
            today=day == today,
            slots=None if slots is None else tuple(slots),
            children=children.get(day, 0),
            closed_reason="" if slots is not None else closure or "closure",
            holiday=holiday_name(day),
        ))
    return cells


class MonthTableModel(QAbstractTableModel):
    """The grid of one month: a row per week, a column per weekday (Monday first).

    Days outside the month are disabled (dimmed, not selectable); closed days are greyed and
    labelled; an open day whose fullest slot has no place left is highlighted. ``DAY_ROLE``
    gives the :class:`DayCell`.
    """

    def __init__(self, lang: str = "ja", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self._cells: list[DayCell] = []

    def set_cells(self, cells: Sequence[DayCell]) -> None:
        self.beginResetModel()
        self._cells = list(cells)
        self.endResetModel()

    def cell(self, index: Index) -> DayCell | None:
        if not index.isValid() or index.model() is not self:
            return None
        position = index.row() * 7 + index.column()
        return self._cells[position] if 0 <= position < len(self._cells) else None

    def index_of(self, day: date) -> QModelIndex:
        if not self._cells:
            return QModelIndex()
        position = (day - self._cells[0].day).days
        if not 0 <= position < len(self._cells):
            return QModelIndex()
        return self.index(*divmod(position, 7))

    # -- Qt model interface -----------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cells) // 7

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def flags(self, index: Index) -> Qt.ItemFlag:
        cell = self.cell(index)
        if cell is None or not cell.in_month:
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        cell = self.cell(index)
        if cell is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(cell)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(cell)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(cell)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(cell)
        if role == DAY_ROLE:
            return cell
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        names = _WEEKDAYS["en" if self._lang == "en" else "ja"]
        return names[section] if 0 <= section < 7 else None

    # -- texts --------------------------------------------------------------------------
    def closed_label(self, cell: DayCell) -> str:
        """休園 / the holiday's name / 年末年始: the short label of a closed day."""
        if cell.holiday:
            return cell.holiday
        if cell.closed_reason == "year_end":
            return self.tr("Year end")
        return self.tr("Closed")

    def closed_text(self, cell: DayCell) -> str:
        """Why a closed day is closed, as a sentence."""
        if cell.closed_reason == "weekday":
            return self.tr("Closed: weekly closed day.")
        if cell.closed_reason == "holiday":
            return self.tr("Closed: national holiday (%1).").replace("%1", cell.holiday or "")
        if cell.closed_reason == "year_end":
            return self.tr("Closed: year-end holidays (12/29–1/3).")
        return self.tr("Closed by the facility.")

    def _booked(self, cell: DayCell) -> str:
        return self.tr("Booked %1").replace("%1", str(cell.children))

    def _text(self, cell: DayCell) -> str:
        lines = [str(cell.day.day)]
        if not cell.open:
            lines.append(self.closed_label(cell))
            if cell.children:
                lines.append(self._booked(cell))
        elif cell.min_remaining is None:
            lines.append(self._booked(cell))
        else:
            lines.append(
                self.tr("Booked %1 · Left %2")
                .replace("%1", str(cell.children))
                .replace("%2", str(cell.min_remaining))
            )
        return "\n".join(lines)

    def _tooltip(self, cell: DayCell) -> str:
        lines = [messages.format_date(cell.day, self._lang, with_year=True)]
        if not cell.open:
            lines.append(self.closed_text(cell))
        if cell.open and cell.holiday:
            lines.append(cell.holiday)
        if cell.open or cell.children:
            lines.append(self.tr("Children booked this day: %1").replace("%1", str(cell.children)))
        if cell.min_remaining is not None:
            lines.append(
                self.tr("Places left in the fullest slot: %1").replace("%1", str(cell.min_remaining))
            )
        return "\n".join(lines)

    @staticmethod
    def _background(cell: DayCell) -> QBrush | None:
        if not cell.open:
            return QBrush(_CLOSED)
        if cell.min_remaining == 0:
            return QBrush(_FULL)
        return None

    @staticmethod
    def _foreground(cell: DayCell) -> QBrush | None:
        if not cell.in_month:
            return QBrush(_OUTSIDE_TEXT)
        if not cell.open:
            return QBrush(_CLOSED_TEXT)
        return None


class SlotTableModel(RecordTableModel[SlotAvailability]):
    """The chosen day's slots: time, capacity, taken, remaining; full slots highlighted.

    ``slot_minutes`` (the facility's slot length) gives each slot's end time.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        number = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        left = QCoreApplication.translate("SlotTableModel", "Places left in this slot")
        super().__init__(
            [
                Column(QCoreApplication.translate("SlotTableModel", "Time"), self._time_text),
                Column(QCoreApplication.translate("SlotTableModel", "Capacity"),
                       lambda slot: str(slot.capacity), number),
                Column(QCoreApplication.translate("SlotTableModel", "Taken"),
                       lambda slot: str(slot.taken), number),
                Column(QCoreApplication.translate("SlotTableModel", "Remaining"),
                       lambda slot: str(slot.remaining), number, tooltip=lambda _slot: left),
            ],
            parent,
        )
        self.slot_minutes = 30
        self.highlight = lambda slot: slot.remaining == 0

    def set_slots(self, slots: Sequence[SlotAvailability], slot_minutes: int) -> None:
        self.slot_minutes = slot_minutes
        self.set_rows(slots)

    def _time_text(self, slot: SlotAvailability) -> str:
        end = (datetime.combine(date.min, slot.start) + timedelta(minutes=self.slot_minutes)).time()
        return f"{messages.format_time(slot.start)}–{messages.format_time(end)}"
