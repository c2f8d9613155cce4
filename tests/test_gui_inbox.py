"""The watched inbox folder (受信フォルダ): request files saved in a folder are imported once
they stop growing, then filed away in 取り込み済み (with the rows not imported beside them)
or エラー; set up in the settings pane, kept on this computer, reported in the status bar."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QDialog, QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from hoiku_desk import messages
from hoiku_desk.services import Child, Desk, Facility
from hoiku_desk.services.records import ImportReport
from hoiku_desk.views.context import ViewContext
from hoiku_desk.views.inbox import InboxWatcher
from hoiku_desk.views.main_window import MainWindow, ui_settings
from tests.conftest import ChildMaker, ScriptedDialogs

HEADER = "request_id,received_at,channel,type,facility_code,child_name,child_kana,birth_date,date,start,end"
ARCHIVED = "20260302-090000_requests.csv"  # the desk's clock: Monday 2 March 2026, 09:00:00
BOM = b"\xef\xbb\xbf"


def booking(request_id: str, day: str = "2026-03-09") -> str:
    return (f"{request_id},2026-03-02 08:15,line,booking,K01,大野 芽依,オオノ メイ,2023-11-02,{day},"
            "09:30,12:00")


def drop(folder: Path, *rows: str, name: str = "requests.csv") -> Path:
    """Save a request file in the folder as a channel would (CRLF, UTF-8)."""
    path = folder / name
    path.write_bytes(("\r\n".join((HEADER, *rows)) + "\r\n").encode("utf-8"))
    return path


def append(path: Path, text: str) -> None:
    with path.open("ab") as handle:
        handle.write(text.encode("utf-8"))


class Results:
    """What a watcher said: the reports by file name, and the failures with their sentences."""

    def __init__(self, watcher: InboxWatcher) -> None:
        self.imported: list[tuple[str, ImportReport]] = []
        self.failed: list[tuple[str, str]] = []
        watcher.imported.connect(lambda name, report: self.imported.append((name, report)))
        watcher.failed.connect(lambda name, sentence: self.failed.append((name, sentence)))


@pytest.fixture(autouse=True)
def no_stored_inbox() -> Iterator[None]:
    """Qt keeps one settings file per process whatever the test's folders: start and end
    every test with no inbox stored, so no window of another test watches one."""
    ui_settings().remove("inbox")
    yield
    ui_settings().remove("inbox")


@pytest.fixture
def meiko(make_child: ChildMaker, facility: Facility) -> Child:
    return make_child(facility, name="大野 芽依", kana="オオノ メイ", birth_date=date(2023, 11, 2))


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "受信"
    folder.mkdir()
    return folder


@pytest.fixture
def watcher(view_context: ViewContext, meiko: Child) -> Iterator[InboxWatcher]:
    """A watcher that takes a file on the second look that finds it unchanged (no waiting)."""
    made = InboxWatcher(view_context, settle_ms=0)
    yield made
    made.stop()


@pytest.fixture
def results(watcher: InboxWatcher) -> Results:
    return Results(watcher)


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def pending(desk: Desk) -> list[str | None]:
    return sorted(item.request_id for item in desk.approvals.pending())


# -- taking files -----------------------------------------------------------------------------
def test_a_request_file_is_imported_then_filed_away_with_its_rejected_rows_beside_it(
    qtbot: QtBot, watcher: InboxWatcher, results: Results, inbox: Path, desk: Desk
) -> None:
    original = drop(inbox, booking("L-1"), booking("L-2", day="2026-02-30")).read_bytes()

    watcher.watch(inbox)
    qtbot.waitUntil(lambda: bool(results.imported))

    [(name, report)] = results.imported
    assert (name, report.accepted, [line for line, _ in report.rejected]) == ("requests.csv", 1, [3])
    assert pending(desk) == ["L-1"]
    assert names(inbox) == ["取り込み済み"]
    archive = inbox / "取り込み済み"
    assert names(archive) == [ARCHIVED, f"{ARCHIVED}.rejected.txt"]
    assert (archive / ARCHIVED).read_bytes() == original
    rejected = (archive / f"{ARCHIVED}.rejected.txt").read_bytes()
    assert rejected.startswith(BOM)
    assert rejected.decode("utf-8-sig").splitlines() == [messages.rejected_row(3, report.rejected[0][1])]
    assert "3行目" in rejected.decode("utf-8-sig") and results.failed == []


@pytest.mark.parametrize("content", [bytes(range(256)) * 8, b"id,date\r\n1,2026-03-09\r\n"],
                         ids=["binary", "no-request-columns"])
def test_a_file_that_is_not_a_request_file_goes_to_the_error_folder(
    qtbot: QtBot, watcher: InboxWatcher, results: Results, inbox: Path, desk: Desk, content: bytes
) -> None:
    (inbox / "bad.csv").write_bytes(content)

    watcher.watch(inbox)
    qtbot.waitUntil(lambda: bool(results.failed))

    [(name, sentence)] = results.failed
    assert name == "bad.csv" and "申請ファイルではありません" in sentence and "エラー" in sentence
    assert names(inbox) == ["エラー"]
    assert names(inbox / "エラー") == ["20260302-090000_bad.csv"]
    assert (inbox / "エラー" / "20260302-090000_bad.csv").read_bytes() == content
    assert results.imported == [] and desk.approvals.pending() == []


def test_a_file_still_growing_is_taken_only_once_it_stops(
    qtbot: QtBot, watcher: InboxWatcher, results: Results, inbox: Path, desk: Desk
) -> None:
    path = drop(inbox, booking("L-1"))
    append(path, booking("L-2")[:30])  # a channel half-way through the second row

    watcher.watch(inbox)  # first look: notes the size
    append(path, booking("L-2")[30:] + "\r\n")
    watcher.look()  # grown since: not taken
    append(path, booking("L-3") + "\r\n")
    watcher.look()  # grown again: not taken
    assert results.imported == [] and names(inbox) == ["requests.csv"]
    qtbot.waitUntil(lambda: bool(results.imported))

    [(_name, report)] = results.imported
    assert (report.accepted, report.rejected) == (3, [])
    assert pending(desk) == ["L-1", "L-2", "L-3"]


def test_a_file_is_taken_only_after_keeping_its_size_for_the_settle_time(
    qtbot: QtBot, watcher: InboxWatcher, results: Results, inbox: Path
) -> None:
    drop(inbox, booking("L-1"))
    watcher.settle_ms = 60_000

    watcher.watch(inbox)
    watcher.look()  # unchanged, but not for a minute yet
    assert results.imported == [] and names(inbox) == ["requests.csv"]

    watcher.settle_ms = 0
    watcher.look()
    assert [name for name, _ in results.imported] == ["requests.csv"]


def test_hidden_lock_and_other_files_and_the_sub_folders_are_left_alone(
    qtbot: QtBot, watcher: InboxWatcher, results: Results, inbox: Path
) -> None:
    left = [drop(inbox, booking("X-1"), name=name)
            for name in (".requests.csv", "~$requests.csv", "notes.txt")]
    (inbox / "empty.csv").touch()
    (inbox / "エラー").mkdir()
    old = drop(inbox / "エラー", booking("X-2"), name="old.csv")
    drop(inbox, booking("L-1"))

    watcher.watch(inbox)
    qtbot.waitUntil(lambda: bool(results.imported))
    watcher.look()
    watcher.look()

    assert [name for name, _ in results.imported] == ["requests.csv"] and results.failed == []
    assert all(path.exists() for path in (*left, old, inbox / "empty.csv"))


def test_the_same_name_dropped_again_later_is_a_new_file_and_is_imported(
    qtbot: QtBot, watcher: InboxWatcher, results: Results, inbox: Path, desk: Desk
) -> None:
    drop(inbox, booking("L-1"))
    watcher.watch(inbox)
    qtbot.waitUntil(lambda: len(results.imported) == 1)

    drop(inbox, booking("L-2"), booking("L-1"))
    watcher.look()
    qtbot.waitUntil(lambda: len(results.imported) == 2)

    second = results.imported[1][1]
    assert (second.accepted, second.duplicates) == (1, 1)
    assert pending(desk) == ["L-1", "L-2"]
    assert set(names(inbox / "取り込み済み")) == {ARCHIVED, "20260302-090000-2_requests.csv"}


def test_a_file_that_cannot_be_filed_away_is_said_and_never_imported_twice(
    qtbot: QtBot, watcher: InboxWatcher, results: Results, inbox: Path
) -> None:
    (inbox / "取り込み済み").write_text("not a folder", encoding="utf-8")
    drop(inbox, booking("L-1"))

    watcher.watch(inbox)
    qtbot.waitUntil(lambda: bool(results.failed))
    for _ in range(3):
        watcher.look()

    assert [name for name, _ in results.imported] == ["requests.csv"]
    [(name, sentence)] = results.failed
    assert name == "requests.csv" and "取り込み済み" in sentence
    assert "requests.csv" in names(inbox)


def test_turning_the_inbox_off_stops_watching(
    qtbot: QtBot, watcher: InboxWatcher, results: Results, inbox: Path
) -> None:
    watcher.watch(inbox)
    watcher.stop()
    drop(inbox, booking("L-1"))

    watcher.look()
    watcher.look()

    assert not watcher.is_watching() and results.imported == []
    assert names(inbox) == ["requests.csv"]


def test_the_inbox_waits_while_a_dialog_is_open(
    qtbot: QtBot, watcher: InboxWatcher, results: Results, inbox: Path
) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.setModal(True)
    dialog.show()
    qtbot.waitExposed(dialog)
    drop(inbox, booking("L-1"))

    watcher.watch(inbox)
    watcher.look()
    watcher.look()
    assert results.imported == []

    dialog.reject()
    qtbot.waitUntil(lambda: bool(results.imported))


# -- in the window ----------------------------------------------------------------------------
@pytest.fixture
def window(qtbot: QtBot, desk: Desk, facility: Facility, meiko: Child,
           dialogs: ScriptedDialogs) -> MainWindow:
    return make_window(qtbot, desk, dialogs)


def make_window(qtbot: QtBot, desk: Desk, dialogs: ScriptedDialogs) -> MainWindow:
    built = MainWindow(desk, dialogs=dialogs)  # type: ignore[arg-type]
    qtbot.addWidget(built)
    built.inbox.settle_ms = 0
    built.show()
    qtbot.waitExposed(built)
    built.show_pane(built.settings)
    return built


def widget(window: MainWindow, cls: type, name: str):  # type: ignore[no-untyped-def]
    found = window.findChild(cls, name)
    assert found is not None, name
    return found


def choose(qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs, monkeypatch: pytest.MonkeyPatch,
           folder: Path) -> None:
    """Choose the inbox folder with 参照… (the folder chooser answers ``folder``)."""
    dialogs.answers.append(folder)
    qtbot.mouseClick(widget(window, QPushButton, "inboxBrowseButton"), Qt.MouseButton.LeftButton)


def switch_on(qtbot: QtBot, window: MainWindow) -> None:
    check = widget(window, QCheckBox, "inboxEnabledCheck")
    check.setFocus()
    qtbot.keyClick(check, Qt.Key.Key_Space)


def test_the_settings_pane_turns_the_inbox_on_and_the_status_bar_tells_what_came_in(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs, monkeypatch: pytest.MonkeyPatch, inbox: Path
) -> None:
    choose(qtbot, window, dialogs, monkeypatch, inbox)
    assert widget(window, QLineEdit, "inboxFolderEdit").text() == str(inbox)
    switch_on(qtbot, window)
    assert window.inbox.folder == inbox

    drop(inbox, booking("L-1"), booking("L-2", day="2026-02-30"))

    label = widget(window, QLabel, "inboxLabel")
    qtbot.waitUntil(lambda: "requests.csv" in label.text())
    assert messages.import_summary(1, 0, 0, 1) in label.text()
    assert "取り込み済み" in label.text()  # where the rows not imported are listed
    assert window.approvals.count() == 1  # the queue refreshed through ``changed``


def test_the_status_bar_says_why_a_file_was_not_imported(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs, monkeypatch: pytest.MonkeyPatch, inbox: Path
) -> None:
    choose(qtbot, window, dialogs, monkeypatch, inbox)
    switch_on(qtbot, window)

    (inbox / "photo.csv").write_bytes(bytes(range(256)) * 8)

    label = widget(window, QLabel, "inboxLabel")
    qtbot.waitUntil(lambda: "photo.csv" in label.text())
    assert "申請ファイルではありません" in label.text()


def test_the_inbox_setting_is_kept_on_this_computer(
    qtbot: QtBot, window: MainWindow, desk: Desk, dialogs: ScriptedDialogs, monkeypatch: pytest.MonkeyPatch,
    inbox: Path,
) -> None:
    choose(qtbot, window, dialogs, monkeypatch, inbox)
    switch_on(qtbot, window)
    window.close()

    again = make_window(qtbot, desk, dialogs)

    assert ui_settings().value("inbox/folder") == str(inbox)
    assert widget(again, QLineEdit, "inboxFolderEdit").text() == str(inbox)
    assert widget(again, QCheckBox, "inboxEnabledCheck").isChecked()
    assert again.inbox.folder == inbox


def test_switching_the_inbox_off_in_the_settings_pane_stops_watching(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs, monkeypatch: pytest.MonkeyPatch, inbox: Path
) -> None:
    choose(qtbot, window, dialogs, monkeypatch, inbox)
    switch_on(qtbot, window)

    switch_on(qtbot, window)  # the same key again: off

    assert not window.inbox.is_watching()
    assert ui_settings().value("inbox/enabled", type=bool) is False
    drop(inbox, booking("L-1"))
    window.inbox.look()
    window.inbox.look()
    assert names(inbox) == ["requests.csv"]


def test_an_inbox_folder_that_does_not_exist_cannot_be_switched_on(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    missing = tmp_path / "nowhere"
    edit = widget(window, QLineEdit, "inboxFolderEdit")
    edit.setFocus()
    qtbot.keyClicks(edit, str(missing))

    switch_on(qtbot, window)

    assert not widget(window, QCheckBox, "inboxEnabledCheck").isChecked()
    assert str(missing) in widget(window, QLabel, "inboxStatus").text()
    assert not window.inbox.is_watching()
