"""Rows a session holds but has not written yet, by kind.

A flush of a handful of rows costs the ORM almost as much as a flush of hundreds, so a
lookup by key (a child's duplicate, a booking number, a request id) reads the database
without flushing and adds the matching rows that are still only in the session.  Rows
arrive here when added to a session and leave when they are written or rolled back.
"""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import event
from sqlalchemy.orm import Session

T = TypeVar("T")

_ADDED = "hoiku_desk.added"


def added(session: Session, kind: type[T]) -> list[T]:
    """The rows of ``kind`` added to ``session`` and not written yet, in order."""
    return list(session.info.get(_ADDED, {}).get(kind, {}).values())


def any_added(session: Session, kinds: tuple[type, ...]) -> bool:
    """Whether ``session`` holds a row of one of ``kinds`` not written yet."""
    found = session.info.get(_ADDED)
    return bool(found) and any(found.get(kind) for kind in kinds)


@event.listens_for(Session, "transient_to_pending")
def _arrived(session: Session, row: Any) -> None:
    session.info.setdefault(_ADDED, {}).setdefault(type(row), {})[id(row)] = row


@event.listens_for(Session, "pending_to_persistent")
@event.listens_for(Session, "pending_to_transient")
def _left(session: Session, row: Any) -> None:
    session.info.get(_ADDED, {}).get(type(row), {}).pop(id(row), None)
