"""The Japanese font printing uses, shipped with the program and set explicitly.

Qt's PDF text layer maps some kanji of Noto Sans CJK JP to Kangxi radicals (山 → U+2F2D), so
copying or searching 山田 in the PDF finds nothing (PLATFORM.md, "Japanese text"). The
shipped font is Noto Sans CJK JP without the character-map entries of the radical blocks
(U+2E80–U+2FDF, U+3190–U+319F) and of a few symbols that shadow Japanese punctuation
(:data:`DROPPED`), renamed "Noto Sans CJK JP Desk" so that Qt never confuses it with an
installed Noto. It is built with fontTools from the system's Noto Sans CJK:

* a packaged build carries it as ``hoiku_desk/resources/fonts/NotoSansCJKjp-Desk.otf``
  (``python -m hoiku_desk.printing.font --out hoiku_desk/resources/fonts`` at packaging
  time; Windows and macOS builds need ``--source`` with a Noto Sans CJK JP file);
* from a source checkout it is built on first use into the user cache folder
  (``$HOIKU_DESK_CACHE_DIR`` if set). The file (16 MB) is not committed.

Noto Sans CJK is under the SIL Open Font License 1.1 (reserved font name "Source" only):
ship its licence text beside the font.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtGui import QFontDatabase

import hoiku_desk
from hoiku_desk.printing import PrintingError

FONT_FILE = "NotoSansCJKjp-Desk.otf"
FAMILY = "Noto Sans CJK JP Desk"
SOURCE_FAMILY = "Noto Sans CJK JP"
PACKAGED_DIR = Path(hoiku_desk.__file__).resolve().parent / "resources" / "fonts"
CACHE_DIR_ENV = "HOIKU_DESK_CACHE_DIR"
#: Where distributions install Noto Sans CJK (Debian/Ubuntu, Fedora, Arch), collection first.
SOURCES = (
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/opentype/noto/NotoSansCJKjp-Regular.otf"),
    Path("/usr/share/fonts/google-noto-cjk/NotoSansCJKjp-Regular.otf"),
)
#: Code points left out of the character map. Where several code points share a glyph,
#: Qt's PDF text layer reports the lowest: the radical blocks (U+2F2D for 山), and a few
#: symbols that would stand for Japanese text — U+2003 for the ideographic space, U+2027
#: for ・, U+2215 for ／, U+2035 for ｀, U+2329/U+232A for 〈〉, U+2012 for the en dash.
DROPPED = (
    range(0x2E80, 0x2FE0), range(0x3190, 0x31A0),
    (0x2003, 0x2012, 0x2027, 0x2035, 0x2215, 0x2329, 0x232A),
)
NO_SOURCE = (
    "印刷用の日本語フォント（Noto Sans CJK JP）が見つかりません。"
    "fonts-noto-cjk をインストールするか、フォントを同梱した版をお使いください。"
)


def cache_dir() -> Path:
    """Where a font built on first use is kept."""
    override = os.environ.get(CACHE_DIR_ENV)
    if override:
        return Path(override) / "fonts"
    from platformdirs import user_cache_path

    return user_cache_path("hoiku-desk", appauthor=False) / "fonts"


def find_source() -> Path | None:
    """The first installed Noto Sans CJK file."""
    return next((path for path in SOURCES if path.is_file()), None)


def font_file() -> Path:
    """The shipped font: packaged, else cached, else built now (about a second).

    Raises :class:`PrintingError` when there is none and no Noto Sans CJK to build it from."""
    for path in (PACKAGED_DIR / FONT_FILE, cache_dir() / FONT_FILE):
        if path.is_file():
            return path
    source = find_source()
    if source is None:
        raise PrintingError(NO_SOURCE)
    try:
        return build(source, cache_dir())
    except OSError as error:
        raise PrintingError(f"印刷用のフォントを {cache_dir()} に作れませんでした。") from error


def build(source: Path, out_dir: Path) -> Path:
    """Write ``out_dir/NotoSansCJKjp-Desk.otf`` from the Noto Sans CJK JP face of ``source``
    (a ``.ttc`` collection or a single ``.otf``) and return its path.

    Only the character map and the names change: the outlines are copied as they are, so
    the build takes about a second. The file appears whole or not at all."""
    from fontTools.ttLib import TTCollection, TTFont

    if not source.is_file():
        raise PrintingError(f"フォントのファイル {source} が見つかりません。")
    options = {"lazy": True, "recalcBBoxes": False, "recalcTimestamp": False}
    collection = source.suffix.lower() in (".ttc", ".otc")
    opened = TTCollection(str(source), **options) if collection else TTFont(str(source), **options)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / FONT_FILE
    partial = out_dir / f"{FONT_FILE}.{os.getpid()}.part"
    with opened:  # read lazily: the source stays open until the copy is saved
        faces = opened.fonts if collection else [opened]
        face = next((f for f in faces if f["name"].getDebugName(1) == SOURCE_FAMILY), None)
        if face is None:
            raise PrintingError(f"{source} に {SOURCE_FAMILY} が含まれていません。")
        # The character map names glyphs by the glyph order, which for a CFF font would come
        # from the outlines table: numbering the glyphs keeps that table unparsed and copied.
        face.setGlyphOrder([f"glyph{i:05d}" for i in range(face["maxp"].numGlyphs)])
        for table in face["cmap"].tables:
            for code in [c for c in table.cmap if any(c in dropped for dropped in DROPPED)]:
                del table.cmap[code]
        rename(face["name"])
        try:
            face.save(str(partial))
            os.replace(partial, target)
        finally:
            partial.unlink(missing_ok=True)
    return target


def rename(names: Any) -> None:
    """In fontTools' name table: family "Noto Sans CJK JP Desk", PostScript name
    "NotoSansCJKjpDesk-Regular"."""
    for record in names.names:
        if record.nameID in (1, 3, 4, 6, 16):
            text = record.toUnicode()
            record.string = text.replace(SOURCE_FAMILY, FAMILY).replace(
                "NotoSansCJKjp-", "NotoSansCJKjpDesk-")


def register() -> str:
    """Make the shipped font known to Qt (once per process) and return its family.

    Needs a ``QGuiApplication``; raises :class:`PrintingError` when the font cannot be had."""
    if FAMILY in QFontDatabase.families():
        return FAMILY
    path = font_file()
    font_id = QFontDatabase.addApplicationFont(str(path))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        raise PrintingError(f"印刷用のフォント {path} を読み込めませんでした。")
    return families[0]


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m hoiku_desk.printing.font --out DIR [--source FILE]``: the packaging step."""
    parser = argparse.ArgumentParser(prog="python -m hoiku_desk.printing.font",
                                     description="印刷用の日本語フォントを作る")
    parser.add_argument("--out", type=Path, required=True, help="フォントを書き出すフォルダ")
    parser.add_argument("--source", type=Path, help="Noto Sans CJK JP (.ttc / .otf) のファイル")
    args = parser.parse_args(argv)
    source = args.source or find_source()
    try:
        if source is None:
            raise PrintingError(NO_SOURCE)
        print(build(source, args.out))
    except PrintingError as error:
        print(error, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
