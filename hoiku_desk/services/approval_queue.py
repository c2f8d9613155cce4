"""The waiting list of ``desk.approvals.pending``: one query lists the items with what their
summary needs, and the rules judge all of them from facts loaded in bulk
(:class:`rule_facts.RuleFacts`), so the cost grows with the queue, not with the database.

A desk keeps the judged queue between calls (:class:`JudgedQueue`): asked again, it judges
anew only the items whose facts a write (its own or another desk's) changed since
(:mod:`changes`), and when the clock has moved on a minute, today's items (rules 3 and 8
read the time, to the minute); on another day, every item.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import Select, select

from hoiku_desk import messages, models
from hoiku_desk.services import booking_rules, changes
from hoiku_desk.services.batches import batched
from hoiku_desk.services.records import PendingItem, Pickup
from hoiku_desk.services.regular import plan_days
from hoiku_desk.services.rule_facts import RuleFacts
from hoiku_desk.services.uow import UnitOfWork

Q, B, P = models.QueueItem, models.Booking, models.RegularPlan


@dataclass(frozen=True)
class _Plan:
    weekdays: str
    first_day: date
    last_day: date
    start: time
    end: time
    source: str


@dataclass(frozen=True)
class _Held:
    """The booking an item holds."""

    id: str
    facility_id: str
    child_id: str
    day: date
    start: time
    end: time
    kind: str
    source: str
    override: bool
    interview_slot_id: str | None


@dataclass(frozen=True)
class _Listed:
    id: str
    kind: str
    facility_id: str | None
    child_id: str | None
    registration_id: str | None
    plan_id: str | None
    request_id: str | None
    request: dict[str, Any]
    source: str
    received_at: datetime
    child_name: str | None
    booking: _Held | None
    plan: _Plan | None

    def value(self, key: str) -> Any:
        return request_field(self.request, key)


def request_field(request: dict[str, Any], key: str) -> Any:
    """A typed field of a queued request (dates, times and pick-up parsed)."""
    value = request.get(key)
    if value in (None, ""):
        return None
    if key in ("day", "first_day", "last_day"):
        return date.fromisoformat(value)
    if key in ("start", "end"):
        return time.fromisoformat(value)
    if key == "pickup":
        return Pickup(**value)
    return value


@dataclass(frozen=True)
class _Judged:
    item: PendingItem
    #: The children and facility days whose facts the judgement read.
    children: frozenset[str]
    places: frozenset[tuple[str, date]]


class JudgedQueue:
    """The queue as a desk last judged it, and when: the change counter and the minute."""

    def __init__(self) -> None:
        self._seen: int | None = None
        self._minute: tuple[datetime, bool] | None = None
        self._judged: dict[str, _Judged] = {}
        #: The items of each facility (None: every facility), oldest first.
        self._lists: dict[str | None, list[PendingItem]] = {}

    def pending(self, uow: UnitOfWork, facility_id: str | None) -> list[PendingItem]:
        """Items waiting for a decision, oldest first, each with the problems it meets now."""
        if uow.nested:  # inside a caller's transaction, whose writes are not committed yet
            return judge(uow, facility_id, {})
        self._catch_up(uow, changes.current(uow.session), _minute(uow.now))
        found = self._lists.get(facility_id)
        if found is None:
            found = self._lists[facility_id] = judge(uow, facility_id, self._judged)
        return list(found)

    def _catch_up(self, uow: UnitOfWork, counted: int, minute: tuple[datetime, bool]) -> None:
        """Forget the judgements what was written since, or the clock, may have changed."""
        if counted == self._seen and minute == self._minute:
            return
        before = self._minute
        touched = changes.since(uow.session, self._seen, counted) if self._seen is not None else None
        if touched is None or before is None or before[0].date() != minute[0].date():
            touched = None
        elif before != minute:
            touched.update(_clock_moved(uow, before[0], minute[0]))
        if touched is None or touched.everything:
            self._judged.clear()
        else:
            self._judged = {
                id_: judged for id_, judged in self._judged.items()
                if id_ not in touched.items and judged.children.isdisjoint(touched.children)
                and judged.places.isdisjoint(touched.places)
            }
        self._lists.clear()
        self._seen, self._minute = counted, minute


def judge(uow: UnitOfWork, facility_id: str | None, judged: dict[str, _Judged]) -> list[PendingItem]:
    """The waiting items (of ``facility_id``, or every facility), oldest first: those in
    ``judged`` as they are there, the others judged now and added to it."""
    ids = list(uow.session.scalars(_ids(facility_id)))
    anew = [id_ for id_ in ids if id_ not in judged]
    listed = [_listed(row) for batch in batched(anew, CHUNK)
              for row in uow.session.execute(_query().where(Q.id.in_(batch)))]
    proposals = {item.id: _proposals(item, uow.today) for item in listed}
    facts = RuleFacts(uow)
    facts.prefetch([p for found in proposals.values() for _, p in found])
    for item in listed:
        found = proposals[item.id]
        judged[item.id] = _Judged(
            _pending_item(facts, item, found),
            frozenset({item.child_id or "", *(p.child_id for _, p in found)}),
            frozenset((p.facility_id, p.day) for _, p in found),
        )
    return [judged[id_].item for id_ in ids]


def _clock_moved(uow: UnitOfWork, before: datetime, now: datetime) -> changes.Touched:
    """What the clock moving from one minute to another of the same day may change: rule 3
    for today's bookings and requests, rule 8 for the children whose booking ended meanwhile."""
    first, last = sorted((before.time(), now.time()))
    ended = select(B.child_id).where(
        B.day == now.date(), B.end >= first, B.end <= last, B.status.in_(models.OCCUPYING))
    return changes.Touched(children=set(uow.session.scalars(ended)),
                           places={(f, now.date()) for f in uow.facilities()})


