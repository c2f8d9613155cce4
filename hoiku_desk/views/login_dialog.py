"""Logging in: the first administrator account, the login at start, and unlocking the
window after it was idle."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hoiku_desk import messages
from hoiku_desk.services import Desk, errors
from hoiku_desk.views.widgets import error_label, show_error


def password_edit(parent: QWidget, name: str) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def action_buttons(
    dialog: QDialog, name: str, text: str, action: Callable[[], None]
) -> tuple[QDialogButtonBox, QPushButton, QPushButton]:
    """The dialog's default button (which runs ``action``, accepting only when it
    succeeds) and Cancel."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, dialog)
    ok = buttons.addButton(text, QDialogButtonBox.ButtonRole.AcceptRole)
    ok.setObjectName(name)
    ok.setDefault(True)
    ok.clicked.connect(action)
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    cancel.clicked.connect(dialog.reject)
    return buttons, ok, cancel


class LoginDialog(QDialog):
    """Asks a login and password and logs the desk in; accepted once logged in. A refusal
    (wrong password, the pause after repeated failures) shows its sentence and keeps the
    dialog open. With ``locked_by`` it unlocks an idle window: the login is filled in
    and the password asked again.

    Signals: only QDialog's own.
    """

    def __init__(
        self, desk: Desk, lang: str = "ja", parent: QWidget | None = None, *, locked_by: str | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self.desk = desk
        self.lang = lang
        self.setWindowTitle(self.tr("Log in to Hoiku Desk"))
        if locked_by:
            text = self.tr("The window is locked. Enter the password to go on where you left off, "
                           "or log in as another staff member.")
        else:
            text = self.tr("Enter your login and password.")
        intro = QLabel(text, self)
        intro.setWordWrap(True)
        self.login_edit = QLineEdit(locked_by or "", self)
        self.login_edit.setObjectName("loginEdit")
        self.password_edit = password_edit(self, "passwordEdit")
        form = QFormLayout()
        form.addRow(self.tr("&Login:"), self.login_edit)
        form.addRow(self.tr("&Password:"), self.password_edit)
        self.error_label = error_label(self, "loginError")
        buttons, self.ok_button, _ = action_buttons(self, "loginButton", self.tr("&Log in"), self.log_in)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        (self.password_edit if locked_by else self.login_edit).setFocus()

    def log_in(self) -> None:
        try:
            self.desk.login(self.login_edit.text().strip(), self.password_edit.text())
        except errors.HoikuDeskError as error:
            self.password_edit.clear()
            self.password_edit.setFocus()
            show_error(self.error_label, messages.message(error, self.lang))
            return
        self.accept()


class FirstAdminDialog(QDialog):
    """The first start asks for the administrator account (before the facility), then
    logs it in. "Later" leaves the program acting as the built-in administrator, which
    the window keeps saying until an account exists.

    Signals: only QDialog's own (``accepted`` once the account exists).
    """

    def __init__(self, desk: Desk, lang: str = "ja", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstAdminDialog")
        self.desk = desk
        self.lang = lang
        self.setWindowTitle(self.tr("Administrator account"))
        intro = QLabel(self.tr(
            "Create the administrator's account (the director or head teacher). The administrator "
            "sets the facility's rules and capacities and makes the other staff accounts. Children's "
            "data is protected by the accounts' passwords."), self)
        intro.setWordWrap(True)
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("adminName")
        self.login_edit = QLineEdit(self)
        self.login_edit.setObjectName("adminLogin")
        self.password_edit = password_edit(self, "adminPassword")
        self.repeat_edit = password_edit(self, "adminPasswordAgain")
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("&Login:"), self.login_edit)
        form.addRow(self.tr("&Password (8 or more characters):"), self.password_edit)
        form.addRow(self.tr("Password &again:"), self.repeat_edit)
        self.error_label = error_label(self, "firstAdminError")
        buttons, self.ok_button, later = action_buttons(
            self, "createAdminButton", self.tr("C&reate account"), self.create)
        later.setText(self.tr("&Later"))
        later.setObjectName("laterButton")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.name_edit.setFocus()

    def create(self) -> None:
        password = self.password_edit.text()
        if password != self.repeat_edit.text():
            show_error(self.error_label, self.tr("The two passwords differ. Please type them again."))
            self.repeat_edit.clear()
            self.repeat_edit.setFocus()
            return
        login = self.login_edit.text().strip()
        try:
            self.desk.staff.add(login, self.name_edit.text(), password, role="admin")
            self.desk.login(login, password)
        except errors.HoikuDeskError as error:
            show_error(self.error_label, messages.message(error, self.lang))
            return
        self.accept()


def exec_dialog(dialog: QDialog) -> int:
    """Run ``dialog`` until it closes, then delete it (one shown over the window is its
    child): its result (tests answer instead)."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return dialog.exec()


def ensure_login(desk: Desk, lang: str = "ja", run_dialog: Callable[[QDialog], int] = exec_dialog,
                 parent: QWidget | None = None) -> bool:
    """True when the desk may go on: an account is logged in, or none exists yet (the
    first start — a database without a facility — offers to create the administrator's;
    later the window says it acts as the built-in administrator); False when staff
    cancelled the login. The dialogs come over ``parent``."""
    if desk.current_staff is not None:
        return True
    if not desk.staff.list():
        if not desk.facilities.list():
            run_dialog(FirstAdminDialog(desk, lang, parent))
        return True
    return run_dialog(LoginDialog(desk, lang, parent)) == QDialog.DialogCode.Accepted
