"""PDF reader: the text layer with pdfplumber, OCR for pages that are scans.

Per page: characters become printed lines in reading order (``vnplan.extract.lines``), ruled
tables become tab-separated rows (their words are not repeated in the page text), tables that
continue on the next page are merged, page numbers and running headers/footers found in the
page margins are dropped (and counted in a warning). A page whose text layer covers only a small
share of it while an image covers it (a scan whose only text is a signature or "SAO Y" stamp) is
rendered with pypdfium2 and OCR'd, whatever the stamp says. Signature fields and stamp text become
signature records (``vnplan.extract.signatures``); a stamp's text is never the page's text.
"""

from __future__ import annotations

import bisect
import io
import itertools
import logging
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any

import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
from pdfminer.layout import LTChar, LTItem
from pdfplumber.page import Page as PlumberPage
from pdfplumber.page import fix_fontname_bytes
from rapidfuzz import fuzz

from vnplan.extract.builder import Box, GridCell, Line, Reading, TextBuilder, join_lines
from vnplan.extract.document import Table, TableSource
from vnplan.extract.lines import ROW_TOLERANCE, WORD_GAP, Block, Glyph, blocks, glyphs_from_chars, group_rows, row_line
from vnplan.extract.ocr_tables import in_reading_order
from vnplan.extract.options import Limits, OcrOptions
from vnplan.extract.signatures import field_signature, stamp_signature
from vnplan.extract.widgets import Widget, page_widgets
from vnplan.schema.errors import InputError
from vnplan.schema.model import Signature

# A page whose printed rows cover less than this share of it, over images covering at least
# SCAN_IMAGE_SHARE of it, is a scan. A stamp covers 1-2 % of an A4 page, a few lines of body text
# 5 % and more; an OCR'd scan's invisible text layer covers as much as the print.
TEXT_COVER_SHARE = 0.04
SCAN_IMAGE_SHARE = 0.5
# Grid lines that cut more words than this, or leave more characters outside every cell, are rules
# drawn across prose, not a table (issue #15: tabs in justified paragraphs, syllables split).
MAX_CUT_WORDS = 1
MAX_TEXT_OUTSIDE_CELLS = 2
# Top and bottom share of the page where page numbers and running headers/footers live.
MARGIN_SHARE = 0.08
PAGE_NUMBER = re.compile(r"^[-–—\s]*(?:trang\s*)?\d{1,4}(?:\s*/\s*\d{1,4})?[-–—\s]*$", re.IGNORECASE)
DIGITS = re.compile(r"\d+")

# pdfminer logs every odd font or broken object it copes with; the reader reports what matters.
logging.getLogger("pdfminer").setLevel(logging.ERROR)


class _LeanPage(PlumberPage):
    """A pdfplumber page whose characters carry only the fields this reader uses.

    pdfplumber resolves and copies every attribute of every character (graphic state, colours,
    matrix, …): that was the largest share of reading a digital page. Lines, rects, curves and
    images keep pdfplumber's full record (the table finder and the scan test read them); a
    character's fields are computed exactly as pdfplumber computes them.
    """

    def process_object(self, obj: LTItem) -> dict[str, Any]:
        if not isinstance(obj, LTChar):
            return super().process_object(obj)
        mb_x0, mb_top = self.mediabox[:2]
        x0, x1 = obj.x0, obj.x1
        if mb_x0 != 0:
            x0, x1 = x0 + mb_x0, x1 + mb_x0
        fontname = obj.fontname
        return {
            "object_type": "char",
            "text": obj.get_text(),
            "x0": x0,
            "x1": x1,
            "top": (self.height - obj.y1) + mb_top,
            "bottom": (self.height - obj.y0) + mb_top,
            "size": obj.size,
            "fontname": fix_fontname_bytes(fontname) if isinstance(fontname, bytes) else fontname,
        }


# A table's header is a few rows at most: a continued part's first rows are compared with these.
HEADER_ROWS_AT_MOST = 5


