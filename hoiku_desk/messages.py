"""The message catalogue: every error code and its data as a sentence staff can read out.

One Qt-free table used by the window, the command line and import reports.  Japanese
sentences are in polite form and concrete (which day, which slot, how many places, which
deadline); each code also has an English sentence.  :func:`render` never raises: a sentence
whose data is missing or odd falls back to the code's generic sentence, an unknown code to
an overall generic one.  The formatting helpers and the sentences staff read out to parents
(the cancellation policy, the late part of a change) live here too, for the same reason.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, time
from typing import Any, TypeVar
from unicodedata import category

_T = TypeVar("_T")
#: Japanese and English versions of one text.
_Pair = tuple[str, str]

_WEEKDAYS_JA = "月火水木金土日"
_WEEKDAYS_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun",
              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _pick(pair: tuple[_T, _T], lang: str) -> _T:
    return pair[1] if lang == "en" else pair[0]


# -- formatting helpers (the window reuses them) -------------------------------------------
def format_date(d: date, lang: str = "ja", *, with_year: bool = False) -> str:
    """``3月9日(月)`` / ``Mon 9 Mar``; ``with_year`` gives ``2026年3月9日(月)`` / ``Mon 9 Mar 2026``."""
    if lang == "en":
        text = f"{_WEEKDAYS_EN[d.weekday()]} {d.day} {_MONTHS_EN[d.month - 1]}"
        return f"{text} {d.year}" if with_year else text
    text = f"{d.month}月{d.day}日({_WEEKDAYS_JA[d.weekday()]})"
    return f"{d.year}年{text}" if with_year else text


def format_time(t: time) -> str:
    """``9:30`` (no leading zero on the hour), the same in both languages."""
    return f"{t.hour}:{t.minute:02d}"


def format_minutes(n: int, lang: str = "ja") -> str:
    """``2時間30分`` / ``45分`` / ``10時間``; in English ``2 h 30 min``."""
    if n < 0:
        return "-" + format_minutes(-n, lang)
    hours, minutes = divmod(n, 60)
    units = (" h", " min") if lang == "en" else ("時間", "分")
    parts = [f"{hours}{units[0]}"] if hours else []
    if minutes or not hours:
        parts.append(f"{minutes}{units[1]}")
    return " ".join(parts) if lang == "en" else "".join(parts)


def format_yen(n: int, lang: str = "ja") -> str:
    """``1,200円`` / ``¥1,200``."""
    return f"¥{n:,}" if lang == "en" else f"{n:,}円"


def format_month(month: str | date, lang: str = "ja") -> str:
    """``2026-03`` (or a date in that month) as ``2026年3月`` / ``Mar 2026``."""
    if isinstance(month, date):
        year, number = month.year, month.month
    else:
        found = re.fullmatch(r"(\d{4})-(\d{1,2})", month)
        if found is None or not 1 <= int(found[2]) <= 12:
            return month
        year, number = int(found[1]), int(found[2])
    return f"{_MONTHS_EN[number - 1]} {year}" if lang == "en" else f"{year}年{number}月"


def format_age(months: int, lang: str = "ja") -> str:
    """Completed months as ``2歳11か月`` / ``2 years 11 months`` (``8か月``, ``2歳`` when a
    part is zero)."""
    years, rest = divmod(months, 12)
    if lang == "en":
        parts = [f"{years} year{'s' * (years != 1)}"] if years else []
        if rest or not years:
            parts.append(f"{rest} month{'s' * (rest != 1)}")
        return " ".join(parts)
    if not years:
        return f"{rest}か月"
    return f"{years}歳{rest}か月" if rest else f"{years}歳"


# -- labels -----------------------------------------------------------------------------
_REASONS: dict[str, _Pair] = {
    "illness": ("体調不良", "illness"),
    "family": ("家庭の都合", "family reasons"),
    "facility": ("施設都合", "facility reasons"),
    "mistake": ("誤予約", "booking mistake"),
    "other": ("その他", "other"),
}
_STATUSES: dict[str, _Pair] = {
    "pending": ("仮予約", "provisional"),
    "confirmed": ("確定", "confirmed"),
    "rejected": ("不承認", "rejected"),
    "cancelled": ("キャンセル", "cancelled"),
    "attended": ("利用済", "attended"),
    "no_show": ("無断欠席", "no-show"),
}
#: Statuses of registrations, queue items and plans (``pending`` differs from a booking's).
_OTHER_STATUSES: dict[str, _Pair] = {
    "pending": ("未処理", "pending"),
    "applied": ("申込み中", "applied"),
    "requested": ("申請中", "requested"),
    "approved": ("承認済み", "approved"),
    "rejected": ("不承認", "rejected"),
    "withdrawn": ("取り下げ済み", "withdrawn"),
    "expired": ("期限切れ", "expired"),
    "cancelled": ("取消済み", "cancelled"),
    "ended": ("終了", "ended"),
}
_KINDS: dict[str, _Pair] = {
    "flexible": ("一時利用（柔軟利用）", "flexible use"),
    "regular": ("定期利用", "regular use"),
    "interview": ("面談", "interview"),
}
_ENTITIES: dict[str, _Pair] = {
    "booking": ("予約", "booking"),
    "registration": ("利用登録", "registration"),
    "queue_item": ("申請", "request"),
    "plan": ("定期利用の計画", "regular plan"),
    "regular_plan": ("定期利用の計画", "regular plan"),
    "interview_slot": ("面談枠", "interview slot"),
    "child": ("児童", "child"),
    "guardian": ("保護者", "guardian"),
    "facility": ("施設", "facility"),
    "closure": ("休園設定", "closure"),
    "capacity_setting": ("定員の設定", "capacity setting"),
    "database": ("データベース", "database"),
    "staff": ("職員", "staff account"),
}
_ACTIONS: dict[str, _Pair] = {
    "check_in": ("登園受付", "Check-in"),
    "check_out": ("降園受付", "Check-out"),
    "approve": ("承認", "Approval"),
    "reject": ("不承認", "Rejection"),
    "cancel": ("キャンセル", "Cancellation"),
    "change": ("変更", "A change"),
    "no_show": ("無断欠席の記録", "Recording a no-show"),
    "waive": ("料金の免除", "Waiving the fee"),
    "book_interview": ("面談の予約", "Booking an interview"),
    "withdraw": ("取り下げ", "Withdrawal"),
    "override": ("規則を超えた予約", "Booking beyond the rules"),
    "set_rules": ("施設ルールの変更", "Changing the facility rules"),
    "set_capacity": ("定員の変更", "Changing the capacity"),
    "manage_staff": ("職員アカウントの管理", "Managing staff accounts"),
    "add_facility": ("施設の登録", "Adding a facility"),
    "close_day": ("休園日の設定", "Setting closed days"),
    "restore": ("バックアップからの復元", "Restoring a backup"),
}
_FIELDS: dict[str, _Pair] = {
    "name": ("氏名", "name"),
    "year": ("対象年", "year"),
    "month": ("対象月", "month"),
    "kana": ("フリガナ", "kana name"),
    "guardian_name": ("保護者氏名", "guardian's name"),
    "guardian_kana": ("保護者フリガナ", "guardian's kana name"),
    "allergies": ("アレルギー", "allergies"),
    "notes": ("特記事項", "notes"),
    "source": ("受付経路", "channel"),
    "checked_out_at": ("降園時刻", "check-out time"),
    "caregiver_ratios": ("保育士の配置基準", "caregiver ratios"),
    "birth_date": ("生年月日", "birth date"),
    "sex": ("性別", "sex"),
    "phone": ("電話番号", "phone number"),
    "postal_code": ("郵便番号", "postal code"),
    "address": ("住所", "address"),
    "relation": ("続柄", "relation"),
    "code": ("施設コード", "facility code"),
    "pickup": ("お迎え", "pick-up"),
    "reason": ("理由", "reason"),
    "capacity": ("定員", "capacity"),
    "contacts": ("緊急連絡先", "emergency contacts"),
    "weekday": ("曜日", "weekday"),
    "weekdays": ("曜日", "weekdays"),
    "first_day": ("期間", "period"),
    "last_day": ("期間", "period"),
    "day": ("利用日", "day"),
    "start": ("開始時刻", "start time"),
    "end": ("終了時刻", "end time"),
    "interviewed_on": ("面談日", "interview date"),
    "slot_id": ("面談枠", "interview slot"),
    "amount_yen": ("金額", "amount"),
    "login": ("ログインID", "login"),
    "password": ("パスワード", "password"),
    "role": ("権限", "role"),
    # FacilityRules
    "program": ("事業の種類", "program"),
    "slot_minutes": ("予約の単位（分）", "booking unit (minutes)"),
    "min_booking_minutes": ("最短の利用時間", "shortest booking"),
    "default_capacity": ("定員", "capacity"),
    "open_time": ("開園時刻", "opening time"),
    "close_time": ("閉園時刻", "closing time"),
    "closed_weekdays": ("休園曜日", "closed weekdays"),
    "min_age_months": ("対象年齢（下限）", "minimum age"),
    "max_age_months": ("対象年齢（上限）", "maximum age"),
    "booking_horizon_days": ("予約受付期間（日数）", "booking horizon (days)"),
    "max_held_days": ("同時に予約できる日数", "days a child may hold"),
    "monthly_quota_minutes": ("月の利用上限時間", "monthly quota"),
    "cancel_deadline_days_before": ("キャンセル期限（何日前）", "cancellation deadline (days before)"),
    "cancel_deadline_time": ("キャンセル期限（時刻）", "cancellation deadline (time)"),
    "hourly_fee_yen": ("1時間あたりの料金", "hourly fee"),
    "late_cancel_fee_percent": ("キャンセル料の割合", "late cancellation fee"),
    "fee_free_reasons": ("キャンセル料のかからない理由", "fee-free reasons"),
}


def _label(table: Mapping[str, _Pair], key: Any, lang: str) -> str | None:
    pair = table.get(key) if isinstance(key, str) else None
    return None if pair is None else _pick(pair, lang)


def reason_label(code: str, lang: str = "ja") -> str:
    """A cancellation reason: ``illness`` → 体調不良 (unknown codes are returned as given)."""
    return _label(_REASONS, code, lang) or str(code)


def status_label(status: str, lang: str = "ja") -> str:
    """A booking status: ``pending`` → 仮予約 (unknown statuses are returned as given)."""
    return _label(_STATUSES, status, lang) or str(status)


def kind_label(kind: str, lang: str = "ja") -> str:
    """A booking kind: ``regular`` → 定期利用 (unknown kinds are returned as given)."""
    return _label(_KINDS, kind, lang) or str(kind)


# -- sentences staff read out to parents ----------------------------------------------------
def _moment(at: datetime, lang: str) -> str:
    return f"{format_date(at.date(), lang)} {format_time(at.time())}"


def policy_readout(
    day: date,
    start: time,
    end: time,
    *,
    minutes: int,
    fee_yen: int,
    deadline: datetime,
    deadline_passed: bool,
    late_fee_yen: int,
    late_percent: int,
    counts_against_quota: bool = False,
    fee_free_reasons: Sequence[str] = (),
    lang: str = "ja",
) -> list[str]:
    """The cancellation policy of one booking as staff read it out before the parent agrees,
    one sentence a line: the fee, the free cancellation deadline (or that it has passed) with
    the late fee, no-shows, the month's hours when late hours count against them, and the
    reasons that are always free. ``late_fee_yen`` is ``late_percent`` of ``fee_yen``."""
    en = lang == "en"
    length, when = format_minutes(minutes, lang), _moment(deadline, lang)
    fee, late = format_yen(fee_yen, lang), format_yen(late_fee_yen, lang)
    reasons = (", " if en else "・").join(reason_label(code, lang) for code in fee_free_reasons)
    if en:
        slot = f"{format_date(day, lang)} {format_time(start)}–{format_time(end)} ({length})"
        lines = [f"{slot}: the fee is {fee}, paid on the day." if fee_yen else f"{slot}: there is no fee."]
    else:
        slot = f"{format_date(day, lang)} {format_time(start)}〜{format_time(end)}（{length}）"
        lines = [f"{slot}の利用料は{fee}です。当日お支払いください。" if fee_yen
                 else f"{slot}のご利用です。利用料はかかりません。"]
    if not late_fee_yen:
        lines.append("Cancellation is free of charge." if en else "キャンセル料はかかりません。")
    elif deadline_passed:
        lines.append(f"The free cancellation deadline ({when}) has passed: a cancellation now costs "
                     f"{late_percent}% of the fee ({late})." if en else
                     f"無料でキャンセルできる期限（{when}）を過ぎているため、これからキャンセルされる場合は"
                     f"利用料の{late_percent}%（{late}）のキャンセル料がかかります。")
    else:
        lines.append(f"Cancellation is free until {when}. After that, {late_percent}% of the fee "
                     f"({late}) is charged." if en else
                     f"{when}までのキャンセルは無料です。それ以降にキャンセルされる場合は、"
                     f"利用料の{late_percent}%（{late}）のキャンセル料がかかります。")
    if late_fee_yen:
        lines.append("A no-show is charged like a late cancellation." if en else
                     "ご連絡なくお休みされた場合（無断欠席）も、同じキャンセル料がかかります。")
    if counts_against_quota:
        lines.append("Late-cancelled and no-show hours count against the month's hours." if en else
                     "期限後のキャンセルや無断欠席の時間も、その月のご利用時間に含まれます。")
    if late_fee_yen and reasons:
        lines.append(f"Cancelling for these reasons is always free: {reasons}." if en else
                     f"{reasons}によるキャンセルは、期限を過ぎても無料です。")
    return lines


def late_change_note(minutes: int, fee_yen: int, lang: str = "ja") -> str:
    """What staff tell a parent whose change, after the cancellation deadline, drops
    ``minutes`` of the booking: they count as a late cancellation costing ``fee_yen``."""
    length, fee = format_minutes(minutes, lang), format_yen(fee_yen, lang)
    if lang == "en":
        charged = f": a fee of {fee} is charged." if fee_yen else " (no fee is charged)."
        return f"The {length} this change drops counts as a late cancellation{charged}"
    charged = f"となり、キャンセル料{fee}がかかります。" if fee_yen else "となります（キャンセル料はかかりません）。"
    return f"この変更でご利用がなくなる{length}は期限後のキャンセル{charged}"


# -- reading the data ---------------------------------------------------------------------
class _Missing(Exception):
    """A value a sentence needs is absent or of the wrong type."""


class _Data:
    """An error's data as the sentences read it: formatted for the language, never ``None``."""

    def __init__(self, data: Mapping[str, Any], lang: str) -> None:
        self._data = data
        self.lang = lang

    def get(self, key: str) -> Any:
        """The raw value, or ``None`` when absent or empty."""
        value = self._data.get(key)
        if isinstance(value, (str, list, tuple)) and not value:
            return None
        return value

    def _typed(self, key: str, kind: type | tuple[type, ...]) -> Any:
        value = self.get(key)
        if not isinstance(value, kind) or isinstance(value, bool):
            raise _Missing(key)
        return value

    def text(self, key: str) -> str:
        return str(self._typed(key, (str, int)))

    def number(self, key: str) -> int:
        return self._typed(key, int)

    def day(self, key: str, *, with_year: bool = False) -> str:
        return format_date(self._typed(key, date), self.lang, with_year=with_year)

    def time(self, key: str) -> str:
        return format_time(self._typed(key, time))

    def minutes(self, key: str) -> str:
        return format_minutes(self.number(key), self.lang)

    def label(self, table: Mapping[str, _Pair], key: str) -> str | None:
        return _label(table, self.get(key), self.lang)

    def optional(self, read: Callable[[str], str], key: str) -> str | None:
        """``read(key)``, or ``None`` when the value is missing."""
        try:
            return read(key)
        except _Missing:
            return None


