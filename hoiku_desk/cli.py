"""The ``hoiku-desk`` command (and ``python -m hoiku_desk``).

``hoiku-desk`` opens the window on the default database (``--db`` another one, ``--lang``
the window's language, ``--demo`` fills a fresh database with demo data first);
``hoiku-desk status`` prints the day at a glance for each facility; ``hoiku-desk screenshots
OUTDIR`` renders every pane over demo data to PNG files. Qt is imported only on the paths
that open a window, so ``status`` starts fast and runs without a display.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from hoiku_desk import __version__, demo, messages
from hoiku_desk.services import Desk, errors

#: The exit code for a database that cannot be opened or used as asked.
EXIT_REFUSED = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hoiku-desk", description="保育園 一時保育の受付")
    parser.add_argument("--db", help="データベースのファイル (既定: ユーザーデータフォルダ)")
    parser.add_argument("--lang", choices=("ja", "en"), default="ja", help="画面の言語 (既定: ja)")
    parser.add_argument("--demo", action="store_true",
                        help="空のデータベースにデモデータを入れてから開く")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="{status,screenshots}")
    status_parser = commands.add_parser("status", help="各施設の今日の状況を表示する")
    status_parser.add_argument("--db", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    shots = commands.add_parser("screenshots", help="デモデータで各画面をPNGに保存する")
    shots.add_argument("outdir", type=Path, help="PNGを保存するフォルダ")
    shots.add_argument("--lang", choices=("ja", "en"), default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    return parser


def status(desk: Desk, day: date) -> list[str]:
    """Lines describing each facility's ``day``."""
    lines = [f"データベース: {desk.location}", f"日付: {messages.format_date(day, with_year=True)}"]
    facilities = desk.facilities.list()
    if not facilities:
        lines.append("施設がまだ登録されていません。")
    for facility in facilities:
        slots = desk.bookings.availability(facility.id, day, day).get(day)
        expected = len(desk.attendance.daily_list(facility.id, day))
        waiting = len(desk.approvals.pending(facility.id))
        if slots is None:
            opening = "休園日"
        else:
            opening = f"空き(最少) {min((s.remaining for s in slots), default=0)}名"
        lines.append(
            f"{facility.code} {facility.name}: 予約 {expected}名 / {opening} / 承認待ち {waiting}件"
        )
    return lines


def print_status(target: str | None) -> int:
    try:
        with Desk.open(target) as desk:
            print("\n".join(status(desk, desk.now().date())))
    except errors.HoikuDeskError as error:
        print(error.message(), file=sys.stderr)
        return EXIT_REFUSED
    return 0


def fill_demo(target: str | os.PathLike[str] | None, lang: str = "ja") -> int:
    """Fill the empty database at ``target`` with demo data: 0, or 2 with the sentence on
    stderr when the database already holds data or cannot be opened."""
    try:
        report = demo.fill(target)
    except errors.HoikuDeskError as error:
        print(messages.message(error, lang), file=sys.stderr)
        return EXIT_REFUSED
    print(f"デモデータ: 児童 {report.children}名 / 予約 {report.bookings}件")
    return 0


def ensure_display() -> None:
    """Without a display, Qt aborts the process: render offscreen instead."""
    has_display = os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    if sys.platform.startswith("linux") and not has_display:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def open_window(target: str | None, lang: str, demo_data: bool) -> int:
    from hoiku_desk.views import app

    return app.run(target, lang, demo_data)


def take_screenshots(outdir: Path, lang: str) -> int:
    ensure_display()
    from hoiku_desk.views import app, screenshots

    app.application(lang)
    for path in screenshots.render(outdir, lang):
        print(path)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "status":
        return print_status(args.db)
    if args.command == "screenshots":
        return take_screenshots(args.outdir, args.lang)
    if args.demo:
        code = fill_demo(args.db, args.lang)
        if code:
            return code
    return open_window(args.db, args.lang, args.demo)
