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
from vnplan.structure.columns import header_paths, read_columns
from vnplan.structure.sections import Line, SectionNode

RowKind = Literal["item", "group", "total"]
Span = tuple[int, int]
GridRow = tuple[list[str], list[Span | None]]

ITEM_LABEL = regex.compile(r"^(?P<label>\d{1,3})(?=\s|$)")
# A row's own number ("9", "9.", "2.1."): a row so numbered is never a header, whatever words its cells hold
# ("… cơ quan, đơn vị nhà nước" | "Nhiệm vụ thường xuyên").
NUMBERED_LABEL = regex.compile(r"^\d{1,3}(?:\.\d{1,3})*\.?(?=\s|$)")
GROUP_LABEL = regex.compile(r"^(?P<label>[A-D])\.(?=\s|$)|^(?P<roman>I{1,3}|IV|V|VI{1,3}|IX|X)(?=\s|$)")
TOTAL_LABEL = regex.compile(
    r"^(?P<label>(?:Tổng\s+cộng|Tổng\s+số|Tổng|TỔNG\s+CỘNG|TỔNG\s+CHUNG|TỔNG|Cộng|CỘNG))(?=\s|$|\()"
)
# "Trong đó" (of which) opening a row or standing alone on its line: what follows is a selection of
# the amount above, not its breakdown.
OF_WHICH = regex.compile(r"^\W*trong\s+đó\b", regex.I)
DASH_ITEM = regex.compile(r"^[-+]\s+\p{L}[^\t]*$")
OF_WHICH_LINE = regex.compile(r"^\W*trong\s+đó\W*$", regex.I)
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
    cells: list[str] | None = None  # for rows of cells
    spans: list[Span | None] | None = None  # each cell's span in the normalized text (None: an empty cell)
    of_which: bool = False  # a "Trong đó:" line stands alone right above it: the rows from it are a selection

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
    header: list[str] | None = None  # column names of a tab-separated table (header paths when several rows)
    header_rows: list[list[str]] = field(default_factory=list)
    header_start: int | None = None  # where its first header row begins in the normalized text

    @property
    def start(self) -> int | None:
        """Where the table begins: its header, else its first row."""
        if self.header_start is not None:
            return self.header_start
        return self.rows[0].start if self.rows else None

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


def grid_rows(doc: NormalizedDocument, lines: list[Line]) -> dict[int, GridRow]:
    """Line number → the cell texts of the table row printed on that line, in grid order, and each
    cell's span in the normalized text (a position covered by a merged cell is empty, without a span;
    empty cells at the end of a row are dropped). Only tables of two or more columns have rows of
    cells; a one-column table is read as lines."""
    starts = [line.start for line in lines]
    rows: dict[int, GridRow] = {}
    for table in doc.tables:
        if table.columns < 2:
            continue
        for row in table.rows:
            shown = [cell for cell in row if cell.text]
            if not shown:
                continue
            texts = [""] * table.columns
            spans: list[Span | None] = [None] * table.columns
            for cell in row:
                texts[cell.col], spans[cell.col] = cell.text, (cell.start, cell.end)
            while texts and not texts[-1]:
                texts.pop()
            # a table nested in a cell lies on its outer row's line: the outer row is the line's row
            line = lines[bisect.bisect_right(starts, shown[0].start) - 1].number
            rows.setdefault(line, (texts, spans[: len(texts)]))
    return rows


def document_tables(
    doc: NormalizedDocument, lines: list[Line], sections: list[SectionNode], section_of: dict[int, SectionNode]
) -> list[Table]:
    """Appendix tables (from rows of cells, each header naming new columns a table of its own, or flattened) and
    tables in the body (each run of rows, split the same way)."""
    tables: list[Table] = []
    in_appendix: set[int] = set()
    cells = grid_rows(doc, lines)
    for appendix in (s for s in sections if s.marker == "appendix"):
        inside = [line for line in lines if appendix.start <= line.start <= appendix.end]
        in_appendix.update(line.number for line in inside)
        if any(line.number in cells for line in inside):
            for part in _by_header(inside, cells):
                tables.extend(_tab_tables(appendix, part, cells))
        else:
            tables.append(_flattened_table(appendix, physical_lines(doc, inside)))
    # In the body, each run of rows of cells is a table, captioned by the line before it.
    run: list[Line] = []
    body = [line for line in lines if line.number not in in_appendix]
    for index, line in enumerate([*body, None]):
        if line is not None and line.number in cells:
            run.append(line)
            continue
        if line is not None and run and _resumes(body, index, cells):
            run.append(line)  # a note between rows ("Trong đó:"): the table goes on after it
            continue
        if len(run) >= 2:
            before = [candidate for candidate in lines if candidate.number == run[0].number - 1]
            section = section_of.get(run[0].number)
            if section is not None:
                # two tables one after the other ("Bảng 1" rows, "Bảng 2." and its own header) are two tables
                for part in _by_header(before + run, cells):
                    tables.extend(_tab_tables(section, part, cells))
        run = []
    return tables