# -- rule 1 ----------------------------------------------------------------------------
def _ja_registration_required(d: _Data) -> str:
    return (f"{d.text('child_name')}さんは{d.text('facility_name')}の利用登録（利用承認）がないため、"
            f"{d.day('day')}のご予約はお受けできません。先に利用登録と面談のお申し込みをご案内ください。")


def _en_registration_required(d: _Data) -> str:
    return (f"{d.text('child_name')} has no approved registration at {d.text('facility_name')}, "
            f"so {d.day('day')} cannot be booked. Please offer registration and an interview first.")


def _ja_registration_expired(d: _Data) -> str:
    return (f"{d.text('child_name')}さんの{d.text('facility_name')}の利用登録は"
            f"{d.day('valid_until', with_year=True)}で有効期限が切れているため、{d.day('day')}のご予約は"
            "お受けできません。改めて利用登録と面談が必要です。")


def _en_registration_expired(d: _Data) -> str:
    return (f"{d.text('child_name')}'s registration at {d.text('facility_name')} expired on "
            f"{d.day('valid_until', with_year=True)}, so {d.day('day')} cannot be booked. "
            "A new registration and interview are needed.")


# -- rule 2 ----------------------------------------------------------------------------
def _age_range(d: _Data) -> str | None:
    low, high = d.get("min_months"), d.get("max_months")
    low = format_age(low, d.lang) if isinstance(low, int) else None
    high = format_age(high, d.lang) if isinstance(high, int) else None
    en = d.lang == "en"
    if low and high:
        return f"{low} to {high}" if en else f"{low}〜{high}"
    if low:
        return f"from {low}" if en else f"{low}以上"
    if high:
        return f"up to {high}" if en else f"{high}まで"
    return None


