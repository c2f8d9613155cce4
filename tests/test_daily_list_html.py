"""The printed daily list's HTML, built by a pure function from a DailySheet (no database),
and its pagination by QTextDocument for an A4 landscape page."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path

import pytest

from hoiku_desk.printing.daily_list import daily_list_html
from hoiku_desk.printing.era import era_date
from hoiku_desk.services import AttendanceRow, Contact, Pickup
from hoiku_desk.services.records import DailySheet, SlotCaregivers

MONDAY = date(2026, 2, 9)


def row(n: int = 0, **changes: object) -> AttendanceRow:
    values: dict[str, object] = dict(
        booking_id=f"b{n}", child_name=f"山田 花子{n}", kana=f"ヤマダ ハナコ{n}", age="",
        start=time(9, 0), end=time(12, 0), pickup=Pickup(), allergies="", status="confirmed",
        phone=f"090-1234-{n:04d}", guardian_name="山田 美咲", fee_yen=900, fee_due_yen=900,
        birth_date=date(2023, 1, 8),
    )
    values.update(changes)
    return AttendanceRow(**values)  # type: ignore[arg-type]


def sheet(rows: list[AttendanceRow], caregivers: tuple[SlotCaregivers, ...] = (), **changes: object) -> DailySheet:
    made = DailySheet(facility_name="ひかり保育園 一時保育", day=MONDAY,
                      printed_at=datetime(2026, 2, 9, 8, 15), rows=tuple(rows), caregivers=caregivers)
    return dataclasses.replace(made, **changes)


def body_rows(html: str) -> list[str]:
    """The list table's body rows."""
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return re.findall(r"<tr>(.*?)</tr>", body)


def cells(table_row: str) -> list[str]:
    return re.findall(r"<td[^>]*>(.*?)</td>", table_row)


# -- the era date ---------------------------------------------------------------------
@pytest.mark.parametrize(("day", "text"), [
    (date(2026, 2, 9), "令和8年2月9日(月)"),
    (date(2019, 5, 1), "令和元年5月1日(水)"),
    (date(2019, 12, 31), "令和元年12月31日(火)"),
    (date(2020, 1, 1), "令和2年1月1日(水)"),
    (date(2019, 4, 30), "平成31年4月30日(火)"),
    (date(1989, 1, 8), "平成元年1月8日(日)"),
    (date(1989, 1, 7), "1989年1月7日(土)"),
])
def test_era_date(day: date, text: str) -> None:
    assert era_date(day) == text


# -- the document -------------------------------------------------------------------
def test_heading_shows_facility_era_date_and_printed_at() -> None:
    html = daily_list_html(sheet([row()]))
    assert "ひかり保育園 一時保育" in html
    assert "令和8年2月9日(月)" in html
    assert "印刷 2026年2月9日(月) 8:15" in html
    title = re.search(r"<title>(.*?)</title>", html)
    assert title is not None and "令和8年2月9日(月)" in title[1] and "8:15" in title[1]


def test_columns_with_a_header_row_that_repeats_and_blank_columns_for_paper() -> None:
    html = daily_list_html(sheet([row()]))
    head = html.split("<thead>", 1)[1].split("</thead>", 1)[0]
    headers = re.findall(r"<th[^>]*>(.*?)</th>", head)
    assert headers == ["時間", "氏名", "フリガナ", "年齢", "アレルギー・特記事項", "お迎え",
                       "電話・緊急連絡先", "状態", "料金<br>請求 / 受領", "登園", "降園", "サイン"]
    assert cells(body_rows(html)[0])[-3:] == ["", "", ""]


def test_rows_keep_the_order_they_are_given_in() -> None:
    given = [row(3, start=time(9)), row(1, start=time(9, 30)), row(2, start=time(13))]
    names = [cells(r)[1] for r in body_rows(daily_list_html(sheet(given)))]
    assert names == ["山田 花子3", "山田 花子1", "山田 花子2"]


def test_one_row_shows_everything_staff_need() -> None:
    busy = row(
        7, start=time(9, 30), end=time(12, 0), allergies="卵", notes="熱性けいれんの既往",
        comment="午後に受診", status="attended", checked_in_at=datetime(2026, 2, 9, 9, 25),
        checked_out_at=datetime(2026, 2, 9, 11, 40), attendance_note="発熱のため早退",
        pickup=Pickup(kind="other", name="山田 和子", relation="祖母", phone="090-1111-2222"),
        contacts=(Contact("山田 健", "父", "080-1357-0000"),), fee_due_yen=750, paid_yen=750,
        kind="regular",
    )
    found = cells(body_rows(daily_list_html(sheet([busy])))[0])
    assert found == [
        "9:30–12:00<br>定期", "山田 花子7", "ヤマダ ハナコ7", "3歳1か月",
        "アレルギー: 卵<br>熱性けいれんの既往<br>午後に受診<br>降園メモ: 発熱のため早退",
        "山田 和子(祖母)<br>090-1111-2222", "090-1234-0007<br>山田 健(父) 080-1357-0000",
        "降園済", "750円 / 750円", "9:25", "11:40", "",
    ]


