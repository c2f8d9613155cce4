"""Work done in other processes by tests/test_concurrency.py (module level so that the
"spawn" start method can import it).  Every outcome goes back through a queue as
``(label, outcome)``: "ok", an error's ``code``, or "traceback: ..." for anything else."""

from __future__ import annotations

import traceback
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from hoiku_desk.services import Desk, errors

BARRIER_TIMEOUT_SECONDS = 60


@dataclass(frozen=True)
class FixedClock:
    """A clock that can cross a process boundary (the conftest's Clock is not needed here)."""

    now: datetime

    def __call__(self) -> datetime:
        return self.now


@dataclass(frozen=True)
class Attempt:
    """One booking a worker tries: ``label`` names it in the results."""

    label: Any
    day: date
    start: time
    end: time


def _outcome(call: Any) -> str:
    try:
        call()
    except errors.HoikuDeskError as exc:
        if isinstance(exc, errors.BookingError):
            return exc.code
        return f"traceback: {exc.code}: {exc}\n{traceback.format_exc()}"
    except Exception:  # noqa: BLE001 - reported to the test, which fails on it
        return "traceback: " + traceback.format_exc()
    return "ok"


def book_when_released(
    target: str,
    clock: FixedClock,
    facility_id: str,
    child_id: str,
    attempts: list[Attempt],
    barrier: Any,
    results: Any,
) -> None:
    """Open the desk, then for every attempt wait until all workers are ready and book."""
    try:
        desk = Desk.open(target, clock=clock)
    except Exception:  # noqa: BLE001
        results.put(("open", "traceback: " + traceback.format_exc()))
        barrier.abort()
        return
    with desk:
        for attempt in attempts:
            barrier.wait(BARRIER_TIMEOUT_SECONDS)
            results.put((attempt.label, _outcome(
                lambda a=attempt: desk.bookings.book(facility_id, child_id, a.day, a.start, a.end)
            )))


def book_burst(
    target: str,
    clock: FixedClock,
    facility_id: str,
    child_ids: list[str],
    attempt: Attempt,
    start_event: Any,
    results: Any,
) -> None:
    """Say "ready" once the desk is open, then, when released, book the same times for
    many children one after the other, as fast as possible."""
    try:
        desk = Desk.open(target, clock=clock)
    except Exception:  # noqa: BLE001
        results.put(("open", "traceback: " + traceback.format_exc()))
        return
    with desk:
        results.put(("ready", "ok"))
        if not start_event.wait(BARRIER_TIMEOUT_SECONDS):
            results.put(("start", "traceback: the test never released the burst"))
            return
        for child_id in child_ids:
            results.put((child_id, _outcome(
                lambda c=child_id: desk.bookings.book(facility_id, c, attempt.day, attempt.start,
                                                      attempt.end)
            )))
