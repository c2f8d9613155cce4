"""Facilities: rules, capacities, closures, opened days, availability and their audit trail."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

import pytest

from hoiku_desk.services import Booking, Desk, Facility, FacilityRules, errors
from tests.conftest import ChildMaker, Clock
from tests.helpers import TUESDAY, t

MONDAY = date(2026, 3, 2)
WEDNESDAY = date(2026, 3, 4)
DEFAULT_SLOTS = [t(f"{m // 60:02d}:{m % 60:02d}") for m in range(8 * 60 + 30, 17 * 60, 30)]
OCCUPYING = ("pending", "confirmed", "attended")


def capacities(desk: Desk, facility: Facility, day: date) -> dict[time, int]:
    return {s.start: s.capacity for s in desk.bookings.availability(facility.id, day, day)[day]}


def slot(desk: Desk, facility: Facility, day: date, start: str) -> Any:
    [found] = [s for s in desk.bookings.availability(facility.id, day, day)[day] if s.start == t(start)]
    return found


def book(
    desk: Desk, clock: Clock, make_child: ChildMaker, facility: Facility, day: date,
    start: str, end: str, **options: Any,
) -> Booking:
    """A new child's booking, made one minute after the previous one (so "most recent" is clear)."""
    clock.advance(minutes=1)
    child = make_child(facility)
    return desk.bookings.book(facility.id, child.id, day, t(start), t(end), **options)


def ids(bookings: list[Booking]) -> set[str]:
    return {b.id for b in bookings}


# -- facilities ----------------------------------------------------------------------
def test_add_get_by_code_and_list(desk: Desk) -> None:
    second = desk.facilities.add("K02", "みどり保育園 一時保育")
    first = desk.facilities.add("K01", "ひかり保育園 一時保育", FacilityRules(hourly_fee_yen=250))
    assert desk.facilities.get(first.id) == first
    assert desk.facilities.by_code("K02") == second
    assert first.rules.hourly_fee_yen == 250 and second.rules == FacilityRules()
    assert [f.code for f in desk.facilities.list()] == ["K01", "K02"]


def test_unknown_code_is_not_found(desk: Desk, facility: Facility) -> None:
    with pytest.raises(errors.NotFound):
        desk.facilities.by_code("ZZZ")


def test_a_duplicate_code_is_refused(desk: Desk, facility: Facility) -> None:
    with pytest.raises(errors.InvalidInput):
        desk.facilities.add(facility.code, "別の施設")
    assert desk.facilities.list() == [facility]


def test_updated_rules_persist_in_the_database(
    desk: Desk, facility: Facility, db_target: str, clock: Clock
) -> None:
    updated = desk.facilities.update_rules(facility.id, hourly_fee_yen=400)
    assert updated.rules.hourly_fee_yen == 400
    with Desk.open(db_target, clock=clock) as reopened:
        rules = reopened.facilities.get(facility.id).rules
    assert rules == FacilityRules(hourly_fee_yen=400)


@pytest.mark.parametrize(
    "changes",
    [
        {"hourly_fees": 400},
        {"slot_minutes": 7},
        {"close_time": time(8, 0)},
        {"default_capacity": -1},
        {"hourly_fee_yen": 400, "slot_minutes": 7},  # one bad value spoils the whole change
    ],
    ids=["unknown_name", "slot_minutes_7", "close_before_open", "negative_capacity", "mixed"],
)
def test_an_invalid_rule_change_is_refused_and_changes_nothing(
    desk: Desk, facility: Facility, changes: dict[str, Any]
) -> None:
    with pytest.raises(errors.InvalidInput):
        desk.facilities.update_rules(facility.id, **changes)
    assert desk.facilities.get(facility.id).rules == FacilityRules()
    assert desk.audit.entries(action="facility.update_rules") == []


# -- capacity ------------------------------------------------------------------------
def test_default_capacity_change_applies_to_every_slot(desk: Desk, facility: Facility) -> None:
    assert desk.facilities.set_capacity(facility.id, 5) == []
    assert desk.facilities.get(facility.id).rules.default_capacity == 5
    for day in (MONDAY, TUESDAY, WEDNESDAY):
        assert set(capacities(desk, facility, day).values()) == {5}


