"""The approval queue pane (承認待ち): approve, reject, approve all, the waiting count."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import QModelRoleData, QModelRoleDataSpan, Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QPushButton, QTableView

from hoiku_desk.services import Booking, Child, Desk, Facility
from hoiku_desk.views.approval_pane import ApprovalPane, approval_model
from hoiku_desk.views.context import ViewContext
from tests.helpers import TUESDAY, counted_calls, t

WEDNESDAY = date(2026, 3, 4)

PaneMaker = Callable[[], ApprovalPane]


def online_booking(desk: Desk, facility: Facility, child: Child, day: date = TUESDAY) -> Booking:
    return desk.bookings.book(facility.id, child.id, day, t("09:30"), t("12:00"), source="online")


@pytest.fixture
def open_pane(qtbot, view_context: ViewContext) -> PaneMaker:  # type: ignore[no-untyped-def]
    """Build the pane once the test's data exists, shown so clicks and shortcuts reach it."""

    def make() -> ApprovalPane:
        pane = ApprovalPane(view_context)
        qtbot.addWidget(pane)
        pane.show()
        qtbot.waitExposed(pane)
        return pane

    return make


def click(qtbot, pane: ApprovalPane, name: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(pane.findChild(QPushButton, name), Qt.MouseButton.LeftButton)


def table(pane: ApprovalPane) -> QTableView:
    return pane.findChild(QTableView, "approvalTable")


def test_approving_an_online_booking_confirms_it(
    qtbot, desk: Desk, facility: Facility, make_child, open_pane: PaneMaker
) -> None:
    booking = online_booking(desk, facility, make_child(facility, name="石井 颯"))
    pane = open_pane()
    assert table(pane).model().rowCount() == 1
    assert "石井 颯" in pane.findChild(QPlainTextEdit, "approvalDetail").toPlainText()

    with qtbot.waitSignal(pane.countChanged, check_params_cb=lambda n: n == 0):
        click(qtbot, pane, "approveButton")

    assert desk.bookings.get(booking.id).status == "confirmed"
    assert table(pane).model().rowCount() == 0
    assert desk.approvals.pending(facility.id) == []


def test_rejecting_asks_the_reason(
    qtbot, desk: Desk, facility: Facility, make_child, dialogs, open_pane: PaneMaker
) -> None:
    booking = online_booking(desk, facility, make_child(facility))
    pane = open_pane()
    dialogs.answers.append("定員のため")

    click(qtbot, pane, "rejectButton")

    assert dialogs.shown[-1][0] == "ask_text"
    assert desk.bookings.get(booking.id).status == "rejected"
    assert table(pane).model().rowCount() == 0


@pytest.mark.parametrize("answer", [None, "", "   "])
def test_rejecting_without_a_reason_does_nothing(
    qtbot, desk: Desk, facility: Facility, make_child, dialogs, open_pane: PaneMaker, answer
) -> None:
    booking = online_booking(desk, facility, make_child(facility))
    pane = open_pane()
    dialogs.answers.append(answer)

    with qtbot.assertNotEmitted(pane.countChanged):
        click(qtbot, pane, "rejectButton")

    assert desk.bookings.get(booking.id).status == "pending"
    assert table(pane).model().rowCount() == 1


def test_ctrl_return_approves_the_selected_item(
    qtbot, desk: Desk, facility: Facility, make_child, open_pane: PaneMaker
) -> None:
    booking = online_booking(desk, facility, make_child(facility))
    pane = open_pane()
    pane.windowHandle().requestActivate()  # shortcuts reach the active window only
    qtbot.waitUntil(pane.isActiveWindow)

    qtbot.keyClick(table(pane), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    qtbot.waitUntil(lambda: desk.bookings.get(booking.id).status == "confirmed")
    assert "Ctrl" in pane.findChild(QPushButton, "approveButton").toolTip()


def test_a_refused_approval_shows_its_sentence_and_the_item_stays(
    qtbot, desk: Desk, facility: Facility, make_child, open_pane: PaneMaker
) -> None:
    booking = online_booking(desk, facility, make_child(facility))
    desk.facilities.close_day(facility.id, TUESDAY, "台風")
    pane = open_pane()
    model = table(pane).model()
    assert model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is not None
    detail = pane.findChild(QPlainTextEdit, "approvalDetail").toPlainText()
    (problem,) = desk.approvals.pending(facility.id)[0].problems
    assert problem in detail

    click(qtbot, pane, "approveButton")

    error = pane.findChild(QLabel, "approvalError")
    assert error.isVisible() and "3月3日" in error.text()
    assert desk.bookings.get(booking.id).status == "pending"
    assert model.rowCount() == 1


def test_approve_all_skips_items_with_problems(
    qtbot, desk: Desk, facility: Facility, make_child, dialogs, open_pane: PaneMaker
) -> None:
    fine = online_booking(desk, facility, make_child(facility))
    troubled = online_booking(desk, facility, make_child(facility), WEDNESDAY)
    desk.facilities.close_day(facility.id, WEDNESDAY, "行事")
    pane = open_pane()
    assert pane.findChild(QLabel, "approvalHeading").text().endswith("2")

    with qtbot.waitSignal(pane.countChanged, check_params_cb=lambda n: n == 1):
        click(qtbot, pane, "approveAllButton")

    kinds = [kind for kind, _title, _text in dialogs.shown]
    assert kinds == ["confirm", "inform"]
    assert "1" in dialogs.shown[0][2]
    assert "1" in dialogs.shown[1][2]
    assert desk.bookings.get(fine.id).status == "confirmed"
    assert desk.bookings.get(troubled.id).status == "pending"
    assert not pane.findChild(QPushButton, "approveAllButton").isEnabled()


def test_approve_all_declined_changes_nothing(
    qtbot, desk: Desk, facility: Facility, make_child, dialogs, open_pane: PaneMaker
) -> None:
    booking = online_booking(desk, facility, make_child(facility))
    pane = open_pane()
    dialogs.answers.append(False)

    click(qtbot, pane, "approveAllButton")

    assert desk.bookings.get(booking.id).status == "pending"


def test_approving_a_regular_plan_reports_the_skipped_days(
    qtbot, desk: Desk, facility: Facility, make_child, dialogs, open_pane: PaneMaker
) -> None:
    child = make_child(facility)
    desk.bookings.request_regular(
        facility.id, child.id, [1], t("09:00"), t("12:00"), TUESDAY, date(2026, 3, 17)
    )
    desk.facilities.close_day(facility.id, date(2026, 3, 10), "行事")
    pane = open_pane()

    click(qtbot, pane, "approveButton")

    kind, _title, text = dialogs.shown[-1]
    assert kind == "inform" and "3月10日" in text
    assert table(pane).model().rowCount() == 0
    assert len(desk.bookings.search(facility.id, kinds=["regular"])) == 2


def test_count_follows_the_waiting_items(
    qtbot, desk: Desk, facility: Facility, make_child, view_context: ViewContext
) -> None:
    online_booking(desk, facility, make_child(facility))
    online_booking(desk, facility, make_child(facility))
    pane = ApprovalPane(view_context)
    qtbot.addWidget(pane)
    pane.show()
    assert pane.count() == 2

    with qtbot.waitSignal(pane.countChanged, check_params_cb=lambda n: n == 3):
        view_context.run(desk.bookings.book, facility.id, make_child(facility).id, WEDNESDAY,
                         t("13:00"), t("15:00"), source="online")
    assert "3" in pane.findChild(QLabel, "approvalHeading").text()


def test_a_hidden_queue_is_judged_again_only_when_shown(
    qtbot, desk: Desk, facility: Facility, make_child, view_context: ViewContext,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A booking taken on another tab does not wait for the whole queue to be judged."""
    online_booking(desk, facility, make_child(facility))
    pane = ApprovalPane(view_context)
    qtbot.addWidget(pane)
    judged = counted_calls(monkeypatch, desk.approvals, "pending")

    view_context.run(desk.bookings.book, facility.id, make_child(facility).id, WEDNESDAY,
                     t("13:00"), t("15:00"), source="online")
    assert judged == []

    pane.show()
    assert len(judged) == 1 and pane.count() == 2
    assert "2" in pane.findChild(QLabel, "approvalHeading").text()


# -- a long queue -----------------------------------------------------------------------------
@pytest.fixture
def five_waiting(desk: Desk, facility: Facility, make_child) -> list[Booking]:  # type: ignore[no-untyped-def]
    desk.facilities.update_rules(facility.id, default_capacity=10)
    return [online_booking(desk, facility, make_child(facility)) for _ in range(5)]


def paged_pane(open_pane: PaneMaker, chunk: int) -> ApprovalPane:
    """The pane putting ``chunk`` items at a time into a list three rows high."""
    pane = open_pane()
    view = table(pane)
    view.setFixedHeight(view.horizontalHeader().height() + 3 * view.verticalHeader().defaultSectionSize())
    pane.model.chunk = chunk
    pane.model.set_rows([])
    pane.refresh()
    return pane


def test_a_long_queue_fills_the_list_as_it_scrolls(
    qtbot, five_waiting: list[Booking], open_pane: PaneMaker
) -> None:
    pane = paged_pane(open_pane, 2)
    model = table(pane).model()
    assert model.rowCount() == 2
    assert pane.count() == 5
    assert pane.findChild(QLabel, "approvalHeading").text().endswith("5")

    bar = table(pane).verticalScrollBar()
    while model.canFetchMore():
        bar.setValue(bar.maximum())
        qtbot.waitUntil(lambda: bar.value() < bar.maximum() or not model.canFetchMore())

    assert sorted(model.data(model.index(row, 0), Qt.ItemDataRole.UserRole).booking_id
                  for row in range(model.rowCount())) == sorted(b.id for b in five_waiting)


def test_approve_all_approves_the_items_not_scrolled_to(
    qtbot, desk: Desk, five_waiting: list[Booking], dialogs, open_pane: PaneMaker
) -> None:
    pane = paged_pane(open_pane, 2)

    with qtbot.waitSignal(pane.countChanged, check_params_cb=lambda n: n == 0):
        click(qtbot, pane, "approveAllButton")

    assert "5" in dialogs.shown[0][2]
    assert {desk.bookings.get(b.id).status for b in five_waiting} == {"confirmed"}
    assert table(pane).model().rowCount() == 0


def test_approval_model(qtmodeltester, desk: Desk, facility: Facility, make_child) -> None:
    online_booking(desk, facility, make_child(facility))
    online_booking(desk, facility, make_child(facility), WEDNESDAY)
    desk.facilities.close_day(facility.id, WEDNESDAY, "行事")
    model = approval_model("ja")
    model.set_rows(desk.approvals.pending(facility.id))

    qtmodeltester.check(model)


def test_painting_reads_the_same_cells_in_one_call(desk: Desk, facility: Facility, make_child) -> None:
    """Views ask ``multiData`` for all of a cell's roles at once: the same answers as ``data``."""
    online_booking(desk, facility, make_child(facility))
    online_booking(desk, facility, make_child(facility), WEDNESDAY)
    desk.facilities.close_day(facility.id, WEDNESDAY, "行事")
    model = approval_model("ja")
    model.set_rows(desk.approvals.pending(facility.id))
    roles = [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.FontRole, Qt.ItemDataRole.TextAlignmentRole,
             Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.ToolTipRole]
    highlighted = 0
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            for role in roles:
                asked = QModelRoleData(int(role))
                index.multiData(QModelRoleDataSpan(asked))
                assert asked.data() == index.data(role)
                highlighted += role == Qt.ItemDataRole.BackgroundRole and asked.data() is not None
    assert highlighted == model.columnCount()  # the row with a problem, every cell
    problems = [model.data(model.index(row, 4)) for row in range(model.rowCount())]
    assert sorted(problems, key=bool)[0] == "" and "3月4日" in sorted(problems, key=bool)[1]
