"""The program's start: the application (its language, translations and font) and the main
window's frame on screen at once, with its title and size and 「開いています…」; the database
then opens in that same window (:func:`hoiku_desk.views.app.run_in`).

This module imports Qt only. The service layer (SQLAlchemy and the rest, most of a start's
time) is imported once the frame is on screen.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QEvent, QEventLoop, QLocale, QObject, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from hoiku_desk.views import fonts, i18n
from hoiku_desk.views.dialogs import Dialogs
from hoiku_desk.views.main_window import MainWindow

APP_NAME = "Hoiku Desk"
ORGANISATION = "hoiku-desk"
#: At most this long the database waits for the frame to be on screen (a start minimised).
ON_SCREEN_WAIT_MS = 500


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


class _Exposed(QObject):
    """Ends ``loop`` once the window it watches has been exposed (and so painted)."""

    def __init__(self, loop: QEventLoop) -> None:
        super().__init__(loop)
        self.loop = loop

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Expose:
            QTimer.singleShot(0, self.loop.quit)  # after the expose is handled: painted
        return False


def show_frame(lang: str) -> MainWindow:
    """The main window's frame, shown, once it is on screen (painted) — or after
    :data:`ON_SCREEN_WAIT_MS` when the system does not show it yet."""
    window = MainWindow(lang=lang)
    window.show()
    handle = window.windowHandle()
    if handle is not None and not handle.isExposed():
        loop = QEventLoop()
        handle.installEventFilter(_Exposed(loop))
        QTimer.singleShot(ON_SCREEN_WAIT_MS, loop.quit)
        loop.exec()
    return window


def run(desk_target: str | os.PathLike[str] | None, lang: str = "ja", demo: bool = False,
        *, dialogs: Dialogs | None = None) -> int:
    """Show the window's frame, then open the desk on ``desk_target`` in it and run until
    the window is closed; the exit code (see :func:`hoiku_desk.views.app.run_in`)."""
    application(lang)
    window = show_frame(lang)
    from hoiku_desk.views import app  # the service layer, now that the frame is on screen

    return app.run_in(window, desk_target, lang, demo, dialogs=dialogs or Dialogs())
