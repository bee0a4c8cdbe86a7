"""Appendix tables read back into rows, whether they arrive as the document's tables (the readers'
grids and the tab-separated rows of text, ``NormalizedDocument.tables``) or flattened one cell per
printed line (a PDF text layer).

A flattened table is cut into rows at its row labels: arabic numbers counting up from 1, group
labels (A., B. or I, II, III) and total rows ("Tổng", "Tổng cộng", "TỔNG CHUNG"). Anything
before the first row is the table's caption and header.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Literal

import regex

from vnplan.normalize import NormalizedDocument
from vnplan.structure.sections import Line, SectionNode

RowKind = Literal["item", "group", "total"]

ITEM_LABEL = regex.compile(r"^(?P<label>\d{1,3})(?=\s|$)")
GROUP_LABEL = regex.compile(r"^(?P<label>[A-D])\.(?=\s|$)|^(?P<roman>I{1,3}|IV|V|VI{1,3}|IX|X)(?=\s|$)")
TOTAL_LABEL = regex.compile(
    r"^(?P<label>(?:Tổng\s+cộng|Tổng\s+số|Tổng|TỔNG\s+CỘNG|TỔNG\s+CHUNG|TỔNG|Cộng|CỘNG))(?=\s|$|\()"
)
ROMAN_ORDER = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


@dataclass(frozen=True)
class PhysicalLine:
    """A printed line inside a logical line of the normalized text."""

    start: int
    end: int
    text: str


@dataclass
class Row:
    kind: RowKind
    label: str
    lines: list[PhysicalLine] = field(default_factory=list)
    cells: list[str] | None = None  # for tab-separated rows

    @property
    def start(self) -> int:
        return self.lines[0].start

    @property
    def end(self) -> int:
        return self.lines[-1].end

    @property
    def text(self) -> str:
        return " ".join(line.text for line in self.lines)


@dataclass
class Table:
    section: SectionNode
    caption: list[PhysicalLine]
    rows: list[Row]
    header: list[str] | None = None  # column names of a tab-separated table

    @property
    def caption_text(self) -> str:
        return " ".join(line.text for line in self.caption)


def physical_lines(doc: NormalizedDocument, lines: list[Line]) -> list[PhysicalLine]:
    """Split logical lines back into printed lines at the points where layout joined them."""
    joins = sorted(doc.join_points)
    result: list[PhysicalLine] = []
    for line in lines:
        cuts = joins[bisect.bisect_right(joins, line.start) : bisect.bisect_left(joins, line.end)]
        start = line.start
        for cut in [*cuts, line.end]:
            piece = doc.text[start:cut].rstrip(" ")
            if piece.strip():
                result.append(PhysicalLine(start, start + len(piece), piece))
            start = cut
    return result


def grid_rows(doc: NormalizedDocument, lines: list[Line]) -> dict[int, list[str]]:
    """Line number → the cell texts of the table row printed on that line, in grid order (a position
    covered by a merged cell is empty; empty cells at the end of a row are dropped). Only tables of
    two or more columns have rows of cells; a one-column table is read as lines."""
    starts = [line.start for line in lines]
    rows: dict[int, list[str]] = {}
    for table in doc.tables:
        if table.columns < 2:
            continue
        for row in table.rows:
            shown = [cell for cell in row if cell.text]
            if not shown:
                continue
            texts = [""] * table.columns
            for cell in row:
                texts[cell.col] = cell.text
            while texts and not texts[-1]:
                texts.pop()
            # a table nested in a cell lies on its outer row's line: the outer row is the line's row
            rows.setdefault(lines[bisect.bisect_right(starts, shown[0].start) - 1].number, texts)
    return rows


def document_tables(
    doc: NormalizedDocument, lines: list[Line], sections: list[SectionNode], section_of: dict[int, SectionNode]
) -> list[Table]:
    """Appendix tables (one per appendix, from rows of cells or flattened) and tables in the body."""
    tables: list[Table] = []
    in_appendix: set[int] = set()
    cells = grid_rows(doc, lines)
    for appendix in (s for s in sections if s.marker == "appendix"):
        inside = [line for line in lines if appendix.start <= line.start <= appendix.end]
        in_appendix.update(line.number for line in inside)
        if any(line.number in cells for line in inside):
            tables.extend(_tab_tables(appendix, inside, cells))
        else:
            tables.append(_flattened_table(appendix, physical_lines(doc, inside)))
    # In the body, each run of rows of cells is a table, captioned by the line before it.
    run: list[Line] = []
    for line in [*lines, None]:
        if line is not None and line.number not in in_appendix and line.number in cells:
            run.append(line)
            continue
        if len(run) >= 2:
            before = [candidate for candidate in lines if candidate.number == run[0].number - 1]
            section = section_of.get(run[0].number)
            if section is not None:
                tables.extend(_tab_tables(section, before + run, cells))
        run = []
    return tables


def _flattened_table(section: SectionNode, lines: list[PhysicalLine]) -> Table:
    caption: list[PhysicalLine] = []
    rows: list[Row] = []
    next_item = 1
    next_roman = 0
    for line in lines:
        text = line.text.strip()
        item = ITEM_LABEL.match(text)
        group = GROUP_LABEL.match(text)
        total = TOTAL_LABEL.match(text)
        started: Row | None = None
        header_row_before = bool(rows) and rows[-1].kind == "item" and not _has_words(rows[-1])
        # A row number is the next one in sequence; one may be missing from the document ("2, 4, 5")
        # when words follow the number on its line (a numeric cell never has them).
        skipped_one = (
            item is not None and int(item["label"]) == next_item + 1 and bool(regex.search(r"\p{L}{2,}", text))
        )
        if item and (int(item["label"]) == next_item or skipped_one or (item["label"] == "1" and header_row_before)):
            started = Row("item", item["label"])
        elif group and (group["label"] or (group["roman"] in ROMAN_ORDER[next_roman : next_roman + 1])):
            started = Row("group", group["label"] or group["roman"])
        elif total and (regex.search(r"\d", text) or any(r.kind != "total" for r in rows)):
            # before any row, a "Tổng …" line without a number is a column header
            started = Row("total", total["label"])
        if started is not None and rows and not _has_words(rows[-1]) and rows[-1].kind == "item":
            # the row before was a column-number header ("1 2 3=1 x 2"), not a row
            caption.extend(rows.pop().lines)
            next_item = 1
        if started is not None:
            if started.kind == "item":
                next_item = int(started.label) + 1
            elif started.kind == "group":
                next_item = 1
                if group and group["roman"]:
                    next_roman = ROMAN_ORDER.index(group["roman"]) + 1
            started.lines.append(line)
            rows.append(started)
        elif rows:
            rows[-1].lines.append(line)
        else:
            caption.append(line)
    if rows and not _has_words(rows[-1]) and rows[-1].kind == "item":
        caption.extend(rows.pop().lines)
    return Table(section, caption, _merge_header_totals(caption, rows))


def _merge_header_totals(caption: list[PhysicalLine], rows: list[Row]) -> list[Row]:
    """'Tổng kinh phí' in a column header is not a total row: a total row has a number."""
    kept: list[Row] = []
    for row in rows:
        if row.kind == "total" and not regex.search(r"\d", row.text):
            (kept[-1].lines if kept else caption).extend(row.lines)
        else:
            kept.append(row)
    return kept


def _has_words(row: Row) -> bool:
    return bool(regex.search(r"\p{L}{2,}", row.text))


# Words of a header cell: the row numbers' column, what is done, who leads and supports, when, what it yields.
HEADER_WORDS = regex.compile(
    r"^(?:Số\s+TT|STT|TT|ST\s*T)$|Nội\s+dung|Tên\s+(?:hoạt\s+động|đơn\s+vị|nhiệm\s+vụ)|^Nhiệm\s+vụ|Đơn\s+vị|"
    r"Sản\s+phẩm|^Cơ\s+quan|chủ\s+trì|phối\s+hợp|^Thời\s+(?:gian|hạn)|^Tiến\s+độ|^Kinh\s+phí|Trách\s+nhiệm",
    regex.I,
)


def _tab_tables(section: SectionNode, lines: list[Line], grid: dict[int, list[str]]) -> list[Table]:
    """Rows of cells; a repeated header after a page break continues the same table."""
    caption: list[PhysicalLine] = []
    header: list[str] | None = None
    rows: list[Row] = []
    # After a page break a row may continue under a partial header ("Đơn vị phối hợp | Cấp trình | …"):
    # the columns of the continuation values are the ones that header names.
    continuation_columns: list[int] | None = None
    for line in lines:
        physical = PhysicalLine(line.start, line.end, line.text)
        if line.number not in grid:
            if header is None:
                caption.append(physical)
            continue  # footnotes and notes between table pages
        cells = list(grid[line.number])
        is_header = not ITEM_LABEL.match(cells[0]) and sum(bool(HEADER_WORDS.search(c)) for c in cells) >= 2
        if is_header or (header and _names_columns(cells, header)):
            if header is None:
                header = cells
            elif not ITEM_LABEL.match(cells[0]):
                continuation_columns = _column_positions(cells, header)
            continue
        if continuation_columns is not None and rows and not ITEM_LABEL.match(cells[0] or ""):
            cells = _place(cells, continuation_columns, len(header or cells))
            continuation_columns = None
        label = ITEM_LABEL.match(cells[0] or "")
        if label:
            rows.append(Row("item", label["label"], [physical], cells))
        elif rows and rows[-1].cells is not None:
            # a row continued after a page break: its cells extend the previous row's cells
            merged = rows[-1].cells
            for i, cell in enumerate(cells):
                if cell and i < len(merged):
                    merged[i] = f"{merged[i]} {cell}".strip()
                elif cell:
                    merged.append(cell)
            rows[-1].lines.append(physical)
    return [Table(section, caption, rows, header)] if rows else []


def _fold(text: str) -> str:
    return regex.sub(r"[^\p{L}\p{N}]+", " ", text.lower()).strip()


def _names_columns(cells: list[str], header: list[str]) -> bool:
    names = {_fold(h) for h in header if h}
    present = [c for c in cells if c]
    return len(present) >= 2 and sum(_fold(c) in names for c in present) >= 2


def _column_positions(cells: list[str], header: list[str]) -> list[int] | None:
    folded = [_fold(h) for h in header]
    positions = [folded.index(_fold(c)) if _fold(c) in folded else -1 for c in cells if c]
    return positions if positions and all(p >= 0 for p in positions) else None


def _place(cells: list[str], positions: list[int] | None, width: int) -> list[str]:
    values = [c for c in cells if c]
    if positions is None or len(values) != len(positions):
        return cells
    placed = [""] * width
    for value, position in zip(values, positions, strict=True):
        placed[position] = value
    return placed
