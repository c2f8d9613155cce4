"""Refusals of the domain and the few operational errors around them.

Every refusal carries a stable ``code`` (its class name) and the data its sentence needs
in ``data``; :mod:`hoiku_desk.messages` turns both into the Japanese sentence staff read
out.  ``str(error)`` is that Japanese sentence.
"""

from __future__ import annotations

from typing import Any, ClassVar


class HoikuDeskError(Exception):
    """Base of every error this package raises on purpose."""

    code: ClassVar[str] = "HoikuDeskError"

    def __init__(self, **data: Any) -> None:
        self.data: dict[str, Any] = data
        super().__init__()

    def __str__(self) -> str:
        return self.message()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.code = cls.__name__

    def __getattr__(self, name: str) -> Any:
        # The sentence data reads as attributes too: ``error.slot_start``.
        data = self.__dict__.get("data", {})
        if name in data:
            return data[name]
        raise AttributeError(name)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), self.data))

    def message(self, lang: str = "ja") -> str:
        """The sentence for staff, from the message catalogue."""
        from hoiku_desk.messages import render

        return render(self.code, self.data, lang)


def _rebuild(cls: type[HoikuDeskError], data: dict[str, Any]) -> HoikuDeskError:
    return cls(**data)


class BookingError(HoikuDeskError):
    """A refusal of the domain: a booking rule, or an operation the state forbids."""


# -- rule 1 ---------------------------------------------------------------------------
class RegistrationRequired(BookingError):
    """No approved registration at the facility (data: child_name, facility_name, day)."""


class RegistrationExpired(BookingError):
    """The approval ended before the day (data: child_name, facility_name, valid_until, day)."""


# -- rule 2 ---------------------------------------------------------------------------
class AgeNotEligible(BookingError):
    """Age on the day outside the facility's ages (data: child_name, age, min_months, max_months)."""


# -- rule 3 ---------------------------------------------------------------------------
class OutsideBookingWindow(BookingError):
    """Before today, the start passed, or beyond the horizon (data: day, first_day, last_day, reason)."""


# -- rule 4 ---------------------------------------------------------------------------
class FacilityClosed(BookingError):
    """Closed day, outside opening hours or after a closure time (data: day, reason, ...)."""


# -- rule 5 ---------------------------------------------------------------------------
class InvalidTimeRange(BookingError):
    """Not on slot boundaries or shorter than the minimum (data: start, end, reason, ...)."""


# -- rule 6 ---------------------------------------------------------------------------
class SlotFull(BookingError):
    """A slot has no room (data: day, slot_start, slot_end, capacity, taken)."""


# -- rule 7 ---------------------------------------------------------------------------
class OverlappingBooking(BookingError):
    """The child already has a booking at that time (data: child_name, day, start, end, number, facility_name)."""


# -- rule 8 ---------------------------------------------------------------------------
class HoldLimitReached(BookingError):
    """Too many held days (data: child_name, max_days, held_days)."""


# -- rule 9 ---------------------------------------------------------------------------
class QuotaExceeded(BookingError):
    """Monthly quota exceeded (data: child_name, month, quota_minutes, used_minutes, requested_minutes)."""


class DuplicateRegistration(BookingError):
    """The child is already registered (or applied) at the facility (data: child_name, facility_name)."""


class DuplicateChild(DuplicateRegistration):
    """A child with the same kana name and birth date exists (data: name, kana, birth_date)."""


class NotCancellable(BookingError):
    """The booking is not active or has started (data: number, status, reason)."""


class InvalidState(BookingError):
    """The record's state forbids the operation (data: what, status, action)."""


class InvalidInput(BookingError):
    """A value staff typed is not acceptable (data: field, value, reason)."""


class NotFound(HoikuDeskError):
    """No record with that id (data: entity, id)."""


class DatabaseBusy(HoikuDeskError):
    """Another desk held the database too long (data: seconds)."""


class DatabaseUnavailable(HoikuDeskError):
    """The database cannot be opened here (data: path, reason)."""


class PermissionDenied(HoikuDeskError):
    """The logged-in account may not do this (data: action)."""


class AuthenticationFailed(HoikuDeskError):
    """Wrong login or password (data: login)."""


class ImportFileError(HoikuDeskError):
    """A file that is not a request file; nothing was imported (data: path, reason)."""


class ExportFileError(HoikuDeskError):
    """A file cannot be written where asked; nothing was written (data: path, detail)."""


__all__ = [
    name for name, value in list(globals().items())
    if isinstance(value, type) and issubclass(value, HoikuDeskError)
]
