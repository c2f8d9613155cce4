"""Applying a request file: one transaction per file, a savepoint per row.

Each request goes through the same module-level service functions the window's commands
use (children, registrations, interviews, bookings, regular plans, cancellations), so every
rule holds.  A row a service refuses rolls back alone and is reported with its line; any
other exception rolls back the whole file.
"""

from __future__ import annotations

import os
from dataclasses import asdict
from typing import Any

from sqlalchemy import select

from hoiku_desk import messages, models
from hoiku_desk.services import cancellations, decisions, errors, regular
from hoiku_desk.services.audit import snapshot
from hoiku_desk.services.bookings import place_flexible
from hoiku_desk.services.children import create_child, find_duplicate
from hoiku_desk.services.context import Context
from hoiku_desk.services.interviews import book_interview
from hoiku_desk.services.records import ImportReport
from hoiku_desk.services.registrations import create_application, current_registration
from hoiku_desk.services.sync.request_file import Progress, Request, RowError, open_requests
from hoiku_desk.services.uow import UnitOfWork

SOURCE = "online"
ACCEPTED, CANCELLED = "accepted", "cancelled"


class RowRejected(Exception):
    """A row that cannot be imported as it stands (its message is the reason staff read)."""


def import_requests(
    ctx: Context, path: str | os.PathLike[str], progress: Progress | None = None
) -> ImportReport:
    """Import every row of the request file at ``path`` in one transaction; ``progress``
    is told the fraction read after each row, and whatever it raises undoes the whole file."""
    counts = {ACCEPTED: 0, CANCELLED: 0, "duplicates": 0}
    rejected: list[tuple[int, str]] = []
    with open_requests(path, progress) as rows, ctx.write() as uow:
        seen: set[str] = set()
        for row in rows:
            if isinstance(row, RowError):
                rejected.append((row.line, row.reason))
                continue
            if row.request_id in seen or already_imported(uow, row.request_id):
                counts["duplicates"] += 1
                continue
            try:
                with ctx.write() as unit:
                    outcome = apply_request(ctx, unit, row)
                    unit.commit()
            except (errors.BookingError, errors.NotFound, RowRejected) as refusal:
                text = refusal.message() if isinstance(refusal, errors.HoikuDeskError) else str(refusal)
                rejected.append((row.line, text))
                continue
            seen.add(row.request_id)
            counts[outcome] += 1
        uow.commit()
    return ImportReport(accepted=counts[ACCEPTED], duplicates=counts["duplicates"],
                        cancelled=counts[CANCELLED], rejected=rejected)


def already_imported(uow: UnitOfWork, request_id: str) -> bool:
    return uow.session.scalar(
        select(models.QueueItem.id).where(models.QueueItem.request_id == request_id)
    ) is not None


def apply_request(ctx: Context, uow: UnitOfWork, req: Request) -> str:
    """Do what the request's type does at import; ``accepted`` or ``cancelled``."""
    return _HANDLERS[req.type](ctx, uow, req)


# -- helpers -------------------------------------------------------------------------------
def _facility(uow: UnitOfWork, req: Request) -> models.Facility:
    code = req.text("facility_code")
    row = uow.session.scalar(select(models.Facility).where(models.Facility.code == code))
    if row is None:
        raise RowRejected(messages.import_row_reason("unknown_facility", column="facility_code", value=code))
    return row


def _child(uow: UnitOfWork, req: Request) -> models.Child | None:
    assert req.birth_date is not None
    return find_duplicate(uow, req.text("child_kana"), req.birth_date)


def _request(req: Request, **more: Any) -> dict[str, Any]:
    """What the queue item keeps of the request (dates and times as ISO text)."""
    data: dict[str, Any] = {
        "child_name": req.text("child_name"), "child_kana": req.text("child_kana"),
        "birth_date": req.birth_date.isoformat() if req.birth_date else "",
        "channel": req.text("channel"), "comment": req.text("comment"),
    }
    if req.day is not None:
        data["day"] = req.day.isoformat()
    if req.start is not None:
        data["start"] = req.start.isoformat(timespec="minutes")
    if req.end is not None:
        data["end"] = req.end.isoformat(timespec="minutes")
    if req.pickup is not None:
        data["pickup"] = asdict(req.pickup)
    data.update(more)
    return data


