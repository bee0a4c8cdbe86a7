"""DOCX reader: paragraphs with their list numbering, and tables, in document order.

* List numbering is rendered the way Word shows it ("1.", "a)", "-", "•") from the paragraph's
  numbering properties (its own or its style's) and the numbering definitions.
* A table becomes one line per row, cells joined by tabs; a merged cell's text is in its first
  grid cell, the cells it covers are empty; the table is also recorded as cells with their spans
  (gridSpan, vMerge) and its header rows (rows marked to repeat on each page). A table nested in a
  cell is read into that cell's text and recorded as a table of its own. A borderless table of at most three columns is page
  layout (the national header, the signature block): its columns are read one after the other,
  as they are printed.
* Every character keeps the font it is set in, so that legacy fonts (.VnTime, VNI-Times) can be
  recognised downstream.
* A Word file has no fixed pages: ``pages`` is empty and there are no boxes.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn

from vnplan.extract.builder import GridCell, Line, Reading, TextBuilder, join_lines
from vnplan.extract.document import Cell, Table
from vnplan.extract.options import Limits
from vnplan.extract.package import check_package
from vnplan.schema.errors import InputError

LAYOUT_TABLE_COLUMNS = 3
BULLETS = {"\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "➢", "\uf0fc": "✓", "\uf076": "❖", "\uf0a8": "◆", "\uf06e": "■"}
ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl")]
ROMAN += [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
MAX_BODY_ELEMENTS = 200_000


@dataclass(frozen=True)
class Level:
    fmt: str
    text: str
    start: int


@dataclass
class Numbering:
    """List definitions (numId → abstract list and its levels) and the running counters."""

    levels: dict[str, dict[int, Level]] = field(default_factory=dict)  # abstractNumId → ilvl → Level
    nums: dict[str, str] = field(default_factory=dict)  # numId → abstractNumId
    overrides: dict[str, dict[int, int]] = field(default_factory=dict)  # numId → ilvl → start
    counters: dict[str, dict[int, int]] = field(default_factory=dict)  # abstractNumId → ilvl → value
    started: set[str] = field(default_factory=set)  # numIds seen

    @classmethod
    def of(cls, document: Any) -> Numbering:
        numbering = cls()
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return numbering
        for abstract in root.findall(qn("w:abstractNum")):
            levels: dict[int, Level] = {}
            for lvl in abstract.findall(qn("w:lvl")):
                levels[int(lvl.get(qn("w:ilvl"), "0"))] = Level(
                    _val(lvl, "w:numFmt") or "decimal",
                    _val(lvl, "w:lvlText") or "",
                    int(_val(lvl, "w:start") or "1"),
                )
            numbering.levels[abstract.get(qn("w:abstractNumId"), "")] = levels
        for num in root.findall(qn("w:num")):
            num_id = num.get(qn("w:numId"), "")
            numbering.nums[num_id] = _val(num, "w:abstractNumId") or ""
            for override in num.findall(qn("w:lvlOverride")):
                start = _val(override, "w:startOverride")
                if start is not None:
                    ilvl = int(override.get(qn("w:ilvl"), "0"))
                    numbering.overrides.setdefault(num_id, {})[ilvl] = int(start)
        return numbering

    def label(self, num_id: str, ilvl: int) -> str:
        """The next label of list ``num_id`` at level ``ilvl`` ("" when it shows none)."""
        abstract = self.nums.get(num_id)
        if abstract is None or num_id == "0":
            return ""
        levels = self.levels.get(abstract, {})
        level = levels.get(ilvl)
        if level is None:
            return ""
        counters = self.counters.setdefault(abstract, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for lvl, start in self.overrides.get(num_id, {}).items():
                counters[lvl] = start - 1
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if level.fmt == "bullet":
            return "".join(BULLETS.get(ch, "•" if "\uf000" <= ch <= "\uf0ff" else ch) for ch in level.text)
        text = level.text
        for k in range(9):
            if f"%{k + 1}" in text:
                lv = levels.get(k, Level("decimal", "", 1))
                text = text.replace(f"%{k + 1}", _format(counters.get(k, lv.start), lv.fmt))
        return text


def _val(element: Any, tag: str) -> str | None:
    child = element.find(qn(tag))
    return None if child is None else child.get(qn("w:val"))


def _format(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letters = ""
        n = value
        while n > 0:
            n, rem = divmod(n - 1, 26)
            letters = chr(ord("a") + rem) + letters
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman"):
        out, n = "", value
        for number, numeral in ROMAN:
            while n >= number:
                out, n = out + numeral, n - number
        return out.upper() if fmt == "upperRoman" else out
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt == "none":
        return ""
    return str(value)


@dataclass(frozen=True)
class NestedCell:
    """A cell of a table nested in another table's cell: its grid place and the stretch of the outer
    cell's lines (``first`` to ``end``, exclusive) that holds its text."""

    row: int
    col: int
    row_span: int
    col_span: int
    first: int
    end: int


