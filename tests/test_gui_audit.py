"""The audit log pane (admin), driven through its widgets on a prepared day of work."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QTableView

from hoiku_desk.services import AuditEntry, Booking, Desk, Facility
from hoiku_desk.views import audit_pane
from hoiku_desk.views.audit_model import audit_model, detail_text, entity_labels
from hoiku_desk.views.audit_pane import AuditPane
from hoiku_desk.views.context import ViewContext
from tests.conftest import Clock, ScriptedDialogs
from tests.helpers import NOW, TUESDAY, t

PASSWORD = "hikari-2026"
OLD_DAY = datetime(2026, 2, 20, 10, 0)  # ten days before NOW: outside the last 7 days
HEADER = ["at", "staff_login", "action", "entity", "entity_id", "before", "after"]


@dataclass
class Day:
    """What the prepared day holds."""

    cancelled: Booking
    attended: Booking


@pytest.fixture
def day(desk: Desk, facility: Facility, make_child, clock: Clock) -> Day:  # type: ignore[no-untyped-def]
    """Ten days ago a child was added; today the admin ``kocho`` booked and cancelled for
    石井 颯, and the staff member ``hoiku`` booked, checked in and took a payment for 佐藤 結衣
    (five minutes between each step)."""
    clock.set(OLD_DAY)
    make_child(name="山本 蓮", kana="ヤマモト レン")
    clock.set(NOW)
    hayate = make_child(facility, name="石井 颯", kana="イシイ ハヤテ", phone="090-1111-2222")
    yui = make_child(facility, name="佐藤 結衣", kana="サトウ ユイ", phone="090-3333-4444")
    desk.staff.add("kocho", "園長 花子", PASSWORD, role="admin")
    desk.login("kocho", PASSWORD)
    desk.staff.add("hoiku", "保育 太郎", PASSWORD)

    def step() -> None:
        clock.advance(minutes=5)

    step()
    booking = desk.bookings.book(facility.id, hayate.id, TUESDAY, t("09:00"), t("11:00"))
    step()
    desk.cancellations.cancel(booking.id, "illness")
    step()
    desk.login("hoiku", PASSWORD)
    step()
    attended = desk.bookings.book(facility.id, yui.id, NOW.date(), t("10:00"), t("12:00"))
    step()
    desk.attendance.check_in(attended.id)
    step()
    desk.attendance.record_payment(attended.id, 600)
    desk.login("kocho", PASSWORD)
    return Day(cancelled=desk.bookings.get(booking.id), attended=attended)


@pytest.fixture
def pane(qtbot, day: Day, view_context: ViewContext) -> Iterator[AuditPane]:  # type: ignore[no-untyped-def]
    widget = AuditPane(view_context)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget


def child(pane: AuditPane, cls: type, name: str):  # type: ignore[no-untyped-def]
    found = pane.findChild(cls, name)
    assert found is not None, name
    return found


def rows(pane: AuditPane) -> list[list[str]]:
    """The listed rows' texts: time, staff, action, what."""
    model = child(pane, QTableView, "auditTable").model()
    return [[model.index(r, c).data() for c in range(4)] for r in range(model.rowCount())]


def actions(pane: AuditPane) -> list[str]:
    return [row[2] for row in rows(pane)]


def choose(pane: AuditPane, box_name: str, text: str) -> None:
    box = child(pane, QComboBox, box_name)
    index = box.findText(text, Qt.MatchFlag.MatchStartsWith)
    assert index >= 0, text
    box.setCurrentIndex(index)


def select_action(qtbot, pane: AuditPane, action: str) -> None:  # type: ignore[no-untyped-def]
    """Select the row of ``action`` with the keyboard: into the list, then Down to it."""
    table = child(pane, QTableView, "auditTable")
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    for _ in range(actions(pane).index(action)):
        qtbot.keyClick(table, Qt.Key.Key_Down)


