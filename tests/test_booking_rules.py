"""The nine booking rules of SPEC.md ("Booking rules"): each refusal's class, code and data,
that a refusal saves nothing, and the edges staff meet at the front desk.

The clock stands at Monday 2 March 2026, 09:00 unless a test moves it; the booking window
then runs to Thursday 12 March.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import date, datetime, timedelta
from typing import Any

import pytest

from hoiku_desk.services import Booking, Child, Desk, Facility, FacilityRules, errors
from tests.conftest import ChildMaker, Clock
from tests.helpers import NOW, TUESDAY, t

MONDAY = NOW.date()  # 2026-03-02
WEDNESDAY = date(2026, 3, 4)
THURSDAY = date(2026, 3, 5)
FRIDAY = date(2026, 3, 6)
SATURDAY = date(2026, 3, 7)
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")

Book = Callable[..., Booking]
Refused = Callable[[type[errors.BookingError]], AbstractContextManager[pytest.ExceptionInfo[Any]]]


# -- helpers -----------------------------------------------------------------------------
@pytest.fixture
def book(desk: Desk) -> Book:
    """book(facility, child, day, "10:00", "12:00", source=..., override=...)."""

    def make(facility: Facility, child: Child, day: date, start: str, end: str, **options: Any) -> Booking:
        return desk.bookings.book(facility.id, child.id, day, t(start), t(end), **options)

    return make


@pytest.fixture
def refused(desk: Desk, clock: Clock) -> Refused:
    """``with refused(errors.SlotFull) as info:`` — the exact refusal class, raised with its
    code and a Japanese sentence, and nothing saved: every facility's bookings, slot
    availability and approval queue are as before."""

    def state() -> list[object]:
        today = clock.now.date()
        return [
            (
                desk.bookings.search(f.id),
                desk.bookings.availability(f.id, today - timedelta(days=2), today + timedelta(days=25)),
            )
            for f in desk.facilities.list()
        ] + [desk.approvals.pending()]

    @contextmanager
    def expect(error: type[errors.BookingError]) -> Iterator[pytest.ExceptionInfo[Any]]:
        before = state()
        with pytest.raises(error) as info:
            yield info
        refusal = info.value
        assert type(refusal) is error
        assert isinstance(refusal, errors.BookingError)
        assert refusal.code == error.__name__
        assert str(refusal).strip() and JAPANESE.search(str(refusal)), str(refusal)
        assert state() == before, "a refused booking must save nothing"

    return expect


@pytest.fixture
def yui(make_child: ChildMaker, facility: Facility) -> Child:
    """佐藤 結衣, registered and approved at the 一時保育 facility K01."""
    return make_child(facility, name="佐藤 結衣", kana="サトウ ユイ")


@pytest.fixture
def other_facility(desk: Desk) -> Facility:
    return desk.facilities.add("K02", "みどり保育園 一時保育")


def fill(book: Book, make_child: ChildMaker, facility: Facility, day: date, start: str, end: str,
         count: int = 3) -> list[Booking]:
    """``count`` other children booked for the same times."""
    return [book(facility, make_child(facility), day, start, end) for _ in range(count)]


def capacity_at(desk: Desk, facility: Facility, day: date, slot: str) -> int:
    slots = desk.bookings.availability(facility.id, day, day)[day]
    return next(s.capacity for s in slots if s.start == t(slot))


def test_every_rule_refusal_is_a_booking_error() -> None:
    for error in (
        errors.RegistrationRequired, errors.RegistrationExpired, errors.AgeNotEligible,
        errors.OutsideBookingWindow, errors.FacilityClosed, errors.InvalidTimeRange,
        errors.SlotFull, errors.OverlappingBooking, errors.HoldLimitReached, errors.QuotaExceeded,
    ):
        assert issubclass(error, errors.BookingError)
        assert error.code == error.__name__


# -- rule 1: an approved, unexpired registration at the facility ---------------------------
def test_child_without_registration_is_refused(
    book: Book, refused: Refused, make_child: ChildMaker, facility: Facility
) -> None:
    child = make_child(name="山本 湊", kana="ヤマモト ミナト")
    with refused(errors.RegistrationRequired) as info:
        book(facility, child, TUESDAY, "10:00", "12:00")
    assert info.value.data["child_name"] == "山本 湊"
    assert info.value.data["facility_name"] == facility.name


@pytest.mark.parametrize("decision", ["applied", "rejected"])
def test_registration_not_approved_is_refused(
    desk: Desk, book: Book, refused: Refused, make_child: ChildMaker, facility: Facility,
    decision: str,
) -> None:
    child = make_child(name="山本 湊", kana="ヤマモト ミナト")
    registration = desk.registrations.apply(child.id, facility.id)
    if decision == "rejected":
        desk.registrations.reject(registration.id, "面談に来られなかったため")
    with refused(errors.RegistrationRequired) as info:
        book(facility, child, TUESDAY, "10:00", "12:00")
    assert info.value.data["facility_name"] == facility.name


def test_registration_at_another_facility_does_not_count(
    book: Book, refused: Refused, make_child: ChildMaker, facility: Facility, other_facility: Facility
) -> None:
    child = make_child(other_facility, name="山本 湊", kana="ヤマモト ミナト")
    with refused(errors.RegistrationRequired) as info:
        book(facility, child, TUESDAY, "10:00", "12:00")
    assert info.value.data["facility_name"] == facility.name
    assert book(other_facility, child, TUESDAY, "10:00", "12:00").status == "confirmed"


def test_approval_is_valid_through_31_march_of_the_interview_fiscal_year(
    book: Book, refused: Refused, make_child: ChildMaker, facility: Facility, clock: Clock
) -> None:
    clock.set(datetime(2026, 3, 25, 9, 0))  # 3/31 and 4/1 both within the window
    child = make_child(facility, name="中村 陽葵", kana="ナカムラ ヒマリ", interviewed_on=date(2025, 6, 1))

    assert book(facility, child, date(2026, 3, 31), "10:00", "12:00").day == date(2026, 3, 31)
    with refused(errors.RegistrationExpired) as info:
        book(facility, child, date(2026, 4, 1), "10:00", "12:00")
    assert info.value.data["valid_until"] == date(2026, 3, 31)
    assert info.value.data["day"] == date(2026, 4, 1)


# -- rule 2: eligible ages on the day (daredemo: 6–35 months) ------------------------------
@pytest.mark.parametrize(
    ("birth_date", "months", "accepted"),
    [
        pytest.param(date(2025, 9, 4), 5, False, id="5_months_29_days"),
        pytest.param(date(2025, 9, 3), 6, True, id="6_months_exactly"),
        pytest.param(date(2023, 4, 3), 35, True, id="35_months_exactly"),
        pytest.param(date(2023, 3, 4), 35, True, id="35_months_and_a_day_short_of_36"),
        pytest.param(date(2023, 3, 3), 36, False, id="36_months_exactly"),
    ],
)
def test_daredemo_ages_6_to_35_months_on_the_day(
    book: Book, refused: Refused, make_child: ChildMaker, daredemo: Facility,
    birth_date: date, months: int, accepted: bool,
) -> None:
    child = make_child(daredemo, name="小林 葵", kana="コバヤシ アオイ", birth_date=birth_date)
    if accepted:
        assert book(daredemo, child, TUESDAY, "10:00", "12:00").status == "confirmed"
        return
    with refused(errors.AgeNotEligible) as info:
        book(daredemo, child, TUESDAY, "10:00", "12:00")
    assert info.value.data["age_months"] == months
    assert (info.value.data["min_months"], info.value.data["max_months"]) == (6, 35)


def test_age_is_taken_on_the_day_of_use(
    book: Book, refused: Refused, make_child: ChildMaker, daredemo: Facility
) -> None:
    # 5 months today (2 March); 6 months on 5 March.
    child = make_child(daredemo, name="小林 葵", kana="コバヤシ アオイ", birth_date=date(2025, 9, 5))
    with refused(errors.AgeNotEligible) as info:
        book(daredemo, child, WEDNESDAY, "10:00", "12:00")
    assert info.value.data["age_months"] == 5
    assert book(daredemo, child, THURSDAY, "10:00", "12:00").day == THURSDAY


# -- rule 3: the booking window --------------------------------------------------------------
def test_yesterday_is_refused(
    book: Book, refused: Refused, yui: Child, facility: Facility, clock: Clock
) -> None:
    clock.set(datetime(2026, 3, 3, 9, 0))  # Tuesday: yesterday is an open Monday
    with refused(errors.OutsideBookingWindow) as info:
        book(facility, yui, MONDAY, "13:00", "15:00")
    assert info.value.data["reason"] == "past"
    assert info.value.data["day"] == MONDAY


@pytest.mark.parametrize("days_ahead", [0, 10], ids=["today", "tenth_day"])
def test_today_to_today_plus_10_is_bookable(
    book: Book, yui: Child, facility: Facility, days_ahead: int
) -> None:
    day = MONDAY + timedelta(days=days_ahead)
    assert book(facility, yui, day, "10:00", "12:00").day == day


def test_day_11_is_beyond_the_window(book: Book, refused: Refused, yui: Child, facility: Facility) -> None:
    with refused(errors.OutsideBookingWindow) as info:
        book(facility, yui, date(2026, 3, 13), "10:00", "12:00")
    assert info.value.data["reason"] == "horizon"
    assert info.value.data["last_day"] == date(2026, 3, 12)


@pytest.mark.parametrize(
    ("source", "start", "accepted"),
    [
        pytest.param("walk_in", "10:00", True, id="walk_in_joins_the_running_slot"),
        pytest.param("walk_in", "09:30", False, id="walk_in_slot_already_over"),
        pytest.param("phone", "10:00", False, id="phone_start_passed"),
        pytest.param("phone", "09:30", False, id="phone_earlier_start_passed"),
    ],
)
def test_a_start_already_passed_today(
    book: Book, refused: Refused, yui: Child, facility: Facility, clock: Clock,
    source: str, start: str, accepted: bool,
) -> None:
    clock.set(datetime(2026, 3, 2, 10, 7))
    end = "12:00"
    if accepted:
        booking = book(facility, yui, MONDAY, start, end, source=source)
        assert (booking.start, booking.source) == (t(start), source)
        return
    with refused(errors.OutsideBookingWindow) as info:
        book(facility, yui, MONDAY, start, end, source=source)
    assert info.value.data["reason"] == "started"


@pytest.mark.parametrize(("source", "accepted"), [("phone", True), ("walk_in", True), ("online", False)])
def test_phone_exemption_lifts_the_horizon_but_never_for_online(
    desk: Desk, book: Book, refused: Refused, yui: Child, facility: Facility, clock: Clock,
    source: str, accepted: bool,
) -> None:
    clock.set(datetime(2026, 3, 3, 9, 0))
    desk.facilities.update_rules(facility.id, window_and_hold_apply_to_phone=False)
    day = date(2026, 3, 23)  # today + 20, a Monday
    if accepted:
        assert book(facility, yui, day, "10:00", "12:00", source=source).day == day
        return
    with refused(errors.OutsideBookingWindow) as info:
        book(facility, yui, day, "10:00", "12:00", source=source)
    assert info.value.data["reason"] == "horizon"


@pytest.mark.parametrize("source", ["phone", "walk_in"])
def test_phone_exemption_never_allows_the_past(
    desk: Desk, book: Book, refused: Refused, yui: Child, facility: Facility, clock: Clock, source: str
) -> None:
    clock.set(datetime(2026, 3, 3, 9, 0))
    desk.facilities.update_rules(facility.id, window_and_hold_apply_to_phone=False)
    with refused(errors.OutsideBookingWindow) as info:
        book(facility, yui, MONDAY, "10:00", "12:00", source=source)
    assert info.value.data["reason"] == "past"


def test_admin_override_skips_the_horizon(book: Book, yui: Child, facility: Facility) -> None:
    day = date(2026, 3, 23)  # today + 21
    booking = book(facility, yui, day, "10:00", "12:00", override=True)
    assert (booking.day, booking.status) == (day, "confirmed")


# -- rule 4: open days and opening hours -------------------------------------------------------
@pytest.mark.parametrize("day", [SATURDAY, date(2026, 3, 8)], ids=["saturday", "sunday"])
def test_weekend_is_closed(book: Book, refused: Refused, yui: Child, facility: Facility, day: date) -> None:
    with refused(errors.FacilityClosed) as info:
        book(facility, yui, day, "10:00", "12:00")
    assert info.value.data["reason"] == "weekday"
    assert info.value.data["day"] == day


@pytest.mark.parametrize(
    ("now", "day", "reason"),
    [
        pytest.param(datetime(2026, 3, 16, 9, 0), date(2026, 3, 20), "holiday", id="shunbun_no_hi"),
        pytest.param(datetime(2026, 12, 24, 9, 0), date(2026, 12, 30), "year_end", id="year_end"),
    ],
)
def test_calendar_closed_day_is_bookable_once_opened(
    desk: Desk, book: Book, refused: Refused, make_child: ChildMaker, facility: Facility,
    clock: Clock, now: datetime, day: date, reason: str,
) -> None:
    clock.set(now)
    child = make_child(facility, name="佐藤 結衣", kana="サトウ ユイ")  # interviewed a week before `now`
    with refused(errors.FacilityClosed) as info:
        book(facility, child, day, "10:00", "12:00")
    assert info.value.data["reason"] == reason
    if reason == "holiday":
        assert info.value.data["holiday_name"] == "春分の日"

    desk.facilities.open_day(facility.id, day)
    assert book(facility, child, day, "10:00", "12:00").day == day


def test_booking_may_end_exactly_at_closing_time(book: Book, yui: Child, facility: Facility) -> None:
    assert book(facility, yui, TUESDAY, "16:00", "17:00").end == t("17:00")


@pytest.mark.parametrize(
    ("start", "end", "limit", "expected"),
    [
        pytest.param("16:30", "17:30", "close_time", t("17:00"), id="past_closing"),
        pytest.param("08:00", "09:00", "open_time", t("08:30"), id="before_opening"),
    ],
)
def test_outside_opening_hours_is_refused(
    book: Book, refused: Refused, yui: Child, facility: Facility,
    start: str, end: str, limit: str, expected: object,
) -> None:
    with refused(errors.FacilityClosed) as info:
        book(facility, yui, TUESDAY, start, end)
    assert info.value.data["reason"] == "hours"
    assert info.value.data[limit] == expected


def test_closure_from_a_time_refuses_what_runs_past_it(
    desk: Desk, book: Book, refused: Refused, yui: Child, facility: Facility
) -> None:
    desk.facilities.close_day(facility.id, TUESDAY, "暴風警報のため午後休園", from_time=t("13:00"))
    with refused(errors.FacilityClosed) as info:
        book(facility, yui, TUESDAY, "12:30", "13:30")
    assert info.value.data["reason"] == "closure"
    assert info.value.data["close_time"] == t("13:00")
    assert book(facility, yui, TUESDAY, "12:00", "13:00").end == t("13:00")


def test_whole_day_closure_is_refused(
    desk: Desk, book: Book, refused: Refused, yui: Child, facility: Facility
) -> None:
    desk.facilities.close_day(facility.id, TUESDAY, "台風のため休園")
    with refused(errors.FacilityClosed) as info:
        book(facility, yui, TUESDAY, "10:00", "12:00")
    assert info.value.data["reason"] == "closure"
    assert info.value.data["closure_reason"] == "台風のため休園"


# -- rule 5: slot boundaries and the minimum length ----------------------------------------
@pytest.mark.parametrize("override", [False, True], ids=["staff", "admin_override"])
def test_start_off_the_30_minute_boundary_is_refused_even_with_override(
    book: Book, refused: Refused, yui: Child, facility: Facility, override: bool
) -> None:
    with refused(errors.InvalidTimeRange) as info:
        book(facility, yui, TUESDAY, "09:15", "10:15", override=override)
    assert info.value.data["reason"] == "boundary"
    assert info.value.data["slot_minutes"] == 30


def test_end_before_start_is_refused(book: Book, refused: Refused, yui: Child, facility: Facility) -> None:
    with refused(errors.InvalidTimeRange) as info:
        book(facility, yui, TUESDAY, "11:00", "10:00")
    assert info.value.data["reason"] == "order"


def test_30_minutes_is_shorter_than_the_minimum(
    book: Book, refused: Refused, yui: Child, facility: Facility
) -> None:
    with refused(errors.InvalidTimeRange) as info:
        book(facility, yui, TUESDAY, "10:00", "10:30")
    assert info.value.data["reason"] == "too_short"
    assert info.value.data["min_minutes"] == 60


def test_admin_override_allows_a_30_minute_booking(book: Book, yui: Child, facility: Facility) -> None:
    booking = book(facility, yui, TUESDAY, "10:00", "10:30", override=True)
    assert (booking.start, booking.end) == (t("10:00"), t("10:30"))


# -- rule 6: room in every slot ---------------------------------------------------------------
@pytest.mark.parametrize("override", [False, True], ids=["staff", "admin_override"])
def test_fourth_child_in_a_slot_of_3_is_refused_naming_the_slot(
    book: Book, refused: Refused, make_child: ChildMaker, yui: Child, facility: Facility, override: bool
) -> None:
    fill(book, make_child, facility, TUESDAY, "10:00", "11:00")
    with refused(errors.SlotFull) as info:
        book(facility, yui, TUESDAY, "10:00", "11:00", override=override)
    data = info.value.data
    assert (data["day"], data["slot_start"], data["capacity"], data["taken"]) == (TUESDAY, t("10:00"), 3, 3)


def test_partial_overlap_with_a_full_slot_is_refused(
    book: Book, refused: Refused, make_child: ChildMaker, yui: Child, facility: Facility
) -> None:
    fill(book, make_child, facility, TUESDAY, "10:00", "11:00")
    with refused(errors.SlotFull) as info:
        book(facility, yui, TUESDAY, "10:30", "12:00")
    assert info.value.data["slot_start"] == t("10:30")
    assert book(facility, yui, TUESDAY, "11:00", "12:00").start == t("11:00")


def test_cancelled_booking_frees_its_place(
    desk: Desk, book: Book, make_child: ChildMaker, yui: Child, facility: Facility
) -> None:
    first, *_ = fill(book, make_child, facility, TUESDAY, "10:00", "11:00")
    desk.cancellations.cancel(first.id, "family")
    assert book(facility, yui, TUESDAY, "10:00", "11:00").status == "confirmed"


def test_pending_booking_holds_its_place(
    book: Book, refused: Refused, make_child: ChildMaker, yui: Child, facility: Facility
) -> None:
    online = book(facility, make_child(facility), TUESDAY, "10:00", "11:00", source="online")
    assert online.status == "pending"
    fill(book, make_child, facility, TUESDAY, "10:00", "11:00", count=2)
    with refused(errors.SlotFull) as info:
        book(facility, yui, TUESDAY, "10:00", "11:00")
    assert info.value.data["taken"] == 3


@pytest.mark.parametrize("date_setting_first", [False, True], ids=["weekday_first", "date_first"])
def test_capacity_date_setting_beats_weekday_beats_default(
    desk: Desk, book: Book, refused: Refused, make_child: ChildMaker, facility: Facility,
    date_setting_first: bool,
) -> None:
    next_tuesday = TUESDAY + timedelta(days=7)

    def every_tuesday() -> None:
        desk.facilities.set_capacity(facility.id, 1, weekday=TUESDAY.weekday())

    def this_tuesday_morning() -> None:
        desk.facilities.set_capacity(facility.id, 2, on=TUESDAY, start=t("10:00"), end=t("12:00"))

    desk.facilities.set_capacity(facility.id, 4)  # the default
    settings = [every_tuesday, this_tuesday_morning]
    for setting in reversed(settings) if date_setting_first else settings:
        setting()

    assert capacity_at(desk, facility, TUESDAY, "10:00") == 2
    assert capacity_at(desk, facility, TUESDAY, "11:30") == 2
    assert capacity_at(desk, facility, TUESDAY, "12:00") == 1   # outside the date setting's times
    assert capacity_at(desk, facility, next_tuesday, "10:00") == 1
    assert capacity_at(desk, facility, WEDNESDAY, "10:00") == 4

    latecomer = make_child(facility, name="田中 芽依", kana="タナカ メイ")
    fill(book, make_child, facility, TUESDAY, "10:00", "12:00", count=2)
    with refused(errors.SlotFull) as info:
        book(facility, latecomer, TUESDAY, "10:00", "12:00")
    assert (info.value.data["capacity"], info.value.data["taken"]) == (2, 2)

    fill(book, make_child, facility, TUESDAY, "13:00", "14:00", count=1)
    with refused(errors.SlotFull) as info:
        book(facility, latecomer, TUESDAY, "13:00", "14:00")
    assert info.value.data["capacity"] == 1

    assert len(fill(book, make_child, facility, WEDNESDAY, "10:00", "12:00", count=4)) == 4


# -- rule 7: no overlapping booking of the same child ------------------------------------------
@pytest.mark.parametrize("override", [False, True], ids=["staff", "admin_override"])
def test_overlap_at_the_same_facility_names_the_other_booking(
    book: Book, refused: Refused, yui: Child, facility: Facility, override: bool
) -> None:
    first = book(facility, yui, TUESDAY, "10:00", "12:00")
    with refused(errors.OverlappingBooking) as info:
        book(facility, yui, TUESDAY, "11:00", "13:00", override=override)
    assert info.value.data["number"] == first.number
    assert info.value.data["child_name"] == "佐藤 結衣"


def test_overlap_at_another_facility_is_refused(
    book: Book, refused: Refused, make_child: ChildMaker, facility: Facility, other_facility: Facility
) -> None:
    child = make_child(facility, other_facility, name="佐藤 結衣", kana="サトウ ユイ")
    first = book(facility, child, TUESDAY, "10:00", "12:00")
    with refused(errors.OverlappingBooking) as info:
        book(other_facility, child, TUESDAY, "11:30", "13:00")
    assert info.value.data["number"] == first.number
    assert info.value.data["facility_name"] == facility.name


def test_back_to_back_bookings_do_not_overlap(
    desk: Desk, book: Book, yui: Child, facility: Facility
) -> None:
    for start, end in (("10:00", "12:00"), ("12:00", "13:00"), ("09:00", "10:00")):
        book(facility, yui, TUESDAY, start, end)
    booked = desk.bookings.search(facility.id, query="サトウ ユイ")
    assert [(b.start, b.end) for b in booked] == [(t("09:00"), t("10:00")), (t("10:00"), t("12:00")),
                                                  (t("12:00"), t("13:00"))]


# -- rule 8: at most 2 held days per child and facility ------------------------------------------
def hold_two_days(book: Book, facility: Facility, child: Child) -> None:
    book(facility, child, TUESDAY, "10:00", "12:00")
    book(facility, child, WEDNESDAY, "10:00", "12:00")


def test_third_held_day_is_refused(book: Book, refused: Refused, yui: Child, facility: Facility) -> None:
    hold_two_days(book, facility, yui)
    with refused(errors.HoldLimitReached) as info:
        book(facility, yui, THURSDAY, "10:00", "12:00")
    assert info.value.data["max_days"] == 2
    assert list(info.value.data["held_days"]) == [TUESDAY, WEDNESDAY]


def test_second_booking_on_a_held_day_adds_no_day(book: Book, yui: Child, facility: Facility) -> None:
    hold_two_days(book, facility, yui)
    assert book(facility, yui, TUESDAY, "14:00", "15:00").day == TUESDAY


@pytest.mark.parametrize("later", ["10:30", "11:00"], ids=["exactly_at_its_end", "after_its_end"])
def test_ended_booking_no_longer_holds_its_day(
    book: Book, refused: Refused, yui: Child, facility: Facility, clock: Clock, later: str
) -> None:
    book(facility, yui, MONDAY, "09:30", "10:30")
    book(facility, yui, TUESDAY, "10:00", "12:00")
    with refused(errors.HoldLimitReached):
        book(facility, yui, WEDNESDAY, "10:00", "12:00")
    clock.set(datetime.combine(MONDAY, t(later)))
    assert book(facility, yui, WEDNESDAY, "10:00", "12:00").day == WEDNESDAY


@pytest.mark.parametrize(("source", "accepted"), [("phone", True), ("walk_in", True), ("online", False)])
def test_phone_exemption_lifts_the_hold_limit_but_never_for_online(
    desk: Desk, book: Book, refused: Refused, yui: Child, facility: Facility, source: str, accepted: bool
) -> None:
    desk.facilities.update_rules(facility.id, window_and_hold_apply_to_phone=False)
    hold_two_days(book, facility, yui)
    if accepted:
        assert book(facility, yui, THURSDAY, "10:00", "12:00", source=source).day == THURSDAY
        return
    with refused(errors.HoldLimitReached):
        book(facility, yui, THURSDAY, "10:00", "12:00", source=source)


def test_admin_override_skips_the_hold_limit(book: Book, yui: Child, facility: Facility) -> None:
    hold_two_days(book, facility, yui)
    assert book(facility, yui, THURSDAY, "10:00", "12:00", override=True).day == THURSDAY


def approve_regular(desk: Desk, facility: Facility, child: Child, weekdays: list[int]) -> list[Booking]:
    desk.bookings.request_regular(facility.id, child.id, weekdays, t("13:00"), t("15:00"), TUESDAY, FRIDAY)
    item = next(i for i in desk.approvals.pending(facility.id) if i.kind == "regular")
    result = desk.approvals.approve(item.id)
    assert result.skipped == ()
    return list(result.bookings)


def test_regular_bookings_do_not_count_as_held_days(
    desk: Desk, book: Book, yui: Child, facility: Facility
) -> None:
    approve_regular(desk, facility, yui, [THURSDAY.weekday(), FRIDAY.weekday()])
    hold_two_days(book, facility, yui)  # would be a 3rd and 4th day if regular use counted


def test_regular_plan_is_not_limited_by_held_days(
    desk: Desk, book: Book, yui: Child, facility: Facility
) -> None:
    hold_two_days(book, facility, yui)
    booked = approve_regular(desk, facility, yui, [THURSDAY.weekday(), FRIDAY.weekday()])
    assert [b.day for b in booked] == [THURSDAY, FRIDAY]


def test_interview_does_not_count_as_a_held_day(
    desk: Desk, book: Book, make_child: ChildMaker, facility: Facility
) -> None:
    child = make_child(name="佐藤 結衣", kana="サトウ ユイ")
    registration = desk.registrations.apply(child.id, facility.id)
    slot = desk.interviews.add_slot(facility.id, WEDNESDAY, t("09:00"), t("09:30"))
    assert desk.interviews.book(registration.id, slot.id).kind == "interview"
    # The family came in today instead; the 面談 booked for Wednesday still stands.
    desk.registrations.approve(registration.id, interviewed_on=MONDAY)
    book(facility, child, TUESDAY, "10:00", "12:00")
    assert book(facility, child, THURSDAY, "10:00", "12:00").day == THURSDAY


# -- rule 9: the monthly quota (daredemo 600 minutes) ---------------------------------------------
@pytest.fixture
def quota_facility(desk: Desk, daredemo: Facility) -> Facility:
    """D01 with the hold limit raised, so that rule 8 does not stop a month being filled."""
    return desk.facilities.update_rules(daredemo.id, max_held_days=10)


@pytest.fixture
def aoi(make_child: ChildMaker, quota_facility: Facility) -> Child:
    return make_child(quota_facility, name="小林 葵", kana="コバヤシ アオイ")


@pytest.mark.parametrize(
    ("end", "accepted"),
    [pytest.param("11:00", True, id="10_hours"), pytest.param("11:30", False, id="10.5_hours")],
)
def test_month_quota_of_10_hours(
    book: Book, refused: Refused, aoi: Child, quota_facility: Facility, end: str, accepted: bool
) -> None:
    book(quota_facility, aoi, TUESDAY, "08:30", "16:30")  # 480 minutes
    if accepted:
        assert book(quota_facility, aoi, WEDNESDAY, "09:00", end).end == t(end)
        return
    with refused(errors.QuotaExceeded) as info:
        book(quota_facility, aoi, WEDNESDAY, "09:00", end)
    data = info.value.data
    assert (data["used_minutes"], data["requested_minutes"], data["quota_minutes"]) == (480, 150, 600)
    assert data["month"] == "2026-03"


def test_a_new_month_starts_fresh(
    book: Book, refused: Refused, make_child: ChildMaker, quota_facility: Facility, clock: Clock
) -> None:
    clock.set(datetime(2026, 2, 23, 9, 0))
    child = make_child(quota_facility, name="小林 葵", kana="コバヤシ アオイ")
    book(quota_facility, child, date(2026, 2, 24), "08:30", "16:30")
    book(quota_facility, child, date(2026, 2, 25), "09:00", "11:00")
    with refused(errors.QuotaExceeded) as info:
        book(quota_facility, child, date(2026, 2, 26), "09:00", "10:00")
    assert info.value.data["used_minutes"] == 600
    assert book(quota_facility, child, MONDAY, "08:30", "16:30").day == MONDAY


@pytest.mark.parametrize(
    ("cancel_at", "reason", "late_counts", "minutes_back"),
    [
        pytest.param(NOW, "illness", True, True, id="free_before_deadline"),
        pytest.param(datetime(2026, 3, 2, 17, 30), "illness", True, False, id="late_illness_counts"),
        pytest.param(datetime(2026, 3, 2, 17, 30), "illness", False, True, id="late_not_counted_by_rule"),
        pytest.param(datetime(2026, 3, 2, 17, 30), "facility", True, True, id="late_facility_reason_free"),
    ],
)
def test_late_cancelled_minutes_use_up_the_quota(
    desk: Desk, book: Book, refused: Refused, aoi: Child, quota_facility: Facility, clock: Clock,
    cancel_at: datetime, reason: str, late_counts: bool, minutes_back: bool,
) -> None:
    desk.facilities.update_rules(quota_facility.id, late_cancel_counts_against_quota=late_counts)
    cancelled = book(quota_facility, aoi, TUESDAY, "09:00", "11:00")  # 120 minutes
    book(quota_facility, aoi, WEDNESDAY, "08:30", "16:30")            # 480 minutes
    clock.set(cancel_at)  # the deadline for Tuesday is Monday 17:00
    outcome = desk.cancellations.cancel(cancelled.id, reason)
    assert outcome.late is (cancel_at > datetime(2026, 3, 2, 17, 0))

    assert outcome.quota_minutes == (0 if minutes_back else 120)
    if minutes_back:
        assert book(quota_facility, aoi, THURSDAY, "09:00", "11:00").day == THURSDAY
        return
    with refused(errors.QuotaExceeded) as info:
        book(quota_facility, aoi, THURSDAY, "09:00", "11:00")
    assert info.value.data["used_minutes"] == 600


def test_minutes_at_another_quota_facility_count(
    desk: Desk, book: Book, refused: Refused, make_child: ChildMaker, quota_facility: Facility
) -> None:
    second = desk.facilities.add("D02", "あおぞら保育園 誰でも通園", FacilityRules.daredemo(max_held_days=10))
    child = make_child(quota_facility, second, name="小林 葵", kana="コバヤシ アオイ")
    book(quota_facility, child, TUESDAY, "08:30", "16:30")  # 480 minutes at D01
    with refused(errors.QuotaExceeded) as info:
        book(second, child, WEDNESDAY, "09:00", "12:00")
    assert (info.value.data["used_minutes"], info.value.data["requested_minutes"]) == (480, 180)
    assert book(second, child, WEDNESDAY, "09:00", "11:00").facility_id == second.id


def test_ichiji_minutes_do_not_use_up_a_daredemo_quota(
    book: Book, make_child: ChildMaker, facility: Facility, quota_facility: Facility
) -> None:
    child = make_child(facility, quota_facility, name="小林 葵", kana="コバヤシ アオイ")
    book(facility, child, TUESDAY, "08:30", "16:30")
    book(quota_facility, child, WEDNESDAY, "08:30", "16:30")
    assert book(quota_facility, child, THURSDAY, "09:00", "11:00").day == THURSDAY


def test_ichiji_facility_has_no_quota(
    desk: Desk, book: Book, yui: Child, facility: Facility
) -> None:
    desk.facilities.update_rules(facility.id, max_held_days=10)
    for day in (MONDAY + timedelta(days=i) for i in range(1, 5)):  # 4 × 8 h = 32 h
        assert book(facility, yui, day, "08:30", "16:30").day == day


def test_admin_override_skips_the_quota(book: Book, aoi: Child, quota_facility: Facility) -> None:
    book(quota_facility, aoi, TUESDAY, "08:30", "16:30")
    book(quota_facility, aoi, WEDNESDAY, "09:00", "11:00")
    assert book(quota_facility, aoi, THURSDAY, "09:00", "11:00", override=True).day == THURSDAY


def test_held_days_and_quota_used_report_what_rules_8_and_9_count(
    desk: Desk, daredemo: Facility, make_child: ChildMaker, clock: Clock
) -> None:
    """The booking form's card reads these: a late cancellation still uses quota minutes."""
    child = make_child(daredemo, birth_date=date(2025, 1, 10))
    first = desk.bookings.book(daredemo.id, child.id, TUESDAY, t("09:30"), t("11:30"))
    desk.bookings.book(daredemo.id, child.id, TUESDAY, t("13:00"), t("14:00"))
    assert desk.bookings.held_days(daredemo.id, child.id) == [TUESDAY]
    assert desk.bookings.quota_used(child.id, TUESDAY) == 180
    clock.set(datetime(2026, 3, 2, 18, 0))  # after the deadline for Tuesday
    desk.cancellations.cancel(first.id, "illness")
    assert desk.bookings.quota_used(child.id, TUESDAY) == 180
    assert desk.bookings.quota_used(child.id, TUESDAY.replace(month=4)) == 0