def _ja_age_not_eligible(d: _Data) -> str:
    ages = _age_range(d)
    eligible = f"（対象年齢：{ages}）" if ages else ""
    return (f"{d.text('child_name')}さんは{d.day('day')}時点で{d.text('age')}のため、"
            f"ご利用いただけません{eligible}。")


def _en_age_not_eligible(d: _Data) -> str:
    months = d.get("age_months")
    age = format_age(months, "en") if isinstance(months, int) else d.text("age")
    ages = _age_range(d)
    eligible = f" ({ages})" if ages else ""
    return f"{d.text('child_name')} is {age} old on {d.day('day')}, outside the eligible ages{eligible}."


# -- rule 3 ----------------------------------------------------------------------------
def _opens_on(d: _Data) -> str | None:
    """The day bookings for ``day`` open: as many days before it as the window is long."""
    day, first, last = d.get("day"), d.get("first_day"), d.get("last_day")
    if not all(isinstance(v, date) for v in (day, first, last)):
        return None
    return format_date(day - (last - first), d.lang)


def _ja_outside_window(d: _Data) -> str:
    day, reason = d.day("day"), d.get("reason")
    if reason == "past":
        return f"{day}はすでに過ぎた日のため、ご予約はお受けできません。"
    if reason == "started":
        return (f"{day} {d.time('start')}からの時間はすでに始まっているため、ご予約はお受けできません。"
                "これから先の時間をご案内ください。")
    if reason == "horizon":
        opens = _opens_on(d)
        later = f"{day}のご予約は{opens}からお受けします。" if opens else ""
        return (f"{day}はまだ予約の受付期間前です。現在お受けしているのは{d.day('first_day')}から"
                f"{d.day('last_day')}までのご予約です。{later}")
    raise _Missing("reason")


def _en_outside_window(d: _Data) -> str:
    day, reason = d.day("day"), d.get("reason")
    if reason == "past":
        return f"{day} has already passed and cannot be booked."
    if reason == "started":
        return (f"{day} from {d.time('start')} has already started and cannot be booked. "
                "Please offer a later time.")
    if reason == "horizon":
        opens = _opens_on(d)
        later = f" Bookings for {day} open on {opens}." if opens else ""
        return (f"{day} is not open for booking yet: bookings are taken from {d.day('first_day')} "
                f"to {d.day('last_day')}.{later}")
    raise _Missing("reason")


# -- rule 4 ----------------------------------------------------------------------------
def _ja_closed(d: _Data) -> str:
    day, reason = d.day("day"), d.get("reason")
    cause = d.optional(d.text, "closure_reason")
    if reason == "hours":
        return (f"{day}のご利用時間は{d.time('open_time')}〜{d.time('close_time')}です。"
                "この時間内でご予約ください。")
    if reason == "closure" and d.get("close_time") is not None:
        why = f"{cause}のため、" if cause else ""
        return (f"{day}は{why}{d.time('close_time')}以降は休園です。"
                f"{d.time('close_time')}までに終わる時間でご案内ください。")
    holiday = f"（{d.text('holiday_name')}）" if d.get("holiday_name") else ""
    whole_day = {
        "weekday": "休園日",
        "holiday": f"祝日{holiday}",
        "year_end": "年末年始（12月29日〜1月3日）",
        "closure": f"臨時休園（{cause}）" if cause else "臨時休園",
    }
    if reason not in whole_day:
        raise _Missing("reason")
    return f"{day}は{whole_day[reason]}のため、ご予約はお受けできません。別の日をご案内ください。"


