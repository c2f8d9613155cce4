"""Registrations (利用登録) of a child at a facility."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from hoiku_desk.models.base import Base, IdMixin

REGISTRATION_STATUSES = ("applied", "approved", "rejected")


class Registration(IdMixin, Base):
    """``approved`` is valid until ``valid_until``; after it the registration reads as expired."""

    __tablename__ = "registrations"

    child_id: Mapped[str] = mapped_column(ForeignKey("children.id"))
    facility_id: Mapped[str] = mapped_column(ForeignKey("facilities.id"))
    status: Mapped[str] = mapped_column(String(12), default="applied")
    interviewed_on: Mapped[date | None]
    valid_until: Mapped[date | None]
    reject_reason: Mapped[str] = mapped_column(String(500), default="")
    applied_at: Mapped[datetime]
    decided_at: Mapped[datetime | None]

    __table_args__ = (
        CheckConstraint("status IN ('applied', 'approved', 'rejected')", name="status"),
        CheckConstraint(
            "status != 'approved' OR (valid_until IS NOT NULL AND interviewed_on IS NOT NULL)",
            name="approved_has_validity",
        ),
        Index("ix_registrations_child_facility", "child_id", "facility_id"),
    )
