"""The message catalogue: every error reads as a concrete sentence, and rendering never fails."""

from __future__ import annotations

import inspect
import re
from datetime import date, datetime, time
from typing import Any, NamedTuple

import pytest

from hoiku_desk import messages
from hoiku_desk.services import errors

MAR9 = date(2026, 3, 9)  # a Monday
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
#: Keys whose values are codes the sentence must translate, never show as they are.
CODED_KEYS = {"reason", "status", "what", "action", "entity"}
#: ASCII words a Japanese sentence may contain besides the data it shows.
ASCII_WORDS_IN_JAPANESE = {"PostgreSQL", "Hoiku", "Desk", "ID", "URL"}


class Example(NamedTuple):
    data: dict[str, Any]
    ja: list[str]  # fragments the Japanese sentence must contain
    en: list[str]  # fragments the English sentence must contain


#: Realistic data for every error class and what its sentence must mention.
EXAMPLES: dict[str, Example] = {
    "HoikuDeskError": Example({}, ["処理を完了できませんでした"], ["could not be completed"]),
    "BookingError": Example({}, ["お受けできません"], ["cannot be accepted"]),
    "RegistrationRequired": Example(
        dict(child_name="山田 花子", facility_name="さくら保育園", day=MAR9),
        ["山田 花子さん", "さくら保育園", "3月9日(月)", "利用登録"],
        ["山田 花子", "さくら保育園", "Mon 9 Mar", "registration"],
    ),
    "RegistrationExpired": Example(
        dict(child_name="山田 花子", facility_name="さくら保育園", valid_until=date(2026, 3, 31),
             day=date(2026, 4, 6)),
        ["2026年3月31日(火)", "4月6日(月)", "有効期限"],
        ["Tue 31 Mar 2026", "Mon 6 Apr", "expired"],
    ),
    "AgeNotEligible": Example(
        dict(child_name="山田 花子", age="5か月", age_months=5, min_months=6, max_months=35, day=MAR9),
        ["5か月", "6か月〜2歳11か月", "3月9日(月)"],
        ["5 months", "6 months to 2 years 11 months", "Mon 9 Mar"],
    ),
    "OutsideBookingWindow": Example(
        dict(day=date(2026, 3, 6), first_day=MAR9, last_day=date(2026, 3, 19), start=time(9),
             reason="past"),
        ["3月6日(金)", "過ぎた"],
        ["Fri 6 Mar", "passed"],
    ),
    "FacilityClosed": Example(
        dict(day=date(2026, 3, 20), reason="holiday", holiday_name="春分の日", closure_reason=""),
        ["3月20日(金)", "春分の日", "祝日"],
        ["Fri 20 Mar", "春分の日", "public holiday"],
    ),
    "InvalidTimeRange": Example(
        dict(start=time(9), end=time(9, 30), slot_minutes=30, min_minutes=60, reason="too_short"),
        ["1時間以上", "9:00〜9:30"],
        ["at least 1 h", "9:00-9:30"],
    ),
    "SlotFull": Example(
        dict(day=MAR9, slot_start=time(10), slot_end=time(10, 30), capacity=3, taken=3),
        ["3月9日(月) 10:00〜10:30 の枠は満員です（定員3名・予約3名）。"],
        ["Mon 9 Mar 10:00-10:30", "3 of 3 places"],
    ),
    "OverlappingBooking": Example(
        dict(child_name="山田 花子", day=MAR9, start=time(9), end=time(12), number="0209-03",
             facility_name="ひまわり保育園"),
        ["0209-03", "ひまわり保育園", "9:00〜12:00", "重なって"],
        ["0209-03", "ひまわり保育園", "9:00-12:00", "overlaps"],
    ),
    "HoldLimitReached": Example(
        dict(child_name="山田 花子", max_days=2, held_days=[MAR9, date(2026, 3, 10)]),
        ["3月9日(月)、3月10日(火)", "2日まで"],
        ["Mon 9 Mar, Tue 10 Mar", "at most 2 days"],
    ),
    "QuotaExceeded": Example(
        dict(child_name="山田 花子", month="2026-03", quota_minutes=600, used_minutes=570,
             requested_minutes=120),
        ["2026年3月", "上限10時間", "9時間30分", "残りは30分", "2時間"],
        ["Mar 2026", "30 min left", "10 h", "9 h 30 min used", "2 h"],
    ),
    "DuplicateRegistration": Example(
        dict(child_name="山田 花子", facility_name="さくら保育園"),
        ["山田 花子さん", "さくら保育園", "すでに"],
        ["山田 花子", "さくら保育園", "already registered"],
    ),
    "DuplicateChild": Example(
        dict(name="山田 花子", kana="ヤマダ ハナコ", birth_date=date(2024, 12, 1)),
        ["ヤマダ ハナコ", "2024年12月1日(日)生まれ"],
        ["ヤマダ ハナコ", "born Sun 1 Dec 2024"],
    ),
    "NotCancellable": Example(
        dict(number="0301-02", status="cancelled", reason="not_active"),
        ["0301-02", "「キャンセル」", "キャンセルできません"],
        ["0301-02", "is cancelled", "cannot be cancelled"],
    ),
    "InvalidState": Example(
        dict(what="booking", status="cancelled", action="check_in"),
        ["この予約は「キャンセル」のため、登園受付はできません。"],
        ["Check-in is not possible", "booking is cancelled"],
    ),
    "InvalidInput": Example(
        dict(field="kana", value="yamada", reason="not_kana"),
        ["フリガナ", "カタカナ"],
        ["kana name", "katakana"],
    ),
    "NotFound": Example(
        dict(entity="Booking", id="b7e1c2"),
        ["予約（b7e1c2）が見つかりません"],
        ["booking b7e1c2"],
    ),
    "DatabaseBusy": Example(
        dict(seconds=30),
        ["他の端末がデータベースを使用中です。少し待ってからもう一度お試しください。"],
        ["Another desk is using the database"],
    ),
    "DatabaseUnavailable": Example(
        dict(path="//nas/share/hoiku.db", reason="network_share"),
        ["//nas/share/hoiku.db", "ローカルディスク", "PostgreSQL"],
        ["//nas/share/hoiku.db", "local disk", "PostgreSQL"],
    ),
    "PermissionDenied": Example(dict(action="waive"), ["料金の免除", "管理者"], ["Waiving the fee"]),
    "AuthenticationFailed": Example(dict(login="sato"), ["「sato」", "パスワード"], ["sato", "password"]),
    "ImportFileError": Example(
        dict(path="requests.csv", reason="missing_columns"),
        ["「requests.csv」", "申請ファイルではありません", "何も取り込んでいません"],
        ["requests.csv", "not a request file", "Nothing was imported"],
    ),
    "ExportFileError": Example(
        dict(path="decisions.csv", detail="Permission denied"),
        ["「decisions.csv」に書き出せません", "何も書き出していません"],
        ["Cannot write decisions.csv", "Nothing was written"],
    ),
}


