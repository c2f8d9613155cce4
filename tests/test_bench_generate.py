"""The benchmark data generator (bench/generate.py) makes data the services accept as their
own, and the benchmark runner (bench/run.py) measures it and writes its JSON.

The database is generated once for the module, at a tiny scale (25 children, about 1,000
bookings over ten years, 25 waiting requests) ending on Monday 2 March 2026 at 10:30.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from types import ModuleType

import pytest

from hoiku_desk.models.booking import BOOKING_STATUSES
from hoiku_desk.services import Desk, FacilityRules
from hoiku_desk.services import policy
from hoiku_desk.services.clock import fiscal_year_end
from hoiku_desk.services.kana import phone_digits

ROOT = Path(__file__).resolve().parents[1]
SCALE = "0.005"
TODAY = date(2026, 3, 2)
NOW = datetime(2026, 3, 2, 10, 30)
PENDING = 25  # 5,000 × 0.005
OCCUPYING = ("pending", "confirmed", "attended")
RUN_KEYS = {"name", "median_ms", "floor_ms", "target_ms"}
RUN_NAMES = {"startup", "startup_ready", "peak_memory", "availability", "child_search", "typed_kana",
             "approvals_pending", "approvals_pending_other", "daily_pdf", "book", "import"}


def run_script(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-X", "warn_default_encoding", *args], cwd=ROOT, capture_output=True,
        text=True, encoding="utf-8", timeout=timeout, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        check=False,
    )


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bench") / "tiny.sqlite3"
    done = run_script("bench/generate.py", "--out", str(path), "--scale", SCALE, "--today", TODAY.isoformat())
    assert done.returncode == 0, done.stderr
    assert "rows/s" in done.stdout
    return path


@pytest.fixture
def desk(generated: Path) -> Iterator[Desk]:
    with Desk.open(generated, clock=lambda: NOW) as opened:
        yield opened


@pytest.fixture
def db(generated: Path) -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(f"{generated.as_uri()}?mode=ro", uri=True)
    yield connection
    connection.close()


def scalar(db: sqlite3.Connection, sql: str, *params: object) -> object:
    return db.execute(sql, params).fetchone()[0]


# -- the schema and the facilities -------------------------------------------------------
def test_the_file_is_a_sound_database_of_the_current_schema(db: sqlite3.Connection, desk: Desk) -> None:
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert scalar(db, "PRAGMA quick_check") == "ok"
    assert scalar(db, "PRAGMA journal_mode") == "wal"


def test_facilities_are_listed_with_their_rules(desk: Desk) -> None:
    facilities = {f.code: f for f in desk.facilities.list()}
    assert sorted(facilities) == ["D01", "K01"]
    assert facilities["K01"].rules.default_capacity == 40
    assert facilities["D01"].rules == FacilityRules.daredemo(default_capacity=10)


def test_the_history_spans_ten_years_up_to_the_given_day(db: sqlite3.Connection) -> None:
    first, last = db.execute("SELECT min(day), max(day) FROM bookings").fetchone()
    assert date.fromisoformat(first) < TODAY - timedelta(days=365 * 9)
    assert TODAY < date.fromisoformat(last) <= TODAY + timedelta(days=60)
    assert scalar(db, "SELECT max(received_at) FROM queue_items") == "2026-03-02 10:30:00.000000"


# -- children ----------------------------------------------------------------------------
def children(db: sqlite3.Connection) -> list[tuple[str, str, str, str]]:
    return db.execute(
        "SELECT c.id, c.name, c.kana, g.phone FROM children c JOIN guardians g ON g.id = c.guardian_id"
    ).fetchall()


def test_children_have_japanese_names_with_katakana_readings(db: sqlite3.Connection) -> None:
    rows = children(db)
    assert len(rows) == 25
    for _, name, kana, _ in rows:
        family, given = kana.split(" ")
        assert all("\u30a0" <= ch <= "\u30ff" for ch in family + given), kana
        assert " " in name and not name.isascii()


def test_every_child_is_found_by_the_hiragana_of_its_family_name_and_by_phone(
    db: sqlite3.Connection, desk: Desk
) -> None:
    for child_id, _, kana, phone in children(db):
        hiragana = "".join(chr(ord(ch) - 0x60) if "ァ" <= ch <= "ヶ" else ch for ch in kana.split(" ")[0])
        assert child_id in {c.id for c in desk.children.search(hiragana)}, kana
        assert child_id in {c.id for c in desk.children.search(phone)}, phone
        assert desk.children.get(child_id).phone == phone and phone_digits(phone).isdigit()


# -- bookings ----------------------------------------------------------------------------
def test_bookings_are_in_every_status(db: sqlite3.Connection) -> None:
    found = {status for (status,) in db.execute("SELECT DISTINCT status FROM bookings")}
    assert found == set(BOOKING_STATUSES)


def test_no_slot_ever_holds_more_children_than_its_capacity(desk: Desk) -> None:
    for facility in desk.facilities.list():
        days = desk.bookings.availability(facility.id, TODAY - timedelta(days=3700), TODAY + timedelta(days=60))
        slots = [slot for day in days.values() for slot in day]
        assert any(slot.taken for slot in slots)
        assert all(slot.taken <= slot.capacity and slot.remaining >= 0 for slot in slots)


def test_every_booked_child_holds_an_approved_registration_for_the_day(db: sqlite3.Connection) -> None:
    unregistered = scalar(db, """
        SELECT count(*) FROM bookings b WHERE NOT EXISTS (
            SELECT 1 FROM registrations r WHERE r.child_id = b.child_id AND r.facility_id = b.facility_id
            AND r.status = 'approved' AND r.interviewed_on <= b.day AND r.valid_until >= b.day)""")
    assert unregistered == 0
    for interviewed, valid_until in db.execute(
            "SELECT interviewed_on, valid_until FROM registrations WHERE status = 'approved'"):
        assert date.fromisoformat(interviewed) <= TODAY
        assert date.fromisoformat(valid_until) == fiscal_year_end(date.fromisoformat(interviewed))


def test_a_child_never_has_two_overlapping_bookings(db: sqlite3.Connection) -> None:
    overlapping = scalar(db, f"""
        SELECT count(*) FROM bookings a JOIN bookings b ON a.child_id = b.child_id AND a.day = b.day
        AND a.id < b.id AND a.start < b."end" AND b.start < a."end"
        WHERE a.status IN {OCCUPYING} AND b.status IN {OCCUPYING}""")
    assert overlapping == 0


def test_booking_numbers_read_as_the_day_of_use_and_are_found_by_number(
    db: sqlite3.Connection, desk: Desk
) -> None:
    rows = db.execute("SELECT id, facility_id, day, number FROM bookings").fetchall()
    assert all(number[:4] == day[5:7] + day[8:10] and number[4] == "-" for _, _, day, number in rows)
    for booking_id, facility_id, day, number in rows:
        if date.fromisoformat(day) >= date(2025, 4, 1):  # this fiscal year's numbers
            assert desk.bookings.by_number(facility_id, number).id == booking_id


def test_no_child_holds_more_days_ahead_than_the_rules_allow(db: sqlite3.Connection, desk: Desk) -> None:
    facilities = {f.id: f for f in desk.facilities.list()}
    holders = db.execute("SELECT DISTINCT child_id, facility_id FROM bookings WHERE day >= ? AND status IN "
                         "('pending', 'confirmed')", (TODAY.isoformat(),)).fetchall()
    assert holders
    for child_id, facility_id in holders:
        assert len(desk.bookings.held_days(facility_id, child_id)) <= facilities[facility_id].rules.max_held_days


def test_the_monthly_quota_is_never_exceeded(db: sqlite3.Connection, desk: Desk) -> None:
    daredemo = desk.facilities.by_code("D01")
    months = db.execute("SELECT DISTINCT child_id, substr(day, 1, 7) FROM bookings WHERE facility_id = ?",
                        (daredemo.id,)).fetchall()
    assert months
    for child_id, month in months:
        used = desk.bookings.quota_used(child_id, date.fromisoformat(f"{month}-01"))
        assert used <= 600, (child_id, month, used)


def test_cancellations_and_no_shows_carry_the_policy_charge(db: sqlite3.Connection, desk: Desk) -> None:
    rules = {f.id: f.rules for f in desk.facilities.list()}
    charged = db.execute("""
        SELECT b.status, b.facility_id, b.day, b.fee_yen, c.kind, c.reason, c.late, c.fee_yen, c.created_at
        FROM bookings b LEFT JOIN charges c ON c.booking_id = b.id WHERE b.status IN ('cancelled', 'no_show')
    """).fetchall()
    assert {row[0] for row in charged} == {"cancelled", "no_show"}
    for status, facility_id, day, fee, kind, reason, late, charge_fee, charged_at in charged:
        assert kind == ("cancel" if status == "cancelled" else "no_show")
        if kind == "cancel":
            expected = policy.charge(rules[facility_id], day=date.fromisoformat(day),
                                     at=datetime.fromisoformat(charged_at), reason=reason, minutes=60, fee_yen=fee)
        else:
            expected = policy.no_show(rules[facility_id], day=date.fromisoformat(day), minutes=60, fee_yen=fee)
        assert (bool(late), charge_fee) == (expected.late, expected.fee_yen)


def test_attended_bookings_are_checked_in_on_their_day(db: sqlite3.Connection) -> None:
    marks = db.execute("""
        SELECT b.day, m.checked_in_at, m.checked_out_at FROM bookings b
        LEFT JOIN attendance_marks m ON m.booking_id = b.id WHERE b.status = 'attended'""").fetchall()
    assert marks
    for day, checked_in, checked_out in marks:
        assert checked_in is not None and checked_in[:10] == day
        assert checked_out is None or checked_out >= checked_in


# -- the approval queue --------------------------------------------------------------------
def test_waiting_requests_are_listed_by_the_approval_queue(desk: Desk) -> None:
    waiting = desk.approvals.pending()
    assert len(waiting) == PENDING
    assert {item.kind for item in waiting} == {"booking", "registration", "regular"}
    assert all(item.request_id and item.source == "online" and item.summary for item in waiting)
    assert any(item.booking_id for item in waiting), "a pending booking waits with its places held"
    received = [item.received_at for item in waiting]
    assert received == sorted(received) and received[-1] == NOW


# -- bench/run.py ------------------------------------------------------------------------
def load_run_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "bench" / "run.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_compare_prints_how_each_median_grew(tmp_path: Path) -> None:
    before = tmp_path / "default.json"
    before.write_text(json.dumps([{"name": "book", "median_ms": 2.0, "floor_ms": 0.5, "target_ms": 5.0}]),
                      encoding="utf-8")
    text = load_run_module().compare(
        [{"name": "book", "median_ms": 4.0, "floor_ms": 0.5, "target_ms": 5.0}], before)
    assert "book" in text and "2.00x" in text and "1.00x" in text


@pytest.mark.slow
def test_a_smoke_run_writes_every_row_as_json(generated: Path, tmp_path: Path) -> None:
    out = tmp_path / "run.json"
    done = run_script("bench/run.py", "--db", str(generated), "--repeat", "1", "--import-rows", "50",
                      "--json", str(out), timeout=600)
    assert done.returncode == 0, done.stderr
    rows = json.loads(out.read_text(encoding="utf-8"))
    assert {row["name"] for row in rows} == RUN_NAMES
    for row in rows:
        assert set(row) == RUN_KEYS
        assert row["median_ms"] > 0 and row["floor_ms"] > 0 and row["target_ms"] > 0, row
    assert "operation" in done.stdout and "median ms" in done.stdout
