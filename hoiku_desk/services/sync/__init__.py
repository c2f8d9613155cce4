"""``desk.sync``: the only exchange with the outside world, through files (SPEC "Files")."""

from __future__ import annotations

import os
from datetime import date

from hoiku_desk.services.bookings import availability
from hoiku_desk.services.context import Context
from hoiku_desk.services.records import ImportReport
from hoiku_desk.services.sync import importer
from hoiku_desk.services.sync.csv_out import write_csv

AVAILABILITY_HEADER = ("facility_code", "date", "start", "capacity", "taken", "remaining")


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