def test_weekday_capacity_applies_to_that_weekday_only(desk: Desk, facility: Facility) -> None:
    assert desk.facilities.set_capacity(facility.id, 1, weekday=1) == []
    assert set(capacities(desk, facility, TUESDAY).values()) == {1}
    assert set(capacities(desk, facility, TUESDAY + timedelta(days=7)).values()) == {1}
    assert set(capacities(desk, facility, MONDAY).values()) == {3}
    assert set(capacities(desk, facility, WEDNESDAY).values()) == {3}
    assert desk.facilities.get(facility.id).rules.default_capacity == 3


def test_date_capacity_with_a_range_applies_only_to_its_slots(desk: Desk, facility: Facility) -> None:
    desk.facilities.set_capacity(facility.id, 1, on=TUESDAY, start=t("10:00"), end=t("12:00"))
    tuesday = capacities(desk, facility, TUESDAY)
    lowered = {s for s, c in tuesday.items() if c == 1}
    assert lowered == {t("10:00"), t("10:30"), t("11:00"), t("11:30")}
    assert {c for s, c in tuesday.items() if s not in lowered} == {3}
    assert set(capacities(desk, facility, TUESDAY + timedelta(days=7)).values()) == {3}


def test_date_capacity_without_range_covers_the_whole_day(desk: Desk, facility: Facility) -> None:
    desk.facilities.set_capacity(facility.id, 2, on=TUESDAY)
    assert set(capacities(desk, facility, TUESDAY).values()) == {2}
    assert set(capacities(desk, facility, WEDNESDAY).values()) == {3}


@pytest.mark.parametrize(
    "level", [{"weekday": 1}, {"on": TUESDAY}, {"on": TUESDAY, "start": t("08:30"), "end": t("17:00")}]
)
def test_within_a_level_the_latest_setting_wins(
    desk: Desk, facility: Facility, level: dict[str, Any]
) -> None:
    desk.facilities.set_capacity(facility.id, 1, **level)
    desk.facilities.set_capacity(facility.id, 5, **level)
    assert set(capacities(desk, facility, TUESDAY).values()) == {5}
    desk.facilities.set_capacity(facility.id, 2, **level)
    assert set(capacities(desk, facility, TUESDAY).values()) == {2}


def test_a_date_setting_beats_a_later_weekday_setting(desk: Desk, facility: Facility) -> None:
    desk.facilities.set_capacity(facility.id, 1, on=TUESDAY)
    desk.facilities.set_capacity(facility.id, 5, weekday=1)
    desk.facilities.set_capacity(facility.id, 4)
    assert set(capacities(desk, facility, TUESDAY).values()) == {1}
    assert set(capacities(desk, facility, TUESDAY + timedelta(days=7)).values()) == {5}
    assert set(capacities(desk, facility, WEDNESDAY).values()) == {4}


def test_raising_capacity_over_bookings_reports_nothing(
    desk: Desk, clock: Clock, make_child: ChildMaker, facility: Facility
) -> None:
    for _ in range(3):
        book(desk, clock, make_child, facility, TUESDAY, "10:00", "11:00")
    assert desk.facilities.set_capacity(facility.id, 3, on=TUESDAY) == []
    assert desk.facilities.set_capacity(facility.id, 4) == []


@pytest.mark.parametrize(
    "where", [{}, {"weekday": 1}, {"on": TUESDAY}, {"on": TUESDAY, "start": t("10:00"), "end": t("10:30")}],
    ids=["default", "weekday", "date", "date_range"],
)
def test_lowering_capacity_lists_the_latest_bookings_beyond_it_and_cancels_nothing(
    desk: Desk, clock: Clock, make_child: ChildMaker, facility: Facility, where: dict[str, Any]
) -> None:
    first = book(desk, clock, make_child, facility, TUESDAY, "10:00", "11:00")
    second = book(desk, clock, make_child, facility, TUESDAY, "10:00", "11:00")
    third = book(desk, clock, make_child, facility, TUESDAY, "10:00", "11:00")
    alone = book(desk, clock, make_child, facility, TUESDAY, "13:00", "14:00")  # within 1 in its slots
    beyond = desk.facilities.set_capacity(facility.id, 1, **where)
    assert ids(beyond) == {second.id, third.id}
    for booking in (first, second, third, alone):
        assert desk.bookings.get(booking.id).status == "confirmed"
    ten = slot(desk, facility, TUESDAY, "10:00")
    assert (ten.capacity, ten.taken, ten.remaining) == (1, 3, 0)


