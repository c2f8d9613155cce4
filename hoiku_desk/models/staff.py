"""Staff accounts: who may log in, with which role."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, String
from sqlalchemy.orm import Mapped, mapped_column

from hoiku_desk.models.base import Base, IdMixin

ROLES = ("staff", "admin")


class StaffAccount(IdMixin, Base):
    """A login; ``password_hash`` is an Argon2id hash (with its salt and parameters)."""

    __tablename__ = "staff"

    login: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(8))
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[datetime | None]
    created_at: Mapped[datetime]
    password_changed_at: Mapped[datetime]

    __table_args__ = (
        CheckConstraint("role IN ('staff', 'admin')", name="role"),
        CheckConstraint("failed_logins >= 0", name="failed_logins"),
    )
