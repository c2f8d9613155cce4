"""What every service shares: the engine, the clock, the logged-in staff, the open unit."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine

from hoiku_desk.services.clock import Clock
from hoiku_desk.services.database import BUSY_TIMEOUT_SECONDS
from hoiku_desk.services.records import Staff
from hoiku_desk.services.uow import Attempt, UnitOfWork


class Context:
    """Not thread-safe: a ``Desk`` belongs to one thread, as a window does."""

    def __init__(self, engine: Engine, clock: Clock, path: Path | None) -> None:
        self.engine = engine
        self.clock = clock
        self.path = path
        self.busy_timeout = BUSY_TIMEOUT_SECONDS
        #: Who is logged in: None before a login (the built-in administrator while no
        #: account exists; nobody may change anything once one does).
        self.staff: Staff | None = None
        self.current_unit: UnitOfWork | None = None
        #: The run of the outermost service call under way, while one may run again after
        #: a lost race (:mod:`hoiku_desk.services.retry`).
        self.attempt: Attempt | None = None
        self._engines = {
            True: engine.execution_options(sqlite_begin="IMMEDIATE"),
            False: engine.execution_options(sqlite_begin="DEFERRED"),
        }

    def engine_for(self, *, write: bool) -> Engine:
        return self._engines[write]

    @property
    def staff_login(self) -> str | None:
        return self.staff.login if self.staff else None

    def now(self) -> datetime:
        return self.clock()

    def write(self, *, checked: bool = True) -> UnitOfWork:
        """A unit of work that may change data (takes the write lock at once). It refuses
        to start without a login once accounts exist, unless ``checked`` is False (the
        login's own bookkeeping)."""
        return UnitOfWork(self, write=True, checked=checked)

    def read(self) -> UnitOfWork:
        """A read-only unit of work."""
        return UnitOfWork(self, write=False)