def _by_header(lines: list[Line], grid: dict[int, GridRow]) -> list[list[Line]]:
    """The tables of one appendix ("Biểu 01", "Biểu 02" under one "Phụ lục") or one run of rows in the body:
    after rows, a header row naming columns the table's header does not have starts the next table, captioned
    by the lines since the last row. A header repeated after a page break, whole or in part (or with a cell
    misspelt: "Sau phẩm"), goes on with the same table: most of its cells are the table's."""
    parts: list[list[Line]] = [[]]
    names: set[str] = set()
    width: int | None = None  # the number of cells of the table's first header row
    has_rows = False
    since_row = 0  # lines of the current part after its last row of cells
    for line in lines:
        if line.number not in grid:
            parts[-1].append(line)
            since_row += 1
            continue
        cells = grid[line.number][0]
        if _header_row(cells):
            folded = {_fold(c) for c in cells if c}
            # a whole header (it opens with its numbering column: "TT | Chỉ tiêu | …") naming two columns the table
            # does not have, or one and of another width, is a new table's; the part of a header repeated over a
            # page's rows ("Số TT | Nội dung | Đơn vị chủ trì", then "Đơn vị phối hợp | Cấp trình") is not
            new = len(folded - names)
            other_width = width is not None and len(cells) != width
            whole = bool(LABEL_HEADER.match(cells[0].strip()))
            other = whole and (new >= NEW_COLUMNS or (new and other_width))
            if has_rows and (2 * len(folded & names) < len(folded) or other):
                caption = parts[-1][len(parts[-1]) - since_row :]
                del parts[-1][len(parts[-1]) - since_row :]
                parts.append(caption)
                names, has_rows, width = set(), False, None
            names |= folded
            width = len(cells) if width is None else width
        else:
            has_rows = True
        parts[-1].append(line)
        since_row = 0
    return [part for part in parts if part]


# The first header cell of a table whose rows are years.
YEARS_DOWN = regex.compile(r"^(?:năm|các\s+năm|giai\s+đoạn)$", regex.I)
# The header cell of a numbering column ("TT", "STT", "Số TT").
LABEL_HEADER = regex.compile(r"^(?:Số\s+TT|STT|TT|ST\s*T|Số\s+thứ\s+tự)$", regex.I)
NEW_COLUMNS = 2  # cells a header must name that the table's does not, to start a table of its own


def _header_row(cells: list[str]) -> bool:
    if YEARS_DOWN.match(cells[0].strip(" *")) and sum(bool(regex.search(r"\p{L}{2,}", c)) for c in cells[1:]) >= 2:
        return True  # "Năm | Tỷ lệ hộ nghèo (%) | Số hộ thoát nghèo": the rows below are the years
    return not NUMBERED_LABEL.match(cells[0].strip()) and sum(bool(HEADER_WORDS.search(c)) for c in cells) >= 2


TABLE_GAP = 2  # non-tab lines a table may have between its rows ("Trong đó:", a wrapped cell)


def _resumes(body: list[Line], index: int, grid: dict[int, GridRow]) -> bool:
    ahead = body[index + 1 : index + 1 + TABLE_GAP]
    return any(line.number in grid for line in ahead) and len(body[index].text) < 200


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


