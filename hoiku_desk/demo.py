"""Demo data: two facilities, forty families and two weeks of front-desk work around today.

Everything is made through the public services, so every rule applies: a refusal (a full
slot, a held-days limit, an expired registration) is skipped, never bypassed.  The desk's
clock is stepped through the past, so bookings are made before their day, children check in
on it, and late cancellations really are late.  The result depends only on the moment and
the seed.  Qt-free: the command line and the screenshot tool both use it.
"""

from __future__ import annotations

import heapq
import os
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any, TypeVar

from hoiku_desk.services import (
    Booking, Child, Desk, Facility, FacilityRules, PendingItem, Pickup, errors,
)
from hoiku_desk.services.clock import fiscal_year, fiscal_year_end, japan_now

T = TypeVar("T")

SEED = 20260302
#: The time of day a demo made for a given ``today`` ends at.
DEMO_TIME = time(10, 30)
CHILDREN = 40
#: Days of bookings before and after today.
SPAN_DAYS = 7

FAMILY_NAMES = (
    ("佐藤", "サトウ"), ("鈴木", "スズキ"), ("髙橋", "タカハシ"), ("田中", "タナカ"),
    ("伊藤", "イトウ"), ("渡辺", "ワタナベ"), ("山本", "ヤマモト"), ("中村", "ナカムラ"),
    ("小林", "コバヤシ"), ("加藤", "カトウ"), ("𠮷田", "ヨシダ"), ("山田", "ヤマダ"),
    ("佐々木", "ササキ"), ("山口", "ヤマグチ"), ("松本", "マツモト"), ("井上", "イノウエ"),
    ("木村", "キムラ"), ("林", "ハヤシ"), ("斎藤", "サイトウ"), ("清水", "シミズ"),
)
#: Given names with kana and sex.
GIVEN_NAMES = (
    ("陽翔", "ハルト", "male"), ("蓮", "レン", "male"), ("湊", "ミナト", "male"),
    ("蒼", "アオイ", "male"), ("樹", "イツキ", "male"), ("悠真", "ユウマ", "male"),
    ("大和", "ヤマト", "male"), ("朝陽", "アサヒ", "male"), ("律", "リツ", "male"),
    ("颯真", "ソウマ", "male"), ("結愛", "ユア", "female"), ("凛", "リン", "female"),
    ("陽葵", "ヒマリ", "female"), ("芽依", "メイ", "female"), ("紬", "ツムギ", "female"),
    ("さくら", "サクラ", "female"), ("結菜", "ユイナ", "female"), ("澪", "ミオ", "female"),
    ("莉子", "リコ", "female"), ("杏", "アン", "female"),
)
MOTHERS = (("美咲", "ミサキ"), ("彩", "アヤ"), ("麻衣", "マイ"), ("由美", "ユミ"), ("愛", "アイ"), ("恵", "メグミ"))
FATHERS = (("健太", "ケンタ"), ("大輔", "ダイスケ"), ("翔太", "ショウタ"), ("拓也", "タクヤ"), ("直樹", "ナオキ"))
GRANDPARENTS = (("和子", "祖母"), ("洋子", "祖母"), ("正夫", "祖父"), ("節子", "祖母"))
ALLERGIES = ("卵", "小麦", "乳", "卵・乳", "えび・かに")
NOTES = ("熱性けいれんの既往あり", "人見知りが強いので最初は抱っこで", "昼寝は1時間ほど", "")
COMMENTS = ("ミルクは持参します", "午後に予防接種の予定", "お迎えが10分ほど遅れるかもしれません",
            "慣らし保育の2回目です", "おむつ多めに持たせます")
TOWNS = ("ひかり市本町", "ひかり市緑が丘", "ひかり市桜台", "ひかり市中央", "ひかり市若葉")
ICHIJI_SESSIONS = ((time(9), time(12)), (time(9), time(16)), (time(13), time(16)),
                   (time(8, 30), time(12, 30)), (time(10), time(15)), (time(13, 30), time(17)))
