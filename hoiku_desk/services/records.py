"""The frozen dataclasses services return: plain values, never ORM objects or sessions."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time

from hoiku_desk.services import errors
from hoiku_desk.services.clock import minutes_between
from hoiku_desk.services.rules import FacilityRules


@dataclass(frozen=True)
class Pickup:
    """Who collects the child (お迎え): the guardian, or someone else with name, relation and phone."""

    kind: str = "guardian"
    name: str = ""
    relation: str = ""
    phone: str = ""

    def __post_init__(self) -> None:
        if self.kind not in ("guardian", "other"):
            raise errors.InvalidInput(field="pickup", value=self.kind, reason="choice")
        if self.kind == "other" and not (self.name.strip() and self.phone.strip()):
            raise errors.InvalidInput(field="pickup", value=self.name, reason="pickup_incomplete")


@dataclass(frozen=True)
class Staff:
    """A staff account (never its password)."""

    id: str
    login: str
    name: str
    role: str  # "staff" | "admin"
    active: bool = True

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


@dataclass(frozen=True)
class Facility:
    id: str
    code: str
    name: str
    rules: FacilityRules


@dataclass(frozen=True)
class CapacitySetting:
    """A stored capacity: for a date, a weekday (Monday = 0) or every day, optionally for
    the slots from ``start`` to ``end``."""

    id: str
    capacity: int
    weekday: int | None
    on: date | None
    start: time | None
    end: time | None


@dataclass(frozen=True)
class Contact:
    """An emergency contact (緊急連絡先)."""

    name: str
    relation: str = ""
    phone: str = ""


@dataclass(frozen=True)
class Child:
    id: str
    name: str
    kana: str
    birth_date: date
    sex: str
    guardian_name: str
    guardian_kana: str
    phone: str
    postal_code: str
    address: str
    allergies: str
    notes: str
    contacts: tuple[Contact, ...] = ()
    guardian_id: str = ""


@dataclass(frozen=True)
class Registration:
    """``status`` is applied, approved, rejected, or expired (approved, past ``valid_until``)."""

    id: str
    child_id: str
    facility_id: str
    status: str
    interviewed_on: date | None
    valid_until: date | None
    applied_at: datetime
    reject_reason: str = ""


@dataclass(frozen=True)
class InterviewSlot:
    id: str
    facility_id: str
    day: date
    start: time
    end: time
    capacity: int
    taken: int

    @property
    def remaining(self) -> int:
        return max(self.capacity - self.taken, 0)


@dataclass(frozen=True)
class Booking:
    id: str
    number: str
    facility_id: str
    child_id: str
    kind: str
    day: date
    start: time
    end: time
    status: str
    source: str
    pickup: Pickup
    comment: str
    fee_yen: int
    plan_id: str | None
    child_name: str = ""
    child_kana: str = ""
    override: bool = False
    created_at: datetime | None = None

    @property
    def minutes(self) -> int:
        return minutes_between(self.start, self.end)

    @property
    def label(self) -> str:
        """How the booking is listed: interviews carry "(面談用)"."""
        times = f"{self.day:%Y-%m-%d} {self.start:%H:%M}–{self.end:%H:%M}"
        return f"{times} (面談用)" if self.kind == "interview" else times


@dataclass(frozen=True)
class SlotAvailability:
    start: time
    capacity: int
    taken: int
    remaining: int


@dataclass(frozen=True)
class SkippedDay:
    """A day a regular plan could not book, with the refusal's code and sentence."""

    day: date
    code: str
    message: str


@dataclass(frozen=True)
class RegularPlan:
    id: str
    facility_id: str
    child_id: str
    weekdays: tuple[int, ...]
    start: time
    end: time
    first_day: date
    last_day: date
    status: str
    source: str
    pickup: Pickup
    comment: str
    skipped: tuple[SkippedDay, ...] = ()


@dataclass(frozen=True)
class PendingItem:
    id: str
    kind: str
    summary: str
    problems: list[str]
    booking_id: str | None
    facility_id: str | None = None
    child_id: str | None = None
    registration_id: str | None = None
    plan_id: str | None = None
    request_id: str | None = None
    source: str = "phone"
    received_at: datetime | None = None
    problem_codes: tuple[str, ...] = ()


@dataclass(frozen=True)
class ApprovalResult:
    item_id: str
    kind: str
    booking: Booking | None = None
    bookings: tuple[Booking, ...] = ()
    skipped: tuple[SkippedDay, ...] = ()
    registration: Registration | None = None
    plan: RegularPlan | None = None


@dataclass(frozen=True)
class CancellationOutcome:
    booking_id: str
    late: bool
    fee_yen: int
    quota_minutes: int
    reason: str = ""
    deadline: datetime | None = None
    number: str = ""


@dataclass(frozen=True)
class ChangeOutcome:
    """The late part of a change: old minutes the new times drop, after the deadline."""

    booking_id: str
    late: bool
    minutes: int
    fee_yen: int
    quota_minutes: int
    deadline: datetime
    new_fee_yen: int


@dataclass(frozen=True)
class AttendanceRow:
    booking_id: str
    child_name: str
    kana: str
    age: str
    start: time
    end: time
    pickup: Pickup
    allergies: str
    status: str
    number: str = ""
    kind: str = "flexible"
    child_id: str = ""
    notes: str = ""
    phone: str = ""
    guardian_name: str = ""
    contacts: tuple[Contact, ...] = ()
    checked_in_at: datetime | None = None
    checked_out_at: datetime | None = None
    attendance_note: str = ""
    fee_yen: int = 0
    fee_due_yen: int = 0
    paid_yen: int = 0
    comment: str = ""
    birth_date: date | None = None


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    staff_login: str | None
    action: str
    entity: str
    entity_id: str
    before: dict | None = field(default=None)
    after: dict | None = field(default=None)


@dataclass(frozen=True)
class SlotCaregivers:
    """The children present in one slot of a day and the caregivers they need.

    ``by_age`` is ((age in completed years, children), ...) in increasing age."""

    start: time
    end: time
    children: int
    by_age: tuple[tuple[int, int], ...]
    caregivers: int


@dataclass(frozen=True)
class DailyTotals:
    """The day at a glance: bookings listed, children in the building, children gone home,
    no-shows, and fees due and paid (yen)."""

    expected: int
    present: int
    gone_home: int
    no_shows: int
    due_yen: int
    paid_yen: int


@dataclass(frozen=True)
class DailySheet:
    """Everything the printed daily list (出席簿) shows: built by the services, rendered by
    :mod:`hoiku_desk.printing`."""

    facility_name: str
    day: date
    printed_at: datetime
    rows: tuple[AttendanceRow, ...]
    caregivers: tuple[SlotCaregivers, ...]

    @property
    def totals(self) -> DailyTotals:
        rows = self.rows
        return DailyTotals(
            expected=len(rows),
            present=sum(r.checked_in_at is not None and r.checked_out_at is None for r in rows),
            gone_home=sum(r.checked_out_at is not None for r in rows),
            no_shows=sum(r.status == "no_show" for r in rows),
            due_yen=sum(r.fee_due_yen for r in rows),
            paid_yen=sum(r.paid_yen for r in rows),
        )


@dataclass(frozen=True)
class ImportReport:
    """What importing one request file did: rows accepted (queued or booked), rows already
    imported (by ``request_id``, in the database or earlier in the same file), cancellations
    applied at once, and rejected rows as (line where the row starts, header = 1, reason)."""

    accepted: int = 0
    duplicates: int = 0
    cancelled: int = 0
    rejected: list[tuple[int, str]] = field(default_factory=list)
