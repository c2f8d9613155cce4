"""The scale benchmark: each operation's median time next to its floor and its target.

    python bench/generate.py --out FILE           # 200,000 bookings (--scale 5: 1,000,000)
    python bench/run.py --db FILE [--json OUT] [--repeat 20] [--compare OTHER.json]

Every operation runs ``--repeat`` times (the slow ones at most 5 times, the import 3, and
any operation stops repeating once it has used ``--budget`` seconds) and the median is
printed next to its *floor*: the same work done the most direct way — raw ``sqlite3`` SQL
on the same file, a bare PySide6 window, ``QTextDocument`` printing the same HTML — and
the target the program must meet on this machine. ``--json OUT`` writes the rows as a list
of objects with keys ``name``, ``median_ms``, ``floor_ms``, ``target_ms`` (in megabytes for
``peak_memory``). ``--compare OTHER.json`` prints how each figure grew from that run (the
default scale) to this one (``--scale 5``): operations that read one facility's day or
month through an index should not grow.

The desk's clock is fixed at the newest request received in the database (the generator's
"now"). The database is copied to a scratch folder first and every operation runs on the
copy (booking and importing change it; the copy is deleted at the end).
"""

from __future__ import annotations

import argparse
import compileall
import csv
import json
import math
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time as timer
import unicodedata
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

import hoiku_desk  # noqa: E402
from hoiku_desk.services import Desk, Facility, errors  # noqa: E402
from hoiku_desk.services.clock import japan_now, to_minutes  # noqa: E402

SLOW_REPEAT = 5
#: Items each approvals.pending run decides first (the bench's copy loses them).
PENDING_DECISIONS = 10
IMPORT_REPEAT = 3
IMPORT_ROWS = 10_000
#: The kana a parent gives first on the phone (the most common family name's first two).
SEARCH_KANA = "サト"
#: What the search line holds before the timed keystroke, and what that keystroke makes.
TYPED_BEFORE, TYPED_AFTER = "さ", "さと"
LIST_FACILITY = "K01"
MB = 1024  # ru_maxrss is in KiB on Linux
OCCUPYING = ("pending", "confirmed", "attended")

#: The program's own start (``cli.main``, as ``python -m hoiku_desk --db FILE`` runs it), printing
#: the moment its main window is visible (the frame, before the database is open) and the
#: moment it is ready (bound to the desk: today's data in it), then quitting, with "Later"
#: chosen in the first start's administrator-account dialog: the generated database has no
#: staff accounts, so the program then acts as the built-in administrator. Any other dialog
#: is left alone (the run then times out and says so).
APP_START = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
from hoiku_desk import cli
app = QApplication(sys.argv[:1])
shown = []
def later():
    dialog = QApplication.activeModalWidget()
    if dialog is not None and dialog.objectName() == "firstAdminDialog":
        dialog.reject()
    windows = [w for w in app.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible()]
    if windows and not shown:
        shown.append(time.monotonic())
        print(shown[0], flush=True)  # the moment staff see the window
    if windows and not windows[0].opening:
        print(time.monotonic(), flush=True)  # the moment they see today's data in it
        app.quit()
        return
    QTimer.singleShot(5, later)
QTimer.singleShot(0, later)
sys.exit(cli.main(["--db", sys.argv[1]]))
"""
#: The same for a bare PySide6 window.
BARE_WINDOW = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 820)
def check():
    if window.isVisible():
        print(time.monotonic(), flush=True)
        app.quit()
    else:
        QTimer.singleShot(5, check)
QTimer.singleShot(0, check)
window.show()
sys.exit(app.exec())
"""


@dataclass
class Row:
    name: str
    label: str
    median: float
    floor: float
    target: float
    runs: int
    unit: str = "ms"

    @property
    def ratio(self) -> float:
        return self.median / self.floor if self.floor else math.nan

    @property
    def ok(self) -> bool:
        return self.median <= self.target

    def as_json(self) -> dict[str, Any]:
        return {"name": self.name, "median_ms": round(self.median, 3), "floor_ms": round(self.floor, 3),
                "target_ms": round(self.target, 3)}


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else math.nan


def repeat(action: Callable[[int], Any], times: int, budget: float, *, warm: bool = False) -> list[float]:
    """Milliseconds of ``action(i)`` for i = 0, 1, …: ``times`` runs, fewer once ``budget``
    seconds are used (at least one). ``warm`` runs it once untimed first (page cache)."""
    if warm:
        action(-1)
    spent: list[float] = []
    started = timer.perf_counter()
    for i in range(times):
        began = timer.perf_counter()
        action(i)
        spent.append((timer.perf_counter() - began) * 1000)
        if timer.perf_counter() - started > budget:
            break
    return spent


