"""How the window's long lists and the calendar cope at scale.

    python bench/gui_lists.py [--rows 100000] [--db FILE]

With made-up rows, for the reservation list and the approval queue: the time from the rows
given to the list painted, and the median and worst time of one scroll step (a wheel notch,
a page) against a 16 ms frame, next to Qt's own item model painting the same texts. The
lists add rows as they scroll (``fetchMore``), so the steps that fetch a chunk count too.

With ``--db`` (a generated database, copied to a temporary folder first), on its busiest
facility: the reservation list searching every booking of ten years, scrolled as above
(each chunk is a page read from the database), and the calendar's month redraw (changing
month, and the refresh after a change), against the 50 ms the issue allows.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Sequence
from datetime import date, datetime, time as clock_time, timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QAbstractItemModel  # noqa: E402
from PySide6.QtGui import QStandardItem, QStandardItemModel  # noqa: E402
from PySide6.QtWidgets import QApplication, QTableView  # noqa: E402

from hoiku_desk.services import Booking, Desk, PendingItem, Pickup  # noqa: E402
from hoiku_desk.views.approval_pane import approval_model  # noqa: E402
from hoiku_desk.views.calendar_pane import CalendarPane  # noqa: E402
from hoiku_desk.views.context import ViewContext  # noqa: E402
from hoiku_desk.views.reservations_pane import ReservationsPane, reservation_model  # noqa: E402
from hoiku_desk.views.table_model import LazyRecordTableModel  # noqa: E402
from hoiku_desk.views.widgets import configure_table  # noqa: E402

FRAME_MS = 16
MONTH_REDRAW_MS = 50


def fake_bookings(count: int) -> list[Booking]:
    first = date(2026, 4, 1)
    return [
        Booking(
            id=str(uuid.uuid4()), number=f"{(first + timedelta(days=i // 40)):%m%d}-{i % 40 + 1:02d}",
            facility_id="f", child_id=str(i), kind="flexible", day=first + timedelta(days=i // 40),
            start=clock_time(9, 30), end=clock_time(12, 0), status="confirmed", source="phone",
            pickup=Pickup(), comment="", fee_yen=750, plan_id=None,
            child_name=f"山田 花子{i}", child_kana=f"ヤマダ ハナコ{i}",
        )
        for i in range(count)
    ]


def fake_pending(count: int) -> list[PendingItem]:
    received = datetime(2026, 4, 1, 8, 0)
    return [
        PendingItem(
            id=str(uuid.uuid4()), kind="booking", booking_id=str(uuid.uuid4()), source="online",
            summary=f"山田 花子{i}  4月{i % 30 + 1}日 9:30–12:00",
            problems=["定員に達しています"] if i % 7 == 0 else [],
            received_at=received + timedelta(minutes=i),
        )
        for i in range(count)
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--db", type=Path, help="a generated database (copied first)")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    for name, model, rows in (
        ("reservation list", reservation_model("ja"), fake_bookings(args.rows)),
        ("approval queue", approval_model("ja"), fake_pending(args.rows)),
    ):
        print(f"{name}, {args.rows:,} made-up rows")
        view = shown_table(app, model)
        fill_ms = timed(app, view, lambda: model.set_source(iter(rows), len(rows)))
        print(f"  rows given to the list painted: {fill_ms:.1f} ms ({model.rowCount():,} rows fetched)")
        report_scrolling(app, view, model)
    if args.db is not None:
        with tempfile.TemporaryDirectory() as scratch:
            desk = open_copy(args.db, Path(scratch) / "bench.sqlite3")
            try:
                database_figures(app, desk)
            finally:
                desk.close()
    return 0


def shown_table(app: QApplication, model: QAbstractItemModel) -> QTableView:
    """A list set up as the window's are (row height, column sizes), shown."""
    view = QTableView()
    configure_table(view, model)
    view.resize(1200, 700)
    view.show()
    app.processEvents()
    return view


def timed(app: QApplication, view: QTableView, action: Callable[[], object]) -> float:
    """Milliseconds from ``action`` to the list repainted."""
    started = time.perf_counter()
    action()
    app.processEvents()
    view.viewport().repaint()
    return (time.perf_counter() - started) * 1000


