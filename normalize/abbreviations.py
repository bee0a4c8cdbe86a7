"""Abbreviations whose Đ damaged text writes as D ("BVDK" for BVĐK), from data/abbreviations.tsv."""

from __future__ import annotations

from functools import cache
from importlib import resources

from vnplan.normalize.syllables import strip_diacritics, toneless_syllables


@cache
def abbreviations() -> dict[str, str]:
    """Abbreviation → what it stands for."""
    text = resources.files(__package__).joinpath("data/abbreviations.tsv").read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#"))
    return {abbreviation: expansion for abbreviation, expansion in rows}


@cache
def _by_shape() -> dict[str, str]:
    return {strip_diacritics(a): a for a in abbreviations()}


def restored_abbreviation(token: str) -> str | None:
    """The listed abbreviation a capitalized token is, with its Đ ("BVDK" → "BVĐK"), if it differs."""
    if len(token) < 2 or not token.isupper():
        return None
    found = _by_shape().get(strip_diacritics(token))
    return found if found is not None and found != token else None


def is_unlisted_abbreviation(token: str) -> bool:
    """Capitals that are no syllable even without marks ("TTYT", "HD"): an abbreviation whose Đ,
    if any, the table does not give, so restoration keeps it as it is."""
    return (
        len(token) > 1
        and token.isalpha()
        and token.isupper()
        and strip_diacritics(token.lower()) not in toneless_syllables()
    )
