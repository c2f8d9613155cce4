"""The chosen child's card: who the child is, whether and until when it may be booked here,
the days it holds, the month's quota, allergies and whom to call."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QWidget

from hoiku_desk import messages
from hoiku_desk.services import Child, Contact, Desk, Facility, Registration
from hoiku_desk.views.child_search import age_label
from hoiku_desk.views.context import ViewContext

_WARNING_STYLE = "background: #fde2e1; color: #a00000; font-weight: bold; padding: 2px;"


@dataclass(frozen=True)
class ChildFacts:
    """What the card shows, read from the services for one child, facility and day."""

    child: Child
    registrations: tuple[tuple[str, Registration], ...]  # (facility name, registration)
    registration_here: Registration | None  # approved here and valid on the chosen day
    held_days: tuple[date, ...]
    max_held_days: int
    month: date
    quota_minutes: int | None
    used_minutes: int

    @property
    def left_minutes(self) -> int | None:
        return None if self.quota_minutes is None else max(self.quota_minutes - self.used_minutes, 0)


def read_facts(desk: Desk, facility: Facility, child: Child, day: date) -> ChildFacts:
    """The card's facts: the held days and the month's quota as rules 8 and 9 count them."""
    names = {f.id: f.name for f in desk.facilities.list()}
    registrations = desk.registrations.for_child(child.id)
    here = next(
        (r for r in registrations if r.facility_id == facility.id and r.status == "approved"
         and r.valid_until is not None and r.valid_until >= day),
        None,
    )
    quota = facility.rules.monthly_quota_minutes
    return ChildFacts(
        child=child,
        registrations=tuple((names.get(r.facility_id, r.facility_id), r) for r in registrations),
        registration_here=here,
        held_days=tuple(desk.bookings.held_days(facility.id, child.id)),
        max_held_days=facility.rules.max_held_days,
        month=day.replace(day=1),
        quota_minutes=quota,
        used_minutes=desk.bookings.quota_used(child.id, day) if quota is not None else 0,
    )


class ChildCard(QFrame):
    """Shows one child's facts (``show_facts``) or a hint to search (``clear``)."""

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("childCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.facts: ChildFacts | None = None
        layout = QFormLayout(self)
        self.name_label = self._add(layout, "", "cardName")
        self.name_label.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.age_label = self._add(layout, self.tr("Age"), "cardAge")
        self.guardian_label = self._add(layout, self.tr("Guardian"), "cardGuardian")
        self.allergies_label = self._add(layout, self.tr("Allergies"), "cardAllergies")
        self.contacts_label = self._add(layout, self.tr("Contacts"), "cardContacts")
        self.registrations_label = self._add(layout, self.tr("Registrations"), "cardRegistrations")
        self.held_label = self._add(layout, self.tr("Held days"), "cardHeldDays")
        self.quota_title = QLabel(self.tr("Monthly quota"), self)
        self.quota_label = QLabel(self)
        self.quota_label.setObjectName("cardQuota")
        layout.addRow(self.quota_title, self.quota_label)
        self.clear()

    def _add(self, layout: QFormLayout, title: str, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addRow(title, label)
        return label

    def clear(self) -> None:
        self.facts = None
        self.name_label.setText(self.tr("No child chosen: search by kana, name or phone."))
        for label in (self.age_label, self.guardian_label, self.allergies_label, self.contacts_label,
                      self.registrations_label, self.held_label, self.quota_label):
            label.clear()
            label.setStyleSheet("")
        self._show_quota_row(False)

    def show_facts(self, facts: ChildFacts) -> None:
        self.facts = facts
        child, lang = facts.child, self.ctx.lang
        today = self.ctx.today()
        self.name_label.setText(self.tr("{name} ({kana})").format(name=child.name, kana=child.kana))
        self.age_label.setText(self.tr("{age} (born {birth})").format(
            age=age_label(child.birth_date, today, lang),
            birth=messages.format_date(child.birth_date, lang, with_year=True)))
        self.guardian_label.setText(f"{child.guardian_name}  {child.phone}")
        allergies = child.allergies.strip()
        self.allergies_label.setText(allergies or self.tr("None"))
        self.allergies_label.setStyleSheet(_WARNING_STYLE if allergies else "")
        contacts = "\n".join(self._contact_line(c) for c in child.contacts)
        self.contacts_label.setText(contacts or self.tr("None"))
        self.registrations_label.setText(
            "\n".join(self._registration_line(name, r) for name, r in facts.registrations)
            or self.tr("Not registered"))
        self.registrations_label.setStyleSheet("" if facts.registration_here is not None else _WARNING_STYLE)
        self.held_label.setText(self._held_text(facts))
        self.held_label.setStyleSheet(
            _WARNING_STYLE if len(facts.held_days) >= facts.max_held_days else "")
        self._show_quota(facts)

    def _contact_line(self, contact: Contact) -> str:
        relation = self.tr("({relation})").format(relation=contact.relation) if contact.relation else ""
        return " ".join(part for part in (contact.name, relation, contact.phone) if part)

    def _registration_line(self, facility_name: str, registration: Registration) -> str:
        lang = self.ctx.lang
        until = (messages.format_date(registration.valid_until, lang, with_year=True)
                 if registration.valid_until else "")
        state = {
            "approved": self.tr("approved, valid until {until}"),
            "expired": self.tr("expired on {until}"),
            "applied": self.tr("applied, interview pending"),
            "rejected": self.tr("rejected"),
        }.get(registration.status, registration.status)
        return self.tr("{facility}: {state}").format(facility=facility_name, state=state.format(until=until))

    def _held_text(self, facts: ChildFacts) -> str:
        separator = ", " if self.ctx.lang == "en" else "、"
        days = separator.join(messages.format_date(d, self.ctx.lang) for d in facts.held_days)
        text = self.tr("{held} of {most}").format(held=len(facts.held_days), most=facts.max_held_days)
        return f"{text} {days}".strip()

    def _show_quota(self, facts: ChildFacts) -> None:
        left = facts.left_minutes
        self._show_quota_row(left is not None)
        if left is None or facts.quota_minutes is None:
            return
        lang = self.ctx.lang
        self.quota_label.setText(self.tr("{month}: used {used}, left {left} of {quota}").format(
            month=messages.format_month(facts.month, lang),
            used=messages.format_minutes(facts.used_minutes, lang),
            left=messages.format_minutes(left, lang),
            quota=messages.format_minutes(facts.quota_minutes, lang)))
        self.quota_label.setStyleSheet(_WARNING_STYLE if not left else "")

    def _show_quota_row(self, visible: bool) -> None:
        self.quota_title.setVisible(visible)
        self.quota_label.setVisible(visible)