@dataclass
class TablePart:
    rows: list[list[GridCell | None]]  # None: a grid position covered by a merged cell
    bbox: Box
    columns: list[float]  # x of each column's left edge
    continues: bool = False  # continues the last table of the previous page
    header: list[list[str]] = field(default_factory=list)  # first rows of the table this part belongs to
    repeated: int = 0  # header rows repeated from the previous page (dropped)
    source: TableSource = "pdf_ruled"  # ocr_ruled: the rules of a scanned page

    def __post_init__(self) -> None:
        if not self.header:  # a table's own part: its first rows (a header is a few rows at most)
            self.header = [_texts(r) for r in self.rows[:HEADER_ROWS_AT_MOST]]


@dataclass
class PageLayout:
    number: int
    height: float
    items: list[Block | TablePart] = field(default_factory=list)
    method: str = "text_layer"
    confidence: float | None = None
    signatures: list[Signature] = field(default_factory=list)
    stamps: list[Box] = field(default_factory=list)  # where a stamp is drawn: OCR text there is not the page's


def read_pdf(data: bytes, limits: Limits | None = None, ocr: OcrOptions | None = None) -> Reading:
    limits = limits or Limits()
    document = _open_pdfium(data)
    count = len(document)
    if count == 0:
        raise InputError("the PDF has no pages")
    if count > limits.max_pdf_pages:
        raise InputError(f"the PDF has {count} pages, over the {limits.max_pdf_pages}-page limit; split it into parts")
    warnings: list[str] = []
    layouts: list[PageLayout] = []
    scans: list[int] = []
    try:
        plumber = pdfplumber.open(io.BytesIO(data))
        pages = [_LeanPage(plumber, p.page_obj, p.page_number, p.initial_doctop) for p in plumber.pages]
    except Exception as exc:  # pdfminer is stricter than PDFium: what PDFium can render can be OCR'd
        warnings.append(f"text layer unreadable ({_short(exc)}); every page OCR'd")
        plumber, pages = None, []
    for index in range(count):
        layout = None
        if index < len(pages):
            try:
                layout = _read_page(pages[index], _widgets(pages[index]))
            except Exception as exc:
                warnings.append(f"page {index + 1}: text layer unreadable ({_short(exc)}); OCR used")
            finally:
                pages[index].close()
        if layout is None:
            layout = PageLayout(index + 1, _page_height(document, index), method="ocr")
        if layout.method == "ocr":
            scans.append(index)
        layouts.append(layout)
    if plumber is not None:
        plumber.close()
    removed = _drop_furniture(layouts)
    if removed:
        warnings.append(f"{removed} page numbers and running header/footer lines removed from page margins")
    document.close()
    if scans:
        _ocr(data, layouts, scans, warnings, limits, ocr or OcrOptions())
    _mark_continuations(layouts)
    return _assemble(layouts, warnings)


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return (text[0] if text else type(exc).__name__)[:160]


def _open_pdfium(data: bytes) -> pdfium.PdfDocument:
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if exc.err_code == pdfium_raw.FPDF_ERR_PASSWORD:
            raise InputError("the PDF is encrypted with a password; remove the password and try again") from exc
        if exc.err_code == pdfium_raw.FPDF_ERR_SECURITY:
            raise InputError("the PDF uses an unsupported security handler; print it to a new PDF") from exc
        if _has_no_pages(data):  # PDFium refuses a document without pages
            raise InputError("the PDF has no pages") from exc
        raise InputError("the PDF is damaged or not a PDF (cannot be parsed); re-save or re-export it") from exc
    return document


def _page_height(document: pdfium.PdfDocument, index: int) -> float:
    try:
        return float(document[index].get_height())
    except pdfium.PdfiumError as exc:
        raise InputError(f"page {index + 1} of the PDF is damaged (cannot be loaded); re-save or re-export it") from exc


def _has_no_pages(data: bytes) -> bool:
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            return len(pdf.pages) == 0
    except Exception:
        return False


