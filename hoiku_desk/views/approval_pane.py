"""The approval queue (承認待ち): pending requests with their problems, approve / reject one,
approve every item without problems at once, import a request file with progress and a report."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QItemSelection, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QSplitter, QVBoxLayout, QWidget

from hoiku_desk import messages
from hoiku_desk.services import ApprovalResult, PendingItem, SkippedDay, errors
from hoiku_desk.services.records import ImportReport
from hoiku_desk.views.booking_columns import source_label
from hoiku_desk.views.context import Outcome, ViewContext
from hoiku_desk.views.import_dialog import PROGRESS_DELAY_MS, ImportProgress, ImportReportDialog
from hoiku_desk.views.table_model import Column, LazyRecordTableModel
from hoiku_desk.views.widgets import error_label, shortcut_button, show_error, table_view


def item_kind_label(kind: str) -> str:
    """予約 / 定期利用 / 利用登録 / 面談 / キャンセル (English source strings)."""
    labels = {
        "booking": QCoreApplication.translate("ApprovalPane", "Booking"),
        "regular": QCoreApplication.translate("ApprovalPane", "Regular use"),
        "registration": QCoreApplication.translate("ApprovalPane", "Registration"),
        "interview": QCoreApplication.translate("ApprovalPane", "Interview"),
        "cancel": QCoreApplication.translate("ApprovalPane", "Cancellation"),
    }
    return labels.get(kind, kind)


def _received(item: PendingItem, lang: str) -> str:
    if item.received_at is None:
        return ""
    at = item.received_at
    return f"{messages.format_date(at.date(), lang)} {messages.format_time(at.time())}"


def approval_model(lang: str, parent: QWidget | None = None) -> LazyRecordTableModel[PendingItem]:
    """The queue's rows: kind, received, source, summary, problems; rows with problems
    highlighted. Rows join the list in chunks as it scrolls, so a long queue shows at once."""
    model: LazyRecordTableModel[PendingItem] = LazyRecordTableModel([
        Column(QCoreApplication.translate("ApprovalPane", "Kind"), lambda i: item_kind_label(i.kind)),
        Column(QCoreApplication.translate("ApprovalPane", "Received"), lambda i: _received(i, lang)),
        Column(QCoreApplication.translate("ApprovalPane", "Source"), lambda i: source_label(i.source)),
        Column(QCoreApplication.translate("ApprovalPane", "Summary"), lambda i: i.summary),
        Column(QCoreApplication.translate("ApprovalPane", "Problems"), lambda i: " / ".join(i.problems),
               tooltip=lambda i: "\n".join(i.problems)),
    ], parent)
    model.highlight = lambda item: bool(item.problems)
    return model


def skipped_text(skipped: Sequence[SkippedDay], lang: str) -> str:
    """One line per day a regular plan could not book: the day and the refusal's sentence."""
    line = QCoreApplication.translate("ApprovalPane", "%1: %2")
    return "\n".join(line.replace("%1", messages.format_date(s.day, lang)).replace("%2", s.message)
                     for s in skipped)


@dataclass
class BulkApproval:
    """What approving several items did: the results, and each refused item with its sentence."""

    approved: list[ApprovalResult] = field(default_factory=list)
    failed: list[tuple[PendingItem, str]] = field(default_factory=list)


