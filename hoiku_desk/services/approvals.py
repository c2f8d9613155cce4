"""``desk.approvals``: the queue of provisional bookings, plans and requests (承認待ち)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from hoiku_desk import models
from hoiku_desk.services import (
    approval_queue,
    booking_rules,
    cancellations,
    convert,
    decisions,
    errors,
    regular,
)
from hoiku_desk.services.audit import snapshot
from hoiku_desk.services.bookings import place_flexible
from hoiku_desk.services.context import Context
from hoiku_desk.services.interviews import book_interview
from hoiku_desk.services.records import ApprovalResult, PendingItem
from hoiku_desk.services.registrations import current_registration
from hoiku_desk.services.uow import UnitOfWork


def booking_proposal(
    row: models.Booking, judged_at: datetime | None = None
) -> booking_rules.Proposal:
    """The booking as it stands, its own places counting as free."""
    return booking_rules.Proposal(
        facility_id=row.facility_id, child_id=row.child_id, day=row.day, start=row.start,
        end=row.end, kind=row.kind, source=row.source, override=row.override,
        exclude=(row.id,), interview_slot_id=row.interview_slot_id, now=judged_at,
    )


def confirm(
    uow: UnitOfWork, row: models.Booking, note: str = "", *, judged_at: datetime | None = None
) -> None:
    """Confirm a pending booking with every rule re-checked (now, or at ``judged_at``);
    its queue item is approved."""
    if row.status != "pending":
        raise errors.InvalidState(what="booking", status=row.status, action="approve")
    uow.lock_facility(row.facility_id)
    booking_rules.check(uow, booking_proposal(row, judged_at))
    before = snapshot(row)
    row.status = "confirmed"
    row.updated_at = uow.now
    for item in uow.session.scalars(
        select(models.QueueItem).where(
            models.QueueItem.booking_id == row.id, models.QueueItem.status == "pending"
        )
    ):
        _decide(uow, item, "approved", note)
    uow.audit("booking.confirm", "booking", row.id, before, snapshot(row))


def _decide(
    uow: UnitOfWork, item: models.QueueItem, status: str, note: str, *,
    decision: str | None = None, **logged: Any,
) -> None:
    """Approve or reject ``item``; the decision is logged for the request behind it (a
    rejection with its reason, ``logged`` adding what the decision file says beyond that)."""
    before = snapshot(item)
    item.status = status
    item.decided_at = uow.now
    item.decision_note = note.strip()
    uow.audit(f"queue.{status}", "queue_item", item.id, before, snapshot(item))
    if status == "rejected":
        logged.setdefault("reason", note)
    decisions.record(uow, item, decision or status, **logged)


def request_value(item: models.QueueItem, key: str) -> Any:
    """A typed field of the request an item holds (dates, times and pick-up parsed)."""
    return approval_queue.request_field(item.request, key)


class ApprovalService:
    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx
        self._queue = approval_queue.JudgedQueue()

    def pending(self, facility_id: str | None = None) -> list[PendingItem]:
        """Items waiting for a decision, oldest first, each with the problems it meets now."""
        with self._ctx.read() as uow:
            return self._queue.pending(uow, facility_id)

    def approve(self, item_id: str, *, note: str = "") -> ApprovalResult:
        """Approve an item with the rules re-checked now; a refusal raises, the item stays."""
        with self._ctx.write() as uow:
            item = self._open_item(uow, item_id, "approve")
            result = self._approve(uow, item, note)
            uow.commit()
            return result

    def reject(self, item_id: str, reason: str) -> None:
        """Reject an item with a reason; a provisional booking it holds frees its places."""
        if not reason.strip():
            raise errors.InvalidInput(field="reason", value=reason, reason="reason_required")
        with self._ctx.write() as uow:
            item = self._open_item(uow, item_id, "reject")
            if item.booking_id is not None:
                booking = uow.get(models.Booking, item.booking_id, "booking")
                if booking.status == "pending":
                    before = snapshot(booking)
                    booking.status = "rejected"
                    booking.updated_at = uow.now
                    uow.audit("booking.reject", "booking", booking.id, before, snapshot(booking))
            if item.plan_id is not None:
                plan = uow.get(models.RegularPlan, item.plan_id, "regular_plan")
                before = snapshot(plan)
                plan.status, plan.decided_at = "rejected", uow.now
                uow.audit("plan.reject", "regular_plan", plan.id, before, snapshot(plan))
            if item.kind == "registration" and item.registration_id is not None:
                registration = uow.get(models.Registration, item.registration_id, "registration")
                if registration.status == "applied":
                    before = snapshot(registration)
                    registration.status, registration.reject_reason = "rejected", reason.strip()
                    registration.decided_at = uow.now
                    uow.audit("registration.reject", "registration", registration.id, before,
                              snapshot(registration))
            _decide(uow, item, "rejected", reason)
            uow.commit()

    # -- internals --------------------------------------------------------------------
    @staticmethod
    def _open_item(uow: UnitOfWork, item_id: str, action: str) -> models.QueueItem:
        item = uow.get(models.QueueItem, item_id, "queue_item")
        if item.status != "pending":
            raise errors.InvalidState(what="queue_item", status=item.status, action=action)
        return item

    def _approve(self, uow: UnitOfWork, item: models.QueueItem, note: str) -> ApprovalResult:
        if item.kind == "regular":
            plan = uow.get(models.RegularPlan, item.plan_id or "", "regular_plan")
            booked, skipped = regular.approve(uow, plan)
            _decide(uow, item, "approved", note, reason=" / ".join(
                f"{s.day.isoformat()} {s.message}" for s in skipped))
            return ApprovalResult(
                item.id, item.kind, bookings=tuple(uow.bookings([b.id for b in booked])),
                skipped=tuple(skipped), plan=convert.plan(plan),
            )
        if item.kind == "registration":
            registration = uow.get(models.Registration, item.registration_id or "", "registration")
            _decide(uow, item, "approved", note, valid_until=registration.valid_until)
            return ApprovalResult(
                item.id, item.kind, registration=convert.registration(registration, uow.today)
            )
        if item.kind == "cancel":
            target = self._cancel_target(uow, item)
            reason = item.request.get("cancel_reason") or "other"
            outcome = cancellations.apply(uow, target, reason, item.request.get("detail", ""),
                                          item.received_at)
            item.booking_id = target.id
            _decide(uow, item, "approved", note, decision="cancelled", reason=reason, outcome=outcome)
            return ApprovalResult(item.id, item.kind, booking=uow.bookings([target.id])[0])
        row = self._booking_for(uow, item)
        if row.status == "pending":
            confirm(uow, row, note)
        if item.status == "pending":
            _decide(uow, item, "approved", note)
        return ApprovalResult(item.id, item.kind, booking=uow.bookings([row.id])[0])

    def _booking_for(self, uow: UnitOfWork, item: models.QueueItem) -> models.Booking:
        """The booking an item holds, or the one its request makes now (confirmed)."""
        if item.booking_id is not None:
            return uow.get(models.Booking, item.booking_id, "booking")
        if item.kind == "interview":
            registration = current_registration(uow, item.child_id or "", item.facility_id or "")
            slot = uow.session.scalar(select(models.InterviewSlot).where(
                models.InterviewSlot.facility_id == item.facility_id,
                models.InterviewSlot.day == request_value(item, "day"),
                models.InterviewSlot.start == request_value(item, "start"),
            ))
            if registration is None or slot is None:
                raise errors.InvalidState(what="interview_slot", status="missing",
                                          action="book_interview")
            row = book_interview(uow, registration, slot, source=item.source)
        else:
            row = place_flexible(
                uow, item.facility_id or "", item.child_id or "", request_value(item, "day"),
                request_value(item, "start"), request_value(item, "end"), source=item.source,
                pickup=request_value(item, "pickup"), comment=item.request.get("comment", ""),
                status="confirmed",
            )
        item.booking_id = row.id
        return row

    @staticmethod
    def _cancel_target(uow: UnitOfWork, item: models.QueueItem) -> models.Booking:
        target_request = item.request.get("target_request_id", "")
        target_item = uow.session.scalar(
            select(models.QueueItem).where(models.QueueItem.request_id == target_request)
        )
        if target_item is None or target_item.booking_id is None:
            raise errors.NotFound(entity="booking", id=target_request)
        return uow.get(models.Booking, target_item.booking_id, "booking")

    def count(self, facility_id: str | None = None) -> int:
        """How many items :meth:`pending` lists, counted without judging their problems."""
        query = select(func.count()).select_from(models.QueueItem).where(
            models.QueueItem.status == "pending")
        if facility_id is not None:
            query = query.where(models.QueueItem.facility_id == facility_id)
        with self._ctx.read() as uow:
            return uow.session.scalar(query) or 0
