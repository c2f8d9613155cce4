"""The reservations pane (予約一覧・キャンセル): search, change, cancel one or many, closures."""

from __future__ import annotations

from collections.abc import Callable
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QTableView

from hoiku_desk.services import Booking, Desk, Facility
from hoiku_desk.views.cancel_dialog import (
    CallListDialog,
    CallRow,
    CancelDialog,
    ClosureDialog,
    PreviewRow,
    call_list_html,
    call_model,
    preview_model,
)
from hoiku_desk.views.context import ViewContext
from hoiku_desk.views.reservations_pane import ChangeDialog, ReservationsPane, reservation_model
from tests.conftest import ScriptedDialogs
from tests.helpers import TUESDAY, t

AFTER_DEADLINE = datetime(2026, 3, 2, 18, 0)  # Tuesday's free cancellation ended at 17:00
SATURDAY = date(2026, 3, 7)

PaneMaker = Callable[[], ReservationsPane]


def book(desk: Desk, facility: Facility, child_id: str, start: str = "09:30", end: str = "12:00") -> Booking:
    return desk.bookings.book(facility.id, child_id, TUESDAY, t(start), t(end))


@pytest.fixture
def open_pane(qtbot, view_context: ViewContext) -> PaneMaker:  # type: ignore[no-untyped-def]
    """Build the pane once the test's data exists."""

    def make() -> ReservationsPane:
        pane = ReservationsPane(view_context)
        qtbot.addWidget(pane)
        pane.show()
        qtbot.waitExposed(pane)
        return pane

    return make


def table(pane: ReservationsPane) -> QTableView:
    return pane.findChild(QTableView, "reservationTable")


def numbers(pane: ReservationsPane) -> list[str]:
    model = table(pane).model()
    return [model.data(model.index(row, 0)) for row in range(model.rowCount())]


