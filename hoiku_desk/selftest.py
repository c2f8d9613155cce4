"""``hoiku-desk --self-test``: prove that an installed or bundled program works end to end.

In a temporary data folder it creates a database, adds a facility and a registered child,
books, changes and cancels, renders the main window offscreen, and writes a daily-list PDF
whose text must hold the child's Japanese name. One line per step on stdout; on a failure,
the reason (Japanese sentence and English step name) on stderr and a non-zero exit code.

Qt is imported only by the steps that need it, after the display is chosen. The clock is
fixed, so the booking rules give the same answers on any day.

On Windows the bundled ``hoiku-desk.exe`` is a GUI program without a console: run
``hoiku-desk.exe --self-test > selftest.txt 2>&1`` (or ``| more``) to see its lines; the
exit code is in ``%ERRORLEVEL%`` either way.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time as clock
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from hoiku_desk import __version__, messages
from hoiku_desk.services import Child, Desk, Facility, errors

#: Monday 2 March 2026, 09:00: the fixed "now" of the self-test's desk.
NOW = datetime(2026, 3, 2, 9, 0)
TUESDAY = date(2026, 3, 3)
WEDNESDAY = date(2026, 3, 4)
CHILD_NAME = "山田 花子"
FAMILY_NAME = "山田"
EXIT_FAILED = 1

Write = Callable[[str], None]


class SelfTestFailure(Exception):
    """A step did not give what it should; the message says why (Japanese / English)."""


@dataclass
class State:
    """What the steps hand on to each other."""

    folder: Path
    desk: Desk | None = None
    facility: Facility | None = None
    child: Child | None = None
    booking_ids: list[str] = field(default_factory=list)

    def open_desk(self) -> Desk:
        if self.desk is None:
            raise SelfTestFailure("データベースが開かれていません / database not open")
        return self.desk


@contextmanager
def environment(values: dict[str, str]) -> Iterator[None]:
    """Set environment variables for the block, then restore them."""
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def run(write: Write = print, *, cache_dir: Path | None = None) -> int:
    """Run every step in a temporary folder: 0 when all pass, else 1 (reason on stderr).

    ``cache_dir`` keeps a printing font built from a source checkout between runs (the
    tests pass theirs); by default the cache is a temporary folder too."""
    from hoiku_desk.cli import ensure_display

    ensure_display()
    write(f"hoiku-desk {__version__} self-test ({sys.platform}, "
          f"{'frozen' if getattr(sys, 'frozen', False) else 'source'})")
    started = clock.perf_counter()
    with tempfile.TemporaryDirectory(prefix="hoiku-desk-selftest-") as temp:
        folder = Path(temp)
        variables = {
            "HOIKU_DESK_DATA_DIR": str(folder / "data"),
            "HOIKU_DESK_CACHE_DIR": str(cache_dir or folder / "cache"),
            "XDG_CONFIG_HOME": str(folder / "config"),  # the window's QSettings (Linux)
        }
        with environment(variables):
            state = State(folder)
            try:
                for name, step in STEPS:
                    detail = step(state)
                    write(f"ok  {name}: {detail}")
            except Exception as error:  # every failure becomes a reason line, never a traceback
                print(f"NG  {name}: {reason(error)}", file=sys.stderr)
                return EXIT_FAILED
            finally:
                if state.desk is not None:
                    state.desk.close()
    write(f"self-test passed in {clock.perf_counter() - started:.1f} s")
    return 0


def reason(error: BaseException) -> str:
    """The sentence for ``error``: the desk's own Japanese sentence when it has one."""
    if isinstance(error, errors.HoikuDeskError):
        return messages.message(error, "ja")
    if isinstance(error, SelfTestFailure):
        return str(error)
    return f"{type(error).__name__}: {error}"


def create_database(state: State) -> str:
    state.desk = Desk.open(state.folder / "data" / "selftest.sqlite3", clock=lambda: NOW)
    return state.desk.location


