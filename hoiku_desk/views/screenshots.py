"""Screenshots of every pane over demo data (``hoiku-desk screenshots OUTDIR``): for the
manual, for reviews, and to see that Japanese renders on a machine (it needs a Japanese font)."""

from __future__ import annotations

import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

import jpholiday
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit

from hoiku_desk import demo
from hoiku_desk.services import Desk
from hoiku_desk.services.clock import japan_now
from hoiku_desk.views.app import build_window
from hoiku_desk.views.main_window import MainWindow

SIZE = (1280, 820)
#: File names, in the order of the window's panes.
NAMES = ("calendar", "booking", "approvals", "reservations", "attendance", "children", "settings", "audit")


def demo_day(start: date) -> date:
    """The first weekday from ``start`` on which the demo facilities are open (no holiday,
    not the year end), so the attendance list has children on it."""
    day = start
    while day.weekday() >= 5 or jpholiday.is_holiday(day) or (day.month, day.day) >= (12, 29) \
            or (day.month, day.day) <= (1, 3):
        day += timedelta(days=1)
    return day


def render(outdir: Path, lang: str = "ja", *, today: date | None = None) -> list[Path]:
    """Fill a temporary database with demo data ending on the first open day from ``today``
    (default: today), show the window at 1280×820 and save one PNG per pane into ``outdir``:
    ``01-calendar.png`` … ``07-settings.png``. The QApplication must exist (configured for
    ``lang`` by :func:`hoiku_desk.views.launch.application`)."""
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="hoiku-desk-screenshots-") as folder:
        database = Path(folder) / "demo.sqlite3"
        report = demo.fill(database, today=demo_day(today or japan_now().date()))
        with Desk.open(database, clock=lambda: report.now) as desk:
            window = build_window(desk, lang, demo=True)
            try:
                return _shoot(window, desk, report.now, outdir)
            finally:
                window.close()
                window.deleteLater()
                QCoreApplication.sendPostedEvents()


def _shoot(window: MainWindow, desk: Desk, now: datetime, outdir: Path) -> list[Path]:
    window.resize(*SIZE)
    window.show()
    _choose_child(window, desk, now.date())
    saved = []
    for number, (name, pane) in enumerate(zip(NAMES, window.panes(), strict=True), start=1):
        window.show_pane(pane)
        _settle()
        path = outdir / f"{number:02d}-{name}.png"
        if not window.grab().save(str(path)):
            raise OSError(f"cannot write {path}")
        saved.append(path)
    return saved


def _choose_child(window: MainWindow, desk: Desk, day: date) -> None:
    """The panes as during a call: in the booking form a child found by kana and chosen
    (one with allergies when the day has one, so the card shows them); in the children pane
    the same family searched."""
    facility = window.context.facility
    rows = desk.attendance.daily_list(facility.id, day) if facility else []
    if not rows:
        return
    row = next((r for r in rows if r.allergies), rows[0])
    child = desk.children.get(row.child_id)
    for pane, name, query in ((window.booking, "childSearch", child.kana),
                              (window.children, "childrenSearch", child.kana.split()[0])):
        search = pane.findChild(QLineEdit, name)
        if search is not None:
            search.setText(query)
    window.booking.choose_child(child)


def _settle() -> None:
    """Let layouts, deferred refreshes and paints run before grabbing."""
    for _ in range(3):
        QCoreApplication.processEvents()
