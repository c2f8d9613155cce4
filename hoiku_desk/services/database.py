"""Opening the database: where it lives, the SQLite settings, and schema upgrades.

SQLite write transactions start with ``BEGIN IMMEDIATE`` so that a capacity check and the
insert that follows it cannot interleave with another process's; read-only units of work
use a plain ``BEGIN``.  Python's own implicit transactions are switched off for that.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DatabaseError

from hoiku_desk.services import errors

DATA_DIR_ENV = "HOIKU_DESK_DATA_DIR"
DATABASE_NAME = "hoiku-desk.sqlite3"
BUSY_TIMEOUT_SECONDS = 5.0
#: Page cache per connection (SQLite's default is 2 MiB): a big database's indexes stay in memory.
CACHE_KIB = 32 * 1024
SERVER_LOCK_WAITS = 4  # on a server, wait for a lock as long as SQLite's four attempts
SERVER_CONNECT_TIMEOUT_SECONDS = 10
NETWORK_FILESYSTEMS = {"cifs", "smb3", "smbfs", "nfs", "nfs4", "afs", "9p", "fuse.sshfs", "davfs"}
#: How often (in SQLite virtual machine steps) a long read looks whether it should stop
#: (besides being interrupted when its :class:`Stop` is set).
STOP_POLL_STEPS = 10_000
#: Pages a backup copies per step (4 MB at SQLite's default page size) between looks at ``stop``.
BACKUP_STEP_PAGES = 1024


class Stopped(Exception):
    """A long read (the integrity check, a backup) ended early because its :class:`Stop` was set."""


class Stop:
    """Set from any thread to end the long reads (the integrity check, a backup) made on
    connections from :func:`own_connection` with it: a running statement is interrupted at
    once, and every statement or backup step after that ends with :class:`Stopped`."""

    def __init__(self) -> None:
        self._set = threading.Event()
        self._lock = threading.Lock()
        self._connections: set[sqlite3.Connection] = set()

    def set(self) -> None:
        with self._lock:
            self._set.set()
            for connection in self._connections:
                connection.interrupt()

    def is_set(self) -> bool:
        return self._set.is_set()

    @contextmanager
    def watching(self, connection: sqlite3.Connection) -> Iterator[None]:
        """Interrupt ``connection`` when set during the block (or before it: then at once)."""
        with self._lock:
            self._connections.add(connection)
        try:
            if self.is_set():
                raise Stopped
            yield
        finally:
            with self._lock:
                self._connections.discard(connection)


def data_dir() -> Path:
    """The user data folder: ``$HOIKU_DESK_DATA_DIR`` if set, else platformdirs' choice."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    from platformdirs import user_data_path

    return user_data_path("hoiku-desk", appauthor=False)


def resolve(target: str | os.PathLike[str] | None) -> tuple[URL, Path | None]:
    """The SQLAlchemy URL for ``target`` and, for an SQLite file, its path."""
    if target is None:
        path = data_dir() / DATABASE_NAME
    elif isinstance(target, str) and "://" in target:
        url = make_url(target)
        if url.get_backend_name() != "sqlite":
            return url, None
        path = Path(url.database) if url.database and url.database != ":memory:" else None
        if path is None:
            raise errors.DatabaseUnavailable(path=target, reason="memory")
    else:
        path = Path(target)
    path = path.expanduser().absolute()
    if is_network_path(path):
        raise errors.DatabaseUnavailable(path=str(path), reason="network_share")
    if not path.parent.exists():
        path.parent.mkdir(parents=True)
        make_private(path.parent)
    return URL.create("sqlite+pysqlite", database=str(path)), path


def make_private(path: Path) -> None:
    """Readable by the user only (a folder: usable by the user only), where the operating
    system has such permissions; children's data never sits readable by other accounts."""
    if os.name != "posix":
        return
    mode = stat.S_IRWXU if path.is_dir() else stat.S_IRUSR | stat.S_IWUSR
    try:
        os.chmod(path, mode)
    except OSError:
        pass  # not ours to change (a shared folder set up by the administrator)