def test_capacity_zero_over_bookings_shows_remaining_zero_never_negative(
    desk: Desk, clock: Clock, make_child: ChildMaker, facility: Facility
) -> None:
    booked = [book(desk, clock, make_child, facility, TUESDAY, "10:00", "11:00") for _ in range(2)]
    assert ids(desk.facilities.set_capacity(facility.id, 0, on=TUESDAY)) == ids(booked)
    day = desk.bookings.availability(facility.id, TUESDAY, TUESDAY)[TUESDAY]
    assert all(s.remaining == 0 for s in day)
    assert slot(desk, facility, TUESDAY, "10:30").taken == 2


def test_a_negative_capacity_is_refused(desk: Desk, facility: Facility) -> None:
    with pytest.raises(errors.InvalidInput):
        desk.facilities.set_capacity(facility.id, -1)
    assert set(capacities(desk, facility, TUESDAY).values()) == {3}


# -- closures ------------------------------------------------------------------------
@pytest.fixture
def tuesday_bookings(desk: Desk, clock: Clock, make_child: ChildMaker, facility: Facility) -> dict[str, Booking]:
    """Tuesday's bookings, one of them already cancelled."""
    made = {
        "morning": book(desk, clock, make_child, facility, TUESDAY, "09:00", "10:00"),
        "ends_at_13": book(desk, clock, make_child, facility, TUESDAY, "12:00", "13:00"),
        "across_13": book(desk, clock, make_child, facility, TUESDAY, "12:30", "14:00"),
        "afternoon": book(desk, clock, make_child, facility, TUESDAY, "14:00", "15:00"),
        "cancelled": book(desk, clock, make_child, facility, TUESDAY, "15:00", "16:00"),
    }
    desk.cancellations.cancel(made["cancelled"].id, "family")
    return made


def statuses(desk: Desk, bookings: dict[str, Booking]) -> dict[str, str]:
    return {key: desk.bookings.get(b.id).status for key, b in bookings.items()}


def test_closing_a_whole_day_returns_every_active_booking_and_cancels_nothing(
    desk: Desk, facility: Facility, tuesday_bookings: dict[str, Booking]
) -> None:
    before = statuses(desk, tuesday_bookings)
    affected = desk.facilities.close_day(facility.id, TUESDAY, "台風のため休園")
    active = {k: b for k, b in tuesday_bookings.items() if k != "cancelled"}
    assert ids(affected) == ids(list(active.values()))
    assert statuses(desk, tuesday_bookings) == before
    assert TUESDAY not in desk.bookings.availability(facility.id, MONDAY, WEDNESDAY)
    assert {MONDAY, WEDNESDAY} <= set(desk.bookings.availability(facility.id, MONDAY, WEDNESDAY))


def test_closing_from_a_time_returns_only_bookings_ending_after_it(
    desk: Desk, facility: Facility, tuesday_bookings: dict[str, Booking]
) -> None:
    before = statuses(desk, tuesday_bookings)
    affected = desk.facilities.close_day(facility.id, TUESDAY, "警報のため早退", from_time=t("13:00"))
    expected = [tuesday_bookings["across_13"], tuesday_bookings["afternoon"]]
    assert ids(affected) == ids(expected)
    assert statuses(desk, tuesday_bookings) == before
    starts = [s.start for s in desk.bookings.availability(facility.id, TUESDAY, TUESDAY)[TUESDAY]]
    assert starts == DEFAULT_SLOTS[: DEFAULT_SLOTS.index(t("13:00"))]


def test_a_closure_needs_a_reason(desk: Desk, facility: Facility) -> None:
    with pytest.raises(errors.InvalidInput):
        desk.facilities.close_day(facility.id, TUESDAY, "  ")
    assert TUESDAY in desk.bookings.availability(facility.id, TUESDAY, TUESDAY)


