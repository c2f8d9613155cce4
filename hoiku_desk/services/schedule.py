"""Which days a facility is open, and until when: weekly closed days, national holidays,
the year end, admin closures and days opened explicitly."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

import jpholiday
from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from hoiku_desk import models
from hoiku_desk.services.rules import FacilityRules


@dataclass(frozen=True)
class DayStatus:
    """``closes_at`` is the effective closing time (a closure from a time moves it earlier)."""

    day: date
    open: bool
    reason: str | None = None  # weekday | holiday | year_end | closure
    closes_at: time | None = None
    holiday_name: str | None = None
    closure_reason: str = ""


def is_year_end(day: date) -> bool:
    """12/29 – 1/3."""
    return (day.month == 12 and day.day >= 29) or (day.month == 1 and day.day <= 3)


def holiday_name(day: date) -> str | None:
    """The national holiday's Japanese name, or None."""
    return jpholiday.is_holiday_name(day)


def calendar_closure(rules: FacilityRules, day: date) -> str | None:
    """Why the calendar alone closes ``day`` (before explicit openings and closures)."""
    if day.weekday() in rules.closed_weekdays:
        return "weekday"
    if rules.closed_year_end and is_year_end(day):
        return "year_end"
    if rules.closed_on_public_holidays and holiday_name(day):
        return "holiday"
    return None


#: Statements built once (a lookup per booking should not rebuild its SQL).
_OPENED = select(models.OpenedDay.day).where(
    models.OpenedDay.facility_id == bindparam("facility"),
    models.OpenedDay.day.between(bindparam("first"), bindparam("last")),
)
_CLOSURES = select(models.Closure).where(
    models.Closure.facility_id == bindparam("facility"),
    models.Closure.day.between(bindparam("first"), bindparam("last")),
)


class Schedule:
    """Day statuses for one facility over a range, read from the database once."""

    def __init__(
        self, session: Session, facility_id: str, rules: FacilityRules, first: date, last: date
    ) -> None:
        self.rules = rules
        span = {"facility": facility_id, "first": first, "last": last}
        self._opened = set(session.scalars(_OPENED, span))
        self._closures: dict[date, list[models.Closure]] = {}
        for closure in session.scalars(_CLOSURES, span):
            self._closures.setdefault(closure.day, []).append(closure)

    def status(self, day: date) -> DayStatus:
        rules = self.rules
        name = holiday_name(day)
        closures = self._closures.get(day, [])
        whole = [c for c in closures if c.from_time is None or c.from_time <= rules.open_time]
        if whole:
            return DayStatus(day, False, "closure", None, name, whole[0].reason)
        if day not in self._opened:
            reason = calendar_closure(rules, day)
            if reason is not None:
                return DayStatus(day, False, reason, None, name)
        closes_at = rules.close_time
        closure_reason = ""
        for closure in closures:
            assert closure.from_time is not None
            if closure.from_time < closes_at:
                closes_at, closure_reason = closure.from_time, closure.reason
        return DayStatus(day, True, None, closes_at, name, closure_reason)
