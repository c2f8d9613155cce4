"""What committed writes changed, for what is worked out from the data and kept between
calls (the judged approval queue, :mod:`approval_queue`).

Every write transaction that changes anything moves the database's change counter on by
one as it commits and notes under the new value what it touched (:class:`Touched`: the
children, the facility days and the queue items, or everything) — whichever desk wrote.
The counter's row stays locked until the commit, so values follow the order of commits.
Comparing the counter with the value it last saw, a desk reads what every write since
touched (:func:`since`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import bindparam, delete, event, insert, inspect, select, text
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction
from sqlalchemy.orm.util import identity_key

from hoiku_desk import models

#: Writes whose every change may alter every judgement: the facilities' rules, calendars,
#: capacities and interview slots.
_FACILITY_WIDE = (models.Facility, models.Closure, models.OpenedDay, models.CapacitySetting,
                  models.InterviewSlot)
#: Tables a bulk INSERT, UPDATE or DELETE (which no flush reports) may not write unseen.
_JUDGED = (models.Booking, models.Charge, models.Child, models.Registration, models.RegularPlan,
           models.QueueItem, *_FACILITY_WIDE)
#: Writes whose notes the log keeps (older ones count as having changed everything), and
#: how often the older ones are let go.
KEPT = 1000
PRUNE_EVERY = 100
#: Beyond this many children, days and items (a large import), a write notes "everything".
MOST_NOTED = 2000

_BUMP = text(
    "INSERT INTO change_counter (id, value) VALUES (1, :least) ON CONFLICT (id) DO UPDATE SET value = "
    "CASE WHEN change_counter.value + 1 > :least THEN change_counter.value + 1 ELSE :least END "
    "RETURNING value"
)
_CURRENT = select(models.ChangeCounter.value).where(models.ChangeCounter.id == 1)
_NOTE = insert(models.ChangeRecord)
_LET_GO = delete(models.ChangeRecord).where(models.ChangeRecord.value <= bindparam("oldest"))
_TOUCHED = "hoiku_desk.touched"


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
    #: The counter moves on past this value at least: a restored backup's counter may be
    #: behind the values desks saw.
    past: int = 0

    def after_flush(self, session: Session) -> None:
        """Note what a flush wrote."""
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
        """A bulk INSERT, UPDATE or DELETE of judged rows changes what no flush reports:
        every judgement counts as changed."""
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

    def as_json(self) -> dict[str, Any]:
        if self.everything or len(self.children) + len(self.places) + len(self.items) > MOST_NOTED:
            return {"everything": True}
        return {"children": sorted(self.children), "items": sorted(self.items),
                "places": sorted([f, d.isoformat()] for f, d in self.places)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Touched:
        return cls(children=set(data.get("children", ())), items=set(data.get("items", ())),
                   places={(f, date.fromisoformat(d)) for f, d in data.get("places", ())},
                   everything=data.get("everything", False), written=True)

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


def follow(session: Session, touched: Touched) -> None:
    """Note in ``touched`` what ``session`` writes from now on."""
    session.info[_TOUCHED] = touched


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _: UOWTransaction) -> None:
    touched = session.info.get(_TOUCHED)
    if touched is not None:
        touched.after_flush(session)


@event.listens_for(Session, "do_orm_execute")
def _on_execute(state: ORMExecuteState) -> None:
    touched = state.session.info.get(_TOUCHED)
    if touched is not None:
        touched.on_execute(state)


def count_commit(session: Session, touched: Touched) -> int:
    """Move the change counter on and note what ``touched``, in the transaction about to
    commit; the new value.  The oldest notes beyond :data:`KEPT` are let go."""
    connection = session.connection()
    value = int(connection.execute(_BUMP, {"least": touched.past + 1}).scalar_one())
    connection.execute(_NOTE, {"value": value, "touched": touched.as_json()})
    if value % PRUNE_EVERY == 0:
        connection.execute(_LET_GO, {"oldest": value - KEPT})
    return value


def current(session: Session) -> int:
    """The change counter as this transaction sees it (0 before the first change)."""
    return session.scalar(_CURRENT) or 0


def since(session: Session, seen: int, now: int) -> Touched:
    """What the writes after counter value ``seen`` up to ``now`` touched (everything when
    their notes are let go already, or another database was put in place)."""
    found = Touched(everything=now < seen)
    rows = session.scalars(select(models.ChangeRecord.touched).where(
        models.ChangeRecord.value > seen, models.ChangeRecord.value <= now)).all()
    if len(rows) != now - seen:
        found.everything = True
    for touched in rows:
        found.update(Touched.from_json(touched))
    return found
