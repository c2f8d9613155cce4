"""The daily list as a PDF: the shipped Japanese font, names that extract as written
(pdftotext, no Unicode folding), pages with the header row and page numbers, and
``desk.attendance.write_pdf``."""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path

import pytest

from hoiku_desk.printing import PrintingError, font
from hoiku_desk.printing.daily_list import daily_list_html
from hoiku_desk.services import AttendanceRow, Contact, Desk, Facility, Pickup
from hoiku_desk.services.records import DailySheet
from tests.helpers import TUESDAY, t
from tests.test_architecture import problems

NAMES = ("山田 花子", "木村 一郎", "髙橋 翔太")
#: The Kangxi radicals and CJK radicals supplement Qt reports for some kanji (⼭⽥ for 山田).
RADICALS = range(0x2E80, 0x2FE0)

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture(scope="module", autouse=True)
def font_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The printing font is built once per test session, in a temporary cache folder."""
    folder = tmp_path_factory.getbasetemp() / "font-cache"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(font.CACHE_DIR_ENV, str(folder))
        yield folder


def pdftotext(path: Path, *pages: int) -> str:
    """The PDF's text as ``pdftotext -layout`` extracts it (``pages``: first and last)."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed here (poppler-utils; .ci/run installs it)")
    first_last = ["-f", str(pages[0]), "-l", str(pages[-1])] if pages else []
    done = subprocess.run(["pdftotext", "-layout", *first_last, str(path), "-"],
                          capture_output=True, check=True, timeout=60)
    return done.stdout.decode("utf-8")


def page_count(path: Path) -> int:
    if shutil.which("pdfinfo") is None:
        pytest.skip("pdfinfo is not installed here (poppler-utils; .ci/run installs it)")
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True, timeout=60)
    (line,) = [x for x in info.stdout.decode("utf-8").splitlines() if x.startswith("Pages:")]
    return int(line.split()[1])


def row(n: int, name: str) -> AttendanceRow:
    return AttendanceRow(
        booking_id=f"b{n}", child_name=name, kana="ヤマダ ハナコ", age="", start=time(9),
        end=time(12), pickup=Pickup(), allergies="卵・乳", status="confirmed",
        phone="090-1234-5678", guardian_name="山田 美咲", birth_date=date(2023, 1, 8),
    )


def sheet(names: list[str]) -> DailySheet:
    return DailySheet("ひかり保育園 一時保育", date(2026, 2, 9), datetime(2026, 2, 9, 8, 15),
                      tuple(row(n, name) for n, name in enumerate(names)), ())


# -- the font ---------------------------------------------------------------------------
def test_the_built_font_has_no_radicals_in_its_character_map(tmp_path: Path) -> None:
    source = font.find_source()
    if source is None:
        pytest.skip("no Noto Sans CJK installed here (fonts-noto-cjk; .ci/run installs it)")
    from fontTools.ttLib import TTFont

    built = font.build(source, tmp_path)

    assert built == tmp_path / "NotoSansCJKjp-Desk.otf"
    assert [p.name for p in tmp_path.iterdir()] == [built.name]
    with TTFont(str(built), lazy=True) as made:
        codes = set(made.getBestCmap())
        assert made["name"].getDebugName(1) == "Noto Sans CJK JP Desk"
    assert {ord(c) for c in "山田木村髙橋花子𠮷・／"} <= codes
    assert not codes & {*RADICALS, *range(0x3190, 0x31A0), 0x2027, 0x2215}


def test_no_font_anywhere_is_a_clear_japanese_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(font, "SOURCES", ())
    monkeypatch.setattr(font, "PACKAGED_DIR", tmp_path / "packaged")
    monkeypatch.setenv(font.CACHE_DIR_ENV, str(tmp_path / "cache"))
    with pytest.raises(PrintingError, match="日本語フォント") as refused:
        font.font_file()
    assert isinstance(refused.value, RuntimeError)


def test_a_packaged_font_is_used_as_it_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    packaged = tmp_path / "packaged"
    packaged.mkdir()
    (packaged / font.FONT_FILE).write_bytes(b"shipped")
    monkeypatch.setattr(font, "PACKAGED_DIR", packaged)
    assert font.font_file() == packaged / font.FONT_FILE


