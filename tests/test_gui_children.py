"""The children & registrations pane, driven through its widgets like staff do."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit, QPushButton, QTableView, QWidget

from hoiku_desk.services import Child, Desk, Facility
from hoiku_desk.views.children_pane import (
    ChildRow,
    ChildrenPane,
    ExpiringRow,
    child_model,
    expiring_model,
    registration_model,
    slot_model,
    upcoming_model,
)
from hoiku_desk.views.context import ViewContext
from tests.conftest import Clock, ScriptedDialogs

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def pane(qtbot, view_context: ViewContext) -> Iterator[ChildrenPane]:  # type: ignore[no-untyped-def]
    widget = ChildrenPane(view_context)
    qtbot.addWidget(widget)
    widget.resize(1100, 800)
    widget.show()
    activate(qtbot, widget)
    yield widget


def activate(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    """Make the window active: shortcuts only reach the active window."""
    qtbot.waitExposed(widget)
    widget.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)


def child(pane: ChildrenPane, cls: type, name: str):  # type: ignore[no-untyped-def]
    found = pane.findChild(cls, name)
    assert found is not None, name
    return found


def cell(table: QTableView, row: int, column: int) -> str:
    return str(table.model().index(row, column).data())


def column_texts(table: QTableView, column: int) -> list[str]:
    return [cell(table, row, column) for row in range(table.model().rowCount())]


def add_plain_child(desk: Desk, name: str = "田中 陽葵", kana: str = "タナカ ヒマリ") -> Child:
    return desk.children.add(name=name, kana=kana, birth_date=date(2023, 5, 10), sex="female",
                             guardian_name="田中 真一", phone="090-1111-2222")


def type_text(qtbot, widget: QWidget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type like staff do: ASCII key by key, Japanese as the input method commits it."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def type_and_tab(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type into the focused widget, then Tab to the next one."""
    widget = QApplication.focusWidget()
    assert widget is not None
    if text:
        type_text(qtbot, widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Tab)


def open_dialog(qtbot, pane: ChildrenPane, name: str) -> QDialog:  # type: ignore[no-untyped-def]
    """The dialog the pane opened (a button's shortcut clicks it a moment later)."""
    qtbot.waitUntil(lambda: pane.findChild(QDialog, name) is not None)
    dialog = child(pane, QDialog, name)
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_a_child_added_through_the_dialog_by_keyboard_is_found_by_kana(
    qtbot, pane: ChildrenPane, desk: Desk  # type: ignore[no-untyped-def]
) -> None:
    search = child(pane, QLineEdit, "childrenSearch")
    search.setFocus()
    qtbot.waitUntil(search.hasFocus)
    qtbot.keyClick(search, Qt.Key.Key_N, CTRL)
    dialog = open_dialog(qtbot, pane, "childDialog")
    name = child(dialog, QLineEdit, "childNameEdit")
    qtbot.waitUntil(name.hasFocus)

    type_and_tab(qtbot, "山田 花子")
    type_and_tab(qtbot, "ヤマダ ハナコ")
    type_and_tab(qtbot, "20240621")  # the birth date, eight digits
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Home)  # sex: the first choice, female
    type_and_tab(qtbot, "")
    for text in ("山田 太郎", "ヤマダ タロウ", "090-1234-5678", "160-0022", "東京都新宿区1-2-3",
                 "卵", "午睡は短め", "山田 明美", "祖母"):
        type_and_tab(qtbot, text)
    qtbot.keyClicks(QApplication.focusWidget(), "03-9876-5432")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: not dialog.isVisible())
    [saved] = desk.children.search("ヤマダ ハナコ")
    assert (saved.name, saved.birth_date, saved.sex) == ("山田 花子", date(2024, 6, 21), "female")
    assert (saved.guardian_name, saved.guardian_kana, saved.phone) == ("山田 太郎", "ヤマダ タロウ", "090-1234-5678")
    assert (saved.postal_code, saved.address, saved.allergies, saved.notes) == (
        "160-0022", "東京都新宿区1-2-3", "卵", "午睡は短め")
    assert [(c.name, c.relation, c.phone) for c in saved.contacts] == [("山田 明美", "祖母", "03-9876-5432")]
    assert (search.text(), pane.current_child()) == ("ヤマダ ハナコ", saved)  # shown once saved

    search.clear()
    type_text(qtbot, search, "ヤマダ")
    table = child(pane, QTableView, "childrenTable")
    assert column_texts(table, 0) == ["山田 花子"]
    assert cell(table, 0, 3) == "1歳8か月"
    assert cell(table, 0, 6) == "None"  # no registration at this facility yet
    assert pane.current_child() == saved