def shown_values(data: dict[str, Any]) -> list[str]:
    """The text values a sentence may show as they are (longest first, for stripping)."""
    values = [v for k, v in data.items() if isinstance(v, str) and k not in CODED_KEYS]
    return sorted(values, key=len, reverse=True)


def assert_readable_japanese(text: str, data: dict[str, Any]) -> None:
    assert JAPANESE.search(text), text
    assert "{" not in text and "}" not in text and "None" not in text, text
    for value in shown_values(data):
        text = text.replace(value, "")
    assert set(re.findall(r"[A-Za-z_]+", text)) <= ASCII_WORDS_IN_JAPANESE, text


def assert_readable_english(text: str, data: dict[str, Any]) -> None:
    assert "{" not in text and "}" not in text and "None" not in text, text
    for value in shown_values(data):
        text = text.replace(value, "")
    assert all(ch.isascii() or ch == "¥" for ch in text), text


def build(name: str, data: dict[str, Any]) -> errors.HoikuDeskError:
    return getattr(errors, name)(**data)


# -- every error class ---------------------------------------------------------------------
def test_catalogue_knows_every_error_class() -> None:
    assert set(errors.__all__) <= set(messages.CODES)


@pytest.mark.parametrize("name", errors.__all__)
def test_error_reads_as_a_concrete_japanese_sentence(name: str) -> None:
    example = EXAMPLES[name]
    text = str(build(name, example.data))
    assert_readable_japanese(text, example.data)
    for fragment in example.ja:
        assert fragment in text, (fragment, text)


