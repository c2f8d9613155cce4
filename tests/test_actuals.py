"""desk.sync.export_actuals: the month's actual use per child for the municipality's report."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from hoiku_desk.services import Booking, Desk, Facility, errors
from tests.conftest import ChildMaker, Clock
from tests.helpers import t

HEADER = ["facility_code", "child_name", "child_kana", "birth_date", "month", "booked_days",
          "attended_days", "booked_minutes", "attended_minutes", "late_cancel_minutes",
          "no_show_minutes", "fee_due_yen", "fee_paid_yen"]
SUMMARY_HEADER = ["facility_code", "month", "age_band", "children", "child_days", "attended_minutes"]
BOM = b"\xef\xbb\xbf"
NUMBERS = HEADER[5:]


def at(clock: Clock, moment: str) -> None:
    clock.set(datetime.fromisoformat(moment))


def book(
    desk: Desk, facility: Facility, child_id: str, day: str, start: str, end: str, **kw: object
) -> Booking:
    return desk.bookings.book(facility.id, child_id, date.fromisoformat(day), t(start), t(end), **kw)


def attend(desk: Desk, clock: Clock, booking: Booking, check_in: str, check_out: str | None) -> None:
    """Check in (and out, unless ``check_out`` is None) at those times of the booking's day."""
    at(clock, f"{booking.day} {check_in}")
    desk.attendance.check_in(booking.id)
    if check_out is not None:
        at(clock, f"{booking.day} {check_out}")
        desk.attendance.check_out(booking.id)


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """The header and the data rows of a CSV the program wrote."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def child_rows(path: Path) -> dict[str, dict[str, str]]:
    """The actuals rows by child name, after checking the header."""
    header, rows = read_csv(path)
    assert header == HEADER
    return {r["child_name"]: r for r in rows}


def band_rows(path: Path) -> dict[str, dict[str, str]]:
    """The summary rows by age band, after checking the header."""
    header, rows = read_csv(path)
    assert header == SUMMARY_HEADER
    return {r["age_band"]: r for r in rows}


def counts(row: dict[str, str]) -> dict[str, str]:
    return {name: row[name] for name in NUMBERS}


def numbers(*values: int) -> dict[str, str]:
    return dict(zip(NUMBERS, map(str, values), strict=True))


def sheet_values(path: Path) -> dict[str, list[list[object]]]:
    book = openpyxl.load_workbook(path)
    return {sheet.title: [[c.value for c in row] for row in sheet.iter_rows()] for sheet in book}


#: The parents phone in their month's bookings on Monday 2 March (each story starts there).
BOOKED = "2026-03-02 09:00"


@dataclass(frozen=True)
class March:
    """A month of use at K01 (and a little at D01), exported on 1 April."""

    k01: Facility
    d01: Facility


def kawai_at_d01_only(desk: Desk, clock: Clock, d01: Facility, make_child: ChildMaker) -> None:
    """河合 (1 year old) comes to the 誰でも通園 facility on 3/3, 13:00–15:00."""
    at(clock, BOOKED)
    kawai = make_child(d01, name="河合 凛", kana="カワイ リン", birth_date=date(2025, 3, 1))
    attend(desk, clock, book(desk, d01, kawai.id, "2026-03-03", "13:00", "15:00"), "13:00", "15:00")


def abe_month(desk: Desk, clock: Clock, k01: Facility, d01: Facility, make_child: ChildMaker) -> str:
    """阿部 (1 year old): 3/3 attended a little longer than booked and paid; 3/4 two bookings,
    the afternoon one never checked out; 3/6 cancelled late; 3/9 booked, nobody marked it;
    one booking at D01. Returns the child's id."""
    at(clock, BOOKED)
    abe = make_child(k01, d01, name="阿部 結衣", kana="アベ ユイ", birth_date=date(2024, 6, 21))
    first, morning, afternoon, cancelled, _ = (book(desk, k01, abe.id, *times) for times in [
        ("2026-03-03", "09:30", "12:00"), ("2026-03-04", "09:00", "11:00"),
        ("2026-03-04", "13:00", "15:00"), ("2026-03-06", "10:00", "12:00"),
        ("2026-03-09", "09:00", "10:00"),
    ])
    book(desk, d01, abe.id, "2026-03-05", "09:00", "10:00")
    attend(desk, clock, first, "09:25", "12:10")
    desk.attendance.record_payment(first.id, 750)
    attend(desk, clock, morning, "08:58", "10:30")
    attend(desk, clock, afternoon, "13:05", None)
    at(clock, "2026-03-05 18:00")
    desk.cancellations.cancel(cancelled.id, "family")
    return abe.id