def _en_closed(d: _Data) -> str:
    day, reason = d.day("day"), d.get("reason")
    cause = d.optional(d.text, "closure_reason")
    if reason == "hours":
        return f"On {day} children can be booked from {d.time('open_time')} to {d.time('close_time')} only."
    if reason == "closure" and d.get("close_time") is not None:
        why = f" ({cause})" if cause else ""
        return (f"On {day} the facility closes from {d.time('close_time')}{why}. "
                f"Please offer a time that ends by {d.time('close_time')}.")
    holiday = f" ({d.text('holiday_name')})" if d.get("holiday_name") else ""
    whole_day = {
        "weekday": "a closed day",
        "holiday": f"a public holiday{holiday}",
        "year_end": "in the year-end closure (29 Dec to 3 Jan)",
        "closure": f"closed by the facility ({cause})" if cause else "closed by the facility",
    }
    if reason not in whole_day:
        raise _Missing("reason")
    return f"{day} is {whole_day[reason]} and cannot be booked. Please offer another day."


# -- rule 5 ----------------------------------------------------------------------------
def _ja_time_range(d: _Data) -> str:
    start, end, reason = d.time("start"), d.time("end"), d.get("reason")
    if reason == "order":
        return f"終了時刻（{end}）が開始時刻（{start}）より後になっていません。時間をご確認ください。"
    if reason == "boundary":
        unit = d.minutes("slot_minutes")
        return f"ご予約は{unit}単位です。{start}〜{end}を{unit}単位の時刻に合わせてください。"
    if reason == "too_short":
        return f"ご利用は{d.minutes('min_minutes')}以上からお受けしています（{start}〜{end}では短すぎます）。"
    raise _Missing("reason")


def _en_time_range(d: _Data) -> str:
    start, end, reason = d.time("start"), d.time("end"), d.get("reason")
    if reason == "order":
        return f"The end time ({end}) must be after the start time ({start})."
    if reason == "boundary":
        unit = d.minutes("slot_minutes")
        return f"Bookings are made in units of {unit}: {start}-{end} does not fit them."
    if reason == "too_short":
        return f"A booking must last at least {d.minutes('min_minutes')}: {start}-{end} is too short."
    raise _Missing("reason")


# -- rule 6 ----------------------------------------------------------------------------
def _ja_slot_full(d: _Data) -> str:
    slot, unit = ("面談枠", "組") if d.get("interview") else ("枠", "名")
    return (f"{d.day('day')} {d.time('slot_start')}〜{d.time('slot_end')} の{slot}は満員です"
            f"（定員{d.number('capacity')}{unit}・予約{d.number('taken')}{unit}）。別の時間をご案内ください。")


def _en_slot_full(d: _Data) -> str:
    slot = "interview slot" if d.get("interview") else "slot"
    return (f"The {slot} {d.day('day')} {d.time('slot_start')}-{d.time('slot_end')} is full "
            f"({d.number('taken')} of {d.number('capacity')} places taken). Please offer another time.")


# -- rule 7 ----------------------------------------------------------------------------
def _ja_overlapping(d: _Data) -> str:
    where = d.optional(d.text, "facility_name")
    at = f"{where}で" if where else ""
    return (f"{d.text('child_name')}さんは{d.day('day')} {d.time('start')}〜{d.time('end')}に"
            f"{at}ご予約（予約番号 {d.text('number')}）があり、時間が重なっています。")


def _en_overlapping(d: _Data) -> str:
    where = d.optional(d.text, "facility_name")
    at = f" at {where}" if where else ""
    return (f"{d.text('child_name')} already has booking {d.text('number')}{at} on {d.day('day')} "
            f"{d.time('start')}-{d.time('end')}, which overlaps this time.")


# -- rule 8 ----------------------------------------------------------------------------
def _held_days(d: _Data) -> str | None:
    days = d.get("held_days")
    if not isinstance(days, (list, tuple)) or not all(isinstance(x, date) for x in days):
        return None
    return ("、" if d.lang == "ja" else ", ").join(format_date(x, d.lang) for x in days)


def _ja_hold_limit(d: _Data) -> str:
    held = _held_days(d)
    holding = f"すでに{held}のご予約があり、" if held else ""
    return (f"{d.text('child_name')}さんは{holding}同時にご予約いただけるのは{d.number('max_days')}日までのため、"
            "これ以上はお受けできません。ご利用が済んでからのご予約をご案内ください。")


def _en_hold_limit(d: _Data) -> str:
    held = _held_days(d)
    holding = f" (already held: {held})" if held else ""
    return (f"{d.text('child_name')} may hold bookings on at most {d.number('max_days')} days at a time"
            f"{holding}. Please book again after one of them.")


# -- rule 9 ----------------------------------------------------------------------------
def _left(d: _Data) -> int:
    return max(0, d.number("quota_minutes") - d.number("used_minutes"))


def _ja_quota(d: _Data) -> str:
    left = _left(d)
    rest = f"残りは{format_minutes(left)}です" if left else "残りはありません"
    return (f"{d.text('child_name')}さんの{format_month(d.text('month'))}の利用時間は、上限{d.minutes('quota_minutes')}"
            f"のうち{d.minutes('used_minutes')}をご利用済みで、{rest}。"
            f"ご希望の{d.minutes('requested_minutes')}はお受けできません。")


def _en_quota(d: _Data) -> str:
    return (f"{d.text('child_name')} has {format_minutes(_left(d), 'en')} left of the "
            f"{d.minutes('quota_minutes')} quota for {format_month(d.text('month'), 'en')} "
            f"({d.minutes('used_minutes')} used), so {d.minutes('requested_minutes')} cannot be booked.")


# -- other refusals --------------------------------------------------------------------
def _ja_duplicate_registration(d: _Data) -> str:
    return (f"{d.text('child_name')}さんは{d.text('facility_name')}にすでに利用登録（またはお申し込み）"
            "があります。登録済みの内容をご確認ください。")


def _en_duplicate_registration(d: _Data) -> str:
    return f"{d.text('child_name')} is already registered (or has applied) at {d.text('facility_name')}."


def _ja_duplicate_child(d: _Data) -> str:
    return (f"{d.text('name')}さん（{d.text('kana')}、{d.day('birth_date', with_year=True)}生まれ）は"
            "すでに登録されています。登録済みの児童をお使いください。")


def _en_duplicate_child(d: _Data) -> str:
    return (f"{d.text('name')} ({d.text('kana')}, born {d.day('birth_date', with_year=True)}) "
            "is already registered. Please use the existing record.")


def _ja_not_cancellable(d: _Data) -> str:
    number, reason = d.text("number"), d.get("reason")
    if reason == "started":
        return (f"予約番号 {number} は開始時刻を過ぎているため、キャンセルできません。"
                "利用済みか無断欠席として記録してください。")
    if reason == "not_active":
        status = d.label(_STATUSES, "status")
        state = f"「{status}」の状態" if status else "有効な予約ではない"
        return f"予約番号 {number} は{state}のため、キャンセルできません。"
    raise _Missing("reason")


