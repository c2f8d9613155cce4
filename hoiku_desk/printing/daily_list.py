"""The printed daily list (出席簿) as HTML for ``QTextDocument``: a pure function of a
:class:`~hoiku_desk.services.records.DailySheet`, so it is tested without a database or Qt.

Qt's rich text understands a subset of HTML 4 and CSS: the table's ``<thead>`` row becomes
the table's header row, which ``QTextDocument`` repeats at the top of every page; the
``<title>`` becomes the document's title, which :mod:`.pdf` draws as the running page header.
Every text from the database is escaped.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from html import escape
from itertools import groupby

from hoiku_desk import messages
from hoiku_desk.printing.era import era_date
from hoiku_desk.services.clock import age_text
from hoiku_desk.services.records import AttendanceRow, DailySheet, DailyTotals, SlotCaregivers

#: (header, width in % of the page) of the list's columns; the last three stay blank for pen.
COLUMNS = (
    ("時間", 7), ("氏名", 9), ("フリガナ", 9), ("年齢", 7), ("アレルギー・特記事項", 14),
    ("お迎え", 11), ("電話・緊急連絡先", 16), ("状態", 5), ("料金<br>請求 / 受領", 8),
    ("登園", 4), ("降園", 4), ("サイン", 6),
)

STYLE = """
body { font-size: 8pt; }
table.list { border-collapse: collapse; }
table.list th { background-color: #e8e8e8; font-weight: normal; border: 1px solid #555; }
table.list td { border: 1px solid #555; }
td.pen { height: 24px; }
p.title { font-size: 13pt; }
p.totals { font-size: 9pt; margin-top: 6px; }
p.section { font-size: 9pt; margin-top: 8px; }
table.care { border-collapse: collapse; }
table.care th { background-color: #e8e8e8; font-weight: normal; border: 1px solid #555; }
table.care td { border: 1px solid #555; }
"""


def daily_list_html(sheet: DailySheet) -> str:
    """The whole document: heading, the list (rows in the sheet's order), totals, and the
    caregivers each slot needs."""
    return "".join([
        "<html><head><meta charset=\"utf-8\">",
        f"<title>{escape(running_title(sheet))}</title>",
        f"<style>{STYLE}</style></head><body>",
        heading(sheet),
        list_table(sheet),
        totals_line(sheet.totals),
        caregivers_table(sheet.caregivers),
        "</body></html>",
    ])


def printed_at_text(at: datetime) -> str:
    """``2026年2月9日(月) 8:15``."""
    return f"{messages.format_date(at.date(), with_year=True)} {messages.format_time(at.time())}"


def running_title(sheet: DailySheet) -> str:
    """What each page's header repeats: facility, date and time of printing."""
    return f"{sheet.facility_name}　出席簿　{era_date(sheet.day)}　印刷 {printed_at_text(sheet.printed_at)}"


def heading(sheet: DailySheet) -> str:
    return (
        "<table width=\"100%\" cellpadding=\"0\" cellspacing=\"0\"><tr>"
        f"<td><p class=\"title\">出席簿　{escape(sheet.facility_name)}</p></td>"
        f"<td align=\"right\"><p class=\"title\">{era_date(sheet.day)}</p>"
        f"印刷 {printed_at_text(sheet.printed_at)}</td>"
        "</tr></table>"
    )


def list_table(sheet: DailySheet) -> str:
    head = "".join(f"<th width=\"{width}%\">{title}</th>" for title, width in COLUMNS)
    body = "".join(list_row(row, sheet) for row in sheet.rows)
    if not sheet.rows:
        body = f"<tr><td colspan=\"{len(COLUMNS)}\">この日の予約はありません。</td></tr>"
    return (
        "<table class=\"list\" width=\"100%\" cellpadding=\"3\" cellspacing=\"0\">"
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def list_row(row: AttendanceRow, sheet: DailySheet) -> str:
    times = f"{messages.format_time(row.start)}–{messages.format_time(row.end)}"
    if row.kind == "regular":
        times += "<br>定期"
    age = age_text(row.birth_date, sheet.day) if row.birth_date else row.age
    cells = [
        times, escape(row.child_name), escape(row.kana), age, lines(notes(row)),
        lines(pickup(row)), lines(phones(row)), state(row),
        f"{messages.format_yen(row.fee_due_yen)} / {messages.format_yen(row.paid_yen)}",
    ]
    pen = [clock_time(row.checked_in_at), clock_time(row.checked_out_at), ""]
    return (
        "<tr>" + "".join(f"<td>{cell}</td>" for cell in cells)
        + "".join(f"<td class=\"pen\" align=\"center\">{cell}</td>" for cell in pen) + "</tr>"
    )


def lines(parts: Iterable[str]) -> str:
    """Non-empty texts, escaped, one per line."""
    return "<br>".join(escape(part) for part in parts if part)


def notes(row: AttendanceRow) -> list[str]:
    return [
        f"アレルギー: {row.allergies}" if row.allergies else "",
        row.notes, row.comment,
        f"降園メモ: {row.attendance_note}" if row.attendance_note else "",
    ]


def pickup(row: AttendanceRow) -> list[str]:
    if row.pickup.kind == "guardian":
        return [f"保護者 {row.guardian_name}".strip()]
    relation = f"({row.pickup.relation})" if row.pickup.relation else ""
    return [f"{row.pickup.name}{relation}", row.pickup.phone]


def phones(row: AttendanceRow) -> list[str]:
    contacts = [
        f"{c.name}{f'({c.relation})' if c.relation else ''} {c.phone}".strip() for c in row.contacts
    ]
    return [row.phone, *contacts]


def state(row: AttendanceRow) -> str:
    if row.checked_out_at is not None:
        return "降園済"
    if row.checked_in_at is not None:
        return "登園済"
    return messages.status_label(row.status)


def clock_time(at: datetime | None) -> str:
    return messages.format_time(at.time()) if at else ""


def totals_line(totals: DailyTotals) -> str:
    return (
        "<p class=\"totals\">"
        f"合計　予定 {totals.expected}名　／　在園 {totals.present}名　／　降園 {totals.gone_home}名　／　"
        f"無断欠席 {totals.no_shows}名　／　"
        f"料金 請求 {messages.format_yen(totals.due_yen)}・受領 {messages.format_yen(totals.paid_yen)}"
        "</p>"
    )


def caregivers_table(slots: Iterable[SlotCaregivers]) -> str:
    """One line per run of consecutive slots with the same children by age."""
    runs = [list(run) for _, run in groupby(slots, key=lambda s: (s.by_age, s.caregivers))]
    if not runs:
        return ""
    body = "".join(
        "<tr>"
        f"<td>{messages.format_time(run[0].start)}–{messages.format_time(run[-1].end)}</td>"
        f"<td align=\"right\">{run[0].children}名</td>"
        f"<td>{'・'.join(f'{age}歳 {count}名' for age, count in run[0].by_age)}</td>"
        f"<td align=\"right\">{run[0].caregivers}名</td>"
        "</tr>"
        for run in runs
    )
    return (
        "<p class=\"section\">時間帯別の必要保育者数（年齢別の配置基準による。児童がいる間は2名以上）</p>"
        "<table class=\"care\" width=\"60%\" cellpadding=\"3\" cellspacing=\"0\"><thead><tr>"
        "<th width=\"20%\">時間帯</th><th width=\"15%\">児童数</th><th width=\"45%\">年齢別</th>"
        "<th width=\"20%\">必要な保育者</th></tr></thead>"
        f"<tbody>{body}</tbody></table>"
    )