def is_network_path(path: Path) -> bool:
    """True for a UNC path, a mapped network drive, or a network filesystem mount."""
    text_path = str(path)
    if text_path.startswith(("\\\\", "//")):
        return True
    if sys.platform == "win32":
        import ctypes

        drive = os.path.splitdrive(text_path)[0]
        if drive:
            drive_remote = 4
            return ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == drive_remote  # type: ignore[attr-defined]
        return False
    return _mount_type(path) in NETWORK_FILESYSTEMS


def _mount_type(path: Path) -> str:
    try:
        mounts = Path("/proc/mounts").read_text(encoding="utf-8").splitlines()
    except OSError:
        return ""
    best, kind = "", ""
    resolved = str(path.resolve())
    for line in mounts:
        fields = line.split()
        if len(fields) < 3:
            continue
        mount_point = fields[1].replace("\\040", " ")
        inside = resolved == mount_point or resolved.startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) >= len(best):
            best, kind = mount_point, fields[2]
    return kind


def create(url: URL) -> Engine:
    """An engine with the project's SQLite settings (WAL, foreign keys, explicit BEGIN), or
    for a server: a short connect timeout, and a lock wait bounded like SQLite's busy
    handler (another desk holding a facility's lock longer gives DatabaseBusy)."""
    if url.get_backend_name() != "sqlite":
        connect_args: dict[str, object] = {}
        if url.get_backend_name() == "postgresql":
            lock_ms = int(BUSY_TIMEOUT_SECONDS * SERVER_LOCK_WAITS * 1000)
            connect_args = {"connect_timeout": SERVER_CONNECT_TIMEOUT_SECONDS,
                            "options": f"-c lock_timeout={lock_ms}",
                            "application_name": "hoiku-desk"}
        return create_engine(url, pool_pre_ping=True, connect_args=connect_args)
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_SECONDS})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
        cursor.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_SECONDS * 1000)}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:  # type: ignore[no-untyped-def]
        mode = connection.get_execution_options().get("sqlite_begin", "IMMEDIATE")
        connection.exec_driver_sql(f"BEGIN {mode}")

    return engine


def current_revision(engine: Engine) -> str | None:
    """The schema revision stamped in the database, None for an empty one."""
    with engine.connect() as connection:
        connection = connection.execution_options(sqlite_begin="DEFERRED")
        has_table = connection.execute(
            text("SELECT name FROM sqlite_master WHERE type='table' AND name='alembic_version'")
            if engine.dialect.name == "sqlite"
            else text("SELECT to_regclass('alembic_version')")
        ).scalar()
        if not has_table:
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def ensure_schema(engine: Engine, path: Path | None) -> None:
    """Create a new database or upgrade an old one to the current schema.

    An existing SQLite file is first copied aside (``<name>.before-<revision>-<time>``),
    and the upgrade itself runs in one transaction, so a failure leaves the file as it was.
    """
    from hoiku_desk.migrations import HEAD_REVISION

    revision = current_revision(engine)
    if path is not None:
        make_private(path)  # SQLite gives its -wal and -shm files the same permissions
    if revision == HEAD_REVISION:
        return
    if revision is not None and revision.isdigit() and int(revision) > int(HEAD_REVISION):
        raise errors.DatabaseUnavailable(path=str(path or engine.url), reason="newer_schema")
    if revision is not None and path is not None and path.exists():
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        backup_copy(engine, path.with_name(f"{path.name}.before-{revision}-{stamp}"))
    from hoiku_desk.migrations import upgrade

    upgrade(engine)


@contextmanager
def refused_if_damaged(path: Path) -> Iterator[None]:
    """Turn SQLite's complaint about the file at ``path`` (not a database, a malformed
    page) into :class:`errors.DatabaseUnavailable` with reason ``damaged``."""
    try:
        yield
    except (DatabaseError, sqlite3.DatabaseError):
        raise errors.DatabaseUnavailable(path=str(path), reason="damaged") from None


