"""予約一覧・キャンセル: search bookings, change one, cancel one or many, close a day.

Dialogs are opened with ``open()`` (window-modal, non-blocking) by the pane's ``open_…``
methods, which return the dialog: the buttons call them, and tests call them to fill the
dialog and press OK without a nested event loop.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import date, time, timedelta
from functools import partial
from typing import Any

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from hoiku_desk import messages
from hoiku_desk.services import Booking, ChangeOutcome, FacilityRules, Pickup, errors
from hoiku_desk.views import booking_fields
from hoiku_desk.views.booking_columns import booking_columns, kind_text, pickup_text, source_label, times_text
from hoiku_desk.views.cancel_dialog import CallListDialog, CancelDialog, ClosureDialog
from hoiku_desk.views.context import ViewContext
from hoiku_desk.views.table_model import LazyRecordTableModel
from hoiku_desk.views.widgets import (
    date_edit,
    error_label,
    ok_cancel_buttons,
    shortcut_button,
    show_error,
    table_view,
    widget_key,
)

_STATUSES = ("pending", "confirmed", "rejected", "cancelled", "attended", "no_show")
_KINDS = ("flexible", "regular", "interview")
SEARCH_DAYS = 30


def booking_pages(search: Callable[..., list[Booking]], page: int) -> Iterator[Booking]:
    """Every booking ``search`` (``bookings.search`` with its filters) finds, read a page
    at a time as they are needed."""
    after: Booking | None = None
    while True:
        found = search(after=after, limit=page)
        yield from found
        if len(found) < page:
            return
        after = found[-1]


def slot_times(rules: FacilityRules, keep: Sequence[time] = ()) -> list[time]:
    """Every slot boundary from opening to closing, plus the times in ``keep``."""
    boundaries = booking_fields.slot_times(rules.open_time, rules.close_time, rules.slot_minutes)
    return sorted({*boundaries, *keep})


def reservation_model(lang: str, parent: QWidget | None = None) -> LazyRecordTableModel[Booking]:
    """Bookings with the shared booking columns, a page at a time; inactive ones muted."""
    model: LazyRecordTableModel[Booking] = LazyRecordTableModel(booking_columns(lang), parent)
    model.muted = lambda booking: booking.status in ("cancelled", "rejected")
    return model


# -- changing a booking ----------------------------------------------------------------------
class ChangeDialog(QDialog):
    """Change a booking's date, times, pick-up person and comment (``bookings.change``).

    The late part of a change (old minutes the new times drop, after the cancellation
    deadline), as ``bookings.preview_change`` reads it, is shown as the fields change and
    confirmed before saving. A refusal shows its sentence in the dialog and nothing is
    saved; after success the changed booking is in ``booking``. No signals of its own.
    """

    def __init__(self, ctx: ViewContext, booking: Booking, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changeDialog")
        self.setWindowTitle(self.tr("Change booking %1").replace("%1", booking.number))
        self.ctx = ctx
        self.original = booking
        self.booking = booking
        self.rules = ctx.desk.facilities.get(booking.facility_id).rules
        self._build()
        self._fill(booking)
        for box in (self.start_box, self.end_box):
            box.currentIndexChanged.connect(lambda _index: self.update_late())
        self.date_edit.dateChanged.connect(lambda _date: self.update_late())
        self.pickup_kind.currentIndexChanged.connect(lambda _index: self._pickup_kind_changed())
        self.update_late()

    def _build(self) -> None:
        self.date_edit = date_edit(self, "changeDate", self.original.day, lang=self.ctx.lang)
        times = slot_times(self.rules, (self.original.start, self.original.end))
        self.start_box = self._time_box("changeStart", times[:-1])
        self.end_box = self._time_box("changeEnd", times[1:])
        self.pickup_kind = QComboBox(self)
        self.pickup_kind.setObjectName("changePickupKind")
        self.pickup_kind.addItem(self.tr("Guardian"), "guardian")
        self.pickup_kind.addItem(self.tr("Someone else"), "other")
        self.pickup_name = self._line("changePickupName")
        self.pickup_relation = self._line("changePickupRelation")
        self.pickup_phone = self._line("changePickupPhone")
        self.comment = self._line("changeComment")
        self.deadline_label = QLabel(self)
        self.deadline_label.setObjectName("changeDeadline")
        self.late_label = QLabel(self)
        self.late_label.setObjectName("changeLate")
        self.late_label.setWordWrap(True)
        self.late_label.setStyleSheet("color: #9a4d00; font-weight: bold;")
        self.error = error_label(self, "changeError")
        buttons, self.ok_button = ok_cancel_buttons(self, "changeOkButton", self.tr("&Save the change"))

        times_row = QHBoxLayout()
        times_row.addWidget(self.start_box)
        times_row.addWidget(QLabel("–", self))
        times_row.addWidget(self.end_box)
        times_row.addStretch(1)
        form = QFormLayout()
        booking = self.original
        when = f"{messages.format_date(booking.day, self.ctx.lang, with_year=True)} {times_text(booking)}"
        form.addRow(self.tr("Booking:"), QLabel(f"{booking.number}  {booking.child_name}  {when}", self))
        form.addRow(self.tr("&Date:"), self.date_edit)
        time_label = QLabel(self.tr("&Time:"), self)
        time_label.setBuddy(self.start_box)  # a row of two boxes gets no buddy of its own
        form.addRow(time_label, times_row)
        form.addRow(self.tr("&Pick-up:"), self.pickup_kind)
        form.addRow(self.tr("Name:"), self.pickup_name)
        form.addRow(self.tr("Relation:"), self.pickup_relation)
        form.addRow(self.tr("Phone:"), self.pickup_phone)
        form.addRow(self.tr("C&omment:"), self.comment)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.deadline_label)
        layout.addWidget(self.late_label)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _time_box(self, name: str, times: Sequence[time]) -> QComboBox:
        box = QComboBox(self)
        box.setObjectName(name)
        for at in times:
            box.addItem(messages.format_time(at), at.strftime("%H:%M"))
        return box

    def _line(self, name: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        return edit

    def _fill(self, booking: Booking) -> None:
        self.date_edit.set_day(booking.day)
        self.start_box.setCurrentIndex(self.start_box.findData(booking.start.strftime("%H:%M")))
        self.end_box.setCurrentIndex(self.end_box.findData(booking.end.strftime("%H:%M")))
        self.pickup_kind.setCurrentIndex(self.pickup_kind.findData(booking.pickup.kind))
        self.pickup_name.setText(booking.pickup.name)
        self.pickup_relation.setText(booking.pickup.relation)
        self.pickup_phone.setText(booking.pickup.phone)
        self.comment.setText(booking.comment)
        self._pickup_kind_changed()

    def _pickup_kind_changed(self) -> None:
        other = self.pickup_kind.currentData() == "other"
        for edit in (self.pickup_name, self.pickup_relation, self.pickup_phone):
            edit.setEnabled(other)

    # -- values -------------------------------------------------------------------------
    def day(self) -> date:
        return self.date_edit.day()

    def start(self) -> time:
        return time.fromisoformat(self.start_box.currentData())

    def end(self) -> time:
        return time.fromisoformat(self.end_box.currentData())

    def pickup(self) -> Pickup:
        """The pick-up person entered; raises ``errors.InvalidInput`` when incomplete."""
        if self.pickup_kind.currentData() != "other":
            return Pickup()
        return Pickup("other", self.pickup_name.text().strip(), self.pickup_relation.text().strip(),
                      self.pickup_phone.text().strip())

    def preview(self) -> ChangeOutcome:
        """What saving the chosen date and times would charge now (nothing is saved)."""
        return self.ctx.desk.bookings.preview_change(
            self.original.id, day=self.day(), start=self.start(), end=self.end())

    def late_text(self, outcome: ChangeOutcome) -> str:
        """The note on the minutes a late change drops; empty when the change is free."""
        if not (outcome.late and outcome.minutes):
            return ""
        return messages.late_change_note(outcome.minutes, outcome.fee_yen, self.ctx.lang)

    def update_late(self) -> None:
        """Show the free-change deadline and the late part of the times now chosen."""
        outcome = self.preview()
        deadline, lang = outcome.deadline, self.ctx.lang
        when = f"{messages.format_date(deadline.date(), lang)} {messages.format_time(deadline.time())}"
        self.deadline_label.setText(self.tr("Free changes until %1").replace("%1", when))
        text = self.late_text(outcome)
        self.late_label.setText(text)
        self.late_label.setVisible(bool(text))

    # -- saving -------------------------------------------------------------------------
    def accept(self) -> None:
        """Confirm a late part, then save; a refusal stays in the dialog, nothing saved."""
        show_error(self.error, "")
        try:
            pickup = self.pickup()
        except errors.HoikuDeskError as error:
            show_error(self.error, self.ctx.message(error))
            return
        late = self.late_text(self.preview())
        if late and not self.ctx.dialogs.confirm(self, self.tr("Late change"),
                                                 late + "\n" + self.tr("Save the change?")):
            return
        outcome = self.ctx.run(
            self.ctx.desk.bookings.change, self.original.id, day=self.day(), start=self.start(),
            end=self.end(), pickup=pickup, comment=self.comment.text().strip(),
        )
        if not outcome.ok or outcome.value is None:
            show_error(self.error, outcome.message)
            return
        self.booking = outcome.value
        super().accept()


# -- the pane --------------------------------------------------------------------------------
class ReservationsPane(QWidget):
    """Bookings of the facility by kind, status, dates and child / phone / booking number.

    No signals of its own: changes go through ``ctx.run`` and come back via ``ctx.changed``.
    """

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reservationsPane")
        self.ctx = ctx
        self.model = reservation_model(ctx.lang, self)
        self._kind_choices: list[tuple[str, ...] | None] = [None] + [(k,) for k in _KINDS]
        self._status_choices: list[tuple[str, ...] | None] = (
            [("pending", "confirmed"), None] + [(s,) for s in _STATUSES]
        )
        self._build()
        ctx.follow(self.refresh, while_shown=self)
        self.refresh()

    # -- building -----------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addLayout(self._search_bar())
        layout.addLayout(self._action_bar())

        self.table = table_view(self, "reservationTable", self.model, multi=True)
        self.model.rowsInserted.connect(lambda _parent, _first, _last: self._show_count())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.activated.connect(lambda _index: self.open_change_dialog())
        widget_key(self.table, QKeySequence(QKeySequence.StandardKey.Delete),
                   lambda: self.open_cancel_dialog())

        self.detail = QPlainTextEdit(self)
        self.detail.setObjectName("reservationDetail")
        self.detail.setReadOnly(True)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)
        self.setFocusProxy(self.query)
        self._update_actions()

    def _search_bar(self) -> QHBoxLayout:
        self.query = QLineEdit(self)
        self.query.setObjectName("reservationQuery")
        self.query.setClearButtonEnabled(True)
        self.query.setPlaceholderText(self.tr("Child name, kana, phone or booking number (Ctrl+F)"))
        widget_key(self, QKeySequence(QKeySequence.StandardKey.Find), self.query.setFocus,
                   Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.kind_box = QComboBox(self)
        self.kind_box.setObjectName("reservationKind")
        self.kind_box.addItem(self.tr("All kinds"))
        for kind in _KINDS:
            self.kind_box.addItem(messages.kind_label(kind, self.ctx.lang))
        self.status_box = QComboBox(self)
        self.status_box.setObjectName("reservationStatus")
        self.status_box.addItems([self.tr("Active"), self.tr("All statuses")])
        for status in _STATUSES:
            self.status_box.addItem(messages.status_label(status, self.ctx.lang))
        today = self.ctx.today()
        self.from_edit = date_edit(self, "reservationFrom", today, lang=self.ctx.lang)
        self.to_edit = date_edit(self, "reservationTo", today + timedelta(days=SEARCH_DAYS), lang=self.ctx.lang)

        self.query.textChanged.connect(lambda _text: self.search())
        self.query.returnPressed.connect(self.table_focus)
        self.kind_box.currentIndexChanged.connect(lambda _index: self.search())
        self.status_box.currentIndexChanged.connect(lambda _index: self.search())
        self.from_edit.dateChanged.connect(lambda _date: self.search())
        self.to_edit.dateChanged.connect(lambda _date: self.search())

        bar = QHBoxLayout()
        bar.addWidget(self.query, 2)
        bar.addWidget(self.kind_box)
        bar.addWidget(self.status_box)
        bar.addWidget(self.from_edit)
        bar.addWidget(QLabel("–", self))
        bar.addWidget(self.to_edit)
        return bar

    def _action_bar(self) -> QHBoxLayout:
        self.change_button = shortcut_button(self, "changeButton", self.tr("&Change…"),
                                             self.tr("Change the selected booking"), "Ctrl+E")
        self.cancel_button = shortcut_button(self, "cancelButton", self.tr("Cancel &bookings…"),
                                             self.tr("Cancel the selected bookings (Delete in the list)"),
                                             "Ctrl+Delete")
        self.closure_button = shortcut_button(self, "closureButton", self.tr("C&lose a day…"),
                                              self.tr("Close a day and cancel its bookings"), "Ctrl+Shift+L")
        self.change_button.clicked.connect(self.open_change_dialog)
        self.cancel_button.clicked.connect(lambda: self.open_cancel_dialog())
        self.closure_button.clicked.connect(self.open_closure_dialog)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("reservationCount")
        bar = QHBoxLayout()
        for button in (self.change_button, self.cancel_button, self.closure_button):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        return bar

    def table_focus(self) -> None:
        self.table.setFocus()
        if not self.selected_bookings() and self.model.rowCount():
            self.table.selectRow(0)

    # -- reading ------------------------------------------------------------------------
    def search(self) -> None:
        """Search with the filters just changed: the first page of what they find."""
        self._load(0)

    def refresh(self) -> None:
        """Search again (bookings changed), keeping as many rows as were read and the
        selected bookings selected."""
        self._load(self.model.rowCount())

    def _load(self, at_least: int) -> None:
        selected = {booking.id for booking in self.selected_bookings()}
        facility_id = self.ctx.facility_id
        if facility_id:
            filters: dict[str, Any] = dict(
                kinds=self._kind_choices[self.kind_box.currentIndex()],
                statuses=self._status_choices[self.status_box.currentIndex()],
                from_day=self.from_edit.day(),
                to_day=self.to_edit.day(),
                query=self.query.text().strip() or None,
            )
            search = partial(self.ctx.desk.bookings.search, facility_id, **filters)
            total = self.ctx.desk.bookings.count(facility_id, **filters)
            self.model.set_source(booking_pages(search, self.model.chunk), total, at_least=at_least)
        else:
            self.model.set_rows([])
        keep = QItemSelection()
        for row, booking in enumerate(self.model.rows()):
            if booking.id in selected:
                keep.select(self.model.index(row, 0), self.model.index(row, self.model.columnCount() - 1))
        self.table.selectionModel().select(keep, QItemSelectionModel.SelectionFlag.Select)
        self._show_count()
        self._show_detail()
        self._update_actions()

    def _show_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total()
        text = (self.tr("Bookings: %1") if shown == total
                else self.tr("Showing %2 of %1 bookings (scroll for more)").replace("%2", f"{shown:,}"))
        self.count_label.setText(text.replace("%1", f"{total:,}"))

    def selected_bookings(self) -> list[Booking]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.model.record(row) for row in rows]

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_detail()
        self._update_actions()

    def _update_actions(self) -> None:
        count = len(self.selected_bookings())
        self.change_button.setEnabled(count == 1)
        self.cancel_button.setEnabled(count >= 1)
        self.closure_button.setEnabled(bool(self.ctx.facility_id))

    def _show_detail(self) -> None:
        bookings = self.selected_bookings()
        if len(bookings) == 1:
            self.detail.setPlainText(self._detail_text(bookings[0]))
        elif bookings:
            numbers = ", ".join(booking.number for booking in bookings)
            self.detail.setPlainText(
                self.tr("Selected bookings (%1): %2").replace("%1", str(len(bookings))).replace("%2", numbers)
            )
        else:
            self.detail.setPlainText("")

    def _detail_text(self, booking: Booking) -> str:
        lang = self.ctx.lang
        child = self.ctx.desk.children.get(booking.child_id)
        pickup = pickup_text(booking.pickup)
        if booking.pickup.kind == "other" and booking.pickup.phone:
            pickup += f"  {booking.pickup.phone}"
        lines = [
            (self.tr("Number"), booking.number),
            (self.tr("Date"),
             f"{messages.format_date(booking.day, lang, with_year=True)} {times_text(booking)}"),
            (self.tr("Child"), f"{booking.child_name} ({booking.child_kana})"),
            (self.tr("Guardian"), f"{child.guardian_name}  {child.phone}"),
            (self.tr("Kind"), kind_text(booking, lang)),
            (self.tr("Status"), messages.status_label(booking.status, lang)),
            (self.tr("Source"), source_label(booking.source)),
            (self.tr("Fee"), messages.format_yen(booking.fee_yen, lang)),
            (self.tr("Pick-up"), pickup),
            (self.tr("Comment"), booking.comment),
        ]
        if child.allergies:
            lines.append((self.tr("Allergies"), child.allergies))
        line = self.tr("%1: %2")
        return "\n".join(line.replace("%1", label).replace("%2", value) for label, value in lines)

    # -- dialogs ------------------------------------------------------------------------
    def _open(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def open_change_dialog(self) -> ChangeDialog | None:
        """Open the change dialog for the one selected booking (None unless exactly one)."""
        bookings = self.selected_bookings()
        if len(bookings) != 1:
            return None
        dialog = ChangeDialog(self.ctx, bookings[0], self)
        self._open(dialog)
        return dialog

    def open_cancel_dialog(
        self, bookings: Sequence[Booking] | None = None, reason: str | None = None
    ) -> CancelDialog | None:
        """Open the cancel dialog for ``bookings`` (default: the selected ones) with an
        optional reason preselected; None when there is nothing to cancel."""
        chosen = list(bookings) if bookings is not None else self.selected_bookings()
        if not chosen:
            return None
        dialog = CancelDialog(self.ctx, chosen, reason, self)
        dialog.accepted.connect(lambda: self._cancelled(dialog))
        self._open(dialog)
        return dialog

    def _cancelled(self, dialog: CancelDialog) -> None:
        """Families whose bookings the facility cancelled must be phoned: show the call list."""
        if dialog.reason() == "facility":
            self.open_call_list(dialog.bookings)

    def open_closure_dialog(self) -> ClosureDialog:
        """Ask for the day, an optional from-time and the reason; on success the affected
        bookings go to the cancel dialog (reason ``facility``), then to the call list (also
        when staff leave them booked: the families still need a call)."""
        dialog = ClosureDialog(self.ctx, self)
        dialog.accepted.connect(lambda: self._closed(dialog.affected))
        self._open(dialog)
        return dialog

    def _closed(self, affected: list[Booking]) -> None:
        if not affected:
            self.ctx.dialogs.inform(self, self.tr("Close a day"), self.tr("No bookings are affected."))
            return
        cancel = self.open_cancel_dialog(affected, "facility")
        if cancel is not None:  # cancelled for the facility: the call list opens on acceptance
            cancel.rejected.connect(lambda: self.open_call_list(affected))

    def open_call_list(self, bookings: Sequence[Booking]) -> CallListDialog:
        """The families to phone: child, guardian and phone of each booking."""
        dialog = CallListDialog(self.ctx, bookings, self)
        self._open(dialog)
        return dialog
