"""Starting the window: the steps at start (a damaged database, today's backup, the login or
the first administrator, the facility), the main window and its panes, who works in the
status bar, translations, the Japanese font, and the screenshots of every pane."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QImage
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from hoiku_desk import messages
from hoiku_desk.services import Desk, Facility, backups, errors
from hoiku_desk.views import fonts, i18n
from hoiku_desk.views.app import EXIT_DATABASE, build_window, check_behind, open_desk, start
from hoiku_desk.views.launch import configure, run
from hoiku_desk.views.background import StartupChecks
from hoiku_desk.views.first_start import FirstStartDialog, ensure_facility
from hoiku_desk.views.main_window import MainWindow
from tests.conftest import Clock, ScriptedDialogs
from tests.helpers import TUESDAY, damage, t
from tests.test_gui_login import ADMIN, STAFF, add_accounts, fill

PANES = ["calendarPane", "bookingPane", "approvalPane", "reservationsPane", "attendancePane",
         "childrenPane", "settingsPane", "auditPane"]


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

def test_window_shows_the_eight_panes_and_ctrl_number_switches(qtbot: QtBot, window: MainWindow) -> None:
    tabs = window.findChild(QTabWidget, "paneTabs")
    assert tabs.count() == len(PANES)
    for number in (5, 2, 8, 7, 1, 3, 6, 4):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
        assert tabs.currentWidget().objectName() == PANES[number - 1]
        assert tabs.currentWidget().isVisible()
    assert [tabs.widget(i).objectName() for i in range(tabs.count())] == PANES


def test_a_pane_is_built_when_first_chosen(qtbot: QtBot, window: MainWindow) -> None:
    tabs = window.findChild(QTabWidget, "paneTabs")
    assert [tabs.widget(i).objectName() for i in range(tabs.count())] == PANES[:1] + [""] * 7
    assert window.findChild(QWidget, "childrenPane") is None

    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)

    children = window.findChild(QWidget, "childrenPane")
    assert children is not None and tabs.currentWidget() is children and children.isVisible()
    assert tabs.tabText(5) == "Children (6)" and window.children is children
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert window.findChildren(QWidget, "childrenPane") == [children]  # built once


def test_the_waiting_count_is_right_before_and_after_the_approval_pane_is_built(
    qtbot: QtBot, desk: Desk, facility: Facility, make_child, window: MainWindow
) -> None:
    label = window.findChild(QLabel, "waitingLabel")
    assert label.text() == "Waiting for approval: 0"
    first, _second = (desk.bookings.book(facility.id, make_child(facility).id, TUESDAY, t("09:30"),
                                         t("12:00"), source="online") for _ in range(2))

    window.context.run(desk.bookings.get, first.id)  # any operation: every count refreshes
    assert label.text() == "Waiting for approval: 2"
    assert window.findChild(QWidget, "approvalPane") is None

    window.context.run(desk.approvals.approve, desk.approvals.pending(facility.id)[0].id)
    assert label.text() == "Waiting for approval: 1"
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.approvals.count() == 1 and label.text() == "Waiting for approval: 1"


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


# -- the steps at start ------------------------------------------------------------------
DialogAction = Callable[[QtBot, QDialog], None]


class DialogScript:
    """Stands in for running a start-up dialog: shows it, does what ``actions`` says for its
    objectName (typing and clicking like staff), and gives its result; ``seen`` lists the
    dialogs in the order they came."""

    def __init__(self, qtbot: QtBot, **actions: DialogAction) -> None:
        self.qtbot = qtbot
        self.actions = actions
        self.seen: list[str] = []

    def __call__(self, dialog: QDialog) -> int:
        self.qtbot.addWidget(dialog)
        self.seen.append(dialog.objectName())
        dialog.show()
        self.actions[dialog.objectName()](self.qtbot, dialog)
        return dialog.result()


def press(qtbot: QtBot, dialog: QDialog, name: str) -> None:
    qtbot.mouseClick(dialog.findChild(QPushButton, name), Qt.MouseButton.LeftButton)


def create_admin(qtbot: QtBot, dialog: QDialog) -> None:
    login, name, password = ADMIN
    fill(qtbot, dialog, adminName=name, adminLogin=login, adminPassword=password, adminPasswordAgain=password)
    press(qtbot, dialog, "createAdminButton")


def create_facility(qtbot: QtBot, dialog: QDialog) -> None:
    fill(qtbot, dialog, facilityName="ひかり保育園 一時保育", facilityCode="K01")
    press(qtbot, dialog, "createFacilityButton")


def log_in_as_sato(qtbot: QtBot, dialog: QDialog) -> None:
    fill(qtbot, dialog, loginEdit=STAFF[0], passwordEdit=STAFF[2])
    press(qtbot, dialog, "loginButton")


def cancel(qtbot: QtBot, dialog: QDialog) -> None:
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)


def later(qtbot: QtBot, dialog: QDialog) -> None:
    press(qtbot, dialog, "laterButton")


def started(qtbot: QtBot, desk: Desk, dialogs: ScriptedDialogs, script: DialogScript) -> MainWindow:
    window = start(desk, "ja", dialogs, run_dialog=script)  # type: ignore[arg-type]
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    return window


def staff_text(window: MainWindow) -> str:
    label = window.findChild(QLabel, "staffLabel")
    return label.text() if not label.isHidden() else ""


def notice_shown(window: MainWindow) -> bool:
    return not window.findChild(QLabel, "builtInAdminNotice").isHidden()


def test_the_first_start_asks_the_administrator_then_the_facility(
    qtbot: QtBot, desk: Desk, dialogs: ScriptedDialogs
) -> None:
    script = DialogScript(qtbot, firstAdminDialog=create_admin, firstStartDialog=create_facility)

    window = started(qtbot, desk, dialogs, script)

    assert script.seen == ["firstAdminDialog", "firstStartDialog"]
    assert [f.code for f in desk.facilities.list()] == ["K01"]
    assert desk.current_staff is not None and desk.current_staff.login == "suzuki"
    assert staff_text(window) == "鈴木 園長 (administrator)" and not notice_shown(window)


def test_later_on_the_first_start_works_as_the_built_in_administrator_and_says_so(
    qtbot: QtBot, desk: Desk, dialogs: ScriptedDialogs
) -> None:
    script = DialogScript(qtbot, firstAdminDialog=later, firstStartDialog=create_facility)

    window = started(qtbot, desk, dialogs, script)

    assert script.seen == ["firstAdminDialog", "firstStartDialog"]
    assert desk.staff.list() == [] and window.context.is_admin
    assert notice_shown(window) and staff_text(window) == ""
    assert window.findChild(QLabel, "builtInAdminNotice").text() == (
        "No administrator account yet: working as the built-in administrator "
        "(create one in Settings → Staff accounts)")


def test_a_later_start_without_accounts_opens_the_window_and_keeps_saying_so(
    qtbot: QtBot, desk: Desk, facility: Facility, dialogs: ScriptedDialogs
) -> None:
    script = DialogScript(qtbot)

    window = started(qtbot, desk, dialogs, script)

    assert script.seen == [] and notice_shown(window)


def test_demo_data_is_offered_only_while_no_account_exists(qtbot: QtBot, desk: Desk) -> None:
    without = FirstStartDialog(desk, "ja")
    qtbot.addWidget(without)
    add_accounts(desk)
    protected = FirstStartDialog(desk, "ja")
    qtbot.addWidget(protected)

    assert without.demo_button.isEnabled() and not protected.demo_button.isEnabled()


def test_a_later_start_asks_the_login(
    qtbot: QtBot, desk: Desk, facility: Facility, dialogs: ScriptedDialogs
) -> None:
    add_accounts(desk)
    script = DialogScript(qtbot, loginDialog=log_in_as_sato)

    window = started(qtbot, desk, dialogs, script)

    assert script.seen == ["loginDialog"]
    assert staff_text(window) == "佐藤 保育士 (staff)" and not notice_shown(window)
    assert not window.context.is_admin


@pytest.mark.parametrize("with_facility", [True, False])
def test_cancelling_the_login_quits_without_a_window(
    qtbot: QtBot, desk: Desk, dialogs: ScriptedDialogs, with_facility: bool
) -> None:
    if with_facility:
        desk.facilities.add("K01", "ひかり保育園 一時保育")
    add_accounts(desk)
    script = DialogScript(qtbot, loginDialog=cancel)

    assert start(desk, "ja", dialogs, run_dialog=script) == 0  # type: ignore[arg-type]
    assert script.seen == ["loginDialog"] and desk.current_staff is None


def test_cancelling_the_facility_on_the_first_start_quits(
    qtbot: QtBot, desk: Desk, dialogs: ScriptedDialogs
) -> None:
    script = DialogScript(qtbot, firstAdminDialog=create_admin, firstStartDialog=cancel)

    assert start(desk, "ja", dialogs, run_dialog=script) == 0  # type: ignore[arg-type]
    assert script.seen == ["firstAdminDialog", "firstStartDialog"]


def test_a_desk_already_logged_in_asks_nothing(
    qtbot: QtBot, desk: Desk, facility: Facility, dialogs: ScriptedDialogs
) -> None:
    add_accounts(desk).login(STAFF[0], STAFF[2])
    script = DialogScript(qtbot)

    started(qtbot, desk, dialogs, script)

    assert script.seen == []


@pytest.fixture
def behind(qtbot: QtBot, dialogs: ScriptedDialogs) -> Iterator[Callable[[Desk, MainWindow], StartupChecks]]:
    """Runs the check and today's backup behind a started window, as ``run`` does, and
    waits until they are done (their signals delivered)."""
    running: list[StartupChecks] = []

    def check(desk: Desk, window: MainWindow) -> StartupChecks:
        checks = check_behind(desk, window, dialogs)  # type: ignore[arg-type]
        running.append(checks)
        qtbot.waitUntil(checks.isFinished)
        QCoreApplication.sendPostedEvents()
        return checks

    yield check
    for checks in running:
        checks.stop()


def test_the_first_start_of_the_day_takes_a_backup_behind_the_window_and_later_starts_do_not(
    qtbot: QtBot, desk: Desk, facility: Facility, dialogs: ScriptedDialogs, clock: Clock,
    behind: Callable[[Desk, MainWindow], StartupChecks],
) -> None:
    window = started(qtbot, desk, dialogs, DialogScript(qtbot))
    assert desk.backups.list() == []  # the window comes first
    behind(desk, window)
    clock.advance(hours=3)
    behind(desk, started(qtbot, desk, dialogs, DialogScript(qtbot)))
    clock.advance(days=1)
    behind(desk, started(qtbot, desk, dialogs, DialogScript(qtbot)))

    assert [(b.kind, b.taken_at.date()) for b in desk.backups.list()] == [
        ("daily", date(2026, 3, 3)), ("daily", date(2026, 3, 2))]
    assert dialogs.shown == []


def test_a_backup_that_cannot_be_made_is_said_and_work_goes_on(
    qtbot: QtBot, desk: Desk, facility: Facility, dialogs: ScriptedDialogs, monkeypatch: pytest.MonkeyPatch,
    behind: Callable[[Desk, MainWindow], StartupChecks],
) -> None:
    def disk_full(**_options: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(desk.backups, "daily", disk_full)
    window = started(qtbot, desk, dialogs, DialogScript(qtbot))
    window.show()

    behind(desk, window)

    [(kind, _title, text)] = dialogs.shown
    assert kind == "warn" and text.startswith("Today's backup could not be made (")
    assert "No space left on device" in text and window.isVisible()


# -- a damaged database ------------------------------------------------------------------
def damaged_database(db_path: Path, clock: Clock, *, backed_up: bool, table: str | None = None) -> Path:
    """The database at ``db_path`` with K01 and a child in it (backed up today if
    ``backed_up``), then damaged while closed: the schema's page (found at opening), or the
    first page of ``table`` (found by the check behind the window)."""
    with Desk.open(db_path, clock=clock) as desk:
        k01 = desk.facilities.add("K01", "ひかり保育園 一時保育")
        desk.children.add(name="大野 芽依", kana="オオノ メイ", birth_date=date(2023, 11, 2), sex="female",
                          guardian_name="大野 美咲", phone="090-1111-2222")
        assert desk.facilities.get(k01.id)
        if backed_up:
            desk.backups.daily()
    for suffix in ("-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    damage(db_path, table)
    return db_path


def test_damage_found_behind_the_window_closes_it_and_takes_no_backup(
    qtbot: QtBot, db_path: Path, clock: Clock, dialogs: ScriptedDialogs,
    behind: Callable[[Desk, MainWindow], StartupChecks],
) -> None:
    damaged_database(db_path, clock, backed_up=False, table="audit_log")
    desk = open_desk(db_path, "ja", dialogs)  # type: ignore[arg-type]
    assert desk is not None
    with desk:
        window = started(qtbot, desk, dialogs, DialogScript(qtbot))
        window.show()

        checks = behind(desk, window)

        assert checks.damage is not None and checks.damage.reason == "damaged"
        assert not window.isVisible() and desk.backups.list() == []


def test_a_damaged_database_is_replaced_by_its_newest_good_backup_when_staff_agree(
    db_path: Path, clock: Clock, dialogs: ScriptedDialogs
) -> None:
    damaged_database(db_path, clock, backed_up=True)
    good = backups.newest_good(db_path)
    assert good is not None
    taken = f"{messages.format_date(good.taken_at.date(), 'ja', with_year=True)} " \
            f"{messages.format_time(good.taken_at.time())}"
    dialogs.answers.append(True)

    desk = open_desk(db_path, "ja", dialogs)  # type: ignore[arg-type]

    assert desk is not None
    with desk:
        assert [c.name for c in desk.children.search("オオノ")] == ["大野 芽依"]
    [aside] = db_path.parent.glob("desk.sqlite3.damaged-*")
    assert dialogs.shown == [
        ("confirm", "Hoiku Desk",
         f"The database is damaged. Restore the backup of {taken}? (The damaged file is kept.)"),
        ("inform", "Hoiku Desk",
         f"The backup of {taken} was restored. The damaged database was kept as “{aside}”."),
    ]


def test_declining_the_backup_leaves_the_damaged_database_and_says_why_it_cannot_open(
    db_path: Path, clock: Clock, dialogs: ScriptedDialogs
) -> None:
    damaged_database(db_path, clock, backed_up=True)
    before = db_path.read_bytes()
    dialogs.answers.append(False)

    assert open_desk(db_path, "ja", dialogs) is None  # type: ignore[arg-type]

    assert db_path.read_bytes() == before and not list(db_path.parent.glob("*.damaged-*"))
    damaged = errors.DatabaseUnavailable(path=str(db_path), reason="damaged")
    assert dialogs.shown[1:] == [("warn", "Hoiku Desk", messages.message(damaged, "ja"))]


def test_a_backup_that_cannot_be_put_in_place_is_said_and_nothing_opens(
    db_path: Path, clock: Clock, dialogs: ScriptedDialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    damaged_database(db_path, clock, backed_up=True)

    def held_by_another_program(db: Path, backup: Path) -> Path:
        raise PermissionError(13, "The file is in use by another process", str(db))

    monkeypatch.setattr(backups, "replace_damaged", held_by_another_program)
    dialogs.answers.append(True)

    assert open_desk(db_path, "ja", dialogs) is None  # type: ignore[arg-type]

    assert [kind for kind, *_ in dialogs.shown] == ["confirm", "warn", "warn"]
    assert dialogs.shown[1][2].startswith("The backup could not be put in place (")
    assert "in use by another process" in dialogs.shown[1][2]


@pytest.fixture
def untouched_names(untouched_app: QApplication) -> Iterator[QApplication]:
    """Also undo the names ``run`` gives the application."""
    names = untouched_app.applicationName(), untouched_app.organizationName()
    yield untouched_app
    untouched_app.setApplicationName(names[0])
    untouched_app.setOrganizationName(names[1])


@pytest.fixture
def watchdog(qapp: QApplication) -> Iterator[None]:
    """Closes every main window ``run`` left open after 30 s, so that a check behind the
    window that never reports fails its test instead of hanging it."""
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(lambda: [w.close() for w in qapp.topLevelWidgets() if isinstance(w, MainWindow)])
    timer.start(30_000)
    yield
    timer.stop()


@pytest.mark.parametrize("table", [None, "audit_log"], ids=["found-at-opening", "found-behind-the-window"])
def test_a_damaged_database_without_a_backup_is_a_sentence_and_the_database_exit_code(
    untouched_names: QApplication, db_path: Path, clock: Clock, dialogs: ScriptedDialogs, table: str | None,
    watchdog: None,
) -> None:
    damaged_database(db_path, clock, backed_up=False, table=table)

    assert run(db_path, "en", dialogs=dialogs) == EXIT_DATABASE  # type: ignore[arg-type]

    damaged = errors.DatabaseUnavailable(path=str(db_path), reason="damaged")
    assert dialogs.shown == [("warn", "Hoiku Desk", messages.message(damaged, "en"))]


def test_damage_found_behind_the_window_offers_the_backup_and_opens_it_again(
    untouched_names: QApplication, db_path: Path, clock: Clock, dialogs: ScriptedDialogs, watchdog: None
) -> None:
    damaged_database(db_path, clock, backed_up=True, table="audit_log")
    dialogs.answers.append(True)
    reopened: list[MainWindow] = []

    def close_the_reopened_window() -> None:
        """Once the backup is restored and the window shown again, staff close it."""
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if len(dialogs.shown) == 2 and shown:
            reopened.extend(shown)
            shown[0].close()

    watcher = QTimer()
    watcher.timeout.connect(close_the_reopened_window)
    watcher.start(10)

    assert run(db_path, "en", dialogs=dialogs) == 0  # type: ignore[arg-type]

    watcher.stop()
    [aside] = db_path.parent.glob("desk.sqlite3.damaged-*")
    assert [kind for kind, *_ in dialogs.shown] == ["confirm", "inform"]
    assert dialogs.shown[0][2].startswith("The database is damaged. Restore the backup of ")
    assert str(aside) in dialogs.shown[1][2] and len(reopened) == 1
    with Desk.open(db_path, clock=clock) as restored:
        assert [c.name for c in restored.children.search("オオノ")] == ["大野 芽依"]


def test_a_damaged_backup_is_not_offered(db_path: Path, clock: Clock, dialogs: ScriptedDialogs) -> None:
    damaged_database(db_path, clock, backed_up=True)
    for backup in backups.listing(db_path):
        shutil.copyfile(db_path, backup.path)  # the backups are as damaged as the database

    assert open_desk(db_path, "ja", dialogs) is None  # type: ignore[arg-type]

    assert [kind for kind, *_ in dialogs.shown] == ["warn"]


# -- the frame first: the window shows at once, the desk opens in it -----------------------
FRAME_FIRST = """
import json, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QMainWindow, QTabWidget
from shiboken6 import getCppPointer
from hoiku_desk import cli

