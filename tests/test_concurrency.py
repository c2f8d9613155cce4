"""Several desks on one database: never overbook, and a busy database is a sentence.

The races run on SQLite and, with HOIKU_DESK_TEST_DATABASE_URL set, on PostgreSQL; the
held-lock tests are about SQLite's write lock (``sqlite_only``).

The worker processes live in tests/_workers.py and are started with the "spawn" method, as
on Windows: each opens the database itself, as another window or program would.
"""

from __future__ import annotations

import multiprocessing
import queue
import re
import sqlite3
from collections import Counter
from collections.abc import Iterator
from datetime import date, time
from pathlib import Path

import pytest

from hoiku_desk.services import Desk, Facility, errors, retry
from hoiku_desk.services import bookings as bookings_module
from hoiku_desk.services import database as database_module
from hoiku_desk.services import uow as uow_module
from tests import _workers
from tests.conftest import server_only
from tests.helpers import NOW, TUESDAY, counted_calls, t

WORKERS = 6
RESULT_TIMEOUT_SECONDS = 120
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")

# Rounds of the race on one day: each slot offers `capacity` places to all workers at once.
ROUNDS = [
    (t("09:00"), t("10:00"), 1),
    (t("10:00"), t("11:00"), 2),
    (t("13:00"), t("14:00"), 1),
    (t("14:00"), t("15:00"), 2),
]


class Spawner:
    """Starts worker processes with the "spawn" method and stops them all at the end."""

    def __init__(self) -> None:
        self.context = multiprocessing.get_context("spawn")
        self.started: list[multiprocessing.process.BaseProcess] = []

    def start(self, target: object, *args: object) -> multiprocessing.process.BaseProcess:
        proc = self.context.Process(target=target, args=args)
        proc.start()
        self.started.append(proc)
        return proc

    def join_all(self) -> list[int | None]:
        for proc in self.started:
            proc.join(timeout=RESULT_TIMEOUT_SECONDS)
        return [proc.exitcode for proc in self.started]

    def stop(self) -> None:
        for proc in self.started:
            if proc.is_alive():
                proc.terminate()
                proc.join(timeout=10)


@pytest.fixture
def spawn() -> Iterator[Spawner]:
    spawner = Spawner()
    try:
        yield spawner
    finally:
        spawner.stop()


def collect(results: multiprocessing.queues.Queue, count: int) -> list[tuple[object, str]]:
    """``count`` results; fails at once on a worker that could not even open the desk."""
    out = []
    for _ in range(count):
        try:
            label, outcome = results.get(timeout=RESULT_TIMEOUT_SECONDS)
        except queue.Empty:
            pytest.fail(f"workers went quiet after {len(out)} of {count} results: {out}")
        if label in ("open", "start"):
            pytest.fail(f"a worker failed before booking:\n{outcome}")
        out.append((label, outcome))
    return out


def assert_only_expected_outcomes(outcomes: list[str]) -> None:
    unexpected = [o for o in outcomes if o not in ("ok", "SlotFull")]
    assert not unexpected, "a worker failed otherwise than with SlotFull:\n" + "\n".join(unexpected)


def slots_between(desk: Desk, facility: Facility, day: date, start: time, end: time):
    return [s for s in desk.bookings.availability(facility.id, day, day)[day] if start <= s.start < end]


