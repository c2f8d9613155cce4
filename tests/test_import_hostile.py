"""Hostile request files (SPEC "Files" → "Request file"): the malformed cases
tests/test_import_requests.py does not cover, and property-based fuzzing of request rows.

Whatever a file holds, an import either raises :class:`errors.ImportFileError` (a clear
Japanese sentence, nothing written) or returns a report in which every non-blank data row is
accounted for exactly once — accepted, duplicate, cancelled or rejected by line and reason.
"""

from __future__ import annotations

import csv
import io
import re
import sqlite3
import tempfile
import zipfile
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from hoiku_desk import models
from hoiku_desk.services import Desk, Facility, FacilityRules, errors
from hoiku_desk.services.records import ImportReport
from hoiku_desk.services.sync.request_file import COLUMNS, FIELD_LIMIT
from tests.conftest import Clock
from tests.helpers import t

# -- the world every test imports into -------------------------------------------------------
FIRST_DAY, LAST_DAY = date(2026, 3, 2), date(2026, 3, 31)
#: (name, kana, birth date) of the children approved at K01 (川口 葵 at D01 too).
KNOWN = (
    ("大野 芽依", "オオノ メイ", "2023-11-02"),
    ("川口 葵", "カワグチ アオイ", "2024-08-30"),
    ("石井 颯", "イシイ ハヤテ", "2024-06-21"),
)
#: A child the desk does not know yet: a registration row creates her.
NEWCOMER = ("新井 結", "アライ ユイ", "2024-01-05")
INTERVIEW_DAY = date(2026, 3, 5)
#: K01 holds two children per slot, so three known children can overfill one.
K01_RULES = FacilityRules(default_capacity=2)


@dataclass(frozen=True)
class World:
    k01: Facility
    d01: Facility


def build_world(desk: Desk) -> World:
    k01 = desk.facilities.add("K01", "ひかり保育園 一時保育", K01_RULES)
    d01 = desk.facilities.add("D01", "ひかり保育園 誰でも通園", FacilityRules.daredemo())
    for n, (name, kana, born) in enumerate(KNOWN):
        child = desk.children.add(name=name, kana=kana, birth_date=date.fromisoformat(born),
                                  sex="female", guardian_name="保護者 花子", phone=f"090-0000-{n:04d}")
        for facility in (k01, d01) if kana == "カワグチ アオイ" else (k01,):
            registration = desk.registrations.apply(child.id, facility.id)
            desk.registrations.approve(registration.id, interviewed_on=date(2026, 2, 23))
    desk.interviews.add_slot(k01.id, INTERVIEW_DAY, t("10:00"), t("10:30"))
    return World(k01, d01)


@pytest.fixture
def world(desk: Desk) -> World:
    return build_world(desk)


# -- writing files and reading what was written ------------------------------------------------
Row = dict[str, str]


def booking(request_id: str = "L-1", **cells: str) -> Row:
    row = {"request_id": request_id, "received_at": "2026-03-02 08:15", "channel": "line",
           "type": "booking", "facility_code": "K01", "child_name": "大野 芽依",
           "child_kana": "オオノ メイ", "birth_date": "2023-11-02", "date": "2026-03-09",
           "start": "09:30", "end": "12:00"}
    return row | cells


def cancel(request_id: str, target: str, received_at: str = "2026-03-02 08:30") -> Row:
    return {"request_id": request_id, "received_at": received_at, "channel": "line",
            "type": "cancel", "facility_code": "K01", "target_request_id": target,
            "cancel_reason": "family"}


def csv_text(rows: Sequence[Row], header: Sequence[str] = COLUMNS) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([row.get(column, "") for column in header] for row in rows)
    return out.getvalue()


def write_rows(folder: Path, *rows: Row, encoding: str = "utf-8", name: str = "requests.csv") -> Path:
    return write_bytes(folder, csv_text(rows).encode(encoding), name)


def write_bytes(folder: Path, content: bytes, name: str = "requests.csv") -> Path:
    path = folder / name
    path.write_bytes(content)
    return path


def table_counts(desk: Desk) -> dict[str, int]:
    """Rows in every table (the audit log included): "nothing written" means all equal."""
    with desk._ctx.read() as uow:  # noqa: SLF001 - the tests look at what was written
        return {table.name: uow.session.scalar(select(func.count()).select_from(table)) or 0
                for table in models.Base.metadata.sorted_tables}


def queue_item(desk: Desk, request_id: str) -> models.QueueItem | None:
    with desk._ctx.read() as uow:  # noqa: SLF001
        found = uow.session.scalar(select(models.QueueItem).where(models.QueueItem.request_id == request_id))
        if found is not None:
            uow.session.expunge(found)
        return found


def held_booking(desk: Desk, request_id: str) -> models.Booking:
    item = queue_item(desk, request_id)
    assert item is not None and item.booking_id is not None, f"{request_id} holds no booking"
    with desk._ctx.read() as uow:  # noqa: SLF001
        found = uow.session.get(models.Booking, item.booking_id)
        assert found is not None
        uow.session.expunge(found)
        return found


JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]")


def is_japanese_sentence(text: str) -> bool:
    return bool(JAPANESE.search(text)) and text.rstrip().endswith("。")


def rejected_alone(report: ImportReport, line: int, *fragments: str) -> str:
    """The reason of the one row ``report`` rejects, which must be at ``line`` and name each
    of ``fragments`` in a Japanese sentence."""
    [(rejected_line, reason)] = report.rejected
    assert rejected_line == line and is_japanese_sentence(reason), report.rejected
    for fragment in fragments:
        assert fragment in reason, (fragment, reason)
    return reason


