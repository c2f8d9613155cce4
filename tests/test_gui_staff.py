"""Staff accounts in the settings pane (職員アカウント): the administrator adds, edits,
deactivates; staff see the list and change their own password only."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QWidget,
)

from hoiku_desk import messages
from hoiku_desk.services import Desk, Facility, Staff, errors
from hoiku_desk.views.context import ViewContext
from hoiku_desk.views.settings_pane import SettingsPane, staff_model
from tests.conftest import ScriptedDialogs

PASSWORD = "hikari-2026"
NEW_PASSWORD = "sakura-2026"
LAST_ADMIN = messages.message(errors.InvalidInput(field="role", value="kocho", reason="last_admin"))


@pytest.fixture
def admin(desk: Desk, facility: Facility) -> Staff:
    """The director's admin account, logged in, and one staff account."""
    kocho = desk.staff.add("kocho", "園長 花子", PASSWORD, role="admin")
    desk.login("kocho", PASSWORD)
    desk.staff.add("hoiku", "保育 太郎", PASSWORD)
    return kocho


def shown_pane(qtbot, view_context: ViewContext) -> SettingsPane:  # type: ignore[no-untyped-def]
    widget = SettingsPane(view_context)
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    qtbot.waitExposed(widget)
    widget.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
    return widget


@pytest.fixture
def pane(qtbot, admin: Staff, view_context: ViewContext) -> Iterator[SettingsPane]:  # type: ignore[no-untyped-def]
    yield shown_pane(qtbot, view_context)


def child(parent: QWidget, cls: type, name: str):  # type: ignore[no-untyped-def]
    found = parent.findChild(cls, name)
    assert found is not None, name
    return found


def staff_rows(pane: SettingsPane) -> list[list[str]]:
    model = child(pane, QTableView, "staffTable").model()
    return [[model.index(r, c).data() for c in range(4)] for r in range(model.rowCount())]


def select(pane: SettingsPane, login: str) -> None:
    logins = [row[0] for row in staff_rows(pane)]
    child(pane, QTableView, "staffTable").selectRow(logins.index(login))