#: The fates a booking may meet, per kind of day (``started``: today, begun by now).
FATES: dict[str, tuple[str, ...]] = {
    "past": ("attended",) * 8 + ("no_show", "cancel_early", "cancel_late"),
    "started": ("attended",) * 5 + ("no_show",),
    "today": ("confirmed",) * 4 + ("cancel_late",),
    "future": ("confirmed",) * 7 + ("pending",) * 3 + ("cancel_early", "rejected"),
}
DAREDEMO_SESSIONS = ((time(9), time(11)), (time(9, 30), time(12)), (time(10), time(12)),
                     (time(13), time(15)), (time(14), time(16)))


class DemoClock:
    """The desk's clock while demo data is made: set to each moment in turn."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@dataclass(frozen=True)
class DemoReport:
    """What :func:`fill` made, and how many service refusals it skipped."""

    now: datetime
    facilities: int
    children: int
    bookings: int
    refused: int


@dataclass
class _Family:
    child: Child
    facilities: list[Facility]
    days: set[date] = field(default_factory=set)
    bookings: int = 0


def fill(
    target: str | os.PathLike[str] | None,
    *,
    today: date | None = None,
    at: time = DEMO_TIME,
    seed: int = SEED,
) -> DemoReport:
    """Fill the empty database at ``target`` (None: the default one) with demo data ending
    at ``today`` ``at`` (default: now). All of it is one transaction.

    Raises :class:`errors.InvalidState` (what="database", status="not_empty") if the
    database already holds a facility.
    """
    now = japan_now() if today is None else datetime.combine(today, at)
    clock = DemoClock(now)
    with Desk.open(target, clock=clock) as desk:
        if desk.facilities.list():
            raise errors.InvalidState(what="database", status="not_empty", action="demo")
        with desk.unit_of_work():
            return _Builder(desk, clock, now, random.Random(seed)).build()


class _Builder:
    """Makes the demo in time order: a queue of (moment, action) run with the clock set."""

    def __init__(self, desk: Desk, clock: DemoClock, now: datetime, rng: random.Random) -> None:
        self.desk = desk
        self.clock = clock
        self.now = now
        self.today = now.date()
        self.rng = rng
        self.first_day = self.today - timedelta(days=SPAN_DAYS)
        self.last_day = self.today + timedelta(days=SPAN_DAYS)
        self.setup_at = datetime.combine(self.first_day - timedelta(days=21), time(9))
        self.refused = 0
        self.booked = 0
        self._queue: list[tuple[datetime, int, Callable[[], None]]] = []
        self._sequence = 0
        self.families: list[_Family] = []
        self.waiting: list[str | None] = []  # registrations applied lately
        self._decks: dict[str, list[str]] = {deck: [] for deck in FATES}

    # -- running ------------------------------------------------------------------------
    def build(self) -> DemoReport:
        self.clock.now = self.setup_at
        self.ichiji = self.desk.facilities.add("K01", "ひかり保育園 一時保育")
        self.daredemo = self.desk.facilities.add(
            "D01", "ひかり保育園 こども誰でも通園", FacilityRules.daredemo())
        self._add_children()
        self._plan_registrations()
        for facility in (self.ichiji, self.daredemo):
            self._plan_bookings(facility)
        self._plan_regular_use()
        self._plan_interview()
        self._run()
        self.clock.now = self.now
        return DemoReport(self.now, 2, len(self.families), self.booked, self.refused)

    def at(self, moment: datetime, action: Callable[[], None]) -> None:
        """Run ``action`` with the clock at ``moment``, unless that is after the demo's now."""
        if moment <= self.now:
            self._sequence += 1
            heapq.heappush(self._queue, (moment, self._sequence, action))

    def _run(self) -> None:
        while self._queue:
            moment, _, action = heapq.heappop(self._queue)
            self.clock.now = moment
            action()

    def attempt(self, call: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
        """A service call; a refusal of the rules is counted and skipped."""
        try:
            return call(*args, **kwargs)
        except errors.BookingError:
            self.refused += 1
            return None

    # -- families -----------------------------------------------------------------------
    def _add_children(self) -> None:
        pairs = [(f, g) for f in FAMILY_NAMES for g in GIVEN_NAMES]
        for index, (family, given) in enumerate(self.rng.sample(pairs, CHILDREN)):
            months = self.rng.randint(9, 33) if index % 2 else self.rng.randint(9, 58)
            child = self.desk.children.add(**self._child_fields(family, given, months))
            self.families.append(_Family(child, self._facilities_for(months)))

    def _child_fields(
        self, family: tuple[str, str], given: tuple[str, str, str], months: int
    ) -> dict[str, Any]:
        """A child's record: one parent as the guardian, the other parent (sometimes) and a
        grandparent as emergency contacts."""
        rng = self.rng
        mother, father = rng.choice(MOTHERS), rng.choice(FATHERS)
        if rng.random() < 0.8:
            (parent, parent_kana), other = mother, (father[0], "父")
        else:
            (parent, parent_kana), other = father, (mother[0], "母")
        grandparent, relation = rng.choice(GRANDPARENTS)
        contacts = [(f"{family[0]} {grandparent}", relation, self._phone())]
        if rng.random() < 0.5:
            contacts.insert(0, (f"{family[0]} {other[0]}", other[1], self._phone()))
        return dict(
            name=f"{family[0]} {given[0]}", kana=f"{family[1]} {given[1]}",
            birth_date=self._birth_date(months), sex=given[2],
            guardian_name=f"{family[0]} {parent}", guardian_kana=f"{family[1]} {parent_kana}",
            phone=self._phone(), postal_code=f"{rng.randint(170, 179)}-{rng.randint(0, 9999):04d}",
            address=f"{rng.choice(TOWNS)}{rng.randint(1, 5)}-{rng.randint(1, 30)}-{rng.randint(1, 20)}",
            allergies=rng.choice(ALLERGIES) if rng.random() < 0.2 else "",
            notes=rng.choice(NOTES) if rng.random() < 0.25 else "",
            contacts=contacts,
        )

    def _phone(self) -> str:
        rng = self.rng
        return f"0{rng.choice((9, 8, 7))}0-{rng.randint(1000, 9999)}-{rng.randint(0, 9999):04d}"

    def _birth_date(self, months: int) -> date:
        """A birth date making the child ``months`` old (and some days) today."""
        total = self.today.year * 12 + self.today.month - 1 - months
        year, month = divmod(total, 12)
        return date(year, month + 1, min(self.today.day, 28)) - timedelta(days=self.rng.randint(0, 25))

    def _facilities_for(self, months: int) -> list[Facility]:
        if months > 33:
            return [self.ichiji]
        return [self.daredemo, self.ichiji] if self.rng.random() < 0.4 else [self.daredemo]

    # -- registrations ------------------------------------------------------------------
    def _plan_registrations(self) -> None:
        """Most families approved a week after applying; three applied lately, one rejected."""
        approve_at = self.setup_at + timedelta(days=7, hours=6)
        settled, applied, rejected = self.families[:-4], self.families[-4:-1], self.families[-1]
        for family in settled:
            for facility in family.facilities:
                registration = self.desk.registrations.apply(family.child.id, facility.id)
                self.at(approve_at, lambda r=registration.id: self._approve(r))
        self._plan_renewal(settled, approve_at)
        for number, family in enumerate(applied, start=1):
            self.at(self.now - timedelta(days=number, hours=1),
                    lambda f=family, place=family.facilities[-1]: self.waiting.append(self._apply(f, place)))
        place = rejected.facilities[0]
        self.at(self.now - timedelta(days=4), lambda: self._reject(self._apply(rejected, place)))
        for family in applied + [rejected]:
            family.facilities = []

    def _approve(self, registration_id: str) -> None:
        self.attempt(self.desk.registrations.approve, registration_id, interviewed_on=self.clock.now.date())

    def _apply(self, family: _Family, facility: Facility) -> str | None:
        registration = self.attempt(self.desk.registrations.apply, family.child.id, facility.id)
        return registration.id if registration else None

    def _reject(self, registration_id: str | None) -> None:
        if registration_id is not None:
            self.attempt(self.desk.registrations.reject, registration_id, "ひかり市外にお住まいのため対象外")

    def _plan_renewal(self, families: Sequence[_Family], approved_at: datetime) -> None:
        """Registrations end on 31 March: on 1 April the families renew (apply, interview)."""
        april = date(fiscal_year(self.today), 4, 1)
        if approved_at.date() < april:
            self.at(datetime.combine(april, time(9)), lambda: self._renew(families))

    def _renew(self, families: Sequence[_Family]) -> None:
        for family in families:
            for facility in family.facilities:
                registration_id = self._apply(family, facility)
                if registration_id is not None:
                    self._approve(registration_id)

    # -- bookings -----------------------------------------------------------------------
    def _plan_bookings(self, facility: Facility) -> None:
        """Four to six sessions on each open day, booked a few days ahead, then each one's fate."""
        sessions = DAREDEMO_SESSIONS if facility.rules.program == "daredemo" else ICHIJI_SESSIONS
        members = [f for f in self.families if facility in f.facilities]
        open_days = self.desk.bookings.availability(facility.id, self.first_day, self.last_day)
        for day in sorted(open_days):
            for start, end in self.rng.sample(sessions, self.rng.randint(4, min(6, len(sessions)))):
                family = self._choose(members, day)
                if family is not None:
                    self._plan_booking(facility, family, day, start, end)

    def _choose(self, members: Sequence[_Family], day: date) -> _Family | None:
        """A family not booked within a day of ``day``, the least booked first."""
        free = [f for f in members if not any(abs((d - day).days) <= 1 for d in f.days)]
        if not free:
            return None
        self.rng.shuffle(free)
        family = min(free, key=lambda f: f.bookings)
        family.days.add(day)
        family.bookings += 1
        return family

    def _plan_booking(self, facility: Facility, family: _Family, day: date, start: time, end: time) -> None:
        rng = self.rng
        begins = datetime.combine(day, start)
        fate = self._fate(day, begins)
        ahead = max(1, (day - self.today).days + 1)
        lead = rng.randint(ahead, min(ahead + 5, facility.rules.booking_horizon_days))
        if fate == "cancel_early":
            lead = max(lead, 3)
        made_at = datetime.combine(day - timedelta(days=lead),
                                   time(rng.randint(9, 15), rng.choice((0, 15, 30, 45))))
        online = fate in ("pending", "rejected") or rng.random() < 0.15
        pickup = None
        if rng.random() < 0.15:
            contact = family.child.contacts[-1]
            pickup = Pickup(kind="other", name=contact.name, relation=contact.relation, phone=contact.phone)
        details = dict(source="online" if online else "phone", pickup=pickup,
                       comment=rng.choice(COMMENTS) if rng.random() < 0.2 else "")

        def book() -> None:
            booking = self.attempt(self.desk.bookings.book, facility.id, family.child.id, day, start, end,
                                   **details)
            if booking is not None:
                self.booked += 1
                self._plan_fate(booking, fate, made_at)

        self.at(made_at, book)

    def _fate(self, day: date, begins: datetime) -> str:
        """What becomes of a booking, as staff see it by now: drawn from a shuffled deck per
        kind of day, so every fate occurs."""
        if day < self.today:
            deck = "past"
        elif day > self.today:
            deck = "future"
        else:
            deck = "started" if begins <= self.now else "today"
        if not self._decks[deck]:
            self._decks[deck] = self.rng.sample(FATES[deck], len(FATES[deck]))
        fate = self._decks[deck].pop()
        if fate == "no_show" and begins + timedelta(minutes=30) > self.now:
            return "attended"
        return fate

    def _plan_fate(self, booking: Booking, fate: str, made_at: datetime) -> None:
        begins = datetime.combine(booking.day, booking.start)
        if booking.status == "pending" and fate not in ("pending", "rejected"):
            self.at(made_at + timedelta(hours=2), lambda: self._approve_booking(booking))
        if fate == "rejected":
            self.at(made_at + timedelta(hours=3), lambda: self._reject_booking(booking))
        elif fate == "attended":
            self._plan_attendance(booking)
        elif fate == "no_show":
            self.at(begins + timedelta(minutes=30),
                    lambda: self.attempt(self.desk.attendance.mark_no_show, booking.id))
        elif fate == "cancel_early":
            self.at(made_at + timedelta(hours=1),
                    lambda: self.attempt(self.desk.cancellations.cancel, booking.id,
                                         self.rng.choice(("illness", "family")), ""))
        elif fate == "cancel_late":
            self.at(datetime.combine(booking.day, time(7, 45)),
                    lambda: self.attempt(self.desk.cancellations.cancel, booking.id, "illness", "朝から発熱"))

    def _plan_attendance(self, booking: Booking) -> None:
        """Check-in a little before the start, check-out around the end, payment at check-out
        (one in ten pays later)."""
        arrive = datetime.combine(booking.day, booking.start) - timedelta(minutes=self.rng.randint(0, 12))
        leave = datetime.combine(booking.day, booking.end) - timedelta(minutes=self.rng.randint(0, 20))
        pays = self.rng.random() < 0.9
        self.at(arrive, lambda: self.attempt(self.desk.attendance.check_in, booking.id, arrive))

        def check_out() -> None:
            row = self.attempt(self.desk.attendance.check_out, booking.id, leave)
            if row is not None and pays and row.fee_due_yen > row.paid_yen:
                owed = row.fee_due_yen - row.paid_yen
                self.attempt(self.desk.attendance.record_payment, booking.id, owed, leave)

        self.at(leave, check_out)

    def _approve_booking(self, booking: Booking) -> None:
        item = self._queue_item(booking.facility_id, lambda i: i.booking_id == booking.id)
        if item is not None:
            self.attempt(self.desk.approvals.approve, item, note="電話で確認済み")

    def _reject_booking(self, booking: Booking) -> None:
        item = self._queue_item(booking.facility_id, lambda i: i.booking_id == booking.id)
        if item is not None:
            self.attempt(self.desk.approvals.reject, item, "ご希望の時間は保育士の配置ができないため")

    def _queue_item(self, facility_id: str, wanted: Callable[[PendingItem], bool]) -> str | None:
        return next((i.id for i in self.desk.approvals.pending(facility_id) if wanted(i)), None)

    # -- regular use and interviews -------------------------------------------------------
    def _plan_regular_use(self) -> None:
        """One plan approved before the span (Tuesdays and Thursdays), one waiting (Fridays)."""
        older = [f for f in self.families if f.facilities == [self.ichiji]]
        younger = [f for f in self.families if self.daredemo in f.facilities]
        if older:
            self._plan_approved_plan(older[0])
        if younger:
            first = self.today + timedelta(days=7)
            free = [f for f in younger if not any(d >= first and d.weekday() == 4 for d in f.days)]
            self._plan_waiting_plan((free or younger)[-1], first)

    def _plan_approved_plan(self, family: _Family) -> None:
        requested = self.setup_at + timedelta(days=8)

        def request() -> None:
            plan = self.attempt(self.desk.bookings.request_regular, self.ichiji.id, family.child.id,
                                (1, 3), time(9), time(12), self.first_day, self.today + timedelta(days=28),
                                comment="育児休業明けの慣らし")
            if plan is not None:
                self.at(requested + timedelta(days=1), lambda: self._approve_plan(plan.id))

        self.at(requested, request)

    def _plan_waiting_plan(self, family: _Family, first: date) -> None:
        last = min(first + timedelta(days=28), fiscal_year_end(first))
        self.at(self.now - timedelta(hours=20), lambda: self.attempt(
            self.desk.bookings.request_regular, self.daredemo.id, family.child.id, (4,),
            time(14), time(16), first, max(last, first), source="online"))

    def _approve_plan(self, plan_id: str) -> None:
        item = self._queue_item(self.ichiji.id, lambda i: i.plan_id == plan_id)
        result = self.attempt(self.desk.approvals.approve, item) if item else None
        for booking in result.bookings if result else ():
            self.booked += 1
            self._plan_attendance(booking)

    def _plan_interview(self) -> None:
        """Two interview slots on the second open day ahead; one family booked into the first."""
        ahead = self.desk.bookings.availability(self.ichiji.id, self.today + timedelta(days=1), self.last_day)
        days = sorted(ahead)
        if not days:
            return
        day = days[min(1, len(days) - 1)]
        made_at = self.now - timedelta(minutes=30)

        def add_slots() -> None:
            first = self.desk.interviews.add_slot(self.ichiji.id, day, time(14), time(14, 30))
            self.desk.interviews.add_slot(self.ichiji.id, day, time(14, 30), time(15))
            waiting = [r for r in self.waiting if r is not None]
            if waiting:
                self.attempt(self.desk.interviews.book, waiting[0], first.id)

        self.at(made_at, add_slots)

