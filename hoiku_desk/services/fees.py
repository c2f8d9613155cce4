"""What a booking costs and what was paid for it: one computation for the daily list and
the monthly actuals, so the two never disagree."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import func, select

from hoiku_desk import models
from hoiku_desk.services.uow import UnitOfWork


@dataclass(frozen=True)
class BookingMoney:
    """Per booking id: the non-waived charges (cancellation, no-show, late change) and the
    payments (refunds negative). Bookings with neither are simply absent."""

    charged: dict[str, int] = field(default_factory=dict)
    paid: dict[str, int] = field(default_factory=dict)

    def due(self, booking: models.Booking) -> int:
        """The booking's fee while its status occupies a place (pending, confirmed,
        attended), plus its non-waived charges — what the parent owes for it."""
        expected = booking.fee_yen if booking.status in models.OCCUPYING else 0
        return self.charged.get(booking.id, 0) + expected

    def paid_for(self, booking_id: str) -> int:
        return self.paid.get(booking_id, 0)


def booking_money(uow: UnitOfWork, booking_ids: Iterable[str]) -> BookingMoney:
    """The charges and payments of ``booking_ids``, summed per booking in two queries."""
    ids = list(booking_ids)
    if not ids:
        return BookingMoney()
    paid = select(models.Payment.booking_id, func.sum(models.Payment.amount_yen)).where(
        models.Payment.booking_id.in_(ids)
    ).group_by(models.Payment.booking_id)
    charged = select(models.Charge.booking_id, func.sum(models.Charge.fee_yen)).where(
        models.Charge.booking_id.in_(ids), models.Charge.waived.is_(False)
    ).group_by(models.Charge.booking_id)
    return BookingMoney(
        charged={booking_id: int(total) for booking_id, total in uow.session.execute(charged)},
        paid={booking_id: int(total) for booking_id, total in uow.session.execute(paid)},
    )
