"""A call that loses a race to another desk runs again, whole, and writes its rows once.

On the PostgreSQL server the races are real: another connection takes two rows in the
opposite order to the desk's call, and the server aborts the desk's transaction as a
deadlock.  The desk's call runs in a thread, as it would while the other desk holds its
locks; the test thread plays the other desk.  The rules about what may run again (a call
whose change is committed never does) are checked on both engines with a busy error put
where the database would raise it.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import NullPool

from hoiku_desk import models
from hoiku_desk.services import Desk, Facility, errors, retry
from hoiku_desk.services.records import ImportReport
from hoiku_desk.services import bookings as bookings_module
from hoiku_desk.services.sync import importer
from hoiku_desk.services.uow import UnitOfWork
from tests.conftest import server_only
from tests.helpers import TUESDAY, counted_calls, t
from tests.test_concurrency import JAPANESE
from tests.test_import_requests import count, sites, write  # noqa: F401 - a fixture

WAIT_SECONDS = 60


class Rival:
    """Another desk's transaction on the server, taking row locks one statement at a time."""

    def __init__(self, url: str) -> None:
        self._engine = create_engine(url, poolclass=NullPool)
        self._connection = self._engine.connect()
        self._connection.begin()
        # The desk's backend, waiting first with the default 1 s, is the one that finds the
        # deadlock and gives way.
        self._connection.exec_driver_sql("SET LOCAL deadlock_timeout = '1min'")

    def lock(self, table: str, row_id: str) -> None:
        """``SELECT … FOR UPDATE`` of one row: waits while the desk holds it."""
        self._connection.execute(
            text(f"SELECT id FROM {table} WHERE id = :id FOR UPDATE"), {"id": row_id})

    def wait_until_the_desk_waits(self) -> None:
        """Until a desk's connection waits for a lock (for one this transaction holds)."""
        deadline = time.monotonic() + WAIT_SECONDS
        with self._engine.connect() as watcher:
            watcher = watcher.execution_options(isolation_level="AUTOCOMMIT")
            while time.monotonic() < deadline:
                waiting = watcher.execute(text(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                    " AND application_name = 'hoiku-desk' AND wait_event_type = 'Lock'")).scalar()
                if waiting:
                    return
                time.sleep(0.01)
        pytest.fail("the desk never waited for the rival's lock")

    def commit(self) -> None:
        self._connection.commit()

    def close(self) -> None:
        self._connection.close()
        self._engine.dispose()


@pytest.fixture
def rival(db_target: str) -> Iterator[Rival]:
    opened = Rival(db_target)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def background() -> Iterator[Callable[..., Future[Any]]]:
    """Runs a desk's call in another thread (the desk is used by that thread alone meanwhile)."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        yield pool.submit


def actions(desk: Desk) -> list[str]:
    return [e.action for e in desk.audit.entries()]


# -- real deadlocks on the server -------------------------------------------------------------

@server_only
def test_booking_that_lost_a_deadlock_runs_again_and_is_saved_once(
    desk: Desk, facility: Facility, make_child, rival: Rival, background, monkeypatch: pytest.MonkeyPatch
) -> None:
    child = make_child(facility)
    runs = counted_calls(monkeypatch, bookings_module, "place_flexible")

    rival.lock("children", child.id)
    booking = background(desk.bookings.book, facility.id, child.id, TUESDAY, t("10:00"), t("12:00"))
    rival.wait_until_the_desk_waits()  # the desk holds the facility, waits for the child
    rival.lock("facilities", facility.id)  # returns once the desk's transaction gave way
    rival.commit()
    booked = booking.result(timeout=WAIT_SECONDS)

    assert len(runs) == 2
    assert desk.bookings.search(facility.id) == [booked]
    assert booked.status == "confirmed"
    assert actions(desk).count("booking.add") == 1


@server_only
def test_import_that_lost_a_deadlock_runs_again_whole(
    desk: Desk, sites: dict[str, Facility], rival: Rival, background, tmp_path: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Row 1 books at K01, row 2 at D01: the import holds K01 and waits for D01, which the
    rival holds before it asks for K01.  Confirmed at once, each booking also writes a
    queue item (with its request id) and a decision row: none of them twice."""
    k01, d01 = sites["K01"], sites["D01"]
    for site in (k01, d01):
        desk.facilities.update_rules(site.id, online_bookings_confirmed=True)
    path = write(
        tmp_path,
        "r-1,2026-03-02 08:15,line,booking,K01,大野 芽依,オオノ メイ,2023-11-02,,,2026-03-09,09:30,12:00,,",
        "r-2,2026-03-02 08:16,line,booking,D01,川口 葵,カワグチ アオイ,2024-08-30,,,2026-03-09,09:30,12:00,,",
    )
    runs = counted_calls(monkeypatch, importer, "import_requests")

    rival.lock("facilities", d01.id)
    report = background(desk.sync.import_requests, path)
    rival.wait_until_the_desk_waits()
    rival.lock("facilities", k01.id)
    rival.commit()

    assert report.result(timeout=WAIT_SECONDS) == ImportReport(accepted=2)
    assert len(runs) == 2
    assert [b.status for b in desk.bookings.search(k01.id) + desk.bookings.search(d01.id)] == [
        "confirmed", "confirmed"]
    assert (count(desk, models.QueueItem), count(desk, models.Decision)) == (2, 2)
    assert actions(desk).count("booking.add") == 2