def report_scrolling(app: QApplication, view: QTableView, model: LazyRecordTableModel[Any]) -> None:
    """Scroll by wheel notches and by pages from the top; print the steps against a frame."""
    floor_view: QTableView | None = None
    for label, step in (("a wheel notch (3 rows)", 3), ("a page", view.verticalScrollBar().pageStep())):
        ours = scroll(app, view, step)
        if floor_view is None:  # the rows scrolled through, now fetched, in Qt's own model
            floor_view = shown_table(app, floor_model(model))
            floor_view.resizeColumnsToContents()
        floor = scroll(app, floor_view, step)
        print(f"  scroll {label}: median {statistics.median(ours):.2f} ms "
              f"(floor, Qt's own model: {statistics.median(floor):.2f} ms), worst {max(ours):.2f} ms; "
              f"{sum(ms > FRAME_MS for ms in ours)} of {len(ours)} steps over a {FRAME_MS} ms frame")
    print(f"  fetched after scrolling: {model.rowCount():,} of {model.total():,} rows")


def floor_model(model: LazyRecordTableModel[Any]) -> QStandardItemModel:
    """The same texts in Qt's C++ item model: what painting alone costs."""
    floor = QStandardItemModel(model.rowCount(), model.columnCount())
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            floor.setItem(row, column, QStandardItem(model.index(row, column).data()))
    return floor


def scroll(app: QApplication, view: QTableView, step: int, limit: int = 300) -> list[float]:
    """Times of scrolling by ``step`` rows and painting what became visible."""
    bar = view.verticalScrollBar()
    times: list[float] = []
    bar.setValue(0)
    app.processEvents()
    while bar.value() < bar.maximum() and len(times) < limit:
        times.append(timed(app, view, lambda: bar.setValue(bar.value() + step)))
    return times


def open_copy(source: Path, target: Path) -> Desk:
    """The database copied (read-only source), opened with the clock at its newest request."""
    original = sqlite3.connect(f"{source.absolute().as_uri()}?mode=ro", uri=True)
    copy = sqlite3.connect(target)
    try:
        original.backup(copy)
        received = copy.execute("SELECT max(received_at) FROM queue_items").fetchone()[0]
    finally:
        copy.close()
        original.close()
    now = datetime.fromisoformat(received)
    return Desk.open(target, clock=lambda: now)


def database_figures(app: QApplication, desk: Desk) -> None:
    facility = max(desk.facilities.list(), key=lambda f: desk.bookings.count(f.id))
    ctx = context(desk, facility.id)
    today = ctx.today()

    pane = ReservationsPane(ctx)
    pane.resize(1200, 800)
    pane.show()
    app.processEvents()
    pane.from_edit.set_day(today.replace(year=today.year - 10))
    app.processEvents()
    fill_ms = timed(app, pane.table, lambda: pane.status_box.setCurrentIndex(1))  # all statuses
    print(f"reservation list at {facility.code}, every booking of ten years: "
          f"{pane.model.total():,} found, the first {pane.model.rowCount():,} shown in {fill_ms:.1f} ms")
    report_scrolling(app, pane.table, pane.model)
    kept = pane.model.rowCount()
    print(f"  refresh after a change, keeping the {kept:,} rows read: "
          f"{timed(app, pane.table, ctx.changed.emit):.1f} ms")
    pane.close()

    ctx = context(desk, facility.id)  # the calendar alone follows its changes
    calendar = CalendarPane(ctx)
    calendar.resize(1200, 800)
    calendar.show()
    app.processEvents()
    months = [lambda: calendar.step_month(1), lambda: calendar.step_month(-1)] * 10
    report_redraw(f"calendar at {facility.code}, changing month", redraws(app, calendar, months))
    report_redraw(f"calendar at {facility.code}, refresh after a change",
                  redraws(app, calendar, [ctx.changed.emit] * 20))


def context(desk: Desk, facility_id: str) -> ViewContext:
    ctx = ViewContext(desk)
    ctx.set_facility(facility_id)
    return ctx


def redraws(app: QApplication, calendar: CalendarPane, actions: Sequence[Callable[[], object]]) -> list[float]:
    return [timed(app, calendar.month_view, action) for action in actions]


def report_redraw(label: str, times: list[float]) -> None:
    print(f"{label}: median {statistics.median(times):.1f} ms, worst {max(times):.1f} ms "
          f"({len(times)} redraws; the issue allows {MONTH_REDRAW_MS} ms)")


if __name__ == "__main__":
    sys.exit(main())
