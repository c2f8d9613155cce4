"""The layers: a Qt-free service layer that returns plain frozen records.

The command line and the file sync use the services without a display, and a start-up with a
current database must not pay for importing Qt or Alembic; reading the command line pays for
neither the services nor the package's metadata (the window shows before them).
"""

from __future__ import annotations

import ast
import dataclasses
import json
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path

import pytest

import hoiku_desk
from hoiku_desk.services import Desk, Facility, FacilityRules, Pickup
from tests.conftest import Clock
from tests.helpers import NOW, TUESDAY, t

PACKAGE = Path(hoiku_desk.__file__).parent
PROJECT = PACKAGE.parent
QT_FREE = [PACKAGE / "services", PACKAGE / "models", PACKAGE / "migrations", PACKAGE / "messages.py"]
QT_MODULES = ("PySide6", "shiboken6", "PyQt5", "PyQt6")
WEDNESDAY = date(2026, 3, 4)


def qt_free_sources() -> list[Path]:
    files = []
    for place in QT_FREE:
        files += [place] if place.is_file() else sorted(place.rglob("*.py"))
    return files


def imported_modules(source: Path) -> Iterator[str]:
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"), filename=str(source))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


def test_qt_free_layers_have_sources_to_check() -> None:
    assert len(qt_free_sources()) > 20


@pytest.mark.parametrize("source", qt_free_sources(), ids=lambda p: str(p.relative_to(PROJECT)))
def test_service_and_model_modules_do_not_import_qt(source: Path) -> None:
    qt = [m for m in imported_modules(source) if m.split(".")[0] in QT_MODULES]
    assert qt == []


def run_fresh_python(code: str) -> dict[str, object]:
    """Run ``code`` in a new interpreter from the project folder; it prints one JSON object."""
    done = subprocess.run(
        [sys.executable, "-X", "warn_default_encoding", "-c", code],
        cwd=PROJECT, capture_output=True, text=True, encoding="utf-8", timeout=120, check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


LOADED = "{m: m in sys.modules for m in ('PySide6', 'alembic')}"


def test_importing_services_loads_neither_qt_nor_alembic() -> None:
    loaded = run_fresh_python(f"import json, sys\nimport hoiku_desk.services\nprint(json.dumps({LOADED}))")
    assert loaded == {"PySide6": False, "alembic": False}


def test_opening_a_current_database_does_not_import_alembic(desk: Desk, facility: Facility, db_target: str) -> None:
    code = "\n".join([
        "import json, sys",
        "from hoiku_desk.services import Desk",
        f"with Desk.open({db_target!r}) as desk:",
        "    codes = [f.code for f in desk.facilities.list()]",
        f"print(json.dumps({{'codes': codes, 'loaded': {LOADED}}}))",
    ])
    assert run_fresh_python(code) == {"codes": ["K01"], "loaded": {"PySide6": False, "alembic": False}}


def test_reading_the_command_line_loads_neither_the_services_nor_the_package_metadata() -> None:
    code = "\n".join([
        "import json, sys",
        "from hoiku_desk import cli",
        "cli.build_parser().parse_args(['--db', 'desk.sqlite3'])",
        "print(json.dumps({m: m in sys.modules for m in ('hoiku_desk.services', 'sqlalchemy', 'importlib.metadata')}))",
    ])
    assert run_fresh_python(code) == {"hoiku_desk.services": False, "sqlalchemy": False, "importlib.metadata": False}


def test_the_version_is_printed_when_asked(capsys: pytest.CaptureFixture[str]) -> None:
    from hoiku_desk import cli

    with pytest.raises(SystemExit) as leaving:
        cli.main(["--version"])

    assert leaving.value.code == 0
    assert capsys.readouterr().out == f"hoiku-desk {hoiku_desk.__version__}\n"


# -- what services return --------------------------------------------------------------------

PLAIN = (str, int, float, bool, date, time, datetime, type(None))


def problems(value: object, where: str) -> list[str]:
    """Everything in ``value`` that is neither a plain value, a container, nor a frozen record."""
    if isinstance(value, PLAIN):
        return []
    if isinstance(value, (list, tuple)):
        return [p for i, item in enumerate(value) for p in problems(item, f"{where}[{i}]")]
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in problems(k, where) + problems(v, f"{where}[{k!r}]")]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        found = [] if is_frozen(value) else [f"{where}: {type(value).__name__} is not frozen"]
        for f in dataclasses.fields(value):
            found += problems(getattr(value, f.name), f"{where}.{f.name}")
        return found
    return [f"{where}: {type(value).__module__}.{type(value).__qualname__}"]


def is_frozen(record: object) -> bool:
    name = dataclasses.fields(record)[0].name
    try:
        setattr(record, name, getattr(record, name))
    except dataclasses.FrozenInstanceError:
        return True
    return False


def records(value: object) -> list[object]:
    """The records a call returned: the value itself, or the items of a list or dict."""
    if isinstance(value, list):
        return value
    if isinstance(value, dict):
        return [r for v in value.values() for r in (v if isinstance(v, list) else [v])]
    return [value]


