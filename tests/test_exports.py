"""Files the program writes: UTF-8 with BOM, ISO dates, HH:MM times, no live formulas."""

from __future__ import annotations

import csv
from datetime import date, datetime, time
from pathlib import Path

import pytest

from hoiku_desk.services import Desk, Facility
from hoiku_desk.services.csv_out import cell
from tests.conftest import ChildMaker
from tests.helpers import TUESDAY, t


def read_rows(path: Path) -> list[dict[str, str]]:
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM: Excel reads it as UTF-8
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_availability_export_lists_every_open_slot_with_what_is_taken(
    desk: Desk, facility: Facility, make_child: ChildMaker, tmp_path: Path
) -> None:
    desk.bookings.book(facility.id, make_child(facility).id, TUESDAY, t("09:30"), t("10:30"))
    saturday = date(2026, 3, 7)
    out = tmp_path / "availability.csv"

    written = desk.sync.export_availability(facility.id, TUESDAY, saturday, out)

    rows = read_rows(out)
    assert written == len(rows) == 4 * 17  # Tue–Fri open, 17 slots; Saturday closed
    assert {r["date"] for r in rows} == {"2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06"}
    nine_thirty = next(r for r in rows if r["date"] == "2026-03-03" and r["start"] == "09:30")
    assert nine_thirty == {"facility_code": "K01", "date": "2026-03-03", "start": "09:30",
                           "capacity": "3", "taken": "1", "remaining": "2"}
    recount = desk.bookings.availability(facility.id, TUESDAY, saturday)
    assert sum(int(r["taken"]) for r in rows) == sum(s.taken for v in recount.values() for s in v)


@pytest.mark.parametrize("value", ["=cmd|' /C calc'!A0", "+1+2", "-3", "@SUM(A1)", "\tx"])
def test_cells_a_spreadsheet_would_run_are_neutralised(value: str) -> None:
    assert cell(value) == "'" + value


@pytest.mark.parametrize(("value", "text"), [
    (date(2026, 3, 3), "2026-03-03"), (time(9, 30), "09:30"),
    (datetime(2026, 3, 2, 8, 15, 42), "2026-03-02 08:15"), (-300, "-300"), (None, ""),
    (True, "true"), ("山田 花子", "山田 花子"),
])
def test_cells_are_written_in_the_files_formats(value: object, text: str) -> None:
    assert cell(value) == text
