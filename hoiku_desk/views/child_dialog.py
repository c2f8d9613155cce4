"""The dialogs of the children pane: a child's record (add / edit), and the interview date
asked for when a registration is approved (利用承認)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from hoiku_desk import messages
from hoiku_desk.services import Child, Contact
from hoiku_desk.services.clock import age_months, fiscal_year_end
from hoiku_desk.views.context import ViewContext
from hoiku_desk.views.widgets import date_edit, error_label, ok_cancel_buttons

MAX_CONTACTS = 3


class ChildDialog(QDialog):
    """Add a child (with the guardian and up to three emergency contacts) or edit one.

    Save runs ``desk.children.add`` / ``update`` through the context: a refusal
    (DuplicateChild, InvalidInput …) shows its sentence here and the dialog stays open with
    nothing saved; success closes it.

    Signals:
        saved(Child): the child was added or updated (emitted before the dialog closes).
    """

    saved = Signal(object)

    def __init__(self, ctx: ViewContext, child: Child | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("childDialog")
        self.ctx = ctx
        self.child = child
        self.setWindowTitle(self.tr("Edit child") if child else self.tr("Add child"))
        self._build()
        if child is not None:
            self._load(child)
        self._show_age()

    # -- building -----------------------------------------------------------------------
    def _build(self) -> None:
        form = QFormLayout()
        self.name_edit = self._line("childNameEdit", form, self.tr("Name"))
        self.kana_edit = self._line("childKanaEdit", form, self.tr("Kana"))
        today = self.ctx.today()
        # The birth date is typed as eight digits from the year on (2024年6月21日: "20240621").
        self.birth_date_edit = date_edit(self, "childBirthDateEdit", today, lang=self.ctx.lang, latest=today,
                                         start_on=QDateEdit.Section.YearSection)
        self.birth_date_edit.dateChanged.connect(self._show_age)
        self.age_label = QLabel(self)
        self.age_label.setObjectName("childAgeLabel")
        form.addRow(self.tr("Birth date"), self.birth_date_edit)
        form.addRow(self.tr("Age today"), self.age_label)
        self.sex_box = QComboBox(self)
        self.sex_box.setObjectName("childSexBox")
        for text, code in ((self.tr("Female"), "female"), (self.tr("Male"), "male"),
                           (self.tr("Unspecified"), "unspecified")):
            self.sex_box.addItem(text, code)
        self.sex_box.setCurrentIndex(self.sex_box.findData("unspecified"))
        form.addRow(self.tr("Sex"), self.sex_box)
        self.guardian_name_edit = self._line("guardianNameEdit", form, self.tr("Guardian"))
        self.guardian_kana_edit = self._line("guardianKanaEdit", form, self.tr("Guardian kana"))
        self.phone_edit = self._line("phoneEdit", form, self.tr("Phone"))
        self.postal_code_edit = self._line("postalCodeEdit", form, self.tr("Postal code"))
        self.address_edit = self._line("addressEdit", form, self.tr("Address"))
        self.allergies_edit = self._line("allergiesEdit", form, self.tr("Allergies / medical notes"))
        self.notes_edit = self._line("notesEdit", form, self.tr("Notes"))

        contacts = QGroupBox(self.tr("Emergency contacts"), self)
        grid = QGridLayout(contacts)
        for column, header in enumerate((self.tr("Name"), self.tr("Relation"), self.tr("Phone"))):
            grid.addWidget(QLabel(header, contacts), 0, column)
        self.contact_edits: list[tuple[QLineEdit, QLineEdit, QLineEdit]] = []
        for number in range(1, MAX_CONTACTS + 1):
            name, relation, phone = (QLineEdit(contacts) for _ in range(3))
            for column, (edit, part) in enumerate(((name, "Name"), (relation, "Relation"), (phone, "Phone"))):
                edit.setObjectName(f"contact{number}{part}Edit")
                grid.addWidget(edit, number, column)
            self.contact_edits.append((name, relation, phone))

        self.error = error_label(self, "childDialogError")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.setObjectName("childDialogButtons")
        save = buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setDefault(True)
        save.setToolTip(self.tr("Save the child (Enter)"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(contacts)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.name_edit.setFocus()

    def _line(self, name: str, form: QFormLayout, label: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        form.addRow(label, edit)
        return edit

    def _load(self, child: Child) -> None:
        self.name_edit.setText(child.name)
        self.kana_edit.setText(child.kana)
        self.birth_date_edit.set_day(child.birth_date)
        self.sex_box.setCurrentIndex(max(self.sex_box.findData(child.sex), 0))
        self.guardian_name_edit.setText(child.guardian_name)
        self.guardian_kana_edit.setText(child.guardian_kana)
        self.phone_edit.setText(child.phone)
        self.postal_code_edit.setText(child.postal_code)
        self.address_edit.setText(child.address)
        self.allergies_edit.setText(child.allergies)
        self.notes_edit.setText(child.notes)
        for edits, contact in zip(self.contact_edits, child.contacts, strict=False):
            for edit, text in zip(edits, (contact.name, contact.relation, contact.phone), strict=True):
                edit.setText(text)

    def _show_age(self) -> None:
        birth = self.birth_date_edit.day()
        months = max(age_months(birth, self.ctx.today()), 0)
        self.age_label.setText(messages.format_age(months, self.ctx.lang))

    # -- values -------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        """The fields as ``desk.children.add`` takes them."""
        return dict(
            name=self.name_edit.text(),
            kana=self.kana_edit.text(),
            birth_date=self.birth_date_edit.day(),
            sex=self.sex_box.currentData(),
            guardian_name=self.guardian_name_edit.text(),
            guardian_kana=self.guardian_kana_edit.text(),
            phone=self.phone_edit.text(),
            postal_code=self.postal_code_edit.text(),
            address=self.address_edit.text(),
            allergies=self.allergies_edit.text(),
            notes=self.notes_edit.text(),
            contacts=self.contacts(),
        )

    def contacts(self) -> list[Contact]:
        """The contact rows with anything typed in them (a row without a name is refused)."""
        rows = [tuple(edit.text().strip() for edit in edits) for edits in self.contact_edits]
        return [Contact(*row) for row in rows if any(row)]

    # -- saving -------------------------------------------------------------------------
    def accept(self) -> None:
        """Save; close only when the service accepted the child."""
        desk = self.ctx.desk
        if self.child is None:
            outcome = self.ctx.run(desk.children.add, **self.values())
        else:
            outcome = self.ctx.run(desk.children.update, self.child.id, **self.values())
        if not outcome.ok:
            self.error.setText(outcome.message)
            self.error.show()
            return
        self.error.hide()
        self.saved.emit(outcome.value)
        super().accept()


class InterviewDateDialog(QDialog):
    """Asks the interview date of a registration being approved; shows the validity the
    approval will have (to 31 March of the interview's fiscal year).

    Has no signals of its own (``accepted`` / ``rejected`` as any dialog).
    """

    def __init__(self, ctx: ViewContext, child_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("interviewDateDialog")
        self.ctx = ctx
        self.setWindowTitle(self.tr("Approve registration"))
        today = ctx.today()
        self.date_edit = date_edit(self, "interviewDateEdit", today, lang=ctx.lang, latest=today)
        self.date_edit.dateChanged.connect(self._show_validity)
        self.validity_label = QLabel(self)
        self.validity_label.setObjectName("validityLabel")
        buttons, ok = ok_cancel_buttons(self)
        ok.setDefault(True)
        form = QFormLayout()
        form.addRow(self.tr("Child"), QLabel(child_name, self))
        form.addRow(self.tr("Interviewed on"), self.date_edit)
        form.addRow(self.tr("Approval"), self.validity_label)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.date_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self._show_validity()

    def interviewed_on(self) -> date:
        return self.date_edit.day()

    def _show_validity(self) -> None:
        until = fiscal_year_end(self.interviewed_on())
        self.validity_label.setText(validity_text(until, self.ctx.lang))


def validity_text(until: date, lang: str) -> str:
    """``2027年3月31日(水)まで有効`` once translated; the English source is "Valid until %1"."""
    text = QCoreApplication.translate("InterviewDateDialog", "Valid until %1")
    return text.replace("%1", messages.format_date(until, lang, with_year=True))