class Bench:
    def __init__(self, db: Path, scratch: Path, repeats: int, budget: float, import_rows: int) -> None:
        self.import_rows = import_rows
        self.scratch = scratch
        self.db = scratch / "bench.sqlite3"
        self.repeats = repeats
        self.budget = budget
        self.rows: list[Row] = []
        self.notes: list[str] = []
        began = timer.perf_counter()
        source = sqlite3.connect(f"{db.absolute().as_uri()}?mode=ro", uri=True)
        target = sqlite3.connect(self.db)
        try:
            source.backup(target)
        finally:
            target.close()
            source.close()
        self.say(f"copied {db} ({db.stat().st_size / 2**20:,.0f} MB) in {timer.perf_counter() - began:.1f} s")
        self.raw = sqlite3.connect(self.db, isolation_level=None)
        self.raw.execute("PRAGMA synchronous=NORMAL")  # as the program's connections (WAL)
        received = self.raw.execute("SELECT max(received_at) FROM queue_items").fetchone()[0]
        self.now = datetime.fromisoformat(received) if received else japan_now()
        self.today = self.now.date()
        self.say(f"now (the newest request received): {self.now:%Y-%m-%d %H:%M}")
        self.desk: Desk | None = None

    @staticmethod
    def say(text: str) -> None:
        print(text, flush=True)

    def open_desk(self) -> Desk:
        if self.desk is None:
            self.desk = Desk.open(self.db, clock=lambda: self.now)
        return self.desk

    def add(self, row: Row) -> None:
        self.rows.append(row)
        mark = "ok" if row.ok else "MISS"
        self.say(f"  {row.label}: {row.median:,.1f} {row.unit} (floor {row.floor:,.1f}, target "
                 f"{row.target:,.0f}, {row.runs} runs) {mark}")

    def facility(self, code: str | None = None, *, quota: bool = False) -> Facility:
        facilities = self.open_desk().facilities.list()
        if code is not None:
            found = [f for f in facilities if f.code == code]
            if found:
                return found[0]
        if quota:
            with_quota = [f for f in facilities if f.rules.monthly_quota_minutes is not None]
            if with_quota:
                return with_quota[0]
        return facilities[0]

    # -- start-up and memory ----------------------------------------------------------
    def startup(self) -> None:
        """The program's start (``cli.main(["--db", FILE])``) until its main window is shown
        and until it is ready (today's data in it), against a bare PySide6 window; their peak
        resident memory too."""
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
                   HOIKU_DESK_DATA_DIR=str(self.scratch / "userdata"),
                   HOIKU_DESK_CACHE_DIR=str(self.scratch / "cache"),
                   XDG_CONFIG_HOME=str(self.scratch / "config"))
        # An installed program has its bytecode; a source tree run with
        # PYTHONDONTWRITEBYTECODE would compile every module on every start.
        compileall.compile_dir(Path(hoiku_desk.__file__).parent, quiet=1)
        app = [sys.executable, "-c", APP_START, str(self.db)]
        bare = [sys.executable, "-c", BARE_WINDOW]
        times = min(self.repeats, SLOW_REPEAT)
        first_start = run_process(app, env)
        ours = [run_process(app, env) for _ in range(times)]
        floor = [run_process(bare, env) for _ in range(times + 1)][1:]
        self.notes.append(
            f"start-up (bytecode compiled first, as an installed program has it): the day's first start "
            f"showed its window after {first_start.shown:,.0f} ms, ready after {first_start.ready:,.0f} ms; "
            f"process exit (Python's own shutdown) adds {median([r.exited - r.ready for r in ours]):,.0f} ms "
            f"to ours, {median([r.exited - r.ready for r in floor]):,.0f} ms to the bare window")
        start_floor = median([r.shown for r in floor])
        target = 1.5 * start_floor + 300
        self.add(Row("startup", "start to main window shown", median([r.shown for r in ours]), start_floor,
                     target, len(ours)))
        self.add(Row("startup_ready", "start to window ready (today's data)", median([r.ready for r in ours]),
                     start_floor, target, len(ours)))
        self.add(Row("peak_memory", "peak memory, window open", median([r.peak_mb for r in ours]),
                     median([r.peak_mb for r in floor]), 300, len(ours), unit="MB"))

    # -- book -----------------------------------------------------------------------------
    def book(self) -> None:
        """``desk.bookings.book`` of a flexible booking at a facility with a monthly quota
        (every rule applies), against the same checks and insert in raw SQL."""
        desk = self.open_desk()
        facility = self.facility(quota=True)
        window_end = self.today + timedelta(days=facility.rules.booking_horizon_days)
        free = {day: {s.start: s.remaining for s in slots}
                for day, slots in desk.bookings.availability(
                    facility.id, self.today + timedelta(days=1), window_end).items()}
        candidates = [row[0] for row in self.raw.execute(
            "SELECT DISTINCT child_id FROM registrations WHERE facility_id = ? AND status = 'approved' "
            "AND valid_until >= ? ORDER BY child_id", (facility.id, window_end.isoformat()))]
        random.Random(7).shuffle(candidates)
        step = facility.rules.slot_minutes
        length = max(facility.rules.min_booking_minutes, step)
        made: list[tuple[str, date, time, time]] = []
        spent: list[float] = []
        refused = 0
        started = timer.perf_counter()
        for child_id in candidates:
            if len(spent) >= self.repeats or timer.perf_counter() - started > self.budget:
                break
            place = free_place(free, step, length)
            if place is None:
                break
            day, start, end = place
            began = timer.perf_counter()
            try:
                booking = desk.bookings.book(facility.id, child_id, day, start, end, source="phone")
            except errors.BookingError:
                refused += 1
                continue
            spent.append((timer.perf_counter() - began) * 1000)
            made.append((child_id, day, start, end))
            take_place(free, booking.day, booking.start, booking.end, step)
        floor_ids: list[str] = []
        floor = [self._book_floor(facility, *made[i % len(made)], floor_ids) for i in range(len(made))] \
            if made else []
        self.raw.executemany("DELETE FROM bookings WHERE id = ?", [(i,) for i in floor_ids])
        self.notes.append(f"book: at {facility.code} (rules 1–9 apply), {len(spent)} booked, "
                          f"{refused} refused by the rules")
        self.add(Row("book", f"book (flexible, all rules) at {facility.code}", median(spent), median(floor), 5,
                     len(spent)))

    def _book_floor(self, facility: Facility, child_id: str, day: date, start: time, end: time,
                    inserted: list[str]) -> float:
        """The same checks and insert as one raw transaction: rules, child, registration,
        closures, the day's occupants (capacity), overlap, days held, the month's quota,
        the next number, the booking and its audit row."""
        db = self.raw
        occupying = "('pending', 'confirmed', 'attended')"
        began = timer.perf_counter()
        db.execute("BEGIN IMMEDIATE")
        db.execute("SELECT rules FROM facilities WHERE id = ?", (facility.id,)).fetchone()
        db.execute("SELECT birth_date, name FROM children WHERE id = ?", (child_id,)).fetchone()
        db.execute("SELECT valid_until FROM registrations WHERE child_id = ? AND facility_id = ? "
                   "AND status = 'approved'", (child_id, facility.id)).fetchall()
        db.execute("SELECT from_time FROM closures WHERE facility_id = ? AND day = ?",
                   (facility.id, day.isoformat())).fetchall()
        db.execute("SELECT day FROM opened_days WHERE facility_id = ? AND day = ?",
                   (facility.id, day.isoformat())).fetchall()
        db.execute(f"SELECT start, \"end\" FROM bookings WHERE facility_id = ? AND day = ? AND status IN "
                   f"{occupying} AND kind IN ('flexible', 'regular')", (facility.id, day.isoformat())).fetchall()
        db.execute(f"SELECT id FROM bookings WHERE child_id = ? AND day = ? AND status IN {occupying} "
                   "AND start < ? AND \"end\" > ? LIMIT 1",
                   (child_id, day.isoformat(), sqltime(end), sqltime(start))).fetchall()
        db.execute("SELECT day, \"end\" FROM bookings WHERE child_id = ? AND facility_id = ? AND kind = "
                   "'flexible' AND status IN ('pending', 'confirmed') AND day >= ?",
                   (child_id, facility.id, self.today.isoformat())).fetchall()
        first = day.replace(day=1)
        last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        db.execute(f"SELECT start, \"end\" FROM bookings WHERE child_id = ? AND day BETWEEN ? AND ? AND "
                   f"facility_id = ? AND status IN {occupying}",
                   (child_id, first.isoformat(), last.isoformat(), facility.id)).fetchall()
        # (``+facility_id``: look the child's bookings up by child, as the service's IN does)
        db.execute("SELECT coalesce(sum(c.quota_minutes), 0) FROM charges c JOIN bookings b ON b.id = "
                   "c.booking_id WHERE b.child_id = ? AND +b.facility_id = ? AND c.day BETWEEN ? AND ?",
                   (child_id, facility.id, first.isoformat(), last.isoformat())).fetchone()
        year = day.year if day.month >= 4 else day.year - 1
        prefix = f"{day:%m%d}-"
        numbers = db.execute("SELECT number FROM bookings WHERE facility_id = ? AND fiscal_year = ? AND "
                             "number >= ? AND number < ?", (facility.id, year, prefix, prefix[:-1] + ".")).fetchall()
        number = f"{prefix}{max((int(n[len(prefix):]) for (n,) in numbers), default=0) + 1:02d}"
        booking_id = str(uuid.uuid4())
        stamp = self.now.isoformat(" ", "microseconds")
        db.execute(
            "INSERT INTO bookings (id, facility_id, child_id, kind, day, start, \"end\", status, source, "
            "fiscal_year, number, hourly_fee_yen, fee_yen, pickup_kind, pickup_name, pickup_relation, "
            "pickup_phone, comment, override, created_at, updated_at) VALUES (?, ?, ?, 'flexible', ?, ?, ?, "
            "'confirmed', 'phone', ?, ?, 300, 300, 'guardian', '', '', '', '', 0, ?, ?)",
            (booking_id, facility.id, child_id, day.isoformat(), sqltime(start), sqltime(end), year, number,
             stamp, stamp))
        db.execute("INSERT INTO audit_log (at, action, entity, entity_id, \"after\") VALUES (?, 'booking.add', "
                   "'booking', ?, '{}')", (stamp, booking_id))
        db.execute("COMMIT")
        inserted.append(booking_id)
        return (timer.perf_counter() - began) * 1000

    # -- availability -------------------------------------------------------------------
    def availability(self) -> None:
        desk = self.open_desk()
        facility = self.facility(LIST_FACILITY)
        first = self.today.replace(day=1)
        last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        ours = repeat(lambda _: desk.bookings.availability(facility.id, first, last), self.repeats,
                      self.budget, warm=True)
        rules = facility.rules

        def direct(_: int) -> None:
            counts: dict[tuple[str, int], int] = {}
            opening = to_minutes(rules.open_time)
            for day, start, end, n in self.raw.execute(
                "SELECT day, start, \"end\", count(*) FROM bookings WHERE facility_id = ? AND day BETWEEN ? "
                "AND ? AND status IN ('pending', 'confirmed', 'attended') AND kind IN ('flexible', 'regular') "
                "GROUP BY day, start, \"end\"", (facility.id, first.isoformat(), last.isoformat())):
                begins, ends = minutes(start), minutes(end)
                slot = opening + (begins - opening) // rules.slot_minutes * rules.slot_minutes
                while slot < ends:
                    counts[(day, slot)] = counts.get((day, slot), 0) + n
                    slot += rules.slot_minutes

        floor = repeat(direct, self.repeats, self.budget, warm=True)
        self.add(Row("availability", f"availability, one month at {facility.code}", median(ours), median(floor),
                     20, len(ours)))

    # -- child search -------------------------------------------------------------------
    def search(self) -> None:
        desk = self.open_desk()
        found = desk.children.search(SEARCH_KANA)
        ours = repeat(lambda _: desk.children.search(SEARCH_KANA), self.repeats, self.budget, warm=True)
        floor = repeat(lambda _: self._search_floor(SEARCH_KANA), self.repeats, self.budget, warm=True)
        matching = self.raw.execute("SELECT count(DISTINCT child_id) FROM child_search_keys WHERE key >= ? AND "
                                    "key < ?", (SEARCH_KANA, SEARCH_KANA + "\U0010ffff")).fetchone()[0]
        self.notes.append(f"search: 「{SEARCH_KANA}」 matches {matching:,} children; the first {len(found)} by kana "
                          "are listed")
        self.add(Row("child_search", f"child search by kana prefix 「{SEARCH_KANA}」", median(ours),
                     median(floor), 20, len(ours)))

    def _search_floor(self, kana: str) -> list[Any]:
        """The same answer in raw SQL: a range scan of the search keys, the 50 first children
        by kana with their guardian, and their emergency contacts."""
        children = self.raw.execute(
            "SELECT c.id, c.name, c.kana, c.birth_date, g.name, g.phone FROM children c JOIN guardians g "
            "ON g.id = c.guardian_id WHERE c.id IN (SELECT child_id FROM child_search_keys WHERE key >= ? "
            "AND key < ?) ORDER BY c.kana_key, c.birth_date LIMIT 50", (kana, kana + "\U0010ffff")).fetchall()
        ids = [c[0] for c in children]
        if ids:
            self.raw.execute(f"SELECT child_id, name, phone FROM emergency_contacts WHERE child_id IN "
                             f"({', '.join('?' * len(ids))})", ids).fetchall()
        return children

    # -- one typed kana character ----------------------------------------------------------
    def keystroke(self) -> None:
        """The booking form's child search: the search line holds 「さ」 (composing), one more
        kana makes 「さと」; timed from the key to the results list updated and painted."""
        from PySide6.QtGui import QInputMethodEvent, QStandardItem, QStandardItemModel
        from PySide6.QtWidgets import QApplication, QTableView

        from hoiku_desk.views.child_search import ChildSearch
        from hoiku_desk.views.context import ViewContext

        app = qt_application()
        widget = ChildSearch(ViewContext(self.open_desk()))
        widget.resize(900, 600)
        widget.show()
        app.processEvents()

        def typed(_: int) -> None:
            QApplication.sendEvent(widget.edit, QInputMethodEvent(TYPED_AFTER, []))
            app.processEvents()

        def before(_: int) -> None:
            QApplication.sendEvent(widget.edit, QInputMethodEvent(TYPED_BEFORE, []))
            app.processEvents()

        ours: list[float] = []
        started = timer.perf_counter()
        for i in range(self.repeats + 1):
            before(i)
            ms = repeat(typed, 1, self.budget)[0]
            if i:
                ours.append(ms)
            if timer.perf_counter() - started > self.budget:
                break
        shown = widget.model.rowCount()
        widget.close()

        view = QTableView()
        model = QStandardItemModel(0, 4)
        view.setModel(model)
        view.resize(900, 600)
        view.show()
        app.processEvents()

        def direct(_: int) -> None:
            rows = self._search_floor(normalize_kana(TYPED_AFTER))
            model.setRowCount(0)
            for row in rows:
                model.appendRow([QStandardItem(str(v)) for v in (row[1], row[2], row[3], row[5])])
            app.processEvents()

        floor = repeat(direct, self.repeats, self.budget, warm=True)
        view.close()
        self.notes.append(f"keystroke: the list shows {shown} children after 「{TYPED_AFTER}」")
        self.add(Row("typed_kana", "booking form: one typed kana to results", median(ours), median(floor), 16,
                     len(ours)))

    # -- the approval queue -------------------------------------------------------------
    def pending(self) -> None:
        """``desk.approvals.pending`` as the approval pane calls it: after staff decided an
        item at this desk, and after another desk decided one (each run rejects the oldest
        waiting item first), against listing the queue in raw SQL.  The desk keeps the
        judged queue, so the notes give the first judgement of every item and a call with
        nothing changed too."""
        desk = self.open_desk()
        other = Desk.open(self.db, clock=lambda: self.now)
        began = timer.perf_counter()
        count = len(desk.approvals.pending())
        first = (timer.perf_counter() - began) * 1000
        unchanged = repeat(lambda _: desk.approvals.pending(), self.repeats, self.budget)

        def after(decider: Desk, times: list[float]) -> Callable[[int], Any]:
            def decided(_: int) -> None:
                oldest = decider.approvals.pending()[0]
                decider.approvals.reject(oldest.id, "ベンチマーク")
                began = timer.perf_counter()
                desk.approvals.pending()
                times.append((timer.perf_counter() - began) * 1000)
            return decided

        runs = min(self.repeats, PENDING_DECISIONS)
        own: list[float] = []
        theirs: list[float] = []
        repeat(after(desk, own), runs, self.budget)
        repeat(after(other, theirs), runs, self.budget)
        other.close()

        def direct(_: int) -> None:
            self.raw.execute("SELECT count(*) FROM queue_items WHERE status = 'pending'").fetchone()
            self.raw.execute(
                "SELECT q.id, q.kind, q.facility_id, q.child_id, q.booking_id, q.plan_id, q.request_id, "
                "q.request, q.received_at, c.name, b.day, b.start, b.\"end\" FROM queue_items q "
                "LEFT JOIN children c ON c.id = q.child_id LEFT JOIN bookings b ON b.id = q.booking_id "
                "WHERE q.status = 'pending' ORDER BY q.received_at, q.id").fetchall()

        floor = median(repeat(direct, self.repeats, self.budget, warm=True))
        self.notes.append(
            f"approvals.pending: the first call after opening judges all {count:,} items in {first:,.0f} ms "
            f"(again on another day); asked again with nothing changed {median(unchanged):,.1f} ms")
        self.add(Row("approvals_pending", f"approvals.pending, {count:,} items, decided here",
                     median(own), floor, 100, len(own)))
        self.add(Row("approvals_pending_other", "approvals.pending, decided at another desk", median(theirs), floor,
                     100, len(theirs)))

    # -- the daily list PDF -------------------------------------------------------------
    def daily_pdf(self) -> None:
        from PySide6.QtGui import QFont, QTextDocument
        from PySide6.QtPrintSupport import QPrinter

        from hoiku_desk.printing import font, pdf
        from hoiku_desk.printing.daily_list import daily_list_html

        qt_application()
        desk = self.open_desk()
        facility = self.facility(LIST_FACILITY)
        day = self.list_day(facility)
        rows = len(desk.attendance.daily_list(facility.id, day))
        out = self.scratch / "daily.pdf"
        ours = repeat(lambda _: desk.attendance.write_pdf(facility.id, day, out), min(self.repeats, SLOW_REPEAT),
                      self.budget, warm=True)
        html = daily_list_html(desk.attendance.daily_sheet(facility.id, day))
        family = font.register()

        def direct(_: int) -> None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(self.scratch / "floor.pdf"))
            pdf.configure(printer)  # the same paper: A4 landscape, 10 mm margins
            document = QTextDocument()
            document.setDefaultFont(QFont(family))
            document.setHtml(html)
            document.print_(printer)

        floor = repeat(direct, min(self.repeats, SLOW_REPEAT), self.budget, warm=True)
        self.notes.append(f"daily list: {facility.code} on {day}, {rows} children")
        self.add(Row("daily_pdf", f"daily-list PDF, {rows} children", median(ours), median(floor), 1500,
                     len(ours)))

    def list_day(self, facility: Facility) -> date:
        """The day from today on, within the booking window, with the longest daily list."""
        counts = self.raw.execute(
            "SELECT day, count(*) FROM bookings WHERE facility_id = ? AND day BETWEEN ? AND ? AND status IN "
            "('pending', 'confirmed', 'attended', 'no_show') AND kind IN ('flexible', 'regular') GROUP BY day "
            "ORDER BY count(*) DESC, day LIMIT 1",
            (facility.id, self.today.isoformat(), (self.today + timedelta(days=10)).isoformat())).fetchone()
        return date.fromisoformat(counts[0]) if counts else self.today

    # -- importing a request file ---------------------------------------------------------
    def import_requests(self) -> None:
        """``desk.sync.import_requests`` of 10,000 rows (one transaction, each row through
        the service commands, the backup before it included), against reading the same CSV
        and inserting 10,000 queue rows with ``executemany`` in one transaction."""
        desk = self.open_desk()
        reports: list[Any] = []
        ours: list[float] = []
        backup_ms: list[float] = []
        times = min(self.repeats, IMPORT_REPEAT)
        started = timer.perf_counter()
        for run in range(times):
            path = self.scratch / f"requests-{run}.csv"
            self.write_requests(path, run)
            began = timer.perf_counter()
            reports.append(desk.sync.import_requests(path))
            ours.append((timer.perf_counter() - began) * 1000)
            shutil.rmtree(self.db.parent / "backups", ignore_errors=True)
            copy = self.scratch / "backup-timing.sqlite3"
            began = timer.perf_counter()
            desk.backup(copy)
            backup_ms.append((timer.perf_counter() - began) * 1000)
            copy.unlink()
            if timer.perf_counter() - started > self.budget:
                break

        def direct(run: int) -> None:
            path = self.scratch / f"requests-{max(run, 0)}.csv"
            began = datetime.now()
            with path.open(encoding="utf-8-sig", newline="") as stream:
                reader = csv.DictReader(stream)
                rows = [(str(uuid.uuid4()), row["type"], f"FLOOR{run}-{row['request_id']}",
                         json.dumps(row, ensure_ascii=False), began.isoformat(" ", "microseconds"))
                        for row in reader]
            self.raw.execute("BEGIN IMMEDIATE")
            self.raw.executemany(
                "INSERT INTO queue_items (id, kind, status, request_id, request, source, received_at, "
                "decision_note) VALUES (?, ?, 'pending', ?, ?, 'online', ?, '')",
                rows)
            self.raw.execute("COMMIT")

        floor = repeat(direct, len(ours), self.budget)
        self.raw.execute("DELETE FROM queue_items WHERE request_id LIKE 'FLOOR%'")
        last = reports[-1]
        self.notes.append(
            f"import: {self.import_rows:,} rows → {last.accepted:,} accepted, {last.cancelled:,} cancelled, "
            f"{len(last.rejected):,} rejected; the backup taken first alone takes {median(backup_ms):,.0f} ms")
        target = 5000 * self.import_rows / IMPORT_ROWS  # 5 s for 10,000 rows
        self.add(Row("import", f"import {self.import_rows:,} request rows", median(ours), median(floor), target,
                     len(ours)))

    def write_requests(self, path: Path, run: int) -> None:
        """A request file as the online channels send it: bookings for known children (60%),
        registrations of new families (20%), 定期利用 plans (10%) and cancellations of
        bookings requested earlier in the file (10%)."""
        rng = random.Random(1000 + run)
        facilities = {f.id: f for f in self.open_desk().facilities.list()}
        known = self.raw.execute(
            "SELECT c.name, c.kana, c.birth_date, r.facility_id FROM registrations r JOIN children c ON "
            "c.id = r.child_id WHERE r.status = 'approved' AND r.valid_until >= ?", (self.today.isoformat(),)
        ).fetchall()
        window = [self.today + timedelta(days=d) for d in range(1, 11)]
        header = ("request_id", "received_at", "channel", "type", "facility_code", "child_name", "child_kana",
                  "birth_date", "sex", "guardian_name", "phone", "date", "start", "end", "weekdays",
                  "first_date", "last_date", "target_request_id", "cancel_reason", "comment")
        booked: list[str] = []
        with path.open("w", encoding="utf-8", newline="") as stream:
            out = csv.writer(stream)
            out.writerow(header)
            for n in range(self.import_rows):
                request_id = f"BENCH{run}-{n:05d}"
                received = self.now - timedelta(minutes=rng.randint(1, 600))
                kind = rng.choices(("booking", "registration", "regular", "cancel"), (60, 20, 10, 10))[0]
                if kind == "cancel" and not booked:
                    kind = "booking"
                name, kana, born, facility_id = rng.choice(known)
                facility = facilities[facility_id]
                start = facility.rules.open_time
                row: dict[str, str] = {"request_id": request_id, "received_at": f"{received:%Y-%m-%d %H:%M}",
                                       "channel": "web", "type": kind, "facility_code": facility.code}
                if kind == "cancel":
                    row.update(target_request_id=booked.pop(rng.randrange(len(booked))), cancel_reason="illness",
                               facility_code="")
                elif kind == "registration":
                    family, given = rng.choice(NEW_FAMILIES), rng.choice(NEW_GIVEN)
                    row.update(child_name=f"{family[0]} {given[0]}", child_kana=f"{family[1]} {given[1]}",
                               birth_date=(self.today - timedelta(days=rng.randint(200, 1500))).isoformat(),
                               sex="female", guardian_name=f"{family[0]} 優子",
                               phone=f"090-{rng.randrange(10_000):04d}-{rng.randrange(10_000):04d}")
                else:
                    hours = rng.choice((2, 3, 4))
                    offset = rng.choice((0, 60, 120))
                    begins = to_minutes(start) + offset
                    ends = begins + hours * 60
                    if ends > to_minutes(facility.rules.close_time):
                        begins, ends = to_minutes(start), to_minutes(start) + 120
                    row.update(child_name=name, child_kana=kana, birth_date=born, start=clock(begins),
                               end=clock(ends))
                    if kind == "booking":
                        row["date"] = rng.choice(window).isoformat()
                        booked.append(request_id)
                    else:
                        first = self.today + timedelta(days=rng.randint(3, 20))
                        row.update(weekdays=rng.choice(("月", "火", "水", "木", "金", "月水", "火木")),
                                   first_date=first.isoformat(), last_date=(first + timedelta(days=55)).isoformat())
                out.writerow([row.get(column, "") for column in header])

    # -- output ---------------------------------------------------------------------------
    def table(self) -> str:
        lines = [f"{pad('operation', 46)} {'median ms':>10} {'floor ms':>10} {'ratio':>8} {'target':>8} "
                 f"{'runs':>5}"]
        for row in self.rows:
            label = f"{row.label} (MB)" if row.unit == "MB" else row.label
            lines.append(
                f"{pad(label, 46)} {row.median:>10,.1f} {row.floor:>10,.1f} {row.ratio:>7.1f}x "
                f"{row.target:>8,.0f} {row.runs:>5}  {'ok' if row.ok else 'MISS'}")
        return "\n".join(lines)

    def close(self) -> None:
        if self.desk is not None:
            self.desk.close()
        self.raw.close()