app = QApplication(sys.argv[:1])
seen = {}

class FirstShow(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Show and isinstance(watched, QMainWindow) and "frame" not in seen:
            notice = watched.findChild(QLabel, "openingNotice")
            seen["frame"] = {
                "window": getCppPointer(watched)[0], "title": watched.windowTitle(),
                "notice": notice.text() if notice is not None else None,
                "tabs": watched.findChild(QTabWidget) is not None,
                "loaded": sorted(m for m in ("hoiku_desk.services", "sqlalchemy") if m in sys.modules)}
        return False

first_show = FirstShow()
app.installEventFilter(first_show)

def when_ready():
    windows = [w for w in app.topLevelWidgets() if isinstance(w, QMainWindow)]
    if windows and windows[0].isVisible() and not windows[0].opening:
        seen["ready"] = {
            "windows": [getCppPointer(w)[0] for w in windows], "title": windows[0].windowTitle(),
            "tabs": windows[0].findChild(QTabWidget, "paneTabs").isVisible(),
            "facility": windows[0].findChild(QComboBox, "facilityBox").currentText()}
        app.quit()
    else:
        QTimer.singleShot(5, when_ready)

QTimer.singleShot(0, when_ready)
code = cli.main(["--db", sys.argv[1]])
print(json.dumps({"code": code, **seen}))
"""


def test_the_window_shows_before_the_service_layer_loads_and_the_desk_opens_in_it(
    db_path: Path, clock: Clock
) -> None:
    with Desk.open(db_path, clock=clock) as desk:
        desk.facilities.add("K01", "ひかり保育園 一時保育")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", FRAME_FIRST, str(db_path)], env=env, capture_output=True,
                          text=True, encoding="utf-8", timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])

    frame, ready = seen["frame"], seen["ready"]
    assert frame["loaded"] == [] and not frame["tabs"]  # nothing of the database yet
    assert frame["notice"] == "開いています…"
    assert ready["windows"] == [frame["window"]] and ready["title"] == frame["title"]  # the same window
    assert ready["tabs"] and ready["facility"] == "K01 ひかり保育園 一時保育" and seen["code"] == 0


def test_the_frame_is_the_main_window_before_its_desk(
    qtbot: QtBot, desk: Desk, facility: Facility, dialogs: ScriptedDialogs
) -> None:
    frame = MainWindow(lang="en")
    qtbot.addWidget(frame)
    frame.show()
    geometry = frame.geometry()
    notice = frame.centralWidget()
    assert frame.opening and isinstance(notice, QLabel) and notice.text() == "Opening…"
    assert frame.windowTitle() == "Hoiku Desk" and frame.menuBar().actions() == []

    window = build_window(desk, "en", dialogs=dialogs, demo=True, window=frame)  # type: ignore[arg-type]

    assert window is frame and not frame.opening and frame.geometry() == geometry
    assert frame.centralWidget() is frame.findChild(QTabWidget, "paneTabs")
    assert frame.windowTitle() == "Hoiku Desk — demo data"
    assert "K01" in frame.findChild(QComboBox, "facilityBox").currentText()


class FrameWatch:
    """Polls, during ``run``, what the main window shows: each login dialog and the window
    behind it, staff's answer, and the window once it is ready (then closed, as staff would)."""

    def __init__(self, qtbot: QtBot, answer: DialogAction) -> None:
        self.qtbot, self.answer = qtbot, answer
        self.logins: list[tuple[bool, bool]] = []  # (over the shown frame, no pane in it)
        self.ready: list[str] = []  # who works, in each ready window's status bar
        self.timer = QTimer()
        self.timer.timeout.connect(self.look)
        self.timer.start(10)

    def look(self) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog) and dialog.objectName() == "loginDialog" and dialog.isVisible():
            frame = dialog.parentWidget()
            self.logins.append((isinstance(frame, MainWindow) and frame.opening and frame.isVisible(),
                                frame.findChild(QTabWidget) is None))
            self.answer(self.qtbot, dialog)
        for window in QApplication.topLevelWidgets():
            if isinstance(window, MainWindow) and window.isVisible() and not window.opening:
                self.ready.append(staff_text(window))
                window.close()


