"""Small text helpers shared by training and decoding."""

from __future__ import annotations


def case_class(token: str) -> int:
    """0: lower case word, 1: capitalized word ("Sở"), 2: anything else (capitals, numbers, marks)."""
    if not token.isalpha():
        return 2
    if token.islower():
        return 0
    return 1 if token[1:].islower() or len(token) == 1 else 2


def apply_case(word: str, like: str) -> str:
    """``word`` (lower case) in the casing of the observed token ``like``, letter by letter when
    they have the same length ("TTg", "KẾ"), else by its first letter or all capitals."""
    letters = [c for c in like if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return word.upper()  # also where a digit stood for a letter ("XI1" → XII)
    if len(word) == len(like):
        return "".join(w.upper() if c.isupper() else w for w, c in zip(word, like, strict=True))
    if letters and letters[0].isupper():
        return word[:1].upper() + word[1:]
    return word
