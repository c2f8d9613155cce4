"""desk.approvals.count: the number of waiting items the status bar shows, without judging
each item's problems as ``pending`` does."""

from __future__ import annotations

from datetime import date

from hoiku_desk.services import Desk, Facility
from tests.helpers import TUESDAY, t


def test_count_is_the_length_of_pending_for_each_facility_and_for_all(
    desk: Desk, facility: Facility, daredemo: Facility, make_child
) -> None:
    assert desk.approvals.count() == 0 and desk.approvals.count(facility.id) == 0
    for _ in range(3):
        desk.bookings.book(facility.id, make_child(facility).id, TUESDAY, t("09:30"), t("12:00"),
                           source="online")
    plan_child = make_child(facility, daredemo)
    desk.bookings.request_regular(daredemo.id, plan_child.id, [1], t("13:00"), t("15:00"),
                                  date(2026, 3, 3), date(2026, 3, 31))
    decided = desk.approvals.pending(facility.id)[0]
    desk.approvals.reject(decided.id, "定員のため")

    for facility_id in (facility.id, daredemo.id, None):
        assert desk.approvals.count(facility_id) == len(desk.approvals.pending(facility_id))
    assert (desk.approvals.count(facility.id), desk.approvals.count(daredemo.id),
            desk.approvals.count()) == (2, 1, 3)
