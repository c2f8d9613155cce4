"""Facility settings (施設設定, admin): the facility's rules, capacities, closures and opened
days, adding a facility (a nursery running both programs has two), the staff accounts
(職員アカウント), and this computer's inbox folder for request files (受信フォルダ)."""

from __future__ import annotations

from datetime import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelection, QItemSelectionModel, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hoiku_desk import messages
from hoiku_desk.services import Booking, CapacitySetting, FacilityRules, Staff
from hoiku_desk.views.booking_columns import booking_columns, times_text
from hoiku_desk.views.context import ViewContext
from hoiku_desk.views.inbox import ARCHIVE, ERRORS
from hoiku_desk.views.rules_form import RulesForm, weekday_names
from hoiku_desk.views.staff_dialog import StaffDialog, StaffDialogMode, role_label
from hoiku_desk.views.table_model import Column, RecordTableModel
from hoiku_desk.views.widgets import (
    ERROR_STYLE,
    date_edit,
    shortcut_button,
    table_view,
    time_edit,
    widget_key,
)

ACTIVE = ("pending", "confirmed")
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def applies_to(setting: CapacitySetting, lang: str) -> str:
    """The days a capacity setting covers: a date, a weekday, or every day."""
    if setting.on is not None:
        return messages.format_date(setting.on, lang, with_year=True)
    if setting.weekday is not None:
        return weekday_names(lang)[setting.weekday]
    return QCoreApplication.translate("SettingsPane", "Every day")


def hours_text(setting: CapacitySetting) -> str:
    """The hours a capacity setting covers: ``8:30–10:00``, open-ended ``8:30–``, or all day."""
    if setting.start is None and setting.end is None:
        return QCoreApplication.translate("SettingsPane", "All day")
    start = messages.format_time(setting.start) if setting.start else ""
    end = messages.format_time(setting.end) if setting.end else ""
    return f"{start}–{end}"


def capacity_model(lang: str, parent: QWidget | None = None) -> RecordTableModel[CapacitySetting]:
    """The stored capacity settings: applies to, hours, capacity."""
    return RecordTableModel([
        Column(QCoreApplication.translate("SettingsPane", "Applies to"), lambda c: applies_to(c, lang)),
        Column(QCoreApplication.translate("SettingsPane", "Hours"), hours_text),
        Column(QCoreApplication.translate("SettingsPane", "Capacity"), lambda c: str(c.capacity), RIGHT),
    ], parent)


def affected_model(lang: str, parent: QWidget | None = None) -> RecordTableModel[Booking]:
    """Bookings a closure affects; those no longer active (cancelled since) muted."""
    model: RecordTableModel[Booking] = RecordTableModel(booking_columns(lang), parent)
    model.muted = lambda b: b.status not in ACTIVE
    return model


def staff_model(parent: QWidget | None = None) -> RecordTableModel[Staff]:
    """The staff accounts: login, name, role, active or not (inactive ones greyed)."""
    model: RecordTableModel[Staff] = RecordTableModel([
        Column(QCoreApplication.translate("SettingsPane", "Login"), lambda s: s.login),
        Column(QCoreApplication.translate("SettingsPane", "Name"), lambda s: s.name),
        Column(QCoreApplication.translate("SettingsPane", "Role"), lambda s: role_label(s.role)),
        Column(QCoreApplication.translate("SettingsPane", "Account"),
               lambda s: QCoreApplication.translate("SettingsPane", "Active") if s.active
               else QCoreApplication.translate("SettingsPane", "Inactive")),
    ], parent)
    model.muted = lambda s: not s.active
    return model


def booking_lines(bookings: list[Booking], lang: str) -> str:
    """One line per booking: number, child, date, times."""
    return "\n".join(
        f"{b.number}  {b.child_name}  {messages.format_date(b.day, lang)}  {times_text(b)}" for b in bookings
    )


