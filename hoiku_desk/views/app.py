"""Opening the desk in the window's shown frame (:mod:`hoiku_desk.views.launch`): the database
(a damaged one restored from its newest good backup), the login, first start, the window's
content; once it shows, the check of every page and today's backup behind it."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from hoiku_desk import messages
from hoiku_desk.services import Desk, backups, errors
from hoiku_desk.views.background import StartupChecks
from hoiku_desk.views.dialogs import Dialogs
from hoiku_desk.views.first_start import ensure_facility
from hoiku_desk.views.launch import APP_NAME, show_frame
from hoiku_desk.views.login_dialog import ensure_login, exec_dialog
from hoiku_desk.views.main_window import MainWindow

# The exit code when the database cannot be opened (as the command line's).
EXIT_DATABASE = 2
# When set to 1, the program quits as soon as its window is ready, today's data in it (the
# build script's start-up timing).
EXIT_WHEN_READY_ENV = "HOIKU_DESK_EXIT_WHEN_SHOWN"


def open_desk(target: str | os.PathLike[str] | None, lang: str, dialogs: Dialogs,
              parent: QWidget | None = None) -> Desk | None:
    """The desk on ``target``; a database that cannot be opened (a network share, a newer
    version) is shown as its sentence (over ``parent``) and gives None, never a traceback. A
    damaged file is replaced by its newest good backup when staff agree (the damaged file is
    kept beside)."""
    return _open(target, lang, dialogs, parent, offer_backup=True)


def _open(target: str | os.PathLike[str] | None, lang: str, dialogs: Dialogs, parent: QWidget | None,
          *, offer_backup: bool) -> Desk | None:
    try:
        return Desk.open(target, full_check=False)  # every page is checked behind the window
    except errors.HoikuDeskError as error:
        return _recover(target, error, lang, dialogs, parent, offer_backup=offer_backup)


def _recover(target: str | os.PathLike[str] | None, error: errors.HoikuDeskError, lang: str,
             dialogs: Dialogs, parent: QWidget | None = None, *, offer_backup: bool) -> Desk | None:
    """After ``error`` at opening or found later: a damaged database is replaced by its
    newest good backup when staff agree, then opened; otherwise the sentence, and None."""
    damaged = isinstance(error, errors.DatabaseUnavailable) and error.data.get("reason") == "damaged"
    if damaged and offer_backup and restore_damaged(Path(error.data["path"]), lang, dialogs, parent):
        return _open(target, lang, dialogs, parent, offer_backup=False)
    _refuse(error, lang, dialogs, parent)
    return None


def restore_damaged(db_path: Path, lang: str, dialogs: Dialogs, parent: QWidget | None = None) -> bool:
    """Offer the newest good backup in place of the damaged database at ``db_path``; True
    once it is in place, False when there is none, staff decline, or it cannot be put there
    (said in a sentence)."""
    good = backups.newest_good(db_path)
    if good is None:
        return False
    taken = (f"{messages.format_date(good.taken_at.date(), lang, with_year=True)} "
             f"{messages.format_time(good.taken_at.time())}")
    question = QCoreApplication.translate(
        "App", "The database is damaged. Restore the backup of %1? (The damaged file is kept.)")
    if not dialogs.confirm(parent, APP_NAME, question.replace("%1", taken)):
        return False
    try:
        aside = backups.replace_damaged(db_path, good.path)
    except errors.HoikuDeskError as error:
        _refuse(error, lang, dialogs, parent)
        return False
    except OSError as failure:
        text = QCoreApplication.translate("App", "The backup could not be put in place (%1).")
        dialogs.warn(parent, APP_NAME, text.replace("%1", str(failure)))
        return False
    done = QCoreApplication.translate(
        "App", "The backup of %1 was restored. The damaged database was kept as “%2”.")
    dialogs.inform(parent, APP_NAME, done.replace("%1", taken).replace("%2", str(aside)))
    return True


def _refuse(error: errors.HoikuDeskError, lang: str, dialogs: Dialogs, parent: QWidget | None = None) -> None:
    dialogs.warn(parent, APP_NAME, messages.message(error, lang))


def say_backup_failed(dialogs: Dialogs, parent: QWidget, reason: str) -> None:
    """Today's backup could not be made: said once, and work goes on."""
    text = QCoreApplication.translate(
        "App", "Today's backup could not be made (%1). You can keep working; "
               "please tell the administrator.")
    dialogs.warn(parent, APP_NAME, text.replace("%1", reason))