def ishii_month(desk: Desk, clock: Clock, k01: Facility, make_child: ChildMaker) -> None:
    """石井 (age 0): 3/10 a no-show, waived; 3/11 cancelled late for illness (exempt here);
    3/12 attended, paid 300 and refunded 100; 3/13 cancelled late, waived."""
    at(clock, BOOKED)
    ishii = make_child(k01, name="石井 颯", kana="いしい はやて", birth_date=date(2025, 7, 10))
    no_show, ill, attended, waived = (book(desk, k01, ishii.id, day, "09:00", end) for day, end in [
        ("2026-03-10", "11:00"), ("2026-03-11", "10:30"), ("2026-03-12", "10:00"), ("2026-03-13", "10:00"),
    ])
    at(clock, "2026-03-10 10:00")
    desk.attendance.mark_no_show(no_show.id)
    desk.cancellations.waive(no_show.id, "連絡の行き違い")
    at(clock, "2026-03-10 18:00")
    desk.cancellations.cancel(ill.id, "illness")
    attend(desk, clock, attended, "09:00", "10:00")
    desk.attendance.record_payment(attended.id, 300)
    desk.attendance.record_payment(attended.id, -100)
    at(clock, "2026-03-12 18:00")
    desk.cancellations.cancel(waived.id, "family")
    desk.cancellations.waive(waived.id, "園長判断")


def ueda_month(desk: Desk, clock: Clock, k01: Facility, make_child: ChildMaker) -> None:
    """上田 turns 3 on 3/16: 3/13 attended at 2, 3/17 (a regular plan) attended at 3."""
    at(clock, BOOKED)
    ueda = make_child(k01, name="上田 空", kana="ウエダ ソラ", birth_date=date(2023, 3, 16))
    before_birthday = book(desk, k01, ueda.id, "2026-03-13", "09:00", "10:00")
    desk.bookings.request_regular(k01.id, ueda.id, [1], t("09:00"), t("11:00"),
                                  date(2026, 3, 17), date(2026, 3, 17))
    item = next(i for i in desk.approvals.pending() if i.kind == "regular")
    (after_birthday,) = desk.approvals.approve(item.id).bookings
    attend(desk, clock, before_birthday, "09:00", "10:00")
    attend(desk, clock, after_birthday, "09:00", "11:00")


def others_month(desk: Desk, clock: Clock, k01: Facility, make_child: ChildMaker) -> None:
    """"=SUM(1,2)" holds an online booking still pending; 遠藤 cancelled in time;
    加藤 (registration applied only) missed the interview."""
    at(clock, BOOKED)
    ota = make_child(k01, name="=SUM(1,2)", kana="オオタ ハナ")
    book(desk, k01, ota.id, "2026-03-19", "09:00", "10:00", source="online")
    endo = make_child(k01, name="遠藤 陽", kana="エンドウ ヒナタ")
    desk.cancellations.cancel(book(desk, k01, endo.id, "2026-03-16", "09:00", "10:00").id, "family")
    kato = make_child(name="加藤 澪", kana="カトウ ミオ")
    slot = desk.interviews.add_slot(k01.id, date(2026, 3, 18), t("13:00"), t("13:30"))
    interview = desk.interviews.book(desk.registrations.apply(kato.id, k01.id).id, slot.id)
    at(clock, "2026-03-18 14:00")
    desk.attendance.mark_no_show(interview.id)