def _queue(uow: UnitOfWork, req: Request, kind: str, **fields: Any) -> models.QueueItem:
    item = models.QueueItem(
        kind=kind, source=SOURCE, request_id=req.request_id,
        received_at=req.received_at or uow.now, **fields,
    )
    uow.session.add(item)
    uow.session.flush()
    return item


def _attempt(ctx: Context, action: Any) -> errors.BookingError | None:
    """Run ``action(unit)`` in its own savepoint; the refusal, if the rules refuse it."""
    try:
        with ctx.write() as unit:
            action(unit)
            unit.commit()
    except errors.BookingError as refusal:
        return refusal
    return None


# -- the types -----------------------------------------------------------------------------
def _registration(ctx: Context, uow: UnitOfWork, req: Request) -> str:
    facility = _facility(uow, req)
    child = _child(uow, req)
    if child is None:
        child = create_child(
            uow, name=req.text("child_name"), kana=req.text("child_kana"), birth_date=req.birth_date,
            sex=req.sex, guardian_name=req.text("guardian_name"), guardian_kana=req.text("guardian_kana"),
            phone=req.text("phone"), postal_code=req.text("postal_code"), address=req.text("address"),
        )
    request = _request(req)
    existing = current_registration(uow, child.id, facility.id)
    if existing is None:
        registration = create_application(uow, child.id, facility.id)
    else:
        registration = existing
        approved = existing.status == "approved"
        request["label"] = "既登録" if approved else "申込み済み"
        reason = "already_registered" if approved else "already_applied"
        request["problems"] = [messages.import_row_reason(reason, value=child.name)]
    _queue(uow, req, "registration", facility_id=facility.id, child_id=child.id,
           registration_id=registration.id, request=request)
    return ACCEPTED


def _interview(ctx: Context, uow: UnitOfWork, req: Request) -> str:
    facility = _facility(uow, req)
    child = _child(uow, req)
    assert req.day is not None and req.start is not None
    problems: list[str] = []
    registration = current_registration(uow, child.id, facility.id) if child else None
    if registration is None or registration.status != "applied":
        problems.append(messages.import_row_reason("no_application"))
    slot = uow.session.scalar(select(models.InterviewSlot).where(
        models.InterviewSlot.facility_id == facility.id, models.InterviewSlot.day == req.day,
        models.InterviewSlot.start == req.start,
    ))
    if slot is None:
        when = f"{messages.format_date(req.day)} {messages.format_time(req.start)}"
        problems.append(messages.import_row_reason("no_interview_slot", value=when))
    booked: list[models.Booking] = []
    if not problems:
        assert registration is not None and slot is not None
        refusal = _attempt(ctx, lambda unit: booked.append(
            book_interview(unit, registration, slot, source=SOURCE, status="pending")))
        if refusal is not None:
            problems.append(refusal.message())
    _queue(uow, req, "interview", facility_id=facility.id, child_id=child.id if child else None,
           registration_id=registration.id if registration else None,
           booking_id=booked[0].id if booked else None,
           request=_request(req, problems=problems) if problems else _request(req))
    return ACCEPTED


def _booking(ctx: Context, uow: UnitOfWork, req: Request) -> str:
    facility = _facility(uow, req)
    child = _child(uow, req)
    assert req.day is not None and req.start is not None and req.end is not None
    if child is None:
        refusal = errors.RegistrationRequired(
            child_name=req.text("child_name") or req.text("child_kana"), facility_name=facility.name,
            day=req.day)
        _queue(uow, req, "booking", facility_id=facility.id,
               request=_request(req, problems=[refusal.message()]))
        return ACCEPTED
    booked: list[models.Booking] = []
    refused = _attempt(ctx, lambda unit: booked.append(place_flexible(
        unit, facility.id, child.id, req.day, req.start, req.end, source=SOURCE,  # type: ignore[arg-type]
        pickup=req.pickup, comment=req.text("comment"), request_id=req.request_id,
        received_at=req.received_at,
    )))
    if refused is not None:
        # Holds nothing; its problems are computed live from the stored request.
        _queue(uow, req, "booking", facility_id=facility.id, child_id=child.id, request=_request(req))
    elif booked[0].status != "pending":
        # Confirmed at once (a channel with live inventory): keep the request id all the same.
        item = _queue(uow, req, "booking", facility_id=facility.id, child_id=child.id,
                      booking_id=booked[0].id, status="approved", decided_at=uow.now,
                      request=_request(req))
        decisions.record(uow, item, "approved", booking=booked[0])
    return ACCEPTED


