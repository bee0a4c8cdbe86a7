"""Syllable accuracy of restored text against a hand transcription (README.md "Evaluation")."""

from __future__ import annotations

import unicodedata
from difflib import SequenceMatcher

import regex

from vnplan.normalize.restore.text import new_tone_style

_EDGE = regex.compile(r"^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$")


def eval_words(text: str) -> list[str]:
    """Words with letters, NFC, lower case, punctuation trimmed, one tone placement."""
    out = []
    for chunk in unicodedata.normalize("NFC", text).lower().split():
        word = _EDGE.sub("", chunk)
        if any(c.isalpha() for c in word):
            out.append(new_tone_style(word))
    return out


def syllable_accuracy(gold: str, output: str) -> tuple[int, int]:
    """(gold words matched exactly after alignment, gold words)."""
    reference = eval_words(gold)
    hypothesis = eval_words(output)
    matcher = SequenceMatcher(None, reference, hypothesis, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return matched, len(reference)
