"""Tesseract's words shared out to the cells of a scanned page's ruled tables (``extract/grid.py``).

Tesseract reads a ruled table as prose: a row's cells run together on one line, or a cell's wrapped
lines interleave with its neighbours'. Its word boxes are right, though, so each character goes to
the cell that holds its centre (a word read across a rule is split there), and a cell's text is its
words, printed lines from the top, each from the left, joined by spaces. Words outside every table
stay page text.

Page segmentation misses what stands alone in a cell (a row number "1") and stumbles on dense bold
headers; such cells (inked but empty, or read with low confidence) are read again, all of a page's
at once: their crops stacked in one image, read as a block of lines by one more tesseract run.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from vnplan.extract.builder import Box, GridCell, Line
from vnplan.extract.grid import INK_LEVEL, Grid

CellKey = tuple[int, int]  # (grid, index of the cell in grid.cells)
Data = dict[str, list]  # tesseract's image_to_data, as a dict of columns
Rect = tuple[float, float, float, float]  # left, top, width, height
# tesseract's image_to_data columns that place a word in its reading order
WORD_KEYS = ("block_num", "par_num", "line_num", "word_num")
# What tesseract reads a rule, or a rule's speck, as: a word of only these inside a table is dropped,
# and "|" everywhere in a table (Vietnamese text never uses it).
RULE_DEBRIS = "|_~‡'`‘’!"
# A cell read with a mean word confidence under this (0-100) is read again on its own.
DOUBTFUL = 75.0
# A cell holds something when this share of its inner area is ink.
INKED = 0.004
# Stacked crops are this many pixels apart (about two text lines at 300 dpi), each with this much
# white kept around its ink.
STACK_GAP = 60
TRIM_PAD = 12


# Letters of Tesseract's Vietnamese model that Vietnamese never writes, for the letter they stand for:
# the Icelandic eth "Ð" drawn like "Đ" ("GÐ và các PGĐ SYT", realdocs 27 p2), which no search,
# syllable table or restoration model reads as Đ.
OCR_LOOKALIKES = str.maketrans({"Ð": "Đ", "ð": "đ"})


@dataclass
class OcrTable:
    """A ruled table read from a page image, in points: rows of cells (None: covered by a merged cell)."""

    top: float
    bbox: Box
    columns: list[float]  # x of each column's left rule
    rows: list[list[GridCell | None]]


@dataclass
class _Piece:
    """The characters of one word that fall in one cell, with their boxes in image pixels."""

    order: tuple[int, ...]  # the word's place in tesseract's reading order
    chars: list[tuple[str, Box]]


@dataclass
class CellText:
    pieces: list[_Piece] = field(default_factory=list)
    weighted: float = 0.0  # word confidences × characters
    characters: int = 0

    @property
    def confidence(self) -> float:
        return self.weighted / self.characters if self.characters else -1.0


@dataclass(frozen=True)
class _Word:
    text: str
    rect: Rect  # tesseract's word box: left, top, width, height in pixels
    order: tuple[int, ...]
    confidence: float


def _words(data: Data) -> list[tuple[int, _Word]]:
    out = []
    for k, raw in enumerate(data["text"]):
        text = unicodedata.normalize("NFC", raw.strip()).translate(OCR_LOOKALIKES)
        if text:
            rect = tuple(float(data[n][k]) for n in ("left", "top", "width", "height"))
            order = tuple(data[n][k] for n in WORD_KEYS)
            out.append((k, _Word(text, rect, order, float(data["conf"][k]))))  # type: ignore[arg-type]
    return out


def read_cells(data: Data, grids: list[Grid]) -> tuple[dict[CellKey, CellText], set[int]]:
    """Every table word's characters in the cells that hold their centres, and the indexes (rows of
    ``data``) of the words the tables took."""
    cells: dict[CellKey, CellText] = {}
    taken: set[int] = set()
    for k, word in _words(data):
        x, y, w, h = word.rect
        inside = [g for g, grid in enumerate(grids) if _inside(grid.box, x + w / 2, y + h / 2)]
        if not inside:
            continue
        taken.add(k)
        grid = grids[inside[0]]
        _add(cells, word, lambda cx, cy, grid=grid, g=inside[0]: _cell_key(grid, g, cx, cy))
    return cells, taken


def _cell_key(grid: Grid, g: int, x: float, y: float) -> CellKey | None:
    index = grid.cell_index_at(x, y)
    return None if index is None else (g, index)


def _add(cells: dict[CellKey, CellText], word: _Word, where: Callable[[float, float], CellKey | None]) -> None:
    """The word's characters (rule debris dropped) into the cells ``where`` puts their centres."""
    if not word.text.strip(RULE_DEBRIS):
        return
    x, y, w, h = word.rect
    step = w / len(word.text)
    for i, ch in enumerate(word.text):
        box = (x + i * step, y, x + (i + 1) * step, y + h)
        key = where((box[0] + box[2]) / 2, y + h / 2)
        if ch == "|" or key is None:
            continue
        cell = cells.setdefault(key, CellText())
        if not cell.pieces or cell.pieces[-1].order != word.order:
            cell.pieces.append(_Piece(word.order, []))
            if word.confidence >= 0:
                cell.weighted += word.confidence * len(word.text)
                cell.characters += len(word.text)
        cell.pieces[-1].chars.append((ch, box))


