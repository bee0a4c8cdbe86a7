"""Helpers for the reader tests: fixture paths, seed texts, real samples, syllable-level agreement.

Not a conftest.py: tests/normalize imports the top-level conftest by name.
"""

from __future__ import annotations

import difflib
import unicodedata
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


def fixture(name: str) -> Path:
    return FIXTURES / name


def seed_text(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def sample(prefix: str) -> Path:
    """A real sample PDF from ../shared/samples; the test is skipped when it is not there."""
    found = sorted(SAMPLES.glob(f"{prefix}*.pdf")) if SAMPLES.is_dir() else []
    if not found:
        pytest.skip(f"real sample {prefix}*.pdf not present (expected in {SAMPLES})")
    return found[0]