@dataclass
class Slot:
    """A w:tc of a row: its lines, the grid columns it spans, whether it continues the vertically
    merged cell above it (vMerge continue: its own text is not shown), and the tables nested in it."""

    lines: list[Line]
    col_span: int = 1
    continued: bool = False
    nested: list[tuple[Any, list[NestedCell]]] = field(default_factory=list)  # (w:tbl, its cells)


class Reader:
    def __init__(self, document: Any) -> None:
        self.document = document
        self.numbering = Numbering.of(document)
        self.styles = {s.get(qn("w:styleId")): s for s in document.styles.element.findall(qn("w:style"))}
        self.default_font = self._default_font()
        self.builder = TextBuilder()

    def _default_font(self) -> str | None:
        defaults = self.document.styles.element.find(qn("w:docDefaults"))
        fonts = None if defaults is None else defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}")
        return _font_of(fonts)

    def _style_chain(self, style_id: str | None) -> Iterator[Any]:
        seen: set[str] = set()
        while style_id and style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            style = self.styles[style_id]
            yield style
            style_id = _val(style, "w:basedOn")

    def _style_font(self, style_id: str | None) -> str | None:
        for style in self._style_chain(style_id):
            font = _font_of(style.find(f"{qn('w:rPr')}/{qn('w:rFonts')}"))
            if font:
                return font
        return self.default_font

    def _num_pr(self, p: Any) -> tuple[str, int] | None:
        ppr = p.find(qn("w:pPr"))
        num_pr = None if ppr is None else ppr.find(qn("w:numPr"))
        if num_pr is not None and _val(num_pr, "w:numId") is not None:
            return _val(num_pr, "w:numId") or "0", int(_val(num_pr, "w:ilvl") or "0")
        for style in self._style_chain(_paragraph_style(p)):
            style_num = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
            if style_num is not None and _val(style_num, "w:numId") is not None:
                return _val(style_num, "w:numId") or "0", int(_val(style_num, "w:ilvl") or "0")
        return None

    def paragraph_lines(self, p: Any) -> list[Line]:
        """A paragraph's printed lines (split at manual line breaks), its list label in front."""
        style_font = self._style_font(_paragraph_style(p))
        chars: list[str] = []
        fonts: list[str | None] = []
        for run in p.xpath(
            "./w:r | ./w:hyperlink/w:r | ./w:ins/w:r | ./w:smartTag/w:r | ./w:fldSimple/w:r | ./w:sdt/w:sdtContent/w:r"
        ):
            rpr = run.find(qn("w:rPr"))
            font = _font_of(None if rpr is None else rpr.find(qn("w:rFonts"))) or style_font
            for child in run:
                if child.tag == qn("w:t"):
                    text = child.text or ""
                elif child.tag in (qn("w:tab"), qn("w:ptab")):
                    text = " "
                elif child.tag in (qn("w:br"), qn("w:cr")):
                    text = "\n"
                elif child.tag == qn("w:noBreakHyphen"):
                    text = "-"
                else:
                    continue
                chars.append(text)
                fonts.extend([font] * len(text))
        text = "".join(chars)
        if not text.strip():
            return []
        num = self._num_pr(p)
        label = self.numbering.label(*num) if num else ""
        if label:
            indent = len(text) - len(text.lstrip())
            text = f"{label} {text[indent:]}"
            fonts = [style_font] * (len(label) + 1) + fonts[indent:]
        lines: list[Line] = []
        start = 0
        for part in text.split("\n"):
            end = start + len(part)
            stripped = part.strip()
            if stripped:
                offset = start + len(part) - len(part.lstrip())
                lines.append(Line(stripped, [None] * len(stripped), fonts[offset : offset + len(stripped)]))
            start = end + 1
        return lines

    def cell_slot(self, tc: Any, col_span: int) -> Slot:
        """A cell's paragraphs, one line each; a nested table's cells follow in reading order, and
        where each of them lies among the lines is kept."""
        slot = Slot([], col_span)
        for child in tc:
            if child.tag == qn("w:p"):
                slot.lines.extend(self.paragraph_lines(child))
            elif child.tag == qn("w:tbl"):
                rows = self.table_rows(child)
                cells: list[NestedCell] = []
                for r, row in enumerate(rows):
                    for col, inner in enumerate(row):
                        if inner is None or inner.continued:
                            continue
                        first = len(slot.lines)
                        slot.lines.extend(inner.lines)
                        cells.append(
                            NestedCell(r, col, _row_span(rows, r, col), inner.col_span, first, len(slot.lines))
                        )
                slot.nested.append((child, cells))
        return slot

    def table_rows(self, tbl: Any) -> list[list[Slot | None]]:
        """Rows → grid positions: a cell's Slot at its first grid column, None at the columns its
        gridSpan covers."""
        rows: list[list[Slot | None]] = []
        for tr in tbl.findall(qn("w:tr")):
            row: list[Slot | None] = []
            for tc in tr.findall(qn("w:tc")) + tr.findall(f"{qn('w:sdt')}/{qn('w:sdtContent')}/{qn('w:tc')}"):
                tcpr = tc.find(qn("w:tcPr"))
                span = max(1, int((None if tcpr is None else _val(tcpr, "w:gridSpan")) or "1"))
                vmerge = None if tcpr is None else tcpr.find(qn("w:vMerge"))
                continued = vmerge is not None and vmerge.get(qn("w:val"), "continue") == "continue"
                row.append(Slot([], span, True) if continued else self.cell_slot(tc, span))
                row.extend(None for _ in range(span - 1))
            rows.append(row)
        return rows

    def _has_borders(self, tbl: Any) -> bool:
        tblpr = tbl.find(qn("w:tblPr"))
        candidates = [] if tblpr is None else [tblpr]
        candidates += [
            s.find(qn("w:tblPr")) for s in self._style_chain(None if tblpr is None else _val(tblpr, "w:tblStyle"))
        ]
        for pr in candidates:
            borders = None if pr is None else pr.find(qn("w:tblBorders"))
            if borders is not None:
                return any(b.get(qn("w:val")) not in ("nil", "none") for b in borders)
        return False

    def add_table(self, tbl: Any) -> None:
        rows = self.table_rows(tbl)
        width = max((len(r) for r in rows), default=0)
        if width <= LAYOUT_TABLE_COLUMNS and not self._has_borders(tbl):
            for column in range(width):
                for row in rows:
                    slot = row[column] if column < len(row) else None
                    for line in slot.lines if slot else []:
                        self.builder.add_line(line)
            return
        grid: list[list[GridCell | None]] = []
        for r, row in enumerate(rows):
            cells: list[GridCell | None] = []
            for col, slot in enumerate(row):
                if slot is None or slot.continued:
                    cells.append(None)
                    continue
                line = join_lines(slot.lines, " ") if slot.lines else Line.plain("")
                cells.append(GridCell(line, _row_span(rows, r, col), slot.col_span))
            cells.extend(GridCell(Line.plain("")) for _ in range(width - len(cells)))
            grid.append(cells)
        table = self.builder.add_table("docx", None, grid, header_rows=_header_rows(tbl))
        for cell in table.cells:
            slot = rows[cell.row][cell.col]
            for nested, inner in slot.nested if slot else []:
                self.builder.tables.append(_nested_table(nested, inner, slot.lines, cell.start))

    def read(self) -> TextBuilder:
        body = self.document.element.body
        for count, child in enumerate(_body_elements(body)):
            if count > MAX_BODY_ELEMENTS:
                raise InputError(f"the document has over {MAX_BODY_ELEMENTS} paragraphs and tables; split it")
            if child.tag == qn("w:p"):
                for line in self.paragraph_lines(child):
                    self.builder.add_line(line)
            elif child.tag == qn("w:tbl"):
                self.add_table(child)
        return self.builder


