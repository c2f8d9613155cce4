"""``desk.interviews``: interview slots (面談枠) and interview bookings."""

from __future__ import annotations

from datetime import date, time

from sqlalchemy import func, select

from hoiku_desk import models
from hoiku_desk.services import booking_rules, errors
from hoiku_desk.services.audit import snapshot
from hoiku_desk.services.booking_rows import insert_booking
from hoiku_desk.services.context import Context
from hoiku_desk.services.records import Booking, InterviewSlot
from hoiku_desk.services.uow import UnitOfWork


def slot_record(uow: UnitOfWork, row: models.InterviewSlot) -> InterviewSlot:
    taken = uow.session.scalar(
        select(func.count()).where(
            models.Booking.interview_slot_id == row.id, models.Booking.status.in_(models.OCCUPYING)
        )
    ) or 0
    return InterviewSlot(row.id, row.facility_id, row.day, row.start, row.end, row.capacity, taken)


def book_interview(
    uow: UnitOfWork, registration: models.Registration, slot: models.InterviewSlot, *,
    source: str = "phone", status: str = "confirmed",
) -> models.Booking:
    """An interview booking for an applied registration; rules 3, 4, 6 and 7 apply."""
    if registration.status != "applied":
        raise errors.InvalidState(what="registration", status=registration.status,
                                  action="book_interview")
    if slot.facility_id != registration.facility_id:
        raise errors.InvalidInput(field="slot_id", value=slot.id, reason="choice")
    uow.lock_facility(slot.facility_id)
    booking_rules.check(uow, booking_rules.Proposal(
        facility_id=slot.facility_id, child_id=registration.child_id, day=slot.day,
        start=slot.start, end=slot.end, kind="interview", source=source,
        interview_slot_id=slot.id,
    ))
    return insert_booking(
        uow, facility_id=slot.facility_id, child_id=registration.child_id, kind="interview",
        day=slot.day, start=slot.start, end=slot.end, status=status, source=source,
        hourly_fee_yen=0, interview_slot_id=slot.id, registration_id=registration.id,
    )


class InterviewService:
    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    def add_slot(
        self, facility_id: str, day: date, start: time, end: time, capacity: int = 1
    ) -> InterviewSlot:
        if end <= start:
            raise errors.InvalidTimeRange(start=start, end=end, reason="order")
        if capacity < 1:
            raise errors.InvalidInput(field="capacity", value=str(capacity), reason="range")
        with self._ctx.write() as uow:
            uow.facility(facility_id)
            duplicate = uow.session.scalar(select(models.InterviewSlot.id).where(
                models.InterviewSlot.facility_id == facility_id,
                models.InterviewSlot.day == day, models.InterviewSlot.start == start))
            if duplicate:
                raise errors.InvalidInput(field="start", value=f"{start:%H:%M}", reason="duplicate_slot")
            row = models.InterviewSlot(facility_id=facility_id, day=day, start=start, end=end,
                                       capacity=capacity, created_at=uow.now)
            uow.session.add(row)
            uow.audit("interview.add_slot", "interview_slot", row.id, None, snapshot(row))
            uow.commit()
            return slot_record(uow, row)

    def open_slots(self, facility_id: str, from_day: date, to_day: date) -> list[InterviewSlot]:
        """Slots in the range that still have room and have not started."""
        with self._ctx.read() as uow:
            rows = uow.session.scalars(
                select(models.InterviewSlot).where(
                    models.InterviewSlot.facility_id == facility_id,
                    models.InterviewSlot.day.between(from_day, to_day),
                ).order_by(models.InterviewSlot.day, models.InterviewSlot.start)
            )
            slots = [slot_record(uow, r) for r in rows]
            now = uow.now
            return [s for s in slots if s.remaining > 0 and (s.day, s.start) > (now.date(), now.time())]

    def book(self, registration_id: str, slot_id: str) -> Booking:
        with self._ctx.write() as uow:
            registration = uow.get(models.Registration, registration_id, "registration")
            slot = uow.get(models.InterviewSlot, slot_id, "interview_slot")
            row = book_interview(uow, registration, slot)
            uow.commit()
            return uow.bookings([row.id])[0]
