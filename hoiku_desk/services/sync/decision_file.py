"""The decision file (SPEC "Decision file"): the logged decisions since the previous export."""

from __future__ import annotations

import os
from datetime import datetime

from sqlalchemy import func, select

from hoiku_desk import models
from hoiku_desk.services.csv_out import write_csv
from hoiku_desk.services.uow import UnitOfWork

HEADER = ("request_id", "kind", "decision", "booking_number", "reason", "valid_until", "late",
          "fee_yen", "quota_minutes", "decided_at")


def export(uow: UnitOfWork, path: str | os.PathLike[str], since: datetime | None) -> int:
    """Write the decisions taken since ``since`` (None: since the previous export) and
    remember the export; returns the number of rows written."""
    previous = uow.session.scalar(select(func.max(models.DecisionExport.last_seq))) or 0
    query = select(models.Decision).order_by(models.Decision.seq)
    if since is None:
        query = query.where(models.Decision.seq > previous)
    else:
        query = query.where(models.Decision.decided_at >= since)
    found = list(uow.session.scalars(query))
    newest = uow.session.scalar(select(func.max(models.Decision.seq))) or 0
    written = write_csv(path, HEADER, (
        (d.request_id, d.kind, d.decision, d.booking_number, d.reason, d.valid_until, d.late,
         d.fee_yen, d.quota_minutes, d.decided_at)
        for d in found
    ))
    export_row = models.DecisionExport(
        exported_at=uow.now, path=str(path), since=since, last_seq=max(previous, newest),
        rows=written, staff_login=uow.staff_login,
    )
    uow.session.add(export_row)
    uow.audit("sync.export_decisions", "decision_export", export_row.id, None,
              {"path": str(path), "rows": written, "since": since.isoformat() if since else None})
    return written
