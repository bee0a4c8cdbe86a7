"""Small text helpers shared by training and decoding."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from vnplan.normalize.unicode import _OPEN_RHYME_TONE, _retone


@lru_cache(maxsize=200_000)
def new_tone_style(word: str) -> str:
    """NFC and vnplan's tone placement ("hoà" → "hòa"), for one word."""
    nfd = unicodedata.normalize("NFD", word)
    return unicodedata.normalize("NFC", _OPEN_RHYME_TONE.sub(_retone, nfd))


def case_class(token: str) -> int:
    """0: lower case word, 1: capitalized word ("Sở"), 2: anything else (capitals, numbers, marks)."""
    if not token.isalpha():
        return 2
    if token.islower():
        return 0
    return 1 if token[1:].islower() or len(token) == 1 else 2