@pytest.mark.parametrize("name", errors.__all__)
def test_error_reads_as_a_concrete_english_sentence(name: str) -> None:
    example = EXAMPLES[name]
    text = build(name, example.data).message("en")
    assert_readable_english(text, example.data)
    for fragment in example.en:
        assert fragment in text, (fragment, text)


# -- the variants staff meet most ---------------------------------------------------------
VARIANTS = [
    pytest.param("ImportFileError", dict(path="requests.csv", reason="unreadable_header"),
                 ["見出しの行が読めません", "引用符"], id="import-header-unreadable"),
    pytest.param("OutsideBookingWindow",
                 dict(day=date(2026, 3, 20), first_day=MAR9, last_day=date(2026, 3, 19), start=time(9),
                      reason="horizon"),
                 ["3月9日(月)から3月19日(木)まで", "3月20日(金)のご予約は3月10日(火)から"],
                 id="horizon-says-when-it-opens"),
    pytest.param("OutsideBookingWindow",
                 dict(day=MAR9, first_day=MAR9, last_day=date(2026, 3, 19), start=time(9), reason="started"),
                 ["3月9日(月) 9:00からの時間はすでに始まっている"], id="started"),
    pytest.param("FacilityClosed",
                 dict(day=MAR9, reason="closure", open_time=time(8, 30), close_time=time(13),
                      closure_reason="暴風警報"),
                 ["暴風警報のため", "13:00以降は休園", "13:00までに終わる"], id="closure-from-a-time"),
    pytest.param("FacilityClosed", dict(day=MAR9, reason="closure", closure_reason="設備点検"),
                 ["3月9日(月)は臨時休園（設備点検）のため"], id="closure-whole-day"),
    pytest.param("FacilityClosed", dict(day=MAR9, reason="hours", open_time=time(8, 30), close_time=time(17)),
                 ["8:30〜17:00"], id="outside-hours"),
    pytest.param("FacilityClosed", dict(day=date(2025, 12, 30), reason="year_end"),
                 ["年末年始"], id="year-end"),
    pytest.param("InvalidTimeRange",
                 dict(start=time(9, 10), end=time(10), slot_minutes=30, min_minutes=60, reason="boundary"),
                 ["30分単位", "9:10〜10:00"], id="boundary"),
    pytest.param("InvalidTimeRange", dict(start=time(10), end=time(9), reason="order"),
                 ["終了時刻（9:00）", "開始時刻（10:00）"], id="order"),
    pytest.param("SlotFull",
                 dict(day=MAR9, slot_start=time(10), slot_end=time(10, 30), capacity=1, taken=1, interview=True),
                 ["面談枠は満員です（定員1組・予約1組）"], id="interview-slot"),
    pytest.param("QuotaExceeded",
                 dict(child_name="山田 花子", month="2026-03", quota_minutes=600, used_minutes=600,
                      requested_minutes=60),
                 ["残りはありません"], id="quota-used-up"),
    pytest.param("NotCancellable", dict(number="0301-02", status="confirmed", reason="started"),
                 ["0301-02", "開始時刻を過ぎている"], id="started-booking"),
    pytest.param("InvalidState", dict(what="booking", status="confirmed", action="check_out"),
                 ["まだ登園受付をしていない"], id="check-out-before-check-in"),
    pytest.param("InvalidState", dict(what="queue_item", status="approved", action="approve"),
                 ["この申請はすでに「承認済み」です"], id="decided-twice"),
    pytest.param("InvalidState", dict(what="registration", status="approved", action="book_interview"),
                 ["この利用登録は「承認済み」のため、面談の予約はできません。"], id="registration-state"),
    pytest.param("InvalidInput", dict(field="birth_date", value="2027-01-01", reason="future_birth_date"),
                 ["生年月日"], id="future-birth-date"),
    pytest.param("InvalidInput", dict(field="slot_minutes", value="7", reason="slot_minutes"),
                 ["予約の単位"], id="rules-field-label"),
    pytest.param("InvalidInput", dict(field="favourite_colour", value="red", reason="required"),
                 ["favourite_colourを入力してください"], id="unknown-field-named-as-is"),
    pytest.param("InvalidInput", dict(field="reason", value="bored", reason="cancel_reason"),
                 ["「bored」", "体調不良"], id="cancel-reason"),
    pytest.param("DatabaseUnavailable", dict(path="/data/hoiku.db", reason="newer_schema"),
                 ["新しい版"], id="newer-schema"),
    pytest.param("DatabaseUnavailable", dict(path=":memory:", reason="memory"),
                 ["メモリ上"], id="memory"),
]


