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