def test_the_days_entries_are_listed_newest_first_with_who_did_what(pane: AuditPane, day: Day) -> None:
    listed = rows(pane)

    assert [row[:3] for row in listed[:7]] == [
        ["3月2日(月) 9:30", "kocho", "Logged in"],
        ["3月2日(月) 9:30", "hoiku", "Payment"],
        ["3月2日(月) 9:25", "hoiku", "Check-in"],
        ["3月2日(月) 9:20", "hoiku", "Booking made"],
        ["3月2日(月) 9:15", "hoiku", "Logged in"],
        ["3月2日(月) 9:10", "kocho", "Cancellation"],
        ["3月2日(月) 9:05", "kocho", "Booking made"],
    ]
    assert listed[5][3] == f"Booking {day.cancelled.number} 3月3日(火) 9:00–11:00"
    assert listed[2][3] == f"Booking {day.attended.number} 3月2日(月) 10:00–12:00"
    assert ["3月2日(月) 9:00", "Built-in administrator", "Child added", "Child 石井 颯"] in listed
    assert "Child 山本 蓮" not in [row[3] for row in listed]  # ten days ago
    assert child(pane, QLabel, "auditStatus").text() == f"{len(listed)} entries."


def only_dates(pane: AuditPane) -> None:
    pane.from_edit.set_day(OLD_DAY.date())
    pane.to_edit.set_day(OLD_DAY.date() + timedelta(days=1))


def only_hoiku(pane: AuditPane) -> None:
    choose(pane, "auditStaffBox", "保育 太郎 (hoiku)")


def only_attendance(pane: AuditPane) -> None:
    choose(pane, "auditActionBox", "Attendance")


def only_cancellations_and_fees(pane: AuditPane) -> None:
    choose(pane, "auditActionBox", "Cancellations and fees")


def only_staff_accounts(pane: AuditPane) -> None:
    choose(pane, "auditActionBox", "Staff accounts and logins")


@pytest.mark.parametrize(("narrow", "expected"), [
    (only_dates, ["Child added"]),
    (only_hoiku, ["Payment", "Check-in", "Booking made", "Logged in"]),
    (only_attendance, ["Payment", "Check-in"]),
    (only_cancellations_and_fees, ["Payment", "Cancellation"]),
    (only_staff_accounts, ["Logged in", "Logged in", "Staff account added", "Logged in",
                           "Staff account added"]),
])
def test_each_filter_narrows_the_list(
    pane: AuditPane, narrow: Callable[[AuditPane], None], expected: list[str]
) -> None:
    everything = len(rows(pane))

    narrow(pane)

    assert actions(pane) == expected
    assert len(expected) < everything


def test_the_date_filter_finds_the_child_added_ten_days_ago(pane: AuditPane) -> None:
    only_dates(pane)

    assert rows(pane) == [["2月20日(金) 10:00", "Built-in administrator", "Child added", "Child 山本 蓮"]]


def test_the_child_filter_is_chosen_by_typing_a_phone_number(
    qtbot, pane: AuditPane, day: Day  # type: ignore[no-untyped-def]
) -> None:
    search = child(pane, QLineEdit, "auditChildSearch")
    search.setFocus()
    qtbot.waitUntil(search.hasFocus)

    qtbot.keyClicks(search, "0901111")

    assert child(pane, QComboBox, "auditChildBox").currentText().startswith("石井 颯 (イシイ ハヤテ")
    assert actions(pane) == ["Cancellation", "Booking made", "Registration approved",
                             "Registration applied for", "Child added"]
    qtbot.keyClicks(search, "9")  # 09011119: nobody
    assert child(pane, QComboBox, "auditChildBox").currentText() == "No child found"
    assert rows(pane) == []
    search.clear()
    assert child(pane, QComboBox, "auditChildBox").currentText() == "All children"
    assert "Check-in" in actions(pane)


def test_the_detail_shows_a_cancellation_before_and_after(
    qtbot, pane: AuditPane, day: Day  # type: ignore[no-untyped-def]
) -> None:
    detail = child(pane, QPlainTextEdit, "auditDetail")
    assert detail.toPlainText() == ""

    select_action(qtbot, pane, "Cancellation")

    lines = detail.toPlainText().splitlines()
    assert lines[0] == "2026年3月2日(月) 9:10  kocho"
    assert lines[1] == f"Cancellation: Booking {day.cancelled.number} 3月3日(火) 9:00–11:00"
    assert "Status: 確定 → キャンセル" in lines
    assert "Reason: — → 体調不良" in lines
    assert "After the deadline: — → No" in lines
    assert "Fee: 600円 → 0円" in lines
    assert not any(line.startswith(("Date:", "Start:", "Number:")) for line in lines)  # unchanged


