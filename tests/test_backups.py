"""Backups: daily and before imports, kept 14 days and 12 months, checked before a restore;
a damaged database is recognised at start and the newest good backup put in its place."""

from __future__ import annotations

import stat
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from hoiku_desk.migrations import HEAD_REVISION
from hoiku_desk.services import Child, Desk, Facility, backups, database, errors

pytestmark = pytest.mark.sqlite_only  # the program's backups are SQLite files; a server has pg_dump
from tests.conftest import ChildMaker, Clock
from tests.helpers import TUESDAY, damage, t


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def fake_backup(db_path: Path, taken: datetime, kind: str = "daily") -> Path:
    folder = backups.folder(db_path)
    folder.mkdir(exist_ok=True)
    path = folder / f"hoiku-desk-{taken:%Y%m%d-%H%M%S}.{kind}.sqlite3"
    path.write_bytes(b"")
    return path


# -- taking them -------------------------------------------------------------------------
def test_the_first_start_of_a_day_takes_one_backup(desk: Desk, db_path: Path, clock: Clock) -> None:
    first = desk.backups.daily()
    again = desk.backups.daily()
    clock.advance(days=1)
    tomorrow = desk.backups.daily()

    assert first is not None and again is None and tomorrow is not None
    assert [b.kind for b in desk.backups.list()] == ["daily", "daily"]
    assert first.parent == db_path.parent / "backups"


def test_backups_keep_fourteen_days_and_one_per_month_for_twelve_months(db_path: Path) -> None:
    today = date(2026, 11, 23)
    for back in range(400):  # a backup every day for 400 days, two on some
        day = today - timedelta(days=back)
        fake_backup(db_path, datetime.combine(day, datetime.min.time()) + timedelta(hours=8))
    imports = [fake_backup(db_path, datetime(2026, 11, 1, 9) + timedelta(minutes=m), "import") for m in range(25)]

    backups.prune(db_path, today)

    kept = backups.listing(db_path)
    days = sorted({b.taken_at.date() for b in kept if b.kind == "daily"})
    recent = [d for d in days if (today - d).days < 14]
    older = [d for d in days if (today - d).days >= 14]
    assert len(recent) == 14
    assert [(d.year, d.month) for d in older] == [(2025, 12), (2026, 1), (2026, 2), (2026, 3), (2026, 4),
                                                  (2026, 5), (2026, 6), (2026, 7), (2026, 8), (2026, 9),
                                                  (2026, 10)]
    assert all(d.day == [31, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31][i] for i, d in enumerate(older))
    assert sorted(b.path for b in kept if b.kind == "import") == sorted(imports[-backups.KEEP_OTHERS:])


def test_a_request_import_is_preceded_by_a_backup_of_what_was_there(
    desk: Desk, facility: Facility, db_path: Path, tmp_path: Path
) -> None:
    requests = tmp_path / "requests.csv"
    requests.write_text("request_id,type,facility_code,child_name,child_kana,birth_date,guardian_name,phone\n"
                        "W-1,registration,K01,石井 颯,イシイ ハヤテ,2024-06-21,石井 美咲,090-2468-1357\n",
                        encoding="utf-8")

    desk.sync.import_requests(requests)

    [before] = desk.backups.list()
    assert before.kind == "import"
    with Desk.open(before.path) as earlier:
        assert earlier.children.search("イシイ") == []
    assert len(desk.children.search("イシイ")) == 1


# -- privacy -----------------------------------------------------------------------------
def test_database_backups_and_exports_are_readable_by_the_user_only(
    desk: Desk, facility: Facility, db_path: Path, tmp_path: Path
) -> None:
    daily = desk.backups.daily()
    manual = desk.backup(tmp_path / "copy.sqlite3")
    export = tmp_path / "availability.csv"
    desk.sync.export_availability(facility.id, TUESDAY, TUESDAY, export)

    assert [mode(p) for p in (db_path, daily, manual, export)] == [0o600] * 4
    assert mode(daily.parent) == 0o700


def test_a_new_data_folder_is_private(tmp_path: Path) -> None:
    with Desk.open(tmp_path / "new" / "desk.sqlite3"):
        pass
    assert mode(tmp_path / "new") == 0o700


# -- restoring ---------------------------------------------------------------------------
@pytest.fixture
def booked(desk: Desk, facility: Facility, make_child: ChildMaker) -> Child:
    child = make_child(facility)
    desk.bookings.book(facility.id, child.id, TUESDAY, t("09:30"), t("11:00"))
    return child


def test_restore_brings_back_the_backup_and_keeps_a_copy_of_what_it_replaced(
    desk: Desk, facility: Facility, booked: Child, tmp_path: Path
) -> None:
    copy = desk.backup(tmp_path / "monday.sqlite3")
    [booking] = desk.bookings.search(facility.id)
    desk.cancellations.cancel(booking.id, "family")

    safety = desk.backups.restore(copy)

    assert desk.bookings.get(booking.id).status == "confirmed"
    assert desk.audit.entries(action="backup.restore")[-1].after["source"] == str(copy)
    with Desk.open(safety) as replaced:
        assert replaced.bookings.get(booking.id).status == "cancelled"