def test_guardian_pickup_and_statuses() -> None:
    rows = [row(1, status="pending"), row(2), row(3, status="no_show"),
            row(4, status="attended", checked_in_at=datetime(2026, 2, 9, 9, 2))]
    found = [cells(r) for r in body_rows(daily_list_html(sheet(rows)))]
    assert found[0][5] == "保護者 山田 美咲"
    assert [c[7] for c in found] == ["仮予約", "確定", "無断欠席", "登園済"]
    assert [c[9] for c in found] == ["", "", "", "9:02"]


def test_ages_are_taken_on_the_printed_day() -> None:
    leap = row(1, birth_date=date(2024, 2, 29), age="stale")
    on_feb_28 = cells(body_rows(daily_list_html(sheet([leap], day=date(2026, 2, 28))))[0])
    on_feb_27 = cells(body_rows(daily_list_html(sheet([leap], day=date(2026, 2, 27))))[0])
    assert on_feb_28[3] == "2歳0か月"
    assert on_feb_27[3] == "1歳11か月"
    ages = [cells(r)[3] for r in body_rows(daily_list_html(sheet([
        row(2, birth_date=date(2023, 1, 9)), row(3, birth_date=date(2023, 1, 10)),
        row(4, birth_date=date(2023, 2, 9)), row(5, birth_date=date(2025, 8, 10)),
    ])))]
    assert ages == ["3歳1か月", "3歳0か月", "3歳0か月", "0歳5か月"]


def test_every_text_from_the_database_is_escaped() -> None:
    script = "<script>alert('x')</script>"
    hostile = row(1, child_name=script, kana=script, allergies=script, notes="a & b",
                  pickup=Pickup(kind="other", name=script, relation="<b>", phone="1"),
                  contacts=(Contact(script, "<i>", "2"),), guardian_name="<u>")
    html = daily_list_html(sheet([hostile], facility_name="<h1>園</h1>"))
    assert "<script>" not in html and "<h1>" not in html and "<b>" not in html
    assert "<i>" not in html and "<u>" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in cells(body_rows(html)[0])[1]
    assert "a &amp; b" in html and "&lt;h1&gt;園&lt;/h1&gt;" in html


def test_totals_line() -> None:
    rows = [
        row(1, status="attended", checked_in_at=datetime(2026, 2, 9, 9), fee_due_yen=900, paid_yen=900),
        row(2, status="attended", checked_in_at=datetime(2026, 2, 9, 9),
            checked_out_at=datetime(2026, 2, 9, 12), fee_due_yen=900, paid_yen=0),
        row(3, status="no_show", fee_due_yen=900),
        row(4, status="pending", fee_due_yen=600),
    ]
    listed = sheet(rows)
    assert (listed.totals.expected, listed.totals.present, listed.totals.gone_home,
            listed.totals.no_shows, listed.totals.due_yen, listed.totals.paid_yen) == (4, 1, 1, 1, 3300, 900)
    assert ("予定 4名　／　在園 1名　／　降園 1名　／　無断欠席 1名　／　料金 請求 3,300円・受領 900円"
            in daily_list_html(listed))


def test_caregivers_table_joins_consecutive_slots_with_the_same_children() -> None:
    slots = (
        SlotCaregivers(time(8, 30), time(9), 0, (), 0),
        SlotCaregivers(time(9), time(9, 30), 5, ((0, 1), (1, 4)), 2),
        SlotCaregivers(time(9, 30), time(10), 5, ((0, 1), (1, 4)), 2),
        SlotCaregivers(time(10), time(10, 30), 13, ((1, 13),), 3),
    )
    html = daily_list_html(sheet([row()], slots))
    care = html.split("時間帯別の必要保育者数", 1)[1]
    assert [cells(r) for r in re.findall(r"<tr>(.*?)</tr>", care)[1:]] == [
        ["8:30–9:00", "0名", "", "0名"],
        ["9:00–10:00", "5名", "0歳 1名・1歳 4名", "2名"],
        ["10:00–10:30", "13名", "1歳 13名", "3名"],
    ]


def test_a_day_without_bookings_says_so() -> None:
    html = daily_list_html(sheet([]))
    assert "この日の予約はありません。" in html
    assert "時間帯別の必要保育者数" not in html


# -- pagination (Qt) ----------------------------------------------------------------
@pytest.fixture(scope="module", autouse=True)
def font_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The printing font is built once per test session, in a temporary cache folder."""
    from hoiku_desk.printing import font

    folder = tmp_path_factory.getbasetemp() / "font-cache"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(font.CACHE_DIR_ENV, str(folder))
        yield folder


def test_eighty_children_break_across_a4_landscape_pages_with_the_header_on_each(qapp) -> None:
    from PySide6.QtGui import QTextTable
    from PySide6.QtPrintSupport import QPrinter

    from hoiku_desk.printing import pdf

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    pdf.configure(printer)
    rows = [row(n, contacts=(Contact("山田 健", "父", "080-1357-0000"),)) for n in range(80)]

    document = pdf.layout(daily_list_html(sheet(rows)), printer)

    assert printer.pageLayout().orientation().name == "Landscape"
    assert document.pageCount() >= 2
    tables = [f for f in document.rootFrame().childFrames() if isinstance(f, QTextTable)]
    the_list = max(tables, key=lambda table: table.rows())
    assert the_list.rows() == 81
    assert the_list.format().headerRowCount() == 1
    assert document.defaultFont().family() == "Noto Sans CJK JP Desk"