def build_window(desk: Desk, lang: str = "ja", *, dialogs: Dialogs | None = None,
                 demo: bool = False, window: MainWindow | None = None) -> MainWindow:
    """The main window on ``desk``: the shown frame ``window`` filled, or a new one; a demo
    database says so in the title."""
    if window is None:
        window = MainWindow(desk, dialogs=dialogs, lang=lang)
    else:
        window.bind(desk, dialogs=dialogs)
    if demo:
        marker = QCoreApplication.translate("App", "demo data")
        window.setWindowTitle(f"{window.windowTitle()} — {marker}")
    return window


def start(desk: Desk, lang: str, dialogs: Dialogs, *, demo: bool = False, window: MainWindow | None = None,
          run_dialog: Callable[[QDialog], int] = exec_dialog) -> MainWindow | int:
    """The steps between opening the database and the window: the login (on the first
    start the administrator's account), the facility on the first start, over the shown
    frame ``window`` if there is one. The window (that frame filled, or a new one), or the
    exit code when staff cancelled (0) or the database failed."""
    try:
        if (not ensure_login(desk, lang, run_dialog, window)
                or not ensure_facility(desk, lang, run_dialog, window)):
            return 0
        return build_window(desk, lang, dialogs=dialogs, demo=demo, window=window)
    except errors.HoikuDeskError as error:  # e.g. another desk held the database too long
        _refuse(error, lang, dialogs, window)
        return EXIT_DATABASE


def check_behind(desk: Desk, window: MainWindow, dialogs: Dialogs) -> StartupChecks:
    """Start checking the database and taking today's backup behind the shown ``window``:
    a backup that cannot be made is said; damage closes the window. Stop the checks
    before closing ``desk``."""
    checks = StartupChecks(desk)
    checks.backupFailed.connect(lambda reason: say_backup_failed(dialogs, window, reason))
    checks.damaged.connect(window.close)
    checks.start()
    return checks


def _session(frame: MainWindow, desk: Desk, lang: str, dialogs: Dialogs,
             demo: bool) -> int | errors.HoikuDeskError:
    """Open ``desk`` in the shown ``frame`` and run the window until it is closed: the exit
    code, or the damage the check behind the window found (which ends the event loop)."""
    if not frame.isVisible():  # staff closed it before the desk was open
        return 0
    window = start(desk, lang, dialogs, demo=demo, window=frame)
    if isinstance(window, int):
        return window
    checks = check_behind(desk, window, dialogs)
    checks.damaged.connect(lambda: QCoreApplication.exit(EXIT_DATABASE))
    if os.environ.get(EXIT_WHEN_READY_ENV) == "1":
        QTimer.singleShot(0, QCoreApplication.quit)
    try:
        code = QApplication.exec()
    finally:
        checks.stop()
    return checks.damage or code


def run_in(window: MainWindow, desk_target: str | os.PathLike[str] | None, lang: str = "ja",
           demo: bool = False, *, dialogs: Dialogs) -> int:
    """Open the desk on ``desk_target`` in ``window``, the frame shown at start, and run
    until the window is closed; the exit code. What is asked at opening (a damaged
    database's backup, the login, the first start) is asked over the frame, which closes
    when staff cancel or the database cannot be opened. A damaged database found once the
    window is open is dealt with as at opening: the window closes, the newest good backup
    is offered, and the desk opens again in a new frame."""
    desk = open_desk(desk_target, lang, dialogs, window)
    while desk is not None:
        with desk:
            outcome = _session(window, desk, lang, dialogs, demo)
        if isinstance(outcome, int):
            window.close()
            return outcome
        desk = _recover(desk_target, outcome, lang, dialogs, offer_backup=True)
        if desk is not None:
            window = show_frame(lang)
    window.close()
    return EXIT_DATABASE
