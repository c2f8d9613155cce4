"""Cancelling one or many bookings with the policy outcome shown first, and closing a day
(the affected bookings then go to bulk cancellation and a call list).

Each dialog runs its own operation in ``accept()``: a refusal shows its sentence inside the
dialog, which stays open; success closes it. Panes open them with ``open()`` (window-modal,
non-blocking), so tests can fill them and press OK.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time
from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hoiku_desk import messages
from hoiku_desk.printing import pdf
from hoiku_desk.printing.daily_list import printed_at_text
from hoiku_desk.printing.era import era_date
from hoiku_desk.services import Booking, CancellationOutcome, errors
from hoiku_desk.services.rules import CANCEL_REASONS
from hoiku_desk.views.booking_columns import RIGHT, times_text
from hoiku_desk.views.context import ViewContext
from hoiku_desk.views.print_preview import PrintButtons
from hoiku_desk.views.table_model import Column, RecordTableModel
from hoiku_desk.views.widgets import (
    date_edit,
    error_label,
    ok_cancel_buttons,
    show_error,
    table_view,
    time_edit,
)


# -- cancellation --------------------------------------------------------------------------
@dataclass(frozen=True)
class PreviewRow:
    """A booking and what cancelling it now would cost, or why it cannot be cancelled."""

    booking: Booking
    outcome: CancellationOutcome | None
    problem: str = ""


def preview_model(lang: str, parent: QWidget | None = None) -> RecordTableModel[PreviewRow]:
    """Number, child, date, late or free, fee, quota minutes, and a refusal's sentence."""

    def late(row: PreviewRow) -> str:
        if row.outcome is None:
            return ""
        if row.outcome.late:
            return QCoreApplication.translate("CancelDialog", "Late")
        return QCoreApplication.translate("CancelDialog", "In time")

    def fee(row: PreviewRow) -> str:
        return "" if row.outcome is None else messages.format_yen(row.outcome.fee_yen, lang)

    def quota(row: PreviewRow) -> str:
        if row.outcome is None:
            return ""
        return messages.format_minutes(row.outcome.quota_minutes, lang)

    model: RecordTableModel[PreviewRow] = RecordTableModel([
        Column(QCoreApplication.translate("CancelDialog", "Number"), lambda r: r.booking.number),
        Column(QCoreApplication.translate("CancelDialog", "Child"), lambda r: r.booking.child_name),
        Column(QCoreApplication.translate("CancelDialog", "Date"),
               lambda r: f"{messages.format_date(r.booking.day, lang)} {times_text(r.booking)}"),
        Column(QCoreApplication.translate("CancelDialog", "Timing"), late),
        Column(QCoreApplication.translate("CancelDialog", "Fee"), fee, RIGHT),
        Column(QCoreApplication.translate("CancelDialog", "Quota used"), quota, RIGHT),
        Column(QCoreApplication.translate("CancelDialog", "Note"), lambda r: r.problem,
               tooltip=lambda r: r.problem),
    ], parent)
    model.highlight = lambda row: bool(row.problem)
    return model


