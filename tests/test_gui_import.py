"""Importing a request file from the approval pane (承認待ち): the file dialog, the progress
with its 中止 button, the report with the rows not imported, and files that are not
request files."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QProgressBar, QProgressDialog, QPushButton, QTableView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from hoiku_desk import messages
from hoiku_desk.services import Desk, Facility, errors
from hoiku_desk.services.records import ImportReport
from hoiku_desk.views.approval_pane import ApprovalPane
from hoiku_desk.views.context import ViewContext
from hoiku_desk.views.import_dialog import ImportProgress, ImportReportDialog, rejected_model
from tests.conftest import ChildMaker, Clock, ScriptedDialogs
from tests.helpers import t

SAMPLES = Path(__file__).resolve().parent / "fixtures" / "samples"
UTF8_SAMPLE = SAMPLES / "requests-sample.csv"
CP932_SAMPLE = SAMPLES / "requests-sample-cp932.csv"
HEADER = ("request_id,received_at,channel,type,facility_code,child_name,child_kana,birth_date,"
          "guardian_name,phone,date,start,end,target_request_id,cancel_reason")
STOPPED = "「requests.csv」の取り込みを中止しました。何も取り込んでいません。"

PaneMaker = Callable[[], ApprovalPane]


# -- set-up ------------------------------------------------------------------------------
@pytest.fixture
def sites(desk: Desk, clock: Clock, facility: Facility, daredemo: Facility, make_child: ChildMaker) -> Facility:
    """What the samples expect (K01 with an interview slot, 大野 芽依 at K01, 川口 葵 at
    D01, 2026-03-02 07:00); returns K01, the facility the pane works on."""
    make_child(facility, name="大野 芽依", kana="オオノ メイ", birth_date=date(2023, 11, 2))
    make_child(daredemo, name="川口 葵", kana="カワグチ アオイ", birth_date=date(2024, 8, 30))
    desk.interviews.add_slot(facility.id, date(2026, 3, 5), t("10:00"), t("10:30"))
    clock.set(datetime(2026, 3, 2, 7, 0))
    return facility


@pytest.fixture
def open_pane(qtbot: QtBot, view_context: ViewContext, sites: Facility) -> PaneMaker:
    """Build the pane on K01 once the test's data exists, shown so clicks and keys reach it."""

    def make() -> ApprovalPane:
        view_context.set_facility(sites.id)
        pane = ApprovalPane(view_context)
        qtbot.addWidget(pane, before_close_func=close_reports)
        pane.show()
        qtbot.waitExposed(pane)
        return pane

    return make


def close_reports(pane: ApprovalPane) -> None:
    """Reports are windows of their own: close them with the pane so no later test sees them."""
    for dialog in pane.findChildren(ImportReportDialog):
        dialog.close()


def booking_line(request_id: str, *, day: str = "2026-03-09", start: str = "09:30",
                 facility: str = "K01") -> str:
    return (f"{request_id},2026-03-02 08:15,line,booking,{facility},大野 芽依,オオノ メイ,2023-11-02,,,"
            f"{day},{start},12:00,,")


KATAKANA = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモ"


