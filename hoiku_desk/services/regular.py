"""定期利用: a plan of weekdays and times, requested, then approved into one booking per open day."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, time
from typing import Protocol

from hoiku_desk import models
from hoiku_desk.services import booking_rules, convert, errors
from hoiku_desk.services.audit import snapshot
from hoiku_desk.services.booking_rows import insert_booking
from hoiku_desk.services.capacity import on_boundary
from hoiku_desk.services.clock import days, minutes_between
from hoiku_desk.services.records import Pickup, SkippedDay
from hoiku_desk.services.uow import UnitOfWork


def request(
    uow: UnitOfWork,
    facility_id: str,
    child_id: str,
    weekdays: Iterable[int],
    start: time,
    end: time,
    first_day: date,
    last_day: date,
    *,
    source: str,
    pickup: Pickup | None,
    comment: str,
    request_id: str | None = None,
    received_at: object = None,
) -> models.RegularPlan:
    """Store a plan and put it in the approval queue; times are checked against the slots now."""
    wanted = sorted(set(weekdays))
    if not wanted or any(not 0 <= d <= 6 for d in wanted):
        raise errors.InvalidInput(field="weekdays", value=",".join(map(str, wanted)), reason="weekdays")
    if last_day < first_day:
        raise errors.InvalidInput(field="last_day", value=str(last_day), reason="date_order")
    _, rules = uow.facility(facility_id)
    uow.require(models.Child, child_id, "child")
    data = dict(start=start, end=end, slot_minutes=rules.slot_minutes, min_minutes=rules.min_booking_minutes)
    if end <= start:
        raise errors.InvalidTimeRange(reason="order", **data)
    if not (on_boundary(rules, start) and on_boundary(rules, end)):
        raise errors.InvalidTimeRange(reason="boundary", **data)
    if minutes_between(start, end) < rules.min_booking_minutes:
        raise errors.InvalidTimeRange(reason="too_short", **data)
    plan = models.RegularPlan(
        facility_id=facility_id, child_id=child_id, weekdays=",".join(map(str, wanted)),
        start=start, end=end, first_day=first_day, last_day=last_day, status="requested",
        source=source, comment=comment.strip(), created_at=uow.now,
    )
    convert.set_pickup(plan, pickup)
    uow.session.add(plan)
    uow.session.add(models.QueueItem(
        kind="regular", facility_id=facility_id, child_id=child_id, plan_id=plan.id,
        source=source, request_id=request_id, received_at=received_at or uow.now,
    ))
    uow.audit("plan.request", "regular_plan", plan.id, None, snapshot(plan))
    return plan


class Weekly(Protocol):
    """What the days of a plan depend on (a plan row, or the columns of one)."""

    @property
    def weekdays(self) -> str: ...
    @property
    def first_day(self) -> date: ...
    @property
    def last_day(self) -> date: ...


def plan_days(plan: Weekly, today: date) -> list[date]:
    """The plan's weekdays from its first day (or today, if later) to its last."""
    weekdays = {int(d) for d in plan.weekdays.split(",")}
    return [d for d in days(max(plan.first_day, today), plan.last_day) if d.weekday() in weekdays]


def approve(uow: UnitOfWork, plan: models.RegularPlan) -> tuple[list[models.Booking], list[SkippedDay]]:
    """Book every day of the plan that passes the rules (3 and 8 skipped); report the rest.

    Days already past when the plan is approved are not booked and not reported.
    """
    if plan.status != "requested":
        raise errors.InvalidState(what="plan", status=plan.status, action="approve")
    _, rules = uow.facility(plan.facility_id)
    uow.lock_facility(plan.facility_id)
    booked: list[models.Booking] = []
    skipped: list[SkippedDay] = []
    for day in plan_days(plan, uow.today):
        try:
            booking_rules.check(uow, booking_rules.Proposal(
                facility_id=plan.facility_id, child_id=plan.child_id, day=day,
                start=plan.start, end=plan.end, kind="regular", source=plan.source,
            ))
        except errors.BookingError as refusal:
            skipped.append(SkippedDay(day, refusal.code, refusal.message()))
            continue
        booked.append(insert_booking(
            uow, facility_id=plan.facility_id, child_id=plan.child_id, kind="regular", day=day,
            start=plan.start, end=plan.end, status="confirmed", source=plan.source,
            hourly_fee_yen=rules.hourly_fee_yen, pickup=convert.pickup(plan),
            comment=plan.comment, plan_id=plan.id,
        ))
    before = snapshot(plan)
    plan.status = "approved"
    plan.decided_at = uow.now
    plan.skipped = "".join(f"{s.day.isoformat()}\t{s.code}\t{s.message}\n" for s in skipped)
    uow.audit("plan.approve", "regular_plan", plan.id, before, snapshot(plan))
    return booked, skipped
