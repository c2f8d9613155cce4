"""The audit trail: snapshots of records, and reading the log back."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from sqlalchemy import inspect, select

from hoiku_desk import models
from hoiku_desk.services.context import Context
from hoiku_desk.services.records import AuditEntry


def snapshot(record: object, *exclude: str) -> dict[str, Any]:
    """A record's column values as JSON-ready data, for the before/after of an audit row."""
    out: dict[str, Any] = {}
    for attr in inspect(record).mapper.column_attrs:
        if attr.key in exclude:
            continue
        out[attr.key] = jsonable(getattr(record, attr.key))
    return out


def jsonable(value: Any) -> Any:
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    return value


class AuditService:
    """``desk.audit``: the log of every change."""

    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    def entries(
        self,
        *,
        since: datetime | None = None,
        staff_login: str | None = None,
        action: str | None = None,
    ) -> list[AuditEntry]:
        """Entries oldest first, filtered by time, staff login and action."""
        query = select(models.AuditRecord).order_by(models.AuditRecord.id)
        if since is not None:
            query = query.where(models.AuditRecord.at >= since)
        if staff_login is not None:
            query = query.where(models.AuditRecord.staff_login == staff_login)
        if action is not None:
            query = query.where(models.AuditRecord.action == action)
        with self._ctx.read() as uow:
            return [
                AuditEntry(
                    at=r.at, staff_login=r.staff_login, action=r.action, entity=r.entity,
                    entity_id=r.entity_id, before=r.before, after=r.after,
                )
                for r in uow.session.scalars(query)
            ]
