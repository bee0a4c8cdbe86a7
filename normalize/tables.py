"""Tables in the normalized text: the readers' tables with every cell's raw span mapped into the
normalized text, and the tables only the text shows (Markdown pipe tables and tab-separated rows of
plain text, which layout leaves as one line per row, cells joined by tabs).

Each table also gets what its surroundings say: its caption (the line above it, or the sheet's
name), how many header rows it has (the reader's count where it knows one, e.g. a PDF header
repeated on each page or Word rows marked to repeat, else the rows above the first numbered row),
and the scale note ("ĐVT: triệu đồng") above it or in its header, as written.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass

import regex

from vnplan.extract.document import Cell as ReadCell
from vnplan.extract.document import Table as ReadTable
from vnplan.normalize.mapped import MappedText
from vnplan.schema.model import Provenance, Table, TableCell, TableSource

# How sure the grid is: a reader's table is the file's own; tab rows found in text are inferred.
READER_GRID = 1.0
TEXT_GRID = 0.8
# Scale notes: "ĐVT: triệu đồng", "(Đơn vị tính: đồng)", "Đơn vị: tỷ đồng" (an OCR'd "DVT" too).
SCALE = regex.compile(r"(?:[ĐD]VT|Đơn\s+vị\s+tính|Đơn\s+vị)\s*:\s*[^\t\n();]*[^\t\n();\s.,]", regex.IGNORECASE)
SCALE_LINES_ABOVE = 3
MAX_CAPTION = 300  # a longer line above a table is running text, not its title
# The first cell of a data row: an item number (1, 1.2, 3.), a group (I, II., A., a)) or a total.
ROW_LABEL = regex.compile(r"^(?:\d{1,3}(?:\.\d{1,3})*\.?|[IVX]{1,5}\.?|[A-Da-dđ][.)]?|T[ổỔ]NG.*|Tổng.*|C[ộỘ]NG.*)$")
COLUMN_NUMBER = regex.compile(r"^\(?\d{1,2}\)?(?:\s*=\s*.*)?$")  # "1", "(2)", "3=1x2": a column numbering row
MAX_GUESSED_HEADER = 4


@dataclass(frozen=True)
class _Context:
    mapped: MappedText
    raw: str
    line_starts: list[int]
    provenance: Callable[[int, int, str, float], Provenance]
    page_of: Callable[[int], int | None]

    @property
    def text(self) -> str:
        return self.mapped.text

    def raw_of(self, number: int) -> str:
        """The raw text a line was made from."""
        start = self.line_starts[number]
        raw_start, raw_end = self.mapped.raw_span(start, start + len(self.line(number)))
        return self.raw[raw_start:raw_end]

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.line_starts, offset) - 1

    def line(self, number: int) -> str:
        start = self.line_starts[number]
        end = self.text.find("\n", start)
        return self.text[start : end if end >= 0 else len(self.text)]


def find_tables(
    mapped: MappedText,
    raw: str,
    read: list[ReadTable],
    provenance: Callable[[int, int, str, float], Provenance],
    page_of: Callable[[int], int | None],
    *,
    markdown: bool,
) -> list[Table]:
    """Every table of the document in text order: the readers' tables, then tab rows no reader claimed
    (``markdown``: the text was read as Markdown, so rows written with pipes are its pipe tables)."""
    context = _Context(mapped, raw, [start for start, _ in mapped.lines()], provenance, page_of)
    grids: list[tuple[list[TableCell], ReadTable | None, TableSource]] = []
    claimed: set[int] = set()
    for table in read:
        cells = [_mapped_cell(context, cell) for cell in table.cells]
        claimed.update(context.line_of(cell.start) for cell in cells if cell.text)
        grids.append((cells, table, table.source))
    grids += _text_grids(context, claimed, markdown)
    grids.sort(key=lambda grid: min((c.start for c in grid[0] if c.text), default=0))
    tables = []
    for cells, table, source in grids:
        if any(cell.text for cell in cells):
            tables.append(_table(context, len(tables) + 1, cells, table, source))
    return tables


def _mapped_cell(context: _Context, cell: ReadCell) -> TableCell:
    start, end = context.mapped.final_span(cell.start, cell.end)
    start, end = _trimmed(context.text, start, end)
    return TableCell(
        text=context.text[start:end],
        row=cell.row,
        col=cell.col,
        row_span=cell.row_span,
        col_span=cell.col_span,
        page=cell.page,
        bbox=[round(v, 2) for v in cell.bbox] if cell.bbox else None,
        start=start,
        end=end,
    )


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _text_grids(
    context: _Context, claimed: set[int], markdown: bool
) -> list[tuple[list[TableCell], ReadTable | None, TableSource]]:
    """Runs of consecutive tab-separated lines that no reader's table holds, one table each; a
    Markdown table when the document is Markdown and its rows were written with pipes (pipes in
    plain or OCR'd text, "a | b", are rows of text like tabs)."""
    grids: list[tuple[list[TableCell], ReadTable | None, TableSource]] = []
    run: list[int] = []
    for number in [*range(len(context.line_starts)), None]:
        if number is not None and number not in claimed and "\t" in context.line(number):
            run.append(number)
            continue
        if run:
            cells = [cell for row, line in enumerate(run) for cell in _split_row(context, row, line)]
            piped = markdown and "|" in context.raw_of(run[0])
            grids.append((cells, None, "markdown" if piped else "text_tabs"))
        run = []
    return grids


def _split_row(context: _Context, row: int, number: int) -> list[TableCell]:
    start = context.line_starts[number]
    cells = []
    for col, piece in enumerate(context.line(number).split("\t")):
        cell_start, cell_end = _trimmed(context.text, start, start + len(piece))
        cells.append(
            TableCell(
                text=context.text[cell_start:cell_end],
                row=row,
                col=col,
                page=context.page_of(cell_start),
                start=cell_start,
                end=cell_end,
            )
        )
        start += len(piece) + 1
    return cells


def _table(
    context: _Context, number: int, cells: list[TableCell], read: ReadTable | None, source: TableSource
) -> Table:
    count = max(cell.row + cell.row_span for cell in cells)
    rows: list[list[TableCell]] = [[] for _ in range(count)]
    for cell in sorted(cells, key=lambda c: (c.row, c.col)):
        rows[cell.row].append(cell)
    shown = [cell for cell in cells if cell.text]
    start, end = min(c.start for c in shown), max(c.end for c in shown)
    header_rows = read.header_rows if read is not None and read.header_rows is not None else _guess_header(rows)
    above = [context.line(n).strip() for n in range(context.line_of(start) - 1, -1, -1)][:SCALE_LINES_ABOVE]
    caption = read.caption if read is not None and read.caption else _caption(above)
    header_texts = [cell.text for row in rows[: max(header_rows, 1)] for cell in row]
    scale = next((m.group(0) for text in [*header_texts, *above] if (m := SCALE.search(text))), None)
    pages = sorted({cell.page for cell in cells if cell.page is not None})
    return Table(
        id=f"t{number}",
        source=source,
        pages=pages,
        header_rows=header_rows,
        columns=read.columns if read is not None else max(cell.col + cell.col_span for cell in cells),
        caption=caption,
        scale=scale,
        rows=rows,
        provenance=context.provenance(start, end, f"table:{source}", READER_GRID if read else TEXT_GRID),
    )


def _caption(above: list[str]) -> str | None:
    """The line above the table, or above its scale note when that stands on a line of its own."""
    for line in above[:2]:
        match = SCALE.search(line)
        if match and not line.strip("()[] ").replace(match.group(0), "").strip(" .()"):
            continue
        return line if line and "\t" not in line and len(line) <= MAX_CAPTION else None
    return None


def _guess_header(rows: list[list[TableCell]]) -> int:
    """The rows above the first one that opens with a row label, counting a row of column numbers
    ("1 | 2 | 3=1x2") as header; without such a row in the first few, a first row of words alone."""
    for index, row in enumerate(rows[: MAX_GUESSED_HEADER + 1]):
        texts = [cell.text for cell in row if cell.text]
        if texts and all(COLUMN_NUMBER.match(text) for text in texts) and len(texts) >= 2:
            continue
        if texts and ROW_LABEL.match(texts[0]) and len(texts) >= 2:
            return index
    first = [cell.text for cell in rows[0] if cell.text] if rows else []
    return 1 if len(rows) > 1 and first and not any(regex.search(r"\d", text) for text in first) else 0