def registration_line(number: int) -> str:
    """A registration of a new child (石井 ＊＊, kana distinct per ``number`` below 35²), with
    a long comment: the service reads the file in 8 KB blocks, so progress moves only on
    large files."""
    given = KATAKANA[number // len(KATAKANA)] + KATAKANA[number % len(KATAKANA)]
    return (f"W-{number:04d},2026-03-02 07:30,web,registration,K01,石井 {given},イシイ {given},"
            f"2024-06-21,石井 美咲,090-0000-{number:04d},,,,,,{'よろしくお願いします。' * 200}")


def write(tmp_path: Path, *rows: str, header: str = HEADER) -> Path:
    path = tmp_path / "requests.csv"
    path.write_bytes(("\r\n".join((header, *rows)) + "\r\n").encode("utf-8"))
    return path


def import_file(qtbot: QtBot, pane: ApprovalPane, dialogs: ScriptedDialogs, path: Path | None) -> None:
    dialogs.answers.append(path)
    qtbot.mouseClick(pane.findChild(QPushButton, "importButton"), Qt.MouseButton.LeftButton)


def report_dialog(pane: ApprovalPane) -> ImportReportDialog:
    [dialog] = [d for d in pane.findChildren(ImportReportDialog, "importReport") if d.isVisible()]
    return dialog


def pending_ids(pane: ApprovalPane) -> list[str | None]:
    return [item.request_id for item in pane.model.rows()]


class ShowSpy(QObject):
    """Records the objectName of every widget shown while it is installed on the application."""

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            self.shown.append(watched.objectName())
        return False


@pytest.fixture
def show_spy(qapp: QApplication) -> Iterator[ShowSpy]:
    spy = ShowSpy()
    qapp.installEventFilter(spy)
    yield spy
    qapp.removeEventFilter(spy)


# -- importing -----------------------------------------------------------------------------
def test_importing_the_sample_lists_its_pending_items_and_reports_the_counts(
    qtbot: QtBot, desk: Desk, sites: Facility, dialogs: ScriptedDialogs, open_pane: PaneMaker
) -> None:
    pane = open_pane()
    assert pane.model.rowCount() == 0

    with qtbot.waitSignal(pane.countChanged, check_params_cb=lambda n: n == 2):
        import_file(qtbot, pane, dialogs, UTF8_SAMPLE)

    assert dialogs.shown[0][0] == "open_file" and "*.csv" in dialogs.shown[0][2]
    # K01's queue: the registration and the interview (L-88121 was cancelled online at once)
    assert sorted(pending_ids(pane)) == ["W-20260302-001", "W-20260302-002"]
    report = report_dialog(pane)
    assert report.summary.text() == messages.import_summary(4, 0, 1, 0)
    assert not report.findChild(QTableView, "rejectedTable").isVisible()
    assert [kind for kind, *_ in dialogs.shown] == ["open_file"]


def test_importing_the_same_file_again_reports_duplicates_and_adds_nothing(
    qtbot: QtBot, desk: Desk, sites: Facility, dialogs: ScriptedDialogs, open_pane: PaneMaker
) -> None:
    pane = open_pane()
    import_file(qtbot, pane, dialogs, UTF8_SAMPLE)
    report_dialog(pane).accept()
    before = desk.approvals.pending()

    import_file(qtbot, pane, dialogs, CP932_SAMPLE)

    assert report_dialog(pane).summary.text() == messages.import_summary(0, 5, 0, 0)
    assert desk.approvals.pending() == before
    assert sorted(pending_ids(pane)) == ["W-20260302-001", "W-20260302-002"]


def test_rows_not_imported_are_listed_by_line_with_their_reason(
    qtbot: QtBot, tmp_path: Path, sites: Facility, dialogs: ScriptedDialogs, open_pane: PaneMaker
) -> None:
    path = write(tmp_path, booking_line("L-1"), booking_line("L-2", day="2026-02-30"),
                 booking_line("L-3", day="2026-03-10"), booking_line("L-4", facility="Z99"))
    pane = open_pane()

    import_file(qtbot, pane, dialogs, path)

    report = report_dialog(pane)
    assert report.summary.text() == messages.import_summary(2, 0, 0, 2)
    table = report.findChild(QTableView, "rejectedTable")
    assert table.isVisible()
    model = table.model()
    lines = [model.index(row, 0).data() for row in range(model.rowCount())]
    reasons = [model.index(row, 1).data() for row in range(model.rowCount())]
    assert lines == ["3", "5"]
    assert "利用日" in reasons[0] and "Z99" in reasons[1]
    assert sorted(pending_ids(pane)) == ["L-1", "L-3"]


def test_the_report_lists_rows_in_line_order_whatever_the_order_reported(qtbot: QtBot) -> None:
    report = ImportReport(accepted=1, rejected=[(9, "後の行"), (2, "前の行"), (5, "中の行")])
    dialog = ImportReportDialog(report, "requests.csv")
    qtbot.addWidget(dialog)

    assert [dialog.model.record(row) for row in range(dialog.model.rowCount())] == [
        (2, "前の行"), (5, "中の行"), (9, "後の行")]


@pytest.mark.parametrize(("selected", "expected"), [
    ([0, 2], "2\t前の行\n9\t後の行"),
    ([], "2\t前の行\n5\t中の行\n9\t後の行"),
], ids=["selected-rows", "nothing-selected-copies-all"])
def test_ctrl_c_copies_rows_as_tab_separated_text(qtbot: QtBot, selected: list[int], expected: str) -> None:
    dialog = ImportReportDialog(ImportReport(rejected=[(9, "後の行"), (2, "前の行"), (5, "中の行")]), "x.csv")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    table = dialog.findChild(QTableView, "rejectedTable")
    table.clearSelection()
    for row in selected:
        table.selectionModel().select(
            table.model().index(row, 0),
            table.selectionModel().SelectionFlag.Select | table.selectionModel().SelectionFlag.Rows,
        )
    QGuiApplication.clipboard().clear()

    qtbot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)

    assert QGuiApplication.clipboard().text() == expected