def _read_page(page: Any, widgets: list[Widget] | None = None) -> PageLayout:
    """The page's lines and tables, its signatures and stamps; a scan (method "ocr") has no lines yet."""
    width, height = float(page.width), float(page.height)
    widgets = widgets or []
    layout = PageLayout(page.page_number, height)
    for widget in widgets:
        if widget.is_value and widget.signature is None:
            continue
        text = "\n".join(row_line(row).text for row in group_rows(glyphs_from_chars(widget.chars)))
        signature = field_signature(widget.signature, text, widget.page) if widget.signature else None
        signature = signature or stamp_signature(text, widget.page)
        if signature is not None:
            layout.signatures.append(signature)
        if not widget.is_value and widget.chars:
            layout.stamps.append(widget.box)
    chars = _dedupe([c for c in page.chars if c.get("text")])
    rows = group_rows(glyphs_from_chars(chars))
    if _is_scan(page, rows, width * height):
        # the text layer of a scan is a stamp's ("SAO Y; …; 03/02/2026; 15:40:13; +07:00"), or nothing to keep
        layout.method = "ocr"
        signature = stamp_signature("\n".join(row_line(row).text for row in rows), page.page_number)
        if signature is not None:
            layout.signatures.append(signature)
            layout.stamps.extend(_row_box(row) for row in rows)
        return layout
    # the number and day stamped into form fields at signing join the text they fill (extract/widgets.py),
    # in place of the blanks the form left for them (after the scan test, which reads the page alone)
    stamped = [c for widget in widgets if widget.is_value for c in widget.chars]
    if stamped:
        chars = [*(c for c in chars if not (c["text"].isspace() and _under_any(c, stamped))), *stamped]
    # pdfplumber computes a table's rows and bbox anew on every access: read each once.
    parts: list[TablePart] = []
    for table in page.find_tables():
        rows = [row.cells for row in table.rows]
        if len(rows) >= 2 and max(len(cells) for cells in rows) >= 2:
            part = _table_part(rows, table.bbox, [c for c in chars if _inside(c, table.bbox)])
            if part is not None:
                parts.append(part)
    outside = [c for c in chars if not any(_inside(c, part.bbox) for part in parts)] if parts else chars
    items: list[Block | TablePart] = [*blocks(glyphs_from_chars(outside), width), *parts]
    items.sort(key=_top)
    layout.items = items
    return layout


def _widgets(page: Any) -> list[Widget]:
    """The page's form-field widgets; none when its annotations cannot be read (pdfminer fails on
    some signed files: the fields are extra, the page's own text must not be lost)."""
    try:
        return page_widgets(page)
    except Exception:
        return []


def _under_any(char: dict[str, Any], stamped: list[dict[str, Any]]) -> bool:
    """Whether a printed character lies under one drawn by a form field."""
    middle = (char["x0"] + char["x1"]) / 2
    return any(
        s["x0"] <= middle <= s["x1"] and s["top"] < char["bottom"] and char["top"] < s["bottom"] for s in stamped
    )


