"""Property: no sequence of desk operations ever books a slot beyond its capacity.

A hypothesis state machine drives one small facility (capacity 2, four 60-minute slots
09:00–13:00, Monday 2 March 2026 to Friday) with random bookings (phone → confirmed,
online → pending), changes, approvals and rejections of pending bookings, single and bulk
cancellations, capacity changes for a date or a weekday (optionally for part of the day)
and clock advances.  The test keeps its own record of every booking and capacity setting
and, after every step, checks that

* the desk's bookings are exactly the ones the test made, in the status it expects;
* ``availability`` equals a recount from ``bookings.search`` and the capacities set;
* a slot holds more children than its capacity only because ``set_capacity`` lowered it;
* the approval queue lists exactly the pending bookings.

Every operation is judged against an oracle of the booking rules that can apply in this
small world (window, closed day, time range, room, overlap, not cancellable): an operation
the rules allow must succeed, one they forbid must be refused with one of the expected
errors, and a refusal must leave the desk unchanged.  A successful book, change or approval
must leave every slot it occupies at ``taken <= capacity``.  ``set_capacity`` cancels
nothing and lists the bookings it leaves beyond capacity on the days it affects.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable
from contextlib import closing
from dataclasses import dataclass, field
from functools import partial
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import event, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from hoiku_desk.services import Desk, FacilityRules, SlotAvailability, errors

MONDAY = date(2026, 3, 2)
WEEKDAYS = [MONDAY + timedelta(days=n) for n in range(5)]  # Mon 2 – Fri 6 March 2026
SATURDAY, SUNDAY = MONDAY + timedelta(days=5), MONDAY + timedelta(days=6)
START_OF_TEST = datetime(2026, 3, 2, 8, 0)
LAST_ADVANCE_FROM = datetime(2026, 3, 6, 13, 0)  # the clock stops moving after Friday's close

DEFAULT_CAPACITY = 2
RULES = FacilityRules(
    slot_minutes=60, min_booking_minutes=60, open_time=time(9), close_time=time(13),
    default_capacity=DEFAULT_CAPACITY, max_held_days=10,
)
SLOTS = [time(h) for h in range(9, 13)]
OCCUPYING = ("pending", "confirmed", "attended")
ACTIVE = ("pending", "confirmed")
STATUSES = ["pending", "confirmed", "attended", "no_show", "cancelled", "rejected"]
CHILD_KANA = ["イシイ ハヤテ", "タナカ ユイ", "サトウ ハル", "スズキ メイ"]

Slot = tuple[date, time]


# -- what the rules are drawn from -------------------------------------------------------
@dataclass(frozen=True)
class At:
    """Explicit times: a day and a span (a change leaves a None field as it is)."""

    day: date | None
    start: time | None
    end: time | None


@dataclass(frozen=True)
class Like:
    """The day and times of the ``pick``-th booking made so far (modulo their number):
    where places run out, where a child overlaps itself, where capacity is lowered."""

    pick: int


@dataclass(frozen=True)
class Setting:
    """A capacity for a date (``on``) or a weekday, optionally for part of the day."""

    capacity: int
    on: date | None = None
    weekday: int | None = None
    start: time | None = None
    end: time | None = None

    def covers(self, day: date, slot: time) -> bool:
        return (self.on == day or self.weekday == day.weekday()) and (
            (self.start is None or self.start <= slot) and (self.end is None or slot < self.end)
        )


@dataclass(frozen=True)
class Over:
    """A capacity over the times of the ``pick``-th active booking (a pending one when
    ``pending`` and there is one, so that approvals meet it), for its date or (when
    ``weekly``) its weekday: mostly lower than what it holds."""

    capacity: int
    pick: int
    weekly: bool
    pending: bool


PICKS = st.integers(0, 63)
SPANS = [(time(s), time(e)) for s in range(9, 13) for e in range(s + 1, 14)]
CHILDREN = st.integers(0, len(CHILD_KANA) - 1)
BOOKING_DAYS = st.sampled_from([*WEEKDAYS, SATURDAY])  # Saturday: a closed day to refuse
SOURCES = st.sampled_from(["phone", "online", "online"])  # online ones wait for approval
REASONS = st.sampled_from(["illness", "family", "facility", "mistake", "other"])
LIKE = PICKS.map(Like)
NEW_TIMES = st.builds(lambda day, span: At(day, *span), BOOKING_DAYS, st.sampled_from(SPANS))
CHANGES = st.one_of(
    st.builds(  # any of day, start and end, so an end before the start is tried too
        At, st.none() | BOOKING_DAYS, st.none() | st.sampled_from(SLOTS),
        st.none() | st.sampled_from([time(h) for h in range(10, 14)]),
    ),
    LIKE,
    LIKE,  # twice, to draw it more often: moving onto another booking crowds its slots
)
CAPACITIES = st.integers(0, 3)
PARTS_OF_DAY = st.sampled_from([(None, None), *SPANS])
OVER_A_BOOKING = st.builds(Over, st.integers(0, 1), PICKS, st.booleans(), st.booleans())
SETTINGS = st.one_of(
    st.builds(
        lambda c, d, part: Setting(c, d, None, *part), CAPACITIES, st.sampled_from(WEEKDAYS),
        PARTS_OF_DAY,
    ),
    st.builds(
        lambda c, w, part: Setting(c, None, w, *part), CAPACITIES, st.integers(0, 4),
        PARTS_OF_DAY,
    ),
)
CLOCK_STEPS = st.sampled_from(  # mostly within a day, so that bookings stay ahead of "now"
    [timedelta(minutes=30), timedelta(hours=1), timedelta(hours=2), timedelta(hours=4),
     timedelta(days=1)]
)


# -- the test's own records --------------------------------------------------------------
class Clock:
    """The desk's clock; only the state machine moves it."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def overlaps(day: date, start: time, end: time, slot_day: date, slot: time) -> bool:
    return day == slot_day and start < time(slot.hour + 1) and end > slot