def _row_span(rows: list[list[Slot | None]], r: int, col: int) -> int:
    """1 + the rows below whose cell in this column continues this one (vMerge)."""
    span = 1
    while r + span < len(rows):
        below = rows[r + span]
        slot = below[col] if col < len(below) else None
        if slot is None or not slot.continued:
            break
        span += 1
    return span


def _nested_table(tbl: Any, cells: list[NestedCell], lines: list[Line], start: int) -> Table:
    """A table nested in a cell whose text starts at raw offset ``start``: the outer cell joins its
    lines with spaces, so each nested cell's span is found from the lengths of the lines before it."""
    offsets = [start]
    for line in lines:
        offsets.append(offsets[-1] + len(line.text) + 1)
    spans = [(offsets[c.first], offsets[c.end] - 1 if c.end > c.first else offsets[c.first]) for c in cells]
    texts = [" ".join(line.text for line in lines[c.first : c.end]) for c in cells]
    found = [
        Cell(text, c.row, c.col, a, b, c.row_span, c.col_span)
        for c, text, (a, b) in zip(cells, texts, spans, strict=True)
    ]
    return Table(
        source="docx",
        page=None,
        start=min((a for a, _ in spans), default=start),
        end=max((b for _, b in spans), default=start),
        cells=found,
        columns=max((c.col + c.col_span for c in cells), default=0),
        header_rows=_header_rows(tbl),
    )


