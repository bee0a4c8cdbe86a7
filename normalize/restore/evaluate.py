"""Syllable accuracy of restored text against a hand transcription (README.md "Evaluation").

The one definition, used by ``vnplan eval`` (restoration accuracy), the tests and bench/bench_restore.py.
"""

from __future__ import annotations

import unicodedata
from typing import NamedTuple

import regex
from rapidfuzz.distance import Levenshtein

from vnplan.normalize.unicode import placed_tone

_EDGE_PUNCTUATION = regex.compile(r"^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$")


class SyllableAccuracy(NamedTuple):
    accuracy: float  # matched / gold, 0.0 for an empty gold
    matched: int  # gold words the alignment pairs with an identical output word
    total: int  # gold words


def words(text: str) -> list[str]:
    """Words with letters: NFC, lower-case, punctuation trimmed at both ends, one tone placement."""
    found = []
    for chunk in unicodedata.normalize("NFC", text).lower().split():
        word = _EDGE_PUNCTUATION.sub("", chunk)
        if any(ch.isalpha() for ch in word):
            found.append(placed_tone(word))
    return found


def syllable_accuracy(gold_text: str, output_text: str) -> SyllableAccuracy:
    """(accuracy, gold words matched exactly, gold words) of a restored text against its gold transcription.

    Both texts become word sequences (``words``), aligned by edit distance over whole words; a gold word
    counts when the alignment pairs it with an identical output word. Accuracy is 0.0 for an empty gold.
    """
    gold, output = words(gold_text), words(output_text)
    matched = sum(
        block.src_end - block.src_start for block in Levenshtein.opcodes(gold, output) if block.tag == "equal"
    )
    return SyllableAccuracy(matched / len(gold) if gold else 0.0, matched, len(gold))
