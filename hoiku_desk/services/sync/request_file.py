"""Reading a request file (SPEC "Files"): decoding, the header, and rows as typed requests.

A file from outside is hostile until checked: its encoding is detected strictly (UTF-8 with
or without BOM, else CP932; a damaged UTF-8 file is refused, not read as CP932 mojibake), its
header must name ``request_id`` and ``type``, and each row becomes a :class:`Request` or a
:class:`RowError` with the line the row starts on.  A row the csv module cannot read (a quote
that never closes, a cell over :data:`FIELD_LIMIT`) is rejected on its first line, and the
lines after that one are read again as rows of their own, so no row vanishes inside it.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import re
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from hoiku_desk import messages
from hoiku_desk.services import errors
from hoiku_desk.services.children import SEX_ALIASES
from hoiku_desk.services.records import Pickup
from hoiku_desk.services.rules import CANCEL_REASONS

CHUNK = 1 << 16
#: The longest cell read (characters): generous for any comment, small enough that a quote
#: that never closes is caught before it swallows much of the file.
FIELD_LIMIT = 1 << 20
# csv.field_size_limit() is process-wide and request files are the only CSV this program
# reads, so it is raised once, here (never lowered, should anything have raised it further).
csv.field_size_limit(max(csv.field_size_limit(), FIELD_LIMIT))
#: What a decoded request file may not hold: NUL (binary files, UTF-16/32) in any encoding,
#: and in CP932 the characters Python gives bytes no CP932 text contains (0x80, 0xA0,
#: 0xFD–0xFF): such a "CP932" file is something else, usually UTF-8 with a damaged byte.
FORBIDDEN = {"utf-8-sig": re.compile("\x00"), "cp932": re.compile("[\x00\x80\xa0\uf8f0-\uf8f3]")}
#: A file that is not valid UTF-8 is damaged UTF-8 (refused), not CP932, when it holds at
#: least this many well-formed multi-byte UTF-8 characters per bad byte (and at least twice
#: this many in all): CP932 Japanese forms them only by chance, about 1 per 5 bad bytes.
DAMAGED_UTF8_RATIO = 4
TYPES = ("registration", "interview", "booking", "regular", "cancel")
COLUMNS = (
    "request_id", "received_at", "channel", "type", "facility_code", "child_name", "child_kana",
    "birth_date", "sex", "guardian_name", "guardian_kana", "phone", "postal_code", "address",
    "date", "start", "end", "weekdays", "first_date", "last_date", "pickup", "pickup_name",
    "pickup_relation", "pickup_phone", "comment", "target_request_id", "cancel_reason",
)
#: Japanese headers the channels use for the same columns.
ALIASES = {
    "申請id": "request_id", "申請番号": "request_id", "受付日時": "received_at", "受付経路": "channel",
    "経路": "channel", "種別": "type", "申請種別": "type", "施設コード": "facility_code",
    "児童氏名": "child_name", "氏名": "child_name", "フリガナ": "child_kana", "児童フリガナ": "child_kana",
    "生年月日": "birth_date", "性別": "sex", "保護者氏名": "guardian_name",
    "保護者フリガナ": "guardian_kana", "電話番号": "phone", "郵便番号": "postal_code", "住所": "address",
    "利用日": "date", "開始": "start", "開始時刻": "start", "終了": "end", "終了時刻": "end",
    "曜日": "weekdays", "開始日": "first_date", "終了日": "last_date", "お迎え": "pickup",
    "お迎え者氏名": "pickup_name", "お迎え者続柄": "pickup_relation", "お迎え者電話番号": "pickup_phone",
    "連絡事項": "comment", "コメント": "comment", "取消対象申請id": "target_request_id",
    "キャンセル理由": "cancel_reason",
}
#: What each type needs besides request_id and type.
REQUIRED = {
    "registration": ("facility_code", "child_name", "child_kana", "birth_date"),
    "interview": ("facility_code", "child_kana", "birth_date", "date", "start"),
    "booking": ("facility_code", "child_kana", "birth_date", "date", "start", "end"),
    "regular": ("facility_code", "child_kana", "birth_date", "start", "end", "weekdays",
                "first_date", "last_date"),
    "cancel": ("target_request_id",),
}
WEEKDAY_NAMES = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6,
                 **{ch: i for i, ch in enumerate("月火水木金土日")}}
PICKUP_KINDS = {"guardian": "guardian", "other": "other", "保護者": "guardian", "その他": "other"}
DATE_PATTERN = re.compile(r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$")
TIME_PATTERN = re.compile(r"^(\d{1,2}):(\d{2})$")
#: ``received_at``'s time: HH:MM, or HH:MM:SS.
MOMENT_TIME_PATTERN = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$")


@dataclass(frozen=True)
class Request:
    """One row, checked and typed; ``values`` keeps the raw text of every known column."""

    line: int
    request_id: str
    type: str
    received_at: datetime | None
    values: dict[str, str]
    birth_date: date | None = None
    day: date | None = None
    start: time | None = None
    end: time | None = None
    first_day: date | None = None
    last_day: date | None = None
    weekdays: tuple[int, ...] = ()
    pickup: Pickup | None = None
    sex: str = ""
    cancel_reason: str = "other"
    extra: dict[str, str] = field(default_factory=dict)

    def text(self, column: str) -> str:
        return self.values.get(column, "")


@dataclass(frozen=True)
class RowError:
    line: int
    request_id: str
    reason: str


class _Malformed(Exception):
    def __init__(self, reason: str, column: str = "", value: object = "", *, text: str = "") -> None:
        super().__init__(text or messages.import_row_reason(reason, column=column, value=value))


# -- the file ----------------------------------------------------------------------------
def detect_encoding(path: Path) -> str:
    """UTF-8 (with or without BOM) if the whole file decodes as such, else CP932 if it does
    and is not damaged UTF-8; refuses anything else (read in chunks, never whole)."""
    if _reads_as(path, "utf-8-sig"):
        return "utf-8-sig"
    if not _damaged_utf8(path) and _reads_as(path, "cp932"):
        return "cp932"
    raise errors.ImportFileError(path=str(path), reason="undecodable")


def _texts(path: Path, encoding: str, handling: str = "strict") -> Iterator[str]:
    """The file decoded chunk by chunk."""
    decoder = codecs.getincrementaldecoder(encoding)(errors=handling)
    try:
        with path.open("rb") as stream:
            while chunk := stream.read(CHUNK):
                yield decoder.decode(chunk)
            yield decoder.decode(b"", final=True)
    except OSError:
        raise errors.ImportFileError(path=str(path), reason="unreadable") from None


def _reads_as(path: Path, encoding: str) -> bool:
    """Whether the file decodes strictly in ``encoding``; refuses it outright if it holds a
    character no request file in that encoding holds."""
    try:
        for text in _texts(path, encoding):
            if FORBIDDEN[encoding].search(text):
                raise errors.ImportFileError(path=str(path), reason="undecodable")
    except UnicodeDecodeError:
        return False
    return True


def _damaged_utf8(path: Path) -> bool:
    """Whether a file that is not valid UTF-8 is mostly well-formed UTF-8 all the same."""
    bad = good = 0
    for text in _texts(path, "utf-8-sig", "replace"):
        replaced = text.count("\ufffd")
        bad += replaced
        good += len(text) - len(text.encode("ascii", "ignore")) - replaced
    return good >= DAMAGED_UTF8_RATIO * max(bad, 2)


def canonical(header: str) -> str:
    key = header.strip().lstrip("\ufeff").strip()
    lowered = key.lower()
    if lowered in COLUMNS:
        return lowered
    return ALIASES.get(lowered, ALIASES.get(key, ""))


class _CountingReader(io.RawIOBase):
    """A binary file that counts the bytes read from it, for an import's progress."""

    def __init__(self, raw: io.BufferedIOBase) -> None:
        self._raw = raw
        self.done = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        count = self._raw.readinto(buffer)
        self.done += count
        return count

    def close(self) -> None:
        self._raw.close()
        super().close()


