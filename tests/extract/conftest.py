"""Helpers for the reader tests: fixture paths and a syllable-level text agreement measure."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEEDS = Path(__file__).resolve().parents[2] / "corpus" / "seeds"
SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "samples" / "pdf"
PUNCTUATION = ".,;:!?()[]\"“”'‘’…-–—*/|"


def syllables(text: str) -> list[str]:
    """Words with letters, NFC, lower-cased, punctuation trimmed at both ends."""
    words = (w.strip(PUNCTUATION) for w in unicodedata.normalize("NFC", text).lower().split())
    return [w for w in words if any(c.isalpha() for c in w)]


def agreement(reference: str, text: str) -> float:
    """Share of the reference's syllables found, in order, in ``text`` (edit-distance alignment)."""
    ref, got = syllables(reference), syllables(text)
    matcher = difflib.SequenceMatcher(None, ref, got, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / max(len(ref), 1)


@pytest.fixture
def fixture_path() -> Callable[[str], Path]:
    return lambda name: FIXTURES / name


@pytest.fixture
def seed_text() -> Callable[[str], str]:
    return lambda prefix: next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


@pytest.fixture
def agree() -> Callable[[str, str], float]:
    return agreement


@pytest.fixture
def sample() -> Callable[[str], Path]:
    def find(prefix: str) -> Path:
        found = sorted(SAMPLES.glob(f"{prefix}*.pdf")) if SAMPLES.is_dir() else []
        if not found:
            pytest.skip(f"real sample {prefix}*.pdf not present (expected in {SAMPLES})")
        return found[0]

    return find
