"""What committed writes changed, for what is worked out from the data and kept between
calls (the judged approval queue, :mod:`approval_queue`).

Every write transaction that changes anything moves the database's change counter on by
one as it commits (:func:`count_commit`), whichever desk wrote.  A desk notes what each of
its own commits touched (:class:`Touched`: children, facility days, or everything) under
the counter value it committed as (:class:`ChangeLog`).  Comparing the counter with the
value it last saw, a desk knows whether nothing changed, only what its own commits touched,
or something another desk wrote — then everything counts as changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import inspect, select, text
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction
from sqlalchemy.orm.util import identity_key

from hoiku_desk import models

#: Writes whose every change may alter every judgement: the facilities' rules, calendars,
#: capacities and interview slots.
_FACILITY_WIDE = (models.Facility, models.Closure, models.OpenedDay, models.CapacitySetting,
                  models.InterviewSlot)
#: Tables whose rows a bulk UPDATE or DELETE (which no flush reports) may not touch unseen.
_JUDGED = (models.Booking, models.Charge, models.Child, models.Registration, models.RegularPlan,
           models.QueueItem, *_FACILITY_WIDE)
#: How many of its own commits a desk remembers (older ones count as everything changed).
KEPT = 1000

_BUMP = text(
    "INSERT INTO change_counter (id, value) VALUES (1, 1) "
    "ON CONFLICT (id) DO UPDATE SET value = change_counter.value + 1 RETURNING value"
)
_CURRENT = select(models.ChangeCounter.value).where(models.ChangeCounter.id == 1)


@dataclass
class Touched:
    """What one or more commits changed: the children whose facts changed (their record,
    registrations, plans, bookings or charges), the facility days whose bookings changed,
    the queue items written, or ``everything``."""

    children: set[str] = field(default_factory=set)
    places: set[tuple[str, date]] = field(default_factory=set)
    #: Queue items written (their request, status or decision).
    items: set[str] = field(default_factory=set)
    everything: bool = False
    written: bool = False

    def after_flush(self, session: Session, _: UOWTransaction) -> None:
        """Note what a flush wrote (a session event)."""
        for row in (*session.new, *session.dirty, *session.deleted):
            self.written = True
            if isinstance(row, models.Booking):
                self._booking(row)
            elif isinstance(row, models.Child):
                self.children.add(row.id)
            elif isinstance(row, (models.Registration, models.RegularPlan)):
                self.children.add(row.child_id)
            elif isinstance(row, models.QueueItem):
                self.items.add(row.id)
            elif isinstance(row, models.Charge):
                booking = session.identity_map.get(identity_key(models.Booking, row.booking_id))
                if booking is None:
                    self.everything = True
                else:
                    self.children.add(booking.child_id)
            elif isinstance(row, _FACILITY_WIDE):
                self.everything = True

    def on_execute(self, state: ORMExecuteState) -> None:
        """A bulk UPDATE or DELETE of judged rows changes what no flush reports."""
        if state.is_update or state.is_delete or state.is_insert:
            self.written = True
            mapper = state.bind_mapper
            if mapper is None or issubclass(mapper.class_, _JUDGED):
                self.everything = True

    def _booking(self, row: models.Booking) -> None:
        history = _history(row)
        self.children.update({row.child_id, *history["child_id"]})
        for facility_id in {row.facility_id, *history["facility_id"]}:
            for day in {row.day, *history["day"]}:
                self.places.add((facility_id, day))

    def update(self, other: Touched) -> None:
        self.children |= other.children
        self.places |= other.places
        self.items |= other.items
        self.everything |= other.everything
        self.written |= other.written


def _history(row: models.Booking) -> dict[str, tuple[Any, ...]]:
    """The values a booking's child, facility and day had before this flush."""
    attrs = inspect(row).attrs
    return {name: tuple(attrs[name].history.deleted) for name in ("child_id", "facility_id", "day")}


def count_commit(session: Session) -> int:
    """Move the change counter on, in the transaction about to commit; its new value."""
    value = session.execute(_BUMP).scalar_one()
    return int(value)


def current(session: Session) -> int:
    """The change counter as this transaction sees it (0 before the first change)."""
    return session.scalar(_CURRENT) or 0


class ChangeLog:
    """What a desk's own commits touched, by the counter value each committed as."""

    def __init__(self) -> None:
        self._touched: dict[int, Touched] = {}

    def record(self, value: int, touched: Touched) -> None:
        self._touched[value] = touched
        if len(self._touched) > KEPT:
            del self._touched[min(self._touched)]

    def between(self, seen: int, now: int) -> Touched:
        """What changed after counter value ``seen`` up to ``now``: what this desk's own
        commits touched, or everything when any of them was another desk's."""
        found = Touched()
        if now < seen:  # another database in place (a backup restored)
            found.everything = True
        for value in range(seen + 1, now + 1):
            own = self._touched.get(value)
            if own is None:
                found.everything = True
                break
            found.update(own)
        return found
