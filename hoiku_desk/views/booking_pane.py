"""予約受付: the booking form staff fill in with a parent on the phone, keyboard first.

The common phone booking, after typing the kana in the search line, takes 11 keys:
Enter (choose the highlighted child; the date gets the focus, on its day) · Up/Down or
digits for the day · Tab · digits for the start ("10") · Tab · digits for the end ("12") ·
Tab · Space (consent) · Enter (confirm). Enter confirms from any field of the form; inside
the regular-use section it sends the regular-use request instead. Ctrl+F goes back to the
search; Alt with the underlined letter jumps to a field.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, time

from PySide6.QtCore import QEvent, QLocale, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hoiku_desk import messages
from hoiku_desk.services import Booking, Child, Facility, Pickup, RegularPlan, errors
from hoiku_desk.services.clock import fiscal_year_end, minutes_between
from hoiku_desk.services.policy import deadline, fee_for
from hoiku_desk.views.booking_fields import SlotCombo, next_slot, shifted, slot_times
from hoiku_desk.views.child_card import ChildCard, read_facts
from hoiku_desk.views.child_search import ChildSearch
from hoiku_desk.views.context import Outcome, ViewContext
from hoiku_desk.views.widgets import FoldingGroupBox, date_edit, widget_key, window_locale

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_ERROR_STYLE = "color: #b00000; font-weight: bold;"
_RESULT_STYLE = "background: #e6f4ea; padding: 6px;"

# The field whose error label shows a refusal, by error code (others: the general label).
_FIELD_OF_CODE: dict[str, str] = {
    "OutsideBookingWindow": "date",
    "FacilityClosed": "date",
    "InvalidTimeRange": "time",
    "SlotFull": "time",
    "RegistrationRequired": "child",
    "RegistrationExpired": "child",
    "AgeNotEligible": "child",
    "HoldLimitReached": "child",
    "QuotaExceeded": "child",
    "OverlappingBooking": "child",
}
_FIELD_OF_INPUT: dict[str, str] = {
    "pickup": "pickup",
    "weekdays": "regular",
    "first_day": "regular",
    "last_day": "regular",
}


def refused_field(error: Exception | None) -> str:
    """Which part of the form a refusal concerns: date, time, child, pickup, regular or general."""
    code = getattr(error, "code", "")
    data = getattr(error, "data", {})
    if code == "OutsideBookingWindow" and data.get("reason") == "started":
        return "time"
    if code == "FacilityClosed" and data.get("close_time") is not None:
        return "time"  # outside the hours or after a closure time: the day itself is open
    if code == "InvalidInput":
        return _FIELD_OF_INPUT.get(data.get("field"), "general")
    return _FIELD_OF_CODE.get(code, "general")


class BookingPane(QWidget):
    """The booking form: child search and card, date and slot times, pick-up, comment,
    the cancellation policy to read out, consent, and confirmation with the booking number;
    walk-ins and regular-use requests too. Every change goes through ``ctx.run``.

    Signals: none of its own; it refreshes on ``ctx.changed`` and ``ctx.facilityChanged``.
    """

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("bookingPane")
        self.setLocale(window_locale(ctx.lang))
        self.child: Child | None = None
        self._length = 60  # minutes kept between start and end when the start moves
        self._policy = ""
        self._build()
        self._connect()
        self._rebuild_times()
        self.reset()
        ctx.changed.connect(self.refresh)
        ctx.facilityChanged.connect(self._facility_changed)

    # -- building ------------------------------------------------------------------------
    def _build(self) -> None:
        self.search = ChildSearch(self.ctx, self)
        self.card = ChildCard(self.ctx, self)
        self.child_error = self._error_label("childError")
        left = QVBoxLayout()
        search_label = QLabel(self.tr("&Child"), self)
        search_label.setBuddy(self.search.edit)
        left.addWidget(search_label)
        left.addWidget(self.search, 3)
        left.addWidget(self.card, 2)
        left.addWidget(self.child_error)

        right = QVBoxLayout()
        right.addLayout(self._build_when())
        right.addWidget(self._build_policy())
        right.addWidget(self._build_details())
        right.addWidget(self._build_regular())
        right.addLayout(self._build_confirm())
        right.addStretch(1)

        layout = QHBoxLayout(self)
        layout.addLayout(left, 2)
        layout.addLayout(right, 3)
        self._set_tab_order()
        self.setFocusProxy(self.search.edit)  # switching to the pane starts at the search
        widget_key(self, QKeySequence(QKeySequence.StandardKey.Find), self.focus_search,
                   Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def _build_when(self) -> QFormLayout:
        self.date_edit = date_edit(self, "dateEdit", self.ctx.today(), lang=self.ctx.lang)
        self.date_error = self._error_label("dateError")
        self.start_edit = SlotCombo(self)
        self.start_edit.setObjectName("startEdit")
        self.end_edit = SlotCombo(self)
        self.end_edit.setObjectName("endEdit")
        for combo in (self.start_edit, self.end_edit):
            combo.setToolTip(self.tr('Type the time as digits: "10" for 10:00, "103" for 10:30'))
        self.time_error = self._error_label("timeError")
        self.availability_label = QLabel(self)
        self.availability_label.setObjectName("availabilityLabel")

        times = QHBoxLayout()
        times.addWidget(self.start_edit)
        end_label = QLabel(self.tr("&to"), self)
        end_label.setBuddy(self.end_edit)
        times.addWidget(end_label)
        times.addWidget(self.end_edit)
        times.addStretch(1)
        form = QFormLayout()
        form.addRow(self._buddy(self.tr("&Date"), self.date_edit), self.date_edit)
        form.addRow("", self.date_error)
        form.addRow(self._buddy(self.tr("&Start"), self.start_edit), times)
        form.addRow("", self.time_error)
        form.addRow("", self.availability_label)
        return form

    def _build_policy(self) -> QGroupBox:
        box = QGroupBox(self.tr("Cancellation policy (read out to the parent)"), self)
        self.policy_text = QLabel(box)
        self.policy_text.setObjectName("policyText")
        self.policy_text.setWordWrap(True)
        self.policy_text.setTextFormat(Qt.TextFormat.PlainText)
        self.policy_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.consent_check = QCheckBox(self.tr("Read out; the parent &agrees"), box)
        self.consent_check.setObjectName("consentCheck")
        self.consent_check.setToolTip(self.tr("Space to tick, once the policy is read out (Alt+A)"))
        layout = QVBoxLayout(box)
        layout.addWidget(self.policy_text)
        layout.addWidget(self.consent_check)
        return box

    def _build_details(self) -> QGroupBox:
        box = QGroupBox(self.tr("Details"), self)
        self.pickup_combo = QComboBox(box)
        self.pickup_combo.setObjectName("pickupCombo")
        self.pickup_combo.addItem(self.tr("Guardian"), "guardian")
        self.pickup_combo.addItem(self.tr("Someone else"), "other")
        self.pickup_other = QWidget(box)
        self.pickup_name = self._line(self.pickup_other, "pickupName", self.tr("Name"))
        self.pickup_relation = self._line(self.pickup_other, "pickupRelation", self.tr("Relation"))
        self.pickup_phone = self._line(self.pickup_other, "pickupPhone", self.tr("Phone"))
        other = QHBoxLayout(self.pickup_other)
        other.setContentsMargins(0, 0, 0, 0)
        for line in (self.pickup_name, self.pickup_relation, self.pickup_phone):
            other.addWidget(line)
        self.pickup_other.hide()
        self.pickup_error = self._error_label("pickupError")
        self.comment_edit = self._line(box, "commentEdit", self.tr("Anything the nursery should know"))
        self.walk_in_check = QCheckBox(self.tr("&Walk-in (at the counter, may join the slot now running)"), box)
        self.walk_in_check.setObjectName("walkInCheck")
        form = QFormLayout(box)
        form.addRow(self._buddy(self.tr("&Pick-up"), self.pickup_combo), self.pickup_combo)
        form.addRow("", self.pickup_other)
        form.addRow("", self.pickup_error)
        form.addRow(self._buddy(self.tr("Co&mment"), self.comment_edit), self.comment_edit)
        form.addRow(self.tr("Source"), self.walk_in_check)
        return box

    def _build_regular(self) -> FoldingGroupBox:
        self.regular_group = FoldingGroupBox(self.tr("&Regular use request…"), self)
        self.regular_group.setObjectName("regularGroup")
        self.regular_body = self.regular_group.body
        self.weekday_checks: list[QCheckBox] = []
        weekdays = QHBoxLayout()
        for weekday in range(7):
            box = QCheckBox(self.locale().dayName(weekday + 1, QLocale.FormatType.ShortFormat), self.regular_body)
            box.setObjectName(f"weekday{weekday}")
            self.weekday_checks.append(box)
            weekdays.addWidget(box)
        weekdays.addStretch(1)
        today = self.ctx.today()
        self.regular_first = date_edit(self.regular_body, "regularFirstEdit", today, lang=self.ctx.lang)
        self.regular_last = date_edit(self.regular_body, "regularLastEdit", today, lang=self.ctx.lang)
        self.regular_button = QPushButton(self.tr("Send regular-use request"), self.regular_body)
        self.regular_button.setObjectName("regularButton")
        self.regular_button.setAutoDefault(True)
        self.regular_button.setToolTip(self.tr("Uses the child, times, pick-up and comment above; "
                                               "waits for approval (Enter)"))
        self.regular_error = self._error_label("regularError")
        form = QFormLayout(self.regular_body)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Weekdays"), weekdays)
        form.addRow(self.tr("From"), self.regular_first)
        form.addRow(self.tr("Until"), self.regular_last)
        form.addRow("", self.regular_button)
        form.addRow("", self.regular_error)
        self.regular_group.installEventFilter(self)
        return self.regular_group

    def _build_confirm(self) -> QVBoxLayout:
        self.confirm_button = QPushButton(self.tr("Confirm &booking"), self)
        self.confirm_button.setObjectName("confirmButton")
        self.confirm_button.setDefault(True)
        self.confirm_button.setAutoDefault(True)
        self.confirm_button.setToolTip(self.tr("Confirm the booking (Enter from any field, Alt+B)"))
        self.error_label = self._error_label("errorLabel")
        self.result_label = QLabel(self)
        self.result_label.setObjectName("resultLabel")
        self.result_label.setTextFormat(Qt.TextFormat.RichText)
        self.result_label.setFrameShape(QFrame.Shape.StyledPanel)
        self.result_label.setStyleSheet(_RESULT_STYLE)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.hide()
        layout = QVBoxLayout()
        layout.addWidget(self.confirm_button)
        layout.addWidget(self.error_label)
        layout.addWidget(self.result_label)
        return layout

    def _error_label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setStyleSheet(_ERROR_STYLE)
        label.hide()
        return label

    def _buddy(self, text: str, widget: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(widget)
        return label

    @staticmethod
    def _line(parent: QWidget, name: str, placeholder: str) -> QLineEdit:
        line = QLineEdit(parent)
        line.setObjectName(name)
        line.setPlaceholderText(placeholder)
        return line

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [
            self.search.edit, self.search.view, self.date_edit, self.start_edit, self.end_edit,
            self.consent_check, self.pickup_combo, self.pickup_name, self.pickup_relation,
            self.pickup_phone, self.comment_edit, self.walk_in_check, self.confirm_button,
            self.regular_group, *self.weekday_checks, self.regular_first, self.regular_last,
            self.regular_button,
        ]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _connect(self) -> None:
        self.search.childChosen.connect(self.choose_child)
        self.date_edit.dateChanged.connect(self._date_changed)
        self.start_edit.currentIndexChanged.connect(self._start_changed)
        self.end_edit.currentIndexChanged.connect(self._end_changed)
        self.consent_check.toggled.connect(self._update_actions)
        self.pickup_combo.currentIndexChanged.connect(self._pickup_changed)
        self.walk_in_check.toggled.connect(self._walk_in_toggled)
        self.regular_group.toggled.connect(self._regular_toggled)
        self.confirm_button.clicked.connect(self.confirm)
        self.regular_button.clicked.connect(self.request_regular)

    # -- public --------------------------------------------------------------------------
    def prefill(self, day: date, start: time) -> None:
        """Open the form on a slot chosen elsewhere (the calendar): that day, that start,
        the shortest booking; the child search gets the focus."""
        self.date_edit.set_day(day)
        self._set_times(start, self._min_minutes())
        self.focus_search()

    def focus_search(self) -> None:
        self.search.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.edit.selectAll()

    def choose_child(self, child: Child) -> None:
        """Show the child's card and move on to the date."""
        self.child = child
        self.child_error.hide()
        self._show_card()
        self._update_actions()
        self.date_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def reset(self) -> None:
        """Empty the form for the next call (the last result stays shown): today, the next
        slot, the shortest booking, the guardian picks up, by phone; the search has the focus."""
        self.child = None
        self.search.clear()
        self.card.clear()
        self.walk_in_check.blockSignals(True)
        self.walk_in_check.setChecked(False)
        self.walk_in_check.blockSignals(False)
        self.pickup_combo.setCurrentIndex(0)
        for line in (self.pickup_name, self.pickup_relation, self.pickup_phone, self.comment_edit):
            line.clear()
        self.regular_group.setChecked(False)
        self.date_edit.set_day(self.ctx.today())
        self._set_times(self._default_start(running=False), self._min_minutes())
        self.consent_check.setChecked(False)
        self._clear_errors()
        self._update_actions()
        self.focus_search()

    def refresh(self) -> None:
        """Read again what other desks or panes may have changed; the form keeps its input."""
        self._rebuild_times()
        self.search.refresh()
        self._show_card()
        self._update_when()

    # -- reading the form ----------------------------------------------------------------
    def day(self) -> date:
        return self.date_edit.day()

    def times(self) -> tuple[time | None, time | None]:
        return self.start_edit.current_time(), self.end_edit.current_time()

    def source(self) -> str:
        return "walk_in" if self.walk_in_check.isChecked() else "phone"

    def _min_minutes(self) -> int:
        facility = self.ctx.facility
        return facility.rules.min_booking_minutes if facility else 60

    def _default_start(self, *, running: bool) -> time:
        """The next slot from now (the one now running for a walk-in)."""
        facility = self.ctx.facility
        if facility is None:
            return time(0, 0)
        rules = facility.rules
        last_start = shifted(rules.close_time, -rules.slot_minutes)
        return next_slot(self.ctx.desk.now().time(), rules.open_time, last_start, rules.slot_minutes,
                         running=running)

    def _pickup(self) -> Pickup | None:
        """The pick-up person, or None after showing why it is incomplete."""
        if self.pickup_combo.currentData() == "guardian":
            return Pickup()
        try:
            return Pickup(kind="other", name=self.pickup_name.text().strip(),
                          relation=self.pickup_relation.text().strip(), phone=self.pickup_phone.text().strip())
        except errors.InvalidInput as error:
            self._show_error(self.pickup_error, self.ctx.message(error), self.pickup_name)
            return None

    def _ready(self) -> bool:
        start, end = self.times()
        return (self.child is not None and self.consent_check.isChecked() and self.ctx.facility is not None
                and start is not None and end is not None)

    # -- reacting to input ---------------------------------------------------------------
    def _facility_changed(self, _facility_id: str) -> None:
        self._rebuild_times()
        self.reset()

    def _rebuild_times(self) -> None:
        facility = self.ctx.facility
        if facility is None:
            self.start_edit.set_times([])
            self.end_edit.set_times([])
            return
        rules = facility.rules
        last_start = shifted(rules.close_time, -rules.slot_minutes)
        with self._times_silent():
            self.start_edit.set_times(slot_times(rules.open_time, last_start, rules.slot_minutes))
            self.end_edit.set_times(slot_times(shifted(rules.open_time, rules.slot_minutes),
                                               rules.close_time, rules.slot_minutes))

    def _set_times(self, start: time, length: int) -> None:
        """Choose ``start`` and an end ``length`` minutes later (or the last end time)."""
        self._length = length
        with self._times_silent():
            self.start_edit.select_time(start)
            self.end_edit.select_time(shifted(start, length))
        self._times_changed()

    @contextmanager
    def _times_silent(self) -> Iterator[None]:
        """Change the two time choices without reacting to each change."""
        for combo in (self.start_edit, self.end_edit):
            combo.blockSignals(True)
        try:
            yield
        finally:
            for combo in (self.start_edit, self.end_edit):
                combo.blockSignals(False)

    def _start_changed(self) -> None:
        start = self.start_edit.current_time()
        if start is not None:
            with self._times_silent():
                self.end_edit.select_time(shifted(start, self._length))
        self._times_changed()

    def _end_changed(self) -> None:
        start, end = self.times()
        if start is not None and end is not None and end > start:
            self._length = minutes_between(start, end)
        self._times_changed()

    def _times_changed(self) -> None:
        self.time_error.hide()
        self._update_when()

    def _date_changed(self) -> None:
        self.date_error.hide()
        self._show_card()
        self._update_when()

    def _walk_in_toggled(self, walk_in: bool) -> None:
        if walk_in:
            self.date_edit.set_day(self.ctx.today())
            self._set_times(self._default_start(running=True), self._min_minutes())

    def _pickup_changed(self) -> None:
        other = self.pickup_combo.currentData() == "other"
        self.pickup_other.setVisible(other)
        self.pickup_error.hide()
        if other:
            self.pickup_name.setFocus(Qt.FocusReason.OtherFocusReason)

    def _regular_toggled(self, on: bool) -> None:
        self.regular_error.hide()
        if not on:
            return
        day = self.day()
        for weekday, box in enumerate(self.weekday_checks):
            box.setChecked(weekday == day.weekday())
        self.regular_first.set_day(day)
        self.regular_last.set_day(fiscal_year_end(day))

    def _show_card(self) -> None:
        facility = self.ctx.facility
        if self.child is None or facility is None:
            return
        self.card.show_facts(read_facts(self.ctx.desk, facility, self.child, self.day()))

    def _update_when(self) -> None:
        """Availability and the policy for the chosen day and times; a new policy text
        needs the parent's consent again."""
        self.availability_label.setText(self._availability_text())
        policy = self._policy_text()
        if policy != self._policy:
            self._policy = policy
            self.policy_text.setText(policy)
            self.consent_check.setChecked(False)
        self._update_actions()

    def _update_actions(self) -> None:
        ready = self._ready()
        self.confirm_button.setEnabled(ready)
        self.regular_button.setEnabled(ready)

    # -- texts ---------------------------------------------------------------------------
    def _availability_text(self) -> str:
        facility = self.ctx.facility
        start, end = self.times()
        if facility is None or start is None or end is None:
            return ""
        day = self.day()
        slots = self.ctx.desk.bookings.availability(facility.id, day, day).get(day)
        if slots is None:
            return self.tr("Closed on {day}.").format(day=messages.format_date(day, self.ctx.lang))
        covered = [s.remaining for s in slots if start <= s.start < end]
        if not covered:
            return ""
        return self.tr("Places left {start}–{end}: {left}").format(
            start=messages.format_time(start), end=messages.format_time(end), left=min(covered))

    def _policy_text(self) -> str:
        """What staff read out: the fee for the chosen times and the cancellation deadline."""
        facility = self.ctx.facility
        start, end = self.times()
        if facility is None or start is None or end is None:
            return ""
        if end <= start:
            return self.tr("Choose an end time after the start time.")
        rules, day = facility.rules, self.day()
        minutes = minutes_between(start, end)
        fee = fee_for(rules.hourly_fee_yen, minutes)
        limit = deadline(rules, day)
        return "\n".join(messages.policy_readout(
            day, start, end, minutes=minutes, fee_yen=fee, deadline=limit,
            deadline_passed=self.ctx.desk.now() > limit,
            late_fee_yen=fee * rules.late_cancel_fee_percent // 100,
            late_percent=rules.late_cancel_fee_percent,
            counts_against_quota=rules.monthly_quota_minutes is not None
            and rules.late_cancel_counts_against_quota,
            fee_free_reasons=rules.fee_free_reasons, lang=self.ctx.lang,
        ))

    # -- operations ----------------------------------------------------------------------
    def confirm(self) -> None:
        """Book the child for the chosen day and times; show the number, or the refusal
        beside the field it concerns (nothing is saved then)."""
        request = self._request()
        if request is None:
            return
        facility, child, start, end, pickup = request
        outcome = self.ctx.run(
            self.ctx.desk.bookings.book, facility.id, child.id, self.day(), start, end,
            source=self.source(), pickup=pickup, comment=self.comment_edit.text().strip(),
        )
        if isinstance(outcome.value, Booking):
            self._show_booked(outcome.value)
            self.reset()
        else:
            self._show_refusal(outcome)

    def _request(self) -> tuple[Facility, Child, time, time, Pickup] | None:
        """What a booking or a plan needs from the form, errors cleared; None (with the
        focus on what is missing) when the form is not complete."""
        if not self._ready():
            self._focus_missing()
            return None
        self._clear_errors()
        self.result_label.hide()
        pickup = self._pickup()
        facility, child = self.ctx.facility, self.child
        start, end = self.times()
        if pickup is None or facility is None or child is None or start is None or end is None:
            return None
        return facility, child, start, end, pickup

    def request_regular(self) -> None:
        """Send a regular-use plan (weekdays, the chosen times, first and last day) to the
        approval queue."""
        request = self._request()
        if request is None:
            return
        facility, child, start, end, pickup = request
        weekdays = [n for n, box in enumerate(self.weekday_checks) if box.isChecked()]
        outcome = self.ctx.run(
            self.ctx.desk.bookings.request_regular, facility.id, child.id, weekdays, start, end,
            self.regular_first.day(), self.regular_last.day(), source=self.source(), pickup=pickup,
            comment=self.comment_edit.text().strip(),
        )
        if isinstance(outcome.value, RegularPlan):
            self._show_requested(outcome.value, child)
            self.reset()
        else:
            self._show_refusal(outcome)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter that no field used confirms the booking."""
        if event.key() in _ENTER_KEYS:
            self.confirm()
            event.accept()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter that no field of the regular-use section used sends the request."""
        if (watched is self.regular_group and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() in _ENTER_KEYS):
            self.request_regular()
            return True
        return super().eventFilter(watched, event)

    # -- showing outcomes ----------------------------------------------------------------
    def _show_booked(self, booking: Booking) -> None:
        lang = self.ctx.lang
        details = " ".join([
            booking.child_name,
            messages.format_date(booking.day, lang),
            f"{messages.format_time(booking.start)}–{messages.format_time(booking.end)}",
            f"({messages.status_label(booking.status, lang)})",
            messages.format_yen(booking.fee_yen, lang),
        ])
        self._show_result(self.tr("Booking number {number}").format(number=booking.number), details)

    def _show_requested(self, plan: RegularPlan, child: Child) -> None:
        lang = self.ctx.lang
        separator = ", " if lang == "en" else "・"
        names = separator.join(self.locale().dayName(d + 1, QLocale.FormatType.ShortFormat) for d in plan.weekdays)
        details = self.tr("{name}: {weekdays} {start}–{end}, {first} to {last}").format(
            name=child.name, weekdays=names, start=messages.format_time(plan.start),
            end=messages.format_time(plan.end), first=messages.format_date(plan.first_day, lang),
            last=messages.format_date(plan.last_day, lang))
        self._show_result(self.tr("Regular-use request sent for approval"), details)

    def _show_result(self, headline: str, details: str) -> None:
        self.result_label.setText(
            f"<div style='font-size: 22pt; font-weight: bold;'>{html.escape(headline)}</div>"
            f"<div>{html.escape(details)}</div>")
        self.result_label.show()

    def _show_refusal(self, outcome: Outcome[object]) -> None:
        field = refused_field(outcome.error)
        label, widget = {
            "date": (self.date_error, self.date_edit),
            "time": (self.time_error, self.start_edit),
            "child": (self.child_error, self.search.edit),
            "pickup": (self.pickup_error, self.pickup_name),
            "regular": (self.regular_error, self.weekday_checks[0]),
        }.get(field, (self.error_label, self.confirm_button))
        self._show_error(label, outcome.message, widget)

    def _show_error(self, label: QLabel, text: str, focus: QWidget) -> None:
        label.setText(text)
        label.show()
        focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def _clear_errors(self) -> None:
        for label in (self.child_error, self.date_error, self.time_error, self.pickup_error,
                      self.regular_error, self.error_label):
            label.clear()
            label.hide()

    def _focus_missing(self) -> None:
        if self.child is None:
            self.focus_search()
        elif not self.consent_check.isChecked():
            self.consent_check.setFocus(Qt.FocusReason.OtherFocusReason)
