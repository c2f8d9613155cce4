"""``desk.bookings``: book, change, find, and the slot availability of a facility."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, time

from sqlalchemy import Select, bindparam, func, or_, select, tuple_
from sqlalchemy.orm import lazyload, load_only

from hoiku_desk import models
from hoiku_desk.models.booking import BOOKING_SOURCES
from hoiku_desk.services import booking_rules, convert, errors, policy, regular
from hoiku_desk.services.audit import snapshot
from hoiku_desk.services.booking_rows import insert_booking
from hoiku_desk.services.capacity import (
    CHILDCARE_KINDS,
    CapacityTable,
    day_slots,
    occupants,
    slot_counts,
)
from hoiku_desk.services.children import matching_ids
from hoiku_desk.services.clock import days, fiscal_year, minutes_between, to_minutes
from hoiku_desk.services.context import Context
from hoiku_desk.services.records import Booking, ChangeOutcome, Pickup, RegularPlan, SlotAvailability
from hoiku_desk.services.rules import FacilityRules
from hoiku_desk.services.schedule import Schedule
from hoiku_desk.services.uow import UnitOfWork

_CHILD_NAMES = select(models.Child.name, models.Child.kana).where(models.Child.id == bindparam("id"))
NUMBER_PATTERN = re.compile(r"^\s*(\d{4})-?(\d{2,})\s*$")


def check_source(source: str) -> None:
    if source not in BOOKING_SOURCES:
        raise errors.InvalidInput(field="source", value=source, reason="choice")


def initial_status(rules: FacilityRules, source: str) -> str:
    """Phone and walk-in bookings are confirmed at once when the rules say so; online ones
    only on channels with live inventory (``online_bookings_confirmed``)."""
    confirmed = (
        rules.phone_bookings_confirmed if source in ("phone", "walk_in")
        else rules.online_bookings_confirmed
    )
    return "confirmed" if confirmed else "pending"


def place_flexible(
    uow: UnitOfWork,
    facility_id: str,
    child_id: str,
    day: date,
    start: time,
    end: time,
    *,
    source: str,
    pickup: Pickup | None,
    comment: str,
    override: bool = False,
    status: str | None = None,
    request_id: str | None = None,
    received_at: object = None,
) -> models.Booking:
    """Check every rule and insert a flexible booking; a pending one joins the queue."""
    check_source(source)
    _, rules = uow.facility(facility_id)
    uow.lock_facility(facility_id)
    booking_rules.check(uow, booking_rules.Proposal(
        facility_id=facility_id, child_id=child_id, day=day, start=start, end=end,
        kind="flexible", source=source, override=override,
    ))
    row = insert_booking(
        uow, facility_id=facility_id, child_id=child_id, kind="flexible", day=day, start=start,
        end=end, status=status or initial_status(rules, source), source=source,
        hourly_fee_yen=rules.hourly_fee_yen, pickup=pickup, comment=comment, override=override,
    )
    if row.status == "pending":
        uow.session.add(models.QueueItem(
            kind="booking", facility_id=facility_id, child_id=child_id, booking_id=row.id,
            source=source, request_id=request_id, received_at=received_at or uow.now,
        ))
    return row


def uncovered_minutes(old: models.Booking, day: date, start: time, end: time) -> int:
    """Minutes of the old booking that new times on ``day`` no longer cover."""
    old_minutes = minutes_between(old.start, old.end)
    if day != old.day:
        return old_minutes
    overlap = min(to_minutes(old.end), to_minutes(end)) - max(to_minutes(old.start), to_minutes(start))
    return old_minutes - max(overlap, 0)


def late_part(uow: UnitOfWork, row: models.Booking, day: date, start: time, end: time) -> ChangeOutcome:
    """The policy outcome of moving ``row`` to new times now, at the booking's own rate."""
    _, rules = uow.facility(row.facility_id)
    lost = uncovered_minutes(row, day, start, end)
    charge = policy.charge(
        rules, day=row.day, at=uow.now, reason="other", minutes=lost,
        fee_yen=policy.fee_for(row.hourly_fee_yen, lost),
    )
    return ChangeOutcome(
        booking_id=row.id, late=charge.late, minutes=lost if charge.late else 0,
        fee_yen=charge.fee_yen if lost else 0, quota_minutes=charge.quota_minutes if lost else 0,
        deadline=charge.deadline,
        new_fee_yen=policy.fee_for(row.hourly_fee_yen, minutes_between(start, end)),
    )


