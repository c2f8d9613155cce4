"""The dialogs panes ask through, so tests can answer them instead of real message boxes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget


class Dialogs:
    """Modal questions and notices. Tests substitute a subclass with scripted answers."""

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            parent, title, text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def inform(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    def warn(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)

    def ask_text(self, parent: QWidget | None, title: str, label: str) -> str | None:
        text, ok = QInputDialog.getText(parent, title, label)
        return text if ok else None

    def open_file(self, parent: QWidget | None, title: str, filter: str) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(parent, title, "", filter)
        return Path(name) if name else None

    def save_file(self, parent: QWidget | None, title: str, suggested: str, filter: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(parent, title, suggested, filter)
        return Path(name) if name else None

    def choose_folder(self, parent: QWidget | None, title: str, start: str = "") -> Path | None:
        name = QFileDialog.getExistingDirectory(parent, title, start)
        return Path(name) if name else None
