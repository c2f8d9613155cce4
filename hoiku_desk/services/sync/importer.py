"""Applying a request file: one transaction per file, a savepoint per batch of rows.

Each request goes through the same module-level service functions the window's commands
use (children, registrations, interviews, bookings, regular plans, cancellations), so every
rule holds.  A row a service refuses rolls back alone and is reported with its line; any
other exception rolls back the whole file.  Rows are applied :data:`LOOKAHEAD` at a time in
one savepoint; when a service refuses one of them, the batch is rolled back and applied
again with a savepoint per row (a refusal rarely comes after its row wrote anything, but
when it does, only a savepoint of its own undoes the row alone).

The request id is the key for what was imported: a row whose request id was imported before
(or earlier in the file) is a duplicate and changes nothing, but a row that was rejected was
not imported, so importing the file again judges it again (a row rejected for an unknown
facility code imports once the facility exists).  Rows are judged in file order, except a
cancel whose target is not imported yet: it waits for the end of the file, so a cancel
listed before the request it cancels still finds it (reported lines are unchanged).
A row received on a later day than the desk's today is rejected (it cannot have been sent
yet); a cancel received later today is judged as received now, never later than that.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import bindparam, select

from hoiku_desk import messages, models
from hoiku_desk.services import booking_rules, cancellations, decisions, errors, regular
from hoiku_desk.services.audit import snapshot
from hoiku_desk.services.batches import batched
from hoiku_desk.services.bookings import place_flexible
from hoiku_desk.services.children import ChildRef, create_child, find_duplicate
from hoiku_desk.services.context import Context
from hoiku_desk.services.interviews import book_interview
from hoiku_desk.services.kana import normalize
from hoiku_desk.services.records import ImportReport
from hoiku_desk.services.registrations import create_application, current_registration
from hoiku_desk.services.rule_facts import kept_current
from hoiku_desk.services.sync.request_file import (
    Progress,
    Request,
    RowError,
    open_requests,
)
from hoiku_desk.services.uow import UnitOfWork

SOURCE = "online"
#: Rows read ahead to look their request ids up at once.
LOOKAHEAD = 500
ACCEPTED, CANCELLED, DUPLICATES = "accepted", "cancelled", "duplicates"


class RowRejected(Exception):
    """A row that cannot be imported as it stands (its message is the reason staff read)."""


#: What a row's services raise when they refuse it: the row is rejected, the file goes on.
REFUSALS = (errors.BookingError, errors.NotFound, RowRejected)


class _Refused(Exception):
    """A row of a batch applied without savepoints was refused: apply the batch again."""


def import_requests(
    ctx: Context, path: str | os.PathLike[str], progress: Progress | None = None
) -> ImportReport:
    """Import every row of the request file at ``path`` in one transaction; ``progress``
    is told the fraction read after each row, and whatever it raises undoes the whole file."""
    with open_requests(path, progress) as rows, ctx.write() as uow, kept_current(uow):
        facilities = {f.code: f for f in uow.session.scalars(select(models.Facility))}
        run = _Run(ctx, uow, facilities, _Children(uow))
        for batch in batched(rows, LOOKAHEAD):
            run.batch(batch)
        run.finish()
        uow.commit()
    return ImportReport(accepted=run.counts[ACCEPTED], duplicates=run.counts[DUPLICATES],
                        cancelled=run.counts[CANCELLED], rejected=sorted(run.rejected))


@dataclass
class _Run:
    """One import under way: what it counted, rejected and still has to do."""

    ctx: Context
    uow: UnitOfWork
    #: The facilities by code, loaded once: rows never add facilities.
    facilities: dict[str, models.Facility]
    children: _Children
    counts: dict[str, int] = field(
        default_factory=lambda: dict.fromkeys((ACCEPTED, CANCELLED, DUPLICATES), 0))
    rejected: list[tuple[int, str]] = field(default_factory=list)
    #: Request ids imported by this file so far.
    seen: set[str] = field(default_factory=set)
    #: Cancels whose target was not imported yet, by request id, in file order.
    waiting: dict[str, Request] = field(default_factory=dict)
    #: The request ids of the rows read ahead, and those of them imported before this file.
    asked: set[str] = field(default_factory=set)
    known: set[str] = field(default_factory=set)
    #: Whether each row has a savepoint of its own (a batch applied again after a refusal).
    careful: bool = False

    def batch(self, rows: list[Request | RowError]) -> None:
        """Take ``rows`` in one savepoint; if a service refuses one, take them again, each
        in its own savepoint."""
        self.look_ahead(rows)
        self.in_savepoint(rows, self.take)

    def finish(self) -> None:
        """Apply the cancels that waited for the end of the file."""
        waiting = list(self.waiting.values())
        self.waiting.clear()
        self.in_savepoint(waiting, self.apply)

    def in_savepoint(self, rows: list[Any], step: Callable[[Any], None]) -> None:
        """``step`` each row in one savepoint; if a service refuses a row, roll them all
        back and ``step`` them again, each row in a savepoint of its own."""
        before = (dict(self.counts), len(self.rejected), set(self.seen), dict(self.waiting),
                  self.children.copy())
        try:
            with self.ctx.write() as unit:
                for row in rows:
                    step(row)
                unit.commit()
        except _Refused:
            counts, rejected, self.seen, self.waiting, self.children = before
            self.counts.update(counts)
            del self.rejected[rejected:]
            assert self.uow.rule_facts is not None
            self.uow.rule_facts.forget()  # some were read from what was rolled back
            self.careful = True
            try:
                for row in rows:
                    step(row)
            finally:
                self.careful = False
        self.let_go()

    def take(self, row: Request | RowError) -> None:
        if isinstance(row, RowError):
            self.rejected.append((row.line, row.reason))
        elif row.request_id in self.waiting or self.imported(row.request_id):
            self.counts[DUPLICATES] += 1
        elif (reason := self.refusal(row)) is not None:
            self.rejected.append((row.line, reason))
        elif row.type == "cancel" and not self.imported(row.text("target_request_id")):
            self.waiting[row.request_id] = row
        else:
            self.apply(row)

    def look_ahead(self, batch: list[Request | RowError]) -> None:
        """Find which of the next rows were imported before, their children, and what the
        rules read for their bookings, with one query for each."""
        requests = [row for row in batch if isinstance(row, Request)]
        self.asked = {row.request_id for row in requests}
        self.known = set(self.uow.session.scalars(_IMPORTED, {"ids": list(self.asked)}))
        self.children.look_up(requests)
        proposals = []
        for row in requests:
            facility = self.facilities.get(row.text("facility_code"))
            child = self.children.get(row) if row.type == "booking" and facility else None
            if child is not None:
                proposals.append(_proposal(row, facility, child))  # type: ignore[arg-type]
        assert self.uow.rule_facts is not None, "the import keeps its rule facts current"
        self.uow.rule_facts.prefetch(proposals)

    def let_go(self) -> None:
        """Write what the batch did and let go of its rows: a savepoint's rollback walks
        every row the session holds, so rows of earlier batches would slow every later one.
        The facilities stay (the run and the unit hold them)."""
        session = self.uow.session
        session.flush()
        for row in list(session.identity_map.values()):
            if not isinstance(row, models.Facility):
                session.expunge(row)

    def imported(self, request_id: str) -> bool:
        if request_id in self.seen:
            return True
        if request_id in self.asked:
            return request_id in self.known
        return find_item(self.uow, request_id) is not None

    def refusal(self, row: Request) -> str | None:
        """Why a well-formed row cannot be imported at all, checked without a savepoint."""
        if row.received_at is not None and row.received_at.date() > self.uow.today:
            return messages.import_row_reason("future_received_at", value=row.text("received_at"))
        code = row.text("facility_code")
        if code and code not in self.facilities:
            return messages.import_row_reason("unknown_facility", column="facility_code", value=code)
        return None

    def apply(self, row: Request) -> None:
        facility = self.facilities.get(row.text("facility_code"))
        if not self.careful:
            assert self.ctx.current_unit is not None
            try:
                outcome = apply_request(self.ctx, self.ctx.current_unit, row, facility, self.children)
            except REFUSALS as refusal:
                raise _Refused from refusal
            self.seen.add(row.request_id)
            self.counts[outcome] += 1
            return
        try:
            with self.ctx.write() as unit:
                outcome = apply_request(self.ctx, unit, row, facility, self.children)
                unit.commit()
        except REFUSALS as refusal:
            text = refusal.message() if isinstance(refusal, errors.HoikuDeskError) else str(refusal)
            self.rejected.append((row.line, text))
            self.children.forget(row)  # a child it registered was rolled back with it
            return
        self.seen.add(row.request_id)
        self.counts[outcome] += 1


_IMPORTED = select(models.QueueItem.request_id).where(
    models.QueueItem.request_id.in_(bindparam("ids", expanding=True)))


def find_item(uow: UnitOfWork, request_id: str) -> models.QueueItem | None:
    """The queue item of the request ``request_id``, if it was imported."""
    with uow.session.no_autoflush:  # request ids never change: nothing to write first
        found = uow.session.scalar(select(models.QueueItem).where(models.QueueItem.request_id == request_id))
    return found or next(iter(uow.added(models.QueueItem, request_id=request_id)), None)


def apply_request(
    ctx: Context, uow: UnitOfWork, req: Request, facility: models.Facility | None, children: _Children
) -> str:
    """Do what the request's type does at import at ``facility`` (the row's facility code;
    None only for a cancel without one), finding its child among ``children``;
    ``accepted`` or ``cancelled``."""
    if req.type == "cancel":
        return _cancel(ctx, uow, req, facility)
    assert facility is not None, "every other type requires a facility code"
    return _HANDLERS[req.type](ctx, uow, req, facility, children)


class _Children:
    """The children the rows name, matched on (normalised kana, birth date) as
    :func:`children.find_duplicate` matches them: looked up for all the rows read ahead at
    once, joined by the children rows of this file register (a key not looked up yet is
    asked alone)."""

    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow
        self._found: dict[tuple[str, date], ChildRef | None] = {}

    def look_up(self, rows: list[Request]) -> None:
        wanted = {key for row in rows if (key := _child_key(row)) and key not in self._found}
        kana_keys = list({kana for kana, _ in wanted})
        self._found.update(dict.fromkeys(wanted))
        for batch in batched(kana_keys, LOOKAHEAD):
            for id_, name, kana, born in self.uow.session.execute(_CHILDREN, {"kana": batch}):
                if (kana, born) in wanted:
                    self._found[(kana, born)] = ChildRef(id_, name)

    def copy(self) -> _Children:
        twin = _Children(self.uow)
        twin._found = dict(self._found)
        return twin

    def get(self, req: Request) -> ChildRef | None:
        key = _child_key(req)
        assert key is not None and req.birth_date is not None
        if key not in self._found:
            self._found[key] = find_duplicate(self.uow, req.text("child_kana"), req.birth_date)
        return self._found[key]

    def add(self, req: Request, child: models.Child) -> None:
        key = _child_key(req)
        assert key is not None
        self._found[key] = ChildRef(child.id, child.name)

    def forget(self, req: Request) -> None:
        if (key := _child_key(req)) is not None:
            self._found.pop(key, None)


_CHILDREN = select(models.Child.id, models.Child.name, models.Child.kana_key, models.Child.birth_date).where(
    models.Child.kana_key.in_(bindparam("kana", expanding=True)))


def _child_key(req: Request) -> tuple[str, date] | None:
    kana = normalize(req.text("child_kana"))
    return (kana, req.birth_date) if kana and req.birth_date is not None else None


def _proposal(req: Request, facility: models.Facility, child: ChildRef) -> booking_rules.Proposal:
    assert req.day is not None and req.start is not None and req.end is not None
    return booking_rules.Proposal(facility_id=facility.id, child_id=child.id, day=req.day,
                                  start=req.start, end=req.end, source=SOURCE)


# -- helpers -------------------------------------------------------------------------------


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
def _registration(
    ctx: Context, uow: UnitOfWork, req: Request, facility: models.Facility, children: _Children
) -> str:
    child: ChildRef | models.Child | None = children.get(req)
    existing = None
    if child is None:
        child = create_child(
            uow, name=req.text("child_name"), kana=req.text("child_kana"), birth_date=req.birth_date,
            sex=req.sex, guardian_name=req.text("guardian_name"), guardian_kana=req.text("guardian_kana"),
            phone=req.text("phone"), postal_code=req.text("postal_code"), address=req.text("address"),
        )
        children.add(req, child)
    else:  # a new child has no registration yet
        existing = current_registration(uow, child.id, facility.id)
    request = _request(req)
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


def _interview(
    ctx: Context, uow: UnitOfWork, req: Request, facility: models.Facility, children: _Children
) -> str:
    child = children.get(req)
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


def _booking(
    ctx: Context, uow: UnitOfWork, req: Request, facility: models.Facility, children: _Children
) -> str:
    child = children.get(req)
    assert req.day is not None and req.start is not None and req.end is not None
    if child is None:
        refusal = errors.RegistrationRequired(
            child_name=req.text("child_name") or req.text("child_kana"), facility_name=facility.name,
            day=req.day)
        _queue(uow, req, "booking", facility_id=facility.id,
               request=_request(req, problems=[refusal.message()]))
        return ACCEPTED
    try:
        # Every rule is judged before anything is written: a refusal has nothing to undo.
        booked = place_flexible(
            uow, facility.id, child.id, req.day, req.start, req.end, source=SOURCE,
            pickup=req.pickup, comment=req.text("comment"), request_id=req.request_id,
            received_at=req.received_at,
        )
    except errors.BookingError:
        # Holds nothing; its problems are computed live from the stored request.
        _queue(uow, req, "booking", facility_id=facility.id, child_id=child.id, request=_request(req))
        return ACCEPTED
    if booked.status != "pending":
        # Confirmed at once (a channel with live inventory): keep the request id all the same.
        item = _queue(uow, req, "booking", facility_id=facility.id, child_id=child.id,
                      booking_id=booked.id, status="approved", decided_at=uow.now,
                      request=_request(req))
        decisions.record(uow, item, "approved", booking=booked)
    return ACCEPTED


def _regular(
    ctx: Context, uow: UnitOfWork, req: Request, facility: models.Facility, children: _Children
) -> str:
    child = children.get(req)
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


def _cancel(ctx: Context, uow: UnitOfWork, req: Request, facility: models.Facility | None) -> str:
    target_id = req.text("target_request_id")
    # Judged when the parent acted, which cannot be later than now (the file is here).
    at = min(req.received_at or uow.now, uow.now)
    request = _request(req, target_request_id=target_id, cancel_reason=req.cancel_reason,
                       detail=req.text("comment"), label=f"キャンセル（{target_id}）")
    target = find_item(uow, target_id)
    booking = uow.get(models.Booking, target.booking_id) if target and target.booking_id else None
    if booking is not None:
        try:
            # Judged before anything is written, so a refusal has nothing to roll back;
            # cancellations.apply judges it again.
            cancellations.outcome(uow, booking, req.cancel_reason, at)
        except errors.BookingError as refusal:
            problems = [refusal.message()]
        else:
            outcome = cancellations.apply(uow, booking, req.cancel_reason, req.text("comment"), at)
            request.update(late=outcome.late, fee_yen=outcome.fee_yen)
            item = _applied(uow, req, booking.facility_id, booking.child_id, request,
                            booking_id=booking.id)
            decisions.record(uow, item, "cancelled", booking=booking, reason=req.cancel_reason,
                             outcome=outcome)
            return CANCELLED
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


_HANDLERS = {"registration": _registration, "interview": _interview, "booking": _booking, "regular": _regular}
