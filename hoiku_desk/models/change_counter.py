"""One number every committed change moves on: a desk tells by it whether anything was
written since it last looked, by itself or by another desk."""

from __future__ import annotations

from sqlalchemy import Integer
from sqlalchemy.orm import Mapped, mapped_column

from hoiku_desk.models.base import Base


class ChangeCounter(Base):
    __tablename__ = "change_counter"

    #: Always 1: the table holds one row, written by the first change.
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    value: Mapped[int] = mapped_column(Integer)