@pytest.mark.parametrize(("code", "data", "fragments"), VARIANTS)
def test_variant_sentence_names_the_specific_cause(
    code: str, data: dict[str, Any], fragments: list[str]
) -> None:
    text = messages.render(code, data)
    assert_readable_japanese(text, data)
    assert_readable_english(messages.render(code, data, "en"), data)
    for fragment in fragments:
        assert fragment in text, (fragment, text)


# -- robustness ------------------------------------------------------------------------------
ODD_INPUTS = [
    pytest.param("NoSuchCode", {"day": MAR9}, id="unknown-code"),
    pytest.param("SlotFull", {}, id="empty-data"),
    pytest.param("SlotFull", {"day": None, "slot_start": [1, 2], "capacity": "many"}, id="odd-values"),
    pytest.param("QuotaExceeded", {"child_name": None, "month": ["2026", "03"], "quota_minutes": None},
                 id="none-and-lists"),
    pytest.param("InvalidState", {"what": ["booking"], "status": None, "action": 3}, id="odd-state"),
    pytest.param("InvalidInput", {"field": None, "value": ["a"], "reason": None}, id="odd-input"),
    pytest.param("FacilityClosed", {"day": MAR9, "reason": "meteor"}, id="unknown-reason"),
    pytest.param("HoldLimitReached", {"child_name": "花子", "max_days": True, "held_days": "3/9"},
                 id="wrong-types"),
    pytest.param(None, None, id="no-code-no-data"),
]


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize(("code", "data"), ODD_INPUTS)
def test_render_never_raises_and_still_gives_a_sentence(code: Any, data: Any, lang: str) -> None:
    text = messages.render(code, data, lang)
    assert text and "{" not in text and "None" not in text


def test_known_code_with_unusable_data_falls_back_to_its_own_generic_sentence() -> None:
    assert "満員" in messages.render("SlotFull", {"capacity": None})
    assert "full" in messages.render("SlotFull", {"capacity": None}, "en")


def test_unknown_code_falls_back_to_the_overall_generic_sentence() -> None:
    assert messages.render("NoSuchCode", {}) == messages.render("HoikuDeskError", {})


def test_unknown_language_renders_japanese() -> None:
    data = EXAMPLES["SlotFull"].data
    assert messages.render("SlotFull", data, "fr") == messages.render("SlotFull", data)


def test_message_of_a_hoiku_desk_error_is_its_sentence() -> None:
    error = build("SlotFull", EXAMPLES["SlotFull"].data)
    assert messages.message(error) == str(error)
    assert messages.message(error, "en") == error.message("en")


def test_message_of_any_other_exception_is_a_generic_apology() -> None:
    assert "予期しないエラーが発生しました" in messages.message(ValueError("boom"))
    assert "unexpected error" in messages.message(KeyError("x"), "en")


def test_catalogue_does_not_import_qt() -> None:
    assert "PySide6" not in inspect.getsource(messages)


