"""The decision log behind the decision file (SPEC "Decision file").

Every decision on a request a channel sent is logged in the transaction that takes it:
accepted or rejected in the approval queue, confirmed at once at import, 利用承認 of the
registration it applied for, and the cancellation (with its policy outcome) of a booking it
made — by the desk, or by a cancel request, which gets its own row too.  The channels learn
them from the next decision file.  Records the desk made itself (phone, walk-in) answer no
request and are not logged.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import or_, select

from hoiku_desk import models
from hoiku_desk.services.records import CancellationOutcome
from hoiku_desk.services.uow import UnitOfWork


def record(
    uow: UnitOfWork,
    item: models.QueueItem,
    decision: str,
    *,
    kind: str | None = None,
    booking: models.Booking | None = None,
    reason: str = "",
    valid_until: date | None = None,
    outcome: CancellationOutcome | None = None,
) -> None:
    """Log ``decision`` on the request behind ``item`` (nothing if it answers no request)."""
    if item.request_id is None:
        return
    if booking is None and item.booking_id is not None:
        booking = uow.session.get(models.Booking, item.booking_id)
    uow.session.add(models.Decision(
        request_id=item.request_id, facility_id=item.facility_id, kind=kind or item.kind,
        decision=decision, booking_number=booking.number if booking else "", reason=reason.strip(),
        valid_until=valid_until,
        late=outcome.late if outcome else None,
        fee_yen=outcome.fee_yen if outcome else None,
        quota_minutes=outcome.quota_minutes if outcome else None,
        decided_at=uow.now,
    ))


def origin(uow: UnitOfWork, booking: models.Booking) -> models.QueueItem | None:
    """The request that made ``booking``, directly or through its regular plan."""
    made_it = models.QueueItem.booking_id == booking.id
    if booking.plan_id is not None:
        made_it = or_(made_it, models.QueueItem.plan_id == booking.plan_id)
    return uow.session.scalar(
        select(models.QueueItem)
        .where(made_it, models.QueueItem.request_id.is_not(None), models.QueueItem.kind != "cancel")
        .limit(1)
    )