#: Told the fraction of the file read so far (0.0–1.0) after each row; it may raise to stop.
Progress = Callable[[float], None]


class _Lines:
    """The file's lines as csv.reader reads them, numbered (header = 1), remembering those of
    the row being read so that a row csv cannot read is given up after its first line and the
    lines after that one are read again."""

    def __init__(self, stream: Iterator[str]) -> None:
        self._stream = stream
        self._again: deque[tuple[int, str]] = deque()
        self._row: list[tuple[int, str]] = []
        self._count = 0

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        if self._again:
            numbered = self._again.popleft()
        else:
            numbered = (self._count + 1, next(self._stream))
            self._count += 1
        self._row.append(numbered)
        return numbered[1]

    def next_row(self) -> int:
        """Start reading a row: the line it starts on."""
        self._row.clear()
        return self._again[0][0] if self._again else self._count + 1

    def give_up_row(self) -> None:
        """The row could not be read: read its lines after the first again."""
        self._again.extendleft(reversed(self._row[1:]))
        self._row.clear()


@contextmanager
def open_requests(
    path: str | os.PathLike[str], progress: Progress | None = None
) -> Iterator[Iterator[Request | RowError]]:
    """The rows of a request file, checked and read as a stream; raises
    :class:`errors.ImportFileError` before any row is read if the file is not a request file."""
    source = Path(path)
    encoding = detect_encoding(source)
    try:
        raw = _CountingReader(source.open("rb"))
        size = max(source.stat().st_size, 1)
    except OSError:
        raise errors.ImportFileError(path=str(source), reason="unreadable") from None
    with io.TextIOWrapper(io.BufferedReader(raw), encoding=encoding, newline="", errors="strict") as stream:
        lines = _Lines(stream)
        reader = csv.reader(lines, strict=True)
        columns = [canonical(h) for h in _header(reader, source)]
        if "request_id" not in columns or "type" not in columns:
            raise errors.ImportFileError(path=str(source), reason="missing_columns")
        told = progress or (lambda fraction: None)
        yield _rows(reader, lines, columns, lambda: told(min(raw.done / size, 1.0)))


