"""Booking numbers staff read out: month and day of use when made, and a sequence ("0209-03")."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from hoiku_desk import models
from hoiku_desk.services.clock import fiscal_year
from hoiku_desk.services.uow import UnitOfWork


def next_number(uow: UnitOfWork, facility_id: str, day: date) -> tuple[int, str]:
    """The fiscal year and the next free number for a booking on ``day`` at the facility.

    Numbers are unique per facility and fiscal year and never reused, so the sequence
    continues after the highest number ever given for that date.
    """
    year = fiscal_year(day)
    prefix = f"{day:%m%d}-"
    with uow.session.no_autoflush:  # numbers never change: nothing to write first
        numbers = uow.session.scalars(
            select(models.Booking.number).where(
                models.Booking.facility_id == facility_id,
                models.Booking.fiscal_year == year,
                # A range, not LIKE: it uses the (facility, year, number) index.
                models.Booking.number >= prefix, models.Booking.number < f"{day:%m%d}.",
            )
        ).all()
    numbers += [row.number for row in uow.added(models.Booking, facility_id=facility_id, fiscal_year=year)
                if row.number.startswith(prefix)]
    highest = max((int(n[len(prefix):]) for n in numbers), default=0)
    return year, f"{prefix}{highest + 1:02d}"