@pytest.fixture
def march(desk: Desk, clock: Clock, facility: Facility, daredemo: Facility, make_child: ChildMaker) -> March:
    """March at K01 (and a little at D01), told child by child; then on 1 April 阿部
    renews the registration and books 4/2, and the month is exported."""
    # Horizon and held days widened so a month can be booked ahead; illness made fee-free
    # so a late cancellation can be exempt.
    desk.facilities.update_rules(facility.id, booking_horizon_days=40, max_held_days=20,
                                 fee_free_reasons=("facility", "illness"))
    kawai_at_d01_only(desk, clock, daredemo, make_child)
    abe = abe_month(desk, clock, facility, daredemo, make_child)
    ishii_month(desk, clock, facility, make_child)
    ueda_month(desk, clock, facility, make_child)
    others_month(desk, clock, facility, make_child)
    at(clock, "2026-04-01 09:00")
    renewed = desk.registrations.apply(abe, facility.id)
    desk.registrations.approve(renewed.id, interviewed_on=date(2026, 4, 1))
    book(desk, facility, abe, "2026-04-02", "09:00", "10:00")
    return March(facility, daredemo)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Where the exports go (the test's database lives in tmp_path itself)."""
    path = tmp_path / "exports"
    path.mkdir()
    return path


def export(desk: Desk, facility: Facility, path: Path, month: int = 3) -> int:
    return desk.sync.export_actuals(facility.id, 2026, month, path)


# -- the per-child rows ----------------------------------------------------------------
def test_actuals_count_each_childs_use_charges_and_payments(desk: Desk, march: March, folder: Path) -> None:
    out = folder / "actuals_2026-03.csv"

    written = export(desk, march.k01, out)

    rows = child_rows(out)
    assert written == len(rows) == 4
    assert rows["阿部 結衣"] == {
        "facility_code": "K01", "child_name": "阿部 結衣", "child_kana": "アベ ユイ",
        "birth_date": "2024-06-21", "month": "2026-03",
        # booked 3/3, 3/4 (twice) and 3/9: 150 + 120 + 120 + 60 min; attended 3/3 09:25–12:10,
        # 3/4 08:58–10:30 and 13:05 until the booked end 15:00 (never checked out): 165 + 92 + 115;
        # the late cancel of 3/6 (120 min, 600 yen) charged; fees 750 + 600 + 600 + 600 + 300;
        # the booking of 4/2 is April's.
        **numbers(3, 2, 450, 372, 120, 0, 2850, 750),
    }
    # The no-show is waived (minutes still counted, nothing due); the illness cancel is
    # exempt and the other late cancel waived: neither counts; paid 300, refunded 100.
    assert counts(rows["石井 颯"]) == numbers(2, 1, 180, 60, 0, 120, 300, 200)
    assert counts(rows["上田 空"]) == numbers(2, 2, 180, 180, 0, 0, 900, 0)
    assert counts(rows["'=SUM(1,2)"]) == numbers(1, 0, 60, 0, 0, 0, 300, 0)


def test_children_are_listed_by_kana_hiragana_or_katakana(desk: Desk, march: March, folder: Path) -> None:
    out = folder / "actuals.csv"
    export(desk, march.k01, out)

    kana = [r["child_kana"] for r in read_csv(out)[1]]
    assert kana == ["アベ ユイ", "いしい はやて", "ウエダ ソラ", "オオタ ハナ"]


def test_same_kana_is_ordered_by_birth_date(
    desk: Desk, facility: Facility, make_child: ChildMaker, folder: Path
) -> None:
    for name, born in [("佐藤 美久", date(2024, 1, 5)), ("佐藤 未来", date(2023, 8, 8))]:
        child = make_child(facility, name=name, kana="サトウ ミク", birth_date=born)
        book(desk, facility, child.id, "2026-03-03", "09:00", "10:00")
    out = folder / "actuals.csv"

    export(desk, facility, out)

    assert [r["child_name"] for r in read_csv(out)[1]] == ["佐藤 未来", "佐藤 美久"]


def test_free_cancellations_interviews_and_other_facilities_give_no_row(
    desk: Desk, march: March, folder: Path
) -> None:
    """遠藤 only cancelled in time, 加藤 only missed an interview, 河合 used D01 only."""
    out = folder / "actuals.csv"
    export(desk, march.k01, out)

    names = set(child_rows(out))
    assert names.isdisjoint({"遠藤 陽", "加藤 澪", "河合 凛"})


def test_each_facility_reports_only_its_own_bookings(desk: Desk, march: March, folder: Path) -> None:
    out = folder / "d01.csv"

    assert export(desk, march.d01, out) == 2

    rows = child_rows(out)
    assert {r["facility_code"] for r in rows.values()} == {"D01"}
    assert counts(rows["阿部 結衣"]) == numbers(1, 0, 60, 0, 0, 0, 300, 0)
    assert counts(rows["河合 凛"]) == numbers(1, 1, 120, 120, 0, 0, 600, 0)


def test_month_fee_due_is_the_sum_of_the_daily_lists_fee_due(
    desk: Desk, clock: Clock, facility: Facility, make_child: ChildMaker, folder: Path
) -> None:
    """One computation for both: a late change charge on an attended day, and a no-show."""
    child = make_child(facility, name="森 蒼")
    changed = book(desk, facility, child.id, "2026-03-03", "09:00", "12:00")
    missed = book(desk, facility, child.id, "2026-03-04", "09:00", "11:00")
    at(clock, "2026-03-02 18:00")
    desk.bookings.change(changed.id, end=t("11:00"))  # late: the lost hour is charged 300 yen
    attend(desk, clock, changed, "09:00", "11:00")
    at(clock, "2026-03-04 10:00")
    desk.attendance.mark_no_show(missed.id)
    out = folder / "actuals.csv"

    export(desk, facility, out)

    daily = [r.fee_due_yen for b in (changed, missed) for r in desk.attendance.daily_list(facility.id, b.day)]
    (row,) = read_csv(out)[1]
    assert daily == [600 + 300, 600]
    assert int(row["fee_due_yen"]) == sum(daily)


# -- the summary -----------------------------------------------------------------------
def test_summary_counts_child_days_children_and_minutes_by_age_band(
    desk: Desk, march: March, folder: Path
) -> None:
    out = folder / "actuals_2026-03.csv"
    export(desk, march.k01, out)

    summary = folder / "actuals_2026-03_summary.csv"
    bands = band_rows(summary)
    assert list(bands) == ["0歳", "1〜2歳", "3歳以上", "合計"]
    by_band = {band: (r["children"], r["child_days"], r["attended_minutes"]) for band, r in bands.items()}
    assert by_band == {
        "0歳": ("1", "1", "60"),  # 石井
        "1〜2歳": ("2", "3", "432"),  # 阿部 on 3/3 and 3/4 (one day, two bookings), 上田 at 2
        "3歳以上": ("1", "1", "120"),  # 上田 after turning 3
        "合計": ("3", "5", "612"),  # 上田 once
    }
    assert {(r["facility_code"], r["month"]) for r in bands.values()} == {("K01", "2026-03")}


def test_a_month_without_use_writes_headers_and_zero_bands(
    desk: Desk, facility: Facility, folder: Path
) -> None:
    out = folder / "actuals_2026-02.csv"

    assert export(desk, facility, out, month=2) == 0

    assert read_csv(out) == (HEADER, [])
    bands = band_rows(folder / "actuals_2026-02_summary.csv")
    assert {band: r["child_days"] for band, r in bands.items()} == dict.fromkeys(
        ["0歳", "1〜2歳", "3歳以上", "合計"], "0"
    )


def test_both_csv_files_start_with_a_bom(desk: Desk, march: March, folder: Path) -> None:
    export(desk, march.k01, folder / "actuals.csv")

    for name in ("actuals.csv", "actuals_summary.csv"):
        assert (folder / name).read_bytes().startswith(BOM + b"facility_code,")


# -- the workbook ----------------------------------------------------------------------
@pytest.mark.parametrize("name", ["actuals.xlsx", "ACTUALS.XLSX"])
def test_xlsx_path_writes_one_workbook_with_both_sheets(
    desk: Desk, march: March, folder: Path, name: str
) -> None:
    out = folder / name

    assert export(desk, march.k01, out) == 4

    assert [p.name for p in folder.iterdir()] == [name]  # no summary CSV
    sheets = sheet_values(out)
    assert list(sheets) == ["実績", "集計"]
    head, *rows = sheets["実績"]
    assert head == HEADER
    assert rows[0] == ["K01", "阿部 結衣", "アベ ユイ", "2024-06-21", "2026-03", 3, 2, 450, 372, 120, 0, 2850, 750]
    assert [r[1] for r in rows] == ["阿部 結衣", "石井 颯", "上田 空", "'=SUM(1,2)"]
    assert sheets["集計"] == [
        SUMMARY_HEADER,
        ["K01", "2026-03", "0歳", 1, 1, 60],
        ["K01", "2026-03", "1〜2歳", 2, 3, 432],
        ["K01", "2026-03", "3歳以上", 1, 1, 120],
        ["K01", "2026-03", "合計", 3, 5, 612],
    ]


# -- formula neutralisation ------------------------------------------------------------
@pytest.mark.parametrize("name", ['=HYPERLINK("http://x","y")', "+81 花子", "-1 太郎", "@SUM(A1)"])
def test_names_a_spreadsheet_would_run_are_written_as_text(
    desk: Desk, facility: Facility, make_child: ChildMaker, folder: Path, name: str
) -> None:
    child = make_child(facility, name=name, kana="ヤマダ ハナコ")
    book(desk, facility, child.id, "2026-03-03", "09:00", "10:00")

    export(desk, facility, folder / "a.csv")
    export(desk, facility, folder / "a.xlsx")

    assert list(child_rows(folder / "a.csv")) == ["'" + name]
    cell = openpyxl.load_workbook(folder / "a.xlsx")["実績"]["B2"]
    assert (cell.value, cell.data_type) == ("'" + name, "s")


# -- refusals and failures -------------------------------------------------------------
@pytest.mark.parametrize("month", [0, 13])
def test_a_month_outside_1_to_12_is_refused_and_writes_nothing(
    desk: Desk, facility: Facility, folder: Path, month: int
) -> None:
    with pytest.raises(errors.InvalidInput) as refused:
        export(desk, facility, folder / "actuals.csv", month=month)

    assert refused.value.data == {"field": "month", "value": str(month), "reason": "range"}
    assert list(folder.iterdir()) == []


def test_an_unknown_facility_is_not_found_and_writes_nothing(desk: Desk, folder: Path) -> None:
    with pytest.raises(errors.NotFound):
        desk.sync.export_actuals("no-such-facility", 2026, 3, folder / "actuals.csv")

    assert list(folder.iterdir()) == []


def half_written(*args: object) -> None:
    """A writer (``write_csv(path, …)`` or ``Workbook.save(self, path)``) that gets half-way,
    then the disk is full."""
    path = next(a for a in args if isinstance(a, (str, Path)))
    Path(path).write_bytes(BOM + b"facility_code,child_na")
    raise OSError(28, "No space left on device")


@pytest.mark.parametrize(("name", "writer"), [
    ("actuals.csv", "hoiku_desk.services.sync.actuals.write_csv"),
    ("actuals.xlsx", "openpyxl.Workbook.save"),
])
def test_a_failed_export_keeps_the_previous_files_and_leaves_no_part_file(
    desk: Desk, march: March, folder: Path, monkeypatch: pytest.MonkeyPatch, name: str, writer: str
) -> None:
    out = folder / name
    summary = folder / "actuals_summary.csv"
    out.write_bytes(b"last month's file")
    summary.write_bytes(b"last month's summary")
    monkeypatch.setattr(writer, half_written)

    with pytest.raises(errors.ExportFileError, match="書き出せません"):
        export(desk, march.k01, out)

    assert sorted(p.name for p in folder.iterdir()) == sorted([name, summary.name])
    assert (out.read_bytes(), summary.read_bytes()) == (b"last month's file", b"last month's summary")