def _dedupe(chars: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Drop characters drawn twice at (almost) the same place: fake bold, shadowed text.

    pdfplumber's own dedupe_chars does the same but sorts the whole page; this is linear.
    """
    seen: set[tuple[str, int, int]] = set()
    out = []
    for c in chars:
        text = c["text"]
        x, y = round(c["x0"] * 2), round(c["top"] * 2)  # half-point buckets: within a point is the same place
        # The nine neighbouring buckets, written out: a generator here cost more than the rest of the loop.
        if not seen.isdisjoint(
            (
                (text, x - 1, y - 1),
                (text, x - 1, y),
                (text, x - 1, y + 1),
                (text, x, y - 1),
                (text, x, y),
                (text, x, y + 1),
                (text, x + 1, y - 1),
                (text, x + 1, y),
                (text, x + 1, y + 1),
            )
        ):
            continue
        seen.add((text, x, y))
        out.append(c)
    return out


def _is_scan(page: Any, rows: list[list[Glyph]], area: float) -> bool:
    """Images cover the page and its printed rows only a small share of it (what they say is no test:
    a stamp's wording varies, its size does not)."""
    image_area = sum(max(0.0, (im["x1"] - im["x0"]) * (im["bottom"] - im["top"])) for im in page.images)
    if image_area < SCAN_IMAGE_SHARE * area:
        return False
    covered = sum((box[2] - box[0]) * (box[3] - box[1]) for box in map(_row_box, rows))
    return covered < TEXT_COVER_SHARE * area


def _row_box(row: list[Glyph]) -> Box:
    return (min(g.x0 for g in row), min(g.top for g in row), max(g.x1 for g in row), max(g.bottom for g in row))


def _inside(char: dict[str, Any], bbox: Box) -> bool:
    x = (char["x0"] + char["x1"]) / 2
    y = (char["top"] + char["bottom"]) / 2
    return bbox[0] <= x <= bbox[2] and bbox[1] <= y <= bbox[3]


def _top(item: Block | TablePart) -> float:
    return item.top if isinstance(item, Block) else item.bbox[1]


class _ByCentre:
    """Characters ordered by the height of their centre, so that the characters inside a cell are
    found by bisection instead of testing every character of the table for every cell."""

    def __init__(self, chars: list[dict[str, Any]]):
        self.chars = chars
        # (y, index, x) of each centre, as _inside computes it; a NaN centre is inside nothing.
        centres = [((c["top"] + c["bottom"]) / 2, i, (c["x0"] + c["x1"]) / 2) for i, c in enumerate(chars)]
        self.centres = sorted(centre for centre in centres if centre[0] == centre[0])
        self.ys = [centre[0] for centre in self.centres]

    def inside(self, bbox: Box) -> list[dict[str, Any]]:
        """The characters whose centre is inside ``bbox`` (edges included), in their original order."""
        lo, hi = bisect.bisect_left(self.ys, bbox[1]), bisect.bisect_right(self.ys, bbox[3])
        found = sorted(i for _, i, x in self.centres[lo:hi] if bbox[0] <= x <= bbox[2])
        return [self.chars[i] for i in found]


def _table_part(table_rows: list[list[Box | None]], bbox: Box, chars: list[dict[str, Any]]) -> TablePart | None:
    """The table's rows of cells; None when its grid lines are no table's: they cut through words
    or leave text outside every cell (rules or frames drawn across justified prose)."""
    width = max(len(cells) for cells in table_rows)
    by_centre = _ByCentre(chars)
    columns = sorted({round(c[0]) for r in table_rows for c in r if c is not None})
    tops = [min(c[1] for c in r if c is not None) for r in table_rows if any(c is not None for c in r)]
    rows: list[list[GridCell | None]] = []
    placed = cuts = 0
    for row in table_rows:
        cells: list[GridCell | None] = []
        before: list[list[Glyph]] = []  # the printed lines of the cell to the left
        for cell in row:
            if cell is None:  # covered by a merged cell above or to the left
                cells.append(None)
                continue
            inside = by_centre.inside(cell)
            placed += sum(not c["text"].isspace() for c in inside)
            printed = group_rows(glyphs_from_chars(inside))
            cuts += _cut_words(before, printed)
            before = printed
            lines = [row_line(r) for r in printed]
            # the grid lines a merged cell spans: column edges and row tops strictly inside it
            col_span = 1 + sum(cell[0] + 1 < x < cell[2] - 1 for x in columns)
            row_span = 1 + sum(cell[1] + 1 < y < cell[3] - 1 for y in tops)
            cells.append(GridCell(join_lines([ln for ln in lines if ln.text], " "), row_span, col_span, tuple(cell)))
        cells += [GridCell(Line.plain(""))] * (width - len(cells))
        rows.append(cells)
    outside = sum(not c["text"].isspace() for c in chars) - placed
    if cuts > MAX_CUT_WORDS or outside > MAX_TEXT_OUTSIDE_CELLS:
        return None
    return TablePart(rows, tuple(bbox), columns)


def _cut_words(left: list[list[Glyph]], right: list[list[Glyph]]) -> int:
    """Printed lines that run on from one cell into the next without a word gap: a grid line drawn
    through a word ("nh|iệm vụ"). Real cells keep their text inside their padding."""
    cuts = 0
    ends = [[g for g in line if g.text.strip()] for line in left]
    for line in right:
        first = next((g for g in line if g.text.strip()), None)
        for printed in ends:
            if first is None or not printed:
                continue
            last = printed[-1]
            same_row = abs(last.mid - first.mid) <= ROW_TOLERANCE * max(last.size, first.size)
            if same_row and first.x0 - last.x1 <= WORD_GAP * max(last.size, first.size):
                cuts += 1
    return cuts


def _texts(row: list[GridCell | None]) -> list[str]:
    return [_text(c.line) if c else "" for c in row]


def _text(line: Line) -> str:
    return " ".join(line.text.split())


def _drop_furniture(layouts: list[PageLayout]) -> int:
    """Remove page numbers and running headers/footers from the top and bottom page margins.

    A line there is furniture when it is a bare page number ("3", "- 3 -", "Trang 3", "3/12") or
    when the same text (digits aside) sits in the margins of at least three pages (or of every
    page of a two-page document).
    """

    def margin_lines(layout: PageLayout) -> list[tuple[Block, Line]]:
        out = []
        for item in layout.items:
            if isinstance(item, Block) and len(item.lines) == 1:
                line = item.lines[0]
                box = line.bbox
                if box and (box[3] <= MARGIN_SHARE * layout.height or box[1] >= (1 - MARGIN_SHARE) * layout.height):
                    out.append((item, line))
        return out

    margins = {layout.number: margin_lines(layout) for layout in layouts if layout.method == "text_layer"}
    counts = Counter(key for lines in margins.values() for key in {DIGITS.sub("#", _text(ln)) for _, ln in lines})
    repeated = min(3, len(layouts)) if len(layouts) >= 2 else None
    removed = 0
    for layout in layouts:
        drop = {
            id(block)
            for block, line in margins.get(layout.number, [])
            if PAGE_NUMBER.match(line.text) or (repeated and counts[DIGITS.sub("#", _text(line))] >= repeated)
        }
        removed += len(drop)
        layout.items = [item for item in layout.items if id(item) not in drop]
    return removed


# Two OCR readings of one printed header cell agree on at least this share of characters (rapidfuzz ratio).
OCR_SAME_CELL = 80
# Two scanned pages of one table are rarely laid on the glass at the same place: their column
# rules may sit this many points apart.
SCAN_COLUMN_SHIFT = 15.0


def _mark_continuations(layouts: list[PageLayout]) -> None:
    """A table that opens a page continues the table that closed the previous page when the
    columns match (same count, same left edges within 3 points, or SCAN_COLUMN_SHIFT on scans);
    its repeated header is dropped."""
    for prev, cur in itertools.pairwise(layouts):
        if not prev.items or not cur.items:
            continue
        last, first = prev.items[-1], cur.items[0]
        if not (isinstance(last, TablePart) and isinstance(first, TablePart)):
            continue
        tolerance = SCAN_COLUMN_SHIFT if first.source == "ocr_ruled" else 3
        if len(last.rows[0]) != len(first.rows[0]) or not _same_columns(last.columns, first.columns, tolerance):
            continue
        first.continues = True
        first.header = header = last.header
        repeat = 0
        same = _same_row if first.source == "pdf_ruled" else _like_row
        while (
            repeat < len(header) and repeat < len(first.rows) - 1 and same(_texts(first.rows[repeat]), header[repeat])
        ):
            repeat += 1
        del first.rows[:repeat]
        first.repeated = repeat


def _same_row(row: list[str], header: list[str]) -> bool:
    return row == header


def _like_row(row: list[str], header: list[str]) -> bool:
    """Two OCR readings of one printed header row: most cells a letter or two apart ("SITT" for
    "STT"); a seal or stamp printed over the others."""
    alike = sum(fuzz.ratio(a, b) >= OCR_SAME_CELL for a, b in zip(row, header, strict=False) if b)
    return len(row) == len(header) and alike * 3 >= 2 * sum(map(bool, header))


def _same_columns(a: list[float], b: list[float], tolerance: float) -> bool:
    return len(a) == len(b) and all(abs(x - y) <= tolerance for x, y in zip(a, b, strict=True))


def _ocr(
    data: bytes, layouts: list[PageLayout], scans: list[int], warnings: list[str], limits: Limits, options: OcrOptions
) -> None:
    from vnplan.extract.ocr import ocr_pages  # pytesseract and Pillow load only when a page is a scan

    results = ocr_pages("pdf", data, scans, options, limits.max_image_pixels)
    for index, result in results.items():
        layout = layouts[index]
        layout.method = "ocr"
        layout.confidence = result.confidence
        lines = [kept for line in result.lines if (kept := _outside(line, layout.stamps)) is not None]
        layout.items = [
            Block(item.top, [item])
            if isinstance(item, Line)
            else TablePart(item.rows, item.bbox, item.columns, source="ocr_ruled")
            for item in in_reading_order(lines, result.tables)
        ]
        warnings.extend(f"page {index + 1}: {w}" for w in result.warnings)


def _outside(line: Line, stamps: list[Box]) -> Line | None:
    """The line without the words drawn inside a stamp (OCR reads a rendered signature stamp as text)."""
    if not stamps:
        return line

    def stamped(box: Box | None) -> bool:
        x, y = ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2) if box else (-1.0, -1.0)
        return any(s[0] <= x <= s[2] and s[1] <= y <= s[3] for s in stamps)

    words, start = [], 0
    for end in [*(i for i, ch in enumerate(line.text) if ch == " "), len(line.text)]:
        if end > start and 2 * sum(map(stamped, line.boxes[start:end])) < end - start:
            words.append(Line(line.text[start:end], line.boxes[start:end], line.fonts[start:end], line.top))
        start = end + 1
    if len(words) == line.text.count(" ") + 1:
        return line
    return join_lines(words, " ") if words else None


def _assemble(layouts: list[PageLayout], warnings: list[str]) -> Reading:
    builder = TextBuilder()
    open_table: Table | None = None
    for layout in layouts:
        builder.begin_page()
        for item in layout.items:
            if isinstance(item, Block):
                for line in item.lines:
                    builder.add_line(line)
                continue
            table = builder.add_table(item.source, layout.number, item.rows, item.bbox)
            if item.continues and open_table is not None:
                builder.tables.pop()
                builder.tables.pop()
                table = _stitched(open_table, table, layout.number, item.repeated)
                builder.tables.append(table)
            open_table = table
        if layout.items and not isinstance(layout.items[-1], TablePart):
            open_table = None
        builder.end_page(layout.number, layout.method, layout.confidence)
    methods = {p.method for p in builder.pages}
    text_method = "mixed" if len(methods) > 1 else methods.pop()
    signatures = [signature for layout in layouts for signature in layout.signatures]
    return Reading(builder, text_method, warnings, "pdf", signatures)


def _stitched(table: Table, part: Table, page: int, repeated: int) -> Table:
    """A table continued on the next page as one table: the part's rows below the table's; the
    header rows the part repeated (and dropped) say how many rows the header has."""
    below = max((c.row + c.row_span for c in table.cells), default=0)
    parts = table.parts or [(table.page or page, table.start, table.end)]
    return Table(
        source=table.source,
        page=table.page,
        start=table.start,
        end=part.end,
        cells=table.cells + [replace(c, row=c.row + below) for c in part.cells],
        columns=max(table.columns, part.columns),
        header_rows=max(table.header_rows or 0, repeated) or None,
        bbox=table.bbox,
        parts=[*parts, (page, part.start, part.end)],
    )
