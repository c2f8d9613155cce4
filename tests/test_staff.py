"""Staff accounts, logging in, and what each role may change (SPEC "Staff, audit and backups")."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from hoiku_desk import models
from hoiku_desk.services import Child, Desk, Facility, errors, staff
from tests.conftest import ChildMaker, Clock
from tests.helpers import TUESDAY, t

ADMIN_PASSWORD = "sakura-2026"
STAFF_PASSWORD = "tanpopo-77"


@pytest.fixture
def child(facility: Facility, make_child: ChildMaker) -> Child:
    return make_child(facility)


@pytest.fixture
def accounts(desk: Desk, facility: Facility, child: Child) -> Desk:
    """An admin (園長 鈴木) and a staff member (佐藤), nobody logged in (the child was
    registered before the first account)."""
    desk.staff.add("suzuki", "鈴木 園長", ADMIN_PASSWORD, role="admin")
    desk.login("suzuki", ADMIN_PASSWORD)
    desk.staff.add("sato", "佐藤 保育士", STAFF_PASSWORD)
    desk.logout()
    return desk


def stored_hashes(desk: Desk) -> list[str]:
    with desk._ctx.read() as uow:  # noqa: SLF001 - the test reads what is stored
        return list(uow.session.scalars(select(models.StaffAccount.password_hash)))


# -- accounts --------------------------------------------------------------------------
def test_before_any_account_the_program_acts_as_the_administrator(desk: Desk, facility: Facility) -> None:
    desk.facilities.update_rules(facility.id, default_capacity=5)

    assert desk.current_staff is None and desk.staff.list() == []
    assert desk.audit.entries(action="facility.update_rules")[-1].staff_login is None


def test_the_first_account_must_be_an_admin(desk: Desk) -> None:
    with pytest.raises(errors.InvalidInput) as refused:
        desk.staff.add("sato", "佐藤 保育士", STAFF_PASSWORD)

    assert "最初のアカウントは管理者" in refused.value.message()
    assert desk.staff.list() == []


def test_passwords_are_stored_only_as_argon2id_hashes_and_never_audited(accounts: Desk) -> None:
    hashes = stored_hashes(accounts)

    assert all(h.startswith("$argon2id$") for h in hashes)
    assert not any(ADMIN_PASSWORD in h or STAFF_PASSWORD in h for h in hashes)
    logged = repr([(e.before, e.after) for e in accounts.audit.entries()])
    assert ADMIN_PASSWORD not in logged and STAFF_PASSWORD not in logged and "argon2" not in logged


def test_production_hashing_is_memory_hard() -> None:
    real = PasswordHasher()
    assert (real.memory_cost, real.time_cost) == (65536, 3)  # 64 MiB, three passes


@pytest.mark.parametrize(("login", "password", "reason"), [
    ("ito", "short", "password_short"),
    ("ito-san", "ito-san", "password_short"),
    ("伊藤", "long-enough-1", "login_chars"),
    ("SUZUKI", "long-enough-1", "duplicate_login"),
])
def test_bad_accounts_are_refused_with_a_reason(accounts: Desk, login: str, password: str, reason: str) -> None:
    accounts.login("suzuki", ADMIN_PASSWORD)

    with pytest.raises(errors.InvalidInput) as refused:
        accounts.staff.add(login, "伊藤", password)

    assert refused.value.reason == reason
    assert len(accounts.staff.list()) == 2


def test_the_last_admin_can_be_neither_demoted_nor_deactivated(accounts: Desk) -> None:
    admin = accounts.login("suzuki", ADMIN_PASSWORD)

    for change in ({"role": "staff"}, {"active": False}):
        with pytest.raises(errors.InvalidInput, match="管理者がいなくなる"):
            accounts.staff.update(admin.id, **change)

    assert accounts.staff.get(admin.id).role == "admin"


# -- logging in --------------------------------------------------------------------------
def test_login_then_changes_are_audited_under_that_login(
    accounts: Desk, facility: Facility, child: Child
) -> None:
    accounts.login("sato", STAFF_PASSWORD)

    booking = accounts.bookings.book(facility.id, child.id, TUESDAY, t("09:30"), t("11:00"))

    entry = accounts.audit.entries(action="booking.add")[-1]
    assert (entry.staff_login, entry.entity_id) == ("sato", booking.id)
    assert accounts.audit.entries(action="staff.login")[-1].staff_login == "sato"


@pytest.mark.parametrize(("login", "password"), [("sato", "wrong-password"), ("nobody", STAFF_PASSWORD)])
def test_a_wrong_login_or_password_is_refused_the_same_way(accounts: Desk, login: str, password: str) -> None:
    with pytest.raises(errors.AuthenticationFailed) as refused:
        accounts.login(login, password)

    assert refused.value.message() == f"ログインID「{login}」またはパスワードが正しくありません。"
    assert accounts.current_staff is None
    assert accounts.audit.entries(action="staff.login_failed")[-1].after["login"] == login


def test_repeated_failures_make_the_next_attempt_wait_even_with_the_right_password(
    accounts: Desk, clock: Clock
) -> None:
    for _ in range(staff.FREE_ATTEMPTS):
        with pytest.raises(errors.AuthenticationFailed):
            accounts.login("sato", "guess-guess")

    with pytest.raises(errors.AuthenticationFailed) as waiting:
        accounts.login("sato", STAFF_PASSWORD)
    assert waiting.value.wait_seconds == 15 and "15秒お待ちください" in waiting.value.message()

    clock.advance(seconds=15)
    assert accounts.login("sato", STAFF_PASSWORD).login == "sato"


def test_the_pause_doubles_and_is_bounded() -> None:
    pauses = [staff.pause_after(n).total_seconds() for n in range(1, 12)]
    assert pauses == [0, 0, 15, 30, 60, 120, 240, 480, 900, 900, 900]


def test_a_deactivated_account_cannot_log_in_nor_keep_changing(
    accounts: Desk, facility: Facility, child: Child, db_target: str
) -> None:
    sato = accounts.login("sato", STAFF_PASSWORD)
    with Desk.open(db_target) as other_desk:  # the admin, at another desk
        other_desk.login("suzuki", ADMIN_PASSWORD)
        other_desk.staff.update(sato.id, active=False)

    with pytest.raises(errors.PermissionDenied, match="無効"):
        accounts.bookings.book(facility.id, child.id, TUESDAY, t("09:30"), t("11:00"))
    accounts.logout()
    with pytest.raises(errors.AuthenticationFailed):
        accounts.login("sato", STAFF_PASSWORD)


def test_staff_change_their_own_password_but_not_others(accounts: Desk) -> None:
    sato = accounts.login("sato", STAFF_PASSWORD)
    admin = next(s for s in accounts.staff.list() if s.login == "suzuki")

    accounts.staff.set_password(sato.id, "new-password-1")
    with pytest.raises(errors.PermissionDenied):
        accounts.staff.set_password(admin.id, "taken-over-1")

    accounts.logout()
    assert accounts.login("sato", "new-password-1").id == sato.id
    assert accounts.login("suzuki", ADMIN_PASSWORD).id == admin.id


# -- permissions -------------------------------------------------------------------------
def test_once_accounts_exist_nothing_changes_without_login(
    accounts: Desk, facility: Facility
) -> None:
    with pytest.raises(errors.PermissionDenied) as refused:
        accounts.children.add(name="山田 花子", kana="ヤマダ ハナコ", birth_date=date(2024, 5, 1),
                              sex="female", guardian_name="山田 太郎", phone="090-1234-5678")

    assert not isinstance(refused.value, errors.BookingError)
    assert "ログインしていない" in refused.value.message()
    assert accounts.children.search("ヤマダ") == []


ADMIN_ONLY = {
    "rules": lambda d, f, c: d.facilities.update_rules(f.id, default_capacity=9),
    "capacity": lambda d, f, c: d.facilities.set_capacity(f.id, 9, on=TUESDAY),
    "closure": lambda d, f, c: d.facilities.close_day(f.id, TUESDAY, "園内研修"),
    "opening": lambda d, f, c: d.facilities.open_day(f.id, date(2026, 3, 7)),
    "facility": lambda d, f, c: d.facilities.add("K02", "分園"),
    "staff account": lambda d, f, c: d.staff.add("ito", "伊藤", "long-enough-1"),
    "override": lambda d, f, c: d.bookings.book(f.id, c.id, TUESDAY, t("09:30"), t("11:00"), override=True),
}


@pytest.mark.parametrize("change", ADMIN_ONLY.values(), ids=ADMIN_ONLY.keys())
def test_admin_only_changes_are_refused_to_staff_and_done_for_admins(
    accounts: Desk, facility: Facility, child: Child, change
) -> None:
    accounts.login("sato", STAFF_PASSWORD)
    before = len(accounts.audit.entries())

    with pytest.raises(errors.PermissionDenied, match="管理者"):
        change(accounts, facility, child)
    assert len(accounts.audit.entries()) == before  # nothing changed

    accounts.login("suzuki", ADMIN_PASSWORD)
    change(accounts, facility, child)


def test_fee_waivers_are_for_admins(
    accounts: Desk, facility: Facility, child: Child, clock: Clock
) -> None:
    accounts.login("sato", STAFF_PASSWORD)
    booking = accounts.bookings.book(facility.id, child.id, TUESDAY, t("09:30"), t("11:00"))
    clock.set(datetime(2026, 3, 2, 18, 0))
    accounts.cancellations.cancel(booking.id, "family")  # late: charged

    with pytest.raises(errors.PermissionDenied, match="料金の免除"):
        accounts.cancellations.waive(booking.id, "園長判断")
    accounts.login("suzuki", ADMIN_PASSWORD)
    accounts.cancellations.waive(booking.id, "園長判断")


def test_staff_do_the_daily_work(accounts: Desk, facility: Facility, child: Child, clock: Clock) -> None:
    accounts.login("sato", STAFF_PASSWORD)
    booking = accounts.bookings.book(facility.id, child.id, TUESDAY, t("09:30"), t("11:00"))
    accounts.bookings.change(booking.id, end=t("12:00"))
    clock.set(datetime.combine(TUESDAY, t("09:25")))
    accounts.attendance.check_in(booking.id)
    clock.advance(hours=2)
    accounts.attendance.check_out(booking.id)

    assert accounts.bookings.get(booking.id).status == "attended"
    assert {e.staff_login for e in accounts.audit.entries(since=datetime.combine(TUESDAY, t("09:25")))} == {"sato"}
