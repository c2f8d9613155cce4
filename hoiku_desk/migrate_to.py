"""``hoiku-desk migrate-to URL``: move the SQLite database into an empty PostgreSQL one.

For a nursery that starts with one desk and later adds a second PC: the program's own
database (``--db``, by default the one in the user data folder) is copied table by table, in
foreign-key order, into the database at URL, which is first migrated to the same schema.
Everything is copied in one transaction (a failure leaves the server's database empty), the
id sequences are moved past the copied rows, and the counts are printed.  A target that
already holds data is refused: nothing is ever merged or overwritten.

Exit codes: 0 copied; 2 nothing was copied (the sentence on stderr says why). The command's
arguments are read by :mod:`hoiku_desk.cli`, which imports this module only to run it.
"""

from __future__ import annotations

import argparse
import sys

from sqlalchemy import Connection, Engine, Integer, Table, func, select, text

from hoiku_desk.models import Base
from hoiku_desk.services import database, errors

EXIT_REFUSED = 2
BATCH_ROWS = 1000

NOT_A_FILE = "移行元はこのパソコンのデータベースファイルを指定してください（--db）。サーバー間の移行には pg_dump をお使いください。"
NO_SOURCE = "移行元のデータベース「{path}」がありません。--db で場所を指定してください。"
NOT_A_SERVER = "移行先は PostgreSQL の URL（postgresql+psycopg://ユーザー@サーバー/データベース）で指定してください。"
NOT_EMPTY = ("移行先のデータベース「{where}」にはすでにデータがあります（{table} に {count} 件）。"
             "何も移していません。空のデータベースを指定してください。")
DONE = "「{source}」のデータを「{where}」に移しました（全 {total} 件）。各端末は --db {where} で開いてください。"


def run(args: argparse.Namespace) -> int:
    """Copy ``--db`` into ``args.url``; its exit code."""
    try:
        counts, source, where = migrate(args.db, args.url)
    except errors.HoikuDeskError as error:
        print(error.message(), file=sys.stderr)
        return EXIT_REFUSED
    except Refused as refusal:
        print(refusal, file=sys.stderr)
        return EXIT_REFUSED
    for table, count in counts.items():
        print(f"{table}: {count} 件")
    print(DONE.format(source=source, where=where, total=sum(counts.values())))
    return 0


class Refused(Exception):
    """The migration cannot run as asked; its text is the sentence to print."""


def migrate(source_target: str | None, url: str) -> tuple[dict[str, int], str, str]:
    """Copy every table of the SQLite database ``source_target`` into the empty server
    database at ``url``: the rows copied per table, the source file and the target."""
    source_url, path = database.resolve(source_target)
    if path is None:
        raise Refused(NOT_A_FILE)
    if not path.exists() or not path.stat().st_size:
        raise Refused(NO_SOURCE.format(path=path))
    target_url, target_path = database.resolve(url)
    if target_path is not None or target_url.get_backend_name() != "postgresql":
        raise Refused(NOT_A_SERVER)
    where = target_url.render_as_string(hide_password=True)
    source = database.create(source_url)
    target = database.create(target_url)
    try:
        database.quick_check(source, path)
        database.ensure_schema(source, path)
        _open_server(target, where)
        with source.connect() as reading, target.begin() as writing:
            reading = reading.execution_options(sqlite_begin="DEFERRED")
            _refuse_unless_empty(writing, where)
            counts = {table.name: _copy(table, reading, writing) for table in Base.metadata.sorted_tables}
            for table in Base.metadata.sorted_tables:
                _reset_sequence(writing, table)
    finally:
        source.dispose()
        target.dispose()
    return counts, str(path), where


def _open_server(engine: Engine, where: str) -> None:
    """Migrate the server's database to the current schema (an unreachable server is a sentence)."""
    from sqlalchemy.exc import OperationalError

    try:
        database.ensure_schema(engine, None)
    except OperationalError as failure:
        raise errors.DatabaseUnavailable(path=where, reason="server_unreachable") from failure


def _refuse_unless_empty(connection: Connection, where: str) -> None:
    for table in Base.metadata.sorted_tables:
        count = connection.scalar(select(func.count()).select_from(table))
        if count:
            raise Refused(NOT_EMPTY.format(where=where, table=table.name, count=count))


def _copy(table: Table, reading: Connection, writing: Connection) -> int:
    """Copy ``table``'s rows (values converted by the column types both ways)."""
    copied = 0
    result = reading.execute(select(table))
    while rows := result.fetchmany(BATCH_ROWS):
        writing.execute(table.insert(), [dict(row._mapping) for row in rows])
        copied += len(rows)
    return copied


def _reset_sequence(connection: Connection, table: Table) -> None:
    """Move an integer primary key's sequence past the copied ids (audit_log.id,
    decisions.seq, …), so the next row the server numbers does not collide."""
    keys = list(table.primary_key.columns)
    if len(keys) != 1 or not isinstance(keys[0].type, Integer) or keys[0].autoincrement is False:
        return
    column = keys[0].name
    sequence = connection.scalar(text("SELECT pg_get_serial_sequence(:table, :column)"),
                                 {"table": table.name, "column": column})
    if sequence is None:
        return
    connection.execute(
        text(f'SELECT setval(:sequence, COALESCE(MAX("{column}"), 1), MAX("{column}") IS NOT NULL) '
             f'FROM "{table.name}"'),
        {"sequence": sequence},
    )


__all__ = ["migrate", "run"]