def slots_of(day: date, start: time, end: time) -> list[Slot]:
    return [(day, s) for s in SLOTS if overlaps(day, start, end, day, s)]


@dataclass
class Held:
    """The test's record of one booking."""

    child: int
    day: date
    start: time
    end: time
    status: str
    number: str

    @property
    def begins(self) -> datetime:
        return datetime.combine(self.day, self.start)

    def occupies(self, slot: Slot) -> bool:
        return self.status in OCCUPYING and overlaps(self.day, self.start, self.end, *slot)


@dataclass
class CapacityModel:
    """A date setting, else a weekday setting, else the default; the latest setting wins."""

    settings: list[Setting] = field(default_factory=list)

    def capacity(self, day: date, slot: time) -> int:
        by_date = [s for s in self.settings if s.on is not None]
        by_weekday = [s for s in self.settings if s.on is None]
        for level in (by_date, by_weekday):
            covering = [s.capacity for s in level if s.covers(day, slot)]
            if covering:
                return covering[-1]
        return DEFAULT_CAPACITY


@dataclass(frozen=True)
class Expected:
    """What the rules say an operation must do: succeed (no refusals), be refused with one
    of ``refusals``, or — when ``certain`` is False — either (the spec does not say)."""

    refusals: frozenset[type[errors.BookingError]] = frozenset()
    certain: bool = True

    @classmethod
    def refused_with(cls, refusal: type[errors.BookingError]) -> Expected:
        return cls(frozenset({refusal}))


@dataclass(frozen=True)
class Template:
    """A database with the facility and the four registered children, made once per module
    and copied into a fresh temporary folder for every example (migrating and registering
    anew for each example would cost more than the example itself)."""

    path: Path
    facility_id: str
    child_ids: tuple[str, ...]


