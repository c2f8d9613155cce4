"""Locking the window: after the idle time or with ファイル → ログアウト the desk is logged out
and the panes hidden with what was typed in them; the password (or another staff member's
login) brings the same work back. Nothing locks while no account exists."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot

from hoiku_desk.services import Child, Desk, Facility, errors
from hoiku_desk.views.idle_lock import DEFAULT_MINUTES, IDLE_KEY, IdleLock, IdleMinutesDialog, idle_minutes
from hoiku_desk.views.login_dialog import LoginDialog
from hoiku_desk.views.main_window import MainWindow, ui_settings
from tests.conftest import ChildMaker, ScriptedDialogs
from tests.helpers import t
from tests.test_gui_login import ADMIN, STAFF, add_accounts, fill

# A few milliseconds of idleness lock the window in these tests.
QUICK_MS = 20
LONG_MS = 600_000


@pytest.fixture
def no_idle_setting() -> Iterator[None]:
    """The idle minutes this PC keeps are the default before and after each test."""
    ui_settings().remove(IDLE_KEY)
    yield
    ui_settings().remove(IDLE_KEY)


def shown_window(qtbot: QtBot, desk: Desk, dialogs: ScriptedDialogs) -> MainWindow:
    window = MainWindow(desk, dialogs=dialogs)  # type: ignore[arg-type]
    qtbot.addWidget(window, before_close_func=close_dialogs)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def close_dialogs(window: MainWindow) -> None:
    for dialog in window.findChildren(QDialog):
        dialog.close()


@pytest.fixture
def window(qtbot: QtBot, desk: Desk, facility: Facility, dialogs: ScriptedDialogs,
           no_idle_setting: None) -> MainWindow:
    """The window on K01 with 佐藤 保育士 (staff) logged in."""
    add_accounts(desk).login(STAFF[0], STAFF[2])
    return shown_window(qtbot, desk, dialogs)


@pytest.fixture
def meiko(make_child: ChildMaker, facility: Facility) -> Child:
    return make_child(facility, name="大野 芽依", kana="オオノ メイ", birth_date=date(2023, 11, 2))


def idle_until_locked(qtbot: QtBot, window: MainWindow) -> LoginDialog:
    """Leave the window alone for the (injected) idle time until it locks; the lock dialog."""
    with qtbot.waitSignal(window.screen_lock.lockedChanged) as locked:
        window.idle_lock.set_interval(QUICK_MS)
    assert locked.args == [True]
    window.idle_lock.set_interval(LONG_MS)  # after unlocking, the tests run unhurried
    dialog = window.screen_lock.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def unlock(qtbot: QtBot, window: MainWindow, dialog: LoginDialog, login: str, password: str) -> None:
    fill(qtbot, dialog, loginEdit=login, passwordEdit=password)
    with qtbot.waitSignal(window.screen_lock.lockedChanged) as unlocked:
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert unlocked.args == [False]


def staff_text(window: MainWindow) -> str:
    return window.findChild(QLabel, "staffLabel").text()


def book_tuesday(desk: Desk, facility: Facility, child: Child) -> None:
    desk.bookings.book(facility.id, child.id, date(2026, 3, 3), t("09:30"), t("12:00"))


def type_a_booking(qtbot: QtBot, window: MainWindow) -> None:
    """Half a booking typed in the form: a child searched for and a comment."""
    window.show_pane(window.booking)
    window.booking.search.edit.insert("オオノ")  # as the input method commits it
    window.booking.comment_edit.insert("午後から微熱のため早めにお迎え")


# -- locking after the idle time ---------------------------------------------------------------
def test_an_idle_window_locks_hides_the_panes_and_logs_the_desk_out(
    qtbot: QtBot, window: MainWindow, desk: Desk, facility: Facility, meiko: Child
) -> None:
    type_a_booking(qtbot, window)

    dialog = idle_until_locked(qtbot, window)

    assert not window.tabs.isVisible() and not window.booking.isVisible()
    assert dialog.login_edit.text() == "sato" and dialog.isModal()
    assert desk.current_staff is None and staff_text(window) == "Locked"
    with pytest.raises(errors.PermissionDenied):
        book_tuesday(desk, facility, meiko)


def test_the_password_brings_back_the_same_work(
    qtbot: QtBot, window: MainWindow, desk: Desk, facility: Facility, meiko: Child
) -> None:
    type_a_booking(qtbot, window)
    tabs = window.tabs

    unlock(qtbot, window, idle_until_locked(qtbot, window), *STAFF[::2])

    assert window.centralWidget() is tabs and tabs.isVisible()
    assert tabs.currentWidget() is window.booking
    assert window.booking.search.edit.text() == "オオノ"
    assert window.booking.comment_edit.text() == "午後から微熱のため早めにお迎え"
    assert desk.current_staff is not None and desk.current_staff.login == "sato"
    assert staff_text(window) == "佐藤 保育士 (staff)"
    book_tuesday(desk, facility, meiko)  # allowed again


def test_another_staff_member_may_unlock_and_the_window_says_who(qtbot: QtBot, window: MainWindow) -> None:
    dialog = idle_until_locked(qtbot, window)

    with qtbot.waitSignal(window.context.staffChanged):
        unlock(qtbot, window, dialog, *ADMIN[::2])

    assert staff_text(window) == "鈴木 園長 (administrator)" and window.context.is_admin


def test_a_wrong_password_keeps_the_window_locked(qtbot: QtBot, window: MainWindow, desk: Desk) -> None:
    dialog = idle_until_locked(qtbot, window)
    fill(qtbot, dialog, passwordEdit="wrong-one")

    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)

    assert dialog.isVisible() and dialog.error_label.isVisible()
    assert window.screen_lock.is_locked and not window.tabs.isVisible() and desk.current_staff is None


def test_cancel_keeps_the_window_locked_unless_staff_quit(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    first = idle_until_locked(qtbot, window)
    dialogs.answers.append(False)  # do not quit

    qtbot.keyClick(first, Qt.Key.Key_Escape)

    again = window.screen_lock.dialog
    assert again is not None and again is not first and again.isVisible()
    assert again.login_edit.text() == "sato" and not window.tabs.isVisible()
    assert dialogs.shown == [("confirm", "Hoiku Desk is locked",
                              "Quit Hoiku Desk? What is typed in the window and not yet saved is lost.")]

    dialogs.answers.append(True)
    qtbot.keyClick(again, Qt.Key.Key_Escape)

    assert not window.isVisible()


def test_dialogs_open_when_locking_are_hidden_and_come_back(qtbot: QtBot, window: MainWindow) -> None:
    about = window.show_about()
    qtbot.waitExposed(about)

    dialog = idle_until_locked(qtbot, window)
    assert not about.isVisible()
    unlock(qtbot, window, dialog, *STAFF[::2])

    assert about.isVisible()


def test_the_inbox_waits_while_the_window_is_locked(
    qtbot: QtBot, window: MainWindow, meiko: Child, tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    window.inbox.settle_ms = 0
    window.set_inbox(str(inbox), True)
    dialog = idle_until_locked(qtbot, window)
    request = inbox / "line.csv"
    request.write_text("request_id,received_at,channel,type,facility_code,child_name,child_kana,birth_date,"
                       "date,start,end\nL-1,2026-03-02 08:15,line,booking,K01,大野 芽依,オオノ メイ,"
                       "2023-11-02,2026-03-09,09:30,12:00\n", encoding="utf-8")

    window.inbox.look()
    window.inbox.look()
    assert request.exists() and window.context.desk.approvals.count() == 0

    unlock(qtbot, window, dialog, *STAFF[::2])
    window.inbox.look()
    window.inbox.look()
    assert not request.exists() and window.context.desk.approvals.count() == 1


# -- the countdown ---------------------------------------------------------------------------
def test_input_starts_the_countdown_again(qtbot: QtBot, window: MainWindow) -> None:
    idle = window.idle_lock
    idle.set_interval(LONG_MS)
    qtbot.waitUntil(lambda: idle.remaining_ms() < LONG_MS - 20)

    qtbot.keyClick(window.booking.comment_edit, Qt.Key.Key_A)

    assert idle.remaining_ms() > LONG_MS - 20


def test_nothing_counts_while_locked(qtbot: QtBot, window: MainWindow) -> None:
    dialog = idle_until_locked(qtbot, window)
    qtbot.keyClicks(dialog.password_edit, "tan")
    assert not window.idle_lock.is_counting()

    unlock(qtbot, window, dialog, *STAFF[::2])

    assert window.idle_lock.is_counting()


# -- no accounts: the built-in administrator ---------------------------------------------------
def test_nothing_locks_while_no_account_exists(
    qtbot: QtBot, desk: Desk, facility: Facility, dialogs: ScriptedDialogs, no_idle_setting: None
) -> None:
    window = shown_window(qtbot, desk, dialogs)

    with qtbot.waitSignal(window.idle_lock.locked):
        window.idle_lock.set_interval(QUICK_MS)
    window.idle_lock.set_interval(LONG_MS)

    assert not window.screen_lock.is_locked and window.tabs.isVisible()
    assert not window.logout_action.isEnabled() and window.lock() is None
    assert [d for d in window.findChildren(LoginDialog) if d.isVisible()] == []


# -- ファイル → ログアウト ---------------------------------------------------------------------
def test_ctrl_l_logs_out_at_once(qtbot: QtBot, window: MainWindow, desk: Desk) -> None:
    type_a_booking(qtbot, window)

    with qtbot.waitSignal(window.screen_lock.lockedChanged):
        qtbot.keyClick(window.booking.comment_edit, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)

    dialog = window.screen_lock.dialog
    assert dialog is not None and dialog.login_edit.text() == "sato"
    assert desk.current_staff is None and not window.tabs.isVisible()


# -- the idle time on this PC ------------------------------------------------------------------
def test_the_idle_time_is_asked_and_kept_on_this_pc(
    qtbot: QtBot, window: MainWindow, desk: Desk, dialogs: ScriptedDialogs
) -> None:
    dialog = window.ask_idle_minutes()
    assert isinstance(dialog, IdleMinutesDialog) and dialog.minutes() == DEFAULT_MINUTES
    dialog.spin.selectAll()
    qtbot.keyClicks(dialog.spin, "3")

    qtbot.keyClick(dialog.spin, Qt.Key.Key_Return)

    assert window.idle_lock.interval() == 3 * 60_000
    assert idle_minutes(ui_settings()) == 3
    later = shown_window(qtbot, desk, dialogs)
    assert later.idle_lock.interval() == 3 * 60_000


def test_zero_minutes_never_locks(qtbot: QtBot, window: MainWindow) -> None:
    dialog = window.ask_idle_minutes()
    dialog.spin.setValue(0)
    assert dialog.spin.text() == "Never"

    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    assert window.idle_lock.interval() == 0 and not window.idle_lock.is_counting()
    qtbot.keyClick(window.booking.comment_edit, Qt.Key.Key_A)
    assert not window.idle_lock.is_counting()


@pytest.mark.parametrize(("kept", "minutes"), [
    (None, DEFAULT_MINUTES), ("5", 5), (0, 0), ("soon", DEFAULT_MINUTES), (-3, DEFAULT_MINUTES), (9999, 240),
])
def test_the_kept_idle_minutes_are_read_safely(
    tmp_path: Path, kept: object, minutes: int
) -> None:
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    if kept is not None:
        settings.setValue(IDLE_KEY, kept)

    assert idle_minutes(settings) == minutes


def test_an_idle_lock_by_itself_signals_after_its_interval(qtbot: QtBot) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    idle = IdleLock(LONG_MS, owner)

    with qtbot.waitSignal(idle.locked):
        idle.set_interval(QUICK_MS)

    idle.pause()
    assert not idle.is_counting()
