"""Writing the files the program sends out: CSV in UTF-8 with BOM (Excel opens it as such),
``YYYY-MM-DD`` dates and ``HH:MM`` times, and no cell a spreadsheet would run as a formula."""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime, time
from pathlib import Path

from hoiku_desk.services import errors

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


@contextmanager
def replacing(path: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary file beside ``path`` that replaces it only when the block succeeds, so a
    failed export never leaves half a file (nor spoils the previous one); a file system
    refusal raises :class:`errors.ExportFileError`."""
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
        os.close(handle)
    except OSError as failure:
        raise errors.ExportFileError(path=str(target), detail=str(failure)) from failure
    partial = Path(name)
    try:
        yield partial
        os.replace(partial, target)
    except OSError as failure:
        raise errors.ExportFileError(path=str(target), detail=str(failure)) from failure
    finally:
        partial.unlink(missing_ok=True)


def write_csv(
    path: str | os.PathLike[str], header: Sequence[str], rows: Iterable[Sequence[object]]
) -> int:
    """Write ``rows`` under ``header`` (all of it, or nothing); returns the number of data rows."""
    count = 0
    with replacing(path) as partial, partial.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow([cell(value) for value in row])
            count += 1
    return count
