"""Slips of the pen in text that is otherwise clean, mended where the language leaves one reading.

Restoration (restore/) mends text whose damage is systematic; a clean plan still has the odd slip,
and the records take it over: "khám, chữa bệnh bao hiểm y tế" in an indicator name, "các ban,
nghành" in a unit's name, where the gold and every damaged copy of the text (whose restoration
writes the word right) have "bảo hiểm", "ngành". Two classes, both without the language model,
which a clean document does not load:

- a token that is no syllable and that exactly one syllable spells with the same letters and marks,
  once a rule of Vietnamese spelling it breaks is applied (``SPELLING_RULES``: "nghành" → ngành,
  "ghà" → gà, "QUYÉT" → QUYẾT) or the marks are placed where they belong ("gía" → giá, "qúa" → quá);
- a domain phrase of at least ``PHRASE_MIN_WORDS`` words (normalize/data/phrases.tsv, no place
  names: those are read by structure/ with their level) written with the marks of one syllable
  wrong ("bao hiểm y tế", "bệnh viện hàng I"), where the syllable as written makes no dictionary word
  with its neighbours (normalize/data/words.txt), and either the phrase is long (``LONG_PHRASE``
  words) or the syllable as the phrase writes it does make one ("bảo hiểm").
"""

from __future__ import annotations

import unicodedata
from functools import cache
from itertools import pairwise
from typing import NamedTuple

import regex

from vnplan.normalize.restore.terms import dictionary_words, phrase_rows
from vnplan.normalize.restore.text import apply_case
from vnplan.normalize.syllables import strip_diacritics, syllables
from vnplan.normalize.unicode import placed_tone

PHRASE_MIN_WORDS = 3
LONG_PHRASE = 4
NAME_KINDS = frozenset({"place"})
WORD = regex.compile(r"\p{L}+")


class SpellingRule(NamedTuple):
    name: str
    pattern: regex.Pattern[str]  # matched on the word decomposed (NFD), so a marked vowel is its letter
    replacement: str


# Onsets that Vietnamese spells one way before a front vowel (i, e, ê) and another before the rest.
SPELLING_RULES: tuple[SpellingRule, ...] = (
    SpellingRule("ngh before a back vowel", regex.compile(r"(?i)^(ng)h(?=[aou])"), r"\1"),
    SpellingRule("gh before a back vowel", regex.compile(r"(?i)^(g)h(?=[aou])"), r"\1"),
    # the diphthong after i / y is always written iê / yê ("quyết", "tiếp", "yêu"); OCR drops the hat and keeps the
    # tone ("NGHỊ QUYÉT"). After the onset gi the e is a vowel of its own ("giẻ", "gieo"); a word with no tone
    # either ("tien") lost all its marks, and which tone it had is for restoration to decide.
    SpellingRule(
        "iê / yê without its hat",
        regex.compile(r"(?i)(?<!^g)([iy])e(?!\u0302)(?=.*[\u0300\u0301\u0303\u0309\u0323])"),
        "\\1e\u0302",
    ),
)
_MARK = regex.compile(r"\p{Mn}")


class Slip(NamedTuple):
    start: int
    end: int
    text: str  # the word as the language writes it, in the case of the word written
    rule: str


def find_slips(text: str) -> list[Slip]:
    """The slips of ``text``, in order, none overlapping."""
    words = [(m.start(), m.end(), m.group(0)) for m in WORD.finditer(text)]
    found: dict[int, Slip] = {}  # by start
    for start, end, word in words:
        mended = mended_syllable(word)
        if mended is not None:
            found[start] = Slip(start, end, mended, "spelling")
    for slip in _phrase_slips(text, words):
        found.setdefault(slip.start, slip)
    return [found[start] for start in sorted(found)]


def mended_syllable(word: str) -> str | None:
    """``word`` spelt as the one syllable it can be (``SPELLING_RULES``, marks in place), in its case; None
    when it is a syllable already, or is none or several."""
    lower = word.lower()
    if len(word) < 2 or lower in syllables():
        return None
    readings = {lower, *spelling_readings(lower)}
    found = {s for r in readings for s in _by_letters_and_marks().get(_letters_and_marks(r), ())}
    if len(found) != 1:
        return None
    return apply_case(found.pop(), word)


def spelling_readings(lower: str) -> list[str]:
    """``lower`` (a word in small letters) as each rule of ``SPELLING_RULES`` it breaks would have it written."""
    nfd = unicodedata.normalize("NFD", lower)
    return [
        unicodedata.normalize("NFC", rule.pattern.sub(rule.replacement, nfd))
        for rule in SPELLING_RULES
        if rule.pattern.search(nfd)
    ]


