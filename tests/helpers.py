"""Small helpers shared by the tests."""

from __future__ import annotations

from datetime import date, datetime, time
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
