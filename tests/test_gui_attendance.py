"""The attendance pane (出席簿): the day's list, check-in and check-out, no-show, payment."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDateEdit, QLabel, QPushButton, QTableView, QTimeEdit
from pytestqt.qtbot import QtBot

from hoiku_desk import messages
from hoiku_desk.services import Booking, Child, Desk, Facility, Pickup, errors
from hoiku_desk.printing.daily_list import daily_list_html
from hoiku_desk.views.attendance_pane import (
    AttendancePane,
    attendance_model,
    caregiver_model,
    caregiver_runs,
    parse_yen,
)
from hoiku_desk.views.context import ViewContext
from tests.conftest import ChildMaker, Clock, ScriptedDialogs
from tests.helpers import NOW, TUESDAY, t

MONDAY = NOW.date()


@pytest.fixture
def hanako(make_child: ChildMaker, facility: Facility) -> Child:
    return make_child(facility, name="山田 花子", kana="ヤマダ ハナコ", phone="090-1111-2222",
                      allergies="卵")


@pytest.fixture
def morning(desk: Desk, facility: Facility, hanako: Child) -> Booking:
    """Today 9:30–11:30, picked up by the grandmother: 600円."""
    grandmother = Pickup(kind="other", name="山田 和子", relation="祖母", phone="03-1111-2222")
    return desk.bookings.book(facility.id, hanako.id, MONDAY, t("09:30"), t("11:30"), pickup=grandmother)


@pytest.fixture
def afternoon(desk: Desk, facility: Facility, make_child: ChildMaker) -> Booking:
    child = make_child(facility, name="木村 蓮", kana="キムラ レン")
    return desk.bookings.book(facility.id, child.id, MONDAY, t("13:00"), t("15:00"))


@pytest.fixture
def pane(qtbot: QtBot, view_context: ViewContext) -> AttendancePane:
    """The pane in its own active window, as when staff open the attendance tab."""
    widget = AttendancePane(view_context)
    qtbot.addWidget(widget)
    widget.resize(1200, 600)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


def table(pane: AttendancePane) -> QTableView:
    return pane.findChild(QTableView, "attendanceTable")


def cell(pane: AttendancePane, row: int, column: int) -> str:
    model = table(pane).model()
    return str(model.data(model.index(row, column)))


def click(qtbot: QtBot, pane: AttendancePane, name: str) -> None:
    qtbot.mouseClick(pane.findChild(QPushButton, name), Qt.MouseButton.LeftButton)


def error_text(pane: AttendancePane) -> str:
    label = pane.findChild(QLabel, "attendanceError")
    return label.text() if label.isVisible() else ""


def test_lists_today_with_what_caregivers_need(
    morning: Booking, afternoon: Booking, pane: AttendancePane
) -> None:
    assert pane.objectName() == "attendancePane"
    assert pane.findChild(QDateEdit, "attendanceDate").date() == QDate(2026, 3, 2)
    assert table(pane).model().rowCount() == 2
    first = [cell(pane, 0, column) for column in range(10)]
    assert first == ["9:30–11:30", "山田 花子", "ヤマダ ハナコ", first[3], "卵", "山田 和子 (祖母)",
                     "090-1111-2222", "確定", "600円", "0円"]
    assert first[3].endswith("か月")
    assert cell(pane, 1, 1) == "木村 蓮"


def test_check_in_then_out_through_the_buttons(
    qtbot: QtBot, morning: Booking, pane: AttendancePane, desk: Desk, facility: Facility, clock: Clock
) -> None:
    clock.set(datetime(2026, 3, 2, 9, 25))
    table(pane).selectRow(0)
    assert not pane.findChild(QPushButton, "checkOutButton").isEnabled()
    click(qtbot, pane, "checkInButton")
    row = desk.attendance.daily_list(facility.id, MONDAY)[0]
    assert (row.status, row.checked_in_at) == ("attended", datetime(2026, 3, 2, 9, 25))
    assert cell(pane, 0, 7) == "In care 9:25–"
    assert pane.findChild(QLabel, "attendanceHeading").text() == "Children: 1 / in care now: 1"
    assert not pane.findChild(QPushButton, "checkInButton").isEnabled()

    clock.set(datetime(2026, 3, 2, 11, 40))
    click(qtbot, pane, "checkOutButton")
    assert desk.attendance.daily_list(facility.id, MONDAY)[0].checked_out_at == datetime(2026, 3, 2, 11, 40)
    assert cell(pane, 0, 7) == "利用済 9:25–11:40"
    assert pane.findChild(QLabel, "attendanceHeading").text() == "Children: 1 / in care now: 0"


def test_keyboard_f5_checks_in_and_enter_does_the_next_step(
    qtbot: QtBot, morning: Booking, pane: AttendancePane, desk: Desk, clock: Clock, dialogs: ScriptedDialogs
) -> None:
    clock.set(datetime(2026, 3, 2, 9, 28))
    table(pane).setFocus()
    table(pane).selectRow(0)
    qtbot.keyClick(table(pane), Qt.Key.Key_F5)
    assert desk.bookings.get(morning.id).status == "attended"
    clock.set(datetime(2026, 3, 2, 11, 0))
    table(pane).setCurrentIndex(table(pane).model().index(0, 0))
    dialogs.answers.append("")  # leaving before 11:30: an early pick-up, no note given
    qtbot.keyClick(table(pane), Qt.Key.Key_Return)
    assert dialogs.shown[-1][0] == "ask_text"
    assert cell(pane, 0, 7) == "利用済 9:28–11:00"
    assert "F5" in pane.findChild(QPushButton, "checkInButton").toolTip()
    assert "Ctrl+I" in pane.findChild(QPushButton, "checkInButton").toolTip()


def test_ctrl_i_checks_in_and_alt_mnemonics_work(
    qtbot: QtBot, morning: Booking, pane: AttendancePane, desk: Desk, clock: Clock
) -> None:
    table(pane).selectRow(0)
    qtbot.keyClick(table(pane), Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert desk.bookings.get(morning.id).status == "attended"
    clock.set(datetime(2026, 3, 2, 11, 30))
    qtbot.keyClick(table(pane), Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)  # Check &out
    qtbot.waitUntil(lambda: cell(pane, 0, 7) == "利用済 9:00–11:30")


def test_payment_defaults_to_the_fee_due(
    qtbot: QtBot, morning: Booking, pane: AttendancePane, dialogs: ScriptedDialogs
) -> None:
    table(pane).selectRow(0)
    dialogs.answers.append("")
    click(qtbot, pane, "paymentButton")
    assert dialogs.shown[-1][0] == "ask_text" and "600円" in dialogs.shown[-1][2]
    assert cell(pane, 0, 9) == "600円"

    dialogs.answers.append("－１００円")  # a refund typed in full width
    click(qtbot, pane, "paymentButton")
    assert "0円" in dialogs.shown[-1][2] and cell(pane, 0, 9) == "500円"


def test_a_payment_that_is_no_amount_shows_its_sentence(
    qtbot: QtBot, morning: Booking, pane: AttendancePane, dialogs: ScriptedDialogs, desk: Desk,
    facility: Facility,
) -> None:
    table(pane).selectRow(0)
    dialogs.answers.append("たくさん")
    click(qtbot, pane, "paymentButton")
    refusal = errors.InvalidInput(field="amount_yen", value="たくさん", reason="amount")
    assert error_text(pane) == messages.message(refusal, "ja")
    click(qtbot, pane, "paymentButton")  # cancelled: nothing recorded, nothing said
    assert desk.attendance.daily_list(facility.id, MONDAY)[0].paid_yen == 0
    assert error_text(pane) == ""


def test_refusals_show_the_sentence_to_read_out(
    qtbot: QtBot, afternoon: Booking, pane: AttendancePane, desk: Desk, dialogs: ScriptedDialogs
) -> None:
    table(pane).selectRow(0)
    click(qtbot, pane, "noShowButton")  # 13:00 has not come yet at 9:00
    assert dialogs.shown[-1][0] == "confirm"
    refusal = errors.InvalidState(what="booking", status="confirmed", action="no_show")
    assert error_text(pane) == messages.message(refusal, "ja")
    assert desk.bookings.get(afternoon.id).status == "confirmed"


def test_no_show_after_the_start_is_recorded_when_confirmed(
    qtbot: QtBot, afternoon: Booking, pane: AttendancePane, desk: Desk, clock: Clock, dialogs: ScriptedDialogs
) -> None:
    clock.set(datetime(2026, 3, 2, 13, 30))
    table(pane).selectRow(0)
    dialogs.answers.append(False)
    click(qtbot, pane, "noShowButton")
    assert desk.bookings.get(afternoon.id).status == "confirmed"
    click(qtbot, pane, "noShowButton")
    assert desk.bookings.get(afternoon.id).status == "no_show"
    assert cell(pane, 0, 7) == "無断欠席" and cell(pane, 0, 8) == "600円"


def test_another_day_lists_that_day_and_checking_in_there_is_refused(
    qtbot: QtBot, pane: AttendancePane, desk: Desk, facility: Facility, hanako: Child
) -> None:
    desk.bookings.book(facility.id, hanako.id, TUESDAY, t("10:00"), t("12:00"))
    assert table(pane).model().rowCount() == 0
    pane.findChild(QDateEdit, "attendanceDate").setDate(QDate(2026, 3, 3))
    assert table(pane).model().rowCount() == 1
    table(pane).selectRow(0)
    click(qtbot, pane, "checkInButton")
    assert "登園受付" in error_text(pane)
    click(qtbot, pane, "todayButton")
    assert pane.day() == MONDAY


def test_refreshes_when_data_changes_elsewhere(
    pane: AttendancePane, view_context: ViewContext, facility: Facility, hanako: Child
) -> None:
    assert table(pane).model().rowCount() == 0
    view_context.run(view_context.desk.bookings.book, facility.id, hanako.id, MONDAY, t("10:00"), t("12:00"))
    assert table(pane).model().rowCount() == 1


def test_model_is_a_valid_qt_model(  # type: ignore[no-untyped-def]
    qtmodeltester, desk: Desk, facility: Facility, morning: Booking
) -> None:
    model = attendance_model("ja")
    model.set_rows(desk.attendance.daily_list(facility.id, MONDAY))
    qtmodeltester.check(model)
    assert model.data(model.index(0, 4), Qt.ItemDataRole.BackgroundRole) is not None  # allergies


@pytest.mark.parametrize(("typed", "amount"), [
    ("", 600), ("1200", 1200), ("1,200円", 1200), ("１２００", 1200), ("¥600", 600), ("-300", -300),
    ("abc", None), ("1.5", None),
])
def test_parse_yen(typed: str, amount: int | None) -> None:
    assert parse_yen(typed, 600) == amount


def test_date_defaults_to_the_desks_today(pane: AttendancePane) -> None:
    assert pane.day() == date(2026, 3, 2)


def test_the_time_field_records_a_time_staff_typed(
    qtbot: QtBot, morning: Booking, pane: AttendancePane, desk: Desk, clock: Clock
) -> None:
    field = pane.findChild(QTimeEdit, "attendanceTime")
    assert field.time() == QTime(9, 0)
    clock.set(datetime(2026, 3, 2, 9, 40))
    table(pane).selectRow(0)
    field.setTime(QTime(9, 32))  # she came at 9:32; staff mark it later
    click(qtbot, pane, "checkInButton")
    assert desk.attendance.daily_list(morning.facility_id, MONDAY)[0].checked_in_at == datetime(2026, 3, 2, 9, 32)
    assert field.time() == QTime(9, 40)  # back to the current time


def test_an_early_pick_up_asks_a_note_and_cancelling_it_keeps_the_child_in_care(
    qtbot: QtBot, morning: Booking, pane: AttendancePane, desk: Desk, clock: Clock, dialogs: ScriptedDialogs
) -> None:
    table(pane).selectRow(0)
    click(qtbot, pane, "checkInButton")
    clock.set(datetime(2026, 3, 2, 10, 15))
    pane.reset_time()
    click(qtbot, pane, "checkOutButton")  # the note is not given: nothing recorded
    assert dialogs.shown[-1][0] == "ask_text" and "11:30" in dialogs.shown[-1][2]
    assert desk.attendance.daily_list(morning.facility_id, MONDAY)[0].checked_out_at is None

    dialogs.answers.append("体調不良のため早退")
    click(qtbot, pane, "checkOutButton")
    row = desk.attendance.daily_list(morning.facility_id, MONDAY)[0]
    assert (row.checked_out_at, row.attendance_note) == (datetime(2026, 3, 2, 10, 15), "体調不良のため早退")
    assert row.fee_due_yen == 600  # the booked fee stays


def test_totals_and_caregivers_per_slot(
    qtbot: QtBot, morning: Booking, afternoon: Booking, pane: AttendancePane, clock: Clock
) -> None:
    table(pane).selectRow(0)
    click(qtbot, pane, "checkInButton")
    totals = pane.findChild(QLabel, "attendanceTotals").text()
    assert totals == "Expected 2 · present 1 · gone home 0 · no-shows 0 · fees due 1,200円, paid 0円"
    caregivers = pane.findChild(QTableView, "caregiverTable").model()
    rows = [[str(caregivers.data(caregivers.index(r, c))) for c in range(4)] for r in range(caregivers.rowCount())]
    with_children = [row for row in rows if row[1] != "0"]
    assert [row[0] for row in with_children] == ["9:30–11:30", "13:00–15:00"]
    assert all(row[3] == "2" for row in with_children)  # never fewer than 2 while a child is there
    assert with_children[0][2].startswith("age ")


def test_caregiver_model_is_a_valid_qt_model(  # type: ignore[no-untyped-def]
    qtmodeltester, desk: Desk, facility: Facility, morning: Booking
) -> None:
    model = caregiver_model()
    model.set_rows(caregiver_runs(desk.attendance.caregivers(facility.id, MONDAY)))
    qtmodeltester.check(model)


def test_save_pdf_writes_the_days_list(
    qtbot: QtBot, morning: Booking, pane: AttendancePane, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    dialogs.answers.append(tmp_path / "出席簿")
    click(qtbot, pane, "pdfButton")
    [save, confirm] = dialogs.shown[-2:]
    assert save[0] == "save_file" and "2026-03-02" in save[2] and save[2].endswith("_個人情報.pdf")
    assert confirm[0] == "confirm" and "personal data" in confirm[2]  # tmp_path is outside the data folder
    written = tmp_path / "出席簿.pdf"
    assert written.read_bytes()[:4] == b"%PDF"
    assert error_text(pane) == ""


def test_the_list_is_not_saved_outside_the_data_folder_unless_staff_confirm(
    qtbot: QtBot, morning: Booking, pane: AttendancePane, dialogs: ScriptedDialogs, tmp_path: Path,
    isolated_data_dir: Path,
) -> None:
    isolated_data_dir.mkdir(parents=True, exist_ok=True)
    dialogs.answers.extend([tmp_path / "usb" / "list.pdf", False, isolated_data_dir / "list.pdf"])
    click(qtbot, pane, "pdfButton")
    click(qtbot, pane, "pdfButton")

    assert not (tmp_path / "usb").exists()
    assert [kind for kind, *_ in dialogs.shown[-3:]] == ["save_file", "confirm", "save_file"]
    assert (isolated_data_dir / "list.pdf").read_bytes()[:4] == b"%PDF"


def test_a_pdf_that_cannot_be_written_shows_its_sentence(
    qtbot: QtBot, morning: Booking, pane: AttendancePane, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    dialogs.answers.append(tmp_path / "no such folder" / "list.pdf")
    click(qtbot, pane, "pdfButton")
    assert "書き込めませんでした" in error_text(pane)


def test_print_preview_paints_the_list(
    morning: Booking, pane: AttendancePane, tmp_path: Path
) -> None:
    dialog = pane.printing.preview_dialog()
    assert isinstance(dialog, QPrintPreviewDialog)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "preview.pdf"))
    dialog.paintRequested.emit(printer)  # what the preview does to draw its pages
    assert (tmp_path / "preview.pdf").read_bytes()[:4] == b"%PDF"
    assert pane.printing.paint(daily_list_html_for(pane), printer) >= 1
    dialog.deleteLater()


def test_print_asks_the_printer_on_a4_landscape(morning: Booking, pane: AttendancePane) -> None:
    dialog = pane.printing.print_dialog()
    assert isinstance(dialog, QPrintDialog)
    layout = dialog.printer().pageLayout()
    assert layout.orientation() == QPageLayout.Orientation.Landscape
    assert layout.pageSize().id() == QPageSize.PageSizeId.A4
    assert "Ctrl+P" in pane.findChild(QPushButton, "printButton").toolTip()
    assert "Ctrl+Shift+P" in pane.findChild(QPushButton, "previewButton").toolTip()
    dialog.deleteLater()


def daily_list_html_for(pane: AttendancePane) -> str:
    return daily_list_html(pane.ctx.desk.attendance.daily_sheet(pane.ctx.facility_id, pane.day()))


def test_the_preview_button_opens_the_preview_without_blocking(
    qtbot: QtBot, morning: Booking, pane: AttendancePane
) -> None:
    click(qtbot, pane, "previewButton")
    (dialog,) = [d for d in pane.findChildren(QPrintPreviewDialog) if d.isVisible()]
    dialog.reject()
    assert error_text(pane) == ""


def test_the_print_button_asks_the_printer_without_blocking(
    qtbot: QtBot, morning: Booking, pane: AttendancePane
) -> None:
    click(qtbot, pane, "printButton")
    (dialog,) = [d for d in pane.findChildren(QPrintDialog) if d.isVisible()]
    assert dialog.printer() is pane.printing.printer()
    dialog.reject()
