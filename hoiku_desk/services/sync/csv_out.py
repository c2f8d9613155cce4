"""Writing the files the program sends out: CSV in UTF-8 with BOM (Excel opens it as such),
``YYYY-MM-DD`` dates and ``HH:MM`` times, and no cell a spreadsheet would run as a formula."""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable, Sequence
from datetime import date, datetime, time
from pathlib import Path

#: A cell starting with one of these is a formula to Excel (``=cmd|…``): prefix a quote.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value: object) -> str:
    """A value as the files write it, neutralised if a spreadsheet would evaluate it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        text = value.strftime("%Y-%m-%d %H:%M")
    elif isinstance(value, date):
        text = value.isoformat()
    elif isinstance(value, time):
        text = value.strftime("%H:%M")
    elif isinstance(value, int):
        return str(value)  # numbers (negative ones too) stay numbers
    else:
        text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def write_csv(
    path: str | os.PathLike[str], header: Sequence[str], rows: Iterable[Sequence[object]]
) -> int:
    """Write ``rows`` under ``header``; returns the number of data rows written."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with target.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow([cell(value) for value in row])
            count += 1
    return count
