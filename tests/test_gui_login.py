"""The login dialog, unlocking, and the first administrator account."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from hoiku_desk.services import Desk, Facility
from hoiku_desk.views.login_dialog import FirstAdminDialog, LoginDialog


ADMIN = ("suzuki", "鈴木 園長", "sakura-2026")
STAFF = ("sato", "佐藤 保育士", "tanpopo-77")


def add_accounts(desk: Desk) -> Desk:
    """The director 鈴木 園長 (admin, ``suzuki``) and the nursery teacher 佐藤 保育士 (staff,
    ``sato``); nobody logged in."""
    desk.staff.add(*ADMIN, role="admin")
    desk.login(ADMIN[0], ADMIN[2])
    desk.staff.add(*STAFF)
    desk.logout()
    return desk


@pytest.fixture
def accounts(desk: Desk, facility: Facility) -> Desk:
    return add_accounts(desk)


def fill(qtbot: QtBot, dialog, **fields: str) -> None:
    """Type each field (a name in Japanese is pasted, as an input method would commit it)."""
    for name, text in fields.items():
        edit = dialog.findChild(QLineEdit, name)
        edit.clear()
        if text.isascii():
            qtbot.keyClicks(edit, text)
        else:
            edit.insert(text)


def test_logging_in_with_the_keyboard(qtbot: QtBot, accounts: Desk) -> None:
    dialog = LoginDialog(accounts)
    qtbot.addWidget(dialog)
    dialog.show()
    fill(qtbot, dialog, loginEdit="sato", passwordEdit="tanpopo-77")

    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)

    assert accounts.current_staff is not None and accounts.current_staff.login == "sato"


def test_a_wrong_password_says_so_and_keeps_the_dialog_open(qtbot: QtBot, accounts: Desk) -> None:
    dialog = LoginDialog(accounts)
    qtbot.addWidget(dialog)
    dialog.show()
    fill(qtbot, dialog, loginEdit="sato", passwordEdit="wrong-one")

    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    assert dialog.isVisible() and accounts.current_staff is None
    assert dialog.error_label.text() == "ログインID「sato」またはパスワードが正しくありません。"
    assert dialog.password_edit.text() == ""  # typed again, never kept


def test_unlocking_asks_only_the_password_of_who_was_working(qtbot: QtBot, accounts: Desk) -> None:
    dialog = LoginDialog(accounts, locked_by="sato")
    qtbot.addWidget(dialog)
    dialog.show()

    qtbot.keyClicks(dialog.password_edit, "tanpopo-77")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)

    assert dialog.login_edit.text() == "sato" and accounts.current_staff.login == "sato"


def test_the_first_administrator_is_created_and_logged_in(qtbot: QtBot, desk: Desk) -> None:
    dialog = FirstAdminDialog(desk)
    qtbot.addWidget(dialog)
    fill(qtbot, dialog, adminName="鈴木 園長", adminLogin="suzuki", adminPassword="sakura-2026",
         adminPasswordAgain="sakura-2026")

    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    [admin] = desk.staff.list()
    assert (admin.login, admin.role) == ("suzuki", "admin") and desk.current_staff == admin


@pytest.mark.parametrize(("password", "again", "shown"), [
    ("sakura-2026", "sakura-2027", "The two passwords differ"),
    ("short", "short", "パスワードは8文字以上"),
])
def test_a_bad_first_password_is_refused_and_nothing_is_created(
    qtbot: QtBot, desk: Desk, password: str, again: str, shown: str
) -> None:
    dialog = FirstAdminDialog(desk)
    qtbot.addWidget(dialog)
    dialog.show()
    fill(qtbot, dialog, adminName="鈴木", adminLogin="suzuki", adminPassword=password, adminPasswordAgain=again)

    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    assert dialog.isVisible() and shown in dialog.error_label.text()
    assert desk.staff.list() == []


def test_later_leaves_the_built_in_administrator(qtbot: QtBot, desk: Desk) -> None:
    dialog = FirstAdminDialog(desk)
    qtbot.addWidget(dialog)

    with qtbot.waitSignal(dialog.rejected):
        qtbot.mouseClick(dialog.findChild(type(dialog.ok_button), "laterButton"), Qt.MouseButton.LeftButton)

    assert desk.staff.list() == [] and desk.current_staff is None
