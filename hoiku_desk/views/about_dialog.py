"""Help → About: the version, where the data lives, and the licences of what is bundled."""

from __future__ import annotations

from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

import hoiku_desk

PACKAGE = Path(hoiku_desk.__file__).resolve().parent
# The window icon: the PNG made at packaging time, else the SVG source of a checkout.
ICON_FILES = (PACKAGE / "resources" / "icons" / "hoiku-desk.png",
              PACKAGE.parent / "resources" / "icons" / "hoiku-desk.svg")

# Bundled components and their licences (names are not translated).
COMPONENTS = (
    ("Qt / PySide6", "GNU LGPL v3"),
    ("Noto Sans CJK JP (printing font)", "SIL Open Font License 1.1"),
    ("SQLAlchemy", "MIT"),
    ("Alembic", "MIT"),
    ("platformdirs", "MIT"),
    ("jpholiday", "MIT"),
    ("fontTools", "MIT"),
    ("openpyxl", "MIT"),
    ("argon2-cffi", "MIT"),
    ("psycopg (PostgreSQL)", "GNU LGPL v3"),
    ("Python", "PSF License"),
)


def app_icon() -> QIcon:
    """The program's icon (empty when no icon file is present)."""
    path = next((p for p in ICON_FILES if p.is_file()), None)
    return QIcon(str(path)) if path is not None else QIcon()


class AboutDialog(QDialog):
    """Version, database path and licences; no signals of its own."""

    def __init__(self, database: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About Hoiku Desk"))
        layout = QVBoxLayout(self)
        name = self.tr("Hoiku Desk")
        title = QLabel(f"<h2>{name}</h2>", self)
        self.version_label = self._label(
            "aboutVersion", self.tr("Version: %1").replace("%1", hoiku_desk.__version__))
        self.database_label = self._label("aboutDatabase", self.tr("Database: %1").replace("%1", database))
        self.qt_label = self._label(
            "aboutQt", self.tr("Qt %1, PySide6 %2").replace("%1", qVersion()).replace("%2", pyside_version))
        layout.addWidget(title)
        for label in (self.version_label, self.database_label, self.qt_label):
            layout.addWidget(label)
        layout.addWidget(QLabel(self.tr("Bundled components and their licences:"), self))
        self.licences = self._licence_table()
        layout.addWidget(self.licences)
        layout.addWidget(self._label(
            "aboutLicenceFiles", self.tr("The licence texts are in the licenses folder of the installed program.")))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 460)

    def _label(self, name: str, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _licence_table(self) -> QTableWidget:
        table = QTableWidget(len(COMPONENTS), 2, self)
        table.setObjectName("aboutLicences")
        table.setHorizontalHeaderLabels([self.tr("Component"), self.tr("Licence")])
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setStretchLastSection(True)
        for row, (component, licence) in enumerate(COMPONENTS):
            table.setItem(row, 0, QTableWidgetItem(component))
            table.setItem(row, 1, QTableWidgetItem(licence))
        table.resizeColumnToContents(0)
        return table

    def licence_rows(self) -> list[tuple[str, str]]:
        """The table's (component, licence) pairs, as shown."""
        return [(self.licences.item(r, 0).text(), self.licences.item(r, 1).text())
                for r in range(self.licences.rowCount())]
