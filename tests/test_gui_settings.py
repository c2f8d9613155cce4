"""The settings pane (admin), driven through its widgets."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date, time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTimeEdit,
    QWidget,
)

from hoiku_desk.services import Booking, CapacitySetting, Desk, Facility, FacilityRules
from hoiku_desk.views.context import ViewContext
from hoiku_desk.views.main_window import MainWindow
from hoiku_desk.views.rules_form import RulesForm
from hoiku_desk.views.settings_pane import SettingsPane, affected_model, capacity_model
from tests.conftest import ScriptedDialogs
from tests.helpers import TUESDAY, t

CTRL = Qt.KeyboardModifier.ControlModifier
HOLIDAY = date(2026, 3, 20)  # 春分の日, a Friday


@pytest.fixture
def pane(qtbot, view_context: ViewContext) -> Iterator[SettingsPane]:  # type: ignore[no-untyped-def]
    widget = SettingsPane(view_context)
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    qtbot.waitExposed(widget)
    widget.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
    yield widget


def child(pane: QWidget, cls: type, name: str):  # type: ignore[no-untyped-def]
    found = pane.findChild(cls, name)
    assert found is not None, name
    return found


def click(qtbot, pane: QWidget, name: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(child(pane, QPushButton, name), Qt.MouseButton.LeftButton)


def capacities(desk: Desk, facility: Facility, day: date) -> set[int]:
    return {slot.capacity for slot in desk.bookings.availability(facility.id, day, day).get(day, [])}


def book(desk: Desk, facility: Facility, child_id: str, start: str, end: str) -> Booking:
    return desk.bookings.book(facility.id, child_id, TUESDAY, t(start), t(end))


def test_changing_the_default_capacity_by_keyboard_shows_in_availability(
    qtbot, pane: SettingsPane, desk: Desk, facility: Facility, view_context: ViewContext  # type: ignore[no-untyped-def]
) -> None:
    assert capacities(desk, facility, TUESDAY) == {3}
    spin = child(pane, QSpinBox, "rule_default_capacity")
    spin.setFocus()
    qtbot.waitUntil(spin.hasFocus)
    qtbot.keyClick(spin, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(spin, "5")

    with qtbot.waitSignal(view_context.changed):
        qtbot.keyClick(spin, Qt.Key.Key_S, CTRL)

    assert capacities(desk, facility, TUESDAY) == {5}
    assert desk.facilities.get(facility.id).rules.default_capacity == 5
    assert child(pane, QLabel, "rulesStatus").text().startswith("Saved")


def test_only_changed_fields_are_saved_and_other_rules_stay(
    qtbot, pane: SettingsPane, desk: Desk, facility: Facility  # type: ignore[no-untyped-def]
) -> None:
    child(pane, QCheckBox, "rule_closed_weekdays_5").setChecked(False)  # open on Saturdays
    child(pane, QLineEdit, "rule_monthly_quota_minutes").setText("600")
    child(pane, QCheckBox, "rule_fee_free_reasons_illness").setChecked(True)

    click(qtbot, pane, "saveRulesButton")

    rules = desk.facilities.get(facility.id).rules
    assert rules.closed_weekdays == (6,)
    assert rules.monthly_quota_minutes == 600
    assert set(rules.fee_free_reasons) == {"facility", "illness"}
    assert dataclasses.replace(rules, closed_weekdays=(5, 6), monthly_quota_minutes=None,
                               fee_free_reasons=("facility",)) == FacilityRules()
    [entry] = desk.audit.entries(action="facility.update_rules")
    assert entry.before is not None and entry.after is not None
    assert {k for k in entry.after if entry.before.get(k) != entry.after[k]} == {
        "closed_weekdays", "monthly_quota_minutes", "fee_free_reasons"}

    click(qtbot, pane, "saveRulesButton")

    assert "Nothing to save" in child(pane, QLabel, "rulesStatus").text()


def test_an_invalid_rule_shows_its_sentence_and_saves_nothing(
    qtbot, pane: SettingsPane, desk: Desk, facility: Facility, view_context: ViewContext  # type: ignore[no-untyped-def]
) -> None:
    child(pane, QTimeEdit, "rule_close_time").setTime(time(8, 0))  # before opening at 8:30
    child(pane, QSpinBox, "rule_hourly_fee_yen").setValue(500)

    with qtbot.assertNotEmitted(view_context.changed):
        click(qtbot, pane, "saveRulesButton")

    assert child(pane, QLabel, "rulesStatus").text() == "閉園時刻は開園時刻より後にしてください。"
    assert desk.facilities.get(facility.id).rules == FacilityRules()
    assert child(pane, QSpinBox, "rule_hourly_fee_yen").value() == 500  # the edits stay to be fixed


def test_unsaved_edits_survive_a_change_made_elsewhere(
    qtbot, pane: SettingsPane, desk: Desk, facility: Facility, view_context: ViewContext  # type: ignore[no-untyped-def]
) -> None:
    fee = child(pane, QSpinBox, "rule_hourly_fee_yen")
    fee.setValue(400)

    view_context.run(desk.facilities.close_day, facility.id, TUESDAY, "研修")

    assert fee.value() == 400
    click(qtbot, pane, "revertRulesButton")
    qtbot.waitUntil(lambda: fee.value() == 300)


def test_lowering_a_capacity_below_what_is_booked_warns_with_the_bookings(
    qtbot, pane: SettingsPane, desk: Desk, facility: Facility, make_child,  # type: ignore[no-untyped-def]
    dialogs: ScriptedDialogs,
) -> None:
    first = book(desk, facility, make_child(facility).id, "09:00", "10:00")
    second = book(desk, facility, make_child(facility, name="佐藤 結衣", kana="サトウ ユイ").id,
                  "09:30", "11:00")
    child(pane, QComboBox, "capacityScopeBox").setCurrentIndex(2)  # a date
    pane.capacity_date_edit.setDate(TUESDAY)
    child(pane, QSpinBox, "capacitySpin").setValue(1)

    click(qtbot, pane, "setCapacityButton")

    [(kind, title, text)] = dialogs.shown
    assert kind == "warn"
    assert second.number in text and "佐藤 結衣" in text and "3月3日(火)" in text and "9:30–11:00" in text
    assert first.number not in text
    assert capacities(desk, facility, TUESDAY) == {1}
    assert desk.bookings.get(second.id).status == "confirmed"  # nothing is cancelled
    stored = child(pane, QTableView, "capacityTable").model()
    assert [stored.index(0, c).data() for c in range(3)] == ["2026年3月3日(火)", "All day", "1"]


def test_lowering_the_default_capacity_in_the_rules_form_warns_too(
    qtbot, pane: SettingsPane, desk: Desk, facility: Facility, make_child,  # type: ignore[no-untyped-def]
    dialogs: ScriptedDialogs,
) -> None:
    book(desk, facility, make_child(facility).id, "09:00", "10:00")
    late = book(desk, facility, make_child(facility, name="佐藤 結衣", kana="サトウ ユイ").id, "09:00", "10:00")
    child(pane, QSpinBox, "rule_default_capacity").setValue(1)
    child(pane, QSpinBox, "rule_hourly_fee_yen").setValue(400)

    click(qtbot, pane, "saveRulesButton")

    rules = desk.facilities.get(facility.id).rules
    assert (rules.default_capacity, rules.hourly_fee_yen) == (1, 400)
    [(kind, _title, text)] = dialogs.shown
    assert kind == "warn" and late.number in text and "佐藤 結衣" in text


def test_a_weekday_capacity_for_some_hours(
    qtbot, pane: SettingsPane, desk: Desk, facility: Facility, dialogs: ScriptedDialogs  # type: ignore[no-untyped-def]
) -> None:
    child(pane, QComboBox, "capacityScopeBox").setCurrentIndex(1)
    child(pane, QComboBox, "capacityWeekdayBox").setCurrentIndex(1)  # Tuesday
    child(pane, QCheckBox, "capacityHoursCheck").setChecked(True)
    pane.capacity_start_edit.setTime(time(8, 30))
    pane.capacity_end_edit.setTime(time(10, 0))
    child(pane, QSpinBox, "capacitySpin").setValue(6)

    click(qtbot, pane, "setCapacityButton")

    slots = desk.bookings.availability(facility.id, TUESDAY, TUESDAY)[TUESDAY]
    assert {s.start: s.capacity for s in slots}[time(9, 30)] == 6
    assert {s.start: s.capacity for s in slots}[time(10, 0)] == 3
    assert dialogs.shown == []
    assert child(pane, QTableView, "capacityTable").model().index(0, 1).data() == "8:30–10:00"


def test_the_stored_capacities_are_listed_and_one_is_removed_after_confirming(
    qtbot, pane: SettingsPane, desk: Desk, facility: Facility, daredemo: Facility,  # type: ignore[no-untyped-def]
    view_context: ViewContext, dialogs: ScriptedDialogs,
) -> None:
    desk.facilities.set_capacity(facility.id, 6, start=time(8, 30), end=time(10, 0))
    view_context.run(desk.facilities.set_capacity, facility.id, 2, weekday=1)
    view_context.run(desk.facilities.set_capacity, facility.id, 1, on=TUESDAY)
    view_context.run(desk.facilities.set_capacity, daredemo.id, 9, weekday=0)
    table = child(pane, QTableView, "capacityTable")
    model = table.model()

    def rows() -> list[list[str]]:
        return [[model.index(r, c).data() for c in range(3)] for r in range(model.rowCount())]

    assert rows() == [["2026年3月3日(火)", "All day", "1"], ["火", "All day", "2"], ["Every day", "8:30–10:00", "6"]]
    remove = child(pane, QPushButton, "removeCapacityButton")
    assert not remove.isEnabled()  # nothing selected
    assert "Ctrl+Shift+R" in remove.toolTip()

    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    table.selectRow(1)
    dialogs.answers.append(False)
    with qtbot.assertNotEmitted(view_context.changed):
        qtbot.keyClick(table, Qt.Key.Key_Delete)
    [(kind, _title, question)] = dialogs.shown
    assert kind == "confirm" and "火" in question
    assert len(desk.facilities.capacities(facility.id)) == 3

    with qtbot.waitSignal(view_context.changed):
        qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)

    assert [c.weekday for c in desk.facilities.capacities(facility.id)] == [None, None]
    assert rows() == [["2026年3月3日(火)", "All day", "1"], ["Every day", "8:30–10:00", "6"]]
    assert "Removed" in child(pane, QLabel, "capacityStatus").text()
    assert capacities(desk, facility, TUESDAY + timedelta(days=7)) == {6, 3}  # the weekday's 2 is gone
    assert not remove.isEnabled()

    view_context.set_facility(daredemo.id)

    assert rows() == [["月", "All day", "9"]]


def test_closing_a_day_lists_the_affected_bookings_with_a_hint(
    qtbot, pane: SettingsPane, desk: Desk, facility: Facility, make_child,  # type: ignore[no-untyped-def]
    view_context: ViewContext,
) -> None:
    kid = make_child(facility)
    book(desk, facility, kid.id, "09:00", "11:00")
    afternoon = book(desk, facility, kid.id, "13:00", "15:00")
    pane.close_date_edit.setDate(TUESDAY)
    child(pane, QCheckBox, "closeFromCheck").setChecked(True)
    pane.close_from_edit.setTime(time(12, 0))
    reason = child(pane, QLineEdit, "closeReasonEdit")
    reason.setFocus()
    qtbot.waitUntil(reason.hasFocus)
    qtbot.keyClicks(reason, "storm warning")

    qtbot.keyClick(reason, Qt.Key.Key_Return)

    affected = child(pane, QTableView, "affectedTable").model()
    assert affected.rowCount() == 1
    assert affected.index(0, 0).data() == afternoon.number
    status = child(pane, QLabel, "closureStatus").text()
    assert "Bookings affected: 1" in status and "施設都合" in status and "12:00" in status
    assert max(s.start for s in desk.bookings.availability(facility.id, TUESDAY, TUESDAY)[TUESDAY]) == time(11, 30)

    view_context.run(desk.cancellations.cancel, afternoon.id, "facility")

    assert affected.index(0, 6).data() == "キャンセル"  # re-read after the change


def test_closing_without_a_reason_shows_the_sentence(
    qtbot, pane: SettingsPane, desk: Desk, facility: Facility  # type: ignore[no-untyped-def]
) -> None:
    pane.close_date_edit.setDate(TUESDAY)

    click(qtbot, pane, "closeDayButton")

    assert child(pane, QLabel, "closureStatus").text() == "理由を入力してください。"
    assert TUESDAY in desk.bookings.availability(facility.id, TUESDAY, TUESDAY)


def test_opening_a_holiday_makes_it_bookable(
    qtbot, pane: SettingsPane, desk: Desk, facility: Facility  # type: ignore[no-untyped-def]
) -> None:
    assert HOLIDAY not in desk.bookings.availability(facility.id, HOLIDAY, HOLIDAY)
    pane.open_date_edit.setDate(HOLIDAY)

    click(qtbot, pane, "openDayButton")

    assert capacities(desk, facility, HOLIDAY) == {3}
    assert "2026年3月20日(金)" in child(pane, QLabel, "closureStatus").text()


def test_adding_a_facility_for_the_other_program(
    qtbot, pane: SettingsPane, desk: Desk, facility: Facility  # type: ignore[no-untyped-def]
) -> None:
    child(pane, QLineEdit, "facilityCodeEdit").setText("D01")
    name = child(pane, QLineEdit, "facilityNameEdit")
    name.setText("ひかり保育園 誰でも通園")
    child(pane, QComboBox, "facilityProgramBox").setCurrentIndex(1)

    qtbot.keyClick(name, Qt.Key.Key_Return)

    added = desk.facilities.by_code("D01")
    assert (added.rules.program, added.rules.monthly_quota_minutes) == ("daredemo", 600)
    assert "D01" in child(pane, QLabel, "facilityStatus").text()

    child(pane, QLineEdit, "facilityCodeEdit").setText("K01")
    name.setText("重複")
    qtbot.keyClick(name, Qt.Key.Key_Return)

    assert child(pane, QLabel, "facilityStatus").text() == "施設コード「K01」はすでに使われています。"


def test_the_form_follows_the_facility(
    qtbot, pane: SettingsPane, daredemo: Facility, view_context: ViewContext  # type: ignore[no-untyped-def]
) -> None:
    assert child(pane, QComboBox, "rule_program").currentData() == "ichiji"

    view_context.set_facility(daredemo.id)

    assert child(pane, QComboBox, "rule_program").currentData() == "daredemo"
    assert child(pane, QLineEdit, "rule_min_age_months").text() == "6"
    assert "D01" in pane.rules_group.title()


def test_the_rules_form_shows_and_gives_back_every_field(qtbot) -> None:  # type: ignore[no-untyped-def]
    form = RulesForm("ja")
    qtbot.addWidget(form)
    rules = FacilityRules.daredemo(
        slot_minutes=15, open_time=time(9, 0), closed_weekdays=(0, 6), fee_free_reasons=("illness", "facility"),
        window_and_hold_apply_to_phone=False, online_bookings_confirmed=True, cancel_deadline_time=time(12, 0),
    )

    form.load(rules)

    expected = {f.name: getattr(rules, f.name) for f in dataclasses.fields(rules) if f.name != "extra"}
    values = form.values()
    assert values.keys() == expected.keys()
    assert {**values, "fee_free_reasons": set(values["fee_free_reasons"])} == {
        **expected, "fee_free_reasons": {"illness", "facility"}}
    assert form.changes(rules) == {}
    child(form, QLineEdit, "rule_max_age_months").clear()
    assert form.changes(rules) == {"max_age_months": None}


def test_the_caregiver_ratios_are_edited_by_age(qtbot) -> None:  # type: ignore[no-untyped-def]
    form = RulesForm("ja")
    qtbot.addWidget(form)
    rules = FacilityRules(caregiver_ratios=((0, 3), (1, 6), (3, 20)))  # age 2 takes age 1's ratio

    form.load(rules)

    shown = [child(form, QSpinBox, f"rule_caregiver_ratios_{age}").value() for age in range(5)]
    assert shown == [3, 6, 6, 20, 20]
    assert form.changes(rules) == {}
    child(form, QSpinBox, "rule_caregiver_ratios_4").setValue(25)
    assert form.changes(rules) == {"caregiver_ratios": ((0, 3), (1, 6), (2, 6), (3, 20), (4, 25))}


def test_the_models_pass_the_model_tester(
    qtmodeltester, desk: Desk, facility: Facility, make_child  # type: ignore[no-untyped-def]
) -> None:
    booking = book(desk, facility, make_child(facility).id, "09:00", "10:00")
    holder = QWidget()
    changes = capacity_model("ja", holder)
    changes.set_rows([CapacitySetting("1", 2, None, TUESDAY, None, None),
                      CapacitySetting("2", 4, 1, None, time(9, 0), time(12, 0)),
                      CapacitySetting("3", 5, None, None, time(8, 30), None)])
    affected = affected_model("ja", holder)
    affected.set_rows([booking])
    for model in (changes, affected):
        qtmodeltester.check(model)
    holder.deleteLater()


def test_the_calendar_follows_what_the_settings_pane_saves(
    qtbot, desk: Desk, facility: Facility, dialogs: ScriptedDialogs  # type: ignore[no-untyped-def]
) -> None:
    window = MainWindow(desk, dialogs=dialogs)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    calendar, settings = window.calendar, window.settings
    model = calendar.month_model

    def cell(day: date):  # type: ignore[no-untyped-def]
        return model.cell(model.index_of(day))

    assert not cell(HOLIDAY).open
    settings.open_date_edit.setDate(HOLIDAY)
    settings.open_day()
    child(settings, QSpinBox, "rule_default_capacity").setValue(4)
    settings.save_rules()

    assert cell(HOLIDAY).open
    assert {slot.capacity for slot in cell(TUESDAY).slots} == {4}


def log_in_as(desk: Desk, view_context: ViewContext, login: str) -> None:
    desk.login(login, "hikari-2026")
    view_context.staffChanged.emit()


@pytest.fixture
def accounts(desk: Desk) -> None:
    """An administrator (kocho) and a member of staff (hoiku)."""
    desk.staff.add("kocho", "園長 花子", "hikari-2026", role="admin")
    desk.login("kocho", "hikari-2026")
    desk.staff.add("hoiku", "保育 太郎", "hikari-2026")


def test_admin_only_settings_are_disabled_for_staff_and_enabled_again_for_an_admin(
    qtbot, pane: SettingsPane, desk: Desk, view_context: ViewContext, accounts: None  # type: ignore[no-untyped-def]
) -> None:
    admin_only = [pane.rules_group, pane.capacity_group, pane.closure_group, pane.facility_group]
    save = child(pane, QPushButton, "saveRulesButton")
    note = child(pane, QLabel, "adminOnlyNote")
    assert not note.isVisible()

    log_in_as(desk, view_context, "hoiku")

    assert note.isVisible() and "Only an administrator" in note.text()

    assert [group.isEnabled() for group in admin_only] == [False] * 4
    assert {group.toolTip() for group in admin_only} == {"Only an administrator can change this"}
    assert not save.isEnabled() and not child(pane, QPushButton, "addFacilityButton").isEnabled()
    assert child(pane, QCheckBox, "inboxEnabledCheck").isEnabled()  # this computer's setting
    assert child(pane, QTableView, "staffTable").isEnabled()

    log_in_as(desk, view_context, "kocho")

    assert [group.isEnabled() for group in admin_only] == [True] * 4
    assert {group.toolTip() for group in admin_only} == {""}
    assert save.isEnabled() and not note.isVisible()


def test_the_service_refuses_an_admin_change_by_staff_with_its_sentence(
    qtbot, pane: SettingsPane, desk: Desk, facility: Facility, view_context: ViewContext,  # type: ignore[no-untyped-def]
    accounts: None,
) -> None:
    log_in_as(desk, view_context, "hoiku")
    child(pane, QSpinBox, "capacitySpin").setValue(9)

    with qtbot.assertNotEmitted(view_context.changed):
        pane.set_capacity()  # what the disabled button would do

    assert "権限がありません" in child(pane, QLabel, "capacityStatus").text()
    assert capacities(desk, facility, TUESDAY) == {3}