class SettingsPane(QWidget):
    """施設設定 (admin): rules form, stored capacities, closures, opened days, a new facility,
    the staff accounts.

    Every change goes through ``ctx.run``, so the other panes (the calendar first) refresh
    through ``ctx.changed``. The admin-only groups are disabled for staff logins (the
    services refuse their changes anyway) and enabled again on ``staffChanged``; staff see
    the accounts read-only and may change their own password only. The rules form is reloaded on ``changed`` only while it holds
    no unsaved edits, and always on ``facilityChanged``; the stored capacities always.
    The inbox folder is this computer's setting, not the database's: the pane only shows
    and edits it, the window keeps it (:meth:`show_inbox`, ``inboxChanged``).

    Signals:
        inboxChanged(str folder, bool on): staff chose another inbox folder, or turned the
            inbox on or off; ``on`` only for a folder that exists.
    """

    inboxChanged = Signal(str, bool)

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsPane")
        self.ctx = ctx
        self._loaded: FacilityRules | None = None
        self._inbox = ("", False)  # the inbox setting as last shown or announced
        self.capacity_model = capacity_model(ctx.lang, self)
        self.affected_model = affected_model(ctx.lang, self)
        self.staff_model = staff_model(self)
        self._build()
        ctx.changed.connect(self.refresh)
        ctx.facilityChanged.connect(lambda _id: self._facility_changed())
        ctx.staffChanged.connect(self._staff_changed)
        self._facility_changed()
        self._staff_changed()

    # -- building -----------------------------------------------------------------------
    def _build(self) -> None:
        content = QWidget(self)
        column = QVBoxLayout(content)
        self.admin_note = QLabel(self.tr(
            "Only an administrator can change the facility's rules, capacities and closed days, add "
            "a facility or manage the staff accounts. You can change your own password under "
            "Staff accounts."), content)
        self.admin_note.setObjectName("adminOnlyNote")
        self.admin_note.setWordWrap(True)
        column.addWidget(self.admin_note)
        column.addWidget(self._rules_group(content))
        column.addWidget(self._capacity_group(content))
        column.addWidget(self._closure_group(content))
        column.addWidget(self._facility_group(content))
        column.addWidget(self._staff_group(content))
        column.addWidget(self._inbox_group(content))
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setObjectName("settingsScroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.setFocusProxy(self.rules_form.editors["program"])

    def _rules_group(self, parent: QWidget) -> QGroupBox:
        self.rules_group = QGroupBox(self.tr("Facility rules"), parent)
        self.rules_form = RulesForm(self.ctx.lang, self.rules_group)
        self.save_button = shortcut_button(self, "saveRulesButton", self.tr("&Save rules"),
                                           self.tr("Save the changed rules"), "Ctrl+S")
        self.revert_button = shortcut_button(self, "revertRulesButton", self.tr("&Undo edits"),
                                             self.tr("Show the saved rules again"), "Ctrl+Shift+Z")
        self.save_button.clicked.connect(self.save_rules)
        self.revert_button.clicked.connect(self._load_rules)
        self.rules_status = self._status("rulesStatus")
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.rules_status, 1)
        layout = QVBoxLayout(self.rules_group)
        layout.addWidget(self.rules_form)
        layout.addLayout(buttons)
        return self.rules_group

    def _capacity_group(self, parent: QWidget) -> QGroupBox:
        self.capacity_group = QGroupBox(self.tr("Capacity"), parent)
        group = self.capacity_group
        row = QHBoxLayout()
        self.scope_box = QComboBox(group)
        self.scope_box.setObjectName("capacityScopeBox")
        self.scope_box.addItem(self.tr("Every day"), "all")
        self.scope_box.addItem(self.tr("Weekday"), "weekday")
        self.scope_box.addItem(self.tr("Date"), "date")
        self.scope_box.currentIndexChanged.connect(lambda _index: self._scope_changed())
        self.weekday_box = QComboBox(group)
        self.weekday_box.setObjectName("capacityWeekdayBox")
        self.weekday_box.addItems(weekday_names(self.ctx.lang))
        self.capacity_date_edit = date_edit(group, "capacityDateEdit", self.ctx.today(), lang=self.ctx.lang)
        self.hours_check = QCheckBox(self.tr("Only from"), group)
        self.hours_check.setObjectName("capacityHoursCheck")
        self.capacity_start_edit = time_edit(group, "capacityStartEdit", time(8, 30))
        self.capacity_end_edit = time_edit(group, "capacityEndEdit", time(12, 0))
        self.hours_check.toggled.connect(lambda _on: self._scope_changed())
        self.capacity_spin = QSpinBox(group)
        self.capacity_spin.setObjectName("capacitySpin")
        self.capacity_spin.setRange(0, 999)
        for widget in (self.scope_box, self.weekday_box, self.capacity_date_edit, self.hours_check,
                       self.capacity_start_edit):
            row.addWidget(widget)
        row.addWidget(QLabel(self.tr("to"), group))
        row.addWidget(self.capacity_end_edit)
        row.addWidget(QLabel(self.tr("Children per slot"), group))
        row.addWidget(self.capacity_spin)
        self.capacity_button = shortcut_button(
            self, "setCapacityButton", self.tr("Set &capacity"),
            self.tr("Set the capacity; bookings beyond it are listed, never cancelled"), "Ctrl+Shift+C")
        self.capacity_button.clicked.connect(self.set_capacity)
        row.addWidget(self.capacity_button)
        row.addStretch(1)
        self.capacity_status = self._status("capacityStatus")
        self.capacity_table = self._table(group, "capacityTable", self.capacity_model)
        self.capacity_table.horizontalHeader().setStretchLastSection(False)  # the numbers stay by their rows
        self.capacity_table.selectionModel().selectionChanged.connect(self._capacity_selected)
        widget_key(self.capacity_table, QKeySequence(QKeySequence.StandardKey.Delete), self.remove_capacity)
        self.remove_capacity_button = shortcut_button(
            self, "removeCapacityButton", self.tr("&Remove setting…"),
            self.tr("Remove the selected capacity setting (Delete in the list)"), "Ctrl+Shift+R")
        self.remove_capacity_button.clicked.connect(self.remove_capacity)
        note = QLabel(self.tr("Stored capacities: a date's wins over a weekday's, a weekday's over every "
                              "day's. Every day, all day is the rules' capacity per slot."), group)
        stored = QHBoxLayout()
        stored.addWidget(note, 1)
        stored.addWidget(self.remove_capacity_button)
        layout = QVBoxLayout(group)
        layout.addLayout(row)
        layout.addWidget(self.capacity_status)
        layout.addLayout(stored)
        layout.addWidget(self.capacity_table)
        self._scope_changed()
        return group

    def _closure_group(self, parent: QWidget) -> QGroupBox:
        self.closure_group = QGroupBox(self.tr("Closed and opened days"), parent)
        group = self.closure_group
        today = self.ctx.today()
        close = QHBoxLayout()
        self.close_date_edit = date_edit(group, "closeDayEdit", today, lang=self.ctx.lang)
        self.close_from_check = QCheckBox(self.tr("From"), group)
        self.close_from_check.setObjectName("closeFromCheck")
        self.close_from_edit = time_edit(group, "closeFromEdit", time(12, 0))
        self.close_from_check.toggled.connect(self.close_from_edit.setEnabled)
        self.close_from_edit.setEnabled(False)
        self.close_reason_edit = QLineEdit(group)
        self.close_reason_edit.setObjectName("closeReasonEdit")
        self.close_reason_edit.setPlaceholderText(self.tr("Reason (e.g. storm warning)"))
        self.close_reason_edit.returnPressed.connect(self.close_day)
        close.addWidget(QLabel(self.tr("Close"), group))
        for widget in (self.close_date_edit, self.close_from_check, self.close_from_edit):
            close.addWidget(widget)
        close.addWidget(self.close_reason_edit, 1)
        self.close_button = shortcut_button(self, "closeDayButton", self.tr("Close &day"),
                                            self.tr("Close the day (or from the time on)"), "Ctrl+Shift+D")
        self.close_button.clicked.connect(self.close_day)
        close.addWidget(self.close_button)
        self.closure_status = self._status("closureStatus")
        self.affected_table = self._table(group, "affectedTable", self.affected_model)
        reopen = QHBoxLayout()
        self.open_date_edit = date_edit(group, "openDayEdit", today, lang=self.ctx.lang)
        reopen.addWidget(QLabel(self.tr("Open a holiday, year-end day or closed weekday"), group))
        reopen.addWidget(self.open_date_edit)
        self.open_button = shortcut_button(self, "openDayButton", self.tr("&Open day"),
                                           self.tr("Open the day for bookings and lift its closures"),
                                           "Ctrl+Shift+O")
        self.open_button.clicked.connect(self.open_day)
        reopen.addWidget(self.open_button)
        reopen.addStretch(1)
        layout = QVBoxLayout(group)
        layout.addLayout(close)
        layout.addWidget(self.closure_status)
        layout.addWidget(self.affected_table)
        layout.addLayout(reopen)
        return group

    def _facility_group(self, parent: QWidget) -> QGroupBox:
        self.facility_group = QGroupBox(self.tr("Add a facility"), parent)
        group = self.facility_group
        row = QHBoxLayout()
        self.facility_code_edit = QLineEdit(group)
        self.facility_code_edit.setObjectName("facilityCodeEdit")
        self.facility_code_edit.setPlaceholderText(self.tr("Code"))
        self.facility_name_edit = QLineEdit(group)
        self.facility_name_edit.setObjectName("facilityNameEdit")
        self.facility_name_edit.setPlaceholderText(self.tr("Name"))
        self.facility_name_edit.returnPressed.connect(self.add_facility)
        self.program_box = QComboBox(group)
        self.program_box.setObjectName("facilityProgramBox")
        self.program_box.addItem(self.tr("Temporary childcare (ichiji)"), "ichiji")
        self.program_box.addItem(self.tr("Daredemo tsuen"), "daredemo")
        row.addWidget(self.facility_code_edit)
        row.addWidget(self.facility_name_edit, 1)
        row.addWidget(self.program_box)
        add = shortcut_button(self, "addFacilityButton", self.tr("&Add facility"),
                              self.tr("Add a facility with the program's default rules"), "Ctrl+Shift+F")
        add.clicked.connect(self.add_facility)
        row.addWidget(add)
        self.facility_status = self._status("facilityStatus")
        layout = QVBoxLayout(group)
        layout.addLayout(row)
        layout.addWidget(self.facility_status)
        return group

    def _staff_group(self, parent: QWidget) -> QGroupBox:
        group = QGroupBox(self.tr("Staff accounts"), parent)
        group.setObjectName("staffGroup")
        self.staff_who = QLabel(group)
        self.staff_who.setObjectName("staffWhoLabel")
        self.staff_who.setWordWrap(True)
        self.staff_table = self._table(group, "staffTable", self.staff_model)
        self.staff_table.selectionModel().selectionChanged.connect(self._staff_selected)
        self.staff_table.doubleClicked.connect(lambda _index: self._staff_default_action())
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            widget_key(self.staff_table, QKeySequence(key), self._staff_default_action)
        self.add_staff_button = shortcut_button(self, "addStaffButton", self.tr("Add &account…"),
                                                self.tr("Add a staff account"), "Ctrl+Shift+N")
        self.edit_staff_button = shortcut_button(self, "editStaffButton", self.tr("&Edit account…"),
                                                 self.tr("Change the selected account's name or role "
                                                         "(Enter in the list)"), "Ctrl+Shift+E")
        self.password_button = shortcut_button(self, "staffPasswordButton", self.tr("Change &password…"),
                                               self.tr("Set a new password for the selected account"),
                                               "Ctrl+Shift+K")
        self.active_button = shortcut_button(self, "staffActiveButton", self.tr("&Deactivate"),
                                             self.tr("Deactivate or activate the selected account"),
                                             "Ctrl+Shift+T")
        self.add_staff_button.clicked.connect(self.add_staff)
        self.edit_staff_button.clicked.connect(self.edit_staff)
        self.password_button.clicked.connect(self.change_password)
        self.active_button.clicked.connect(self.toggle_active)
        buttons = QHBoxLayout()
        for button in (self.add_staff_button, self.edit_staff_button, self.password_button, self.active_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.staff_status = self._status("staffStatus")
        layout = QVBoxLayout(group)
        layout.addWidget(self.staff_who)
        layout.addWidget(self.staff_table)
        layout.addLayout(buttons)
        layout.addWidget(self.staff_status)
        return group

    def _inbox_group(self, parent: QWidget) -> QGroupBox:
        group = QGroupBox(self.tr("Inbox folder for request files"), parent)
        group.setObjectName("inboxGroup")
        self.inbox_folder_edit = QLineEdit(group)
        self.inbox_folder_edit.setObjectName("inboxFolderEdit")
        self.inbox_folder_edit.setPlaceholderText(
            self.tr("The folder the online channels save request files in"))
        self.inbox_folder_edit.editingFinished.connect(self._inbox_folder_edited)
        folder_label = QLabel(self.tr("Fo&lder:"), group)
        folder_label.setBuddy(self.inbox_folder_edit)
        browse = QPushButton(self.tr("&Browse…"), group)
        browse.setObjectName("inboxBrowseButton")
        browse.setToolTip(self.tr("Choose the inbox folder"))
        browse.clicked.connect(self.browse_inbox)
        self.inbox_check = QCheckBox(self.tr("&Watch this folder and import new files automatically"), group)
        self.inbox_check.setObjectName("inboxEnabledCheck")
        self.inbox_check.toggled.connect(self._inbox_changed)
        note = QLabel(self.tr("Request files (CSV) saved in this folder are imported as they arrive. "
                              "Imported files move to its sub-folder “%1”, with the rows not imported "
                              "listed beside them; files that are not request files move to “%2”. "
                              "This setting is kept on this computer only.")
                      .replace("%1", ARCHIVE).replace("%2", ERRORS), group)
        note.setWordWrap(True)
        self.inbox_status = self._status("inboxStatus")
        row = QHBoxLayout()
        row.addWidget(folder_label)
        row.addWidget(self.inbox_folder_edit, 1)
        row.addWidget(browse)
        layout = QVBoxLayout(group)
        layout.addLayout(row)
        layout.addWidget(self.inbox_check)
        layout.addWidget(note)
        layout.addWidget(self.inbox_status)
        self._say_inbox()
        return group

    def _status(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        return label

    @staticmethod
    def _table(parent: QWidget, name: str, model: RecordTableModel[Any]) -> QTableView:
        table = table_view(parent, name, model)
        table.setMinimumHeight(120)
        return table

    # -- reading ------------------------------------------------------------------------
    def refresh(self) -> None:
        """After any change: reload the rules unless edits are pending and the stored
        capacities; re-read the statuses of the bookings a closure affected (they turn grey
        once cancelled)."""
        if self._loaded is None or not self.rules_form.changes(self._loaded):
            self._load_rules()
        self._load_capacities()
        self._load_staff()
        self._apply_role()
        affected = self.affected_model.rows()
        if affected:
            self.affected_model.set_rows([self.ctx.desk.bookings.get(b.id) for b in affected])

    def _facility_changed(self) -> None:
        facility = self.ctx.facility
        self._apply_role()
        self.affected_model.set_rows([])
        for label in (self.rules_status, self.capacity_status, self.closure_status):
            self._say(label, "")
        self._load_rules()
        self._load_capacities()
        if facility is not None:
            self.capacity_spin.setValue(facility.rules.default_capacity)

    def _apply_role(self) -> None:
        """Enable the admin-only groups for administrators (those about the facility only
        while there is one); for staff they stay readable, disabled, saying why."""
        admin = self.ctx.is_admin
        tip = "" if admin else self.tr("Only an administrator can change this")
        for group in (self.rules_group, self.capacity_group, self.closure_group):
            group.setEnabled(admin and self.ctx.facility is not None)
            group.setToolTip(tip)
        self.facility_group.setEnabled(admin)
        self.facility_group.setToolTip(tip)
        self.admin_note.setHidden(admin)
        self._staff_selected()

    def _load_rules(self) -> None:
        facility = self.ctx.facility
        self.rules_group.setTitle(
            self.tr("Facility rules: %1").replace("%1", f"{facility.code} {facility.name}") if facility
            else self.tr("Facility rules"))
        self._loaded = facility.rules if facility else None
        if facility is not None:
            self.rules_form.load(facility.rules)

    def _load_capacities(self) -> None:
        """Read the stored capacity settings again, keeping the selected one selected."""
        facility_id = self.ctx.facility_id
        selected = self.selected_capacity()
        settings = self.ctx.desk.facilities.capacities(facility_id) if facility_id else []
        self.capacity_model.set_rows(settings)
        ids = [setting.id for setting in settings]
        if selected is not None and selected.id in ids:
            self.capacity_table.selectionModel().select(
                self.capacity_model.index(ids.index(selected.id), 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
        self._capacity_selected()

    def selected_capacity(self) -> CapacitySetting | None:
        rows = self.capacity_table.selectionModel().selectedRows()
        return self.capacity_model.record(rows[0].row()) if rows else None

    def _capacity_selected(self, _selected: QItemSelection | None = None,
                           _deselected: QItemSelection | None = None) -> None:
        self.remove_capacity_button.setEnabled(self.selected_capacity() is not None)

    def _scope_changed(self) -> None:
        scope = self.scope_box.currentData()
        self.weekday_box.setEnabled(scope == "weekday")
        self.capacity_date_edit.setEnabled(scope == "date")
        self.capacity_start_edit.setEnabled(self.hours_check.isChecked())
        self.capacity_end_edit.setEnabled(self.hours_check.isChecked())

    @staticmethod
    def _say(label: QLabel, text: str, *, error: bool = False) -> None:
        label.setStyleSheet(ERROR_STYLE if error else "")
        label.setText(text)

    # -- rules --------------------------------------------------------------------------
    def save_rules(self) -> None:
        """Save the fields that differ from the facility's rules; a refusal saves nothing."""
        facility = self.ctx.facility
        if facility is None:
            return
        changes = self.rules_form.changes(facility.rules)
        if not changes:
            self._say(self.rules_status, self.tr("Nothing to save: no rule was changed."))
            return
        outcome = self.ctx.run(self._update_rules, facility.id, changes)
        if not outcome.ok:
            self._say(self.rules_status, outcome.message, error=True)
            return
        self._load_rules()
        self._say(self.rules_status, self.tr("Saved. New bookings follow the new rules."))
        self._warn_beyond(outcome.value or [])

    def _update_rules(self, facility_id: str, changes: dict[str, Any]) -> list[Booking]:
        """One transaction: the changed rules, and a changed default capacity through
        ``set_capacity`` so the bookings beyond a lowered one come back to be listed."""
        desk = self.ctx.desk
        rules = dict(changes)
        capacity = rules.pop("default_capacity", None)
        with desk.unit_of_work():
            if rules:
                desk.facilities.update_rules(facility_id, **rules)
            return [] if capacity is None else desk.facilities.set_capacity(facility_id, capacity)

    # -- capacity -----------------------------------------------------------------------
    def set_capacity(self) -> None:
        """Set a capacity (every day, a weekday or a date, optionally for hours); bookings now
        beyond it are listed in a warning and kept."""
        facility_id = self.ctx.facility_id
        if not facility_id:
            return
        scope = self.scope_box.currentData()
        options: dict[str, object] = {}
        if scope == "weekday":
            options["weekday"] = self.weekday_box.currentIndex()
        elif scope == "date":
            options["on"] = self.capacity_date_edit.day()
        if self.hours_check.isChecked():
            options.update(start=self.capacity_start_edit.time().toPython(),
                           end=self.capacity_end_edit.time().toPython())
        capacity = self.capacity_spin.value()
        outcome = self.ctx.run(self.ctx.desk.facilities.set_capacity, facility_id, capacity, **options)
        if not outcome.ok:
            self._say(self.capacity_status, outcome.message, error=True)
            return
        self._say(self.capacity_status,
                  self.tr("Capacity set: %1 per slot.").replace("%1", str(capacity)))
        self._warn_beyond(outcome.value or [])

    def remove_capacity(self) -> None:
        """Remove the selected stored capacity after confirming; the next level down (a
        weekday's, every day's, or the rules' capacity per slot) applies again."""
        facility_id, setting = self.ctx.facility_id, self.selected_capacity()
        if not facility_id or setting is None:
            return
        described = (self.tr("%1, %2: %3 per slot").replace("%1", applies_to(setting, self.ctx.lang))
                     .replace("%2", hours_text(setting)).replace("%3", str(setting.capacity)))
        question = self.tr("Remove the capacity setting %1? The capacity that applies without it "
                           "takes its place.").replace("%1", described)
        if not self.ctx.dialogs.confirm(self, self.tr("Remove capacity setting"), question):
            return
        outcome = self.ctx.run(self.ctx.desk.facilities.remove_capacity, facility_id, setting.id)
        if not outcome.ok:
            self._say(self.capacity_status, outcome.message, error=True)
            return
        self._say(self.capacity_status, self.tr("Removed the capacity setting %1.").replace("%1", described))

    def _warn_beyond(self, beyond: list[Booking]) -> None:
        """List the bookings a lowered capacity left beyond it (they are kept, never cancelled)."""
        if beyond:
            self.ctx.dialogs.warn(
                self, self.tr("Bookings beyond capacity"),
                self.tr("Bookings now beyond the capacity: %1. Nothing was cancelled:")
                .replace("%1", str(len(beyond))) + "\n" + booking_lines(beyond, self.ctx.lang),
            )

    # -- closures -----------------------------------------------------------------------
    def close_day(self) -> None:
        """Close the day (or from a time on); the affected bookings are listed for staff to
        cancel with the reason 施設都合 and phone the families."""
        facility_id = self.ctx.facility_id
        if not facility_id:
            return
        day = self.close_date_edit.day()
        from_time = self.close_from_edit.time().toPython() if self.close_from_check.isChecked() else None
        outcome = self.ctx.run(self.ctx.desk.facilities.close_day, facility_id, day,
                               self.close_reason_edit.text(), from_time=from_time)
        if not outcome.ok:
            self._say(self.closure_status, outcome.message, error=True)
            return
        affected = outcome.value or []
        self.affected_model.set_rows(affected)
        when = messages.format_date(day, self.ctx.lang, with_year=True)
        if from_time is not None:
            when = self.tr("%1 from %2").replace("%1", when).replace("%2", messages.format_time(from_time))
        if affected:
            text = (self.tr("Closed %1. Bookings affected: %2. Cancel them in the Reservations pane "
                            "with the reason “%3” and phone the families.")
                    .replace("%1", when).replace("%2", str(len(affected)))
                    .replace("%3", messages.reason_label("facility", self.ctx.lang)))
        else:
            text = self.tr("Closed %1. No bookings are affected.").replace("%1", when)
        self._say(self.closure_status, text)
        self.close_reason_edit.clear()

    def open_day(self) -> None:
        """Open a holiday, a year-end day or a closed weekday, and lift its closures."""
        facility_id = self.ctx.facility_id
        if not facility_id:
            return
        day = self.open_date_edit.day()
        outcome = self.ctx.run(self.ctx.desk.facilities.open_day, facility_id, day)
        if not outcome.ok:
            self._say(self.closure_status, outcome.message, error=True)
            return
        self._say(self.closure_status, self.tr("%1 is open for bookings.")
                  .replace("%1", messages.format_date(day, self.ctx.lang, with_year=True)))

    # -- facilities ---------------------------------------------------------------------
    def add_facility(self) -> None:
        """Add a facility with its program's default rules (daredemo: quota and ages)."""
        program = self.program_box.currentData()
        rules = FacilityRules.daredemo() if program == "daredemo" else FacilityRules()
        outcome = self.ctx.run(self.ctx.desk.facilities.add, self.facility_code_edit.text(),
                               self.facility_name_edit.text(), rules)
        if not outcome.ok or outcome.value is None:
            self._say(self.facility_status, outcome.message, error=True)
            return
        facility = outcome.value
        self.facility_code_edit.clear()
        self.facility_name_edit.clear()
        self._say(self.facility_status, self.tr("Added %1 %2: choose it in the status bar to work on it.")
                  .replace("%1", facility.code).replace("%2", facility.name))

    # -- staff accounts -----------------------------------------------------------------
    def _staff_changed(self) -> None:
        """Someone logged in or out: say who works, and enable what their role allows."""
        self._load_staff()
        self._apply_role()
        self._say(self.staff_status, "")

    def _load_staff(self) -> None:
        """Read the accounts again, keeping the selected one selected."""
        selected = self.selected_staff()
        accounts = self.ctx.desk.staff.list()
        self.staff_model.set_rows(accounts)
        if selected is not None:
            self._select_staff(selected.id)
        me = self.ctx.desk.current_staff
        if me is not None:
            text = (self.tr("Logged in: %1 (%2), %3.").replace("%1", me.name).replace("%2", me.login)
                    .replace("%3", role_label(me.role)))
        elif accounts:
            text = self.tr("Nobody is logged in.")
        else:
            text = self.tr("No account exists yet: the program acts as the built-in administrator. "
                           "Add the administrator's account first, then one for each member of staff.")
        self.staff_who.setText(text)

    def _select_staff(self, staff_id: str) -> None:
        ids = [staff.id for staff in self.staff_model.rows()]
        if staff_id in ids:
            self.staff_table.selectionModel().setCurrentIndex(
                self.staff_model.index(ids.index(staff_id), 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )

    def selected_staff(self) -> Staff | None:
        rows = self.staff_table.selectionModel().selectedRows()
        return self.staff_model.record(rows[0].row()) if rows else None

    def _own(self, staff: Staff | None) -> bool:
        me = self.ctx.desk.current_staff
        return staff is not None and me is not None and me.id == staff.id

    def _staff_selected(self, _selected: QItemSelection | None = None,
                        _deselected: QItemSelection | None = None) -> None:
        """Administrators manage every account; staff may only set their own password."""
        staff, admin = self.selected_staff(), self.ctx.is_admin
        self.add_staff_button.setEnabled(admin)
        self.edit_staff_button.setEnabled(admin and staff is not None)
        self.active_button.setEnabled(admin and staff is not None)
        self.active_button.setText(self.tr("&Activate") if staff is not None and not staff.active
                                   else self.tr("&Deactivate"))
        self.password_button.setEnabled(staff is not None and (admin or self._own(staff)))

    def _staff_default_action(self) -> None:
        """Enter in the list: edit the account (administrators), or change one's own password."""
        if self.edit_staff_button.isEnabled():
            self.edit_staff()
        elif self.password_button.isEnabled():
            self.change_password()

    def add_staff(self) -> StaffDialog | None:
        return self._open_staff_dialog(StaffDialogMode.ADD, None) if self.ctx.is_admin else None

    def edit_staff(self) -> StaffDialog | None:
        staff = self.selected_staff()
        if staff is None or not self.ctx.is_admin:
            return None
        return self._open_staff_dialog(StaffDialogMode.EDIT, staff)

    def change_password(self) -> StaffDialog | None:
        staff = self.selected_staff()
        if staff is None or not (self.ctx.is_admin or self._own(staff)):
            return None
        return self._open_staff_dialog(StaffDialogMode.PASSWORD, staff)

    def _open_staff_dialog(self, mode: StaffDialogMode, staff: Staff | None) -> StaffDialog:
        """Open the account dialog window-modally (without blocking); it deletes itself."""
        self._say(self.staff_status, "")
        dialog = StaffDialog(self.ctx, mode, staff, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda saved: self._staff_saved(mode, saved))
        dialog.open()
        return dialog

    def _staff_saved(self, mode: StaffDialogMode, staff: Staff) -> None:
        self._select_staff(staff.id)
        texts = {StaffDialogMode.ADD: self.tr("Added the account %1."),
                 StaffDialogMode.EDIT: self.tr("Saved the account %1."),
                 StaffDialogMode.PASSWORD: self.tr("Set a new password for %1.")}
        self._say(self.staff_status, texts[mode].replace("%1", f"{staff.name} ({staff.login})"))

    def toggle_active(self) -> None:
        """Deactivate the selected account after confirming (it can no longer log in; its
        entries in the audit log stay), or activate it again."""
        staff = self.selected_staff()
        if staff is None or not self.ctx.is_admin:
            return
        named = f"{staff.name} ({staff.login})"
        if staff.active and not self.ctx.dialogs.confirm(
                self, self.tr("Deactivate the account"),
                self.tr("Deactivate the account %1? It can no longer log in; what it did stays in "
                        "the audit log.").replace("%1", named)):
            return
        outcome = self.ctx.run(self.ctx.desk.staff.update, staff.id, active=not staff.active)
        if not outcome.ok:
            self._say(self.staff_status, outcome.message, error=True)
            return
        text = self.tr("Deactivated %1.") if staff.active else self.tr("Activated %1.")
        self._say(self.staff_status, text.replace("%1", named))

    # -- inbox folder -------------------------------------------------------------------
    def show_inbox(self, folder: str, on: bool) -> None:
        """Show the stored inbox setting (without announcing it as a change)."""
        with QSignalBlocker(self.inbox_folder_edit), QSignalBlocker(self.inbox_check):
            self.inbox_folder_edit.setText(folder)
            self.inbox_check.setChecked(on)
        self._inbox = (folder, on)
        self._say_inbox()

    def inbox_folder(self) -> str:
        return self.inbox_folder_edit.text().strip()

    def browse_inbox(self) -> None:
        """Choose the inbox folder with the folder chooser."""
        chosen = self.ctx.dialogs.choose_folder(self, self.tr("Inbox folder"), self.inbox_folder())
        if chosen is None:
            return
        self.inbox_folder_edit.setText(str(chosen))
        self._inbox_folder_edited()

    def _inbox_folder_edited(self) -> None:
        self._inbox_changed(self.inbox_check.isChecked())

    def _inbox_changed(self, on: bool) -> None:
        """Announce a changed setting; the inbox stays off while its folder does not exist."""
        folder = self.inbox_folder()
        if on and not Path(folder).expanduser().is_dir():
            with QSignalBlocker(self.inbox_check):
                self.inbox_check.setChecked(False)
            self._say(self.inbox_status, self.tr("The folder “%1” does not exist. Choose a folder first.")
                      .replace("%1", folder) if folder else self.tr("Choose a folder first."), error=True)
            on = False
        else:
            self._say_inbox()
        if (folder, on) != self._inbox:
            self._inbox = (folder, on)
            self.inboxChanged.emit(folder, on)

    def _say_inbox(self) -> None:
        if self.inbox_check.isChecked():
            text = (self.tr("New request files in “%1” are imported automatically.")
                    .replace("%1", self.inbox_folder()))
        else:
            text = self.tr("The inbox is off: import request files with File ▸ Import request "
                           "file (Ctrl+I).")
        self._say(self.inbox_status, text)