def assert_refused_writing_nothing(desk: Desk, path: Path, reason: str | None = None) -> errors.ImportFileError:
    before = table_counts(desk)
    with pytest.raises(errors.ImportFileError) as raised:
        desk.sync.import_requests(path)
    assert is_japanese_sentence(str(raised.value)), str(raised.value)
    assert "何も取り込んでいません" in str(raised.value)
    if reason is not None:
        assert raised.value.reason == reason
    assert table_counts(desk) == before
    return raised.value


# -- files that are not request files ---------------------------------------------------------
def zipped_request_file() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("requests.csv", csv_text([booking()]))
    return out.getvalue()


PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
       b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N"
       b"\x00\x00\x00\x00IEND\xaeB`\x82")
#: 1.5 MB of good UTF-8 rows, then a byte (0x82 before a space) neither UTF-8 nor CP932 reads.
ONE_MB_OF_UTF8 = csv_text([booking(f"L-{n}", date="2026-03-10", comment="午睡あり。アレルギーなし。")
                           for n in range(8_000)]).encode()
assert len(ONE_MB_OF_UTF8) > 2**20
NOT_REQUEST_FILES = [
    pytest.param((csv_text([booking()])).encode("utf-16"), "undecodable", id="utf-16"),
    pytest.param((csv_text([booking()])).encode("utf-32"), "undecodable", id="utf-32"),
    pytest.param(PNG, "undecodable", id="png"),
    pytest.param(zipped_request_file(), "undecodable", id="zip"),
    pytest.param(b"\xef\xbb\xbf", "no_header", id="bom-only"),
    pytest.param(b"\xef\xbb\xbf\r\n \t\r\n,,,\r\n", "no_header", id="bom-and-blank-lines"),
    pytest.param(ONE_MB_OF_UTF8 + b"\x82\x20\r\n", "undecodable", id="1mb-utf8-then-a-bad-byte"),
    pytest.param(csv_text([booking(), booking("L-2", comment="a\x00b")]).encode(), "undecodable",
                 id="nul-in-a-data-row"),
    pytest.param(csv_text([booking()]).encode() + csv_text([booking("L-2")]).encode("cp932"),
                 "undecodable", id="utf8-then-cp932-rows"),
    pytest.param(csv_text([booking()]).encode() + b"\xe3\x82", "undecodable", id="truncated-utf8-at-end"),
]


@pytest.mark.parametrize(("content", "reason"), NOT_REQUEST_FILES)
def test_a_file_that_is_not_a_request_file_is_refused_and_nothing_is_written(
    desk: Desk, world: World, tmp_path: Path, content: bytes, reason: str
) -> None:
    assert_refused_writing_nothing(desk, write_bytes(tmp_path, content), reason)


@pytest.mark.parametrize("damage", [
    pytest.param(b"\xff", id="byte-cp932-does-not-map"),
    pytest.param(b"\x81\x40", id="bytes-that-are-a-cp932-character"),
])
def test_a_utf8_file_with_one_corrupt_byte_is_not_read_as_cp932_mojibake(
    desk: Desk, world: World, tmp_path: Path, damage: bytes
) -> None:
    """A UTF-8 file (katakana only, which happens to be valid CP932 byte by byte) damaged by
    one stray byte: staff expect "not a request file", not children named 繧｢繝ｩ繧､."""
    registration = {"request_id": "W-1", "type": "registration", "facility_code": "K01",
                    "child_name": "アライ ユイ", "child_kana": "アライ ユイ", "birth_date": "2024-01-05",
                    "guardian_name": "アライ アオイ"}
    undamaged = csv_text([registration]).encode()
    content = undamaged + damage + b"\r\n"
    undamaged.decode("cp932")  # the premise: the undamaged part reads as CP932 too

    assert_refused_writing_nothing(desk, write_bytes(tmp_path, content), "undecodable")


@pytest.mark.parametrize("kind", ["directory", "missing"])
def test_a_path_that_is_not_a_readable_file_is_refused_in_japanese(
    desk: Desk, world: World, tmp_path: Path, kind: str
) -> None:
    path = tmp_path if kind == "directory" else tmp_path / "どこにもない.csv"

    refused = assert_refused_writing_nothing(desk, path, "unreadable")

    assert str(path) in str(refused)


# -- files without rows ---------------------------------------------------------------------
EMPTY_REQUEST_FILES = [
    pytest.param(",".join(COLUMNS) + "\r\n", id="header-only"),
    pytest.param(",".join(COLUMNS), id="header-without-newline"),
    pytest.param("\ufeff" + ",".join(COLUMNS) + "\r\n", id="bom-and-header"),
    pytest.param("\r\n\r\n" + ",".join(COLUMNS) + "\r\n\r\n  \r\n,,,,\r\n\u3000,\t\r\n", id="blank-rows-around"),
]


@pytest.mark.parametrize("text", EMPTY_REQUEST_FILES)
def test_a_request_file_without_rows_imports_nothing_and_says_so(
    desk: Desk, world: World, tmp_path: Path, text: str
) -> None:
    before = table_counts(desk)

    report = desk.sync.import_requests(write_bytes(tmp_path, text.encode()))

    assert (report.accepted, report.duplicates, report.cancelled, report.rejected) == (0, 0, 0, [])
    assert table_counts(desk) == before


