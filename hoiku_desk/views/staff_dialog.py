"""A staff account's dialog: add an account, change its name and role, or set its password."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from hoiku_desk.services import Staff
from hoiku_desk.views.context import ViewContext
from hoiku_desk.views.login_dialog import action_buttons, password_edit
from hoiku_desk.views.widgets import error_label, show_error

ROLES = ("staff", "admin")


def role_label(role: str) -> str:
    """管理者 / 職員 (English source strings)."""
    labels = {"admin": QCoreApplication.translate("StaffDialog", "Administrator"),
              "staff": QCoreApplication.translate("StaffDialog", "Staff")}
    return labels.get(role, role)


class StaffDialogMode(Enum):
    ADD = "add"
    EDIT = "edit"
    PASSWORD = "password"


class StaffDialog(QDialog):
    """Add an account (login, name, role, password typed twice), edit one (name and role),
    or give one a new password (typed twice).

    Save runs the service through ``ctx.run``: a refusal (a duplicate login, a short
    password, the last administrator, no permission) shows its sentence here and the
    dialog stays open; success closes it. The first account made while the program acts
    as the built-in administrator is logged in at once (``staffChanged``), since from then
    on every change needs a login.

    Signals:
        saved(Staff): the account was added or changed, or its password set (emitted
            before the dialog closes).
    """

    saved = Signal(object)

    def __init__(self, ctx: ViewContext, mode: StaffDialogMode, staff: Staff | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("staffDialog")
        self.ctx = ctx
        self.mode = mode
        self.staff = staff
        titles = {StaffDialogMode.ADD: self.tr("Add a staff account"),
                  StaffDialogMode.EDIT: self.tr("Edit the staff account"),
                  StaffDialogMode.PASSWORD: self.tr("Change the password")}
        self.setWindowTitle(titles[mode])
        self._build()

    def _build(self) -> None:
        form = QFormLayout()
        staff = self.staff
        self.login_edit = QLineEdit(staff.login if staff else "", self)
        self.login_edit.setObjectName("staffLoginEdit")
        self.login_edit.setReadOnly(self.mode is not StaffDialogMode.ADD)
        self.login_edit.setPlaceholderText(self.tr("Letters, digits, “.”, “_” or “-”"))
        self.name_edit = QLineEdit(staff.name if staff else "", self)
        self.name_edit.setObjectName("staffNameEdit")
        self.name_edit.setReadOnly(self.mode is StaffDialogMode.PASSWORD)
        self.role_box = QComboBox(self)
        self.role_box.setObjectName("staffRoleBox")
        for role in ROLES:
            self.role_box.addItem(role_label(role), role)
        first = self.mode is StaffDialogMode.ADD and not self.ctx.desk.staff.list()
        self.role_box.setCurrentIndex(self.role_box.findData(staff.role if staff else ("admin" if first else "staff")))
        form.addRow(self.tr("&Login:"), self.login_edit)
        form.addRow(self.tr("&Name:"), self.name_edit)
        if self.mode is not StaffDialogMode.PASSWORD:
            form.addRow(self.tr("&Role:"), self.role_box)
        else:
            self.role_box.hide()
        self.password_edit = password_edit(self, "staffPasswordEdit")
        self.repeat_edit = password_edit(self, "staffPasswordAgainEdit")
        if self.mode is not StaffDialogMode.EDIT:
            form.addRow(self.tr("&Password (8 or more characters):"), self.password_edit)
            form.addRow(self.tr("Password &again:"), self.repeat_edit)
        else:
            self.password_edit.hide()
            self.repeat_edit.hide()
        self.error = error_label(self, "staffDialogError")
        buttons, self.save_button, _cancel = action_buttons(self, "staffSaveButton", self.tr("&Save"), self.save)
        layout = QVBoxLayout(self)
        if first:
            note = QLabel(self.tr("The first account must be an administrator; you are logged in "
                                  "with it once it is made."), self)
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._first = first
        focus = {StaffDialogMode.ADD: self.login_edit, StaffDialogMode.EDIT: self.name_edit,
                 StaffDialogMode.PASSWORD: self.password_edit}
        focus[self.mode].setFocus()

    # -- saving -------------------------------------------------------------------------
    def save(self) -> None:
        """Run the change; close only when the service accepted it."""
        if self.mode is not StaffDialogMode.EDIT and self.password_edit.text() != self.repeat_edit.text():
            show_error(self.error, self.tr("The two passwords differ. Please type them again."))
            self.repeat_edit.clear()
            self.repeat_edit.setFocus()
            return
        accounts = self.ctx.desk.staff
        if self.staff is None:
            outcome = self.ctx.run(accounts.add, self.login_edit.text(), self.name_edit.text(),
                                   self.password_edit.text(), self.role_box.currentData())
        elif self.mode is StaffDialogMode.PASSWORD:
            outcome = self.ctx.run(accounts.set_password, self.staff.id, self.password_edit.text())
        elif self.edits():
            outcome = self.ctx.run(accounts.update, self.staff.id, **self.edits())
        else:
            self.accept()  # nothing changed
            return
        if outcome.ok and self._first:
            outcome = self.ctx.run(self.ctx.desk.login, self.login_edit.text().strip(), self.password_edit.text())
            self.ctx.staffChanged.emit()
        if not outcome.ok:
            show_error(self.error, outcome.message)
            return
        self.saved.emit(outcome.value or self.staff)
        self.accept()

    def edits(self) -> dict[str, str]:
        """The name and role where they differ from the account's (editing)."""
        if self.staff is None:
            return {}
        values = {"name": self.name_edit.text().strip(), "role": self.role_box.currentData()}
        return {key: value for key, value in values.items() if value != getattr(self.staff, key)}
