"""Japanese era dates for printed headers: ``令和8年2月9日(月)``.

Two eras cover every date a nursery prints (today's list, children's birth dates), so this
is a small table rather than a dependency: ``japanera`` (PyPI) prints ``令和1年`` or
``令和01年`` where forms use ``令和元年``, and pulls in ``kanjize``. A new era is one line here.
"""

from __future__ import annotations

from datetime import date

from hoiku_desk import messages

#: (name, first day), newest first.
ERAS = (("令和", date(2019, 5, 1)), ("平成", date(1989, 1, 8)))


def era_year(day: date) -> str:
    """``令和8年``, ``令和元年``, ``平成31年``; a date before 平成 as ``1988年``."""
    for name, first in ERAS:
        if day >= first:
            year = day.year - first.year + 1
            return f"{name}{'元' if year == 1 else year}年"
    return f"{day.year}年"


def era_date(day: date) -> str:
    """``令和8年2月9日(月)``."""
    return era_year(day) + messages.format_date(day)
