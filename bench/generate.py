"""Believable data at scale for the benchmarks: ten years of a busy nursery group.

    python bench/generate.py --out FILE [--scale 1] [--today YYYY-MM-DD] [--seed N] [--force]

By default: 5 facilities, 5,000 children with Japanese names and kana, 200,000 bookings in
every state and 5,000 requests waiting in the approval queue, over the ten years ending
today (the desk's clock: Japan time) at 10:30. ``--scale 5`` makes five times as much of
everything: 25 facilities, 25,000 children, 1,000,000 bookings, 25,000 waiting requests
(the bookings per facility and day stay those of a busy nursery, so an operation that
reads one facility's day through an index should not slow down with the data).

The database is created through the current schema (``Desk.open`` runs the migrations)
and the facilities through ``desk.facilities.add``; everything else is bulk-inserted with
``sqlite3.executemany`` in one transaction, row by row as the ORM models define the
columns (values converted by the models' own SQLAlchemy column types) and as the services
would have written them:

* every child's search keys come from ``services.children.search_keys``;
* booking numbers are ``MMDD-NN`` (day of use, sequence) per facility and fiscal year;
* registrations are approved for every fiscal year in which the child books, interviewed
  in that year (valid until 31 March);
* every booking passes the rules it would have met when made: open day and hours, slot
  boundaries and minimum length, age, one booking per child and day, never more
  occupying bookings (pending, confirmed, attended) than the capacity of any slot, at
  most ``max_held_days`` days held ahead, the monthly quota of 誰でも通園 (booked minutes
  plus charged late cancellations and no-shows);
* cancellations and no-shows carry the charge ``services.policy`` gives at their time,
  attended bookings their check-in and check-out and mostly a payment, online requests
  their queue item and decision;
* the approval queue holds pending bookings, booking requests that hold nothing, 利用登録
  applications (new families and known children at another facility) and 定期利用 plans.

The busiest facility (K01) has 80 children on the daily list of its next open day (today
when open): 40 in the morning, 40 in the afternoon. ``bench/run.py`` derives "now" from the newest request received.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sqlite3
import sys
import time as timer
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects import sqlite as sqlite_dialect

from hoiku_desk import models
from hoiku_desk.services import Desk, FacilityRules, errors, policy
from hoiku_desk.services.capacity import on_boundary, overlapped_slots, slot_starts
from hoiku_desk.services.children import search_keys
from hoiku_desk.services.clock import (
    age_months, fiscal_year, fiscal_year_end, japan_now, minutes_between, to_minutes,
)
from hoiku_desk.services.kana import normalize, phone_digits
from hoiku_desk.services.schedule import calendar_closure

SEED = 20260302
YEARS = 10
#: The time of day the generated history ends at ("now" for bench/run.py).
NOW_TIME = time(10, 30)
#: What ``--scale 1`` makes.
BASE_FACILITIES = 5
BASE_CHILDREN = 5_000
BASE_BOOKINGS = 200_000
BASE_PENDING = 5_000
#: Children that use the facilities now whatever the scale (so that a tiny database still
#: has a daily list today, bookings ahead and every status).
CURRENT_CHILDREN = 12
#: Children on the busiest facility's list today (the daily-list PDF benchmark).
DAILY_LIST_CHILDREN = 80
#: Share of bookings made by approved 定期利用 plans.
REGULAR_SHARE = 0.12
#: Plan days last beyond the booking window up to this many days after today.
PLAN_DAYS_AHEAD = 45
#: The waiting queue, by kind (booking requests make up the rest).
PENDING_REGISTRATIONS = 0.30
PENDING_REGULAR = 0.20
#: Of the waiting registrations, those of new families (children with no history yet).
NEW_FAMILY_SHARE = 2 / 3
FLUSH_ROWS = 20_000

# -- names -------------------------------------------------------------------------------
#: Common family names with their reading, most frequent first (𠮷田 and 髙橋: the variant
#: characters real registers hold).
FAMILY_NAMES = (
    ("佐藤", "サトウ"), ("鈴木", "スズキ"), ("高橋", "タカハシ"), ("田中", "タナカ"), ("伊藤", "イトウ"),
    ("渡辺", "ワタナベ"), ("山本", "ヤマモト"), ("中村", "ナカムラ"), ("小林", "コバヤシ"), ("加藤", "カトウ"),
    ("吉田", "ヨシダ"), ("山田", "ヤマダ"), ("佐々木", "ササキ"), ("山口", "ヤマグチ"), ("松本", "マツモト"),
    ("井上", "イノウエ"), ("木村", "キムラ"), ("林", "ハヤシ"), ("斎藤", "サイトウ"), ("清水", "シミズ"),
    ("山崎", "ヤマザキ"), ("森", "モリ"), ("池田", "イケダ"), ("橋本", "ハシモト"), ("阿部", "アベ"),
    ("石川", "イシカワ"), ("山下", "ヤマシタ"), ("中島", "ナカジマ"), ("石井", "イシイ"), ("小川", "オガワ"),
    ("前田", "マエダ"), ("岡田", "オカダ"), ("長谷川", "ハセガワ"), ("藤田", "フジタ"), ("後藤", "ゴトウ"),
    ("近藤", "コンドウ"), ("村上", "ムラカミ"), ("遠藤", "エンドウ"), ("青木", "アオキ"), ("坂本", "サカモト"),
    ("斉藤", "サイトウ"), ("福田", "フクダ"), ("太田", "オオタ"), ("西村", "ニシムラ"), ("藤井", "フジイ"),
    ("金子", "カネコ"), ("岡本", "オカモト"), ("藤原", "フジワラ"), ("中野", "ナカノ"), ("三浦", "ミウラ"),
    ("原田", "ハラダ"), ("中川", "ナカガワ"), ("松田", "マツダ"), ("竹内", "タケウチ"), ("小野", "オノ"),
    ("田村", "タムラ"), ("中山", "ナカヤマ"), ("和田", "ワダ"), ("石田", "イシダ"), ("森田", "モリタ"),
    ("上田", "ウエダ"), ("原", "ハラ"), ("内田", "ウチダ"), ("柴田", "シバタ"), ("酒井", "サカイ"),
    ("宮崎", "ミヤザキ"), ("横山", "ヨコヤマ"), ("高木", "タカギ"), ("安藤", "アンドウ"), ("宮本", "ミヤモト"),
    ("大野", "オオノ"), ("小島", "コジマ"), ("工藤", "クドウ"), ("谷口", "タニグチ"), ("今井", "イマイ"),
    ("高田", "タカダ"), ("丸山", "マルヤマ"), ("増田", "マスダ"), ("杉山", "スギヤマ"), ("村田", "ムラタ"),
    ("大塚", "オオツカ"), ("小山", "コヤマ"), ("平野", "ヒラノ"), ("藤本", "フジモト"), ("𠮷田", "ヨシダ"),
    ("髙橋", "タカハシ"),
)
FAMILY_WEIGHTS = tuple(1 / (rank + 8) for rank in range(len(FAMILY_NAMES)))
BOYS = (
    ("陽翔", "ハルト"), ("蓮", "レン"), ("湊", "ミナト"), ("蒼", "アオイ"), ("樹", "イツキ"), ("悠真", "ユウマ"),
    ("大和", "ヤマト"), ("朝陽", "アサヒ"), ("律", "リツ"), ("颯真", "ソウマ"), ("陽向", "ヒナタ"),
    ("悠人", "ユウト"), ("新", "アラタ"), ("伊織", "イオリ"), ("結翔", "ユイト"), ("大翔", "ヒロト"),
    ("陸", "リク"), ("奏太", "カナタ"), ("颯太", "ソウタ"), ("海翔", "カイト"), ("蒼空", "ソラ"), ("晴", "ハル"),
    ("柊", "シュウ"), ("凪", "ナギ"), ("岳", "ガク"), ("翔", "カケル"), ("拓海", "タクミ"), ("悠斗", "ユウト"),
    ("一颯", "イブキ"), ("壮真", "ソウマ"),
)
GIRLS = (
    ("結愛", "ユア"), ("凛", "リン"), ("陽葵", "ヒマリ"), ("芽依", "メイ"), ("紬", "ツムギ"), ("さくら", "サクラ"),
    ("結菜", "ユイナ"), ("澪", "ミオ"), ("莉子", "リコ"), ("杏", "アン"), ("葵", "アオイ"), ("咲良", "サクラ"),
    ("心春", "コハル"), ("陽菜", "ヒナ"), ("美月", "ミツキ"), ("結衣", "ユイ"), ("花", "ハナ"), ("楓", "カエデ"),
    ("翠", "スイ"), ("詩", "ウタ"), ("琴音", "コトネ"), ("彩葉", "イロハ"), ("乃愛", "ノア"), ("美桜", "ミオ"),
    ("杏奈", "アンナ"), ("千尋", "チヒロ"), ("紗良", "サラ"), ("真央", "マオ"), ("柚希", "ユズキ"), ("友菜", "ユナ"),
)
MOTHERS = (("美咲", "ミサキ"), ("彩", "アヤ"), ("麻衣", "マイ"), ("由美", "ユミ"), ("愛", "アイ"), ("恵", "メグミ"),
           ("香織", "カオリ"), ("優子", "ユウコ"), ("奈々", "ナナ"), ("真由美", "マユミ"), ("絵美", "エミ"),
           ("沙織", "サオリ"), ("舞", "マイ"), ("裕子", "ユウコ"), ("千夏", "チナツ"))
FATHERS = (("健太", "ケンタ"), ("大輔", "ダイスケ"), ("翔太", "ショウタ"), ("拓也", "タクヤ"), ("直樹", "ナオキ"),
           ("亮", "リョウ"), ("和也", "カズヤ"), ("隆", "タカシ"), ("誠", "マコト"), ("聡", "サトシ"))
GRANDPARENTS = (("和子", "祖母"), ("洋子", "祖母"), ("正夫", "祖父"), ("節子", "祖母"), ("幸子", "祖母"),
                ("博", "祖父"))
TOWNS = ("ひかり市本町", "ひかり市緑が丘", "ひかり市桜台", "ひかり市中央", "ひかり市若葉", "ひかり市旭町",
         "ひかり市東町", "ひかり市南台")
ALLERGIES = ("卵", "小麦", "乳", "卵・乳", "えび・かに", "そば", "大豆")
NOTES = ("熱性けいれんの既往あり", "人見知りが強いので最初は抱っこで", "昼寝は1時間ほど", "食事はきざみ食",
         "おむつかぶれに注意")
COMMENTS = ("ミルクは持参します", "午後に予防接種の予定", "お迎えが10分ほど遅れるかもしれません",
            "慣らし保育の2回目です", "おむつ多めに持たせます", "咳が少し出ています", "弁当持参")
CANCEL_REASONS = (("illness", "発熱のため", 45), ("family", "家庭の都合", 38), ("other", "", 10),
                  ("mistake", "日付の間違い", 7))
CLOSURE_REASONS = ("台風のため臨時休園", "設備点検のため休園", "感染症拡大防止のため休園", "断水のため休園")
REJECT_NOTES = ("定員に達したため", "ご希望の時間帯は受け入れができないため", "利用登録の確認が取れないため")
CHANNELS = ("line", "web", "app")

# -- facilities --------------------------------------------------------------------------
SessionTimes = tuple[tuple[int, int], tuple[int, int]]


@dataclass(frozen=True)
class Template:
    """One kind of facility of the group: its rules, the sessions parents book, its weight."""

    prefix: str
    name: str
    rules: FacilityRules
    sessions: tuple[SessionTimes, ...]
    online_share: float


TEMPLATES = (
    Template("K", "ひかり市子育て支援センター 一時保育",
             FacilityRules(default_capacity=40, min_age_months=6, max_age_months=71),
             (((8, 30), (12, 30)), ((9, 0), (12, 0)), ((13, 0), (17, 0)), ((13, 30), (16, 30)),
              ((9, 0), (16, 0)), ((8, 30), (17, 0)), ((10, 0), (12, 0))), 0.35),
    Template("D", "ひかり保育園 誰でも通園", FacilityRules.daredemo(default_capacity=10),
             (((9, 0), (11, 0)), ((9, 30), (12, 0)), ((10, 0), (12, 0)), ((13, 0), (15, 0)),
              ((14, 0), (16, 0))), 0.45),
    Template("K", "みどり保育園 一時保育",
             FacilityRules(default_capacity=12, open_time=time(8), close_time=time(18),
                           min_age_months=6, max_age_months=71, hourly_fee_yen=350),
             (((8, 0), (12, 0)), ((9, 0), (17, 0)), ((13, 0), (18, 0)), ((8, 30), (16, 30)),
              ((10, 0), (15, 0))), 0.30),
    Template("K", "さくら台保育園 一時保育",
             FacilityRules(default_capacity=8, closed_weekdays=(6,), online_bookings_confirmed=True,
                           min_age_months=12, max_age_months=71),
             (((9, 0), (12, 0)), ((9, 0), (16, 0)), ((13, 0), (16, 0)), ((8, 30), (12, 30))), 0.40),
    Template("D", "わかば保育園 誰でも通園",
             FacilityRules.daredemo(default_capacity=6, slot_minutes=60, open_time=time(9),
                                    close_time=time(16)),
             (((9, 0), (11, 0)), ((10, 0), (12, 0)), ((13, 0), (15, 0)), ((9, 0), (12, 0))), 0.50),
)
#: Names for the further branches at ``--scale`` above 1.
BRANCHES = ("本町", "緑が丘", "桜台", "中央", "若葉", "旭町", "東町", "南台", "西台", "北町")


@dataclass
class Session:
    start: time
    end: time
    minutes: int
    slots: tuple[int, ...]


@dataclass
class Fac:
    """A facility being filled: its record, rules, sessions and open days."""

    index: int
    id: str
    code: str
    name: str
    rules: FacilityRules
    sessions: list[Session]
    online_share: float
    slot_count: int
    weight: float = 0.0
    open_days: list[date] = field(default_factory=list)
    quota: bool = False


@dataclass
class Kid:
    """A child being made: who, born when, and when it uses which facility."""

    index: int
    id: str
    name: str
    kana: str
    birth: date
    sex: str
    guardian_id: str
    family: int
    spans: dict[int, tuple[date, date]] = field(default_factory=dict)
    applicant: bool = False


@dataclass
class Summary:
    """What was generated (counts per table) and how fast."""

    path: Path
    now: datetime
    seconds: float
    rows: dict[str, int]

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())


# -- bulk writing ------------------------------------------------------------------------
class Bulk:
    """Rows for one table, converted by the ORM columns' own SQLAlchemy types (dates, times,
    booleans, JSON exactly as the ORM stores them) and written with ``executemany``."""

    _dialect = sqlite_dialect.dialect()

    def __init__(self, conn: sqlite3.Connection, table: Table, columns: Sequence[str]) -> None:
        self.conn = conn
        self.table = table
        quote = self._dialect.identifier_preparer.quote
        missing = [
            c.name for c in table.columns
            if not c.nullable and c.name not in columns and c.server_default is None
            and not (c.primary_key and c.autoincrement is True)
            and not (c.primary_key and isinstance(c.type.python_type, type) and c.type.python_type is int)
        ]
        if missing:
            raise ValueError(f"{table.name}: required columns not written: {missing}")
        self.sql = (f"INSERT INTO {quote(table.name)} ({', '.join(quote(c) for c in columns)}) "
                    f"VALUES ({', '.join('?' * len(columns))})")
        self.processors = [
            (i, fast_processor(processor, table.columns[name].type.python_type))
            for i, name in enumerate(columns)
            if (processor := table.columns[name].type.dialect_impl(self._dialect)
                .bind_processor(self._dialect)) is not None
        ]
        self.rows: list[tuple[Any, ...]] = []
        self.count = 0

    def add(self, *values: Any) -> None:
        self.rows.append(values)
        if len(self.rows) >= FLUSH_ROWS:
            self.flush()

    def flush(self) -> None:
        if not self.rows:
            return
        processors = self.processors
        converted = []
        for row in self.rows:
            values = list(row)
            for i, processor in processors:
                values[i] = processor(values[i])
            converted.append(values)
        self.conn.executemany(self.sql, converted)
        self.count += len(self.rows)
        self.rows.clear()


#: What each kind of value looks like as a sample for :func:`fast_processor`'s check.
SAMPLES: dict[type, tuple[Any, ...]] = {
    date: (date(2016, 4, 1), date(2026, 12, 31)),
    time: (time(9, 30), time(17, 0)),
    datetime: (datetime(2026, 3, 2, 9, 5, 7), datetime(2016, 11, 30, 23, 59)),
}


def fast_processor(processor: Callable[[Any], Any], python_type: type) -> Callable[[Any], Any]:
    """``processor`` (an SQLAlchemy column type's), made fast for dates, times and
    datetimes: ``isoformat`` gives the same text (checked here on samples, else the
    processor is used as it is), and dates and times, which repeat, are cached."""
    if python_type is datetime:
        def iso(value: Any) -> Any:
            return None if value is None else value.isoformat(" ", "microseconds")
    elif python_type in (date, time):
        cache: dict[Any, Any] = {}

        def iso(value: Any) -> Any:
            try:
                return cache[value]
            except KeyError:
                cache[value] = converted = processor(value)
                return converted
    else:
        return processor
    if any(processor(v) != iso(v) for v in (*SAMPLES[python_type], None)):
        return processor
    return iso


def writers(conn: sqlite3.Connection) -> dict[str, Bulk]:
    """A writer per table, with the columns the generator fills (every required one)."""
    spec: dict[str, tuple[type[Any], tuple[str, ...]]] = {
        "guardians": (models.Guardian, ("id", "name", "kana", "phone", "phone_digits", "postal_code",
                                        "address", "created_at")),
        "children": (models.Child, ("id", "guardian_id", "name", "kana", "kana_key", "birth_date", "sex",
                                    "allergies", "notes", "created_at", "updated_at")),
        "emergency_contacts": (models.EmergencyContact, ("child_id", "position", "name", "relation", "phone",
                                                         "phone_digits")),
        "child_search_keys": (models.ChildSearchKey, ("key", "child_id")),
        "registrations": (models.Registration, ("id", "child_id", "facility_id", "status", "interviewed_on",
                                                "valid_until", "reject_reason", "applied_at", "decided_at")),
        "regular_plans": (models.RegularPlan, (
            "id", "facility_id", "child_id", "weekdays", "start", "end", "first_day", "last_day", "status",
            "source", "pickup_kind", "pickup_name", "pickup_relation", "pickup_phone", "comment", "skipped",
            "created_at", "decided_at")),
        "bookings": (models.Booking, (
            "id", "facility_id", "child_id", "kind", "day", "start", "end", "status", "source", "fiscal_year",
            "number", "hourly_fee_yen", "fee_yen", "pickup_kind", "pickup_name", "pickup_relation",
            "pickup_phone", "comment", "plan_id", "interview_slot_id", "registration_id", "override",
            "created_at", "updated_at")),
        "attendance_marks": (models.AttendanceMark, ("booking_id", "checked_in_at", "checked_out_at", "note")),
        "charges": (models.Charge, (
            "id", "booking_id", "kind", "reason", "detail", "late", "minutes", "fee_yen", "quota_minutes", "day",
            "waived", "waive_reason", "waived_by", "waived_at", "created_by", "created_at")),
        "payments": (models.Payment, ("id", "booking_id", "amount_yen", "paid_at", "staff_login")),
        "queue_items": (models.QueueItem, (
            "id", "kind", "status", "facility_id", "child_id", "registration_id", "booking_id", "plan_id",
            "request_id", "request", "source", "received_at", "decided_at", "decision_note")),
        "decisions": (models.Decision, (
            "request_id", "facility_id", "kind", "decision", "booking_number", "reason", "valid_until", "late",
            "fee_yen", "quota_minutes", "decided_at")),
        "closures": (models.Closure, ("id", "facility_id", "day", "from_time", "reason", "created_at")),
    }
    return {name: Bulk(conn, model.__table__, columns) for name, (model, columns) in spec.items()}


# -- the generator -----------------------------------------------------------------------
def scaled(base: int, scale: float, minimum: int = 1) -> int:
    return max(minimum, round(base * scale))


def at(day: date, minute_of_day: int) -> datetime:
    return datetime.combine(day, time()) + timedelta(minutes=minute_of_day)


class Generator:
    def __init__(self, out: Path, scale: float, now: datetime, seed: int) -> None:
        self.out = out
        self.scale = scale
        self.now = now
        self.today = now.date()
        self.first_day = self.today - timedelta(days=round(365.25 * YEARS))
        self.rng = random.Random(seed)
        self.facility_count = scaled(BASE_FACILITIES, scale, 2)
        self.child_count = scaled(BASE_CHILDREN, scale, 20)
        self.booking_target = scaled(BASE_BOOKINGS, scale, 200)
        self.pending_target = scaled(BASE_PENDING, scale, 10)
        self.facs: list[Fac] = []
        self.kids: list[Kid] = []
        self.kana_birth: set[tuple[str, date]] = set()
        # Per child: days booked (one booking per child and day), quota minutes per month,
        # days held ahead per facility.
        self.child_days: set[tuple[int, int]] = set()
        self.quota_used: dict[tuple[int, int], int] = defaultdict(int)
        self.held: dict[tuple[int, int], set[date]] = defaultdict(set)
        self.request_seq = 0
        self.pending_count = 0
        self.received: list[datetime] = []

    # -- helpers ---------------------------------------------------------------------
    def new_id(self) -> str:
        """A random (seeded) UUID4 string, as ``models.new_id`` makes."""
        bits = self.rng.getrandbits(128) & ~(0xF000 << 64) & ~(0xC000 << 48) | (0x4000 << 64) | (0x8000 << 48)
        h = f"{bits:032x}"
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"

    def request_id(self, when: datetime) -> str:
        self.request_seq += 1
        return f"WEB-{when:%Y%m%d}-{self.request_seq:07d}"

    def phone(self, mobile: bool = True) -> str:
        r = self.rng
        if mobile:
            return f"0{r.choice('789')}0-{r.randrange(10_000):04d}-{r.randrange(10_000):04d}"
        return f"0{r.randint(3, 4)}-{r.randrange(10_000):04d}-{r.randrange(10_000):04d}"

    def minute_between(self, first: datetime, last: datetime) -> datetime:
        """A whole minute in [first, last] (first if the range is empty)."""
        span = int((last - first).total_seconds() // 60)
        moment = first + timedelta(minutes=self.rng.randint(0, span)) if span > 0 else first
        return moment.replace(second=0, microsecond=0)

    # -- facilities ------------------------------------------------------------------
    def add_facilities(self, desk: Desk) -> None:
        counters: dict[str, int] = defaultdict(int)
        for index in range(self.facility_count):
            template = TEMPLATES[index % len(TEMPLATES)]
            counters[template.prefix] += 1
            code = f"{template.prefix}{counters[template.prefix]:02d}"
            branch = index // len(TEMPLATES)
            name = template.name if branch == 0 else f"{template.name}（{BRANCHES[(branch - 1) % len(BRANCHES)]}{branch}）"
            record = desk.facilities.add(code, name, template.rules)
            rules = template.rules
            slots = slot_starts(rules, rules.close_time)
            sessions = []
            for (sh, sm), (eh, em) in template.sessions:
                start, end = time(sh, sm), time(eh, em)
                assert on_boundary(rules, start) and on_boundary(rules, end), (code, start, end)
                assert rules.open_time <= start and end <= rules.close_time, (code, start, end)
                assert minutes_between(start, end) >= rules.min_booking_minutes
                covered = overlapped_slots(rules, start, end, rules.close_time)
                sessions.append(Session(start, end, minutes_between(start, end),
                                        tuple(slots.index(s) for s in covered)))
            fac = Fac(index, record.id, code, name, rules, sessions, template.online_share, len(slots),
                      quota=rules.monthly_quota_minutes is not None)
            horizon = self.today + timedelta(days=PLAN_DAYS_AHEAD)
            day = self.first_day
            while day <= horizon:
                if calendar_closure(rules, day) is None:
                    fac.open_days.append(day)
                day += timedelta(days=1)
            hours = (to_minutes(rules.close_time) - to_minutes(rules.open_time)) / 60
            fac.weight = rules.default_capacity * hours
            self.facs.append(fac)

    # -- children --------------------------------------------------------------------
    def make_children(self, w: dict[str, Bulk]) -> None:
        r = self.rng
        applicants = min(round(self.pending_target * PENDING_REGISTRATIONS * NEW_FAMILY_SHARE),
                         self.child_count // 5)
        weights = [f.weight * len([d for d in f.open_days if d <= self.today]) for f in self.facs]
        oldest = self.first_day - timedelta(days=365 * 4)
        youngest = self.today - timedelta(days=213)
        family: tuple[int, str, str] | None = None  # the last family: name index, guardian id, phone
        for index in range(self.child_count):
            applicant = index >= self.child_count - applicants
            sibling = family is not None and not applicant and r.random() < 0.12
            if sibling and family is not None:
                family_index, guardian_id, guardian_phone = family
                previous = self.kids[-1].birth
                birth = previous + timedelta(days=r.randint(500, 1100))
                if birth > youngest:
                    sibling = False
            current = index < CURRENT_CHILDREN  # using the facilities now, at any scale
            if not sibling:
                family_index = r.choices(range(len(FAMILY_NAMES)), FAMILY_WEIGHTS)[0]
                if applicant:
                    birth = self.today - timedelta(days=r.randint(200, 900))
                elif current:
                    birth = self.today - timedelta(days=r.randint(400, 1000))
                else:
                    birth = oldest + timedelta(days=r.randint(0, (youngest - oldest).days))
            surname, surname_kana = FAMILY_NAMES[family_index]
            for _ in range(50):
                sex = r.choice(("male", "female"))
                given, given_kana = r.choice(BOYS if sex == "male" else GIRLS)
                kana = f"{surname_kana} {given_kana}"
                if (normalize(kana), birth) not in self.kana_birth:
                    break
                birth += timedelta(days=1)
            self.kana_birth.add((normalize(kana), birth))
            kid = Kid(index, self.new_id(), f"{surname} {given}", kana, birth, sex, "", family_index,
                      applicant=applicant)
            if not applicant:
                kid.spans = self.spans(birth, current, weights, index)
            created = at(min(min((s for s, _ in kid.spans.values()), default=self.today) - timedelta(days=30),
                             self.today), 10 * 60 + r.randint(0, 400))
            created = min(created, self.now - timedelta(days=1))
            if sibling and family is not None:
                kid.guardian_id = guardian_id
                phone = guardian_phone
            else:
                kid.guardian_id = self.new_id()
                mother, mother_kana = r.choice(MOTHERS)
                phone = self.phone()
                town = r.choice(TOWNS)
                w["guardians"].add(kid.guardian_id, f"{surname} {mother}", f"{surname_kana} {mother_kana}",
                                   phone, phone_digits(phone), f"{r.randint(100, 999)}-{r.randint(0, 9999):04d}",
                                   f"{town}{r.randint(1, 5)}-{r.randint(1, 30)}-{r.randint(1, 20)}", created)
                family = (family_index, kid.guardian_id, phone)
            contacts = []
            if r.random() < 0.75:
                father, _ = r.choice(FATHERS)
                contacts.append((f"{surname} {father}", "父", self.phone()))
            if r.random() < 0.4:
                grand, relation = r.choice(GRANDPARENTS)
                contacts.append((f"{surname} {grand}", relation, self.phone(mobile=r.random() < 0.5)))
            for position, (name, relation, contact_phone) in enumerate(contacts, start=1):
                w["emergency_contacts"].add(kid.id, position, name, relation, contact_phone,
                                            phone_digits(contact_phone))
            allergies = r.choice(ALLERGIES) if r.random() < 0.1 else ""
            notes = r.choice(NOTES) if r.random() < 0.1 else ""
            w["children"].add(kid.id, kid.guardian_id, kid.name, kid.kana, normalize(kid.kana), birth, sex,
                              allergies, notes, created, created)
            # The keys exactly as ChildService writes them (services.children.search_keys).
            shape = SimpleNamespace(
                kana_key=normalize(kid.kana), name=kid.name, kana=kid.kana,
                guardian=SimpleNamespace(phone=phone),
                contacts=[SimpleNamespace(phone=p) for _, _, p in contacts],
            )
            for key in search_keys(shape):  # type: ignore[arg-type]
                w["child_search_keys"].add(key, kid.id)
            self.kids.append(kid)

    def spans(self, birth: date, current: bool, weights: list[float], index: int) -> dict[int, tuple[date, date]]:
        """When a child uses which facility: from some months old for one to three years
        (within the facility's ages), at its home facility and sometimes a second one;
        a ``current`` child from two months ago to the end of this fiscal year."""
        r = self.rng
        latest = min(fiscal_year_end(self.today), self.today + timedelta(days=PLAN_DAYS_AHEAD))
        joined = birth + timedelta(days=r.randint(185, 900))
        joined = min(joined, self.today - timedelta(days=60) if current else self.today + timedelta(days=30))
        first = max(joined, self.first_day)
        last = min(first + timedelta(days=r.randint(270, 1100)), birth + timedelta(days=365 * 5 + 300), latest)
        if current:
            last = latest
        home = 0 if current else r.choices(range(len(self.facs)), weights)[0]
        facilities = [home]
        if len(self.facs) > 1 and (r.random() < 0.3 or current and index % 2):
            facilities.append(r.choice([i for i in range(len(self.facs)) if i != home]))
        spans = {}
        for fi in facilities:
            rules = self.facs[fi].rules
            low = birth + timedelta(days=31 * (rules.min_age_months or 0))
            high = birth + timedelta(days=int(30.4 * ((rules.max_age_months or 83) + 1)))
            span = (max(first, low), min(last, high))
            if span[0] <= span[1]:
                spans[fi] = span
        return spans

    # -- registrations ---------------------------------------------------------------
    def make_registrations(self, w: dict[str, Bulk]) -> None:
        """An approved registration for each fiscal year of each facility span, interviewed
        in that year before the span's first day in it (never after today)."""
        r = self.rng
        for kid in self.kids:
            for fi, (first, last) in kid.spans.items():
                year = fiscal_year(first)
                while date(year, 4, 1) <= last:
                    year_start = max(date(year, 4, 1), self.first_day - timedelta(days=365))
                    begins = max(first, date(year, 4, 1))
                    interviewed = max(year_start, begins - timedelta(days=r.randint(3, 30)))
                    interviewed = min(interviewed, self.today)
                    if fiscal_year(interviewed) == year:
                        applied = at(interviewed - timedelta(days=r.randint(5, 25)), 9 * 60 + r.randint(0, 480))
                        decided = min(at(interviewed, 15 * 60 + r.randint(0, 120)), self.now)
                        w["registrations"].add(self.new_id(), kid.id, self.facs[fi].id, "approved",
                                               interviewed, fiscal_year_end(interviewed), "", applied, decided)
                    year += 1

    # -- bookings --------------------------------------------------------------------
    def fill(self, w: dict[str, Bulk], log: Callable[[str], None]) -> None:
        total_weight = sum(f.weight * len(f.open_days) for f in self.facs)
        short = 0  # bookings a facility could not place (full slots, rules) go to the next
        for fac in self.facs:
            share = fac.weight * len(fac.open_days) / total_weight
            target = round(self.booking_target * share) + short
            short = max(target - FacilityFill(self, fac, w, target).run(), 0)
            w["bookings"].flush()
            log(f"  {fac.code} {fac.name}: {w['bookings'].count:,} bookings so far")

    # -- the waiting queue -------------------------------------------------------------
    def make_pending(self, w: dict[str, Bulk]) -> None:
        """Requests waiting for a decision, up to the target (pending bookings were made
        with the bookings): registrations, 定期利用 plans, booking requests."""
        r = self.rng
        left = max(self.pending_target - self.pending_count, 0)
        registrations = min(round(self.pending_target * PENDING_REGISTRATIONS), left)
        regular = min(round(self.pending_target * PENDING_REGULAR), left - registrations)
        current = [k for k in self.kids if any(s <= self.today <= e for s, e in k.spans.values())]
        applicants = [k for k in self.kids if k.applicant]
        window = [d for d in self.facs[0].open_days if self.today < d <= self.today + timedelta(days=10)]

        def received(days: int) -> datetime:
            return self.minute_between(self.now - timedelta(days=days), self.now - timedelta(minutes=1))

        def request(kid: Kid | None, **more: Any) -> dict[str, Any]:
            data: dict[str, Any] = {
                "child_name": kid.name if kid else more.pop("child_name"),
                "child_kana": kid.kana if kid else more.pop("child_kana"),
                "birth_date": (kid.birth if kid else more.pop("birth_date")).isoformat(),
                "channel": r.choice(CHANNELS), "comment": r.choice(COMMENTS) if r.random() < 0.2 else "",
            }
            data.update(more)
            return data

        applied: set[tuple[int, int]] = set()
        facility_weights = [f.weight for f in self.facs]
        for n in range(registrations):
            if n < len(applicants):  # a new family
                kid = applicants[n]
                fi = r.choices(range(len(self.facs)), facility_weights)[0]
            else:  # a known child, at another facility
                kid = r.choice(current or self.kids)
                others = [i for i in range(len(self.facs))
                          if i not in kid.spans and (kid.index, i) not in applied]
                if not others:
                    continue
                fi = r.choice(others)
            applied.add((kid.index, fi))
            when = received(30)
            registration_id = self.new_id()
            w["registrations"].add(registration_id, kid.id, self.facs[fi].id, "applied", None, None, "",
                                   when, None)
            self.queue(w, "registration", "pending", fi, kid.id, when, request=request(kid),
                       registration_id=registration_id)
        registered = self.pending_count
        for _ in range(regular):
            kid = r.choice(current) if current else r.choice(self.kids)
            fi = r.choice(list(kid.spans)) if kid.spans else 0
            fac = self.facs[fi]
            session = r.choice(fac.sessions)
            first = self.today + timedelta(days=r.randint(3, 20))
            last = first + timedelta(days=7 * r.randint(3, 10) - 1)
            weekdays = sorted(r.sample(range(5), r.choice((1, 1, 2))))
            when = received(14)
            plan_id = self.new_id()
            pickup = self.pickup()
            w["regular_plans"].add(plan_id, fac.id, kid.id, ",".join(map(str, weekdays)), session.start,
                                   session.end, first, last, "requested", "online", *pickup,
                                   r.choice(COMMENTS) if r.random() < 0.2 else "", "", when, None)
            self.queue(w, "regular", "pending", fi, kid.id, when, plan_id=plan_id)

        booking_requests = max(self.pending_target - registered - regular, 0)
        for n in range(booking_requests):
            fi = r.randrange(len(self.facs))
            fac = self.facs[fi]
            days = [d for d in fac.open_days if self.today < d <= self.today + timedelta(days=10)] or window
            day = r.choice(days) if days else self.today + timedelta(days=1)
            session = r.choice(fac.sessions)
            times = {"day": day.isoformat(), "start": session.start.isoformat(timespec="minutes"),
                     "end": session.end.isoformat(timespec="minutes")}
            when = received(10)
            if n % 10 == 9:  # a family the desk does not know yet
                surname, surname_kana = FAMILY_NAMES[r.randrange(len(FAMILY_NAMES))]
                given, given_kana = r.choice(GIRLS)
                name = f"{surname} {given}"
                problem = errors.RegistrationRequired(child_name=name, facility_name=fac.name, day=day)
                data = request(None, child_name=name, child_kana=f"{surname_kana} {given_kana}",
                               birth_date=self.today - timedelta(days=r.randint(300, 1500)), **times,
                               problems=[problem.message()])
                self.queue(w, "booking", "pending", fi, None, when, request=data)
            else:
                pool = [k for k in current if fi in k.spans] or current or self.kids
                kid = r.choice(pool)
                self.queue(w, "booking", "pending", fi, kid.id, when, request=request(kid, **times))
        # The newest request arrives at "now": bench/run.py reads the clock from it.
        w["queue_items"].flush()
        w["queue_items"].conn.execute(
            "UPDATE queue_items SET received_at = ? WHERE id = (SELECT id FROM queue_items "
            "WHERE status = 'pending' ORDER BY received_at DESC LIMIT 1)",
            (self.now.strftime("%Y-%m-%d %H:%M:%S.000000"),),
        )

    def queue(
        self, w: dict[str, Bulk], kind: str, status: str, fi: int, child_id: str | None,
        received_at: datetime, *, request: dict[str, Any] | None = None, registration_id: str | None = None,
        booking_id: str | None = None, plan_id: str | None = None, decided_at: datetime | None = None,
        note: str = "", request_id: str | None = None,
    ) -> str:
        item_id = self.new_id()
        w["queue_items"].add(item_id, kind, status, self.facs[fi].id, child_id, registration_id, booking_id,
                             plan_id, request_id or self.request_id(received_at), request or {}, "online",
                             received_at, decided_at, note)
        if status == "pending":
            self.pending_count += 1
        return item_id

    def pickup(self) -> tuple[str, str, str, str]:
        r = self.rng
        if r.random() < 0.85:
            return ("guardian", "", "", "")
        grand, relation = r.choice(GRANDPARENTS)
        return ("other", f"{r.choice(FAMILY_NAMES)[0]} {grand}", relation, self.phone())


class FacilityFill:
    """Ten years of one facility, day by day: approved plans' days first, then flexible
    bookings, each checked against the rules it would have met."""

    def __init__(self, gen: Generator, fac: Fac, w: dict[str, Bulk], target: int) -> None:
        self.gen = gen
        self.fac = fac
        self.w = w
        self.r = gen.rng
        self.target = target
        self.rules = fac.rules
        self.now = gen.now
        self.today = gen.today
        self.horizon = gen.today + timedelta(days=fac.rules.booking_horizon_days)
        self.buckets: dict[int, list[Kid]] = defaultdict(list)
        for kid in gen.kids:
            span = kid.spans.get(fac.index)
            if span is None:
                continue
            heavy = 1 + (kid.index % 7 == 0) + (kid.index % 13 == 0)
            for month in range(month_key(span[0]), month_key(span[1]) + 1):
                self.buckets[month].extend([kid] * heavy)
        self.plan_days: dict[date, list[tuple[dict[str, Any], Kid]]] = defaultdict(list)
        self.plans: list[dict[str, Any]] = []
        self.closures: set[date] = set()
        self.closure_at: dict[date, datetime] = {}
        self.seq: dict[date, int] = defaultdict(int)
        self.occupancy: list[int] = []
        self.made = 0

    # -- the plan -----------------------------------------------------------------------
    def run(self) -> int:
        """Fill the facility; the number of bookings made."""
        self.make_closures()
        planned = self.make_plans()
        days = self.fac.open_days
        factors = [self.factor(d) for d in days]
        mean = max(self.target - planned, 0) / max(sum(factors), 1e-9)
        # The busiest facility's next open day (today, if open) has the full daily list.
        list_day = next((d for d in days if d >= self.today), None) if self.fac.index == 0 else None
        for day, factor in zip(days, factors):
            self.occupancy = [0] * self.fac.slot_count
            if day == list_day:  # its 80 children first: the plans' days find it full
                self.fill_daily_list(day)
            for plan, kid in self.plan_days.get(day, ()):
                self.place_regular(plan, kid, day)
            if day == list_day:
                continue
            if factor <= 0:
                continue
            wanted = max(0, round(self.r.gauss(mean * factor, math.sqrt(mean * factor))))
            placed = tries = 0
            while placed < wanted and tries < wanted * 6:
                tries += 1
                placed += self.place_flexible(day, self.r.choice(self.fac.sessions))
        for plan in self.plans:
            self.w["regular_plans"].add(
                plan["id"], self.fac.id, plan["child_id"], plan["weekdays"], plan["start"], plan["end"],
                plan["first_day"], plan["last_day"], "approved", plan["source"], *plan["pickup"],
                plan["comment"], "".join(plan["skipped"]), plan["created_at"], plan["decided_at"])
            if plan["source"] == "online":
                self.gen.queue(self.w, "regular", "approved", self.fac.index, plan["child_id"],
                               plan["created_at"], plan_id=plan["id"], decided_at=plan["decided_at"],
                               request_id=plan["request_id"])
                self.w["decisions"].add(plan["request_id"], self.fac.id, "regular", "approved", "",
                                        "", None, None, None, None, plan["decided_at"])
        return self.made

    def factor(self, day: date) -> float:
        """How much of a day's usual bookings exist by now: all for past days and today,
        fewer the further ahead (they are made up to ``booking_horizon_days`` ahead)."""
        if day <= self.today:
            return 1.0
        if day > self.horizon:
            return 0.0
        ahead = (day - self.today).days
        window = self.rules.booking_horizon_days + 1
        return (window - ahead) / window

    def make_closures(self) -> None:
        """One or two whole-day closures a year, in the past; their bookings were cancelled."""
        past = [d for d in self.fac.open_days if d < self.today - timedelta(days=2)]
        count = min(len(past), round(len(past) / 243 * 1.5))
        for day in self.r.sample(past, count):
            self.closures.add(day)
            decided = at(day - timedelta(days=1), 13 * 60 + self.r.randint(0, 180))
            self.closure_at[day] = decided
            self.w["closures"].add(self.gen.new_id(), self.fac.id, day, None, self.r.choice(CLOSURE_REASONS),
                                   decided)

    def make_plans(self) -> int:
        """Approved 定期利用 plans; returns how many bookings they ask for."""
        r = self.r
        months = sorted(self.buckets)
        if not months:
            return 0
        count = round(self.target * REGULAR_SHARE / 12)
        open_set = set(self.fac.open_days)
        child_plans: dict[int, list[tuple[date, date]]] = defaultdict(list)
        asked = 0
        last_allowed = self.today + timedelta(days=PLAN_DAYS_AHEAD)
        for _ in range(count):
            kid = r.choice(self.buckets[r.choice(months)])
            span_first, span_last = kid.spans[self.fac.index]
            first = max(span_first, self.gen.first_day + timedelta(days=30))
            latest_first = min(span_last, self.today + timedelta(days=30))
            if latest_first < first:
                continue
            first_day = first + timedelta(days=r.randint(0, (latest_first - first).days))
            last_day = min(first_day + timedelta(days=7 * r.randint(4, 12) - 1), span_last, last_allowed)
            if any(a <= last_day and first_day <= b for a, b in child_plans[kid.index]):
                continue
            created = at(first_day - timedelta(days=r.randint(8, 21)), 9 * 60 + r.randint(0, 480))
            created = min(created, self.now - timedelta(hours=r.randint(30, 200)))
            decided = min(created + timedelta(days=r.randint(1, 3)), self.now - timedelta(hours=1))
            if decided.date() >= first_day:
                continue
            weekdays = sorted(r.sample(range(5), r.choice((1, 1, 2))))
            session = r.choice(self.fac.sessions)
            source = "online" if r.random() < 0.3 else "phone"
            plan = {
                "id": self.gen.new_id(), "child_id": kid.id, "weekdays": ",".join(map(str, weekdays)),
                "start": session.start, "end": session.end, "session": session, "first_day": first_day,
                "last_day": last_day, "source": source, "pickup": self.gen.pickup(),
                "comment": r.choice(COMMENTS) if r.random() < 0.15 else "", "created_at": created,
                "decided_at": decided, "skipped": [],
                "request_id": self.gen.request_id(created) if source == "online" else None,
            }
            child_plans[kid.index].append((first_day, last_day))
            self.plans.append(plan)
            day = first_day
            while day <= last_day:
                if day.weekday() in weekdays and day in open_set:
                    self.plan_days[day].append((plan, kid))
                    asked += 1
                day += timedelta(days=1)
        return asked

    # -- placing ------------------------------------------------------------------------
    def eligible(self, kid: Kid, day: date) -> bool:
        span = kid.spans.get(self.fac.index)
        if span is None or not span[0] <= day <= span[1]:
            return False
        if (kid.index, day.toordinal()) in self.gen.child_days:
            return False
        months = age_months(kid.birth, day)
        low, high = self.rules.min_age_months, self.rules.max_age_months
        return (low is None or months >= low) and (high is None or months <= high)

    def fits(self, session: Session) -> bool:
        capacity = self.rules.default_capacity
        return all(self.occupancy[i] < capacity for i in session.slots)

    def place_regular(self, plan: dict[str, Any], kid: Kid, day: date) -> None:
        session: Session = plan["session"]
        if not self.eligible(kid, day):
            return
        fate = self.regular_fate(day, session)
        outcome = self.outcome(day, session, fate, plan["decided_at"], "phone")
        refusal = self.refusal(kid, day, session, outcome, flexible=False)
        if refusal is not None:
            plan["skipped"].append(f"{day.isoformat()}\t{refusal.code}\t{refusal.message()}\n")
            return
        self.commit(kid, day, session, outcome, kind="regular", source=plan["source"], plan=plan)

    def place_flexible(
        self, day: date, session: Session, fate: str | None = None, source: str | None = None,
    ) -> bool:
        r = self.r
        month = self.buckets.get(month_key(day))
        if not month:
            return False
        kid = r.choice(month)
        if not self.eligible(kid, day):
            return False
        if source is None:
            source = self.source(day)
        lead_low = max((day - self.today).days, 0)
        if day in self.closures:
            lead_low = max(lead_low, 2)
        if source == "walk_in":
            made = at(day, to_minutes(session.start) - r.randint(5, 40))
        else:
            lead = r.randint(lead_low, self.rules.booking_horizon_days)
            made_day = day - timedelta(days=lead)
            if lead == 0:
                made = at(made_day, r.randint(7 * 60 + 30, max(to_minutes(session.start) - 15, 7 * 60 + 30)))
            else:
                made = at(made_day, r.randint(8 * 60 + 30, 18 * 60 + 30))
            made = min(made, self.now - timedelta(minutes=r.randint(1, 90)))
        if made >= datetime.combine(day, session.start):
            return False
        waits = source == "online" and not self.rules.online_bookings_confirmed
        fate = fate or self.flexible_fate(day, session, waits)
        if fate == "pending" and not waits:
            fate = "confirmed"
        outcome = self.outcome(day, session, fate, made, source, waits=waits)
        if self.refusal(kid, day, session, outcome, flexible=True) is not None:
            return False
        self.commit(kid, day, session, outcome, kind="flexible", source=source)
        return True

    def source(self, day: date) -> str:
        """How the booking came: walk-ins (past days only), online, or by phone."""
        if day < self.today and self.r.random() < 0.08:
            return "walk_in"
        return "online" if self.r.random() < self.fac.online_share else "phone"

    def fill_daily_list(self, day: date) -> None:
        """The busiest facility's list day: 40 children in the morning and 40 in the
        afternoon (the daily-list benchmark prints 80 rows)."""
        halves = [[s for s in self.fac.sessions if s.end <= time(13)],
                  [s for s in self.fac.sessions if s.start >= time(13)]]
        placed = [0, 0]
        for tries in range(8000):  # morning and afternoon in turn
            half = tries % 2
            if placed[half] >= DAILY_LIST_CHILDREN // 2:
                if min(placed) >= DAILY_LIST_CHILDREN // 2:
                    break
                continue
            session = halves[half][placed[half] % len(halves[half])]
            source = None
            if datetime.combine(day, session.start) <= self.now:
                fate = "attended" if self.r.random() < 0.9 else "confirmed"
            elif placed[half] == 0 and not self.rules.online_bookings_confirmed:
                fate, source = "pending", "online"  # at any scale, one waits for approval
            else:
                fate = "pending_or_confirmed"
            placed[half] += self.place_flexible(day, session, fate, source)

    # -- fates ----------------------------------------------------------------------
    def flexible_fate(self, day: date, session: Session, waits: bool) -> str:
        x = self.r.random()
        if day in self.closures:
            return "closure"
        if day < self.today:
            if waits and x < 0.08:
                return "rejected"
            x = self.r.random()
            return ("attended" if x < 0.82 else "no_show" if x < 0.86 else "cancel_early" if x < 0.95
                    else "cancel_late")
        if day == self.today:
            if datetime.combine(day, session.start) <= self.now:
                return "attended" if x < 0.86 else "confirmed" if x < 0.92 else "no_show" if x < 0.95 else "cancel_late"
            return "cancel" if x < 0.06 else "pending_or_confirmed"
        if waits:
            return "pending" if x < 0.6 else "rejected" if x < 0.7 else "confirmed"
        return "cancel" if x < 0.12 else "confirmed"

    def regular_fate(self, day: date, session: Session) -> str:
        x = self.r.random()
        if day in self.closures:
            return "closure"
        if day < self.today or (day == self.today and datetime.combine(day, session.start) <= self.now):
            return "attended" if x < 0.85 else "no_show" if x < 0.88 else "cancel_early" if x < 0.95 else "cancel_late"
        return "cancel" if x < 0.08 else "confirmed"

    def outcome(
        self, day: date, session: Session, fate: str, made: datetime, source: str, *, waits: bool = False,
    ) -> dict[str, Any]:
        """The booking's final status and what happened on the way (times, charge)."""
        r = self.r
        rules = self.rules
        begins = datetime.combine(day, session.start)
        fee = policy.fee_for(rules.hourly_fee_yen, session.minutes)
        out: dict[str, Any] = {"made": made, "updated": made, "fee": fee, "waits": waits}
        deadline = policy.deadline(rules, day)
        if fate == "pending_or_confirmed":
            fate = "pending" if waits and r.random() < 0.5 else "confirmed"
        if waits and fate != "pending":
            decided = min(made + timedelta(minutes=r.randint(20, 600)), begins - timedelta(minutes=1),
                          self.now - timedelta(minutes=1))
            out["decided"] = max(decided, made)
        if fate in ("attended", "no_show", "confirmed", "pending", "rejected"):
            out["status"] = fate
        else:
            out["status"] = "cancelled"
            if fate == "closure":
                reason, detail, cancelled_at = "facility", "臨時休園", self.closure_at[day]
            else:
                reason, detail, _ = r.choices(CANCEL_REASONS, [c[2] for c in CANCEL_REASONS])[0]
                latest = min(begins - timedelta(minutes=1), self.now)
                if fate == "cancel_early":
                    cancelled_at = self.gen.minute_between(made, min(deadline, latest))
                elif fate == "cancel_late":
                    cancelled_at = self.gen.minute_between(max(deadline, made), latest)
                else:
                    cancelled_at = self.gen.minute_between(made, latest)
            cancelled_at = max(cancelled_at, out.get("decided", made))
            charge = policy.charge(rules, day=day, at=cancelled_at, reason=reason, minutes=session.minutes,
                                   fee_yen=fee)
            out.update(updated=cancelled_at, charge=("cancel", reason, detail, charge, cancelled_at))
        if out["status"] == "rejected":
            out["updated"] = out.get("decided", made)
        if out["status"] == "no_show":
            marked = min(begins + timedelta(minutes=r.randint(30, 90)), self.now)
            charge = policy.no_show(rules, day=day, minutes=session.minutes, fee_yen=fee)
            out.update(updated=marked, charge=("no_show", "no_show", "", charge, marked))
        if out["status"] == "attended":
            arrived = begins + timedelta(minutes=r.randint(-10, 12))
            arrived = min(arrived, self.now)
            ends = datetime.combine(day, session.end)
            left = ends + timedelta(minutes=r.randint(-25, 8))
            early = left < ends - timedelta(minutes=15)
            left_at = max(left, arrived) if left <= self.now else None
            out.update(arrived=arrived, left=left_at, note="早退（体調不良）" if early and left_at else "",
                       updated=left_at or arrived)
        out["updated"] = max(out["updated"], made)
        return out

    def quota_minutes(self, session: Session, outcome: dict[str, Any]) -> int:
        """Minutes the booking counts against the month's quota (rule 9) as it ends up."""
        if outcome["status"] in models.OCCUPYING:
            return session.minutes
        charge = outcome.get("charge")
        return charge[3].quota_minutes if charge else 0

    def refusal(
        self, kid: Kid, day: date, session: Session, outcome: dict[str, Any], *, flexible: bool,
    ) -> errors.BookingError | None:
        """Why the booking could not stand as generated (capacity, days held, quota)."""
        status = outcome["status"]
        if status in models.OCCUPYING and not self.fits(session):
            slot = session.slots[0]
            for slot in session.slots:
                if self.occupancy[slot] >= self.rules.default_capacity:
                    break
            start = slot_starts(self.rules, self.rules.close_time)[slot]
            return errors.SlotFull(day=day, slot_start=start,
                                   slot_end=(datetime.combine(day, start)
                                             + timedelta(minutes=self.rules.slot_minutes)).time(),
                                   capacity=self.rules.default_capacity, taken=self.occupancy[slot])
        if flexible and status in models.ACTIVE and day >= self.today:
            held = self.gen.held[(kid.index, self.fac.index)]
            if len(held | {day}) > self.rules.max_held_days:
                return errors.HoldLimitReached(child_name=kid.name, max_days=self.rules.max_held_days,
                                               held_days=sorted(held))
        if self.fac.quota:
            quota = self.rules.monthly_quota_minutes or 0
            used = self.gen.quota_used[(kid.index, month_key(day))]
            # Rule 9 judged the booking's own minutes when it was made; what it counts
            # now (``quota_minutes``) is never more than that.
            if used + session.minutes > quota:
                return errors.QuotaExceeded(child_name=kid.name, month=f"{day:%Y-%m}", quota_minutes=quota,
                                            used_minutes=used, requested_minutes=session.minutes)
        return None

    def commit(
        self, kid: Kid, day: date, session: Session, outcome: dict[str, Any], *, kind: str, source: str,
        plan: dict[str, Any] | None = None,
    ) -> None:
        r, w, gen = self.r, self.w, self.gen
        status = outcome["status"]
        if status in models.OCCUPYING:
            for i in session.slots:
                self.occupancy[i] += 1
        if kind == "flexible" and status in models.ACTIVE and day >= self.today:
            gen.held[(kid.index, self.fac.index)].add(day)
        if self.fac.quota:
            gen.quota_used[(kid.index, month_key(day))] += self.quota_minutes(session, outcome)
        gen.child_days.add((kid.index, day.toordinal()))
        self.made += 1
        self.seq[day] += 1
        number = f"{day:%m%d}-{self.seq[day]:02d}"
        booking_id = gen.new_id()
        pickup = plan["pickup"] if plan else gen.pickup()
        comment = plan["comment"] if plan else (r.choice(COMMENTS) if r.random() < 0.12 else "")
        made = plan["decided_at"] if plan else outcome["made"]
        w["bookings"].add(
            booking_id, self.fac.id, kid.id, kind, day, session.start, session.end, status, source,
            fiscal_year(day), number, self.rules.hourly_fee_yen, outcome["fee"], *pickup, comment,
            plan["id"] if plan else None, None, None, False, made, max(outcome["updated"], made))
        if status == "attended":
            w["attendance_marks"].add(booking_id, outcome["arrived"], outcome["left"], outcome["note"])
            if r.random() < 0.95 and (outcome["left"] or r.random() < 0.3):
                w["payments"].add(gen.new_id(), booking_id, outcome["fee"], outcome["left"] or outcome["arrived"],
                                  None)
        charge = outcome.get("charge")
        if charge is not None:
            charge_kind, reason, detail, result, charged_at = charge
            waived = result.fee_yen > 0 and r.random() < 0.03
            w["charges"].add(
                gen.new_id(), booking_id, charge_kind, reason, detail, result.late, session.minutes,
                result.fee_yen, result.quota_minutes, day, waived, "初回利用のため免除" if waived else "",
                None, min(charged_at + timedelta(days=1), self.now) if waived else None, None, charged_at)
            if result.fee_yen and not waived and r.random() < 0.6:
                w["payments"].add(gen.new_id(), booking_id, result.fee_yen,
                                  min(charged_at + timedelta(days=r.randint(0, 7)), self.now), None)
        if kind == "flexible" and source == "online":
            self.queue_booking(kid, booking_id, number, outcome)

    def queue_booking(self, kid: Kid, booking_id: str, number: str, outcome: dict[str, Any]) -> None:
        """The queue item of an online booking and the decisions on its request."""
        gen, w = self.gen, self.w
        made = outcome["made"]
        request_id = gen.request_id(made)
        status = outcome["status"]
        if status == "pending":
            gen.queue(w, "booking", "pending", self.fac.index, kid.id, made, booking_id=booking_id,
                      request_id=request_id)
            return
        decided = outcome.get("decided", made)
        rejected = status == "rejected"
        note = self.r.choice(REJECT_NOTES) if rejected else ""
        gen.queue(w, "booking", "rejected" if rejected else "approved", self.fac.index, kid.id, made,
                  booking_id=booking_id, decided_at=decided, note=note, request_id=request_id)
        w["decisions"].add(request_id, self.fac.id, "booking", "rejected" if rejected else "approved",
                           number, note, None, None, None, None, decided)
        charge = outcome.get("charge")
        if status == "cancelled" and charge is not None:
            result = charge[3]
            w["decisions"].add(request_id, self.fac.id, "booking", "cancelled", number, charge[1], None,
                               result.late, result.fee_yen, result.quota_minutes, charge[4])


def month_key(day: date) -> int:
    return day.year * 12 + day.month - 1


# -- the whole run -----------------------------------------------------------------------
def generate(
    out: Path, *, scale: float = 1.0, today: date | None = None, seed: int = SEED,
    log: Callable[[str], None] = print,
) -> Summary:
    """Create the database ``out`` (which must not exist) filled with generated data."""
    started = timer.perf_counter()
    now = datetime.combine(today or japan_now().date(), NOW_TIME)
    gen = Generator(out, scale, now, seed)
    with Desk.open(out, clock=lambda: datetime.combine(gen.first_day - timedelta(days=40), time(9))) as desk:
        gen.add_facilities(desk)
    conn = sqlite3.connect(out, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=DELETE")  # one big transaction: no WAL to checkpoint
        conn.execute("PRAGMA synchronous=OFF")
        conn.execute("PRAGMA cache_size=-400000")
        conn.execute("BEGIN")
        w = writers(conn)
        log(f"{gen.facility_count} facilities, {gen.child_count:,} children, ~{gen.booking_target:,} bookings, "
            f"{gen.pending_target:,} pending requests; {gen.first_day} .. {now:%Y-%m-%d %H:%M}")
        gen.make_children(w)
        gen.make_registrations(w)
        log(f"  children and registrations: {timer.perf_counter() - started:.1f} s")
        gen.fill(w, log)
        gen.make_pending(w)
        for bulk in w.values():
            bulk.flush()
        conn.execute("COMMIT")
        conn.execute("PRAGMA journal_mode=WAL")  # as the program runs it
    finally:
        conn.close()
    rows = {name: bulk.count for name, bulk in w.items()}
    rows["facilities"] = gen.facility_count
    return Summary(out, now, timer.perf_counter() - started, rows)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, required=True, help="the SQLite file to create")
    parser.add_argument("--scale", type=float, default=1.0,
                        help="multiply every count (1: 200,000 bookings; 5: 1,000,000)")
    parser.add_argument("--today", type=date.fromisoformat, default=None,
                        help="the last day of the history (default: today in Japan)")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--force", action="store_true", help="replace FILE if it exists")
    args = parser.parse_args(argv)
    if args.scale <= 0:
        parser.error("--scale must be positive")
    if args.out.exists() or args.out.with_name(args.out.name + "-wal").exists():
        if not args.force:
            parser.error(f"{args.out} exists (--force replaces it)")
        for suffix in ("", "-wal", "-shm", "-journal"):
            args.out.with_name(args.out.name + suffix).unlink(missing_ok=True)
    summary = generate(args.out, scale=args.scale, today=args.today, seed=args.seed)
    print(json.dumps(summary.rows, ensure_ascii=False))
    size = args.out.stat().st_size / 2**20
    print(f"{summary.total_rows:,} rows in {summary.seconds:.1f} s "
          f"({summary.total_rows / summary.seconds:,.0f} rows/s), {size:,.0f} MB: {args.out}")
    print(f"now: {summary.now:%Y-%m-%d %H:%M}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
