"""How the audit log reads in the window: a label per action code, a short text naming
what changed, and the changed fields of an entry as ``before → after``.

The entries' ``before`` and ``after`` are the services' JSON snapshots (dates, times and
moments as ISO text; the child's guardian nested); unknown codes and fields show as given.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date, datetime, time
from typing import Any

from PySide6.QtCore import QCoreApplication

from hoiku_desk import messages
from hoiku_desk.services import AuditEntry
from hoiku_desk.views.approval_pane import item_kind_label
from hoiku_desk.views.rules_form import weekday_names
from hoiku_desk.views.staff_dialog import role_label
from hoiku_desk.views.table_model import Column, RecordTableModel

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TIME = re.compile(r"\d{1,2}:\d{2}(:\d{2})?")
_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?")
#: Bookkeeping fields never worth a line of their own (ids, search keys, timestamps of a row).
_HIDDEN = re.compile(r"(^|\.)(id|\w+_id|kana_key|phone_digits|created_at|updated_at)$")
#: The fields that name a record in the list, by entity ("times" joins start and end,
#: "period" the first and last day).
_IDENTIFYING: dict[str, tuple[str, ...]] = {
    "booking": ("number", "day", "times"),
    "child": ("name",),
    "staff": ("login", "name"),
    "facility": ("code", "name"),
    "closure": ("day", "from_time", "reason"),
    "capacity_setting": ("on_date", "weekday", "times", "capacity"),
    "interview_slot": ("day", "times"),
    "regular_plan": ("weekdays", "period", "times"),
    "charge": ("day", "reason", "fee_yen"),
    "payment": ("amount_yen",),
    "queue_item": ("kind", "request.child_name", "request.date"),
    "decision_export": ("rows",),
}
_DASH = "—"


def action_labels() -> dict[str, str]:
    """A readable label per action code (English source strings)."""
    return {
        "booking.add": QCoreApplication.translate("AuditPane", "Booking made"),
        "booking.override": QCoreApplication.translate("AuditPane", "Booking beyond the rules"),
        "booking.change": QCoreApplication.translate("AuditPane", "Booking changed"),
        "booking.cancel": QCoreApplication.translate("AuditPane", "Cancellation"),
        "booking.confirm": QCoreApplication.translate("AuditPane", "Booking confirmed"),
        "booking.reject": QCoreApplication.translate("AuditPane", "Booking rejected"),
        "charge.waive": QCoreApplication.translate("AuditPane", "Fee waived"),
        "attendance.check_in": QCoreApplication.translate("AuditPane", "Check-in"),
        "attendance.check_out": QCoreApplication.translate("AuditPane", "Check-out"),
        "attendance.no_show": QCoreApplication.translate("AuditPane", "No-show"),
        "attendance.payment": QCoreApplication.translate("AuditPane", "Payment"),
        "child.add": QCoreApplication.translate("AuditPane", "Child added"),
        "child.update": QCoreApplication.translate("AuditPane", "Child's record changed"),
        "registration.apply": QCoreApplication.translate("AuditPane", "Registration applied for"),
        "registration.approve": QCoreApplication.translate("AuditPane", "Registration approved"),
        "registration.reject": QCoreApplication.translate("AuditPane", "Registration rejected"),
        "interview.add_slot": QCoreApplication.translate("AuditPane", "Interview slot added"),
        "plan.request": QCoreApplication.translate("AuditPane", "Regular use requested"),
        "plan.approve": QCoreApplication.translate("AuditPane", "Regular use approved"),
        "plan.reject": QCoreApplication.translate("AuditPane", "Regular use rejected"),
        "queue.approved": QCoreApplication.translate("AuditPane", "Request approved"),
        "queue.rejected": QCoreApplication.translate("AuditPane", "Request rejected"),
        "queue.withdrawn": QCoreApplication.translate("AuditPane", "Request withdrawn"),
        "facility.add": QCoreApplication.translate("AuditPane", "Facility added"),
        "facility.rename": QCoreApplication.translate("AuditPane", "Facility renamed"),
        "facility.update_rules": QCoreApplication.translate("AuditPane", "Rules changed"),
        "facility.set_capacity": QCoreApplication.translate("AuditPane", "Capacity set"),
        "facility.remove_capacity": QCoreApplication.translate("AuditPane", "Capacity setting removed"),
        "facility.close_day": QCoreApplication.translate("AuditPane", "Day closed"),
        "facility.open_day": QCoreApplication.translate("AuditPane", "Day opened"),
        "staff.add": QCoreApplication.translate("AuditPane", "Staff account added"),
        "staff.update": QCoreApplication.translate("AuditPane", "Staff account changed"),
        "staff.password": QCoreApplication.translate("AuditPane", "Password changed"),
        "staff.login": QCoreApplication.translate("AuditPane", "Logged in"),
        "staff.login_failed": QCoreApplication.translate("AuditPane", "Login failed"),
        "sync.export_decisions": QCoreApplication.translate("AuditPane", "Decisions exported"),
        "backup.restore": QCoreApplication.translate("AuditPane", "Backup restored"),
    }


def action_groups() -> list[tuple[str, tuple[str, ...]]]:
    """The action filter's choices: a label and the action filters it combines (none: all)."""
    return [
        (QCoreApplication.translate("AuditPane", "All actions"), ()),
        (QCoreApplication.translate("AuditPane", "Bookings"), ("booking.",)),
        (QCoreApplication.translate("AuditPane", "Cancellations and fees"), ("booking.cancel", "charge.", "attendance.payment")),
        (QCoreApplication.translate("AuditPane", "Attendance"), ("attendance.",)),
        (QCoreApplication.translate("AuditPane", "Children"), ("child.",)),
        (QCoreApplication.translate("AuditPane", "Registrations and interviews"), ("registration.", "interview.")),
        (QCoreApplication.translate("AuditPane", "Regular use"), ("plan.",)),
        (QCoreApplication.translate("AuditPane", "Approvals"), ("queue.",)),
        (QCoreApplication.translate("AuditPane", "Facility settings"), ("facility.",)),
        (QCoreApplication.translate("AuditPane", "Staff accounts and logins"), ("staff.",)),
        (QCoreApplication.translate("AuditPane", "Files and backups"), ("sync.", "backup.")),
    ]


