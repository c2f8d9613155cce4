"""Small widget helpers every pane uses: lists set up alike, buttons with their shortcut."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QPushButton, QTableView, QWidget

#: Rows a list measures to size its columns: enough for the look, cheap at 100,000 rows.
SIZE_SAMPLE_ROWS = 200


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


def shortcut_button(parent: QWidget, name: str, text: str, tip: str, shortcut: str) -> QPushButton:
    """A button with an objectName and a shortcut, which its tooltip shows."""
    button = QPushButton(text, parent)
    button.setObjectName(name)
    sequence = QKeySequence(shortcut)
    button.setShortcut(sequence)
    button.setToolTip(f"{tip} ({sequence.toString(QKeySequence.SequenceFormat.NativeText)})")
    return button
