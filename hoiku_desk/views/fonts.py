"""The application font: a Japanese family set explicitly, so Qt does not mix the kanji of
one font with the kana of another inside a table (PLATFORM.md, "Japanese text")."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

#: Japanese families in order of preference: Noto has every character of names (𠮷 too).
JAPANESE_FAMILIES = (
    "Noto Sans CJK JP", "IPAexGothic", "IPAGothic", "Yu Gothic UI", "Meiryo UI", "Hiragino Sans",
)


def japanese_family(installed: Iterable[str]) -> str | None:
    """The first preferred Japanese family among ``installed``, or None."""
    available = set(installed)
    return next((family for family in JAPANESE_FAMILIES if family in available), None)


def apply_japanese_font(app: QApplication) -> str | None:
    """Make the first installed Japanese family the application font (its size unchanged),
    or the font the program ships when the machine has none; returns the family, or None
    when neither exists."""
    family = japanese_family(QFontDatabase.families()) or shipped_family()
    if family is not None:
        font = app.font()
        font.setFamily(family)
        app.setFont(font)
    return family


def shipped_family() -> str | None:
    """The Japanese font shipped with the program (see ``hoiku_desk.printing.font``)."""
    from hoiku_desk.printing import PrintingError, font

    try:
        return font.register()
    except PrintingError:
        return None
