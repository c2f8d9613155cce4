"""The cancellation policy: deadline, lateness, fee and quota minutes (SPEC "Changing and cancelling")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from hoiku_desk.services import errors
from hoiku_desk.services.rules import CANCEL_REASONS, FacilityRules


def deadline(rules: FacilityRules, day: date) -> datetime:
    """Free cancellation until (day − ``cancel_deadline_days_before``) at ``cancel_deadline_time``."""
    return datetime.combine(
        day - timedelta(days=rules.cancel_deadline_days_before), rules.cancel_deadline_time
    )


@dataclass(frozen=True)
class Charge:
    late: bool
    fee_yen: int
    quota_minutes: int
    deadline: datetime


def check_reason(reason: str) -> None:
    if reason not in CANCEL_REASONS:
        raise errors.InvalidInput(field="reason", value=reason, reason="cancel_reason")


def charge(
    rules: FacilityRules,
    *,
    day: date,
    at: datetime,
    reason: str,
    minutes: int,
    fee_yen: int,
    chargeable: bool = True,
) -> Charge:
    """What cancelling ``minutes`` worth ``fee_yen`` at ``at`` costs.

    At or before the deadline it is free.  After it, unless the reason is fee-free, the fee
    is ``late_cancel_fee_percent`` of ``fee_yen`` (rounded down) and, if configured, the
    minutes count against the month's quota.  Interviews are never ``chargeable``.
    """
    limit = deadline(rules, day)
    late = at > limit
    charged = late and chargeable and reason not in rules.fee_free_reasons
    if not charged:
        return Charge(late, 0, 0, limit)
    fee = fee_yen * rules.late_cancel_fee_percent // 100
    quota = minutes if rules.late_cancel_counts_against_quota else 0
    return Charge(late, fee, quota, limit)


def no_show(rules: FacilityRules, *, day: date, minutes: int, fee_yen: int, chargeable: bool = True) -> Charge:
    """A no-show is a late cancellation, whatever the deadline."""
    if not chargeable:
        return Charge(True, 0, 0, deadline(rules, day))
    quota = minutes if rules.late_cancel_counts_against_quota else 0
    return Charge(True, fee_yen * rules.late_cancel_fee_percent // 100, quota, deadline(rules, day))


def fee_for(hourly_fee_yen: int, minutes: int) -> int:
    """``hourly_fee_yen`` × minutes / 60, rounded down to whole yen."""
    return hourly_fee_yen * minutes // 60
