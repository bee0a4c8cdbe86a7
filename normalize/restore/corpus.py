"""Reading the training corpus (../shared/data/vi-text) and the held-out split.

A fixed 1% of corpus lines, chosen by a hash of the line, is never used to train the language
model: it is the source of the rendered pages that the OCR channel model and its evaluation use.
"""

from __future__ import annotations

import gzip
import hashlib
from collections.abc import Iterator
from pathlib import Path

CORPUS_FILES = ("legal_phapdien.txt.gz", "legal_laws_vlc.txt.gz", "wiki_vi.txt.gz")
HELD_OUT_MODULUS = 100


def default_corpus_dir() -> Path:
    """``../shared/data/vi-text`` next to the repository checkout."""
    return Path(__file__).resolve().parents[2].parent / "shared" / "data" / "vi-text"


def is_held_out(line: str) -> bool:
    digest = hashlib.md5(line.encode("utf-8"), usedforsecurity=False).digest()
    return int.from_bytes(digest[:4], "little") % HELD_OUT_MODULUS == 0


def corpus_lines(corpus_dir: Path, held_out: bool = False) -> Iterator[str]:
    """Lines of the training files, in a fixed order: the training part, or the held-out part."""
    for name in CORPUS_FILES:
        with gzip.open(corpus_dir / name, "rt", encoding="utf-8") as handle:
            for raw in handle:
                line = raw.strip()
                if line and is_held_out(line) == held_out:
                    yield line