# -- headers --------------------------------------------------------------------------------
HEADER_VARIANTS = [
    pytest.param(" Request_ID ,TYPE,Facility_Code,child_kana,birth_date,date,start,end",
                 id="case-and-spaces"),
    pytest.param("memo,date,start,end,type,request_id,facility_code,child_kana,birth_date,extra",
                 id="reordered-unknown-columns"),
    pytest.param("申請番号,申請種別,施設コード,児童フリガナ,生年月日,利用日,開始時刻,終了時刻",
                 id="other-japanese-aliases"),
]


@pytest.mark.parametrize("header", HEADER_VARIANTS)
def test_header_spelling_and_order_do_not_matter(
    desk: Desk, world: World, tmp_path: Path, header: str
) -> None:
    columns = [c.strip().lower() for c in header.split(",")]
    aliases = {"申請番号": "request_id", "申請種別": "type", "施設コード": "facility_code",
               "児童フリガナ": "child_kana", "生年月日": "birth_date", "利用日": "date",
               "開始時刻": "start", "終了時刻": "end"}
    row = booking() | {"memo": "メモ", "extra": "x"}
    cells = [row.get(aliases.get(c, c), "") for c in columns]
    path = write_bytes(tmp_path, (header + "\r\n" + ",".join(cells) + "\r\n").encode())

    report = desk.sync.import_requests(path)

    assert (report.accepted, report.rejected) == (1, [])
    assert held_booking(desk, "L-1").start == t("09:30")


def test_a_duplicated_header_column_takes_its_first_filled_cell(
    desk: Desk, world: World, tmp_path: Path
) -> None:
    header = "request_id,type,facility_code,child_kana,birth_date,date,start,end,date,request_id"
    line = "L-1,booking,K01,オオノ メイ,2023-11-02,2026-03-09,09:30,12:00,2026-03-10,L-9"
    path = write_bytes(tmp_path, f"{header}\r\n{line}\r\n".encode())

    report = desk.sync.import_requests(path)

    assert report.accepted == 1
    assert held_booking(desk, "L-1").day == date(2026, 3, 9) and queue_item(desk, "L-9") is None


# -- rows of the wrong shape ----------------------------------------------------------------
HEADER = "request_id,received_at,channel,type,facility_code,child_name,child_kana,birth_date,date,start,end"
GOOD = "L-1,2026-03-02 08:15,line,booking,K01,大野 芽依,オオノ メイ,2023-11-02,2026-03-09,09:30,12:00"
LAST = "L-3,2026-03-02 08:15,line,booking,K01,川口 葵,カワグチ アオイ,2024-08-30,2026-03-10,09:30,12:00"
SHAPES = [
    pytest.param(GOOD.replace("L-1", "L-2").replace("03-09", "03-11") + ",surplus,cells", None,
                 id="more-cells-than-header"),
    pytest.param("L-2,2026-03-02 08:15,line,booking,K01,大野 芽依,オオノ メイ,2023-11-02", "利用日",
                 id="fewer-cells"),
    pytest.param("L-2", "種別", id="only-the-request-id"),
    pytest.param(",,,booking", "申請ID", id="cells-but-no-request-id"),
]


@pytest.mark.parametrize(("middle", "fragment"), SHAPES)
def test_a_row_of_the_wrong_length_is_judged_on_the_cells_it_has(
    desk: Desk, world: World, tmp_path: Path, middle: str, fragment: str | None
) -> None:
    path = write_bytes(tmp_path, "\r\n".join((HEADER, GOOD, middle, LAST, "")).encode())

    report = desk.sync.import_requests(path)

    if fragment is None:
        assert (report.accepted, report.rejected) == (3, [])
    else:
        assert report.accepted == 2
        rejected_alone(report, 3, fragment)
    assert queue_item(desk, "L-1") is not None and queue_item(desk, "L-3") is not None


def test_a_rejected_row_spanning_lines_is_reported_where_it_starts(
    desk: Desk, world: World, tmp_path: Path
) -> None:
    spanning = booking("L-2", date="2026-02-30", comment="一行目\r\n二行目\n三行目")
    path = write_rows(tmp_path, booking(), spanning, booking("L-3", date="2026-03-10"))

    report = desk.sync.import_requests(path)

    assert report.accepted == 2 and [line for line, _ in report.rejected] == [3]


def test_an_unclosed_quote_does_not_silently_swallow_the_rows_after_it(
    desk: Desk, world: World, tmp_path: Path
) -> None:
    """A stray quote opens a cell that never closes: the rows after it must not vanish
    without a word — the broken row is reported (or the file refused)."""
    broken = GOOD.replace("L-1", "L-2").replace("03-09", "03-11") + ',"午睡あり'
    path = write_bytes(tmp_path, "\r\n".join((HEADER + ",comment", GOOD + ",", broken, LAST + ",", "")).encode())
    before = table_counts(desk)

    try:
        report = desk.sync.import_requests(path)
    except errors.ImportFileError as refused:
        assert is_japanese_sentence(str(refused)) and table_counts(desk) == before
        return
    accounted = report.accepted + report.duplicates + report.cancelled + len(report.rejected)
    assert accounted == 3, f"3 data rows, {accounted} accounted for: {report}"
    assert queue_item(desk, "L-3") is not None or any(line == 3 for line, _ in report.rejected)


