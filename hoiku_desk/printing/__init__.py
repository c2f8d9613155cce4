"""Printed lists: HTML built by pure functions, rendered through Qt for print preview, a
printer and PDF alike.

:mod:`.era` and :mod:`.daily_list` are Qt-free (the services and tests use them without a
display); :mod:`.font` and :mod:`.pdf` import Qt and are imported only when printing.
"""

from __future__ import annotations


class PrintingError(RuntimeError):
    """Printing cannot be done: the message is a Japanese sentence staff can read."""
