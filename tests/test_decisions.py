"""The decision file (SPEC "Files"): what became of each request a channel sent."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from hoiku_desk.services import Desk, Facility, errors
from tests.conftest import ChildMaker, Clock
from tests.helpers import t
from tests.test_exports import read_rows
from tests.test_import_requests import UTF8_SAMPLE, booking_line, booking_row, cancel_line, sites, write

__all__ = ["sites"]  # the fixture, shared with the import tests

HEADER = ["request_id", "kind", "decision", "booking_number", "reason", "valid_until", "late",
          "fee_yen", "quota_minutes", "decided_at"]


def export(desk: Desk, path: Path, **kw: datetime) -> tuple[int, list[dict[str, str]]]:
    written = desk.sync.export_decisions(path, **kw)
    with path.open(encoding="utf-8-sig") as handle:
        assert handle.readline().rstrip("\r\n").split(",") == HEADER
    rows = read_rows(path)
    assert written == len(rows)
    return written, rows


def by_request(rows: list[dict[str, str]]) -> dict[tuple[str, str], dict[str, str]]:
    return {(r["request_id"], r["kind"]): r for r in rows}


def pending_id(desk: Desk, request_id: str) -> str:
    return next(i.id for i in desk.approvals.pending() if i.request_id == request_id)


def test_approval_and_rejection_are_written_with_number_and_reason(
    desk: Desk, sites: dict[str, Facility], clock: Clock, tmp_path: Path
) -> None:
    desk.sync.import_requests(write(tmp_path, booking_line("L-1"), booking_line("L-2", day="2026-03-10")))
    clock.set(datetime(2026, 3, 2, 9, 30))
    desk.approvals.approve(pending_id(desk, "L-1"))
    desk.approvals.reject(pending_id(desk, "L-2"), "当日は園外保育のため")

    _, rows = export(desk, tmp_path / "decisions.csv")

    assert rows == [
        {"request_id": "L-1", "kind": "booking", "decision": "approved",
         "booking_number": booking_row(desk, "L-1").number, "reason": "", "valid_until": "",
         "late": "", "fee_yen": "", "quota_minutes": "", "decided_at": "2026-03-02 09:30"},
        {"request_id": "L-2", "kind": "booking", "decision": "rejected",
         "booking_number": booking_row(desk, "L-2").number, "reason": "当日は園外保育のため",
         "valid_until": "", "late": "", "fee_yen": "", "quota_minutes": "",
         "decided_at": "2026-03-02 09:30"},
    ]


def test_without_since_each_export_starts_after_the_previous_one(
    desk: Desk, sites: dict[str, Facility], tmp_path: Path
) -> None:
    desk.sync.import_requests(write(tmp_path, booking_line("L-1"), booking_line("L-2", day="2026-03-10")))
    desk.approvals.approve(pending_id(desk, "L-1"))
    first, _ = export(desk, tmp_path / "1.csv")
    empty, _ = export(desk, tmp_path / "2.csv")
    desk.approvals.approve(pending_id(desk, "L-2"))

    third, rows = export(desk, tmp_path / "3.csv")

    assert (first, empty, third) == (1, 0, 1)
    assert [r["request_id"] for r in rows] == ["L-2"]


def test_since_a_given_time_writes_again_what_was_exported(
    desk: Desk, sites: dict[str, Facility], clock: Clock, tmp_path: Path
) -> None:
    desk.sync.import_requests(write(tmp_path, booking_line("L-1"), booking_line("L-2", day="2026-03-10")))
    clock.set(datetime(2026, 3, 2, 9, 0))
    desk.approvals.approve(pending_id(desk, "L-1"))
    clock.set(datetime(2026, 3, 2, 10, 0))
    desk.approvals.approve(pending_id(desk, "L-2"))
    export(desk, tmp_path / "all.csv")

    _, rows = export(desk, tmp_path / "again.csv", since=datetime(2026, 3, 2, 9, 30))

    assert [r["request_id"] for r in rows] == ["L-2"]


def test_registration_acceptance_then_usage_approval_with_valid_until(
    desk: Desk, sites: dict[str, Facility], clock: Clock, tmp_path: Path
) -> None:
    desk.sync.import_requests(UTF8_SAMPLE)
    item = next(i for i in desk.approvals.pending() if i.request_id == "W-20260302-001")
    desk.approvals.approve(item.id)
    clock.set(datetime(2026, 4, 6, 11, 0))  # the interview falls in fiscal year 2026

    desk.registrations.approve(item.registration_id, interviewed_on=date(2026, 4, 6))

    rows = by_request(export(desk, tmp_path / "decisions.csv")[1])
    accepted = rows["W-20260302-001", "registration"]
    usage = rows["W-20260302-001", "usage_approval"]
    assert (accepted["decision"], accepted["valid_until"]) == ("approved", "")
    assert (usage["decision"], usage["valid_until"], usage["decided_at"]) == (
        "approved", "2027-03-31", "2026-04-06 11:00")


def test_usage_refused_after_the_interview_is_a_rejection_with_its_reason(
    desk: Desk, sites: dict[str, Facility], tmp_path: Path
) -> None:
    desk.sync.import_requests(UTF8_SAMPLE)
    item = next(i for i in desk.approvals.pending() if i.request_id == "W-20260302-001")
    desk.approvals.approve(item.id)

    desk.registrations.reject(item.registration_id, "対象年齢外")

    usage = by_request(export(desk, tmp_path / "d.csv")[1])["W-20260302-001", "usage_approval"]
    assert (usage["decision"], usage["reason"]) == ("rejected", "対象年齢外")


def test_online_cancellation_writes_its_policy_outcome_for_both_requests(
    desk: Desk, sites: dict[str, Facility], clock: Clock, tmp_path: Path
) -> None:
    desk.sync.import_requests(write(tmp_path, booking_line("L-1"), name="a.csv"))
    clock.set(datetime(2026, 3, 8, 18, 0))
    desk.sync.import_requests(write(tmp_path, cancel_line("L-2", "L-1", "2026-03-08 17:01"), name="b.csv"))
    number = booking_row(desk, "L-1").number

    rows = by_request(export(desk, tmp_path / "d.csv")[1])

    for key in (("L-1", "booking"), ("L-2", "cancel")):
        row = rows[key]
        assert (row["decision"], row["booking_number"], row["reason"], row["late"]) == (
            "cancelled", number, "family", "true")
        assert int(row["fee_yen"]) > 0 and row["quota_minutes"] == "150"  # 09:30–12:00


def test_desk_cancelling_an_online_booking_tells_the_channel(
    desk: Desk, sites: dict[str, Facility], clock: Clock, tmp_path: Path
) -> None:
    desk.sync.import_requests(write(tmp_path, booking_line("L-1")))
    desk.approvals.approve(pending_id(desk, "L-1"))
    export(desk, tmp_path / "before.csv")
    clock.set(datetime(2026, 3, 5, 12, 0))

    outcome = desk.cancellations.cancel(booking_row(desk, "L-1").id, "illness")

    [row] = export(desk, tmp_path / "after.csv")[1]
    assert (row["request_id"], row["kind"], row["decision"], row["reason"]) == (
        "L-1", "booking", "cancelled", "illness")
    assert (row["late"], row["fee_yen"]) == ("false", str(outcome.fee_yen))


def test_decisions_on_phone_bookings_are_not_written(
    desk: Desk, facility: Facility, make_child: ChildMaker, tmp_path: Path
) -> None:
    booking = desk.bookings.book(facility.id, make_child(facility).id, date(2026, 3, 3), t("09:30"), t("11:00"))
    desk.cancellations.cancel(booking.id, "family")

    assert export(desk, tmp_path / "d.csv")[0] == 0


def test_booking_confirmed_at_import_is_written_as_approved(
    desk: Desk, sites: dict[str, Facility], tmp_path: Path
) -> None:
    desk.facilities.update_rules(sites["K01"].id, online_bookings_confirmed=True)
    desk.sync.import_requests(write(tmp_path, booking_line("L-1")))

    [row] = export(desk, tmp_path / "d.csv")[1]

    assert (row["request_id"], row["decision"]) == ("L-1", "approved")


def test_regular_plan_approval_names_the_days_it_skipped(
    desk: Desk, sites: dict[str, Facility], tmp_path: Path
) -> None:
    desk.sync.import_requests(UTF8_SAMPLE)
    desk.facilities.close_day(sites["D01"].id, date(2026, 3, 17), "園内研修")
    desk.approvals.approve(pending_id(desk, "W-20260302-003"))

    row = by_request(export(desk, tmp_path / "d.csv")[1])["W-20260302-003", "regular"]

    assert row["decision"] == "approved" and row["reason"].startswith("2026-03-17 ")


def test_a_reason_that_looks_like_a_formula_is_neutralised(
    desk: Desk, sites: dict[str, Facility], tmp_path: Path
) -> None:
    desk.sync.import_requests(write(tmp_path, booking_line("L-1")))
    desk.approvals.reject(pending_id(desk, "L-1"), '=HYPERLINK("http://x","y")')

    [row] = export(desk, tmp_path / "d.csv")[1]

    assert row["reason"] == "'=HYPERLINK(\"http://x\",\"y\")"


def test_an_export_that_cannot_be_written_keeps_its_decisions_for_the_next(
    desk: Desk, sites: dict[str, Facility], tmp_path: Path
) -> None:
    desk.sync.import_requests(write(tmp_path, booking_line("L-1")))
    desk.approvals.approve(pending_id(desk, "L-1"))
    occupied = tmp_path / "occupied.csv"
    occupied.mkdir()  # a folder where the file should go: the file system refuses

    with pytest.raises(errors.ExportFileError, match="書き出せません"):
        desk.sync.export_decisions(occupied)

    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []
    assert export(desk, tmp_path / "retry.csv")[0] == 1
