"""The approval queue (承認待ち): requests and provisional bookings awaiting a decision."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from hoiku_desk.models.base import Base, IdMixin

ITEM_KINDS = ("registration", "interview", "booking", "regular", "cancel")
ITEM_STATUSES = ("pending", "approved", "rejected", "withdrawn")


class QueueItem(IdMixin, Base):
    """One item; ``request`` keeps the request's fields when the item holds no record yet."""

    __tablename__ = "queue_items"

    kind: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(12), default="pending")
    facility_id: Mapped[str | None] = mapped_column(ForeignKey("facilities.id"))
    child_id: Mapped[str | None] = mapped_column(ForeignKey("children.id"))
    registration_id: Mapped[str | None] = mapped_column(ForeignKey("registrations.id"))
    booking_id: Mapped[str | None] = mapped_column(ForeignKey("bookings.id"))
    plan_id: Mapped[str | None] = mapped_column(ForeignKey("regular_plans.id"))
    request_id: Mapped[str | None] = mapped_column(String(100), unique=True)
    request: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    source: Mapped[str] = mapped_column(String(12), default="phone")
    received_at: Mapped[datetime]
    decided_at: Mapped[datetime | None]
    decision_note: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        CheckConstraint(
            "kind IN ('registration', 'interview', 'booking', 'regular', 'cancel')", name="kind"
        ),
        CheckConstraint(
            "status IN ('pending', 'approved', 'rejected', 'withdrawn')", name="status"
        ),
        Index("ix_queue_items_status", "status", "facility_id"),
        # A cancellation finds the booking's queue item and the request that made it.
        Index("ix_queue_items_booking", "booking_id"),
        Index("ix_queue_items_plan", "plan_id"),
    )
