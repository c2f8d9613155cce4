"""The work that follows the window's start on a thread of its own: SQLite's check of every
page of the database, then today's backup, while staff already use the window."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QObject, QThread, Signal

from hoiku_desk.services import Desk, errors
from hoiku_desk.services.database import Stop, Stopped


class StartupChecks(QThread):
    """Checks every page of the desk's SQLite file, then takes today's backup if none was
    taken yet (a damaged database is not backed up), each on a connection of its own.
    Nothing is done on a database server. :meth:`stop` ends the work early (an unfinished
    backup leaves no file), as the program closes.

    Signals (delivered on the window's thread):
        damaged: the check found the database damaged (:attr:`damage` says how).
        backupFailed(str): today's backup could not be made; why (the system's words).
    """

    damaged = Signal()
    backupFailed = Signal(str)

    def __init__(self, desk: Desk, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startupChecks")
        self._desk = desk
        self._stop = Stop()
        #: The damage the check found (set before ``damaged``), to report as at opening.
        self.damage: errors.DatabaseUnavailable | None = None

    def run(self) -> None:
        if self._desk.path is None:
            return
        try:
            self._desk.check_integrity(stop=self._stop)
        except errors.DatabaseUnavailable as damage:
            self.damage = damage
            self.damaged.emit()
            return
        except Stopped:
            return
        try:
            self._desk.backups.daily(stop=self._stop)
        except Stopped:
            return
        except (OSError, sqlite3.Error) as failure:
            self.backupFailed.emit(str(failure))

    def stop(self) -> None:
        """End the work soon and wait for the thread to finish."""
        self._stop.set()
        self.wait()
