"""The calendar pane: the month at a glance (children booked, places left, closed days) and
the chosen day's slots, from which a slot opens the booking form."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hoiku_desk import messages
from hoiku_desk.services import SlotAvailability
from hoiku_desk.views.calendar_model import (
    DayCell,
    MonthTableModel,
    SlotTableModel,
    build_month,
    grid_range,
)
from hoiku_desk.views.context import ViewContext


class KeyTableView(QTableView):
    """A table view where the keys in ``key_actions`` (pressed without modifiers, keypad
    aside) run the pane's actions instead of Qt's default handling."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key_actions: dict[int, Callable[[], None]] = {}
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(False)
        self.verticalHeader().hide()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        action = self.key_actions.get(event.key())
        if action is None or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            super().keyPressEvent(event)
            return
        event.accept()
        action()


class TodayDelegate(QStyledItemDelegate):
    """Draws the month cells and outlines today's."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().paint(painter, option, index)
        model = index.model()
        cell = model.cell(index) if isinstance(model, MonthTableModel) else None  # not index.data()
        if cell is not None and cell.today:
            painter.save()
            painter.setPen(QPen(option.palette.color(QPalette.ColorRole.Highlight), 2))
            painter.drawRect(option.rect.adjusted(1, 1, -1, -1))
            painter.restore()


class CalendarPane(QWidget):
    """The month of the current facility and the chosen day's slots.

    Each redraw makes two reads: ``bookings.availability`` over the grid (closed days are
    absent) and ``bookings.children_per_day`` (children booked). Keys in the month:
    arrows move by day or week (into the next or previous month too), PageUp/PageDown change
    month, Home goes to today, Enter opens the day's slots; in the slots, Enter (or a
    double-click) chooses a slot and Escape goes back to the month.

    Signals:
        slotActivated(object, object): a slot of an open day was chosen: the day
            (``datetime.date``) and the slot's start (``datetime.time``); the window opens
            the booking form prefilled with them.
    """

    slotActivated = Signal(object, object)

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarPane")
        self.ctx = ctx
        self._month: date | None = None
        self._day = ctx.today()
        self.month_model = MonthTableModel(ctx.lang, self)
        self.slot_model = SlotTableModel(self)
        self._build()
        ctx.changed.connect(self.refresh)
        ctx.facilityChanged.connect(self._facility_changed)
        self.show_day(self._day)

    # -- building -----------------------------------------------------------------------
    def _build(self) -> None:
        self.prev_button = self._button("prevMonth", "‹", self.tr("Previous month (PageUp)"))
        self.next_button = self._button("nextMonth", "›", self.tr("Next month (PageDown)"))
        self.today_button = self._button("todayButton", self.tr("Today"), self.tr("Today (Home)"))
        self.prev_button.clicked.connect(lambda: self.step_month(-1))
        self.next_button.clicked.connect(lambda: self.step_month(1))
        self.today_button.clicked.connect(self.go_today)
        self.month_label = QLabel(self)
        self.month_label.setObjectName("monthLabel")
        font = self.month_label.font()
        font.setBold(True)
        self.month_label.setFont(font)

        bar = QHBoxLayout()
        bar.addWidget(self.prev_button)
        bar.addWidget(self.month_label)
        bar.addWidget(self.next_button)
        bar.addStretch(1)
        bar.addWidget(self.today_button)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self._build_month_view())
        splitter.addWidget(self._build_day_side())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        self.setFocusProxy(self.month_view)
        QWidget.setTabOrder(self.month_view, self.slot_view)

    def _button(self, name: str, text: str, tooltip: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setToolTip(tooltip)
        button.setAutoDefault(False)
        return button

    def _build_month_view(self) -> QTableView:
        view = KeyTableView(self)
        view.setObjectName("monthView")
        view.setModel(self.month_model)
        view.setItemDelegate(TodayDelegate(view))
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        view.setWordWrap(True)
        view.setCornerButtonEnabled(False)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        view.verticalHeader().setMinimumSectionSize(48)
        view.setToolTip(self.tr("Booked: children with a booking that day. "
                                "Left: the fewest places left in any slot of the day."))
        view.key_actions = {
            Qt.Key.Key_Left: lambda: self.step_day(-1),
            Qt.Key.Key_Right: lambda: self.step_day(1),
            Qt.Key.Key_Up: lambda: self.step_day(-7),
            Qt.Key.Key_Down: lambda: self.step_day(7),
            Qt.Key.Key_PageUp: lambda: self.step_month(-1),
            Qt.Key.Key_PageDown: lambda: self.step_month(1),
            Qt.Key.Key_Home: self.go_today,
            Qt.Key.Key_Return: self.open_slots,
            Qt.Key.Key_Enter: self.open_slots,
        }
        view.selectionModel().currentChanged.connect(self._current_changed)
        view.doubleClicked.connect(lambda _index: self.open_slots())
        self.month_view = view
        return view

    def _build_day_side(self) -> QWidget:
        side = QWidget(self)
        self.day_label = QLabel(side)
        self.day_label.setObjectName("dayLabel")
        self.slot_view = KeyTableView(side)
        self.slot_view.setObjectName("slotView")
        self.slot_view.setModel(self.slot_model)
        self.slot_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.slot_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.slot_view.setToolTip(self.tr("Enter or double-click: book this slot. Esc: back to the month."))
        self.slot_view.key_actions = {
            Qt.Key.Key_Return: self._activate_current_slot,
            Qt.Key.Key_Enter: self._activate_current_slot,
            Qt.Key.Key_Escape: self.month_view.setFocus,
        }
        self.slot_view.doubleClicked.connect(self._activate_slot)
        self.closed_label = QLabel(side)
        self.closed_label.setObjectName("closedLabel")
        self.closed_label.setWordWrap(True)
        self.closed_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.day_stack = QStackedWidget(side)
        self.day_stack.setObjectName("dayStack")
        self.day_stack.addWidget(self.slot_view)
        self.day_stack.addWidget(self.closed_label)
        layout = QVBoxLayout(side)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.day_label)
        layout.addWidget(self.day_stack, 1)
        return side

    # -- navigation ---------------------------------------------------------------------
    @property
    def day(self) -> date:
        """The chosen day (always in the month shown)."""
        return self._day

    def show_day(self, day: date) -> None:
        """Choose ``day``, redrawing the month if it lies in another one."""
        self._day = day
        if day.replace(day=1) != self._month:
            self.refresh()
        else:
            self.month_view.setCurrentIndex(self.month_model.index_of(day))

    def step_day(self, days: int) -> None:
        self.show_day(self._day + timedelta(days=days))

    def step_month(self, months: int) -> None:
        """The same day of another month (its last day when the month is shorter)."""
        year, month = divmod(self._day.year * 12 + self._day.month - 1 + months, 12)
        first = date(year, month + 1, 1)
        month_end = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        self.show_day(first.replace(day=min(self._day.day, month_end.day)))

    def go_today(self) -> None:
        self.show_day(self.ctx.today())

    def open_slots(self) -> None:
        """Move to the chosen day's slots, at the first with a place left."""
        if self.day_stack.currentWidget() is not self.slot_view or not self.slot_model.rowCount():
            return
        rows = self.slot_model.rows()
        row = next((n for n, slot in enumerate(rows) if slot.remaining > 0), 0)
        self.slot_view.setCurrentIndex(self.slot_model.index(row, 0))
        self.slot_view.setFocus()

    # -- reading ------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the month shown from the services (two queries) and redraw it."""
        month = self._day.replace(day=1)
        first, last = grid_range(month)
        facility = self.ctx.facility
        availability: dict[date, list[SlotAvailability]] = {}
        children: dict[date, int] = {}
        if facility is not None:
            availability = self.ctx.desk.bookings.availability(facility.id, first, last)
            children = self.ctx.desk.bookings.children_per_day(facility.id, first, last)
        rules = facility.rules if facility is not None else None
        self._month = month
        self.month_label.setText(messages.format_month(month, self.ctx.lang))
        self.month_model.set_cells(build_month(month, self.ctx.today(), rules, availability, children))
        self.month_view.setCurrentIndex(self.month_model.index_of(self._day))

    def _facility_changed(self, _facility_id: str) -> None:
        self.refresh()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        cell = self.month_model.cell(current)
        if cell is not None:
            self._day = cell.day
            self._show_cell(cell)

    def _show_cell(self, cell: DayCell) -> None:
        self.day_label.setText(messages.format_date(cell.day, self.ctx.lang, with_year=True))
        facility = self.ctx.facility
        if cell.slots is not None and facility is not None:
            self.slot_model.set_slots(cell.slots, facility.rules.slot_minutes)
            self.day_stack.setCurrentWidget(self.slot_view)
        else:
            self.slot_model.set_slots([], self.slot_model.slot_minutes)
            self.closed_label.setText(self.month_model.closed_text(cell))
            self.day_stack.setCurrentWidget(self.closed_label)

    # -- choosing a slot ----------------------------------------------------------------
    def _activate_current_slot(self) -> None:
        self._activate_slot(self.slot_view.currentIndex())

    def _activate_slot(self, index: QModelIndex) -> None:
        if index.isValid() and self.day_stack.currentWidget() is self.slot_view:
            self.slotActivated.emit(self._day, self.slot_model.record(index.row()).start)
