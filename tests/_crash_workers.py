"""Work that tests/test_crash_safety.py kills with SIGKILL at random moments.

Module level so that the "spawn" start method can import it, as tests/_workers.py.  Each
worker opens the database itself, says "ready" through its pipe, then loops over its
operation until the test kills it; it says "working" once its first operation went
through.  After every operation the service call returned, it appends a
line to its own journal file and fsyncs it: the journal is a lower bound of what was
committed (a kill can land between the commit and the line).  Before a cancellation batch
or an import it also writes an "intent" line, so the test can check that an interrupted
operation left all or nothing.

Journal lines are JSON objects with an ``op``:
- storm:  ``booked`` (tag, id, number)
- cancel: ``intent`` (tag, ids) then ``cancelled`` (tag, ids)
- import: ``intent`` (prefix, rows) then ``imported`` (prefix, accepted, duplicates, rejected)
- any:    ``busy`` (tag) when the desk said the database was busy (nothing was written);
          ``error`` (traceback) when anything else than an expected refusal happened.
Tags are ``<worker>/<seq>``: the comment of the bookings (and the detail of the
cancellations) an operation wrote, so the test can attribute every row to its operation.
"""

from __future__ import annotations

import json
import os
import random
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from hoiku_desk.services import Desk, errors
from tests._workers import FixedClock

#: Refusals a worker expects while others book the same slots and children.
EXPECTED_REFUSALS = (errors.SlotFull, errors.OverlappingBooking)
COMMITTED = ("booked", "cancelled", "imported")
CANCEL_REASON = "family"
REQUEST_HEADER = ("request_id,received_at,channel,type,facility_code,child_name,child_kana,"
                  "birth_date,guardian_name,phone,date,start,end,target_request_id,cancel_reason")
RECEIVED_AT = "2026-03-02 08:15"


@dataclass(frozen=True)
class ChildRef:
    id: str
    name: str
    kana: str
    birth_date: date


@dataclass(frozen=True)
class WorkerSetup:
    """Everything one incarnation of a worker needs (crosses the process boundary)."""

    kind: str  # "storm" | "cancel" | "import"
    name: str  # unique per incarnation, e.g. "storm1-4"
    db_path: str
    now: datetime
    journal: str
    seed: str
    facility_id: str
    facility_code: str
    children: tuple[ChildRef, ...]
    days: tuple[date, ...]
    open_time: time
    close_time: time
    slot_minutes: int
    workdir: str  # where the import worker writes its request files
    batch_sizes: tuple[int, int] = (3, 8)
    file_rows: tuple[int, int] = (50, 200)


class Journal:
    """Append-only JSON lines, each flushed and fsynced before the worker goes on."""

    def __init__(self, path: str) -> None:
        self._file = open(path, "a", encoding="utf-8")  # noqa: SIM115 - lives as long as the worker
        self.committed = 0

    def write(self, **record: Any) -> None:
        self._file.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
        self._file.flush()
        os.fsync(self._file.fileno())
        self.committed += record["op"] in COMMITTED