#: Families and given names for the import's registrations (new to the database's lists).
NEW_FAMILIES = (("宇野", "ウノ"), ("江口", "エグチ"), ("久保田", "クボタ"), ("関口", "セキグチ"), ("千葉", "チバ"),
                ("土屋", "ツチヤ"), ("野口", "ノグチ"), ("堀", "ホリ"), ("松井", "マツイ"), ("矢野", "ヤノ"))
NEW_GIVEN = (("灯", "アカリ"), ("一花", "イチカ"), ("絢", "アヤ"), ("小春", "コハル"), ("瑠奈", "ルナ"),
             ("日和", "ヒヨリ"), ("湖春", "コハル"), ("環", "タマキ"), ("椿", "ツバキ"), ("蛍", "ホタル"))


def pad(text: str, width: int) -> str:
    """``text`` padded to ``width`` columns, Japanese characters counting two."""
    used = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return text + " " * max(width - used, 0)


def clock(minute_of_day: int) -> str:
    return f"{minute_of_day // 60:02d}:{minute_of_day % 60:02d}"


def sqltime(value: time) -> str:
    return value.isoformat("microseconds")


def minutes(stored: str) -> int:
    return int(stored[:2]) * 60 + int(stored[3:5])


def normalize_kana(text: str) -> str:
    from hoiku_desk.services.kana import normalize

    return normalize(text)