def test_restore_is_for_admins_and_logs_everyone_out(
    desk: Desk, facility: Facility, booked: Child, tmp_path: Path
) -> None:
    copy = desk.backup(tmp_path / "before-accounts.sqlite3")
    desk.staff.add("suzuki", "鈴木 園長", "sakura-2026", role="admin")
    desk.login("suzuki", "sakura-2026")
    desk.staff.add("sato", "佐藤 保育士", "tanpopo-77")
    desk.login("sato", "tanpopo-77")

    with pytest.raises(errors.PermissionDenied, match="バックアップからの復元"):
        desk.backups.restore(copy)
    assert len(desk.staff.list()) == 2

    desk.login("suzuki", "sakura-2026")
    desk.backups.restore(copy)
    assert desk.current_staff is None and desk.staff.list() == []


@pytest.mark.parametrize(("content", "reason"), [
    (b"request_id,type\n", "damaged"),
    (b"", "not_a_backup"),
])
def test_restore_refuses_a_file_that_is_not_a_good_backup(
    desk: Desk, booked: Child, tmp_path: Path, content: bytes, reason: str
) -> None:
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(content)

    with pytest.raises(errors.DatabaseUnavailable) as refused:
        desk.backups.restore(bad)

    assert refused.value.reason == reason
    assert len(desk.children.search(booked.kana)) == 1 and desk.backups.list() == []


# -- a damaged database ---------------------------------------------------------------------
def closed_and_damaged(desk: Desk, db_path: Path, table: str | None = "children") -> None:
    desk.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    damage(db_path, table)


def test_a_damaged_database_is_refused_in_plain_japanese_and_the_newest_good_backup_found(
    db_path: Path, clock: Clock, booked: Child, desk: Desk
) -> None:
    desk.backups.daily()
    closed_and_damaged(desk, db_path)

    with pytest.raises(errors.DatabaseUnavailable) as refused:
        Desk.open(db_path, clock=clock)

    assert refused.value.reason == "damaged" and "壊れている" in refused.value.message()
    good = backups.newest_good(db_path)
    assert good is not None and good.kind == "daily"
    aside = backups.replace_damaged(db_path, good.path)
    with Desk.open(db_path, clock=clock) as restored:
        assert [c.name for c in restored.children.search(booked.kana)] == [booked.name]
    assert aside.exists()


def test_without_the_full_check_a_damaged_page_is_found_by_check_integrity(
    db_path: Path, clock: Clock, booked: Child, desk: Desk
) -> None:
    closed_and_damaged(desk, db_path)

    with Desk.open(db_path, clock=clock, full_check=False) as opened:
        assert [f.code for f in opened.facilities.list()] == ["K01"]
        with pytest.raises(errors.DatabaseUnavailable) as refused:
            opened.check_integrity()

    assert refused.value.reason == "damaged" and refused.value.data["path"] == str(db_path)


def test_a_damaged_schema_is_refused_at_opening_even_without_the_full_check(
    db_path: Path, clock: Clock, desk: Desk
) -> None:
    closed_and_damaged(desk, db_path, table=None)

    with pytest.raises(errors.DatabaseUnavailable) as refused:
        Desk.open(db_path, clock=clock, full_check=False)

    assert refused.value.reason == "damaged"


@pytest.mark.parametrize("full_check", [True, False])
def test_a_file_that_is_not_a_database_is_refused_as_damaged(tmp_path: Path, full_check: bool) -> None:
    path = tmp_path / "desk.sqlite3"
    path.write_bytes(b"PK\x03\x04 this is a zip, not a database" * 100)

    with pytest.raises(errors.DatabaseUnavailable) as refused:
        Desk.open(path, full_check=full_check)

    assert refused.value.reason == "damaged"


# -- stopping the work behind the window ---------------------------------------------------
def test_a_stopped_check_is_neither_passed_nor_damaged(desk: Desk, booked: Child) -> None:
    stop = database.Stop()
    stop.set()

    with pytest.raises(database.Stopped):
        desk.check_integrity(stop=stop)

    desk.check_integrity()  # the connection is usable again, without the stop


def test_a_stopped_daily_backup_leaves_no_file_and_is_taken_at_the_next_start(
    desk: Desk, db_path: Path, booked: Child
) -> None:
    stop = database.Stop()
    stop.set()

    with pytest.raises(database.Stopped):
        desk.backups.daily(stop=stop)

    assert list(backups.folder(db_path).iterdir()) == []
    taken = desk.backups.daily()
    assert taken is not None and [b.kind for b in desk.backups.list()] == ["daily"]
    assert backups.check(taken) == HEAD_REVISION


def test_a_backup_is_one_snapshot_while_the_desk_keeps_writing(
    desk: Desk, db_path: Path, booked: Child, make_child: ChildMaker, facility: Facility,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A backup copied in steps while staff book holds the data as it was when the copy
    began (it neither starts over nor mixes before and after)."""
    monkeypatch.setattr(database, "BACKUP_STEP_PAGES", 1)

    class BookingMidway(database.Stop):
        """Never set; between the copy's first steps a child is added through the desk."""

        steps = 0

        def is_set(self) -> bool:
            self.steps += 1
            if self.steps == 2:
                make_child(facility, name="新井 陽葵", kana="アライ ヒマリ")
            return False

    midway = BookingMidway()
    taken = desk.backups.daily(stop=midway)

    assert taken is not None and midway.steps > 2
    assert [c.name for c in desk.children.search("アライ")] == ["新井 陽葵"]
    with Desk.open(taken) as copy:
        assert copy.children.search("アライ") == [] and copy.children.search(booked.kana)
