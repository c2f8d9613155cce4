"""``desk.attendance``: the daily list, check-in and check-out, no-shows and payments."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from datetime import date, datetime
from fractions import Fraction
from pathlib import Path

from sqlalchemy import select

from hoiku_desk import models
from hoiku_desk.services import convert, errors, fees, policy
from hoiku_desk.services.approvals import confirm
from hoiku_desk.services.audit import snapshot
from hoiku_desk.services.clock import add_minutes, age_months, age_text, minutes_between, to_minutes
from hoiku_desk.services.context import Context
from hoiku_desk.services.kana import normalize
from hoiku_desk.services.records import AttendanceRow, DailySheet, SlotCaregivers
from hoiku_desk.services.rules import FacilityRules
from hoiku_desk.services.uow import UnitOfWork

LISTED_STATUSES = ("pending", "confirmed", "attended", "no_show")
#: Bookings whose children are (or will be) in the building.
PRESENT_STATUSES = ("pending", "confirmed", "attended")
#: While any child is present, never fewer caregivers than this.
MIN_CAREGIVERS = 2


class AttendanceService:
    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    def daily_list(self, facility_id: str, day: date) -> list[AttendanceRow]:
        """The day's flexible and regular bookings that are expected, attended or missed,
        ordered by start, then kana."""
        with self._ctx.read() as uow:
            uow.facility(facility_id)
            return daily_rows(uow, facility_id, day)

    def caregivers(self, facility_id: str, day: date) -> list[SlotCaregivers]:
        """For every slot of ``day`` (opening hours, widened to any booking outside them):
        the children of pending, confirmed and attended bookings overlapping the slot, by
        age in completed years on ``day``, and the caregivers they need (see
        :func:`caregivers_needed`)."""
        with self._ctx.read() as uow:
            _, rules = uow.facility(facility_id)
            return slot_caregivers(rules, daily_rows(uow, facility_id, day), day)

    def daily_sheet(self, facility_id: str, day: date) -> DailySheet:
        """What the printed daily list shows: the facility's name, the day's rows, the
        caregivers per slot and the time of printing (the desk's clock), read in one
        transaction. ``.totals`` gives the day's counts and fees."""
        with self._ctx.read() as uow:
            facility, rules = uow.facility(facility_id)
            rows = daily_rows(uow, facility_id, day)
            return DailySheet(
                facility_name=facility.name, day=day, printed_at=uow.now, rows=tuple(rows),
                caregivers=tuple(slot_caregivers(rules, rows, day)),
            )

    def write_pdf(self, facility_id: str, day: date, path: str | Path) -> Path:
        """Write the day's printed list to the PDF file ``path`` and return its path.

        Qt does the rendering, so :mod:`hoiku_desk.printing` is imported here, on the call,
        and not with the services: importing the services stays Qt-free (a command without
        a display and a start-up that does not print never load Qt). The architecture test
        refuses imports of PySide6 in this layer, not of our own printing package.

        Raises :class:`hoiku_desk.printing.PrintingError` (a Japanese sentence) when no
        Japanese font can be found or the file cannot be written."""
        from hoiku_desk.printing import daily_list, pdf

        sheet = self.daily_sheet(facility_id, day)
        return pdf.write_pdf(daily_list.daily_list_html(sheet), Path(path))

    def check_in(self, booking_id: str, at: datetime | None = None) -> AttendanceRow:
        """Mark the child arrived; a pending booking on its day is approved first."""
        with self._ctx.write() as uow:
            row = uow.get(models.Booking, booking_id, "booking")
            at = at or uow.now
            if at.date() != row.day or row.status not in models.ACTIVE:
                raise errors.InvalidState(what="booking", status=row.status, action="check_in")
            if row.status == "pending":
                confirm(uow, row, judged_at=min(at, datetime.combine(row.day, row.start)))
            before = snapshot(row)
            row.status = "attended"
            row.updated_at = uow.now
            uow.session.add(models.AttendanceMark(booking_id=row.id, checked_in_at=at))
            uow.audit("attendance.check_in", "booking", row.id, before,
                      {**snapshot(row), "checked_in_at": at.isoformat()})
            uow.commit()
            return _row_for(uow, row)

    def check_out(self, booking_id: str, at: datetime | None = None, *, note: str = "") -> AttendanceRow:
        """Mark the child gone home; before the booked end is an early pick-up (fee unchanged)."""
        with self._ctx.write() as uow:
            row = uow.get(models.Booking, booking_id, "booking")
            mark = uow.session.get(models.AttendanceMark, booking_id)
            if row.status != "attended" or mark is None or mark.checked_out_at is not None:
                raise errors.InvalidState(what="booking", status=row.status, action="check_out")
            at = at or uow.now
            if at < mark.checked_in_at:
                raise errors.InvalidInput(field="checked_out_at", value=at.isoformat(), reason="date_order")
            before = snapshot(mark)
            mark.checked_out_at = at
            mark.note = note.strip()
            uow.audit("attendance.check_out", "booking", row.id, before, snapshot(mark))
            uow.commit()
            return _row_for(uow, row)

    def mark_no_show(self, booking_id: str) -> AttendanceRow:
        """The child did not come: charged as a late cancellation."""
        with self._ctx.write() as uow:
            row = uow.get(models.Booking, booking_id, "booking")
            if row.status not in models.ACTIVE or datetime.combine(row.day, row.start) > uow.now:
                raise errors.InvalidState(what="booking", status=row.status, action="no_show")
            _, rules = uow.facility(row.facility_id)
            minutes = minutes_between(row.start, row.end)
            charge = policy.no_show(rules, day=row.day, minutes=minutes, fee_yen=row.fee_yen,
                                    chargeable=row.kind != "interview")
            before = snapshot(row)
            row.status = "no_show"
            row.updated_at = uow.now
            uow.session.add(models.Charge(
                booking_id=row.id, kind="no_show", reason="no_show", late=True, minutes=minutes,
                fee_yen=charge.fee_yen, quota_minutes=charge.quota_minutes, day=row.day,
                created_by=uow.staff_login, created_at=uow.now,
            ))
            uow.audit("attendance.no_show", "booking", row.id, before, snapshot(row))
            uow.commit()
            return _row_for(uow, row)

    def record_payment(self, booking_id: str, amount_yen: int, at: datetime | None = None) -> AttendanceRow:
        """A payment on site (a negative amount is a refund)."""
        if not isinstance(amount_yen, int) or amount_yen == 0:
            raise errors.InvalidInput(field="amount_yen", value=str(amount_yen), reason="amount")
        with self._ctx.write() as uow:
            row = uow.get(models.Booking, booking_id, "booking")
            payment = models.Payment(booking_id=row.id, amount_yen=amount_yen,
                                     paid_at=at or uow.now, staff_login=uow.staff_login)
            uow.session.add(payment)
            uow.audit("attendance.payment", "payment", payment.id, None, snapshot(payment))
            uow.commit()
            return _row_for(uow, row)


def caregivers_needed(children_by_age: Mapping[int, int], rules: FacilityRules) -> int:
    """The ceiling of Σ children of an age ÷ that age's children per caregiver, computed
    exactly; never fewer than :data:`MIN_CAREGIVERS` while any child is present, 0 when none."""
    if not any(children_by_age.values()):
        return 0
    exact = sum(
        (Fraction(count, rules.children_per_caregiver(age)) for age, count in children_by_age.items()),
        Fraction(0),
    )
    return max(math.ceil(exact), MIN_CAREGIVERS)


def slot_caregivers(rules: FacilityRules, rows: list[AttendanceRow], day: date) -> list[SlotCaregivers]:
    present = [r for r in rows if r.status in PRESENT_STATUSES]
    first = min([rules.open_time, *(r.start for r in present)])
    last = max([rules.close_time, *(r.end for r in present)])
    slots = []
    start = first
    while to_minutes(start) < to_minutes(last):
        end = add_minutes(start, min(rules.slot_minutes, to_minutes(last) - to_minutes(start)))
        ages = Counter(
            age_months(r.birth_date, day) // 12 for r in present  # type: ignore[arg-type]
            if r.start < end and r.end > start
        )
        slots.append(SlotCaregivers(
            start=start, end=end, children=sum(ages.values()), by_age=tuple(sorted(ages.items())),
            caregivers=caregivers_needed(ages, rules),
        ))
        start = end
    return slots


def _row_for(uow: UnitOfWork, row: models.Booking) -> AttendanceRow:
    return next(r for r in daily_rows(uow, row.facility_id, row.day, only=row.id))


def daily_rows(
    uow: UnitOfWork, facility_id: str, day: date, *, only: str | None = None
) -> list[AttendanceRow]:
    query = (
        select(models.Booking, models.Child, models.AttendanceMark)
        .join(models.Child, models.Child.id == models.Booking.child_id)
        .outerjoin(models.AttendanceMark, models.AttendanceMark.booking_id == models.Booking.id)
        .where(models.Booking.facility_id == facility_id, models.Booking.day == day)
    )
    if only is not None:
        query = query.where(models.Booking.id == only)
    else:
        query = query.where(
            models.Booking.status.in_(LISTED_STATUSES),
            models.Booking.kind.in_(("flexible", "regular")),
        )
    found = list(uow.session.execute(query))
    money = fees.booking_money(uow, (b.id for b, _, _ in found))
    rows = []
    for booking, child, mark in found:
        child_record = convert.child(child)
        rows.append(AttendanceRow(
            booking_id=booking.id, child_name=child.name, kana=child.kana,
            age=age_text(child.birth_date, day), start=booking.start, end=booking.end,
            pickup=convert.pickup(booking), allergies=child.allergies, status=booking.status,
            number=booking.number, kind=booking.kind, child_id=child.id, notes=child.notes,
            phone=child_record.phone, guardian_name=child_record.guardian_name,
            contacts=child_record.contacts,
            checked_in_at=mark.checked_in_at if mark else None,
            checked_out_at=mark.checked_out_at if mark else None,
            attendance_note=mark.note if mark else "", fee_yen=booking.fee_yen,
            fee_due_yen=money.due(booking), paid_yen=money.paid_for(booking.id),
            comment=booking.comment, birth_date=child.birth_date,
        ))
    rows.sort(key=lambda r: (r.start, normalize(r.kana), r.number))
    return rows
