"""Unicode clean-up: NFC composition, odd spaces and invisible characters, one tone placement.

Tone placement: Vietnamese text mixes "hoà / khoẻ / thuỷ" (mark on the second vowel of an open
oa, oe, uy rhyme) with "hòa / khỏe / thủy" (mark on the first). vnplan writes "hòa / khỏe / thủy",
the form most administrative documents and place names use ("Hòa Bình", "Thanh Hóa"). Syllables
with a final consonant ("hoàn", "tuyết") are the same in both conventions and are left alone.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import regex

from vnplan.normalize.mapped import MappedText, RawRepair

# A base character followed by combining marks: the unit NFC recomposes.
_DECOMPOSED = regex.compile(r"\P{M}\p{M}+")

# Characters replaced before anything else reads the text.
CHARACTER_FIXES: dict[str, str] = {
    "\u00a0": " ",  # no-break space
    "\u2007": " ",
    "\u202f": " ",
    "\u2009": " ",
    "\u3000": " ",
    "\u200b": "",  # zero-width space
    "\u200c": "",
    "\u200d": "",
    "\u2060": "",
    "\ufeff": "",  # stray byte-order mark inside the text
    "\u00ad": "",  # soft hyphen: only in text already decoded as Unicode (TCVN3 is decoded first)
}
_CHARACTER_FIX_PATTERN = regex.compile("\r\n?|[" + "".join(CHARACTER_FIXES) + "]")

_TONES = "\u0300\u0301\u0309\u0303\u0323"  # huyền, sắc, hỏi, ngã, nặng
# "oa", "oe", "uy" with the tone on the second vowel and no final consonant, not after q (quý).
# Works on NFD text, where the tone is a combining mark after its vowel; nothing may follow it.
_OPEN_RHYME_TONE = regex.compile(r"^(\p{L}*?)(?<![qQ])((?i:o(?=[ae])|u(?=y)))([aAeEyY])([" + _TONES + r"])$")
_FIRST_VOWEL_TONE = regex.compile(
    r"^(\p{L}*?)(?<![qQ])((?i:o|u))([" + _TONES + r"])((?i:(?<=[oO]\p{M}*)[ae]|(?<=[uU]\p{M}*)y))$"
)


@dataclass(frozen=True)
class UnicodeReport:
    form: str  # NFC, NFD, mixed or ascii
    repairs: list[RawRepair]


def detect_form(text: str) -> str:
    if text.isascii():
        return "ascii"
    if unicodedata.is_normalized("NFC", text):
        return "NFC"
    precomposed = any(unicodedata.decomposition(ch) for ch in text if "\u00c0" <= ch <= "\u1ef9")
    return "mixed" if precomposed else "NFD"


def _retone(match: regex.Match[str]) -> str:
    prefix, first, second, tone = match.groups()
    return prefix + first + tone + second


def alternate_tone_placement(word: str) -> str:
    """The other convention's spelling of an open oa/oe/uy syllable ("hòa" ↔ "hoà"), else the word."""
    nfd = unicodedata.normalize("NFD", word)
    moved = _OPEN_RHYME_TONE.sub(_retone, nfd)
    if moved == nfd:
        moved = _FIRST_VOWEL_TONE.sub(lambda m: m.group(1) + m.group(2) + m.group(4) + m.group(3), nfd)
    return unicodedata.normalize("NFC", moved)


@lru_cache(maxsize=200_000)
def placed_tone(word: str) -> str:
    """NFC and vnplan's tone placement ("hoà" → "hòa"), for one word: the one tone canonicalization.

    Both spellings of an open oa/oe/uy syllable give the same string, so it is also the key that
    counts the two placements equal (evaluation, place names, the restorer's vocabulary).
    """
    nfd = unicodedata.normalize("NFD", word)
    return unicodedata.normalize("NFC", _OPEN_RHYME_TONE.sub(_retone, nfd))


def _placed_tone(match: regex.Match[str]) -> str:
    word = match.group(0)
    return placed_tone(word) if _OPEN_RHYME_TONE.search(unicodedata.normalize("NFD", word)) else word


_WORD = regex.compile(r"\p{L}+")


def _fix_character(match: regex.Match[str]) -> str:
    return "\n" if match.group(0).startswith("\r") else CHARACTER_FIXES[match.group(0)]


def normalize_unicode(mapped: MappedText) -> tuple[MappedText, UnicodeReport]:
    """NFC, character fixes and tone placement, each change logged against the raw text."""
    form = detect_form(mapped.text)
    log: list[RawRepair] = []
    mapped = mapped.sub_recorded(_CHARACTER_FIX_PATTERN, _fix_character, "invisible_character", log)
    # Spaces and line ends are layout, not repairs worth showing a reviewer.
    log = [r for r in log if r.replacement not in (" ", "\n")]
    mapped = mapped.sub_recorded(_DECOMPOSED, lambda m: unicodedata.normalize("NFC", m.group(0)), "unicode_nfc", log)
    mapped = mapped.sub_recorded(_WORD, _placed_tone, "tone_placement", log)
    return mapped, UnicodeReport(form, log)
