"""出席簿: the day's expected children with check-in, check-out, no-show and payment, the
day's totals, the caregivers each slot needs, and the printed list (preview, printer, PDF)."""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Callable, Iterable
from datetime import date, datetime
from itertools import groupby
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QItemSelection, QModelIndex, Qt, QTime
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QSplitter, QVBoxLayout, QWidget

from hoiku_desk import messages
from hoiku_desk.printing.daily_list import daily_list_html
from hoiku_desk.services import AttendanceRow, errors
from hoiku_desk.services.clock import age_months
from hoiku_desk.services.records import DailySheet, DailyTotals, SlotCaregivers
from hoiku_desk.views.booking_columns import pickup_text
from hoiku_desk.views.context import ViewContext
from hoiku_desk.views.print_preview import PrintButtons
from hoiku_desk.views.table_model import Column, RecordTableModel
from hoiku_desk.views.widgets import (
    date_edit,
    error_label,
    shortcut_button,
    show_error,
    table_view,
    time_edit,
)

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


def caregiver_runs(slots: Iterable[SlotCaregivers]) -> list[SlotCaregivers]:
    """Consecutive slots with the same children by age as one row from the first's start to
    the last's end (as the printed list shows them)."""
    runs = [list(run) for _, run in groupby(slots, key=lambda s: (s.by_age, s.caregivers))]
    return [dataclasses.replace(run[0], end=run[-1].end) for run in runs]


def by_age_text(slot: SlotCaregivers) -> str:
    """``0歳 1名, 2歳 3名`` / ``age 0: 1, age 2: 3``."""
    each = QCoreApplication.translate("AttendancePane", "age %1: %2")
    return ", ".join(each.replace("%1", str(age)).replace("%2", str(count)) for age, count in slot.by_age)


def caregiver_model(parent: QWidget | None = None) -> RecordTableModel[SlotCaregivers]:
    """One row per run of slots: time, children, children by age, caregivers needed. Runs
    without children are muted."""
    model: RecordTableModel[SlotCaregivers] = RecordTableModel([
        Column(QCoreApplication.translate("AttendancePane", "Time"),
               lambda s: f"{messages.format_time(s.start)}–{messages.format_time(s.end)}"),
        Column(QCoreApplication.translate("AttendancePane", "Children"), lambda s: str(s.children), RIGHT),
        Column(QCoreApplication.translate("AttendancePane", "By age"), by_age_text),
        Column(QCoreApplication.translate("AttendancePane", "Caregivers"), lambda s: str(s.caregivers), RIGHT),
    ], parent)
    model.muted = lambda slot: slot.children == 0
    return model