@pytest.mark.slow
def test_racing_desks_never_overbook_the_last_places(
    desk: Desk, facility: Facility, make_child, db_target: str, spawn
) -> None:
    for start, end, capacity in ROUNDS:
        desk.facilities.set_capacity(facility.id, capacity, on=TUESDAY, start=start, end=end)
    children = [make_child(facility) for _ in range(WORKERS)]
    attempts = [_workers.Attempt(i, TUESDAY, start, end) for i, (start, end, _) in enumerate(ROUNDS)]
    barrier, results = spawn.context.Barrier(WORKERS), spawn.context.Queue()
    for child in children:
        spawn.start(_workers.book_when_released, db_target, _workers.FixedClock(NOW),
                    facility.id, child.id, attempts, barrier, results)

    outcomes = collect(results, WORKERS * len(ROUNDS))
    assert spawn.join_all() == [0] * WORKERS

    assert_only_expected_outcomes([o for _, o in outcomes])
    for index, (start, end, capacity) in enumerate(ROUNDS):
        counted = Counter(o for label, o in outcomes if label == index)
        assert counted == {"ok": capacity, "SlotFull": WORKERS - capacity}, (start, counted)
        slots = slots_between(desk, facility, TUESDAY, start, end)
        assert [(s.capacity, s.taken, s.remaining) for s in slots] == [(capacity, capacity, 0)] * 2
        booked = desk.bookings.search(facility.id, from_day=TUESDAY, to_day=TUESDAY,
                                      statuses=["confirmed"])
        assert len([b for b in booked if b.start == start]) == capacity


@pytest.mark.slow
def test_window_sees_consistent_availability_while_another_process_books_a_burst(
    desk: Desk, facility: Facility, make_child, db_target: str, spawn
) -> None:
    """The window books and refreshes while a second program books many children: every
    refresh shows at most the capacity, never fewer places taken than before, and the end
    state matches the bookings."""
    start, end, capacity = t("10:00"), t("11:00"), facility.rules.default_capacity
    theirs = [make_child(facility) for _ in range(5)]
    mine = [make_child(facility) for _ in range(3)]
    started, results = spawn.context.Event(), spawn.context.Queue()
    spawn.start(_workers.book_burst, db_target, _workers.FixedClock(NOW), facility.id,
                [c.id for c in theirs], _workers.Attempt("burst", TUESDAY, start, end), started,
                results)
    assert collect(results, 1) == [("ready", "ok")]

    def taken_now() -> int:
        slots = slots_between(desk, facility, TUESDAY, start, end)
        assert len({s.taken for s in slots}) == 1, slots  # both slots hold the same bookings
        return slots[0].taken

    seen = [taken_now()]
    started.set()
    my_outcomes = []
    for child in mine:
        try:
            desk.bookings.book(facility.id, child.id, TUESDAY, start, end)
            my_outcomes.append("ok")
        except errors.SlotFull:
            my_outcomes.append("SlotFull")
        seen.append(taken_now())
    their_outcomes = []
    for _ in theirs:
        their_outcomes += [o for _, o in collect(results, 1)]
        seen.append(taken_now())
    assert spawn.join_all() == [0]

    assert_only_expected_outcomes(my_outcomes + their_outcomes)
    assert (my_outcomes + their_outcomes).count("ok") == capacity
    assert seen == sorted(seen) and max(seen) == capacity, seen
    booked = desk.bookings.search(facility.id, from_day=TUESDAY, to_day=TUESDAY)
    assert len(booked) == capacity


@pytest.fixture
def impatient_desk(desk: Desk, db_path: Path, clock, monkeypatch: pytest.MonkeyPatch) -> Iterator[Desk]:
    """A second desk on the same file that gives up on a held lock within a fraction of a second."""
    monkeypatch.setattr(database_module, "BUSY_TIMEOUT_SECONDS", 0.05)
    monkeypatch.setattr(uow_module, "BEGIN_ATTEMPTS", 2)
    monkeypatch.setattr(uow_module, "BEGIN_BACKOFF_SECONDS", 0.01)
    with Desk.open(db_path, clock=clock) as opened:
        yield opened


@pytest.fixture
def other_connection(db_path: Path) -> Iterator[sqlite3.Connection]:
    """Another program's raw connection to the same file."""
    connection = sqlite3.connect(db_path, isolation_level=None)
    try:
        yield connection
    finally:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        connection.close()


