"""The inventory of valid Vietnamese syllables, and the letter-level helpers around it."""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache
from importlib import resources

import regex

_MARKS = regex.compile(r"[\u0300\u0301\u0303\u0309\u0323]")
WORD = regex.compile(r"\p{L}+")


@cache
def syllables() -> frozenset[str]:
    """Valid syllables, lower case, NFC, both tone placements ("hòa" and "hoà")."""
    text = resources.files(__package__).joinpath("data/vi_syllables.txt").read_text(encoding="utf-8")
    base = {unicodedata.normalize("NFC", line.strip()) for line in text.splitlines() if line.strip()}
    from vnplan.normalize.unicode import alternate_tone_placement

    return frozenset(base | {alternate_tone_placement(s) for s in base})


@cache
def toneless_syllables() -> frozenset[str]:
    return frozenset(strip_diacritics(s) for s in syllables())


def strip_tone(word: str) -> str:
    """Remove the tone mark only: "được" → "đươc"."""
    return unicodedata.normalize("NFC", _MARKS.sub("", unicodedata.normalize("NFD", word)))


@lru_cache(maxsize=1 << 16)  # called for every word of a text, several times over; words repeat
def strip_diacritics(word: str) -> str:
    """Remove every mark, including đ → d: "được" → "duoc"."""
    nfd = unicodedata.normalize("NFD", word)
    return "".join(c for c in nfd if not unicodedata.combining(c)).replace("đ", "d").replace("Đ", "D")


def is_syllable(word: str) -> bool:
    return word.lower() in syllables()


def has_diacritic(word: str) -> bool:
    return strip_diacritics(word) != word
