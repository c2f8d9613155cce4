"""Demo data, made through the services with the clock stepped through two weeks, and the
command line that fills a database with it or prints the day's status."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from hoiku_desk import cli, demo, messages
from hoiku_desk.services import Booking, Desk, errors

#: A Wednesday: the demo ends at 10:30 on it.
TODAY = date(2026, 3, 4)
NOW = datetime.combine(TODAY, demo.DEMO_TIME)
STATUSES = {"pending", "confirmed", "rejected", "cancelled", "attended", "no_show"}
PROJECT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, demo.DemoReport]:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    return path, demo.fill(path, today=TODAY)


@pytest.fixture
def filled(demo_db: tuple[Path, demo.DemoReport]) -> Iterator[Desk]:
    """The demo database, opened with the clock at the demo's now (read it, don't change it)."""
    with Desk.open(demo_db[0], clock=lambda: NOW) as desk:
        yield desk


def all_bookings(desk: Desk) -> list[Booking]:
    return [b for f in desk.facilities.list() for b in desk.bookings.search(f.id)]


def test_report_says_what_was_made(demo_db: tuple[Path, demo.DemoReport]) -> None:
    report = demo_db[1]
    assert report.now == NOW
    assert (report.facilities, report.children) == (2, demo.CHILDREN)
    assert report.bookings >= 60


def test_one_facility_of_each_program(filled: Desk) -> None:
    facilities = {f.code: f for f in filled.facilities.list()}
    assert set(facilities) == {"K01", "D01"}
    assert facilities["K01"].name == "ひかり保育園 一時保育"
    assert facilities["K01"].rules.program == "ichiji"
    assert facilities["D01"].rules.program == "daredemo"
    assert facilities["D01"].rules.monthly_quota_minutes == 600


def test_forty_families_with_japanese_names_phones_allergies_and_contacts(filled: Desk) -> None:
    added = filled.audit.entries(action="child.add")
    children = [filled.children.get(entry.entity_id) for entry in added]
    assert len(children) == 40
    assert len({(c.kana, c.birth_date) for c in children}) == 40
    assert all(re.fullmatch(r"\S+ \S+", c.name) and re.fullmatch(r"[ァ-ヶー]+ [ァ-ヶー]+", c.kana)
               for c in children)
    assert all(re.fullmatch(r"0[789]0-\d{4}-\d{4}", c.phone) for c in children)
    assert {"卵", "小麦", "乳"} & {c.allergies for c in children}
    assert all(1 <= len(c.contacts) <= 2 for c in children)
    assert all(c.guardian_name.split()[0] == c.name.split()[0] for c in children)


def test_registrations_mostly_approved_some_applied_one_rejected(filled: Desk) -> None:
    statuses = [r.status for f in filled.facilities.list() for r in filled.registrations.for_facility(f.id)]
    assert statuses.count("approved") >= 30
    assert statuses.count("applied") >= 2
    assert statuses.count("rejected") == 1


def test_two_weeks_of_bookings_in_every_status(filled: Desk) -> None:
    bookings = [b for b in all_bookings(filled) if b.kind == "flexible"]
    assert {b.status for b in bookings} == STATUSES
    assert {b.source for b in bookings} == {"phone", "online"}
    days = {b.day for b in bookings}
    assert min(days) <= TODAY - timedelta(days=5) and max(days) >= TODAY + timedelta(days=5)
    assert all(b.status not in ("attended", "no_show") or b.day <= TODAY for b in bookings)
    assert all(b.status != "pending" or b.source == "online" for b in bookings)
    assert any(b.pickup.kind == "other" for b in bookings)


def test_cancellations_early_and_late(filled: Desk) -> None:
    lateness = {entry.after["late"] for entry in filled.audit.entries(action="booking.cancel")}
    assert lateness == {True, False}


def test_past_days_were_attended_with_check_in_out_and_payment(filled: Desk) -> None:
    rows = [row for f in filled.facilities.list() for day in range(1, 8)
            for row in filled.attendance.daily_list(f.id, TODAY - timedelta(days=day))]
    attended = [row for row in rows if row.status == "attended"]
    assert attended and all(row.checked_in_at and row.checked_out_at for row in attended)
    assert all(row.checked_in_at <= row.checked_out_at for row in attended)  # type: ignore[operator]
    assert sum(row.paid_yen > 0 for row in attended) >= len(attended) // 2
    assert {row.status for row in rows} <= {"attended", "no_show"}


def test_today_has_children_in_care_and_still_expected(filled: Desk) -> None:
    rows = [row for f in filled.facilities.list() for row in filled.attendance.daily_list(f.id, TODAY)]
    assert any(row.checked_in_at and not row.checked_out_at for row in rows)
    assert any(row.status == "confirmed" and row.start > NOW.time() for row in rows)


def test_waiting_requests_a_regular_plan_and_an_interview(filled: Desk) -> None:
    pending = filled.approvals.pending()
    assert {item.kind for item in pending} == {"booking", "regular"}
    regular = [b for b in all_bookings(filled) if b.kind == "regular"]
    assert regular and {b.day.weekday() for b in regular} <= {1, 3}
    assert {b.status for b in regular} >= {"attended", "confirmed"}
    interviews = [b for b in all_bookings(filled) if b.kind == "interview"]
    assert len(interviews) == 1 and interviews[0].day > TODAY


@pytest.mark.slow
def test_the_same_moment_and_seed_give_the_same_data(
    demo_db: tuple[Path, demo.DemoReport], filled: Desk, tmp_path: Path
) -> None:
    again = tmp_path / "again.sqlite3"
    demo.fill(again, today=TODAY)
    with Desk.open(again, clock=lambda: NOW) as desk:
        def shape(d: Desk) -> set[tuple[str, str, str, str]]:
            return {(b.number, b.child_kana, b.status, b.kind) for b in all_bookings(d)}

        assert shape(desk) == shape(filled)


@pytest.mark.slow
@pytest.mark.parametrize("today", [date(2026, 11, 23), date(2026, 4, 3)], ids=["holiday", "new-fiscal-year"])
def test_any_day_gives_a_working_demo(tmp_path: Path, today: date) -> None:
    """On a national holiday nothing is booked today; in early April the families renewed
    their registrations that ended on 31 March."""
    path = tmp_path / "demo.sqlite3"
    report = demo.fill(path, today=today)
    assert report.bookings >= 40
    with Desk.open(path, clock=lambda: report.now) as desk:
        k01 = desk.facilities.by_code("K01")
        registrations = desk.registrations.for_facility(k01.id)
        if today.month == 4:
            assert {r.status for r in registrations} >= {"expired", "approved"}
            assert any(r.valid_until == date(2027, 3, 31) for r in registrations)
        else:
            assert desk.attendance.daily_list(k01.id, today) == []


def test_refuses_a_database_that_holds_a_facility(
    demo_db: tuple[Path, demo.DemoReport], filled: Desk
) -> None:
    before = len(filled.audit.entries())
    with pytest.raises(errors.InvalidState) as refused:
        demo.fill(demo_db[0], today=TODAY)
    assert refused.value.data == {"what": "database", "status": "not_empty", "action": "demo"}
    assert len(filled.audit.entries()) == before


# -- the command line ---------------------------------------------------------------------

def test_demo_option_fills_a_fresh_database_then_opens_the_window(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    opened: list[tuple[str | None, str, bool]] = []
    monkeypatch.setattr(cli, "open_window", lambda *args: opened.append(args) or 0)
    path = tmp_path / "fresh.sqlite3"
    assert cli.main(["--demo", "--db", str(path), "--lang", "en"]) == 0
    assert opened == [(str(path), "en", True)]
    with Desk.open(path) as desk:
        assert len(desk.facilities.list()) == 2
    assert "児童 40名" in capsys.readouterr().out


def test_demo_option_refuses_a_database_with_data(
    demo_db: tuple[Path, demo.DemoReport], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(cli, "open_window", lambda *args: pytest.fail("the window must not open"))
    copy = tmp_path / "copy.sqlite3"
    shutil.copyfile(demo_db[0], copy)
    assert cli.main(["--demo", "--db", str(copy)]) == cli.EXIT_REFUSED
    refusal = errors.InvalidState(what="database", status="not_empty", action="demo")
    assert capsys.readouterr().err.strip() == messages.message(refusal, "ja")


def test_fill_demo_reports_a_database_it_cannot_open(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.fill_demo("sqlite://") == cli.EXIT_REFUSED
    unavailable = errors.DatabaseUnavailable(path="sqlite://", reason="memory")
    assert capsys.readouterr().err.strip() == messages.message(unavailable, "ja")


def test_status_subcommand_prints_each_facility(
    demo_db: tuple[Path, demo.DemoReport], capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["status", "--db", str(demo_db[0])]) == 0
    out = capsys.readouterr().out
    assert "D01 ひかり保育園 こども誰でも通園" in out and "K01 ひかり保育園 一時保育" in out
    assert cli.main(["--db", str(demo_db[0]), "status"]) == 0


def test_status_lines_for_a_day(filled: Desk) -> None:
    lines = cli.status(filled, TODAY)
    assert lines[1] == "日付: 2026年3月4日(水)"
    assert any(line.startswith("K01 ひかり保育園 一時保育: 予約 ") for line in lines)


def run_python(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-X", "warn_default_encoding", *args], cwd=PROJECT, capture_output=True,
        text=True, encoding="utf-8", timeout=120, check=False,
    )


def test_importing_the_command_line_does_not_import_qt() -> None:
    done = run_python("-c", "import json, sys\nimport hoiku_desk.cli\n"
                            "print(json.dumps('PySide6' in sys.modules))")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) is False


def test_python_m_runs_the_status_subcommand(demo_db: tuple[Path, demo.DemoReport]) -> None:
    done = run_python("-m", "hoiku_desk", "status", "--db", str(demo_db[0]))
    assert done.returncode == 0, done.stderr
    assert "K01 ひかり保育園 一時保育" in done.stdout

