"""Booking numbers staff read out: "MMDD-NN" of the day of use, per facility and fiscal year."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

import pytest

from hoiku_desk.services import Booking, Child, Desk, Facility, errors
from tests.conftest import ChildMaker, Clock
from tests.helpers import NOW, TUESDAY, t

WEDNESDAY = TUESDAY + timedelta(days=1)
THURSDAY = TUESDAY + timedelta(days=2)


def book(desk: Desk, facility: Facility, child: Child, day: date, start: str = "10:00", end: str = "11:00") -> Booking:
    return desk.bookings.book(facility.id, child.id, day, t(start), t(end))


@pytest.fixture
def second_facility(desk: Desk) -> Facility:
    return desk.facilities.add("K02", "みどり保育園 一時保育")


def test_numbers_are_month_day_of_use_and_a_sequence(
    desk: Desk, facility: Facility, make_child: ChildMaker
) -> None:
    first = book(desk, facility, make_child(facility), TUESDAY)
    second = book(desk, facility, make_child(facility), TUESDAY, "13:00", "14:00")
    wednesday = book(desk, facility, make_child(facility), WEDNESDAY)
    assert (first.number, second.number, wednesday.number) == ("0303-01", "0303-02", "0304-01")
    assert all(re.fullmatch(r"\d{4}-\d{2}", b.number) for b in (first, second, wednesday))
    assert NOW.date() != TUESDAY  # made on 03-02: the number follows the day of use


@pytest.mark.parametrize(
    "change",
    [
        {"day": THURSDAY},
        {"start": t("13:00"), "end": t("15:00")},
        {"day": WEDNESDAY, "start": t("09:00")},
    ],
    ids=["another_day", "other_times", "day_and_start"],
)
def test_a_changed_booking_keeps_its_number(
    desk: Desk, facility: Facility, make_child: ChildMaker, change: dict[str, object]
) -> None:
    booking = book(desk, facility, make_child(facility), TUESDAY)
    changed = desk.bookings.change(booking.id, **change)  # type: ignore[arg-type]
    assert changed.number == "0303-01"
    assert desk.bookings.get(booking.id).number == "0303-01"


@pytest.mark.parametrize("free_the_day", ["move_away", "cancel"])
def test_a_number_is_never_reused_on_its_day(
    desk: Desk, facility: Facility, make_child: ChildMaker, free_the_day: str
) -> None:
    first = book(desk, facility, make_child(facility), TUESDAY)
    if free_the_day == "move_away":
        desk.bookings.change(first.id, day=THURSDAY)
    else:
        desk.cancellations.cancel(first.id, "family")
    later = book(desk, facility, make_child(facility), TUESDAY)
    assert later.number == "0303-02"
    assert book(desk, facility, make_child(facility), THURSDAY, "13:00", "14:00").number == "0305-01"


def test_numbers_are_per_facility(
    desk: Desk, facility: Facility, second_facility: Facility, make_child: ChildMaker
) -> None:
    child = make_child(facility, second_facility)
    here = book(desk, facility, child, TUESDAY, "09:00", "10:00")
    there = book(desk, second_facility, child, TUESDAY, "13:00", "14:00")
    assert here.number == there.number == "0303-01"
    assert desk.bookings.by_number(facility.id, "0303-01").id == here.id
    assert desk.bookings.by_number(second_facility.id, "0303-01").id == there.id


@pytest.mark.parametrize("typed", ["0303-02", "030302", " 0303-02 "])
def test_by_number_finds_the_booking(
    desk: Desk, facility: Facility, make_child: ChildMaker, typed: str
) -> None:
    book(desk, facility, make_child(facility), TUESDAY)
    wanted = book(desk, facility, make_child(facility), TUESDAY, "13:00", "14:00")
    book(desk, facility, make_child(facility), WEDNESDAY)
    assert desk.bookings.by_number(facility.id, typed).id == wanted.id


@pytest.mark.parametrize("number", ["0303-02", "0304-01", "9999-99", "abc"])
def test_an_unknown_number_is_not_found(
    desk: Desk, facility: Facility, make_child: ChildMaker, number: str
) -> None:
    book(desk, facility, make_child(facility), TUESDAY)
    with pytest.raises(errors.NotFound):
        desk.bookings.by_number(facility.id, number)


def test_a_number_of_another_facility_is_not_found_here(
    desk: Desk, facility: Facility, second_facility: Facility, make_child: ChildMaker
) -> None:
    book(desk, second_facility, make_child(second_facility), TUESDAY)
    with pytest.raises(errors.NotFound):
        desk.bookings.by_number(facility.id, "0303-01")


# -- the same number in two fiscal years ------------------------------------------------
@pytest.fixture
def two_years(desk: Desk, clock: Clock, facility: Facility, make_child: ChildMaker) -> dict[int, Booking]:
    """Booking "0310-01" for 2026-03-10 (FY2025) and again for 2027-03-10 (FY2026)."""
    child = make_child(facility)
    old = book(desk, facility, child, date(2026, 3, 10))
    clock.set(datetime(2027, 3, 1, 9, 0))  # the first registration expired on 2026-03-31
    renewed = desk.registrations.apply(child.id, facility.id)
    desk.registrations.approve(renewed.id, interviewed_on=date(2027, 2, 22))
    new = book(desk, facility, child, date(2027, 3, 10))
    assert old.number == new.number == "0310-01"
    return {2025: old, 2026: new}


@pytest.mark.parametrize(
    ("now", "fiscal_year"),
    [
        (datetime(2027, 3, 1, 9, 0), 2026),  # the current fiscal year's
        (datetime(2026, 3, 2, 9, 0), 2025),  # the current year's even though a later one exists
        (datetime(2027, 4, 5, 9, 0), 2026),  # no booking this year: the latest year's
        (datetime(2025, 3, 2, 9, 0), 2026),  # FY2024, before both: the latest year's
    ],
    ids=["current_is_latest", "current_is_older", "none_current_latest", "before_both_latest"],
)
def test_by_number_prefers_the_current_fiscal_year_else_the_latest(
    desk: Desk, clock: Clock, facility: Facility, two_years: dict[int, Booking],
    now: datetime, fiscal_year: int,
) -> None:
    clock.set(now)
    found = desk.bookings.by_number(facility.id, "0310-01")
    assert found.id == two_years[fiscal_year].id
    assert found.day == two_years[fiscal_year].day
