"""How a booking shows in a list: the columns every booking table shares, and their texts."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt

from hoiku_desk import messages
from hoiku_desk.services import Booking, Pickup
from hoiku_desk.views.table_model import Column

# Interviews are marked like this wherever bookings are listed in Japanese (SPEC "Interview").
INTERVIEW_MARK = "(面談用)"
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def source_label(source: str) -> str:
    """Where a booking or request came from: phone, walk-in or the online channel."""
    labels = {
        "phone": QCoreApplication.translate("BookingColumns", "Phone"),
        "walk_in": QCoreApplication.translate("BookingColumns", "Walk-in"),
        "online": QCoreApplication.translate("BookingColumns", "Online"),
    }
    return labels.get(source, source)


def pickup_text(pickup: Pickup) -> str:
    """``Guardian``, or the other person's name with their relation."""
    if pickup.kind != "other":
        return QCoreApplication.translate("BookingColumns", "Guardian")
    return f"{pickup.name} ({pickup.relation})" if pickup.relation else pickup.name


def times_text(booking: Booking) -> str:
    """``9:30–12:00``."""
    return f"{messages.format_time(booking.start)}–{messages.format_time(booking.end)}"


def kind_text(booking: Booking, lang: str) -> str:
    """The kind's label; in Japanese, interviews carry "(面談用)" (the English label already
    says "interview")."""
    label = messages.kind_label(booking.kind, lang)
    return f"{label} {INTERVIEW_MARK}" if booking.kind == "interview" and lang != "en" else label


def booking_columns(lang: str) -> list[Column[Booking]]:
    """Number, date (with weekday), times, child, kana, kind, status, source, fee, pick-up."""
    return [
        Column(QCoreApplication.translate("BookingColumns", "Number"), lambda b: b.number),
        Column(QCoreApplication.translate("BookingColumns", "Date"), lambda b: messages.format_date(b.day, lang)),
        Column(QCoreApplication.translate("BookingColumns", "Time"), times_text),
        Column(QCoreApplication.translate("BookingColumns", "Child"), lambda b: b.child_name),
        Column(QCoreApplication.translate("BookingColumns", "Kana"), lambda b: b.child_kana),
        Column(QCoreApplication.translate("BookingColumns", "Kind"), lambda b: kind_text(b, lang)),
        Column(QCoreApplication.translate("BookingColumns", "Status"),
               lambda b: messages.status_label(b.status, lang)),
        Column(QCoreApplication.translate("BookingColumns", "Source"), lambda b: source_label(b.source)),
        Column(QCoreApplication.translate("BookingColumns", "Fee"),
               lambda b: messages.format_yen(b.fee_yen, lang), RIGHT),
        Column(QCoreApplication.translate("BookingColumns", "Pick-up"), lambda b: pickup_text(b.pickup)),
    ]