def _en_not_cancellable(d: _Data) -> str:
    number, reason = d.text("number"), d.get("reason")
    if reason == "started":
        return (f"Booking {number} has already started and cannot be cancelled; "
                "record it as attended or no-show.")
    if reason == "not_active":
        status = d.label(_STATUSES, "status")
        return f"Booking {number} cannot be cancelled: it is {status or 'not active'}."
    raise _Missing("reason")


def _state(d: _Data) -> str | None:
    table = _STATUSES if d.get("what") == "booking" else _OTHER_STATUSES
    return d.label(table, "status")


def _not_checked_in(d: _Data) -> bool:
    """Checking out a booking that was never checked in."""
    return (d.get("what"), d.get("status"), d.get("action")) == ("booking", "confirmed", "check_out")


def _decided_twice(d: _Data) -> bool:
    return d.get("action") in ("approve", "reject") and _state(d) is not None


def _demo_on_used_database(d: _Data) -> bool:
    return (d.get("what"), d.get("action")) == ("database", "demo")


def _ja_invalid_state(d: _Data) -> str:
    entity = d.label(_ENTITIES, "what") or "記録"
    status, doing = _state(d), d.label(_ACTIONS, "action")
    if _demo_on_used_database(d):
        return ("このデータベースにはすでにデータがあるため、デモデータは入れられません。"
                "新しいファイルを指定してください（--db）。")
    if _not_checked_in(d):
        return "まだ登園受付をしていないため、降園受付はできません。先に登園受付をしてください。"
    if _decided_twice(d):
        return f"この{entity}はすでに「{status}」です。承認・不承認はもう一度決められません。"
    because = f"「{status}」のため" if status else "今の状態では"
    return f"この{entity}は{because}、{doing or 'この操作'}はできません。"


def _en_invalid_state(d: _Data) -> str:
    entity = d.label(_ENTITIES, "what") or "record"
    status, doing = _state(d), d.label(_ACTIONS, "action")
    if _demo_on_used_database(d):
        return ("This database already holds data, so demo data cannot be added. "
                "Name a new file with --db.")
    if _not_checked_in(d):
        return "The child has not been checked in yet, so check-out is not possible."
    if _decided_twice(d):
        return f"This {entity} is already {status}; it cannot be decided again."
    state = f"is {status}" if status else "is in a state that does not allow it"
    return f"{doing or 'This operation'} is not possible: this {entity} {state}."


_INPUT_JA: dict[str, str] = {
    "unknown_rule": "「{field}」という設定項目はありません。",
    "choice": "{label}「{value}」は選べる値ではありません。",
    "slot_minutes": "{label}は5〜240分で、1日（24時間）を割り切れる長さにしてください。",
    "negative": "{label}にマイナスの値は設定できません。",
    "close_before_open": "閉園時刻は開園時刻より後にしてください。",
    "weekday": "曜日の指定が正しくありません。",
    "range": "{label}「{value}」は範囲外です。",
    "percent": "{label}は0〜100%の範囲で入力してください。",
    "pickup_incomplete": "お迎えが保護者以外の方の場合は、その方の氏名と電話番号を入力してください。",
    "cancel_reason": "キャンセル理由「{value}」は選べません。体調不良・家庭の都合・施設都合・誤予約・その他から選んでください。",
    "duplicate_code": "施設コード「{value}」はすでに使われています。",
    "duplicate_slot": "同じ時刻の面談枠（{value}）がすでにあります。",
    "required": "{label}を入力してください。",
    "too_many_contacts": "緊急連絡先は3件まで登録できます。",
    "future_birth_date": "生年月日が未来の日付になっています。",
    "future_date": "{label}に未来の日付は入力できません。",
    "not_kana": "{label}はカタカナで入力してください。",
    "date_order": "期間の終了日は開始日以降にしてください。",
    "weekdays": "曜日を1つ以上選んでください。",
    "reason_required": "理由を入力してください。",
    "amount": "{label}「{value}」は正しくありません。",
    "password_short": "パスワードは8文字以上で、ログインIDとは違うものにしてください。",
    "login_chars": "ログインIDは半角の英数字と「.」「_」「-」の64文字以内で入力してください。",
    "duplicate_login": "ログインID「{value}」はすでに使われています。",
    "first_admin": "最初のアカウントは管理者にしてください。",
    "last_admin": "管理者がいなくなるため、この変更はできません。ほかに管理者を1人以上残してください。",
}
_INPUT_EN: dict[str, str] = {
    "unknown_rule": "There is no setting called {field}.",
    "choice": "{value} is not a valid choice for {label}.",
    "slot_minutes": "The {label} must be 5 to 240 minutes and divide a day evenly.",
    "negative": "The {label} cannot be negative.",
    "close_before_open": "The closing time must be after the opening time.",
    "weekday": "The weekday is not valid.",
    "range": "The {label} {value} is out of range.",
    "percent": "The {label} must be between 0 and 100 %.",
    "pickup_incomplete": "When someone other than the guardian picks up, enter their name and phone number.",
    "cancel_reason": ("{value} is not a cancellation reason: choose illness, family reasons, "
                      "facility reasons, booking mistake or other."),
    "duplicate_code": "The facility code {value} is already used.",
    "duplicate_slot": "There is already an interview slot at {value}.",
    "required": "Please enter the {label}.",
    "too_many_contacts": "Up to three emergency contacts can be registered.",
    "future_birth_date": "The birth date is in the future.",
    "future_date": "The {label} cannot be in the future.",
    "not_kana": "Please enter the {label} in katakana.",
    "date_order": "The last day must not be before the first day.",
    "weekdays": "Please choose at least one weekday.",
    "reason_required": "Please enter a reason.",
    "amount": "The {label} {value} is not valid.",
    "password_short": "The password needs at least 8 characters and must differ from the login.",
    "login_chars": "A login is up to 64 letters, digits, '.', '_' or '-'.",
    "duplicate_login": "The login {value} is already used.",
    "first_admin": "The first account must be an administrator.",
    "last_admin": "This would leave no administrator; keep at least one.",
}


def _invalid_input(d: _Data, templates: Mapping[str, str], generic: str) -> str:
    field = d.text("field")
    label = d.label(_FIELDS, "field") or field
    value = d.optional(d.text, "value")
    template = templates.get(d.get("reason"), generic)
    if value is None and "{value}" in template:
        template = generic
    return template.format(field=field, label=label, value=value)


def _ja_invalid_input(d: _Data) -> str:
    return _invalid_input(d, _INPUT_JA, "{label}の入力内容が正しくありません。")


def _en_invalid_input(d: _Data) -> str:
    return _invalid_input(d, _INPUT_EN, "The {label} is not valid.")