UNREADABLE_ROWS = [
    pytest.param(',"午睡あり', id="quote-never-closed"),
    pytest.param(',"午睡あり\r\n' + GOOD.replace("L-1", "L-4").replace("03-09", "03-12") + ',"また""あとで"',
                 id="quote-closed-by-a-later-row"),
    pytest.param(',"午睡"あり', id="text-after-a-closing-quote"),
    pytest.param("," + "あ" * (FIELD_LIMIT + 1), id="cell-over-the-field-limit"),
]


@pytest.mark.parametrize("broken", UNREADABLE_ROWS)
def test_a_row_csv_cannot_read_is_rejected_at_its_line_and_the_rows_after_it_import(
    desk: Desk, world: World, tmp_path: Path, broken: str
) -> None:
    """The row is given up after its first line; the lines after it are read again as rows,
    so a stray quote costs one row (reported, with what to do), not the rest of the file."""
    middle = GOOD.replace("L-1", "L-2").replace("03-09", "03-11") + broken
    lines = (HEADER + ",comment", GOOD + ",", middle, LAST + ",", "")
    path = write_bytes(tmp_path, "\r\n".join(lines).encode())

    report = desk.sync.import_requests(path)

    rejected_alone(report, 3, "引用符", "もう一度取り込んで")
    assert queue_item(desk, "L-2") is None
    assert held_booking(desk, "L-1").day == date(2026, 3, 9) and held_booking(desk, "L-3").day == date(2026, 3, 10)
    expected = 3 if "L-4" in broken else 2
    assert report.accepted == expected, report


def test_a_header_csv_cannot_read_refuses_the_file(desk: Desk, world: World, tmp_path: Path) -> None:
    path = write_bytes(tmp_path, ('request_id,type,"comment\r\n' + GOOD + "\r\n").encode())

    refused = assert_refused_writing_nothing(desk, path, "unreadable_header")

    assert "見出しの行が読めません" in str(refused)


@pytest.mark.parametrize("where", ["comment", "unclosed-quote"])
def test_a_cell_longer_than_the_csv_field_limit_is_reported_not_a_crash(
    desk: Desk, world: World, tmp_path: Path, where: str
) -> None:
    """csv.field_size_limit() is 131 072 characters: a 200 000-character cell must end as a
    rejected row or an ImportFileError in Japanese, never a raw csv.Error."""
    huge = "あ" * 200_000
    if where == "comment":
        path = write_rows(tmp_path, booking(), booking("L-2", date="2026-03-11", comment=huge),
                          booking("L-3", date="2026-03-10"))
    else:
        text = "\r\n".join((HEADER + ",comment", GOOD + ",", GOOD.replace("L-1", "L-2") + ',"' + huge, ""))
        path = write_bytes(tmp_path, text.encode())
    before = table_counts(desk)

    try:
        report = desk.sync.import_requests(path)
    except errors.ImportFileError as refused:
        assert is_japanese_sentence(str(refused)) and table_counts(desk) == before
        return
    assert queue_item(desk, "L-1") is not None
    assert all(line >= 2 and is_japanese_sentence(reason) for line, reason in report.rejected)
    if where == "comment":
        assert queue_item(desk, "L-3") is not None
        if report.rejected:
            assert [line for line, _ in report.rejected] == [3]
        else:
            assert held_booking(desk, "L-2").comment == huge


# -- encodings and characters ---------------------------------------------------------------
def test_cp932_file_keeps_ibm_extension_kanji_in_names(desk: Desk, world: World, tmp_path: Path) -> None:
    registration = {"request_id": "W-1", "received_at": "2026-03-02 07:30", "type": "registration",
                    "facility_code": "K01", "child_name": "髙﨑 結", "child_kana": "タカサキ ユイ",
                    "birth_date": "2024-01-05", "guardian_name": "髙﨑 誠", "phone": "090-1111-2222"}
    path = write_rows(tmp_path, registration, encoding="cp932")

    report = desk.sync.import_requests(path)

    assert (report.accepted, report.rejected) == (1, [])
    [child] = desk.children.search("タカサキ")
    assert (child.name, child.guardian_name) == ("髙﨑 結", "髙﨑 誠")


def test_cp932_file_in_halfwidth_katakana_is_not_mistaken_for_damaged_utf8(
    desk: Desk, world: World, tmp_path: Path
) -> None:
    """Halfwidth katakana bytes pair up into well-formed UTF-8 now and then (ﾊｼ is 0xCA 0xBC):
    an old system's CP932 file written in them is still read as CP932."""
    kana = "ﾊｼﾓﾄ ﾕｲ"
    registration = {"request_id": "W-1", "received_at": "2026-03-02 07:30", "type": "registration",
                    "facility_code": "K01", "child_name": kana, "child_kana": kana, "birth_date": "2024-01-05",
                    "guardian_name": "ﾊｼﾓﾄ ﾏｺﾄ", "guardian_kana": "ﾊｼﾓﾄ ﾏｺﾄ", "phone": "090-1111-2222"}
    path = write_rows(tmp_path, registration, booking("L-1", child_kana="ｵｵﾉ ﾒｲ"), encoding="cp932")

    report = desk.sync.import_requests(path)

    assert (report.accepted, report.rejected) == (2, [])
    [child] = desk.children.search("ハシモト")
    assert (child.name, child.guardian_name) == (kana, "ﾊｼﾓﾄ ﾏｺﾄ")