def free_place(free: dict[date, dict[time, int]], step: int, length: int) -> tuple[date, time, time] | None:
    """The first day and time with a place left in every slot of ``length`` minutes."""
    for day in sorted(free):
        starts = sorted(free[day])
        need = length // step
        for i in range(len(starts) - need + 1):
            chosen = starts[i:i + need]
            if all(free[day][s] > 0 for s in chosen):
                end = (datetime.combine(day, chosen[-1]) + timedelta(minutes=step)).time()
                return day, chosen[0], end
    return None


def take_place(free: dict[date, dict[time, int]], day: date, start: time, end: time, step: int) -> None:
    for slot in free.get(day, {}):
        if start <= slot < end:
            free[day][slot] -= 1


def qt_application() -> Any:
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from hoiku_desk.views import launch

    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing

    def quiet(kind: Any, context: Any, message: str) -> None:
        """The offscreen platform's known noise is dropped; anything else is printed."""
        if "This plugin does not support" not in message:
            print(message, file=sys.stderr)

    qInstallMessageHandler(quiet)
    return launch.application("ja")


@dataclass(frozen=True)
class Run:
    """A process timed from its start: until its window was shown, until it was ready and
    until it exited (ms), and its peak resident memory (MB)."""

    shown: float
    ready: float
    exited: float
    peak_mb: float


