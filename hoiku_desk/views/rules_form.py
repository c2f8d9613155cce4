"""An editor for every field of a facility's ``FacilityRules``."""

from __future__ import annotations

from datetime import time
from typing import Any

from PySide6.QtCore import QLocale, QTime
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from hoiku_desk import messages
from hoiku_desk.services import FacilityRules
from hoiku_desk.services.rules import CANCEL_REASONS
from hoiku_desk.views.widgets import TIME_FORMAT, window_locale

# Fields whose order does not matter: compared as sets.
SET_FIELDS = ("closed_weekdays", "fee_free_reasons")
# The ages (completed years) the caregiver ratios are edited for; the last means "and up".
RATIO_AGES = (0, 1, 2, 3, 4)


def weekday_names(lang: str) -> list[str]:
    """Monday first, short names in the window's language (月 … 日 / Mon … Sun)."""
    locale = window_locale(lang)
    return [locale.dayName(day, QLocale.FormatType.ShortFormat) for day in range(1, 8)]


class RulesForm(QWidget):
    """One editor per ``FacilityRules`` field (object names ``rule_<field>``; the weekday and
    fee-free reason boxes ``rule_closed_weekdays_<0-6>`` and ``rule_fee_free_reasons_<code>``,
    the children per caregiver ``rule_caregiver_ratios_<0-4>``, 4 standing for 4 and up).
    Optional numbers are line edits: empty means none.

    Has no signals of its own.
    """

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rulesForm")
        self.lang = lang
        self.editors: dict[str, QWidget] = {}
        self.weekday_boxes: list[QCheckBox] = []
        self.reason_boxes: dict[str, QCheckBox] = {}
        self.ratio_spins: dict[int, QSpinBox] = {}
        columns = QHBoxLayout(self)
        columns.setContentsMargins(0, 0, 0, 0)
        for build in (self._booking_column, self._hours_column, self._policy_column):
            form = QFormLayout()
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
            build(form)
            columns.addLayout(form)
            columns.addSpacing(24)
        columns.addStretch(1)

    # -- building -----------------------------------------------------------------------
    def _booking_column(self, form: QFormLayout) -> None:
        program = QComboBox(self)
        program.addItem(self.tr("Temporary childcare (ichiji)"), "ichiji")
        program.addItem(self.tr("Daredemo tsuen"), "daredemo")
        self._add(form, "program", self.tr("Program"), program)
        self._add(form, "slot_minutes", self.tr("Booking unit (minutes)"), self._spin(5, 240, 5))
        self._add(form, "min_booking_minutes", self.tr("Shortest booking (minutes)"), self._spin(0, 1440, 30))
        self._add(form, "default_capacity", self.tr("Capacity per slot"), self._spin(0, 999))
        self._add(form, "booking_horizon_days", self.tr("Bookable days ahead"), self._spin(0, 366))
        self._add(form, "max_held_days", self.tr("Days a child may hold"), self._spin(0, 31))
        self._check(form, "window_and_hold_apply_to_phone",
                    self.tr("Days ahead and held days apply to phone bookings"))
        self._add(form, "min_age_months", self.tr("Youngest age (months)"), self._optional())
        self._add(form, "max_age_months", self.tr("Oldest age (months)"), self._optional())
        self._add(form, "monthly_quota_minutes", self.tr("Monthly quota (minutes)"), self._optional())

    def _hours_column(self, form: QFormLayout) -> None:
        self._add(form, "open_time", self.tr("Opens at"), self._time())
        self._add(form, "close_time", self.tr("Closes at"), self._time())
        row = QHBoxLayout()
        for day, name in enumerate(weekday_names(self.lang)):
            box = QCheckBox(name, self)
            box.setObjectName(f"rule_closed_weekdays_{day}")
            self.weekday_boxes.append(box)
            row.addWidget(box)
        form.addRow(self.tr("Closed weekdays"), row)
        self._check(form, "closed_on_public_holidays", self.tr("Closed on public holidays"))
        self._check(form, "closed_year_end", self.tr("Closed at the year end (29 Dec – 3 Jan)"))
        self._check(form, "phone_bookings_confirmed",
                    self.tr("Phone and walk-in bookings are confirmed at once"))
        self._check(form, "online_bookings_confirmed", self.tr("Online bookings are confirmed at once"))

    def _policy_column(self, form: QFormLayout) -> None:
        self._add(form, "cancel_deadline_days_before",
                  self.tr("Free cancellation until (days before)"), self._spin(0, 30))
        self._add(form, "cancel_deadline_time", self.tr("Free cancellation until (time)"), self._time())
        hourly = self._spin(0, 100_000, 10)
        hourly.setSuffix(self.tr(" yen"))
        self._add(form, "hourly_fee_yen", self.tr("Fee per hour"), hourly)
        percent = self._spin(0, 100, 10)
        percent.setSuffix("%")
        self._add(form, "late_cancel_fee_percent", self.tr("Late cancellation fee"), percent)
        self._check(form, "late_cancel_counts_against_quota",
                    self.tr("Late cancellations use up the monthly quota"))
        for code in CANCEL_REASONS:
            box = QCheckBox(messages.reason_label(code, self.lang), self)
            box.setObjectName(f"rule_fee_free_reasons_{code}")
            self.reason_boxes[code] = box
            form.addRow(self.tr("No fee for") if code == CANCEL_REASONS[0] else "", box)
        self._ratio_rows(form)

    def _ratio_rows(self, form: QFormLayout) -> None:
        """Children one caregiver may look after, by age in completed years (配置基準)."""
        form.addRow(QLabel(self.tr("Children per caregiver, by age in years:"), self))
        for age in RATIO_AGES:
            spin = self._spin(1, 99)
            spin.setObjectName(f"rule_caregiver_ratios_{age}")
            spin.setSuffix(self.tr(" children"))
            self.ratio_spins[age] = spin
            label = self.tr("Age %1 and up") if age == RATIO_AGES[-1] else self.tr("Age %1")
            form.addRow(label.replace("%1", str(age)), spin)

    def _add(self, form: QFormLayout, name: str, label: str, editor: QWidget) -> None:
        editor.setObjectName(f"rule_{name}")
        self.editors[name] = editor
        form.addRow(label, editor)

    def _check(self, form: QFormLayout, name: str, text: str) -> None:
        """A yes/no rule: the check box carries its own label."""
        box = QCheckBox(text, self)
        box.setObjectName(f"rule_{name}")
        self.editors[name] = box
        form.addRow(box)

    def _spin(self, low: int, high: int, step: int = 1) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setRange(low, high)
        spin.setSingleStep(step)
        return spin

    def _time(self) -> QTimeEdit:
        edit = QTimeEdit(self)
        edit.setDisplayFormat(TIME_FORMAT)
        return edit

    def _optional(self) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setValidator(QIntValidator(0, 99_999, edit))
        edit.setPlaceholderText(self.tr("none"))
        return edit

    # -- values -------------------------------------------------------------------------
    def load(self, rules: FacilityRules) -> None:
        """Show ``rules`` in the editors."""
        for name, editor in self.editors.items():
            value = getattr(rules, name)
            if isinstance(editor, QComboBox):
                editor.setCurrentIndex(max(editor.findData(value), 0))
            elif isinstance(editor, QSpinBox):
                editor.setValue(value)
            elif isinstance(editor, QTimeEdit):
                editor.setTime(QTime(value.hour, value.minute))
            elif isinstance(editor, QCheckBox):
                editor.setChecked(value)
            elif isinstance(editor, QLineEdit):
                editor.setText("" if value is None else str(value))
        for day, box in enumerate(self.weekday_boxes):
            box.setChecked(day in rules.closed_weekdays)
        for code, box in self.reason_boxes.items():
            box.setChecked(code in rules.fee_free_reasons)
        for age, spin in self.ratio_spins.items():
            spin.setValue(rules.children_per_caregiver(age))

    def values(self) -> dict[str, Any]:
        """Every field as the editors show it (times without seconds, empty optional = None)."""
        out: dict[str, Any] = {}
        for name, editor in self.editors.items():
            if isinstance(editor, QComboBox):
                out[name] = editor.currentData()
            elif isinstance(editor, QSpinBox):
                out[name] = editor.value()
            elif isinstance(editor, QTimeEdit):
                value = editor.time()
                out[name] = time(value.hour(), value.minute())
            elif isinstance(editor, QCheckBox):
                out[name] = editor.isChecked()
            elif isinstance(editor, QLineEdit):
                text = editor.text().strip()
                out[name] = int(text) if text else None
        out["closed_weekdays"] = tuple(d for d, box in enumerate(self.weekday_boxes) if box.isChecked())
        out["fee_free_reasons"] = tuple(c for c, box in self.reason_boxes.items() if box.isChecked())
        out["caregiver_ratios"] = tuple((age, spin.value()) for age, spin in self.ratio_spins.items())
        return out

    def changes(self, rules: FacilityRules) -> dict[str, Any]:
        """The fields whose editor differs from ``rules``: what ``update_rules`` needs. The
        caregiver ratios count as changed only when one of the ages shown takes another
        ratio (so rules written with fewer or more ages are kept as they are)."""
        changed = {}
        for name, value in self.values().items():
            current = getattr(rules, name)
            if name in SET_FIELDS:
                same = set(value) == set(current)
            elif name == "caregiver_ratios":
                same = all(rules.children_per_caregiver(age) == children for age, children in value)
            else:
                same = value == current
            if not same:
                changed[name] = value
        return changed