@pytest.mark.parametrize("from_time", [None, t("13:00")])
def test_open_day_lifts_a_closure(desk: Desk, facility: Facility, from_time: time | None) -> None:
    desk.facilities.close_day(facility.id, TUESDAY, "台風", from_time=from_time)
    desk.facilities.open_day(facility.id, TUESDAY)
    day = desk.bookings.availability(facility.id, TUESDAY, TUESDAY)[TUESDAY]
    assert [s.start for s in day] == DEFAULT_SLOTS


@pytest.mark.parametrize("closed", [date(2026, 3, 20), date(2026, 3, 21), date(2026, 12, 30)],
                         ids=["holiday", "saturday", "year_end"])
def test_open_day_opens_a_calendar_closed_day(desk: Desk, facility: Facility, closed: date) -> None:
    assert desk.bookings.availability(facility.id, closed, closed) == {}
    desk.facilities.open_day(facility.id, closed)
    assert [s.start for s in desk.bookings.availability(facility.id, closed, closed)[closed]] == DEFAULT_SLOTS


# -- availability --------------------------------------------------------------------
@pytest.mark.parametrize(
    ("first", "last", "open_days"),
    [
        (date(2026, 3, 16), date(2026, 3, 22), [date(2026, 3, d) for d in (16, 17, 18, 19)]),  # 20 = 春分の日
        (date(2026, 12, 28), date(2027, 1, 5), [date(2026, 12, 28), date(2027, 1, 4), date(2027, 1, 5)]),
    ],
    ids=["holiday_and_weekend", "year_end"],
)
def test_closed_days_are_absent_from_availability(
    desk: Desk, facility: Facility, first: date, last: date, open_days: list[date]
) -> None:
    assert list(desk.bookings.availability(facility.id, first, last)) == open_days


def test_default_rules_give_17_slots_from_0830_to_1630(desk: Desk, facility: Facility) -> None:
    day = desk.bookings.availability(facility.id, TUESDAY, TUESDAY)[TUESDAY]
    assert len(day) == 17
    assert [s.start for s in day] == DEFAULT_SLOTS
    assert (day[0].start, day[-1].start) == (t("08:30"), t("16:30"))
    assert all((s.capacity, s.taken, s.remaining) == (3, 0, 3) for s in day)


@pytest.fixture
def mixed_statuses(desk: Desk, clock: Clock, make_child: ChildMaker, facility: Facility) -> dict[str, Booking]:
    """Bookings on Tuesday in every status, plus an interview; the clock ends Tuesday noon."""
    desk.facilities.set_capacity(facility.id, 10)

    def make(start: str, end: str, source: str = "phone") -> Booking:
        return book(desk, clock, make_child, facility, TUESDAY, start, end, source=source)

    made = {
        "pending": make("10:00", "11:00", "online"),
        "confirmed": make("10:30", "12:00"),
        "attended": make("09:00", "10:30"),
        "cancelled": make("10:00", "11:00"),
        "rejected": make("10:00", "11:00", "online"),
        "no_show": make("10:00", "12:00"),
    }
    desk.cancellations.cancel(made["cancelled"].id, "family")
    [item] = [i for i in desk.approvals.pending(facility.id) if i.booking_id == made["rejected"].id]
    desk.approvals.reject(item.id, "定員調整")
    interviewee = desk.registrations.apply(make_child().id, facility.id)
    slot_id = desk.interviews.add_slot(facility.id, TUESDAY, t("10:00"), t("10:30")).id
    desk.interviews.book(interviewee.id, slot_id)
    clock.set(datetime.combine(TUESDAY, t("12:00")))
    desk.attendance.check_in(made["attended"].id)
    desk.attendance.mark_no_show(made["no_show"].id)
    assert statuses(desk, made) == {key: key for key in made}
    return made


@pytest.mark.parametrize(
    ("start", "taken"),
    [("08:30", 0), ("09:00", 1), ("10:00", 2), ("10:30", 2), ("11:00", 1), ("11:30", 1), ("12:00", 0)],
)
def test_taken_counts_pending_confirmed_and_attended_only(
    desk: Desk, facility: Facility, mixed_statuses: dict[str, Booking], start: str, taken: int
) -> None:
    # 10:00: pending + attended (09:00–10:30); 10:30: pending + confirmed; never cancelled,
    # rejected, no_show nor the interview.
    found = slot(desk, facility, TUESDAY, start)
    assert (found.taken, found.remaining) == (taken, 10 - taken)