def test_a_duplicate_child_is_refused_in_the_dialog_and_nothing_is_saved(
    qtbot, pane: ChildrenPane, desk: Desk  # type: ignore[no-untyped-def]
) -> None:
    add_plain_child(desk)
    qtbot.mouseClick(child(pane, QPushButton, "addChildButton"), Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, pane, "childDialog")
    child(dialog, QLineEdit, "childNameEdit").setText("田中 ひまり")
    child(dialog, QLineEdit, "childKanaEdit").setText("ﾀﾅｶ ﾋﾏﾘ")  # half-width: the same kana
    dialog.birth_date_edit.setDate(date(2023, 5, 10))
    child(dialog, QLineEdit, "guardianNameEdit").setText("田中 真一")
    child(dialog, QLineEdit, "phoneEdit").setText("090-1111-2222")
    error = child(dialog, QLabel, "childDialogError")

    qtbot.keyClick(child(dialog, QLineEdit, "phoneEdit"), Qt.Key.Key_Return)

    assert dialog.isVisible()
    assert "すでに登録されています" in error.text()
    assert "2023年5月10日" in error.text()
    assert len(desk.children.search("タナカ")) == 1


def test_a_missing_field_shows_its_sentence_and_the_dialog_stays(
    qtbot, pane: ChildrenPane, desk: Desk  # type: ignore[no-untyped-def]
) -> None:
    pane.add_child()
    dialog = open_dialog(qtbot, pane, "childDialog")
    child(dialog, QLineEdit, "childNameEdit").setText("鈴木 蓮")
    child(dialog, QLineEdit, "childKanaEdit").setText("スズキ レン")
    child(dialog, QLineEdit, "guardianNameEdit").setText("鈴木 一郎")

    qtbot.keyClick(child(dialog, QLineEdit, "guardianNameEdit"), Qt.Key.Key_Return)

    assert dialog.isVisible()
    assert child(dialog, QLabel, "childDialogError").text() == "電話番号を入力してください。"
    assert desk.children.search("スズキ") == []