def entity_labels() -> dict[str, str]:
    """What kind of record an entry is about."""
    return {
        "booking": QCoreApplication.translate("AuditPane", "Booking"),
        "child": QCoreApplication.translate("AuditPane", "Child"),
        "registration": QCoreApplication.translate("AuditPane", "Registration"),
        "queue_item": QCoreApplication.translate("AuditPane", "Request"),
        "regular_plan": QCoreApplication.translate("AuditPane", "Regular use"),
        "interview_slot": QCoreApplication.translate("AuditPane", "Interview slot"),
        "facility": QCoreApplication.translate("AuditPane", "Facility"),
        "closure": QCoreApplication.translate("AuditPane", "Closure"),
        "capacity_setting": QCoreApplication.translate("AuditPane", "Capacity"),
        "charge": QCoreApplication.translate("AuditPane", "Charge"),
        "payment": QCoreApplication.translate("AuditPane", "Payment"),
        "staff": QCoreApplication.translate("AuditPane", "Staff account"),
        "decision_export": QCoreApplication.translate("AuditPane", "Decision file"),
        "database": QCoreApplication.translate("AuditPane", "Database"),
    }


def field_labels() -> dict[str, str]:
    """The fields the detail names (others show by their code)."""
    return {
        "status": QCoreApplication.translate("AuditPane", "Status"), "number": QCoreApplication.translate("AuditPane", "Number"), "kind": QCoreApplication.translate("AuditPane", "Kind"), "day": QCoreApplication.translate("AuditPane", "Date"),
        "start": QCoreApplication.translate("AuditPane", "Start"), "end": QCoreApplication.translate("AuditPane", "End"), "source": QCoreApplication.translate("AuditPane", "Source"), "fee_yen": QCoreApplication.translate("AuditPane", "Fee"),
        "hourly_fee_yen": QCoreApplication.translate("AuditPane", "Hourly fee"), "comment": QCoreApplication.translate("AuditPane", "Comment"), "pickup_kind": QCoreApplication.translate("AuditPane", "Pick-up"),
        "pickup_name": QCoreApplication.translate("AuditPane", "Pick-up person"), "pickup_relation": QCoreApplication.translate("AuditPane", "Pick-up relation"),
        "pickup_phone": QCoreApplication.translate("AuditPane", "Pick-up phone"), "override": QCoreApplication.translate("AuditPane", "Beyond the rules"), "reason": QCoreApplication.translate("AuditPane", "Reason"),
        "detail": QCoreApplication.translate("AuditPane", "Detail"), "late": QCoreApplication.translate("AuditPane", "After the deadline"), "quota_minutes": QCoreApplication.translate("AuditPane", "Counted against quota"),
        "minutes": QCoreApplication.translate("AuditPane", "Length"), "waived": QCoreApplication.translate("AuditPane", "Waived"), "waive_reason": QCoreApplication.translate("AuditPane", "Reason for waiving"),
        "checked_in_at": QCoreApplication.translate("AuditPane", "Checked in"), "checked_out_at": QCoreApplication.translate("AuditPane", "Checked out"), "note": QCoreApplication.translate("AuditPane", "Note"),
        "amount_yen": QCoreApplication.translate("AuditPane", "Amount"), "paid_at": QCoreApplication.translate("AuditPane", "Paid"), "name": QCoreApplication.translate("AuditPane", "Name"), "kana": QCoreApplication.translate("AuditPane", "Kana"),
        "birth_date": QCoreApplication.translate("AuditPane", "Birth date"), "sex": QCoreApplication.translate("AuditPane", "Sex"), "allergies": QCoreApplication.translate("AuditPane", "Allergies"), "notes": QCoreApplication.translate("AuditPane", "Notes"),
        "guardian": QCoreApplication.translate("AuditPane", "Guardian"), "phone": QCoreApplication.translate("AuditPane", "Phone"), "postal_code": QCoreApplication.translate("AuditPane", "Postal code"),
        "address": QCoreApplication.translate("AuditPane", "Address"), "contacts": QCoreApplication.translate("AuditPane", "Emergency contacts"), "relation": QCoreApplication.translate("AuditPane", "Relation"),
        "interviewed_on": QCoreApplication.translate("AuditPane", "Interviewed on"), "valid_until": QCoreApplication.translate("AuditPane", "Valid until"),
        "applied_at": QCoreApplication.translate("AuditPane", "Applied"), "decided_at": QCoreApplication.translate("AuditPane", "Decided"), "reject_reason": QCoreApplication.translate("AuditPane", "Reason for rejecting"),
        "decision_note": QCoreApplication.translate("AuditPane", "Note on the decision"), "first_day": QCoreApplication.translate("AuditPane", "First day"), "last_day": QCoreApplication.translate("AuditPane", "Last day"),
        "weekdays": QCoreApplication.translate("AuditPane", "Weekdays"), "login": QCoreApplication.translate("AuditPane", "Login"), "role": QCoreApplication.translate("AuditPane", "Role"), "active": QCoreApplication.translate("AuditPane", "Active"),
        "failed_logins": QCoreApplication.translate("AuditPane", "Failed logins"), "locked_until": QCoreApplication.translate("AuditPane", "Locked until"),
        "password_changed_at": QCoreApplication.translate("AuditPane", "Password changed"), "code": QCoreApplication.translate("AuditPane", "Facility code"), "capacity": QCoreApplication.translate("AuditPane", "Capacity"),
        "weekday": QCoreApplication.translate("AuditPane", "Weekday"), "on_date": QCoreApplication.translate("AuditPane", "Date"), "from_time": QCoreApplication.translate("AuditPane", "From"), "opened": QCoreApplication.translate("AuditPane", "Opened"),
        "rows": QCoreApplication.translate("AuditPane", "Rows"), "path": QCoreApplication.translate("AuditPane", "File"), "program": QCoreApplication.translate("AuditPane", "Program"),
        "slot_minutes": QCoreApplication.translate("AuditPane", "Booking unit"), "min_booking_minutes": QCoreApplication.translate("AuditPane", "Shortest booking"),
        "default_capacity": QCoreApplication.translate("AuditPane", "Capacity per slot"), "open_time": QCoreApplication.translate("AuditPane", "Opening time"),
        "close_time": QCoreApplication.translate("AuditPane", "Closing time"), "closed_weekdays": QCoreApplication.translate("AuditPane", "Closed weekdays"),
        "closed_on_public_holidays": QCoreApplication.translate("AuditPane", "Closed on public holidays"), "closed_year_end": QCoreApplication.translate("AuditPane", "Closed at year end"),
        "min_age_months": QCoreApplication.translate("AuditPane", "Youngest age (months)"), "max_age_months": QCoreApplication.translate("AuditPane", "Oldest age (months)"),
        "booking_horizon_days": QCoreApplication.translate("AuditPane", "Bookable days ahead"), "max_held_days": QCoreApplication.translate("AuditPane", "Days a child may hold"),
        "window_and_hold_apply_to_phone": QCoreApplication.translate("AuditPane", "Days ahead and held days apply to phone bookings"),
        "monthly_quota_minutes": QCoreApplication.translate("AuditPane", "Monthly quota"),
        "cancel_deadline_days_before": QCoreApplication.translate("AuditPane", "Cancellation deadline (days before)"),
        "cancel_deadline_time": QCoreApplication.translate("AuditPane", "Cancellation deadline (time)"),
        "late_cancel_fee_percent": QCoreApplication.translate("AuditPane", "Late cancellation fee (%)"),
        "late_cancel_counts_against_quota": QCoreApplication.translate("AuditPane", "Late cancellations count against the quota"),
        "fee_free_reasons": QCoreApplication.translate("AuditPane", "Fee-free reasons"), "phone_bookings_confirmed": QCoreApplication.translate("AuditPane", "Phone bookings confirmed"),
        "online_bookings_confirmed": QCoreApplication.translate("AuditPane", "Online bookings confirmed"), "caregiver_ratios": QCoreApplication.translate("AuditPane", "Caregiver ratios"),
    }


