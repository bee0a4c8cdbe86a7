"""What the extract stage hands to normalize: the raw text and everything known about its origin."""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import Literal

from vnplan.schema.model import Notice, Signature

Format = Literal["txt", "md", "pdf", "docx", "doc", "rtf", "odt", "image", "xlsx", "xls", "ods"]
TableSource = Literal["pdf_ruled", "ocr_ruled", "docx", "xlsx"]
Box = tuple[float, float, float, float]


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


@dataclass(frozen=True)
class Cell:
    """One cell of a table as a reader found it; ``start``/``end`` is its text's span in ``raw_text``.
    A merged cell is one Cell at its top-left grid position; the positions it covers have none."""

    text: str
    row: int
    col: int
    start: int
    end: int
    row_span: int = 1
    col_span: int = 1
    page: int | None = None
    bbox: Box | None = None


@dataclass
class Table:
    """A table found by a reader. Its rows are also in ``raw_text`` (one line per row, cells joined
    by tabs, in-cell line breaks as spaces) between ``start`` and ``end``."""

    source: TableSource
    page: int | None  # None for inputs without pages (DOCX)
    start: int
    end: int
    cells: list[Cell]
    columns: int
    header_rows: int | None = None  # None: the reader does not know
    bbox: Box | None = None
    caption: str | None = None  # a title the reader knows (a sheet's name)
    # A table continued over several pages: (page, start, end) of each part. The raw text between
    # two parts (page break, page number, running header) is not the table's.
    parts: list[tuple[int, int, int]] = field(default_factory=list)

    @property
    def rows(self) -> list[list[str]]:
        """The grid's texts row by row; a position covered by a merged cell is empty."""
        count = max((c.row + c.row_span for c in self.cells), default=0)
        grid = [[""] * self.columns for _ in range(count)]
        for cell in self.cells:
            grid[cell.row][cell.col] = cell.text
        return grid


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
    tables: list[Table] = field(default_factory=list)
    # Per-character boxes for layout inputs: boxes[i] = (x0, top, x1, bottom) of raw_text[i], or None.
    boxes: list[tuple[float, float, float, float] | None] | None = None
    # Signature fields and certified-copy or e-signature stamps, in page order (never in raw_text).
    signatures: list[Signature] = field(default_factory=list)
    warnings: list[Notice] = field(default_factory=list)

    @property
    def file_name(self) -> str:
        return self.path.name

    def bbox_of(self, raw_start: int, raw_end: int) -> list[float] | None:
        """Union of the character boxes of raw_text[raw_start:raw_end], if the input had a layout."""
        if not self.boxes:
            return None
        # Spans can be whole sections, so the loops run in C: a box is a 4-tuple, never empty,
        # so filter(None) drops exactly the Nones.
        found = list(filter(None, self.boxes[raw_start:raw_end]))
        if not found:
            return None
        x0, top, x1, bottom = (itemgetter(i) for i in range(4))
        return [
            round(min(map(x0, found)), 2),
            round(min(map(top, found)), 2),
            round(max(map(x1, found)), 2),
            round(max(map(bottom, found)), 2),
        ]