def _letters_and_marks(word: str) -> tuple[str, tuple[str, ...]]:
    nfd = unicodedata.normalize("NFD", word.replace("đ", "d\u0335"))
    return strip_diacritics(word), tuple(sorted(_MARK.findall(nfd)))


@cache
def _by_letters_and_marks() -> dict[tuple[str, tuple[str, ...]], frozenset[str]]:
    index: dict[tuple[str, tuple[str, ...]], set[str]] = {}
    for syllable in syllables():
        index.setdefault(_letters_and_marks(syllable), set()).add(placed_tone(syllable))
    return {key: frozenset(value) for key, value in index.items()}


@cache
def _phrases() -> dict[tuple[str, ...], tuple[str, ...] | None]:
    """Phrases of words only of at least ``PHRASE_MIN_WORDS`` words, by their words without marks → their
    words (lower case, one tone placement); None where two phrases share the letters."""
    out: dict[tuple[str, ...], tuple[str, ...] | None] = {}
    for kind, phrase in phrase_rows():
        words = tuple(placed_tone(w) for w in phrase.lower().split())
        if kind in NAME_KINDS or len(words) < PHRASE_MIN_WORDS or not all(w.isalpha() for w in words):
            continue
        key = tuple(strip_diacritics(w) for w in words)
        out[key] = words if out.get(key, words) == words else None
    return out


@cache
def _phrase_lengths() -> dict[str, tuple[int, ...]]:
    """The lengths of the phrases of ``_phrases`` by their first word without marks, shortest first."""
    lengths: dict[str, set[int]] = {}
    for key in _phrases():
        lengths.setdefault(key[0], set()).add(len(key))
    return {first: tuple(sorted(found)) for first, found in lengths.items()}


@cache
def _word_pairs() -> frozenset[tuple[str, str]]:
    """Syllables that stand side by side in a dictionary word."""
    return frozenset(pair for word in dictionary_words() for pair in pairwise(word.split()))


def _phrase_slips(text: str, words: list[tuple[int, int, str]]) -> list[Slip]:
    phrases, lengths = _phrases(), _phrase_lengths()
    plain = [strip_diacritics(w.lower()) for _, _, w in words]
    slips: list[Slip] = []
    # whether word k and the next have nothing but spaces between them: a phrase runs over such words
    spaced = [text[a[1] : b[0]].isspace() for a, b in pairwise(words)]
    ends = [0] * (len(words) + 1)  # ends[i]: the words from i on that stand with spaces only between them
    for k in range(len(words) - 1, -1, -1):
        ends[k] = ends[k + 1] + 1 if k + 1 < len(words) and spaced[k] else 1
    lowered = [placed_tone(w.lower()) for _, _, w in words]
    for i in range(len(words)):
        for n in lengths.get(plain[i], ()):
            if n > ends[i]:
                break
            phrase = phrases.get(tuple(plain[i : i + n]))
            if phrase is None:
                continue
            wrong = [j for j in range(n) if lowered[i + j] != phrase[j]]
            if len(wrong) == 1 and _only_reading(lowered, spaced, i + wrong[0], phrase, wrong[0]):
                start, end, word = words[i + wrong[0]]
                slips.append(Slip(start, end, apply_case(phrase[wrong[0]], word), "phrase"))
    return slips


def _only_reading(lowered: list[str], spaced: list[bool], k: int, phrase: tuple[str, ...], j: int) -> bool:
    """Whether the phrase's word is the one reading of the slipped syllable (word ``k`` of the text, ``j``
    of the phrase): as written it makes no dictionary word with a neighbour in the text, inside the phrase
    or not ("hồ sơ sức khỏe điện tử" is no slip of "sổ sức khỏe điện tử"), and the phrase is long or its
    word makes one with a neighbour in the phrase."""
    pairs = _word_pairs()
    written = (k > 0 and spaced[k - 1] and (lowered[k - 1], lowered[k]) in pairs) or (
        k + 1 < len(lowered) and spaced[k] and (lowered[k], lowered[k + 1]) in pairs
    )
    meant = (j > 0 and (phrase[j - 1], phrase[j]) in pairs) or (
        j + 1 < len(phrase) and (phrase[j], phrase[j + 1]) in pairs
    )
    return not written and (len(phrase) >= LONG_PHRASE or meant)
