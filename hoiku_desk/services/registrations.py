"""``desk.registrations``: 利用登録 per child and facility, valid to the fiscal year's end."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import select

from hoiku_desk import models
from hoiku_desk.services import convert, decisions, errors
from hoiku_desk.services.audit import snapshot
from hoiku_desk.services.clock import fiscal_year_end
from hoiku_desk.services.context import Context
from hoiku_desk.services.records import Registration
from hoiku_desk.services.uow import UnitOfWork


def current_registration(
    uow: UnitOfWork, child_id: str, facility_id: str
) -> models.Registration | None:
    """The child's registration at the facility that is still open or valid today."""
    rows: Sequence[models.Registration] = ()
    if not uow.added(models.Child, id=child_id):  # a child not written yet has none written
        with uow.looking_up(models.Registration):
            rows = uow.session.scalars(
                select(models.Registration).where(
                    models.Registration.child_id == child_id,
                    models.Registration.facility_id == facility_id,
                    models.Registration.status.in_(("applied", "approved")),
                )
            ).all()
    for row in (*rows, *uow.added(models.Registration, child_id=child_id, facility_id=facility_id)):
        if row.status == "applied" or (row.valid_until is not None and row.valid_until >= uow.today):
            return row
    return None


def create_application(uow: UnitOfWork, child_id: str, facility_id: str) -> models.Registration:
    """An ``applied`` registration; refused while another is applied or approved and valid."""
    facility, _ = uow.facility(facility_id)
    uow.require(models.Child, child_id, "child")
    if current_registration(uow, child_id, facility_id) is not None:
        child = uow.get(models.Child, child_id)
        raise errors.DuplicateRegistration(child_name=child.name, facility_name=facility.name)
    row = models.Registration(
        child_id=child_id, facility_id=facility_id, status="applied", applied_at=uow.now
    )
    uow.session.add(row)
    uow.audit("registration.apply", "registration", row.id, None, snapshot(row))
    return row


def _log_usage_decision(uow: UnitOfWork, row: models.Registration, decision: str, **logged: Any) -> None:
    """利用承認 (or its refusal) answers the registration request that applied, if one did."""
    item = uow.session.scalar(select(models.QueueItem).where(
        models.QueueItem.registration_id == row.id, models.QueueItem.kind == "registration",
        models.QueueItem.request_id.is_not(None),
    ).limit(1))
    if item is not None:
        decisions.record(uow, item, decision, kind="usage_approval", **logged)


class RegistrationService:
    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    def apply(self, child_id: str, facility_id: str) -> Registration:
        with self._ctx.write() as uow:
            row = create_application(uow, child_id, facility_id)
            uow.commit()
            return convert.registration(row, uow.today)

    def approve(self, id: str, *, interviewed_on: date) -> Registration:
        """利用承認 after the interview: valid until 31 March of the interview's fiscal year."""
        with self._ctx.write() as uow:
            row = uow.get(models.Registration, id, "registration")
            if row.status != "applied":
                raise errors.InvalidState(what="registration", status=row.status, action="approve")
            if interviewed_on > uow.today:
                raise errors.InvalidInput(field="interviewed_on", value=str(interviewed_on),
                                          reason="future_date")
            before = snapshot(row)
            row.status = "approved"
            row.interviewed_on = interviewed_on
            row.valid_until = fiscal_year_end(interviewed_on)
            row.decided_at = uow.now
            uow.audit("registration.approve", "registration", id, before, snapshot(row))
            _log_usage_decision(uow, row, "approved", valid_until=row.valid_until)
            uow.commit()
            return convert.registration(row, uow.today)

    def reject(self, id: str, reason: str) -> Registration:
        if not reason.strip():
            raise errors.InvalidInput(field="reason", value=reason, reason="reason_required")
        with self._ctx.write() as uow:
            row = uow.get(models.Registration, id, "registration")
            if row.status != "applied":
                raise errors.InvalidState(what="registration", status=row.status, action="reject")
            before = snapshot(row)
            row.status = "rejected"
            row.reject_reason = reason.strip()
            row.decided_at = uow.now
            uow.audit("registration.reject", "registration", id, before, snapshot(row))
            _log_usage_decision(uow, row, "rejected", reason=reason)
            uow.commit()
            return convert.registration(row, uow.today)

    def get(self, id: str) -> Registration:
        with self._ctx.read() as uow:
            return convert.registration(uow.get(models.Registration, id, "registration"), uow.today)

    def for_child(self, child_id: str) -> list[Registration]:
        """The child's registrations, newest first."""
        with self._ctx.read() as uow:
            uow.require(models.Child, child_id, "child")
            rows = uow.session.scalars(
                select(models.Registration)
                .where(models.Registration.child_id == child_id)
                .order_by(models.Registration.applied_at.desc())
            )
            return [convert.registration(r, uow.today) for r in rows]

    def for_facility(self, facility_id: str, *, status: str | None = None) -> list[Registration]:
        """The facility's registrations (optionally of one status, ``expired`` included)."""
        with self._ctx.read() as uow:
            rows = uow.session.scalars(
                select(models.Registration)
                .where(models.Registration.facility_id == facility_id)
                .order_by(models.Registration.applied_at)
            )
            found = [convert.registration(r, uow.today) for r in rows]
            return [r for r in found if status is None or r.status == status]