def test_taken_equals_a_recount_of_searched_bookings(
    desk: Desk, facility: Facility, mixed_statuses: dict[str, Booking]
) -> None:
    occupying = desk.bookings.search(
        facility.id, kinds=["flexible", "regular"], statuses=OCCUPYING, from_day=TUESDAY, to_day=TUESDAY
    )
    assert {b.status for b in occupying} == set(OCCUPYING)
    for found in desk.bookings.availability(facility.id, TUESDAY, TUESDAY)[TUESDAY]:
        slot_end = (datetime.combine(TUESDAY, found.start) + timedelta(minutes=30)).time()
        recount = sum(1 for b in occupying if b.start < slot_end and b.end > found.start)
        assert found.taken == recount, found.start


# -- audit ---------------------------------------------------------------------------
def test_a_rule_change_is_audited_with_before_and_after(desk: Desk, facility: Facility) -> None:
    desk.facilities.update_rules(facility.id, hourly_fee_yen=400)
    [entry] = desk.audit.entries(action="facility.update_rules")
    assert entry.entity_id == facility.id
    assert isinstance(entry.before, dict) and isinstance(entry.after, dict)
    assert (entry.before["hourly_fee_yen"], entry.after["hourly_fee_yen"]) == (300, 400)


@pytest.mark.parametrize(
    ("action", "change"),
    [
        ("facility.add", lambda desk, f: desk.facilities.add("K09", "新しい施設")),
        ("facility.set_capacity", lambda desk, f: desk.facilities.set_capacity(f.id, 5)),
        ("facility.set_capacity", lambda desk, f: desk.facilities.set_capacity(f.id, 1, weekday=1)),
        ("facility.set_capacity", lambda desk, f: desk.facilities.set_capacity(f.id, 1, on=TUESDAY)),
        ("facility.close_day", lambda desk, f: desk.facilities.close_day(f.id, TUESDAY, "台風")),
        ("facility.open_day", lambda desk, f: desk.facilities.open_day(f.id, date(2026, 3, 20))),
    ],
    ids=["add", "default_capacity", "weekday_capacity", "date_capacity", "close_day", "open_day"],
)
def test_every_facility_change_writes_an_audit_entry(
    desk: Desk, facility: Facility, action: str, change: Any
) -> None:
    before = len(desk.audit.entries(action=action))
    change(desk, facility)
    entries = desk.audit.entries(action=action)
    assert len(entries) == before + 1
    assert entries[-1].after


def test_time_range_capacity_without_day_applies_to_every_day_below_weekday_settings(
    desk: Desk, facility: Facility
) -> None:
    """set_capacity(start=, end=) alone limits those slots on every day; a weekday setting
    still wins over it."""
    desk.facilities.set_capacity(facility.id, 1, start=t("12:00"), end=t("13:00"))
    desk.facilities.set_capacity(facility.id, 5, weekday=WEDNESDAY.weekday())
    tuesday = capacities(desk, facility, TUESDAY)
    assert (tuesday[t("12:00")], tuesday[t("12:30")], tuesday[t("13:00")]) == (1, 1, 3)
    assert set(capacities(desk, facility, WEDNESDAY).values()) == {5}


def test_stored_capacities_are_listed_and_removing_one_restores_the_level_below(
    desk: Desk, facility: Facility
) -> None:
    desk.facilities.set_capacity(facility.id, 5, weekday=TUESDAY.weekday())
    desk.facilities.set_capacity(facility.id, 1, on=TUESDAY, start=t("12:00"), end=t("13:00"))
    listed = desk.facilities.capacities(facility.id)
    assert [(c.on, c.weekday, c.capacity) for c in listed] == [
        (TUESDAY, None, 1), (None, TUESDAY.weekday(), 5)]
    assert capacities(desk, facility, TUESDAY)[t("12:00")] == 1

    desk.facilities.remove_capacity(facility.id, listed[0].id)

    assert capacities(desk, facility, TUESDAY)[t("12:00")] == 5
    assert [c.capacity for c in desk.facilities.capacities(facility.id)] == [5]
    with pytest.raises(errors.NotFound):
        desk.facilities.remove_capacity(facility.id, listed[0].id)
