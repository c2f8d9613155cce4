"""The nine booking rules of SPEC.md ("Booking rules"), each its own check.

A :class:`Proposal` is a booking as it would be after the operation (a new one, a change,
an approval); the booking itself, when it exists, is excluded from every count so its own
places count as free.  :func:`check` raises the first refusal in rule order;
:func:`problems` collects every refusal for the approval queue.  The rules read what they
judge from :class:`rule_facts.RuleFacts`, never from the database directly.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select

from hoiku_desk import models
from hoiku_desk.services import errors
from hoiku_desk.services.capacity import (
    CHILDCARE_KINDS,
    on_boundary,
    slot_of,
)
from hoiku_desk.services.clock import add_minutes, age_months, age_text, minutes_between, to_minutes
from hoiku_desk.services.rule_facts import RuleFacts, month_bounds
from hoiku_desk.services.uow import UnitOfWork

PHONE_SOURCES = ("phone", "walk_in")


@dataclass(frozen=True)
class Proposal:
    facility_id: str
    child_id: str
    day: date
    start: time
    end: time
    kind: str = "flexible"
    source: str = "phone"
    override: bool = False
    exclude: tuple[str, ...] = ()
    interview_slot_id: str | None = None
    now: datetime | None = field(default=None)  # judge "now" at another moment (imports)


class _Checker:
    def __init__(self, facts: RuleFacts, proposal: Proposal) -> None:
        self.facts = facts
        self.p = proposal
        self.facility, self.rules = facts.facility(proposal.facility_id)
        self.child = facts.child(proposal.child_id)
        self.now = proposal.now or facts.uow.now
        self._status = facts.status(proposal.facility_id, proposal.day)

    @property
    def _rules_for_kind(self) -> list[Callable[[], None]]:
        kind, p = self.p.kind, self.p
        checks: list[Callable[[], None]] = []
        if kind != "interview":
            checks += [self.registration, self.age]
        if not (kind == "regular" or p.override):
            checks.append(self.window)
        checks.append(self.open_hours)
        if kind != "interview":
            checks.append(self.time_range)
        checks += [self.room, self.overlap]
        if kind == "flexible" and not p.override and self._limits_apply:
            checks.append(self.hold_limit)
        if kind != "interview" and not p.override:
            checks.append(self.quota)
        return checks

    @property
    def _limits_apply(self) -> bool:
        return self.rules.window_and_hold_apply_to_phone or self.p.source not in PHONE_SOURCES

    # -- rule 1 -------------------------------------------------------------------------
    def registration(self) -> None:
        valid_untils = self.facts.valid_untils(self.p.child_id, self.p.facility_id)
        if any(until is not None and until >= self.p.day for until in valid_untils):
            return
        data = dict(child_name=self.child.name, facility_name=self.facility.name, day=self.p.day)
        if valid_untils:
            latest = max(until for until in valid_untils if until is not None)
            raise errors.RegistrationExpired(valid_until=latest, **data)
        raise errors.RegistrationRequired(**data)

    # -- rule 2 -------------------------------------------------------------------------
    def age(self) -> None:
        low, high = self.rules.min_age_months, self.rules.max_age_months
        months = age_months(self.child.birth_date, self.p.day)
        if (low is not None and months < low) or (high is not None and months > high):
            raise errors.AgeNotEligible(
                child_name=self.child.name, age=age_text(self.child.birth_date, self.p.day),
                age_months=months, min_months=low, max_months=high, day=self.p.day,
            )

    # -- rule 3 -------------------------------------------------------------------------
    def window(self) -> None:
        today = self.now.date()
        last = today + timedelta(days=self.rules.booking_horizon_days)
        data = dict(day=self.p.day, first_day=today, last_day=last, start=self.p.start)
        if self.p.day < today:
            raise errors.OutsideBookingWindow(reason="past", **data)
        if self.p.day > last and self._limits_apply:
            raise errors.OutsideBookingWindow(reason="horizon", **data)
        earliest = self.now
        if self.p.source == "walk_in":  # may join the slot now running
            earliest = min(self.now, datetime.combine(today, slot_of(self.rules, self.now.time())))
        if datetime.combine(self.p.day, self.p.start) < earliest:
            raise errors.OutsideBookingWindow(reason="started", **data)

    # -- rule 4 -------------------------------------------------------------------------
    def open_hours(self) -> None:
        status = self._status
        if not status.open:
            raise errors.FacilityClosed(
                day=self.p.day, reason=status.reason, holiday_name=status.holiday_name,
                closure_reason=status.closure_reason,
            )
        assert status.closes_at is not None
        if self.p.start < self.rules.open_time or self.p.end > status.closes_at:
            early_closure = status.closes_at < self.rules.close_time
            reason = "closure" if early_closure and self.p.start >= self.rules.open_time else "hours"
            raise errors.FacilityClosed(
                day=self.p.day, reason=reason, open_time=self.rules.open_time,
                close_time=status.closes_at, closure_reason=status.closure_reason,
            )

    # -- rule 5 -------------------------------------------------------------------------
    def time_range(self) -> None:
        data = dict(start=self.p.start, end=self.p.end, slot_minutes=self.rules.slot_minutes,
                    min_minutes=self.rules.min_booking_minutes)
        if self.p.end <= self.p.start:
            raise errors.InvalidTimeRange(reason="order", **data)
        if not (on_boundary(self.rules, self.p.start) and on_boundary(self.rules, self.p.end)):
            raise errors.InvalidTimeRange(reason="boundary", **data)
        if not self.p.override and minutes_between(self.p.start, self.p.end) < self.rules.min_booking_minutes:
            raise errors.InvalidTimeRange(reason="too_short", **data)

    # -- rule 6 -------------------------------------------------------------------------
    def room(self) -> None:
        if self.p.kind == "interview":
            self._interview_room()
            return
        status = self._status
        if not status.open or status.closes_at is None or self.p.end <= self.p.start:
            return  # rules 4 and 5 already refuse it
        table = self.facts.capacity(self.p.facility_id)
        counts = self.facts.slot_counts(self.p.facility_id, self.p.day, self.p.exclude)
        for slot in self.facts.overlapped_slots(self.p.facility_id, self.p.start, self.p.end,
                                                status.closes_at):
            capacity = table.capacity(self.p.day, slot)
            count = counts[to_minutes(slot)]
            if count >= capacity:
                raise errors.SlotFull(
                    day=self.p.day, slot_start=slot,
                    slot_end=add_minutes(slot, self.rules.slot_minutes),
                    capacity=capacity, taken=count,
                )

    def _interview_room(self) -> None:
        uow = self.facts.uow
        slot = uow.get(models.InterviewSlot, self.p.interview_slot_id or "", "interview_slot")
        query = select(func.count()).where(
            models.Booking.interview_slot_id == slot.id,
            models.Booking.status.in_(models.OCCUPYING),
        )
        if self.p.exclude:
            query = query.where(models.Booking.id.not_in(self.p.exclude))
        count = uow.session.scalar(query) or 0
        if count >= slot.capacity:
            raise errors.SlotFull(
                day=slot.day, slot_start=slot.start, slot_end=slot.end,
                capacity=slot.capacity, taken=count, interview=True,
            )

    # -- rule 7 -------------------------------------------------------------------------
    def overlap(self) -> None:
        p = self.p
        other = next((
            b for b in self.facts.bookings(p.child_id, p.day)
            if b.day == p.day and b.start < p.end and b.end > p.start and b.id not in p.exclude
        ), None)
        if other is not None:
            facility, _ = self.facts.facility(other.facility_id)
            raise errors.OverlappingBooking(
                child_name=self.child.name, day=other.day, start=other.start, end=other.end,
                number=other.number, facility_name=facility.name,
            )

    # -- rule 8 -------------------------------------------------------------------------
    def hold_limit(self) -> None:
        held = _held(self.facts, self.p.child_id, self.p.facility_id, self.now, self.p.exclude)
        if len(held | {self.p.day}) > self.rules.max_held_days:
            raise errors.HoldLimitReached(
                child_name=self.child.name, max_days=self.rules.max_held_days,
                held_days=sorted(held),
            )

    # -- rule 9 -------------------------------------------------------------------------
    def quota(self) -> None:
        quota = self.rules.monthly_quota_minutes
        if quota is None:
            return
        used = _used_quota(self.facts, self.p.child_id, self.p.day, self.p.exclude)
        requested = minutes_between(self.p.start, self.p.end)
        if used + requested > quota:
            raise errors.QuotaExceeded(
                child_name=self.child.name, month=f"{self.p.day:%Y-%m}", quota_minutes=quota,
                used_minutes=used, requested_minutes=requested,
            )


def _held(
    facts: RuleFacts, child_id: str, facility_id: str, now: datetime, exclude: tuple[str, ...]
) -> set[date]:
    return {
        b.day for b in facts.bookings(child_id, now.date())
        if b.facility_id == facility_id and b.kind == "flexible" and b.status in models.ACTIVE
        and datetime.combine(b.day, b.end) > now and b.id not in exclude
    }


def _used_quota(facts: RuleFacts, child_id: str, day: date, exclude: tuple[str, ...]) -> int:
    facilities = facts.quota_facilities()
    if not facilities:
        return 0
    first, last = month_bounds(day)
    booked = sum(
        minutes_between(b.start, b.end) for b in facts.bookings(child_id, first)
        if b.day <= last and b.facility_id in facilities and b.kind in CHILDCARE_KINDS
        and b.id not in exclude
    )
    charged = sum(c.minutes for c in facts.charged(child_id, first, last)
                  if c.facility_id in facilities)
    return booked + charged


def held_days(
    *, uow: UnitOfWork, child_id: str, facility_id: str, now: datetime, exclude: tuple[str, ...] = ()
) -> set[date]:
    """Days on which the child holds an active flexible booking at the facility that has not
    yet ended (rule 8)."""
    return _held(RuleFacts(uow), child_id, facility_id, now, exclude)


def used_quota_minutes(
    uow: UnitOfWork, child_id: str, day: date, *, exclude: tuple[str, ...] = ()
) -> int:
    """Minutes of ``day``'s month that count against the quota (rule 9), at every facility
    whose rules set a quota: active and attended flexible and regular bookings, plus the
    charged late-cancelled and no-show minutes recorded with their policy outcome."""
    return _used_quota(RuleFacts(uow), child_id, day, exclude)


def check(uow: UnitOfWork, proposal: Proposal) -> None:
    """Raise the first refusal, in the order of the rules."""
    facts = uow.rule_facts or RuleFacts(uow)
    facts.prefetch([proposal])
    checker = _Checker(facts, proposal)
    for rule in checker._rules_for_kind:
        rule()


def problems(facts: RuleFacts, proposal: Proposal) -> list[errors.BookingError]:
    """Every refusal the proposal meets now (empty when it can be booked as is), judged
    from ``facts`` (prefetched for a batch of proposals)."""
    checker = _Checker(facts, proposal)
    found: list[errors.BookingError] = []
    for rule in checker._rules_for_kind:
        try:
            rule()
        except errors.BookingError as refusal:
            found.append(refusal)
    return found


__all__ = ["Proposal", "check", "held_days", "problems", "used_quota_minutes"]
