"""The calendar pane, driven through its widgets: the month grid, closed days, the day's slots,
keyboard navigation and choosing a slot."""

from __future__ import annotations

from datetime import date, time
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QStackedWidget, QTableView

from hoiku_desk.services import Desk, Facility
from hoiku_desk.views.calendar_model import DAY_ROLE, DayCell, MonthTableModel, grid_range
from hoiku_desk.views.calendar_pane import CalendarPane
from hoiku_desk.views.context import ViewContext
from tests.conftest import ChildMaker, ScriptedDialogs
from tests.helpers import NOW, TUESDAY, t

SHUNBUN = date(2026, 3, 20)  # 春分の日, a Friday
SATURDAY = date(2026, 3, 7)
WEDNESDAY = date(2026, 3, 4)
FULL = "#fde2e1"


@pytest.fixture
def pane(qtbot: Any, view_context: ViewContext) -> CalendarPane:
    widget = CalendarPane(view_context)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def month_view(pane: CalendarPane) -> QTableView:
    view = pane.findChild(QTableView, "monthView")
    assert view is not None
    return view


def slot_view(pane: CalendarPane) -> QTableView:
    view = pane.findChild(QTableView, "slotView")
    assert view is not None
    return view


def cell(pane: CalendarPane, day: date) -> DayCell:
    model = month_view(pane).model()
    assert isinstance(model, MonthTableModel)
    found = model.index_of(day).data(DAY_ROLE)
    assert isinstance(found, DayCell)
    return found


def cell_index(pane: CalendarPane, day: date) -> QModelIndex:
    model = month_view(pane).model()
    assert isinstance(model, MonthTableModel)
    return model.index_of(day)


def slot_texts(pane: CalendarPane) -> list[list[str]]:
    model = slot_view(pane).model()
    return [[model.index(row, column).data() for column in range(model.columnCount())]
            for row in range(model.rowCount())]


def click(qtbot: Any, pane: CalendarPane, name: str) -> None:
    button = pane.findChild(QPushButton, name)
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_month_grid_has_its_weeks_and_weekday_headers(qtbot: Any, pane: CalendarPane) -> None:
    view = month_view(pane)
    model = view.model()
    assert pane.day == NOW.date()
    assert model.rowCount() == 6  # 2026-02-23 … 2026-04-05: March starts on a Sunday
    assert model.columnCount() == 7
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(7)]
    assert headers == list("月火水木金土日")
    assert pane.findChild(QLabel, "monthLabel").text() == "2026年3月"
    assert cell(pane, NOW.date()).today

    click(qtbot, pane, "nextMonth")
    assert pane.day == date(2026, 4, 2)
    assert model.rowCount() == 5  # 2026-03-30 … 2026-05-03
    click(qtbot, pane, "todayButton")
    assert pane.day == NOW.date()
    assert model.rowCount() == 6


def test_weeks_of_a_month_starting_on_monday() -> None:
    first, last = grid_range(date(2021, 2, 1))
    assert (first, last) == (date(2021, 2, 1), date(2021, 2, 28))  # exactly four weeks


def test_english_headers(qtbot: Any, desk: Desk, facility: Facility, dialogs: ScriptedDialogs) -> None:
    widget = CalendarPane(ViewContext(desk, dialogs, lang="en"))  # type: ignore[arg-type]
    qtbot.addWidget(widget)
    model = month_view(widget).model()
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Mon"
    assert model.headerData(6, Qt.Orientation.Horizontal) == "Sun"


def test_holiday_and_weekends_are_closed_and_greyed(pane: CalendarPane) -> None:
    holiday = cell(pane, SHUNBUN)
    assert not holiday.open
    assert holiday.closed_reason == "holiday"
    index = cell_index(pane, SHUNBUN)
    assert "春分の日" in index.data()
    assert "春分の日" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert index.data(Qt.ItemDataRole.BackgroundRole) is not None
    for weekend in (SATURDAY, date(2026, 3, 8)):
        assert cell(pane, weekend).closed_reason == "weekday"
        assert cell_index(pane, weekend).data(Qt.ItemDataRole.BackgroundRole) is not None
    weekday = cell(pane, WEDNESDAY)
    assert weekday.open and weekday.min_remaining == 3
    assert cell_index(pane, WEDNESDAY).data(Qt.ItemDataRole.BackgroundRole) is None


