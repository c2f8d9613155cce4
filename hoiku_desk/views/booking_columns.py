"""How a booking shows in a list: the columns every booking table shares, and their texts."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt

from hoiku_desk import messages
from hoiku_desk.services import Booking, Pickup
from hoiku_desk.views.table_model import Column

_CONTEXT = "BookingColumns"
#: Interviews are marked like this wherever bookings are listed (SPEC "Interview").
INTERVIEW_MARK = "(面談用)"
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def source_label(source: str) -> str:
    """Where a booking or request came from: phone, walk-in or the online channel."""
    labels = {"phone": _tr("Phone"), "walk_in": _tr("Walk-in"), "online": _tr("Online")}
    return labels.get(source, source)


def pickup_text(pickup: Pickup) -> str:
    """``Guardian``, or the other person's name with their relation."""
    if pickup.kind != "other":
        return _tr("Guardian")
    return f"{pickup.name} ({pickup.relation})" if pickup.relation else pickup.name


def times_text(booking: Booking) -> str:
    """``9:30–12:00``."""
    return f"{messages.format_time(booking.start)}–{messages.format_time(booking.end)}"


def kind_text(booking: Booking, lang: str) -> str:
    """The kind's label; interviews carry "(面談用)"."""
    label = messages.kind_label(booking.kind, lang)
    return f"{label} {INTERVIEW_MARK}" if booking.kind == "interview" else label


def booking_columns(lang: str) -> list[Column[Booking]]:
    """Number, date (with weekday), times, child, kana, kind, status, source, fee, pick-up."""
    return [
        Column(_tr("Number"), lambda b: b.number),
        Column(_tr("Date"), lambda b: messages.format_date(b.day, lang)),
        Column(_tr("Time"), times_text),
        Column(_tr("Child"), lambda b: b.child_name),
        Column(_tr("Kana"), lambda b: b.child_kana),
        Column(_tr("Kind"), lambda b: kind_text(b, lang)),
        Column(_tr("Status"), lambda b: messages.status_label(b.status, lang)),
        Column(_tr("Source"), lambda b: source_label(b.source)),
        Column(_tr("Fee"), lambda b: messages.format_yen(b.fee_yen, lang), RIGHT),
        Column(_tr("Pick-up"), lambda b: pickup_text(b.pickup)),
    ]
