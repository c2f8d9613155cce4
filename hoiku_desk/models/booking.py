"""Bookings, regular plans, charges (cancellations, no-shows, late changes), attendance and payments."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from hoiku_desk.models.base import Base, IdMixin

BOOKING_KINDS = ("flexible", "regular", "interview")
BOOKING_STATUSES = ("pending", "confirmed", "rejected", "cancelled", "attended", "no_show")
BOOKING_SOURCES = ("phone", "walk_in", "online")
#: Statuses that occupy capacity (SPEC: pending, confirmed and attended bookings occupy capacity).
OCCUPYING = ("pending", "confirmed", "attended")
ACTIVE = ("pending", "confirmed")
PICKUP_KINDS = ("guardian", "other")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class RegularPlan(IdMixin, Base):
    """定期利用: weekdays and times between two dates, requested then approved."""

    __tablename__ = "regular_plans"

    facility_id: Mapped[str] = mapped_column(ForeignKey("facilities.id"))
    child_id: Mapped[str] = mapped_column(ForeignKey("children.id"))
    weekdays: Mapped[str] = mapped_column(String(20))  # "0,2,4"
    start: Mapped[time]
    end: Mapped[time]
    first_day: Mapped[date]
    last_day: Mapped[date]
    status: Mapped[str] = mapped_column(String(12), default="requested")
    source: Mapped[str] = mapped_column(String(12))
    pickup_kind: Mapped[str] = mapped_column(String(12), default="guardian")
    pickup_name: Mapped[str] = mapped_column(String(200), default="")
    pickup_relation: Mapped[str] = mapped_column(String(100), default="")
    pickup_phone: Mapped[str] = mapped_column(String(40), default="")
    comment: Mapped[str] = mapped_column(Text, default="")
    skipped: Mapped[str] = mapped_column(Text, default="")  # "YYYY-MM-DD\tCode\tsentence" lines
    created_at: Mapped[datetime]
    decided_at: Mapped[datetime | None]

    __table_args__ = (
        CheckConstraint('start < "end"', name="time_order"),
        CheckConstraint("first_day <= last_day", name="date_order"),
        CheckConstraint("status IN ('requested', 'approved', 'rejected')", name="status"),
        CheckConstraint(_in("source", BOOKING_SOURCES), name="source"),
    )


class Booking(IdMixin, Base):
    """A booking; ``fee_yen`` and ``hourly_fee_yen`` are fixed at the rate in force when made."""

    __tablename__ = "bookings"

    facility_id: Mapped[str] = mapped_column(ForeignKey("facilities.id"))
    child_id: Mapped[str] = mapped_column(ForeignKey("children.id"))
    kind: Mapped[str] = mapped_column(String(12))
    day: Mapped[date]
    start: Mapped[time]
    end: Mapped[time]
    status: Mapped[str] = mapped_column(String(12))
    source: Mapped[str] = mapped_column(String(12))
    fiscal_year: Mapped[int]
    number: Mapped[str] = mapped_column(String(16))
    hourly_fee_yen: Mapped[int]
    fee_yen: Mapped[int]
    pickup_kind: Mapped[str] = mapped_column(String(12), default="guardian")
    pickup_name: Mapped[str] = mapped_column(String(200), default="")
    pickup_relation: Mapped[str] = mapped_column(String(100), default="")
    pickup_phone: Mapped[str] = mapped_column(String(40), default="")
    comment: Mapped[str] = mapped_column(Text, default="")
    plan_id: Mapped[str | None] = mapped_column(ForeignKey("regular_plans.id"))
    interview_slot_id: Mapped[str | None] = mapped_column(ForeignKey("interview_slots.id"))
    registration_id: Mapped[str | None] = mapped_column(ForeignKey("registrations.id"))
    override: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]

    __table_args__ = (
        CheckConstraint('start < "end"', name="time_order"),
        CheckConstraint(_in("kind", BOOKING_KINDS), name="kind"),
        CheckConstraint(_in("status", BOOKING_STATUSES), name="status"),
        CheckConstraint(_in("source", BOOKING_SOURCES), name="source"),
        CheckConstraint(_in("pickup_kind", PICKUP_KINDS), name="pickup_kind"),
        CheckConstraint("fee_yen >= 0 AND hourly_fee_yen >= 0", name="fee_not_negative"),
        CheckConstraint("kind != 'interview' OR interview_slot_id IS NOT NULL", name="interview_slot"),
        UniqueConstraint("facility_id", "fiscal_year", "number", name="uq_bookings_number"),
        Index("ix_bookings_facility_day", "facility_id", "day", "status"),
        Index("ix_bookings_child_day", "child_id", "day"),
        Index("ix_bookings_plan", "plan_id"),
    )


class Charge(IdMixin, Base):
    """The policy outcome of a cancellation, a no-show, or the late part of a change."""

    __tablename__ = "charges"

    booking_id: Mapped[str] = mapped_column(ForeignKey("bookings.id"))
    kind: Mapped[str] = mapped_column(String(12))  # cancel | no_show | change
    reason: Mapped[str] = mapped_column(String(12))
    detail: Mapped[str] = mapped_column(Text, default="")
    late: Mapped[bool] = mapped_column(Boolean)
    minutes: Mapped[int]
    fee_yen: Mapped[int]
    quota_minutes: Mapped[int]
    day: Mapped[date]  # the day of use the charge belongs to (for the month's quota)
    waived: Mapped[bool] = mapped_column(Boolean, default=False)
    waive_reason: Mapped[str] = mapped_column(Text, default="")
    waived_by: Mapped[str | None] = mapped_column(String(64))
    waived_at: Mapped[datetime | None]
    created_by: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime]

    __table_args__ = (
        CheckConstraint("kind IN ('cancel', 'no_show', 'change')", name="kind"),
        CheckConstraint(
            "reason IN ('illness', 'family', 'facility', 'mistake', 'other', 'no_show')",
            name="reason",
        ),
        CheckConstraint("fee_yen >= 0 AND quota_minutes >= 0 AND minutes >= 0", name="amounts"),
        Index("ix_charges_booking", "booking_id"),
    )


class AttendanceMark(Base):
    """Check-in and check-out times of an attended booking, with a note (早退 etc.)."""

    __tablename__ = "attendance_marks"

    booking_id: Mapped[str] = mapped_column(
        ForeignKey("bookings.id", ondelete="CASCADE"), primary_key=True
    )
    checked_in_at: Mapped[datetime]
    checked_out_at: Mapped[datetime | None]
    note: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        CheckConstraint(
            "checked_out_at IS NULL OR checked_out_at >= checked_in_at", name="time_order"
        ),
    )


class Payment(IdMixin, Base):
    __tablename__ = "payments"

    booking_id: Mapped[str] = mapped_column(ForeignKey("bookings.id"), index=True)
    amount_yen: Mapped[int] = mapped_column(Integer)
    paid_at: Mapped[datetime]
    staff_login: Mapped[str | None] = mapped_column(String(64))

    __table_args__ = (CheckConstraint("amount_yen != 0", name="amount_not_zero"),)