@pytest.mark.parametrize("encoding", ["cp932", "utf-8"])
@pytest.mark.parametrize("kana", ["ｵｵﾉ ﾒｲ", "おおの　めい", "オオノメイ"])
def test_kana_written_differently_still_finds_the_registered_child(
    desk: Desk, world: World, tmp_path: Path, encoding: str, kana: str
) -> None:
    path = write_rows(tmp_path, booking(child_kana=kana), encoding=encoding)

    desk.sync.import_requests(path)

    held = held_booking(desk, "L-1")
    assert (held.status, held.day) == ("pending", date(2026, 3, 9))
    assert desk.children.search("オオノ")[0].id == held.child_id


def test_formulas_and_emoji_are_kept_as_plain_text(desk: Desk, world: World, tmp_path: Path) -> None:
    comment = '=HYPERLINK("http://example.com","押して") 👶🍼 "引用"'
    path = write_rows(tmp_path, booking(comment=comment))

    assert desk.sync.import_requests(path).accepted == 1
    assert held_booking(desk, "L-1").comment == comment


# -- dates and times ------------------------------------------------------------------------
TIMES = [
    pytest.param("9:30", None, id="one-digit-hour"),
    pytest.param("09:3", "開始時刻", id="one-digit-minute"),
    pytest.param("0930", "開始時刻", id="no-colon"),
    pytest.param("24:00", "開始時刻", id="hour-24"),
    pytest.param("09:60", "開始時刻", id="minute-60"),
    pytest.param("09:30:00", "開始時刻", id="with-seconds"),
    pytest.param("午前9:30", "開始時刻", id="japanese-prefix"),
]


@pytest.mark.parametrize(("start", "fragment"), TIMES)
def test_start_times_are_read_as_hh_mm_only(
    desk: Desk, world: World, tmp_path: Path, start: str, fragment: str | None
) -> None:
    path = write_rows(tmp_path, booking(start=start))

    report = desk.sync.import_requests(path)

    if fragment is None:
        assert report.accepted == 1 and held_booking(desk, "L-1").start == t("09:30")
    else:
        assert report.accepted == 0
        rejected_alone(report, 2, fragment, start)


DAYS = [
    pytest.param("2026-02-29", id="not-a-leap-year"),
    pytest.param("2026-00-10", id="month-0"),
    pytest.param("26-03-09", id="two-digit-year"),
    pytest.param("2026.03.09", id="dots"),
    pytest.param("2026年3月9日", id="japanese-style"),
]


@pytest.mark.parametrize("day", DAYS)
def test_dates_outside_yyyy_mm_dd_are_rejected_with_the_value(
    desk: Desk, world: World, tmp_path: Path, day: str
) -> None:
    path = write_rows(tmp_path, booking(birth_date=day))

    rejected_alone(desk.sync.import_requests(path), 2, "生年月日", day)


@pytest.mark.parametrize(("received_at", "moment"), [
    ("2026-03-02 08:15:30", datetime(2026, 3, 2, 8, 15, 30)),
    ("2026/03/02 8:15", datetime(2026, 3, 2, 8, 15)),
])
def test_received_at_with_seconds_or_slashes_is_understood(
    desk: Desk, world: World, tmp_path: Path, received_at: str, moment: datetime
) -> None:
    desk.sync.import_requests(write_rows(tmp_path, booking(received_at=received_at)))

    item = queue_item(desk, "L-1")
    assert item is not None and item.received_at == moment


@pytest.mark.parametrize("received_at", ["2026-03-02 08:15:99", "2026-03-02 08:15:xx", "2026-03-02T08:15"])
def test_received_at_with_garbage_after_the_minutes_is_rejected(
    desk: Desk, world: World, tmp_path: Path, received_at: str
) -> None:
    rejected_alone(desk.sync.import_requests(write_rows(tmp_path, booking(received_at=received_at))), 2, "受付日時")


UNREADABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


@pytest.mark.parametrize("value", [
    pytest.param("\x1b[31m09:30", id="terminal-escape"),
    pytest.param("\u202e03:90", id="right-to-left-override"),
    pytest.param("09\x0730", id="bell"),
    pytest.param("09\u202830", id="line-separator"),
    pytest.param("9" * 5000, id="5000-characters"),
])
def test_a_rejected_value_is_shown_readably_in_the_reason(
    desk: Desk, world: World, tmp_path: Path, value: str
) -> None:
    """The reason is read by staff in the report: the bad value may be quoted, but not with
    control characters that scramble the line, nor as a wall of 5 000 characters."""
    reason = rejected_alone(desk.sync.import_requests(write_rows(tmp_path, booking(start=value))), 2, "開始時刻")

    assert not UNREADABLE.search(reason), repr(reason)
    assert len(reason) <= 300, f"{len(reason)} characters"
    assert ("…" in reason) == (len(value) > 40)


def test_a_cancel_received_in_the_future_is_not_charged_as_late(
    desk: Desk, world: World, tmp_path: Path
) -> None:
    """Imported on Monday 3/2 at 09:00, a cancel that claims to have been sent on Sunday 3/8 at
    18:00 (after the 3/8 17:00 deadline) cannot have been: the parent must not be charged a
    late fee on the strength of an impossible time. It is reported (rejected) or waits for
    staff; it is not applied as late."""
    desk.sync.import_requests(write_rows(tmp_path, booking(), name="a.csv"))
    path = write_rows(tmp_path, cancel("C-1", "L-1", received_at="2026-03-08 18:00"), name="b.csv")

    report = desk.sync.import_requests(path)

    rejected_alone(report, 2, "2026-03-08 18:00", "未来")
    assert held_booking(desk, "L-1").status == "pending"
    with desk._ctx.read() as uow:  # noqa: SLF001
        assert uow.session.scalar(select(func.count()).select_from(models.Charge)) == 0


