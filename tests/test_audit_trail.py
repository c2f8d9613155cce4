"""The audit trail: every change leaves an audit row in its own transaction, and the log
reads back filtered by time, staff, child and action."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest

from hoiku_desk.services import Desk, Facility, FacilityRules, Pickup
from tests.conftest import Clock
from tests.helpers import TUESDAY, t
from tests.test_exports import read_rows

#: Tables whose rows record the log itself, not the data staff change.
LOG_TABLES = {"audit_log", "alembic_version", "sqlite_sequence", "decisions", "decision_exports"}
WEDNESDAY = date(2026, 3, 4)


def fingerprint(db_path: Path) -> dict[str, str]:
    """A digest of every data table's rows, read from the file as another desk would."""
    with sqlite3.connect(db_path) as connection:
        tables = [r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {
            table: hashlib.sha256(repr(sorted(map(repr, connection.execute(f'SELECT * FROM "{table}"')))).encode()).hexdigest()
            for table in tables if table not in LOG_TABLES
        }


def audit_count(db_path: Path) -> int:
    with sqlite3.connect(db_path) as connection:
        return connection.execute("SELECT count(*) FROM audit_log").fetchone()[0]


class Steps:
    """Runs service calls one by one, noting those that changed data without an audit row."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self.unaudited: list[str] = []
        self.changed: list[str] = []

    def __call__(self, label: str, call: Callable[[], object]) -> object:
        before, audited = fingerprint(self.db_path), audit_count(self.db_path)
        result = call()
        after = fingerprint(self.db_path)
        if after != before:
            self.changed.append(label)
            if audit_count(self.db_path) == audited:
                self.unaudited.append(label)
        return result


def test_every_change_through_the_services_leaves_an_audit_row(
    desk: Desk, db_path: Path, clock: Clock, tmp_path: Path
) -> None:
    step = Steps(db_path)
    k01 = step("facilities.add", lambda: desk.facilities.add("K01", "ひかり保育園 一時保育"))
    d01 = step("facilities.add daredemo", lambda: desk.facilities.add("D01", "誰でも通園", FacilityRules.daredemo()))
    step("facilities.update_rules", lambda: desk.facilities.update_rules(k01.id, default_capacity=4))
    step("facilities.rename", lambda: desk.facilities.rename(k01.id, "ひかり保育園"))
    step("facilities.set_capacity", lambda: desk.facilities.set_capacity(k01.id, 5, on=TUESDAY))
    setting = desk.facilities.capacities(k01.id)[-1]
    step("facilities.remove_capacity", lambda: desk.facilities.remove_capacity(k01.id, setting.id))
    step("facilities.close_day", lambda: desk.facilities.close_day(k01.id, date(2026, 3, 12), "研修"))
    step("facilities.open_day", lambda: desk.facilities.open_day(k01.id, date(2026, 3, 12)))
    kids = [step(f"children.add {i}", lambda i=i: desk.children.add(
        name=f"児童 {i}", kana=f"ジドウ {'アイウ'[i]}", birth_date=date(2024, 5, 1 + i), sex="female",
        guardian_name="保護者", phone=f"090-0000-000{i}")) for i in range(3)]
    step("children.update", lambda: desk.children.update(kids[0].id, allergies="卵"))
    regs = [step(f"registrations.apply {k.name}", lambda k=k: desk.registrations.apply(k.id, k01.id)) for k in kids]
    for reg in regs[:2]:
        step("registrations.approve", lambda reg=reg: desk.registrations.approve(reg.id, interviewed_on=date(2026, 2, 24)))
    step("registrations.reject", lambda: desk.registrations.reject(regs[2].id, "対象外"))
    desk.registrations.approve(desk.registrations.apply(kids[0].id, d01.id).id, interviewed_on=date(2026, 2, 24))
    applied = desk.registrations.apply(kids[2].id, k01.id)
    slot = step("interviews.add_slot", lambda: desk.interviews.add_slot(k01.id, WEDNESDAY, t("14:00"), t("14:30")))
    step("interviews.book", lambda: desk.interviews.book(applied.id, slot.id))
    first = step("bookings.book", lambda: desk.bookings.book(k01.id, kids[0].id, TUESDAY, t("09:00"), t("11:00")))
    second = step("bookings.book other pickup", lambda: desk.bookings.book(
        k01.id, kids[1].id, TUESDAY, t("09:00"), t("11:00"),
        pickup=Pickup(kind="other", name="祖母", relation="祖母", phone="03-1111-2222")))
    third = desk.bookings.book(k01.id, kids[1].id, WEDNESDAY, t("09:00"), t("10:00"))
    step("bookings.change", lambda: desk.bookings.change(first.id, end=t("11:30")))
    step("bookings.request_regular", lambda: desk.bookings.request_regular(
        d01.id, kids[0].id, [3], t("09:00"), t("11:00"), date(2026, 3, 5), date(2026, 3, 26)))
    pending = desk.approvals.pending()
    step("approvals.approve", lambda: desk.approvals.approve(pending[0].id))
    step("cancellations.cancel", lambda: desk.cancellations.cancel(third.id, "family"))
    late = desk.bookings.book(k01.id, kids[1].id, date(2026, 3, 3), t("13:00"), t("14:00"))
    clock.set(datetime(2026, 3, 2, 18, 0))
    step("cancellations.cancel_many", lambda: desk.cancellations.cancel_many([late.id], "family"))
    step("cancellations.waive", lambda: desk.cancellations.waive(late.id, "園長判断"))
    clock.set(datetime(2026, 3, 3, 9, 5))
    step("attendance.check_in", lambda: desk.attendance.check_in(first.id))
    step("attendance.check_out", lambda: desk.attendance.check_out(first.id))
    step("attendance.record_payment", lambda: desk.attendance.record_payment(first.id, 600))
    step("attendance.mark_no_show", lambda: desk.attendance.mark_no_show(second.id))
    step("staff.add", lambda: desk.staff.add("suzuki", "鈴木 園長", "sakura-2026", role="admin"))
    step("login", lambda: desk.login("suzuki", "sakura-2026"))
    step("staff.add staff", lambda: desk.staff.add("sato", "佐藤", "tanpopo-77"))
    sato = next(s for s in desk.staff.list() if s.login == "sato")
    step("staff.update", lambda: desk.staff.update(sato.id, name="佐藤 保育士"))
    step("staff.set_password", lambda: desk.staff.set_password(sato.id, "tanpopo-88"))
    requests = tmp_path / "requests.csv"
    requests.write_text("request_id,type,facility_code,child_name,child_kana,birth_date,date,start,end\n"
                        f"W-1,booking,K01,{kids[1].name},{kids[1].kana},{kids[1].birth_date},2026-03-05,09:00,10:00\n",
                        encoding="utf-8")
    step("sync.import_requests", lambda: desk.sync.import_requests(requests))
    item = desk.approvals.pending()[0]
    step("approvals.reject", lambda: desk.approvals.reject(item.id, "定員のため"))
    step("sync.export_decisions", lambda: desk.sync.export_decisions(tmp_path / "decisions.csv"))

    assert step.unaudited == []
    assert len(step.changed) >= 35  # the steps really changed data


@pytest.fixture
def day_of_changes(desk: Desk, facility: Facility, clock: Clock, make_child) -> dict[str, object]:
    hanako = make_child(facility, name="山田 花子", kana="ヤマダ ハナコ")
    taro = make_child(facility, name="石井 太郎", kana="イシイ タロウ")
    desk.staff.add("suzuki", "鈴木 園長", "sakura-2026", role="admin")
    desk.login("suzuki", "sakura-2026")
    desk.staff.add("sato", "佐藤 保育士", "tanpopo-77")
    clock.set(datetime(2026, 3, 2, 10, 0))
    desk.login("sato", "tanpopo-77")
    booking = desk.bookings.book(facility.id, hanako.id, TUESDAY, t("09:30"), t("11:00"))
    desk.bookings.book(facility.id, taro.id, TUESDAY, t("09:30"), t("11:00"))
    clock.set(datetime(2026, 3, 2, 11, 0))
    desk.cancellations.cancel(booking.id, "illness")
    return {"hanako": hanako, "taro": taro, "booking": booking}


def test_entries_filter_by_child_staff_action_and_time(desk: Desk, day_of_changes: dict) -> None:
    hanako = day_of_changes["hanako"]

    about_hanako = desk.audit.entries(child_id=hanako.id)
    by_sato = desk.audit.entries(staff_login="sato", action="booking.")
    late_morning = desk.audit.entries(since=datetime(2026, 3, 2, 10, 30), until=datetime(2026, 3, 2, 12, 0))

    assert {e.action for e in about_hanako} >= {"child.add", "registration.apply", "booking.add", "booking.cancel"}
    assert all(e.entity_id != day_of_changes["taro"].id for e in about_hanako)
    assert [e.action for e in by_sato] == ["booking.add", "booking.add", "booking.cancel"]
    assert [e.action for e in late_morning] == ["booking.cancel"]


def test_the_log_exports_with_before_and_after(desk: Desk, day_of_changes: dict, tmp_path: Path) -> None:
    out = tmp_path / "audit.csv"

    written = desk.audit.export(out, action="booking.cancel")

    [row] = read_rows(out)
    assert written == 1
    assert (row["staff_login"], row["action"], row["entity_id"]) == ("sato", "booking.cancel", day_of_changes["booking"].id)
    assert '"status": "confirmed"' in row["before"] and '"status": "cancelled"' in row["after"]


def test_entries_filter_by_several_actions_at_once(desk: Desk, day_of_changes: dict, tmp_path: Path) -> None:
    found = desk.audit.entries(action=("booking.cancel", "staff."))

    assert {e.action for e in found} == {"booking.cancel", "staff.add", "staff.login"}
    assert desk.audit.export(tmp_path / "a.csv", action=("booking.cancel", "staff.")) == len(found)
