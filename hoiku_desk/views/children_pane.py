"""Children & registrations (児童・利用登録): find and edit children, apply, approve or reject
registrations after the interview, interview slots and bookings, and the March list of
registrations ending on 31 March that still have bookings after it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, time, timedelta
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QItemSelection, QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hoiku_desk import messages
from hoiku_desk.services import Booking, Child, InterviewSlot, Registration
from hoiku_desk.services.clock import age_months, fiscal_year_end
from hoiku_desk.views.booking_columns import kind_text, times_text
from hoiku_desk.views.child_dialog import ChildDialog, InterviewDateDialog, validity_text
from hoiku_desk.views.context import ViewContext
from hoiku_desk.views.table_model import Column, RecordTableModel
from hoiku_desk.views.widgets import (
    date_edit,
    error_label,
    shortcut_button,
    show_error,
    table_view,
    time_edit,
    widget_key,
)

ACTIVE = ("pending", "confirmed")
# How far ahead open interview slots are listed.
INTERVIEW_DAYS = 60
R = TypeVar("R")


@dataclass(frozen=True)
class ChildRow:
    """A child as listed: its age today and its newest registration at this facility."""

    child: Child
    age: str
    registration: Registration | None


@dataclass(frozen=True)
class ExpiringRow:
    """A registration ending on 31 March whose child still has bookings after that day."""

    child_name: str
    child_kana: str
    valid_until: date
    bookings: tuple[Booking, ...]


def registration_status(registration: Registration) -> str:
    """申込み中 / 承認済み / 不承認 / 期限切れ (English source strings)."""
    labels = {
        "applied": QCoreApplication.translate("ChildrenPane", "Applied"),
        "approved": QCoreApplication.translate("ChildrenPane", "Approved"),
        "rejected": QCoreApplication.translate("ChildrenPane", "Rejected"),
        "expired": QCoreApplication.translate("ChildrenPane", "Expired"),
    }
    return labels.get(registration.status, registration.status)


def registration_summary(registration: Registration | None, lang: str) -> str:
    """The registration at this facility in one phrase: "Approved until 2026年3月31日(火)"."""
    if registration is None:
        return QCoreApplication.translate("ChildrenPane", "None")
    if registration.status == "approved" and registration.valid_until is not None:
        until = messages.format_date(registration.valid_until, lang, with_year=True)
        return QCoreApplication.translate("ChildrenPane", "Approved until %1").replace("%1", until)
    return registration_status(registration)


def _day(value: date | None, lang: str) -> str:
    return messages.format_date(value, lang, with_year=True) if value else ""


def child_model(lang: str, parent: QWidget | None = None) -> RecordTableModel[ChildRow]:
    """Name, kana, birth date, age, guardian, phone, registration here; expired muted."""
    model: RecordTableModel[ChildRow] = RecordTableModel([
        Column(QCoreApplication.translate("ChildrenPane", "Name"), lambda r: r.child.name),
        Column(QCoreApplication.translate("ChildrenPane", "Kana"), lambda r: r.child.kana),
        Column(QCoreApplication.translate("ChildrenPane", "Birth date"),
               lambda r: _day(r.child.birth_date, lang)),
        Column(QCoreApplication.translate("ChildrenPane", "Age"), lambda r: r.age),
        Column(QCoreApplication.translate("ChildrenPane", "Guardian"), lambda r: r.child.guardian_name),
        Column(QCoreApplication.translate("ChildrenPane", "Phone"), lambda r: r.child.phone),
        Column(QCoreApplication.translate("ChildrenPane", "Registration"),
               lambda r: registration_summary(r.registration, lang)),
    ], parent)
    model.muted = lambda r: r.registration is None or r.registration.status in ("expired", "rejected")
    return model


def registration_model(
    facility_name: Callable[[str], str], lang: str, parent: QWidget | None = None
) -> RecordTableModel[Registration]:
    """Facility, status, interview date, valid until; ``facility_name`` reads a cached map."""
    return RecordTableModel([
        Column(QCoreApplication.translate("ChildrenPane", "Facility"), lambda r: facility_name(r.facility_id)),
        Column(QCoreApplication.translate("ChildrenPane", "Status"), registration_status,
               tooltip=lambda r: r.reject_reason),
        Column(QCoreApplication.translate("ChildrenPane", "Interviewed on"),
               lambda r: _day(r.interviewed_on, lang)),
        Column(QCoreApplication.translate("ChildrenPane", "Valid until"), lambda r: _day(r.valid_until, lang)),
    ], parent)


def slot_model(lang: str, parent: QWidget | None = None) -> RecordTableModel[InterviewSlot]:
    """Open interview slots: date, times, capacity, places left."""
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    return RecordTableModel([
        Column(QCoreApplication.translate("ChildrenPane", "Date"), lambda s: messages.format_date(s.day, lang)),
        Column(QCoreApplication.translate("ChildrenPane", "Time"),
               lambda s: f"{messages.format_time(s.start)}–{messages.format_time(s.end)}"),
        Column(QCoreApplication.translate("ChildrenPane", "Capacity"), lambda s: str(s.capacity), right),
        Column(QCoreApplication.translate("ChildrenPane", "Left"), lambda s: str(s.remaining), right),
    ], parent)


def upcoming_model(lang: str, parent: QWidget | None = None) -> RecordTableModel[Booking]:
    """The child's active bookings here from today; interviews carry "(面談用)"."""
    return RecordTableModel([
        Column(QCoreApplication.translate("ChildrenPane", "Number"), lambda b: b.number),
        Column(QCoreApplication.translate("ChildrenPane", "Date"), lambda b: messages.format_date(b.day, lang)),
        Column(QCoreApplication.translate("ChildrenPane", "Time"), times_text),
        Column(QCoreApplication.translate("ChildrenPane", "Kind"), lambda b: kind_text(b, lang)),
        Column(QCoreApplication.translate("ChildrenPane", "Status"),
               lambda b: messages.status_label(b.status, lang)),
    ], parent)


