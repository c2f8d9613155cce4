"""Backups of the SQLite database (``desk.backups``): daily at the first start of a day and
before each request import, kept for the last 14 days and the last 12 months, and restored
only after the file has been checked.

Backups live in ``backups/`` beside the database, readable by the user only; each is a
consistent copy made through SQLite's online backup API while the program runs.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import time
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import Engine

from hoiku_desk.services import changes, database, errors
from hoiku_desk.services.context import Context

FOLDER = "backups"
NAME = re.compile(r"^hoiku-desk-(\d{8}-\d{6})\.(daily|import|manual|restore)\.sqlite3$")
KEEP_DAYS = 14
KEEP_MONTHS = 12
#: Backups taken before an import, or before a restore, kept besides the daily ones.
KEEP_OTHERS = 20
#: A copy being made writes every moment: one untouched this long was left by a killed program.
STALE_PART_SECONDS = 3600


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: datetime
    kind: str  # daily | import | manual | restore
    size: int


def folder(db_path: Path) -> Path:
    return db_path.parent / FOLDER


def listing(db_path: Path) -> list[BackupFile]:
    """The backups of the database at ``db_path``, newest first."""
    found = []
    where = folder(db_path)
    if where.is_dir():
        for path in where.iterdir():
            match = NAME.match(path.name)
            if match:
                taken = datetime.strptime(match[1], "%Y%m%d-%H%M%S")
                found.append(BackupFile(path, taken, match[2], path.stat().st_size))
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def take(engine: Engine, db_path: Path, kind: str, now: datetime, *,
         stop: database.Stop | None = None) -> Path:
    """A backup of ``kind`` named by ``now``, readable by the user only (``stop``: as
    :func:`database.backup_copy`)."""
    where = folder(db_path)
    where.mkdir(parents=True, exist_ok=True)
    database.make_private(where)
    destination = where / f"hoiku-desk-{now:%Y%m%d-%H%M%S}.{kind}.sqlite3"
    database.backup_copy(engine, destination, stop=stop)
    return destination


def daily(engine: Engine, db_path: Path, now: datetime, *,
          stop: database.Stop | None = None) -> Path | None:
    """Today's backup if none was taken yet today (then the old ones are pruned); setting
    ``stop`` ends it early with :class:`database.Stopped`, leaving no backup."""
    if any(b.kind == "daily" and b.taken_at.date() == now.date() for b in listing(db_path)):
        return None
    path = take(engine, db_path, "daily", now, stop=stop)
    prune(db_path, now.date())
    return path


def prune(db_path: Path, today: date) -> list[Path]:
    """Delete daily backups older than the last :data:`KEEP_DAYS` days except the newest
    of each of the last :data:`KEEP_MONTHS` months, all but the newest
    :data:`KEEP_OTHERS` import and restore backups, and unfinished copies left by a
    program that was killed (untouched for :data:`STALE_PART_SECONDS`); returns what was
    deleted."""
    backups = listing(db_path)
    first_month = (today.year * 12 + today.month - 1) - (KEEP_MONTHS - 1)
    monthly: set[tuple[int, int]] = set()
    keep: set[Path] = set()
    for backup in backups:  # newest first
        day = backup.taken_at.date()
        if backup.kind != "daily":
            continue
        if (today - day).days < KEEP_DAYS:
            keep.add(backup.path)
        month = (day.year, day.month)
        if day.year * 12 + day.month - 1 >= first_month and month not in monthly:
            monthly.add(month)
            keep.add(backup.path)
    others = [b for b in backups if b.kind != "daily"]
    keep.update(b.path for b in others[:KEEP_OTHERS])
    deleted = [b.path for b in backups if b.path not in keep]
    deleted += stale_parts(folder(db_path))
    for path in deleted:
        path.unlink(missing_ok=True)
    return deleted


def stale_parts(where: Path) -> list[Path]:
    """Unfinished copies in ``where`` untouched for :data:`STALE_PART_SECONDS`."""
    stale = []
    for part in where.glob("*.part"):
        try:
            untouched = time.time() - part.stat().st_mtime
        except FileNotFoundError:  # finished (renamed) meanwhile
            continue
        if untouched > STALE_PART_SECONDS:
            stale.append(part)
    return stale


def check(path: Path) -> str:
    """The schema revision of the Hoiku Desk database at ``path`` after a full integrity
    check; :class:`errors.DatabaseUnavailable` (``damaged``, ``not_a_backup``,
    ``newer_schema``) otherwise. The file is opened read-only."""
    from hoiku_desk.migrations import HEAD_REVISION

    if not path.is_file():
        raise errors.DatabaseUnavailable(path=str(path), reason="not_a_backup")
    try:
        connection = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
        try:
            if connection.execute("PRAGMA integrity_check").fetchall() != [("ok",)]:
                raise errors.DatabaseUnavailable(path=str(path), reason="damaged")
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            revision = (connection.execute("SELECT version_num FROM alembic_version").fetchone() or [""])[0] \
                if "alembic_version" in tables else ""
        finally:
            connection.close()
    except sqlite3.DatabaseError:
        raise errors.DatabaseUnavailable(path=str(path), reason="damaged") from None
    if not revision.isdigit() or not {"facilities", "bookings"} <= tables:
        raise errors.DatabaseUnavailable(path=str(path), reason="not_a_backup")
    if int(revision) > int(HEAD_REVISION):
        raise errors.DatabaseUnavailable(path=str(path), reason="newer_schema")
    return revision


def newest_good(db_path: Path) -> BackupFile | None:
    """The newest backup that passes :func:`check`."""
    for backup in listing(db_path):
        try:
            check(backup.path)
        except errors.DatabaseUnavailable:
            continue
        return backup
    return None


def replace_damaged(db_path: Path, backup: Path) -> Path:
    """Put ``backup`` (checked) in place of the damaged database, which is kept beside it
    as ``<name>.damaged-<time>`` with its WAL files; returns where the damaged one went."""
    check(backup)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = db_path.with_name(f"{db_path.name}.damaged-{stamp}")
    for suffix in ("", "-wal", "-shm"):
        part = Path(f"{db_path}{suffix}")
        if part.exists():
            part.replace(Path(f"{aside}{suffix}"))
    shutil.copyfile(backup, db_path)
    database.make_private(db_path)
    return aside


def before_import(ctx: Context) -> Path | None:
    """A backup before a request import (none on a database server)."""
    if ctx.path is None:
        return None
    path = take(ctx.engine, ctx.path, "import", ctx.now())
    prune(ctx.path, ctx.now().date())
    return path


class BackupService:
    """``desk.backups``: the automatic copies, and restoring one (admin)."""

    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    def _path(self) -> Path:
        if self._ctx.path is None:
            raise errors.DatabaseUnavailable(path=str(self._ctx.engine.url), reason="backup_server")
        return self._ctx.path

    def list(self) -> list[BackupFile]:
        return listing(self._path())

    def daily(self, *, stop: database.Stop | None = None) -> Path | None:
        """The first start of a day takes a backup and prunes the old ones (on a connection
        of its own, so from any thread; setting ``stop`` ends it early with
        :class:`database.Stopped`, leaving no backup)."""
        return daily(self._ctx.engine, self._path(), self._ctx.now(), stop=stop)

    def restore(self, source: str | os.PathLike[str]) -> Path:
        """Replace every record with the checked backup ``source`` (admin only), after
        taking a backup of the current data; returns that backup. The accounts are then the
        backup's, so the desk is logged out."""
        source = Path(source)
        db_path = self._path()
        check(source)
        with self._ctx.write() as uow:
            uow.require_admin("restore")
            counted = changes.current(uow.session)
        restorer = self._ctx.staff_login
        safety = take(self._ctx.engine, db_path, "restore", self._ctx.now())
        database.restore_copy(self._ctx.engine, source)
        database.ensure_schema(self._ctx.engine, db_path)
        self._ctx.staff = None
        with self._ctx.write(checked=False) as uow:
            uow.audit("backup.restore", "database", db_path.name, None,
                      {"source": str(source), "safety_copy": str(safety)}, staff_login=restorer)
            uow.replaced_everything(counted)
            uow.commit()
        return safety
