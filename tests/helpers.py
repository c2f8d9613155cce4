"""Small helpers shared by the tests."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import pytest

#: Monday 2 March 2026, 09:00 — the day of the sample request files.
NOW = datetime(2026, 3, 2, 9, 0)
TUESDAY = date(2026, 3, 3)


def t(text: str) -> time:
    """'09:30' → time(9, 30)."""
    return time.fromisoformat(text)


def counted_calls(monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> list[tuple[Any, ...]]:
    """The arguments of every call of ``owner.name`` from now on (the calls still run)."""
    calls: list[tuple[Any, ...]] = []
    original = getattr(owner, name)

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls.append(args)
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, counting)
    return calls


def damage(path: Path, table: str | None = None) -> None:
    """Overwrite one page of the closed SQLite file at ``path`` as a failing disk would: the
    first page of ``table`` (found only by the check of every page), or without a table the
    schema's page (found as soon as the file is opened)."""
    with closing(sqlite3.connect(path)) as connection:
        size = connection.execute("PRAGMA page_size").fetchone()[0]
        page = 1 if table is None else connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).fetchone()[0]
    data = bytearray(path.read_bytes())
    first = (page - 1) * size + (100 if page == 1 else 0)  # the file's header stays: still SQLite
    for offset in range(first, page * size, 7):
        data[offset] = 0xA5
    path.write_bytes(bytes(data))
