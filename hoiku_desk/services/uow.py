"""Units of work: one transaction each, rolled back unless committed.

``with ctx.write() as uow: ...; uow.commit()``.  A unit opened while another is active on
the same context runs inside it as a savepoint, so an import can run every row's command in
one transaction and still roll back a single refused row.  The outermost unit of a call that
:mod:`hoiku_desk.services.retry` may run again reports a lost race as :class:`LostRace`.
"""

from __future__ import annotations

import sqlite3
import time as _time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import inspect, select
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, SessionTransaction
from sqlalchemy.orm.util import identity_key

from hoiku_desk import models
from hoiku_desk.services import appended, changes, convert, errors, pending, records
from hoiku_desk.services.rules import FacilityRules

if TYPE_CHECKING:
    from hoiku_desk.services.context import Context
    from hoiku_desk.services.rule_facts import RuleFacts

T = TypeVar("T")

BEGIN_ATTEMPTS = 4
BEGIN_BACKOFF_SECONDS = 0.2


#: PostgreSQL's SQLSTATEs of a transaction that lost a race and may simply be run again:
#: serialization failure, deadlock detected, lock not available (``lock_timeout``).
TRANSIENT_SQLSTATES = {"40001", "40P01", "55P03"}


def busy_wait_seconds(ctx: Context) -> float:
    """How long a call waits for another desk before :class:`errors.DatabaseBusy`: SQLite's
    attempts to start a write, each as long as its busy timeout."""
    return BEGIN_ATTEMPTS * ctx.busy_timeout


@dataclass
class Attempt:
    """One run of a call that may run again; ``committed`` once one of its units committed
    (from then on it must not run again)."""

    committed: bool = False


class LostRace(Exception):
    """The outermost unit of a call under way as an :class:`Attempt` lost a race and
    committed nothing: the call may run again; ``busy`` is the sentence if it may not."""

    def __init__(self, busy: errors.DatabaseBusy) -> None:
        super().__init__(str(busy))
        self.busy = busy


def is_busy(exc: BaseException) -> bool:
    """True for SQLite's 'database is locked' / 'busy' once its own timeout has run out,
    and for PostgreSQL's lost races (a deadlock, a serialization failure, a lock timeout)."""
    original = getattr(exc, "orig", exc)
    if isinstance(original, sqlite3.OperationalError):
        return "locked" in str(original) or "busy" in str(original)
    return getattr(original, "sqlstate", None) in TRANSIENT_SQLSTATES


def is_connection_lost(exc: BaseException) -> bool:
    """True when the database server went away (or cannot be reached) mid-call."""
    return isinstance(exc, DBAPIError) and bool(exc.connection_invalidated)


def translated(exc: BaseException, ctx: Context) -> errors.HoikuDeskError | None:
    """The sentence for a database failure staff can act on: wait and retry (another desk
    won the race or held the lock), or call the administrator (the server is gone)."""
    if not isinstance(exc, DBAPIError):
        return None
    if is_busy(exc):
        return errors.DatabaseBusy(seconds=int(busy_wait_seconds(ctx)))
    if is_connection_lost(exc):
        location = ctx.engine.url.render_as_string(hide_password=True)
        return errors.DatabaseUnavailable(path=location, reason="connection_lost")
    return None


_ANY_ACCOUNT = select(models.StaffAccount.id).limit(1)
_FACILITIES = select(models.Facility)