def open_check(engine: Engine, path: Path, *, every_page: bool = True) -> None:
    """The check at opening: the file must open as an SQLite database with a readable
    schema, and with ``every_page`` pass :func:`quick_check` too (as must a file whose
    schema is to be upgraded: a damaged file is never upgraded); otherwise
    :class:`errors.DatabaseUnavailable` (``damaged``)."""
    from hoiku_desk.migrations import HEAD_REVISION

    with refused_if_damaged(path):
        revision = current_revision(engine)
    if every_page or revision != HEAD_REVISION:
        quick_check(engine, path)


@contextmanager
def own_connection(engine: Engine, stop: Stop | None = None) -> Iterator[sqlite3.Connection]:
    """An SQLite connection of its own from ``engine`` (usable from another thread): its
    statements end with :class:`Stopped` once ``stop`` is set (the progress handler
    catches a stop that came just before a statement began)."""
    raw = engine.raw_connection()
    connection: sqlite3.Connection = raw.driver_connection  # type: ignore[assignment]
    try:
        if stop is None:
            yield connection
            return
        connection.set_progress_handler(stop.is_set, STOP_POLL_STEPS)
        with stop.watching(connection):
            yield connection
    except sqlite3.OperationalError:
        if stop is not None and stop.is_set():
            raise Stopped from None
        raise
    finally:
        connection.set_progress_handler(None, 0)
        raw.close()


def quick_check(engine: Engine, path: Path, *, stop: Stop | None = None) -> None:
    """SQLite's quick integrity check of every page, on a connection of its own: a damaged
    file (or one that is not a database) raises :class:`errors.DatabaseUnavailable` with
    reason ``damaged`` instead of failing later in the middle of a booking. Setting
    ``stop`` (from another thread) ends it early with :class:`Stopped`."""
    with refused_if_damaged(path), own_connection(engine, stop) as connection:
        result = connection.execute("PRAGMA quick_check").fetchall()
    if result != [("ok",)]:
        raise errors.DatabaseUnavailable(path=str(path), reason="damaged")


def backup_copy(engine: Engine, destination: Path, *, stop: Stop | None = None) -> Path:
    """A consistent copy of the SQLite database through SQLite's online backup API,
    readable by the user only. It is copied in steps from one snapshot (other connections
    keep reading and writing) into a temporary file renamed at the end, so an unfinished
    copy never looks like one; setting ``stop`` ends it early with :class:`Stopped`."""
    partial = destination.with_name(f"{destination.name}.part")

    def progress(_status: int, _remaining: int, _total: int) -> None:
        if stop is not None and stop.is_set():
            raise Stopped

    try:
        with own_connection(engine) as source:
            target = sqlite3.connect(partial)
            try:
                source.execute("BEGIN")  # one snapshot for every step: the copy never restarts
                try:
                    source.execute("SELECT 1 FROM sqlite_master LIMIT 1")
                    source.backup(target, pages=BACKUP_STEP_PAGES, progress=progress)
                finally:
                    source.execute("ROLLBACK")
            finally:
                target.close()
        make_private(partial)
        partial.replace(destination)
    finally:
        partial.unlink(missing_ok=True)
    return destination


def restore_copy(engine: Engine, source: Path) -> None:
    """Copy every page of the SQLite database ``source`` into the live database, through
    the online backup API (other connections wait, then see the restored data)."""
    engine.dispose()
    reader = sqlite3.connect(f"{source.absolute().as_uri()}?mode=ro", uri=True)
    raw = engine.raw_connection()
    try:
        reader.backup(raw.driver_connection)  # type: ignore[arg-type]
    finally:
        raw.close()
        reader.close()
    engine.dispose()


__all__ = ["Stop", "Stopped", "backup_copy", "create", "data_dir", "ensure_schema", "make_private",
           "open_check", "own_connection", "quick_check", "refused_if_damaged", "resolve",
           "restore_copy"]