# Words of a header cell: the row numbers' column, what is done, who leads and supports, when, what it
# yields, and the columns of money tables (quantities, prices, amounts, years).
HEADER_WORDS = regex.compile(
    r"^(?:Số\s+TT|STT|TT|ST\s*T)$|Nội\s+dung|Tên\s+(?:hoạt\s+động|đơn\s+vị|nhiệm\s+vụ)|^Nhiệm\s+vụ|Đơn\s+vị|"
    r"Sản\s+phẩm|^Cơ\s+quan|chủ\s+trì|phối\s+hợp|^Thời\s+(?:gian|hạn)|^Tiến\s+độ|^Kinh\s+phí|Trách\s+nhiệm|"
    r"Thành\s+tiền|Đơn\s+giá|^Số\s+lượng|^Dự\s+toán|^Ghi\s+chú|^Danh\s+mục|^Chỉ\s+tiêu|^ĐVT$|"
    r"^(?:Mặt|Ngành|Nhóm)\s+hàng|^Lĩnh\s+vực$",
    regex.I,
)
# A lower header row: years, sums and sources under a spanning cell ("Tổng số | Trong đó: NSTW | NSĐP"),
# or the column numbers ("1 | 2 | 3=1x2"); no cell of it is a figure of the table's body.
SUBHEADER_CELL = regex.compile(
    r"^(?:(?:Năm\s+)?(?:19|20)\d\d|Tổng\s+(?:số|cộng)|Trong\s+đó.*|Cộng|NSTW|NSĐP|NSNN|XHH|ODA|Ngân\s+sách.*|"
    r"Vốn.*|Ước.*|Kế\s+hoạch.*|Dự\s+toán.*|Thực\s+hiện.*|So\s+sánh.*|Đánh\s+giá.*|%|Số\s+tiền.*|"
    r"(?:Cả\s+)?Giai\s+đoạn.*|Bình\s+quân.*|Mục\s+tiêu.*|Dự\s+kiến.*|(?:ƯTH|UTH|TH|KH)\s+(?:năm\s+)?(?:19|20)\d\d.*|"
    r"(?:Sản\s+lượng|Giá\s+trị|Kim\s+ngạch|Diện\s+tích|Số\s+lượng)(?:\s*\([^)]*\))?|(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d|"
    r"(?:Đơn\s+vị|Cơ\s+quan)\s+(?:chủ\s+trì|phối\s+hợp).*)$",
    regex.I,
)
COLUMN_NUMBER = regex.compile(r"^(?:\(?\d{1,2}\)?|[A-Z])(?:\s*=.*)?$")


# Labels of a money table's rows, from the outermost: the table's total, A. B., I. II., 1. 2., 1.1., a) b), - +.
LABEL_RANKS: tuple[tuple[int, regex.Pattern[str]], ...] = (
    (2, regex.compile(r"^(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3})\.?$")),  # before the letters: "I", "V" are roman
    (1, regex.compile(r"^\p{Lu}\.?$")),
    (3, regex.compile(r"^\d{1,3}\.?$")),
    (4, regex.compile(r"^\d{1,3}\.\d{1,3}\.?$|^\d{1,3}\p{Ll}\)?\.?$")),  # "7.1", and "7a" under "7"
    (5, regex.compile(r"^\d{1,3}\.\d{1,3}\.\d{1,3}\.?$")),
    (6, regex.compile(r"^\d{1,3}(?:\.\d{1,3}){3,}\.?$")),
    (7, regex.compile(r"^\p{Ll}\)?\.?$")),
    (8, regex.compile(r"^[-–—]$")),
    (9, regex.compile(r"^[+*•]$")),
)
UNLABELLED_RANK = 8


def label_rank(label: str) -> int:
    """How deep a row label nests (0: the table's total); an unlabelled row nests like a '-' row."""
    for rank, pattern in LABEL_RANKS:
        if pattern.match(label.strip()):
            return rank
    return UNLABELLED_RANK


