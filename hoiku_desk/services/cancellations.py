"""``desk.cancellations``: cancel one or many bookings with the policy applied, and waive fees."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import select

from hoiku_desk import models
from hoiku_desk.services import decisions, errors, policy
from hoiku_desk.services.audit import snapshot
from hoiku_desk.services.clock import minutes_between
from hoiku_desk.services.context import Context
from hoiku_desk.services.records import CancellationOutcome
from hoiku_desk.services.uow import UnitOfWork


def outcome(
    uow: UnitOfWork, row: models.Booking, reason: str, at: datetime
) -> CancellationOutcome:
    """The policy outcome of cancelling ``row`` at ``at``; refuses what cannot be cancelled."""
    policy.check_reason(reason)
    if row.status not in models.ACTIVE:
        raise errors.NotCancellable(number=row.number, status=row.status, reason="not_active")
    if datetime.combine(row.day, row.start) <= at:
        raise errors.NotCancellable(number=row.number, status=row.status, reason="started")
    _, rules = uow.facility(row.facility_id)
    result = policy.charge(
        rules, day=row.day, at=at, reason=reason, minutes=minutes_between(row.start, row.end),
        fee_yen=row.fee_yen, chargeable=row.kind != "interview",
    )
    return CancellationOutcome(
        booking_id=row.id, late=result.late, fee_yen=result.fee_yen,
        quota_minutes=result.quota_minutes, reason=reason, deadline=result.deadline,
        number=row.number,
    )


def apply(
    uow: UnitOfWork, row: models.Booking, reason: str, detail: str, at: datetime
) -> CancellationOutcome:
    """Cancel ``row`` as judged at ``at`` (an online cancellation is judged when the parent
    acted), recording the outcome, withdrawing the booking's queue item and logging the
    decision for the request that made the booking, if one did."""
    result = outcome(uow, row, reason, at)
    items = decisions.items_of(uow, row)
    origin = decisions.origin(items)
    before = snapshot(row)
    row.status = "cancelled"
    row.updated_at = uow.now
    uow.session.add(models.Charge(
        booking_id=row.id, kind="cancel", reason=reason, detail=detail.strip(), late=result.late,
        minutes=minutes_between(row.start, row.end), fee_yen=result.fee_yen,
        quota_minutes=result.quota_minutes, day=row.day, created_by=uow.staff_login,
        created_at=at,
    ))
    for item in items:
        if item.booking_id == row.id and item.status == "pending":
            item.status, item.decided_at, item.decision_note = "withdrawn", uow.now, "cancelled"
    uow.audit("booking.cancel", "booking", row.id, before,
              {**snapshot(row), "reason": reason, "detail": detail, "late": result.late,
               "fee_yen": result.fee_yen, "quota_minutes": result.quota_minutes})
    if origin is not None:
        decisions.record(uow, origin, "cancelled", booking=row, reason=reason, outcome=result)
    return result


class CancellationService:
    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    def preview(self, booking_id: str, reason: str) -> CancellationOutcome:
        """What cancelling now would cost; nothing changes."""
        with self._ctx.read() as uow:
            return outcome(uow, uow.get(models.Booking, booking_id, "booking"), reason, uow.now)

    def cancel(self, booking_id: str, reason: str, detail: str = "") -> CancellationOutcome:
        with self._ctx.write() as uow:
            result = apply(uow, uow.get(models.Booking, booking_id, "booking"), reason, detail, uow.now)
            uow.commit()
            return result

    def cancel_many(
        self, booking_ids: Iterable[str], reason: str, detail: str = ""
    ) -> list[CancellationOutcome]:
        """One reason for many bookings, in one transaction: all are cancelled, or none."""
        ids = list(dict.fromkeys(booking_ids))
        with self._ctx.write() as uow:
            results = [
                apply(uow, uow.get(models.Booking, i, "booking"), reason, detail, uow.now)
                for i in ids
            ]
            uow.commit()
            return results

    def waive(self, booking_id: str, reason: str) -> None:
        """Waive the fees charged for a booking (admin), with a reason."""
        if not reason.strip():
            raise errors.InvalidInput(field="reason", value=reason, reason="reason_required")
        with self._ctx.write() as uow:
            uow.require_admin("waive")
            row = uow.get(models.Booking, booking_id, "booking")
            charges = uow.session.scalars(
                select(models.Charge).where(
                    models.Charge.booking_id == booking_id, models.Charge.fee_yen > 0,
                    models.Charge.waived.is_(False),
                )
            ).all()
            if not charges:
                raise errors.InvalidState(what="booking", status=row.status, action="waive")
            for charge in charges:
                before = snapshot(charge)
                charge.waived = True
                charge.waive_reason = reason.strip()
                charge.waived_by = uow.staff_login
                charge.waived_at = uow.now
                uow.audit("charge.waive", "charge", charge.id, before, snapshot(charge))
            uow.commit()