class CancelDialog(QDialog):
    """Cancel the given bookings with one reason: all of them, or none (``cancel_many``).

    The preview is read again whenever the reason changes; a booking that cannot be
    cancelled shows its sentence in its row and OK stays disabled. After a successful
    ``accept()`` the outcomes are in ``outcomes``. No signals of its own.
    """

    def __init__(
        self, ctx: ViewContext, bookings: Sequence[Booking], reason: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("cancelDialog")
        self.setWindowTitle(self.tr("Cancel bookings"))
        self.ctx = ctx
        self.bookings = list(bookings)
        self.outcomes: list[CancellationOutcome] = []
        self.model = preview_model(ctx.lang, self)
        self._build()
        if reason is not None:
            self.reason_box.setCurrentIndex(max(self.reason_box.findData(reason), 0))
        self.update_preview()
        self.reason_box.currentIndexChanged.connect(lambda _index: self.update_preview())

    def _build(self) -> None:
        self.reason_box = QComboBox(self)
        self.reason_box.setObjectName("cancelReason")
        for code in CANCEL_REASONS:
            self.reason_box.addItem(messages.reason_label(code, self.ctx.lang), code)
        self.detail_edit = QLineEdit(self)
        self.detail_edit.setObjectName("cancelDetail")
        self.table = table_view(self, "cancelPreview", self.model)
        self.totals = QLabel(self)
        self.totals.setObjectName("cancelTotals")
        self.error = error_label(self, "cancelError")
        buttons, self.ok_button = ok_cancel_buttons(self, "cancelOkButton", self.tr("Cancel the &bookings"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("&Keep them"))

        form = QFormLayout()
        form.addRow(self.tr("&Reason:"), self.reason_box)
        form.addRow(self.tr("&Detail:"), self.detail_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.totals)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(760, 380)

    def reason(self) -> str:
        return str(self.reason_box.currentData())

    def update_preview(self) -> None:
        """Read each booking's outcome for the chosen reason; refused rows disable OK."""
        rows = [self._preview(booking) for booking in self.bookings]
        self.model.set_rows(rows)
        self.ok_button.setEnabled(bool(rows) and not any(row.problem for row in rows))
        self.totals.setText(self._totals(rows))

    def _preview(self, booking: Booking) -> PreviewRow:
        try:
            return PreviewRow(booking, self.ctx.desk.cancellations.preview(booking.id, self.reason()))
        except errors.HoikuDeskError as error:
            return PreviewRow(booking, None, self.ctx.message(error))

    def _totals(self, rows: Sequence[PreviewRow]) -> str:
        outcomes = [row.outcome for row in rows if row.outcome is not None]
        lang = self.ctx.lang
        return (
            self.tr("Bookings: %1, late: %2 — fees %3, quota used %4")
            .replace("%1", str(len(rows)))
            .replace("%2", str(sum(o.late for o in outcomes)))
            .replace("%3", messages.format_yen(sum(o.fee_yen for o in outcomes), lang))
            .replace("%4", messages.format_minutes(sum(o.quota_minutes for o in outcomes), lang))
        )

    def accept(self) -> None:
        """Cancel every booking in one transaction; a refusal stays in the dialog."""
        if not self.ok_button.isEnabled():
            return
        ids = [booking.id for booking in self.bookings]
        outcome = self.ctx.run(
            self.ctx.desk.cancellations.cancel_many, ids, self.reason(), self.detail_edit.text().strip()
        )
        if not outcome.ok:
            show_error(self.error, outcome.message)
            self.update_preview()
            return
        self.outcomes = list(outcome.value or [])
        super().accept()


# -- closures ------------------------------------------------------------------------------
class ClosureDialog(QDialog):
    """Close a day (or from a time on) with a reason: ``facilities.close_day``.

    After a successful ``accept()`` the affected active bookings are in ``affected``.
    No signals of its own.
    """

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("closureDialog")
        self.setWindowTitle(self.tr("Close a day"))
        self.ctx = ctx
        self.affected: list[Booking] = []
        self.date_edit = date_edit(self, "closureDate", ctx.today(), lang=ctx.lang)
        self.from_check = QCheckBox(self.tr("&From a time on"), self)
        self.from_check.setObjectName("closureFromEnabled")
        opening = ctx.facility.rules.open_time if ctx.facility else time(8, 30)
        self.from_edit = time_edit(self, "closureFrom", opening)
        self.from_edit.setEnabled(False)
        self.from_check.toggled.connect(self.from_edit.setEnabled)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setObjectName("closureReason")
        self.error = error_label(self, "closureError")
        buttons, self.ok_button = ok_cancel_buttons(self, "closureOkButton", self.tr("&Close the day"))

        form = QFormLayout()
        form.addRow(self.tr("&Day:"), self.date_edit)
        form.addRow(self.from_check, self.from_edit)
        form.addRow(self.tr("&Reason:"), self.reason_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def from_time(self) -> time | None:
        if not self.from_check.isChecked():
            return None
        chosen = self.from_edit.time()
        return time(chosen.hour(), chosen.minute())

    def accept(self) -> None:
        """Record the closure; the bookings it affects are kept for the caller."""
        outcome = self.ctx.run(
            self.ctx.desk.facilities.close_day, self.ctx.facility_id, self.date_edit.day(),
            self.reason_edit.text().strip(), from_time=self.from_time(),
        )
        if not outcome.ok:
            show_error(self.error, outcome.message)
            return
        self.affected = list(outcome.value or [])
        super().accept()


@dataclass(frozen=True)
class CallRow:
    """Whom to phone about a booking."""

    booking: Booking
    guardian_name: str
    phone: str


def call_model(lang: str, parent: QWidget | None = None) -> RecordTableModel[CallRow]:
    return RecordTableModel([
        Column(QCoreApplication.translate("CallListDialog", "Number"), lambda r: r.booking.number),
        Column(QCoreApplication.translate("CallListDialog", "Date"),
               lambda r: f"{messages.format_date(r.booking.day, lang)} {times_text(r.booking)}"),
        Column(QCoreApplication.translate("CallListDialog", "Child"), lambda r: r.booking.child_name),
        Column(QCoreApplication.translate("CallListDialog", "Guardian"), lambda r: r.guardian_name),
        Column(QCoreApplication.translate("CallListDialog", "Phone"), lambda r: r.phone),
    ], parent)


# (header, width in % of the page) of the printed call list; the last two stay blank for pen.
CALL_COLUMNS = (("予約番号", 9), ("日時", 20), ("お子さま", 14), ("保護者", 14), ("電話", 14),
                ("連絡済", 7), ("メモ", 22))
CALL_STYLE = """
body { font-size: 9pt; }
p.title { font-size: 13pt; }
table.list { border-collapse: collapse; }
table.list th { background-color: #e8e8e8; font-weight: normal; border: 1px solid #555; }
table.list td { border: 1px solid #555; height: 26px; }
"""


def call_list_html(rows: Sequence[CallRow], facility_name: str, printed_at: datetime) -> str:
    """The printed call list (連絡リスト): one row per booking, in the order given, with
    blank columns to tick and note each call. Always Japanese, like the daily list; every
    text from the database is escaped."""
    title = f"{facility_name}　連絡リスト　印刷 {printed_at_text(printed_at)}"
    head = "".join(f"<th width=\"{width}%\">{name}</th>" for name, width in CALL_COLUMNS)
    body = "".join(
        "<tr>"
        f"<td>{escape(r.booking.number)}</td>"
        f"<td>{era_date(r.booking.day)} {times_text(r.booking)}</td>"
        f"<td>{escape(r.booking.child_name)}</td><td>{escape(r.guardian_name)}</td>"
        f"<td>{escape(r.phone)}</td><td></td><td></td>"
        "</tr>"
        for r in rows
    ) or f"<tr><td colspan=\"{len(CALL_COLUMNS)}\">連絡の必要なご家庭はありません。</td></tr>"
    return (
        f"<html><head><meta charset=\"utf-8\"><title>{escape(title)}</title>"
        f"<style>{CALL_STYLE}</style></head><body>"
        f"<p class=\"title\">連絡リスト（休園・取消のお知らせ）　{escape(facility_name)}</p>"
        f"<p>印刷 {printed_at_text(printed_at)}　{len(rows)}件</p>"
        "<table class=\"list\" width=\"100%\" cellpadding=\"3\" cellspacing=\"0\">"
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></body></html>"
    )


class CallListDialog(QDialog):
    """The families to phone about a closure: child, guardian and phone (read from the child),
    to print or save as a PDF (buttons ``callListPreview``, ``callListPrint``, ``callListPdf``;
    see :mod:`hoiku_desk.views.print_preview`). A printing failure shows its sentence in
    ``callListError``.

    No signals of its own.
    """

    def __init__(self, ctx: ViewContext, bookings: Sequence[Booking], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callListDialog")
        self.setWindowTitle(self.tr("Call list"))
        self.ctx = ctx
        self.model = call_model(ctx.lang, self)
        self.table = table_view(self, "callListTable", self.model)
        self.model.set_rows([self._row(ctx, booking) for booking in bookings])  # sizes the columns
        self.error = error_label(self, "callListError")
        self.printing = PrintButtons(ctx, self.html, lambda path: pdf.write_pdf(self.html(), path),
                                     self._pdf_name, self,
                                     names=("callListPreview", "callListPrint", "callListPdf"))
        self.printing.failed.connect(lambda text: show_error(self.error, text))
        close = QPushButton(self.tr("&Close"), self)
        close.setObjectName("callListClose")
        close.setDefault(True)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.printing)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Please phone these families:"), self))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.resize(720, 360)

    def html(self) -> str:
        """The list as printed, with the time of printing."""
        facility = self.ctx.facility
        return call_list_html(self.model.rows(), facility.name if facility else "", self.ctx.desk.now())

    def _pdf_name(self) -> str:
        return self.tr("Call list %1.pdf").replace("%1", self.ctx.desk.now().date().isoformat())

    @staticmethod
    def _row(ctx: ViewContext, booking: Booking) -> CallRow:
        child = ctx.desk.children.get(booking.child_id)
        return CallRow(booking, child.guardian_name, child.phone)