def _tab_tables(section: SectionNode, lines: list[Line], grid: dict[int, GridRow]) -> list[Table]:
    """Rows of cells under one or more header rows; a repeated header after a page break continues
    the same table. Every body row is kept with its label (1, 1.1, I, A, a, -, or none)."""
    caption: list[PhysicalLine] = []
    header_rows: list[list[str]] = []
    header_start: int | None = None
    rows: list[Row] = []
    # After a page break a row may continue under a partial header ("Đơn vị phối hợp | Cấp trình | …"):
    # the columns of the continuation values are the ones that header names.
    continuation_columns: list[int] | None = None
    announced = False  # a "Trong đó:" line between rows: the next row opens a selection
    dashed: Row | None = None
    for line in lines:
        physical = PhysicalLine(line.start, line.end, line.text)
        if line.number not in grid:
            announced = bool(header_rows and rows and OF_WHICH_LINE.match(line.text))
            if not header_rows:
                caption.append(physical)
            elif (
                group := _group_heading(Row("item", "", [physical], [line.text], [(line.start, line.end)]))
            ) is not None:
                rows.append(group)  # a group heading merged over the row (a web copy prints it as one cell)
            elif rows and DASH_ITEM.match(line.text) and len(line.text) < 200:
                # a "-" row whose figures a web copy put on a row of their own: kept if such a row follows
                dashed = Row("item", "-", [physical], ["", line.text], [None, (line.start, line.end)])
            continue  # footnotes and notes between table pages
        cells, spans = list(grid[line.number][0]), list(grid[line.number][1])
        if dashed is not None and all(FIGURE_CELL.match(c) for c in cells if c):
            rows.append(dashed)  # money_rows joins its figures to it
        dashed = None
        header = _compose(header_rows)
        is_header = _header_row(cells)
        if is_header or (header_rows and _names_columns(cells, header)):
            if not rows:
                header_start = line.start if not header_rows else header_start
                header_rows.append(cells)
            elif not ITEM_LABEL.match(cells[0]):
                continuation_columns = _column_positions(cells, header)
            continue
        if header_rows and not rows and _subheader(cells):
            header_rows.append(cells)
            continue
        if sum(bool(COLUMN_NUMBER.match(c)) for c in cells if c) >= 3 and all(
            COLUMN_NUMBER.match(c) for c in cells if c
        ):
            continue  # the column numbers under the header ("1 | 2 | 3 | 4=2x3")
        if continuation_columns is not None and rows and not ITEM_LABEL.match(cells[0] or ""):
            cells, spans = _place(cells, spans, continuation_columns, len(header or cells))
            continuation_columns = None
        if rows and rows[-1].cells is not None and (not any(cells[:2]) or _name_carried_over(cells, rows[-1])):
            # a row continued after a page break: its cells extend the previous row's cells (a cell's
            # span stays the one on its first page)
            merged, merged_spans = rows[-1].cells, rows[-1].spans or []
            for i, cell in enumerate(cells):
                if cell and i < len(merged):
                    merged[i] = f"{merged[i]} {cell}".strip()
                    merged_spans[i] = merged_spans[i] or spans[i]
                elif cell:
                    merged.append(cell)
                    merged_spans.append(spans[i])
            rows[-1].lines.append(physical)
            continue
        rows.append(Row(_row_kind(cells), cells[0], [physical], cells, spans, of_which=announced))
        announced = False
    if header_rows and _numbers_rows(header_rows[0]):
        rows = _numbering_column(rows)
    if not header_rows:
        return [Table(section, caption, rows)] if any(_is_label(r.label) and r.kind == "item" for r in rows) else []
    width = max((len(r.cells or []) for r in rows), default=0)
    return [Table(section, caption, rows, _compose(header_rows, width), header_rows, header_start)] if rows else []


# The tail of a cell cut by a page break goes on in lower case or with the next enumerated part ("(5) …").
CARRIED_TAIL = regex.compile(r"^(?:\p{Ll}|\(\d{1,2}\)|[-+]\s)")


def _name_carried_over(cells: list[str], previous: Row) -> bool:
    """A page break cut a numbered row: its tail comes as a row with no number, the name cell going on
    alone or in words with the other cells' tails (never figures: an unnumbered row of figures is a row)."""
    name = cells[1].strip() if len(cells) >= 2 else ""
    rest = [c.strip() for c in cells[2:] if c.strip()]
    return (
        not cells[0].strip()
        and bool(name)
        and len(previous.cells or []) > 2  # empty cells at a row's end are dropped: the table is wider
        and not OF_WHICH.match(name)
        and not any(FIGURE_CELL.match(c) for c in rest)
        and (not rest or bool(CARRIED_TAIL.match(name)))
        and previous.kind == "item"
        and bool(NUMBERED_LABEL.match(previous.label.strip()))
    )


# A cell of figures only: amounts, counts, percentages ("1.364.329.243", "85,0", "(1)").
FIGURE_CELL = regex.compile(r"^[\d.,()%\s*-]*\d[\d.,()%\s*-]*$")


def money_rows(table: Table) -> list[Row]:
    """The table's rows as a money table reads them: every row cut in two (a page break, a web copy's
    line break) made one, the second half's figures being the row's last cells; a "Trong đó:" row
    without figures marks the next row instead. The rows of the table itself stay as printed."""
    width = max([len(table.header or []), *(len(r.cells or []) for r in table.rows)])
    rows: list[Row] = []
    announced = False
    for row in table.rows:
        cells, spans = row.cells or [], row.spans or [None] * len(row.cells or [])
        if any(OF_WHICH_LINE.match(c) for c in cells) and not any(FIGURE_CELL.match(c) for c in cells if c):
            announced = True
            continue
        if announced:
            row = Row(row.kind, row.label, row.lines, row.cells, row.spans, of_which=True)
            announced = False
        if rows and _second_half(rows[-1], cells, width):
            before = rows[-1]
            gap = width - len(before.cells or []) - len(cells)
            rows[-1] = Row(
                before.kind,
                before.label,
                [*before.lines, *row.lines],
                [*(before.cells or []), *[""] * gap, *cells],
                [*(before.spans or []), *[None] * gap, *spans],
                before.of_which,
            )
            continue
        rows.append(row)
    return rows


