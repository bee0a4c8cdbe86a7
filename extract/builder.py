"""Assemble a layout reader's lines, pages and tables into ``raw_text`` with offsets, boxes and fonts.

Layout readers (PDF, OCR, DOCX) emit one text line per printed line. Pages are separated by a
line holding only a form feed (``"…last line\\n\\f\\nfirst line…"``); a table is one line per row
with its cells joined by tabs.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from vnplan.extract.document import Box, Cell, FontRun, PageText, Table, TableSource
from vnplan.schema.model import Signature

PAGE_BREAK = "\n\f\n"


@dataclass
class Line:
    """One printed line: its text and, per character, the box it was drawn in and its font."""

    text: str
    boxes: list[Box | None]
    fonts: list[str | None]
    top: float = 0.0

    @classmethod
    def plain(cls, text: str) -> Line:
        return cls(text, [None] * len(text), [None] * len(text))

    def __post_init__(self) -> None:
        if not (len(self.text) == len(self.boxes) == len(self.fonts)):
            raise ValueError("a line needs one box and one font entry per character")

    @property
    def bbox(self) -> Box | None:
        found = [b for b in self.boxes if b is not None]
        if not found:
            return None
        return (min(b[0] for b in found), min(b[1] for b in found), max(b[2] for b in found), max(b[3] for b in found))


def join_lines(parts: list[Line], sep: str) -> Line:
    """Several lines as one (e.g. a table cell's wrapped lines joined by spaces)."""
    text: list[str] = []
    boxes: list[Box | None] = []
    fonts: list[str | None] = []
    for i, part in enumerate(parts):
        if i:
            text.append(sep)
            boxes.extend([None] * len(sep))
            fonts.extend([None] * len(sep))
        text.append(part.text)
        boxes.extend(part.boxes)
        fonts.extend(part.fonts)
    return Line("".join(text), boxes, fonts, parts[0].top if parts else 0.0)


@dataclass
class GridCell:
    """A table cell as a layout reader found it: its text as one line, the grid positions it
    covers, and its box when the reader knows it (a PDF cell's ruled box)."""

    line: Line
    row_span: int = 1
    col_span: int = 1
    bbox: Box | None = None


EMPTY_CELL = Line.plain("")


@dataclass
class TextBuilder:
    """Accumulates raw text page by page; every character keeps its box (or None) and font."""

    chunks: list[str] = field(default_factory=list)
    boxes: list[Box | None] = field(default_factory=list)
    fonts: list[str | None] = field(default_factory=list)
    pages: list[PageText] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    length: int = 0
    _page_start: int | None = None
    _line_open: bool = False  # a line was added since the start (of the page)

    def _append(self, text: str, boxes: list[Box | None], fonts: list[str | None]) -> None:
        self.chunks.append(text)
        self.boxes.extend(boxes)
        self.fonts.extend(fonts)
        self.length += len(text)

    def begin_page(self) -> None:
        if self.pages or self.length:
            self._append(PAGE_BREAK, [None] * len(PAGE_BREAK), [None] * len(PAGE_BREAK))
        self._page_start = self.length
        self._line_open = False

    def end_page(self, number: int, method: str, ocr_confidence: float | None = None) -> None:
        if self._page_start is None:
            raise RuntimeError("end_page without begin_page")
        self.pages.append(PageText(number, self._page_start, self.length, method, ocr_confidence))  # type: ignore[arg-type]
        self._page_start = None

    def add_line(self, line: Line) -> tuple[int, int]:
        """Append one line; returns its (start, end) offsets in the raw text."""
        if self._line_open:
            self._append("\n", [None], [None])
        start = self.length
        self._append(line.text, line.boxes, line.fonts)
        self._line_open = True
        return start, self.length

    def add_table(
        self,
        source: TableSource,
        page: int | None,
        rows: list[list[GridCell | None]],
        bbox: Box | None = None,
        header_rows: int | None = None,
        caption: str | None = None,
    ) -> Table:
        """Append a table as one line per row, cells joined by tabs, and record it with every
        cell's span. ``None`` marks a grid position covered by a merged cell (an empty field)."""
        start = end = self.length
        cells: list[Cell] = []
        for r, row in enumerate(rows):
            row_start, end = self.add_line(join_lines([c.line if c else EMPTY_CELL for c in row], "\t"))
            if r == 0:
                start = row_start
            offset = row_start
            for col, cell in enumerate(row):
                if cell is not None:
                    text = cell.line.text
                    box = cell.bbox or cell.line.bbox
                    cells.append(
                        Cell(text, r, col, offset, offset + len(text), cell.row_span, cell.col_span, page, box)
                    )
                offset += (len(cell.line.text) if cell else 0) + 1
        columns = max((len(row) for row in rows), default=0)
        table = Table(source, page, start, end, cells, columns, header_rows, bbox, caption)
        self.tables.append(table)
        return table

    @property
    def text(self) -> str:
        return "".join(self.chunks)

    def font_runs(self) -> list[FontRun]:
        """Stretches drawn in one font; characters without a font (breaks, tabs) do not split a run."""
        runs: list[FontRun] = []
        current: str | None = None
        start = last = 0
        for i, font in enumerate(self.fonts):
            if font is None:
                continue
            if font != current:
                if current is not None:
                    runs.append(FontRun(start, last + 1, current))
                current, start = font, i
            last = i
        if current is not None:
            runs.append(FontRun(start, last + 1, current))
        return runs


@dataclass
class Reading:
    """What a layout reader produced; ``vnplan.extract.extract`` turns it into an ExtractedDocument."""

    builder: TextBuilder
    text_method: str
    warnings: list[str]
    encoding: str
    signatures: list[Signature] = field(default_factory=list)
