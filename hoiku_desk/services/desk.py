"""The ``Desk`` facade: opens the database and wires the services together."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from types import TracebackType

from sqlalchemy.exc import OperationalError

from hoiku_desk.services import database, errors, retry
from hoiku_desk.services.approvals import ApprovalService
from hoiku_desk.services.attendance import AttendanceService
from hoiku_desk.services.audit import AuditService
from hoiku_desk.services.backups import BackupService
from hoiku_desk.services.bookings import BookingService
from hoiku_desk.services.cancellations import CancellationService
from hoiku_desk.services.children import ChildService
from hoiku_desk.services.clock import Clock, japan_now
from hoiku_desk.services.context import Context
from hoiku_desk.services.facilities import FacilityService
from hoiku_desk.services.interviews import InterviewService
from hoiku_desk.services.records import Staff
from hoiku_desk.services.registrations import RegistrationService
from hoiku_desk.services.staff import StaffService, authenticate
from hoiku_desk.services.sync import SyncService


class Desk:
    """Everything the window, the command line and the file sync call.

    Each service call is one transaction, run again when it loses a race to another desk
    (:mod:`hoiku_desk.services.retry`); ``with desk.unit_of_work(): ...`` runs several in
    one (each call then a savepoint inside it), committed when the block ends without error.
    """

    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx
        self.facilities = FacilityService(ctx)
        self.children = ChildService(ctx)
        self.registrations = RegistrationService(ctx)
        self.interviews = InterviewService(ctx)
        self.bookings = BookingService(ctx)
        self.approvals = ApprovalService(ctx)
        self.cancellations = CancellationService(ctx)
        self.attendance = AttendanceService(ctx)
        self.audit = AuditService(ctx)
        self.sync = SyncService(ctx)
        self.staff = StaffService(ctx)
        self.backups = BackupService(ctx)  # the SQLite file itself: not re-run
        for service in (self.facilities, self.children, self.registrations, self.interviews,
                        self.bookings, self.approvals, self.cancellations, self.attendance,
                        self.audit, self.sync, self.staff):
            retry.guard(ctx, service)

    @classmethod
    def open(
        cls, target: str | os.PathLike[str] | None = None, *, clock: Clock | None = None,
        full_check: bool = True,
    ) -> Desk:
        """Open (creating or upgrading) the database at ``target``: None for the user data
        folder, a file path, or a SQLAlchemy URL. ``clock`` returns the current naive
        Japan time; tests fix it. An SQLite file gets a quick integrity check first: a
        damaged one raises :class:`errors.DatabaseUnavailable` (``damaged``), and
        :func:`backups.newest_good` finds the backup to offer instead. ``full_check=False``
        leaves the check of every page to :meth:`check_integrity` (the window runs it behind
        itself once shown): the file must still be a database with a readable schema, and
        one to upgrade is checked in full."""
        url, path = database.resolve(target)
        engine = database.create(url)
        try:
            if path is not None and path.exists() and path.stat().st_size:
                database.open_check(engine, path, every_page=full_check)
            database.ensure_schema(engine, path)
        except OperationalError as failure:
            engine.dispose()
            if path is not None:
                raise
            where = url.render_as_string(hide_password=True)
            raise errors.DatabaseUnavailable(path=where, reason="server_unreachable") from failure
        except BaseException:
            engine.dispose()
            raise
        return cls(Context(engine, clock or japan_now, path))

    @property
    def path(self) -> Path | None:
        """The SQLite file in use (None on a database server)."""
        return self._ctx.path

    @property
    def location(self) -> str:
        """Where the data lives, for the status bar and the About dialog."""
        if self._ctx.path is not None:
            return str(self._ctx.path)
        return self._ctx.engine.url.render_as_string(hide_password=True)

    def now(self) -> datetime:
        """The current time by the desk's clock."""
        return self._ctx.now()

    def login(self, login: str, password: str) -> Staff:
        """Log in: later calls act as that staff (errors.AuthenticationFailed otherwise)."""
        staff = retry.run(self._ctx, authenticate, self._ctx, login, password)
        self._ctx.staff = staff
        return staff

    def logout(self) -> None:
        self._ctx.staff = None

    @property
    def current_staff(self) -> Staff | None:
        """Who is logged in (None: nobody, or the built-in administrator while no account exists)."""
        return self._ctx.staff

    def backup(self, path: str | os.PathLike[str]) -> Path:
        """A consistent copy of the SQLite database at ``path``, taken while the program
        runs (SQLite's online backup API); other desks may keep working meanwhile."""
        if self._ctx.path is None:
            raise errors.DatabaseUnavailable(path=self.location, reason="backup_server")
        destination = Path(path)
        try:
            destination.parent.mkdir(parents=True, exist_ok=True)
            return database.backup_copy(self._ctx.engine, destination)
        except (OSError, sqlite3.Error) as failure:
            raise errors.ExportFileError(path=str(destination), detail=str(failure)) from failure

    def check_integrity(self, *, stop: database.Stop | None = None) -> None:
        """SQLite's quick check of every page of the file, on a connection of its own (so
        from any thread, while the desk works): a damaged database raises
        :class:`errors.DatabaseUnavailable` (``damaged``); setting ``stop`` ends the check
        early with :class:`database.Stopped`. Nothing to check on a database server."""
        if self._ctx.path is not None:
            database.quick_check(self._ctx.engine, self._ctx.path, stop=stop)

    @contextmanager
    def unit_of_work(self) -> Iterator[None]:
        """Run several service calls in one transaction: all of them, or none."""
        with self._ctx.write() as uow:
            yield
            uow.commit()

    def close(self) -> None:
        self._ctx.engine.dispose()

    def __enter__(self) -> Desk:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
