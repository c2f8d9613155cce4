"""``hoiku-desk --self-test``: book, change, cancel, window, PDF in a temporary folder.

In process, the self-test uses the tests' application (``qapp``) rather than configuring one
with Japanese translators that later tests would inherit."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from hoiku_desk import cli, selftest

STEPS = ["database", "facility+child", "book", "change", "cancel", "window", "daily-pdf"]


def test_self_test_passes_every_step_and_leaves_the_environment(
    qapp: QApplication, shared_cache_dir: Path, isolated_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines: list[str] = []
    assert selftest.run(lines.append, cache_dir=shared_cache_dir) == 0
    assert [line.split(":")[0] for line in lines[1:-1]] == [f"ok  {step}" for step in STEPS]
    assert "山田 花子" in lines[-2]
    assert lines[-1].startswith("self-test passed")
    assert capsys.readouterr().err == ""
    assert os.environ["HOIKU_DESK_DATA_DIR"] == str(isolated_data_dir)
    assert not isolated_data_dir.exists()  # the user's data folder is never touched


def test_a_failing_step_gives_a_reason_and_exit_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(state: selftest.State) -> str:
        raise selftest.SelfTestFailure("壊れています / broken")

    monkeypatch.setattr(selftest, "STEPS", [*selftest.STEPS[:1], ("book", broken)])
    lines: list[str] = []
    assert selftest.run(lines.append) == selftest.EXIT_FAILED
    assert lines[-1].startswith("ok  database")
    assert capsys.readouterr().err.strip() == "NG  book: 壊れています / broken"


def test_command_line_flag_runs_the_self_test(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr(selftest, "run", lambda: calls.append("run") or 0)
    assert cli.main(["--self-test"]) == 0
    assert calls == ["run"]
