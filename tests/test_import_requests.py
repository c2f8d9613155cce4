"""Request import (SPEC "Files"): `desk.sync.import_requests`, without the window."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select

from hoiku_desk import models
from hoiku_desk.services import Desk, Facility, errors
from hoiku_desk.services.sync import importer
from tests.conftest import ChildMaker, Clock
from tests.helpers import t

#: Copies of ../shared/samples (the spec's request files), kept here so the tests never skip.
SAMPLES = Path(__file__).resolve().parent / "fixtures" / "samples"
UTF8_SAMPLE = SAMPLES / "requests-sample.csv"
CP932_SAMPLE = SAMPLES / "requests-sample-cp932.csv"
IMPORT_TIME = datetime(2026, 3, 2, 7, 0)
HEADER = ("request_id,received_at,channel,type,facility_code,child_name,child_kana,birth_date,"
          "guardian_name,phone,date,start,end,target_request_id,cancel_reason")
MAR9 = date(2026, 3, 9)


# -- set-up ------------------------------------------------------------------------------
@pytest.fixture
def sites(desk: Desk, clock: Clock, facility: Facility, daredemo: Facility,
          make_child: ChildMaker) -> dict[str, Facility]:
    """The world the samples expect: K01 with an interview slot, 大野 芽依 approved at K01,
    川口 葵 approved at D01, the clock at 2026-03-02 07:00."""
    make_child(facility, name="大野 芽依", kana="オオノ メイ", birth_date=date(2023, 11, 2))
    make_child(daredemo, name="川口 葵", kana="カワグチ アオイ", birth_date=date(2024, 8, 30))
    desk.interviews.add_slot(facility.id, date(2026, 3, 5), t("10:00"), t("10:30"))
    clock.set(IMPORT_TIME)
    return {"K01": facility, "D01": daredemo}


def write(tmp_path: Path, *rows: str, header: str = HEADER, encoding: str = "utf-8",
          name: str = "requests.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(("\r\n".join((header, *rows)) + "\r\n").encode(encoding))
    return path


def count(desk: Desk, model: type) -> int:
    with desk._ctx.read() as uow:  # noqa: SLF001 - the tests look at what was written
        return uow.session.scalar(select(func.count()).select_from(model)) or 0


def detached(desk: Desk, stmt: Any) -> Any:
    """The first row ``stmt`` selects, loaded and detached so the test can read it."""
    with desk._ctx.read() as uow:  # noqa: SLF001 - the tests look at what was written
        found = uow.session.scalar(stmt)
        if found is not None:
            uow.session.expunge(found)
        return found


def queue_item(desk: Desk, request_id: str) -> models.QueueItem | None:
    return detached(desk, select(models.QueueItem).where(models.QueueItem.request_id == request_id))


def booking_row(desk: Desk, request_id: str) -> models.Booking:
    item = queue_item(desk, request_id)
    assert item is not None and item.booking_id is not None
    return detached(desk, select(models.Booking).where(models.Booking.id == item.booking_id))


def charge_of(desk: Desk, booking_id: str) -> models.Charge:
    found = detached(desk, select(models.Charge).where(models.Charge.booking_id == booking_id))
    assert found is not None
    return found


@contextmanager
def run_statements(desk: Desk) -> Iterator[list[str]]:
    """The SQL statements the desk runs inside the block."""
    statements: list[str] = []

    def record(conn: object, cursor: object, statement: str, *args: object) -> None:
        statements.append(statement)

    event.listen(desk._ctx.engine, "before_cursor_execute", record)  # noqa: SLF001
    try:
        yield statements
    finally:
        event.remove(desk._ctx.engine, "before_cursor_execute", record)  # noqa: SLF001


def booking_line(request_id: str, received: str = "2026-03-02 08:15", *, day: str = "2026-03-09",
                 start: str = "09:30", end: str = "12:00", facility: str = "K01",
                 kind: str = "booking") -> str:
    return f"{request_id},{received},line,{kind},{facility},大野 芽依,オオノ メイ,2023-11-02,,,{day},{start},{end},,"


def cancel_line(request_id: str, target: str, received: str) -> str:
    return f"{request_id},{received},line,cancel,K01,大野 芽依,オオノ メイ,2023-11-02,,,,,,{target},family"


# -- the samples ---------------------------------------------------------------------------
@pytest.mark.parametrize("sample", [UTF8_SAMPLE, CP932_SAMPLE], ids=["utf8-bom", "cp932"])
def test_sample_file_imports_every_type(desk: Desk, sites: dict[str, Facility], sample: Path) -> None:
    report = desk.sync.import_requests(sample)

    assert (report.accepted, report.cancelled, report.duplicates, report.rejected) == (4, 1, 0, [])
    # registration: the new child 石井 颯 with guardian and an applied registration
    child = desk.children.search("イシイ ハヤテ")[0]
    assert (child.name, child.guardian_name, child.phone) == ("石井 颯", "石井 美咲", "090-2468-1357")
    [registration] = desk.registrations.for_child(child.id)
    assert (registration.status, registration.facility_id) == ("applied", sites["K01"].id)
    # interview: the 3/5 10:00 slot is taken by a pending interview booking
    interview = booking_row(desk, "W-20260302-002")
    assert (interview.kind, interview.status, interview.day) == ("interview", "pending", date(2026, 3, 5))
    assert desk.interviews.open_slots(sites["K01"].id, date(2026, 3, 5), date(2026, 3, 5)) == []
    # booking: held, then cancelled online by L-88122 (before the deadline: free)
    line_booking = booking_row(desk, "L-88121")
    assert (line_booking.day, line_booking.start, line_booking.end) == (MAR9, t("09:30"), t("12:00"))
    assert (line_booking.pickup_kind, line_booking.status) == ("other", "cancelled")
    charge = charge_of(desk, line_booking.id)
    assert (charge.late, charge.fee_yen, charge.reason) == (False, 0, "illness")
    # regular: a plan at D01 waiting for approval
    pending = {item.request_id: item for item in desk.approvals.pending()}
    assert set(pending) == {"W-20260302-001", "W-20260302-002", "W-20260302-003"}
    assert pending["W-20260302-003"].kind == "regular" and "火曜" in pending["W-20260302-003"].summary
    assert all(item.source == "online" for item in pending.values())
    assert pending["W-20260302-001"].received_at == datetime(2026, 3, 2, 7, 55)


def test_importing_the_same_file_again_adds_nothing(desk: Desk, sites: dict[str, Facility]) -> None:
    desk.sync.import_requests(UTF8_SAMPLE)
    before = {m: count(desk, m) for m in (models.QueueItem, models.Booking, models.Child, models.Charge)}

    again = desk.sync.import_requests(CP932_SAMPLE)

    assert (again.accepted, again.cancelled, again.duplicates, again.rejected) == (0, 0, 5, [])
    assert {m: count(desk, m) for m in before} == before


def test_utf8_without_bom_is_detected(desk: Desk, sites: dict[str, Facility], tmp_path: Path) -> None:
    plain = tmp_path / "plain.csv"
    plain.write_bytes(UTF8_SAMPLE.read_bytes().removeprefix(b"\xef\xbb\xbf"))

    report = desk.sync.import_requests(plain)

    assert (report.accepted, report.cancelled, report.rejected) == (4, 1, [])
    assert desk.children.search("イシイ")[0].name == "石井 颯"


def test_japanese_header_aliases_are_understood(desk: Desk, sites: dict[str, Facility], tmp_path: Path) -> None:
    header = "申請ID,受付日時,経路,種別,施設コード,児童氏名,フリガナ,生年月日,保護者氏名,電話番号,利用日,開始,終了,取消対象申請ID,キャンセル理由"
    path = write(tmp_path, booking_line("L-1"), header=header, encoding="cp932")

    assert desk.sync.import_requests(path).accepted == 1
    assert booking_row(desk, "L-1").status == "pending"


# -- not a request file --------------------------------------------------------------------
NOT_REQUEST_FILES = [
    pytest.param(bytes(range(256)) * 8, "undecodable", id="binary"),
    pytest.param(b"", "no_header", id="empty"),
    pytest.param(b"\r\n\r\n", "no_header", id="blank-lines"),
    pytest.param("申請番号X,type\r\nL-1,booking\r\n".encode(), "missing_columns", id="no-request-id"),
    pytest.param(b"request_id,kind\r\nL-1,booking\r\n", "missing_columns", id="no-type"),
    pytest.param(b"request_id,type\x00\r\n", "undecodable", id="nul-bytes"),
]


@pytest.mark.parametrize(("content", "reason"), NOT_REQUEST_FILES)
def test_a_file_that_is_not_a_request_file_writes_nothing(
    desk: Desk, sites: dict[str, Facility], tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    children = count(desk, models.Child)

    with pytest.raises(errors.ImportFileError) as raised:
        desk.sync.import_requests(path)

    assert raised.value.reason == reason and not isinstance(raised.value, errors.BookingError)
    assert "申請ファイルではありません" in str(raised.value)
    assert (count(desk, models.QueueItem), count(desk, models.Child)) == (0, children)


def test_file_without_type_column_is_refused_even_with_good_rows(
    desk: Desk, sites: dict[str, Facility], tmp_path: Path
) -> None:
    path = write(tmp_path, "L-1,2026-03-02 08:00,line", header="request_id,received_at,channel")
    with pytest.raises(errors.ImportFileError):
        desk.sync.import_requests(path)
    assert count(desk, models.QueueItem) == 0


# -- malformed rows ------------------------------------------------------------------------
MALFORMED = [
    pytest.param(booking_line("L-2", day="2026-02-30"), "利用日", id="impossible-date"),
    pytest.param(booking_line("L-2", day="9/3/2026"), "利用日", id="date-format"),
    pytest.param(booking_line("L-2", start="9時30分"), "開始時刻", id="bad-start"),
    pytest.param(booking_line("L-2", end="25:00"), "終了時刻", id="bad-end"),
    pytest.param(booking_line("L-2", facility="Z99"), "Z99", id="unknown-facility"),
    pytest.param(booking_line("L-2", kind="picnic"), "picnic", id="unknown-type"),
    pytest.param(booking_line("L-2", received="yesterday"), "受付日時", id="bad-received-at"),
    pytest.param(booking_line("L-2", day=""), "利用日", id="missing-date"),
    pytest.param(booking_line("", ), "申請ID", id="missing-request-id"),
]


@pytest.mark.parametrize(("bad", "fragment"), MALFORMED)
def test_malformed_row_is_reported_by_line_and_the_others_import(
    desk: Desk, sites: dict[str, Facility], tmp_path: Path, bad: str, fragment: str
) -> None:
    path = write(tmp_path, booking_line("L-1"), bad, booking_line("L-3", day="2026-03-10"))

    report = desk.sync.import_requests(path)

    assert report.accepted == 2
    [(line, reason)] = report.rejected
    assert line == 3 and fragment in reason
    assert queue_item(desk, "L-1") is not None and queue_item(desk, "L-3") is not None


def test_line_numbers_count_the_lines_of_multiline_rows(
    desk: Desk, sites: dict[str, Facility], tmp_path: Path
) -> None:
    multiline = booking_line("L-1").removesuffix(",,") + ',"午睡あり\r\nアレルギーなし",'
    header = HEADER.replace("target_request_id,cancel_reason", "comment,cancel_reason")
    path = write(tmp_path, multiline, booking_line("L-2", day="2026-13-01"), header=header)

    report = desk.sync.import_requests(path)

    assert report.accepted == 1 and [line for line, _ in report.rejected] == [4]
    assert booking_row(desk, "L-1").comment == "午睡あり\r\nアレルギーなし"


def test_duplicate_request_id_within_a_file_keeps_the_first(
    desk: Desk, sites: dict[str, Facility], tmp_path: Path
) -> None:
    path = write(tmp_path, booking_line("L-1"), booking_line("L-1", day="2026-03-10"))

    report = desk.sync.import_requests(path)

    assert (report.accepted, report.duplicates, report.rejected) == (1, 1, [])
    assert booking_row(desk, "L-1").day == MAR9
    assert count(desk, models.Booking) == 1


def test_registration_missing_guardian_of_a_new_child_is_rejected(
    desk: Desk, sites: dict[str, Facility], tmp_path: Path
) -> None:
    path = write(tmp_path, "W-1,2026-03-02 07:30,web,registration,K01,新井 結,アライ ユイ,2024-01-05,,,,,,,")

    report = desk.sync.import_requests(path)

    assert report.accepted == 0 and report.rejected[0][0] == 2 and "保護者氏名" in report.rejected[0][1]
    assert desk.children.search("アライ") == []


# -- what each type does --------------------------------------------------------------------
def test_registration_of_an_approved_child_is_shown_as_already_registered(
    desk: Desk, sites: dict[str, Facility], tmp_path: Path
) -> None:
    path = write(tmp_path, "W-1,2026-03-02 07:30,web,registration,K01,大野 芽依,オオノ メイ,2023/11/02,大野 和美,048-771-0001,,,,,")

    assert desk.sync.import_requests(path).accepted == 1

    [item] = desk.approvals.pending()
    assert any("既登録" in p for p in item.problems)
    child = desk.children.search("オオノ メイ")[0]
    assert [r.status for r in desk.registrations.for_child(child.id)] == ["approved"]
    result = desk.approvals.approve(item.id)
    assert result.registration is not None and result.registration.status == "approved"


def test_interview_without_a_slot_waits_with_the_problem(
    desk: Desk, sites: dict[str, Facility], tmp_path: Path
) -> None:
    path = write(
        tmp_path,
        "W-1,2026-03-02 07:30,web,registration,K01,新井 結,アライ ユイ,2024-01-05,新井 誠,090-1111-2222,,,,,",
        "W-2,2026-03-02 07:31,web,interview,K01,新井 結,アライ ユイ,2024-01-05,,,2026-03-05,11:00,11:30,,",
    )

    assert desk.sync.import_requests(path).accepted == 2

    item = next(i for i in desk.approvals.pending() if i.request_id == "W-2")
    assert item.booking_id is None and any(p.startswith("面談枠なし") for p in item.problems)


def test_booking_that_breaks_the_rules_waits_holding_nothing(
    desk: Desk, sites: dict[str, Facility], tmp_path: Path
) -> None:
    path = write(tmp_path, booking_line("L-1", day="2026-03-07"))  # a Saturday: closed

    assert desk.sync.import_requests(path).accepted == 1

    [item] = desk.approvals.pending()
    assert item.booking_id is None and item.problem_codes == ("FacilityClosed",)
    assert count(desk, models.Booking) == 0  # nothing held


def test_booking_for_an_unknown_child_waits_with_registration_required(
    desk: Desk, sites: dict[str, Facility], tmp_path: Path
) -> None:
    path = write(tmp_path, "L-1,2026-03-02 08:00,line,booking,K01,森 光,モリ ヒカル,2023-05-05,,,2026-03-09,09:30,12:00,,")

    desk.sync.import_requests(path)

    [item] = desk.approvals.pending()
    assert item.booking_id is None and "利用登録" in item.problems[0] and "森 光" in item.summary


def test_online_booking_is_confirmed_at_once_with_live_inventory(
    desk: Desk, sites: dict[str, Facility], tmp_path: Path
) -> None:
    desk.facilities.update_rules(sites["K01"].id, online_bookings_confirmed=True)
    path = write(tmp_path, booking_line("L-1"))

    first = desk.sync.import_requests(path)
    again = desk.sync.import_requests(path)

    assert booking_row(desk, "L-1").status == "confirmed" and desk.approvals.pending() == []
    assert (first.accepted, again.duplicates, count(desk, models.Booking)) == (1, 1, 1)


# -- cancellations --------------------------------------------------------------------------
def test_cancel_received_before_the_deadline_but_imported_after_it_is_free(
    desk: Desk, sites: dict[str, Facility], clock: Clock, tmp_path: Path
) -> None:
    desk.sync.import_requests(write(tmp_path, booking_line("L-1"), name="a.csv"))
    clock.set(datetime(2026, 3, 8, 18, 0))  # the deadline (3/8 17:00) has passed
    path = write(tmp_path, cancel_line("L-2", "L-1", "2026-03-08 16:59"), name="b.csv")

    report = desk.sync.import_requests(path)

    booking = booking_row(desk, "L-1")
    charge = charge_of(desk, booking.id)
    assert (report.cancelled, booking.status) == (1, "cancelled")
    assert (charge.late, charge.fee_yen) == (False, 0)
    assert queue_item(desk, "L-1").status == "withdrawn"  # type: ignore[union-attr]


@pytest.mark.parametrize(("received", "late"), [
    ("2026-03-08 17:01", True),
    ("2026-03-08 17:00:30", True),
    ("2026-03-08 17:00:00", False),
    ("2026-03-08 17:00", False),
])
def test_cancel_received_after_the_deadline_is_late_to_the_second(
    desk: Desk, sites: dict[str, Facility], clock: Clock, tmp_path: Path, received: str, late: bool
) -> None:
    desk.sync.import_requests(write(tmp_path, booking_line("L-1"), name="a.csv"))
    clock.set(datetime(2026, 3, 8, 18, 0))

    desk.sync.import_requests(write(tmp_path, cancel_line("L-2", "L-1", received), name="b.csv"))

    charge = charge_of(desk, booking_row(desk, "L-1").id)
    assert (charge.late, charge.fee_yen > 0) == (late, late)


@pytest.mark.parametrize("row", [
    pytest.param(booking_line("L-2", "2026-03-03 00:00", day="2026-03-10"), id="booking"),
    pytest.param(cancel_line("L-2", "L-1", "2026-03-03 00:00"), id="cancel"),
])
def test_a_row_received_on_a_later_day_than_today_is_rejected_naming_the_time(
    desk: Desk, sites: dict[str, Facility], tmp_path: Path, row: str
) -> None:
    desk.sync.import_requests(write(tmp_path, booking_line("L-1"), name="a.csv"))

    report = desk.sync.import_requests(write(tmp_path, row, name="b.csv"))

    [(line, reason)] = report.rejected
    assert line == 2 and "受付日時「2026-03-03 00:00」が未来の日時です" in reason
    assert queue_item(desk, "L-2") is None and booking_row(desk, "L-1").status == "pending"


def test_a_cancel_received_later_today_is_judged_as_received_now(
    desk: Desk, sites: dict[str, Facility], clock: Clock, tmp_path: Path
) -> None:
    """The desk's clock says 16:30 on 3/8 and the cancel claims 23:00 the same day (after the
    17:00 deadline): it was sent by now at the latest, so it is on time and free."""
    desk.sync.import_requests(write(tmp_path, booking_line("L-1"), name="a.csv"))
    clock.set(datetime(2026, 3, 8, 16, 30))

    report = desk.sync.import_requests(write(tmp_path, cancel_line("L-2", "L-1", "2026-03-08 23:00"), name="b.csv"))

    charge = charge_of(desk, booking_row(desk, "L-1").id)
    assert (report.cancelled, charge.late, charge.fee_yen) == (1, False, 0)


def test_cancel_whose_target_is_unknown_waits_with_its_problem(
    desk: Desk, sites: dict[str, Facility], tmp_path: Path
) -> None:
    path = write(tmp_path, cancel_line("L-2", "L-404", "2026-03-02 08:00"))

    report = desk.sync.import_requests(path)

    [item] = desk.approvals.pending()
    assert (report.accepted, report.cancelled, item.kind) == (1, 0, "cancel")
    assert any("L-404" in p for p in item.problems)


def test_cancel_of_a_booking_started_at_received_at_waits_with_its_problem(
    desk: Desk, sites: dict[str, Facility], clock: Clock, tmp_path: Path
) -> None:
    desk.sync.import_requests(write(tmp_path, booking_line("L-1"), name="a.csv"))
    clock.set(datetime(2026, 3, 9, 10, 0))

    report = desk.sync.import_requests(write(tmp_path, cancel_line("L-2", "L-1", "2026-03-09 09:45"), name="b.csv"))

    assert (report.accepted, report.cancelled) == (1, 0)
    item = next(i for i in desk.approvals.pending() if i.request_id == "L-2")
    assert item.problems and "開始時刻を過ぎている" in item.problems[0]
    assert booking_row(desk, "L-1").status == "pending"


def test_cancel_of_a_request_waiting_without_places_withdraws_it(
    desk: Desk, sites: dict[str, Facility], tmp_path: Path
) -> None:
    path = write(tmp_path, booking_line("L-1", day="2026-03-07"), cancel_line("L-2", "L-1", "2026-03-02 08:00"))

    report = desk.sync.import_requests(path)

    assert report.cancelled == 1 and desk.approvals.pending() == []
    assert queue_item(desk, "L-1").status == "withdrawn"  # type: ignore[union-attr]


def test_rows_for_an_unknown_facility_cost_no_savepoint_and_no_facility_query(
    desk: Desk, sites: dict[str, Facility], tmp_path: Path
) -> None:
    """The facilities are looked up once per import: a file full of rows for a facility
    code that does not exist is rejected row by row without a savepoint each."""
    path = write(tmp_path, *(booking_line(f"Z-{n}", facility="Z99") for n in range(40)), booking_line("L-1"))
    with run_statements(desk) as statements:
        report = desk.sync.import_requests(path)

    assert report.accepted == 1 and len(report.rejected) == 40
    assert all("Z99" in reason for _, reason in report.rejected)
    assert sum(s.startswith("SAVEPOINT") for s in statements) < 5
    assert not any("WHERE facilities.code" in s for s in statements)


def test_a_batch_of_rows_is_written_together(desk: Desk, sites: dict[str, Facility], tmp_path: Path) -> None:
    """New families, their children's lookups and bookings of known children are judged
    without writing each row first: the batch's queue items are inserted a few at a time,
    not one statement per row (a flush per row costs the ORM more than the rows); so are
    their audit rows and the new children's search keys."""
    families = [f"W-{n},2026-03-02 07:30,web,registration,K01,新井 結,アライ ユイ{'ア' * n},2024-01-05,"
                f"新井 誠,090-1111-2222,,,,," for n in range(1, 21)]
    bookings = [booking_line(f"B-{n}", day=f"2026-03-{n:02d}") for n in range(9, 29)]
    path = write(tmp_path, *(row for pair in zip(families, bookings) for row in pair))
    with run_statements(desk) as statements:
        report = desk.sync.import_requests(path)

    assert (report.accepted, report.rejected) == (40, [])
    assert count(desk, models.QueueItem) == 40
    assert sum(s.startswith("INSERT INTO queue_items") for s in statements) < 5
    assert count(desk, models.AuditRecord) >= 40
    assert sum(s.startswith("INSERT INTO audit_log") for s in statements) < 5
    assert sum(s.startswith("INSERT INTO child_search_keys") for s in statements) < 5
    assert len(desk.children.search("アライ ユイア")) == 20


