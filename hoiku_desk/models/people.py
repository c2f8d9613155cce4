"""Guardians, children and their emergency contacts."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hoiku_desk.models.base import Base, IdMixin

SEXES = ("female", "male", "unspecified")


class Guardian(IdMixin, Base):
    __tablename__ = "guardians"

    name: Mapped[str] = mapped_column(String(200))
    kana: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40))
    phone_digits: Mapped[str] = mapped_column(String(40), index=True)
    postal_code: Mapped[str] = mapped_column(String(10), default="")
    address: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime]


class Child(IdMixin, Base):
    """A child; ``kana_key`` is the normalised kana that, with the birth date, identifies it."""

    __tablename__ = "children"

    guardian_id: Mapped[str] = mapped_column(ForeignKey("guardians.id"))
    name: Mapped[str] = mapped_column(String(200))
    kana: Mapped[str] = mapped_column(String(200))
    kana_key: Mapped[str] = mapped_column(String(200))
    birth_date: Mapped[date]
    sex: Mapped[str] = mapped_column(String(12))
    allergies: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]

    guardian: Mapped[Guardian] = relationship(lazy="joined")
    contacts: Mapped[list[EmergencyContact]] = relationship(
        order_by="EmergencyContact.position", cascade="all, delete-orphan", lazy="selectin"
    )

    __table_args__ = (
        CheckConstraint("sex IN ('female', 'male', 'unspecified')", name="sex"),
        CheckConstraint("length(kana_key) > 0", name="kana_not_empty"),
        Index("uq_children_kana_key_birth_date", "kana_key", "birth_date", unique=True),
    )


class EmergencyContact(Base):
    __tablename__ = "emergency_contacts"

    child_id: Mapped[str] = mapped_column(
        ForeignKey("children.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    relation: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    phone_digits: Mapped[str] = mapped_column(String(40), default="", index=True)

    __table_args__ = (CheckConstraint("position BETWEEN 1 AND 3", name="position_range"),)


class ChildSearchKey(Base):
    """Normalised search keys of a child (kana and name, whole and by part; ``#`` + phone
    digits), so that a prefix search is an index range scan."""

    __tablename__ = "child_search_keys"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    child_id: Mapped[str] = mapped_column(
        ForeignKey("children.id", ondelete="CASCADE"), primary_key=True, index=True
    )
