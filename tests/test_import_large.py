"""A 50 MB request file (SPEC "Files" → "Request file"): streamed with bounded memory.

The file is written to disk row by row (never built in memory): one valid booking, then
~250 000 rows that repeat its request id (duplicates), with every tenth row a malformed date
and every thousandth an unknown facility (rejected, each with its line).
"""

from __future__ import annotations

import tracemalloc
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from hoiku_desk.services import Desk, Facility
from tests.conftest import ChildMaker

TARGET_BYTES = 50 * 1024 * 1024
HEADER = "request_id,received_at,channel,type,facility_code,child_name,child_kana,birth_date,date,start,end,comment\r\n"
#: About 213 bytes a row once padded with this comment: ~246 000 rows in 50 MB.
PADDING = "午睡あり・アレルギーなし・お迎えは母" * 2
#: Measured on the development machine (Python 3.11): a peak of ~7 MB traced for this file
#: (~246 000 rows, 24 561 of them rejected). Duplicates cost nothing (an all-duplicate 50 MB
#: file peaks at 0.6 MB) but each rejected row stays in the report (~280 bytes each: an
#: all-rejected 50 MB file peaks at ~65 MB). The bound leaves 4x headroom and still fails if
#: the 50 MB file is ever held in memory.
PEAK_BOUND = 32 * 1024 * 1024


def row(request_id: str, *, facility: str = "K01", day: str = "2026-03-09") -> str:
    return (f"{request_id},2026-03-02 08:15,line,booking,{facility},大野 芽依,オオノ メイ,2023-11-02,"
            f"{day},09:30,12:00,{PADDING}\r\n")


def kind_of(n: int) -> str:
    """Row ``n`` (1 = the first after the valid booking): what it is."""
    if n % 1000 == 500:
        return "unknown_facility"
    if n % 10 == 0:
        return "bad_date"
    return "duplicate"


def rows_after_the_first() -> Iterator[tuple[int, str]]:
    """(n, text) of the rows after the valid booking until the file reaches TARGET_BYTES."""
    written, n = len(HEADER.encode()) + len(row("L-0").encode()), 0
    while written < TARGET_BYTES:
        n += 1
        kind = kind_of(n)
        if kind == "unknown_facility":
            text = row(f"Z-{n}", facility="Z99")
        elif kind == "bad_date":
            text = row(f"X-{n}", day="2026-02-30")
        else:
            text = row("L-0")
        written += len(text.encode())
        yield n, text


def write_large_file(path: Path) -> int:
    """Stream the file to ``path``; the number of rows after the first."""
    count = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(HEADER)
        out.write(row("L-0"))
        for count, text in rows_after_the_first():
            out.write(text)
    return count


class ProgressWatch:
    """A progress callback that checks the fractions as they come, keeping O(1) memory."""

    def __init__(self) -> None:
        self.calls = 0
        self.last = 0.0
        self.decreased = False

    def __call__(self, fraction: float) -> None:
        self.calls += 1
        self.decreased |= fraction < self.last
        self.last = fraction


@pytest.mark.slow
def test_a_50_mb_request_file_imports_with_bounded_memory(
    desk: Desk, facility: Facility, make_child: ChildMaker, tmp_path: Path
) -> None:
    make_child(facility, name="大野 芽依", kana="オオノ メイ", birth_date=date(2023, 11, 2))
    path = tmp_path / "large.csv"
    after_first = write_large_file(path)
    assert path.stat().st_size >= TARGET_BYTES
    progress = ProgressWatch()

    tracemalloc.start()
    try:
        report = desk.sync.import_requests(path, progress=progress)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    kinds = [kind_of(n) for n in range(1, after_first + 1)]
    expected_rejected = [n + 2 for n, kind in enumerate(kinds, start=1) if kind != "duplicate"]
    assert (report.accepted, report.cancelled) == (1, 0)
    assert report.duplicates == kinds.count("duplicate")
    assert [line for line, _ in report.rejected] == expected_rejected
    reasons = {line: reason for line, reason in report.rejected}
    assert "Z99" in reasons[500 + 2] and "利用日" in reasons[10 + 2]
    assert peak < PEAK_BOUND, f"peak traced memory {peak / 2**20:.1f} MB for a {after_first}-row file"
    assert progress.calls == after_first + 1 and not progress.decreased
    assert progress.last == pytest.approx(1.0, abs=1e-3)
    assert len(desk.bookings.search(facility.id)) == 1
