"""``desk.staff`` and logging in: accounts with a role, Argon2id passwords, and a pause
after repeated failed logins.

Until the first account exists the program acts as the built-in administrator; the first
account must be an admin. Passwords are hashed with Argon2id (argon2-cffi's defaults:
64 MiB, 3 passes) and never stored, logged or audited in clear.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select

from hoiku_desk import models
from hoiku_desk.services import errors
from hoiku_desk.services.audit import snapshot
from hoiku_desk.services.context import Context
from hoiku_desk.services.records import Staff
from hoiku_desk.services.uow import UnitOfWork

ROLES = models.staff.ROLES
MIN_PASSWORD_LENGTH = 8
LOGIN_PATTERN = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
#: Failed logins in a row before each further attempt must wait, and how long at most.
FREE_ATTEMPTS = 3
FIRST_PAUSE = timedelta(seconds=15)
LONGEST_PAUSE = timedelta(minutes=15)

#: Module-level so tests can swap in cheap parameters; production keeps the defaults.
hasher = PasswordHasher()


def _record(row: models.StaffAccount) -> Staff:
    return Staff(id=row.id, login=row.login, name=row.name, role=row.role, active=row.active)


def _audited(row: models.StaffAccount) -> dict[str, object]:
    return snapshot(row, "password_hash")


def _check_password(password: str, login: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH or password == login:
        raise errors.InvalidInput(field="password", value="", reason="password_short")


def pause_after(failures: int) -> timedelta:
    """How long the next attempt waits after ``failures`` failed logins in a row."""
    if failures < FREE_ATTEMPTS:
        return timedelta(0)
    return min(FIRST_PAUSE * 2 ** (failures - FREE_ATTEMPTS), LONGEST_PAUSE)


def _seconds_until(moment: datetime, now: datetime) -> int:
    return max(1, int((moment - now).total_seconds() + 0.999))


class StaffService:
    """``desk.staff``: accounts (admin only, except the very first, which must be an admin)."""

    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    def add(self, login: str, name: str, password: str, role: str = "staff") -> Staff:
        login, name = login.strip(), name.strip()
        if not LOGIN_PATTERN.match(login):
            raise errors.InvalidInput(field="login", value=login, reason="login_chars")
        if not name:
            raise errors.InvalidInput(field="name", value=name, reason="required")
        if role not in ROLES:
            raise errors.InvalidInput(field="role", value=role, reason="choice")
        _check_password(password, login)
        with self._ctx.write() as uow:
            first = uow.session.scalar(select(func.count()).select_from(models.StaffAccount)) == 0
            if first and role != "admin":
                raise errors.InvalidInput(field="role", value=role, reason="first_admin")
            if not first:
                uow.require_admin("manage_staff")
            if uow.session.scalar(select(models.StaffAccount.id).where(
                    func.lower(models.StaffAccount.login) == login.lower())) is not None:
                raise errors.InvalidInput(field="login", value=login, reason="duplicate_login")
            row = models.StaffAccount(
                login=login, name=name, role=role, password_hash=hasher.hash(password),
                active=True, failed_logins=0, created_at=uow.now, password_changed_at=uow.now,
            )
            uow.session.add(row)
            uow.audit("staff.add", "staff", row.id, None, _audited(row))
            uow.commit()
            return _record(row)

    def list(self) -> list[Staff]:
        """Every account, by login."""
        with self._ctx.read() as uow:
            rows = uow.session.scalars(select(models.StaffAccount).order_by(models.StaffAccount.login))
            return [_record(r) for r in rows]

    def get(self, id: str) -> Staff:
        with self._ctx.read() as uow:
            return _record(uow.get(models.StaffAccount, id, "staff"))

    def set_password(self, id: str, password: str) -> None:
        """A new password: one's own, or anyone's by an admin."""
        with self._ctx.write() as uow:
            row = uow.get(models.StaffAccount, id, "staff")
            if self._ctx.staff is None or self._ctx.staff.id != id:
                uow.require_admin("manage_staff")
            _check_password(password, row.login)
            before = _audited(row)
            row.password_hash = hasher.hash(password)
            row.password_changed_at = uow.now
            row.failed_logins, row.locked_until = 0, None
            uow.audit("staff.password", "staff", row.id, before, _audited(row))
            uow.commit()

    def update(self, id: str, *, name: str | None = None, role: str | None = None,
               active: bool | None = None) -> Staff:
        """Rename, change the role, or (de)activate an account (admin); the last active
        admin can be neither demoted nor deactivated."""
        if role is not None and role not in ROLES:
            raise errors.InvalidInput(field="role", value=role, reason="choice")
        with self._ctx.write() as uow:
            uow.require_admin("manage_staff")
            row = uow.get(models.StaffAccount, id, "staff")
            before = _audited(row)
            if name is not None:
                if not name.strip():
                    raise errors.InvalidInput(field="name", value=name, reason="required")
                row.name = name.strip()
            if role is not None:
                row.role = role
            if active is not None:
                row.active = active
            uow.session.flush()
            if not uow.session.scalar(select(models.StaffAccount.id).where(
                    models.StaffAccount.role == "admin", models.StaffAccount.active.is_(True)).limit(1)):
                raise errors.InvalidInput(field="role", value=row.login, reason="last_admin")
            uow.audit("staff.update", "staff", row.id, before, _audited(row))
            uow.commit()
            if self._ctx.staff is not None and self._ctx.staff.id == id:
                self._ctx.staff = _record(row)
            return _record(row)


def authenticate(ctx: Context, login: str, password: str) -> Staff:
    """The active account ``login`` if ``password`` is its password; otherwise
    :class:`errors.AuthenticationFailed`, counting the failure. After
    :data:`FREE_ATTEMPTS` failures in a row each attempt must wait (15 s, doubling, at
    most 15 minutes), and while it waits even the right password is refused."""
    with ctx.write(checked=False) as uow:
        row = uow.session.scalar(select(models.StaffAccount).where(
            func.lower(models.StaffAccount.login) == login.strip().lower()))
        if row is None or not row.active:
            _verify(None, password)  # the same work as a real check: no timing hint
            _failed(uow, login, None)
            raise errors.AuthenticationFailed(login=login)
        if row.locked_until is not None and row.locked_until > uow.now:
            raise errors.AuthenticationFailed(login=login,
                                              wait_seconds=_seconds_until(row.locked_until, uow.now))
        if not _verify(row.password_hash, password):
            row.failed_logins += 1
            pause = pause_after(row.failed_logins)
            row.locked_until = uow.now + pause if pause else None
            _failed(uow, login, row)
            raise errors.AuthenticationFailed(
                login=login, wait_seconds=int(pause.total_seconds()) if pause else 0)
        row.failed_logins, row.locked_until = 0, None
        if hasher.check_needs_rehash(row.password_hash):
            row.password_hash = hasher.hash(password)
        uow.audit("staff.login", "staff", row.id, None, {"login": row.login}, staff_login=row.login)
        uow.commit()
        return _record(row)


_DUMMY_HASH: list[str] = []


def _verify(stored: str | None, password: str) -> bool:
    if stored is None:
        if not _DUMMY_HASH:
            _DUMMY_HASH.append(hasher.hash("not a password"))
        stored = _DUMMY_HASH[0]
        password = password + "\x00"  # never matches
    try:
        return hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def _failed(uow: UnitOfWork, login: str, row: models.StaffAccount | None) -> None:
    """Count and audit a failed login (in its own committed transaction)."""
    uow.audit("staff.login_failed", "staff", row.id if row else "", None,
              {"login": login[:64], "failed_logins": row.failed_logins if row else None},
              staff_login=None)
    uow.commit()