# -- operational errors ----------------------------------------------------------------
def _snake(name: str) -> str:
    """``QueueItem`` → ``queue_item`` (model class names reach :class:`NotFound` too)."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def _found_entity(d: _Data) -> str | None:
    entity = d.get("entity")
    return _label(_ENTITIES, _snake(entity), d.lang) if isinstance(entity, str) else None


def _ja_not_found(d: _Data) -> str:
    entity = _found_entity(d) or "データ"
    ident = d.optional(d.text, "id")
    return f"{entity}{f'（{ident}）' if ident else ''}が見つかりません。ほかの端末で削除された可能性があります。"


def _en_not_found(d: _Data) -> str:
    entity = _found_entity(d) or "record"
    ident = d.optional(d.text, "id")
    return f"No {entity}{f' {ident}' if ident else ''} was found; another desk may have deleted it."


_DATABASE_JA: dict[str, str] = {
    "network_share": ("データベース{path}はネットワーク上の共有フォルダにあるため開けません。データベースはこのパソコンの"
                      "ローカルディスクに置いてください。複数の受付で共有する場合は PostgreSQL サーバーをお使いください。"),
    "memory": "メモリ上のデータベースは使えません。ファイルの場所かデータベースのURLを指定してください。",
    "damaged": "データベース{path}が壊れているため開けません。管理者に連絡し、バックアップから復元してください。",
    "newer_schema": "データベース{path}はこのプログラムより新しい版で作られています。Hoiku Desk を最新版に更新してください。",
    "backup_server": "データベース{path}はサーバー上にあるため、この機能ではバックアップできません。サーバーのバックアップをお使いください。",
    "not_a_backup": "{path}は Hoiku Desk のバックアップではありません。ファイルをご確認ください。何も変更していません。",
    "server_unreachable": ("データベースサーバー{path}に接続できません。サーバーの電源とネットワークを確認し、"
                           "管理者にご連絡ください。"),
    "connection_lost": ("データベースサーバー{path}との接続が切れたため、この操作は保存されていません。"
                        "ネットワークを確認してから、もう一度お試しください。"),
}
_DATABASE_EN: dict[str, str] = {
    "network_share": ("The database{path} is on a network share and cannot be opened. Keep it on this PC's "
                      "local disk, or use a PostgreSQL server to share it between several desks."),
    "memory": "An in-memory database cannot be used. Please give a file path or a database URL.",
    "damaged": "The database{path} is damaged and cannot be opened. Ask the administrator to restore it.",
    "newer_schema": "The database{path} was made by a newer version. Please update Hoiku Desk.",
    "backup_server": "The database{path} is on a server; back it up with the server's own tools.",
    "not_a_backup": "{path} is not a Hoiku Desk backup. Please check the file. Nothing was changed.",
    "server_unreachable": ("The database server{path} cannot be reached. Please check the server and "
                           "the network, and contact the administrator."),
    "connection_lost": ("The connection to the database server{path} was lost, so this was not saved. "
                        "Please check the network and try again."),
}


def _database(d: _Data, templates: Mapping[str, str], generic: str, quote: str) -> str:
    path = d.optional(d.text, "path")
    template = templates.get(d.get("reason"), generic)
    return template.format(path=quote.format(path) if path else "")


def _ja_database(d: _Data) -> str:
    return _database(d, _DATABASE_JA, "データベース{path}を開けません。管理者にご連絡ください。", "（{}）")


def _en_database(d: _Data) -> str:
    generic = "The database{path} cannot be opened. Please contact the administrator."
    return _database(d, _DATABASE_EN, generic, " ({})")


def _ja_permission(d: _Data) -> str:
    if d.get("reason") == "not_logged_in":
        return "ログインしていないため、変更できません。職員アカウントでログインしてください。"
    if d.get("reason") == "account_disabled":
        return "このアカウントは無効になっているため、変更できません。管理者にご連絡ください。"
    doing = d.label(_ACTIONS, "action") or "この操作"
    return f"{doing}を行う権限がありません。管理者（園長・主任）にご依頼ください。"


def _en_permission(d: _Data) -> str:
    if d.get("reason") == "not_logged_in":
        return "Nobody is logged in, so nothing can be changed. Please log in with a staff account."
    if d.get("reason") == "account_disabled":
        return "This account is disabled, so nothing can be changed. Please contact the admin."
    doing = d.label(_ACTIONS, "action") or "This operation"
    return f"{doing} needs an administrator account. Please ask the facility admin."


def _ja_login(d: _Data) -> str:
    login = d.optional(d.text, "login")
    text = f"ログインID{f'「{login}」' if login else ''}またはパスワードが正しくありません。"
    wait = d.get("wait_seconds")
    if isinstance(wait, int) and wait > 0:
        text += f"続けて失敗したため、{_wait_ja(wait)}お待ちください。"
    return text


def _en_login(d: _Data) -> str:
    login = d.optional(d.text, "login")
    text = f"Wrong login{f' ({login})' if login else ''} or password."
    wait = d.get("wait_seconds")
    if isinstance(wait, int) and wait > 0:
        text += f" After repeated failures, please wait {wait} seconds before trying again."
    return text


def _wait_ja(seconds: int) -> str:
    minutes, rest = divmod(seconds, 60)
    if minutes and rest:
        return f"{minutes}分{rest}秒"
    return f"{minutes}分" if minutes else f"{rest}秒"


# -- request files -------------------------------------------------------------------------
_IMPORT_FILE_JA: dict[str, str] = {
    "undecodable": "{path}は申請ファイルではありません（UTF-8またはShift_JISの文字として読めません）。何も取り込んでいません。",
    "no_header": "{path}は申請ファイルではありません（見出しの行がありません）。何も取り込んでいません。",
    "missing_columns": "{path}は申請ファイルではありません（見出しに「申請ID」と「種別」の列が必要です）。何も取り込んでいません。",
    "unreadable": "{path}を読み込めません。ファイルの場所と権限をご確認ください。何も取り込んでいません。",
    "cancelled": "{path}の取り込みを中止しました。何も取り込んでいません。",
    "unreadable_header": ("{path}は申請ファイルではありません（見出しの行が読めません。引用符（\"）が閉じていないか、"
                          "項目が長すぎます）。何も取り込んでいません。"),
}
_IMPORT_FILE_EN: dict[str, str] = {
    "undecodable": "{path} is not a request file (it is neither UTF-8 nor Shift_JIS text). Nothing was imported.",
    "no_header": "{path} is not a request file (it has no header row). Nothing was imported.",
    "missing_columns": "{path} is not a request file (the header needs request_id and type columns). Nothing was imported.",
    "unreadable": "{path} cannot be read. Please check where it is and its permissions. Nothing was imported.",
    "cancelled": "Importing {path} was stopped. Nothing was imported.",
    "unreadable_header": ("{path} is not a request file (its header row cannot be read: a quote (\") is not "
                          "closed or a cell is too long). Nothing was imported."),
}


def _ja_import_file(d: _Data) -> str:
    path = d.optional(d.text, "path")
    template = _IMPORT_FILE_JA.get(d.get("reason"), "{path}は申請ファイルではありません。何も取り込んでいません。")
    return template.format(path=f"「{path}」" if path else "このファイル")


def _en_import_file(d: _Data) -> str:
    path = d.optional(d.text, "path")
    template = _IMPORT_FILE_EN.get(d.get("reason"), "{path} is not a request file. Nothing was imported.")
    return template.format(path=path or "This file")


def _ja_export_file(d: _Data) -> str:
    path = d.optional(d.text, "path")
    return (f"{f'「{path}」' if path else 'ファイル'}に書き出せません。保存先のフォルダと権限、"
            "ほかのソフトで開いていないかをご確認ください。何も書き出していません。")


def _en_export_file(d: _Data) -> str:
    path = d.optional(d.text, "path")
    return (f"Cannot write {path or 'the file'}. Please check the folder, its permissions, and that "
            "no other program has the file open. Nothing was written.")


#: The columns of a request file as staff know them.
_COLUMNS: dict[str, _Pair] = {
    "request_id": ("申請ID", "request ID"),
    "received_at": ("受付日時", "received at"),
    "type": ("種別", "type"),
    "facility_code": ("施設コード", "facility code"),
    "child_name": ("児童氏名", "child's name"),
    "child_kana": ("フリガナ", "child's kana name"),
    "birth_date": ("生年月日", "birth date"),
    "sex": ("性別", "sex"),
    "date": ("利用日", "date"),
    "start": ("開始時刻", "start time"),
    "end": ("終了時刻", "end time"),
    "weekdays": ("曜日", "weekdays"),
    "first_date": ("開始日", "first date"),
    "last_date": ("終了日", "last date"),
    "pickup": ("お迎え", "pick-up"),
    "target_request_id": ("取消対象の申請ID", "target request ID"),
    "cancel_reason": ("キャンセル理由", "cancellation reason"),
}
_ROW_REASONS: dict[str, _Pair] = {
    "required": ("「{column}」が空です。", "{column} is empty."),
    "bad_date": ("「{column}」の日付「{value}」が読めません（YYYY-MM-DD または YYYY/MM/DD）。",
                 "{column} \"{value}\" is not a date (YYYY-MM-DD or YYYY/MM/DD)."),
    "bad_time": ("「{column}」の時刻「{value}」が読めません（HH:MM）。",
                 "{column} \"{value}\" is not a time (HH:MM)."),
    "bad_datetime": ("「{column}」の日時「{value}」が読めません（YYYY-MM-DD HH:MM または YYYY-MM-DD HH:MM:SS）。",
                     "{column} \"{value}\" is not a date and time (YYYY-MM-DD HH:MM or YYYY-MM-DD HH:MM:SS)."),
    "future_received_at": ("受付日時「{value}」が未来の日時です。送信元に受付日時をご確認ください。",
                           "Received at \"{value}\" is in the future. Please check the time with the sender."),
    "unreadable_row": ("この行は読み込めません（引用符（\"）が閉じていないか、項目が長すぎます）。"
                       "この行を直してから、ファイルをもう一度取り込んでください（取り込み済みの行は重複として飛ばされます）。",
                       "This row cannot be read (a quote (\") is not closed or a cell is too long). Correct it and "
                       "import the file again (rows already imported are skipped as duplicates)."),
    "bad_choice": ("「{column}」の値「{value}」は使えません。", "{column} \"{value}\" is not one of the choices."),
    "unknown_facility": ("施設コード「{value}」の施設はありません。", "There is no facility with code \"{value}\"."),
    "unknown_type": ("種別「{value}」は分かりません（registration・interview・booking・regular・cancel）。",
                     "Unknown request type \"{value}\" (registration, interview, booking, regular, cancel)."),
    "unknown_child": ("{value}さん（フリガナ・生年月日の一致する児童）が見つかりません。先に利用登録が必要です。",
                      "No child matches {value} (kana name and birth date); a registration is needed first."),
    # problems of items that wait in the queue
    "no_interview_slot": ("面談枠なし: {value}の面談枠がありません。", "No interview slot: there is none at {value}."),
    "no_application": ("利用登録の申込みなし: 面談の前に利用登録のお申し込みが必要です。",
                       "No registration application: one is needed before the interview."),
    "already_registered": ("既登録: {value}さんはすでに利用登録（承認済み）があります。承認すると既存の登録に紐づけます（面談は不要です）。",
                           "Already registered: {value} has an approved registration; approving links it (no interview)."),
    "already_applied": ("申込み済み: {value}さんの利用登録のお申し込みはすでにあります。",
                        "Already applied: {value} has a registration application already."),
    "unknown_target": ("取消対象の申請「{value}」が見つかりません。", "The request to cancel (\"{value}\") was not found."),
}


#: How much of a value from a request file a reason quotes.
_SHOWN_CHARACTERS = 40


def import_row_reason(reason: str, lang: str = "ja", *, column: str = "", value: object = "") -> str:
    """Why a row of a request file was rejected, or the problem its queue item waits with;
    the value, from a file from outside, is quoted readably (see :func:`_shown`)."""
    pair = _ROW_REASONS.get(reason, ("この行は読み込めません。", "This row cannot be read."))
    label = _label(_COLUMNS, column, lang) or column
    return _pick(pair, lang).format(column=label, value=_shown(value))


def _shown(value: object) -> str:
    """``value`` as a report line can show it: control and formatting characters (escape
    sequences, bells, right-to-left overrides, line breaks) as "�", and at most
    ``_SHOWN_CHARACTERS`` characters, then "…"."""
    text = "".join("\ufffd" if category(ch) in ("Cc", "Cf", "Zl", "Zp") else ch for ch in str(value))
    return text if len(text) <= _SHOWN_CHARACTERS else text[:_SHOWN_CHARACTERS] + "…"


# -- what an import or an export did (the command line and the window) --------------------
NO_FACILITY = "施設がまだ登録されていません。"
SEVERAL_FACILITIES = "施設が複数あります。--facility で施設コードを指定してください。"
PASSWORD_NEEDED = "パスワードが必要です。環境変数 HOIKU_DESK_PASSWORD に設定するか、端末から実行してください。"


def backup_done(path: object) -> str:
    return f"バックアップを「{path}」に作りました。"


def restored(source: object, kept: object) -> str:
    """A restore done: from where, and where the replaced data was kept."""
    return f"「{source}」から復元しました。復元前のデータは「{kept}」に残してあります。"


def import_summary(accepted: int, duplicates: int, cancelled: int, rejected: int, lang: str = "ja") -> str:
    """One line saying what importing a request file did."""
    if lang == "en":
        return (f"Imported {accepted}, already imported {duplicates}, cancellations applied "
                f"{cancelled}, rows not imported {rejected}.")
    return (f"取り込み {accepted}件、取り込み済み（重複） {duplicates}件、キャンセル適用 {cancelled}件、"
            f"取り込めなかった行 {rejected}件。")


def rejected_row(line: int, reason: str, lang: str = "ja") -> str:
    """A rejected row of a request file: its line and why."""
    return f"line {line}: {reason}" if lang == "en" else f"{line}行目: {reason}"


_EXPORTS: dict[str, _Pair] = {
    "decisions": ("判定結果", "decisions"),
    "availability": ("空き状況", "availability"),
    "actuals": ("利用実績", "actuals"),
}


def export_done(what: str, rows: int, path: object, lang: str = "ja") -> str:
    """A file written: what it holds, how many rows and where."""
    label = _label(_EXPORTS, what, lang) or what
    if lang == "en":
        return f"Wrote {rows} rows of {label} to {path}."
    return f"{label} {rows}件を「{path}」に書き出しました。"


# -- the catalogue ---------------------------------------------------------------------
#: The sentence of each code, in Japanese and English.
_SENTENCES: dict[str, tuple[Callable[[_Data], str], Callable[[_Data], str]]] = {
    "RegistrationRequired": (_ja_registration_required, _en_registration_required),
    "RegistrationExpired": (_ja_registration_expired, _en_registration_expired),
    "AgeNotEligible": (_ja_age_not_eligible, _en_age_not_eligible),
    "OutsideBookingWindow": (_ja_outside_window, _en_outside_window),
    "FacilityClosed": (_ja_closed, _en_closed),
    "InvalidTimeRange": (_ja_time_range, _en_time_range),
    "SlotFull": (_ja_slot_full, _en_slot_full),
    "OverlappingBooking": (_ja_overlapping, _en_overlapping),
    "HoldLimitReached": (_ja_hold_limit, _en_hold_limit),
    "QuotaExceeded": (_ja_quota, _en_quota),
    "DuplicateRegistration": (_ja_duplicate_registration, _en_duplicate_registration),
    "DuplicateChild": (_ja_duplicate_child, _en_duplicate_child),
    "NotCancellable": (_ja_not_cancellable, _en_not_cancellable),
    "InvalidState": (_ja_invalid_state, _en_invalid_state),
    "InvalidInput": (_ja_invalid_input, _en_invalid_input),
    "NotFound": (_ja_not_found, _en_not_found),
    "DatabaseUnavailable": (_ja_database, _en_database),
    "PermissionDenied": (_ja_permission, _en_permission),
    "AuthenticationFailed": (_ja_login, _en_login),
    "ImportFileError": (_ja_import_file, _en_import_file),
    "ExportFileError": (_ja_export_file, _en_export_file),
}

#: The data-free sentence of each code: used when its data does not fit the sentence.
_GENERIC: dict[str, _Pair] = {
    "HoikuDeskError": ("処理を完了できませんでした。内容を確認して、もう一度お試しください。",
                       "The operation could not be completed. Please check and try again."),
    "BookingError": ("このご予約はお受けできません。内容をご確認ください。",
                     "This booking cannot be accepted. Please check the details."),
    "RegistrationRequired": ("利用登録（利用承認）がないため、ご予約はお受けできません。",
                             "There is no approved registration, so the booking cannot be accepted."),
    "RegistrationExpired": ("利用登録の有効期限が切れているため、ご予約はお受けできません。",
                            "The registration has expired, so the booking cannot be accepted."),
    "AgeNotEligible": ("対象年齢外のため、ご利用いただけません。",
                       "The child's age is outside the eligible ages."),
    "OutsideBookingWindow": ("予約の受付期間外のため、ご予約はお受けできません。",
                             "That time is outside the booking window."),
    "FacilityClosed": ("休園日または利用時間外のため、ご予約はお受けできません。",
                       "The facility is closed at that time."),
    "InvalidTimeRange": ("予約の時間が正しくありません。開始・終了時刻をご確認ください。",
                         "The booking times are not valid."),
    "SlotFull": ("その時間の枠は満員です。別の時間をご案内ください。",
                 "That slot is full. Please offer another time."),
    "OverlappingBooking": ("同じ時間にほかのご予約があります。",
                           "The child already has a booking at that time."),
    "HoldLimitReached": ("同時にご予約いただける日数の上限に達しています。",
                         "The child already holds the most days allowed."),
    "QuotaExceeded": ("今月の利用時間の上限を超えるため、ご予約はお受けできません。",
                      "The booking exceeds the monthly quota."),
    "DuplicateRegistration": ("すでに利用登録（またはお申し込み）があります。",
                              "The child is already registered."),
    "DuplicateChild": ("同じお名前・生年月日の児童がすでに登録されています。",
                       "A child with the same name and birth date is already registered."),
    "NotCancellable": ("このご予約はキャンセルできません。", "This booking cannot be cancelled."),
    "InvalidState": ("今の状態では、この操作はできません。", "This operation is not possible in the current state."),
    "InvalidInput": ("入力内容が正しくありません。", "The input is not valid."),
    "NotFound": ("データが見つかりません。ほかの端末で削除された可能性があります。",
                 "The record was not found; another desk may have deleted it."),
    "DatabaseBusy": ("他の端末がデータベースを使用中です。少し待ってからもう一度お試しください。",
                     "Another desk is using the database. Please wait a moment and try again."),
    "DatabaseUnavailable": ("データベースを開けません。管理者にご連絡ください。",
                            "The database cannot be opened. Please contact the administrator."),
    "PermissionDenied": ("この操作を行う権限がありません。管理者（園長・主任）にご依頼ください。",
                         "This operation needs an administrator account."),
    "AuthenticationFailed": ("ログインIDまたはパスワードが正しくありません。", "Wrong login or password."),
    "ImportFileError": ("申請ファイルではないため、何も取り込んでいません。",
                        "This is not a request file; nothing was imported."),
    "ExportFileError": ("ファイルに書き出せません。保存先をご確認ください。何も書き出していません。",
                        "The file cannot be written; nothing was written."),
}

_FALLBACK: _Pair = _GENERIC["HoikuDeskError"]
_UNEXPECTED: _Pair = (
    "予期しないエラーが発生しました。もう一度お試しいただき、続く場合は管理者にご連絡ください。",
    "An unexpected error occurred. Please try again and contact the administrator if it persists.",
)

#: Every code the catalogue knows.
CODES: tuple[str, ...] = tuple(_GENERIC)


def render(code: str, data: Mapping[str, Any], lang: str = "ja") -> str:
    """The sentence for ``code`` and its ``data`` in ``lang`` (``"en"``, else Japanese); never raises."""
    lang = "en" if lang == "en" else "ja"
    key = code if isinstance(code, str) else ""
    sentences = _SENTENCES.get(key)
    if sentences is not None:
        try:
            return _pick(sentences, lang)(_Data(data, lang))
        except Exception:  # a sentence must never break the error that carries it
            pass
    return _pick(_GENERIC.get(key, _FALLBACK), lang)


def message(error: BaseException, lang: str = "ja") -> str:
    """The sentence for any exception: a Hoiku Desk error's own, else a generic one."""
    # Imported here: the errors module imports this one when it builds a sentence.
    from hoiku_desk.services.errors import HoikuDeskError

    if isinstance(error, HoikuDeskError):
        return render(error.code, error.data, lang)
    return _pick(_UNEXPECTED, lang)
