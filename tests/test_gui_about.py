"""Help → About (F1): the version, the database path and the licences of bundled components."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

import hoiku_desk
from hoiku_desk.services import Desk, Facility
from hoiku_desk.views.about_dialog import AboutDialog
from hoiku_desk.views.main_window import MainWindow
from tests.conftest import ScriptedDialogs


def open_about(qtbot: QtBot, desk: Desk, dialogs: ScriptedDialogs) -> AboutDialog:
    window = MainWindow(desk, dialogs=dialogs)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: window.findChild(AboutDialog, "aboutDialog") is not None)
    dialog = window.findChild(AboutDialog, "aboutDialog")
    assert isinstance(dialog, AboutDialog)
    qtbot.waitExposed(dialog)
    return dialog


def test_f1_opens_about_with_version_database_and_licences(
    qtbot: QtBot, desk: Desk, facility: Facility, dialogs: ScriptedDialogs
) -> None:
    dialog = open_about(qtbot, desk, dialogs)
    version = dialog.findChild(QLabel, "aboutVersion")
    database = dialog.findChild(QLabel, "aboutDatabase")
    assert version is not None and hoiku_desk.__version__ in version.text()
    assert database is not None and desk.location in database.text()
    licences = dict(dialog.licence_rows())
    assert licences["Qt / PySide6"] == "GNU LGPL v3"
    assert any("Noto Sans CJK" in name for name in licences)
    assert "SIL Open Font License 1.1" in licences.values()
    assert {"SQLAlchemy", "Alembic", "platformdirs", "jpholiday", "fontTools"} <= licences.keys()


def test_about_is_in_the_help_menu_and_closes_with_escape(
    qtbot: QtBot, desk: Desk, facility: Facility, dialogs: ScriptedDialogs
) -> None:
    window = MainWindow(desk, dialogs=dialogs)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    assert window.about_action.shortcut().toString() == "F1"
    assert window.about_action in window.menuBar().actions()[-1].menu().actions()
    dialog = window.show_about()
    qtbot.waitExposed(dialog)
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)


def test_window_has_the_app_icon(qtbot: QtBot, desk: Desk, facility: Facility,
                                 dialogs: ScriptedDialogs) -> None:
    window = MainWindow(desk, dialogs=dialogs)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    assert not window.windowIcon().isNull()
    assert QApplication.instance() is not None
