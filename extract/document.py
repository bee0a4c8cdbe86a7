"""What the extract stage hands to normalize: the raw text and everything known about its origin."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from vnplan.model import Notice

Format = Literal["txt", "md", "pdf", "docx", "image"]


@dataclass(frozen=True)
class PageText:
    """One page's text inside ``raw_text`` (pages are separated by a form feed)."""

    number: int  # 1-based
    start: int
    end: int
    method: Literal["text_layer", "ocr"]
    ocr_confidence: float | None = None


@dataclass(frozen=True)
class FontRun:
    """A stretch of raw text drawn in one font: legacy fonts (.VnTime, VNI-Times) mark legacy encodings."""

    start: int
    end: int
    font: str


@dataclass
class ExtractedDocument:
    path: Path
    format: Format
    sha256: str
    size_bytes: int
    raw_text: str
    encoding: str  # how bytes became text: utf-8, utf-8-sig, latin-1 (legacy 8-bit), pdf, …
    text_method: Literal["plain", "text_layer", "ocr", "mixed"]
    markup: Literal["plain", "markdown"] = "plain"
    pages: list[PageText] = field(default_factory=list)
    font_runs: list[FontRun] = field(default_factory=list)
    warnings: list[Notice] = field(default_factory=list)

    @property
    def file_name(self) -> str:
        return self.path.name
