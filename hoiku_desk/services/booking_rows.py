"""Creating a booking row: its number, its fee at today's rate, its pick-up person, its audit."""

from __future__ import annotations

from datetime import date, time

from hoiku_desk import models
from hoiku_desk.services import convert
from hoiku_desk.services.audit import snapshot
from hoiku_desk.services.clock import minutes_between
from hoiku_desk.services.numbering import next_number
from hoiku_desk.services.policy import fee_for
from hoiku_desk.services.records import Pickup
from hoiku_desk.services.uow import UnitOfWork


def insert_booking(
    uow: UnitOfWork,
    *,
    facility_id: str,
    child_id: str,
    kind: str,
    day: date,
    start: time,
    end: time,
    status: str,
    source: str,
    hourly_fee_yen: int,
    pickup: Pickup | None = None,
    comment: str = "",
    override: bool = False,
    plan_id: str | None = None,
    interview_slot_id: str | None = None,
    registration_id: str | None = None,
) -> models.Booking:
    """Insert a booking that has passed its rules (the caller checked them in this unit,
    after :meth:`UnitOfWork.lock_facility`; taken here again for the numbering, at no cost)."""
    uow.lock_facility(facility_id)
    year, number = next_number(uow, facility_id, day)
    row = models.Booking(
        facility_id=facility_id, child_id=child_id, kind=kind, day=day, start=start, end=end,
        status=status, source=source, fiscal_year=year, number=number,
        hourly_fee_yen=hourly_fee_yen, fee_yen=fee_for(hourly_fee_yen, minutes_between(start, end)),
        comment=comment.strip(), override=override, plan_id=plan_id,
        interview_slot_id=interview_slot_id, registration_id=registration_id,
        created_at=uow.now, updated_at=uow.now,
    )
    convert.set_pickup(row, pickup)
    uow.session.add(row)
    uow.audit("booking.override" if override else "booking.add", "booking", row.id, None,
              snapshot(row))
    return row