def test_the_packaging_step_writes_the_font(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if font.find_source() is None:
        pytest.skip("no Noto Sans CJK installed here (fonts-noto-cjk; .ci/run installs it)")
    assert font.main(["--out", str(tmp_path / "fonts")]) == 0
    assert capsys.readouterr().out.strip() == str(tmp_path / "fonts" / font.FONT_FILE)
    assert font.main(["--out", str(tmp_path), "--source", str(tmp_path / "missing.ttc")]) == 2
    assert "見つかりません" in capsys.readouterr().err


# -- the PDF ---------------------------------------------------------------------------
def test_names_extract_exactly_as_written(tmp_path: Path) -> None:
    from hoiku_desk.printing import pdf

    written = pdf.write_pdf(daily_list_html(sheet(list(NAMES))), tmp_path / "list.pdf")

    text = pdftotext(written)
    for name in NAMES:
        assert name in text                       # 髙 stays 髙, not 高; 山 is not ⼭
    assert "令和8年2月9日(月)" in text
    assert "卵・乳" in text
    assert not [c for c in text if ord(c) in RADICALS]


def test_a_long_list_repeats_the_header_row_and_numbers_its_pages(tmp_path: Path) -> None:
    from hoiku_desk.printing import pdf

    names = [f"{NAMES[n % 3]}{n}" for n in range(80)]
    written = pdf.write_pdf(daily_list_html(sheet(names)), tmp_path / "long.pdf")

    pages = page_count(written)
    assert pages >= 2
    for page in range(1, pages + 1):
        text = pdftotext(written, page)
        assert re.search(rf"\b{page}\s*/\s*{pages}\b", text)
        assert "ひかり保育園 一時保育" in text
        if page < pages:
            assert "氏名" in text and "フリガナ" in text and "サイン" in text
    everything = pdftotext(written)
    assert [n for n in names if n not in everything] == []


def test_a_row_is_never_split_between_two_pages(tmp_path: Path) -> None:
    from hoiku_desk.printing import pdf

    rows = [
        dataclasses.replace(row(n, f"{NAMES[n % 3]}{n}"), contacts=tuple(
            Contact(f"連絡先{n}の{k}", "父", "080-1357-0000") for k in range(1 + n % 3)))
        for n in range(80)
    ]
    listed = dataclasses.replace(sheet([]), rows=tuple(rows))
    written = pdf.write_pdf(daily_list_html(listed), tmp_path / "rows.pdf")

    pages = [pdftotext(written, page) for page in range(1, page_count(written) + 1)]
    for n, listed_row in enumerate(rows):
        (page,) = [text for text in pages if f"{listed_row.child_name} " in text]
        assert f"連絡先{n}の{n % 3}" in page


def test_an_unwritable_file_is_a_clear_sentence(tmp_path: Path) -> None:
    from hoiku_desk.printing import pdf

    with pytest.raises(PrintingError, match="書き込めませんでした"):
        pdf.write_pdf(daily_list_html(sheet(["山田 花子"])), tmp_path / "missing" / "list.pdf")


# -- desk.attendance.write_pdf -----------------------------------------------------------
def test_desk_writes_the_days_list(desk: Desk, clock, facility: Facility, make_child, tmp_path: Path) -> None:
    for name in NAMES:
        child = make_child(facility, name=name)
        desk.bookings.book(facility.id, child.id, TUESDAY, t("09:00"), t("11:00"))
    clock.set(datetime(2026, 3, 3, 8, 5))

    written = desk.attendance.write_pdf(facility.id, TUESDAY, tmp_path / "day.pdf")

    assert written == tmp_path / "day.pdf"
    text = pdftotext(written)
    assert all(name in text for name in NAMES)
    assert "ひかり保育園 一時保育" in text and "令和8年3月3日(火)" in text
    assert "印刷 2026年3月3日(火) 8:05" in text
    assert "予定 3名" in text


def test_daily_sheet_is_what_the_print_shows(desk: Desk, clock, facility: Facility, make_child) -> None:
    child = make_child(facility, name="山田 花子")
    desk.bookings.book(facility.id, child.id, TUESDAY, t("09:00"), t("11:00"))

    listed = desk.attendance.daily_sheet(facility.id, TUESDAY)

    assert (listed.facility_name, listed.day, listed.printed_at) == (facility.name, TUESDAY, clock.now)
    assert [r.child_name for r in listed.rows] == ["山田 花子"]
    assert listed.caregivers == tuple(desk.attendance.caregivers(facility.id, TUESDAY))
    assert listed.totals.expected == 1
    assert problems(listed, "attendance.daily_sheet") == []
