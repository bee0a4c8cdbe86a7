"""The domain phrases and dictionary words of normalize/data/ (written by tools/restore/make_phrases.py),
read without the decoder's numpy: restoration takes them as evidence (phrases.py), and the slips of
clean text are found with them (normalize/slips.py)."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def phrase_rows() -> tuple[tuple[str, str], ...]:
    """(kind, phrase) of normalize/data/phrases.tsv."""
    text = resources.files("vnplan.normalize").joinpath("data/phrases.tsv").read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#"))
    return tuple((kind, phrase) for kind, phrase in rows)


@cache
def dictionary_words() -> tuple[str, ...]:
    """The dictionary words of several syllables of normalize/data/words.txt."""
    text = resources.files("vnplan.normalize").joinpath("data/words.txt").read_text(encoding="utf-8")
    return tuple(line for line in text.splitlines() if line.strip() and not line.startswith("#"))