def click(qtbot, pane: SettingsPane, name: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(child(pane, QPushButton, name), Qt.MouseButton.LeftButton)


def open_dialog(qtbot, pane: SettingsPane, button: str) -> QDialog:  # type: ignore[no-untyped-def]
    click(qtbot, pane, button)
    qtbot.waitUntil(lambda: pane.findChild(QDialog, "staffDialog") is not None)
    dialog = child(pane, QDialog, "staffDialog")
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def type_into(qtbot, widget: QWidget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type like staff do: ASCII key by key, Japanese as the input method commits it."""
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def fill_passwords(qtbot, dialog: QDialog, password: str, again: str | None = None) -> None:  # type: ignore[no-untyped-def]
    type_into(qtbot, child(dialog, QLineEdit, "staffPasswordEdit"), password)
    type_into(qtbot, child(dialog, QLineEdit, "staffPasswordAgainEdit"), password if again is None else again)


def press_enter(qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)


def closed(qtbot, pane: SettingsPane) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: pane.findChild(QDialog, "staffDialog") is None)


def test_the_accounts_are_listed_with_role_and_state(pane: SettingsPane) -> None:
    assert staff_rows(pane) == [["hoiku", "保育 太郎", "Staff", "Active"], ["kocho", "園長 花子", "Administrator", "Active"]]
    assert child(pane, QLabel, "staffWhoLabel").text() == "Logged in: 園長 花子 (kocho), Administrator."


def test_the_admin_adds_a_staff_account_that_can_then_log_in(
    qtbot, pane: SettingsPane, desk: Desk  # type: ignore[no-untyped-def]
) -> None:
    dialog = open_dialog(qtbot, pane, "addStaffButton")
    qtbot.waitUntil(child(dialog, QLineEdit, "staffLoginEdit").hasFocus)
    assert child(dialog, QComboBox, "staffRoleBox").currentText() == "Staff"

    type_into(qtbot, child(dialog, QLineEdit, "staffLoginEdit"), "yamada")
    type_into(qtbot, child(dialog, QLineEdit, "staffNameEdit"), "山田 由美")
    fill_passwords(qtbot, dialog, NEW_PASSWORD)
    press_enter(qtbot)
    closed(qtbot, pane)

    assert ["yamada", "山田 由美", "Staff", "Active"] in staff_rows(pane)
    assert child(pane, QLabel, "staffStatus").text() == "Added the account 山田 由美 (yamada)."
    assert pane.selected_staff() is not None and pane.selected_staff().login == "yamada"
    logged_in = desk.login("yamada", NEW_PASSWORD)
    assert (logged_in.name, logged_in.role) == ("山田 由美", "staff")


def test_two_different_passwords_are_refused_and_the_dialog_stays(
    qtbot, pane: SettingsPane, desk: Desk  # type: ignore[no-untyped-def]
) -> None:
    dialog = open_dialog(qtbot, pane, "addStaffButton")
    type_into(qtbot, child(dialog, QLineEdit, "staffLoginEdit"), "yamada")
    type_into(qtbot, child(dialog, QLineEdit, "staffNameEdit"), "山田 由美")
    fill_passwords(qtbot, dialog, NEW_PASSWORD, "sakura-2025")

    press_enter(qtbot)

    assert dialog.isVisible()
    assert child(dialog, QLabel, "staffDialogError").text() == "The two passwords differ. Please type them again."
    assert [s.login for s in desk.staff.list()] == ["hoiku", "kocho"]


def test_a_refused_account_shows_the_services_sentence(
    qtbot, pane: SettingsPane, desk: Desk  # type: ignore[no-untyped-def]
) -> None:
    dialog = open_dialog(qtbot, pane, "addStaffButton")
    type_into(qtbot, child(dialog, QLineEdit, "staffLoginEdit"), "hoiku")
    type_into(qtbot, child(dialog, QLineEdit, "staffNameEdit"), "保育 次郎")
    fill_passwords(qtbot, dialog, NEW_PASSWORD)

    press_enter(qtbot)

    assert dialog.isVisible()
    assert child(dialog, QLabel, "staffDialogError").text() == "ログインID「hoiku」はすでに使われています。"


def test_the_admin_makes_a_staff_member_an_administrator(
    qtbot, pane: SettingsPane, desk: Desk  # type: ignore[no-untyped-def]
) -> None:
    table = child(pane, QTableView, "staffTable")
    select(pane, "hoiku")
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)

    qtbot.keyClick(table, Qt.Key.Key_Return)  # Enter edits the account
    qtbot.waitUntil(lambda: pane.findChild(QDialog, "staffDialog") is not None)
    dialog = child(pane, QDialog, "staffDialog")
    assert child(dialog, QLineEdit, "staffLoginEdit").isReadOnly()
    assert not child(dialog, QLineEdit, "staffPasswordEdit").isVisible()
    role = child(dialog, QComboBox, "staffRoleBox")
    role.setCurrentIndex(role.findText("Administrator"))
    qtbot.mouseClick(child(dialog, QPushButton, "staffSaveButton"), Qt.MouseButton.LeftButton)
    closed(qtbot, pane)

    assert ["hoiku", "保育 太郎", "Administrator", "Active"] in staff_rows(pane)
    assert [s.role for s in desk.staff.list() if s.login == "hoiku"] == ["admin"]
    assert child(pane, QLabel, "staffStatus").text() == "Saved the account 保育 太郎 (hoiku)."


def test_a_deactivated_account_can_no_longer_log_in_until_activated_again(
    qtbot, pane: SettingsPane, desk: Desk, dialogs: ScriptedDialogs  # type: ignore[no-untyped-def]
) -> None:
    select(pane, "hoiku")
    button = child(pane, QPushButton, "staffActiveButton")
    assert button.text() == "&Deactivate"

    click(qtbot, pane, "staffActiveButton")

    [(kind, _title, question)] = dialogs.shown
    assert kind == "confirm" and "保育 太郎 (hoiku)" in question
    assert ["hoiku", "保育 太郎", "Staff", "Inactive"] in staff_rows(pane)
    assert child(pane, QLabel, "staffStatus").text() == "Deactivated 保育 太郎 (hoiku)."
    with pytest.raises(errors.AuthenticationFailed):
        desk.login("hoiku", PASSWORD)
    assert button.text() == "&Activate"

    click(qtbot, pane, "staffActiveButton")  # activating asks nothing

    assert len(dialogs.shown) == 1
    assert desk.login("hoiku", PASSWORD).login == "hoiku"


def test_declining_the_question_keeps_the_account_active(
    qtbot, pane: SettingsPane, desk: Desk, dialogs: ScriptedDialogs  # type: ignore[no-untyped-def]
) -> None:
    select(pane, "hoiku")
    dialogs.answers.append(False)

    click(qtbot, pane, "staffActiveButton")

    assert [s.active for s in desk.staff.list()] == [True, True]


def test_the_last_administrator_can_be_neither_deactivated_nor_demoted(
    qtbot, pane: SettingsPane, desk: Desk  # type: ignore[no-untyped-def]
) -> None:
    select(pane, "kocho")

    click(qtbot, pane, "staffActiveButton")

    status = child(pane, QLabel, "staffStatus")
    assert status.text() == LAST_ADMIN == "管理者がいなくなるため、この変更はできません。ほかに管理者を1人以上残してください。"
    dialog = open_dialog(qtbot, pane, "editStaffButton")
    role = child(dialog, QComboBox, "staffRoleBox")
    role.setCurrentIndex(role.findText("Staff"))

    qtbot.mouseClick(child(dialog, QPushButton, "staffSaveButton"), Qt.MouseButton.LeftButton)

    assert dialog.isVisible()
    assert child(dialog, QLabel, "staffDialogError").text() == LAST_ADMIN
    assert [(s.role, s.active) for s in desk.staff.list() if s.login == "kocho"] == [("admin", True)]


def test_a_staff_login_sees_the_list_read_only_and_changes_only_their_own_password(
    qtbot, admin: Staff, desk: Desk, view_context: ViewContext  # type: ignore[no-untyped-def]
) -> None:
    desk.login("hoiku", PASSWORD)
    pane = shown_pane(qtbot, view_context)
    assert child(pane, QLabel, "staffWhoLabel").text() == "Logged in: 保育 太郎 (hoiku), Staff."
    buttons = {name: child(pane, QPushButton, name) for name in
               ("addStaffButton", "editStaffButton", "staffActiveButton", "staffPasswordButton")}

    select(pane, "kocho")
    assert {name: b.isEnabled() for name, b in buttons.items()} == dict.fromkeys(buttons, False)
    assert pane.change_password() is None and pane.edit_staff() is None

    select(pane, "hoiku")
    assert {name: b.isEnabled() for name, b in buttons.items()} == {
        "addStaffButton": False, "editStaffButton": False, "staffActiveButton": False, "staffPasswordButton": True}
    dialog = open_dialog(qtbot, pane, "staffPasswordButton")
    qtbot.waitUntil(child(dialog, QLineEdit, "staffPasswordEdit").hasFocus)
    assert child(dialog, QLineEdit, "staffNameEdit").isReadOnly()
    assert not child(dialog, QComboBox, "staffRoleBox").isVisible()
    fill_passwords(qtbot, dialog, NEW_PASSWORD)
    press_enter(qtbot)
    closed(qtbot, pane)

    assert child(pane, QLabel, "staffStatus").text() == "Set a new password for 保育 太郎 (hoiku)."
    with pytest.raises(errors.AuthenticationFailed):
        desk.login("hoiku", PASSWORD)
    assert desk.login("hoiku", NEW_PASSWORD).login == "hoiku"


def test_the_admin_sets_a_password_for_another_account(
    qtbot, pane: SettingsPane, desk: Desk  # type: ignore[no-untyped-def]
) -> None:
    select(pane, "hoiku")
    dialog = open_dialog(qtbot, pane, "staffPasswordButton")
    fill_passwords(qtbot, dialog, NEW_PASSWORD)

    press_enter(qtbot)
    closed(qtbot, pane)

    assert desk.login("hoiku", NEW_PASSWORD).login == "hoiku"


def test_the_buttons_follow_who_logs_in(
    qtbot, pane: SettingsPane, desk: Desk, view_context: ViewContext  # type: ignore[no-untyped-def]
) -> None:
    select(pane, "kocho")
    add = child(pane, QPushButton, "addStaffButton")
    assert add.isEnabled()

    desk.login("hoiku", PASSWORD)
    view_context.staffChanged.emit()

    assert not add.isEnabled() and not child(pane, QPushButton, "staffPasswordButton").isEnabled()
    assert child(pane, QLabel, "staffWhoLabel").text() == "Logged in: 保育 太郎 (hoiku), Staff."

    view_context.log_out()

    assert child(pane, QLabel, "staffWhoLabel").text() == "Nobody is logged in."
    assert not add.isEnabled()


def test_the_first_account_is_an_administrator_and_is_logged_in(
    qtbot, desk: Desk, view_context: ViewContext  # type: ignore[no-untyped-def]
) -> None:
    pane = shown_pane(qtbot, view_context)
    assert child(pane, QLabel, "staffWhoLabel").text().startswith("No account exists yet")
    dialog = open_dialog(qtbot, pane, "addStaffButton")
    assert child(dialog, QComboBox, "staffRoleBox").currentText() == "Administrator"
    type_into(qtbot, child(dialog, QLineEdit, "staffLoginEdit"), "kocho")
    type_into(qtbot, child(dialog, QLineEdit, "staffNameEdit"), "園長 花子")
    fill_passwords(qtbot, dialog, PASSWORD)

    with qtbot.waitSignal(view_context.staffChanged):
        press_enter(qtbot)
    closed(qtbot, pane)

    assert desk.current_staff is not None and desk.current_staff.login == "kocho"
    assert child(pane, QLabel, "staffWhoLabel").text() == "Logged in: 園長 花子 (kocho), Administrator."
    assert child(pane, QPushButton, "addStaffButton").isEnabled()  # changes need the login now


def test_the_staff_model_passes_the_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = staff_model()
    model.set_rows([Staff("1", "kocho", "園長 花子", "admin"), Staff("2", "hoiku", "保育 太郎", "staff", active=False)])

    qtmodeltester.check(model)

    assert model.index(1, 3).data() == "Inactive"
    assert model.index(1, 0).data(Qt.ItemDataRole.ForegroundRole) is not None  # greyed