def test_editing_a_child_changes_it(qtbot, pane: ChildrenPane, desk: Desk) -> None:  # type: ignore[no-untyped-def]
    original = add_plain_child(desk)
    search = child(pane, QLineEdit, "childrenSearch")
    search.setFocus()
    qtbot.waitUntil(search.hasFocus)
    type_text(qtbot, search, "タナカ")
    qtbot.keyClick(search, Qt.Key.Key_Return)  # to the list
    table = child(pane, QTableView, "childrenTable")
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_Return)  # opens the selected child
    dialog = open_dialog(qtbot, pane, "childDialog")
    allergies = child(dialog, QLineEdit, "allergiesEdit")
    assert child(dialog, QLineEdit, "childNameEdit").text() == "田中 陽葵"
    allergies.setText("小麦")

    qtbot.keyClick(allergies, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert desk.children.get(original.id).allergies == "小麦"
    assert desk.children.get(original.id).name == "田中 陽葵"


def select_child(qtbot, pane: ChildrenPane, kana: str) -> None:  # type: ignore[no-untyped-def]
    search = child(pane, QLineEdit, "childrenSearch")
    search.clear()
    type_text(qtbot, search, kana)
    assert pane.current_child() is not None


def test_apply_then_approve_after_the_interview_shows_validity_to_31_march(
    qtbot, pane: ChildrenPane, desk: Desk, facility: Facility, dialogs: ScriptedDialogs  # type: ignore[no-untyped-def]
) -> None:
    tanaka = add_plain_child(desk)
    select_child(qtbot, pane, "タナカ")
    registrations = child(pane, QTableView, "registrationTable")

    qtbot.mouseClick(child(pane, QPushButton, "applyButton"), Qt.MouseButton.LeftButton)

    assert column_texts(registrations, 0) == [facility.name]
    assert cell(registrations, 0, 1) == "Applied"
    assert cell(child(pane, QTableView, "childrenTable"), 0, 6) == "Applied"
    approve = child(pane, QPushButton, "approveRegistrationButton")
    assert approve.isEnabled()

    qtbot.mouseClick(approve, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, pane, "interviewDateDialog")
    assert dialog.interviewed_on() == date(2026, 3, 2)  # today by default
    assert "2026年3月31日" in child(dialog, QLabel, "validityLabel").text()
    date_field = dialog.date_edit
    date_field.setFocus()
    qtbot.waitUntil(date_field.hasFocus)
    qtbot.keyClick(date_field, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: not dialog.isVisible())
    [registration] = desk.registrations.for_child(tanaka.id)
    assert (registration.status, registration.interviewed_on, registration.valid_until) == (
        "approved", date(2026, 3, 2), date(2026, 3, 31))
    kind, title, text = dialogs.shown[-1]
    assert kind == "inform" and "田中 陽葵" in text and "2026年3月31日" in text
    assert cell(registrations, 0, 1) == "Approved"
    assert cell(registrations, 0, 3) == "2026年3月31日(火)"
    assert cell(child(pane, QTableView, "childrenTable"), 0, 6) == "Approved until 2026年3月31日(火)"
    assert not approve.isEnabled()


def test_applying_twice_shows_the_duplicate_sentence(
    qtbot, pane: ChildrenPane, make_child, facility: Facility  # type: ignore[no-untyped-def]
) -> None:
    make_child(facility, kana="イシイ ソラ")
    select_child(qtbot, pane, "イシイ")

    qtbot.mouseClick(child(pane, QPushButton, "applyButton"), Qt.MouseButton.LeftButton)

    error = child(pane, QLabel, "childrenError")
    assert error.isVisible()
    assert "すでに利用登録" in error.text()


def test_rejecting_asks_the_reason(
    qtbot, pane: ChildrenPane, desk: Desk, facility: Facility, dialogs: ScriptedDialogs  # type: ignore[no-untyped-def]
) -> None:
    tanaka = add_plain_child(desk)
    desk.registrations.apply(tanaka.id, facility.id)
    select_child(qtbot, pane, "タナカ")
    dialogs.answers.append("定員超過のため")

    qtbot.mouseClick(child(pane, QPushButton, "rejectRegistrationButton"), Qt.MouseButton.LeftButton)

    [registration] = desk.registrations.for_child(tanaka.id)
    assert (registration.status, registration.reject_reason) == ("rejected", "定員超過のため")
    assert dialogs.shown[-1][0] == "ask_text"
    assert cell(child(pane, QTableView, "registrationTable"), 0, 1) == "Rejected"


def test_an_interview_slot_is_added_and_booked_and_listed_as_an_interview(
    qtbot, pane: ChildrenPane, desk: Desk, facility: Facility, dialogs: ScriptedDialogs  # type: ignore[no-untyped-def]
) -> None:
    tanaka = add_plain_child(desk)
    desk.registrations.apply(tanaka.id, facility.id)
    pane.details.setCurrentIndex(1)
    pane.slot_day_edit.setDate(date(2026, 3, 5))
    pane.slot_start_edit.setTime(time(13, 0))
    pane.slot_end_edit.setTime(time(13, 30))

    qtbot.mouseClick(child(pane, QPushButton, "addSlotButton"), Qt.MouseButton.LeftButton)

    slots = child(pane, QTableView, "interviewSlotTable")
    assert column_texts(slots, 0) == ["3月5日(木)"]
    assert cell(slots, 0, 1) == "13:00–13:30"
    select_child(qtbot, pane, "タナカ")
    slots.selectRow(0)

    qtbot.mouseClick(child(pane, QPushButton, "bookInterviewButton"), Qt.MouseButton.LeftButton)

    [booking] = desk.bookings.search(facility.id, kinds=["interview"])
    assert booking.child_id == tanaka.id
    assert dialogs.shown[-1][0] == "inform" and "(面談用)" in dialogs.shown[-1][2]
    assert slots.model().rowCount() == 0  # the slot is full now
    upcoming = child(pane, QTableView, "childBookingTable")
    assert column_texts(upcoming, 0) == [booking.number]
    assert "(面談用)" in cell(upcoming, 0, 3)


def test_booking_an_interview_without_an_application_says_so(
    qtbot, pane: ChildrenPane, desk: Desk, facility: Facility  # type: ignore[no-untyped-def]
) -> None:
    add_plain_child(desk)
    desk.interviews.add_slot(facility.id, date(2026, 3, 5), time(13, 0), time(13, 30))
    pane.refresh()
    select_child(qtbot, pane, "タナカ")
    child(pane, QTableView, "interviewSlotTable").selectRow(0)

    pane.book_interview()

    assert "apply first" in child(pane, QLabel, "childrenError").text()
    assert desk.bookings.search(facility.id, kinds=["interview"]) == []


def test_the_march_list_shows_registrations_ending_31_march_with_bookings_after_it(
    qtbot, desk: Desk, facility: Facility, clock: Clock, view_context: ViewContext  # type: ignore[no-untyped-def]
) -> None:
    clock.set(datetime(2026, 3, 25, 9, 0))
    tanaka = add_plain_child(desk)
    registration = desk.registrations.apply(tanaka.id, facility.id)
    slot = desk.interviews.add_slot(facility.id, date(2026, 4, 1), time(10, 0), time(10, 30))
    booking = desk.interviews.book(registration.id, slot.id)
    desk.registrations.approve(registration.id, interviewed_on=date(2026, 3, 25))  # valid to 3/31
    pane = ChildrenPane(view_context)
    qtbot.addWidget(pane)
    pane.show()
    activate(qtbot, pane)

    qtbot.keyClick(pane.search, Qt.Key.Key_M, CTRL | Qt.KeyboardModifier.ShiftModifier)

    expiring = child(pane, QTableView, "expiringTable")
    qtbot.waitUntil(lambda: pane.details.currentWidget() is pane.march_tab)
    assert column_texts(expiring, 0) == ["田中 陽葵"]
    assert cell(expiring, 0, 2) == "2026年3月31日(火)"
    assert booking.number in cell(expiring, 0, 3) and "(面談用)" in cell(expiring, 0, 3)
    assert "1" in child(pane, QLabel, "expiringNote").text()


def test_the_pane_follows_the_facility(
    qtbot, pane: ChildrenPane, desk: Desk, make_child, facility: Facility, daredemo: Facility,  # type: ignore[no-untyped-def]
    view_context: ViewContext,
) -> None:
    make_child(facility, kana="イシイ ソラ", birth_date=date(2025, 1, 10))
    select_child(qtbot, pane, "イシイ")
    table = child(pane, QTableView, "childrenTable")
    assert cell(table, 0, 6).startswith("Approved until")

    view_context.set_facility(daredemo.id)

    assert cell(table, 0, 6) == "None"


def test_the_models_pass_the_model_tester(
    qtmodeltester, desk: Desk, facility: Facility, make_child  # type: ignore[no-untyped-def]
) -> None:
    kid = make_child(facility)
    [registration] = desk.registrations.for_child(kid.id)
    slot = desk.interviews.add_slot(facility.id, date(2026, 3, 5), time(13, 0), time(13, 30))
    booking = desk.bookings.book(facility.id, kid.id, date(2026, 3, 3), time(9, 0), time(10, 0))
    holder = QWidget()
    models = [
        (child_model("ja", holder), [ChildRow(kid, "1歳8か月", registration), ChildRow(kid, "1歳8か月", None)]),
        (registration_model(lambda _id: facility.name, "ja", holder), [registration]),
        (slot_model("ja", holder), [slot]),
        (upcoming_model("en", holder), [booking]),
        (expiring_model("ja", holder), [ExpiringRow(kid.name, kid.kana, date(2026, 3, 31), (booking,))]),
    ]
    for model, rows in models:
        model.set_rows(rows)  # type: ignore[attr-defined]
        qtmodeltester.check(model)
    holder.deleteLater()


def test_the_down_key_moves_through_the_list_and_leaves_the_search_only_from_the_search(
    qtbot, pane: ChildrenPane, facility: Facility, make_child  # type: ignore[no-untyped-def]
) -> None:
    for kana in ("アオキ アオイ", "アオキ イツキ", "アオキ ウミ"):
        make_child(facility, kana=kana)
    search = child(pane, QLineEdit, "childrenSearch")
    table = child(pane, QTableView, "childrenTable")
    search.setFocus()
    search.setText("アオキ")
    qtbot.waitUntil(lambda: table.model().rowCount() == 3)

    qtbot.keyClick(search, Qt.Key.Key_Down)
    qtbot.waitUntil(table.hasFocus)
    first = table.currentIndex().row()
    qtbot.keyClick(table, Qt.Key.Key_Down)

    assert table.hasFocus() and table.currentIndex().row() == first + 1
