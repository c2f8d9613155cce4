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


def _tr(text: str) -> str:
    return QCoreApplication.translate("AuditPane", text)


def action_labels() -> dict[str, str]:
    """A readable label per action code (English source strings)."""
    t = _tr
    return {
        "booking.add": t("Booking made"),
        "booking.override": t("Booking beyond the rules"),
        "booking.change": t("Booking changed"),
        "booking.cancel": t("Cancellation"),
        "booking.confirm": t("Booking confirmed"),
        "booking.reject": t("Booking rejected"),
        "charge.waive": t("Fee waived"),
        "attendance.check_in": t("Check-in"),
        "attendance.check_out": t("Check-out"),
        "attendance.no_show": t("No-show"),
        "attendance.payment": t("Payment"),
        "child.add": t("Child added"),
        "child.update": t("Child's record changed"),
        "registration.apply": t("Registration applied for"),
        "registration.approve": t("Registration approved"),
        "registration.reject": t("Registration rejected"),
        "interview.add_slot": t("Interview slot added"),
        "plan.request": t("Regular use requested"),
        "plan.approve": t("Regular use approved"),
        "plan.reject": t("Regular use rejected"),
        "queue.approved": t("Request approved"),
        "queue.rejected": t("Request rejected"),
        "queue.withdrawn": t("Request withdrawn"),
        "facility.add": t("Facility added"),
        "facility.rename": t("Facility renamed"),
        "facility.update_rules": t("Rules changed"),
        "facility.set_capacity": t("Capacity set"),
        "facility.remove_capacity": t("Capacity setting removed"),
        "facility.close_day": t("Day closed"),
        "facility.open_day": t("Day opened"),
        "staff.add": t("Staff account added"),
        "staff.update": t("Staff account changed"),
        "staff.password": t("Password changed"),
        "staff.login": t("Logged in"),
        "staff.login_failed": t("Login failed"),
        "sync.export_decisions": t("Decisions exported"),
        "backup.restore": t("Backup restored"),
    }


def action_groups() -> list[tuple[str, tuple[str, ...]]]:
    """The action filter's choices: a label and the action filters it combines (none: all)."""
    t = _tr
    return [
        (t("All actions"), ()),
        (t("Bookings"), ("booking.",)),
        (t("Cancellations and fees"), ("booking.cancel", "charge.", "attendance.payment")),
        (t("Attendance"), ("attendance.",)),
        (t("Children"), ("child.",)),
        (t("Registrations and interviews"), ("registration.", "interview.")),
        (t("Regular use"), ("plan.",)),
        (t("Approvals"), ("queue.",)),
        (t("Facility settings"), ("facility.",)),
        (t("Staff accounts and logins"), ("staff.",)),
        (t("Files and backups"), ("sync.", "backup.")),
    ]


def entity_labels() -> dict[str, str]:
    """What kind of record an entry is about."""
    t = _tr
    return {
        "booking": t("Booking"),
        "child": t("Child"),
        "registration": t("Registration"),
        "queue_item": t("Request"),
        "regular_plan": t("Regular use"),
        "interview_slot": t("Interview slot"),
        "facility": t("Facility"),
        "closure": t("Closure"),
        "capacity_setting": t("Capacity"),
        "charge": t("Charge"),
        "payment": t("Payment"),
        "staff": t("Staff account"),
        "decision_export": t("Decision file"),
        "database": t("Database"),
    }


