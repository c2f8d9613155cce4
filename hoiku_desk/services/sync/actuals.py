"""The month's actual use per child (SPEC "Actuals file"), for the municipality's report.

What the columns count, for one facility and one calendar month (flexible and regular
bookings only — interviews are never use):

- ``booked_days`` / ``booked_minutes``: bookings of the month that are pending, confirmed,
  attended or no-show — distinct days, and Σ (end − start).
- ``attended_days`` / ``attended_minutes``: attended bookings with a check-in — distinct
  days, and Σ check-in → check-out, both taken to the minute as the daily list shows them.
  A child checked in but never checked out counts until the booked end (never below 0).
- ``late_cancel_minutes``: minutes of late cancellations that were charged (a fee or quota
  minutes) and not waived — a fee-free reason or a waiver does not count.
- ``no_show_minutes``: minutes of no-shows, waived or not.
- ``fee_due_yen``: Σ over the month's bookings of what the daily list shows as due
  (:mod:`hoiku_desk.services.fees`); ``fee_paid_yen``: Σ their payments, refunds negative.

A child has a row when any of these is not zero. The summary counts 延べ利用児童数 (attended
child-days), the distinct children and the attended minutes by age band — age in completed
years on the day of use, so a child who turns 3 mid-month counts in both bands, once in 合計.
"""

from __future__ import annotations

import calendar
import os
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select

from hoiku_desk import models
from hoiku_desk.services import errors, fees
from hoiku_desk.services.attendance import LISTED_STATUSES
from hoiku_desk.services.clock import age_months, minutes_between
from hoiku_desk.services.context import Context
from hoiku_desk.services.kana import normalize
from hoiku_desk.services.csv_out import cell, replacing, write_csv
from hoiku_desk.services.uow import UnitOfWork

HEADER = (
    "facility_code", "child_name", "child_kana", "birth_date", "month", "booked_days",
    "attended_days", "booked_minutes", "attended_minutes", "late_cancel_minutes",
    "no_show_minutes", "fee_due_yen", "fee_paid_yen",
)
SUMMARY_HEADER = ("facility_code", "month", "age_band", "children", "child_days", "attended_minutes")
BANDS = ("0歳", "1〜2歳", "3歳以上")
TOTAL = "合計"
SHEETS = ("実績", "集計")
#: Booking kinds that are use of the facility (interviews are not).
USE_KINDS = ("flexible", "regular")

Row = tuple[object, ...]


def export_actuals(ctx: Context, facility_id: str, year: int, month: int, path: str | os.PathLike[str]) -> int:
    """Write the month's per-child rows and the age-band summary: a CSV (UTF-8 with BOM)
    plus ``<stem>_summary.csv`` beside it, or one workbook with the sheets 実績 and 集計
    when ``path`` ends in ``.xlsx``. Files appear whole or not at all. Returns the number
    of child rows."""
    first, last = month_range(year, month)
    with ctx.read() as uow:
        facility, _ = uow.facility(facility_id)
        children, bands = tally(uow, facility_id, first, last)
        code = facility.code
    label = f"{year:04d}-{month:02d}"
    rows = [c.row(code, label) for c in sorted(children.values(), key=ChildMonth.order) if c.used()]
    summary = [b.row(code, label, name) for name, b in [*zip(BANDS, bands), (TOTAL, sum_bands(bands))]]
    target = Path(path)
    if target.suffix.lower() == ".xlsx":
        write_workbook(target, ((SHEETS[0], HEADER, rows), (SHEETS[1], SUMMARY_HEADER, summary)))
        return len(rows)
    with replacing(target) as main, replacing(target.with_name(f"{target.stem}_summary.csv")) as side:
        write_csv(side, SUMMARY_HEADER, summary)
        return write_csv(main, HEADER, rows)


def month_range(year: int, month: int) -> tuple[date, date]:
    """The first and last day of the month, or InvalidInput naming the bad field."""
    for name, value, low, high in (("year", year, 1, 9999), ("month", month, 1, 12)):
        if not isinstance(value, int) or not low <= value <= high:
            raise errors.InvalidInput(field=name, value=str(value), reason="range")
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


# -- counting --------------------------------------------------------------------------
@dataclass
class ChildMonth:
    name: str
    kana: str
    birth_date: date
    booked: set[date] = field(default_factory=set)
    attended: set[date] = field(default_factory=set)
    booked_minutes: int = 0
    attended_minutes: int = 0
    late_cancel_minutes: int = 0
    no_show_minutes: int = 0
    fee_due_yen: int = 0
    fee_paid_yen: int = 0

    def numbers(self) -> tuple[int, ...]:
        return (len(self.booked), len(self.attended), self.booked_minutes, self.attended_minutes,
                self.late_cancel_minutes, self.no_show_minutes, self.fee_due_yen, self.fee_paid_yen)

    def used(self) -> bool:
        return any(self.numbers())

    def order(self) -> tuple[str, date]:
        return normalize(self.kana), self.birth_date

    def row(self, code: str, month: str) -> Row:
        return (code, self.name, self.kana, self.birth_date, month, *self.numbers())


