"""The main window: one pane per job, Ctrl+1…Ctrl+7 to switch, a status bar."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QComboBox, QLabel, QMainWindow, QTabWidget, QWidget

from hoiku_desk import messages
from hoiku_desk.services import Desk
from hoiku_desk.views.about_dialog import AboutDialog, app_icon
from hoiku_desk.views.approval_pane import ApprovalPane
from hoiku_desk.views.attendance_pane import AttendancePane
from hoiku_desk.views.booking_pane import BookingPane
from hoiku_desk.views.calendar_pane import CalendarPane
from hoiku_desk.views.children_pane import ChildrenPane
from hoiku_desk.views.context import ViewContext
from hoiku_desk.views.dialogs import Dialogs
from hoiku_desk.views.reservations_pane import ReservationsPane
from hoiku_desk.views.settings_pane import SettingsPane


def ui_settings() -> QSettings:
    """Where the window keeps its own state (size, facility); rules live in the database."""
    return QSettings("hoiku-desk", "hoiku-desk")


class MainWindow(QMainWindow):
    """Panes talk to the services through ``self.context``; the window only wires them."""

    def __init__(self, desk: Desk, *, dialogs: Dialogs | None = None, lang: str = "ja") -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.context = ViewContext(desk, dialogs, lang)
        self.setWindowTitle(self.tr("Hoiku Desk"))
        self.setWindowIcon(app_icon())
        self.resize(1280, 820)
        self._restore_ui_state()

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("paneTabs")
        self.tabs.setDocumentMode(True)
        self.calendar = CalendarPane(self.context)
        self.booking = BookingPane(self.context)
        self.approvals = ApprovalPane(self.context)
        self.reservations = ReservationsPane(self.context)
        self.attendance = AttendancePane(self.context)
        self.children = ChildrenPane(self.context)
        self.settings = SettingsPane(self.context)
        titles = [
            self.tr("Calendar"), self.tr("Booking"), self.tr("Approvals"),
            self.tr("Reservations"), self.tr("Attendance"), self.tr("Children"),
            self.tr("Settings"),
        ]
        for number, (pane, title) in enumerate(zip(self.panes(), titles, strict=True), start=1):
            self.tabs.addTab(pane, f"{title} ({number})")
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _=False, p=pane: self.show_pane(p))
            self.addAction(action)
        self.setCentralWidget(self.tabs)

        self.calendar.slotActivated.connect(self.open_booking)
        self._build_help_menu()
        self._build_status_bar()
        self.context.changed.connect(self._refresh_status)
        self.context.facilityChanged.connect(lambda _id: self._refresh_status())
        self.context.facilityChanged.connect(lambda id_: ui_settings().setValue("facility_id", id_))
        self.approvals.countChanged.connect(self._show_waiting)
        self._show_waiting(self.approvals.count())
        self._clock_timer = QTimer(self)
        self._clock_timer.timeout.connect(self._refresh_status)
        self._clock_timer.start(60_000)
        self._refresh_status()

    def _restore_ui_state(self) -> None:
        """The window's size and the facility last worked on (UI state only, in QSettings)."""
        settings = ui_settings()
        geometry = settings.value("geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        facility_id = settings.value("facility_id")
        known = {f.id for f in self.context.desk.facilities.list()}
        if isinstance(facility_id, str) and facility_id in known:
            self.context.set_facility(facility_id)

    def closeEvent(self, event: QCloseEvent) -> None:
        ui_settings().setValue("geometry", self.saveGeometry())
        super().closeEvent(event)

    def panes(self) -> list[QWidget]:
        return [self.calendar, self.booking, self.approvals, self.reservations,
                self.attendance, self.children, self.settings]

    def show_pane(self, pane: QWidget) -> None:
        self.tabs.setCurrentWidget(pane)
        pane.setFocus()

    def open_booking(self, day: date, start: time) -> None:
        """A slot chosen on the calendar opens the booking form prefilled with it."""
        self.booking.prefill(day, start)
        self.show_pane(self.booking)

    def _build_help_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Help"))
        self.about_action = menu.addAction(self.tr("About Hoiku Desk"))
        self.about_action.setObjectName("aboutAction")
        self.about_action.setShortcut(QKeySequence("F1"))
        self.about_action.triggered.connect(self.show_about)
        self.addAction(self.about_action)  # F1 works wherever the focus is in the window

    def show_about(self) -> AboutDialog:
        """Open the About dialog (F1) and return it."""
        dialog = AboutDialog(self.context.desk.location, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # -- status bar ---------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.facility_box = QComboBox(self)
        self.facility_box.setObjectName("facilityBox")
        self.facility_box.activated.connect(
            lambda index: self.context.set_facility(self.facility_box.itemData(index))
        )
        self.date_label = QLabel(self)
        self.date_label.setObjectName("dateLabel")
        self.database_label = QLabel(self)
        self.database_label.setObjectName("databaseLabel")
        self.waiting_label = QLabel(self)
        self.waiting_label.setObjectName("waitingLabel")
        bar.addWidget(QLabel(self.tr("Facility:"), self))
        bar.addWidget(self.facility_box)
        bar.addWidget(self.date_label)
        bar.addWidget(self.waiting_label)
        bar.addPermanentWidget(self.database_label)

    def _refresh_status(self) -> None:
        current = self.context.facility_id
        self.facility_box.clear()
        for facility in self.context.desk.facilities.list():
            self.facility_box.addItem(f"{facility.code} {facility.name}", facility.id)
            if facility.id == current:
                self.facility_box.setCurrentIndex(self.facility_box.count() - 1)
        now = self.context.desk.now()
        self.date_label.setText(
            f"{messages.format_date(now.date(), self.context.lang, with_year=True)} "
            f"{messages.format_time(now.time())}"
        )
        self.database_label.setText(self.tr("Database: %1").replace("%1", self.context.desk.location))

    def _show_waiting(self, count: int) -> None:
        self.waiting_label.setText(self.tr("Waiting for approval: %1").replace("%1", str(count)))