# -- formatting helpers --------------------------------------------------------------------
@pytest.mark.parametrize(("day", "ja", "en"), [
    (date(2026, 3, 9), "3月9日(月)", "Mon 9 Mar"),
    (date(2026, 2, 9), "2月9日(月)", "Mon 9 Feb"),
    (date(2026, 3, 15), "3月15日(日)", "Sun 15 Mar"),
])
def test_format_date_shows_the_weekday(day: date, ja: str, en: str) -> None:
    assert messages.format_date(day) == ja
    assert messages.format_date(day, "en") == en


def test_format_date_adds_the_year_on_request() -> None:
    assert messages.format_date(MAR9, with_year=True) == "2026年3月9日(月)"
    assert messages.format_date(MAR9, "en", with_year=True) == "Mon 9 Mar 2026"


@pytest.mark.parametrize(("value", "text"), [
    (time(9, 30), "9:30"), (time(17), "17:00"), (time(8, 5), "8:05"),
])
def test_format_time_drops_the_leading_zero_of_the_hour(value: time, text: str) -> None:
    assert messages.format_time(value) == text


@pytest.mark.parametrize(("minutes", "ja", "en"), [
    (150, "2時間30分", "2 h 30 min"),
    (45, "45分", "45 min"),
    (600, "10時間", "10 h"),
    (0, "0分", "0 min"),
])
def test_format_minutes_in_hours_and_minutes(minutes: int, ja: str, en: str) -> None:
    assert messages.format_minutes(minutes) == ja
    assert messages.format_minutes(minutes, "en") == en


@pytest.mark.parametrize(("yen", "ja", "en"), [
    (1200, "1,200円", "¥1,200"), (300, "300円", "¥300"), (0, "0円", "¥0"),
])
def test_format_yen_groups_thousands(yen: int, ja: str, en: str) -> None:
    assert messages.format_yen(yen) == ja
    assert messages.format_yen(yen, "en") == en


# -- labels ---------------------------------------------------------------------------------
@pytest.mark.parametrize(("code", "ja", "en"), [
    ("illness", "体調不良", "illness"),
    ("family", "家庭の都合", "family reasons"),
    ("facility", "施設都合", "facility reasons"),
    ("mistake", "誤予約", "booking mistake"),
    ("other", "その他", "other"),
])
def test_reason_label_names_each_cancel_reason(code: str, ja: str, en: str) -> None:
    assert messages.reason_label(code) == ja
    assert messages.reason_label(code, "en") == en


@pytest.mark.parametrize(("status", "ja"), [
    ("pending", "仮予約"), ("confirmed", "確定"), ("rejected", "不承認"),
    ("cancelled", "キャンセル"), ("attended", "利用済"), ("no_show", "無断欠席"),
])
def test_status_label_names_each_booking_status(status: str, ja: str) -> None:
    assert messages.status_label(status) == ja
    assert messages.status_label(status, "en").isascii()


def test_kind_label_names_each_booking_kind() -> None:
    assert "一時利用" in messages.kind_label("flexible")
    assert messages.kind_label("regular") == "定期利用"
    assert messages.kind_label("interview") == "面談"
    assert messages.kind_label("interview", "en") == "interview"


def test_labels_return_unknown_codes_as_given() -> None:
    assert messages.reason_label("weather") == "weather"
    assert messages.status_label("archived") == "archived"
    assert messages.kind_label("camp") == "camp"


# -- sentences read out to parents ------------------------------------------------------------
@pytest.mark.parametrize(("months", "ja", "en"), [
    (20, "1歳8か月", "1 year 8 months"),
    (24, "2歳", "2 years"),
    (8, "8か月", "8 months"),
    (1, "1か月", "1 month"),
    (0, "0か月", "0 months"),
])
def test_format_age_in_years_and_months(months: int, ja: str, en: str) -> None:
    assert messages.format_age(months) == ja
    assert messages.format_age(months, "en") == en


