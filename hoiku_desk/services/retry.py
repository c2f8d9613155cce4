"""Running a service call again when its transaction lost a race to another desk.

On PostgreSQL the server may abort a transaction that ran into another desk's: a deadlock
(``40P01``), a serialization failure (``40001``) or a lock wait past ``lock_timeout``
(``55P03``).  On SQLite a write unit's ``BEGIN IMMEDIATE`` takes the write lock before its
first statement (the unit of work already retries that start) and in WAL mode nothing takes
the lock away before the commit; what SQLite can still report later is "database is locked"
in a read (another program copying pages in, as a restore does).  Each of these rolled the
whole transaction back, so running the whole public service call again is safe, and
usually succeeds.

What was chosen, and why:

* :class:`~hoiku_desk.services.desk.Desk` wraps every public method of its services with
  :func:`retrying` (:func:`guard`): one place instead of a decorator on each method, and
  a new method is covered without anyone remembering to.  The backups service is left out:
  it works on the SQLite file itself and has effects outside the database.  ``Desk.login``
  goes through :func:`run` the same way.
* Only the outermost call retries.  Inside another call, or inside a caller's
  ``desk.unit_of_work()`` block (an import runs every row's command in one transaction), a
  call runs once: its unit of work is a savepoint of the caller's, and the failure goes up
  to the unit that owns the transaction, which is rolled back whole; an import is re-run
  whole or not at all.  A caller's own block is not re-run (Python cannot run a ``with``
  body twice): it ends in :class:`errors.DatabaseBusy`.
* The outermost unit of work says whether its failure may be re-run: it raises
  :class:`~hoiku_desk.services.uow.LostRace` only while a call runs as an
  :class:`~hoiku_desk.services.uow.Attempt` that has committed nothing.  A call whose change
  is committed is never re-run (staff would get a second booking), and a ``BEGIN`` that
  found the database busy is not either: it has already waited its turn.
* A re-run is a new transaction from the start: the audit and decision rows of the lost one
  were rolled back with it, so each is written once, and the re-run reads the desk's clock
  afresh, so every time stamp it writes is that of the transaction that counts.
* Attempts are few (:data:`ATTEMPTS`), spaced by a short, jittered, doubling pause (two
  desks that deadlocked do not meet again in step), and stop once the call would have
  waited longer than a busy SQLite start does
  (:func:`~hoiku_desk.services.uow.busy_wait_seconds`): a lock another desk holds longer
  than that is reported rather than waited for again.  On the server ``lock_timeout`` is
  that same time, so a lock timeout is reported at once, while a deadlock (found within a
  second) or a serialization failure runs again.  Giving up raises the
  :class:`errors.DatabaseBusy` of the last attempt.
"""

from __future__ import annotations

import functools
import inspect
import random
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, ParamSpec, TypeVar

from hoiku_desk.services.uow import Attempt, LostRace, busy_wait_seconds

if TYPE_CHECKING:
    from hoiku_desk.services.context import Context

P = ParamSpec("P")
R = TypeVar("R")
S = TypeVar("S")

ATTEMPTS = 4
FIRST_PAUSE_SECONDS = 0.05


def run(ctx: Context, call: Callable[P, R], /, *args: P.args, **kwargs: P.kwargs) -> R:
    """``call(*args, **kwargs)``, run again after a lost race when it is the outermost call."""
    if ctx.attempt is not None or ctx.current_unit is not None:
        return call(*args, **kwargs)
    started = time.monotonic()
    budget = busy_wait_seconds(ctx)
    for number in range(1, ATTEMPTS + 1):
        ctx.attempt = Attempt()
        try:
            return call(*args, **kwargs)
        except LostRace as lost:
            pause = random.uniform(0.5, 1.0) * FIRST_PAUSE_SECONDS * 2 ** (number - 1)
            if number == ATTEMPTS or time.monotonic() - started + pause > budget:
                raise lost.busy from lost.__cause__
        finally:
            ctx.attempt = None
        time.sleep(pause)
    raise AssertionError("unreachable")


def retrying(ctx: Context, call: Callable[P, R]) -> Callable[P, R]:
    """``call`` that runs again after a lost race (see :func:`run`)."""

    @functools.wraps(call)
    def retried(*args: P.args, **kwargs: P.kwargs) -> R:
        return run(ctx, call, *args, **kwargs)

    return retried


def guard(ctx: Context, service: S) -> S:
    """``service`` with every public method :func:`retrying` (set on the instance)."""
    for name, _ in inspect.getmembers(type(service), inspect.isfunction):
        if not name.startswith("_"):
            setattr(service, name, retrying(ctx, getattr(service, name)))
    return service
