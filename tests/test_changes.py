"""desk.bookings.change: moving and resizing with every rule re-checked, late changes charged,
pick-up person and comment (SPEC "Changing and cancelling")."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from hoiku_desk.services import Booking, Desk, Facility, Pickup, errors
from tests.conftest import ChildMaker, Clock
from tests.helpers import TUESDAY, t

WEDNESDAY = date(2026, 3, 4)
THURSDAY = date(2026, 3, 5)
GRANDMOTHER = Pickup(kind="other", name="石井 和子", relation="祖母", phone="090-1111-2222")


@pytest.fixture
def child(make_child, facility: Facility):
    return make_child(facility)


def book(desk: Desk, facility: Facility, child_id: str, day: date, start: str, end: str) -> Booking:
    return desk.bookings.book(facility.id, child_id, day, t(start), t(end))


def fill(
    desk: Desk, facility: Facility, make_child, day: date, start: str, end: str, count: int
) -> None:
    """``count`` other children booked at those times."""
    for _ in range(count):
        book(desk, facility, make_child(facility).id, day, start, end)


def fee_due(desk: Desk, booking: Booking) -> int:
    (row,) = [r for r in desk.attendance.daily_list(booking.facility_id, booking.day)
              if r.booking_id == booking.id]
    return row.fee_due_yen


def times(booking: Booking) -> tuple[date, str, str]:
    return booking.day, f"{booking.start:%H:%M}", f"{booking.end:%H:%M}"


# -- moving and resizing -------------------------------------------------------------
def test_change_moves_the_booking_and_keeps_its_number(
    desk: Desk, facility: Facility, child
) -> None:
    booking = book(desk, facility, child.id, TUESDAY, "09:30", "12:00")

    changed = desk.bookings.change(booking.id, day=WEDNESDAY, start=t("10:00"), end=t("12:00"))

    assert changed.id == booking.id
    assert changed.number == booking.number
    assert times(changed) == (WEDNESDAY, "10:00", "12:00")
    assert changed.fee_yen == 600
    assert desk.bookings.by_number(facility.id, booking.number).id == booking.id
    assert [b.id for b in desk.bookings.search(facility.id)] == [booking.id]


def test_extending_into_a_full_slot_is_refused_and_changes_nothing(
    desk: Desk, facility: Facility, make_child, child
) -> None:
    booking = book(desk, facility, child.id, TUESDAY, "10:00", "12:00")
    fill(desk, facility, make_child, TUESDAY, "12:00", "13:00", 3)

    with pytest.raises(errors.SlotFull) as refused:
        desk.bookings.change(booking.id, end=t("13:00"))

    assert refused.value.slot_start == t("12:00")
    unchanged = desk.bookings.get(booking.id)
    assert times(unchanged) == (TUESDAY, "10:00", "12:00")
    assert unchanged.fee_yen == 600
    assert desk.audit.entries(action="booking.change") == []


@pytest.mark.parametrize(("start", "end"), [("12:00", "13:00"), ("11:00", "12:30"), ("11:30", "14:00")])
def test_own_place_counts_as_free_in_a_slot_full_because_of_itself(
    desk: Desk, facility: Facility, make_child, child, start: str, end: str
) -> None:
    booking = book(desk, facility, child.id, TUESDAY, "11:00", "13:00")
    fill(desk, facility, make_child, TUESDAY, "12:00", "13:00", 2)  # 12:00 and 12:30 now full

    changed = desk.bookings.change(booking.id, start=t(start), end=t(end))

    assert times(changed) == (TUESDAY, start, end)


@pytest.mark.parametrize(
    ("change", "error"),
    [
        pytest.param(dict(day=date(2026, 3, 7)), errors.FacilityClosed, id="saturday"),
        pytest.param(dict(day=date(2026, 3, 13)), errors.OutsideBookingWindow, id="beyond-horizon"),
        pytest.param(dict(end=t("10:00")), errors.InvalidTimeRange, id="too-short"),
        pytest.param(dict(start=t("09:45")), errors.InvalidTimeRange, id="off-boundary"),
        pytest.param(dict(end=t("17:30")), errors.FacilityClosed, id="after-closing"),
    ],
)
def test_new_times_pass_every_rule_as_a_new_booking(
    desk: Desk, facility: Facility, child, change: dict, error: type[errors.BookingError]
) -> None:
    booking = book(desk, facility, child.id, TUESDAY, "09:30", "12:00")

    with pytest.raises(error):
        desk.bookings.change(booking.id, **change)

    assert times(desk.bookings.get(booking.id)) == (TUESDAY, "09:30", "12:00")


def test_move_to_a_third_day_beyond_the_hold_limit_is_refused(
    desk: Desk, facility: Facility, child
) -> None:
    afternoon = book(desk, facility, child.id, TUESDAY, "13:00", "15:00")
    book(desk, facility, child.id, TUESDAY, "09:00", "11:00")
    book(desk, facility, child.id, WEDNESDAY, "09:00", "11:00")

    with pytest.raises(errors.HoldLimitReached):
        desk.bookings.change(afternoon.id, day=THURSDAY)

    assert desk.bookings.get(afternoon.id).day == TUESDAY
    # Moving a held day's only booking to a new day keeps two days held.
    desk.bookings.change(afternoon.id, day=WEDNESDAY)


def test_change_overlapping_the_childs_other_booking_is_refused(
    desk: Desk, facility: Facility, child
) -> None:
    book(desk, facility, child.id, TUESDAY, "09:30", "11:00")
    afternoon = book(desk, facility, child.id, TUESDAY, "13:00", "15:00")

    with pytest.raises(errors.OverlappingBooking):
        desk.bookings.change(afternoon.id, start=t("10:00"), end=t("12:00"))

    assert times(desk.bookings.get(afternoon.id)) == (TUESDAY, "13:00", "15:00")


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(dict(start=t("10:00")), id="times"),
        pytest.param(dict(pickup=GRANDMOTHER), id="pickup"),
        pytest.param(dict(comment="お昼寝あり"), id="comment"),
    ],
)
def test_cancelled_booking_cannot_be_changed(
    desk: Desk, facility: Facility, child, change: dict
) -> None:
    booking = book(desk, facility, child.id, TUESDAY, "09:30", "12:00")
    desk.cancellations.cancel(booking.id, "illness")

    with pytest.raises(errors.InvalidState):
        desk.bookings.change(booking.id, **change)

    after = desk.bookings.get(booking.id)
    assert (after.status, times(after), after.comment) == ("cancelled", (TUESDAY, "09:30", "12:00"), "")


# -- the deadline --------------------------------------------------------------------
def test_change_before_the_deadline_is_free(desk: Desk, clock, facility: Facility, child) -> None:
    booking = book(desk, facility, child.id, WEDNESDAY, "09:30", "12:00")
    clock.set(datetime(2026, 3, 3, 17, 0))

    changed = desk.bookings.change(booking.id, end=t("11:00"))

    assert changed.fee_yen == 450
    assert fee_due(desk, changed) == 450


def test_shortening_after_the_deadline_charges_the_lost_minutes(
    desk: Desk, clock, facility: Facility, child
) -> None:
    booking = book(desk, facility, child.id, WEDNESDAY, "09:30", "12:00")
    clock.set(datetime(2026, 3, 3, 17, 1))

    changed = desk.bookings.change(booking.id, end=t("11:00"))

    assert changed.number == booking.number
    assert changed.fee_yen == 450  # 90 minutes at 300 yen an hour
    assert fee_due(desk, changed) == 450 + 300  # plus the 60 minutes given up late


def test_late_change_is_charged_at_the_bookings_own_rate(
    desk: Desk, clock, facility: Facility, child
) -> None:
    booking = book(desk, facility, child.id, WEDNESDAY, "09:30", "12:00")
    desk.facilities.update_rules(facility.id, hourly_fee_yen=500)
    clock.set(datetime(2026, 3, 4, 8, 0))

    changed = desk.bookings.change(booking.id, end=t("11:00"))

    assert changed.fee_yen == 450
    assert fee_due(desk, changed) == 450 + 300


def test_late_change_that_keeps_every_minute_costs_nothing_extra(
    desk: Desk, clock, facility: Facility, child
) -> None:
    booking = book(desk, facility, child.id, WEDNESDAY, "09:30", "12:00")
    clock.set(datetime(2026, 3, 4, 8, 0))

    changed = desk.bookings.change(booking.id, end=t("13:00"))

    assert changed.fee_yen == 1050
    assert fee_due(desk, changed) == 1050


# -- pick-up person and comment --------------------------------------------------------
def test_pickup_and_comment_change_on_a_confirmed_booking(
    desk: Desk, facility: Facility, child
) -> None:
    booking = book(desk, facility, child.id, TUESDAY, "09:30", "12:00")

    changed = desk.bookings.change(booking.id, pickup=GRANDMOTHER, comment="  祖母がお迎え  ")

    assert changed.pickup == GRANDMOTHER
    assert changed.comment == "祖母がお迎え"
    assert times(changed) == (TUESDAY, "09:30", "12:00")
    assert desk.bookings.get(booking.id).pickup == GRANDMOTHER
    (row,) = desk.attendance.daily_list(facility.id, TUESDAY)
    assert row.pickup == GRANDMOTHER


def test_pickup_changes_after_check_in_until_check_out(
    desk: Desk, clock, facility: Facility, child
) -> None:
    booking = book(desk, facility, child.id, TUESDAY, "09:30", "12:00")
    clock.set(datetime(2026, 3, 3, 9, 25))
    desk.attendance.check_in(booking.id)

    changed = desk.bookings.change(booking.id, pickup=GRANDMOTHER, comment="祖母が12時に迎え")
    assert (changed.status, changed.pickup) == ("attended", GRANDMOTHER)

    desk.attendance.check_out(booking.id, datetime(2026, 3, 3, 12, 0))
    with pytest.raises(errors.InvalidState):
        desk.bookings.change(booking.id, pickup=Pickup())
    with pytest.raises(errors.InvalidState):
        desk.bookings.change(booking.id, comment="後から")
    assert desk.bookings.get(booking.id).pickup == GRANDMOTHER


@pytest.mark.parametrize(
    "missing",
    [dict(name=""), dict(phone=""), dict(name="  ", phone="  ")],
    ids=["name", "phone", "both"],
)
def test_other_pickup_needs_a_name_and_a_phone(missing: dict) -> None:
    values = dict(name="石井 和子", relation="祖母", phone="090-1111-2222") | missing
    with pytest.raises(errors.InvalidInput):
        Pickup(kind="other", **values)


def test_preview_change_shows_the_late_part_and_changes_nothing(
    desk: Desk, facility: Facility, make_child: ChildMaker, clock: Clock
) -> None:
    child = make_child(facility)
    booking = desk.bookings.book(facility.id, child.id, TUESDAY, t("09:30"), t("12:00"))
    early = desk.bookings.preview_change(booking.id, end=t("11:00"))
    assert (early.late, early.minutes, early.fee_yen, early.new_fee_yen) == (False, 0, 0, 450)

    clock.set(datetime(2026, 3, 2, 17, 1))
    late = desk.bookings.preview_change(booking.id, end=t("11:00"))

    assert (late.late, late.minutes, late.fee_yen, late.quota_minutes) == (True, 60, 300, 60)
    assert desk.bookings.get(booking.id).end == t("12:00")
    assert desk.bookings.preview_change(booking.id, start=t("09:00")).fee_yen == 0
