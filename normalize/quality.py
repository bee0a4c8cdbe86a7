"""How readable the text is: the share of real Vietnamese syllables, and which damage it shows.

Measured on letter tokens. Abbreviations in capitals (UBND, BHYT) are not syllables and are
left out of both counts. Clean plans score above 0.95 with about 85% of syllables marked;
stripped text keeps its syllable shapes but loses the marks; OCR damage from an engine without
a Vietnamese model breaks the shapes ("dugc", "ctia") and puts digits inside words ("s6", "1a").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from vnplan.normalize.syllables import has_diacritic, syllables, toneless_syllables

TOKEN = regex.compile(r"[\p{L}\p{N}]+")
ABBREVIATION = regex.compile(r"^\p{Lu}{2,}\p{Ll}?$")
DIGIT_IN_WORD = regex.compile(r"^(?=.*\p{L})(?=.*\d)[\p{L}\d]{2,4}$")

# Thresholds, from the seeds: clean text ≥ 0.93 valid; Lai Châu OCR ≈ 0.6; stripped text keeps
# shapes (valid without marks) but under 10% of its syllables carry a mark.
CLEAN_SCORE = 0.90
STRIPPED_DIACRITIC_RATIO = 0.35
OCR_DIGIT_SHARE = 0.005
# Text with its marks stripped keeps most of its words valid once marks are ignored (the seeds
# ≥ 99.5%, the Hồ Chí Minh sample, whose source splits some syllables, 96.8%); OCR without a
# Vietnamese model mangles more (at most 93% on the rendered pages with few digit-words).
STRIPPED_TONELESS_SCORE = 0.95


@dataclass(frozen=True)
class QualityReading:
    letter_tokens: int
    score: float  # valid syllables / letter tokens
    toneless_score: float  # tokens that are valid once marks are ignored
    diacritic_ratio: float
    digit_word_share: float
    damage: tuple[str, ...]

    @property
    def damaged(self) -> bool:
        return bool(self.damage)


@lru_cache(maxsize=2)  # the pipeline reads the same text's quality up to three times
def read_quality(text: str) -> QualityReading:
    valid = 0
    toneless_valid = 0
    marked = 0
    letters = 0
    digit_words = 0
    vocab = syllables()
    toneless = toneless_syllables()
    for match in TOKEN.finditer(text):
        token = match.group(0)
        if DIGIT_IN_WORD.match(token) and not token.isupper():
            digit_words += 1
            letters += 1
            continue
        if not any(c.isalpha() for c in token) or ABBREVIATION.match(token):
            continue
        letters += 1
        lower = token.lower()
        if lower in vocab:
            valid += 1
            marked += has_diacritic(lower)
        if lower in toneless or lower in vocab:
            toneless_valid += 1
    if not letters:
        return QualityReading(0, 0.0, 0.0, 0.0, 0.0, ("no_text",))
    score = valid / letters
    toneless_score = toneless_valid / letters
    diacritic_ratio = marked / valid if valid else 0.0
    digit_share = digit_words / letters
    damage: list[str] = []
    if score < CLEAN_SCORE and (toneless_score - score > 0.25 or diacritic_ratio < STRIPPED_DIACRITIC_RATIO):
        damage.append("stripped_diacritics")
    if score < CLEAN_SCORE and (digit_share > OCR_DIGIT_SHARE or toneless_score < STRIPPED_TONELESS_SCORE):
        damage.append("ocr_confusion")
    if score < 0.5 and toneless_score < 0.5 and not damage:
        damage.append("not_vietnamese")
    return QualityReading(letters, score, toneless_score, diacritic_ratio, digit_share, tuple(damage))
