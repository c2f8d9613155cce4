"""Rows that are only ever appended and never read back by the unit that writes them: the
audit log, the decision log and children's search keys.

An import of ten thousand rows appends tens of thousands of them; made and written as ORM
objects they cost more than everything else it does, and the log rows' counters make the
ORM insert them one statement each.  Queued here instead, they are written with one
``INSERT`` per table each time the session flushes (after its own rows, which they may
name) and when a unit commits or opens a savepoint; a savepoint's rollback discards what
was queued inside it (:class:`~hoiku_desk.services.uow.UnitOfWork`).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, insert
from sqlalchemy.orm import Session, UOWTransaction

_QUEUED = "hoiku_desk.appended"


def add(session: Session, kind: type, rows: list[dict[str, Any]]) -> None:
    """Queue ``rows`` of ``kind`` (every column of each, the same keys in every row) to be
    written with the session's next flush."""
    if rows:
        session.info.setdefault(_QUEUED, {}).setdefault(kind, []).extend(rows)


def holds(session: Session, kinds: tuple[type, ...]) -> bool:
    """Whether rows of one of ``kinds`` are queued and not written yet."""
    queued = session.info.get(_QUEUED)
    return bool(queued) and any(kind in queued for kind in kinds)


def write(session: Session) -> None:
    """Write the session's pending rows, then the rows queued here."""
    session.flush()
    _insert(session)


def discard(session: Session) -> None:
    """Forget the queued rows (their transaction or savepoint was rolled back)."""
    session.info.pop(_QUEUED, None)


@event.listens_for(Session, "after_flush")
def _insert(session: Session, _: UOWTransaction | None = None) -> None:
    queued = session.info.pop(_QUEUED, None)
    if queued:
        connection = session.connection()
        for kind, rows in queued.items():
            connection.execute(insert(kind), rows)
