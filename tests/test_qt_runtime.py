"""The Qt binding must not leak references to None (PySide6 6.12.0 on Python 3.11 did: every
Qt call returning nothing dropped one, and a window open all day would abort)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

CALLS = 2_000


class EmptyModel(QAbstractTableModel):
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> None:
        return None


def test_setting_a_label_text_keeps_none_alive(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        label.setText("予約 3")
    assert sys.getrefcount(None) >= before - 50


def test_reading_an_empty_model_role_keeps_none_alive(qtbot: QtBot) -> None:
    model = EmptyModel()
    index = model.index(0, 0)
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        index.data(Qt.ItemDataRole.BackgroundRole)
    assert sys.getrefcount(None) >= before - 50
