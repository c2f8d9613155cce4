"""Starting the window: the application, its language and font, the database, first start."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from hoiku_desk import messages
from hoiku_desk.services import Desk, errors
from hoiku_desk.views import fonts, i18n
from hoiku_desk.views.dialogs import Dialogs
from hoiku_desk.views.first_start import ensure_facility
from hoiku_desk.views.main_window import MainWindow

APP_NAME = "Hoiku Desk"
ORGANISATION = "hoiku-desk"
# The exit code when the database cannot be opened (as the command line's).
EXIT_DATABASE = 2


def application(lang: str) -> QApplication:
    """The one QApplication, named, with the locale, translations and font of ``lang``."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANISATION)
    configure(app, lang)
    return app


def configure(app: QApplication, lang: str) -> list[QTranslator]:
    """Japanese locale (calendar and date edits) or English, then translations and font;
    returns the installed translators."""
    if lang == "ja":
        QLocale.setDefault(QLocale(QLocale.Language.Japanese, QLocale.Country.Japan))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    translators = i18n.install(app, lang)
    fonts.apply_japanese_font(app)
    return translators


def open_desk(target: str | os.PathLike[str] | None, lang: str, dialogs: Dialogs) -> Desk | None:
    """The desk on ``target``; a database that cannot be opened (a network share, a newer
    version) is shown as its sentence and gives None, never a traceback."""
    try:
        return Desk.open(target)
    except errors.HoikuDeskError as error:
        _refuse(error, lang, dialogs)
        return None


def _refuse(error: errors.HoikuDeskError, lang: str, dialogs: Dialogs) -> None:
    dialogs.warn(None, APP_NAME, messages.message(error, lang))


def build_window(desk: Desk, lang: str = "ja", *, dialogs: Dialogs | None = None,
                 demo: bool = False) -> MainWindow:
    """The main window on ``desk``; a demo database says so in the title."""
    window = MainWindow(desk, dialogs=dialogs, lang=lang)
    if demo:
        marker = QCoreApplication.translate("App", "demo data")
        window.setWindowTitle(f"{window.windowTitle()} — {marker}")
    return window


def run(desk_target: str | os.PathLike[str] | None, lang: str = "ja", demo: bool = False) -> int:
    """Open the window on ``desk_target`` and run until it is closed; the exit code."""
    app = application(lang)
    dialogs = Dialogs()
    desk = open_desk(desk_target, lang, dialogs)
    if desk is None:
        return EXIT_DATABASE
    with desk:
        try:
            if not ensure_facility(desk, lang):
                return 0
            window = build_window(desk, lang, dialogs=dialogs, demo=demo)
        except errors.HoikuDeskError as error:  # e.g. another desk held the database too long
            _refuse(error, lang, dialogs)
            return EXIT_DATABASE
        window.show()
        return app.exec()