def run_process(command: list[str], env: dict[str, str], timeout: float = 300) -> Run:
    """Run ``command``, which prints ``time.monotonic()`` when its window is shown and, if
    later, again when it is ready; killed after ``timeout`` seconds (a dialog nobody answers)."""
    with tempfile.TemporaryFile() as errors_out, tempfile.TemporaryFile() as out:
        began = timer.monotonic()
        process = subprocess.Popen(command, env=env, stdout=out, stderr=errors_out)
        killer = threading.Timer(timeout, process.kill)
        killer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            killer.cancel()
        exited = (timer.monotonic() - began) * 1000
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        printed = out.read().decode().split()
        if process.returncode != 0 or not printed:
            errors_out.seek(0)
            raise RuntimeError(f"{command[:3]} exited {process.returncode}: "
                               f"{errors_out.read().decode(errors='replace')[-2000:]}")
    shown, ready = ((float(moment) - began) * 1000 for moment in (printed[0], printed[-1]))
    return Run(shown, ready, exited, usage.ru_maxrss / MB)


def compare(rows: list[dict[str, Any]], other_path: Path) -> str:
    """How each median grew from the run in ``other_path`` to this one."""
    other = {row["name"]: row for row in json.loads(other_path.read_text(encoding="utf-8"))}
    lines = [f"growth from {other_path} to this run (indexed operations should stay near 1.0x):",
             f"{'operation':<20} {'before':>10} {'now':>10} {'growth':>8} {'floor growth':>13}"]
    for row in rows:
        before = other.get(row["name"])
        if before is None:
            continue
        growth = row["median_ms"] / before["median_ms"] if before["median_ms"] else math.nan
        floor_growth = row["floor_ms"] / before["floor_ms"] if before["floor_ms"] else math.nan
        lines.append(f"{row['name']:<20} {before['median_ms']:>10,.1f} {row['median_ms']:>10,.1f} "
                     f"{growth:>7.2f}x {floor_growth:>12.2f}x")
    return "\n".join(lines)