class UnitOfWork:
    """A transaction and the lookups every service needs inside it."""

    def __init__(self, ctx: Context, *, write: bool, checked: bool = True) -> None:
        self._ctx = ctx
        self.write = write
        self._checked = write and checked
        self.session: Session
        self._outer: UnitOfWork | None = None
        self._savepoint: SessionTransaction | None = None
        self._committed = False
        self._rules: dict[str, tuple[models.Facility, FacilityRules]] = {}
        self._facilities: dict[str, models.Facility] = {}
        #: Facts every rule check of this unit shares, when the unit keeps them current
        #: (:func:`rule_facts.kept_current`); otherwise each check loads its own.
        self.rule_facts: RuleFacts | None = None
        self._facts_mark = 0
        #: What this transaction wrote (an outermost write unit's), for the change log.
        self._touched = changes.Touched()

    # -- transaction ------------------------------------------------------------------
    def __enter__(self) -> UnitOfWork:
        self._outer = self._ctx.current_unit
        if self._outer is not None:
            self.session = self._outer.session
            self._rules = self._outer._rules
            self._facilities = self._outer._facilities
            self.rule_facts = self._outer.rule_facts
            if self.write:
                appended.write(self.session)  # a rollback to the savepoint discards the queue
                self._savepoint = self.session.begin_nested()
                self._facts_mark = self.rule_facts.mark() if self.rule_facts else 0
        else:
            self.session = self._begin()
            if self.write:
                changes.follow(self.session, self._touched)
            if self._checked:
                try:
                    self._may_change()
                except BaseException:
                    self.session.close()
                    raise
        self._ctx.current_unit = self
        return self

    def _begin(self) -> Session:
        engine = self._ctx.engine_for(write=self.write)
        for attempt in range(BEGIN_ATTEMPTS):
            session = Session(engine, autoflush=True, expire_on_commit=False)
            try:
                session.connection()  # emits BEGIN [IMMEDIATE]: waits for the write lock
                return session
            except OperationalError as exc:
                session.close()
                if not is_busy(exc):
                    sentence = translated(exc, self._ctx)
                    if sentence is not None:
                        raise sentence from exc
                    raise
                if attempt + 1 == BEGIN_ATTEMPTS:
                    raise errors.DatabaseBusy(seconds=int(busy_wait_seconds(self._ctx))) from exc
                _time.sleep(BEGIN_BACKOFF_SECONDS * (attempt + 1))
        raise AssertionError("unreachable")

    def commit(self) -> None:
        appended.write(self.session)
        if self._savepoint is not None:
            self._savepoint.commit()
        elif self._outer is None:
            if self._touched.written:
                changes.count_commit(self.session, self._touched)
            self.session.commit()
            if self._ctx.attempt is not None:
                self._ctx.attempt.committed = True
            if self.write:
                # What is read after the commit (the records a call returns) reads in a
                # plain deferred transaction: a new BEGIN IMMEDIATE would wait for another
                # desk's write lock and could fail a call whose change is already saved.
                self.session.close()
                self.session = Session(self._ctx.engine_for(write=False), autoflush=True,
                                       expire_on_commit=False)
        self._committed = True

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        self._ctx.current_unit = self._outer
        if self._outer is not None:
            if self._savepoint is not None and not self._committed and self._savepoint.is_active:
                self._savepoint.rollback()
                appended.discard(self.session)
                if self.rule_facts is not None:
                    self.rule_facts.roll_back_to(self._facts_mark)
            return
        try:
            if not self._committed:
                self.session.rollback()
        except DBAPIError:
            if exc is None:
                raise
        finally:
            self.session.close()
        if isinstance(exc, BaseException):
            sentence = translated(exc, self._ctx)
            attempt = self._ctx.attempt
            if isinstance(sentence, errors.DatabaseBusy) and attempt and not attempt.committed:
                raise LostRace(sentence) from exc
            if sentence is not None:
                raise sentence from exc

    def replaced_everything(self, counted: int) -> None:
        """Every record was replaced (a backup restored) where the change counter stood at
        ``counted``: the commit tells every desk that everything changed."""
        self._touched.written = self._touched.everything = True
        self._touched.past = counted

    @property
    def nested(self) -> bool:
        """True inside another unit (whose writes may not be committed yet)."""
        return self._outer is not None

    def flush_for(self, *kinds: type) -> None:
        """Write the unit's pending changes if any of them is a row of ``kinds`` (what a
        query about to run reads), not for every row written meanwhile: an import's queue
        items wait for a flush that needs them.  Rows of the append-only logs
        (:mod:`appended`) are written with the flush."""
        if appended.holds(self.session, kinds):
            appended.write(self.session)
        elif pending.any_added(self.session, kinds):
            self.session.flush()
        else:
            self.flush_changed(*kinds)

    def flush_changed(self, *kinds: type) -> None:
        """Write the unit's pending changes if a row of ``kinds`` was changed or deleted
        since the last flush (new rows of ``kinds`` wait: see :meth:`added`)."""
        session = self.session
        if any(isinstance(row, kinds) for rows in (session.dirty, session.deleted) for row in rows):
            session.flush()

    def added(self, kind: type[T], **equal: Any) -> list[T]:
        """Rows of ``kind`` this unit added and has not written yet, those whose attributes
        are ``equal`` to the values given: a lookup by key reads the database without
        flushing (:meth:`looking_up`) and adds these."""
        rows = pending.added(self.session, kind)
        return [row for row in rows if all(getattr(row, k) == v for k, v in equal.items())]

    @contextmanager
    def looking_up(self, *kinds: type) -> Iterator[None]:
        """Queries inside read rows of ``kinds`` by what new rows' callers check in
        :meth:`added`: flushed only for changed or deleted rows of ``kinds``."""
        self.flush_changed(*kinds)
        with self.session.no_autoflush:
            yield

    @contextmanager
    def reading(self, *kinds: type) -> Iterator[None]:
        """Queries inside read only rows of ``kinds``: flushed for those (:meth:`flush_for`)
        instead of autoflushing whatever is pending."""
        self.flush_for(*kinds)
        with self.session.no_autoflush:
            yield

    # -- the clock -----------------------------------------------------------------------
    @property
    def now(self) -> datetime:
        return self._ctx.now()

    @property
    def today(self) -> date:
        return self._ctx.now().date()

    @property
    def staff_login(self) -> str | None:
        """Who acts: the logged-in staff, None for the built-in administrator."""
        return self._ctx.staff_login

    # -- who may do what -------------------------------------------------------------------
    def _account(self) -> models.StaffAccount | None:
        staff = self._ctx.staff
        return self.session.get(models.StaffAccount, staff.id) if staff else None

    def _accounts_exist(self) -> bool:
        return self.session.scalar(_ANY_ACCOUNT) is not None

    def _may_change(self) -> None:
        """Changes need a login once accounts exist, and an account still active."""
        if self._ctx.staff is None:
            if self._accounts_exist():
                raise errors.PermissionDenied(reason="not_logged_in")
            return
        account = self._account()
        if account is None or not account.active:
            raise errors.PermissionDenied(reason="account_disabled")

    def require_admin(self, action: str) -> None:
        """Refuse ``action`` unless an admin is logged in (or, while no account exists,
        the built-in administrator acts)."""
        if self._ctx.staff is None:
            if self._accounts_exist():
                raise errors.PermissionDenied(action=action, reason="not_logged_in")
            return
        account = self._account()
        if account is None or not account.active or account.role != "admin":
            raise errors.PermissionDenied(action=action)

    # -- lookups --------------------------------------------------------------------------
    def get(self, model: type[T], id_: str, entity: str | None = None) -> T:
        """The record with primary key ``id_`` (one added and not written yet too), or
        :class:`errors.NotFound`."""
        found = self.held(model, id_)
        if found is None:
            with self.session.no_autoflush:  # a row's key never changes: nothing to write first
                found = self.session.get(model, id_)
        if found is None or found in self.session.deleted:
            raise errors.NotFound(entity=entity or model.__name__, id=id_)
        return found

    def require(self, model: type[Any], id_: str, entity: str | None = None) -> None:
        """:class:`errors.NotFound` unless the record with primary key ``id_`` exists,
        without loading it."""
        found = self.held(model, id_)
        if found is not None:
            missing = found in self.session.deleted
        else:
            column = inspect(model).primary_key[0]
            missing = self.session.connection().execute(select(column).where(column == id_)).first() is None
        if missing:
            raise errors.NotFound(entity=entity or model.__name__, id=id_)

    def held(self, model: type[T], id_: str) -> T | None:
        """The record with primary key ``id_`` if the session holds it (loaded, or added
        and not written yet), without reading the database."""
        found = self.session.identity_map.get(identity_key(model, id_))
        if found is None:
            key = inspect(model).primary_key_from_instance
            found = next((row for row in self.added(model) if key(row) == (id_,)), None)
        return found

    def facility(self, facility_id: str) -> tuple[models.Facility, FacilityRules]:
        """The facility and its parsed rules (parsed once per unit of work)."""
        cached = self._rules.get(facility_id)
        if cached is None:
            row = self.facilities().get(facility_id) or self.get(
                models.Facility, facility_id, "facility")
            cached = (row, FacilityRules.from_dict(row.rules))
            self._rules[facility_id] = cached
        return cached

    def facilities(self) -> dict[str, models.Facility]:
        """Every facility by id, read once per unit of work (a group has a handful)."""
        if not self._facilities:
            with self.reading(models.Facility):
                self._facilities.update((f.id, f) for f in self.session.scalars(_FACILITIES))
        return self._facilities

    def forget_facility(self, facility_id: str) -> None:
        self._rules.pop(facility_id, None)

    def quota_facility_ids(self) -> set[str]:
        """Facilities whose rules set a monthly quota (rule 9 counts their minutes), read
        from the stored rules without parsing every facility's."""
        return {fid for fid, row in self.facilities().items()
                if row.rules.get("monthly_quota_minutes") is not None}

    def lock_facility(self, facility_id: str) -> None:
        """Serialise capacity checks and booking numbers per facility on a server with row
        locks (PostgreSQL): ``SELECT … FOR NO KEY UPDATE`` on the facility row, held until
        the transaction ends, so another desk's check waits until this one's booking is
        committed and then counts it (each statement of a READ COMMITTED transaction sees
        what was committed before it started).  ``NO KEY`` leaves the row's key-share locks
        (the foreign-key checks of inserted bookings) free, so two desks cannot deadlock on
        it.  Every path that checks capacity or numbers a booking calls this first (again
        after a savepoint's rollback, which releases the locks taken inside it).

        On SQLite the ``BEGIN IMMEDIATE`` of a write unit already serialises writers.
        """
        if self.session.get_bind().dialect.name == "sqlite":
            return
        with self.session.no_autoflush:  # locks a row, reads none of ours
            self.session.execute(
                select(models.Facility.id).where(models.Facility.id == facility_id)
                .with_for_update(key_share=True)
            )

    def bookings(self, ids: list[str]) -> list[records.Booking]:
        """Booking records for ``ids``, ordered by day, start and number."""
        if not ids:
            return []
        rows = self.session.execute(
            select(models.Booking, models.Child)
            .join(models.Child, models.Child.id == models.Booking.child_id)
            .where(models.Booking.id.in_(ids))
            .order_by(models.Booking.day, models.Booking.start, models.Booking.number)
        )
        return [convert.booking(b, c) for b, c in rows]

    # -- audit ----------------------------------------------------------------------------
    def audit(
        self,
        action: str,
        entity: str,
        entity_id: str,
        before: dict[str, Any] | None = None,
        after: dict[str, Any] | None = None,
        **by: str | None,
    ) -> None:
        """Record a change in the audit log, in this same transaction (``staff_login=``
        names who acted when nobody is logged in yet: a login)."""
        appended.add(self.session, models.AuditRecord, [{
            "at": self.now, "staff_login": by.get("staff_login", self.staff_login),
            "action": action, "entity": entity, "entity_id": entity_id,
            "before": before, "after": after,
        }])
