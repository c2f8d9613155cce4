"""The booking form (予約受付) driven from the keyboard, as staff use it with a parent on the phone."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from hoiku_desk import messages
from hoiku_desk.services import Child, Desk, Facility, errors
from hoiku_desk.views.booking_pane import BookingPane, refused_field
from hoiku_desk.views.context import ViewContext
from tests.conftest import ChildMaker, Clock
from tests.helpers import TUESDAY, t

SATURDAY = date(2026, 3, 7)
WEDNESDAY = date(2026, 3, 4)


@pytest.fixture
def pane(qtbot: QtBot, view_context: ViewContext) -> BookingPane:
    """The form in its own active window, as when staff open the booking tab."""
    form = BookingPane(view_context)
    qtbot.addWidget(form)
    form.resize(1100, 760)
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    form.focus_search()
    return form


@pytest.fixture
def hanako(make_child: ChildMaker, facility: Facility) -> Child:
    return make_child(facility, name="山田 花子", kana="ヤマダ ハナコ", phone="090-1111-2222",
                      allergies="卵")


@pytest.fixture
def taro(make_child: ChildMaker, facility: Facility) -> Child:
    return make_child(facility, name="山本 太郎", kana="ヤマモト タロウ", phone="080-3333-4444")


class Keyboard:
    """Sends keys to whichever widget has the focus, as a real keyboard does, and counts
    them: one per key press (a key with a modifier is one), one per typed character."""

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot
        self.count = 0

    @staticmethod
    def focus() -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        return widget

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        self.qtbot.keyClick(self.focus(), key, modifier)
        self.count += 1

    def type(self, text: str) -> None:
        self.qtbot.keyClicks(self.focus(), text)
        self.count += len(text)


def compose(edit: QLineEdit, text: str) -> None:
    """Type ``text`` through an input method: it is composed (preedit), then committed."""
    QApplication.sendEvent(edit, QInputMethodEvent(text, []))
    commit = QInputMethodEvent("", [])
    commit.setCommitString(text)
    QApplication.sendEvent(edit, commit)


def result_names(form: BookingPane) -> list[str]:
    return [child.name for child in form.search.results()]


def label(form: BookingPane, name: str) -> QLabel:
    found = form.findChild(QLabel, name)
    assert found is not None, name
    return found


def choose(qtbot: QtBot, form: BookingPane, child: Child) -> None:
    """Find the child by phone and choose it with Enter."""
    qtbot.keyClicks(form.search.edit, child.phone)
    qtbot.waitUntil(lambda: result_names(form) == [child.name])
    qtbot.keyClick(form.search.edit, Qt.Key.Key_Return)
    assert form.child == child


def remaining(desk: Desk, facility: Facility, day: date) -> dict[time, int]:
    return {slot.start: slot.remaining for slot in desk.bookings.availability(facility.id, day, day)[day]}


# -- (1) the whole phone booking from the keyboard ------------------------------------------------
def test_phone_booking_typed_end_to_end_takes_at_most_15_keys(
    qtbot: QtBot, pane: BookingPane, desk: Desk, facility: Facility, hanako: Child, taro: Child
) -> None:
    compose(pane.search.edit, "やまだ")  # the kana, typed before the count starts
    qtbot.waitUntil(lambda: result_names(pane) == ["山田 花子"])
    keys = Keyboard(qtbot)

    keys.press(Qt.Key.Key_Return)        # 1: choose the highlighted (only) child
    assert keys.focus() is pane.date_edit
    assert pane.day() == date(2026, 3, 2)
    keys.press(Qt.Key.Key_Up)            # 2: tomorrow, Tuesday 3 March
    assert pane.day() == TUESDAY
    keys.press(Qt.Key.Key_Tab)           # 3
    assert keys.focus() is pane.start_edit
    keys.type("10")                      # 4-5: start 10:00 (end follows: 11:00)
    assert pane.times() == (t("10:00"), t("11:00"))
    keys.press(Qt.Key.Key_Tab)           # 6
    assert keys.focus() is pane.end_edit
    keys.type("12")                      # 7-8: end 12:00
    assert pane.times() == (t("10:00"), t("12:00"))
    keys.press(Qt.Key.Key_Tab)           # 9
    assert keys.focus() is pane.consent_check
    assert "600円" in pane.policy_text.text()  # 2 hours at 300 yen, read out before consent
    keys.press(Qt.Key.Key_Space)         # 10: the parent agrees
    assert pane.confirm_button.isEnabled()
    with qtbot.waitSignal(pane.ctx.changed):
        keys.press(Qt.Key.Key_Return)    # 11: confirm

    assert keys.count <= 15
    [booking] = desk.bookings.search(facility.id, query="ヤマダ")
    assert (booking.child_id, booking.day, booking.start, booking.end) == (hanako.id, TUESDAY, t("10:00"), t("12:00"))
    assert (booking.source, booking.status, booking.fee_yen) == ("phone", "confirmed", 600)
    left = remaining(desk, facility, TUESDAY)
    assert [left[t(s)] for s in ("09:30", "10:00", "10:30", "11:00", "11:30", "12:00")] == [3, 2, 2, 2, 2, 3]
    # The number is shown large for staff to read out, and the form is ready for the next call.
    assert pane.result_label.isVisible() and booking.number in pane.result_label.text()
    assert pane.child is None and pane.search.edit.text() == ""
    assert QApplication.focusWidget() is pane.search.edit
    assert not pane.consent_check.isChecked() and not pane.confirm_button.isEnabled()


def test_policy_read_out_follows_the_day_and_times(qtbot: QtBot, pane: BookingPane, hanako: Child) -> None:
    choose(qtbot, pane, hanako)
    pane.date_edit.set_day(date(2026, 3, 9))
    pane.start_edit.select_time(t("09:00"))
    pane.end_edit.select_time(t("12:30"))
    text = pane.policy_text.text()
    assert "3月8日(日) 17:00" in text          # free until 17:00 the day before
    assert "1,050円" in text                    # 3.5 hours × 300 yen
    assert "100%" in text
    pane.consent_check.setChecked(True)
    pane.end_edit.select_time(t("10:00"))       # new times, new fee: consent must be asked again
    assert "300円" in pane.policy_text.text()
    assert not pane.consent_check.isChecked()


def test_start_moves_end_and_keeps_the_length(pane: BookingPane) -> None:
    pane.start_edit.select_time(t("10:00"))
    pane.end_edit.select_time(t("12:30"))
    pane.start_edit.select_time(t("13:00"))
    assert pane.times() == (t("13:00"), t("15:30"))
    pane.start_edit.select_time(t("16:00"))     # the length cannot pass closing time
    assert pane.times() == (t("16:00"), t("17:00"))


def test_times_are_typed_as_digits_and_the_day_steps_across_months(qtbot: QtBot, pane: BookingPane) -> None:
    pane.start_edit.select_time(t("10:00"))
    pane.start_edit.setFocus()
    qtbot.keyClicks(pane.start_edit, "10")      # typing the current hour keeps it
    assert pane.start_edit.current_time() == t("10:00")
    qtbot.keyClicks(pane.start_edit, "93")      # no time starts with "1093": a new search
    assert pane.start_edit.current_time() == t("09:30")
    pane.date_edit.set_day(date(2026, 3, 31))
    pane.date_edit.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(pane.date_edit, Qt.Key.Key_Up)
    assert pane.day() == date(2026, 4, 1)
    qtbot.keyClick(pane.date_edit, Qt.Key.Key_Down)
    qtbot.keyClick(pane.date_edit, Qt.Key.Key_Down)
    assert pane.day() == date(2026, 3, 30)


def test_switching_to_the_pane_and_ctrl_f_focus_the_search(qtbot: QtBot, pane: BookingPane) -> None:
    pane.comment_edit.setFocus()
    pane.setFocus()
    assert QApplication.focusWidget() is pane.search.edit
    pane.comment_edit.setFocus()
    qtbot.keyClick(pane.comment_edit, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is pane.search.edit


# -- (2) refusals beside their field, nothing saved ------------------------------------------------
def test_a_saturday_is_refused_beside_the_date(
    qtbot: QtBot, pane: BookingPane, desk: Desk, facility: Facility, hanako: Child
) -> None:
    choose(qtbot, pane, hanako)
    pane.date_edit.set_day(SATURDAY)
    pane.consent_check.setChecked(True)
    qtbot.keyClick(pane.consent_check, Qt.Key.Key_Return)

    date_error = label(pane, "dateError")
    assert date_error.isVisible()
    assert date_error.text() == "3月7日(土)は休園日のため、ご予約はお受けできません。別の日をご案内ください。"
    assert not label(pane, "errorLabel").isVisible() and not label(pane, "timeError").isVisible()
    assert QApplication.focusWidget() is pane.date_edit
    assert desk.bookings.search(facility.id) == []
    assert pane.child == hanako                 # the form keeps its input to correct it


def test_a_child_without_registration_is_refused_beside_the_card(
    qtbot: QtBot, pane: BookingPane, desk: Desk, facility: Facility, make_child: ChildMaker
) -> None:
    unregistered = make_child(name="佐藤 陽菜", kana="サトウ ヒナ", phone="070-5555-6666")
    choose(qtbot, pane, unregistered)
    assert "Not registered" in pane.card.registrations_label.text()
    pane.consent_check.setChecked(True)
    pane.confirm()

    child_error = label(pane, "childError")
    assert child_error.isVisible() and child_error.text().startswith("佐藤 陽菜さんはひかり保育園 一時保育の利用登録")
    assert desk.bookings.search(facility.id) == []


@pytest.mark.parametrize(("error", "field"), [
    (errors.OutsideBookingWindow(day=TUESDAY, reason="horizon"), "date"),
    (errors.OutsideBookingWindow(day=TUESDAY, reason="started", start=t("09:00")), "time"),
    (errors.FacilityClosed(day=TUESDAY, reason="weekday"), "date"),
    (errors.FacilityClosed(day=TUESDAY, reason="hours", open_time=t("08:30"), close_time=t("17:00")), "time"),
    (errors.InvalidTimeRange(reason="order"), "time"),
    (errors.SlotFull(day=TUESDAY), "time"),
    (errors.HoldLimitReached(child_name="x", max_days=2), "child"),
    (errors.QuotaExceeded(child_name="x"), "child"),
    (errors.OverlappingBooking(child_name="x"), "child"),
    (errors.InvalidInput(field="pickup", reason="pickup_incomplete"), "pickup"),
    (errors.InvalidInput(field="weekdays", reason="weekdays"), "regular"),
    (errors.DatabaseBusy(seconds=5), "general"),
    (RuntimeError("defect"), "general"),
])
def test_each_refusal_has_its_field(error: Exception, field: str) -> None:
    assert refused_field(error) == field


def test_pickup_by_someone_else_needs_name_and_phone(
    qtbot: QtBot, pane: BookingPane, desk: Desk, facility: Facility, hanako: Child
) -> None:
    choose(qtbot, pane, hanako)
    pane.date_edit.set_day(TUESDAY)
    pane.pickup_combo.setCurrentIndex(pane.pickup_combo.findData("other"))
    assert pane.pickup_name.isVisible()
    pane.consent_check.setChecked(True)
    pane.confirm()
    assert label(pane, "pickupError").text() == messages.render(
        "InvalidInput", {"field": "pickup", "reason": "pickup_incomplete"})
    assert desk.bookings.search(facility.id) == []

    compose(pane.pickup_name, "山田 和子")
    qtbot.keyClicks(pane.pickup_phone, "03-1111-2222")
    pane.confirm()
    [booking] = desk.bookings.search(facility.id)
    assert (booking.pickup.kind, booking.pickup.name) == ("other", "山田 和子")


# -- (3) the last place taken by another desk meanwhile -------------------------------------------
def test_slot_taken_by_another_desk_while_filling_the_form(
    qtbot: QtBot, pane: BookingPane, desk: Desk, facility: Facility, hanako: Child,
    make_child: ChildMaker, db_target: str, clock: Clock,
) -> None:
    first, second, third = (make_child(facility) for _ in range(3))
    for other in (first, second):
        desk.bookings.book(facility.id, other.id, TUESDAY, t("10:00"), t("11:00"))
    choose(qtbot, pane, hanako)
    pane.date_edit.set_day(TUESDAY)
    pane.start_edit.select_time(t("10:00"))
    assert pane.availability_label.text().endswith(": 1")
    pane.consent_check.setChecked(True)

    with Desk.open(db_target, clock=clock) as other_desk:  # the desk at the other counter
        other_desk.bookings.book(facility.id, third.id, TUESDAY, t("10:00"), t("11:00"))
    qtbot.keyClick(pane.consent_check, Qt.Key.Key_Return)

    time_error = label(pane, "timeError")
    assert time_error.isVisible()
    assert time_error.text() == ("3月3日(火) 10:00〜10:30 の枠は満員です（定員3名・予約3名）。"
                                 "別の時間をご案内ください。")
    assert desk.bookings.search(facility.id, query=hanako.phone) == []
    assert remaining(desk, facility, TUESDAY)[t("10:00")] == 0
    assert not pane.result_label.isVisible()


# -- (4)(5) searching ----------------------------------------------------------------------------
def test_search_by_hiragana_half_width_katakana_and_phone(
    qtbot: QtBot, pane: BookingPane, hanako: Child, taro: Child
) -> None:
    compose(pane.search.edit, "やま")
    qtbot.waitUntil(lambda: result_names(pane) == ["山田 花子", "山本 太郎"])
    pane.search.clear()
    compose(pane.search.edit, "ﾔﾏﾓﾄ")
    qtbot.waitUntil(lambda: result_names(pane) == ["山本 太郎"])
    pane.search.clear()
    qtbot.keyClicks(pane.search.edit, "090-1111")
    qtbot.waitUntil(lambda: result_names(pane) == ["山田 花子"])
    pane.search.clear()
    compose(pane.search.edit, "山本")
    qtbot.waitUntil(lambda: result_names(pane) == ["山本 太郎"])


def test_results_follow_the_input_method_while_it_composes(
    qtbot: QtBot, pane: BookingPane, hanako: Child, taro: Child
) -> None:
    QApplication.sendEvent(pane.search.edit, QInputMethodEvent("やま", []))
    qtbot.waitUntil(lambda: result_names(pane) == ["山田 花子", "山本 太郎"])
    assert pane.search.edit.text() == ""        # nothing committed yet
    QApplication.sendEvent(pane.search.edit, QInputMethodEvent("やまも", []))
    qtbot.waitUntil(lambda: result_names(pane) == ["山本 太郎"])


def test_result_columns_keep_their_widths_while_typing(
    qtbot: QtBot, pane: BookingPane, make_child: ChildMaker, facility: Facility, taro: Child
) -> None:
    make_child(facility, name="山川 寿限無寿限無五劫の擦り切れ", kana="ヤマカワ ジュゲム")
    header = pane.search.view.horizontalHeader()
    QApplication.sendEvent(pane.search.edit, QInputMethodEvent("やま", []))
    qtbot.waitUntil(lambda: len(result_names(pane)) == 2)
    widths = [header.sectionSize(column) for column in range(header.count())]
    assert widths[0] >= header.sectionSizeFromContents(0).width()  # sized to the results

    QApplication.sendEvent(pane.search.edit, QInputMethodEvent("やまも", []))
    qtbot.waitUntil(lambda: result_names(pane) == ["山本 太郎"])
    assert [header.sectionSize(column) for column in range(header.count())] == widths


def test_down_and_enter_choose_another_result(
    qtbot: QtBot, pane: BookingPane, hanako: Child, taro: Child
) -> None:
    compose(pane.search.edit, "やま")
    qtbot.waitUntil(lambda: len(result_names(pane)) == 2)
    qtbot.keyClick(pane.search.edit, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is pane.search.view
    qtbot.keyClick(pane.search.view, Qt.Key.Key_Down)
    qtbot.keyClick(pane.search.view, Qt.Key.Key_Return)
    assert pane.child == taro
    assert QApplication.focusWidget() is pane.date_edit


def test_results_model(qtmodeltester, pane: BookingPane, hanako: Child, taro: Child) -> None:  # type: ignore[no-untyped-def]
    pane.search.search("ヤマ")
    qtmodeltester.check(pane.search.model)
    assert pane.search.model.index(0, 2).data() == "2024年6月21日(金) 1歳8か月"


# -- the card ----------------------------------------------------------------------------------
def test_card_shows_registration_held_days_and_allergies(
    qtbot: QtBot, pane: BookingPane, desk: Desk, facility: Facility, hanako: Child
) -> None:
    desk.bookings.book(facility.id, hanako.id, WEDNESDAY, t("09:00"), t("10:00"))
    choose(qtbot, pane, hanako)
    card = pane.card
    assert card.facts is not None and card.facts.held_days == (WEDNESDAY,)
    assert card.held_label.text() == "1 of 2 3月4日(水)"
    assert card.allergies_label.text() == "卵" and card.allergies_label.styleSheet()
    assert "2026年3月31日(火)" in card.registrations_label.text()
    assert not card.quota_label.isVisible()     # an 一時保育 facility has no monthly quota


def test_card_shows_the_months_quota_used_and_left(
    qtbot: QtBot, pane: BookingPane, desk: Desk, daredemo: Facility, make_child: ChildMaker
) -> None:
    child = make_child(daredemo, phone="090-7777-8888")
    desk.bookings.book(daredemo.id, child.id, TUESDAY, t("10:00"), t("12:00"))
    pane.ctx.set_facility(daredemo.id)
    choose(qtbot, pane, child)
    assert pane.card.quota_label.isVisible()
    assert pane.card.quota_label.text() == "2026年3月: used 2時間, left 8時間 of 10時間"
    assert "その月のご利用時間に含まれます" in pane.policy_text.text()


# -- (6) walk-in -------------------------------------------------------------------------------
def test_walk_in_at_10_07_joins_the_10_00_slot(
    qtbot: QtBot, pane: BookingPane, desk: Desk, facility: Facility, hanako: Child, clock: Clock
) -> None:
    clock.set(datetime(2026, 3, 2, 10, 7))
    choose(qtbot, pane, hanako)
    pane.start_edit.select_time(t("10:00"))
    pane.consent_check.setChecked(True)
    pane.confirm()                               # by phone, 10:00 has already started
    assert label(pane, "timeError").isVisible()
    assert desk.bookings.search(facility.id) == []

    pane.walk_in_check.setChecked(True)
    assert (pane.day(), pane.times()) == (date(2026, 3, 2), (t("10:00"), t("11:00")))
    pane.consent_check.setChecked(True)
    pane.confirm()
    [booking] = desk.bookings.search(facility.id)
    assert (booking.source, booking.start, booking.end) == ("walk_in", t("10:00"), t("11:00"))
    assert booking.number in pane.result_label.text()
    assert not pane.walk_in_check.isChecked()   # the next one is a phone call again


# -- (7) prefilled from the calendar ------------------------------------------------------------
def test_prefill_sets_day_and_start_and_focuses_the_search(pane: BookingPane, hanako: Child) -> None:
    pane.date_edit.setFocus()
    pane.prefill(WEDNESDAY, t("13:30"))
    assert pane.day() == WEDNESDAY
    assert pane.times() == (t("13:30"), t("14:30"))
    assert QApplication.focusWidget() is pane.search.edit


# -- (8) regular use ----------------------------------------------------------------------------
def test_regular_use_request_lands_in_the_approval_queue(
    qtbot: QtBot, pane: BookingPane, desk: Desk, facility: Facility, hanako: Child
) -> None:
    choose(qtbot, pane, hanako)
    pane.date_edit.set_day(TUESDAY)
    pane.start_edit.select_time(t("09:00"))
    pane.regular_group.setChecked(True)
    assert [box.isChecked() for box in pane.weekday_checks] == [False, True, False, False, False, False, False]
    assert pane.regular_last.day() == date(2026, 3, 31)
    pane.weekday_checks[3].setChecked(True)      # Tuesdays and Thursdays
    pane.consent_check.setChecked(True)
    qtbot.keyClick(pane.weekday_checks[3], Qt.Key.Key_Return)

    [item] = desk.approvals.pending(facility.id)
    assert (item.kind, item.child_id) == ("regular", hanako.id)
    assert pane.result_label.isVisible()
    assert desk.bookings.search(facility.id) == []  # nothing booked before approval


def test_regular_use_request_without_weekdays_is_refused(
    qtbot: QtBot, pane: BookingPane, desk: Desk, facility: Facility, hanako: Child
) -> None:
    choose(qtbot, pane, hanako)
    pane.regular_group.setChecked(True)
    for box in pane.weekday_checks:
        box.setChecked(False)
    pane.consent_check.setChecked(True)
    pane.request_regular()
    assert label(pane, "regularError").text() == "曜日を1つ以上選んでください。"
    assert desk.approvals.pending(facility.id) == []
