"""The committed database of schema 0001 opens with today's program and keeps everything.

``tests/fixtures/schema_v1.sqlite3`` was made by ``tests/fixtures/make_schema_v1.py`` through
the services of revision 0001.  When a migration is added, ``Desk.open`` upgrades a copy of it
here: every assertion below must still hold, or the migration loses data staff entered.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from hoiku_desk.services import Desk, Facility, Pickup
from tests.conftest import Clock
from tests.helpers import t

FIXTURE = Path(__file__).parent / "fixtures" / "schema_v1.sqlite3"
FIXTURE_NOW = datetime(2026, 3, 2, 9, 0)


@pytest.fixture
def old_desk(tmp_path: Path) -> Iterator[Desk]:
    copy = tmp_path / "desk.sqlite3"
    shutil.copyfile(FIXTURE, copy)
    with Desk.open(copy, clock=Clock(FIXTURE_NOW)) as desk:
        yield desk


@pytest.fixture
def k01(old_desk: Desk) -> Facility:
    return old_desk.facilities.by_code("K01")


@pytest.fixture
def d01(old_desk: Desk) -> Facility:
    return old_desk.facilities.by_code("D01")


def test_fixture_is_one_self_contained_file() -> None:
    """Committed without its -wal/-shm files, so the WAL must have been checkpointed."""
    siblings = sorted(p.name for p in FIXTURE.parent.iterdir() if p.name.startswith(FIXTURE.name))
    assert siblings == [FIXTURE.name]


def test_facilities_and_their_rules_are_kept(old_desk: Desk) -> None:
    facilities = old_desk.facilities.list()
    assert [(f.code, f.name, f.rules.program) for f in facilities] == [
        ("D01", "ひかり保育園 誰でも通園", "daredemo"),
        ("K01", "ひかり保育園 一時保育", "ichiji"),
    ]
    d01 = facilities[0]
    assert (d01.rules.monthly_quota_minutes, d01.rules.default_capacity) == (600, 4)


def test_child_found_by_kana_with_guardian_and_contacts(old_desk: Desk) -> None:
    [hanako] = old_desk.children.search("やまだ")
    assert (hanako.name, hanako.kana, hanako.birth_date, hanako.sex) == (
        "山田 花子", "ヤマダ ハナコ", date(2023, 5, 14), "female")
    assert (hanako.guardian_name, hanako.phone, hanako.address, hanako.allergies) == (
        "山田 由美", "090-1234-5678", "東京都新宿区新宿1-2-3", "卵")
    assert [(c.name, c.relation, c.phone) for c in hanako.contacts] == [
        ("山田 太郎", "父", "080-1111-2222"), ("佐藤 和子", "祖母", "03-3333-4444")]


@pytest.mark.parametrize("query, name", [
    ("ヨシダ", "𠮷田 悠真"),  # a name outside the BMP
    ("ゆいな", "田中 結菜"),  # typed in hiragana, stored in hiragana
    ("0422-11-2233", "伊藤 蒼"),  # an emergency contact's phone
])
def test_every_child_can_still_be_found(old_desk: Desk, query: str, name: str) -> None:
    assert [c.name for c in old_desk.children.search(query)] == [name]


def test_registrations_keep_their_status(old_desk: Desk, k01: Facility) -> None:
    by_name = {old_desk.children.get(r.child_id).name: r for r in old_desk.registrations.for_facility(k01.id)}
    assert {name: r.status for name, r in by_name.items()} == {
        "山田 花子": "approved", "佐藤 蓮": "approved", "鈴木 陽葵": "approved",
        "高橋 湊": "approved", "渡辺 芽依": "rejected", "𠮷田 悠真": "applied",
    }
    assert by_name["山田 花子"].valid_until == date(2026, 3, 31)
    assert by_name["渡辺 芽依"].reject_reason == "必要書類（母子健康手帳）が確認できないため"


@pytest.mark.parametrize("code, number, status, child, times", [
    ("K01", "0225-01", "attended", "山田 花子", ("09:00", "12:00")),
    ("K01", "0226-01", "no_show", "佐藤 蓮", ("10:00", "12:00")),
    ("K01", "0227-01", "cancelled", "鈴木 陽葵", ("13:00", "15:00")),
    ("K01", "0303-01", "cancelled", "高橋 湊", ("09:00", "11:00")),
    ("K01", "0303-02", "confirmed", "山田 花子", ("10:00", "12:00")),
    ("K01", "0304-01", "confirmed", "𠮷田 悠真", ("14:00", "14:30")),
    ("K01", "0304-02", "confirmed", "佐藤 蓮", ("09:30", "11:30")),  # changed, number kept
    ("D01", "0303-01", "pending", "田中 結菜", ("09:00", "11:00")),
    ("D01", "0311-01", "confirmed", "伊藤 蒼", ("09:00", "11:00")),
])
def test_booking_by_number_keeps_status_child_and_times(
    old_desk: Desk, code: str, number: str, status: str, child: str, times: tuple[str, str]
) -> None:
    booking = old_desk.bookings.by_number(old_desk.facilities.by_code(code).id, number)
    assert (booking.status, booking.child_name, booking.start, booking.end) == (
        status, child, t(times[0]), t(times[1]))


def test_booking_details_are_kept(old_desk: Desk, k01: Facility, d01: Facility) -> None:
    with_grandmother = old_desk.bookings.by_number(k01.id, "0303-02")
    assert with_grandmother.pickup == Pickup(kind="other", name="佐藤 和子", relation="祖母",
                                             phone="03-3333-4444")
    assert (with_grandmother.comment, with_grandmother.fee_yen, with_grandmother.source) == (
        "お迎えは祖母", 600, "phone")
    interview = old_desk.bookings.by_number(k01.id, "0304-01")
    assert (interview.kind, interview.fee_yen, interview.label) == (
        "interview", 0, "2026-03-04 14:00–14:30 (面談用)")
    regular = old_desk.bookings.search(d01.id, kinds=["regular"])
    assert [b.day for b in regular] == [date(2026, 3, d) for d in (4, 11, 18, 25)]
    assert len({b.plan_id for b in regular}) == 1 and regular[0].plan_id is not None


def test_daily_list_of_the_attended_day(old_desk: Desk, k01: Facility) -> None:
    [row] = old_desk.attendance.daily_list(k01.id, date(2026, 2, 25))
    assert (row.child_name, row.age, row.status, row.allergies) == ("山田 花子", "2歳9か月", "attended", "卵")
    assert (row.checked_in_at, row.checked_out_at, row.attendance_note) == (
        datetime(2026, 2, 25, 9, 0), datetime(2026, 2, 25, 12, 5), "お昼ご飯は完食")
    assert (row.fee_due_yen, row.paid_yen) == (900, 900)


def test_daily_list_of_an_upcoming_day_leaves_out_the_cancelled(old_desk: Desk, k01: Facility) -> None:
    rows = old_desk.attendance.daily_list(k01.id, date(2026, 3, 3))
    assert [(r.child_name, r.status, r.pickup.relation) for r in rows] == [("山田 花子", "confirmed", "祖母")]


def test_no_show_fee_is_still_due(old_desk: Desk, k01: Facility) -> None:
    [row] = old_desk.attendance.daily_list(k01.id, date(2026, 2, 26))
    assert (row.status, row.fee_due_yen, row.paid_yen) == ("no_show", 600, 0)


def test_pending_online_booking_still_waits_for_approval(old_desk: Desk, d01: Facility) -> None:
    pending = old_desk.approvals.pending(d01.id)
    assert [(p.kind, p.source) for p in pending] == [("booking", "online")]
    assert "田中 結菜" in pending[0].summary
    assert old_desk.approvals.pending() == pending


def test_capacities_closure_and_opened_holiday_are_kept(old_desk: Desk, k01: Facility) -> None:
    days = old_desk.bookings.availability(k01.id, date(2026, 3, 5), date(2026, 3, 20))
    thursday = {s.start: s.capacity for s in days[date(2026, 3, 5)]}
    assert (thursday[t("12:30")], thursday[t("13:00")]) == (3, 1)
    closing_friday = days[date(2026, 3, 6)]
    assert {s.capacity for s in closing_friday} == {2}
    assert closing_friday[-1].start == t("12:30")  # closed from 13:00
    assert date(2026, 3, 20) in days  # 春分の日, opened explicitly


def test_cancellations_and_waived_fee_are_in_the_audit_log(old_desk: Desk) -> None:
    entries = old_desk.audit.entries()
    assert len(entries) > 50
    assert [e.after["reason"] for e in entries if e.action == "booking.cancel"] == ["illness", "family"]
    [waived] = [e for e in entries if e.action == "charge.waive"]
    assert waived.after["waive_reason"] == "医師の診断書を確認したため"
    assert waived.at == datetime(2026, 2, 26, 18, 0)


def test_old_database_takes_new_bookings_with_the_next_number(
    old_desk: Desk, k01: Facility
) -> None:
    [minato] = old_desk.children.search("タカハシ")
    booked = old_desk.bookings.book(k01.id, minato.id, date(2026, 3, 3), t("13:00"), t("15:00"))
    assert booked.number == "0303-03"


def test_upgraded_database_logs_decisions_from_then_on(old_desk: Desk, k01: Facility, tmp_path: Path) -> None:
    """Revision 0002 added the decision log: empty after the upgrade, and the first decision
    file holds what is decided after it (the fixture's requests were all made at the desk)."""
    assert old_desk.sync.export_decisions(tmp_path / "first.csv") == 0
    path = tmp_path / "requests.csv"
    path.write_text(
        "request_id,type,facility_code,child_name,child_kana,birth_date,date,start,end\n"
        "W-1,booking,K01,山田 花子,ヤマダ ハナコ,2024-05-01,2026-03-04,09:30,11:00\n", encoding="utf-8")
    old_desk.sync.import_requests(path)
    item = next(i for i in old_desk.approvals.pending(k01.id) if i.request_id == "W-1")

    old_desk.approvals.reject(item.id, "定員のため")

    assert old_desk.sync.export_decisions(tmp_path / "second.csv") == 1