class ApprovalPane(QWidget):
    """承認待ち: the facility's pending items, oldest first.

    Signals:
        countChanged(int): the number of waiting items; emitted on every refresh.
    """

    countChanged = Signal(int)

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("approvalPane")
        self.ctx = ctx
        # How long an import runs before its progress dialog shows (tests set 0).
        self.progress_delay_ms = PROGRESS_DELAY_MS
        self.model = approval_model(ctx.lang, self)
        self._items: list[PendingItem] = []
        self._build()
        ctx.follow(self.refresh, while_shown=self)
        self.refresh()

    # -- building -----------------------------------------------------------------------
    def _build(self) -> None:
        self.heading = QLabel(self)
        self.heading.setObjectName("approvalHeading")
        self.approve_button = shortcut_button(self, "approveButton", self.tr("&Approve"),
                                              self.tr("Approve the selected item"), "Ctrl+Return")
        QShortcut(QKeySequence("Ctrl+Enter"), self.approve_button, self.approve_button.click)
        self.reject_button = shortcut_button(self, "rejectButton", self.tr("&Reject…"),
                                             self.tr("Reject the selected item with a reason"),
                                             "Ctrl+Delete")
        self.approve_all_button = shortcut_button(
            self, "approveAllButton", self.tr("Approve all &without problems…"),
            self.tr("Approve every item that has no problems"), "Ctrl+Shift+Return",
        )
        self.import_button = shortcut_button(self, "importButton", self.tr("&Import file…"),
                                             self.tr("Import a request file from the online channels"),
                                             "Ctrl+I")
        self.approve_button.clicked.connect(self.approve_selected)
        self.reject_button.clicked.connect(self.reject_selected)
        self.approve_all_button.clicked.connect(self.approve_all)
        self.import_button.clicked.connect(self.import_file)
        self.toolbar = QHBoxLayout()
        for button in (self.approve_button, self.reject_button, self.approve_all_button):
            self.toolbar.addWidget(button)
        self.toolbar.addStretch(1)
        self.toolbar.addWidget(self.import_button)

        self.table = table_view(self, "approvalTable", self.model)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.detail = QPlainTextEdit(self)
        self.detail.setObjectName("approvalDetail")
        self.detail.setReadOnly(True)
        self.error_label = error_label(self, "approvalError")

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self.toolbar)
        layout.addWidget(self.error_label)
        layout.addWidget(splitter, 1)
        self.setFocusProxy(self.table)

    # -- reading ------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the queue again (as many rows into the list as it had, the rest as it
        scrolls), keep the selected item selected, announce the count."""
        selected = self.current_item()
        facility_id = self.ctx.facility_id
        items = self._items = self.ctx.desk.approvals.pending(facility_id) if facility_id else []
        self.model.set_source(iter(items), len(items), at_least=self.model.rowCount())
        self._select(selected.id if selected else None)
        self.heading.setText(self.tr("Waiting for approval: %1").replace("%1", str(len(items))))
        self._update_actions()
        self.countChanged.emit(len(items))

    def count(self) -> int:
        """How many items wait (as last read), in the list or still to scroll to."""
        return len(self._items)

    def current_item(self) -> PendingItem | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def _select(self, item_id: str | None) -> None:
        rows = self.model.rows()
        row = next((n for n, item in enumerate(rows) if item.id == item_id), 0 if rows else None)
        if row is None:
            self._show_detail(None)
            return
        self.table.selectRow(row)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_detail(self.current_item())
        self._update_actions()

    def _show_detail(self, item: PendingItem | None) -> None:
        if item is None:
            self.detail.setPlainText("")
            return
        lines = [f"{item_kind_label(item.kind)}  {_received(item, self.ctx.lang)}  "
                 f"{source_label(item.source)}", item.summary, ""]
        if item.problems:
            lines.append(self.tr("Problems:"))
            lines += [self.tr("- %1").replace("%1", problem) for problem in item.problems]
        else:
            lines.append(self.tr("No problems: it can be approved as it is."))
        self.detail.setPlainText("\n".join(lines))

    def _update_actions(self) -> None:
        has_item = self.current_item() is not None
        self.approve_button.setEnabled(has_item)
        self.reject_button.setEnabled(has_item)
        self.approve_all_button.setEnabled(any(not i.problems for i in self._items))

    def _show_error(self, text: str) -> None:
        show_error(self.error_label, text)

    # -- operations ---------------------------------------------------------------------
    def approve_selected(self) -> None:
        """Approve the selected item; a refusal shows its sentence and the item stays."""
        item = self.current_item()
        if item is None:
            return
        self._show_error("")
        outcome = self.ctx.run(self.ctx.desk.approvals.approve, item.id)
        if not outcome.ok:
            self._show_error(outcome.message)
            return
        result = outcome.value
        if result is not None and result.skipped:
            self.ctx.dialogs.inform(self, self.tr("Regular use approved"), self._plan_report([result]))

    def reject_selected(self) -> None:
        """Reject the selected item with a reason asked for; no reason, no rejection."""
        item = self.current_item()
        if item is None:
            return
        self._show_error("")
        reason = self.ctx.dialogs.ask_text(self, self.tr("Reject"), self.tr("Reason for rejecting:"))
        if reason is None or not reason.strip():
            return
        outcome = self.ctx.run(self.ctx.desk.approvals.reject, item.id, reason.strip())
        if not outcome.ok:
            self._show_error(outcome.message)

    def approve_all(self) -> None:
        """Approve every item without problems, also those not scrolled to yet (after
        confirming the count), then report."""
        items = [item for item in self._items if not item.problems]
        if not items:
            return
        self._show_error("")
        question = self.tr("Approve every item without problems (%1)?").replace("%1", str(len(items)))
        if not self.ctx.dialogs.confirm(self, self.tr("Approve all"), question):
            return
        outcome = self.ctx.run(self._approve_each, items)
        if not outcome.ok or outcome.value is None:
            self._show_error(outcome.message)
            return
        self.ctx.dialogs.inform(self, self.tr("Approve all"), self._bulk_report(outcome.value))

    def _approve_each(self, items: Sequence[PendingItem]) -> BulkApproval:
        """Each approval is its own transaction: one refused item does not stop the others."""
        done = BulkApproval()
        for item in items:
            try:
                done.approved.append(self.ctx.desk.approvals.approve(item.id))
            except errors.HoikuDeskError as error:
                done.failed.append((item, self.ctx.message(error)))
        return done

    def _bulk_report(self, done: BulkApproval) -> str:
        lines = [self.tr("Approved: %1").replace("%1", str(len(done.approved)))]
        if done.failed:
            lines.append(self.tr("Not approved: %1").replace("%1", str(len(done.failed))))
            line = self.tr("- %1: %2")
            lines += [line.replace("%1", item.summary).replace("%2", sentence) for item, sentence in done.failed]
        if any(result.skipped for result in done.approved):
            lines += ["", self._plan_report(done.approved)]
        return "\n".join(lines)

    def _plan_report(self, results: Sequence[ApprovalResult]) -> str:
        lines = []
        for result in results:
            if result.skipped:
                booked = len(result.bookings)
                lines.append(self.tr("Days booked: %1. These days could not be booked:")
                             .replace("%1", str(booked)))
                lines.append(skipped_text(result.skipped, self.ctx.lang))
        return "\n".join(lines)

    # -- importing ----------------------------------------------------------------------
    def import_file(self) -> None:
        """Ask for a request file and import it with a progress dialog (中止 undoes it all),
        then show the report; a file that is not a request file is refused with its sentence."""
        title = self.tr("Import request file")
        path = self.ctx.dialogs.open_file(self, title, self.tr("CSV (*.csv);;All files (*)"))
        if path is None:
            return
        self._show_error("")
        outcome = self._import(path)
        if outcome.value is not None:
            self._show_report(outcome.value, path.name)
        elif isinstance(outcome.error, errors.ImportFileError) and outcome.error.data.get("reason") == "cancelled":
            self.ctx.dialogs.inform(self, title, outcome.message)
        else:
            self.ctx.dialogs.warn(self, title, outcome.message)

    def _import(self, path: Path) -> Outcome[ImportReport]:
        """The import as an operation (``changed`` after success), with its progress dialog."""
        progress = ImportProgress(path.name, self, self.progress_delay_ms)
        try:
            return self.ctx.run(self.ctx.desk.sync.import_requests, path, progress=progress)
        finally:
            progress.finish()

    def _show_report(self, report: ImportReport, file_name: str) -> None:
        """Open the report window-modally (non-blocking); it deletes itself when closed."""
        dialog = ImportReportDialog(report, file_name, self, lang=self.ctx.lang)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
