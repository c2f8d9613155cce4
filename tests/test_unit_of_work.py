"""Transactions: a failing call changes nothing, and ``desk.unit_of_work()`` groups calls."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from hoiku_desk import models
from hoiku_desk.services import Booking, Child, Desk, Facility, errors
from hoiku_desk.services import children as children_module
from hoiku_desk.services.booking_rows import insert_booking
from hoiku_desk.services.children import create_child, find_duplicate
from hoiku_desk.services.numbering import next_number
from hoiku_desk.services.registrations import create_application, current_registration
from tests.helpers import TUESDAY, t
from tests.test_import_requests import count

NEW_CHILD = dict(
    name="山田 花子", kana="ヤマダ ハナコ", birth_date=date(2023, 5, 14), sex="female",
    guardian_name="山田 由美", phone="090-1234-5678",
)


def actions(desk: Desk) -> list[str]:
    return [e.action for e in desk.audit.entries()]


@pytest.fixture
def other_desk(db_target: str, clock) -> Iterator[Desk]:
    """A second window on the same database: sees only what is committed."""
    with Desk.open(db_target, clock=clock) as opened:
        yield opened


@pytest.fixture
def three_bookings(desk: Desk, facility: Facility, make_child) -> list[Booking]:
    return [
        desk.bookings.book(facility.id, make_child(facility).id, TUESDAY, t("10:00"), t("12:00"))
        for _ in range(3)
    ]


def statuses(desk: Desk, bookings: list[Booking]) -> list[str]:
    return [desk.bookings.get(b.id).status for b in bookings]


def bookings_of(desk: Desk, facility: Facility, child: Child) -> list[Booking]:
    return [b for b in desk.bookings.search(facility.id) if b.child_id == child.id]


# -- one call is one transaction ---------------------------------------------------------

@pytest.mark.parametrize("bad", ["unknown_id", "already_cancelled"])
def test_cancel_many_with_one_bad_booking_cancels_none(
    desk: Desk, three_bookings: list[Booking], bad: str
) -> None:
    *good, last = three_bookings
    if bad == "unknown_id":
        bad_id, expected = "00000000-0000-0000-0000-000000000000", errors.NotFound
    else:
        desk.cancellations.cancel(last.id, "family")
        bad_id, expected = last.id, errors.NotCancellable

    with pytest.raises(expected):
        desk.cancellations.cancel_many([g.id for g in good] + [bad_id], "illness")

    assert statuses(desk, good) == ["confirmed", "confirmed"]
    assert actions(desk).count("booking.cancel") == (1 if bad == "already_cancelled" else 0)


def test_child_refused_by_validation_leaves_no_guardian(desk: Desk, other_desk: Desk) -> None:
    with pytest.raises(errors.InvalidInput):
        desk.children.add(**{**NEW_CHILD, "kana": "Yamada Hanako"})

    assert desk.children.search("山田") == []
    assert count(other_desk, models.Guardian) == 0


def test_child_failing_after_its_rows_were_written_leaves_no_guardian(
    desk: Desk, other_desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failure while the child's search keys are made takes its guardian and child back
    too."""

    def fail(*_: object) -> None:
        raise errors.InvalidInput(field="kana", value="", reason="required")

    monkeypatch.setattr(children_module, "index", fail)
    with pytest.raises(errors.InvalidInput):
        desk.children.add(**NEW_CHILD)
    monkeypatch.undo()

    assert desk.children.search("ヤマダ") == []
    assert (count(other_desk, models.Guardian), count(other_desk, models.Child)) == (0, 0)
    assert "child.add" not in actions(desk)
    assert desk.children.add(**NEW_CHILD).name == "山田 花子"  # nothing half-made blocks it


# -- audit rows share the change's transaction ---------------------------------------------

def test_audit_row_of_a_rolled_back_change_is_gone(
    desk: Desk, three_bookings: list[Booking], other_desk: Desk
) -> None:
    audit_rows = count(other_desk, models.AuditRecord)
    with pytest.raises(errors.NotFound):
        desk.cancellations.cancel_many([three_bookings[0].id, "no-such-booking"], "illness")

    assert count(other_desk, models.AuditRecord) == audit_rows
    desk.cancellations.cancel(three_bookings[0].id, "illness")
    assert count(other_desk, models.AuditRecord) == audit_rows + 1
    assert actions(desk)[-1] == "booking.cancel"


# -- desk.unit_of_work() -----------------------------------------------------------------