def ok(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def choose(box: QComboBox, data: str) -> None:
    box.setCurrentIndex(box.findData(data))


def preview_texts(dialog: CancelDialog, column: int) -> list[str]:
    model = dialog.findChild(QTableView, "cancelPreview").model()
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


# -- search ---------------------------------------------------------------------------------
def test_search_by_phone_and_by_booking_number(
    qtbot, desk: Desk, facility: Facility, make_child, open_pane: PaneMaker
) -> None:
    first = book(desk, facility, make_child(facility, phone="090-1111-2222").id)
    second = book(desk, facility, make_child(facility, phone="080-3333-4444").id)
    pane = open_pane()
    assert sorted(numbers(pane)) == sorted([first.number, second.number])
    query = pane.findChild(QLineEdit, "reservationQuery")

    qtbot.keyClicks(query, "09011112222")
    assert numbers(pane) == [first.number]

    query.clear()
    qtbot.keyClicks(query, second.number)
    assert numbers(pane) == [second.number]


def test_rows_show_date_with_weekday_and_interviews_are_marked(
    desk: Desk, facility: Facility, make_child, open_pane: PaneMaker
) -> None:
    child = make_child(facility)
    registration = desk.registrations.apply(make_child().id, facility.id)
    slot = desk.interviews.add_slot(facility.id, TUESDAY, t("14:00"), t("14:30"))
    desk.interviews.book(registration.id, slot.id)
    book(desk, facility, child.id)
    pane = open_pane()
    model = table(pane).model()

    assert model.data(model.index(0, 1)) == "3月3日(火)"
    kinds = [model.data(model.index(row, 5)) for row in range(model.rowCount())]
    assert any("(面談用)" in kind for kind in kinds)
    status = pane.findChild(QComboBox, "reservationStatus")
    status.setCurrentIndex(status.findText("キャンセル"))  # none cancelled yet
    assert model.rowCount() == 0


def test_detail_shows_the_selected_booking_with_the_guardians_phone(
    desk: Desk, facility: Facility, make_child, open_pane: PaneMaker
) -> None:
    booking = book(desk, facility, make_child(facility, phone="090-5555-6666").id)
    pane = open_pane()
    table(pane).selectRow(0)

    detail = pane.findChild(QPlainTextEdit, "reservationDetail").toPlainText()
    assert booking.number in detail and "090-5555-6666" in detail


# -- change ---------------------------------------------------------------------------------
def test_changing_times_keeps_the_number(
    qtbot, desk: Desk, facility: Facility, make_child, open_pane: PaneMaker
) -> None:
    booking = book(desk, facility, make_child(facility).id)
    pane = open_pane()
    table(pane).selectRow(0)
    dialog = pane.open_change_dialog()
    assert dialog is not None and dialog.isVisible()
    assert not dialog.findChild(QLabel, "changeLate").isVisible()

    choose(dialog.findChild(QComboBox, "changeEnd"), "11:00")
    ok(qtbot, dialog)

    changed = desk.bookings.get(booking.id)
    assert (changed.number, changed.start, changed.end) == (booking.number, t("09:30"), t("11:00"))
    assert not dialog.isVisible()


def test_a_late_change_shows_its_late_part_before_saving(
    qtbot, desk: Desk, clock, facility: Facility, make_child, dialogs, open_pane: PaneMaker
) -> None:
    booking = book(desk, facility, make_child(facility).id)  # 150 minutes, 750 yen
    clock.set(AFTER_DEADLINE)
    pane = open_pane()
    table(pane).selectRow(0)
    dialog = pane.open_change_dialog()
    assert dialog is not None

    choose(dialog.findChild(QComboBox, "changeEnd"), "11:00")
    late = dialog.findChild(QLabel, "changeLate")
    assert late.isVisible() and "1時間" in late.text() and "300円" in late.text()
    dialogs.answers.append(False)
    ok(qtbot, dialog)
    assert desk.bookings.get(booking.id).end == t("12:00") and dialog.isVisible()

    ok(qtbot, dialog)

    assert [kind for kind, _title, _text in dialogs.shown] == ["confirm", "confirm"]
    assert "300円" in dialogs.shown[-1][2]
    changed = desk.bookings.get(booking.id)
    assert (changed.number, changed.end) == (booking.number, t("11:00"))


def test_a_refused_change_shows_its_sentence_and_saves_nothing(
    qtbot, desk: Desk, facility: Facility, make_child, open_pane: PaneMaker
) -> None:
    booking = book(desk, facility, make_child(facility).id)
    pane = open_pane()
    table(pane).selectRow(0)
    dialog = pane.open_change_dialog()
    assert dialog is not None

    dialog.date_edit.setDate(dialog.date_edit.date().addDays(4))  # Saturday: closed
    ok(qtbot, dialog)

    error = dialog.findChild(QLabel, "changeError")
    assert error.isVisible() and "3月7日" in error.text()
    assert desk.bookings.get(booking.id).day == TUESDAY


def test_changing_the_pickup_person(
    qtbot, desk: Desk, facility: Facility, make_child, open_pane: PaneMaker
) -> None:
    booking = book(desk, facility, make_child(facility).id)
    pane = open_pane()
    table(pane).selectRow(0)
    dialog = pane.open_change_dialog()
    assert dialog is not None
    choose(dialog.findChild(QComboBox, "changePickupKind"), "other")
    dialog.findChild(QLineEdit, "changePickupName").setText("石井 花子")  # QTest types Latin-1 only
    ok(qtbot, dialog)
    assert dialog.findChild(QLabel, "changeError").isVisible()  # a phone is needed too

    dialog.findChild(QLineEdit, "changePickupRelation").setText("祖母")
    qtbot.keyClicks(dialog.findChild(QLineEdit, "changePickupPhone"), "090-7777-8888")
    ok(qtbot, dialog)

    pickup = desk.bookings.get(booking.id).pickup
    assert (pickup.kind, pickup.name, pickup.relation) == ("other", "石井 花子", "祖母")


# -- cancel ---------------------------------------------------------------------------------
def test_single_cancellation_before_the_deadline_is_free(
    qtbot, desk: Desk, facility: Facility, make_child, open_pane: PaneMaker
) -> None:
    booking = book(desk, facility, make_child(facility).id)
    pane = open_pane()
    table(pane).selectRow(0)
    dialog = pane.open_cancel_dialog()
    assert dialog is not None and dialog.objectName() == "cancelDialog"

    assert preview_texts(dialog, 4) == ["0円"]
    dialog.findChild(QLineEdit, "cancelDetail").setText("発熱")
    ok(qtbot, dialog)

    assert desk.bookings.get(booking.id).status == "cancelled"
    assert numbers(pane) == []  # the active list no longer holds it


def test_bulk_cancellation_after_the_deadline_previews_the_late_fees(
    qtbot, desk: Desk, clock, facility: Facility, make_child, open_pane: PaneMaker
) -> None:
    first = book(desk, facility, make_child(facility).id)
    second = book(desk, facility, make_child(facility).id, "13:00", "15:00")
    clock.set(AFTER_DEADLINE)
    pane = open_pane()
    table(pane).selectAll()
    assert pane.findChild(QPushButton, "cancelButton").isEnabled()
    assert not pane.findChild(QPushButton, "changeButton").isEnabled()
    dialog = pane.open_cancel_dialog()
    assert dialog is not None

    assert preview_texts(dialog, 4) == ["750円", "600円"]
    totals = dialog.findChild(QLabel, "cancelTotals")
    assert "1,350円" in totals.text()
    choose(dialog.findChild(QComboBox, "cancelReason"), "facility")
    assert preview_texts(dialog, 4) == ["0円", "0円"]
    choose(dialog.findChild(QComboBox, "cancelReason"), "illness")
    ok(qtbot, dialog)

    assert {desk.bookings.get(b.id).status for b in (first, second)} == {"cancelled"}
    assert [o.fee_yen for o in dialog.outcomes] == [750, 600]


def test_a_started_booking_cannot_be_cancelled(
    qtbot, desk: Desk, clock, facility: Facility, make_child, open_pane: PaneMaker
) -> None:
    booking = book(desk, facility, make_child(facility).id)
    clock.set(datetime(2026, 3, 3, 10, 0))
    pane = open_pane()
    table(pane).selectRow(0)
    dialog = pane.open_cancel_dialog()
    assert dialog is not None

    (note,) = preview_texts(dialog, 6)
    assert booking.number in note
    assert not dialog.ok_button.isEnabled()
    ok(qtbot, dialog)
    assert desk.bookings.get(booking.id).status == "confirmed"


def test_buttons_and_keys_open_the_dialogs(
    qtbot, desk: Desk, facility: Facility, make_child, open_pane: PaneMaker
) -> None:
    book(desk, facility, make_child(facility).id)
    pane = open_pane()
    table(pane).selectRow(0)

    qtbot.mouseClick(pane.findChild(QPushButton, "cancelButton"), Qt.MouseButton.LeftButton)
    (cancel,) = pane.findChildren(CancelDialog)
    assert cancel.isVisible()
    cancel.reject()
    qtbot.mouseClick(pane.findChild(QPushButton, "changeButton"), Qt.MouseButton.LeftButton)
    (change,) = pane.findChildren(ChangeDialog)
    assert change.isVisible()
    change.reject()
    qtbot.mouseClick(pane.findChild(QPushButton, "closureButton"), Qt.MouseButton.LeftButton)
    assert pane.findChild(ClosureDialog).isVisible()


# -- closure --------------------------------------------------------------------------------
def test_closure_leads_to_free_bulk_cancellation_and_a_call_list(
    qtbot, desk: Desk, clock, facility: Facility, make_child, open_pane: PaneMaker
) -> None:
    first = book(desk, facility, make_child(facility, phone="090-1212-3434").id)
    second = book(desk, facility, make_child(facility, phone="080-5656-7878").id, "13:00", "15:00")
    clock.set(AFTER_DEADLINE)
    pane = open_pane()
    closure = pane.open_closure_dialog()
    closure.date_edit.setDate(closure.date_edit.date().addDays(1))
    closure.findChild(QLineEdit, "closureReason").setText("台風")
    ok(qtbot, closure)

    (cancel,) = [d for d in pane.findChildren(CancelDialog) if d.isVisible()]
    assert cancel.reason() == "facility"
    assert preview_texts(cancel, 4) == ["0円", "0円"]
    ok(qtbot, cancel)

    assert {desk.bookings.get(b.id).status for b in (first, second)} == {"cancelled"}
    assert [o.fee_yen for o in cancel.outcomes] == [0, 0]
    (calls,) = [d for d in pane.findChildren(CallListDialog) if d.isVisible()]
    model = calls.findChild(QTableView, "callListTable").model()
    phones = {model.data(model.index(row, 4)) for row in range(model.rowCount())}
    assert phones == {"090-1212-3434", "080-5656-7878"}


def test_a_bulk_cancellation_for_the_facility_opens_the_call_list(
    qtbot, desk: Desk, facility: Facility, make_child, open_pane: PaneMaker
) -> None:
    book(desk, facility, make_child(facility, phone="090-4545-6767").id)
    book(desk, facility, make_child(facility).id, "13:00", "15:00")
    pane = open_pane()
    table(pane).selectAll()
    cancel = pane.open_cancel_dialog(reason="illness")
    ok(qtbot, cancel)
    assert not [d for d in pane.findChildren(CallListDialog) if d.isVisible()]

    book(desk, facility, make_child(facility, phone="080-1010-2020").id, "09:00", "10:00")
    pane.refresh()
    table(pane).selectAll()
    facility_cancel = pane.open_cancel_dialog(reason="facility")
    ok(qtbot, facility_cancel)
    (calls,) = [d for d in pane.findChildren(CallListDialog) if d.isVisible()]
    model = calls.findChild(QTableView, "callListTable").model()
    assert [model.data(model.index(row, 4)) for row in range(model.rowCount())] == ["080-1010-2020"]


def test_the_call_list_is_saved_as_a_pdf_with_the_numbers(
    qtbot, desk: Desk, facility: Facility, make_child, open_pane: PaneMaker, dialogs: ScriptedDialogs,
    tmp_path: Path,
) -> None:
    child = make_child(facility, name="髙橋 翔太", phone="090-1212-3434")
    booking = book(desk, facility, child.id)
    calls = open_pane().open_call_list([booking])
    dialogs.answers.append(tmp_path / "calls.pdf")
    qtbot.mouseClick(calls.findChild(QPushButton, "callListPdf"), Qt.MouseButton.LeftButton)
    written = tmp_path / "calls.pdf"
    assert written.read_bytes()[:4] == b"%PDF"
    text = subprocess.run(["pdftotext", "-layout", str(written), "-"], capture_output=True, text=True,
                          encoding="utf-8", check=True).stdout
    assert "髙橋 翔太" in text and "090-1212-3434" in text and booking.number in text
    assert not calls.findChild(QLabel, "callListError").isVisible()


def test_the_call_list_html_escapes_and_says_when_nobody_is_to_be_called(
    desk: Desk, facility: Facility, make_child
) -> None:
    booking = book(desk, facility, make_child(facility).id)
    row = CallRow(booking, "<b>山田</b> & 母", "03-1234-5678")
    html = call_list_html([row], "ひまわり<保育園>", datetime(2026, 3, 2, 8, 15))
    assert "&lt;b&gt;山田&lt;/b&gt; &amp; 母" in html and "ひまわり&lt;保育園&gt;" in html
    assert "03-1234-5678" in html and "令和8年3月3日(火)" in html
    assert "ありません" in call_list_html([], "ひまわり", datetime(2026, 3, 2, 8, 15))


def test_a_closure_without_a_reason_is_refused_in_the_dialog(
    qtbot, facility: Facility, open_pane: PaneMaker
) -> None:
    pane = open_pane()
    closure = pane.open_closure_dialog()
    ok(qtbot, closure)
    assert closure.findChild(QLabel, "closureError").isVisible()
    assert closure.isVisible()


# -- long lists -----------------------------------------------------------------------------
@pytest.fixture
def seven_bookings(desk: Desk, facility: Facility, make_child) -> list[Booking]:  # type: ignore[no-untyped-def]
    """Seven bookings on Tuesday, in the list's order (by start)."""
    desk.facilities.update_rules(facility.id, default_capacity=10)
    return [book(desk, facility, make_child(facility).id, f"{9 + hour:02}:00", f"{10 + hour:02}:00")
            for hour in range(7)]


def paged_pane(open_pane: PaneMaker, chunk: int) -> ReservationsPane:
    """The pane reading ``chunk`` bookings at a time, in a list three rows high."""
    pane = open_pane()
    pane.model.chunk = chunk
    view = table(pane)
    view.setFixedHeight(view.horizontalHeader().height() + 3 * view.verticalHeader().defaultSectionSize())
    pane.search()
    return pane


def scroll_to_end(qtbot, view: QTableView) -> None:  # type: ignore[no-untyped-def]
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: bar.value() < bar.maximum() or not view.model().canFetchMore())