# -- one transaction ----------------------------------------------------------------------
def test_an_unexpected_error_mid_file_writes_nothing(
    desk: Desk, sites: dict[str, Facility], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    shutil.copyfile(UTF8_SAMPLE, tmp_path / "sample.csv")
    calls = iter(range(1, 100))
    real = importer.apply_request

    def third_row_breaks(*args: object) -> str:
        if next(calls) == 3:
            raise RuntimeError("disk on fire")
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(importer, "apply_request", third_row_breaks)
    children = count(desk, models.Child)

    with pytest.raises(RuntimeError):
        desk.sync.import_requests(tmp_path / "sample.csv")

    assert count(desk, models.QueueItem) == 0
    assert (count(desk, models.Child), count(desk, models.Booking)) == (children, 0)


# -- rows of one file judged against each other ---------------------------------------------
def child_line(request_id: str, child: Any, *, start: str = "09:30", end: str = "12:00") -> str:
    return (f"{request_id},2026-03-02 06:00,line,booking,K01,{child.name},{child.kana},"
            f"{child.birth_date.isoformat()},,,2026-03-09,{start},{end},,")


def test_rows_of_one_file_share_the_last_places_of_a_slot(
    desk: Desk, sites: dict[str, Facility], make_child: ChildMaker, tmp_path: Path
) -> None:
    capacity = sites["K01"].rules.default_capacity
    children = [make_child(sites["K01"]) for _ in range(capacity + 1)]
    path = write(tmp_path, *(child_line(f"L-{n}", c) for n, c in enumerate(children)))

    desk.sync.import_requests(path)

    items = {i.request_id: i for i in desk.approvals.pending()}
    holding = [r for r, i in items.items() if i.booking_id is not None]
    assert len(holding) == capacity
    assert items[f"L-{capacity}"].booking_id is None
    assert items[f"L-{capacity}"].problem_codes == ("SlotFull",)


def test_a_cancel_earlier_in_the_file_frees_its_place_for_a_later_row(
    desk: Desk, sites: dict[str, Facility], make_child: ChildMaker, tmp_path: Path
) -> None:
    capacity = sites["K01"].rules.default_capacity
    first, *others, last = [make_child(sites["K01"]) for _ in range(capacity + 1)]
    cancel = (f"C-1,2026-03-02 06:30,line,cancel,K01,{first.name},{first.kana},"
              f"{first.birth_date.isoformat()},,,,,,L-0,family")
    rows = [child_line("L-0", first), *(child_line(f"L-{n}", c) for n, c in enumerate(others, 1)),
            cancel, child_line("L-last", last)]

    report = desk.sync.import_requests(write(tmp_path, *rows))

    assert report.cancelled == 1
    assert queue_item(desk, "L-last").booking_id is not None  # type: ignore[union-attr]


def test_a_second_row_for_the_same_child_and_time_meets_the_first(
    desk: Desk, sites: dict[str, Facility], make_child: ChildMaker, tmp_path: Path
) -> None:
    child = make_child(sites["K01"])
    path = write(tmp_path, child_line("L-1", child), child_line("L-2", child, start="11:00", end="13:00"))

    desk.sync.import_requests(path)

    items = {i.request_id: i for i in desk.approvals.pending()}
    assert items["L-1"].booking_id is not None
    assert (items["L-2"].booking_id, items["L-2"].problem_codes) == (None, ("OverlappingBooking",))


def test_rows_read_ahead_in_batches_still_find_duplicates_and_targets_across_batches(
    desk: Desk, sites: dict[str, Facility], make_child: ChildMaker, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(importer, "LOOKAHEAD", 2)
    first, second, third = (make_child(sites["K01"]) for _ in range(3))
    desk.sync.import_requests(write(tmp_path, child_line("OLD-1", third), name="before.csv"))
    rows = [child_line("L-1", first), child_line("L-2", second), child_line("OLD-1", third),
            cancel_line("C-1", "L-1", "2026-03-02 06:30"), child_line("L-2", second)]

    report = desk.sync.import_requests(write(tmp_path, *rows))

    assert (report.accepted, report.cancelled, report.duplicates) == (2, 1, 2)
    assert queue_item(desk, "L-1").status == "withdrawn"  # type: ignore[union-attr]


def test_a_later_row_finds_the_child_a_registration_earlier_in_the_file_added(
    desk: Desk, sites: dict[str, Facility], tmp_path: Path
) -> None:
    registration = "{},2026-03-02 07:30,web,registration,K01,新井 結,アライ ユイ,2024-01-05,新井 誠,090-1111-2222,,,,,"
    path = write(tmp_path, registration.format("W-1"),
                 "L-1,2026-03-02 07:40,line,booking,K01,新井 結,あらい ゆい,2024/01/05,,,2026-03-09,09:30,12:00,,",
                 registration.format("W-2"))

    assert desk.sync.import_requests(path).accepted == 3

    [child] = desk.children.search("アライ")
    items = {i.request_id: i for i in desk.approvals.pending()}
    assert (items["L-1"].child_id, items["L-1"].booking_id) == (child.id, None)
    assert "RegistrationRequired" in items["L-1"].problem_codes  # applied, not approved yet
    assert any(p.startswith("申込み済み") for p in items["W-2"].problems)
    assert len(desk.registrations.for_child(child.id)) == 1


def test_a_row_refused_after_it_wrote_rolls_back_alone_and_the_rest_of_its_batch_imports_once(
    desk: Desk, sites: dict[str, Facility], make_child: ChildMaker, monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """The rows of a batch share one savepoint; a refusal that comes after its row wrote
    (here: the child was added, then its application refused) has the batch applied again
    with a savepoint per row, so the row leaves nothing behind and the others count once."""
    real = importer.create_application

    def refuse_arai(uow: Any, child_id: str, facility_id: str) -> models.Registration:
        row = real(uow, child_id, facility_id)
        if uow.session.get(models.Child, child_id).kana_key == "アライユイ":
            raise errors.DuplicateRegistration(child_name="新井 結", facility_name="K01")
        return row

    monkeypatch.setattr(importer, "create_application", refuse_arai)
    capacity = sites["K01"].rules.default_capacity
    first, *others = [make_child(sites["K01"]) for _ in range(capacity + 1)]
    rows = [child_line("L-0", first), cancel_line("C-0", "L-0", "2026-03-02 06:30"),
            "W-1,2026-03-02 07:30,web,registration,K01,新井 結,アライ ユイ,2024-01-05,新井 誠,090-1111-2222,,,,,",
            "W-2,2026-03-02 07:31,web,registration,K01,森 光,モリ ヒカル,2023-05-05,森 誠,090-3333-4444,,,,,",
            *(child_line(f"L-{n}", c) for n, c in enumerate(others, 1))]

    report = desk.sync.import_requests(write(tmp_path, *rows))

    assert (report.accepted, report.cancelled, report.duplicates) == (capacity + 2, 1, 0)
    assert [line for line, _ in report.rejected] == [4]
    assert desk.children.search("アライ") == [] and len(desk.children.search("モリ ヒカル")) == 1
    assert count(desk, models.QueueItem) == capacity + 3  # W-1 left nothing
    items = {i.request_id: i for i in desk.approvals.pending()}
    holding = [r for r, i in items.items() if i.booking_id is not None]
    assert len(holding) == capacity  # L-0's place was freed once, and taken once
    assert items[f"L-{capacity}"].booking_id is not None
