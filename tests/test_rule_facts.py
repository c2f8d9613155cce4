"""The approval queue is judged from facts loaded in bulk: what it shows must be exactly what
each item meets when its facts are loaded for it alone (as a booking's own check does)."""

from __future__ import annotations

from datetime import time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hoiku_desk.services import Desk, Facility, FacilityRules
from hoiku_desk.services.capacity import Occupant, slot_counts, slot_starts, taken
from hoiku_desk.services.clock import to_minutes
from hoiku_desk.services.rule_facts import RuleFacts
from tests.helpers import TUESDAY, t


def busy_queue(desk: Desk, facility: Facility, daredemo: Facility, make_child) -> None:
    """Waiting items meeting every kind of problem, and some meeting none."""
    expiring = make_child(facility, daredemo, name="期限 切れ")  # registered until 3/31
    desk.bookings.request_regular(facility.id, expiring.id, [1, 3], t("09:00"), t("12:00"),
                                  TUESDAY, TUESDAY + timedelta(days=49))
    crowd = [make_child(facility, daredemo) for _ in range(facility.rules.default_capacity)]
    for child in crowd:
        desk.bookings.book(facility.id, child.id, TUESDAY, t("09:30"), t("12:00"), source="online")
    desk.facilities.set_capacity(facility.id, 1, on=TUESDAY)  # now over capacity
    quota = make_child(daredemo, name="上限 近い")
    desk.bookings.book(daredemo.id, quota.id, TUESDAY, t("13:00"), t("16:00"), source="online")
    desk.bookings.book(daredemo.id, quota.id, TUESDAY + timedelta(days=1), t("09:00"), t("12:00"))
    desk.bookings.request_regular(daredemo.id, quota.id, [4], t("13:00"), t("15:00"),
                                  TUESDAY, TUESDAY + timedelta(days=20))
    desk.facilities.update_rules(daredemo.id, monthly_quota_minutes=300)  # now over quota
    holder = make_child(facility, name="予約 多い")
    for days in (1, 2):
        desk.bookings.book(facility.id, holder.id, TUESDAY + timedelta(days=days), t("13:00"),
                           t("15:00"), source="online")
    desk.facilities.close_day(facility.id, TUESDAY + timedelta(days=8), "研修")


def test_bulk_judgement_equals_judging_each_item_alone(
    desk: Desk, facility: Facility, daredemo: Facility, make_child, monkeypatch: pytest.MonkeyPatch
) -> None:
    busy_queue(desk, facility, daredemo, make_child)
    in_bulk = desk.approvals.pending()

    monkeypatch.setattr(RuleFacts, "prefetch", lambda self, proposals: None)
    one_by_one = desk.approvals.pending()

    assert in_bulk == one_by_one
    codes = {code for item in in_bulk for code in item.problem_codes}
    assert {"SlotFull", "RegistrationExpired", "QuotaExceeded", "FacilityClosed"} <= codes
    assert any(not item.problems for item in in_bulk)


@given(
    slot_minutes=st.sampled_from([15, 30, 60]),
    bookings=st.lists(st.tuples(st.integers(0, 40), st.integers(1, 20)), max_size=12),
)
def test_counting_every_slot_at_once_agrees_with_counting_each_slot(
    slot_minutes: int, bookings: list[tuple[int, int]]
) -> None:
    rules = FacilityRules(slot_minutes=slot_minutes, min_booking_minutes=slot_minutes)
    opens = to_minutes(rules.open_time)
    occupants = [
        Occupant(str(n), _clock(opens + 5 * first), _clock(opens + 5 * (first + length)), None)
        for n, (first, length) in enumerate(bookings)
    ]
    counts = slot_counts(rules, occupants)
    for slot in slot_starts(rules, rules.close_time):
        assert counts[to_minutes(slot)] == taken(rules, slot, occupants)


def _clock(minutes: int) -> time:
    return time(min(minutes, 23 * 60 + 59) // 60, min(minutes, 23 * 60 + 59) % 60)
