"""``hoiku-desk import / export-decisions / export-availability / export-actuals``."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest

from hoiku_desk import cli, file_commands, messages, services
from hoiku_desk.services import Desk, FacilityRules
from tests.conftest import Clock
from tests.helpers import t
from tests.test_import_requests import UTF8_SAMPLE

IMPORT_TIME = datetime(2026, 3, 2, 7, 0)


@pytest.fixture
def world(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The samples' world (K01 with an interview slot, two approved children, D01), and the
    commands opening the database with the clock at 2026-03-02 07:00."""
    clock = Clock(datetime(2026, 3, 2, 7, 0))
    with Desk.open(db_path, clock=clock) as desk:
        k01 = desk.facilities.add("K01", "ひかり保育園 一時保育")
        d01 = desk.facilities.add("D01", "ひかり保育園 誰でも通園", FacilityRules.daredemo())
        for facility, name, kana, born in ((k01, "大野 芽依", "オオノ メイ", date(2023, 11, 2)),
                                           (d01, "川口 葵", "カワグチ アオイ", date(2024, 8, 30))):
            child = desk.children.add(name=name, kana=kana, birth_date=born, sex="female",
                                      guardian_name="保護者", phone="090-0000-0000")
            registration = desk.registrations.apply(child.id, facility.id)
            desk.registrations.approve(registration.id, interviewed_on=date(2026, 2, 24))
        desk.interviews.add_slot(k01.id, date(2026, 3, 5), t("10:00"), t("10:30"))

    class ClockedDesk:
        @staticmethod
        def open(target: str | None) -> Desk:
            return Desk.open(target, clock=clock)

    monkeypatch.setattr(services, "Desk", ClockedDesk)  # what a command opens when it runs
    return db_path


def run(db: Path, *argv: str) -> int:
    return cli.main(["--db", str(db), *argv])