def test_the_selected_entry_stays_selected_after_a_change(
    qtbot, pane: AuditPane, view_context: ViewContext, desk: Desk, day: Day  # type: ignore[no-untyped-def]
) -> None:
    select_action(qtbot, pane, "Cancellation")

    view_context.run(desk.attendance.check_out, day.attended.id)

    assert actions(pane)[0] == "Check-out"
    assert "Status: 確定 → キャンセル" in child(pane, QPlainTextEdit, "auditDetail").toPlainText()


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


@pytest.mark.parametrize("narrow", [only_hoiku, only_cancellations_and_fees])
def test_the_export_writes_the_filtered_entries(
    qtbot, pane: AuditPane, dialogs: ScriptedDialogs, tmp_path: Path,  # type: ignore[no-untyped-def]
    narrow: Callable[[AuditPane], None],
) -> None:
    narrow(pane)
    listed = child(pane, QTableView, "auditTable").model().rows()
    dialogs.answers.append(tmp_path / "audit")  # typed without the suffix

    qtbot.mouseClick(child(pane, QPushButton, "auditExportButton"), Qt.MouseButton.LeftButton)

    header, *written = read_csv(tmp_path / "audit.csv")
    assert header == HEADER
    assert [row[:5] for row in written] == [  # the file: oldest first
        [f"{e.at:%Y-%m-%d %H:%M}", e.staff_login, e.action, e.entity, e.entity_id] for e in reversed(listed)]
    save, confirm, inform = dialogs.shown
    assert save[0] == "save_file" and save[2] == "audit_20260302_個人情報.csv"
    assert confirm[0] == "confirm" and "outside the data folder" in confirm[2]  # tmp_path is
    assert inform[0] == "inform" and f"Wrote {len(listed)} entries" in inform[2] and "personal data" in inform[2]


@pytest.mark.parametrize("narrow", [only_hoiku, only_cancellations_and_fees])
def test_an_export_that_cannot_be_written_says_why(
    qtbot, pane: AuditPane, dialogs: ScriptedDialogs, tmp_path: Path,  # type: ignore[no-untyped-def]
    narrow: Callable[[AuditPane], None],
) -> None:
    narrow(pane)
    dialogs.answers.append(tmp_path / "missing" / "folder" / "audit.csv")
    (tmp_path / "missing").write_text("a file, not a folder", encoding="utf-8")

    qtbot.mouseClick(child(pane, QPushButton, "auditExportButton"), Qt.MouseButton.LeftButton)

    [_save, _confirm, (kind, _title, text)] = dialogs.shown
    assert kind == "warn" and "audit.csv" in text
    assert child(pane, QLabel, "auditStatus").text() == text


def test_a_staff_login_sees_the_notice_and_not_the_log(
    qtbot, pane: AuditPane, desk: Desk, view_context: ViewContext  # type: ignore[no-untyped-def]
) -> None:
    table = child(pane, QTableView, "auditTable")
    notice = child(pane, QLabel, "auditAdminOnly")
    assert table.isVisible() and not notice.isVisible()

    desk.login("hoiku", PASSWORD)
    view_context.staffChanged.emit()

    assert notice.isVisible() and not table.isVisible()
    assert notice.text() == "Only an administrator can see the audit log."
    assert table.model().rowCount() == 0

    desk.login("kocho", PASSWORD)
    view_context.staffChanged.emit()

    assert table.isVisible() and table.model().rowCount() > 0


def test_the_log_is_read_only_while_the_pane_is_shown(
    qtbot, pane: AuditPane, desk: Desk, view_context: ViewContext, day: Day  # type: ignore[no-untyped-def]
) -> None:
    pane.hide()

    view_context.run(desk.attendance.check_out, day.attended.id)

    assert actions(pane)[0] == "Logged in"  # not read while hidden
    pane.show()
    qtbot.waitExposed(pane)
    assert actions(pane)[0] == "Check-out"


def test_only_the_newest_entries_are_listed_when_there_are_too_many(
    qtbot, monkeypatch: pytest.MonkeyPatch, desk: Desk, view_context: ViewContext, day: Day  # type: ignore[no-untyped-def]
) -> None:
    monkeypatch.setattr(audit_pane, "MAX_ROWS", 4)
    everything = len(desk.audit.entries(since=datetime(2026, 2, 24)))
    widget = AuditPane(view_context)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)

    assert actions(widget) == ["Logged in", "Payment", "Check-in", "Booking made"]
    assert child(widget, QLabel, "auditStatus").text().startswith(
        f"Showing the newest 4 of {everything} entries.")


