"""How the window's lists cope with 10,000 rows: filling a model and scrolling page by page.

    python bench/gui_lists.py [--rows 10000]

Prints the time to load the rows into a booking list and the median and worst time of one
scroll step (a page down, repainted), against a 16 ms frame.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
import uuid
from datetime import date, time as clock_time, timedelta

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QStandardItem, QStandardItemModel  # noqa: E402
from PySide6.QtWidgets import QApplication, QTableView  # noqa: E402

from hoiku_desk.services import Booking, Pickup  # noqa: E402
from hoiku_desk.views.booking_columns import booking_columns  # noqa: E402
from hoiku_desk.views.table_model import RecordTableModel  # noqa: E402
from hoiku_desk.views.widgets import configure_table  # noqa: E402


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=10_000)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    rows = fake_bookings(args.rows)
    view = QTableView()
    model: RecordTableModel[Booking] = RecordTableModel(booking_columns("ja"))
    configure_table(view, model)
    view.resize(1200, 700)
    view.show()
    app.processEvents()

    started = time.perf_counter()
    model.set_rows(rows)
    view.viewport().repaint()
    app.processEvents()
    load_ms = (time.perf_counter() - started) * 1000

    print(f"rows: {args.rows}")
    print(f"load into the list: {load_ms:.1f} ms")
    floor_view = QTableView()
    floor_view.setModel(floor_model(model))
    floor_view.resize(1200, 700)
    floor_view.show()
    app.processEvents()
    for label, step in (("a wheel notch (3 rows)", 3), ("a page", view.verticalScrollBar().pageStep())):
        ours, floor = scroll(app, view, step), scroll(app, floor_view, step)
        print(f"scroll {label}: median {statistics.median(ours):.2f} ms "
              f"(floor, Qt's own model: {statistics.median(floor):.2f} ms), "
              f"worst {max(ours):.2f} ms; a frame is 16 ms")
    return 0


def floor_model(model: RecordTableModel[Booking]) -> QStandardItemModel:
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
        started = time.perf_counter()
        bar.setValue(bar.value() + step)
        app.processEvents()
        view.viewport().repaint(view.viewport().rect())
        times.append((time.perf_counter() - started) * 1000)
    return times


if __name__ == "__main__":
    sys.exit(main())
