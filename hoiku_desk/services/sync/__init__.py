"""``desk.sync``: the only exchange with the outside world, through files (SPEC "Files")."""

from __future__ import annotations

import os
from datetime import date, datetime

from hoiku_desk.services import backups
from hoiku_desk.services.bookings import availability
from hoiku_desk.services.context import Context
from hoiku_desk.services.records import ImportReport
from hoiku_desk.services.sync import actuals, decision_file, importer
from hoiku_desk.services.csv_out import write_csv
from hoiku_desk.services.sync.request_file import Progress

AVAILABILITY_HEADER = ("facility_code", "date", "start", "capacity", "taken", "remaining")


class SyncService:
    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    def import_requests(
        self, path: str | os.PathLike[str], *, progress: Progress | None = None
    ) -> ImportReport:
        """Import a request file (CSV, UTF-8 with or without BOM or CP932) in one
        transaction: each row does what its type does at import; a malformed or refused row
        is reported by line and reason and the others still import; rows whose
        ``request_id`` was imported before (or earlier in the file) are duplicates and change
        nothing. A file that is not a request file raises :class:`errors.ImportFileError`
        and writes nothing. A backup of the database is taken first. ``progress`` (for the window's progress bar) is told the
        fraction of the file read after each row; an exception it raises (cancelling)
        undoes the whole file."""
        backups.before_import(self._ctx)
        return importer.import_requests(self._ctx, path, progress)

    def export_decisions(self, path: str | os.PathLike[str], *, since: datetime | None = None) -> int:
        """The decisions on the channels' requests (approvals, 利用承認 with ``valid_until``,
        rejections with their reason, cancellations with their policy outcome) taken since
        ``since``, or since the previous export when None, as CSV in UTF-8 with BOM; returns
        the number of rows written. The file is written whole or not at all."""
        with self._ctx.write() as uow:
            written = decision_file.export(uow, path, since)
            uow.commit()
            return written

    def export_availability(
        self, facility_id: str, from_day: date, to_day: date, path: str | os.PathLike[str]
    ) -> int:
        """Capacity, taken and remaining places of every open slot in the range (UTF-8 with
        BOM), so an online channel with live inventory never sells a place the desk gave away
        by phone; returns the number of rows written."""
        with self._ctx.read() as uow:
            facility, _ = uow.facility(facility_id)
            days = availability(uow, facility_id, from_day, to_day)
            rows = [
                (facility.code, day, slot.start, slot.capacity, slot.taken, slot.remaining)
                for day, slots in sorted(days.items())
                for slot in slots
            ]
        return write_csv(path, AVAILABILITY_HEADER, rows)

    def export_actuals(self, facility_id: str, year: int, month: int, path: str | os.PathLike[str]) -> int:
        """The month's actual use, one row per child, for the municipality's report (CSV in
        UTF-8 with BOM plus ``<name>_summary.csv`` beside it, or an .xlsx workbook when
        ``path`` ends in ``.xlsx``); returns the number of child rows written."""
        return actuals.export_actuals(self._ctx, facility_id, year, month, path)
