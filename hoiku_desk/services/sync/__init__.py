"""``desk.sync``: the only exchange with the outside world, through files (SPEC "Files")."""

from __future__ import annotations

import os

from hoiku_desk.services.context import Context
from hoiku_desk.services.records import ImportReport
from hoiku_desk.services.sync import importer


class SyncService:
    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    def import_requests(self, path: str | os.PathLike[str]) -> ImportReport:
        """Import a request file (CSV, UTF-8 with or without BOM or CP932) in one
        transaction: each row does what its type does at import; a malformed or refused row
        is reported by line and reason and the others still import; rows whose
        ``request_id`` was imported before (or earlier in the file) are duplicates and change
        nothing. A file that is not a request file raises :class:`errors.ImportFileError`
        and writes nothing."""
        return importer.import_requests(self._ctx, path)