def test_exception_inside_unit_of_work_rolls_back_every_call(
    desk: Desk, facility: Facility, make_child, three_bookings: list[Booking], other_desk: Desk
) -> None:
    child = make_child(facility)
    audit_rows = count(other_desk, models.AuditRecord)

    with pytest.raises(RuntimeError):
        with desk.unit_of_work():
            desk.bookings.book(facility.id, child.id, TUESDAY, t("13:00"), t("15:00"))
            desk.children.add(**NEW_CHILD)
            desk.cancellations.cancel(three_bookings[0].id, "family")
            raise RuntimeError("停電")

    assert bookings_of(desk, facility, child) == []
    assert desk.children.search("ヤマダ") == []
    assert statuses(desk, three_bookings) == ["confirmed"] * 3
    assert count(other_desk, models.AuditRecord) == audit_rows


def test_refusal_escaping_unit_of_work_rolls_back_the_calls_before_it(
    desk: Desk, facility: Facility, make_child, three_bookings: list[Booking]
) -> None:
    """An import that lets a refusal through keeps nothing of the file: all or none."""
    first, second = make_child(facility), make_child(facility)

    with pytest.raises(errors.SlotFull):
        with desk.unit_of_work():
            desk.bookings.book(facility.id, first.id, TUESDAY, t("13:00"), t("15:00"))
            desk.bookings.book(facility.id, second.id, TUESDAY, t("10:00"), t("12:00"))  # full

    assert desk.bookings.search(facility.id, from_day=TUESDAY, to_day=TUESDAY) == three_bookings


def test_unit_of_work_commits_every_call_when_the_block_ends(
    desk: Desk, facility: Facility, make_child, three_bookings: list[Booking], other_desk: Desk
) -> None:
    child = make_child(facility)

    with desk.unit_of_work():
        booked = desk.bookings.book(facility.id, child.id, TUESDAY, t("13:00"), t("15:00"))
        added = desk.children.add(**NEW_CHILD)
        desk.cancellations.cancel(three_bookings[0].id, "family")
        # Not visible to another window before the block ends.
        assert other_desk.children.search("ヤマダ") == []
        assert other_desk.bookings.get(three_bookings[0].id).status == "confirmed"

    assert other_desk.bookings.get(booked.id).status == "confirmed"
    assert [c.id for c in other_desk.children.search("ヤマダ")] == [added.id]
    assert statuses(other_desk, three_bookings) == ["cancelled", "confirmed", "confirmed"]


def test_refusal_caught_inside_unit_of_work_undoes_only_that_call(
    desk: Desk, facility: Facility, make_child, three_bookings: list[Booking], other_desk: Desk
) -> None:
    first, second, third = make_child(facility), make_child(facility), make_child(facility)
    already_cancelled = three_bookings[2]
    desk.cancellations.cancel(already_cancelled.id, "family")  # 10:00–12:00 now has one place

    with desk.unit_of_work():
        kept_first = desk.bookings.book(facility.id, first.id, TUESDAY, t("13:00"), t("15:00"))
        with pytest.raises(errors.NotCancellable):
            # cancels three_bookings[0] first, then refuses the already cancelled one
            desk.cancellations.cancel_many([three_bookings[0].id, already_cancelled.id], "illness")
        assert desk.bookings.get(three_bookings[0].id).status == "confirmed"
        kept_second = desk.bookings.book(facility.id, second.id, TUESDAY, t("11:00"), t("12:00"))
        with pytest.raises(errors.SlotFull):  # the undone cancellation freed no place
            desk.bookings.book(facility.id, third.id, TUESDAY, t("11:00"), t("12:00"))
        kept_third = desk.bookings.book(facility.id, third.id, TUESDAY, t("15:00"), t("16:00"))

    assert statuses(other_desk, three_bookings) == ["confirmed", "confirmed", "cancelled"]
    assert statuses(other_desk, [kept_first, kept_second, kept_third]) == ["confirmed"] * 3
    assert [b.id for b in bookings_of(other_desk, facility, third)] == [kept_third.id]
    assert actions(other_desk).count("booking.cancel") == 1


def test_reads_inside_unit_of_work_see_its_own_uncommitted_writes(
    desk: Desk, facility: Facility, other_desk: Desk
) -> None:
    with desk.unit_of_work():
        child: Child = desk.children.add(**{**NEW_CHILD, "allergies": "卵"})
        registration = desk.registrations.apply(child.id, facility.id)
        desk.registrations.approve(registration.id, interviewed_on=date(2026, 2, 24))
        booked = desk.bookings.book(facility.id, child.id, TUESDAY, t("10:00"), t("12:00"))

        assert [c.id for c in desk.children.search("やまだ")] == [child.id]
        assert [r.status for r in desk.registrations.for_child(child.id)] == ["approved"]
        assert desk.bookings.get(booked.id).number == booked.number
        slots = desk.bookings.availability(facility.id, TUESDAY, TUESDAY)[TUESDAY]
        assert {s.start: s.taken for s in slots}[t("10:00")] == 1
        assert [(r.child_name, r.allergies) for r in desk.attendance.daily_list(facility.id, TUESDAY)] == [
            ("山田 花子", "卵")
        ]
        assert other_desk.attendance.daily_list(facility.id, TUESDAY) == []


