"""Rendering printed lists with Qt: print preview, a real printer and PDF share
:func:`render`, which lays the HTML out page by page and draws each page's header itself
(title on the left, ``1 / 3`` on the right), so every output looks the same.

The document's ``<title>`` is the running header; a table's ``<thead>`` row is repeated at
the top of each page by ``QTextDocument``. Qt breaks a table row between its lines when the
row crosses the foot of a page; :func:`keep_rows_whole` moves such a row to the next page
instead, so a child's row (and its sign-in boxes) stays on one sheet. Lengths in the HTML
(``px``) are 1/96 inch on any printer resolution: Qt's text layout scales them to the paint
device.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor, QFont, QGuiApplication, QPageLayout, QPageSize, QPainter, QTextCursor, QTextDocument,
    QTextTable,
)
from PySide6.QtPrintSupport import QPrinter

from hoiku_desk.printing import PrintingError, font

MARGIN_MM = 10.0
HEADER_MM = 7.0
BODY_POINTS = 8.0
HEADER_POINTS = 7.5


def application() -> QGuiApplication:
    """The running Qt application, or a new ``QGuiApplication`` (offscreen on Linux without
    a display) — fonts and text layout need one. PySide keeps the application alive."""
    app = QGuiApplication.instance()
    if app is None:
        has_display = os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
        if sys.platform.startswith("linux") and not has_display:
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(["hoiku-desk"])
    return app  # type: ignore[return-value]


def configure(printer: QPrinter) -> None:
    """A4 landscape with 10 mm margins: call it before showing a print or preview dialog,
    where staff may still change paper and orientation."""
    printer.setPageLayout(QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter,
    ))


def _device_pixels(printer: QPrinter, millimetres: float) -> float:
    return millimetres * printer.resolution() / 25.4


def layout(document_html: str, printer: QPrinter) -> QTextDocument:
    """The HTML as a document in the shipped Japanese font, paginated for ``printer``'s
    page less the header band (``pageCount()`` tells the pages)."""
    family = font.register()
    document = QTextDocument()
    body_font = QFont(family)
    body_font.setPointSizeF(BODY_POINTS)
    document.setDefaultFont(body_font)
    document.documentLayout().setPaintDevice(printer)
    document.setDocumentMargin(0)
    document.setHtml(document_html)
    page = printer.pageRect(QPrinter.Unit.DevicePixel)
    document.setPageSize(QSizeF(page.width(), page.height() - _device_pixels(printer, HEADER_MM)))
    keep_rows_whole(document, printer.logicalDpiY() / 96)
    return document


def _row_top(document: QTextDocument, table: QTextTable, row: int) -> float:
    """Top of the row's first line, in document units."""
    block = table.cellAt(row, 0).firstCursorPosition().block()
    return document.documentLayout().blockBoundingRect(block).top()


def _row_bottom(document: QTextDocument, table: QTextTable, row: int) -> float:
    """Bottom of the row's last line, in document units."""
    layout = document.documentLayout()
    return max(
        layout.blockBoundingRect(table.cellAt(row, column).lastCursorPosition().block()).bottom()
        for column in range(table.columns())
    )


def _first_split_row(document: QTextDocument, table: QTextTable, start: int) -> tuple[int, float] | None:
    """From ``start`` on, the first row whose lines run onto the next page (unless it is
    taller than half a page), with the top of its first line. Only a row followed by a row
    on another page can be split, so only those are measured in full."""
    height = document.pageSize().height()
    tops = [_row_top(document, table, row) for row in range(start, table.rows())]
    for row, top, following in zip(range(start, table.rows()), tops, [*tops[1:], None]):
        if following is not None and int(top // height) == int(following // height):
            continue
        bottom = _row_bottom(document, table, row)
        if int(top // height) != int((bottom - 1) // height) and bottom - top < height / 2:
            return row, top
    return None


def keep_rows_whole(document: QTextDocument, scale: float) -> None:
    """Move every table row that Qt would split across two pages to the next page, by
    stretching the row before it down to the foot of the page (its cells' bottom padding).

    ``scale`` is device units per CSS pixel. Rows are measured again after each move, since
    a move shifts every row after it; the first body row, and a row taller than half a
    page, are left to break."""
    height = document.pageSize().height()
    tables = [f for f in document.rootFrame().childFrames() if isinstance(f, QTextTable)]
    for table in tables:
        padding, border = table.format().cellPadding(), table.format().border()
        start = table.format().headerRowCount() + 1
        while start < table.rows() and (split := _first_split_row(document, table, start)):
            row, top = split
            row_top = top - (padding + border) * scale
            stretch = ((row_top // height + 1) * height - row_top - 1) / scale
            cursor = QTextCursor(document)
            cursor.beginEditBlock()
            for column in range(table.columns()):
                cell = table.cellAt(row - 1, column)
                cell_format = cell.format().toTableCellFormat()
                cell_format.setBottomPadding(padding + stretch)
                cell.setFormat(cell_format)
            cursor.endEditBlock()
            start = row + 1


def render(document_html: str, printer: QPrinter) -> int:
    """Draw the HTML on ``printer`` (a PDF file, a printer or a preview) and return the
    number of pages. Raises :class:`PrintingError` when the output cannot be opened."""
    document = layout(document_html, printer)
    title = document.metaInformation(QTextDocument.MetaInformation.DocumentTitle)
    pages = document.pageCount()
    printer.setDocName(title)
    width = document.pageSize().width()
    body_height = document.pageSize().height()
    header = QRectF(0, 0, width, _device_pixels(printer, HEADER_MM) * 0.7)
    header_font = QFont(document.defaultFont().family())
    header_font.setPointSizeF(HEADER_POINTS)
    painter = QPainter()
    if not painter.begin(printer):
        target = printer.outputFileName() or printer.printerName()
        raise PrintingError(f"{target} に印刷できませんでした。プリンターの状態を確認してください。")
    try:
        for page in range(pages):
            if page:
                printer.newPage()
            painter.setFont(header_font)
            painter.setPen(QColor("#444444"))
            painter.drawText(header, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, title)
            painter.drawText(header, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                             f"{page + 1} / {pages}")
            painter.save()
            painter.translate(0, _device_pixels(printer, HEADER_MM) - page * body_height)
            document.drawContents(painter, QRectF(0, page * body_height, width, body_height))
            painter.restore()
    finally:
        painter.end()
    return pages


def write_pdf(html: str, path: Path) -> Path:
    """Write the HTML as an A4 landscape PDF at ``path`` (replaced if it exists).

    Raises :class:`PrintingError` when the file cannot be written (no such folder, no
    permission, opened by another program on Windows)."""
    application()
    font.register()  # a missing font is reported before the file is touched
    try:
        path.open("wb").close()
    except OSError as error:
        raise PrintingError(
            f"{path} に書き込めませんでした。保存先のフォルダがあるか、"
            "ファイルがほかのアプリで開かれていないか確認してください。") from error
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setCreator("Hoiku Desk")
    configure(printer)
    render(html, printer)
    return path
