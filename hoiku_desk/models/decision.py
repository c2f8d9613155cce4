"""The decision log: what became of each request a channel sent, for the decision file."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from hoiku_desk.models.base import Base, IdMixin

DECISION_KINDS = ("registration", "usage_approval", "interview", "booking", "regular", "cancel")
DECISIONS = ("approved", "rejected", "cancelled")


class Decision(Base):
    """One decision on a request; ``seq`` orders them for "since the previous export"."""

    __tablename__ = "decisions"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    request_id: Mapped[str] = mapped_column(String(100), index=True)
    facility_id: Mapped[str | None] = mapped_column(ForeignKey("facilities.id"))
    kind: Mapped[str] = mapped_column(String(16))
    decision: Mapped[str] = mapped_column(String(12))
    booking_number: Mapped[str] = mapped_column(String(16), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    valid_until: Mapped[date | None]
    late: Mapped[bool | None] = mapped_column(Boolean)
    fee_yen: Mapped[int | None]
    quota_minutes: Mapped[int | None]
    decided_at: Mapped[datetime] = mapped_column(index=True)

    __table_args__ = (
        CheckConstraint(
            "kind IN ('registration', 'usage_approval', 'interview', 'booking', 'regular', 'cancel')",
            name="kind",
        ),
        CheckConstraint("decision IN ('approved', 'rejected', 'cancelled')", name="decision"),
        {"sqlite_autoincrement": True},  # a seq is never reused, so "since" never skips one
    )


class DecisionExport(IdMixin, Base):
    """A decision file written: the next export without ``since`` starts after ``last_seq``."""

    __tablename__ = "decision_exports"

    exported_at: Mapped[datetime]
    path: Mapped[str] = mapped_column(Text)
    since: Mapped[datetime | None]
    last_seq: Mapped[int]
    rows: Mapped[int]
    staff_login: Mapped[str | None] = mapped_column(String(64))