def test_import_prints_what_it_did_and_again_finds_only_duplicates(
    world: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = run(world, "import", str(UTF8_SAMPLE))
    out_first = capsys.readouterr().out
    again = run(world, "import", str(UTF8_SAMPLE))
    out_again = capsys.readouterr().out

    assert (first, again) == (0, 0)
    assert out_first.strip() == messages.import_summary(4, 0, 1, 0)
    assert "取り込み済み（重複） 5件" in out_again


def test_import_with_rejected_rows_lists_them_and_exits_1(
    world: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "requests.csv"
    path.write_text("request_id,type,facility_code\nX-1,booking,K01\nX-2,teleport,K01\n", encoding="utf-8")

    code = run(world, "import", str(path))

    err = capsys.readouterr().err.splitlines()
    assert code == file_commands.EXIT_ROWS_REJECTED
    assert [line.split(":")[0] for line in err] == ["2行目", "3行目"]
    assert "teleport" in err[1]


def test_import_of_a_file_that_is_not_a_request_file_exits_2_with_the_sentence(
    world: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "photo.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")

    code = run(world, "import", str(path))

    assert code == cli.EXIT_REFUSED
    assert "申請ファイルではありません" in capsys.readouterr().err


def test_export_decisions_writes_the_file_and_says_how_many(
    world: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(world, "import", str(UTF8_SAMPLE))
    capsys.readouterr()
    out = tmp_path / "decisions.csv"

    code = run(world, "export-decisions", str(out))

    # the online cancellation applied at import: the booking request and the cancel request
    assert code == 0 and capsys.readouterr().out.strip() == messages.export_done("decisions", 2, out)
    assert out.read_bytes().startswith(b"\xef\xbb\xbfrequest_id,kind,decision")
    assert run(world, "export-decisions", str(out), "--since", "2026-03-02 00:00") == 0


def test_export_decisions_refuses_a_since_it_cannot_read(world: Path, tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as stopped:
        run(world, "export-decisions", str(tmp_path / "d.csv"), "--since", "yesterday")
    assert stopped.value.code == 2


def test_export_availability_needs_the_facility_when_there_are_several(
    world: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "availability.csv"

    refused = run(world, "export-availability", "2026-03-03", "2026-03-03", str(out))
    message = capsys.readouterr().err.strip()
    done = run(world, "export-availability", "2026-03-03", "2026-03-03", str(out), "--facility", "K01")

    assert (refused, message, done) == (cli.EXIT_REFUSED, messages.SEVERAL_FACILITIES, 0)
    assert capsys.readouterr().out.strip() == messages.export_done("availability", 17, out)


def test_export_availability_of_an_unknown_facility_exits_2(
    world: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run(world, "export-availability", "2026-03-03", "2026-03-03", str(tmp_path / "a.csv"),
               "--facility", "Z99")

    assert code == cli.EXIT_REFUSED and "Z99" in capsys.readouterr().err
    assert not (tmp_path / "a.csv").exists()


def test_export_actuals_writes_the_month_and_its_summary(
    world: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "actuals_2026-03.csv"

    code = run(world, "export-actuals", "2026-03", str(out), "--facility", "K01")

    assert code == 0 and capsys.readouterr().out.strip() == messages.export_done("actuals", 0, out)
    assert (tmp_path / "actuals_2026-03_summary.csv").exists()


@pytest.mark.parametrize("month", ["2026-13", "march", "2026-3-1"])
def test_export_actuals_refuses_a_month_it_cannot_read(world: Path, tmp_path: Path, month: str) -> None:
    with pytest.raises(SystemExit) as stopped:
        run(world, "export-actuals", month, str(tmp_path / "a.csv"))
    assert stopped.value.code == 2


def test_the_installed_command_imports_a_file(db_path: Path, tmp_path: Path) -> None:
    with Desk.open(db_path) as desk:
        desk.facilities.add("K01", "ひかり保育園 一時保育")
    path = tmp_path / "requests.csv"
    path.write_text("申請ID,種別,施設コード,児童氏名,フリガナ,生年月日,保護者氏名,電話番号\n"
                    "W-1,registration,K01,石井 颯,イシイ ハヤテ,2024-06-21,石井 美咲,090-2468-1357\n",
                    encoding="cp932")

    done = subprocess.run([sys.executable, "-m", "hoiku_desk", "--db", str(db_path), "import", str(path)],
                          capture_output=True, text=True, encoding="utf-8", timeout=60)

    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == messages.import_summary(1, 0, 0, 0)


# -- backups and accounts ------------------------------------------------------------------
def test_backup_then_restore_from_the_command_line(
    world: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "copy.sqlite3"
    assert run(world, "backup", str(copy)) == 0
    run(world, "import", str(UTF8_SAMPLE))
    capsys.readouterr()

    code = run(world, "restore", str(copy))

    assert code == 0 and "から復元しました" in capsys.readouterr().out
    with Desk.open(world) as desk:
        assert desk.approvals.pending() == []  # the import is undone


@pytest.fixture
def accounts(world: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    with Desk.open(world) as desk:
        desk.staff.add("suzuki", "鈴木 園長", "sakura-2026", role="admin")
        desk.login("suzuki", "sakura-2026")
        desk.staff.add("sato", "佐藤 保育士", "tanpopo-77")
    monkeypatch.delenv(file_commands.PASSWORD_ENV, raising=False)
    return world


def test_once_accounts_exist_commands_that_change_data_need_a_login(
    accounts: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    refused = run(accounts, "import", str(UTF8_SAMPLE))
    assert refused == cli.EXIT_REFUSED and "ログインしていない" in capsys.readouterr().err

    monkeypatch.setenv(file_commands.PASSWORD_ENV, "wrong-password")
    assert run(accounts, "import", str(UTF8_SAMPLE), "--login", "sato") == cli.EXIT_REFUSED
    assert "パスワードが正しくありません" in capsys.readouterr().err

    monkeypatch.setenv(file_commands.PASSWORD_ENV, "tanpopo-77")
    assert run(accounts, "import", str(UTF8_SAMPLE), "--login", "sato") == 0


def test_restore_needs_an_admin_login(
    accounts: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "copy.sqlite3"
    run(accounts, "backup", str(copy))
    monkeypatch.setenv(file_commands.PASSWORD_ENV, "tanpopo-77")

    code = run(accounts, "restore", str(copy), "--login", "sato")

    assert code == cli.EXIT_REFUSED and "権限がありません" in capsys.readouterr().err


def test_without_a_terminal_or_the_variable_the_password_is_asked_for_in_words(
    accounts: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with open(os.devnull, encoding="utf-8") as no_terminal:
        monkeypatch.setattr(sys, "stdin", no_terminal)
        assert run(accounts, "import", str(UTF8_SAMPLE), "--login", "sato") == cli.EXIT_REFUSED
    assert capsys.readouterr().err.strip() == messages.PASSWORD_NEEDED


def test_restore_replaces_a_damaged_database_with_the_backup(
    world: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "copy.sqlite3"
    run(world, "backup", str(copy))
    for suffix in ("-wal", "-shm"):
        Path(f"{world}{suffix}").unlink(missing_ok=True)
    world.write_bytes(b"not a database any more" * 1000)

    code = run(world, "restore", str(copy))

    assert code == 0 and "復元前のデータ" in capsys.readouterr().out
    with Desk.open(world) as desk:
        assert [f.code for f in desk.facilities.list()] == ["D01", "K01"]