@pytest.fixture
def accounts_db(db_path: Path, clock: Clock) -> Path:
    with Desk.open(db_path, clock=clock) as desk:
        desk.facilities.add("K01", "ひかり保育園 一時保育")
        add_accounts(desk)
    return db_path


def test_the_login_comes_over_the_frame_before_any_data(
    qtbot: QtBot, untouched_names: QApplication, accounts_db: Path, dialogs: ScriptedDialogs, watchdog: None
) -> None:
    watch = FrameWatch(qtbot, log_in_as_sato)

    assert run(accounts_db, "en", dialogs=dialogs) == 0  # type: ignore[arg-type]

    watch.timer.stop()
    assert watch.logins == [(True, True)] and watch.ready == ["佐藤 保育士 (staff)"]


def test_cancelling_the_login_over_the_frame_quits_and_closes_it(
    qtbot: QtBot, untouched_names: QApplication, accounts_db: Path, dialogs: ScriptedDialogs, watchdog: None
) -> None:
    watch = FrameWatch(qtbot, cancel)

    assert run(accounts_db, "en", dialogs=dialogs) == 0  # type: ignore[arg-type]

    watch.timer.stop()
    assert watch.logins == [(True, True)] and watch.ready == []
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]


class DialogsOverTheFrame(ScriptedDialogs):
    """Also records, for each notice, whether it came over the shown frame."""

    def __init__(self) -> None:
        super().__init__()
        self.over_frame: list[bool] = []

    def warn(self, parent: object, title: str, text: str) -> None:
        super().warn(parent, title, text)
        self.over_frame.append(isinstance(parent, MainWindow) and parent.opening and parent.isVisible())