def entry(action: str, before: dict | None, after: dict | None, entity: str = "booking") -> AuditEntry:
    return AuditEntry(datetime(2026, 3, 2, 9, 5, 30), "kocho", action, entity, "x1", before, after)


@pytest.mark.parametrize(("audited", "line"), [
    (entry("staff.update", {"login": "hoiku", "role": "staff"}, {"login": "hoiku", "role": "admin"}, "staff"),
     "Role: Staff → Administrator"),
    (entry("child.update", {"name": "石井 颯", "guardian": {"id": "g1", "phone": "090-1"}},
           {"name": "石井 颯", "guardian": {"id": "g1", "phone": "090-2"}}, "child"),
     "Guardian: Phone: 090-1 → 090-2"),
    (entry("facility.update_rules", {"closed_weekdays": [5, 6], "hourly_fee_yen": 300},
           {"closed_weekdays": [6], "hourly_fee_yen": 300}, "facility"),
     "Closed weekdays: 土日 → 日"),
    (entry("booking.add", None, {"id": "x1", "day": "2026-03-03", "start": "09:00:00", "number": "0303-01"}),
     "Start: 9:00"),
    (entry("facility.remove_capacity", {"capacity": 5, "weekday": 1}, None, "capacity_setting"),
     "Capacity: 5 → —"),
])
def test_the_detail_reads_each_kind_of_change(audited: AuditEntry, line: str) -> None:
    text = detail_text(audited, "ja", entity_labels(), lambda _id: "")

    assert line in text.splitlines()
    assert "x1" not in text and "g1" not in text  # ids are bookkeeping


def test_the_model_passes_the_model_tester_and_shows_unknown_actions_as_they_are(
    qtmodeltester, desk: Desk, day: Day  # type: ignore[no-untyped-def]
) -> None:
    model = audit_model("ja", lambda facility_id: "K01" if facility_id else "")
    model.set_rows([*desk.audit.entries(), entry("future.thing", None, None, "gadget")])

    qtmodeltester.check(model)

    last = model.rowCount() - 1
    assert [model.index(last, c).data() for c in range(4)] == ["3月2日(月) 9:05", "kocho", "future.thing", "gadget"]
    assert model.index(last, 2).data(Qt.ItemDataRole.ToolTipRole) == "future.thing"
    assert model.index(last, 0).data(Qt.ItemDataRole.ToolTipRole) == "2026年3月2日(月) 9:05:30"
    booking_rows = [r for r in range(last) if model.index(r, 2).data() == "Cancellation"]
    assert model.index(booking_rows[0], 3).data().startswith("K01 Booking ")


def test_the_pane_starts_on_the_last_seven_days(pane: AuditPane) -> None:
    assert (pane.from_edit.day(), pane.to_edit.day()) == (date(2026, 2, 24), date(2026, 3, 2))


def test_tab_walks_the_filters_then_the_list(qtbot, pane: AuditPane) -> None:  # type: ignore[no-untyped-def]
    pane.window().activateWindow()
    pane.setFocus()
    qtbot.waitUntil(pane.from_edit.hasFocus)
    visited = []
    for _ in range(8):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget().objectName())

    assert visited == ["auditToEdit", "auditStaffBox", "auditActionBox", "auditChildSearch", "auditChildBox",
                       "auditExportButton", "auditTable", "auditDetail"]


def test_dates_ending_today_move_on_with_the_days(
    qtbot, pane: AuditPane, clock: Clock, desk: Desk, view_context: ViewContext, day: Day  # type: ignore[no-untyped-def]
) -> None:
    pane.hide()
    clock.set(NOW + timedelta(days=1))
    view_context.run(desk.attendance.check_out, day.attended.id, at=NOW + timedelta(hours=3))

    pane.show()
    qtbot.waitExposed(pane)

    assert (pane.from_edit.day(), pane.to_edit.day()) == (date(2026, 2, 25), date(2026, 3, 3))
    assert rows(pane)[0][:3] == ["3月3日(火) 9:00", "kocho", "Check-out"]