def test_write_lock_held_by_another_program_gives_a_japanese_sentence_then_booking_works(
    impatient_desk: Desk, facility: Facility, make_child, other_connection: sqlite3.Connection
) -> None:
    child = make_child(facility)
    other_connection.execute("BEGIN IMMEDIATE")

    with pytest.raises(errors.DatabaseBusy) as caught:
        impatient_desk.bookings.book(facility.id, child.id, TUESDAY, t("10:00"), t("12:00"))

    sentence = str(caught.value)
    assert JAPANESE.search(sentence) and sentence.endswith("。"), sentence
    assert "locked" not in sentence and "Traceback" not in sentence
    assert not isinstance(caught.value, errors.BookingError)
    # Reading is not blocked by another program's write lock (WAL): the window stays usable.
    slots = impatient_desk.bookings.availability(facility.id, TUESDAY, TUESDAY)[TUESDAY]
    assert all(s.taken == 0 for s in slots)

    other_connection.execute("COMMIT")
    booked = impatient_desk.bookings.book(facility.id, child.id, TUESDAY, t("10:00"), t("12:00"))
    assert impatient_desk.bookings.get(booked.id).status == "confirmed"


def test_refused_busy_booking_leaves_nothing_behind(
    impatient_desk: Desk, desk: Desk, facility: Facility, make_child,
    other_connection: sqlite3.Connection,
) -> None:
    child = make_child(facility)
    audit_before = len(desk.audit.entries())
    other_connection.execute("BEGIN IMMEDIATE")
    with pytest.raises(errors.DatabaseBusy):
        impatient_desk.bookings.book(facility.id, child.id, TUESDAY, t("10:00"), t("12:00"))
    other_connection.execute("COMMIT")

    assert desk.bookings.search(facility.id) == []
    assert len(desk.audit.entries()) == audit_before


# -- on a PostgreSQL server ---------------------------------------------------------------------

@pytest.fixture
def impatient_server_desk(desk: Desk, db_target: str, clock, monkeypatch: pytest.MonkeyPatch) -> Iterator[Desk]:
    """A second desk on the server that waits a fraction of a second for a row lock."""
    monkeypatch.setattr(database_module, "BUSY_TIMEOUT_SECONDS", 0.05)
    with Desk.open(db_target, clock=clock) as opened:
        yield opened


@server_only
def test_facility_locked_by_another_desk_gives_a_japanese_sentence_and_saves_nothing(
    impatient_server_desk: Desk, desk: Desk, db_target: str, facility: Facility, make_child,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each attempt's lock wait times out; after the last one staff read a sentence."""
    import sqlalchemy

    child = make_child(facility)
    runs = counted_calls(monkeypatch, bookings_module, "place_flexible")
    audit_before = len(desk.audit.entries())
    other = sqlalchemy.create_engine(db_target)
    try:
        with other.begin() as holding:  # another desk in the middle of a booking
            holding.execute(sqlalchemy.text("SELECT id FROM facilities WHERE id = :id FOR UPDATE"),
                            {"id": facility.id})
            with pytest.raises(errors.DatabaseBusy) as caught:
                impatient_server_desk.bookings.book(facility.id, child.id, TUESDAY, t("10:00"), t("12:00"))
    finally:
        other.dispose()

    sentence = str(caught.value)
    assert JAPANESE.search(sentence) and sentence.endswith("。"), sentence
    assert len(runs) == retry.ATTEMPTS
    assert desk.bookings.search(facility.id) == []
    assert len(desk.audit.entries()) == audit_before
    booked = impatient_server_desk.bookings.book(facility.id, child.id, TUESDAY, t("10:00"), t("12:00"))
    assert desk.bookings.get(booked.id).status == "confirmed"


@server_only
def test_unreachable_server_is_a_japanese_sentence(clock) -> None:
    with pytest.raises(errors.DatabaseUnavailable) as caught:
        Desk.open("postgresql+psycopg://hoiku@127.0.0.1:9/hoiku_desk", clock=clock)
    sentence = str(caught.value)
    assert "接続できません" in sentence and "127.0.0.1:9" in sentence, sentence
