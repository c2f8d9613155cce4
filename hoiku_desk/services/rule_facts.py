"""What the nine booking rules read, loaded in bulk.

The rules (:mod:`booking_rules`) never query the database themselves: they read a
:class:`RuleFacts`.  Asked about something it has not loaded, it loads just that (one
booking's check costs a handful of indexed queries); :meth:`RuleFacts.prefetch` loads every
kind of fact for many proposals at once, one query per kind — the whole approval queue is
judged from a dozen queries, not a dozen per item.

Facts are read inside the caller's unit of work, so they see its own uncommitted changes up
to the moment they are loaded.  Facts that live longer than one check (:func:`kept_current`,
for an import) follow what the unit writes after that.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import date, time, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import Result, Select, bindparam, event, inspect, select
from sqlalchemy.orm import Session

from hoiku_desk import models
from hoiku_desk.services import errors
from hoiku_desk.services.batches import batched
from hoiku_desk.services.capacity import (
    CHILDCARE_KINDS,
    CapacityTable,
    Occupant,
    occupants,
    overlapped_slots,
    slot_counts,
)
from hoiku_desk.services.clock import days
from hoiku_desk.services.rules import FacilityRules
from hoiku_desk.services.schedule import DayStatus, Schedule
from hoiku_desk.services.uow import UnitOfWork

if TYPE_CHECKING:
    from hoiku_desk.services.booking_rules import Proposal

#: Ids per ``IN (…)`` list: well under every engine's limit on bound parameters.
CHUNK = 500


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


#: What facts are read from (see :meth:`RuleFacts._after_flush`): pending rows of other
#: kinds need no flush before facts are loaded.
_READ_FROM = (models.Booking, models.Charge, models.Child, models.Registration, models.Closure,
              models.OpenedDay, models.CapacitySetting, models.Facility)


class RuleFacts:
    """Facts for proposals judged in one unit of work."""

    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow
        self.forget()

    def forget(self) -> None:
        """Forget every fact, each read again when next needed (the unit rolled back more
        than one savepoint's bookings)."""
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
        #: Bookings added to the facts, in order (see :meth:`roll_back_to`).
        self._added: list[models.Booking] = []
        #: Rows of the kinds facts are read from that the unit added since :meth:`_catch_up`,
        #: and those followed before they were written, by id (held, so ids stay theirs);
        #: of the bookings among them, what the facts took (see :func:`_taken`).
        self._arrived: list[Any] = []
        self._followed: dict[int, Any] = {}
        self._taken: dict[int, tuple[models.Booking, tuple[Any, ...]]] = {}

    # -- loading ----------------------------------------------------------------------
    def prefetch(self, proposals: Sequence[Proposal]) -> None:
        """Load everything the rules read for ``proposals`` that is not loaded yet, one
        query per kind of fact."""
        self._catch_up()
        days: dict[str, list[date]] = defaultdict(list)
        since: dict[str, date] = {}
        occupied: dict[str, list[date]] = defaultdict(list)
        for p in proposals:
            if (p.facility_id, p.day) not in self._statuses:
                days[p.facility_id].append(p.day)
            if (p.facility_id, p.day) not in self._occupants:
                occupied[p.facility_id].append(p.day)
            first = self.since_for(p)
            since[p.child_id] = min(first, since.get(p.child_id, first))
        for facility_id, wanted in days.items():
            self._load_days(facility_id, min(wanted), max(wanted))
        for facility_id, wanted in occupied.items():
            self._load_occupants(facility_id, min(wanted), max(wanted))
        self._load_children([c for c in since if c not in self._children])
        self._load_bookings({c: d for c, d in since.items() if self._since.get(c, date.max) > d})

    def since_for(self, p: Proposal) -> date:
        """The first day of a child's bookings the rules need for ``p``: rule 9 counts
        ``p``'s month, rule 8 every day from today on."""
        today = (p.now or self.uow.now).date()
        return min(today, month_bounds(p.day)[0])

    def _loading(self) -> AbstractContextManager[None]:
        """Loads read the database after the unit's changes to what facts are read from are
        written (so :meth:`_after_flush` runs before a load, never in the middle of one),
        and write nothing else."""
        return self.uow.reading(*_READ_FROM)

    def _load_days(self, facility_id: str, first: date, last: date) -> None:
        _, rules = self.uow.facility(facility_id)
        with self._loading():
            schedule = Schedule(self.uow.session, facility_id, rules, first, last)
        for day in days(first, last):
            self._statuses[(facility_id, day)] = schedule.status(day)

    def _load_occupants(self, facility_id: str, first: date, last: date) -> None:
        with self._loading():
            for day in days(first, last):
                self._occupants[(facility_id, day)] = []
                self._counts.pop((facility_id, day), None)
            for day, found in occupants(self.uow.session, facility_id, first, last).items():
                self._occupants[(facility_id, day)] = found

    def _load_children(self, child_ids: list[str]) -> None:
        if not child_ids:
            return
        with self._loading():
            for batch in batched(child_ids, CHUNK):
                for child_id, name, birth_date in self._rows(_CHILDREN, {"ids": batch}):
                    self._children[child_id] = ChildFacts(name, birth_date)
                    self._registrations[child_id] = {}
                for child_id, facility_id, valid_until in self._rows(_REGISTRATIONS, {"ids": batch}):
                    self._registrations[child_id].setdefault(facility_id, []).append(valid_until)

    def _load_bookings(self, since: dict[str, date]) -> None:
        if not since:
            return
        with self._loading():
            first = min(since.values())
            for child_id in since:
                self._since[child_id] = first
                self._bookings[child_id] = []
                self._charged[child_id] = []
            for batch in batched(since, CHUNK):
                wanted = {"ids": batch, "first": first}
                for row in self._rows(_BOOKINGS, wanted):
                    self._bookings[row[0]].append(ChildBooking(*row[1:]))
                for child_id, facility_id, day, minutes in self._rows(_CHARGED, wanted):
                    self._charged[child_id].append(Charged(facility_id, day, minutes))

    def _rows(self, statement: Select[Any], params: dict[str, Any]) -> Result[Any]:
        """Rows of a column query, run on the unit's connection without the ORM's work
        per statement (inside :meth:`_loading`)."""
        return self.uow.session.connection().execute(statement, params)

    # -- kept current -----------------------------------------------------------------
    def _arrive(self, _: Session, row: Any) -> None:
        if isinstance(row, _READ_FROM):
            self._arrived.append(row)

    def _catch_up(self) -> None:
        """Follow what the unit wrote since the facts last looked, before it is written (a
        flush per import row would cost more than the rows): rows added since, and rows
        changed or deleted (followed again after the flush, which forgets nothing more)."""
        for key, (row, taken) in list(self._taken.items()):
            if _taken(row) != taken:  # changed before it was written
                self._forget_place(taken[0], taken[1])
                self._forget_booking(row)
                self._taken[key] = (row, _taken(row))
        arrived, self._arrived = self._arrived, []
        for row in arrived:
            if inspect(row).pending:  # neither written nor rolled back meanwhile
                self._followed[id(row)] = row
                if isinstance(row, models.Booking):
                    self._taken[id(row)] = (row, _taken(row))
                self._follow(row, new=True)
        session = self.uow.session
        for row in (*session.dirty, *session.deleted):
            self._follow(row, new=False)

    def _after_flush(self, session: Session, _: object) -> None:
        """Keep the facts true after the unit wrote: a new booking is added to them, and
        the facts anything else written may have changed are forgotten (read again when
        next needed)."""
        for row in session.new:
            if id(row) not in self._followed:
                self._follow(row, new=True)
        self._followed.clear()
        self._taken.clear()
        for row in (*session.dirty, *session.deleted):
            self._follow(row, new=False)

    def _follow(self, row: Any, *, new: bool) -> None:
        if isinstance(row, models.Booking):
            if new:
                self._add(row)
            else:
                self._forget_booking(row)
        elif isinstance(row, models.Charge):
            booking = self.uow.held(models.Booking, row.booking_id)
            if booking is None:
                self._since.clear()
            else:
                self._forget_child(booking.child_id)
        elif isinstance(row, (models.Child, models.Registration)):
            self._forget_child(row.id if isinstance(row, models.Child) else row.child_id)
        elif isinstance(row, (models.Closure, models.OpenedDay, models.CapacitySetting, models.Facility)):
            self._forget_facilities()

    def _add(self, row: models.Booking) -> None:
        if row.status not in models.OCCUPYING:
            return
        place = (row.facility_id, row.day)
        if place in self._occupants and row.kind in CHILDCARE_KINDS:
            self._occupants[place].append(Occupant(row.id, row.start, row.end, row.created_at))
            self._counts.pop(place, None)
        if row.child_id in self._since:
            self._bookings[row.child_id].append(ChildBooking(
                row.id, row.facility_id, row.kind, row.status, row.day, row.start, row.end,
                row.number))
        self._added.append(row)

    def mark(self) -> int:
        """Where a savepoint starts, for :meth:`roll_back_to`."""
        return len(self._added)

    def roll_back_to(self, mark: int) -> None:
        """Forget the bookings added since ``mark``: their savepoint was rolled back."""
        for row in self._added[mark:]:
            self._forget_booking(row)
        del self._added[mark:]

    def _forget_booking(self, row: models.Booking) -> None:
        for facility_id, day in _places(row):
            self._forget_place(facility_id, day)
        self._forget_child(row.child_id)

    def _forget_place(self, facility_id: str, day: date) -> None:
        self._occupants.pop((facility_id, day), None)
        self._counts.pop((facility_id, day), None)

    def _forget_child(self, child_id: str) -> None:
        self._children.pop(child_id, None)
        self._since.pop(child_id, None)

    def _forget_facilities(self) -> None:
        self._statuses.clear()
        self._capacity.clear()
        self._overlapped.clear()
        self._quota_facilities = None

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
            with self._loading():
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
            self._load_occupants(facility_id, day, day)
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


def _taken(row: models.Booking) -> tuple[Any, ...]:
    """What the facts take from a booking: where and when (first), whose, and whether it
    occupies its place."""
    return (row.facility_id, row.day, row.start, row.end, row.child_id, row.kind, row.status)


def _places(row: models.Booking) -> set[tuple[str, date]]:
    """The facility days a booking occupies now and occupied before this flush."""
    state = inspect(row)
    facilities = {row.facility_id, *state.attrs.facility_id.history.deleted}
    days = {row.day, *state.attrs.day.history.deleted}
    return {(f, d) for f in facilities for d in days}


@contextmanager
def kept_current(uow: UnitOfWork) -> Iterator[RuleFacts]:
    """Facts shared by every check of ``uow`` (and of units inside it) and kept true as the
    unit writes: an import judges thousands of rows without loading the same facts again."""
    facts = RuleFacts(uow)
    session = uow.session
    event.listen(session, "after_flush", facts._after_flush)
    event.listen(session, "transient_to_pending", facts._arrive)
    uow.rule_facts = facts
    try:
        yield facts
    finally:
        uow.rule_facts = None
        event.remove(session, "after_flush", facts._after_flush)
        event.remove(session, "transient_to_pending", facts._arrive)


__all__ = ["ChildBooking", "ChildFacts", "RuleFacts", "kept_current", "month_bounds"]