def _second_half(previous: Row, cells: list[str], width: int) -> bool:
    """The rest of a row cut in two: the row before has a name and is short of the table's width,
    this one has no label and no name, only figures (a note may end it), and both fit in the width."""
    before = previous.cells or []
    present = [c for c in cells if c]
    if not present or len(before) >= width or len(before) + len(cells) > width:
        return False
    named = any(regex.search(r"\p{L}{2,}", c) for c in before[1:])
    figures = all(FIGURE_CELL.match(c) for c in cells[:-1] if c) and bool(FIGURE_CELL.match(cells[0]))
    return named and figures


def _compose(header_rows: list[list[str]], width: int = 0) -> list[str]:
    """One name per column: the top header row, or each column's header path when there are several."""
    if len(header_rows) <= 1:
        return header_rows[0] if header_rows else []
    return header_paths(header_rows, width)


def _subheader(cells: list[str]) -> bool:
    present = [c for c in cells if c]
    return bool(present) and all(SUBHEADER_CELL.match(c) for c in present) and not _is_label(cells[0])


def _numbering_column(rows: list[Row]) -> list[Row]:
    """Rows of a table whose first column numbers them. A row one cell short of the numbered rows
    lost its empty numbering cell (a total or '-' row); words in the numbering column of a row as
    wide as the others are a note or page debris below the table, not a row."""
    width = max((len(r.cells or []) for r in rows if _is_label(r.label)), default=0)
    kept = []
    announced = False  # a "Trong đó:" line was left out just before
    for row in rows:
        cells = row.cells or []
        if cells and cells[0] and not _is_label(cells[0]):
            if len(cells) == width - 1:
                cells = ["", *cells]
                label = "-" if cells[1].startswith(("- ", "-\t")) else ""
                row = Row(_row_kind(cells), label, row.lines, cells, [None, *(row.spans or [])], row.of_which)
            elif len(cells) == 1 and (group := _group_heading(row)) is not None:
                row = group

            elif row.kind != "total":
                announced = bool(OF_WHICH_LINE.match(cells[0]))
                continue
        row.of_which = row.of_which or announced
        announced = False
        kept.append(row)
    return kept


# A group heading merged over the whole row ("I. Kinh tế số", "A. CHỈ TIÊU KINH TẾ"): its label and its words.
GROUP_HEADING = regex.compile(r"^(?P<label>(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3})\.?|[A-H]\.)\s+(?P<name>\p{L}.*)$")


def _group_heading(row: Row) -> Row | None:
    """A one-cell row that opens with a group label, as two cells: the label and the group's name."""
    text = (row.cells or [""])[0]
    match = GROUP_HEADING.match(text)
    span = (row.spans or [None])[0]
    if match is None:
        return None
    spans: list[Span | None] = [None, None]
    if span is not None:
        spans = [(span[0], span[0] + match.end("label")), (span[0] + match.start("name"), span[1])]
    return Row("group", match["label"].rstrip("."), row.lines, [match["label"], match["name"]], spans)


def _numbers_rows(header: list[str]) -> bool:
    return bool(header) and read_columns(header[:1])[0].kind == "label"


def _is_label(cell: str) -> bool:
    return any(pattern.match(cell.strip()) for _, pattern in LABEL_RANKS)


def _row_kind(cells: list[str]) -> RowKind:
    first_text = next((c for c in cells[1:] if c), "")
    if (not cells[0] and TOTAL_LABEL.match(first_text)) or TOTAL_LABEL.match(cells[0]):
        return "total"
    rank = label_rank(cells[0])
    return "item" if rank >= 3 else "group"


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


def _place(
    cells: list[str], spans: list[Span | None], positions: list[int] | None, width: int
) -> tuple[list[str], list[Span | None]]:
    """The non-empty cells (and their spans) moved to the columns ``positions`` names."""
    shown = [i for i, c in enumerate(cells) if c]
    if positions is None or len(shown) != len(positions):
        return cells, spans
    placed: list[str] = [""] * width
    placed_spans: list[Span | None] = [None] * width
    for index, position in zip(shown, positions, strict=True):
        placed[position], placed_spans[position] = cells[index], spans[index]
    return placed, placed_spans
