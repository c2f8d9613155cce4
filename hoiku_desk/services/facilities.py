"""``desk.facilities``: facilities, their rules, capacities, closures and reopened days."""

from __future__ import annotations

from datetime import date, time

from sqlalchemy import delete, select

from hoiku_desk import models
from hoiku_desk.services import convert, errors
from hoiku_desk.services.audit import jsonable, snapshot
from hoiku_desk.services.capacity import CapacityTable, day_slots, occupants, taken
from hoiku_desk.services.context import Context
from hoiku_desk.services.records import Booking, CapacitySetting, Facility
from hoiku_desk.services.rules import FacilityRules
from hoiku_desk.services.schedule import Schedule
from hoiku_desk.services.uow import UnitOfWork


class FacilityService:
    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    def add(self, code: str, name: str, rules: FacilityRules | None = None) -> Facility:
        code, name = code.strip(), name.strip()
        if not code:
            raise errors.InvalidInput(field="code", value=code, reason="required")
        if not name:
            raise errors.InvalidInput(field="name", value=name, reason="required")
        with self._ctx.write() as uow:
            uow.require_admin("add_facility")
            exists = uow.session.scalar(select(models.Facility.id).where(models.Facility.code == code))
            if exists:
                raise errors.InvalidInput(field="code", value=code, reason="duplicate_code")
            row = models.Facility(
                code=code, name=name, rules=(rules or FacilityRules()).to_dict(), created_at=uow.now
            )
            uow.session.add(row)
            uow.audit("facility.add", "facility", row.id, None, snapshot(row))
            uow.commit()
            return convert.facility(row)

    def get(self, id: str) -> Facility:
        with self._ctx.read() as uow:
            return convert.facility(uow.get(models.Facility, id, "facility"))

    def by_code(self, code: str) -> Facility:
        with self._ctx.read() as uow:
            row = uow.session.scalar(select(models.Facility).where(models.Facility.code == code))
            if row is None:
                raise errors.NotFound(entity="facility", id=code)
            return convert.facility(row)

    def list(self) -> list[Facility]:
        with self._ctx.read() as uow:
            rows = uow.session.scalars(select(models.Facility).order_by(models.Facility.code))
            return [convert.facility(r) for r in rows]

    def update_rules(self, id: str, **changes: object) -> Facility:
        """Change some rules; they apply to bookings made from now on (fees are fixed when made)."""
        with self._ctx.write() as uow:
            uow.require_admin("set_rules")
            row, rules = uow.facility(id)
            new_rules = rules.replace(**changes)
            before = row.rules
            row.rules = new_rules.to_dict()
            uow.forget_facility(id)
            uow.audit("facility.update_rules", "facility", id, before, row.rules)
            uow.commit()
            return convert.facility(row)

    def rename(self, id: str, name: str) -> Facility:
        if not name.strip():
            raise errors.InvalidInput(field="name", value=name, reason="required")
        with self._ctx.write() as uow:
            uow.require_admin("set_rules")
            row = uow.get(models.Facility, id, "facility")
            before = snapshot(row, "rules")
            row.name = name.strip()
            uow.audit("facility.rename", "facility", id, before, snapshot(row, "rules"))
            uow.commit()
            return convert.facility(row)

    # -- capacity ---------------------------------------------------------------------
    def set_capacity(
        self,
        id: str,
        capacity: int,
        *,
        weekday: int | None = None,
        on: date | None = None,
        start: time | None = None,
        end: time | None = None,
    ) -> list[Booking]:
        """Set a capacity (default, a weekday's, or a date's, optionally for a time range).

        Lowering it below what is booked is allowed: the bookings now beyond capacity are
        returned (latest made first to go over) and nothing is cancelled.
        """
        if capacity < 0:
            raise errors.InvalidInput(field="capacity", value=str(capacity), reason="negative")
        if weekday is not None and on is not None:
            raise errors.InvalidInput(field="weekday", value=str(weekday), reason="range")
        if weekday is not None and not 0 <= weekday <= 6:
            raise errors.InvalidInput(field="weekday", value=str(weekday), reason="weekday")
        if start is not None and end is not None and end <= start:
            raise errors.InvalidInput(field="end", value=str(end), reason="range")
        with self._ctx.write() as uow:
            uow.require_admin("set_capacity")
            row, rules = uow.facility(id)
            uow.lock_facility(id)
            if weekday is None and on is None and start is None and end is None:
                before = rules.default_capacity
                row.rules = rules.replace(default_capacity=capacity).to_dict()
                uow.forget_facility(id)
                uow.audit("facility.set_capacity", "facility", id,
                          {"default_capacity": before}, {"default_capacity": capacity})
            else:
                setting = models.CapacitySetting(
                    facility_id=id, capacity=capacity, weekday=weekday, on_date=on,
                    start=start, end=end, created_at=uow.now,
                )
                uow.session.add(setting)
                uow.session.flush()
                uow.audit("facility.set_capacity", "capacity_setting", str(setting.id),
                          None, snapshot(setting))
            beyond = self._beyond_capacity(uow, id, weekday=weekday, on=on)
            uow.commit()
            return beyond

    def capacities(self, id: str) -> list[CapacitySetting]:
        """The stored capacity settings, dates first, then weekdays, then every day; oldest
        first within each (the latest wins)."""
        with self._ctx.read() as uow:
            uow.facility(id)
            rows = uow.session.scalars(
                select(models.CapacitySetting).where(models.CapacitySetting.facility_id == id)
                .order_by(models.CapacitySetting.id)
            )
            records = [CapacitySetting(str(r.id), r.capacity, r.weekday, r.on_date, r.start, r.end)
                       for r in rows]
        return sorted(records, key=lambda c: (c.on is None, c.weekday is None))

    def remove_capacity(self, id: str, setting_id: str) -> None:
        """Delete a stored capacity setting (the next level down applies again)."""
        with self._ctx.write() as uow:
            uow.require_admin("set_capacity")
            row = uow.session.get(models.CapacitySetting, int(setting_id) if setting_id.isdigit() else -1)
            if row is None or row.facility_id != id:
                raise errors.NotFound(entity="capacity_setting", id=setting_id)
            uow.audit("facility.remove_capacity", "capacity_setting", setting_id, snapshot(row), None)
            uow.session.delete(row)
            uow.commit()

    def _beyond_capacity(
        self, uow: UnitOfWork, facility_id: str, *, weekday: int | None, on: date | None
    ) -> list[Booking]:
        _, rules = uow.facility(facility_id)
        first = on or uow.today
        last = on or uow.session.scalar(
            select(models.Booking.day).where(models.Booking.facility_id == facility_id)
            .order_by(models.Booking.day.desc()).limit(1)
        ) or first
        if last < first:
            return []
        table = CapacityTable(uow.session, facility_id, rules)
        schedule = Schedule(uow.session, facility_id, rules, first, last)
        over: dict[str, None] = {}
        for day, day_occupants in sorted(occupants(uow.session, facility_id, first, last).items()):
            status = schedule.status(day)
            if (weekday is not None and day.weekday() != weekday) or not status.open:
                continue
            by_age = sorted(day_occupants, key=lambda o: o.created_at)
            for slot in day_slots(status, rules):
                capacity = table.capacity(day, slot)
                inside = [o for o in by_age if taken(rules, slot, [o])]
                for occupant in inside[capacity:]:
                    over[occupant.booking_id] = None
        return uow.bookings(list(over))

    # -- closures ---------------------------------------------------------------------
    def close_day(
        self, id: str, day: date, reason: str, *, from_time: time | None = None
    ) -> list[Booking]:
        """Close a day (or from ``from_time`` on). Bookings are not cancelled: the affected
        active ones are returned for staff to cancel with reason ``facility`` and phone."""
        if not reason.strip():
            raise errors.InvalidInput(field="reason", value=reason, reason="reason_required")
        with self._ctx.write() as uow:
            uow.require_admin("close_day")
            uow.facility(id)
            closure = models.Closure(
                facility_id=id, day=day, from_time=from_time, reason=reason.strip(), created_at=uow.now
            )
            uow.session.add(closure)
            uow.audit("facility.close_day", "closure", closure.id, None, snapshot(closure))
            query = select(models.Booking.id).where(
                models.Booking.facility_id == id,
                models.Booking.day == day,
                models.Booking.status.in_(models.ACTIVE),
            )
            if from_time is not None:
                query = query.where(models.Booking.end > from_time)
            affected = uow.bookings(list(uow.session.scalars(query)))
            uow.commit()
            return affected

    def open_day(self, id: str, day: date) -> None:
        """Open a day explicitly (a holiday, the year end, a closed weekday) and lift any
        closure set for it."""
        with self._ctx.write() as uow:
            uow.require_admin("close_day")
            uow.facility(id)
            closures = uow.session.scalars(
                select(models.Closure).where(models.Closure.facility_id == id, models.Closure.day == day)
            ).all()
            before = {"closures": [snapshot(c) for c in closures]}
            uow.session.execute(
                delete(models.Closure).where(models.Closure.facility_id == id, models.Closure.day == day)
            )
            if uow.session.get(models.OpenedDay, (id, day)) is None:
                uow.session.add(models.OpenedDay(facility_id=id, day=day, created_at=uow.now))
            uow.audit("facility.open_day", "facility", id, before, {"opened": jsonable(day)})
            uow.commit()
