"""``hoiku-desk migrate-to URL``: a nursery moves its SQLite database onto a PostgreSQL
server when a second front desk arrives (runs only with HOIKU_DESK_TEST_DATABASE_URL)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from hoiku_desk import cli
from hoiku_desk.services import Desk, FacilityRules
from tests.conftest import DATABASE_URL_ENV, Clock
from tests.helpers import TUESDAY, t
from tests.test_import_requests import UTF8_SAMPLE

pytestmark = pytest.mark.skipif(not os.environ.get(DATABASE_URL_ENV),
                                reason=f"needs a PostgreSQL server ({DATABASE_URL_ENV})")


@pytest.fixture
def old_desk(tmp_path: Path, migrated_template: Path, clock: Clock) -> Iterator[Desk]:
    """The single desk's SQLite database, in use for a while: two facilities, children,
    bookings, a cancellation, imported web requests, one of them approved."""
    path = tmp_path / "old.sqlite3"
    shutil.copyfile(migrated_template, path)
    with Desk.open(path, clock=clock) as desk:
        k01 = desk.facilities.add("K01", "ひかり保育園 一時保育")
        d01 = desk.facilities.add("D01", "ひかり保育園 誰でも通園", FacilityRules.daredemo())
        desk.interviews.add_slot(k01.id, date(2026, 3, 5), t("10:00"), t("10:30"))
        for n, (name, kana, born, where) in enumerate([
            ("大野 芽依", "オオノ メイ", date(2023, 11, 2), k01),
            ("川口 葵", "カワグチ アオイ", date(2024, 8, 30), d01),
            ("石井 颯", "イシイ ハヤテ", date(2024, 6, 21), k01),
        ]):
            child = desk.children.add(name=name, kana=kana, birth_date=born, sex="female",
                                      guardian_name="保護者", phone=f"090-0000-{n:04d}")
            registration = desk.registrations.apply(child.id, where.id)
            desk.registrations.approve(registration.id,
                                       interviewed_on=clock.now.date() - timedelta(days=7))
            if where is k01:
                booked = desk.bookings.book(k01.id, child.id, TUESDAY, t("10:00"), t("12:00"))
        desk.cancellations.cancel(booked.id, reason="illness")
        desk.sync.import_requests(UTF8_SAMPLE)
        desk.approvals.approve(desk.approvals.pending()[0].id)
        yield desk


def seen_by_staff(desk: Desk) -> dict[str, object]:
    """What the desk shows: children, bookings, the day's availability, the inbox, the audit."""
    k01 = desk.facilities.by_code("K01")
    return {
        "facilities": desk.facilities.list(),
        "children": [desk.children.search(kana) for kana in ("オオノ", "カワグチ", "イシイ")],
        "bookings": desk.bookings.search(k01.id),
        "availability": desk.bookings.availability(k01.id, TUESDAY, TUESDAY + timedelta(days=6)),
        "pending": desk.approvals.pending(),
        "audit": desk.audit.entries(),
    }


def migrate(source: Path, url: str) -> int:
    return cli.main(["--db", str(source), "migrate-to", url])


def test_migrated_server_shows_the_same_children_bookings_and_availability(
    old_desk: Desk, db_target: str, clock: Clock, capsys: pytest.CaptureFixture[str]
) -> None:
    before = seen_by_staff(old_desk)
    assert all(before["children"]) and before["bookings"] and before["pending"]

    assert migrate(old_desk.path, db_target) == 0

    out = capsys.readouterr().out
    assert "bookings: 3 件" in out and "children: 3 件" in out
    assert "--db postgresql+psycopg://" in out
    with Desk.open(db_target, clock=clock) as server:
        assert seen_by_staff(server) == before


def decisions_since_january(desk: Desk, folder: Path) -> int:
    return desk.sync.export_decisions(folder / "decisions.csv", since=datetime(2026, 1, 1))


def test_migrated_server_keeps_numbering_after_the_copied_rows(
    old_desk: Desk, db_target: str, clock: Clock, tmp_path: Path
) -> None:
    """The server's sequences continue after the copied audit entries and decisions: new
    work is saved, and the audit trail keeps its order."""
    assert migrate(old_desk.path, db_target) == 0

    with Desk.open(db_target, clock=clock) as server:
        approvable = next(i for i in server.approvals.pending() if not i.problems)
        server.approvals.approve(approvable.id)
        k01 = server.facilities.by_code("K01")
        child = next(c for c in server.children.search("イシイ"))
        booked = server.bookings.book(k01.id, child.id, TUESDAY, t("13:00"), t("15:00"))
        entries = server.audit.entries()
        decided = decisions_since_january(server, tmp_path)
    copied = old_desk.audit.entries()
    assert len(entries) > len(copied) and all(entry in entries for entry in copied)
    assert any(e.entity_id == booked.id and e.action == "booking.add" for e in entries)
    assert decided == decisions_since_january(old_desk, tmp_path) + 1


def test_a_target_with_data_is_refused_and_left_as_it_was(
    old_desk: Desk, db_target: str, clock: Clock, capsys: pytest.CaptureFixture[str]
) -> None:
    with Desk.open(db_target, clock=clock) as server:
        server.facilities.add("S01", "さくら保育園")

    assert migrate(old_desk.path, db_target) == 2

    err = capsys.readouterr().err
    assert "すでにデータがあります" in err and "何も移していません" in err
    with Desk.open(db_target, clock=clock) as server:
        assert [f.code for f in server.facilities.list()] == ["S01"]
        assert server.children.search("オオノ") == []
