"""Declarative base with a constraint naming convention (Alembic batch mode needs names)."""

from __future__ import annotations

import uuid
from functools import cache
from typing import Any

from sqlalchemy import MetaData, String, event, inspect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def new_id() -> str:
    """A fresh UUID string: every record that may cross a file has one."""
    return str(uuid.uuid4())


class IdMixin:
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)


@event.listens_for(Base, "init", propagate=True)
def _complete_new_row(row: Base, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Give a new row its id and column defaults when it is made, not when it is written:
    a service refers to it and records it in the audit log at once, and the unit of work
    writes it with the other new rows at the next flush."""
    for key, default in _python_defaults(type(row)):
        if key not in kwargs:
            kwargs[key] = default.arg(None) if default.is_callable else default.arg


@cache
def _python_defaults(model: type[Base]) -> tuple[tuple[str, Any], ...]:
    return tuple((attr.key, column.default) for attr in inspect(model).column_attrs
                 for column in attr.columns[:1]
                 if column.default is not None and (column.default.is_scalar or column.default.is_callable))


def relate_foreign_keys(base: type[Base]) -> None:
    """Give every foreign key without a relationship one that is never loaded: the unit of
    work orders the rows of one flush by relationships only, so without it a registration
    could be inserted before the child it names."""
    mappers = base.registry.mappers
    tables = {mapper.local_table: mapper for mapper in mappers}
    related = {column for mapper in mappers for rel in mapper.relationships
               for pair in rel.local_remote_pairs for column in pair}
    for mapper in mappers:
        for column in mapper.local_table.columns:
            for key in column.foreign_keys:
                if column not in related:
                    mapper.add_property(f"{column.key}_row", relationship(
                        tables[key.column.table], foreign_keys=[column], lazy="raise", cascade=""))