@server_only
def test_call_inside_a_unit_of_work_does_not_run_again_on_its_own(
    desk: Desk, facility: Facility, make_child, rival: Rival, background, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The caller's block owns the transaction: the lost call fails it whole, the bookings
    made before it in the block too, and nothing in it runs twice."""
    first, second = make_child(facility), make_child(facility)
    runs = counted_calls(monkeypatch, bookings_module, "place_flexible")

    def book_both() -> None:
        with desk.unit_of_work():
            desk.bookings.book(facility.id, first.id, TUESDAY, t("10:00"), t("12:00"))
            desk.bookings.book(facility.id, second.id, TUESDAY, t("10:00"), t("12:00"))

    rival.lock("children", second.id)
    block = background(book_both)
    rival.wait_until_the_desk_waits()
    rival.lock("facilities", facility.id)
    rival.commit()

    busy = block.exception(timeout=WAIT_SECONDS)
    assert isinstance(busy, errors.DatabaseBusy)
    assert JAPANESE.search(str(busy)) and str(busy).endswith("。"), busy
    assert [args[2] for args in runs] == [first.id, second.id]
    assert desk.bookings.search(facility.id) == []
    assert "booking.add" not in actions(desk)


# -- what may run again, on both engines ---------------------------------------------------------

def database_is_locked() -> OperationalError:
    """What the driver raises when another program holds the database too long."""
    return OperationalError("INSERT INTO audit_log …", {}, sqlite3.OperationalError("database is locked"))


def test_a_lost_call_runs_again_until_it_succeeds(
    desk: Desk, facility: Facility, make_child, monkeypatch: pytest.MonkeyPatch
) -> None:
    child = make_child(facility)
    audit = UnitOfWork.audit
    losses = [database_is_locked(), database_is_locked()]

    def losing_audit(uow: UnitOfWork, *args: Any, **kwargs: Any) -> None:
        if losses:
            raise losses.pop()
        audit(uow, *args, **kwargs)

    monkeypatch.setattr(UnitOfWork, "audit", losing_audit)
    booked = desk.bookings.book(facility.id, child.id, TUESDAY, t("10:00"), t("12:00"))

    assert not losses
    assert desk.bookings.search(facility.id) == [booked]
    assert actions(desk).count("booking.add") == 1


def test_a_call_that_keeps_losing_gives_up_with_a_sentence(
    desk: Desk, facility: Facility, make_child, monkeypatch: pytest.MonkeyPatch
) -> None:
    child = make_child(facility)
    runs = counted_calls(monkeypatch, bookings_module, "place_flexible")

    def always_losing(*_: object, **__: object) -> None:
        raise database_is_locked()

    monkeypatch.setattr(UnitOfWork, "audit", always_losing)
    with pytest.raises(errors.DatabaseBusy) as caught:
        desk.bookings.book(facility.id, child.id, TUESDAY, t("10:00"), t("12:00"))

    assert len(runs) == retry.ATTEMPTS
    sentence = str(caught.value)
    assert JAPANESE.search(sentence) and sentence.endswith("。"), sentence
    monkeypatch.undo()
    assert desk.bookings.search(facility.id) == []


def test_a_call_whose_change_is_saved_never_runs_again(
    desk: Desk, facility: Facility, make_child, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reading back a saved change finds the database busy: running the call again would
    change the booking twice, so staff read the sentence and the one change stays."""
    booking = desk.bookings.book(facility.id, make_child(facility).id, TUESDAY, t("10:00"), t("12:00"))
    runs = counted_calls(monkeypatch, UnitOfWork, "commit")

    def busy_read(*_: object) -> None:
        raise database_is_locked()

    monkeypatch.setattr(UnitOfWork, "bookings", busy_read)
    with pytest.raises(errors.DatabaseBusy):
        desk.bookings.change(booking.id, end=t("12:30"))
    monkeypatch.undo()

    assert len(runs) == 1
    assert desk.bookings.get(booking.id).end == t("12:30")
    assert actions(desk).count("booking.change") == 1
