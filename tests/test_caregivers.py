"""The caregivers each slot of a day needs (保育士の配置基準): configurable ratios by age,
Σ children ÷ ratio rounded up exactly, never fewer than 2 while any child is present."""

from __future__ import annotations

import json
from datetime import date, time

import pytest

from hoiku_desk.services import Desk, Facility, FacilityRules, errors
from hoiku_desk.services.attendance import caregivers_needed
from hoiku_desk.services.records import SlotCaregivers
from tests.helpers import TUESDAY, t
from tests.test_architecture import problems

RULES = FacilityRules()


def test_default_ratios_by_age() -> None:
    assert RULES.caregiver_ratios == ((0, 3), (1, 6), (2, 6), (3, 15), (4, 25))
    assert [RULES.children_per_caregiver(age) for age in range(7)] == [3, 6, 6, 15, 25, 25, 25]


def test_ratios_round_trip_through_the_stored_json() -> None:
    rules = FacilityRules(caregiver_ratios=((0, 3), (1, 5), (3, 20)))
    stored = json.loads(json.dumps(rules.to_dict()))
    assert stored["caregiver_ratios"] == [[0, 3], [1, 5], [3, 20]]
    assert FacilityRules.from_dict(stored) == rules
    assert FacilityRules.from_dict(stored).caregiver_ratios == ((0, 3), (1, 5), (3, 20))


def test_rules_stored_before_the_ratios_existed_read_with_the_defaults() -> None:
    old = RULES.to_dict()
    del old["caregiver_ratios"]
    assert FacilityRules.from_dict(old).caregiver_ratios == RULES.caregiver_ratios


@pytest.mark.parametrize("ratios", [
    (), ((1, 3),), ((0, 0),), ((0, 3), (2, -6)), ((0, 3), (0, 6)), ((0, 3), (2, 6), (1, 6)),
    ((0, 3, 1),), ((0, "3"),), ((0, 2.5),), ((0, True),), 5,
], ids=repr)
def test_ratios_that_make_no_sense_are_refused(ratios: object) -> None:
    with pytest.raises(errors.InvalidInput) as refused:
        FacilityRules(caregiver_ratios=ratios)  # type: ignore[arg-type]
    assert refused.value.data["field"] == "caregiver_ratios"


@pytest.mark.parametrize(("by_age", "needed"), [
    ({}, 0),
    ({0: 0}, 0),
    ({0: 1}, 2),                     # one baby: still two caregivers
    ({0: 4}, 2),                     # ceil(4/3) = 2
    ({0: 7}, 3),                     # ceil(7/3) = 3
    ({1: 7}, 2),                     # ceil(7/6) = 2
    ({1: 13}, 3),                    # ceil(13/6) = 3
    ({0: 1, 1: 5, 3: 10}, 2),        # ceil(1/3 + 5/6 + 10/15) = ceil(11/6) = 2
    ({0: 6, 1: 12, 3: 30}, 6),       # 2 + 2 + 2
    ({4: 26}, 2),                    # age 4 and up: 25 per caregiver
    ({6: 51}, 3),                    # older children use the last entry too
    ({1: 1, 2: 7, 3: 7, 4: 5}, 2),   # exactly 2; summed as floats it is 2.0000000000000004
])
def test_caregivers_needed(by_age: dict[int, int], needed: int) -> None:
    assert caregivers_needed(by_age, RULES) == needed


def test_ratios_are_configurable() -> None:
    strict = RULES.replace(caregiver_ratios=((0, 3), (1, 4)))
    assert caregivers_needed({1: 13}, strict) == 4


# -- desk.attendance.caregivers ------------------------------------------------------
def booked(desk: Desk, facility: Facility, make_child, birth: date, start: str, end: str) -> str:
    child = make_child(facility, birth_date=birth)
    return desk.bookings.book(facility.id, child.id, TUESDAY, t(start), t(end)).id


def slot(slots: list[SlotCaregivers], start: str) -> SlotCaregivers:
    (found,) = [s for s in slots if s.start == t(start)]
    return found


def test_each_slot_counts_the_children_booked_in_it_by_age_on_the_day(
    desk: Desk, facility: Facility, make_child
) -> None:
    desk.facilities.set_capacity(facility.id, 10)
    booked(desk, facility, make_child, date(2025, 6, 1), "09:00", "11:00")    # 0 years
    booked(desk, facility, make_child, date(2025, 3, 3), "09:30", "10:30")    # 1 year on the day
    booked(desk, facility, make_child, date(2025, 3, 4), "10:00", "12:00")    # 0: 1 tomorrow
    for _ in range(3):
        booked(desk, facility, make_child, date(2022, 4, 1), "10:00", "11:00")  # 3 years

    slots = desk.attendance.caregivers(facility.id, TUESDAY)

    assert (slots[0].start, slots[-1].end) == (time(8, 30), time(17, 0))
    assert [s.start for s in slots] == [t(f"{h:02d}:{m:02d}") for h in range(8, 17)
                                       for m in (0, 30)][1:]
    assert slot(slots, "08:30") == SlotCaregivers(t("08:30"), t("09:00"), 0, (), 0)
    assert slot(slots, "09:00") == SlotCaregivers(t("09:00"), t("09:30"), 1, ((0, 1),), 2)
    assert slot(slots, "10:00").by_age == ((0, 2), (1, 1), (3, 3))
    assert slot(slots, "10:00").caregivers == 2                       # 2/3 + 1/6 + 3/15 = 31/30
    assert slot(slots, "11:00") == SlotCaregivers(t("11:00"), t("11:30"), 1, ((0, 1),), 2)
    assert slot(slots, "12:00").children == 0
    assert problems(slots, "attendance.caregivers") == []


def test_no_shows_and_cancelled_bookings_need_no_caregiver(
    desk: Desk, clock, facility: Facility, make_child
) -> None:
    cancelled = booked(desk, facility, make_child, date(2025, 6, 1), "09:00", "10:00")
    desk.cancellations.cancel(cancelled, "illness")
    missed = booked(desk, facility, make_child, date(2025, 6, 1), "09:00", "10:00")
    clock.set(clock.now.replace(day=3, hour=9, minute=30))
    desk.attendance.mark_no_show(missed)

    assert all(s.children == 0 and s.caregivers == 0
               for s in desk.attendance.caregivers(facility.id, TUESDAY))


def test_ratios_changed_in_the_rules_change_the_count(
    desk: Desk, facility: Facility, make_child
) -> None:
    desk.facilities.set_capacity(facility.id, 10)
    for _ in range(7):
        booked(desk, facility, make_child, date(2024, 6, 1), "09:00", "10:00")    # 1 year
    assert slot(desk.attendance.caregivers(facility.id, TUESDAY), "09:00").caregivers == 2

    desk.facilities.update_rules(facility.id, caregiver_ratios=[[0, 3], [1, 3]])

    assert desk.facilities.get(facility.id).rules.caregiver_ratios == ((0, 3), (1, 3))
    assert slot(desk.attendance.caregivers(facility.id, TUESDAY), "09:00").caregivers == 3
