"""Starting the window: the main window and its panes, first start, an unusable database,
translations, the Japanese font, and the screenshots of every pane."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QFont, QFontDatabase, QImage
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QPushButton, QTabWidget
from pytestqt.qtbot import QtBot

from hoiku_desk import messages
from hoiku_desk.services import Desk, Facility, errors
from hoiku_desk.views import fonts, i18n
from hoiku_desk.views.app import build_window, configure, open_desk
from hoiku_desk.views.first_start import FirstStartDialog, ensure_facility
from hoiku_desk.views.main_window import MainWindow
from tests.conftest import ScriptedDialogs

PANES = ["calendarPane", "bookingPane", "approvalPane", "reservationsPane", "attendancePane",
         "childrenPane", "settingsPane"]


@pytest.fixture
def window(qtbot: QtBot, desk: Desk, facility: Facility, dialogs: ScriptedDialogs) -> MainWindow:
    built = build_window(desk, "ja", dialogs=dialogs)  # type: ignore[arg-type]
    qtbot.addWidget(built)
    built.show()
    qtbot.waitExposed(built)
    built.activateWindow()
    qtbot.waitUntil(built.isActiveWindow)
    return built


@pytest.fixture
def untouched_app(qapp: QApplication) -> Iterator[QApplication]:
    """Undo what configuring the application changes: the default locale and the font
    (tests remove the translators they install)."""
    locale, font = QLocale(), QFont(qapp.font())
    yield qapp
    QLocale.setDefault(locale)
    qapp.setFont(font)


# -- the main window --------------------------------------------------------------------

def test_window_shows_the_seven_panes_and_ctrl_number_switches(qtbot: QtBot, window: MainWindow) -> None:
    tabs = window.findChild(QTabWidget, "paneTabs")
    assert [tabs.widget(i).objectName() for i in range(tabs.count())] == PANES
    for number in (5, 2, 7, 1, 3, 6, 4):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
        assert tabs.currentWidget().objectName() == PANES[number - 1]


def test_window_works_on_the_first_facility(window: MainWindow, facility: Facility) -> None:
    assert window.context.facility_id == facility.id
    assert "K01" in window.findChild(QComboBox, "facilityBox").currentText()


def test_window_reopens_on_the_facility_last_worked_on(
    qtbot: QtBot, desk: Desk, facility: Facility, daredemo: Facility, dialogs: ScriptedDialogs
) -> None:
    first = build_window(desk, "ja", dialogs=dialogs)  # type: ignore[arg-type]
    qtbot.addWidget(first)
    first.context.set_facility(facility.id)
    first.close()
    again = build_window(desk, "ja", dialogs=dialogs)  # type: ignore[arg-type]
    qtbot.addWidget(again)
    assert again.context.facility_id == facility.id


def test_a_demo_database_says_so_in_the_title(qtbot: QtBot, desk: Desk, facility: Facility) -> None:
    demo_window = build_window(desk, "ja", demo=True)
    qtbot.addWidget(demo_window)
    plain = build_window(desk, "ja")
    qtbot.addWidget(plain)
    assert demo_window.windowTitle() == f"{plain.windowTitle()} — demo data"


def test_a_database_that_cannot_be_opened_is_a_sentence_not_a_traceback(dialogs: ScriptedDialogs) -> None:
    assert open_desk("sqlite://", "ja", dialogs) is None  # type: ignore[arg-type]
    unavailable = errors.DatabaseUnavailable(path="sqlite://", reason="memory")
    assert dialogs.shown == [("warn", "Hoiku Desk", messages.message(unavailable, "ja"))]


def test_open_desk_opens_a_local_file(db_path: Path, dialogs: ScriptedDialogs) -> None:
    desk = open_desk(db_path, "ja", dialogs)  # type: ignore[arg-type]
    assert desk is not None
    desk.close()
    assert dialogs.shown == []


# -- first start ------------------------------------------------------------------------

@pytest.fixture
def first_start(qtbot: QtBot, desk: Desk) -> FirstStartDialog:
    dialog = FirstStartDialog(desk, "ja")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def click(qtbot: QtBot, dialog: FirstStartDialog, name: str) -> None:
    qtbot.mouseClick(dialog.findChild(QPushButton, name), Qt.MouseButton.LeftButton)


def test_first_start_creates_the_facility_typed_in(
    qtbot: QtBot, first_start: FirstStartDialog, desk: Desk
) -> None:
    first_start.findChild(QLineEdit, "facilityName").insert("ひかり保育園 誰でも通園")  # as an IME commits it
    qtbot.keyClicks(first_start.findChild(QLineEdit, "facilityCode"), "D01")
    program = first_start.findChild(QComboBox, "facilityProgram")
    program.setCurrentIndex(program.findData("daredemo"))
    with qtbot.waitSignal(first_start.accepted):
        click(qtbot, first_start, "createFacilityButton")
    [created] = desk.facilities.list()
    assert (created.code, created.name, created.rules.program) == ("D01", "ひかり保育園 誰でも通園", "daredemo")
    assert created.rules.monthly_quota_minutes == 600


def test_first_start_shows_why_a_facility_is_refused(
    qtbot: QtBot, first_start: FirstStartDialog, desk: Desk
) -> None:
    qtbot.keyClicks(first_start.findChild(QLineEdit, "facilityCode"), "K01")
    click(qtbot, first_start, "createFacilityButton")
    required = errors.InvalidInput(field="name", value="", reason="required")
    assert first_start.findChild(QLabel, "firstStartError").text() == messages.message(required, "ja")
    assert first_start.isVisible() and desk.facilities.list() == []


def test_first_start_can_fill_demo_data_up_to_the_desks_now(
    qtbot: QtBot, first_start: FirstStartDialog, desk: Desk
) -> None:
    with qtbot.waitSignal(first_start.accepted, timeout=30_000):
        click(qtbot, first_start, "demoButton")
    assert [f.code for f in desk.facilities.list()] == ["D01", "K01"]
    k01 = desk.facilities.by_code("K01")
    assert desk.attendance.daily_list(k01.id, desk.now().date())  # the demo's today is the desk's


def test_no_dialog_when_a_facility_exists(desk: Desk, facility: Facility) -> None:
    assert ensure_facility(desk, "ja") is True


# -- language, translations, font -------------------------------------------------------

def test_compiles_the_translation_once_into_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "hoiku_desk_ja.ts"
    source.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="ja_JP">\n'
        "<context><name>MainWindow</name><message><source>Calendar</source>"
        "<translation>カレンダー</translation></message></context>\n</TS>\n", encoding="utf-8")
    compiled = i18n.compiled(source, tmp_path / "cache")
    assert compiled == tmp_path / "cache" / "hoiku_desk_ja.qm" and compiled.stat().st_size > 0

    monkeypatch.setattr(i18n, "lrelease_command", lambda: pytest.fail("compiled again"))
    assert i18n.compiled(source, tmp_path / "cache") == compiled


def test_recompiles_when_the_source_is_newer(tmp_path: Path) -> None:
    source = tmp_path / "hoiku_desk_ja.ts"
    header = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="ja_JP">\n'
    source.write_text(header + "</TS>\n", encoding="utf-8")
    compiled = i18n.compiled(source, tmp_path)
    assert compiled is not None
    empty = compiled.stat().st_size
    earlier = source.stat().st_mtime - 60
    os.utime(compiled, (earlier, earlier))  # the catalogue predates the source's last edit
    source.write_text(header + "<context><name>App</name><message><source>demo data</source>"
                      "<translation>デモデータ</translation></message></context>\n</TS>\n", encoding="utf-8")
    assert i18n.compiled(source, tmp_path) == compiled
    assert compiled.stat().st_size > empty


def test_no_lrelease_means_no_catalogue(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "hoiku_desk_ja.ts"
    source.write_text("<TS/>", encoding="utf-8")
    monkeypatch.setattr(i18n, "lrelease_command", lambda: None)
    assert i18n.compiled(source, tmp_path / "cache") is None


def test_a_broken_source_means_no_catalogue(tmp_path: Path) -> None:
    source = tmp_path / "hoiku_desk_ja.ts"
    source.write_text("this is not a translation file", encoding="utf-8")
    assert i18n.compiled(source, tmp_path / "cache") is None
    assert list((tmp_path / "cache").iterdir()) == []


def test_the_project_catalogue_source_exists_and_compiles(tmp_path: Path) -> None:
    assert (i18n.SOURCE_DIR / "hoiku_desk_ja.ts").is_file()
    assert i18n.catalogue("ja", tmp_path) == tmp_path / "hoiku_desk_ja.qm"


def test_japanese_configuration_translates_qt_and_our_labels(
    untouched_app: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(i18n, "cache_dir", lambda: tmp_path)
    translators = configure(untouched_app, "ja")
    try:
        assert len(translators) == 2
        assert QLocale().language() == QLocale.Language.Japanese
        assert QLocale().dayName(1, QLocale.FormatType.ShortFormat) == "月"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "キャンセル"
        assert QCoreApplication.translate("MainWindow", "Attendance") == "出席簿"
        assert QCoreApplication.translate("AttendancePane", "Check &in") == "登園(&I)"
    finally:
        for translator in translators:
            untouched_app.removeTranslator(translator)
    assert QCoreApplication.translate("MainWindow", "Attendance") == "Attendance"


def test_english_needs_no_translation(untouched_app: QApplication) -> None:
    assert configure(untouched_app, "en") == []
    assert QLocale().language() == QLocale.Language.English


def test_japanese_family_preference() -> None:
    assert fonts.japanese_family(["Arial", "IPAGothic", "Noto Sans CJK JP"]) == "Noto Sans CJK JP"
    assert fonts.japanese_family(["IPAGothic", "IPAexGothic"]) == "IPAexGothic"
    assert fonts.japanese_family(["DejaVu Sans"]) is None


def test_the_application_font_is_a_japanese_family_when_installed(untouched_app: QApplication) -> None:
    expected = fonts.japanese_family(QFontDatabase.families())
    assert fonts.apply_japanese_font(untouched_app) == expected
    if expected is not None:
        assert untouched_app.font().family() == expected


def test_the_shipped_font_is_used_when_no_japanese_font_is_installed(
    untouched_app: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fonts, "japanese_family", lambda installed: None)
    family = fonts.apply_japanese_font(untouched_app)
    assert family is not None and "Desk" in family
    assert untouched_app.font().family() == family


# -- screenshots --------------------------------------------------------------------------

def test_demo_day_skips_weekends_holidays_and_the_year_end() -> None:
    from hoiku_desk.views.screenshots import demo_day

    assert demo_day(date(2026, 11, 23)) == date(2026, 11, 24)   # 勤労感謝の日
    assert demo_day(date(2026, 3, 7)) == date(2026, 3, 9)       # Saturday
    assert demo_day(date(2026, 12, 29)) == date(2027, 1, 4)


@pytest.mark.slow
def test_screenshots_of_every_pane(qapp: QApplication, tmp_path: Path) -> None:
    from hoiku_desk.views.screenshots import render

    saved = render(tmp_path / "shots", "ja", today=date(2026, 3, 4))
    assert [p.name for p in saved] == [
        "01-calendar.png", "02-booking.png", "03-approvals.png", "04-reservations.png",
        "05-attendance.png", "06-children.png", "07-settings.png",
    ]
    images = [QImage(str(p)) for p in saved]
    assert all((image.width(), image.height()) == (1280, 820) for image in images)
    assert len({image.constBits().tobytes() for image in images}) == 7  # each pane differs