def _bookings_text(bookings: tuple[Booking, ...], lang: str, separator: str) -> str:
    return separator.join(
        f"{b.number} {messages.format_date(b.day, lang)} {times_text(b)} {kind_text(b, lang)}"
        for b in bookings
    )


def expiring_model(lang: str, parent: QWidget | None = None) -> RecordTableModel[ExpiringRow]:
    """The March list: child, kana, valid until, the bookings after it."""
    return RecordTableModel([
        Column(QCoreApplication.translate("ChildrenPane", "Child"), lambda r: r.child_name),
        Column(QCoreApplication.translate("ChildrenPane", "Kana"), lambda r: r.child_kana),
        Column(QCoreApplication.translate("ChildrenPane", "Valid until"), lambda r: _day(r.valid_until, lang)),
        Column(QCoreApplication.translate("ChildrenPane", "Bookings after it"),
               lambda r: _bookings_text(r.bookings, lang, " / "),
               tooltip=lambda r: _bookings_text(r.bookings, lang, "\n")),
    ], parent)


def _selected(table: QTableView, model: RecordTableModel[R]) -> R | None:
    rows = table.selectionModel().selectedRows()
    return model.record(rows[0].row()) if rows else None


class ChildrenPane(QWidget):
    """児童・利用登録: children found by kana, name or phone, their registrations here, interview
    slots, and the March list. Every change goes through ``ctx.run``; the pane refreshes on
    ``ctx.changed`` and ``ctx.facilityChanged``.

    Has no signals of its own.
    """

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("childrenPane")
        self.ctx = ctx
        self._facility_names: dict[str, str] = {}
        self._here: dict[str, Registration] = {}
        self._reselecting = False
        self.child_model = child_model(ctx.lang, self)
        self.registration_model = registration_model(
            lambda facility_id: self._facility_names.get(facility_id, ""), ctx.lang, self
        )
        self.upcoming_model = upcoming_model(ctx.lang, self)
        self.slot_model = slot_model(ctx.lang, self)
        self.expiring_model = expiring_model(ctx.lang, self)
        self._build()
        ctx.follow(self.refresh, while_shown=self)
        self.refresh()

    # -- building -----------------------------------------------------------------------
    def _build(self) -> None:
        top = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setObjectName("childrenSearch")
        self.search.setPlaceholderText(self.tr("Kana, name or phone (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _text: self._search())
        self.search.returnPressed.connect(self._focus_table)
        widget_key(self.search, QKeySequence(Qt.Key.Key_Down), self._focus_table)
        widget_key(self, QKeySequence("Ctrl+F"), self._focus_search,
                   Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.add_button = shortcut_button(self, "addChildButton", self.tr("&Add child…"),
                                          self.tr("Add a child"), "Ctrl+N")
        self.edit_button = shortcut_button(self, "editChildButton", self.tr("&Edit child…"),
                                           self.tr("Edit the selected child"), "Ctrl+E")
        self.expiring_button = shortcut_button(
            self, "expiringButton", self.tr("&March list"),
            self.tr("Registrations ending on 31 March with bookings after it"), "Ctrl+Shift+M")
        self.add_button.clicked.connect(self.add_child)
        self.edit_button.clicked.connect(self.edit_child)
        self.expiring_button.clicked.connect(self.show_expiring)
        top.addWidget(QLabel(self.tr("Search:"), self))
        top.addWidget(self.search, 1)
        for button in (self.add_button, self.edit_button, self.expiring_button):
            top.addWidget(button)
        self.error = error_label(self, "childrenError")

        self.table = table_view(self, "childrenTable", self.child_model)
        self.table.selectionModel().selectionChanged.connect(self._child_selected)
        self.table.activated.connect(lambda _index: self.edit_child())

        self.details = QTabWidget(self)
        self.details.setObjectName("childDetailTabs")
        self.details.addTab(self._registrations_tab(), self.tr("Registrations"))
        self.details.addTab(self._interviews_tab(), self.tr("Interview slots"))
        self.march_tab = self._march_tab()
        self.details.addTab(self.march_tab, self.tr("March list"))
        self.details.currentChanged.connect(lambda _index: self._load_expiring())

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.error)
        layout.addWidget(splitter, 1)
        self.setFocusProxy(self.search)

    def _registrations_tab(self) -> QWidget:
        tab = QWidget(self)
        self.apply_button = shortcut_button(
            tab, "applyButton", self.tr("A&pply at this facility"),
            self.tr("Register the child at this facility (applied, waiting for the interview)"),
            "Ctrl+Shift+P")
        self.approve_button = shortcut_button(
            tab, "approveRegistrationButton", self.tr("Appro&ve after interview…"),
            self.tr("Approve the selected registration with the interview date"), "Ctrl+Shift+V")
        self.reject_button = shortcut_button(
            tab, "rejectRegistrationButton", self.tr("Re&ject…"),
            self.tr("Reject the selected registration with a reason"), "Ctrl+Shift+J")
        self.apply_button.clicked.connect(self.apply_here)
        self.approve_button.clicked.connect(self.approve_selected)
        self.reject_button.clicked.connect(self.reject_selected)
        buttons = QHBoxLayout()
        for button in (self.apply_button, self.approve_button, self.reject_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.registration_table = table_view(tab, "registrationTable", self.registration_model)
        self.registration_table.selectionModel().selectionChanged.connect(
            lambda _s, _d: self._update_actions()
        )
        self.upcoming_table = table_view(tab, "childBookingTable", self.upcoming_model)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.registration_table, 1)
        layout.addLayout(buttons)
        layout.addWidget(QLabel(self.tr("Bookings at this facility from today:"), tab))
        layout.addWidget(self.upcoming_table, 1)
        return tab

    def _interviews_tab(self) -> QWidget:
        tab = QWidget(self)
        self.slot_table = table_view(tab, "interviewSlotTable", self.slot_model)
        self.slot_table.selectionModel().selectionChanged.connect(lambda _s, _d: self._update_actions())
        self.slot_table.activated.connect(lambda _index: self.book_interview())
        today = self.ctx.today()
        form = QHBoxLayout()
        self.slot_day_edit = date_edit(tab, "slotDayEdit", today, lang=self.ctx.lang)
        self.slot_start_edit = time_edit(tab, "slotStartEdit", time(10, 0))
        self.slot_end_edit = time_edit(tab, "slotEndEdit", time(10, 30))
        self.slot_capacity_spin = QSpinBox(tab)
        self.slot_capacity_spin.setObjectName("slotCapacitySpin")
        self.slot_capacity_spin.setRange(1, 99)
        for label, widget in ((self.tr("Day"), self.slot_day_edit), (self.tr("From"), self.slot_start_edit),
                              (self.tr("To"), self.slot_end_edit),
                              (self.tr("Families"), self.slot_capacity_spin)):
            form.addWidget(QLabel(label, tab))
            form.addWidget(widget)
        self.add_slot_button = shortcut_button(
            tab, "addSlotButton", self.tr("Add s&lot"), self.tr("Add an interview slot (admin)"),
            "Ctrl+Shift+L")
        self.add_slot_button.clicked.connect(self.add_slot)
        form.addWidget(self.add_slot_button)
        form.addStretch(1)
        self.book_interview_button = shortcut_button(
            tab, "bookInterviewButton", self.tr("&Book interview"),
            self.tr("Book the selected child's application into the selected slot"), "Ctrl+Shift+B")
        self.book_interview_button.clicked.connect(self.book_interview)
        book = QHBoxLayout()
        book.addWidget(self.book_interview_button)
        book.addStretch(1)
        layout = QVBoxLayout(tab)
        layout.addWidget(QLabel(self.tr("Open interview slots (next %1 days):")
                                .replace("%1", str(INTERVIEW_DAYS)), tab))
        layout.addWidget(self.slot_table, 1)
        layout.addLayout(book)
        layout.addLayout(form)
        return tab

    def _march_tab(self) -> QWidget:
        tab = QWidget(self)
        self.expiring_table = table_view(tab, "expiringTable", self.expiring_model)
        self.expiring_note = QLabel(tab)
        self.expiring_note.setObjectName("expiringNote")
        self.expiring_note.setWordWrap(True)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.expiring_note)
        layout.addWidget(self.expiring_table, 1)
        return tab

    # -- reading ------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read facilities, this facility's registrations, the search, the child's details,
        the open interview slots, and the March list when it is shown."""
        facility_id = self.ctx.facility_id
        desk = self.ctx.desk
        self._facility_names = {f.id: f.name for f in desk.facilities.list()}
        self._search()
        today = self.ctx.today()
        slots = desk.interviews.open_slots(facility_id, today, today + timedelta(days=INTERVIEW_DAYS)) \
            if facility_id else []
        selected = _selected(self.slot_table, self.slot_model)
        self.slot_model.set_rows(slots)
        self._reselect(self.slot_table, [s.id for s in slots], selected.id if selected else None)
        self._load_expiring()
        self._update_actions()

    def current_child(self) -> Child | None:
        row = _selected(self.table, self.child_model)
        return row.child if row else None

    def current_registration(self) -> Registration | None:
        return _selected(self.registration_table, self.registration_model)

    def _search(self) -> None:
        """Search as the text changes, with each child's registration here read afresh;
        keep the selected child selected (else the first)."""
        text = self.search.text()
        desk, facility_id = self.ctx.desk, self.ctx.facility_id
        children = desk.children.search(text) if text.strip() else []
        registrations = desk.registrations.for_facility(facility_id) if children and facility_id else []
        self._here = {r.child_id: r for r in registrations}  # oldest first: the newest wins
        today = self.ctx.today()
        selected = self.current_child()
        self.child_model.set_rows([
            ChildRow(c, messages.format_age(max(age_months(c.birth_date, today), 0), self.ctx.lang),
                     self._here.get(c.id))
            for c in children
        ])
        self._reselect(self.table, [c.id for c in children], selected.id if selected else None)
        self._show_child()

    def _reselect(self, table: QTableView, ids: list[str], wanted: str | None) -> None:
        """Select the row of ``wanted`` (else the first) after the rows were replaced; the
        caller shows what follows from it, so the selection handler stays quiet meanwhile."""
        if not ids:
            return
        self._reselecting = True
        try:
            table.selectionModel().setCurrentIndex(
                table.model().index(ids.index(wanted) if wanted in ids else 0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
        finally:
            self._reselecting = False

    def _child_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        if not self._reselecting:
            self._show_child()

    def _show_child(self) -> None:
        """The selected child's registrations (this facility's selected) and bookings here."""
        child = self.current_child()
        desk = self.ctx.desk
        registrations = desk.registrations.for_child(child.id) if child else []
        self.registration_model.set_rows(registrations)
        here = [r.id for r in registrations if r.facility_id == self.ctx.facility_id]
        self._reselect(self.registration_table, [r.id for r in registrations], here[0] if here else None)
        upcoming: list[Booking] = []
        if child is not None and self.ctx.facility_id:
            found = desk.bookings.search(self.ctx.facility_id, statuses=ACTIVE,
                                         from_day=self.ctx.today(), query=child.kana)
            upcoming = [b for b in found if b.child_id == child.id]
        self.upcoming_model.set_rows(upcoming)
        self._update_actions()

    def _load_expiring(self) -> None:
        """The March list, read only while its tab is shown (and on every refresh then)."""
        if self.details.currentWidget() is not self.march_tab:
            return
        facility_id = self.ctx.facility_id
        end = fiscal_year_end(self.ctx.today())
        rows: list[ExpiringRow] = []
        if facility_id:
            desk = self.ctx.desk
            ending = [r for r in desk.registrations.for_facility(facility_id, status="approved")
                      if r.valid_until == end]
            after = desk.bookings.search(facility_id, from_day=end + timedelta(days=1), statuses=ACTIVE) \
                if ending else []
            for registration in ending:
                bookings = tuple(b for b in after if b.child_id == registration.child_id)
                if bookings:
                    rows.append(ExpiringRow(bookings[0].child_name, bookings[0].child_kana, end, bookings))
        self.expiring_model.set_rows(rows)
        self.expiring_note.setText(
            self.tr("Registrations ending on %1 that still have bookings after it: %2")
            .replace("%1", messages.format_date(end, self.ctx.lang, with_year=True))
            .replace("%2", str(len(rows)))
        )

    def _update_actions(self) -> None:
        has_facility = bool(self.ctx.facility_id)
        child = self.current_child()
        registration = self.current_registration()
        deciding = registration is not None and registration.status == "applied"
        self.edit_button.setEnabled(child is not None)
        self.apply_button.setEnabled(child is not None and has_facility)
        self.approve_button.setEnabled(deciding)
        self.reject_button.setEnabled(deciding)
        self.add_slot_button.setEnabled(has_facility)
        self.book_interview_button.setEnabled(
            child is not None and _selected(self.slot_table, self.slot_model) is not None
        )

    def _show_error(self, text: str) -> None:
        show_error(self.error, text)

    # -- keyboard -----------------------------------------------------------------------
    def _focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _focus_table(self) -> None:
        if self.child_model.rowCount():
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- children -----------------------------------------------------------------------
    def add_child(self) -> None:
        """Open the child dialog empty; once saved, the new child is searched and selected."""
        self._open_child_dialog(None)

    def edit_child(self) -> None:
        child = self.current_child()
        if child is not None:
            self._open_child_dialog(child)

    def _open_child_dialog(self, child: Child | None) -> None:
        self._show_error("")
        dialog = ChildDialog(self.ctx, child, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._show_saved)
        dialog.open()

    def _show_saved(self, child: Child) -> None:
        self.search.setText(child.kana)
        self._reselect(self.table, [r.child.id for r in self.child_model.rows()], child.id)
        self._show_child()

    # -- registrations ------------------------------------------------------------------
    def apply_here(self) -> None:
        """Register the selected child at this facility (applied, interview next)."""
        child = self.current_child()
        if child is None or not self.ctx.facility_id:
            return
        self._show_error("")
        outcome = self.ctx.run(self.ctx.desk.registrations.apply, child.id, self.ctx.facility_id)
        self._show_error(outcome.message)

    def approve_selected(self) -> None:
        """Ask the interview date, then approve: valid until 31 March of that fiscal year."""
        registration = self.current_registration()
        child = self.current_child()
        if registration is None or child is None or registration.status != "applied":
            return
        self._show_error("")
        dialog = InterviewDateDialog(self.ctx, child.name, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._approve(registration, child, dialog.interviewed_on()))
        dialog.open()

    def _approve(self, registration: Registration, child: Child, interviewed_on: date) -> None:
        outcome = self.ctx.run(
            self.ctx.desk.registrations.approve, registration.id, interviewed_on=interviewed_on
        )
        if not outcome.ok or outcome.value is None:
            self._show_error(outcome.message)
            return
        until = outcome.value.valid_until
        text = validity_text(until, self.ctx.lang) if until else ""
        self.ctx.dialogs.inform(self, self.tr("Registration approved"),
                                self.tr("%1: %2").replace("%1", child.name).replace("%2", text))

    def reject_selected(self) -> None:
        """Reject the selected application with a reason asked for; no reason, no rejection."""
        registration = self.current_registration()
        if registration is None or registration.status != "applied":
            return
        self._show_error("")
        reason = self.ctx.dialogs.ask_text(self, self.tr("Reject registration"),
                                           self.tr("Reason for rejecting:"))
        if reason is None or not reason.strip():
            return
        outcome = self.ctx.run(self.ctx.desk.registrations.reject, registration.id, reason.strip())
        self._show_error(outcome.message)

    # -- interviews ---------------------------------------------------------------------
    def add_slot(self) -> None:
        """Add an interview slot at this facility (admin)."""
        if not self.ctx.facility_id:
            return
        self._show_error("")
        outcome = self.ctx.run(
            self.ctx.desk.interviews.add_slot, self.ctx.facility_id,
            self.slot_day_edit.day(), self.slot_start_edit.time().toPython(),
            self.slot_end_edit.time().toPython(), self.slot_capacity_spin.value(),
        )
        self._show_error(outcome.message)

    def book_interview(self) -> None:
        """Book the selected child's application at this facility into the selected slot."""
        child = self.current_child()
        slot = _selected(self.slot_table, self.slot_model)
        if child is None or slot is None:
            return
        registration = self._here.get(child.id)
        if registration is None or registration.status != "applied":
            self._show_error(self.tr("%1 has no application at this facility: apply first.")
                             .replace("%1", child.name))
            return
        self._show_error("")
        outcome = self.ctx.run(self.ctx.desk.interviews.book, registration.id, slot.id)
        if not outcome.ok or outcome.value is None:
            self._show_error(outcome.message)
            return
        booking = outcome.value
        details = (f"{booking.number} {messages.format_date(booking.day, self.ctx.lang)} "
                   f"{times_text(booking)} {kind_text(booking, self.ctx.lang)}")
        self.ctx.dialogs.inform(self, self.tr("Interview booked"),
                                self.tr("%1: %2").replace("%1", child.name).replace("%2", details))

    # -- the March list -----------------------------------------------------------------
    def show_expiring(self) -> None:
        """Show the March list (read now) and put the focus on it."""
        if self.details.currentWidget() is self.march_tab:
            self._load_expiring()
        else:
            self.details.setCurrentWidget(self.march_tab)  # reads it through currentChanged
        self.expiring_table.setFocus(Qt.FocusReason.ShortcutFocusReason)
