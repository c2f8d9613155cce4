"""The file exchange from the command line: ``hoiku-desk import FILE``,
``export-decisions FILE``, ``export-availability FROM TO FILE``, ``export-actuals
YYYY-MM FILE``, ``backup FILE`` and ``restore FILE`` (admin), each printing what it did in
sentences from the message catalogue.

Once staff accounts exist, ``--login LOGIN`` names the account; the password is read from
``$HOIKU_DESK_PASSWORD`` or asked for on the terminal. Each command first takes the day's
automatic backup if none was taken yet today.

Exit codes: 0 done; 1 the file was imported but some rows were not (listed on stderr);
2 nothing was done (the database, the facility or the file is not usable — the sentence
says why on stderr).

The service layer is imported when a command runs: reading the command line, which every
start does, does not load it.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hoiku_desk import messages

if TYPE_CHECKING:
    from hoiku_desk.services import Desk, Facility

PASSWORD_ENV = "HOIKU_DESK_PASSWORD"
EXIT_ROWS_REJECTED = 1
EXIT_REFUSED = 2


class CommandRefused(Exception):
    """A command that cannot run as asked; its text is the sentence to print."""


def add_parsers(commands: Any, iso_date: Callable[[str], date]) -> None:
    """Add the four file commands to the ``hoiku-desk`` sub-command parser."""
    importing = commands.add_parser("import", help="申請ファイル(CSV)を取り込む")
    importing.add_argument("file", type=Path, help="申請ファイル (UTF-8 または Shift_JIS の CSV)")
    decisions = commands.add_parser("export-decisions", help="判定結果ファイルを書き出す")
    decisions.add_argument("file", type=Path, help="書き出すCSVファイル")
    decisions.add_argument("--since", type=moment,
                           help="この日時以降の判定 'YYYY-MM-DD HH:MM' (既定: 前回の書き出し以降)")
    availability = commands.add_parser("export-availability", help="空き状況ファイルを書き出す")
    availability.add_argument("first", type=iso_date, metavar="FROM", help="最初の日 YYYY-MM-DD")
    availability.add_argument("last", type=iso_date, metavar="TO", help="最後の日 YYYY-MM-DD")
    availability.add_argument("file", type=Path, help="書き出すCSVファイル")
    actuals = commands.add_parser("export-actuals", help="月の利用実績を書き出す (CSV または .xlsx)")
    actuals.add_argument("month", type=month, metavar="YYYY-MM", help="対象の月")
    actuals.add_argument("file", type=Path, help="書き出すファイル (.csv または .xlsx)")
    backup = commands.add_parser("backup", help="データベースのバックアップを作る")
    backup.add_argument("file", type=Path, help="バックアップの保存先ファイル")
    restore = commands.add_parser("restore", help="バックアップから復元する (管理者)")
    restore.add_argument("file", type=Path, help="復元するバックアップファイル")
    for parser in (importing, decisions, availability, actuals, backup, restore):
        parser.add_argument("--db", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
        parser.add_argument("--login", help=f"職員のログインID (パスワードは ${PASSWORD_ENV} か入力)")
    for parser in (availability, actuals):
        parser.add_argument("--facility", help="施設コード (施設が一つなら省略可)")


def moment(text: str) -> datetime:
    try:
        return datetime.strptime(text.strip(), "%Y-%m-%d %H:%M")
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"日時「{text}」は 'YYYY-MM-DD HH:MM' の形で指定してください") from None


def month(text: str) -> tuple[int, int]:
    try:
        first = datetime.strptime(text.strip(), "%Y-%m")
    except ValueError:
        raise argparse.ArgumentTypeError(f"月「{text}」は YYYY-MM の形で指定してください") from None
    return first.year, first.month


def run(args: argparse.Namespace) -> int:
    """Run the file command ``args`` names; its exit code."""
    from hoiku_desk.services import Desk, errors

    try:
        try:
            opened = Desk.open(args.db)
        except errors.DatabaseUnavailable as error:
            if args.command == "restore" and error.data.get("reason") == "damaged":
                return _replace_damaged(Path(error.data["path"]), args.file)
            raise
        with opened as desk:
            if desk.path is not None:
                desk.backups.daily()
            if args.login:
                desk.login(args.login, password())
            return _COMMANDS[args.command](desk, args)
    except errors.HoikuDeskError as error:
        print(error.message(), file=sys.stderr)
    except CommandRefused as refusal:
        print(refusal, file=sys.stderr)
    return EXIT_REFUSED


def password() -> str:
    """The password from the environment, or asked on the terminal without echo."""
    given = os.environ.get(PASSWORD_ENV)
    if given is not None:
        return given
    if not sys.stdin.isatty():
        raise CommandRefused(messages.PASSWORD_NEEDED)
    return getpass.getpass("パスワード: ")


def _replace_damaged(db_path: Path, backup: Path) -> int:
    """A damaged database cannot check a login: the checked backup takes its place and the
    damaged file is kept beside it."""
    from hoiku_desk.services import backups

    aside = backups.replace_damaged(db_path, backup)
    print(messages.restored(backup, aside))
    return 0


def facility_for(desk: Desk, code: str | None) -> Facility:
    """The facility ``code``, or the only one there is (NotFound, or CommandRefused)."""
    if code is not None:
        return desk.facilities.by_code(code)
    facilities = desk.facilities.list()
    if len(facilities) != 1:
        raise CommandRefused(messages.SEVERAL_FACILITIES if facilities else messages.NO_FACILITY)
    return facilities[0]


def _import(desk: Desk, args: argparse.Namespace) -> int:
    report = desk.sync.import_requests(args.file)
    print(messages.import_summary(report.accepted, report.duplicates, report.cancelled,
                                  len(report.rejected)))
    for line, reason in report.rejected:
        print(messages.rejected_row(line, reason), file=sys.stderr)
    return EXIT_ROWS_REJECTED if report.rejected else 0


def _export_decisions(desk: Desk, args: argparse.Namespace) -> int:
    rows = desk.sync.export_decisions(args.file, since=args.since)
    print(messages.export_done("decisions", rows, args.file))
    return 0


def _export_availability(desk: Desk, args: argparse.Namespace) -> int:
    facility = facility_for(desk, args.facility)
    rows = desk.sync.export_availability(facility.id, args.first, args.last, args.file)
    print(messages.export_done("availability", rows, args.file))
    return 0


def _export_actuals(desk: Desk, args: argparse.Namespace) -> int:
    facility = facility_for(desk, args.facility)
    year, number = args.month
    rows = desk.sync.export_actuals(facility.id, year, number, args.file)
    print(messages.export_done("actuals", rows, args.file))
    return 0


def _backup(desk: Desk, args: argparse.Namespace) -> int:
    print(messages.backup_done(desk.backup(args.file)))
    return 0


def _restore(desk: Desk, args: argparse.Namespace) -> int:
    safety = desk.backups.restore(args.file)
    print(messages.restored(args.file, safety))
    return 0


_COMMANDS: dict[str, Callable[[Desk, argparse.Namespace], int]] = {
    "import": _import, "export-decisions": _export_decisions,
    "export-availability": _export_availability, "export-actuals": _export_actuals,
    "backup": _backup, "restore": _restore,
}
COMMANDS = tuple(_COMMANDS)