def test_a_long_list_reads_more_bookings_when_scrolled_to_the_end(
    qtbot, japanese, seven_bookings: list[Booking], open_pane: PaneMaker
) -> None:
    pane = paged_pane(open_pane, 3)
    count = pane.findChild(QLabel, "reservationCount")
    assert numbers(pane) == [b.number for b in seven_bookings[:3]]
    assert count.text() == "7件中 3件を表示（続きはスクロールで表示）"

    scroll_to_end(qtbot, table(pane))
    while pane.model.canFetchMore():
        assert count.text() == f"7件中 {pane.model.rowCount()}件を表示（続きはスクロールで表示）"
        scroll_to_end(qtbot, table(pane))

    assert numbers(pane) == [b.number for b in seven_bookings]
    assert count.text() == "7件"


def test_bulk_cancellation_cancels_every_selected_booking_across_pages(
    qtbot, desk: Desk, seven_bookings: list[Booking], open_pane: PaneMaker
) -> None:
    pane = paged_pane(open_pane, 3)
    while pane.model.canFetchMore():
        scroll_to_end(qtbot, table(pane))
    table(pane).selectAll()
    dialog = pane.open_cancel_dialog()
    assert dialog is not None
    ok(qtbot, dialog)

    assert {desk.bookings.get(b.id).status for b in seven_bookings} == {"cancelled"}
    assert numbers(pane) == []


