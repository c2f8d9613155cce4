"""Small widget helpers every pane uses: lists set up alike, buttons with their keys, date
and time fields in the window's language, error labels, and a group box that folds away."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QDate, QLocale, Qt, QTime
from PySide6.QtGui import QFocusEvent, QKeySequence, QPaintEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QStyleOptionGroupBox,
    QStylePainter,
    QTableView,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

# Rows a list measures to size its columns: enough for the look, cheap at 100,000 rows.
SIZE_SAMPLE_ROWS = 200
# How a date field shows its date, by window language: 2026年3月3日(火) / Tue 3 Mar 2026.
DATE_FORMATS = {"ja": "yyyy年M月d日(ddd)", "en": "ddd d MMM yyyy"}
# How a time field shows its time: 09:30.
TIME_FORMAT = "HH:mm"
# How a refusal's sentence looks.
ERROR_STYLE = "color: #b00020;"


def configure_table(view: QTableView, model: QAbstractItemModel, *, multi: bool = False) -> None:
    """Whole-row selection, columns sized from the first rows only (so long lists stay
    smooth), the last column stretched, no word wrap."""
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(
        QAbstractItemView.SelectionMode.ExtendedSelection if multi
        else QAbstractItemView.SelectionMode.SingleSelection
    )
    view.setWordWrap(False)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    header = view.horizontalHeader()
    header.setResizeContentsPrecision(SIZE_SAMPLE_ROWS)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    # Size the columns when rows arrive, not on every scroll (ResizeToContents would).
    model.modelReset.connect(view.resizeColumnsToContents)


def table_view(parent: QWidget, name: str, model: QAbstractItemModel, *, multi: bool = False) -> QTableView:
    """A new list named ``name`` over ``model``, set up by :func:`configure_table`."""
    view = QTableView(parent)
    view.setObjectName(name)
    configure_table(view, model, multi=multi)
    return view


def widget_key(
    widget: QWidget, key: QKeySequence, slot: Callable[[], object],
    context: Qt.ShortcutContext = Qt.ShortcutContext.WidgetShortcut,
) -> QShortcut:
    """A key that runs ``slot`` only in ``context`` (by default: while ``widget`` has the
    focus). PySide6 ignores the ``context`` argument of QShortcut's constructor when it is
    given a callable, which would make the key act anywhere in the window."""
    shortcut = QShortcut(key, widget)
    shortcut.setContext(context)
    shortcut.activated.connect(slot)
    return shortcut


def shortcut_button(
    parent: QWidget, name: str, text: str, tip: str, shortcut: str, *more: str
) -> QPushButton:
    """A button with an objectName and one or more keys, which its tooltip shows.

    The keys press the button while it is shown and enabled, once per key press (a key
    held down does not repeat it); the Alt mnemonic of ``text`` (``&Save``) keeps working
    beside them."""
    button = QPushButton(text, parent)
    button.setObjectName(name)
    sequences = [QKeySequence(key) for key in (shortcut, *more)]
    for sequence in sequences:
        QShortcut(sequence, button, button.click).setAutoRepeat(False)
    keys = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in sequences)
    button.setToolTip(f"{tip} ({keys})")
    return button


def window_locale(lang: str) -> QLocale:
    """The locale of the window's language: English (US) for ``en``, else Japanese (Japan)."""
    if lang == "en":
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    return QLocale(QLocale.Language.Japanese, QLocale.Country.Japan)


