"""Opening the database: where it lives, SQLite settings, network shares, schema upgrades."""

from __future__ import annotations

import re
import shutil
import sqlite3
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from hoiku_desk import migrations, models
from hoiku_desk.services import Desk, Facility, database, errors

FIXTURE = Path(__file__).parent / "fixtures" / "schema_v1.sqlite3"
MIGRATIONS = Path(migrations.__file__).parent
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
BACKUP_NAME = re.compile(r"^desk\.sqlite3\.before-0001-\d{8}-\d{6}$")
KEPT_TABLES = ("facilities", "children", "guardians", "registrations", "bookings", "charges",
               "payments", "attendance_marks", "regular_plans", "queue_items", "audit_log")


def query(path: Path, sql: str) -> list[tuple]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def counts(path: Path) -> dict[str, int]:
    return {table: query(path, f"SELECT count(*) FROM {table}")[0][0] for table in KEPT_TABLES}


def backups(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".before-" in p.name)


@pytest.fixture
def old_database(tmp_path: Path) -> Path:
    """A copy of the committed fixture (schema 0001, made on 2026-03-02)."""
    copy = tmp_path / "desk.sqlite3"
    shutil.copyfile(FIXTURE, copy)
    return copy


# -- a new database ------------------------------------------------------------------------

def test_new_database_uses_wal_journal(desk: Desk, db_path: Path) -> None:
    assert query(db_path, "PRAGMA journal_mode") == [("wal",)]


def test_new_database_enforces_foreign_keys(desk: Desk) -> None:
    engine = desk._ctx.engine  # no public way to reach a raw connection of the desk
    with pytest.raises(sqlalchemy.exc.IntegrityError, match="(?i)FOREIGN KEY"):
        with engine.begin() as connection:
            connection.execute(sqlalchemy.text(
                "INSERT INTO child_search_keys (key, child_id) VALUES ('ヤマダ', 'no-such-child')"
            ))


def test_new_database_is_stamped_with_the_head_revision(desk: Desk, db_path: Path) -> None:
    assert query(db_path, "SELECT version_num FROM alembic_version") == [(migrations.HEAD_REVISION,)]


def test_head_revision_constant_matches_the_newest_migration_script() -> None:
    scripts = ScriptDirectory.from_config(migrations.config())
    assert scripts.get_heads() == [migrations.HEAD_REVISION]


def test_migrated_schema_matches_the_models(desk: Desk, db_target: str) -> None:
    """A model change without its migration script shows up here (on either engine)."""
    engine = sqlalchemy.create_engine(db_target if desk.path is None else f"sqlite:///{db_target}")
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, models.Base.metadata) == []
    finally:
        engine.dispose()


# -- where it lives --------------------------------------------------------------------------

def test_open_without_target_creates_database_in_data_dir(isolated_data_dir: Path, clock) -> None:
    with Desk.open(clock=clock) as desk:
        assert desk.path == isolated_data_dir / database.DATABASE_NAME
        desk.facilities.add("K01", "ひかり保育園 一時保育")
    assert (isolated_data_dir / database.DATABASE_NAME).is_file()
    with Desk.open(None, clock=clock) as again:
        assert [f.code for f in again.facilities.list()] == ["K01"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG folders are Linux's")
def test_open_without_target_or_override_uses_xdg_data_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock
) -> None:
    monkeypatch.delenv(database.DATA_DIR_ENV)
    with Desk.open(clock=clock) as desk:
        assert desk.path is not None and desk.path.is_relative_to(tmp_path / "xdg")
        assert desk.path.is_file()


# -- never over a network share ---------------------------------------------------------------

@pytest.mark.parametrize("unc", ["//server/share/db.sqlite3", "\\\\server\\share\\db.sqlite3"])
def test_unc_path_is_a_network_path(unc: str) -> None:
    assert database.is_network_path(Path(unc))


def test_local_folder_is_not_a_network_path(tmp_path: Path) -> None:
    assert not database.is_network_path(tmp_path / "desk.sqlite3")


@pytest.mark.parametrize("filesystem", ["cifs", "nfs4"])
def test_database_on_network_mount_is_refused_and_nothing_is_created(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock, filesystem: str
) -> None:
    monkeypatch.setattr(database, "_mount_type", lambda _path: filesystem)
    target = tmp_path / "share" / "desk.sqlite3"

    with pytest.raises(errors.DatabaseUnavailable) as caught:
        Desk.open(target, clock=clock)

    assert caught.value.reason == "network_share"
    sentence = str(caught.value)
    assert JAPANESE.search(sentence) and "ネットワーク" in sentence, sentence
    assert not (tmp_path / "share").exists()


