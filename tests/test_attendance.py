"""desk.attendance: the daily list (出席簿), check-in and check-out, no-shows and payments."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from hoiku_desk.services import AttendanceRow, Booking, Desk, Facility, Pickup, errors
from tests.helpers import TUESDAY, t

ON_THE_DAY = datetime(2026, 3, 3, 9, 25)
GRANDMOTHER = Pickup(kind="other", name="石井 和子", relation="祖母", phone="090-1111-2222")


def book(desk: Desk, facility: Facility, child_id: str, start: str = "09:30", end: str = "12:00",
         day: date = TUESDAY, **kw) -> Booking:
    return desk.bookings.book(facility.id, child_id, day, t(start), t(end), **kw)


def row_of(desk: Desk, booking: Booking) -> AttendanceRow:
    (row,) = [r for r in desk.attendance.daily_list(booking.facility_id, booking.day)
              if r.booking_id == booking.id]
    return row


@pytest.fixture
def booking(desk: Desk, facility: Facility, make_child) -> Booking:
    """Tuesday 09:30–12:00, 750 yen."""
    return book(desk, facility, make_child(facility).id)


# -- the daily list ------------------------------------------------------------------
def rejected_online_booking(desk: Desk, facility: Facility, child_id: str) -> Booking:
    booking = book(desk, facility, child_id, "11:00", "12:00", source="online")
    item = next(i for i in desk.approvals.pending() if i.booking_id == booking.id)
    desk.approvals.reject(item.id, "重複")
    return booking


def approved_regular_booking(desk: Desk, facility: Facility, child_id: str) -> Booking:
    """A one-day plan for Tuesday 13:00–15:00, approved."""
    desk.bookings.request_regular(
        facility.id, child_id, [1], t("13:00"), t("15:00"), TUESDAY, TUESDAY
    )
    item = next(i for i in desk.approvals.pending() if i.kind == "regular")
    (regular,) = desk.approvals.approve(item.id).bookings
    return regular


def interview_booking(desk: Desk, facility: Facility, child_id: str) -> Booking:
    registration = desk.registrations.apply(child_id, facility.id)
    slot = desk.interviews.add_slot(facility.id, TUESDAY, t("13:00"), t("13:30"))
    return desk.interviews.book(registration.id, slot.id)


def test_daily_list_shows_expected_attended_and_missed_bookings_only(
    desk: Desk, clock, facility: Facility, make_child
) -> None:
    def new_child() -> str:
        return make_child(facility).id

    listed = {
        "confirmed": book(desk, facility, new_child(), "09:00", "10:00"),
        "pending": book(desk, facility, new_child(), "10:00", "11:00", source="online"),
        "attended": book(desk, facility, new_child(), "09:00", "10:00"),
        "no_show": book(desk, facility, new_child(), "09:00", "10:00"),
    }
    regular = approved_regular_booking(desk, facility, new_child())
    cancelled = book(desk, facility, new_child(), "11:00", "12:00")
    desk.cancellations.cancel(cancelled.id, "illness")
    rejected_online_booking(desk, facility, new_child())
    interview_booking(desk, facility, make_child().id)
    clock.set(datetime(2026, 3, 3, 9, 5))
    desk.attendance.check_in(listed["attended"].id)
    desk.attendance.mark_no_show(listed["no_show"].id)

    rows = desk.attendance.daily_list(facility.id, TUESDAY)

    by_id = {r.booking_id: r for r in rows}
    assert set(by_id) == {b.id for b in listed.values()} | {regular.id}
    assert {status: by_id[b.id].status for status, b in listed.items()} == {s: s for s in listed}
    assert (by_id[regular.id].kind, by_id[regular.id].status) == ("regular", "confirmed")
    assert [r.start for r in rows] == sorted(r.start for r in rows)


@pytest.mark.parametrize(
    ("inserted", "expected"),
    [
        pytest.param(["イシイ ハヤテ", "アベ ユイ"], ["アベ ユイ", "イシイ ハヤテ"], id="katakana"),
        pytest.param(["アベ ユイ", "イシイ ハヤテ"], ["アベ ユイ", "イシイ ハヤテ"], id="katakana-reverse"),
        pytest.param(["いしい はやて", "アベ ユイ"], ["アベ ユイ", "いしい はやて"], id="hiragana-after"),
        pytest.param(["イシイ ハヤテ", "あべ ゆい"], ["あべ ゆい", "イシイ ハヤテ"], id="hiragana-before"),
    ],
)
def test_same_start_is_ordered_by_kana(
    desk: Desk, facility: Facility, make_child, inserted: list[str], expected: list[str]
) -> None:
    book(desk, facility, make_child(facility, kana="ウエダ ソラ").id, "08:30", "10:00")
    for kana in inserted:
        book(desk, facility, make_child(facility, kana=kana).id, "09:30", "12:00")

    rows = desk.attendance.daily_list(facility.id, TUESDAY)

    assert [r.kana for r in rows] == ["ウエダ ソラ", *expected]


def test_row_carries_age_allergies_and_pickup(desk: Desk, facility: Facility, make_child) -> None:
    child = make_child(facility, name="石井 颯", birth_date=date(2024, 6, 21), allergies="卵・乳")
    booking = book(desk, facility, child.id, pickup=GRANDMOTHER)

    row = row_of(desk, booking)

    assert (row.child_name, row.age, row.allergies, row.pickup) == ("石井 颯", "1歳8か月", "卵・乳", GRANDMOTHER)
    assert (row.start, row.end, row.status, row.fee_yen) == (t("09:30"), t("12:00"), "confirmed", 750)


@pytest.mark.parametrize(
    ("day", "age"),
    [(date(2026, 2, 27), "1歳11か月"), (date(2026, 2, 28), "2歳0か月"), (date(2026, 3, 2), "2歳0か月")],
)
def test_leap_day_birthday_counts_a_year_on_28_february(
    desk: Desk, clock, facility: Facility, make_child, day: date, age: str
) -> None:
    clock.set(datetime(2026, 2, 20, 9, 0))
    desk.facilities.open_day(facility.id, date(2026, 2, 28))  # a Saturday
    child = make_child(facility, birth_date=date(2024, 2, 29))
    booking = book(desk, facility, child.id, day=day)

    assert row_of(desk, booking).age == age


# -- check-in and check-out ------------------------------------------------------------
def test_check_in_marks_the_child_attended(desk: Desk, clock, booking: Booking) -> None:
    clock.set(ON_THE_DAY)

    row = desk.attendance.check_in(booking.id)

    assert (row.status, row.checked_in_at, row.checked_out_at) == ("attended", ON_THE_DAY, None)
    assert desk.bookings.get(booking.id).status == "attended"
    assert row_of(desk, booking).checked_in_at == ON_THE_DAY


def test_check_in_on_another_day_is_refused(desk: Desk, booking: Booking) -> None:
    with pytest.raises(errors.InvalidState):
        desk.attendance.check_in(booking.id)  # the clock says Monday
    assert desk.bookings.get(booking.id).status == "confirmed"


def test_cancelled_booking_cannot_be_checked_in(desk: Desk, clock, booking: Booking) -> None:
    desk.cancellations.cancel(booking.id, "illness")
    clock.set(ON_THE_DAY)

    with pytest.raises(errors.InvalidState):
        desk.attendance.check_in(booking.id)
    assert desk.bookings.get(booking.id).status == "cancelled"


def test_checking_in_twice_is_refused(desk: Desk, clock, booking: Booking) -> None:
    clock.set(ON_THE_DAY)
    desk.attendance.check_in(booking.id)

    with pytest.raises(errors.InvalidState):
        desk.attendance.check_in(booking.id, datetime(2026, 3, 3, 9, 40))
    assert row_of(desk, booking).checked_in_at == ON_THE_DAY


def test_check_out_before_check_in_is_refused(desk: Desk, clock, booking: Booking) -> None:
    clock.set(datetime(2026, 3, 3, 12, 0))

    with pytest.raises(errors.InvalidState):
        desk.attendance.check_out(booking.id)
    assert row_of(desk, booking).checked_out_at is None


def test_check_out_time_before_check_in_time_is_refused(desk: Desk, clock, booking: Booking) -> None:
    clock.set(ON_THE_DAY)
    desk.attendance.check_in(booking.id)

    with pytest.raises(errors.InvalidInput):
        desk.attendance.check_out(booking.id, datetime(2026, 3, 3, 9, 20))
    assert row_of(desk, booking).checked_out_at is None


def test_checking_out_twice_is_refused(desk: Desk, clock, booking: Booking) -> None:
    clock.set(ON_THE_DAY)
    desk.attendance.check_in(booking.id)
    desk.attendance.check_out(booking.id, datetime(2026, 3, 3, 12, 0))

    with pytest.raises(errors.InvalidState):
        desk.attendance.check_out(booking.id, datetime(2026, 3, 3, 12, 5))
    assert row_of(desk, booking).checked_out_at == datetime(2026, 3, 3, 12, 0)


def test_early_pick_up_keeps_the_booked_fee(desk: Desk, clock, booking: Booking) -> None:
    clock.set(ON_THE_DAY)
    desk.attendance.check_in(booking.id)

    row = desk.attendance.check_out(booking.id, datetime(2026, 3, 3, 10, 30), note="発熱のため早退")

    assert row.checked_out_at == datetime(2026, 3, 3, 10, 30)
    assert row.attendance_note == "発熱のため早退"
    assert (row.fee_yen, row.fee_due_yen) == (750, 750)
    assert desk.bookings.get(booking.id).fee_yen == 750


@pytest.mark.parametrize(
    "arrival",
    [datetime(2026, 3, 3, 9, 20), datetime(2026, 3, 3, 9, 40)],
    ids=["before-start", "after-start"],
)
def test_checking_in_a_pending_booking_confirms_it_first(
    desk: Desk, clock, facility: Facility, make_child, arrival: datetime
) -> None:
    pending = book(desk, facility, make_child(facility).id, source="online")
    assert [i.booking_id for i in desk.approvals.pending()] == [pending.id]
    clock.set(arrival)

    row = desk.attendance.check_in(pending.id)

    assert (row.status, row.checked_in_at) == ("attended", arrival)
    assert desk.approvals.pending() == []
    assert desk.audit.entries(action="booking.confirm")


# -- no-shows ------------------------------------------------------------------------
def test_no_show_after_the_start_is_charged_as_a_late_cancellation(
    desk: Desk, clock, booking: Booking
) -> None:
    clock.set(datetime(2026, 3, 3, 9, 30))

    row = desk.attendance.mark_no_show(booking.id)

    assert row.status == "no_show"
    assert (row.fee_yen, row.fee_due_yen) == (750, 750)
    assert desk.bookings.get(booking.id).status == "no_show"


def test_no_show_at_half_fee(desk: Desk, clock, facility: Facility, make_child) -> None:
    desk.facilities.update_rules(facility.id, late_cancel_fee_percent=50, hourly_fee_yen=301)
    booking = book(desk, facility, make_child(facility).id, "09:30", "11:00")  # 451 yen
    clock.set(datetime(2026, 3, 3, 10, 0))

    assert desk.attendance.mark_no_show(booking.id).fee_due_yen == 225


@pytest.mark.parametrize("at", [datetime(2026, 3, 3, 9, 29), datetime(2026, 3, 2, 15, 0)])
def test_no_show_before_the_start_is_refused(desk: Desk, clock, booking: Booking, at: datetime) -> None:
    clock.set(at)

    with pytest.raises(errors.InvalidState):
        desk.attendance.mark_no_show(booking.id)
    assert desk.bookings.get(booking.id).status == "confirmed"


def test_attended_booking_cannot_be_marked_no_show(desk: Desk, clock, booking: Booking) -> None:
    clock.set(ON_THE_DAY)
    desk.attendance.check_in(booking.id)
    clock.set(datetime(2026, 3, 3, 10, 0))

    with pytest.raises(errors.InvalidState):
        desk.attendance.mark_no_show(booking.id)
    assert desk.bookings.get(booking.id).status == "attended"


def test_no_show_minutes_count_against_the_daredemo_quota(
    desk: Desk, clock, daredemo: Facility, make_child
) -> None:
    child = make_child(daredemo)
    missed = book(desk, daredemo, child.id, "09:00", "12:00")  # 180 of 600 minutes
    clock.set(datetime(2026, 3, 3, 9, 30))
    desk.attendance.mark_no_show(missed.id)

    wednesday = date(2026, 3, 4)
    with pytest.raises(errors.QuotaExceeded):
        book(desk, daredemo, child.id, "08:30", "16:00", day=wednesday)  # 450 more: 630
    assert book(desk, daredemo, child.id, "08:30", "15:30", day=wednesday).minutes == 420


# -- payments ------------------------------------------------------------------------
def test_payments_add_up(desk: Desk, booking: Booking) -> None:
    desk.attendance.record_payment(booking.id, 300)
    row = desk.attendance.record_payment(booking.id, 450, datetime(2026, 3, 3, 12, 0))

    assert row.paid_yen == 750
    assert row_of(desk, booking).paid_yen == 750


@pytest.mark.parametrize("amount", [0, 1.5, "750"])
def test_payment_must_be_a_whole_non_zero_amount(desk: Desk, booking: Booking, amount: object) -> None:
    with pytest.raises(errors.InvalidInput):
        desk.attendance.record_payment(booking.id, amount)  # type: ignore[arg-type]
    assert row_of(desk, booking).paid_yen == 0