def field_labels() -> dict[str, str]:
    """The fields the detail names (others show by their code)."""
    t = _tr
    return {
        "status": t("Status"), "number": t("Number"), "kind": t("Kind"), "day": t("Date"),
        "start": t("Start"), "end": t("End"), "source": t("Source"), "fee_yen": t("Fee"),
        "hourly_fee_yen": t("Hourly fee"), "comment": t("Comment"), "pickup_kind": t("Pick-up"),
        "pickup_name": t("Pick-up person"), "pickup_relation": t("Pick-up relation"),
        "pickup_phone": t("Pick-up phone"), "override": t("Beyond the rules"), "reason": t("Reason"),
        "detail": t("Detail"), "late": t("After the deadline"), "quota_minutes": t("Counted against quota"),
        "minutes": t("Length"), "waived": t("Waived"), "waive_reason": t("Reason for waiving"),
        "checked_in_at": t("Checked in"), "checked_out_at": t("Checked out"), "note": t("Note"),
        "amount_yen": t("Amount"), "paid_at": t("Paid"), "name": t("Name"), "kana": t("Kana"),
        "birth_date": t("Birth date"), "sex": t("Sex"), "allergies": t("Allergies"), "notes": t("Notes"),
        "guardian": t("Guardian"), "phone": t("Phone"), "postal_code": t("Postal code"),
        "address": t("Address"), "contacts": t("Emergency contacts"), "relation": t("Relation"),
        "interviewed_on": t("Interviewed on"), "valid_until": t("Valid until"),
        "applied_at": t("Applied"), "decided_at": t("Decided"), "reject_reason": t("Reason for rejecting"),
        "decision_note": t("Note on the decision"), "first_day": t("First day"), "last_day": t("Last day"),
        "weekdays": t("Weekdays"), "login": t("Login"), "role": t("Role"), "active": t("Active"),
        "failed_logins": t("Failed logins"), "locked_until": t("Locked until"),
        "password_changed_at": t("Password changed"), "code": t("Facility code"), "capacity": t("Capacity"),
        "weekday": t("Weekday"), "on_date": t("Date"), "from_time": t("From"), "opened": t("Opened"),
        "rows": t("Rows"), "path": t("File"), "program": t("Program"),
        "slot_minutes": t("Booking unit"), "min_booking_minutes": t("Shortest booking"),
        "default_capacity": t("Capacity per slot"), "open_time": t("Opening time"),
        "close_time": t("Closing time"), "closed_weekdays": t("Closed weekdays"),
        "closed_on_public_holidays": t("Closed on public holidays"), "closed_year_end": t("Closed at year end"),
        "min_age_months": t("Youngest age (months)"), "max_age_months": t("Oldest age (months)"),
        "booking_horizon_days": t("Bookable days ahead"), "max_held_days": t("Days a child may hold"),
        "window_and_hold_apply_to_phone": t("Days ahead and held days apply to phone bookings"),
        "monthly_quota_minutes": t("Monthly quota"),
        "cancel_deadline_days_before": t("Cancellation deadline (days before)"),
        "cancel_deadline_time": t("Cancellation deadline (time)"),
        "late_cancel_fee_percent": t("Late cancellation fee (%)"),
        "late_cancel_counts_against_quota": t("Late cancellations count against the quota"),
        "fee_free_reasons": t("Fee-free reasons"), "phone_bookings_confirmed": t("Phone bookings confirmed"),
        "online_bookings_confirmed": t("Online bookings confirmed"), "caregiver_ratios": t("Caregiver ratios"),
    }


def _other_status(status: str) -> str:
    """The status of a registration, request or plan (a booking's reads differently)."""
    t = _tr
    labels = {"pending": t("Pending"), "applied": t("Applied"), "requested": t("Requested"),
              "approved": t("Approved"), "rejected": t("Rejected"), "withdrawn": t("Withdrawn")}
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
        return _tr("Yes") if value else _tr("No")
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
        return {"female": _tr("Female"), "male": _tr("Male"), "unspecified": _tr("Unspecified")}.get(value, value)
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
        return _tr("Not logged in")
    return _tr("Built-in administrator")


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
        lines.append(_tr("No field changed."))
    return "\n".join(lines)


def audit_model(lang: str, facility: Callable[[str], str], parent: Any = None) -> RecordTableModel[AuditEntry]:
    """The log's rows: time, staff, action, what. ``facility`` gives a facility id's code
    (empty while the desk has one facility)."""
    actions, entities = action_labels(), entity_labels()

    def when(entry: AuditEntry) -> str:
        return f"{messages.format_date(entry.at.date(), lang)} {messages.format_time(entry.at.time())}"

    return RecordTableModel([
        Column(_tr("Time"), when, tooltip=lambda e: f"{_moment_text(e.at, lang)}:{e.at:%S}"),
        Column(_tr("Staff"), who_text),
        Column(_tr("Action"), lambda e: actions.get(e.action, e.action), tooltip=lambda e: e.action),
        Column(_tr("What"), lambda e: what_text(e, lang, entities, facility)),
    ], parent)
