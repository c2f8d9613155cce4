"""Shared fixtures: an isolated data folder, a settable clock, a desk on a temp database."""

from __future__ import annotations

import os
import shutil

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from argon2 import PasswordHasher

from hoiku_desk.services import Child, Desk, Facility, FacilityRules, staff
from tests.helpers import NOW


class Clock:
    """A clock tests set and advance; the desk reads it for every "now"."""

    def __init__(self, now: datetime = NOW) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def set(self, when: datetime) -> None:
        self.now = when

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


#: A PostgreSQL server URL (e.g. ``postgresql+psycopg://postgres@127.0.0.1:5432/postgres``):
#: when set, ``desk`` opens a database on that server (empty at the start of every test)
#: instead of an SQLite file, and the tests marked ``sqlite_only`` are skipped.
DATABASE_URL_ENV = "HOIKU_DESK_TEST_DATABASE_URL"
SERVER_URL = os.environ.get(DATABASE_URL_ENV) or None
#: Tests about the server itself (its row locks, its lost races), skipped without one.
server_only = pytest.mark.skipif(not SERVER_URL, reason=f"needs a PostgreSQL server ({DATABASE_URL_ENV})")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests that drive widgets are marked ``gui``: ``-m "not gui"`` is the fast loop.

    Tests that ask for the SQLite file itself (``db_path``) are ``sqlite_only``, and those
    are skipped when the tests run against a PostgreSQL server."""
    skip = pytest.mark.skip(reason=f"SQLite only ({DATABASE_URL_ENV} is set)")
    for item in items:
        names = getattr(item, "fixturenames", ())
        if "qtbot" in names:
            item.add_marker(pytest.mark.gui)
        if "db_path" in names:
            item.add_marker(pytest.mark.sqlite_only)
        if SERVER_URL and item.get_closest_marker("sqlite_only"):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def shared_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache folder for the session: the built font and translations are made once."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def cheap_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2id with test-sized cost (tests/test_staff.py checks the real parameters)."""
    monkeypatch.setattr(staff, "hasher", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path: Path, shared_cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Tests never touch a real user folder."""
    folder = tmp_path / "userdata"
    monkeypatch.setenv("HOIKU_DESK_DATA_DIR", str(folder))
    monkeypatch.setenv("HOIKU_DESK_CACHE_DIR", str(shared_cache_dir))
    monkeypatch.setenv("XDG_CACHE_HOME", str(shared_cache_dir / "xdg"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))  # QSettings (UI state)
    return folder


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database migrated to the current schema once per session (migrating takes ~0.2 s)."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    Desk.open(path).close()
    return path


@pytest.fixture
def db_path(tmp_path: Path, migrated_template: Path) -> Path:
    """A fresh, empty, current-schema database file for this test."""
    path = tmp_path / "desk.sqlite3"
    shutil.copyfile(migrated_template, path)
    return path


@pytest.fixture(scope="session")
def server_database() -> Iterator[str]:
    """On the PostgreSQL server: this session's database, migrated once (dropped at the end)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    assert SERVER_URL, DATABASE_URL_ENV
    admin_url = make_url(SERVER_URL)
    name = f"hoiku_test_{os.getpid()}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = admin_url.set(database=name).render_as_string(hide_password=False)
    Desk.open(url).close()
    try:
        yield url
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def db_target(request: pytest.FixtureRequest) -> Iterator[str]:
    """What ``Desk.open`` gets: the SQLite file's path, or the URL of the session's database
    on the PostgreSQL server, emptied after every test.

    Emptying (every table truncated, sequences restarted, after ending the connections the
    test left open) takes ~0.02 s; a new database made from a migrated template ~0.3 s, which
    over a thousand tests is five minutes more."""
    if not SERVER_URL:
        yield str(request.getfixturevalue("db_path"))
        return
    url = request.getfixturevalue("server_database")
    try:
        yield url
    finally:
        _empty(url)


def _empty(url: str) -> None:
    from sqlalchemy import create_engine, text
    from sqlalchemy.pool import NullPool

    from hoiku_desk.models import Base

    tables = ", ".join(f'"{table.name}"' for table in Base.metadata.sorted_tables)
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.begin() as connection:
            connection.execute(text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"))
            connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    finally:
        engine.dispose()


@pytest.fixture
def desk(db_target: str, clock: Clock) -> Iterator[Desk]:
    with Desk.open(db_target, clock=clock) as opened:
        yield opened


@pytest.fixture
def facility(desk: Desk) -> Facility:
    """An 一時保育 facility with the default rules."""
    return desk.facilities.add("K01", "ひかり保育園 一時保育")


@pytest.fixture
def daredemo(desk: Desk) -> Facility:
    """A こども誰でも通園制度 facility (quota 600 minutes, ages 6–35 months)."""
    return desk.facilities.add("D01", "ひかり保育園 誰でも通園", FacilityRules.daredemo())


ChildMaker = Callable[..., Child]


@pytest.fixture
def make_child(desk: Desk, clock: Clock) -> ChildMaker:
    """Add a child, registered and approved at the given facilities (interviewed last week)."""
    counter = iter(range(1, 10_000))

    def make(
        *facilities: Facility,
        name: str | None = None,
        kana: str | None = None,
        birth_date: date = date(2024, 6, 21),
        phone: str | None = None,
        interviewed_on: date | None = None,
        **extra: object,
    ) -> Child:
        n = next(counter)
        child = desk.children.add(
            name=name or f"石井 颯{n}",
            kana=kana or f"イシイ ハヤテ{'ア' * n}",
            birth_date=birth_date,
            sex="male",
            guardian_name="石井 美咲",
            phone=phone or f"090-2468-{n:04d}",
            **extra,  # type: ignore[arg-type]
        )
        for f in facilities:
            registration = desk.registrations.apply(child.id, f.id)
            desk.registrations.approve(
                registration.id, interviewed_on=interviewed_on or clock.now.date() - timedelta(days=7)
            )
        return child

    return make


class ScriptedDialogs:
    """Stands in for ``views.dialogs.Dialogs``: answers from ``answers`` (in order), records
    every notice in ``shown`` as (kind, title, text)."""

    def __init__(self) -> None:
        self.answers: list[object] = []
        self.shown: list[tuple[str, str, str]] = []

    def _answer(self, default: object) -> object:
        return self.answers.pop(0) if self.answers else default

    def confirm(self, parent: object, title: str, text: str) -> bool:
        self.shown.append(("confirm", title, text))
        return bool(self._answer(True))

    def inform(self, parent: object, title: str, text: str) -> None:
        self.shown.append(("inform", title, text))

    def warn(self, parent: object, title: str, text: str) -> None:
        self.shown.append(("warn", title, text))

    def ask_text(self, parent: object, title: str, label: str) -> str | None:
        self.shown.append(("ask_text", title, label))
        return self._answer(None)  # type: ignore[return-value]

    def open_file(self, parent: object, title: str, filter: str) -> Path | None:
        self.shown.append(("open_file", title, filter))
        return self._answer(None)  # type: ignore[return-value]

    def save_file(self, parent: object, title: str, suggested: str, filter: str) -> Path | None:
        self.shown.append(("save_file", title, suggested))
        return self._answer(None)  # type: ignore[return-value]

    def choose_folder(self, parent: object, title: str, start: str = "") -> Path | None:
        self.shown.append(("choose_folder", title, start))
        return self._answer(None)  # type: ignore[return-value]


@pytest.fixture
def japanese(qapp, tmp_path: Path):  # type: ignore[no-untyped-def]
    """Qt's and our Japanese catalogues installed through ``i18n.install`` (compiled into a
    temporary cache), removed again afterwards so other tests keep the source strings."""
    from hoiku_desk.views import i18n

    translators = i18n.install(qapp, "ja", tmp_path / "i18n")
    yield translators
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture
def dialogs() -> ScriptedDialogs:
    return ScriptedDialogs()


@pytest.fixture
def view_context(desk: Desk, facility: Facility, dialogs: ScriptedDialogs):  # type: ignore[no-untyped-def]
    """A ``ViewContext`` on the test desk, working on ``facility``, with scripted dialogs."""
    from hoiku_desk.views.context import ViewContext

    return ViewContext(desk, dialogs)  # type: ignore[arg-type]
