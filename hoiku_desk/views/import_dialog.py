"""Importing a request file from the approval pane: the progress while the file is read, and
the report afterwards (counts, and the rows not imported with their line and reason).

The import runs in the GUI thread (one transaction, see ``desk.sync.import_requests``);
:class:`ImportProgress` is its progress callback and the only place events are processed
meanwhile. :class:`ImportReportDialog` is informational: OK closes it, nothing changes.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from hoiku_desk import messages
from hoiku_desk.services import errors
from hoiku_desk.services.records import ImportReport
from hoiku_desk.views.table_model import Column, RecordTableModel
from hoiku_desk.views.widgets import shortcut_button, table_view

# A file read faster than this never shows the progress dialog (milliseconds).
PROGRESS_DELAY_MS = 400
# A rejected row: (line in the file, header = 1; why it was not imported).
RejectedRow = tuple[int, str]


class ImportProgress(QProgressDialog):
    """The window-modal progress of one import, shown only once the import has taken (or
    is expected to take) ``delay_ms``; its cancel button reads 中止.

    Call the object with the fraction of the file read (the service's ``progress``): the
    bar moves once per whole percent, and only then are events processed, and only while
    the dialog shows — it is modal then, so clicks reach its 中止 button and never the
    window whose data is being written. After 中止 (or Escape) the next call raises
    ``ImportFileError(reason="cancelled")``, which undoes the whole file.

    Has no signals of its own (``canceled`` as any progress dialog).
    """

    def __init__(self, file_name: str, parent: QWidget | None = None,
                 delay_ms: int = PROGRESS_DELAY_MS) -> None:
        super().__init__(parent)
        self.setObjectName("importProgress")
        self.file_name = file_name
        self.setWindowTitle(self.tr("Import request file"))
        self.setLabelText(self.tr("Importing %1…").replace("%1", file_name))
        self.setCancelButtonText(self.tr("Stop"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setRange(0, 100)
        self.setMinimumDuration(delay_ms)
        self.setValue(0)  # starts the clock minimumDuration is measured on
        self._percent = 0

    def __call__(self, fraction: float) -> None:
        percent = max(0, min(100, int(fraction * 100)))
        if percent != self._percent:
            self._percent = percent
            self.setValue(percent)
            if self.isVisible():
                QCoreApplication.processEvents()
        if self.wasCanceled():
            raise errors.ImportFileError(path=self.file_name, reason="cancelled")

    def finish(self) -> None:
        """Close for good (the import ended): no late showing, and the dialog goes away."""
        self.reset()
        self.close()
        self.deleteLater()


def rejected_model(parent: QWidget | None = None) -> RecordTableModel[RejectedRow]:
    """The rows not imported: line (right-aligned) and reason (whole reason as tooltip)."""
    return RecordTableModel([
        Column(QCoreApplication.translate("ImportReportDialog", "Line"), lambda row: str(row[0]),
               Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
        Column(QCoreApplication.translate("ImportReportDialog", "Reason"), lambda row: row[1],
               tooltip=lambda row: row[1]),
    ], parent)


def rows_text(rows: list[RejectedRow]) -> str:
    """Rows as tab-separated lines (``line<TAB>reason``), as a spreadsheet or an email takes them."""
    return "\n".join(f"{line}\t{reason}" for line, reason in rows)


class ImportReportDialog(QDialog):
    """What importing one request file did. When rows were not imported, their lines and
    reasons are listed by line; Ctrl+C (or the Copy button) copies the selected rows — all
    rows when none is selected — as ``line<TAB>reason`` text for an email to the channel.
    OK (Enter, Escape) closes it; it changes nothing.

    Has no signals of its own.
    """

    def __init__(
        self, report: ImportReport, file_name: str, parent: QWidget | None = None, *, lang: str = "ja"
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importReport")
        self.setWindowTitle(self.tr("Import report"))
        file_label = QLabel(self.tr("File: %1").replace("%1", file_name), self)
        file_label.setObjectName("importFile")
        self.summary = QLabel(messages.import_summary(
            report.accepted, report.duplicates, report.cancelled, len(report.rejected), lang), self)
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        heading = QLabel(self.tr("Rows not imported (select and copy them with Ctrl+C):"), self)
        self.model = rejected_model(self)
        self.table = table_view(self, "rejectedTable", self.model, multi=True)
        self.table.verticalHeader().hide()  # the 行 column numbers the rows
        self.model.set_rows(sorted(report.rejected))
        self.table.installEventFilter(self)
        heading.setBuddy(self.table)
        copy_button = shortcut_button(self, "copyRejectedButton", self.tr("&Copy rows"),
                                      self.tr("Copy the selected rows (all rows when none is selected)"),
                                      "Ctrl+C")
        copy_button.setAutoDefault(False)
        copy_button.clicked.connect(self.copy_rows)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setDefault(True)
        buttons.accepted.connect(self.accept)
        QWidget.setTabOrder(self.table, copy_button)
        QWidget.setTabOrder(copy_button, ok)
        for widget in (heading, self.table, copy_button):
            widget.setVisible(bool(report.rejected))  # a list only when rows were not imported

        layout = QVBoxLayout(self)
        layout.addWidget(file_label)
        layout.addWidget(self.summary)
        layout.addWidget(heading)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(copy_button)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)
        if report.rejected:
            self.resize(720, 420)
            self.table.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+C in the list copies whole rows (the list alone would copy one cell)."""
        if (watched is self.table and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.matches(QKeySequence.StandardKey.Copy)):
            self.copy_rows()
            return True
        return super().eventFilter(watched, event)

    def selected_rows(self) -> list[RejectedRow]:
        """The selected rows by line, or every row when none is selected."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.model.record(row) for row in rows] if rows else self.model.rows()

    def copy_rows(self) -> None:
        """Put the selected rows on the clipboard as ``line<TAB>reason`` lines."""
        QGuiApplication.clipboard().setText(rows_text(self.selected_rows()))
