"""A facility's rules: capacity, hours, limits and the cancellation policy."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import time
from typing import Any

from hoiku_desk.services import errors

PROGRAMS = ("ichiji", "daredemo")
CANCEL_REASONS = ("illness", "family", "facility", "mistake", "other")
#: Children per caregiver by age in completed years (配置基準): an age not listed takes the
#: entry of the nearest younger age, so age 4 and up use the last one.
DEFAULT_CAREGIVER_RATIOS = ((0, 3), (1, 6), (2, 6), (3, 15), (4, 25))


@dataclass(frozen=True)
class FacilityRules:
    """Defaults come from the two seed manuals (see SPEC.md, "FacilityRules")."""

    program: str = "ichiji"
    slot_minutes: int = 30
    min_booking_minutes: int = 60
    default_capacity: int = 3
    open_time: time = time(8, 30)
    close_time: time = time(17, 0)
    closed_weekdays: tuple[int, ...] = (5, 6)
    closed_on_public_holidays: bool = True
    closed_year_end: bool = True
    min_age_months: int | None = None
    max_age_months: int | None = None
    booking_horizon_days: int = 10
    max_held_days: int = 2
    window_and_hold_apply_to_phone: bool = True
    monthly_quota_minutes: int | None = None
    cancel_deadline_days_before: int = 1
    cancel_deadline_time: time = time(17, 0)
    hourly_fee_yen: int = 300
    late_cancel_fee_percent: int = 100
    late_cancel_counts_against_quota: bool = True
    fee_free_reasons: tuple[str, ...] = ("facility",)
    phone_bookings_confirmed: bool = True
    online_bookings_confirmed: bool = False
    caregiver_ratios: tuple[tuple[int, int], ...] = DEFAULT_CAREGIVER_RATIOS
    extra: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "closed_weekdays", tuple(sorted(set(self.closed_weekdays))))
        object.__setattr__(self, "fee_free_reasons", tuple(self.fee_free_reasons))
        object.__setattr__(self, "caregiver_ratios", as_pairs(self.caregiver_ratios))
        self.validate()

    @classmethod
    def daredemo(cls, **overrides: Any) -> FacilityRules:
        """The こども誰でも通園制度 preset: 10 hours a month, ages 6–35 months."""
        values: dict[str, Any] = dict(
            program="daredemo", monthly_quota_minutes=600, min_age_months=6, max_age_months=35
        )
        values.update(overrides)
        return cls(**values)

    def replace(self, **changes: Any) -> FacilityRules:
        """A copy with ``changes`` applied and validated; unknown names are refused."""
        names = {f.name for f in dataclasses.fields(self)} - {"extra"}
        unknown = sorted(set(changes) - names)
        if unknown:
            raise errors.InvalidInput(field=", ".join(unknown), value="", reason="unknown_rule")
        return dataclasses.replace(self, **changes)

    def children_per_caregiver(self, age_years: int) -> int:
        """How many children of ``age_years`` one caregiver may look after."""
        return next(
            children for age, children in reversed(self.caregiver_ratios) if age <= max(age_years, 0)
        )

    def validate(self) -> None:
        """Raise :class:`errors.InvalidInput` naming the first field that makes no sense."""

        def bad(name: str, reason: str) -> errors.InvalidInput:
            return errors.InvalidInput(field=name, value=str(getattr(self, name)), reason=reason)

        if self.program not in PROGRAMS:
            raise bad("program", "choice")
        if not 5 <= self.slot_minutes <= 240 or 1440 % self.slot_minutes:
            raise bad("slot_minutes", "slot_minutes")
        if self.min_booking_minutes < 0:
            raise bad("min_booking_minutes", "negative")
        if self.default_capacity < 0:
            raise bad("default_capacity", "negative")
        if self.close_time <= self.open_time:
            raise bad("close_time", "close_before_open")
        if any(not 0 <= d <= 6 for d in self.closed_weekdays):
            raise bad("closed_weekdays", "weekday")
        for name in ("min_age_months", "max_age_months", "monthly_quota_minutes"):
            value = getattr(self, name)
            if value is not None and value < 0:
                raise bad(name, "negative")
        if (
            self.min_age_months is not None
            and self.max_age_months is not None
            and self.max_age_months < self.min_age_months
        ):
            raise bad("max_age_months", "range")
        for name in ("booking_horizon_days", "max_held_days", "cancel_deadline_days_before",
                     "hourly_fee_yen", "late_cancel_fee_percent"):
            if getattr(self, name) < 0:
                raise bad(name, "negative")
        if self.late_cancel_fee_percent > 100:
            raise bad("late_cancel_fee_percent", "percent")
        if any(r not in CANCEL_REASONS for r in self.fee_free_reasons):
            raise bad("fee_free_reasons", "choice")
        if not valid_ratios(self.caregiver_ratios):
            raise bad("caregiver_ratios", "range")

    # -- storage ---------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """JSON-ready values (times as ``HH:MM``, tuples as lists)."""
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):
            if f.name == "extra":
                continue
            value = getattr(self, f.name)
            if isinstance(value, time):
                value = value.strftime("%H:%M")
            elif isinstance(value, tuple):
                value = [list(v) if isinstance(v, tuple) else v for v in value]
            out[f.name] = value
        out.update(self.extra)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FacilityRules:
        """Inverse of :meth:`to_dict`; keys this version does not know are kept in ``extra``."""
        names = {f.name: f for f in dataclasses.fields(cls)}
        values: dict[str, Any] = {}
        extra: dict[str, Any] = {}
        for key, value in data.items():
            if key not in names or key == "extra":
                extra[key] = value
                continue
            if key in ("open_time", "close_time", "cancel_deadline_time"):
                value = time.fromisoformat(value)
            elif key in ("closed_weekdays", "fee_free_reasons"):
                value = tuple(value)
            elif key == "caregiver_ratios":
                value = as_pairs(value)
            values[key] = value
        return cls(**values, extra=extra)


def as_pairs(value: Any) -> Any:
    """Lists of lists (JSON, a form) as a tuple of tuples; anything else unchanged, for
    :meth:`FacilityRules.validate` to refuse."""
    try:
        return tuple(tuple(pair) for pair in value)
    except TypeError:
        return value


def valid_ratios(ratios: Any) -> bool:
    """Pairs of whole numbers: ages from 0 upwards in increasing order, each with a positive
    number of children per caregiver."""
    if not isinstance(ratios, tuple) or not ratios:
        return False
    if not all(
        isinstance(pair, tuple) and len(pair) == 2
        and all(isinstance(v, int) and not isinstance(v, bool) for v in pair)
        for pair in ratios
    ):
        return False
    ages = [age for age, _ in ratios]
    return ages[0] == 0 and all(a < b for a, b in zip(ages, ages[1:])) and all(
        children > 0 for _, children in ratios
    )