def _other_status(status: str) -> str:
    """The status of a registration, request or plan (a booking's reads differently)."""
    labels = {"pending": QCoreApplication.translate("AuditPane", "Pending"), "applied": QCoreApplication.translate("AuditPane", "Applied"), "requested": QCoreApplication.translate("AuditPane", "Requested"),
              "approved": QCoreApplication.translate("AuditPane", "Approved"), "rejected": QCoreApplication.translate("AuditPane", "Rejected"), "withdrawn": QCoreApplication.translate("AuditPane", "Withdrawn")}
    return labels.get(status, status)


def flatten(snapshot: Mapping[str, Any] | None) -> dict[str, Any]:
    """A snapshot with nested records as ``guardian.name`` (one level is all there is)."""
    out: dict[str, Any] = {}
    for key, value in (snapshot or {}).items():
        if isinstance(value, dict):
            out.update({f"{key}.{inner}": item for inner, item in value.items()})
        else:
            out[key] = value
    return out


def _moment_text(at: datetime, lang: str) -> str:
    return f"{messages.format_date(at.date(), lang, with_year=True)} {messages.format_time(at.time())}"


def _weekdays(value: Any, lang: str) -> str:
    numbers = value.split(",") if isinstance(value, str) else value
    names = weekday_names(lang)
    return "".join(names[int(n)] for n in numbers if str(n).strip().isdigit() and 0 <= int(n) < 7)


