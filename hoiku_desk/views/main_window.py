"""The main window: one pane per job, Ctrl+1…Ctrl+8 to switch, the File menu (importing,
every export the command line has, logging out and the automatic lock), the watched inbox
folder, a status bar saying who works.

The program shows the window before its database is open: ``MainWindow()`` is the frame
(title, size, 「開いています…」) and :meth:`MainWindow.bind` fills it once the desk is
open. This module therefore imports Qt only; the views that need the service layer are
imported when the window is bound to a desk.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from datetime import date, time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

from PySide6.QtCore import QByteArray, QSettings, QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QSizePolicy,
    QTabWidget,
    QWidget,
)

from hoiku_desk import messages
from hoiku_desk.views.about_dialog import AboutDialog, app_icon
from hoiku_desk.views.dialogs import Dialogs
from hoiku_desk.views.export_dialogs import CSV, XLSX, ActualsExportDialog, AvailabilityExportDialog
from hoiku_desk.views.idle_lock import IDLE_KEY, IdleLock, IdleMinutesDialog, ScreenLock, idle_minutes
from hoiku_desk.views.privacy import confirm_personal_save, personal_name
from hoiku_desk.views.widgets import ERROR_STYLE, with_suffix

if TYPE_CHECKING:
    from hoiku_desk.services import Desk
    from hoiku_desk.services.records import ImportReport
    from hoiku_desk.views.approval_pane import ApprovalPane
    from hoiku_desk.views.attendance_pane import AttendancePane
    from hoiku_desk.views.audit_pane import AuditPane
    from hoiku_desk.views.booking_pane import BookingPane
    from hoiku_desk.views.calendar_pane import CalendarPane
    from hoiku_desk.views.children_pane import ChildrenPane
    from hoiku_desk.views.context import ViewContext
    from hoiku_desk.views.reservations_pane import ReservationsPane
    from hoiku_desk.views.settings_pane import SettingsPane

D = TypeVar("D", bound=QDialog)
P = TypeVar("P", bound=QWidget)
IMPORT_KEY = "Ctrl+I"
LOCK_KEY = "Ctrl+L"
CSV_FILTER = "CSV (*.csv)"
XLSX_FILTER = "Excel (*.xlsx)"
# How the status bar shows that no account exists yet.
NOTICE_STYLE = "background: #fff3cd; color: #6b4400; border: 1px solid #e0b84c; padding: 1px 6px;"
# How much larger than the application's font the frame's 「開いています…」 is.
OPENING_SCALE = 1.4


def ui_settings() -> QSettings:
    """Where the window keeps its own state (size, facility, inbox folder); rules live in
    the database."""
    return QSettings("hoiku-desk", "hoiku-desk")


def inbox_setting() -> tuple[str, bool]:
    """The inbox folder stored for this computer, and whether it is watched."""
    settings = ui_settings()
    folder = str(settings.value("inbox/folder", "") or "")
    return folder, bool(settings.value("inbox/enabled", False, type=bool))


def claims_key(pane: QWidget, key: QKeySequence) -> bool:
    """Whether a pane has its own use for ``key`` (a shortcut of one of its buttons)."""
    return (any(key in shortcut.keys() for shortcut in pane.findChildren(QShortcut) if shortcut.isEnabled())
            or any(key in action.shortcuts() for action in pane.findChildren(QAction)))


class Pane(Generic[P]):
    """A tab's pane as an attribute of the window (``window.booking``): its module is
    imported and the pane built the first time it is chosen or used, so the window opens
    without loading or reading what nobody looks at."""

    def __init__(self, module: str, kind: str) -> None:
        self.module, self.kind = module, kind

    def __set_name__(self, _owner: type[MainWindow], name: str) -> None:
        self.name = name

    def __get__(self, window: MainWindow, _owner: type[MainWindow] | None = None) -> P:
        return cast(P, window.pane(MainWindow.TABS.index(self)))

    def build(self, ctx: ViewContext) -> P:
        kind: type[P] = getattr(importlib.import_module(f"hoiku_desk.views.{self.module}"), self.kind)
        return kind(ctx)


class MainWindow(QMainWindow):
    """Panes talk to the services through ``self.context``; the window only wires them."""

    calendar: Pane[CalendarPane] = Pane("calendar_pane", "CalendarPane")
    booking: Pane[BookingPane] = Pane("booking_pane", "BookingPane")
    approvals: Pane[ApprovalPane] = Pane("approval_pane", "ApprovalPane")
    reservations: Pane[ReservationsPane] = Pane("reservations_pane", "ReservationsPane")
    attendance: Pane[AttendancePane] = Pane("attendance_pane", "AttendancePane")
    children: Pane[ChildrenPane] = Pane("children_pane", "ChildrenPane")
    settings: Pane[SettingsPane] = Pane("settings_pane", "SettingsPane")
    audit: Pane[AuditPane] = Pane("audit_pane", "AuditPane")
    #: The tabs in order, Ctrl+1 … Ctrl+8.
    TABS: tuple[Pane[Any], ...] = (calendar, booking, approvals, reservations, attendance,
                                   children, settings, audit)

    def __init__(self, desk: Desk | None = None, *, dialogs: Dialogs | None = None, lang: str = "ja") -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.lang = lang
        self.setWindowTitle(self.tr("Hoiku Desk"))
        self.setWindowIcon(app_icon())
        self.resize(1280, 820)
        geometry = ui_settings().value("geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        self._opening = True
        if desk is None:
            self.setCentralWidget(self._opening_notice())
        else:
            self.bind(desk, dialogs=dialogs)

    @property
    def opening(self) -> bool:
        """Whether the window is still the frame shown while its database opens."""
        return self._opening

    def _opening_notice(self) -> QLabel:
        """「開いています…」, calm and centred: what the frame shows until :meth:`bind`."""
        notice = QLabel(self.tr("Opening…"), self)
        notice.setObjectName("openingNotice")
        notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = notice.font()
        font.setPointSizeF(font.pointSizeF() * OPENING_SCALE)
        notice.setFont(font)
        palette = notice.palette()
        palette.setColor(QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText))
        notice.setPalette(palette)
        return notice

    def bind(self, desk: Desk, *, dialogs: Dialogs | None = None) -> None:
        """Fill the frame with the panes, menus and status bar working on ``desk`` (once)."""
        from hoiku_desk.views.context import ViewContext

        self.context = ViewContext(desk, dialogs, self.lang)
        facility_id = ui_settings().value("facility_id")  # the facility last worked on
        if isinstance(facility_id, str) and facility_id in {f.id for f in desk.facilities.list()}:
            self.context.set_facility(facility_id)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("paneTabs")
        self.tabs.setDocumentMode(True)
        self._built: dict[str, QWidget] = {}  # by the pane's attribute name
        titles = [
            self.tr("Calendar"), self.tr("Booking"), self.tr("Approvals"),
            self.tr("Reservations"), self.tr("Attendance"), self.tr("Children"),
            self.tr("Settings"), self.tr("Audit log"),
        ]
        for number, title in enumerate(titles, start=1):
            self.tabs.addTab(QWidget(self.tabs), f"{title} ({number})")  # until first chosen
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _=False, index=number - 1: self.show_pane(self.pane(index)))
            self.addAction(action)
        self.setCentralWidget(self.tabs)
        self.tabs.currentChanged.connect(self._chosen)  # first: the pane is there for what follows

        self._build_file_menu()
        self._build_help_menu()
        self._build_status_bar()
        self.tabs.currentChanged.connect(lambda _index: self._share_import_key())
        self._start_inbox()
        self.pane(self.tabs.currentIndex())
        self._share_import_key()
        self.context.follow(self._count_waiting)
        self._count_waiting()
        self.context.changed.connect(self._refresh_status)
        self.context.facilityChanged.connect(lambda _id: self._refresh_status())
        self.context.facilityChanged.connect(lambda id_: ui_settings().setValue("facility_id", id_))
        self._clock_timer = QTimer(self)
        self._clock_timer.timeout.connect(self._refresh_status)
        self._clock_timer.start(60_000)
        self._refresh_status()
        self.idle_lock = IdleLock(idle_minutes(ui_settings()) * 60_000, self)
        self.screen_lock = ScreenLock(self, self.context, self.idle_lock)
        self.context.staffChanged.connect(self._refresh_staff)
        self.context.changed.connect(self._refresh_staff)
        self.screen_lock.lockedChanged.connect(lambda _locked: self._refresh_staff())
        self._refresh_staff()
        self._opening = False

    def closeEvent(self, event: QCloseEvent) -> None:
        ui_settings().setValue("geometry", self.saveGeometry())
        super().closeEvent(event)

    def panes(self) -> list[QWidget]:
        """Every pane, in tab order (building those not yet shown)."""
        return [self.pane(index) for index in range(len(self.TABS))]

    def pane(self, index: int) -> QWidget:
        """The pane of tab ``index``, built and put in its tab the first time it is asked for."""
        tab = self.TABS[index]
        built = self._built.get(tab.name)
        if built is None:
            built = self._built[tab.name] = tab.build(self.context)
            self._wire(tab.name, built)
            placeholder, current = self.tabs.widget(index), self.tabs.currentIndex()
            with QSignalBlocker(self.tabs):
                self.tabs.insertTab(index, built, self.tabs.tabText(index))
                self.tabs.removeTab(index + 1)
                self.tabs.setCurrentIndex(current)
            placeholder.deleteLater()
        return built

    def _chosen(self, index: int) -> None:
        if index >= 0:  # -1: the tabs are being taken down
            self.pane(index)

    def _wire(self, name: str, pane: Any) -> None:
        """Connect the pane just built as the attribute ``name`` to the window."""
        if name == "calendar":
            pane.slotActivated.connect(self.open_booking)
        elif name == "approvals":
            pane.countChanged.connect(self._show_waiting)
            self._show_waiting(pane.count())
        elif name == "settings":
            pane.show_inbox(*inbox_setting())
            pane.inboxChanged.connect(self.set_inbox)

    def show_pane(self, pane: QWidget) -> None:
        self.tabs.setCurrentWidget(pane)
        pane.setFocus()

    def open_booking(self, day: date, start: time) -> None:
        """A slot chosen on the calendar opens the booking form prefilled with it."""
        self.booking.prefill(day, start)
        self.show_pane(self.booking)

    # -- File menu ----------------------------------------------------------------------
    def _build_file_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&File"))
        self.import_action = self._menu_action(menu, "importAction", self.tr("&Import request file…"),
                                               self.import_requests, IMPORT_KEY)
        menu.addSeparator()
        self.export_decisions_action = self._menu_action(
            menu, "exportDecisionsAction", self.tr("Export &decisions…"), self.export_decisions)
        self.export_availability_action = self._menu_action(
            menu, "exportAvailabilityAction", self.tr("Export &availability…"), self.export_availability)
        self.export_actuals_action = self._menu_action(
            menu, "exportActualsAction", self.tr("Export ac&tuals…"), self.export_actuals)
        menu.addSeparator()
        self.idle_minutes_action = self._menu_action(
            menu, "idleMinutesAction", self.tr("Automatic &lock…"), self.ask_idle_minutes)
        self.logout_action = self._menu_action(menu, "logoutAction", self.tr("Log &out"), self.lock, LOCK_KEY)
        menu.addSeparator()
        self.quit_action = self._menu_action(menu, "quitAction", self.tr("&Quit"), self.close, "Ctrl+Q")
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

    def _menu_action(self, menu: QMenu, name: str, text: str, slot: Callable[[], object],
                     key: str = "") -> QAction:
        """A menu item named ``name``; its key (if any) works wherever the focus is in the window."""
        action = menu.addAction(text)
        action.setObjectName(name)
        if key:
            action.setShortcut(QKeySequence(key))
            self.addAction(action)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _share_import_key(self) -> None:
        """Ctrl+I imports from every pane but one with its own Ctrl+I: 出席簿 checks a child
        in with it, and 承認待ち's import button is this same command. One key press, one
        command: two owners of a key would make Qt ignore it as ambiguous."""
        key = QKeySequence(IMPORT_KEY)
        pane = self.tabs.currentWidget()
        claimed = pane is not None and claims_key(pane, key)
        self.import_action.setShortcut(QKeySequence() if claimed else key)

    def import_requests(self) -> None:
        """Show 承認待ち and import a request file there (its file dialog, progress and report)."""
        self.show_pane(self.approvals)
        self.approvals.import_file()

    def export_decisions(self) -> None:
        """Write the decisions taken since the previous export, to a file staff choose."""
        self._export(self.tr("Export decisions"), "decisions",
                     f"decisions_{self.context.desk.now():%Y%m%d-%H%M}{CSV}",
                     self.context.desk.sync.export_decisions)

    def export_availability(self) -> AvailabilityExportDialog | None:
        """Ask the days, then write the current facility's availability; returns the dialog
        (it opens window-modally and deletes itself when closed)."""
        facility = self.context.facility
        if facility is None:
            return None
        dialog = AvailabilityExportDialog(self.context.today(), self, lang=self.context.lang)
        dialog.accepted.connect(lambda: self._write_availability(facility.id, facility.code, *dialog.days()))
        return self._open(dialog)

    def _write_availability(self, facility_id: str, code: str, first: date, last: date) -> None:
        self._export(self.tr("Export availability"), "availability",
                     f"availability_{code}_{first:%Y%m%d}-{last:%Y%m%d}{CSV}",
                     self.context.desk.sync.export_availability, facility_id, first, last)

    def export_actuals(self) -> ActualsExportDialog | None:
        """Ask the month and the format, then write the current facility's actuals; returns
        the dialog (it opens window-modally and deletes itself when closed)."""
        facility = self.context.facility
        if facility is None:
            return None
        dialog = ActualsExportDialog(self.context.today(), self, lang=self.context.lang)
        dialog.accepted.connect(
            lambda: self._write_actuals(facility.id, facility.code, *dialog.month(), dialog.suffix()))
        return self._open(dialog)

    def _write_actuals(self, facility_id: str, code: str, year: int, month: int, suffix: str) -> None:
        self._export(self.tr("Export actuals"), "actuals",
                     personal_name(f"actuals_{code}_{year:04d}-{month:02d}{suffix}"),
                     self.context.desk.sync.export_actuals, facility_id, year, month, personal=True)

    @staticmethod
    def _open(dialog: D) -> D:
        """Open ``dialog`` window-modally (without blocking); it deletes itself when closed."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _export(self, title: str, what: str, suggested: str, call: Callable[..., int], *args: object,
                personal: bool = False) -> None:
        """Ask where to write (``suggested`` as the name; its suffix added to a name typed
        without it), run ``call(*args, path)``, and say how many rows went where — or why
        nothing was written. Closing the file dialog does nothing; a ``personal`` file
        (children's names) is written outside the data folder only after a warning."""
        suffix = Path(suggested).suffix
        chosen = self.context.dialogs.save_file(self, title, suggested,
                                                XLSX_FILTER if suffix == XLSX else CSV_FILTER)
        if chosen is None:
            return
        path = with_suffix(chosen, suffix)
        if personal and not confirm_personal_save(self.context.dialogs, self, title, path):
            return
        outcome = self.context.run(call, *args, path)
        if not outcome.ok:
            self.context.dialogs.warn(self, title, outcome.message)
            return
        self.context.dialogs.inform(self, title, messages.export_done(what, outcome.value or 0, path,
                                                                      self.context.lang))

    # -- logging out and the automatic lock ------------------------------------------------
    def lock(self) -> QDialog | None:
        """ファイル → ログアウト (Ctrl+L): lock the window now; the login dialog, or None
        while no account exists."""
        return self.screen_lock.lock()

    def ask_idle_minutes(self) -> IdleMinutesDialog:
        """Ask the minutes after which this PC's window locks; returns the dialog (it opens
        window-modally and deletes itself when closed)."""
        dialog = IdleMinutesDialog(self.idle_lock.interval() // 60_000, self)
        dialog.accepted.connect(lambda: self.set_idle_minutes(dialog.minutes()))
        return self._open(dialog)

    def set_idle_minutes(self, minutes: int) -> None:
        """Keep the idle minutes on this PC (0: never lock) and count them from now."""
        ui_settings().setValue(IDLE_KEY, minutes)
        self.idle_lock.set_minutes(minutes)

    # -- inbox folder -------------------------------------------------------------------
    def _start_inbox(self) -> None:
        """Watch the inbox folder stored for this computer, if it is on."""
        from hoiku_desk.views.inbox import InboxWatcher

        self.inbox = InboxWatcher(self.context, self)
        self.inbox.imported.connect(self._inbox_imported)
        self.inbox.failed.connect(self._inbox_failed)
        self._apply_inbox(*inbox_setting())

    def set_inbox(self, folder: str, on: bool) -> None:
        """Keep the inbox setting on this computer and watch (or stop watching) accordingly."""
        settings = ui_settings()
        settings.setValue("inbox/folder", folder)
        settings.setValue("inbox/enabled", on)
        self._apply_inbox(folder, on)

    def _apply_inbox(self, folder: str, on: bool) -> None:
        if on and folder:
            self.inbox.watch(Path(folder).expanduser())
        else:
            self.inbox.stop()

    def _inbox_imported(self, file_name: str, report: ImportReport) -> None:
        from hoiku_desk.views.inbox import ARCHIVE

        text = self.tr("Inbox: imported “%1”. %2").replace("%1", file_name).replace(
            "%2", messages.import_summary(report.accepted, report.duplicates, report.cancelled,
                                          len(report.rejected), self.context.lang))
        if report.rejected:
            text += " " + self.tr("The rows not imported are listed beside the file in “%1”.").replace(
                "%1", ARCHIVE)
        self._say_inbox(text, error=False)

    def _inbox_failed(self, file_name: str, sentence: str) -> None:
        self._say_inbox(self.tr("Inbox, “%1”: %2").replace("%1", file_name).replace("%2", sentence),
                        error=True)

    def _say_inbox(self, text: str, *, error: bool) -> None:
        self.inbox_label.setText(text)
        self.inbox_label.setToolTip(text)
        self.inbox_label.setStyleSheet(ERROR_STYLE if error else "")

    # -- Help menu ----------------------------------------------------------------------
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
        self.inbox_label = QLabel(self)
        self.inbox_label.setObjectName("inboxLabel")
        self.staff_label = QLabel(self)
        self.staff_label.setObjectName("staffLabel")
        self.built_in_notice = QLabel(self.tr(
            "No administrator account yet: working as the built-in administrator "
            "(create one in Settings → Staff accounts)"), self)
        self.built_in_notice.setObjectName("builtInAdminNotice")
        self.built_in_notice.setStyleSheet(NOTICE_STYLE)
        self.built_in_notice.hide()
        # The last inbox result takes the room left and is cut there (whole in its tooltip):
        # it never squeezes the facility chooser.
        self.inbox_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        bar.addWidget(QLabel(self.tr("Facility:"), self))
        bar.addWidget(self.facility_box)
        bar.addWidget(self.date_label)
        bar.addWidget(self.waiting_label)
        bar.addWidget(self.inbox_label, 1)
        bar.addPermanentWidget(self.built_in_notice)
        bar.addPermanentWidget(self.staff_label)
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
        # The file's name (its folder in the tooltip and the About dialog) leaves the room
        # to the facility chooser and the notices.
        desk = self.context.desk
        shown = desk.path.name if desk.path is not None else desk.location
        self.database_label.setText(self.tr("Database: %1").replace("%1", shown))
        self.database_label.setToolTip(desk.location)

    def _refresh_staff(self) -> None:
        """Who works (name and role), or that nobody does: locked, not logged in, or no
        account yet — the program then acts as the built-in administrator, and says so."""
        staff = self.context.desk.current_staff
        accounts = bool(self.context.desk.staff.list())
        if staff is not None:
            role = self.tr("%1 (administrator)") if staff.is_admin else self.tr("%1 (staff)")
            text = role.replace("%1", staff.name)
        elif self.screen_lock.is_locked:
            text = self.tr("Locked")
        else:
            text = self.tr("Not logged in") if accounts else ""
        self.staff_label.setText(text)
        self.staff_label.setVisible(bool(text))
        self.built_in_notice.setVisible(not accounts)
        self.logout_action.setEnabled(accounts)

    def _count_waiting(self) -> None:
        """The waiting items counted cheaply while 承認待ち is not on screen (then it says)."""
        pane = self._built.get("approvals")
        if pane is None or not pane.isVisible():
            facility_id = self.context.facility_id
            self._show_waiting(self.context.desk.approvals.count(facility_id) if facility_id else 0)

    def _show_waiting(self, count: int) -> None:
        self.waiting_label.setText(self.tr("Waiting for approval: %1").replace("%1", str(count)))
