"""desk.approvals: provisional (online) bookings and regular plans in the approval queue (承認待ち)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from hoiku_desk.services import Booking, Child, Desk, Facility, PendingItem, errors
from tests.helpers import TUESDAY, t


def online_booking(desk: Desk, facility: Facility, child: Child, day: date = TUESDAY) -> Booking:
    return desk.bookings.book(facility.id, child.id, day, t("09:30"), t("12:00"), source="online")


def only_item(desk: Desk) -> PendingItem:
    (item,) = desk.approvals.pending()
    return item


def taken_at(desk: Desk, facility: Facility, day: date, start: str) -> int:
    slots = desk.bookings.availability(facility.id, day, day)[day]
    return next(s.taken for s in slots if s.start == t(start))


def fill(desk: Desk, facility: Facility, make_child, day: date, start: str, end: str) -> None:
    """Book every place of the slots between ``start`` and ``end`` for other children."""
    for _ in range(facility.rules.default_capacity):
        desk.bookings.book(facility.id, make_child(facility).id, day, t(start), t(end))


# -- provisional bookings ------------------------------------------------------------
def test_online_booking_is_pending_holds_its_slot_and_waits_in_the_queue(
    desk: Desk, facility: Facility, make_child
) -> None:
    child = make_child(facility, name="石井 颯")
    booking = online_booking(desk, facility, child)

    assert booking.status == "pending"
    assert taken_at(desk, facility, TUESDAY, "09:30") == 1
    assert taken_at(desk, facility, TUESDAY, "11:30") == 1
    item = only_item(desk)
    assert (item.kind, item.booking_id, item.problems) == ("booking", booking.id, [])
    for part in ("石井 颯", "3月3日", "9:30", "12:00"):
        assert part in item.summary


def test_approving_confirms_the_booking_and_empties_the_queue(
    desk: Desk, facility: Facility, make_child
) -> None:
    booking = online_booking(desk, facility, make_child(facility))
    item = only_item(desk)

    result = desk.approvals.approve(item.id, note="確認済み")

    assert result.booking is not None and result.booking.status == "confirmed"
    assert desk.bookings.get(booking.id).status == "confirmed"
    assert desk.approvals.pending() == []
    assert taken_at(desk, facility, TUESDAY, "09:30") == 1
    with pytest.raises(errors.InvalidState):
        desk.approvals.approve(item.id)
    with pytest.raises(errors.InvalidState):
        desk.approvals.reject(item.id, "重複")


def test_rejecting_frees_the_slot(desk: Desk, facility: Facility, make_child) -> None:
    booking = online_booking(desk, facility, make_child(facility))
    item = only_item(desk)

    desk.approvals.reject(item.id, "定員のため")

    assert desk.bookings.get(booking.id).status == "rejected"
    assert taken_at(desk, facility, TUESDAY, "09:30") == 0
    assert desk.approvals.pending() == []
    with pytest.raises(errors.InvalidState):
        desk.approvals.approve(item.id)


@pytest.mark.parametrize("reason", ["", "   "])
def test_reject_needs_a_reason(desk: Desk, facility: Facility, make_child, reason: str) -> None:
    booking = online_booking(desk, facility, make_child(facility))
    item = only_item(desk)

    with pytest.raises(errors.InvalidInput):
        desk.approvals.reject(item.id, reason)

    assert desk.bookings.get(booking.id).status == "pending"
    assert only_item(desk).id == item.id


@pytest.mark.parametrize(
    ("rules", "source", "status"),
    [
        pytest.param({}, "phone", "confirmed", id="phone-default"),
        pytest.param({}, "walk_in", "confirmed", id="walk-in-default"),
        pytest.param({"online_bookings_confirmed": True}, "online", "confirmed", id="live-inventory"),
        pytest.param({"phone_bookings_confirmed": False}, "phone", "pending", id="phone-provisional"),
        pytest.param(
            {"phone_bookings_confirmed": False}, "walk_in", "pending", id="walk-in-provisional"
        ),
    ],
)
def test_initial_status_follows_the_facility_rules(
    desk: Desk, facility: Facility, make_child, rules: dict, source: str, status: str
) -> None:
    if rules:
        desk.facilities.update_rules(facility.id, **rules)
    child = make_child(facility)

    booking = desk.bookings.book(facility.id, child.id, TUESDAY, t("09:30"), t("12:00"), source=source)

    assert booking.status == status
    queued = [i.booking_id for i in desk.approvals.pending()]
    assert queued == ([booking.id] if status == "pending" else [])


def test_approval_rechecks_the_rules_and_leaves_a_refused_item_pending(
    desk: Desk, facility: Facility, make_child
) -> None:
    booking = online_booking(desk, facility, make_child(facility))
    desk.facilities.set_capacity(facility.id, 0, on=TUESDAY)
    item = only_item(desk)
    assert item.problems and "SlotFull" in item.problem_codes

    with pytest.raises(errors.SlotFull):
        desk.approvals.approve(item.id)

    assert desk.bookings.get(booking.id).status == "pending"
    assert only_item(desk).id == item.id


def test_pending_booking_that_fills_its_slot_itself_can_be_approved(
    desk: Desk, facility: Facility, make_child
) -> None:
    for _ in range(facility.rules.default_capacity - 1):
        desk.bookings.book(facility.id, make_child(facility).id, TUESDAY, t("09:30"), t("12:00"))
    booking = online_booking(desk, facility, make_child(facility))
    item = only_item(desk)
    assert item.problems == []

    desk.approvals.approve(item.id)

    assert desk.bookings.get(booking.id).status == "confirmed"


def test_pending_booking_whose_start_has_passed_shows_a_problem(
    desk: Desk, clock, facility: Facility, make_child
) -> None:
    online_booking(desk, facility, make_child(facility))
    clock.set(datetime(2026, 3, 3, 9, 45))

    item = only_item(desk)

    assert item.problems
    assert item.problem_codes == ("OutsideBookingWindow",)


# -- regular plans -------------------------------------------------------------------
MARCH_TUESDAYS = [date(2026, 3, d) for d in (3, 10, 17, 24, 31)]


def request_tuesdays(desk: Desk, facility: Facility, child: Child, first: date, last: date):
    return desk.bookings.request_regular(facility.id, child.id, [1], t("13:00"), t("15:00"), first, last)


def test_regular_plan_waits_in_the_queue(desk: Desk, facility: Facility, make_child) -> None:
    child = make_child(facility, name="石井 颯")

    plan = request_tuesdays(desk, facility, child, MARCH_TUESDAYS[0], MARCH_TUESDAYS[-1])

    assert plan.status == "requested"
    item = only_item(desk)
    assert (item.kind, item.booking_id, item.plan_id) == ("regular", None, plan.id)
    assert "石井 颯" in item.summary
    assert desk.bookings.search(facility.id) == []


def test_approved_plan_books_every_open_tuesday_beyond_window_and_hold_limit(
    desk: Desk, facility: Facility, make_child
) -> None:
    child = make_child(facility)
    for held_day in (date(2026, 3, 4), date(2026, 3, 5)):  # the two flexible days it may hold
        desk.bookings.book(facility.id, child.id, held_day, t("09:30"), t("12:00"))
    request_tuesdays(desk, facility, child, date(2026, 3, 2), date(2026, 3, 31))

    result = desk.approvals.approve(only_item(desk).id)

    assert [b.day for b in result.bookings] == MARCH_TUESDAYS  # 3/17 on are beyond the 10 days
    assert {(b.kind, b.status, b.start, b.end) for b in result.bookings} == {
        ("regular", "confirmed", t("13:00"), t("15:00"))
    }
    assert result.skipped == ()
    assert desk.approvals.pending() == []
    stored = desk.bookings.search(facility.id, kinds=["regular"])
    assert [b.id for b in stored] == [b.id for b in result.bookings]


def test_approved_plan_reports_full_days_and_days_after_the_registration_ends(
    desk: Desk, facility: Facility, make_child
) -> None:
    fill(desk, facility, make_child, date(2026, 3, 10), "13:00", "14:00")
    child = make_child(facility)
    request_tuesdays(desk, facility, child, date(2026, 3, 3), date(2026, 4, 14))

    result = desk.approvals.approve(only_item(desk).id)

    assert [b.day for b in result.bookings] == [date(2026, 3, d) for d in (3, 17, 24, 31)]
    assert [(s.day, s.code) for s in result.skipped] == [
        (date(2026, 3, 10), "SlotFull"),
        (date(2026, 4, 7), "RegistrationExpired"),
        (date(2026, 4, 14), "RegistrationExpired"),
    ]
    assert all(s.message for s in result.skipped)
    assert result.plan is not None and result.plan.skipped == result.skipped


def test_approved_plan_skips_a_national_holiday(
    desk: Desk, clock, facility: Facility, make_child
) -> None:
    clock.set(datetime(2026, 4, 27, 9, 0))  # registered for fiscal 2026
    child = make_child(facility)
    request_tuesdays(desk, facility, child, date(2026, 4, 28), date(2026, 5, 12))

    result = desk.approvals.approve(only_item(desk).id)

    assert [b.day for b in result.bookings] == [date(2026, 4, 28), date(2026, 5, 12)]
    assert [(s.day, s.code) for s in result.skipped] == [(date(2026, 5, 5), "FacilityClosed")]  # こどもの日


def test_regular_plan_pending_item_lists_the_days_it_cannot_book(
    desk: Desk, facility: Facility, make_child
) -> None:
    fill(desk, facility, make_child, date(2026, 3, 10), "13:00", "14:00")
    request_tuesdays(desk, facility, make_child(facility), date(2026, 3, 3), date(2026, 3, 17))

    item = only_item(desk)

    assert len(item.problems) == 1 and "3月10日" in item.problems[0]


def test_rejecting_a_plan_creates_no_bookings(desk: Desk, facility: Facility, make_child) -> None:
    request_tuesdays(desk, facility, make_child(facility), MARCH_TUESDAYS[0], MARCH_TUESDAYS[-1])

    desk.approvals.reject(only_item(desk).id, "定員のため")

    assert desk.bookings.search(facility.id) == []
    assert desk.approvals.pending() == []
    assert all(s.taken == 0 for s in desk.bookings.availability(facility.id, TUESDAY, TUESDAY)[TUESDAY])


def test_regular_bookings_leave_the_flexible_hold_limit_alone(
    desk: Desk, facility: Facility, make_child
) -> None:
    child = make_child(facility)
    request_tuesdays(desk, facility, child, MARCH_TUESDAYS[0], MARCH_TUESDAYS[-1])
    desk.approvals.approve(only_item(desk).id)

    for day in (date(2026, 3, 4), date(2026, 3, 5)):
        desk.bookings.book(facility.id, child.id, day, t("09:30"), t("12:00"))
    with pytest.raises(errors.HoldLimitReached):
        desk.bookings.book(facility.id, child.id, TUESDAY + timedelta(days=3), t("09:30"), t("12:00"))
