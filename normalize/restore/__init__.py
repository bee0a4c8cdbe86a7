"""Restoration of damaged Vietnamese: legacy encodings, stripped diacritics, OCR confusions.

``restore_text`` is what ``vnplan restore`` prints; ``normalize()`` uses ``Restorer`` on the
damaged lines of a document. The model (``model/lm.bin``) ships with the package and is built
by ``vnplan train-restorer`` (see README.md in this folder).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import regex

from vnplan.normalize.abbreviations import restored_abbreviation
from vnplan.normalize.legacy import LegacyReading, convert_legacy
from vnplan.normalize.mapped import MappedText
from vnplan.normalize.quality import read_quality
from vnplan.normalize.syllables import has_diacritic, strip_diacritics, syllables, toneless_syllables
from vnplan.normalize.unicode import normalize_unicode

if TYPE_CHECKING:
    from vnplan.normalize.restore.decoder import Change, RestoredLine, Restorer, default_restorer

__all__ = [
    "Change",
    "RestoreResult",
    "RestoredLine",
    "Restorer",
    "RestorerModelError",
    "damage_mode",
    "decode_bytes",
    "default_restorer",
    "restore_text",
]
_FROM_DECODER = ("Change", "RestoredLine", "Restorer", "default_restorer")


def __getattr__(name: str) -> Any:
    """The decoder's names, imported on first use: the decoder loads numpy and its model code,
    which a clean document never needs."""
    if name in _FROM_DECODER:
        from vnplan.normalize.restore import decoder

        return getattr(decoder, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class RestorerModelError(RuntimeError):
    """A restorer model file (lm.bin, case.bin, channel.bin) is missing, unreadable or does not match the
    others; the message names the file."""


_WORD = regex.compile(r"[\p{L}\p{N}]+")
_ABBREVIATION = regex.compile(r"^\p{Lu}{2,}\p{Ll}?$")


@dataclass
class RestoreResult:
    lines: list[RestoredLine]
    legacy: LegacyReading
    mode: str  # clean, stripped or ocr
    confidence: float

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


def decode_bytes(data: bytes) -> str:
    """Text to restore from bytes: UTF-8 (with or without a BOM), else each byte as a Latin-1
    character, which is how legacy 8-bit encodings (TCVN3, VNI) arrive for conversion."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def damage_mode(text: str) -> tuple[str, float]:
    """(clean | stripped | ocr, confidence) for a whole text."""
    reading = read_quality(text)
    confidence = min(1.0, 0.5 + abs(reading.score - 0.9) * 5)
    if "ocr_confusion" in reading.damage:
        return "ocr", confidence
    if "stripped_diacritics" in reading.damage:
        return "stripped", confidence
    # A document can be clean but for some lines typed without marks.
    stripped_lines = sum(line_looks_stripped(line) for line in text.split("\n"))
    if stripped_lines:
        return "stripped", min(1.0, 0.5 + 0.1 * stripped_lines)
    return "clean", confidence


def line_looks_stripped(line: str) -> bool:
    """At least four words, nearly all valid syllables once marks are ignored, almost none marked."""
    toneless = toneless_syllables()
    words = [w.lower() for w in _words(line)]
    if len(words) < 4:
        return False
    shaped = sum(w in toneless for w in words) / len(words)
    marked = sum(has_diacritic(w) for w in words) / len(words)
    return shaped >= 0.9 and marked <= 0.1


def _words(line: str) -> list[str]:
    """Letter words of a line, without abbreviations (capitals that are no syllable, marked or not)."""
    toneless = toneless_syllables()
    return [
        w
        for w in _WORD.findall(line)
        if not w.isdigit() and not (_ABBREVIATION.match(w) and strip_diacritics(w.lower()) not in toneless)
    ]


def line_is_clean(line: str) -> bool:
    """Every word a valid syllable (abbreviations aside), and marks where Vietnamese needs them; no
    listed abbreviation written with D for its Đ ("BS, DD 3": a line of codes and numbers only is
    no evidence that its marks are there)."""
    if any(restored_abbreviation(w) is not None for w in _WORD.findall(line)):
        return False
    vocab = syllables()
    words = _words(line)
    if not words:
        return True
    if any(w.lower() not in vocab for w in words):
        return False
    marked = sum(has_diacritic(w.lower()) for w in words)
    return marked / len(words) >= (0.35 if len(words) >= 4 else 0.01)


# A line that is a person's name alone: two to five capitalised syllables ("Hà Văn Phúc", the
# signer's name under a seal).
NAME_LINE = regex.compile(r"^\s*\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,4}\s*$")


def line_is_name(line: str) -> bool:
    return bool(NAME_LINE.match(line)) and line_is_clean(line)


def kept_as_read(line: str, mode: str) -> bool:
    """Whether restoring text damaged as ``mode`` leaves this line as it is (it still gives context).
    Lines that already read well are kept, except in OCR text, where a valid syllable can still be a
    misread one ("tô chức" for tổ chức): the channel model decides. There a person's name read in
    valid syllables is kept all the same: the language model knows no names, and chose a place's
    words for a signer's ("Hà Văn Phúc" had become "Ba Vạn Phúc")."""
    return line_is_clean(line) if mode == "stripped" else line_is_name(line)


def restore_text(text: str, mode: str | None = None, restorer: Restorer | None = None) -> RestoreResult:
    """Restore a text line by line: exactly one output line per input line.

    Legacy encodings are converted first; then, if the text is damaged (or ``mode`` says how),
    its damaged lines are restored with the whole paragraph as context. Clean text comes back
    unchanged.
    """
    from vnplan.normalize.restore.decoder import RestoredLine, default_restorer

    mapped, _log, legacy = convert_legacy(MappedText.identity(text))
    if legacy.encoding is not None:
        mapped, _report = normalize_unicode(mapped)
    # OCR engines often write decomposed marks; NFC keeps the line count.
    lines = [unicodedata.normalize("NFC", line) for line in mapped.text.split("\n")]
    confidence = legacy.confidence
    if mode is None:
        mode, confidence = damage_mode("\n".join(lines))
    if mode == "clean":
        return RestoreResult([RestoredLine(line) for line in lines], legacy, mode, confidence)
    keep = [kept_as_read(line, mode) for line in lines]
    restored = (restorer or default_restorer()).restore_lines(lines, mode, keep)
    return RestoreResult(restored, legacy, mode, confidence)
