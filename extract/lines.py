"""Printed characters with positions → text lines in reading order.

Used for PDF text layers. Each character keeps its box and font. Three things other tools get
wrong on Vietnamese documents are handled here:

* Combining marks drawn as separate glyphs (often in another font, sometimes placed before their
  base letter) are attached to the base letter they overlap and composed with NFC, so "ĐIỀU"
  never comes out as "ĐIỀ U" or "ĐIÊ ̀U". Spacing accents drawn over a letter (´ ` ˜ ˆ) are
  treated the same way.
* Word breaks come from real space characters or from gaps wider than a fifth of the font size,
  never from a change of font.
* Two-column blocks (the national header: issuer and number on the left, the national motto and
  the date on the right; the "Nơi nhận" / signer block at the end) are read left column first,
  then right column, instead of interleaving their lines. A block is two-column when a gutter
  at least 1.5 font sizes wide runs down the middle half of the page through all its rows
  (at least two), some row has text on both sides, and the stretch is not a table, which is
  read row by row: a right side of numbers only (a borderless label/value table), a left side
  numbering its rows (the STT column), cell rules (a scan's ruled grid, read by OCR as "|"), or
  more rows with text on both sides than a header or a signature block has.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from vnplan.extract.builder import Box, Line

# A gap wider than this share of the font size between two characters is a word break.
WORD_GAP = 0.2
# Characters whose vertical centres differ by less than this share of the font size share a row.
ROW_TOLERANCE = 0.45
# A column gutter is free of text over at least this many font sizes across every row of a block.
GUTTER_WIDTH = 1.5
SUBSET_PREFIX = re.compile(r"^[A-Z]{6}\+")
NUMBERS = re.compile(r"^[\d.,%\s/()+-]+$")
# A gutter also runs between the columns of a table whose cells hold short text (a schedule: unit |
# dates), and a table must be read row by row. What no national header (issuer | republic, body |
# motto, number | place and date) and no signature block ("Nơi nhận" list | the signer's titles)
# has: rows in a run that start with a row number ("1.", "2)", "10"; OCR misreads a few, so not
# all) or carry a cell rule (a ruled grid that OCR reads as "|"), or many rows with text on both
# sides of the gutter (a header has three or four, a signature block fewer: the signature's gap).
ROW_NUMBER = re.compile(r"^\d{1,3}[.)]?$")
CELL_RULE = "|"
TABLE_MARKED_ROWS = 3
TABLE_TWO_SIDED_ROWS = 8
# Spacing accents that some fonts draw over a letter instead of using a combining mark.
SPACING_ACCENTS = {
    "`": "\u0300",
    "\u02cb": "\u0300",
    "\u00b4": "\u0301",
    "\u02ca": "\u0301",
    "\u02dc": "\u0303",
    "\u02c6": "\u0302",
    "\u02c0": "\u0309",
}


@dataclass(slots=True)  # tens of thousands per page
class Glyph:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    font: str | None
    marks: str = ""

    @property
    def mid(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def box(self) -> Box:
        return (self.x0, self.top, self.x1, self.bottom)

    def overlap(self, other: Glyph) -> float:
        return min(self.x1, other.x1) - max(self.x0, other.x0)


@dataclass
class Block:
    """Lines that belong together in reading order (one row, or a whole two-column block)."""

    top: float
    lines: list[Line]


@cache  # a page has a handful of fonts and tens of thousands of characters
def font_name(raw: str | None) -> str | None:
    """A PDF font name without its subset tag ("ABCDEF+TimesNewRomanPSMT" → "TimesNewRomanPSMT")."""
    return SUBSET_PREFIX.sub("", raw) if raw else None


def glyphs_from_chars(chars: Iterable[Mapping[str, Any]]) -> list[Glyph]:
    glyphs = []
    for c in chars:
        size = float(c.get("size") or (c["bottom"] - c["top"]) or 1.0)
        glyphs.append(
            Glyph(
                c["text"],
                float(c["x0"]),
                float(c["x1"]),
                float(c["top"]),
                float(c["bottom"]),
                size,
                font_name(c.get("fontname")),
            )
        )
    return glyphs


def _is_mark(g: Glyph) -> bool:
    return _is_mark_text(g.text)


@cache  # called for every character, often twice; the distinct texts are few
def _is_mark_text(text: str) -> bool:
    return bool(text) and all(unicodedata.combining(ch) for ch in text)


def _as_mark(g: Glyph, neighbours: list[Glyph]) -> str | None:
    """The combining mark a glyph stands for, if it is one (or a spacing accent drawn over a letter)."""
    if _is_mark(g):
        return g.text
    mark = SPACING_ACCENTS.get(g.text)
    width = g.x1 - g.x0
    if mark and width > 0 and any(n.overlap(g) > 0.5 * width and n.text.isalpha() for n in neighbours):
        return mark
    return None


def compose(row: list[Glyph]) -> list[Glyph]:
    """Attach combining marks to the letter they sit on and compose to NFC. ``row`` is sorted by x0."""
    out: list[Glyph] = []
    pending: list[str] = []  # marks seen before any base letter
    for i, g in enumerate(row):
        # Only a mark or a spacing accent needs its neighbours; most glyphs are plain letters.
        maybe_mark = _is_mark(g) or g.text in SPACING_ACCENTS
        bases = [n for n in (out[-1] if out else None, _next_base(row, i)) if n is not None] if maybe_mark else []
        mark = _as_mark(g, bases) if maybe_mark else None
        if mark is None:
            if pending:
                g.marks += "".join(pending)
                pending = []
            out.append(g)
            continue
        target = max(bases, key=lambda n: n.overlap(g), default=None)
        if target is None:
            pending.append(mark)
        elif target is (out[-1] if out else None):
            target.marks += mark
        else:
            pending.append(mark)
    if pending and out:
        out[-1].marks += "".join(pending)
    for g in out:
        if g.marks or not unicodedata.is_normalized("NFC", g.text):
            g.text = unicodedata.normalize("NFC", g.text + g.marks)
            g.marks = ""
    return out


def _next_base(row: list[Glyph], i: int) -> Glyph | None:
    for j in range(i + 1, len(row)):  # no slice: a copy of the rest of the row for every glyph
        if not _is_mark(row[j]) and row[j].text not in SPACING_ACCENTS:
            return row[j]
    return None


def group_rows(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Glyphs grouped into printed rows (top to bottom), each sorted left to right.

    A superscript (a footnote number) stays in its row: its centre is within the tolerance.
    """
    rows: list[list[Glyph]] = []
    ref: list[tuple[float, float]] = []  # (mid, size) of each row's first glyph
    for g in sorted(glyphs, key=lambda g: (g.mid, g.x0)):
        if rows and g.mid - ref[-1][0] <= ROW_TOLERANCE * max(ref[-1][1], g.size):
            rows[-1].append(g)
        else:
            rows.append([g])
            ref.append((g.mid, g.size))
    return [compose(sorted(r, key=lambda g: g.x0)) for r in rows]