def totals_text(totals: DailyTotals, lang: str) -> str:
    """The day at a glance in the window's language."""
    text = QCoreApplication.translate(
        "AttendancePane", "Expected %1 · present %2 · gone home %3 · no-shows %4 · fees due %5, paid %6")
    values = (totals.expected, totals.present, totals.gone_home, totals.no_shows)
    for number, value in enumerate(values, start=1):
        text = text.replace(f"%{number}", str(value))
    return text.replace("%5", messages.format_yen(totals.due_yen, lang)) \
        .replace("%6", messages.format_yen(totals.paid_yen, lang))


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

    Check-in and check-out record the desk's clock, unless staff changed the time field
    (``attendanceTime``, set to the current minute on every refresh): then that time on the
    list's day. Printing goes through :class:`PrintButtons` (``self.printing``), whose
    dialogs tests get from ``preview_dialog()`` / ``print_dialog()`` without showing them.

    Signals: none of its own; it refreshes on ``ctx.changed`` and ``ctx.facilityChanged``.
    """

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attendancePane")
        self.ctx = ctx
        self.model = attendance_model(ctx.lang, self.day, self)
        self.caregivers = caregiver_model(self)
        self._time_shown = QTime()
        self._build()
        ctx.follow(self.refresh, while_shown=self)
        self.refresh()

    # -- building -----------------------------------------------------------------------
    def _build(self) -> None:
        self.date_edit = date_edit(self, "attendanceDate", self.ctx.today(), lang=self.ctx.lang)
        self.date_edit.dateChanged.connect(lambda _d: self.refresh())
        date_label = QLabel(self.tr("&Date:"), self)
        date_label.setBuddy(self.date_edit)
        self.heading = QLabel(self)
        self.heading.setObjectName("attendanceHeading")
        self.time_edit = time_edit(self, "attendanceTime", self.ctx.desk.now().time())
        self.time_edit.setToolTip(self.tr("Check-in and check-out are recorded at this time "
                                          "(the current time unless changed)"))
        time_label = QLabel(self.tr("Ti&me:"), self)
        time_label.setBuddy(self.time_edit)

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
        self.toolbar.addWidget(time_label)
        self.toolbar.addWidget(self.time_edit)
        for button in (self.check_in_button, self.check_out_button, self.no_show_button, self.payment_button):
            self.toolbar.addWidget(button)
        self.printing = PrintButtons(self.ctx, self._document, self._write_pdf, self._pdf_name, self)
        self.printing.failed.connect(self._show_error)
        self.toolbar.addWidget(self.printing)

        self.table = table_view(self, "attendanceTable", self.model)
        # The allergies column takes the spare width, not the last one.
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(ALLERGY_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.activated.connect(self._activated)

        self.error_label = error_label(self, "attendanceError")
        self.totals_label = QLabel(self)
        self.totals_label.setObjectName("attendanceTotals")

        layout = QVBoxLayout(self)
        layout.addLayout(self.toolbar)
        layout.addWidget(self.error_label)
        layout.addWidget(self._lists(), 1)
        layout.addWidget(self.totals_label)
        self.setFocusProxy(self.table)
        self.setTabOrder(self.date_edit, self.time_edit)
        self.setTabOrder(self.time_edit, self.table)

    def _lists(self) -> QSplitter:
        """The children's list, with the caregivers each part of the day needs beside it."""
        self.caregiver_table = table_view(self, "caregiverTable", self.caregivers)
        self.caregiver_table.verticalHeader().hide()
        self.caregiver_table.setToolTip(self.tr(
            "Caregivers needed: children of each age divided by that age's ratio, rounded up; "
            "at least 2 while any child is present"))
        side = QWidget(self)
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        caption = QLabel(self.tr("&Caregivers needed"), side)
        caption.setBuddy(self.caregiver_table)
        column.addWidget(caption)
        column.addWidget(self.caregiver_table, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        return splitter

    # -- reading ------------------------------------------------------------------------
    def day(self) -> date:
        return self.date_edit.day()

    def set_day(self, day: date) -> None:
        self.date_edit.set_day(day)

    def show_today(self) -> None:
        self.set_day(self.ctx.today())

    def refresh(self) -> None:
        """Read the day's list, totals and caregivers again (one read), keeping the selected
        child selected; the time field goes back to the current time."""
        selected = self.current_row()
        facility = self.ctx.facility
        sheet = self.ctx.desk.attendance.daily_sheet(facility.id, self.day()) if facility else None
        self.model.set_rows(list(sheet.rows) if sheet else [])
        self.caregivers.set_rows(caregiver_runs(sheet.caregivers) if sheet else [])
        self._select(selected.booking_id if selected else None)
        self._show_totals(sheet)
        self.reset_time()
        self.printing.setEnabled(facility is not None)
        self._update_actions()

    def _show_totals(self, sheet: DailySheet | None) -> None:
        totals = sheet.totals if sheet else DailyTotals(0, 0, 0, 0, 0, 0)
        expected = totals.expected - totals.no_shows
        self.heading.setText(self.tr("Children: %1 / in care now: %2")
                             .replace("%1", str(expected)).replace("%2", str(totals.present)))
        self.totals_label.setText(totals_text(totals, self.ctx.lang))

    def reset_time(self) -> None:
        """Show the current minute in the time field (untouched, it means "now")."""
        now = self.ctx.desk.now()
        self._time_shown = QTime(now.hour, now.minute)
        self.time_edit.setTime(self._time_shown)

    def chosen_time(self) -> datetime | None:
        """The time staff typed, on the list's day; None (the desk's clock) when untouched."""
        if self.time_edit.time() == self._time_shown:
            return None
        return datetime.combine(self.day(), self.time_edit.time().toPython())

    def showEvent(self, event: QShowEvent) -> None:
        """Coming back to the pane, the time field shows the current time again."""
        super().showEvent(event)
        if self.time_edit.time() == self._time_shown:
            self.reset_time()

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
            self._run(self.ctx.desk.attendance.check_in, row.booking_id, self.chosen_time())

    def check_out(self) -> None:
        """Check out at the chosen time; before the booked end (an early pick-up) a note is
        asked first (cancelling it cancels the check-out)."""
        row = self.current_row()
        if row is None:
            return
        at = self.chosen_time()
        note = ""
        if (at or self.ctx.desk.now()) < datetime.combine(self.day(), row.end):
            label = self.tr("%1 is leaving before %2. Note for the list (e.g. 体調不良のため早退):") \
                .replace("%1", row.child_name).replace("%2", messages.format_time(row.end))
            answer = self.ctx.dialogs.ask_text(self, self.tr("Early pick-up"), label)
            if answer is None:
                return
            note = answer.strip()
        self._run(self.ctx.desk.attendance.check_out, row.booking_id, at, note=note)

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

    def _run(self, call: Callable[..., object], *args: object, **kwargs: object) -> None:
        self._show_error("")
        outcome = self.ctx.run(call, *args, **kwargs)
        if not outcome.ok:
            self._show_error(outcome.message)

    # -- printing -----------------------------------------------------------------------
    def _document(self) -> str:
        """The printed list of the pane's day, read now."""
        return daily_list_html(self.ctx.desk.attendance.daily_sheet(self.ctx.facility_id, self.day()))

    def _write_pdf(self, path: Path) -> Path:
        return self.ctx.desk.attendance.write_pdf(self.ctx.facility_id, self.day(), path)

    def _pdf_name(self) -> str:
        return self.tr("Attendance %1.pdf").replace("%1", self.day().isoformat())
