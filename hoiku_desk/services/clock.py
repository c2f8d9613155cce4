"""The one clock, and calendar arithmetic that does not depend on a facility."""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

Clock = Callable[[], datetime]

JAPAN = ZoneInfo("Asia/Tokyo")


def japan_now() -> datetime:
    """The current Japan time as a naive datetime (the domain's time)."""
    return datetime.now(JAPAN).replace(tzinfo=None, microsecond=0)


def fiscal_year(day: date) -> int:
    """April–March year: 2025-03-31 → 2024, 2025-04-01 → 2025."""
    return day.year if day.month >= 4 else day.year - 1


def fiscal_year_end(day: date) -> date:
    """31 March of ``day``'s fiscal year."""
    return date(fiscal_year(day) + 1, 3, 31)


def age_months(birth: date, day: date) -> int:
    """Completed months on ``day``; a month is complete on the same day of the month, or on
    the month's last day when it has no such day (born 31 Jan → one month on 28/29 Feb)."""
    months = (day.year - birth.year) * 12 + day.month - birth.month
    anniversary = min(birth.day, calendar.monthrange(day.year, day.month)[1])
    if day.day < anniversary:
        months -= 1
    return months


def age_text(birth: date, day: date) -> str:
    """Age as staff write it: '1歳3か月'."""
    months = max(age_months(birth, day), 0)
    return f"{months // 12}歳{months % 12}か月"


def minutes_between(start: time, end: time) -> int:
    return (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)


def add_minutes(at: time, minutes: int) -> time:
    total = at.hour * 60 + at.minute + minutes
    return time(total // 60, total % 60)


def to_minutes(at: time) -> int:
    return at.hour * 60 + at.minute


def days(first: date, last: date) -> list[date]:
    """Every date from ``first`` to ``last`` inclusive."""
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]
