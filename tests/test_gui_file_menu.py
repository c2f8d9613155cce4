"""The File menu (ファイル) of the main window: importing a request file, and writing the
decision, availability and actuals files the command line writes, each with its sentence;
a file with children's personal data says so in its name and warns before it leaves the
data folder."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QTableView
from pytestqt.qtbot import QtBot

from hoiku_desk import messages
from hoiku_desk.services import Booking, Child, Desk, Facility, errors
from hoiku_desk.views.export_dialogs import ActualsExportDialog, AvailabilityExportDialog
from hoiku_desk.views.import_dialog import ImportReportDialog
from hoiku_desk.views.main_window import MainWindow
from hoiku_desk.views.privacy import PERSONAL_MARKER
from tests.conftest import ChildMaker, Clock, ScriptedDialogs
from tests.helpers import NOW, t

REQUEST_HEADER = ("request_id,received_at,channel,type,facility_code,child_name,child_kana,birth_date,"
                  "date,start,end")
DECISIONS_HEADER = ["request_id", "kind", "decision", "booking_number", "reason", "valid_until", "late",
                    "fee_yen", "quota_minutes", "decided_at"]
AVAILABILITY_HEADER = ["facility_code", "date", "start", "capacity", "taken", "remaining"]
ACTUALS_HEADER = ["facility_code", "child_name", "child_kana", "birth_date", "month", "booked_days",
                  "attended_days", "booked_minutes", "attended_minutes", "late_cancel_minutes",
                  "no_show_minutes", "fee_due_yen", "fee_paid_yen"]
SUMMARY_HEADER = ["facility_code", "month", "age_band", "children", "child_days", "attended_minutes"]
CTRL = Qt.KeyboardModifier.ControlModifier
EXPORTS = ["exportDecisionsAction", "exportAvailabilityAction", "exportActualsAction"]
PERSONAL_WARNING = ("This file holds children's personal data and will be saved outside the data folder "
                    "({}). If you save it on a USB stick or in a shared folder, please handle it with care. "
                    "Save it?")


# -- set-up ------------------------------------------------------------------------------
@pytest.fixture
def window(qtbot: QtBot, desk: Desk, facility: Facility, dialogs: ScriptedDialogs) -> Iterator[MainWindow]:
    """The main window on K01, shown and active so its keys work."""
    built = MainWindow(desk, dialogs=dialogs)  # type: ignore[arg-type]
    qtbot.addWidget(built, before_close_func=close_dialogs)
    built.show()
    qtbot.waitExposed(built)
    built.activateWindow()
    qtbot.waitUntil(built.isActiveWindow)
    yield built


def close_dialogs(window: MainWindow) -> None:
    """Dialogs the window opened are windows of their own: close them with it."""
    for dialog in window.findChildren(QDialog):
        dialog.close()


@pytest.fixture
def meiko(make_child: ChildMaker, facility: Facility) -> Child:
    """大野 芽依, registered at K01 (the child of the channels' booking requests)."""
    return make_child(facility, name="大野 芽依", kana="オオノ メイ", birth_date=date(2023, 11, 2))


def request_file(folder: Path) -> Path:
    """A request file with one booking request, L-1 from LINE, for 大野 芽依 on 9 March."""
    path = folder / "in.csv"
    path.write_text(f"{REQUEST_HEADER}\nL-1,2026-03-02 08:15,line,booking,K01,大野 芽依,オオノ メイ,"
                    "2023-11-02,2026-03-09,09:30,12:00\n", encoding="utf-8")
    return path


@pytest.fixture
def approved_request(desk: Desk, meiko: Child, tmp_path: Path) -> str:
    """The booking request L-1, imported and approved: one decision to send back."""
    desk.sync.import_requests(request_file(tmp_path))
    [item] = desk.approvals.pending()
    desk.approvals.approve(item.id)
    return "L-1"


@pytest.fixture
def february_use(desk: Desk, clock: Clock, facility: Facility, meiko: Child) -> Booking:
    """大野 芽依 came on Tuesday 3 February 9:30–12:00 (checked in and out on time)."""
    clock.set(datetime(2026, 2, 2, 9, 0))
    booking = desk.bookings.book(facility.id, meiko.id, date(2026, 2, 3), t("09:30"), t("12:00"))
    clock.set(datetime(2026, 2, 3, 9, 30))
    desk.attendance.check_in(booking.id)
    clock.set(datetime(2026, 2, 3, 12, 0))
    desk.attendance.check_out(booking.id)
    clock.set(NOW)
    return booking


def action(window: MainWindow, name: str) -> QAction:
    found = window.findChild(QAction, name)
    assert found is not None, name
    return found


def open_dialog(window: MainWindow, cls: type[QDialog]) -> QDialog:
    [dialog] = [d for d in window.findChildren(cls) if d.isVisible()]
    return dialog


def export(qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs, name: str, path: Path | None,
           *then: object) -> None:
    """Choose an export in the menu, accept its dialog (if it has one) as it stands, and
    answer the file dialog with ``path`` (None: closed), then the questions after with ``then``."""
    dialogs.answers.extend([path, *then])
    action(window, name).trigger()
    for cls in (AvailabilityExportDialog, ActualsExportDialog):
        for dialog in window.findChildren(cls):
            if dialog.isVisible():
                qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """The header and rows of a file the program wrote (UTF-8 with BOM, as Excel wants)."""
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def notices(dialogs: ScriptedDialogs, kind: str) -> list[str]:
    return [text for shown_kind, _title, text in dialogs.shown if shown_kind == kind]


def suggested(dialogs: ScriptedDialogs) -> list[str]:
    return notices(dialogs, "save_file")


# -- the menu ------------------------------------------------------------------------------
def test_the_file_menu_comes_before_help_with_every_file_command(window: MainWindow) -> None:
    menus = [a.menu() for a in window.menuBar().actions()]
    assert [m.title() for m in menus] == ["&File", "&Help"]
    names = [a.objectName() for a in menus[0].actions() if not a.isSeparator()]
    assert names == ["importAction", *EXPORTS, "idleMinutesAction", "logoutAction", "quitAction"]
    assert action(window, "importAction").shortcut() == QKeySequence("Ctrl+I")
    assert action(window, "logoutAction").shortcut() == QKeySequence("Ctrl+L")
    assert action(window, "quitAction").shortcut() == QKeySequence("Ctrl+Q")


PANES = ["calendar", "booking", "approvals", "reservations", "attendance", "children", "settings"]


@pytest.mark.parametrize("pane", PANES)
def test_alt_f_opens_the_file_menu_in_every_pane(qtbot: QtBot, window: MainWindow, pane: str) -> None:
    window.show_pane(getattr(window, pane))

    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)

    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None, timeout=1000)
    popup = QApplication.activePopupWidget()
    assert popup is window.menuBar().actions()[0].menu()
    popup.close()