class DayDateEdit(QDateEdit):
    """A date field whose cursor starts on the day (or on ``start_on``, e.g. the year of a
    birth date typed as eight digits): on the day Up/Down move one day (across months) and
    digits type the day; Tab leaves the field instead of walking its sections, and the
    calendar pops up with Alt+Down.

    Has no signals of its own (``dateChanged`` as any date field).
    """

    def __init__(
        self, parent: QWidget | None = None, start_on: QDateEdit.Section = QDateEdit.Section.DaySection
    ) -> None:
        super().__init__(parent)
        self._start_on = start_on
        self.setCalendarPopup(True)
        self.setToolTip(self.tr("Up/Down: one day; Alt+Down: calendar")
                        if start_on == QDateEdit.Section.DaySection else self.tr("Alt+Down: calendar"))

    def day(self) -> date:
        return self.date().toPython()  # type: ignore[no-any-return]

    def set_day(self, day: date) -> None:
        self.setDate(QDate(day.year, day.month, day.day))

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if event.reason() not in (Qt.FocusReason.MouseFocusReason, Qt.FocusReason.PopupFocusReason):
            self.setSelectedSection(self._start_on)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002 (Qt's name)
        return QAbstractSpinBox.focusNextPrevChild(self, next)

    def stepBy(self, steps: int) -> None:
        if self.currentSection() == QDateEdit.Section.DaySection:
            self.setDate(self.date().addDays(steps))
            self.setSelectedSection(QDateEdit.Section.DaySection)
        else:
            super().stepBy(steps)

    def stepEnabled(self) -> QAbstractSpinBox.StepEnabledFlag:
        if self.currentSection() != QDateEdit.Section.DaySection:
            return super().stepEnabled()
        flags = QAbstractSpinBox.StepEnabledFlag.StepNone
        if self.date() < self.maximumDate():
            flags |= QAbstractSpinBox.StepEnabledFlag.StepUpEnabled
        if self.date() > self.minimumDate():
            flags |= QAbstractSpinBox.StepEnabledFlag.StepDownEnabled
        return flags


def date_edit(
    parent: QWidget | None, name: str, day: date, *, lang: str = "ja", latest: date | None = None,
    start_on: QDateEdit.Section = QDateEdit.Section.DaySection,
) -> DayDateEdit:
    """A date field named ``name`` showing ``day`` as the window's language writes dates
    (``2026年3月3日(火)`` with Japanese day names, or ``Tue 3 Mar 2026``), its calendar in
    that language too; ``latest``, when given, is the last date it accepts; the cursor
    starts on ``start_on``."""
    edit = DayDateEdit(parent, start_on)
    edit.setObjectName(name)
    edit.setLocale(window_locale(lang))
    edit.setDisplayFormat(DATE_FORMATS.get(lang, DATE_FORMATS["ja"]))
    if latest is not None:
        edit.setMaximumDate(QDate(latest.year, latest.month, latest.day))
    edit.set_day(day)
    return edit


def time_edit(parent: QWidget | None, name: str, at: time) -> QTimeEdit:
    """A time field named ``name`` showing ``at`` as ``09:30``."""
    edit = QTimeEdit(QTime(at.hour, at.minute), parent)
    edit.setObjectName(name)
    edit.setDisplayFormat(TIME_FORMAT)
    return edit


def error_label(parent: QWidget, name: str) -> QLabel:
    """A hidden, word-wrapped red label named ``name`` for the sentence of a refusal."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.hide()
    return label


def show_error(label: QLabel, text: str) -> None:
    """Show ``text`` in an error label; an empty text hides it."""
    label.setText(text)
    label.setVisible(bool(text))


class FoldingGroupBox(QGroupBox):
    """A checkable group box, unticked at first, whose ``body`` (fill it with a layout of
    its own) and frame show only while it is ticked: unticked it is its check box alone,
    not an empty frame.

    Has no signals of its own (``toggled`` as any group box).
    """

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.setCheckable(True)
        self.setChecked(False)
        self.body = QWidget(self)
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.body)
        self.toggled.connect(self._fold)
        self._fold(False)

    def _fold(self, on: bool) -> None:
        self.body.setVisible(on)
        margin = -1 if on else 0  # -1: the style's margins
        self._layout.setContentsMargins(margin, margin, margin, margin)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.isChecked():
            super().paintEvent(event)
            return
        option = QStyleOptionGroupBox()
        self.initStyleOption(option)
        option.subControls &= ~QStyle.SubControl.SC_GroupBoxFrame
        QStylePainter(self).drawComplexControl(QStyle.ComplexControl.CC_GroupBox, option)


def ok_cancel_buttons(dialog: QDialog, ok_name: str = "", ok_text: str = "") -> tuple[QDialogButtonBox, QPushButton]:
    """OK and Cancel wired to the dialog's accept and reject; OK named and labelled if given."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    if ok_name:
        ok.setObjectName(ok_name)
    if ok_text:
        ok.setText(ok_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons, ok


def with_suffix(path: Path, suffix: str) -> Path:
    """``path``, with ``suffix`` added unless it already ends so (a name typed without it)."""
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)
