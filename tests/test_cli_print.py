"""``hoiku-desk print-daily``: the day's list as a PDF, without a window or a display."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from hoiku_desk import cli, messages
from hoiku_desk.services import Desk, FacilityRules
from tests.conftest import Clock
from tests.helpers import NOW, TUESDAY, t

PROJECT = Path(cli.__file__).resolve().parent.parent


@pytest.fixture(scope="module", autouse=True)
def font_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The printing font is built once per test session, in a temporary cache folder."""
    folder = tmp_path_factory.getbasetemp() / "font-cache"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HOIKU_DESK_CACHE_DIR", str(folder))
        yield folder


@pytest.fixture
def two_facilities(db_path: Path) -> Path:
    """K01 with 山田 花子 booked on Tuesday 9:00–11:00, and D01 (first by code) with nobody."""
    with Desk.open(db_path, clock=Clock(NOW)) as desk:
        k01 = desk.facilities.add("K01", "ひかり保育園 一時保育")
        desk.facilities.add("D01", "ひかり保育園 誰でも通園", FacilityRules.daredemo())
        child = desk.children.add(name="山田 花子", kana="ヤマダ ハナコ", birth_date=date(2023, 1, 8),
                                  sex="female", guardian_name="山田 美咲", phone="090-1234-5678")
        registration = desk.registrations.apply(child.id, k01.id)
        desk.registrations.approve(registration.id, interviewed_on=date(2026, 2, 24))
        desk.bookings.book(k01.id, child.id, TUESDAY, t("09:00"), t("11:00"))
    return db_path


def headless_environment() -> dict[str, str]:
    """This environment without a display and without a Qt platform chosen."""
    return {k: v for k, v in os.environ.items()
            if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}


def test_print_daily_writes_the_pdf_without_a_display(two_facilities: Path, tmp_path: Path) -> None:
    out = tmp_path / "出席簿.pdf"
    done = subprocess.run(
        [sys.executable, "-X", "warn_default_encoding", "-m", "hoiku_desk", "print-daily",
         "--db", str(two_facilities), "--date", "2026-03-03", "--facility", "K01", "--out", str(out)],
        cwd=PROJECT, env=headless_environment(), capture_output=True, text=True, encoding="utf-8",
        timeout=120, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(out)
    assert out.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext") is not None:
        text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True,
                              check=True, timeout=60).stdout.decode("utf-8")
        assert "山田 花子" in text and "令和8年3月3日(火)" in text


def test_the_first_facility_by_code_is_the_default(
    two_facilities: Path, tmp_path: Path, qapp, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "d01.pdf"
    code = cli.main(["print-daily", "--db", str(two_facilities), "--date", "2026-03-03", "--out", str(out)])
    assert (code, capsys.readouterr().out.strip()) == (0, str(out))
    if shutil.which("pdftotext") is not None:
        text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True,
                              check=True, timeout=60).stdout.decode("utf-8")
        assert "誰でも通園" in text and "この日の予約はありません。" in text


def test_an_unknown_facility_is_a_sentence_not_a_traceback(
    two_facilities: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = cli.main(["print-daily", "--db", str(two_facilities), "--facility", "X99",
                     "--out", str(tmp_path / "x.pdf")])
    assert code == cli.EXIT_REFUSED
    assert "X99" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_a_database_without_facilities(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = cli.main(["print-daily", "--db", str(db_path), "--out", str(tmp_path / "x.pdf")])
    assert (code, capsys.readouterr().err.strip()) == (cli.EXIT_REFUSED, messages.NO_FACILITY)


def test_a_printing_failure_is_a_sentence_not_a_traceback(
    two_facilities: Path, tmp_path: Path, qapp, capsys: pytest.CaptureFixture[str]
) -> None:
    code = cli.main(["print-daily", "--db", str(two_facilities), "--date", "2026-03-03",
                     "--out", str(tmp_path / "no-such-folder" / "x.pdf")])
    assert code == cli.EXIT_REFUSED
    assert "書き込めませんでした" in capsys.readouterr().err


def test_a_malformed_date_is_refused_by_the_parser(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        cli.main(["print-daily", "--date", "2026-02-30", "--out", "x.pdf"])
    assert stopped.value.code == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err