class BookingService:
    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    def book(
        self,
        facility_id: str,
        child_id: str,
        day: date,
        start: time,
        end: time,
        *,
        source: str = "phone",
        pickup: Pickup | None = None,
        comment: str = "",
        override: bool = False,
    ) -> Booking:
        """A flexible booking, every rule checked inside the write transaction
        (``override=True``, booking beyond the rules, is for admins)."""
        with self._ctx.write() as uow:
            if override:
                uow.require_admin("override")
            row = place_flexible(
                uow, facility_id, child_id, day, start, end, source=source, pickup=pickup,
                comment=comment, override=override,
            )
            child = uow.session.execute(_CHILD_NAMES, {"id": child_id}).one()
            record = convert.booking(row, child)
            uow.commit()  # the record is made first: nothing is read after the commit
            return record

    def change(
        self,
        id: str,
        *,
        day: date | None = None,
        start: time | None = None,
        end: time | None = None,
        pickup: Pickup | None = None,
        comment: str | None = None,
    ) -> Booking:
        """Move or resize a booking, or change its pick-up person or comment; the number stays.

        New times pass every rule as a new booking would, its own places counting as free.
        After the cancellation deadline the old minutes the new times no longer cover are
        charged as a late cancellation at the booking's own rate.
        """
        with self._ctx.write() as uow:
            row = uow.get(models.Booking, id, "booking")
            before = snapshot(row)
            new_day, new_start, new_end = day or row.day, start or row.start, end or row.end
            moves = (new_day, new_start, new_end) != (row.day, row.start, row.end)
            if moves:
                self._move(uow, row, new_day, new_start, new_end)
            if pickup is not None or comment is not None:
                checked_out = row.status == "attended" and _checked_out(uow, row.id)
                if row.status not in (*models.ACTIVE, "attended") or checked_out:
                    raise errors.InvalidState(what="booking", status=row.status, action="change")
                if pickup is not None:
                    convert.set_pickup(row, pickup)
                if comment is not None:
                    row.comment = comment.strip()
            row.updated_at = uow.now
            uow.session.flush()
            uow.audit("booking.change", "booking", id, before, snapshot(row))
            uow.commit()
            return uow.bookings([id])[0]

    def preview_change(
        self, id: str, *, day: date | None = None, start: time | None = None, end: time | None = None
    ) -> ChangeOutcome:
        """What moving the booking to these times would charge now; nothing changes and the
        rules are not checked (``change`` checks them)."""
        with self._ctx.read() as uow:
            row = uow.get(models.Booking, id, "booking")
            return late_part(uow, row, day or row.day, start or row.start, end or row.end)

    def _move(self, uow: UnitOfWork, row: models.Booking, day: date, start: time, end: time) -> None:
        if row.status not in models.ACTIVE or row.kind == "interview":
            raise errors.InvalidState(what="booking", status=row.status, action="change")
        uow.lock_facility(row.facility_id)
        booking_rules.check(uow, booking_rules.Proposal(
            facility_id=row.facility_id, child_id=row.child_id, day=day, start=start, end=end,
            kind=row.kind, source=row.source, exclude=(row.id,),
        ))
        outcome = late_part(uow, row, day, start, end)
        if outcome.late and outcome.minutes:
            uow.session.add(models.Charge(
                booking_id=row.id, kind="change", reason="other", detail="予約変更",
                late=True, minutes=outcome.minutes, fee_yen=outcome.fee_yen,
                quota_minutes=outcome.quota_minutes, day=row.day,
                created_by=uow.staff_login, created_at=uow.now,
            ))
        row.day, row.start, row.end = day, start, end
        row.fee_yen = outcome.new_fee_yen

    def availability(
        self, facility_id: str, from_day: date, to_day: date
    ) -> dict[date, list[SlotAvailability]]:
        """Capacity, taken and remaining places per slot of each open day in the range."""
        with self._ctx.read() as uow:
            return availability(uow, facility_id, from_day, to_day)

    def get(self, id: str) -> Booking:
        with self._ctx.read() as uow:
            uow.get(models.Booking, id, "booking")
            return uow.bookings([id])[0]

    def by_number(self, facility_id: str, number: str) -> Booking:
        """The booking with that number in the current fiscal year, else the latest year's."""
        match = NUMBER_PATTERN.match(number)
        normalized = f"{match.group(1)}-{match.group(2)}" if match else number.strip()
        with self._ctx.read() as uow:
            rows = uow.session.scalars(
                select(models.Booking).where(
                    models.Booking.facility_id == facility_id, models.Booking.number == normalized
                ).order_by(models.Booking.fiscal_year.desc())
            ).all()
            if not rows:
                raise errors.NotFound(entity="booking", id=number)
            current = fiscal_year(uow.today)
            chosen = next((r for r in rows if r.fiscal_year == current), rows[0])
            return uow.bookings([chosen.id])[0]

    def search(
        self,
        facility_id: str,
        *,
        kinds: Iterable[str] | None = None,
        statuses: Iterable[str] | None = None,
        from_day: date | None = None,
        to_day: date | None = None,
        query: str | None = None,
        after: Booking | None = None,
        limit: int | None = None,
    ) -> list[Booking]:
        """Bookings by kind, status, dates and a child (name, kana, phone) or booking number,
        by day, start and number; a page of them with ``limit``, the next page ``after`` the
        last booking of the one before."""
        stmt = self._search_filter(facility_id, kinds, statuses, from_day, to_day, query)
        if stmt is None:
            return []
        order = (models.Booking.day, models.Booking.start, models.Booking.number)
        if after is not None:
            stmt = stmt.where(tuple_(*order) > (after.day, after.start, after.number))
        stmt = (stmt.add_columns(models.Child).join(models.Child, models.Child.id == models.Booking.child_id)
                .options(load_only(models.Child.name, models.Child.kana), lazyload("*")))
        with self._ctx.read() as uow:
            return [convert.booking(b, c) for b, c in uow.session.execute(stmt.order_by(*order).limit(limit))]

    def count(
        self,
        facility_id: str,
        *,
        kinds: Iterable[str] | None = None,
        statuses: Iterable[str] | None = None,
        from_day: date | None = None,
        to_day: date | None = None,
        query: str | None = None,
    ) -> int:
        """How many bookings :meth:`search` finds with the same filters."""
        stmt = self._search_filter(facility_id, kinds, statuses, from_day, to_day, query)
        if stmt is None:
            return 0
        with self._ctx.read() as uow:
            return uow.session.scalar(stmt.with_only_columns(func.count()).select_from(models.Booking)) or 0

    def children_per_day(self, facility_id: str, from_day: date, to_day: date) -> dict[date, int]:
        """How many different children hold a place (a pending, confirmed or attended
        flexible or regular booking) on each day of the range; days without any are absent."""
        stmt = select(models.Booking.day, func.count(models.Booking.child_id.distinct())).where(
            models.Booking.facility_id == facility_id,
            models.Booking.day.between(from_day, to_day),
            models.Booking.status.in_(models.OCCUPYING),
            models.Booking.kind.in_(CHILDCARE_KINDS),
        ).group_by(models.Booking.day)
        with self._ctx.read() as uow:
            return {day: n for day, n in uow.session.execute(stmt)}

    @staticmethod
    def _search_filter(
        facility_id: str,
        kinds: Iterable[str] | None,
        statuses: Iterable[str] | None,
        from_day: date | None,
        to_day: date | None,
        query: str | None,
    ) -> Select[tuple[models.Booking]] | None:
        """The bookings ``search`` and ``count`` find; None when the query can match nothing."""
        stmt = select(models.Booking).where(models.Booking.facility_id == facility_id)
        if kinds is not None:
            stmt = stmt.where(models.Booking.kind.in_(list(kinds)))
        if statuses is not None:
            stmt = stmt.where(models.Booking.status.in_(list(statuses)))
        if from_day is not None:
            stmt = stmt.where(models.Booking.day >= from_day)
        if to_day is not None:
            stmt = stmt.where(models.Booking.day <= to_day)
        if query and query.strip():
            children = matching_ids(query)
            match = NUMBER_PATTERN.match(query)
            conditions = []
            if children is not None:
                conditions.append(models.Booking.child_id.in_(children))
            if match:
                conditions.append(models.Booking.number == f"{match.group(1)}-{match.group(2)}")
            if not conditions:
                return None
            stmt = stmt.where(or_(*conditions))
        return stmt

    def held_days(self, facility_id: str, child_id: str) -> list[date]:
        """Days the child holds flexible bookings at the facility that have not yet ended
        (what rule 8 counts), in order."""
        with self._ctx.read() as uow:
            return sorted(booking_rules.held_days(
                uow=uow, child_id=child_id, facility_id=facility_id, now=uow.now))

    def quota_used(self, child_id: str, day: date) -> int:
        """Minutes of ``day``'s month that count against a monthly quota (what rule 9
        counts): bookings and charged late cancellations at every facility with a quota."""
        with self._ctx.read() as uow:
            return booking_rules.used_quota_minutes(uow, child_id, day)

    def request_regular(
        self,
        facility_id: str,
        child_id: str,
        weekdays: Iterable[int],
        start: time,
        end: time,
        first_day: date,
        last_day: date,
        *,
        source: str = "phone",
        pickup: Pickup | None = None,
        comment: str = "",
    ) -> RegularPlan:
        """A 定期利用 plan; it waits in the approval queue (approval books each open day)."""
        check_source(source)
        with self._ctx.write() as uow:
            plan = regular.request(
                uow, facility_id, child_id, weekdays, start, end, first_day, last_day,
                source=source, pickup=pickup, comment=comment,
            )
            uow.commit()
            return convert.plan(plan)


def availability(
    uow: UnitOfWork, facility_id: str, from_day: date, to_day: date
) -> dict[date, list[SlotAvailability]]:
    _, rules = uow.facility(facility_id)
    schedule = Schedule(uow.session, facility_id, rules, from_day, to_day)
    table = CapacityTable(uow.session, facility_id, rules)
    booked = occupants(uow.session, facility_id, from_day, to_day)
    out: dict[date, list[SlotAvailability]] = {}
    for day in days(from_day, to_day):
        status = schedule.status(day)
        if not status.open:
            continue
        slots = []
        counts = slot_counts(rules, booked.get(day, ()))
        for slot in day_slots(status, rules):
            capacity = table.capacity(day, slot)
            count = counts[to_minutes(slot)]
            slots.append(SlotAvailability(slot, capacity, count, max(capacity - count, 0)))
        out[day] = slots
    return out


def _checked_out(uow: UnitOfWork, booking_id: str) -> bool:
    mark = uow.session.get(models.AttendanceMark, booking_id)
    return mark is not None and mark.checked_out_at is not None
