"""The ORM schema. Qt-free; only the service layer uses these classes."""

from hoiku_desk.models.audit import AuditRecord
from hoiku_desk.models.base import Base, new_id, relate_foreign_keys
from hoiku_desk.models.booking import (
    ACTIVE,
    OCCUPYING,
    AttendanceMark,
    Booking,
    Charge,
    Payment,
    RegularPlan,
)
from hoiku_desk.models.change_counter import ChangeCounter, ChangeRecord
from hoiku_desk.models.decision import Decision, DecisionExport
from hoiku_desk.models.facility import CapacitySetting, Closure, Facility, InterviewSlot, OpenedDay
from hoiku_desk.models.people import Child, ChildSearchKey, EmergencyContact, Guardian
from hoiku_desk.models.queue import QueueItem
from hoiku_desk.models.registration import Registration
from hoiku_desk.models.staff import StaffAccount

relate_foreign_keys(Base)

__all__ = [
    "ACTIVE", "OCCUPYING", "AttendanceMark", "AuditRecord", "Base", "Booking", "CapacitySetting",
    "ChangeCounter", "ChangeRecord", "Charge", "Child", "ChildSearchKey", "Closure", "Decision", "DecisionExport", "EmergencyContact", "Facility", "Guardian", "InterviewSlot",
    "OpenedDay", "Payment", "QueueItem", "RegularPlan", "Registration", "StaffAccount", "new_id",
]
