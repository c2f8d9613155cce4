"""The change counter and log: every committed write moves the counter on and notes what
it touched under the new value, so a desk learns what was written since it last looked,
by itself or by another desk."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Integer
from sqlalchemy.orm import Mapped, mapped_column

from hoiku_desk.models.base import Base


class ChangeCounter(Base):
    __tablename__ = "change_counter"

    #: Always 1: the table holds one row, written by the first change.
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    value: Mapped[int] = mapped_column(Integer)


class ChangeRecord(Base):
    __tablename__ = "change_log"

    #: The counter's value the write committed as.
    value: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    #: What it touched (``services.changes.Touched`` as JSON).
    touched: Mapped[dict[str, Any]] = mapped_column(JSON)