def add_facility_and_child(state: State) -> str:
    desk = state.open_desk()
    state.facility = desk.facilities.add("K01", "ひかり保育園 一時保育")
    state.child = desk.children.add(
        name=CHILD_NAME, kana="ヤマダ ハナコ", birth_date=date(2023, 1, 8), sex="female",
        guardian_name="山田 美咲", phone="090-1234-5678",
    )
    registration = desk.registrations.apply(state.child.id, state.facility.id)
    desk.registrations.approve(registration.id, interviewed_on=date(2026, 2, 23))
    return f"{state.facility.code} {state.facility.name} / {state.child.name}"


def book(state: State) -> str:
    desk, facility, child = state.open_desk(), _facility(state), _child(state)
    kept = desk.bookings.book(facility.id, child.id, TUESDAY, time(9), time(11))
    cancelled = desk.bookings.book(facility.id, child.id, WEDNESDAY, time(9), time(11))
    state.booking_ids = [kept.id, cancelled.id]
    return f"{kept.number} {kept.day} {kept.start:%H:%M}-{kept.end:%H:%M}, {cancelled.number} {cancelled.day}"


def change(state: State) -> str:
    desk = state.open_desk()
    changed = desk.bookings.change(state.booking_ids[0], end=time(12))
    if changed.end != time(12):
        raise SelfTestFailure(f"予約の変更が反映されていません / change not applied: {changed.end}")
    return f"{changed.number} → {changed.start:%H:%M}-{changed.end:%H:%M}"


def cancel(state: State) -> str:
    desk = state.open_desk()
    desk.cancellations.cancel(state.booking_ids[1], "family", "self-test")
    status = desk.bookings.get(state.booking_ids[1]).status
    if status != "cancelled":
        raise SelfTestFailure(f"取消が反映されていません / cancel not applied: {status}")
    return f"{status}"


def render_window(state: State) -> str:
    from PySide6.QtWidgets import QApplication

    from hoiku_desk.views import app, launch

    # An application already running (the tests) keeps its own language and translators.
    existing = QApplication.instance()
    application = existing if isinstance(existing, QApplication) else launch.application("ja")
    window = app.build_window(state.open_desk(), "ja")
    try:
        window.show()
        application.processEvents()
        image = window.grab().toImage()
        if image.isNull() or image.width() < 100:
            raise SelfTestFailure("画面を描画できませんでした / window did not render")
        path = state.folder / "window.png"
        if not image.save(str(path)):
            raise SelfTestFailure(f"画面の画像を保存できませんでした / cannot save {path}")
        return (f"{image.width()}x{image.height()} px, platform "
                f"{application.platformName()}, font {application.font().family()}")
    finally:
        window.hide()
        window.deleteLater()
        application.processEvents()


def write_daily_pdf(state: State) -> str:
    path = state.open_desk().attendance.write_pdf(_facility(state).id, TUESDAY, state.folder / "daily.pdf")
    data = path.read_bytes()
    if not data.startswith(b"%PDF"):
        raise SelfTestFailure(f"PDFではありません / not a PDF: {path}")
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        if b"/ToUnicode" not in data:
            raise SelfTestFailure("PDFに文字の対応表がありません / PDF has no ToUnicode map")
        return f"{len(data)} bytes, %PDF with a ToUnicode map (pdftotext not found: name not extracted)"
    text = subprocess.run(
        [pdftotext, "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True, timeout=60,
        creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
    ).stdout.decode("utf-8", errors="replace")
    if FAMILY_NAME not in text or "花子" not in text:
        raise SelfTestFailure(f"PDFの文字に「{CHILD_NAME}」がありません / name not in the PDF text")
    return f"{len(data)} bytes, pdftotext finds 「{CHILD_NAME}」"


def _facility(state: State) -> Facility:
    if state.facility is None:
        raise SelfTestFailure("施設がありません / no facility")
    return state.facility


def _child(state: State) -> Child:
    if state.child is None:
        raise SelfTestFailure("児童がいません / no child")
    return state.child


STEPS: list[tuple[str, Callable[[State], str]]] = [
    ("database", create_database),
    ("facility+child", add_facility_and_child),
    ("book", book),
    ("change", change),
    ("cancel", cancel),
    ("window", render_window),
    ("daily-pdf", write_daily_pdf),
]
