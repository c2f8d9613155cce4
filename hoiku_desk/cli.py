"""The ``hoiku-desk`` command.

Until the window exists it opens (creating or upgrading) the database and prints the
day at a glance for each facility: bookings, remaining places and waiting approvals.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date

from hoiku_desk import __version__, messages
from hoiku_desk.services import Desk, errors


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hoiku-desk", description="保育園 一時保育の受付")
    parser.add_argument("--db", help="データベースのファイル (既定: ユーザーデータフォルダ)")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
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


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        with Desk.open(args.db) as desk:
            print("\n".join(status(desk, desk.now().date())))
    except errors.HoikuDeskError as error:
        print(error.message(), file=sys.stderr)
        return 2
    return 0