# -- opening an existing database ---------------------------------------------------------------

def test_opening_the_old_fixture_keeps_every_record(old_database: Path, clock) -> None:
    before = counts(old_database)

    with Desk.open(old_database, clock=clock) as desk:
        k01 = desk.facilities.by_code("K01")
        attended = desk.bookings.by_number(k01.id, "0225-01")
        assert (attended.child_name, attended.status, attended.fee_yen) == ("山田 花子", "attended", 900)
        booked = sum(len(desk.bookings.search(f.id)) for f in desk.facilities.list())

    assert counts(old_database) == before
    assert booked == before["bookings"] == 12
    assert (before["children"], before["registrations"]) == (8, 9)


def test_opening_a_current_database_makes_no_copy(db_path: Path, clock) -> None:
    with Desk.open(db_path, clock=clock):
        pass
    assert backups(db_path.parent) == []


def test_older_revision_is_copied_aside_before_upgrading(
    old_database: Path, clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    upgraded: list[tuple[object, ...]] = []
    monkeypatch.setattr(migrations, "HEAD_REVISION", "9999")
    monkeypatch.setattr(migrations, "upgrade", lambda *args: upgraded.append(args))
    before = counts(old_database)

    with Desk.open(old_database, clock=clock):
        pass

    assert len(upgraded) == 1
    [copy] = backups(old_database.parent)
    assert BACKUP_NAME.match(copy), copy
    assert counts(old_database.parent / copy) == before
    assert query(old_database.parent / copy, "SELECT version_num FROM alembic_version") == [("0001",)]


BROKEN_MIGRATION = '''"""A migration that fails halfway, after a batch ALTER and an UPDATE."""
import sqlalchemy as sa
from alembic import op

revision = "9001"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("children") as batch_op:
        batch_op.add_column(sa.Column("nickname", sa.String(50), nullable=True))
    op.execute("UPDATE children SET nickname = kana")
    op.execute("DELETE FROM audit_log")
    raise RuntimeError("migration failed halfway")


def downgrade() -> None:
    raise NotImplementedError
'''


@pytest.fixture
def broken_migrations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The real migrations plus a newest one that fails after changing the schema and the data."""
    scripts = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS, scripts, ignore=shutil.ignore_patterns("__pycache__", "__init__.py"))
    broken = BROKEN_MIGRATION.replace("{head}", migrations.HEAD_REVISION)
    (scripts / "versions" / "9001_broken.py").write_text(broken, encoding="utf-8")
    monkeypatch.setattr(migrations, "SCRIPT_LOCATION", scripts)
    monkeypatch.setattr(migrations, "HEAD_REVISION", "9001")
    yield scripts


def test_failed_migration_leaves_the_database_as_it_was(
    old_database: Path, broken_migrations: Path, clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = counts(old_database)

    with pytest.raises(Exception, match="migration failed halfway"):
        Desk.open(old_database, clock=clock)

    assert query(old_database, "SELECT version_num FROM alembic_version") == [("0001",)]
    columns = [row[1] for row in query(old_database, "PRAGMA table_info(children)")]
    assert "nickname" not in columns
    assert query(old_database, "SELECT name FROM sqlite_master WHERE name LIKE '_alembic_tmp%'") == []
    assert counts(old_database) == before
    assert len(backups(old_database.parent)) == 1
    monkeypatch.undo()
    with Desk.open(old_database, clock=clock) as desk:
        assert len(desk.bookings.search(desk.facilities.by_code("K01").id)) == 7


@pytest.mark.sqlite_only
def test_backup_is_a_consistent_copy_taken_while_the_desk_is_open(
    desk: Desk, facility: Facility, tmp_path: Path
) -> None:
    desk.children.add(name="山田 花子", kana="ヤマダ ハナコ", birth_date=date(2024, 5, 1),
                      sex="女", guardian_name="山田 太郎", phone="090-1234-5678")
    copy = desk.backup(tmp_path / "backups" / "copy.sqlite3")
    with Desk.open(copy) as restored:
        assert [f.code for f in restored.facilities.list()] == ["K01"]
        assert [c.name for c in restored.children.search("やまだ")] == ["山田 花子"]
    assert [c.name for c in desk.children.search("やまだ")] == ["山田 花子"]  # still usable
