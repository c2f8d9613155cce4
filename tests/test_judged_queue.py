"""The approval queue a desk keeps judged between calls: asked again, ``pending`` shows
what changed since — by the desk's own writes, by another desk's, or by the clock."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest

from hoiku_desk.services import Desk, Facility, PendingItem, changes, errors
from hoiku_desk.services.changes import Touched
from tests.helpers import TUESDAY, t

#: The Tuesdays of the plan: 3, 10, 17, 24 and 31 March 2026.
TENTH = date(2026, 3, 10)


@pytest.fixture
def other_desk(db_target: str, clock) -> Iterator[Desk]:
    """A second front desk on the same database."""
    with Desk.open(db_target, clock=clock) as opened:
        yield opened


def plan_item(desk: Desk, facility: Facility, child_id: str) -> PendingItem:
    """A 定期利用 plan on every Tuesday of March, 9:30–12:00, waiting in the queue."""
    desk.bookings.request_regular(facility.id, child_id, [1], t("09:30"), t("12:00"),
                                  TUESDAY, date(2026, 3, 31))
    (item,) = desk.approvals.pending()
    return item


def codes(desk: Desk) -> tuple[str, ...]:
    (item,) = [i for i in desk.approvals.pending() if i.kind == "regular"]
    return item.problem_codes


def fill(desk: Desk, facility: Facility, make_child, day: date) -> None:
    for _ in range(facility.rules.default_capacity):
        desk.bookings.book(facility.id, make_child(facility).id, day, t("09:30"), t("12:00"))


def test_the_desks_own_bookings_filling_a_plan_day_show_at_once(
    desk: Desk, facility: Facility, make_child
) -> None:
    assert plan_item(desk, facility, make_child(facility).id).problems == []

    fill(desk, facility, make_child, TENTH)

    (item,) = [i for i in desk.approvals.pending() if i.kind == "regular"]
    assert item.problem_codes == ("SlotFull",)
    assert item.problems[0].startswith("3月10日")


def test_another_desks_bookings_show_too(
    desk: Desk, other_desk: Desk, facility: Facility, make_child
) -> None:
    assert plan_item(desk, facility, make_child(facility).id).problems == []

    fill(other_desk, facility, make_child, TENTH)

    assert codes(desk) == ("SlotFull",)


def test_the_childs_own_booking_elsewhere_shows_as_an_overlap(
    desk: Desk, facility: Facility, daredemo: Facility, make_child
) -> None:
    child = make_child(facility, daredemo, birth_date=date(2024, 6, 21))
    assert plan_item(desk, facility, child.id).problems == []

    desk.bookings.book(daredemo.id, child.id, TENTH, t("10:00"), t("11:00"))

    assert codes(desk) == ("OverlappingBooking",)


def test_a_closed_day_shows(desk: Desk, facility: Facility, make_child) -> None:
    plan_item(desk, facility, make_child(facility).id)

    desk.facilities.close_day(facility.id, TENTH, "設備点検")

    assert codes(desk) == ("FacilityClosed",)


def test_a_change_inside_the_callers_transaction_shows_before_it_commits(
    desk: Desk, facility: Facility, make_child
) -> None:
    plan_item(desk, facility, make_child(facility).id)
    children = [make_child(facility).id for _ in range(facility.rules.default_capacity)]

    with desk.unit_of_work():
        for child_id in children:
            desk.bookings.book(facility.id, child_id, TENTH, t("09:30"), t("12:00"))
        assert codes(desk) == ("SlotFull",)


@pytest.mark.sqlite_only
def test_a_restored_backup_is_judged_anew_even_where_the_counters_meet(
    desk: Desk, facility: Facility, make_child, tmp_path
) -> None:
    plan_item(desk, facility, make_child(facility).id)
    copy = desk.backup(tmp_path / "before.sqlite3")
    desk.facilities.close_day(facility.id, TENTH, "設備点検")  # the one write after the backup
    assert codes(desk) == ("FacilityClosed",)

    desk.backups.restore(copy)  # whose own record would count as that one write

    assert codes(desk) == ()


def test_the_clock_passing_a_bookings_start_shows_to_the_second(
    desk: Desk, facility: Facility, make_child, clock
) -> None:
    desk.bookings.book(facility.id, make_child(facility).id, TUESDAY, t("09:30"), t("12:00"),
                       source="online")
    for moment, expected in (("09:29:59", ()), ("09:30:00", ()), ("09:30:01", ("OutsideBookingWindow",)),
                             ("09:30:00", ())):
        clock.set(datetime.combine(TUESDAY, t(moment)))
        (item,) = desk.approvals.pending()
        assert item.problem_codes == expected, moment


def test_a_held_booking_ending_frees_a_held_day_as_the_clock_passes_its_end(
    desk: Desk, facility: Facility, make_child, clock
) -> None:
    desk.facilities.update_rules(facility.id, window_and_hold_apply_to_phone=False)
    child = make_child(facility)
    desk.bookings.book(facility.id, child.id, TUESDAY, t("09:30"), t("12:00"), source="online")
    today = clock.now.date()
    for day in (today, date(2026, 3, 4)):  # by phone: past the limit of 2 held days
        desk.bookings.book(facility.id, child.id, day, t("09:30"), t("12:00"))
    assert only_codes(desk) == ("HoldLimitReached",)

    clock.set(datetime.combine(today, t("11:59")))
    assert only_codes(desk) == ("HoldLimitReached",)
    clock.set(datetime.combine(today, t("12:00:30")))
    assert only_codes(desk) == ()


def only_codes(desk: Desk) -> tuple[str, ...]:
    (item,) = desk.approvals.pending()
    return item.problem_codes


def test_asked_again_with_nothing_changed_it_is_the_same_queue(
    desk: Desk, facility: Facility, make_child
) -> None:
    plan_item(desk, facility, make_child(facility).id)
    first = desk.approvals.pending()

    assert desk.approvals.pending() == first
    assert desk.approvals.pending(facility.id) == first


# -- the change counter and log ------------------------------------------------------
def counter(desk: Desk) -> int:
    with desk._ctx.read() as uow:
        return changes.current(uow.session)


def touched_since(desk: Desk, seen: int) -> Touched:
    with desk._ctx.read() as uow:
        return changes.since(uow.session, seen, changes.current(uow.session))


def test_every_committed_write_moves_the_counter_on_once_and_nothing_else_does(
    desk: Desk, facility: Facility, make_child
) -> None:
    child = make_child(facility)
    before = counter(desk)
    desk.bookings.book(facility.id, child.id, TUESDAY, t("09:30"), t("12:00"))
    assert counter(desk) == before + 1
    with desk.unit_of_work():
        desk.bookings.book(facility.id, child.id, TENTH, t("09:30"), t("12:00"))
        desk.bookings.book(facility.id, child.id, TENTH, t("13:00"), t("15:00"))
    assert counter(desk) == before + 2
    with pytest.raises(errors.OverlappingBooking):
        desk.bookings.book(facility.id, child.id, TUESDAY, t("10:00"), t("11:00"))
    desk.approvals.pending()
    assert counter(desk) == before + 2


def test_the_log_tells_what_each_desks_writes_touched(
    desk: Desk, other_desk: Desk, facility: Facility, make_child
) -> None:
    mine, theirs = make_child(facility), make_child(facility)
    before = counter(desk)
    desk.bookings.book(facility.id, mine.id, TUESDAY, t("09:30"), t("12:00"))
    other_desk.bookings.book(facility.id, theirs.id, TENTH, t("09:30"), t("12:00"))

    touched = touched_since(desk, before)
    assert (touched.children, touched.places, touched.everything) == (
        {mine.id, theirs.id}, {(facility.id, TUESDAY), (facility.id, TENTH)}, False)
    assert touched_since(desk, before + 2) == Touched()
    assert touched_since(desk, before + 5).everything  # another database put in place


def test_writes_whose_notes_were_let_go_count_as_everything(
    desk: Desk, facility: Facility, make_child, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(changes, "KEPT", 2)
    monkeypatch.setattr(changes, "PRUNE_EVERY", 1)
    child = make_child(facility)
    before = counter(desk)
    for start, end in (("09:30", "10:30"), ("13:00", "14:00"), ("15:00", "16:00")):
        desk.bookings.book(facility.id, child.id, TUESDAY, t(start), t(end))

    assert touched_since(desk, before).everything
    assert touched_since(desk, before + 1).children == {child.id}
