"""The small questions the File menu asks before writing a file: the days of an availability
file (空き状況), and the month and the format of an actuals file (利用実績)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import QDateEdit, QDialog, QFormLayout, QLabel, QRadioButton, QVBoxLayout, QWidget

from hoiku_desk.views.widgets import date_edit, error_label, ok_cancel_buttons, show_error

# How many days after today an availability file covers unless staff choose otherwise.
AVAILABILITY_DAYS = 30
# How a month field shows its month, by window language: 2026年2月 / February 2026.
MONTH_FORMATS = {"ja": "yyyy年M月", "en": "MMMM yyyy"}
CSV, XLSX = ".csv", ".xlsx"
# The dialogs' width, in average characters: their introductions wrap on two lines at most.
WIDTH_CHARS = 56


def previous_month(today: date) -> date:
    """The first day of the month before ``today``'s (the month a report is usually due for)."""
    return (today.replace(day=1) - timedelta(days=1)).replace(day=1)


class AvailabilityExportDialog(QDialog):
    """The first and last day of an availability file (today → today + 30 at first). OK
    refuses a last day before the first, with the sentence in the dialog.

    Has no signals of its own (``accepted`` as any dialog).
    """

    def __init__(self, today: date, parent: QWidget | None = None, *, lang: str = "ja") -> None:
        super().__init__(parent)
        self.setObjectName("availabilityExportDialog")
        self.setWindowTitle(self.tr("Export availability"))
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * WIDTH_CHARS)
        intro = QLabel(self.tr("Capacity, taken and remaining places of every open slot, for the "
                               "online channels:"), self)
        intro.setWordWrap(True)
        self.from_edit = date_edit(self, "availabilityFromEdit", today, lang=lang)
        self.to_edit = date_edit(self, "availabilityToEdit", today + timedelta(days=AVAILABILITY_DAYS),
                                 lang=lang)
        self.error_label = error_label(self, "availabilityError")
        buttons, self.ok_button = ok_cancel_buttons(self, "availabilityOkButton", self.tr("&Export…"))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.tr("&From:"), self.from_edit)
        form.addRow(self.tr("&To:"), self.to_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.from_edit.setFocus()

    def days(self) -> tuple[date, date]:
        """The first and the last day chosen."""
        return self.from_edit.day(), self.to_edit.day()

    def accept(self) -> None:
        first, last = self.days()
        if first > last:
            show_error(self.error_label, self.tr("The last day is before the first day. Choose a "
                                                 "last day on or after the first."))
            self.to_edit.setFocus()
            return
        super().accept()


class ActualsExportDialog(QDialog):
    """The month of an actuals file (the previous month at first) and its format: CSV (the
    rows per child, plus ``<name>_summary.csv`` with the age bands) or one Excel workbook.

    Has no signals of its own (``accepted`` as any dialog).
    """

    def __init__(self, today: date, parent: QWidget | None = None, *, lang: str = "ja") -> None:
        super().__init__(parent)
        self.setObjectName("actualsExportDialog")
        self.setWindowTitle(self.tr("Export actuals"))
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * WIDTH_CHARS)
        intro = QLabel(self.tr("The month's actual use, one row per child, for the municipality's "
                               "monthly report:"), self)
        intro.setWordWrap(True)
        self.month_edit = date_edit(self, "actualsMonthEdit", previous_month(today), lang=lang,
                                    latest=today, start_on=QDateEdit.Section.MonthSection)
        self.month_edit.setDisplayFormat(MONTH_FORMATS.get(lang, MONTH_FORMATS["ja"]))
        self.month_edit.setToolTip(self.tr("Up/Down: one month; Alt+Down: calendar"))
        self.csv_radio = QRadioButton(self.tr("&CSV: the rows per child, and the summary by age "
                                              "in a second file"), self)
        self.csv_radio.setObjectName("actualsCsvRadio")
        self.xlsx_radio = QRadioButton(self.tr("E&xcel workbook (.xlsx): both on sheets of one file"), self)
        self.xlsx_radio.setObjectName("actualsXlsxRadio")
        self.csv_radio.setChecked(True)
        buttons, self.ok_button = ok_cancel_buttons(self, "actualsOkButton", self.tr("&Export…"))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.tr("&Month:"), self.month_edit)
        form.addRow(self.tr("Format:"), self.csv_radio)
        form.addRow("", self.xlsx_radio)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.month_edit.setFocus()

    def month(self) -> tuple[int, int]:
        """The year and the month chosen."""
        chosen = self.month_edit.day()
        return chosen.year, chosen.month

    def suffix(self) -> str:
        """``.xlsx`` for the workbook, else ``.csv``."""
        return XLSX if self.xlsx_radio.isChecked() else CSV
