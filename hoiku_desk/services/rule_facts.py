"""What the nine booking rules read, loaded in bulk.

The rules (:mod:`booking_rules`) never query the database themselves: they read a
:class:`RuleFacts`.  Asked about something it has not loaded, it loads just that (one
booking's check costs a handful of indexed queries); :meth:`RuleFacts.prefetch` loads every
kind of fact for many proposals at once, one query per kind — the whole approval queue is
judged from a dozen queries, not a dozen per item.

Facts are read inside the caller's unit of work, so they see its own uncommitted changes up
to the moment they are loaded; a unit that changes bookings after loading asks for fresh
facts.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, time, timedelta
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import Result, Select, bindparam, select

from hoiku_desk import models
from hoiku_desk.services import errors
from hoiku_desk.services.capacity import (
    CapacityTable,
    Occupant,
    occupants,
    overlapped_slots,
    slot_counts,
)
from hoiku_desk.services.rules import FacilityRules
from hoiku_desk.services.schedule import DayStatus, Schedule
from hoiku_desk.services.uow import UnitOfWork

if TYPE_CHECKING:
    from hoiku_desk.services.booking_rules import Proposal

#: Ids per ``IN (…)`` list: well under every engine's limit on bound parameters.
CHUNK = 500

T = TypeVar("T")


@dataclass(frozen=True)
class ChildFacts:
    name: str
    birth_date: date


@dataclass(frozen=True)
class ChildBooking:
    """An occupying booking of a child, as rules 7–9 see it."""

    id: str
    facility_id: str
    kind: str
    status: str
    day: date
    start: time
    end: time
    number: str


@dataclass(frozen=True)
class Charged:
    """Minutes a charge counts against the quota (rule 9)."""

    facility_id: str
    day: date
    minutes: int


def month_bounds(day: date) -> tuple[date, date]:
    first = day.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return first, following - timedelta(days=1)


def chunks(values: Iterable[T]) -> Iterator[list[T]]:
    batch = list(values)
    for at in range(0, len(batch), CHUNK):
        yield batch[at:at + CHUNK]


_IDS = bindparam("ids", expanding=True)
_CHILDREN = select(models.Child.id, models.Child.name, models.Child.birth_date).where(
    models.Child.id.in_(_IDS))
_REGISTRATIONS = select(
    models.Registration.child_id, models.Registration.facility_id, models.Registration.valid_until
).where(models.Registration.child_id.in_(_IDS), models.Registration.status == "approved")
_BOOKINGS = (
    select(models.Booking.child_id, models.Booking.id, models.Booking.facility_id,
           models.Booking.kind, models.Booking.status, models.Booking.day, models.Booking.start,
           models.Booking.end, models.Booking.number)
    .where(models.Booking.child_id.in_(_IDS), models.Booking.day >= bindparam("first"),
           models.Booking.status.in_(models.OCCUPYING))
    .order_by(models.Booking.day, models.Booking.start)
)
_CHARGED = (
    select(models.Booking.child_id, models.Booking.facility_id, models.Charge.day,
           models.Charge.quota_minutes)
    .join(models.Booking, models.Booking.id == models.Charge.booking_id)
    .where(models.Booking.child_id.in_(_IDS), models.Charge.day >= bindparam("first"),
           models.Charge.quota_minutes > 0)
)


class RuleFacts:
    """Facts for proposals judged in one unit of work."""

    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow
        self._children: dict[str, ChildFacts] = {}
        self._registrations: dict[str, dict[str, list[date | None]]] = {}
        self._statuses: dict[tuple[str, date], DayStatus] = {}
        self._capacity: dict[str, CapacityTable] = {}
        self._occupants: dict[tuple[str, date], list[Occupant]] = {}
        self._counts: dict[tuple[str, date], Counter[int]] = {}
        self._overlapped: dict[tuple[str, time, time, time], list[time]] = {}
        #: A child's occupying bookings and quota charges from ``_since[child]`` on.
        self._since: dict[str, date] = {}
        self._bookings: dict[str, list[ChildBooking]] = {}
        self._charged: dict[str, list[Charged]] = {}
        self._quota_facilities: set[str] | None = None

    # -- loading ----------------------------------------------------------------------
    def prefetch(self, proposals: Sequence[Proposal]) -> None:
        """Load everything the rules read for ``proposals``, one query per kind of fact."""
        days: dict[str, list[date]] = defaultdict(list)
        since: dict[str, date] = {}
        for p in proposals:
            days[p.facility_id].append(p.day)
            first = self.since_for(p)
            since[p.child_id] = min(first, since.get(p.child_id, first))
        for facility_id, wanted in days.items():
            self._load_days(facility_id, min(wanted), max(wanted))
        self._load_children([c for c in since if c not in self._children])
        self._load_bookings({c: d for c, d in since.items() if self._since.get(c, date.max) > d})

    def since_for(self, p: Proposal) -> date:
        """The first day of a child's bookings the rules need for ``p``: rule 9 counts
        ``p``'s month, rule 8 every day from today on."""
        today = (p.now or self.uow.now).date()
        return min(today, month_bounds(p.day)[0])

    def _load_days(self, facility_id: str, first: date, last: date) -> None:
        _, rules = self.uow.facility(facility_id)
        schedule = Schedule(self.uow.session, facility_id, rules, first, last)
        day = first
        while day <= last:
            self._statuses[(facility_id, day)] = schedule.status(day)
            self._occupants[(facility_id, day)] = []
            self._counts.pop((facility_id, day), None)
            day += timedelta(days=1)
        for day, found in occupants(self.uow.session, facility_id, first, last).items():
            self._occupants[(facility_id, day)] = found

    def _load_children(self, child_ids: list[str]) -> None:
        for batch in chunks(child_ids):
            for child_id, name, birth_date in self._rows(_CHILDREN, {"ids": batch}):
                self._children[child_id] = ChildFacts(name, birth_date)
                self._registrations[child_id] = {}
            for child_id, facility_id, valid_until in self._rows(_REGISTRATIONS, {"ids": batch}):
                self._registrations[child_id].setdefault(facility_id, []).append(valid_until)

    def _load_bookings(self, since: dict[str, date]) -> None:
        if not since:
            return
        first = min(since.values())
        for child_id in since:
            self._since[child_id] = first
            self._bookings[child_id] = []
            self._charged[child_id] = []
        for batch in chunks(since):
            wanted = {"ids": batch, "first": first}
            for row in self._rows(_BOOKINGS, wanted):
                self._bookings[row[0]].append(ChildBooking(*row[1:]))
            for child_id, facility_id, day, minutes in self._rows(_CHARGED, wanted):
                self._charged[child_id].append(Charged(facility_id, day, minutes))

    def _rows(self, statement: Select[Any], params: dict[str, Any]) -> Result[Any]:
        """Rows of a column query, run on the unit's connection without the ORM's work
        per statement (after flushing what the unit changed, so that counts too)."""
        session = self.uow.session
        session.flush()
        return session.connection().execute(statement, params)

    # -- reading ----------------------------------------------------------------------
    def facility(self, facility_id: str) -> tuple[models.Facility, FacilityRules]:
        return self.uow.facility(facility_id)

    def child(self, child_id: str) -> ChildFacts:
        if child_id not in self._children:
            self._load_children([child_id])
        found = self._children.get(child_id)
        if found is None:
            raise errors.NotFound(entity="child", id=child_id)
        return found

    def valid_untils(self, child_id: str, facility_id: str) -> list[date | None]:
        """``valid_until`` of the child's approved registrations at the facility."""
        self.child(child_id)
        return self._registrations[child_id].get(facility_id, [])

    def status(self, facility_id: str, day: date) -> DayStatus:
        if (facility_id, day) not in self._statuses:
            self._load_days(facility_id, day, day)
        return self._statuses[(facility_id, day)]

    def capacity(self, facility_id: str) -> CapacityTable:
        table = self._capacity.get(facility_id)
        if table is None:
            _, rules = self.uow.facility(facility_id)
            table = self._capacity[facility_id] = CapacityTable(self.uow.session, facility_id, rules)
        return table

    def overlapped_slots(
        self, facility_id: str, start: time, end: time, closes_at: time
    ) -> list[time]:
        """:func:`capacity.overlapped_slots`, worked out once per facility and times."""
        key = (facility_id, start, end, closes_at)
        found = self._overlapped.get(key)
        if found is None:
            _, rules = self.uow.facility(facility_id)
            found = self._overlapped[key] = overlapped_slots(rules, start, end, closes_at)
        return found

    def slot_counts(self, facility_id: str, day: date, exclude: tuple[str, ...]) -> Counter[int]:
        """Children taking each slot of the day (by its start in minutes), ``exclude``d
        bookings left out."""
        key = (facility_id, day)
        if key not in self._occupants:
            self._load_days(facility_id, day, day)
        _, rules = self.uow.facility(facility_id)
        counts = self._counts.get(key)
        if counts is None:
            counts = self._counts[key] = slot_counts(rules, self._occupants[key])
        left_out = [o for o in self._occupants[key] if o.booking_id in exclude] if exclude else []
        return counts - slot_counts(rules, left_out) if left_out else counts

    def bookings(self, child_id: str, since: date) -> list[ChildBooking]:
        """The child's occupying bookings (every kind and facility) from ``since`` on."""
        self._ensure_since(child_id, since)
        return [b for b in self._bookings[child_id] if b.day >= since]

    def charged(self, child_id: str, first: date, last: date) -> list[Charged]:
        """Quota minutes charged to the child between ``first`` and ``last``."""
        self._ensure_since(child_id, first)
        return [c for c in self._charged[child_id] if first <= c.day <= last]

    def quota_facilities(self) -> set[str]:
        if self._quota_facilities is None:
            self._quota_facilities = self.uow.quota_facility_ids()
        return self._quota_facilities

    def _ensure_since(self, child_id: str, since: date) -> None:
        if self._since.get(child_id, date.max) > since:
            self._load_bookings({child_id: since})


__all__ = ["ChildBooking", "ChildFacts", "RuleFacts", "chunks", "month_bounds"]