class Worker:
    """One incarnation: a desk, a seeded random, a journal, and a sequence of operations."""

    def __init__(self, setup: WorkerSetup, desk: Desk, journal: Journal) -> None:
        self.setup = setup
        self.desk = desk
        self.journal = journal
        self.rng = random.Random(f"{setup.seed}/{setup.name}")
        self.seq = 0

    def next_tag(self) -> str:
        self.seq += 1
        return f"{self.setup.name}/{self.seq}"

    def random_times(self) -> tuple[date, time, time]:
        """A random day and a booking of 1 to 3 hours on slot boundaries within opening hours."""
        s = self.setup
        opens = datetime.combine(s.days[0], s.open_time)
        slots = (datetime.combine(s.days[0], s.close_time) - opens) // timedelta(minutes=s.slot_minutes)
        length = self.rng.randint(60 // s.slot_minutes, 180 // s.slot_minutes)
        first = self.rng.randrange(slots - length + 1)
        start = opens + timedelta(minutes=first * s.slot_minutes)
        end = start + timedelta(minutes=length * s.slot_minutes)
        return self.rng.choice(s.days), start.time(), end.time()

    def book(self, child: ChildRef, day: date, start: time, end: time, tag: str) -> Any:
        """The booking, or None when another desk took the place or the child is busy."""
        try:
            return self.desk.bookings.book(
                self.setup.facility_id, child.id, day, start, end, comment=tag)
        except EXPECTED_REFUSALS:
            return None
        except errors.DatabaseBusy:
            self.journal.write(op="busy", tag=tag)
            return None

    # -- the three workloads -------------------------------------------------------------
    def storm(self) -> None:
        """Book a random child into a random slot; many refusals are expected."""
        tag = self.next_tag()
        day, start, end = self.random_times()
        booked = self.book(self.rng.choice(self.setup.children), day, start, end, tag)
        if booked is not None:
            self.journal.write(op="booked", tag=tag, id=booked.id, number=booked.number)

    def cancel(self) -> None:
        """Book a batch of this worker's children, then cancel the whole batch at once."""
        tag = self.next_tag()
        day, start, end = self.random_times()
        low, high = self.setup.batch_sizes
        children = self.rng.sample(self.setup.children, self.rng.randint(low, high))
        ids = [b.id for b in (self.book(c, day, start, end, tag) for c in children) if b is not None]
        if not ids:
            return
        self.journal.write(op="intent", tag=tag, ids=ids)
        try:
            self.desk.cancellations.cancel_many(ids, CANCEL_REASON, detail=tag)
        except errors.DatabaseBusy:
            self.journal.write(op="busy", tag=tag)
            return
        self.journal.write(op="cancelled", tag=tag, ids=ids)

    def import_file(self) -> None:
        """Write a request file of booking rows with fresh request ids and import it."""
        prefix = request_prefix(self.next_tag())
        low, high = self.setup.file_rows
        rows = [self.request_row(f"{prefix}{n:03d}") for n in range(self.rng.randint(low, high))]
        path = Path(self.setup.workdir) / f"{prefix.strip('-')}.csv"
        path.write_bytes(("\r\n".join((REQUEST_HEADER, *rows)) + "\r\n").encode("utf-8"))
        self.journal.write(op="intent", prefix=prefix, rows=len(rows))
        try:
            report = self.desk.sync.import_requests(path)
        except errors.DatabaseBusy:
            self.journal.write(op="busy", tag=prefix)
            return
        self.journal.write(op="imported", prefix=prefix, accepted=report.accepted,
                           duplicates=report.duplicates, rejected=report.rejected)

    def request_row(self, request_id: str) -> str:
        child = self.rng.choice(self.setup.children)
        day, start, end = self.random_times()
        return (f"{request_id},{RECEIVED_AT},line,booking,{self.setup.facility_code},{child.name},"
                f"{child.kana},{child.birth_date:%Y-%m-%d},,,{day:%Y-%m-%d},{start:%H:%M},"
                f"{end:%H:%M},,")


def request_prefix(tag: str) -> str:
    """Request ids of one file: ``R-<worker>-<seq>-<row>`` (the trailing "-" keeps file 5
    apart from file 50)."""
    return "R-" + tag.replace("/", "-") + "-"


OPERATIONS: dict[str, Callable[[Worker], None]] = {
    "storm": Worker.storm,
    "cancel": Worker.cancel,
    "import": Worker.import_file,
}


def run(setup: WorkerSetup, conn: Any) -> None:
    """Open the desk, say "ready", then do the operation until killed."""
    journal = Journal(setup.journal)
    try:
        with Desk.open(setup.db_path, clock=FixedClock(setup.now)) as desk:
            worker, operation = Worker(setup, desk, journal), OPERATIONS[setup.kind]
            conn.send("ready")
            while not journal.committed:
                operation(worker)
            conn.send("working")
            while True:
                operation(worker)
    except BaseException:
        journal.write(op="error", traceback=traceback.format_exc())
        raise
