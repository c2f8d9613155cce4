"""The watched inbox folder (受信フォルダ): request files the online channels save in a folder
are imported as they arrive, without anyone choosing them.

A file is taken once it has stopped growing (the same size and time on two looks at least
``settle_ms`` apart: a channel may still be writing it). Imported — even with rows not
imported — it moves to ``<inbox>/取り込み済み/YYYYMMDD-HHMMSS_<name>``, its rejected rows
written beside it as ``<archived name>.rejected.txt`` for staff to send to the channel; a
file that is not a request file moves to ``<inbox>/エラー/``. Only ``*.csv`` files count:
hidden or temporary files (``.…``, ``~$…``), empty files and the two sub-folders are left
alone. The folder is watched with :class:`QFileSystemWatcher` and also looked at every
``poll_ms`` (network folders miss notifications). Imports run in the GUI thread through
``ctx.run`` (so the approval list refreshes through ``changed``), never while a modal dialog
is open — an import then may be holding its own transaction.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path
from stat import S_ISREG

from PySide6.QtCore import QFileSystemWatcher, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication

from hoiku_desk import messages
from hoiku_desk.services import errors
from hoiku_desk.services.records import ImportReport
from hoiku_desk.views.context import ViewContext

ARCHIVE = "取り込み済み"
ERRORS = "エラー"
# How long a file must keep its size before it is taken (milliseconds).
SETTLE_MS = 1_000
# How often the folder is looked at without a notification (milliseconds).
POLL_MS = 30_000
IGNORED_PREFIXES = (".", "~$")
# Why an ImportFileError says a file is not a request file (others: unreadable, cancelled).
NOT_REQUEST_FILE = ("undecodable", "no_header", "missing_columns")
# The suffix of the file listing the rows of an archived file that were not imported.
REJECTED_SUFFIX = ".rejected.txt"


@dataclass(frozen=True)
class _Look:
    """A file as last seen: its size and time, and when (monotonic seconds) it was first
    seen so."""

    size: int
    mtime_ns: int
    since: float


def candidates(folder: Path) -> list[tuple[Path, os.stat_result]]:
    """The folder's ``*.csv`` files that are neither hidden nor Office lock files, by name,
    with their size and time; none when the folder cannot be read (a network share gone)."""
    found = []
    try:
        for path in sorted(folder.iterdir()):
            if path.suffix.lower() == ".csv" and not path.name.startswith(IGNORED_PREFIXES):
                stat = path.stat()
                if S_ISREG(stat.st_mode):
                    found.append((path, stat))
    except OSError:  # the folder went away, or a file did between listing and looking
        return []
    return found


def not_a_request_file(error: Exception | None) -> bool:
    return isinstance(error, errors.ImportFileError) and error.data.get("reason") in NOT_REQUEST_FILE


class InboxWatcher(QObject):
    """Imports the request files saved in one folder (see the module's description).

    Signals:
        imported(str file_name, object report): a file was imported (``report`` is its
            :class:`ImportReport`); it is moved to 取り込み済み right after.
        failed(str file_name, str sentence): a file was not imported (moved to エラー when
            it is not a request file, else left where it is and not tried again until it
            changes), or was imported but could not be moved away; the sentence says which.
    """

    imported = Signal(str, object)
    failed = Signal(str, str)

    def __init__(self, ctx: ViewContext, parent: QObject | None = None, *,
                 settle_ms: int = SETTLE_MS, poll_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        self.setObjectName("inboxWatcher")
        self.ctx = ctx
        self.settle_ms = settle_ms
        self._folder: Path | None = None
        self._looks: dict[str, _Look] = {}
        self._given_up: set[tuple[str, int, int]] = set()  # (name, size, mtime_ns) left in place
        self._notifier = QFileSystemWatcher(self)
        self._notifier.directoryChanged.connect(lambda _path: self.look())
        self._poll = QTimer(self)
        self._poll.setInterval(poll_ms)
        self._poll.timeout.connect(self.look)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setTimerType(Qt.TimerType.PreciseTimer)
        self._settle.timeout.connect(self.look)

    @property
    def folder(self) -> Path | None:
        """The folder watched, or None when the inbox is off."""
        return self._folder

    def is_watching(self) -> bool:
        return self._folder is not None

    def watch(self, folder: Path) -> None:
        """Watch ``folder`` (instead of any other) and look at it now; a folder that does
        not exist (a network share not yet connected) is looked for at every poll."""
        self.stop()
        self._folder = folder
        self._poll.start()
        self.look()

    def stop(self) -> None:
        """Stop watching: nothing more is imported until :meth:`watch`."""
        self._folder = None
        self._poll.stop()
        self._settle.stop()
        if self._notifier.directories():
            self._notifier.removePaths(self._notifier.directories())
        self._looks.clear()
        self._given_up.clear()

    # -- looking --------------------------------------------------------------------------
    def look(self) -> None:
        """Look at the folder once: note each file's size, take those that kept theirs for
        ``settle_ms``, and look again later while some are still settling."""
        folder = self._folder
        if folder is None or not folder.is_dir():
            return
        if QApplication.activeModalWidget() is not None:
            self._settle.start(self.settle_ms)
            return
        if str(folder) not in self._notifier.directories():
            self._notifier.addPath(str(folder))
        now = time.monotonic()
        files = candidates(folder)
        settling = False
        for path, stat in files:
            if stat.st_size == 0 or (path.name, stat.st_size, stat.st_mtime_ns) in self._given_up:
                continue
            if self._settled(path.name, stat, now):
                self._take(path, stat)
            else:
                settling = True
        present = {path.name for path, _stat in files}
        self._looks = {name: seen for name, seen in self._looks.items() if name in present}
        if settling:
            self._settle.start(self.settle_ms)

    def _settled(self, name: str, stat: os.stat_result, now: float) -> bool:
        """Whether the file kept its size and time since a look ``settle_ms`` ago or more."""
        seen = self._looks.get(name)
        if seen is None or (seen.size, seen.mtime_ns) != (stat.st_size, stat.st_mtime_ns):
            self._looks[name] = _Look(stat.st_size, stat.st_mtime_ns, now)
            return False
        return (now - seen.since) * 1000 >= self.settle_ms

    # -- taking a file ----------------------------------------------------------------------
    def _take(self, path: Path, stat: os.stat_result) -> None:
        """Import one file and file it away; say what happened through the signals."""
        self._looks.pop(path.name, None)
        outcome = self.ctx.run(self.ctx.desk.sync.import_requests, path)
        report = outcome.value
        if isinstance(report, ImportReport):
            self.imported.emit(path.name, report)
            self._archive(path, stat, report)
        elif not_a_request_file(outcome.error):
            if self._file_away(path, stat, ERRORS) is not None:
                moved = self.tr("It was moved to the folder “%1”.").replace("%1", ERRORS)
                self.failed.emit(path.name, f"{outcome.message} {moved}")
        else:
            self._given_up.add((path.name, stat.st_size, stat.st_mtime_ns))
            self.failed.emit(path.name, outcome.message)

    def _archive(self, path: Path, stat: os.stat_result, report: ImportReport) -> None:
        """Move an imported file to 取り込み済み, its rejected rows listed beside it."""
        archived = self._file_away(path, stat, ARCHIVE)
        if archived is None or not report.rejected:
            return
        lines = [messages.rejected_row(line, reason, self.ctx.lang)
                 for line, reason in sorted(report.rejected)]
        note = archived.with_name(archived.name + REJECTED_SUFFIX)
        try:
            note.write_text("\n".join(lines) + "\n", encoding="utf-8-sig", newline="\r\n")
        except OSError as failure:
            self.failed.emit(path.name, self.tr("The rows of “%1” that were not imported could not be "
                                                "written to “%2” (%3).")
                             .replace("%1", path.name).replace("%2", str(note))
                             .replace("%3", failure.strerror or str(failure)))

    def _file_away(self, path: Path, stat: os.stat_result, sub_folder: str) -> Path | None:
        """Move ``path`` into ``sub_folder`` of the inbox as ``YYYYMMDD-HHMMSS_<name>`` (a
        number added if that exists). When it cannot be moved: None, ``failed``, and the
        file is not tried again while it stays as it is."""
        target_folder = path.parent / sub_folder
        stamp = self.ctx.desk.now().strftime("%Y%m%d-%H%M%S")
        try:
            target_folder.mkdir(exist_ok=True)
            target = target_folder / f"{stamp}_{path.name}"
            number = 1
            while target.exists():
                number += 1
                target = target_folder / f"{stamp}-{number}_{path.name}"
            os.rename(path, target)
        except OSError as failure:
            self._given_up.add((path.name, stat.st_size, stat.st_mtime_ns))
            self.failed.emit(path.name, self.tr("“%1” could not be moved to the folder “%2” (%3). "
                                                "Please move it out of the inbox folder.")
                             .replace("%1", path.name).replace("%2", sub_folder)
                             .replace("%3", failure.strerror or str(failure)))
            return None
        return target