def test_days_outside_the_month_are_dimmed_and_not_selectable(pane: CalendarPane) -> None:
    outside = cell_index(pane, date(2026, 2, 27))
    assert not cell(pane, date(2026, 2, 27)).in_month
    assert not outside.flags() & Qt.ItemFlag.ItemIsEnabled
    assert outside.data(Qt.ItemDataRole.ForegroundRole) is not None


def test_year_end_and_admin_closure(qtbot: Any, pane: CalendarPane, view_context: ViewContext,
                                    facility: Facility) -> None:
    outcome = view_context.run(view_context.desk.facilities.close_day, facility.id, WEDNESDAY, "台風")
    assert outcome.ok
    closed = cell(pane, WEDNESDAY)
    assert not closed.open and closed.closed_reason == "closure"
    pane.show_day(date(2026, 12, 30))
    assert cell(pane, date(2026, 12, 30)).closed_reason == "year_end"
    assert cell(pane, date(2026, 12, 28)).open


def test_a_closed_day_shows_why_instead_of_slots(pane: CalendarPane) -> None:
    stack = pane.findChild(QStackedWidget, "dayStack")
    pane.show_day(SHUNBUN)
    label = pane.findChild(QLabel, "closedLabel")
    assert stack.currentWidget() is label
    assert "春分の日" in label.text()
    pane.show_day(TUESDAY)
    assert stack.currentWidget() is slot_view(pane)
    assert slot_texts(pane)[0] == ["8:30–9:00", "3", "0", "3"]
    assert len(slot_texts(pane)) == 17  # 8:30 … 16:30


def test_booked_and_remaining_follow_a_booking(
    qtbot: Any, pane: CalendarPane, view_context: ViewContext, facility: Facility, make_child: ChildMaker
) -> None:
    children = [make_child(facility), make_child(facility)]
    pane.show_day(TUESDAY)
    before = cell(pane, TUESDAY)
    assert (before.children, before.min_remaining) == (0, 3)

    book = view_context.desk.bookings.book
    with qtbot.waitSignal(view_context.changed):
        assert view_context.run(book, facility.id, children[0].id, TUESDAY, t("09:00"), t("11:00")).ok
    with qtbot.waitSignal(view_context.changed):
        assert view_context.run(book, facility.id, children[1].id, TUESDAY, t("10:00"), t("12:00")).ok
    after = cell(pane, TUESDAY)
    assert (after.children, after.min_remaining) == (2, 1)
    text = cell_index(pane, TUESDAY).data()
    assert "2" in text.splitlines()[1] and "1" in text.splitlines()[1]
    assert pane.day == TUESDAY
    assert slot_texts(pane)[3] == ["10:00–10:30", "3", "2", "1"]  # both children at 10:00


