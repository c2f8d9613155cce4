"""Slots, their capacity, and how many children take them.

The day is cut into slots of ``slot_minutes`` from ``open_time``; a booking occupies every
slot it overlaps.  A slot's capacity is a date setting covering it, else a weekday setting,
else an every-day setting for a time range, else ``default_capacity``; within a level the
latest setting wins.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, time

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from hoiku_desk import models
from hoiku_desk.services.clock import add_minutes, to_minutes
from hoiku_desk.services.rules import FacilityRules
from hoiku_desk.services.schedule import DayStatus

CHILDCARE_KINDS = ("flexible", "regular")


def slot_starts(rules: FacilityRules, closes_at: time) -> list[time]:
    """Start times of the slots that end by ``closes_at``."""
    starts = []
    minute = to_minutes(rules.open_time)
    while minute + rules.slot_minutes <= to_minutes(closes_at):
        starts.append(time(minute // 60, minute % 60))
        minute += rules.slot_minutes
    return starts


def on_boundary(rules: FacilityRules, at: time) -> bool:
    return (to_minutes(at) - to_minutes(rules.open_time)) % rules.slot_minutes == 0


def slot_of(rules: FacilityRules, at: time) -> time:
    """Start of the slot in which ``at`` falls."""
    offset = to_minutes(at) - to_minutes(rules.open_time)
    minute = to_minutes(rules.open_time) + offset // rules.slot_minutes * rules.slot_minutes
    return time(minute // 60, minute % 60)


def overlapped_slots(rules: FacilityRules, start: time, end: time, closes_at: time) -> list[time]:
    """Slots of the day that the interval [start, end) overlaps."""
    return [
        s for s in slot_starts(rules, closes_at)
        if to_minutes(s) < to_minutes(end) and to_minutes(add_minutes(s, rules.slot_minutes)) > to_minutes(start)
    ]


_SETTINGS = (
    select(models.CapacitySetting)
    .where(models.CapacitySetting.facility_id == bindparam("facility"))
    .order_by(models.CapacitySetting.id)
)
_OCCUPANTS = select(
    models.Booking.id, models.Booking.day, models.Booking.start, models.Booking.end,
    models.Booking.created_at,
).where(
    models.Booking.facility_id == bindparam("facility"),
    models.Booking.day.between(bindparam("first"), bindparam("last")),
    models.Booking.status.in_(models.OCCUPYING),
    models.Booking.kind.in_(CHILDCARE_KINDS),
)


class CapacityTable:
    """Capacity settings of one facility, read once and looked up per slot."""

    def __init__(self, session: Session, facility_id: str, rules: FacilityRules) -> None:
        self.rules = rules
        settings = session.scalars(_SETTINGS, {"facility": facility_id}).all()
        self._by_date: dict[date, list[models.CapacitySetting]] = {}
        self._by_weekday: dict[int, list[models.CapacitySetting]] = {}
        self._every_day: list[models.CapacitySetting] = []
        self._known: dict[tuple[date, time], int] = {}
        for setting in settings:
            if setting.on_date is not None:
                self._by_date.setdefault(setting.on_date, []).append(setting)
            elif setting.weekday is not None:
                self._by_weekday.setdefault(setting.weekday, []).append(setting)
            else:
                self._every_day.append(setting)

    def capacity(self, day: date, slot: time) -> int:
        found = self._known.get((day, slot))
        if found is None:
            found = self._known[(day, slot)] = self._look_up(day, slot)
        return found

    def _look_up(self, day: date, slot: time) -> int:
        levels = (self._by_date.get(day, ()), self._by_weekday.get(day.weekday(), ()), self._every_day)
        for level in levels:
            covering = [s for s in level if _covers(s, slot)]
            if covering:
                return covering[-1].capacity  # ordered by id: the latest wins
        return self.rules.default_capacity


def _covers(setting: models.CapacitySetting, slot: time) -> bool:
    return (setting.start is None or setting.start <= slot) and (
        setting.end is None or slot < setting.end
    )


@dataclass(frozen=True)
class Occupant:
    booking_id: str
    start: time
    end: time
    created_at: object


def occupants(
    session: Session,
    facility_id: str,
    first: date,
    last: date,
) -> dict[date, list[Occupant]]:
    """Bookings that occupy capacity (pending, confirmed, attended; flexible and regular)."""
    rows = session.execute(_OCCUPANTS, {"facility": facility_id, "first": first, "last": last})
    out: dict[date, list[Occupant]] = {}
    for booking_id, day, start, end, created_at in rows:
        out.setdefault(day, []).append(Occupant(booking_id, start, end, created_at))
    return out


def slot_counts(rules: FacilityRules, day_occupants: Iterable[Occupant]) -> Counter[int]:
    """How many occupants take each slot of a day, by the slot's start in minutes (the
    same count as :func:`taken`, for every slot at once)."""
    step, origin = rules.slot_minutes, to_minutes(rules.open_time)
    counts: Counter[int] = Counter()
    for o in day_occupants:
        first = origin + (to_minutes(o.start) - origin) // step * step
        counts.update(range(first, to_minutes(o.end), step))
    return counts


def taken(rules: FacilityRules, slot: time, day_occupants: Iterable[Occupant]) -> int:
    slot_end = to_minutes(slot) + rules.slot_minutes
    return sum(
        1 for o in day_occupants
        if to_minutes(o.start) < slot_end and to_minutes(o.end) > to_minutes(slot)
    )


def day_slots(status: DayStatus, rules: FacilityRules) -> list[time]:
    """The slots of an open day (closed days have none)."""
    return slot_starts(rules, status.closes_at) if status.open and status.closes_at else []
