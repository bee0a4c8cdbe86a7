"""Small text helpers shared by training and decoding."""

from __future__ import annotations


def case_class(token: str) -> int:
    """0: lower case word, 1: capitalized word ("Sở"), 2: anything else (capitals, numbers, marks)."""
    if not token.isalpha():
        return 2
    if token.islower():
        return 0
    return 1 if token[1:].islower() or len(token) == 1 else 2