def make_template(folder: Path) -> Template:
    path = folder / "template.sqlite3"
    child_ids = []
    with Desk.open(path, clock=Clock(START_OF_TEST)) as desk:
        facility_id = desk.facilities.add("K01", "ひかり保育園 一時保育", RULES).id
        for n, kana in enumerate(CHILD_KANA):
            child = desk.children.add(
                name=f"園児 {n}", kana=kana, birth_date=date(2024, 6, 21), sex="female",
                guardian_name="石井 美咲", phone=f"090-2468-{n:04d}",
            )
            registration = desk.registrations.apply(child.id, facility_id)
            desk.registrations.approve(registration.id, interviewed_on=date(2026, 2, 23))
            child_ids.append(child.id)
    return Template(path, facility_id, tuple(child_ids))


def copy_database(source: Path, destination: Path) -> None:
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(destination)) as dst:
        src.backup(dst)


# -- the state machine -------------------------------------------------------------------
class NeverOverbook(RuleBasedStateMachine):
    def __init__(self, template: Template) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="hoiku-properties-"))
        copy_database(template.path, self.folder / "desk.sqlite3")
        self.clock = Clock(START_OF_TEST)
        self.desk = Desk.open(self.folder / "desk.sqlite3", clock=self.clock)
        self.facility_id = template.facility_id
        self.child_ids = template.child_ids
        self.bookings: dict[str, Held] = {}  # insertion order = the order they were made
        self.capacities = CapacityModel()
        self.lowered: set[Slot] = set()  # slots left above capacity by set_capacity

    def teardown(self) -> None:
        self.desk.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    # -- reading the desk ------------------------------------------------------------------
    def _availability(self) -> dict[date, list[SlotAvailability]]:
        return self.desk.bookings.availability(self.facility_id, MONDAY, SUNDAY)

    def _desk_bookings(self) -> dict[str, tuple[str, date, time, time, str]]:
        found = self.desk.bookings.search(self.facility_id, statuses=STATUSES)
        return {b.id: (b.status, b.day, b.start, b.end, b.number) for b in found}

    def _state(self) -> tuple[object, object]:
        return self._availability(), self._desk_bookings()

    def _queue_item(self, booking_id: str) -> str:
        pending = self.desk.approvals.pending(self.facility_id)
        items = [i.id for i in pending if i.booking_id == booking_id]
        assert len(items) == 1, f"pending booking {booking_id} has {len(items)} queue items"
        return items[0]

    # -- the test's records ----------------------------------------------------------------
    def _pick(self, pick: int, among: Iterable[str] | None = None) -> str:
        candidates = list(self.bookings if among is None else among)
        return candidates[pick % len(candidates)]

    def _times(self, where: At | Like) -> tuple[date | None, time | None, time | None]:
        if isinstance(where, At):
            return where.day, where.start, where.end
        held = self.bookings[self._pick(where.pick)]
        return held.day, held.start, held.end

    def _pending(self) -> list[str]:
        return [i for i, held in self.bookings.items() if held.status == "pending"]

    def _active(self) -> list[str]:
        return [i for i, held in self.bookings.items() if held.status in ACTIVE]

    def _taken(self, *, excluding: str | None = None) -> Counter[Slot]:
        counts: Counter[Slot] = Counter()
        for booking_id, held in self.bookings.items():
            if booking_id != excluding and held.status in OCCUPYING:
                counts.update(slots_of(held.day, held.start, held.end))
        return counts

    # -- the oracle ------------------------------------------------------------------------
    def _rule_refusals(
        self, child: int, day: date, start: time, end: time, *, excluding: str | None = None
    ) -> Expected:
        """The refusals the booking rules give a flexible booking of ``child`` (the booking
        ``excluding`` counting as free, as in a change or an approval)."""
        now, today = self.clock.now, self.clock.now.date()
        found: set[type[errors.BookingError]] = set()
        horizon = today + timedelta(days=RULES.booking_horizon_days)
        if not today <= day <= horizon or datetime.combine(day, start) < now:
            found.add(errors.OutsideBookingWindow)
        if day.weekday() >= 5:
            found.add(errors.FacilityClosed)
        if end <= start:
            found.add(errors.InvalidTimeRange)
        elif day.weekday() < 5:
            taken = self._taken(excluding=excluding)
            if any(taken[s] >= self.capacities.capacity(*s) for s in slots_of(day, start, end)):
                found.add(errors.SlotFull)
        if any(
            booking_id != excluding and held.child == child and held.day == day
            and held.status in OCCUPYING and held.start < end and held.end > start
            for booking_id, held in self.bookings.items()
        ):
            found.add(errors.OverlappingBooking)
        return Expected(frozenset(found))

    def _cancellable(self, booking_id: str) -> bool:
        held = self.bookings[booking_id]
        return held.status in ACTIVE and held.begins > self.clock.now

    def _attempt(self, label: str, operation: Callable[[], Any], expected: Expected) -> Any:
        """Run ``operation``; check it succeeds or is refused as ``expected`` and that a
        refusal changes nothing. Returns its result, or None when it was refused."""
        before = self._state()
        try:
            result = operation()
        except errors.BookingError as refusal:
            event(f"{label}: {refusal.code}")
            if expected.certain:
                assert expected.refusals, f"refused although the rules allow it: {refusal!r}"
                assert isinstance(refusal, tuple(expected.refusals)), (
                    f"refused with {refusal!r}, expected one of "
                    f"{sorted(r.__name__ for r in expected.refusals)}"
                )
            assert self._state() == before, f"the refusal {refusal!r} changed the desk"
            return None
        event(f"{label}: accepted")
        if expected.certain:
            assert not expected.refusals, (
                "accepted although the rules refuse it with "
                f"{sorted(r.__name__ for r in expected.refusals)}"
            )
        return result

    def _assert_room_kept(self, held: Held) -> None:
        """Every slot the booking occupies holds at most its capacity."""
        slots = {s.start: s for s in self._availability()[held.day]}
        for _, slot in slots_of(held.day, held.start, held.end):
            assert slots[slot].taken <= slots[slot].capacity, (
                f"{held.day} {slot}: {slots[slot].taken} children for {slots[slot].capacity} places"
            )

    # -- rules -----------------------------------------------------------------------------
    @rule(child=CHILDREN, where=NEW_TIMES, source=SOURCES)
    def book(self, child: int, where: At | Like, source: str) -> None:
        day, start, end = self._times(where)
        assert day and start and end  # NEW_TIMES and LIKE always give all three
        booking = self._attempt(
            "book",
            lambda: self.desk.bookings.book(
                self.facility_id, self.child_ids[child], day, start, end, source=source
            ),
            self._rule_refusals(child, day, start, end),
        )
        if booking is None:
            return
        assert booking.status == ("pending" if source == "online" else "confirmed")
        assert (booking.day, booking.start, booking.end) == (day, start, end)
        held = Held(child, day, start, end, booking.status, booking.number)
        self.bookings[booking.id] = held
        self._assert_room_kept(held)

    @precondition(lambda self: self.bookings)
    @rule(child=CHILDREN, where=LIKE, source=SOURCES)
    def book_alongside(self, child: int, where: Like, source: str) -> None:
        """Book the day and times of an earlier booking: where places run out."""
        self.book(child, where, source)

    @precondition(lambda self: self.bookings)
    @rule(pick=PICKS, to=CHANGES)
    def change(self, pick: int, to: At | Like) -> None:
        booking_id = self._pick(pick)
        held = self.bookings[booking_id]
        day, start, end = self._times(to)
        new = (day or held.day, start or held.start, end or held.end)
        moves = new != (held.day, held.start, held.end)
        if not moves:
            expected = Expected()  # nothing moves: nothing to refuse
        elif held.status not in ACTIVE:
            expected = Expected.refused_with(errors.InvalidState)
        elif held.begins <= self.clock.now:
            # Moving a booking that has already started: the spec does not say (only that
            # the new times pass the rules), so either outcome is accepted here.
            expected = Expected(certain=False)
        else:
            expected = self._rule_refusals(held.child, *new, excluding=booking_id)
        changed = self._attempt(
            "change",
            lambda: self.desk.bookings.change(booking_id, day=day, start=start, end=end),
            expected,
        )
        if changed is None:
            return
        assert (changed.day, changed.start, changed.end) == new
        assert changed.status == held.status
        assert changed.number == held.number, "a change keeps the booking number"
        held.day, held.start, held.end = new
        if moves:
            self._assert_room_kept(held)

    @precondition(lambda self: self._pending())
    @rule(pick=PICKS, approve=st.sampled_from([True, True, False]))
    def decide(self, pick: int, approve: bool) -> None:
        """Approve (rules re-checked) or reject a pending online booking."""
        booking_id = self._pick(pick, self._pending())
        held = self.bookings[booking_id]
        item = self._queue_item(booking_id)
        if not approve:
            self._attempt("reject", partial(self.desk.approvals.reject, item, "定員"), Expected())
            held.status = "rejected"
            return
        expected = self._rule_refusals(
            held.child, held.day, held.start, held.end, excluding=booking_id
        )
        result = self._attempt("approve", lambda: self.desk.approvals.approve(item), expected)
        if result is None:
            return
        assert result.booking.id == booking_id and result.booking.status == "confirmed"
        held.status = "confirmed"
        self._assert_room_kept(held)

    @precondition(lambda self: self.bookings)
    @rule(picks=st.lists(PICKS, min_size=1, max_size=4), bulk=st.booleans(), reason=REASONS)
    def cancel(self, picks: list[int], bulk: bool, reason: str) -> None:
        """Cancel one booking, or several in one go (all or none)."""
        ids = list(dict.fromkeys(self._pick(p) for p in picks)) if bulk else [self._pick(picks[0])]
        cancellable = all(self._cancellable(i) for i in ids)
        expected = Expected() if cancellable else Expected.refused_with(errors.NotCancellable)
        if bulk:
            outcomes = self._attempt(
                "cancel_many", lambda: self.desk.cancellations.cancel_many(ids, reason), expected
            )
        else:
            outcomes = self._attempt(
                "cancel", lambda: [self.desk.cancellations.cancel(ids[0], reason)], expected
            )
        if outcomes is None:
            return
        assert [o.booking_id for o in outcomes] == ids
        for booking_id in ids:
            self.bookings[booking_id].status = "cancelled"

    @rule(setting=SETTINGS)
    def set_capacity(self, setting: Setting) -> None:
        """Lower or raise a capacity for a date or a weekday, perhaps for part of the day."""
        bookings_before = self._desk_bookings()
        beyond = self.desk.facilities.set_capacity(
            self.facility_id, setting.capacity, on=setting.on, weekday=setting.weekday,
            start=setting.start, end=setting.end,
        )
        assert self._desk_bookings() == bookings_before, "a capacity change cancels nothing"
        self.capacities.settings.append(setting)
        over = self._over_capacity()
        event(f"set_capacity: {'bookings beyond capacity' if beyond else 'within capacity'}")
        self.lowered |= set(over)
        self._assert_beyond_lists_the_overflow(beyond, over, setting)

    @precondition(lambda self: self._active())
    @rule(over=OVER_A_BOOKING)
    def set_capacity_over_a_booking(self, over: Over) -> None:
        """Lower (mostly) the capacity over an active booking's times."""
        candidates = (over.pending and self._pending()) or self._active()
        held = self.bookings[self._pick(over.pick, candidates)]
        on, weekday = (None, held.day.weekday()) if over.weekly else (held.day, None)
        self.set_capacity(Setting(over.capacity, on, weekday, held.start, held.end))

    @precondition(lambda self: self.clock.now < LAST_ADVANCE_FROM)
    @rule(step=CLOCK_STEPS)
    def advance_clock(self, step: timedelta) -> None:
        self.clock.now += step

    # -- capacity warnings -----------------------------------------------------------------
    def _over_capacity(self) -> dict[Slot, int]:
        """Slots holding more children than their capacity, by how many."""
        return {
            (day, s.start): s.taken - s.capacity
            for day, slots in self._availability().items()
            for s in slots
            if s.taken > s.capacity
        }

    def _assert_beyond_lists_the_overflow(
        self, beyond: list[Any], over: dict[Slot, int], setting: Setting
    ) -> None:
        """set_capacity warns with the bookings beyond capacity on the days it affects:
        each one listed occupies an overfull slot, and each overfull slot of those days has
        at least as many listed bookings as it has children too many."""
        listed = {b.id: self.bookings[b.id] for b in beyond}
        assert len(listed) == len(beyond), "a booking is listed twice"
        for booking_id, held in listed.items():
            assert held.status in ACTIVE, f"listed booking {booking_id} is {held.status}"
            assert any(held.occupies(slot) for slot in over), f"{booking_id} is within capacity"
        today = self.clock.now.date()
        days = {setting.on} if setting.on else {
            d for d in WEEKDAYS if d.weekday() == setting.weekday and d >= today
        }
        for slot, excess in over.items():
            if slot[0] in days:
                present = sum(held.occupies(slot) for held in listed.values())
                assert present >= excess, (
                    f"{slot}: {excess} children too many but only {present} bookings listed"
                )

    # -- invariants ------------------------------------------------------------------------
    @invariant()
    def desk_holds_exactly_the_bookings_made(self) -> None:
        expected = {
            i: (h.status, h.day, h.start, h.end, h.number) for i, h in self.bookings.items()
        }
        assert self._desk_bookings() == expected, "the desk's bookings differ from those made"

    @invariant()
    def availability_matches_an_independent_recount(self) -> None:
        occupying = self.desk.bookings.search(
            self.facility_id, statuses=list(OCCUPYING), kinds=["flexible", "regular"]
        )
        recount: Counter[Slot] = Counter()
        for b in occupying:
            recount.update(slots_of(b.day, b.start, b.end))
        availability = self._availability()
        assert sorted(availability) == WEEKDAYS, "weekdays open, the weekend absent"
        for day, slots in availability.items():
            assert [s.start for s in slots] == SLOTS, f"{day}: slots 09:00–12:00"
            for s in slots:
                where = f"{day} {s.start:%H:%M}"
                capacity = self.capacities.capacity(day, s.start)
                assert (s.capacity, s.taken) == (capacity, recount[(day, s.start)]), where
                assert s.remaining == max(capacity - s.taken, 0), where
                if s.taken <= s.capacity:
                    self.lowered.discard((day, s.start))
                else:
                    assert (day, s.start) in self.lowered, (
                        f"{where}: {s.taken} children for {s.capacity} places although no "
                        "capacity change left it so"
                    )

    @invariant()
    def queue_lists_exactly_the_pending_bookings(self) -> None:
        queued = [i.booking_id for i in self.desk.approvals.pending(self.facility_id)]
        assert sorted(queued) == sorted(self._pending()), (
            "the approval queue does not list exactly the pending bookings"
        )


# -- the tests ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    return make_template(tmp_path_factory.mktemp("properties"))


def run(template: Template, *, max_examples: int, steps: int) -> None:
    run_state_machine_as_test(
        lambda: NeverOverbook(template),
        settings=settings(max_examples=max_examples, stateful_step_count=steps, deadline=None),
    )


@pytest.mark.slow
def test_random_operation_sequences_never_overbook_a_slot(template: Template) -> None:
    run(template, max_examples=60, steps=25)


def test_short_random_operation_sequences_never_overbook_a_slot(template: Template) -> None:
    run(template, max_examples=10, steps=10)