# -- cancels inside one file ----------------------------------------------------------------
def test_a_cancel_that_targets_itself_waits_and_cancels_nothing(
    desk: Desk, world: World, tmp_path: Path
) -> None:
    path = write_rows(tmp_path, booking(), cancel("C-1", "C-1"))

    report = desk.sync.import_requests(path)

    assert (report.accepted, report.cancelled, report.rejected) == (2, 0, [])
    [waiting] = [i for i in desk.approvals.pending() if i.request_id == "C-1"]
    assert waiting.kind == "cancel" and any("C-1" in p for p in waiting.problems)
    assert held_booking(desk, "L-1").status == "pending"


def test_a_cancel_of_a_booking_earlier_in_the_same_file_applies_at_once(
    desk: Desk, world: World, tmp_path: Path
) -> None:
    path = write_rows(tmp_path, booking(), cancel("C-1", "L-1"))

    report = desk.sync.import_requests(path)

    assert (report.accepted, report.cancelled) == (1, 1)
    assert held_booking(desk, "L-1").status == "cancelled"
    assert all(i.request_id != "C-1" for i in desk.approvals.pending())


def test_a_cancel_before_its_booking_in_the_file_is_applied_after_the_booking(
    desk: Desk, world: World, tmp_path: Path
) -> None:
    """The cancel waits for the end of the file, where its target is known: it is applied
    as if it came after the booking, free (received before the deadline), and nothing waits
    with "取消対象の申請が見つかりません"; the other rows keep their lines in the report."""
    path = write_rows(tmp_path, cancel("C-1", "L-1"), booking(), booking("L-2", date="2026-02-30"),
                      booking("C-1", date="2026-03-10"))

    report = desk.sync.import_requests(path)

    assert (report.accepted, report.cancelled, report.duplicates) == (1, 1, 1)
    assert [line for line, _ in report.rejected] == [4]
    held = held_booking(desk, "L-1")
    assert held.status == "cancelled" and desk.approvals.pending() == []
    with desk._ctx.read() as uow:  # noqa: SLF001
        charge = uow.session.scalar(select(models.Charge).where(models.Charge.booking_id == held.id))
        assert charge is not None and (charge.late, charge.fee_yen) == (False, 0)


def test_cancels_of_each_other_before_their_booking_wait_in_file_order(
    desk: Desk, world: World, tmp_path: Path
) -> None:
    """C-2 cancels C-1, which cancels L-1 listed last: C-1 is applied at the end of the file,
    so C-2 finds a request already applied and waits with that problem."""
    path = write_rows(tmp_path, cancel("C-1", "L-1"), cancel("C-2", "C-1"), booking())

    report = desk.sync.import_requests(path)

    assert (report.accepted, report.cancelled, report.rejected) == (2, 1, [])
    assert held_booking(desk, "L-1").status == "cancelled"
    [waiting] = desk.approvals.pending()
    assert waiting.request_id == "C-2" and waiting.problems


def test_a_request_id_reused_by_a_cancel_is_a_duplicate_not_a_cancel(
    desk: Desk, world: World, tmp_path: Path
) -> None:
    path = write_rows(tmp_path, booking(), cancel("L-1", "L-1"))

    report = desk.sync.import_requests(path)

    assert (report.accepted, report.duplicates, report.cancelled) == (1, 1, 0)
    assert held_booking(desk, "L-1").status == "pending"


# -- importing the same file again ----------------------------------------------------------
def test_reimport_judges_again_only_the_rows_it_rejected(desk: Desk, world: World, tmp_path: Path) -> None:
    """Decided behaviour: the request id is the key for what was imported. A rejected row
    was not imported, so a later import of the file judges it again — the booking for the
    unknown facility Z99 imports once Z99 exists — while the rows imported the first time
    are duplicates."""
    path = write_rows(tmp_path, booking(), booking("L-2", facility_code="Z99", date="2026-03-11"),
                      booking("L-3", date="2026-03-10"))
    first = desk.sync.import_requests(path)
    assert first.accepted == 2 and [line for line, _ in first.rejected] == [3]
    assert "Z99" in first.rejected[0][1]
    z99 = desk.facilities.add("Z99", "みどり保育園 一時保育", K01_RULES)
    [child] = desk.children.search("オオノ メイ")
    registration = desk.registrations.apply(child.id, z99.id)
    desk.registrations.approve(registration.id, interviewed_on=date(2026, 2, 23))

    again = desk.sync.import_requests(path)

    assert (again.accepted, again.duplicates, again.cancelled, again.rejected) == (1, 2, 0, [])
    held = held_booking(desk, "L-2")
    assert (held.facility_id, held.status) == (z99.id, "pending")
    after = table_counts(desk)
    assert desk.sync.import_requests(path).duplicates == 3
    assert table_counts(desk) == after


# ==========================================================================================
# Property-based fuzzing: a fresh desk per example, copied from a template built once.
# ==========================================================================================
@dataclass(frozen=True)
class Template:
    path: Path
    facility_ids: tuple[str, ...]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    path = tmp_path_factory.mktemp("hostile") / "template.sqlite3"
    with Desk.open(path, clock=Clock()) as desk:
        made = build_world(desk)
    return Template(path, (made.k01.id, made.d01.id))


