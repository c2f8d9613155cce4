"""The Qt-free service layer: ``Desk`` and what it returns and raises."""

from hoiku_desk.services import backups, errors
from hoiku_desk.services.desk import Desk
from hoiku_desk.services.records import (
    ApprovalResult,
    AttendanceRow,
    AuditEntry,
    Booking,
    CancellationOutcome,
    CapacitySetting,
    ChangeOutcome,
    Child,
    Contact,
    Facility,
    InterviewSlot,
    PendingItem,
    RegularPlan,
    Registration,
    SkippedDay,
    SlotAvailability,
    Staff,
)
from hoiku_desk.services.records import Pickup
from hoiku_desk.services.rules import FacilityRules

__all__ = [
    "ApprovalResult", "AttendanceRow", "AuditEntry", "Booking", "CancellationOutcome", "CapacitySetting", "ChangeOutcome", "Child",
    "Contact", "Desk", "Facility", "FacilityRules", "InterviewSlot", "PendingItem", "Pickup",
    "RegularPlan", "Registration", "SkippedDay", "SlotAvailability", "Staff", "backups", "errors",
]