def doubtful_cells(
    cells: dict[CellKey, CellText], grids: list[Grid], pixels: np.ndarray, margin: int
) -> tuple[list[CellKey], list[CellKey]]:
    """Cells to read again: those inked but read as empty, and those read with low confidence."""
    empty, doubtful = [], []
    for g, grid in enumerate(grids):
        for c in range(len(grid.cells)):
            found = cells.get((g, c))
            if found is not None and found.confidence >= DOUBTFUL:
                continue
            inner = _inner(pixels, grid.cells[c].box, margin)
            if inner.size and (inner < INK_LEVEL).mean() >= INKED:
                (empty if found is None else doubtful).append((g, c))
    return empty, doubtful


def _inner(pixels: np.ndarray, box: Box, margin: int) -> np.ndarray:
    x0, y0, x1, y1 = (int(v) for v in box)
    return pixels[y0 + margin : y1 - margin, x0 + margin : x1 - margin]


def stack(
    pixels: np.ndarray, grids: list[Grid], keys: list[CellKey], margin: int
) -> tuple[np.ndarray, list[tuple[CellKey, int, float, float]]]:
    """The ink of the cells (each cell's inner area trimmed to its ink, with a little white around)
    one below the other on white: the image, and per crop its cell, its top in the image and the
    offset that takes its pixels back to the page."""
    crops = []
    for key in keys:
        x0, y0 = grids[key[0]].cells[key[1]].box[:2]
        inner = _inner(pixels, grids[key[0]].cells[key[1]].box, margin)
        rows, cols = np.flatnonzero((inner < INK_LEVEL).any(axis=1)), np.flatnonzero((inner < INK_LEVEL).any(axis=0))
        if len(rows) and len(cols):
            top, left = max(0, rows[0] - TRIM_PAD), max(0, cols[0] - TRIM_PAD)
            crop = inner[top : rows[-1] + 1 + TRIM_PAD, left : cols[-1] + 1 + TRIM_PAD]
            crop = np.where(crop < INK_LEVEL, crop, 255)  # a rule's faint edge left around the ink, whitened
            crops.append((key, crop, x0 + margin + left, y0 + margin + top))
    width = max((crop.shape[1] for _, crop, _, _ in crops), default=0) + 2 * STACK_GAP
    height = sum(crop.shape[0] + STACK_GAP for _, crop, _, _ in crops) + STACK_GAP
    image = np.full((height, width), 255, dtype=np.uint8)
    placed, top = [], STACK_GAP
    for key, crop, x, y in crops:
        image[top : top + crop.shape[0], STACK_GAP : STACK_GAP + crop.shape[1]] = crop
        placed.append((key, top, x - STACK_GAP, y - top))
        top += crop.shape[0] + STACK_GAP
    return image, placed


