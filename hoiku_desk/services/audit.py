"""The audit trail: snapshots of records, and reading the log back."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import inspect, or_, select

from hoiku_desk import models
from hoiku_desk.services.context import Context
from hoiku_desk.services.csv_out import write_csv
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
        action: str | Sequence[str] | None = None,
        until: datetime | None = None,
        child_id: str | None = None,
    ) -> list[AuditEntry]:
        """Entries oldest first, filtered by time (``since`` ≤ at < ``until``), staff
        login, action (``"booking.cancel"``, a prefix ending in a dot: ``"booking."``, or
        several of either) and child (the child's own record and its registrations, bookings, plans and
        their charges, payments and queue items)."""
        query = select(models.AuditRecord).order_by(models.AuditRecord.id)
        if since is not None:
            query = query.where(models.AuditRecord.at >= since)
        if until is not None:
            query = query.where(models.AuditRecord.at < until)
        if staff_login is not None:
            query = query.where(models.AuditRecord.staff_login == staff_login)
        if action is not None:
            column = models.AuditRecord.action
            wanted = (action,) if isinstance(action, str) else tuple(action)
            query = query.where(or_(*(
                column.startswith(a) if a.endswith(".") else column == a for a in wanted)))
        with self._ctx.read() as uow:
            if child_id is not None:
                query = query.where(models.AuditRecord.entity_id.in_(_child_entity_ids(uow, child_id)))
            return [
                AuditEntry(
                    at=r.at, staff_login=r.staff_login, action=r.action, entity=r.entity,
                    entity_id=r.entity_id, before=r.before, after=r.after,
                )
                for r in uow.session.scalars(query)
            ]

    def export(self, path: str | os.PathLike[str], **filters: Any) -> int:
        """The entries :meth:`entries` selects as CSV (UTF-8 with BOM; before and after
        as JSON); returns the number of rows. It holds personal data."""
        rows = (
            (e.at, e.staff_login or "", e.action, e.entity, e.entity_id, _json(e.before), _json(e.after))
            for e in self.entries(**filters)
        )
        return write_csv(path, ("at", "staff_login", "action", "entity", "entity_id", "before", "after"), rows)


def _json(value: dict[str, Any] | None) -> str:
    return "" if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def _child_entity_ids(uow: Any, child_id: str) -> list[str]:
    """The ids of every record about the child that the audit log names."""
    booking_ids = select(models.Booking.id).where(models.Booking.child_id == child_id)
    ids = [child_id]
    for query in (
        booking_ids,
        select(models.Registration.id).where(models.Registration.child_id == child_id),
        select(models.RegularPlan.id).where(models.RegularPlan.child_id == child_id),
        select(models.QueueItem.id).where(models.QueueItem.child_id == child_id),
        select(models.Charge.id).where(models.Charge.booking_id.in_(booking_ids)),
        select(models.Payment.id).where(models.Payment.booking_id.in_(booking_ids)),
    ):
        ids.extend(uow.session.scalars(query))
    return ids