OPERATIONS = ("startup", "availability", "search", "keystroke", "pending", "daily_pdf", "book", "import_requests")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, required=True, help="a database made by bench/generate.py")
    parser.add_argument("--json", type=Path, help="write the rows as JSON to this file")
    parser.add_argument("--repeat", type=int, default=20, help="runs per operation (default 20)")
    parser.add_argument("--budget", type=float, default=60.0,
                        help="seconds after which an operation stops repeating (default 60)")
    parser.add_argument("--import-rows", type=int, default=IMPORT_ROWS,
                        help=f"rows of the request file imported (default {IMPORT_ROWS:,}; the target is for that)")
    parser.add_argument("--compare", type=Path, help="a JSON file of an earlier run (the default scale)")
    parser.add_argument("--only", help=f"comma-separated operations to run ({', '.join(OPERATIONS)})")
    args = parser.parse_args(argv)
    if not args.db.is_file():
        parser.error(f"{args.db}: no such database (make one with bench/generate.py)")
    chosen = args.only.split(",") if args.only else list(OPERATIONS)
    unknown = set(chosen) - set(OPERATIONS)
    if unknown:
        parser.error(f"unknown operations: {', '.join(sorted(unknown))}")
    with tempfile.TemporaryDirectory(prefix="hoiku-bench-") as folder:
        bench = Bench(args.db, Path(folder), max(args.repeat, 1), args.budget, args.import_rows)
        try:
            for name in OPERATIONS:
                if name in chosen:
                    getattr(bench, name)()
        finally:
            bench.close()
    print()
    print(bench.table())
    for note in bench.notes:
        print(f"  {note}")
    rows = [row.as_json() for row in bench.rows]
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {args.json}")
    if args.compare:
        print()
        print(compare(rows, args.compare))
    missed = [row.name for row in bench.rows if not row.ok]
    if missed:
        print(f"missed targets: {', '.join(missed)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