def test_ctrl_q_closes_the_window(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_Q, CTRL)
    assert not window.isVisible()


# -- importing -----------------------------------------------------------------------------
@pytest.mark.parametrize("start", ["calendar", "approvals"])
def test_one_ctrl_i_imports_once_and_shows_the_approval_queue(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs, meiko: Child, tmp_path: Path, start: str
) -> None:
    window.show_pane(getattr(window, start))
    dialogs.answers.append(request_file(tmp_path))

    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_I, CTRL)

    assert len(notices(dialogs, "open_file")) == 1
    reports = [d for d in window.findChildren(ImportReportDialog) if d.isVisible()]
    assert len(reports) == 1
    assert reports[0].summary.text() == messages.import_summary(1, 0, 0, 0)
    assert window.tabs.currentWidget() is window.approvals
    assert window.approvals.count() == 1


def test_the_menu_item_imports_like_the_panes_button(
    window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    window.show_pane(window.calendar)

    action(window, "importAction").trigger()

    assert window.tabs.currentWidget() is window.approvals
    assert [kind for kind, *_ in dialogs.shown] == ["open_file"]  # closed: nothing more


def test_ctrl_i_in_the_attendance_list_still_checks_a_child_in(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs, desk: Desk, facility: Facility, meiko: Child
) -> None:
    booking = window.context.run(desk.bookings.book, facility.id, meiko.id, NOW.date(), t("09:30"),
                                 t("12:00")).value
    assert booking is not None
    window.show_pane(window.attendance)
    table = window.attendance.findChild(QTableView, "attendanceTable")
    qtbot.waitUntil(lambda: table.model().rowCount() == 1)
    table.setFocus()
    table.selectRow(0)

    qtbot.keyClick(table, Qt.Key.Key_I, CTRL)

    assert desk.bookings.get(booking.id).status == "attended"
    assert notices(dialogs, "open_file") == []


# -- decisions -----------------------------------------------------------------------------
def test_exporting_decisions_writes_those_since_the_previous_export(
    window: MainWindow, qtbot: QtBot, dialogs: ScriptedDialogs, approved_request: str, tmp_path: Path
) -> None:
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"

    export(qtbot, window, dialogs, "exportDecisionsAction", first)
    export(qtbot, window, dialogs, "exportDecisionsAction", second)

    assert suggested(dialogs) == ["decisions_20260302-0900.csv"] * 2
    header, rows = read_csv(first)
    assert header == DECISIONS_HEADER
    assert [(r["request_id"], r["kind"], r["decision"]) for r in rows] == [("L-1", "booking", "approved")]
    assert read_csv(second) == (DECISIONS_HEADER, [])  # already sent in the first file
    assert notices(dialogs, "inform") == [messages.export_done("decisions", 1, first),
                                          messages.export_done("decisions", 0, second)]


def test_a_name_typed_without_csv_gets_it(
    window: MainWindow, qtbot: QtBot, dialogs: ScriptedDialogs, approved_request: str, tmp_path: Path
) -> None:
    export(qtbot, window, dialogs, "exportDecisionsAction", tmp_path / "for-line")

    assert read_csv(tmp_path / "for-line.csv")[1][0]["request_id"] == "L-1"
    assert notices(dialogs, "inform") == [messages.export_done("decisions", 1, tmp_path / "for-line.csv")]


# -- availability --------------------------------------------------------------------------
def test_the_availability_dialog_offers_today_to_thirty_days_on(window: MainWindow) -> None:
    action(window, "exportAvailabilityAction").trigger()

    dialog = open_dialog(window, AvailabilityExportDialog)
    assert dialog.objectName() == "availabilityExportDialog"
    assert dialog.days() == (date(2026, 3, 2), date(2026, 4, 1))


def test_exporting_availability_writes_the_chosen_days_of_the_facility(
    window: MainWindow, qtbot: QtBot, dialogs: ScriptedDialogs, desk: Desk, facility: Facility, meiko: Child,
    tmp_path: Path,
) -> None:
    desk.bookings.book(facility.id, meiko.id, date(2026, 3, 3), t("09:30"), t("10:30"))
    out = tmp_path / "availability.csv"
    dialogs.answers.append(out)
    action(window, "exportAvailabilityAction").trigger()
    dialog = open_dialog(window, AvailabilityExportDialog)
    dialog.to_edit.set_day(date(2026, 3, 3))

    qtbot.keyClick(dialog.to_edit, Qt.Key.Key_Return)  # Enter: the default button

    assert not dialog.isVisible()
    assert suggested(dialogs) == ["availability_K01_20260302-20260303.csv"]
    header, rows = read_csv(out)
    assert header == AVAILABILITY_HEADER
    assert {r["date"] for r in rows} == {"2026-03-02", "2026-03-03"}
    assert {"facility_code": "K01", "date": "2026-03-03", "start": "09:30", "capacity": "3", "taken": "1",
            "remaining": "2"} in rows
    assert notices(dialogs, "inform") == [messages.export_done("availability", len(rows), out)]


def test_the_availability_dialog_refuses_a_last_day_before_the_first_in_japanese(
    window: MainWindow, qtbot: QtBot, dialogs: ScriptedDialogs, japanese: None
) -> None:
    dialogs.answers.append(None)
    action(window, "exportAvailabilityAction").trigger()
    dialog = open_dialog(window, AvailabilityExportDialog)
    dialog.from_edit.set_day(date(2026, 3, 10))
    dialog.to_edit.set_day(date(2026, 3, 5))

    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    error = dialog.findChild(QLabel, "availabilityError")
    assert dialog.isVisible() and error.isVisible()
    assert error.text() == "終了日が開始日より前になっています。開始日と同じ日かそれより後の日を選んでください。"
    assert suggested(dialogs) == []


# -- actuals ---------------------------------------------------------------------------------
def test_the_actuals_dialog_offers_last_month_as_csv(window: MainWindow) -> None:
    action(window, "exportActualsAction").trigger()

    dialog = open_dialog(window, ActualsExportDialog)
    assert dialog.objectName() == "actualsExportDialog"
    assert (dialog.month(), dialog.suffix()) == ((2026, 2), ".csv")


def test_exporting_actuals_as_csv_writes_the_rows_and_the_summary_beside(
    window: MainWindow, qtbot: QtBot, dialogs: ScriptedDialogs, february_use: Booking, tmp_path: Path
) -> None:
    out = tmp_path / "actuals_K01_2026-02_個人情報.csv"

    export(qtbot, window, dialogs, "exportActualsAction", out)

    assert suggested(dialogs) == ["actuals_K01_2026-02_個人情報.csv"]
    assert notices(dialogs, "confirm") == [PERSONAL_WARNING.format(tmp_path)]  # answered yes
    header, rows = read_csv(out)
    assert header == ACTUALS_HEADER
    assert [(r["child_name"], r["month"], r["attended_days"], r["attended_minutes"]) for r in rows] == [
        ("大野 芽依", "2026-02", "1", "150")]
    summary_header, bands = read_csv(tmp_path / "actuals_K01_2026-02_個人情報_summary.csv")
    assert summary_header == SUMMARY_HEADER
    assert {b["age_band"]: b["child_days"] for b in bands}["合計"] == "1"
    assert notices(dialogs, "inform") == [messages.export_done("actuals", 1, out)]


def test_exporting_actuals_as_excel_writes_one_workbook(
    window: MainWindow, qtbot: QtBot, dialogs: ScriptedDialogs, february_use: Booking, tmp_path: Path
) -> None:
    out = tmp_path / "report.xlsx"
    dialogs.answers.append(out)
    action(window, "exportActualsAction").trigger()
    dialog = open_dialog(window, ActualsExportDialog)

    qtbot.mouseClick(dialog.xlsx_radio, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    assert suggested(dialogs) == ["actuals_K01_2026-02_個人情報.xlsx"]
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["実績", "集計"]
    sheet = [[c.value for c in row] for row in book["実績"].iter_rows()]
    assert sheet[0] == ACTUALS_HEADER
    assert sheet[1][1] == "大野 芽依"
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".csv"] == []  # one file, no CSV beside
    assert notices(dialogs, "inform") == [messages.export_done("actuals", 1, out)]


# -- personal data ---------------------------------------------------------------------------
def test_saying_no_to_the_personal_data_warning_writes_nothing(
    window: MainWindow, qtbot: QtBot, dialogs: ScriptedDialogs, february_use: Booking, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    export(qtbot, window, dialogs, "exportActualsAction", usb / "actuals_K01_2026-02_個人情報.csv", False)

    assert ("confirm", "Export actuals", PERSONAL_WARNING.format(usb)) in dialogs.shown
    assert list(usb.iterdir()) == []
    assert notices(dialogs, "inform") == []


def test_actuals_saved_in_the_data_folder_need_no_warning(
    window: MainWindow, qtbot: QtBot, dialogs: ScriptedDialogs, february_use: Booking, isolated_data_dir: Path
) -> None:
    out = isolated_data_dir / "reports" / "actuals_K01_2026-02_個人情報.csv"
    out.parent.mkdir(parents=True)

    export(qtbot, window, dialogs, "exportActualsAction", out)

    assert notices(dialogs, "confirm") == []
    assert read_csv(out)[1][0]["child_name"] == "大野 芽依"


@pytest.mark.parametrize("name", ["exportDecisionsAction", "exportAvailabilityAction"])
def test_files_without_personal_data_are_written_without_a_warning(
    window: MainWindow, qtbot: QtBot, dialogs: ScriptedDialogs, approved_request: str, tmp_path: Path,
    name: str,
) -> None:
    out = tmp_path / "for-line.csv"

    export(qtbot, window, dialogs, name, out)

    assert notices(dialogs, "confirm") == []
    assert PERSONAL_MARKER not in suggested(dialogs)[0]
    assert out.exists()


# -- when nothing is written ---------------------------------------------------------------
@pytest.mark.parametrize("name", EXPORTS)
def test_closing_the_file_dialog_writes_nothing(
    window: MainWindow, qtbot: QtBot, dialogs: ScriptedDialogs, approved_request: str, tmp_path: Path,
    name: str,
) -> None:
    before = sorted(tmp_path.iterdir())

    with qtbot.assertNotEmitted(window.context.changed):
        export(qtbot, window, dialogs, name, None)

    assert [kind for kind, *_ in dialogs.shown] == ["save_file"]
    assert sorted(tmp_path.iterdir()) == before


@pytest.mark.parametrize("name", EXPORTS)
def test_a_target_that_cannot_be_written_shows_why_and_writes_nothing(
    window: MainWindow, qtbot: QtBot, dialogs: ScriptedDialogs, approved_request: str, tmp_path: Path,
    name: str,
) -> None:
    target = tmp_path / "taken.csv"
    target.mkdir()  # a folder where the file should go

    export(qtbot, window, dialogs, name, target)

    assert notices(dialogs, "warn") == [messages.message(errors.ExportFileError(path=str(target)))]
    assert notices(dialogs, "inform") == []
    assert target.is_dir() and list(target.iterdir()) == []


def test_decisions_not_written_are_sent_with_the_next_file(
    window: MainWindow, qtbot: QtBot, dialogs: ScriptedDialogs, approved_request: str, tmp_path: Path
) -> None:
    (tmp_path / "taken.csv").mkdir()
    export(qtbot, window, dialogs, "exportDecisionsAction", tmp_path / "taken.csv")

    export(qtbot, window, dialogs, "exportDecisionsAction", tmp_path / "again.csv")

    assert [r["request_id"] for r in read_csv(tmp_path / "again.csv")[1]] == ["L-1"]


# -- in Japanese ---------------------------------------------------------------------------
def test_in_japanese_the_menu_reads_as_staff_expect(
    qtbot: QtBot, japanese: None, desk: Desk, facility: Facility, dialogs: ScriptedDialogs
) -> None:
    built = MainWindow(desk, dialogs=dialogs)  # type: ignore[arg-type]
    qtbot.addWidget(built)
    menu = built.menuBar().actions()[0].menu()

    assert menu.title() == "ファイル(&F)"
    assert [a.text() for a in menu.actions() if not a.isSeparator()] == [
        "申請ファイルの取り込み(&I)…", "判定結果の書き出し(&D)…", "空き状況の書き出し(&A)…",
        "利用実績の書き出し(&T)…", "自動ロックの時間(&L)…", "ログアウト(&O)", "終了(&Q)"]