def test_a_database_that_cannot_be_opened_is_said_over_the_frame_which_then_closes(
    untouched_names: QApplication, watchdog: None
) -> None:
    dialogs = DialogsOverTheFrame()

    assert run("sqlite://", "en", dialogs=dialogs) == EXIT_DATABASE  # type: ignore[arg-type]

    unavailable = errors.DatabaseUnavailable(path="sqlite://", reason="memory")
    assert dialogs.shown == [("warn", "Hoiku Desk", messages.message(unavailable, "en"))]
    assert dialogs.over_frame == [True]
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]


# -- who works, in the status bar --------------------------------------------------------
@pytest.mark.parametrize(("who", "shown"), [(STAFF, "佐藤 保育士 (staff)"), (ADMIN, "鈴木 園長 (administrator)")])
def test_the_status_bar_says_who_is_logged_in(
    qtbot: QtBot, desk: Desk, facility: Facility, dialogs: ScriptedDialogs, who: tuple[str, str, str], shown: str
) -> None:
    add_accounts(desk).login(who[0], who[2])

    window = build_window(desk, "ja", dialogs=dialogs)  # type: ignore[arg-type]
    qtbot.addWidget(window)

    assert staff_text(window) == shown and not notice_shown(window)


def test_the_built_in_administrator_notice_goes_once_an_account_exists(
    qtbot: QtBot, desk: Desk, facility: Facility, dialogs: ScriptedDialogs
) -> None:
    window = build_window(desk, "ja", dialogs=dialogs)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    assert notice_shown(window)

    outcome = window.context.run(desk.staff.add, *ADMIN, role="admin")

    assert outcome.ok and not notice_shown(window)
    assert staff_text(window) == "Not logged in"


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
@pytest.mark.gui  # renders every pane (its windows' timers outlive it: keep it with the gui tests)
def test_screenshots_of_every_pane(qapp: QApplication, tmp_path: Path) -> None:
    from hoiku_desk.views.screenshots import render

    saved = render(tmp_path / "shots", "ja", today=date(2026, 3, 4))
    assert [p.name for p in saved] == [
        "01-calendar.png", "02-booking.png", "03-approvals.png", "04-reservations.png",
        "05-attendance.png", "06-children.png", "07-settings.png", "08-audit.png",
    ]
    images = [QImage(str(p)) for p in saved]
    assert all((image.width(), image.height()) == (1280, 820) for image in images)
    assert len({image.constBits().tobytes() for image in images}) == 8  # each pane differs