def test_ok_closes_the_report(qtbot: QtBot, tmp_path: Path, sites: Facility, dialogs: ScriptedDialogs,
                              open_pane: PaneMaker) -> None:
    pane = open_pane()
    import_file(qtbot, pane, dialogs, write(tmp_path, booking_line("L-1"), booking_line("L-2", day="x")))
    report = report_dialog(pane)

    qtbot.keyClick(report.findChild(QTableView, "rejectedTable"), Qt.Key.Key_Return)

    assert not report.isVisible()
    assert pending_ids(pane) == ["L-1"]


def test_rejected_rows_model_is_consistent(qtmodeltester: ModelTester) -> None:
    model = rejected_model()
    model.set_rows([(2, "利用日が正しくありません"), (4, "施設コード Z99 は登録されていません")])
    qtmodeltester.check(model)


# -- files that are not request files ----------------------------------------------------------
@pytest.mark.parametrize("content", [
    bytes(range(256)) * 8,
    b"L-1,2026-03-02 08:15,line,booking,K01\r\nL-2,2026-03-02 08:16,line,booking,K01\r\n",
    b"",
], ids=["binary", "no-header-columns", "empty"])
def test_a_file_that_is_not_a_request_file_is_refused_and_nothing_changes(
    qtbot: QtBot, tmp_path: Path, desk: Desk, sites: Facility, dialogs: ScriptedDialogs, open_pane: PaneMaker,
    content: bytes,
) -> None:
    desk.sync.import_requests(write(tmp_path, booking_line("L-0")))
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    pane = open_pane()
    before = desk.approvals.pending()

    import_file(qtbot, pane, dialogs, path)

    kind, _title, text = dialogs.shown[-1]
    assert kind == "warn"
    assert "bad.csv" in text and "申請ファイルではありません" in text and "何も取り込んでいません" in text
    assert desk.approvals.pending() == before and pending_ids(pane) == ["L-0"]
    assert pane.findChildren(ImportReportDialog) == []


def test_closing_the_file_dialog_does_nothing(
    qtbot: QtBot, desk: Desk, sites: Facility, dialogs: ScriptedDialogs, open_pane: PaneMaker
) -> None:
    pane = open_pane()

    with qtbot.assertNotEmitted(pane.ctx.changed):
        import_file(qtbot, pane, dialogs, None)

    assert [kind for kind, *_ in dialogs.shown] == ["open_file"]
    assert pane.findChildren(ImportReportDialog) == [] and desk.approvals.pending() == []


