"""The window in Japanese: the project catalogue installed as the application installs it,
and a catalogue with every label translated."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import QLabel, QPushButton, QTabWidget
from pytestqt.qtbot import QtBot

from hoiku_desk.services import Desk, Facility
from hoiku_desk.views import i18n
from hoiku_desk.views.app import build_window
from hoiku_desk.views.main_window import MainWindow
from tests.conftest import ScriptedDialogs

SOURCE = i18n.SOURCE_DIR / "hoiku_desk_ja.ts"
TABS = ["カレンダー (1)", "予約受付 (2)", "承認待ち (3)", "予約一覧・キャンセル (4)", "出席簿 (5)",
        "児童・利用登録 (6)", "施設設定 (7)", "監査ログ (8)"]


@pytest.fixture
def window(qtbot: QtBot, desk: Desk, facility: Facility, dialogs: ScriptedDialogs,
           japanese: list[QTranslator]) -> MainWindow:
    built = build_window(desk, "ja", dialogs=dialogs)  # type: ignore[arg-type]
    qtbot.addWidget(built)
    return built


def test_both_catalogues_are_installed(japanese: list[QTranslator]) -> None:
    assert len(japanese) == 2


def test_main_window_labels_are_japanese(window: MainWindow) -> None:
    tabs = window.findChild(QTabWidget, "paneTabs")
    assert [tabs.tabText(i) for i in range(tabs.count())] == TABS
    assert window.attendance.findChild(QPushButton, "checkInButton").text() == "登園(&I)"
    assert window.attendance.findChild(QPushButton, "checkOutButton").text() == "降園(&O)"
    assert window.booking.findChild(QPushButton, "confirmButton").text() == "予約を確定(&B)"
    assert window.findChild(QLabel, "waitingLabel").text() == "承認待ち：0件"


def test_booking_column_headers_are_japanese(window: MainWindow) -> None:
    model = window.reservations.model
    headers = [model.headerData(column, Qt.Orientation.Horizontal) for column in range(model.columnCount())]
    assert headers[:4] == ["予約番号", "利用日", "時間", "児童"]
    assert "お迎え" in headers and "Pick-up" not in headers


def test_every_message_of_the_catalogue_is_translated() -> None:
    root = ET.parse(SOURCE).getroot()
    assert len(root.findall("context/message")) > 300
    unfinished = [
        (context.findtext("name"), message.findtext("source"))
        for context in root.findall("context") for message in context.findall("message")
        if not _translated(message)
    ]
    assert unfinished == []


def _translated(message: ET.Element) -> bool:
    """A finished translation: no ``type`` (unfinished, vanished, obsolete) and no empty text."""
    translation = message.find("translation")
    if translation is None or translation.get("type") is not None:
        return False
    if message.get("numerus") == "yes":
        forms = translation.findall("numerusform")
        return bool(forms) and all((form.text or "").strip() for form in forms)
    return bool((translation.text or "").strip())
