"""The ``hoiku-desk`` command (and ``python -m hoiku_desk``).

``hoiku-desk`` opens the window on the default database (``--db`` another one, ``--lang``
the window's language, ``--demo`` fills a fresh database with demo data first);
``hoiku-desk status`` prints the day at a glance for each facility; ``hoiku-desk screenshots
OUTDIR`` renders every pane over demo data to PNG files; ``hoiku-desk print-daily --date
YYYY-MM-DD --out FILE.pdf [--facility CODE]`` writes a day's attendance list (出席簿) as a PDF
without a window; ``hoiku-desk --self-test`` books, changes, cancels, renders the window and
prints a daily list in a temporary folder and exits 0 when all of it works (``selftest``).
``import``, ``export-decisions``, ``export-availability`` and ``export-actuals`` exchange the
files of SPEC "Files" (:mod:`hoiku_desk.file_commands`); ``migrate-to URL`` moves the
SQLite database onto a PostgreSQL server for several desks (:mod:`hoiku_desk.migrate_to`).
Qt is imported only on the paths that open a window or print, so
``status`` starts fast, and nothing needs a display. Each command imports the service layer
when it runs: the window shows its frame before that import (:mod:`hoiku_desk.views.app`).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import hoiku_desk
from hoiku_desk import file_commands, messages

if TYPE_CHECKING:
    from hoiku_desk.services import Desk, Facility

#: The exit code for a database that cannot be opened or used as asked (or a list that
#: cannot be printed, or a file that cannot be imported or written).
EXIT_REFUSED = file_commands.EXIT_REFUSED
MIGRATE_TO = "migrate-to"


class VersionAction(argparse.Action):
    """``--version``: print the program's version (looked up only then) and exit."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *_args: object) -> None:
        print(f"{parser.prog} {hoiku_desk.__version__}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hoiku-desk", description="保育園 一時保育の受付")
    parser.add_argument("--db", help="データベースのファイル、または PostgreSQL の URL (既定: ユーザーデータフォルダ)")
    parser.add_argument("--lang", choices=("ja", "en"), default="ja", help="画面の言語 (既定: ja)")
    parser.add_argument("--demo", action="store_true",
                        help="空のデータベースにデモデータを入れてから開く")
    parser.add_argument("--version", action=VersionAction, help="バージョンを表示して終了する")
    parser.add_argument("--self-test", action="store_true",
                        help="一時フォルダで予約・変更・取消・画面・PDFを試して終了する (成功で 0)")
    names = ",".join(("status", "screenshots", "print-daily", *file_commands.COMMANDS, MIGRATE_TO))
    commands = parser.add_subparsers(dest="command", metavar=f"{{{names}}}")
    status_parser = commands.add_parser("status", help="各施設の今日の状況を表示する")
    status_parser.add_argument("--db", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    shots = commands.add_parser("screenshots", help="デモデータで各画面をPNGに保存する")
    shots.add_argument("outdir", type=Path, help="PNGを保存するフォルダ")
    shots.add_argument("--lang", choices=("ja", "en"), default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    daily = commands.add_parser("print-daily", help="出席簿をPDFに書き出す（画面は開きません）")
    daily.add_argument("--date", type=iso_date, help="日付 YYYY-MM-DD (既定: 今日)")
    daily.add_argument("--out", type=Path, required=True, help="書き出すPDFファイル")
    daily.add_argument("--facility", help="施設コード (既定: コード順で最初の施設)")
    daily.add_argument("--db", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    file_commands.add_parsers(commands, iso_date)
    migrate = commands.add_parser(MIGRATE_TO, help="データベースを PostgreSQL サーバーに移す (複数の受付用)")
    migrate.add_argument("url", metavar="URL",
                         help="移行先: 空の PostgreSQL データベースの URL (postgresql+psycopg://…)")
    migrate.add_argument("--db", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    return parser


def iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日付「{text}」は YYYY-MM-DD の形で指定してください") from None


def status(desk: Desk, day: date) -> list[str]:
    """Lines describing each facility's ``day``."""
    lines = [f"データベース: {desk.location}", f"日付: {messages.format_date(day, with_year=True)}"]
    facilities = desk.facilities.list()
    if not facilities:
        lines.append(messages.NO_FACILITY)
    for facility in facilities:
        slots = desk.bookings.availability(facility.id, day, day).get(day)
        expected = len(desk.attendance.daily_list(facility.id, day))
        waiting = desk.approvals.count(facility.id)
        if slots is None:
            opening = "休園日"
        else:
            opening = f"空き(最少) {min((s.remaining for s in slots), default=0)}名"
        lines.append(
            f"{facility.code} {facility.name}: 予約 {expected}名 / {opening} / 承認待ち {waiting}件"
        )
    return lines


def print_status(target: str | None) -> int:
    from hoiku_desk.services import Desk, errors

    try:
        with Desk.open(target) as desk:
            print("\n".join(status(desk, desk.now().date())))
    except errors.HoikuDeskError as error:
        print(error.message(), file=sys.stderr)
        return EXIT_REFUSED
    return 0


def chosen_facility(desk: Desk, code: str | None) -> Facility | None:
    """The facility ``code`` (NotFound if unknown), or the first by code, or None."""
    if code is not None:
        return desk.facilities.by_code(code)
    return next(iter(desk.facilities.list()), None)


def print_daily(target: str | None, day: date | None, out: Path, code: str | None) -> int:
    """Write the daily list to ``out`` and print its path: 0, or 2 with the sentence on
    stderr when the database, the facility, the font or the file is not usable."""
    ensure_display()
    from hoiku_desk.printing import PrintingError
    from hoiku_desk.services import Desk, errors

    try:
        with Desk.open(target) as desk:
            facility = chosen_facility(desk, code)
            if facility is None:
                print(messages.NO_FACILITY, file=sys.stderr)
                return EXIT_REFUSED
            print(desk.attendance.write_pdf(facility.id, day or desk.now().date(), out))
        return 0
    except errors.HoikuDeskError as error:
        print(error.message(), file=sys.stderr)
    except PrintingError as error:
        print(error, file=sys.stderr)
    return EXIT_REFUSED


def fill_demo(target: str | os.PathLike[str] | None, lang: str = "ja") -> int:
    """Fill the empty database at ``target`` with demo data: 0, or 2 with the sentence on
    stderr when the database already holds data or cannot be opened."""
    from hoiku_desk import demo
    from hoiku_desk.services import errors

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
    from hoiku_desk.views import launch

    return launch.run(target, lang, demo_data)


def take_screenshots(outdir: Path, lang: str) -> int:
    ensure_display()
    from hoiku_desk.views import launch, screenshots

    launch.application(lang)
    for path in screenshots.render(outdir, lang):
        print(path)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.self_test:
        from hoiku_desk import selftest

        return selftest.run()
    if args.command == "status":
        return print_status(args.db)
    if args.command == "screenshots":
        return take_screenshots(args.outdir, args.lang)
    if args.command == "print-daily":
        return print_daily(args.db, args.date, args.out, args.facility)
    if args.command in file_commands.COMMANDS:
        return file_commands.run(args)
    if args.command == MIGRATE_TO:
        from hoiku_desk import migrate_to

        return migrate_to.run(args)
    if args.demo:
        code = fill_demo(args.db, args.lang)
        if code:
            return code
    return open_window(args.db, args.lang, args.demo)