def value_text(key: str, value: Any, entity: str, lang: str, *, with_year: bool = True) -> str:
    """One field's value as staff read it: labels for codes, dates and yen formatted
    (dates with their year unless ``with_year`` is False)."""
    field = key.rsplit(".", 1)[-1]
    if _empty(value):
        return _DASH
    if isinstance(value, bool):
        return QCoreApplication.translate("AuditPane", "Yes") if value else QCoreApplication.translate("AuditPane", "No")
    if field == "status":
        return messages.status_label(value, lang) if entity == "booking" else _other_status(str(value))
    if field in ("reason", "fee_free_reasons") and entity in ("booking", "charge", "facility"):
        reasons = value if isinstance(value, list) else [value]
        return ", ".join(messages.reason_label(str(r), lang) for r in reasons)
    if field == "caregiver_ratios" and isinstance(value, list):
        return ", ".join(f"{age}: {children}" for age, children in value)
    if field == "kind":
        return item_kind_label(str(value)) if entity == "queue_item" else messages.kind_label(str(value), lang)
    if field == "role":
        return role_label(str(value))
    if field == "sex":
        return {"female": QCoreApplication.translate("AuditPane", "Female"), "male": QCoreApplication.translate("AuditPane", "Male"), "unspecified": QCoreApplication.translate("AuditPane", "Unspecified")}.get(value, value)
    if field in ("weekday", "weekdays", "closed_weekdays"):
        return _weekdays([value] if isinstance(value, int) else value, lang)
    if isinstance(value, int) and field.endswith("_yen"):
        return messages.format_yen(value, lang)
    if isinstance(value, int) and field.endswith("minutes"):
        return messages.format_minutes(value, lang)
    if isinstance(value, list):
        return ", ".join(value_text(field, item, entity, lang, with_year=with_year) for item in value)
    if isinstance(value, str):
        return _iso_text(value, lang, with_year)
    return str(value)


def _iso_text(text: str, lang: str, with_year: bool = True) -> str:
    if _DATE.fullmatch(text):
        return messages.format_date(date.fromisoformat(text), lang, with_year=with_year)
    if _TIME.fullmatch(text):
        return messages.format_time(time.fromisoformat(text.zfill(5) if len(text) == 4 else text))
    if _MOMENT.fullmatch(text):
        return _moment_text(datetime.fromisoformat(text), lang)
    return text