def test_a_refresh_keeps_the_rows_read_and_the_selection(
    qtbot, desk: Desk, seven_bookings: list[Booking], open_pane: PaneMaker, view_context: ViewContext
) -> None:
    pane = paged_pane(open_pane, 3)
    scroll_to_end(qtbot, table(pane))
    table(pane).selectRow(4)

    view_context.run(desk.cancellations.cancel, seven_bookings[0].id, "illness")

    assert numbers(pane) == [b.number for b in seven_bookings[1:7]]
    assert [b.id for b in pane.selected_bookings()] == [seven_bookings[4].id]


def test_new_filters_read_the_first_page_again(
    qtbot, seven_bookings: list[Booking], open_pane: PaneMaker
) -> None:
    pane = paged_pane(open_pane, 3)
    scroll_to_end(qtbot, table(pane))
    pane.findChild(QComboBox, "reservationStatus").setCurrentIndex(1)  # all statuses

    assert numbers(pane) == [b.number for b in seven_bookings[:3]]


# -- models ---------------------------------------------------------------------------------
def test_models(qtmodeltester, desk: Desk, facility: Facility, make_child) -> None:
    child = make_child(facility)
    bookings = [book(desk, facility, child.id),
                book(desk, facility, make_child(facility).id, "13:00", "15:00")]
    reservations = reservation_model("ja")
    reservations.set_rows(bookings)
    qtmodeltester.check(reservations)
    reservations.chunk = 1
    reservations.set_source(iter(bookings), len(bookings))
    assert reservations.rowCount() == 1 and reservations.canFetchMore()
    qtmodeltester.check(reservations)

    preview = preview_model("ja")
    preview.set_rows([PreviewRow(bookings[0], desk.cancellations.preview(bookings[0].id, "illness")),
                      PreviewRow(bookings[1], None, "キャンセルできません。")])
    qtmodeltester.check(preview)

    calls = call_model("ja")
    qtmodeltester.check(calls)
