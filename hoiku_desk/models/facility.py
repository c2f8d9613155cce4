"""Facilities, their capacity settings, closures, reopened days and interview slots."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from hoiku_desk.models.base import Base, IdMixin


class Facility(IdMixin, Base):
    """One program at one site; its rules are the JSON form of ``FacilityRules``."""

    __tablename__ = "facilities"

    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    rules: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime]

    __table_args__ = (CheckConstraint("length(code) > 0", name="code_not_empty"),)


class CapacitySetting(Base):
    """A capacity for a weekday or a date, optionally for a time range; the latest wins."""

    __tablename__ = "capacity_settings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    facility_id: Mapped[str] = mapped_column(ForeignKey("facilities.id", ondelete="CASCADE"))
    capacity: Mapped[int]
    weekday: Mapped[int | None]
    on_date: Mapped[date | None]
    start: Mapped[time | None]
    end: Mapped[time | None]
    created_at: Mapped[datetime]

    __table_args__ = (
        CheckConstraint("capacity >= 0", name="capacity_not_negative"),
        CheckConstraint("weekday IS NULL OR weekday BETWEEN 0 AND 6", name="weekday_range"),
        CheckConstraint("NOT (weekday IS NOT NULL AND on_date IS NOT NULL)", name="one_level"),
        CheckConstraint('start IS NULL OR "end" IS NULL OR start < "end"', name="time_order"),
        Index("ix_capacity_settings_lookup", "facility_id", "on_date", "weekday"),
    )


class Closure(IdMixin, Base):
    """A closure set by the admin: the whole day, or from ``from_time`` onward."""

    __tablename__ = "closures"

    facility_id: Mapped[str] = mapped_column(ForeignKey("facilities.id", ondelete="CASCADE"))
    day: Mapped[date]
    from_time: Mapped[time | None]
    reason: Mapped[str] = mapped_column(String(500))
    created_at: Mapped[datetime]

    __table_args__ = (Index("ix_closures_facility_day", "facility_id", "day"),)


class OpenedDay(Base):
    """A day opened explicitly although the calendar closes it (holiday, year end, weekday)."""

    __tablename__ = "opened_days"

    facility_id: Mapped[str] = mapped_column(
        ForeignKey("facilities.id", ondelete="CASCADE"), primary_key=True
    )
    day: Mapped[date] = mapped_column(primary_key=True)
    created_at: Mapped[datetime]


class InterviewSlot(IdMixin, Base):
    """A time at which the facility interviews one (or a few) families."""

    __tablename__ = "interview_slots"

    facility_id: Mapped[str] = mapped_column(ForeignKey("facilities.id", ondelete="CASCADE"))
    day: Mapped[date]
    start: Mapped[time]
    end: Mapped[time]
    capacity: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime]

    __table_args__ = (
        CheckConstraint('start < "end"', name="time_order"),
        CheckConstraint("capacity >= 1", name="capacity_positive"),
        UniqueConstraint("facility_id", "day", "start", name="uq_interview_slots_time"),
    )
