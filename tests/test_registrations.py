"""利用登録 (registration), 利用承認 to the fiscal year's end, duplicates, and 面談 (interviews)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from hoiku_desk.services import Child, Desk, Facility, Registration, errors
from tests.conftest import ChildMaker, Clock
from tests.helpers import NOW, TUESDAY, t


def at(day: date, hour: int = 9) -> datetime:
    return datetime.combine(day, time(hour))


@pytest.fixture
def child(make_child: ChildMaker) -> Child:
    """A child with no registration anywhere yet."""
    return make_child()


@pytest.fixture
def applied(desk: Desk, facility: Facility, child: Child) -> Registration:
    return desk.registrations.apply(child.id, facility.id)


def approve_last_week(desk: Desk, registration: Registration) -> Registration:
    return desk.registrations.approve(registration.id, interviewed_on=NOW.date() - timedelta(days=7))


# -- apply and approve -------------------------------------------------------------------
def test_apply_creates_an_applied_registration_without_validity(
    applied: Registration, child: Child, facility: Facility
) -> None:
    assert applied.status == "applied"
    assert applied.child_id == child.id and applied.facility_id == facility.id
    assert applied.valid_until is None


@pytest.mark.parametrize(
    ("interviewed_on", "valid_until"),
    [
        (date(2025, 4, 1), date(2026, 3, 31)),  # first day of FY2025
        (date(2026, 3, 31), date(2026, 3, 31)),  # last day of FY2025
        (date(2026, 4, 1), date(2027, 3, 31)),  # first day of FY2026
    ],
)
def test_approval_is_valid_until_31_march_of_the_interview_fiscal_year(
    desk: Desk, clock: Clock, applied: Registration, interviewed_on: date, valid_until: date
) -> None:
    clock.set(max(NOW, at(interviewed_on, 16)))  # the interview is never in the future
    approved = desk.registrations.approve(applied.id, interviewed_on=interviewed_on)
    assert approved.status == "approved"
    assert approved.interviewed_on == interviewed_on
    assert approved.valid_until == valid_until
    assert desk.registrations.get(applied.id).valid_until == valid_until


def test_approve_refuses_an_interview_date_in_the_future(desk: Desk, applied: Registration) -> None:
    with pytest.raises(errors.InvalidInput):
        desk.registrations.approve(applied.id, interviewed_on=NOW.date() + timedelta(days=1))
    assert desk.registrations.get(applied.id).status == "applied"


def test_approval_with_todays_interview_is_accepted(desk: Desk, applied: Registration) -> None:
    assert desk.registrations.approve(applied.id, interviewed_on=NOW.date()).status == "approved"


# -- expiry ------------------------------------------------------------------------------
def test_registration_is_still_approved_on_its_last_valid_day(
    desk: Desk, clock: Clock, applied: Registration, child: Child
) -> None:
    approve_last_week(desk, applied)
    clock.set(datetime(2026, 3, 31, 16, 59))
    [registration] = desk.registrations.for_child(child.id)
    assert registration.status == "approved"


def test_registration_reads_expired_after_valid_until(
    desk: Desk, clock: Clock, applied: Registration, child: Child
) -> None:
    approve_last_week(desk, applied)
    clock.set(datetime(2026, 4, 1, 8, 0))
    [registration] = desk.registrations.for_child(child.id)
    assert registration.status == "expired"
    assert registration.valid_until == date(2026, 3, 31)
    assert desk.registrations.get(applied.id).status == "expired"


def test_a_new_application_is_allowed_once_the_registration_expired(
    desk: Desk, clock: Clock, applied: Registration, child: Child, facility: Facility
) -> None:
    approve_last_week(desk, applied)
    clock.set(datetime(2026, 4, 1, 9, 0))
    renewed = desk.registrations.apply(child.id, facility.id)
    assert renewed.status == "applied"
    statuses = [r.status for r in desk.registrations.for_child(child.id)]
    assert statuses == ["applied", "expired"]  # newest first


# -- duplicates --------------------------------------------------------------------------
def test_applying_twice_at_the_same_facility_is_refused(
    desk: Desk, applied: Registration, child: Child, facility: Facility
) -> None:
    with pytest.raises(errors.DuplicateRegistration):
        desk.registrations.apply(child.id, facility.id)
    assert len(desk.registrations.for_child(child.id)) == 1


def test_applying_again_while_approved_and_valid_is_refused(
    desk: Desk, applied: Registration, child: Child, facility: Facility
) -> None:
    approve_last_week(desk, applied)
    with pytest.raises(errors.DuplicateRegistration):
        desk.registrations.apply(child.id, facility.id)


def test_applying_at_another_facility_is_fine(
    desk: Desk, applied: Registration, child: Child, daredemo: Facility
) -> None:
    other = desk.registrations.apply(child.id, daredemo.id)
    assert other.status == "applied" and other.facility_id == daredemo.id
    assert len(desk.registrations.for_child(child.id)) == 2


def test_applying_again_after_a_rejection_is_allowed(
    desk: Desk, applied: Registration, child: Child, facility: Facility
) -> None:
    rejected = desk.registrations.reject(applied.id, "書類不備")
    assert rejected.status == "rejected" and rejected.reject_reason == "書類不備"
    assert desk.registrations.apply(child.id, facility.id).status == "applied"


# -- decisions that the state forbids ----------------------------------------------------
def test_approving_twice_is_invalid_state(desk: Desk, applied: Registration) -> None:
    approve_last_week(desk, applied)
    with pytest.raises(errors.InvalidState):
        approve_last_week(desk, applied)


def test_rejecting_an_approved_registration_is_invalid_state(desk: Desk, applied: Registration) -> None:
    approve_last_week(desk, applied)
    with pytest.raises(errors.InvalidState):
        desk.registrations.reject(applied.id, "書類不備")
    assert desk.registrations.get(applied.id).status == "approved"


def test_approving_a_rejected_registration_is_invalid_state(desk: Desk, applied: Registration) -> None:
    desk.registrations.reject(applied.id, "書類不備")
    with pytest.raises(errors.InvalidState):
        approve_last_week(desk, applied)


@pytest.mark.parametrize("reason", ["", "   ", "\u3000"])
def test_reject_needs_a_reason(desk: Desk, applied: Registration, reason: str) -> None:
    with pytest.raises(errors.InvalidInput):
        desk.registrations.reject(applied.id, reason)
    assert desk.registrations.get(applied.id).status == "applied"


# -- duplicate child records -------------------------------------------------------------
BIRTH = date(2024, 6, 21)


def add_child(desk: Desk, kana: str, birth_date: date = BIRTH) -> Child:
    return desk.children.add(
        name="石井 颯", kana=kana, birth_date=birth_date, sex="male",
        guardian_name="石井 美咲", phone="090-2468-1357",
    )


@pytest.mark.parametrize(
    "kana",
    ["イシイ ハヤテ", "いしい はやて", "ｲｼｲ ﾊﾔﾃ", "イシイハヤテ", "いしい\u3000はやて", "イシイ・ハヤテ", "ｲｼｲﾊﾔﾃ"],
)
def test_same_kana_and_birth_date_is_a_duplicate_child(desk: Desk, kana: str) -> None:
    add_child(desk, "イシイ ハヤテ")
    with pytest.raises(errors.DuplicateChild) as raised:
        add_child(desk, kana)
    assert isinstance(raised.value, errors.DuplicateRegistration)
    assert len(desk.children.search("いしい")) == 1


def test_same_kana_with_another_birth_date_is_another_child(desk: Desk) -> None:
    first = add_child(desk, "イシイ ハヤテ")
    second = add_child(desk, "いしい はやて", birth_date=BIRTH + timedelta(days=1))
    assert first.id != second.id
    assert len(desk.children.search("いしい")) == 2


# -- interviews --------------------------------------------------------------------------
INTERVIEW_START, INTERVIEW_END = t("10:00"), t("10:30")


@pytest.fixture
def slot_id(desk: Desk, facility: Facility) -> str:
    return desk.interviews.add_slot(facility.id, TUESDAY, INTERVIEW_START, INTERVIEW_END).id


def applied_child(desk: Desk, make_child: ChildMaker, facility: Facility) -> Registration:
    return desk.registrations.apply(make_child().id, facility.id)


def test_an_added_slot_is_open_with_one_place(desk: Desk, facility: Facility, slot_id: str) -> None:
    [slot] = desk.interviews.open_slots(facility.id, NOW.date(), TUESDAY)
    assert slot.id == slot_id
    assert (slot.day, slot.start, slot.end) == (TUESDAY, INTERVIEW_START, INTERVIEW_END)
    assert slot.remaining == 1


def test_booking_an_interview_gives_a_free_confirmed_interview_booking(
    desk: Desk, facility: Facility, applied: Registration, child: Child, slot_id: str
) -> None:
    booking = desk.interviews.book(applied.id, slot_id)
    assert booking.kind == "interview"
    assert booking.child_id == child.id and booking.facility_id == facility.id
    assert (booking.day, booking.start, booking.end) == (TUESDAY, INTERVIEW_START, INTERVIEW_END)
    assert booking.fee_yen == 0
    assert booking.status == "confirmed"
    assert "(面談用)" in booking.label
    [listed] = desk.bookings.search(facility.id, from_day=TUESDAY, to_day=TUESDAY)
    assert "(面談用)" in listed.label


def test_a_booked_interview_slot_is_no_longer_open(
    desk: Desk, facility: Facility, applied: Registration, slot_id: str
) -> None:
    desk.interviews.book(applied.id, slot_id)
    assert desk.interviews.open_slots(facility.id, NOW.date(), TUESDAY) == []


def test_a_second_family_in_the_same_slot_is_refused(
    desk: Desk, facility: Facility, applied: Registration, slot_id: str, make_child: ChildMaker
) -> None:
    desk.interviews.book(applied.id, slot_id)
    other = applied_child(desk, make_child, facility)
    with pytest.raises(errors.SlotFull):
        desk.interviews.book(other.id, slot_id)
    assert len(desk.bookings.search(facility.id, kinds=["interview"])) == 1


def test_a_slot_for_two_families_takes_two(
    desk: Desk, facility: Facility, applied: Registration, make_child: ChildMaker
) -> None:
    slot = desk.interviews.add_slot(facility.id, TUESDAY, t("13:00"), t("13:30"), capacity=2)
    desk.interviews.book(applied.id, slot.id)
    [still_open] = desk.interviews.open_slots(facility.id, TUESDAY, TUESDAY)
    assert still_open.remaining == 1
    desk.interviews.book(applied_child(desk, make_child, facility).id, slot.id)
    assert desk.interviews.open_slots(facility.id, TUESDAY, TUESDAY) == []


def test_an_interview_for_an_approved_registration_is_invalid_state(
    desk: Desk, applied: Registration, slot_id: str
) -> None:
    approve_last_week(desk, applied)
    with pytest.raises(errors.InvalidState):
        desk.interviews.book(applied.id, slot_id)


def test_interviews_are_not_on_the_attendance_list(
    desk: Desk, facility: Facility, applied: Registration, slot_id: str, make_child: ChildMaker
) -> None:
    desk.interviews.book(applied.id, slot_id)
    regular_child = make_child(facility)
    flexible = desk.bookings.book(facility.id, regular_child.id, TUESDAY, t("09:00"), t("11:00"))
    assert [row.booking_id for row in desk.attendance.daily_list(facility.id, TUESDAY)] == [flexible.id]


def test_an_interview_does_not_use_childcare_capacity(
    desk: Desk, facility: Facility, applied: Registration, slot_id: str
) -> None:
    before = desk.bookings.availability(facility.id, TUESDAY, TUESDAY)
    desk.interviews.book(applied.id, slot_id)
    after = desk.bookings.availability(facility.id, TUESDAY, TUESDAY)
    assert after == before
    assert all(slot.taken == 0 for slot in after[TUESDAY])


def test_cancelling_an_interview_late_costs_nothing(
    desk: Desk, clock: Clock, applied: Registration, slot_id: str
) -> None:
    booking = desk.interviews.book(applied.id, slot_id)
    clock.set(datetime.combine(TUESDAY, t("08:00")))  # past the deadline (Mon 17:00)
    outcome = desk.cancellations.cancel(booking.id, "family")
    assert outcome.late is True
    assert outcome.fee_yen == 0
    assert outcome.quota_minutes == 0
    assert desk.bookings.get(booking.id).status == "cancelled"