def test_a_child_corrected_in_the_unit_that_added_it_is_found_by_the_new_name_only(
    desk: Desk, other_desk: Desk
) -> None:
    """Search keys are written with the unit, not one by one: the correction replaces the
    keys of the name first given."""
    with desk.unit_of_work():
        child = desk.children.add(**NEW_CHILD)
        desk.children.update(child.id, name="佐藤 花子", kana="サトウ ハナコ")

    assert [c.id for c in other_desk.children.search("サトウ")] == [child.id]
    assert other_desk.children.search("ヤマダ") == []
    assert actions(other_desk)[-2:] == ["child.add", "child.update"]


# -- queries that read a few tables flush only for them -------------------------------------

def test_lookups_see_the_units_own_unwritten_rows_and_leave_the_others_pending(
    desk: Desk, facility: Facility, daredemo: Facility, make_child
) -> None:
    """A lookup flushes what it reads (a child, a registration, a booking waiting to be
    written) but not the unit's other rows: an import's queue items wait for one flush."""
    child = make_child(facility)
    with desk._ctx.write() as uow:  # noqa: SLF001 - one unit, as the import runs its rows
        waiting = models.QueueItem(kind="booking", source="online", request_id="R-1", received_at=uow.now)
        uow.session.add(waiting)
        assert find_duplicate(uow, NEW_CHILD["kana"], NEW_CHILD["birth_date"]) is None
        assert current_registration(uow, child.id, daredemo.id) is None
        assert waiting in uow.session.new  # nothing those lookups read was pending

        uow.session.add(models.Registration(child_id=child.id, facility_id=daredemo.id,
                                            status="applied", applied_at=uow.now))
        assert current_registration(uow, child.id, daredemo.id) is not None
        renamed = uow.session.get(models.Child, child.id)
        renamed.kana_key = "ヤマダハナコ"
        renamed.birth_date = NEW_CHILD["birth_date"]
        assert find_duplicate(uow, NEW_CHILD["kana"], NEW_CHILD["birth_date"]).id == child.id
        year, first = next_number(uow, facility.id, TUESDAY)
        uow.session.add(models.Booking(
            facility_id=facility.id, child_id=child.id, kind="flexible", day=TUESDAY,
            start=t("10:00"), end=t("12:00"), status="confirmed", source="phone",
            fiscal_year=year, number=first, hourly_fee_yen=0, fee_yen=0,
            created_at=uow.now, updated_at=uow.now))
        assert next_number(uow, facility.id, TUESDAY)[1] != first


def test_lookups_find_the_units_new_rows_without_writing_them(desk: Desk, facility: Facility) -> None:
    """A child, its application and a booking just made are found by the lookups the next
    command makes, and stay unwritten: an import writes a batch of rows in one flush."""
    with desk._ctx.write() as uow:  # noqa: SLF001 - one unit, as the import runs its rows
        child = create_child(uow, **NEW_CHILD)
        application = create_application(uow, child.id, facility.id)
        year, first = next_number(uow, facility.id, TUESDAY)
        booked = insert_booking(
            uow, facility_id=facility.id, child_id=child.id, kind="flexible", day=TUESDAY,
            start=t("10:00"), end=t("12:00"), status="confirmed", source="phone", hourly_fee_yen=300)

        assert find_duplicate(uow, NEW_CHILD["kana"], NEW_CHILD["birth_date"]).id == child.id
        assert uow.get(models.Child, child.id) is child
        uow.require(models.Child, child.id)
        assert current_registration(uow, child.id, facility.id) is application
        with pytest.raises(errors.DuplicateRegistration):
            create_application(uow, child.id, facility.id)
        assert booked.number == first
        assert next_number(uow, facility.id, TUESDAY) == (year, first[:-2] + f"{int(first[-2:]) + 1:02d}")
        assert {child, application, booked} <= set(uow.session.new)
        with pytest.raises(errors.NotFound):
            uow.require(models.Child, "00000000-0000-0000-0000-000000000000")
        uow.commit()
    assert desk.bookings.by_number(facility.id, first).child_id == child.id