@contextmanager
def fresh_desk(template: Template) -> Iterator[tuple[Desk, Path]]:
    """A desk on a copy of the template, and a folder for the example's files."""
    with tempfile.TemporaryDirectory(prefix="hoiku-hostile-") as folder:
        target = Path(folder) / "desk.sqlite3"
        with closing(sqlite3.connect(template.path)) as src, closing(sqlite3.connect(target)) as dst:
            src.backup(dst)
        with Desk.open(target, clock=Clock()) as desk:
            yield desk, Path(folder)


# -- strategies ------------------------------------------------------------------------------
HOSTILE = [
    "", " ", "\u3000", '"', '""', "'", "a,b", ",", "一行目\r\n二行目", "\r", "\n", "=1+1",
    '=HYPERLINK("http://x","y")', "@SUM(A1)", "-2+3", "👶🍼", "ｵｵﾉ ﾒｲ", "Ｋ０１", "k01", "Z99",
    "2026-02-30", "2026-13-01", "9/3/2026", "25:00", "24:00", "9:30", "09:3", "0930", "09:30:00",
    "NULL", "None", "\t", "\\", "\u202e", "\ufeff", "\x1b[31m", "\x7f", "\x0b\x0c", "\u2028",
    "x" * 3000, "あ" * 1000, "-1", "0", "1e9",
]
CELL_TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=12)
GARBAGE = st.one_of(st.sampled_from(HOSTILE), CELL_TEXT)
IDS = ["R-1", "R-2", "R-3", "R-4", "R-5"]
DAYS_NEAR = ["2026-03-03", "2026/03/04", "2026-03-05", "2026-03-06", "2026-03-09", "2026-03-10",
             "2026-03-07", "2026-03-20", "2026-03-30", "2026-03-02", "2026-2-27"]
TIMES_ON_GRID = [f"{m // 60:02d}:{m % 60:02d}" for m in range(8 * 60, 17 * 60 + 31, 30)]
RECEIVED = ["2026-03-02 08:15", "2026-03-01 20:00", "2026-03-08 17:01", "2026-03-09 10:00",
            "2026/03/02 7:05", "2026-03-02 08:15:59"]


@st.composite
def request_rows(draw: st.DrawFn) -> Row:
    """A plausible row of any type with up to three of its cells replaced by garbage (or, now
    and then, a blank row, which is skipped and not counted)."""
    if draw(st.integers(0, 14)) == 0:
        return {c: draw(st.sampled_from(["", " ", "\u3000", "\t"])) for c in COLUMNS}
    name, kana, born = draw(st.sampled_from([*KNOWN, NEWCOMER]))
    start = draw(st.sampled_from(TIMES_ON_GRID[:-1]))
    row = {
        "request_id": draw(st.sampled_from(IDS)),
        "received_at": draw(st.sampled_from([*RECEIVED, ""])),
        "channel": "line",
        "type": draw(st.sampled_from(["booking", "booking", "booking", "cancel", "cancel",
                                      "registration", "interview", "regular", "Booking"])),
        "facility_code": draw(st.sampled_from(["K01", "K01", "D01", " K01 ", "Z99"])),
        "child_name": name, "child_kana": kana, "birth_date": born,
        "guardian_name": draw(st.sampled_from(["新井 誠", ""])), "phone": "090-1111-2222",
        "date": draw(st.sampled_from(DAYS_NEAR)),
        "start": start, "end": draw(st.sampled_from([x for x in TIMES_ON_GRID if x > start])),
        "weekdays": draw(st.sampled_from(["火", "mon,wed", "月火"])),
        "first_date": "2026-03-03", "last_date": "2026-03-31",
        "pickup": draw(st.sampled_from(["", "guardian", "保護者"])),
        "comment": draw(st.one_of(st.just(""), GARBAGE)),
        "target_request_id": draw(st.sampled_from(IDS)),
        "cancel_reason": draw(st.sampled_from(["", "family", "illness", "facility"])),
    }
    for column in draw(st.lists(st.sampled_from(COLUMNS), max_size=3)):
        row[column] = draw(GARBAGE)
    return row


@dataclass(frozen=True)
class FuzzFile:
    rows: list[Row]
    header: list[str]
    encoding: str

    def text(self) -> str:
        return csv_text(self.rows, self.header)

    def content(self) -> bytes:
        try:
            return self.text().encode(self.encoding)
        except UnicodeEncodeError:  # CP932 cannot hold every character: UTF-8 with BOM then
            return self.text().encode("utf-8-sig")

    def data_rows(self) -> list[tuple[int, list[str]]]:
        """(line the row starts on, its cells) for each non-blank data row."""
        found, line = [], 2
        for row in self.rows:
            cells = [row.get(c, "") for c in self.header]
            if any(cell.strip() for cell in cells):
                found.append((line, cells))
            line += sum(1 for _ in io.StringIO(csv_text([row], self.header).split("\r\n", 1)[1], newline=""))
        return found