def _readout(lang: str, **changes: Any) -> list[str]:
    """The policy of 3月9日(月) 9:00–12:30 at 300 yen an hour, free until 17:00 the day before."""
    values: dict[str, Any] = dict(
        minutes=210, fee_yen=1050, deadline=datetime(2026, 3, 8, 17), deadline_passed=False,
        late_fee_yen=1050, late_percent=100, counts_against_quota=False, fee_free_reasons=("facility",),
    )
    values.update(changes)
    return messages.policy_readout(MAR9, time(9), time(12, 30), lang=lang, **values)


def test_policy_readout_gives_fee_deadline_no_show_and_free_reasons() -> None:
    fee, deadline, no_show, reasons = _readout("ja")
    assert fee == "3月9日(月) 9:00〜12:30（3時間30分）の利用料は1,050円です。当日お支払いください。"
    assert "3月8日(日) 17:00までのキャンセルは無料です" in deadline and "100%（1,050円）" in deadline
    assert "無断欠席" in no_show
    assert reasons == "施設都合によるキャンセルは、期限を過ぎても無料です。"
    en = _readout("en")
    assert en[0] == "Mon 9 Mar 9:00–12:30 (3 h 30 min): the fee is ¥1,050, paid on the day."
    assert en[1] == "Cancellation is free until Sun 8 Mar 17:00. After that, 100% of the fee (¥1,050) is charged."
    assert en[3] == "Cancelling for these reasons is always free: facility reasons."


def test_policy_readout_after_the_deadline_says_it_has_passed() -> None:
    assert "期限（3月8日(日) 17:00）を過ぎているため" in _readout("ja", deadline_passed=True)[1]
    assert "(Sun 8 Mar 17:00) has passed" in _readout("en", deadline_passed=True)[1]


def test_policy_readout_mentions_the_months_hours_only_when_late_hours_count() -> None:
    assert not any("ご利用時間" in line for line in _readout("ja"))
    assert "その月のご利用時間に含まれます" in _readout("ja", counts_against_quota=True)[3]
    assert "count against the month's hours" in _readout("en", counts_against_quota=True)[3]


def test_policy_readout_without_fees_says_nothing_is_charged() -> None:
    ja = _readout("ja", fee_yen=0, late_fee_yen=0, fee_free_reasons=("illness", "facility"))
    assert ja == ["3月9日(月) 9:00〜12:30（3時間30分）のご利用です。利用料はかかりません。", "キャンセル料はかかりません。"]
    assert _readout("en", late_fee_yen=0, late_percent=0)[1:] == ["Cancellation is free of charge."]


def test_policy_readout_lists_every_fee_free_reason() -> None:
    assert _readout("ja", fee_free_reasons=("illness", "facility"))[-1].startswith("体調不良・施設都合による")
    assert _readout("en", fee_free_reasons=("illness", "facility"))[-1].endswith("illness, facility reasons.")
    assert len(_readout("ja", fee_free_reasons=())) == 3


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_policy_readout_is_entirely_in_its_language(lang: str) -> None:
    lines = _readout(lang, counts_against_quota=True, fee_free_reasons=("illness", "family"))
    for line in lines:
        if lang == "ja":
            assert JAPANESE.search(line) and not re.search(r"[A-Za-z]", line), line
        else:
            assert not JAPANESE.search(line), line


def test_late_change_note_gives_the_dropped_time_and_its_fee() -> None:
    assert messages.late_change_note(60, 300) == \
        "この変更でご利用がなくなる1時間は期限後のキャンセルとなり、キャンセル料300円がかかります。"
    assert messages.late_change_note(60, 300, "en") == \
        "The 1 h this change drops counts as a late cancellation: a fee of ¥300 is charged."


def test_late_change_note_without_a_fee_says_none_is_charged() -> None:
    assert messages.late_change_note(30, 0).endswith("（キャンセル料はかかりません）。")
    assert messages.late_change_note(30, 0, "en") == \
        "The 30 min this change drops counts as a late cancellation (no fee is charged)."


def test_demo_refused_on_a_database_with_data_says_why_and_what_to_do() -> None:
    refusal = errors.InvalidState(what="database", status="not_empty", action="demo")
    assert "デモデータ" in str(refusal) and "--db" in str(refusal)
    assert "demo data" in refusal.message("en")