@dataclass
class Band:
    children: set[str] = field(default_factory=set)
    child_days: set[tuple[str, date]] = field(default_factory=set)
    minutes: int = 0

    def row(self, code: str, month: str, name: str) -> Row:
        return (code, month, name, len(self.children), len(self.child_days), self.minutes)


def sum_bands(bands: Sequence[Band]) -> Band:
    total = Band()
    for band in bands:
        total.children |= band.children
        total.child_days |= band.child_days
        total.minutes += band.minutes
    return total


def band_index(birth: date, day: date) -> int:
    years = age_months(birth, day) // 12
    return 0 if years < 1 else 1 if years < 3 else 2


def attended_minutes(booking: models.Booking, mark: models.AttendanceMark) -> int:
    """Check-in → check-out to the minute; never checked out: until the booked end (≥ 0)."""
    out = mark.checked_out_at or datetime.combine(booking.day, booking.end)
    span = out.replace(second=0, microsecond=0) - mark.checked_in_at.replace(second=0, microsecond=0)
    return max(0, int(span.total_seconds()) // 60)


def tally(
    uow: UnitOfWork, facility_id: str, first: date, last: date
) -> tuple[dict[str, ChildMonth], list[Band]]:
    """Per child id what the month's bookings and charges add up to, and the age bands."""
    children: dict[str, ChildMonth] = {}

    def of(child: models.Child) -> ChildMonth:
        if child.id not in children:
            children[child.id] = ChildMonth(child.name, child.kana, child.birth_date)
        return children[child.id]

    bands = [Band() for _ in BANDS]
    found = list(uow.session.execute(
        select(models.Booking, models.Child, models.AttendanceMark)
        .join(models.Child, models.Child.id == models.Booking.child_id)
        .outerjoin(models.AttendanceMark, models.AttendanceMark.booking_id == models.Booking.id)
        .where(models.Booking.facility_id == facility_id, models.Booking.kind.in_(USE_KINDS),
               models.Booking.day.between(first, last))
    ))
    money = fees.booking_money(uow, (b.id for b, _, _ in found))
    for booking, child, mark in found:
        usage = of(child)
        usage.fee_due_yen += money.due(booking)
        usage.fee_paid_yen += money.paid_for(booking.id)
        if booking.status in LISTED_STATUSES:
            usage.booked.add(booking.day)
            usage.booked_minutes += minutes_between(booking.start, booking.end)
        if booking.status == "attended" and mark is not None:
            minutes = attended_minutes(booking, mark)
            usage.attended.add(booking.day)
            usage.attended_minutes += minutes
            band = bands[band_index(child.birth_date, booking.day)]
            band.children.add(child.id)
            band.child_days.add((child.id, booking.day))
            band.minutes += minutes
    for charge, child in uow.session.execute(
        select(models.Charge, models.Child)
        .join(models.Booking, models.Booking.id == models.Charge.booking_id)
        .join(models.Child, models.Child.id == models.Booking.child_id)
        .where(models.Booking.facility_id == facility_id, models.Booking.kind.in_(USE_KINDS),
               models.Charge.day.between(first, last), models.Charge.kind.in_(("cancel", "no_show")))
    ):
        if charge.kind == "no_show":
            of(child).no_show_minutes += charge.minutes
        elif charge.late and (charge.fee_yen or charge.quota_minutes) and not charge.waived:
            of(child).late_cancel_minutes += charge.minutes
    return children, bands


# -- writing ---------------------------------------------------------------------------
def xlsx_value(value: object) -> object:
    """Numbers stay numbers (Excel sums them); everything else is a neutralised string."""
    return value if isinstance(value, int) and not isinstance(value, bool) else cell(value)


def write_workbook(target: Path, sheets: Sequence[tuple[str, Sequence[str], Sequence[Row]]]) -> None:
    from openpyxl import Workbook  # on use: importing the services does not load it

    book = Workbook()
    book.remove(book.active)
    for title, header, rows in sheets:
        sheet = book.create_sheet(title)
        sheet.append(list(header))
        for row in rows:
            sheet.append([xlsx_value(v) for v in row])
    with replacing(target) as temp, warnings.catch_warnings():
        # openpyxl makes (and closes unused) a text-mode temp file without an encoding; it
        # writes the sheet's XML as bytes later, so the EncodingWarning is noise.
        warnings.simplefilter("ignore", EncodingWarning)
        book.save(temp)
