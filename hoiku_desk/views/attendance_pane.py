"""出席簿: the day's expected children with check-in, check-out, no-show and payment."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QItemSelection, QModelIndex, Qt
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QVBoxLayout, QWidget

from hoiku_desk import messages
from hoiku_desk.services import AttendanceRow, errors
from hoiku_desk.services.clock import age_months
from hoiku_desk.views.booking_columns import pickup_text
from hoiku_desk.views.context import ViewContext
from hoiku_desk.views.table_model import Column, RecordTableModel
from hoiku_desk.views.widgets import date_edit, error_label, shortcut_button, show_error, table_view

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
ALLERGY_COLUMN = 4
# Statuses of a child still expected (check-in and no-show apply).
EXPECTED = ("pending", "confirmed")


def _clock(at: datetime | None) -> str:
    return messages.format_time(at.time()) if at else ""


def _times(row: AttendanceRow) -> str:
    return f"{messages.format_time(row.start)}–{messages.format_time(row.end)}"


def status_text(row: AttendanceRow, lang: str) -> str:
    """The status; once the child has come, "in care" or attended with the times."""
    if row.checked_in_at is None:
        return messages.status_label(row.status, lang)
    if row.checked_out_at is None:
        in_care = QCoreApplication.translate("AttendancePane", "In care")
        return f"{in_care} {_clock(row.checked_in_at)}–"
    label = messages.status_label(row.status, lang)
    return f"{label} {_clock(row.checked_in_at)}–{_clock(row.checked_out_at)}"


def age_text(row: AttendanceRow, day: date | None, lang: str) -> str:
    """The child's age on the list's ``day`` in the window's language (the row's own text,
    always Japanese, when the birth date or the day is unknown)."""
    if row.birth_date is None or day is None:
        return row.age
    return messages.format_age(max(age_months(row.birth_date, day), 0), lang)


def attendance_model(
    lang: str, day: Callable[[], date] | None = None, parent: QWidget | None = None
) -> RecordTableModel[AttendanceRow]:
    """One row per expected child: time, name, kana, age on ``day()``, allergies (medical
    notes as the tooltip), pick-up, phone, status, fee due and paid. Rows with allergies are
    highlighted, no-shows muted."""
    def yen(amount: int) -> str:
        return messages.format_yen(amount, lang)

    model: RecordTableModel[AttendanceRow] = RecordTableModel([
        Column(QCoreApplication.translate("AttendancePane", "Time"), _times),
        Column(QCoreApplication.translate("AttendancePane", "Name"), lambda r: r.child_name),
        Column(QCoreApplication.translate("AttendancePane", "Kana"), lambda r: r.kana),
        Column(QCoreApplication.translate("AttendancePane", "Age"),
               lambda r: age_text(r, day() if day else None, lang)),
        Column(QCoreApplication.translate("AttendancePane", "Allergies"), lambda r: r.allergies,
               tooltip=lambda r: r.notes),
        Column(QCoreApplication.translate("AttendancePane", "Pick-up"), lambda r: pickup_text(r.pickup),
               tooltip=lambda r: r.pickup.phone or r.phone),
        Column(QCoreApplication.translate("AttendancePane", "Phone"), lambda r: r.phone,
               tooltip=lambda r: r.guardian_name),
        Column(QCoreApplication.translate("AttendancePane", "Status"), lambda r: status_text(r, lang)),
        Column(QCoreApplication.translate("AttendancePane", "Fee due"), lambda r: yen(r.fee_due_yen), RIGHT),
        Column(QCoreApplication.translate("AttendancePane", "Paid"), lambda r: yen(r.paid_yen), RIGHT),
    ], parent)
    model.highlight = lambda row: bool(row.allergies.strip())
    model.muted = lambda row: row.status == "no_show"
    return model


def parse_yen(text: str, default: int) -> int | None:
    """An amount staff typed (``1,200`` / ``１２００円`` / ``¥600``); empty means ``default``;
    None when it is not a whole number of yen."""
    cleaned = unicodedata.normalize("NFKC", text)
    for mark in (",", "円", "¥", "\\", " "):
        cleaned = cleaned.replace(mark, "")
    if not cleaned:
        return default
    try:
        return int(cleaned)
    except ValueError:
        return None


class AttendancePane(QWidget):
    """出席簿 of the current facility for the chosen day (today at first).

    Signals: none of its own; it refreshes on ``ctx.changed`` and ``ctx.facilityChanged``.
    """

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attendancePane")
        self.ctx = ctx
        self.model = attendance_model(ctx.lang, self.day, self)
        self._build()
        ctx.changed.connect(self.refresh)
        ctx.facilityChanged.connect(lambda _id: self.refresh())
        self.refresh()

    # -- building -----------------------------------------------------------------------
    def _build(self) -> None:
        self.date_edit = date_edit(self, "attendanceDate", self.ctx.today(), lang=self.ctx.lang)
        self.date_edit.dateChanged.connect(lambda _d: self.refresh())
        date_label = QLabel(self.tr("&Date:"), self)
        date_label.setBuddy(self.date_edit)
        self.heading = QLabel(self)
        self.heading.setObjectName("attendanceHeading")

        self.today_button = shortcut_button(self, "todayButton", self.tr("&Today"),
                                            self.tr("Show today's list"), "Ctrl+T")
        self.today_button.clicked.connect(self.show_today)
        self.check_in_button = shortcut_button(self, "checkInButton", self.tr("Check &in"),
                                               self.tr("The selected child has arrived"), "F5", "Ctrl+I")
        self.check_out_button = shortcut_button(self, "checkOutButton", self.tr("Check &out"),
                                                self.tr("The selected child has gone home"), "F6", "Ctrl+O")
        self.no_show_button = shortcut_button(
            self, "noShowButton", self.tr("&No-show…"),
            self.tr("The selected child did not come (charged as a late cancellation)"), "F7")
        self.payment_button = shortcut_button(self, "paymentButton", self.tr("&Payment…"),
                                              self.tr("Record a payment for the selected child"), "F8")
        self.check_in_button.clicked.connect(self.check_in)
        self.check_out_button.clicked.connect(self.check_out)
        self.no_show_button.clicked.connect(self.mark_no_show)
        self.payment_button.clicked.connect(self.record_payment)
        self.toolbar = QHBoxLayout()
        for widget in (date_label, self.date_edit, self.today_button):
            self.toolbar.addWidget(widget)
        self.toolbar.addWidget(self.heading, 1)
        for button in (self.check_in_button, self.check_out_button, self.no_show_button, self.payment_button):
            self.toolbar.addWidget(button)

        self.table = table_view(self, "attendanceTable", self.model)
        # The allergies column takes the spare width, not the last one.
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(ALLERGY_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.activated.connect(self._activated)

        self.error_label = error_label(self, "attendanceError")

        layout = QVBoxLayout(self)
        layout.addLayout(self.toolbar)
        layout.addWidget(self.error_label)
        layout.addWidget(self.table, 1)
        self.setFocusProxy(self.table)
        self.setTabOrder(self.date_edit, self.table)

    # -- reading ------------------------------------------------------------------------
    def day(self) -> date:
        return self.date_edit.day()

    def set_day(self, day: date) -> None:
        self.date_edit.set_day(day)

    def show_today(self) -> None:
        self.set_day(self.ctx.today())

    def refresh(self) -> None:
        """Read the day's list again, keeping the selected child selected."""
        selected = self.current_row()
        facility = self.ctx.facility
        rows = self.ctx.desk.attendance.daily_list(facility.id, self.day()) if facility else []
        self.model.set_rows(rows)
        self._select(selected.booking_id if selected else None)
        self._show_heading(rows)
        self._update_actions()

    def _show_heading(self, rows: list[AttendanceRow]) -> None:
        expected = sum(row.status != "no_show" for row in rows)
        in_care = sum(row.checked_in_at is not None and row.checked_out_at is None for row in rows)
        self.heading.setText(
            self.tr("Children: %1 / in care now: %2").replace("%1", str(expected)).replace("%2", str(in_care))
        )

    def current_row(self) -> AttendanceRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def _select(self, booking_id: str | None) -> None:
        rows = self.model.rows()
        row = next((n for n, r in enumerate(rows) if r.booking_id == booking_id), 0 if rows else None)
        if row is not None:
            self.table.selectRow(row)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_actions()

    def _update_actions(self) -> None:
        row = self.current_row()
        expected = row is not None and row.status in EXPECTED
        self.check_in_button.setEnabled(expected)
        self.no_show_button.setEnabled(expected)
        self.check_out_button.setEnabled(
            row is not None and row.checked_in_at is not None and row.checked_out_at is None
        )
        self.payment_button.setEnabled(row is not None)

    def _show_error(self, text: str) -> None:
        show_error(self.error_label, text)

    # -- operations ---------------------------------------------------------------------
    def _activated(self, _index: QModelIndex) -> None:
        """Enter on a row does its next step: check in an expected child, check out one in care."""
        row = self.current_row()
        if row is None:
            return
        if row.status in EXPECTED:
            self.check_in()
        elif row.checked_in_at is not None and row.checked_out_at is None:
            self.check_out()

    def check_in(self) -> None:
        row = self.current_row()
        if row is not None:
            self._run(self.ctx.desk.attendance.check_in, row.booking_id)

    def check_out(self) -> None:
        row = self.current_row()
        if row is not None:
            self._run(self.ctx.desk.attendance.check_out, row.booking_id)

    def mark_no_show(self) -> None:
        """Record a no-show after confirming: it is charged as a late cancellation."""
        row = self.current_row()
        if row is None:
            return
        question = self.tr("Record %1 as a no-show? The fee is charged as for a late cancellation.") \
            .replace("%1", row.child_name)
        if self.ctx.dialogs.confirm(self, self.tr("No-show"), question):
            self._run(self.ctx.desk.attendance.mark_no_show, row.booking_id)

    def record_payment(self) -> None:
        """Ask the amount received (empty: what is still due) and record it."""
        row = self.current_row()
        if row is None:
            return
        self._show_error("")
        outstanding = max(row.fee_due_yen - row.paid_yen, 0)
        label = self.tr("Amount received for %1 in yen (empty: %2 still due):") \
            .replace("%1", row.child_name).replace("%2", messages.format_yen(outstanding, self.ctx.lang))
        text = self.ctx.dialogs.ask_text(self, self.tr("Payment"), label)
        if text is None:
            return
        amount = parse_yen(text, outstanding)
        if amount is None:
            error = errors.InvalidInput(field="amount_yen", value=text.strip(), reason="amount")
            self._show_error(self.ctx.message(error))
            return
        self._run(self.ctx.desk.attendance.record_payment, row.booking_id, amount)

    def _run(self, call: Callable[..., object], *args: object) -> None:
        self._show_error("")
        outcome = self.ctx.run(call, *args)
        if not outcome.ok:
            self._show_error(outcome.message)