def _minute(now: datetime) -> tuple[datetime, bool]:
    """The moment as the rules tell it apart: they compare it with times in whole minutes,
    so every moment strictly inside one minute judges alike (its first instant may not)."""
    start = now.replace(second=0, microsecond=0)
    return start, now == start


#: Items listed per query by id.
CHUNK = 500


def _ids(facility_id: str | None) -> Select[Any]:
    query = select(Q.id).where(Q.status == "pending").order_by(Q.received_at, Q.id)
    return query if facility_id is None else query.where(Q.facility_id == facility_id)


def _query() -> Select[Any]:
    return (
        select(Q.id, Q.kind, Q.facility_id, Q.child_id, Q.registration_id, Q.plan_id,
               Q.request_id, Q.request, Q.source, Q.received_at, models.Child.name,
               B.id, B.facility_id, B.child_id, B.day, B.start, B.end, B.kind, B.source,
               B.override, B.interview_slot_id,
               P.weekdays, P.first_day, P.last_day, P.start, P.end, P.source)
        .outerjoin(models.Child, models.Child.id == Q.child_id)
        .outerjoin(B, B.id == Q.booking_id)
        .outerjoin(P, P.id == Q.plan_id)
    )


def _listed(row: Sequence[Any]) -> _Listed:
    booking = _Held(*row[11:21]) if row[11] is not None else None
    plan = _Plan(*row[21:27]) if row[21] is not None else None
    return _Listed(*row[:11], booking=booking, plan=plan)


def _proposals(item: _Listed, today: date) -> list[tuple[date | None, booking_rules.Proposal]]:
    """What the rules judge for an item: the booking it holds, every remaining day of its
    plan (each labelled with its day), or the booking its request asks for."""
    if item.booking is not None:
        b = item.booking
        return [(None, booking_rules.Proposal(
            facility_id=b.facility_id, child_id=b.child_id, day=b.day, start=b.start,
            end=b.end, kind=b.kind, source=b.source, override=b.override, exclude=(b.id,),
            interview_slot_id=b.interview_slot_id,
        ))]
    if item.kind == "regular" and item.plan is not None and item.child_id and item.facility_id:
        plan = item.plan
        return [(day, booking_rules.Proposal(
            facility_id=item.facility_id, child_id=item.child_id, day=day, start=plan.start,
            end=plan.end, kind="regular", source=plan.source,
        )) for day in plan_days(plan, today)]
    if item.kind == "booking" and item.child_id and item.value("day"):
        return [(None, booking_rules.Proposal(
            facility_id=item.facility_id or "", child_id=item.child_id, day=item.value("day"),
            start=item.value("start"), end=item.value("end"), source=item.source,
        ))]
    return []


def _pending_item(
    facts: RuleFacts, item: _Listed, proposals: list[tuple[date | None, booking_rules.Proposal]]
) -> PendingItem:
    judged_anew = item.booking is None and item.kind == "booking" and proposals
    stored = [] if judged_anew else list(item.request.get("problems", []))
    texts, codes = list(stored), list(stored)
    for day, proposal in proposals:
        for refusal in booking_rules.problems(facts, proposal):
            text = refusal.message()
            texts.append(f"{messages.format_date(day)}: {text}" if day else text)
            codes.append(refusal.code)
    return PendingItem(
        id=item.id, kind=item.kind, summary=_summary(item), problems=texts,
        booking_id=item.booking.id if item.booking else None, facility_id=item.facility_id,
        child_id=item.child_id, registration_id=item.registration_id, plan_id=item.plan_id,
        request_id=item.request_id, source=item.source, received_at=item.received_at,
        problem_codes=tuple(codes),
    )


def _summary(item: _Listed) -> str:
    name = item.child_name or item.request.get("child_name", "")
    if item.booking is not None:
        b = item.booking
        return " ".join(filter(None, (name, _when(b.day, b.start, b.end),
                                      "(面談用)" if b.kind == "interview" else "")))
    if item.plan is not None:
        plan = item.plan
        weekdays = "".join("月火水木金土日"[int(d)] for d in plan.weekdays.split(","))
        return (f"{name} 定期利用 {weekdays}曜 {messages.format_time(plan.start)}〜"
                f"{messages.format_time(plan.end)} "
                f"{messages.format_date(plan.first_day)}〜{messages.format_date(plan.last_day)}")
    if item.kind == "registration":
        return f"{name} 利用登録の申請"
    day = item.value("day")
    if day is None:
        return f"{name} {item.request.get('label', '')}".strip()
    return " ".join(filter(None, (
        name, _when(day, item.value("start"), item.value("end")),
        "(面談用)" if item.kind == "interview" else "",
        "キャンセル" if item.kind == "cancel" else "",
    )))


def _when(day: date, start: time | None, end: time | None) -> str:
    times = f" {messages.format_time(start)}〜{messages.format_time(end)}" if start and end else ""
    return f"{messages.format_date(day)}{times}"