def test_ctrl_i_imports_and_the_tooltip_says_so(
    qtbot: QtBot, sites: Facility, dialogs: ScriptedDialogs, open_pane: PaneMaker
) -> None:
    pane = open_pane()
    pane.windowHandle().requestActivate()  # shortcuts reach the active window only
    qtbot.waitUntil(pane.isActiveWindow)
    button = pane.findChild(QPushButton, "importButton")
    assert "Ctrl+I" in button.toolTip()
    dialogs.answers.append(UTF8_SAMPLE)

    qtbot.keyClick(pane.table, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)

    assert report_dialog(pane).summary.text() == messages.import_summary(4, 0, 1, 0)


# -- progress -------------------------------------------------------------------------------
def test_a_quick_import_shows_no_progress_dialog(
    qtbot: QtBot, tmp_path: Path, sites: Facility, dialogs: ScriptedDialogs, open_pane: PaneMaker, show_spy: ShowSpy
) -> None:
    pane = open_pane()

    import_file(qtbot, pane, dialogs, write(tmp_path, booking_line("L-1")))

    assert "importProgress" not in show_spy.shown and "importReport" in show_spy.shown


def test_stopping_the_import_imports_nothing_and_says_so(
    qtbot: QtBot, tmp_path: Path, desk: Desk, sites: Facility, dialogs: ScriptedDialogs, open_pane: PaneMaker
) -> None:
    path = write(tmp_path, *(registration_line(n) for n in range(60)), header=f"{HEADER},comment")
    pane = open_pane()
    pane.progress_delay_ms = 0
    children = len(desk.children.search("イシイ"))
    stopped_at: list[int] = []

    def press_stop() -> None:
        [progress] = [d for d in pane.findChildren(QProgressDialog, "importProgress") if d.isVisible()]
        stop = progress.findChild(QPushButton)
        assert stop.text() == "Stop"
        stopped_at.append(progress.value())
        qtbot.mouseClick(stop, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, press_stop)
    with qtbot.assertNotEmitted(pane.ctx.changed):
        import_file(qtbot, pane, dialogs, path)

    assert stopped_at and 0 < stopped_at[0] < 100
    assert dialogs.shown[-1][0] == "inform" and dialogs.shown[-1][2] == STOPPED
    assert desk.approvals.pending() == [] and pending_ids(pane) == []
    assert len(desk.children.search("イシイ")) == children
    assert pane.findChildren(ImportReportDialog) == []


def test_progress_moves_once_per_whole_percent(qtbot: QtBot) -> None:
    progress = ImportProgress("requests.csv", delay_ms=0)
    qtbot.addWidget(progress)
    values: list[int] = []
    progress.findChild(QProgressBar).valueChanged.connect(values.append)

    for step in range(1, 1000):
        progress(step / 1000)

    assert values == list(range(1, 100))
    assert progress.isVisible()


def test_progress_after_stop_raises_the_cancelled_import_error(qtbot: QtBot) -> None:
    progress = ImportProgress("requests.csv", delay_ms=0)
    qtbot.addWidget(progress)
    progress(0.2)
    progress.cancel()

    with pytest.raises(errors.ImportFileError) as raised:
        progress(0.2)

    assert raised.value.reason == "cancelled" and str(raised.value) == STOPPED


# -- in Japanese ----------------------------------------------------------------------------
def test_in_japanese_the_button_progress_and_report_read_as_staff_expect(
    qtbot: QtBot, japanese: None, view_context: ViewContext
) -> None:
    pane = ApprovalPane(view_context)
    qtbot.addWidget(pane)
    progress = ImportProgress("requests.csv", delay_ms=0)
    qtbot.addWidget(progress)
    progress(0.5)
    report = ImportReportDialog(ImportReport(accepted=3, duplicates=2, cancelled=1, rejected=[(4, "理由")]),
                                "requests.csv")
    qtbot.addWidget(report)

    assert pane.findChild(QPushButton, "importButton").text() == "ファイルから取り込み(&I)…"
    assert progress.findChild(QPushButton).text() == "中止"
    assert report.summary.text() == "取り込み 3件、取り込み済み（重複） 2件、キャンセル適用 1件、取り込めなかった行 1件。"
    assert [report.model.headerData(c, Qt.Orientation.Horizontal) for c in range(2)] == ["行", "理由"]
