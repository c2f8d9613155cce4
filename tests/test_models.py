"""The ORM rows themselves: complete when made, written in the order their keys need."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import create_engine, event
from sqlalchemy.orm import Session

from hoiku_desk import models

NOW = datetime(2026, 3, 2, 9, 0)


def test_a_new_row_has_its_id_and_defaults_before_it_is_written() -> None:
    item = models.QueueItem(kind="booking", received_at=NOW)

    assert len(item.id) == 36 and item.id != models.QueueItem(kind="booking", received_at=NOW).id
    assert (item.status, item.source, item.request, item.decision_note) == ("pending", "phone", {}, "")
    assert models.QueueItem(id="given", kind="booking", status="approved", received_at=NOW).id == "given"
    assert models.QueueItem(kind="booking", status="approved", received_at=NOW).status == "approved"


def test_rows_added_in_any_order_are_inserted_after_the_rows_they_name() -> None:
    """A flush of a whole import batch holds queue items, bookings and registrations of
    children made in the same batch: each must follow the row its foreign key names."""
    engine = create_engine("sqlite://")
    event.listen(engine, "connect", lambda connection, _: connection.execute("PRAGMA foreign_keys=ON"))
    models.Base.metadata.create_all(engine)
    facility = models.Facility(code="K01", name="ひかり", rules={}, created_at=NOW)
    guardian = models.Guardian(name="石井 美咲", phone="090", phone_digits="090", created_at=NOW)
    child = models.Child(guardian_id=guardian.id, name="石井 颯", kana="イシイ ハヤテ", kana_key="いしいはやて",
                         birth_date=date(2024, 6, 21), sex="male", created_at=NOW, updated_at=NOW)
    registration = models.Registration(child_id=child.id, facility_id=facility.id, applied_at=NOW)
    booking = models.Booking(
        facility_id=facility.id, child_id=child.id, kind="flexible", day=date(2026, 3, 3), start=time(10),
        end=time(12), status="pending", source="online", fiscal_year=2025, number="0303-01", hourly_fee_yen=0,
        fee_yen=0, registration_id=registration.id, created_at=NOW, updated_at=NOW)
    item = models.QueueItem(kind="booking", facility_id=facility.id, child_id=child.id, booking_id=booking.id,
                            registration_id=registration.id, received_at=NOW)

    with Session(engine) as session:
        session.add_all([item, models.ChildSearchKey(key="いしい", child_id=child.id), booking, registration,
                         child, guardian, facility])
        session.commit()

        assert session.get(models.QueueItem, item.id).booking_id == booking.id