def _regular(ctx: Context, uow: UnitOfWork, req: Request) -> str:
    facility = _facility(uow, req)
    child = _child(uow, req)
    if child is None:
        raise RowRejected(messages.import_row_reason(
            "unknown_child", value=req.text("child_name") or req.text("child_kana")))
    assert None not in (req.start, req.end, req.first_day, req.last_day)
    regular.request(
        uow, facility.id, child.id, req.weekdays, req.start, req.end,  # type: ignore[arg-type]
        req.first_day, req.last_day, source=SOURCE, pickup=req.pickup,  # type: ignore[arg-type]
        comment=req.text("comment"), request_id=req.request_id, received_at=req.received_at,
    )
    return ACCEPTED


def _cancel(ctx: Context, uow: UnitOfWork, req: Request) -> str:
    facility = _facility(uow, req) if req.text("facility_code") else None
    target_id = req.text("target_request_id")
    at = req.received_at or uow.now
    request = _request(req, target_request_id=target_id, cancel_reason=req.cancel_reason,
                       detail=req.text("comment"), label=f"キャンセル（{target_id}）")
    target = uow.session.scalar(select(models.QueueItem).where(models.QueueItem.request_id == target_id))
    booking = uow.session.get(models.Booking, target.booking_id) if target and target.booking_id else None
    if booking is not None:
        outcome: list[Any] = []
        refusal = _attempt(ctx, lambda unit: outcome.append(cancellations.apply(
            unit, booking, req.cancel_reason, req.text("comment"), at)))
        if refusal is None:
            request.update(late=outcome[0].late, fee_yen=outcome[0].fee_yen)
            item = _applied(uow, req, booking.facility_id, booking.child_id, request,
                            booking_id=booking.id)
            decisions.record(uow, item, "cancelled", booking=booking, reason=req.cancel_reason,
                             outcome=outcome[0])
            return CANCELLED
        problems = [refusal.message()]
    elif target is not None and target.status == "pending":
        # A request still waiting that holds nothing: withdraw it.
        before = snapshot(target)
        target.status, target.decided_at, target.decision_note = "withdrawn", uow.now, "cancelled"
        uow.audit("queue.withdrawn", "queue_item", target.id, before, snapshot(target))
        decisions.record(uow, target, "cancelled", reason=req.cancel_reason)
        item = _applied(uow, req, target.facility_id, target.child_id, request)
        decisions.record(uow, item, "cancelled", reason=req.cancel_reason)
        return CANCELLED
    elif target is not None:
        problems = [errors.InvalidState(what="queue_item", status=target.status, action="cancel").message()]
    else:
        problems = [messages.import_row_reason("unknown_target", value=target_id)]
    _queue(uow, req, "cancel", facility_id=facility.id if facility else None,
           child_id=target.child_id if target else None, request={**request, "problems": problems})
    return ACCEPTED


def _applied(
    uow: UnitOfWork, req: Request, facility_id: str | None, child_id: str | None,
    request: dict[str, Any], **fields: Any,
) -> models.QueueItem:
    """The record of a cancellation applied at import (so importing it again is a duplicate)."""
    return _queue(uow, req, "cancel", facility_id=facility_id, child_id=child_id, status="approved",
           decided_at=uow.now, decision_note="applied at import", request=request, **fields)


_HANDLERS = {
    "registration": _registration, "interview": _interview, "booking": _booking,
    "regular": _regular, "cancel": _cancel,
}
