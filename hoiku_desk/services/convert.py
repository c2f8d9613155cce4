"""ORM rows → the frozen records services return."""

from __future__ import annotations

from datetime import date
from typing import Protocol

from hoiku_desk import models
from hoiku_desk.services import records
from hoiku_desk.services.rules import FacilityRules


def facility(row: models.Facility) -> records.Facility:
    return records.Facility(row.id, row.code, row.name, FacilityRules.from_dict(row.rules))


def child(row: models.Child) -> records.Child:
    guardian = row.guardian
    return records.Child(
        id=row.id, name=row.name, kana=row.kana, birth_date=row.birth_date, sex=row.sex,
        guardian_name=guardian.name, guardian_kana=guardian.kana, phone=guardian.phone,
        postal_code=guardian.postal_code, address=guardian.address, allergies=row.allergies,
        notes=row.notes,
        contacts=tuple(records.Contact(c.name, c.relation, c.phone) for c in row.contacts),
        guardian_id=guardian.id,
    )


def registration(row: models.Registration, today: date) -> records.Registration:
    status = row.status
    if status == "approved" and row.valid_until is not None and row.valid_until < today:
        status = "expired"
    return records.Registration(
        id=row.id, child_id=row.child_id, facility_id=row.facility_id, status=status,
        interviewed_on=row.interviewed_on, valid_until=row.valid_until,
        applied_at=row.applied_at, reject_reason=row.reject_reason,
    )


def pickup(row: models.Booking | models.RegularPlan) -> records.Pickup:
    if row.pickup_kind == "guardian":
        return records.Pickup()
    return records.Pickup("other", row.pickup_name, row.pickup_relation, row.pickup_phone)


def set_pickup(row: models.Booking | models.RegularPlan, value: records.Pickup | None) -> None:
    value = value or records.Pickup()
    row.pickup_kind, row.pickup_name = value.kind, value.name
    row.pickup_relation, row.pickup_phone = value.relation, value.phone


class Named(Protocol):
    """A child's names (the row, or just those columns)."""

    @property
    def name(self) -> str: ...
    @property
    def kana(self) -> str: ...


def booking(row: models.Booking, child_row: Named | None = None) -> records.Booking:
    return records.Booking(
        id=row.id, number=row.number, facility_id=row.facility_id, child_id=row.child_id,
        kind=row.kind, day=row.day, start=row.start, end=row.end, status=row.status,
        source=row.source, pickup=pickup(row), comment=row.comment, fee_yen=row.fee_yen,
        plan_id=row.plan_id,
        child_name=child_row.name if child_row else "",
        child_kana=child_row.kana if child_row else "",
        override=row.override, created_at=row.created_at,
    )


def plan(row: models.RegularPlan) -> records.RegularPlan:
    skipped = []
    for line in filter(None, row.skipped.splitlines()):
        day, code, message = line.split("\t", 2)
        skipped.append(records.SkippedDay(date.fromisoformat(day), code, message))
    return records.RegularPlan(
        id=row.id, facility_id=row.facility_id, child_id=row.child_id,
        weekdays=tuple(int(d) for d in row.weekdays.split(",") if d),
        start=row.start, end=row.end, first_day=row.first_day, last_day=row.last_day,
        status=row.status, source=row.source, pickup=pickup(row), comment=row.comment,
        skipped=tuple(skipped),
    )