def reread(cells: dict[CellKey, CellText], data: Data, placed: list[tuple[CellKey, int, float, float]]) -> None:
    """Take the stacked reading of each cell where it is more confident than the page's."""
    again: dict[CellKey, CellText] = {}
    tops = [top for _, top, _, _ in placed]
    for _, word in _words(data):
        x, y, w, h = word.rect
        index = max(0, int(np.searchsorted(tops, y + h / 2, side="right")) - 1)
        key, _, dx, dy = placed[index]
        moved = _Word(word.text, (x + dx, y + dy, w, h), word.order, word.confidence)
        _add(again, moved, lambda cx, cy, key=key: key)
    for key, _, _, _ in placed:
        new, old = again.get(key), cells.get(key)
        if new is not None and (old is None or new.confidence > old.confidence):
            cells[key] = new


def tables(grids: list[Grid], cells: dict[CellKey, CellText], scale: float) -> list[OcrTable]:
    """The grids with their cells' text, in points (``scale``: points per pixel)."""
    out = []
    for g, grid in enumerate(grids):
        rows: list[list[GridCell | None]] = [[None] * (len(grid.xs) - 1) for _ in range(len(grid.ys) - 1)]
        for c, cell in enumerate(grid.cells):
            box: Box = tuple(v * scale for v in cell.box)  # type: ignore[assignment]
            line = _cell_line(cells.get((g, c), CellText()).pieces, scale, box[1])
            rows[cell.row][cell.col] = GridCell(line, cell.row_span, cell.col_span, box)
        x0, y0, x1, y1 = (v * scale for v in grid.box)
        out.append(OcrTable(y0, (x0, y0, x1, y1), [x * scale for x in grid.xs[:-1]], rows))
    return out


def in_reading_order(lines: list[Line], tables: list[OcrTable]) -> list[Line | OcrTable]:
    """The page's lines in their reading order (a two-column header read column by column), each
    table placed before the first line printed below its top."""
    out: list[Line | OcrTable] = []
    waiting = sorted(tables, key=lambda t: t.top)
    for line in lines:
        while waiting and waiting[0].top <= line.top:
            out.append(waiting.pop(0))
        out.append(line)
    return out + waiting


def _inside(box: Box, x: float, y: float) -> bool:
    return box[0] <= x < box[2] and box[1] <= y < box[3]


def _cell_line(pieces: list[_Piece], scale: float, top: float) -> Line:
    """A cell's words in reading order, one space between words (its wrapped lines joined): printed
    lines from the top, each from the left (tesseract's block order inside a table is not reliable)."""
    text: list[str] = []
    boxes: list[Box | None] = []
    for piece in _reading_order(pieces):
        if text:
            text.append(" ")
            boxes.append(None)
        text.extend(ch for ch, _ in piece.chars)
        boxes.extend((b[0] * scale, b[1] * scale, b[2] * scale, b[3] * scale) for _, b in piece.chars)
    return Line("".join(text), boxes, [None] * len(text), top)


def _reading_order(pieces: list[_Piece]) -> list[_Piece]:
    lines: list[list[_Piece]] = []
    for piece in sorted(pieces, key=_middle):
        height = max(_height(piece), _height(lines[-1][0])) if lines else 0.0
        if lines and abs(_middle(piece) - _middle(lines[-1][0])) <= height / 2:
            lines[-1].append(piece)
        else:
            lines.append([piece])
    return [piece for line in lines for piece in sorted(line, key=lambda p: p.chars[0][1][0])]


def _middle(piece: _Piece) -> float:
    box = piece.chars[0][1]
    return (box[1] + box[3]) / 2


def _height(piece: _Piece) -> float:
    box = piece.chars[0][1]
    return box[3] - box[1]