def _header_rows(tbl: Any) -> int | None:
    """The rows at the top marked to repeat on every page (w:tblHeader); None when none is marked."""
    count = 0
    for tr in tbl.findall(qn("w:tr")):
        trpr = tr.find(qn("w:trPr"))
        header = None if trpr is None else trpr.find(qn("w:tblHeader"))
        if header is None or header.get(qn("w:val"), "true") in ("false", "0", "off"):
            break
        count += 1
    return count or None


def _body_elements(parent: Any) -> Iterator[Any]:
    for child in parent:
        if child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _body_elements(content)
        elif child.tag in (qn("w:p"), qn("w:tbl")):
            yield child


def _paragraph_style(p: Any) -> str | None:
    ppr = p.find(qn("w:pPr"))
    return None if ppr is None else _val(ppr, "w:pStyle")


def _font_of(rfonts: Any) -> str | None:
    if rfonts is None:
        return None
    return rfonts.get(qn("w:ascii")) or rfonts.get(qn("w:hAnsi")) or rfonts.get(qn("w:cs"))


def read_docx(data: bytes, limits: Limits | None = None) -> Reading:
    check_package(data, limits or Limits(), "Word document")  # before python-docx builds its tree
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError("not a readable Word (.docx) document; open and re-save it in Word or LibreOffice") from exc
    except Exception as exc:
        raise InputError(f"the Word document is damaged ({type(exc).__name__}); re-save it in Word") from exc
    builder = Reader(document).read()
    if not builder.text.strip():
        raise InputError("the Word document has no text")
    return Reading(builder, "text_layer", [], "docx")