def who_text(entry: AuditEntry) -> str:
    """The login that acted; the built-in administrator before any account existed;
    nobody for a failed login."""
    if entry.staff_login:
        return entry.staff_login
    if entry.action == "staff.login_failed":
        return QCoreApplication.translate("AuditPane", "Not logged in")
    return QCoreApplication.translate("AuditPane", "Built-in administrator")


def what_text(entry: AuditEntry, lang: str, entities: Mapping[str, str], facility: Callable[[str], str]) -> str:
    """The record's kind and what names it: ``Booking 0303-01 3月3日(火) 9:00–11:00``
    (the facility's code first where the desk has several)."""
    values = flatten(entry.after or entry.before)
    parts = [facility(str(values.get("facility_id") or (entry.entity_id if entry.entity == "facility" else "")))]
    parts.append(entities.get(entry.entity, entry.entity))
    for key in _IDENTIFYING.get(entry.entity, ()):
        if key == "times":
            parts.append(_times(values))
        elif key == "period":
            parts.append("–".join(value_text(day, values.get(day), entry.entity, lang, with_year=False)
                                  for day in ("first_day", "last_day")))
        elif values.get(key) not in (None, ""):
            parts.append(value_text(key, values[key], entry.entity, lang, with_year=False))
    if entry.entity == "database":
        parts.append(entry.entity_id)
    return " ".join(part for part in parts if part)


def _times(values: Mapping[str, Any]) -> str:
    start, end = values.get("start"), values.get("end")
    if not start and not end:
        return ""
    shown = [messages.format_time(time.fromisoformat(v)) if v else "" for v in (start, end)]
    return "–".join(shown)


def changes(entry: AuditEntry) -> list[tuple[str, Any, Any]]:
    """The fields that differ between before and after (all of a record added or removed),
    without ids and bookkeeping timestamps, in the snapshot's order."""
    before, after = flatten(entry.before), flatten(entry.after)
    keys = list(before) + [key for key in after if key not in before]
    missing = object()
    found = []
    for key in keys:
        old, new = (None if value is missing else value for value in (before.get(key, missing),
                                                                        after.get(key, missing)))
        if old == new or (_empty(old) and _empty(new)) or _HIDDEN.search(key):
            continue
        found.append((key, old, new))
    return found


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == []


def field_label(key: str, labels: Mapping[str, str]) -> str:
    """``guardian.phone`` → ``Guardian: Phone``; unknown fields as their code."""
    return ": ".join(labels.get(part, part) for part in key.split("."))


def detail_text(entry: AuditEntry, lang: str, entities: Mapping[str, str],
                facility: Callable[[str], str]) -> str:
    """The selected entry: when, who, what, then one line per changed field
    (``Status: 確定 → キャンセル``; a record added or removed lists its fields)."""
    actions, labels = action_labels(), field_labels()
    lines = [
        f"{_moment_text(entry.at, lang)}  {who_text(entry)}",
        f"{actions.get(entry.action, entry.action)}: {what_text(entry, lang, entities, facility)}",
        "",
    ]
    for key, old, new in changes(entry):
        label = field_label(key, labels)
        if entry.before is None:
            lines.append(f"{label}: {value_text(key, new, entry.entity, lang)}")
        elif entry.after is None:
            lines.append(f"{label}: {value_text(key, old, entry.entity, lang)} → {_DASH}")
        else:
            lines.append(f"{label}: {value_text(key, old, entry.entity, lang)} → "
                         f"{value_text(key, new, entry.entity, lang)}")
    if len(lines) == 3:
        lines.append(QCoreApplication.translate("AuditPane", "No field changed."))
    return "\n".join(lines)


def audit_model(lang: str, facility: Callable[[str], str], parent: Any = None) -> RecordTableModel[AuditEntry]:
    """The log's rows: time, staff, action, what. ``facility`` gives a facility id's code
    (empty while the desk has one facility)."""
    actions, entities = action_labels(), entity_labels()

    def when(entry: AuditEntry) -> str:
        return f"{messages.format_date(entry.at.date(), lang)} {messages.format_time(entry.at.time())}"

    return RecordTableModel([
        Column(QCoreApplication.translate("AuditPane", "Time"), when, tooltip=lambda e: f"{_moment_text(e.at, lang)}:{e.at:%S}"),
        Column(QCoreApplication.translate("AuditPane", "Staff"), who_text),
        Column(QCoreApplication.translate("AuditPane", "Action"), lambda e: actions.get(e.action, e.action), tooltip=lambda e: e.action),
        Column(QCoreApplication.translate("AuditPane", "What"), lambda e: what_text(e, lang, entities, facility)),
    ], parent)