request_files = st.builds(
    FuzzFile,
    rows=st.lists(request_rows(), max_size=8),
    header=st.permutations(COLUMNS).map(list),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp932"]),
)
@st.composite
def booking_rush(draw: st.DrawFn) -> Row:
    """A booking by one of the three known children for one of a few overlapping K01 times:
    more children than the two places of a slot, so only the rules keep it from overfilling."""
    name, kana, born = draw(st.sampled_from(KNOWN))
    start = draw(st.sampled_from(["09:00", "09:30", "10:00"]))
    return booking(draw(st.sampled_from(IDS + ["R-6", "R-7", "R-8"])), child_name=name, child_kana=kana,
                   birth_date=born, date=draw(st.sampled_from(["2026-03-03", "2026-03-04"])),
                   start=start, end=draw(st.sampled_from(["10:30", "11:00", "12:00"])),
                   received_at=draw(st.sampled_from(RECEIVED[:2])))


rushes = st.builds(FuzzFile, rows=st.lists(booking_rush(), min_size=3, max_size=8),
                   header=st.just(list(COLUMNS)), encoding=st.just("utf-8"))


def fuzz(examples: int) -> settings:
    return settings(max_examples=examples, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


def assert_no_slot_over_capacity(desk: Desk, template: Template) -> None:
    for facility_id in template.facility_ids:
        for day, slots in desk.bookings.availability(facility_id, FIRST_DAY, LAST_DAY).items():
            over = [(s.start, s.taken, s.capacity) for s in slots if s.taken > s.capacity]
            assert not over, f"{day}: over capacity {over}"


# -- the properties ----------------------------------------------------------------------------
def check_every_row_is_accounted_for_and_reimport_judges_only_rejected_rows(
    template: Template, file: FuzzFile
) -> None:
    with fresh_desk(template) as (desk, folder):
        path = write_bytes(folder, file.content())
        before = table_counts(desk)
        try:
            report = desk.sync.import_requests(path)
        except errors.ImportFileError as refused:  # the only exception allowed
            assert is_japanese_sentence(str(refused)) and table_counts(desk) == before
            return

        data_rows = file.data_rows()
        accounted = report.accepted + report.duplicates + report.cancelled + len(report.rejected)
        assert accounted == len(data_rows), report
        lines = [line for line, _ in report.rejected]
        assert lines == sorted(set(lines)) and set(lines) <= {line for line, _ in data_rows}
        for line, reason in report.rejected:
            assert line >= 2 and is_japanese_sentence(reason), (line, reason)
        assert_no_slot_over_capacity(desk, template)

        after = table_counts(desk)
        again = desk.sync.import_requests(path)
        # Every row imported (or a duplicate) the first time is a duplicate now; only the
        # rows rejected the first time are judged again (a later row may have made one valid).
        assert again.duplicates >= report.accepted + report.cancelled + report.duplicates, (report, again)
        assert again.duplicates + again.accepted + again.cancelled + len(again.rejected) == len(data_rows)
        assert {line for line, _ in again.rejected} <= set(lines), (report, again)
        if not report.rejected:
            assert table_counts(desk) == after


@fuzz(15)
@given(file=request_files)
def test_fuzzed_request_files_account_for_every_row_and_reimport_judges_only_rejected_rows(
    template: Template, file: FuzzFile
) -> None:
    check_every_row_is_accounted_for_and_reimport_judges_only_rejected_rows(template, file)


@pytest.mark.slow
@fuzz(400)
@given(file=request_files)
def test_many_fuzzed_request_files_account_for_every_row_and_reimport_judges_only_rejected_rows(
    template: Template, file: FuzzFile
) -> None:
    check_every_row_is_accounted_for_and_reimport_judges_only_rejected_rows(template, file)


@fuzz(15)
@given(file=rushes)
def test_a_fuzzed_rush_of_bookings_never_overfills_a_slot(template: Template, file: FuzzFile) -> None:
    check_every_row_is_accounted_for_and_reimport_judges_only_rejected_rows(template, file)


class Stop(Exception):
    """The staff member pressed 中止 in the progress dialog."""


@fuzz(20)
@given(file=request_files, stop_at=st.integers(1, 8))
def test_stopping_a_fuzzed_import_midway_writes_nothing(
    template: Template, file: FuzzFile, stop_at: int
) -> None:
    told: list[float] = []

    def progress(fraction: float) -> None:
        told.append(fraction)
        if len(told) == stop_at:
            raise Stop

    with fresh_desk(template) as (desk, folder):
        path = write_bytes(folder, file.content())
        before = table_counts(desk)
        try:
            desk.sync.import_requests(path, progress=progress)
        except (Stop, errors.ImportFileError):
            assert table_counts(desk) == before
        assert told == sorted(told) and all(0.0 <= f <= 1.0 for f in told)


POISONS = st.sampled_from(["nul", "bad-bytes", "utf-16"])


@fuzz(25)
@given(file=request_files, poison=POISONS, where=st.floats(0.0, 1.0))
def test_a_poisoned_file_is_refused_whole_and_writes_nothing(
    template: Template, file: FuzzFile, poison: str, where: float
) -> None:
    content = file.content()
    cut = int(len(content) * where)
    if poison == "nul":
        content = content[:cut] + b"\x00" + content[cut:]
    elif poison == "bad-bytes":
        content = content[:cut] + b"\x82\x20\xff" + content[cut:]
    else:
        content = file.text().encode("utf-16")
    with fresh_desk(template) as (desk, folder):
        before = table_counts(desk)
        with pytest.raises(errors.ImportFileError) as refused:
            desk.sync.import_requests(write_bytes(folder, content))
        assert is_japanese_sentence(str(refused.value))
        assert table_counts(desk) == before
