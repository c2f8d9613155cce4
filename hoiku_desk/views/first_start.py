"""First start: a database without a facility asks for one, or offers demo data."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hoiku_desk import demo, messages
from hoiku_desk.services import Desk, FacilityRules, errors
from hoiku_desk.views.login_dialog import exec_dialog
from hoiku_desk.views.widgets import error_label, show_error


class FirstStartDialog(QDialog):
    """Asks the facility this desk works for (name, code, program), or fills the empty
    database with demo data. Accepted once the database holds a facility.

    Signals: only QDialog's own (``accepted`` / ``rejected``).
    """

    def __init__(self, desk: Desk, lang: str = "ja", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstStartDialog")
        self.desk = desk
        self.lang = lang
        self.setWindowTitle(self.tr("Welcome to Hoiku Desk"))
        self._build()

    def _build(self) -> None:
        intro = QLabel(self.tr(
            "This database has no facility yet. Enter the facility this desk works for, "
            "or fill the database with demo data to try the program."), self)
        intro.setWordWrap(True)
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("facilityName")
        self.name_edit.setPlaceholderText("ひかり保育園 一時保育")
        self.code_edit = QLineEdit(self)
        self.code_edit.setObjectName("facilityCode")
        self.code_edit.setPlaceholderText("K01")
        self.program_box = QComboBox(self)
        self.program_box.setObjectName("facilityProgram")
        self.program_box.addItem(self.tr("Temporary childcare (ichiji hoiku)"), "ichiji")
        self.program_box.addItem(self.tr("Kodomo daredemo tsuen"), "daredemo")
        form = QFormLayout()
        form.addRow(self.tr("Facility &name:"), self.name_edit)
        form.addRow(self.tr("Facility &code:"), self.code_edit)
        form.addRow(self.tr("&Program:"), self.program_box)

        self.error_label = error_label(self, "firstStartError")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.create_button = buttons.addButton(self.tr("C&reate facility"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setObjectName("createFacilityButton")
        self.create_button.setDefault(True)
        self.demo_button: QPushButton = buttons.addButton(self.tr("Fill with &demo data"),
                                                          QDialogButtonBox.ButtonRole.ActionRole)
        self.demo_button.setObjectName("demoButton")
        # Demo data goes into a local database without accounts only (it is made without a login).
        if self.desk.staff.list():
            self.demo_button.setToolTip(self.tr("Demo data can only fill a database without staff accounts"))
            self.demo_button.setEnabled(False)
        else:
            self.demo_button.setToolTip(self.tr("Two facilities, forty children and two weeks of bookings"))
            self.demo_button.setEnabled(self.desk.path is not None)
        self.create_button.clicked.connect(self.create_facility)
        self.demo_button.clicked.connect(self.fill_demo)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.name_edit.setFocus()

    def _show_error(self, error: errors.HoikuDeskError) -> None:
        show_error(self.error_label, messages.message(error, self.lang))

    def create_facility(self) -> None:
        """Add the facility typed in (the program's preset rules); refusals show their sentence."""
        rules = FacilityRules.daredemo() if self.program_box.currentData() == "daredemo" else FacilityRules()
        try:
            self.desk.facilities.add(self.code_edit.text(), self.name_edit.text(), rules)
        except errors.HoikuDeskError as error:
            self._show_error(error)
            return
        self.accept()

    def fill_demo(self) -> None:
        """Fill the (empty, local) database with demo data up to the desk's now (a few
        seconds, with a wait cursor)."""
        now = self.desk.now()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            demo.fill(self.desk.path, today=now.date(), at=now.time())
        except errors.HoikuDeskError as error:
            self._show_error(error)
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.accept()


def ensure_facility(desk: Desk, lang: str = "ja", run_dialog: Callable[[QDialog], int] = exec_dialog,
                    parent: QWidget | None = None) -> bool:
    """True when the database holds a facility, asking for one first (over ``parent``) if it
    has none; False when staff cancelled."""
    if desk.facilities.list():
        return True
    return run_dialog(FirstStartDialog(desk, lang, parent)) == QDialog.DialogCode.Accepted