def row_line(row: list[Glyph]) -> Line:
    """One row's text: words separated by one space; each character keeps its box and font."""
    text: list[str] = []
    boxes: list[Box | None] = []
    fonts: list[str | None] = []
    prev: Glyph | None = None
    space = False
    for g in row:
        if not g.text or g.text.isspace():
            space = True
            continue
        if prev is not None and (space or g.x0 - prev.x1 > WORD_GAP * max(g.size, prev.size)):
            text.append(" ")
            boxes.append(None)
            fonts.append(prev.font)
        text.append(g.text)
        boxes.extend([g.box] * len(g.text))
        fonts.extend([g.font] * len(g.text))
        prev, space = g, False
    return Line("".join(text), boxes, fonts, min((g.top for g in row), default=0.0))


def _words(row: list[Glyph]) -> list[tuple[float, float, float]]:
    """(x0, x1, size) of the row's words."""
    words: list[tuple[float, float, float]] = []
    for g in row:
        if not g.text or g.text.isspace():
            continue
        if words and g.x0 - words[-1][1] <= WORD_GAP * g.size:
            x0, x1, size = words[-1]
            words[-1] = (x0, max(x1, g.x1), max(size, g.size))
        else:
            words.append((g.x0, g.x1, g.size))
    return words


def _free_bins(row: list[Glyph], lo: int, hi: int) -> set[int]:
    """Points x in [lo, hi) with no word within GUTTER_WIDTH/2 font sizes."""
    free = set(range(lo, hi))
    for x0, x1, size in _words(row):
        pad = GUTTER_WIDTH * size / 2
        free.difference_update(range(int(x0 - pad), int(x1 + pad) + 1))
    return free


def _two_sided(row: list[Glyph], gutter: float) -> bool:
    return any(g.x1 <= gutter for g in row) and any(g.x0 >= gutter for g in row)


def _values_column(zone: list[list[Glyph]], gutter: float) -> bool:
    """The right side holds only numbers: a borderless label/value table, to be read row by row."""
    right = [row_line([g for g in r if g.x0 >= gutter]).text for r in zone]
    return all(NUMBERS.match(text) for text in right if text)