def _header(reader: Any, source: Path) -> list[str]:
    """The first row that is not blank."""
    for row in _readable(reader, source):
        if any(cell.strip() for cell in row):
            return row
    raise errors.ImportFileError(path=str(source), reason="no_header")


def _readable(reader: Any, source: Path) -> Iterator[list[str]]:
    try:
        yield from reader
    except csv.Error:
        raise errors.ImportFileError(path=str(source), reason="unreadable_header") from None


def _rows(
    reader: Any, lines: _Lines, columns: list[str], tell: Callable[[], None]
) -> Iterator[Request | RowError]:
    while True:
        line = lines.next_row()
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error:
            lines.give_up_row()
            tell()
            yield RowError(line, "", messages.import_row_reason("unreadable_row"))
            continue
        tell()
        if not any(cell.strip() for cell in cells):
            continue
        values: dict[str, str] = {}
        for column, cell in zip(columns, cells):
            if column and column not in values and (text := cell.strip()):
                values[column] = text
        try:
            yield parse(line, values)
        except _Malformed as malformed:
            yield RowError(line, values.get("request_id", ""), str(malformed))


# -- a row -------------------------------------------------------------------------------
def parse(line: int, values: dict[str, str]) -> Request:
    """A row's values as a :class:`Request`; raises :class:`_Malformed` with the reason."""
    kind = values.get("type", "").lower()
    if not values.get("request_id"):
        raise _Malformed("required", "request_id")
    if kind not in TYPES:
        if not kind:
            raise _Malformed("required", "type")
        raise _Malformed("unknown_type", "type", values["type"])
    for column in REQUIRED[kind]:
        if not values.get(column):
            raise _Malformed("required", column)
    sex = values.get("sex", "")
    if sex and (sex.lower() if sex.isascii() else sex) not in SEX_ALIASES:
        raise _Malformed("bad_choice", "sex", sex)
    reason = values.get("cancel_reason", "").lower() or "other"
    if reason not in CANCEL_REASONS:
        raise _Malformed("bad_choice", "cancel_reason", values["cancel_reason"])
    return Request(
        line=line, request_id=values["request_id"], type=kind,
        received_at=_moment(values.get("received_at", "")), values=values,
        birth_date=_date(values, "birth_date"), day=_date(values, "date"),
        start=_time(values, "start"), end=_time(values, "end"),
        first_day=_date(values, "first_date"), last_day=_date(values, "last_date"),
        weekdays=_weekdays(values.get("weekdays", "")), pickup=_pickup(values), sex=sex,
        cancel_reason=reason,
    )


def _date(values: dict[str, str], column: str) -> date | None:
    text = values.get(column, "")
    if not text:
        return None
    found = DATE_PATTERN.match(text)
    try:
        if found is None:
            raise ValueError(text)
        return date(int(found[1]), int(found[2]), int(found[3]))
    except ValueError:
        raise _Malformed("bad_date", column, text) from None


def _time(values: dict[str, str], column: str) -> time | None:
    text = values.get(column, "")
    if not text:
        return None
    found = TIME_PATTERN.match(text)
    try:
        if found is None:
            raise ValueError(text)
        return time(int(found[1]), int(found[2]))
    except ValueError:
        raise _Malformed("bad_time", column, text) from None


def _moment(text: str) -> datetime | None:
    """``received_at``: a date and a time (HH:MM or HH:MM:SS) separated by a space."""
    if not text:
        return None
    parts = text.split()
    found = MOMENT_TIME_PATTERN.match(parts[1]) if len(parts) == 2 else None
    try:
        if found is None:
            raise ValueError(text)
        day = _date({"d": parts[0]}, "d")
        assert day is not None
        return datetime.combine(day, time(int(found[1]), int(found[2]), int(found[3] or 0)))
    except (ValueError, _Malformed):
        raise _Malformed("bad_datetime", "received_at", text) from None


def _weekdays(text: str) -> tuple[int, ...]:
    if not text:
        return ()
    tokens = [t for t in re.split(r"[,、\s・]+", text.lower()) if t]
    if len(tokens) == 1 and all(ch in "月火水木金土日" for ch in tokens[0]):
        tokens = list(tokens[0])
    try:
        return tuple(sorted({WEEKDAY_NAMES[t.rstrip("曜日")[:3] if t.isascii() else t.rstrip("曜日")]
                             for t in tokens}))
    except KeyError:
        raise _Malformed("bad_choice", "weekdays", text) from None


def _pickup(values: dict[str, str]) -> Pickup | None:
    kind = values.get("pickup", "")
    if not kind:
        return None
    if kind.lower() not in PICKUP_KINDS and kind not in PICKUP_KINDS:
        raise _Malformed("bad_choice", "pickup", kind)
    try:
        return Pickup(PICKUP_KINDS.get(kind.lower(), PICKUP_KINDS.get(kind, "")),
                      values.get("pickup_name", ""), values.get("pickup_relation", ""),
                      values.get("pickup_phone", ""))
    except errors.InvalidInput as refusal:
        raise _Malformed("", text=refusal.message()) from None
