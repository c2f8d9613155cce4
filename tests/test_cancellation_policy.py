"""desk.cancellations: the deadline, the late fee, bulk cancellation and waivers
(SPEC "Changing and cancelling")."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from hoiku_desk.services import Booking, Desk, Facility, errors
from tests.helpers import TUESDAY, t

WEDNESDAY = date(2026, 3, 4)
#: Free cancellation of a Wednesday booking ends at 17:00 on the Tuesday (default rules).
DEADLINE = datetime(2026, 3, 3, 17, 0, 0)


@pytest.fixture
def booking(desk: Desk, facility: Facility, make_child) -> Booking:
    """Wednesday 09:30–12:00 at 300 yen an hour: 150 minutes, 750 yen."""
    child = make_child(facility)
    return desk.bookings.book(facility.id, child.id, WEDNESDAY, t("09:30"), t("12:00"))


def status_of(desk: Desk, booking: Booking) -> str:
    return desk.bookings.get(booking.id).status


# -- the deadline --------------------------------------------------------------------
@pytest.mark.parametrize(
    ("at", "late", "fee_yen", "quota_minutes"),
    [
        pytest.param(datetime(2026, 3, 2, 9, 0), False, 0, 0, id="two-days-before"),
        pytest.param(DEADLINE, False, 0, 0, id="exactly-at-deadline"),
        pytest.param(datetime(2026, 3, 3, 17, 1), True, 750, 150, id="one-minute-late"),
        pytest.param(datetime(2026, 3, 4, 9, 0), True, 750, 150, id="on-the-morning"),
    ],
)
def test_cancel_is_free_until_17_the_day_before_then_charged_in_full(
    desk: Desk, clock, booking: Booking, at: datetime, late: bool, fee_yen: int, quota_minutes: int
) -> None:
    clock.set(at)

    outcome = desk.cancellations.cancel(booking.id, "illness")

    assert (outcome.late, outcome.fee_yen, outcome.quota_minutes) == (late, fee_yen, quota_minutes)
    assert outcome.booking_id == booking.id
    assert status_of(desk, booking) == "cancelled"


def test_deadline_follows_the_facility_days_before_and_time(
    desk: Desk, clock, facility: Facility, booking: Booking
) -> None:
    desk.facilities.update_rules(
        facility.id, cancel_deadline_days_before=2, cancel_deadline_time=time(12, 0)
    )

    clock.set(datetime(2026, 3, 2, 12, 0))
    assert desk.cancellations.preview(booking.id, "family").late is False
    clock.set(datetime(2026, 3, 2, 12, 1))
    outcome = desk.cancellations.preview(booking.id, "family")
    assert outcome.late is True
    assert outcome.deadline == datetime(2026, 3, 2, 12, 0)


def test_half_late_fee_is_rounded_down_to_whole_yen(
    desk: Desk, clock, facility: Facility, make_child
) -> None:
    desk.facilities.update_rules(facility.id, hourly_fee_yen=301, late_cancel_fee_percent=50)
    child = make_child(facility)
    booking = desk.bookings.book(facility.id, child.id, WEDNESDAY, t("09:30"), t("11:00"))
    assert booking.fee_yen == 451  # 301 × 90 / 60 = 451.5

    clock.set(datetime(2026, 3, 3, 18, 0))
    outcome = desk.cancellations.cancel(booking.id, "family")

    assert outcome.late is True
    assert outcome.fee_yen == 225  # 50 % of 451 = 225.5
    assert outcome.quota_minutes == 90


def test_facility_reason_is_never_charged_even_when_late(desk: Desk, clock, booking: Booking) -> None:
    clock.set(datetime(2026, 3, 4, 8, 0))

    outcome = desk.cancellations.cancel(booking.id, "facility", "警報のため休園")

    assert outcome.late is True
    assert (outcome.fee_yen, outcome.quota_minutes) == (0, 0)


def test_late_counts_no_quota_when_the_facility_says_so(
    desk: Desk, clock, facility: Facility, booking: Booking
) -> None:
    desk.facilities.update_rules(facility.id, late_cancel_counts_against_quota=False)
    clock.set(datetime(2026, 3, 4, 8, 0))

    outcome = desk.cancellations.cancel(booking.id, "illness")

    assert (outcome.late, outcome.fee_yen, outcome.quota_minutes) == (True, 750, 0)


# -- preview -------------------------------------------------------------------------
def test_preview_changes_nothing_and_matches_the_cancellation(
    desk: Desk, clock, booking: Booking
) -> None:
    clock.set(datetime(2026, 3, 3, 20, 0))

    preview = desk.cancellations.preview(booking.id, "illness")
    assert status_of(desk, booking) == "confirmed"
    assert desk.audit.entries(action="booking.cancel") == []

    assert desk.cancellations.cancel(booking.id, "illness") == preview
    assert preview.late is True and preview.fee_yen == 750


# -- bulk cancellation ---------------------------------------------------------------
@pytest.fixture
def three_bookings(desk: Desk, facility: Facility, make_child) -> list[Booking]:
    """Monday 10:00–11:00 (today, not started at 09:00), Tuesday and Wednesday."""
    return [
        desk.bookings.book(facility.id, make_child(facility).id, day, t("10:00"), t("11:00"))
        for day in (date(2026, 3, 2), TUESDAY, WEDNESDAY)
    ]


def test_cancel_many_cancels_every_booking_in_one_go(
    desk: Desk, three_bookings: list[Booking]
) -> None:
    outcomes = desk.cancellations.cancel_many([b.id for b in three_bookings], "facility", "臨時休園")

    assert [o.booking_id for o in outcomes] == [b.id for b in three_bookings]
    assert all(o.fee_yen == 0 for o in outcomes)
    assert {status_of(desk, b) for b in three_bookings} == {"cancelled"}


@pytest.mark.parametrize("spoil", ["already_cancelled", "started"])
def test_cancel_many_cancels_none_when_one_cannot_be_cancelled(
    desk: Desk, clock, three_bookings: list[Booking], spoil: str
) -> None:
    todays, *later = three_bookings
    if spoil == "already_cancelled":
        desk.cancellations.cancel(todays.id, "mistake")
    else:
        clock.set(datetime(2026, 3, 2, 10, 0))

    with pytest.raises(errors.NotCancellable):
        desk.cancellations.cancel_many([b.id for b in three_bookings], "illness")

    assert [status_of(desk, b) for b in later] == ["confirmed", "confirmed"]
    assert len(desk.audit.entries(action="booking.cancel")) == (1 if spoil == "already_cancelled" else 0)


# -- what cannot be cancelled ----------------------------------------------------------
@pytest.mark.parametrize("at", [datetime(2026, 3, 4, 9, 30), datetime(2026, 3, 4, 10, 0)])
def test_booking_that_has_started_cannot_be_cancelled(
    desk: Desk, clock, booking: Booking, at: datetime
) -> None:
    clock.set(at)

    with pytest.raises(errors.NotCancellable):
        desk.cancellations.cancel(booking.id, "illness")
    with pytest.raises(errors.NotCancellable):
        desk.cancellations.preview(booking.id, "illness")
    assert status_of(desk, booking) == "confirmed"


def test_cancelled_booking_cannot_be_cancelled_again(desk: Desk, booking: Booking) -> None:
    desk.cancellations.cancel(booking.id, "illness")

    with pytest.raises(errors.NotCancellable):
        desk.cancellations.cancel(booking.id, "illness")
    assert len(desk.audit.entries(action="booking.cancel")) == 1


@pytest.mark.parametrize("reason", ["", "sick", "体調不良"])
def test_unknown_reason_code_is_refused_and_changes_nothing(
    desk: Desk, booking: Booking, reason: str
) -> None:
    with pytest.raises(errors.InvalidInput):
        desk.cancellations.cancel(booking.id, reason)

    assert status_of(desk, booking) == "confirmed"
    assert desk.audit.entries(action="booking.cancel") == []


def test_cancel_error_is_a_booking_error(desk: Desk, booking: Booking) -> None:
    desk.cancellations.cancel(booking.id, "illness")
    with pytest.raises(errors.BookingError):
        desk.cancellations.cancel(booking.id, "illness")


# -- the fee is fixed when booked ------------------------------------------------------
def test_fee_stays_at_the_rate_in_force_when_booked(
    desk: Desk, clock, facility: Facility, make_child, booking: Booking
) -> None:
    desk.facilities.update_rules(facility.id, hourly_fee_yen=500)
    newer = desk.bookings.book(facility.id, make_child(facility).id, WEDNESDAY, t("09:30"), t("12:00"))

    assert newer.fee_yen == 1250
    assert desk.bookings.get(booking.id).fee_yen == 750
    clock.set(datetime(2026, 3, 3, 21, 0))
    assert desk.cancellations.cancel(booking.id, "illness").fee_yen == 750


# -- waivers -------------------------------------------------------------------------
def fee_due(desk: Desk, booking: Booking) -> int:
    (row,) = [r for r in desk.attendance.daily_list(booking.facility_id, booking.day)
              if r.booking_id == booking.id]
    return row.fee_due_yen


def test_waived_no_show_fee_is_no_longer_due(desk: Desk, clock, booking: Booking) -> None:
    clock.set(datetime(2026, 3, 4, 10, 0))
    desk.attendance.mark_no_show(booking.id)
    assert fee_due(desk, booking) == 750

    desk.cancellations.waive(booking.id, "急病で入院のため")

    assert fee_due(desk, booking) == 0


def test_waiving_a_late_cancellation_is_audited(desk: Desk, clock, booking: Booking) -> None:
    clock.set(datetime(2026, 3, 3, 19, 0))
    desk.cancellations.cancel(booking.id, "illness")

    desk.cancellations.waive(booking.id, "園長判断")

    (entry,) = desk.audit.entries(action="charge.waive")
    assert entry.before is not None and entry.after is not None
    assert entry.after["waive_reason"] == "園長判断"
    with pytest.raises(errors.InvalidState):  # nothing left to waive
        desk.cancellations.waive(booking.id, "園長判断")


@pytest.mark.parametrize("how", ["still_booked", "cancelled_in_time"])
def test_waiving_a_booking_without_charge_is_refused(
    desk: Desk, booking: Booking, how: str
) -> None:
    if how == "cancelled_in_time":
        desk.cancellations.cancel(booking.id, "illness")

    with pytest.raises(errors.InvalidState):
        desk.cancellations.waive(booking.id, "園長判断")
    assert desk.audit.entries(action="charge.waive") == []


def test_waive_needs_a_reason(desk: Desk, clock, booking: Booking) -> None:
    clock.set(datetime(2026, 3, 3, 19, 0))
    desk.cancellations.cancel(booking.id, "illness")

    with pytest.raises(errors.InvalidInput):
        desk.cancellations.waive(booking.id, "  ")
    assert desk.audit.entries(action="charge.waive") == []


# -- pending bookings ----------------------------------------------------------------
def test_cancelling_a_pending_online_booking_removes_it_from_the_queue(
    desk: Desk, facility: Facility, make_child
) -> None:
    child = make_child(facility)
    pending = desk.bookings.book(
        facility.id, child.id, WEDNESDAY, t("09:30"), t("12:00"), source="online"
    )
    assert [i.booking_id for i in desk.approvals.pending()] == [pending.id]

    outcome = desk.cancellations.cancel(pending.id, "family")

    assert outcome.fee_yen == 0
    assert status_of(desk, pending) == "cancelled"
    assert desk.approvals.pending() == []


def test_late_cancellation_of_a_pending_booking_is_charged_too(
    desk: Desk, clock, facility: Facility, make_child
) -> None:
    """Seed 000: the policy applies from the provisional booking on."""
    child = make_child(facility)
    pending = desk.bookings.book(
        facility.id, child.id, WEDNESDAY, t("09:30"), t("12:00"), source="online"
    )
    clock.set(datetime(2026, 3, 3, 17, 30))

    outcome = desk.cancellations.cancel(pending.id, "family")

    assert (outcome.late, outcome.fee_yen, outcome.quota_minutes) == (True, 750, 150)
