"""What every pane shares: the desk, the current facility, the dialogs, and the operation
wrapper with its one app-wide ``changed`` signal."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QWidget

from hoiku_desk import messages
from hoiku_desk.services import Desk, Facility, errors
from hoiku_desk.views.dialogs import Dialogs

T = TypeVar("T")
log = logging.getLogger(__name__)


class WhenShown(QObject):
    """Runs a pane's refresh now if the pane is on screen, else when it is next shown."""

    def __init__(self, pane: QWidget, refresh: Callable[[], None]) -> None:
        super().__init__(pane)
        self._pane = pane
        self._refresh = refresh
        self._stale = False
        pane.installEventFilter(self)

    def __call__(self) -> None:
        if self._pane.isVisible():
            self._refresh()
        else:
            self._stale = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and self._stale:
            self._stale = False
            self._refresh()
        return False


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """The result of an operation: a value, or the error and the sentence to show for it."""

    value: T | None = None
    error: Exception | None = None
    message: str = ""

    @property
    def ok(self) -> bool:
        return self.error is None


class ViewContext(QObject):
    """Shared by every pane of one window.

    Signals:
        changed: data changed through an operation; every pane refreshes from the services.
        facilityChanged(str): the facility the window works on changed (its id).
        staffChanged: someone logged in or out (the window was locked, or another staff
            member took over); panes enable what ``is_admin`` allows.
    """

    changed = Signal()
    facilityChanged = Signal(str)
    staffChanged = Signal()

    def __init__(self, desk: Desk, dialogs: Dialogs | None = None, lang: str = "ja") -> None:
        super().__init__()
        self.desk = desk
        self.dialogs = dialogs or Dialogs()
        self.lang = lang
        facilities = desk.facilities.list()
        self._facility: Facility | None = facilities[0] if facilities else None

    # -- facility -----------------------------------------------------------------------
    @property
    def facility(self) -> Facility | None:
        return self._facility

    @property
    def facility_id(self) -> str:
        return self._facility.id if self._facility else ""

    def set_facility(self, facility_id: str) -> None:
        self._facility = self.desk.facilities.get(facility_id)
        self.facilityChanged.emit(facility_id)

    def reload_facility(self) -> None:
        """Read the current facility again (after its rules changed)."""
        if self._facility is not None:
            self._facility = self.desk.facilities.get(self._facility.id)

    def follow(self, refresh: Callable[[], None], *, while_shown: QWidget | None = None) -> None:
        """Call ``refresh`` after every change of data and every change of facility; with
        ``while_shown``, only while that pane is on screen (a hidden pane reads its data when
        it is shown again, not after every booking made elsewhere)."""
        if while_shown is not None:
            refresh = WhenShown(while_shown, refresh)
        self.changed.connect(refresh)
        self.facilityChanged.connect(lambda _facility_id: refresh())

    def today(self) -> date:
        return self.desk.now().date()

    # -- who works ------------------------------------------------------------------------
    @property
    def is_admin(self) -> bool:
        """True for an admin login, and for the built-in administrator while no account
        exists (the services decide; this only enables the window's controls)."""
        staff = self.desk.current_staff
        if staff is None:
            return not self.desk.staff.list()
        return staff.is_admin

    def log_out(self) -> None:
        self.desk.logout()
        self.staffChanged.emit()

    # -- operations ---------------------------------------------------------------------
    def run(self, call: Callable[..., T], *args: Any, **kwargs: Any) -> Outcome[T]:
        """Run a service call that changes data. A refusal comes back as its sentence (from
        the message catalogue); success emits ``changed`` once, so every pane refreshes."""
        try:
            value = call(*args, **kwargs)
        except errors.HoikuDeskError as error:
            return Outcome(error=error, message=messages.message(error, self.lang))
        except Exception as error:  # a defect: report it, never crash the front desk
            log.exception("operation %s failed", getattr(call, "__qualname__", call))
            return Outcome(error=error, message=messages.message(error, self.lang))
        self.reload_facility()
        self.changed.emit()
        return Outcome(value=value)

    def message(self, error: Exception) -> str:
        return messages.message(error, self.lang)
