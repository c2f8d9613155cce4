"""Small helpers shared by the tests."""

from __future__ import annotations

from datetime import date, datetime, time

#: Monday 2 March 2026, 09:00 — the day of the sample request files.
NOW = datetime(2026, 3, 2, 9, 0)
TUESDAY = date(2026, 3, 3)


def t(text: str) -> time:
    """'09:30' → time(9, 30)."""
    return time.fromisoformat(text)
