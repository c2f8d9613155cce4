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
from hoiku_desk.services import appended
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
    appended.add(uow.session, models.Decision, [{
        "request_id": item.request_id, "facility_id": item.facility_id, "kind": kind or item.kind,
        "decision": decision, "booking_number": booking.number if booking else "",
        "reason": reason.strip(), "valid_until": valid_until,
        "late": outcome.late if outcome else None,
        "fee_yen": outcome.fee_yen if outcome else None,
        "quota_minutes": outcome.quota_minutes if outcome else None,
        "decided_at": uow.now,
    }])


def origin(items: list[models.QueueItem]) -> models.QueueItem | None:
    """The request among a booking's queue items (:func:`items_of`) that made it, directly
    or through its regular plan."""
    return next((item for item in items if item.request_id is not None and item.kind != "cancel"), None)


def items_of(uow: UnitOfWork, booking: models.Booking) -> list[models.QueueItem]:
    """The queue items of ``booking`` and of its regular plan, written or not (what an
    item names never changes, so nothing is written first)."""
    made_it = models.QueueItem.booking_id == booking.id
    if booking.plan_id is not None:
        made_it = or_(made_it, models.QueueItem.plan_id == booking.plan_id)
    with uow.session.no_autoflush:
        found = list(uow.session.scalars(select(models.QueueItem).where(made_it)))
    return found + [item for item in uow.added(models.QueueItem) if item.booking_id == booking.id
                    or (booking.plan_id is not None and item.plan_id == booking.plan_id)]
