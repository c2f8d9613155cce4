"""Print preview, printing and PDF of a document built as HTML by :mod:`hoiku_desk.printing`:
three buttons a pane or a dialog puts beside its other actions.

Every output comes from the same HTML and :func:`hoiku_desk.printing.pdf.render`, on an
A4 landscape printer (:func:`~hoiku_desk.printing.pdf.configure`). The dialogs are made by
small methods (:meth:`PrintButtons.preview_dialog`, :meth:`PrintButtons.print_dialog`) and
opened with ``open()`` (window-modal, non-blocking), never ``exec()``: a test calls the method
to get the dialog, or presses the button and finds the dialog among the buttons' children,
then closes it; :meth:`PrintButtons.paint` draws on any ``QPrinter``, so a test paints to a
PDF file. The PDF file is chosen through ``ctx.dialogs.save_file`` (scripted in tests).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QHBoxLayout, QWidget

from hoiku_desk.printing import PrintingError, font, pdf
from hoiku_desk.services import errors
from hoiku_desk.views.context import ViewContext
from hoiku_desk.views.privacy import confirm_personal_save, personal_name
from hoiku_desk.views.widgets import shortcut_button, with_suffix

# objectNames of the three buttons (preview, print, PDF), as the attendance pane names them.
BUTTON_NAMES = ("previewButton", "printButton", "pdfButton")
# What stops a document from printing: the font or the output (a sentence), or a refusal.
FAILURES = (PrintingError, errors.HoikuDeskError)


def a4_printer() -> QPrinter:
    """A high-resolution printer set to A4 landscape (staff may still change it)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    pdf.configure(printer)
    return printer


class PrintButtons(QWidget):
    """Print preview… (Ctrl+Shift+P), Print… (Ctrl+P) and Save PDF… for the document that
    ``html()`` builds when asked; ``write_pdf(path)`` writes the PDF file and
    ``pdf_name()`` suggests its name. ``html`` and ``write_pdf`` may raise
    :class:`PrintingError` or a refusal (``HoikuDeskError``): its sentence is reported.

    Signals:
        failed(str): the sentence saying why printing could not be done; emitted with ""
            when an action starts, so a label showing the last failure can clear it.
    """

    failed = Signal(str)

    def __init__(
        self, ctx: ViewContext, html: Callable[[], str], write_pdf: Callable[[Path], object],
        pdf_name: Callable[[], str], parent: QWidget | None = None,
        names: tuple[str, str, str] = BUTTON_NAMES,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._html = html
        self._write_pdf = write_pdf
        self._pdf_name = pdf_name
        self._printer: QPrinter | None = None
        preview, printing, saving = names
        self.preview_button = shortcut_button(self, preview, self.tr("Print pre&view…"),
                                              self.tr("Show the pages as they will print"), "Ctrl+Shift+P")
        self.print_button = shortcut_button(self, printing, self.tr("P&rint…"),
                                            self.tr("Print on paper"), "Ctrl+P")
        self.pdf_button = shortcut_button(self, saving, self.tr("Save as P&DF…"),
                                          self.tr("Save the pages as a PDF file"), "Ctrl+Shift+S")
        self.preview_button.clicked.connect(self.show_preview)
        self.print_button.clicked.connect(self.print_document)
        self.pdf_button.clicked.connect(self.save_pdf)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for button in (self.preview_button, self.print_button, self.pdf_button):
            layout.addWidget(button)

    # -- the dialogs (tests call these to get the dialog without showing it) ----------------
    def preview_dialog(self) -> QPrintPreviewDialog | None:
        """A print preview of the document as it is now, not yet shown (None after a failure)."""
        html = self._document()
        if html is None:
            return None
        dialog = QPrintPreviewDialog(self.printer(), self)
        dialog.setObjectName("printPreviewDialog")
        dialog.paintRequested.connect(lambda printer: self.paint(html, printer))
        return dialog

    def print_dialog(self) -> QPrintDialog | None:
        """The printer choice for the document as it is now, not yet shown; accepting it
        prints (None after a failure)."""
        html = self._document()
        if html is None:
            return None
        printer = self.printer()
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("printDialog")
        dialog.accepted.connect(lambda: self.paint(html, printer))
        return dialog

    def printer(self) -> QPrinter:
        """The printer preview and printing share, made on first use and kept, so the
        printer and paper staff chose stay chosen (the dialogs do not own it)."""
        if self._printer is None:
            self._printer = a4_printer()
        return self._printer

    # -- actions ------------------------------------------------------------------------
    def show_preview(self) -> None:
        dialog = self.preview_dialog()
        if dialog is not None:
            dialog.finished.connect(dialog.deleteLater)
            dialog.resize(1000, 760)
            dialog.open()

    def print_document(self) -> None:
        dialog = self.print_dialog()
        if dialog is not None:
            dialog.finished.connect(dialog.deleteLater)
            QDialog.open(dialog)  # PySide's QPrintDialog.open wants (receiver, member)

    def save_pdf(self) -> Path | None:
        """Ask where, then write the PDF there (the lists hold personal data: the suggested
        name says so, and a folder outside the data folder is confirmed first); the path
        written, or None."""
        self.failed.emit("")
        path = self.ctx.dialogs.save_file(self, self.tr("Save PDF"), personal_name(self._pdf_name()),
                                          self.tr("PDF files (*.pdf)"))
        if path is None:
            return None
        path = with_suffix(path, ".pdf")
        if not confirm_personal_save(self.ctx.dialogs, self, self.tr("Save PDF"), path):
            return None
        try:
            self._write_pdf(path)
        except FAILURES as error:
            self._report(error)
            return None
        return path

    def paint(self, html: str, printer: QPrinter) -> int:
        """Draw the document on ``printer``: the number of pages (0 after a failure)."""
        try:
            return pdf.render(html, printer)
        except FAILURES as error:
            self._report(error)
            return 0

    # -- helpers ------------------------------------------------------------------------
    def _document(self) -> str | None:
        """The HTML, with the printing font at hand; None (the failure reported) otherwise."""
        self.failed.emit("")
        try:
            font.register()
            return self._html()
        except FAILURES as error:
            self._report(error)
            return None

    def _report(self, error: Exception) -> None:
        """A printing failure's own sentence, or a refusal's from the catalogue."""
        self.failed.emit(str(error) if isinstance(error, PrintingError) else self.ctx.message(error))