@pytest.fixture(scope="module")
def returned(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """What each public service call returned in a small day of work (one desk for all)."""
    clock = Clock(NOW)
    out: dict[str, object] = {}
    path = tmp_path_factory.mktemp("returns") / "desk.sqlite3"
    with Desk.open(path, clock=clock) as desk:
        k01 = out["facilities.add"] = desk.facilities.add("K01", "ひかり保育園 一時保育")
        d01 = desk.facilities.add("D01", "ひかり保育園 誰でも通園", FacilityRules.daredemo())
        out["facilities.get"] = desk.facilities.get(k01.id)
        out["facilities.by_code"] = desk.facilities.by_code("K01")
        out["facilities.list"] = desk.facilities.list()
        out["facilities.update_rules"] = desk.facilities.update_rules(k01.id, hourly_fee_yen=300)

        def child(n: int) -> object:
            return desk.children.add(
                name=f"石井 颯{n}", kana=f"イシイ ハヤテ{'ア' * n}", birth_date=date(2024, 6, 21),
                sex="male", guardian_name="石井 美咲", phone=f"090-2468-{n:04d}",
                contacts=[("石井 健", "父", "080-1357-0000")],
            )

        kids = [child(n) for n in range(1, 5)]
        out["children.add"] = kids[0]
        out["children.get"] = desk.children.get(kids[0].id)
        out["children.search"] = desk.children.search("イシイ")
        out["children.update"] = desk.children.update(kids[0].id, allergies="卵")
        for kid in kids[:3]:
            registration = out["registrations.apply"] = desk.registrations.apply(kid.id, k01.id)
            out["registrations.approve"] = desk.registrations.approve(
                registration.id, interviewed_on=date(2026, 2, 24))
        desk.registrations.approve(desk.registrations.apply(kids[0].id, d01.id).id,
                                   interviewed_on=date(2026, 2, 24))
        out["registrations.for_child"] = desk.registrations.for_child(kids[0].id)
        applied = desk.registrations.apply(kids[3].id, k01.id)
        slot = out["interviews.add_slot"] = desk.interviews.add_slot(k01.id, WEDNESDAY, t("14:00"), t("14:30"))
        out["interviews.open_slots"] = desk.interviews.open_slots(k01.id, TUESDAY, WEDNESDAY)
        out["interviews.book"] = desk.interviews.book(applied.id, slot.id)

        first, second, third = (
            desk.bookings.book(k01.id, kid.id, TUESDAY, t("09:00"), t("11:00")) for kid in kids[:3]
        )
        out["bookings.book"] = desk.bookings.book(
            k01.id, kids[0].id, WEDNESDAY, t("09:00"), t("10:00"),
            pickup=Pickup(kind="other", name="石井 和子", relation="祖母", phone="03-1111-2222"))
        out["bookings.change"] = desk.bookings.change(first.id, comment="熱が出たら連絡")
        out["bookings.get"] = desk.bookings.get(first.id)
        out["bookings.by_number"] = desk.bookings.by_number(k01.id, first.number)
        out["bookings.search"] = desk.bookings.search(k01.id, query="イシイ")
        out["bookings.availability"] = desk.bookings.availability(k01.id, TUESDAY, WEDNESDAY)
        out["facilities.set_capacity"] = desk.facilities.set_capacity(k01.id, 2, on=TUESDAY)
        out["facilities.close_day"] = desk.facilities.close_day(k01.id, WEDNESDAY, "臨時休園")
        out["bookings.request_regular"] = desk.bookings.request_regular(
            d01.id, kids[0].id, [3], t("09:00"), t("11:00"), date(2026, 3, 5), date(2026, 3, 26))
        out["approvals.pending"] = desk.approvals.pending()
        out["approvals.approve"] = desk.approvals.approve(out["approvals.pending"][0].id)
        out["cancellations.preview"] = desk.cancellations.preview(third.id, "illness")
        out["cancellations.cancel"] = desk.cancellations.cancel(third.id, "illness")
        out["cancellations.cancel_many"] = desk.cancellations.cancel_many(
            [out["bookings.book"].id], "facility")

        clock.set(datetime(2026, 3, 3, 9, 5))
        out["attendance.check_in"] = desk.attendance.check_in(first.id)
        out["attendance.check_out"] = desk.attendance.check_out(first.id)
        out["attendance.record_payment"] = desk.attendance.record_payment(first.id, 600)
        out["attendance.mark_no_show"] = desk.attendance.mark_no_show(second.id)
        out["attendance.daily_list"] = desk.attendance.daily_list(k01.id, TUESDAY)
        out["audit.entries"] = desk.audit.entries()
    return out


SERVICE_CALLS = [
    "facilities.add", "facilities.get", "facilities.by_code", "facilities.list",
    "facilities.update_rules", "facilities.set_capacity", "facilities.close_day",
    "children.add", "children.get", "children.search", "children.update",
    "registrations.apply", "registrations.approve", "registrations.for_child",
    "interviews.add_slot", "interviews.open_slots", "interviews.book",
    "bookings.book", "bookings.change", "bookings.get", "bookings.by_number", "bookings.search",
    "bookings.availability", "bookings.request_regular",
    "approvals.pending", "approvals.approve",
    "cancellations.preview", "cancellations.cancel", "cancellations.cancel_many",
    "attendance.check_in", "attendance.check_out", "attendance.record_payment",
    "attendance.mark_no_show", "attendance.daily_list", "audit.entries",
]


@pytest.mark.parametrize("call", SERVICE_CALLS)
def test_service_returns_frozen_records_never_orm_objects(returned: dict[str, object], call: str) -> None:
    value = returned[call]
    found = records(value)
    assert found, f"{call} returned nothing to check"
    assert all(dataclasses.is_dataclass(r) and not isinstance(r, type) for r in found), found
    assert problems(value, call) == []