def test_keyboard_arrows_enter_and_slot_choice(qtbot: Any, pane: CalendarPane) -> None:
    view = month_view(pane)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert pane.day == date(2026, 3, 10)
    assert view.currentIndex() == cell_index(pane, date(2026, 3, 10))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    slots = slot_view(pane)
    assert pane.focusWidget() is slots
    assert slots.currentIndex().row() == 0
    qtbot.keyClick(slots, Qt.Key.Key_Down)
    with qtbot.waitSignal(pane.slotActivated) as blocker:
        qtbot.keyClick(slots, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert blocker.args == [date(2026, 3, 10), time(9, 0)]
    qtbot.keyClick(slots, Qt.Key.Key_Escape)
    assert pane.focusWidget() is view


def test_enter_starts_at_the_first_slot_with_room(
    qtbot: Any, pane: CalendarPane, view_context: ViewContext, facility: Facility
) -> None:
    desk = view_context.desk
    assert view_context.run(desk.facilities.set_capacity, facility.id, 0, on=TUESDAY,
                            start=t("08:30"), end=t("10:00")).ok
    pane.show_day(TUESDAY)
    qtbot.keyClick(month_view(pane), Qt.Key.Key_Return)
    assert slot_view(pane).currentIndex().row() == 3  # 10:00


def test_double_click_on_a_slot_emits_it(qtbot: Any, pane: CalendarPane) -> None:
    pane.show_day(WEDNESDAY)
    slots = slot_view(pane)
    rect = slots.visualRect(slots.model().index(2, 0))
    assert slots.viewport().rect().contains(rect.center())
    qtbot.mouseClick(slots.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(pane.slotActivated) as blocker:
        qtbot.mouseDClick(slots.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [WEDNESDAY, time(9, 30)]


def test_a_closed_day_emits_no_slot(qtbot: Any, pane: CalendarPane) -> None:
    view = month_view(pane)
    for _ in range(5):
        qtbot.keyClick(view, Qt.Key.Key_Right)
    assert pane.day == SATURDAY
    with qtbot.assertNotEmitted(pane.slotActivated):
        qtbot.keyClick(view, Qt.Key.Key_Return)
        qtbot.keyClick(slot_view(pane), Qt.Key.Key_Return)
    assert pane.focusWidget() is not slot_view(pane)


def test_page_keys_and_arrows_change_month(qtbot: Any, pane: CalendarPane) -> None:
    view = month_view(pane)
    label = pane.findChild(QLabel, "monthLabel")
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert pane.day == date(2026, 4, 2)
    assert label.text() == "2026年4月"
    assert view.model().rowCount() == 5
    assert view.currentIndex() == cell_index(pane, date(2026, 4, 2))
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert pane.day == date(2026, 3, 26)
    assert label.text() == "2026年3月"
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    assert pane.day == date(2026, 2, 26)
    pane.show_day(date(2026, 1, 31))
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert pane.day == date(2026, 2, 28)  # the month's last day when it is shorter
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert pane.day == NOW.date()


def test_capacity_lowered_to_zero_shows_no_place_left(
    qtbot: Any, pane: CalendarPane, view_context: ViewContext, facility: Facility
) -> None:
    pane.show_day(WEDNESDAY)
    with qtbot.waitSignal(view_context.changed):
        view_context.run(view_context.desk.facilities.set_capacity, facility.id, 0, on=WEDNESDAY)
    day = cell(pane, WEDNESDAY)
    assert day.min_remaining == 0
    index = cell_index(pane, WEDNESDAY)
    assert index.data(Qt.ItemDataRole.BackgroundRole).color().name() == FULL
    assert "0" in index.data().splitlines()[1]
    model = slot_view(pane).model()
    assert all(row[3] == "0" for row in slot_texts(pane))
    assert model.index(0, 3).data(Qt.ItemDataRole.BackgroundRole).color().name() == FULL
    assert cell_index(pane, TUESDAY).data(Qt.ItemDataRole.BackgroundRole) is None


def test_a_redraw_makes_one_availability_and_one_children_count_call(
    pane: CalendarPane, view_context: ViewContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    bookings = view_context.desk.bookings
    calls: list[str] = []
    for name in ("availability", "children_per_day", "search"):
        real = getattr(bookings, name)
        monkeypatch.setattr(bookings, name, lambda *a, _real=real, _name=name, **kw: (
            calls.append(_name), _real(*a, **kw))[1])
    view_context.changed.emit()
    assert sorted(calls) == ["availability", "children_per_day"]  # no booking records read
    calls.clear()
    pane.show_day(date(2026, 3, 12))  # same month: no query
    assert calls == []


def test_refreshes_when_the_facility_changes(
    qtbot: Any, pane: CalendarPane, view_context: ViewContext, daredemo: Facility
) -> None:
    view_context.desk.facilities.set_capacity(daredemo.id, 5)
    with qtbot.waitSignal(view_context.facilityChanged):
        view_context.set_facility(daredemo.id)
    assert cell(pane, WEDNESDAY).min_remaining == 5


def test_models_pass_the_model_tester(qtmodeltester: Any, pane: CalendarPane) -> None:
    pane.show_day(WEDNESDAY)
    qtmodeltester.check(month_view(pane).model())
    qtmodeltester.check(slot_view(pane).model())
