"""Normalisation for search and duplicate detection: kana, names and phone numbers."""

from __future__ import annotations

import re
import unicodedata

_HIRAGANA_TO_KATAKANA = {code: code + 0x60 for code in range(0x3041, 0x3097)}
_DROPPED = re.compile(r"[\s・]+")
_NON_DIGITS = re.compile(r"\D+")


def normalize(text: str) -> str:
    """NFKC, hiragana → katakana, spaces and ・ dropped: 'やまだ　はなこ' → 'ヤマダハナコ'."""
    folded = unicodedata.normalize("NFKC", text).translate(_HIRAGANA_TO_KATAKANA)
    return _DROPPED.sub("", folded)


def parts(text: str) -> list[str]:
    """The normalised parts of a name written with spaces or ・ between them."""
    folded = unicodedata.normalize("NFKC", text).translate(_HIRAGANA_TO_KATAKANA)
    return [p for p in _DROPPED.split(folded) if p]


def phone_digits(text: str) -> str:
    """A phone number's digits only: '090-1234-5678' → '09012345678'."""
    return _NON_DIGITS.sub("", unicodedata.normalize("NFKC", text))


def looks_like_phone(text: str) -> bool:
    """Three or more digits and nothing but digits, hyphens, spaces or brackets."""
    folded = unicodedata.normalize("NFKC", text).strip()
    return bool(folded) and re.fullmatch(r"[\d\-\s()]+", folded) is not None and len(
        phone_digits(folded)
    ) >= 3