def _table(zone: list[list[Glyph]], gutter: float) -> bool:
    """The stretch is a borderless table split by the gutter between two of its columns."""
    two_sided = sum(1 for r in zone if _two_sided(r, gutter))
    return _values_column(zone, gutter) or two_sided >= TABLE_TWO_SIDED_ROWS


def _marked(row: list[Glyph]) -> bool:
    """A table row by its look: a cell rule, or a row number first (``ROW_NUMBER``)."""
    words = row_line(row[:6]).text.split()  # a row number has four characters at most: the first six tell
    return any(g.text == CELL_RULE for g in row) or bool(words and ROW_NUMBER.match(words[0]))


def table_rows(rows: list[list[Glyph]]) -> set[int]:
    """Indexes of the rows of numbered or ruled tables: from the first to the last of at least
    TABLE_MARKED_ROWS marked rows with at most one unmarked row between two (OCR misreads a number)."""
    marked = [k for k, row in enumerate(rows) if _marked(row)]
    out: set[int] = set()
    run: list[int] = []
    for k in [*marked, len(rows) + 2]:  # the sentinel closes the last run
        if run and k - run[-1] > 2:
            if len(run) >= TABLE_MARKED_ROWS:
                out.update(range(run[0], run[-1] + 1))
            run = []
        run.append(k)
    return out


def _gutter(free: set[int]) -> float:
    """The middle of the widest run of free points."""
    best: list[int] = []
    run: list[int] = []
    for x in sorted(free):
        run = [*run, x] if run and x == run[-1] + 1 else [x]
        if len(run) > len(best):
            best = run
    return (best[0] + best[-1]) / 2


def _column_rows(parts: list[list[Glyph]]) -> list[list[Glyph]]:
    """One column's parts of a stretch's rows, those that stand at one height joined (as
    ``group_rows`` joins glyphs): OCR reads rows across the gutter, and where the two columns' lines
    are not level it puts a right-hand line's words into two rows of the left-hand column
    ("GIÁM ĐỐC" beside one item of the "Nơi nhận" list, "PHÓ" beside the next: realdocs 25)."""
    rows: list[list[Glyph]] = []
    for part in parts:
        printed = [g for g in part if g.text.strip()]
        if not printed:
            continue
        if rows and abs(_mid(printed) - _mid(rows[-1])) <= ROW_TOLERANCE * max(g.size for g in printed + rows[-1]):
            rows[-1] = sorted(rows[-1] + part, key=lambda g: g.x0)
        else:
            rows.append(part)
    return rows


def _mid(row: list[Glyph]) -> float:
    """The middle of a row's printed glyphs' middles."""
    mids = sorted(g.mid for g in row if g.text.strip())
    return mids[len(mids) // 2]


def blocks(glyphs: list[Glyph], page_width: float) -> list[Block]:
    """Rows in reading order, two-column stretches read column by column."""
    return column_blocks([r for r in group_rows(glyphs) if any(g.text.strip() for g in r)], page_width)


def column_blocks(rows: list[list[Glyph]], page_width: float) -> list[Block]:
    """Printed rows (top to bottom, each left to right) in reading order: a stretch of rows split by
    one gutter (a two-column header or signature block) is read left column, then right column."""
    lo, hi = int(page_width * 0.25), int(page_width * 0.75)
    table = table_rows(rows)
    out: list[Block] = []
    i = 0
    while i < len(rows):
        free = _free_bins(rows[i], lo, hi) if i not in table else set()
        j = i + 1
        while free and j < len(rows) and j not in table:
            narrowed = free & _free_bins(rows[j], lo, hi)
            if not narrowed:
                break
            free, j = narrowed, j + 1
        if free and j - i >= 2:
            gutter = _gutter(free)
            zone = rows[i:j]
            if _table(zone, gutter):  # row by row, all of it: its last rows alone may look like a header
                out.extend(Block(line.top, [line]) for line in map(row_line, zone))
                i = j
                continue
            if any(_two_sided(r, gutter) for r in zone):
                left = _column_rows([[g for g in r if g.x1 <= gutter] for r in zone])
                right = _column_rows([[g for g in r if g.x1 > gutter] for r in zone])
                lines = [ln for ln in map(row_line, left + right) if ln.text]
                out.append(Block(min(ln.top for ln in lines), lines))
                i = j
                continue
        line = row_line(rows[i])
        out.append(Block(line.top, [line]))
        i += 1
    return out
