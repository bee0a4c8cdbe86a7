"""Ruled tables on page images: the grid lines of a scanned table, and its cells with their spans.

A scanned plan's tables (schedules, task tables, money appendices) are drawn with rules. The rules
are long straight runs of ink: a morphological opening along each axis keeps them and drops the
letters (no letter stroke is as long as the shortest rule looked for), the kept pixels are grouped
into bands (one per rule, thick where the page is slightly skewed), and rules that cross each other
form a table. A cell boundary is where a rule is drawn; where it is not, neighbouring positions are
one merged cell. Tesseract's words are then shared out to the cells by their characters' centres
(``vnplan.extract.ocr``).

Written with numpy rather than a table library: img2table (the maintained one) brings OpenCV-contrib,
numba and polars and runs its own OCR pass, while here the page is already rendered, deskewed and
OCR'd, and only the rules are missing.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cached_property

import numpy as np

Box = tuple[float, float, float, float]
Segment = tuple[int, int]  # [start, end) along an axis

# Ink: darker than this grey level (0 black, 255 white).
INK_LEVEL = 160
# Rules are looked for on the page max-pooled to about this resolution: four times fewer pixels
# at 300 dpi, and a one-pixel rule is still one pixel.
WORK_DPI = 150
# The shortest rules looked for, in points: a vertical rule is at least one text row tall, a
# horizontal one at least a narrow column wide; letters' strokes are shorter than either.
MIN_VERTICAL_PT = 13.0
MIN_HORIZONTAL_PT = 20.0
# Gaps in a scanned rule (dropouts) bridged before it is measured, in points: under the gap
# between two letters, so a line of text never becomes a rule.
GAP_PT = 0.5
# A rule covers a cell's side when it is drawn along at least this share of it.
SIDE_COVER = 0.5
# Rules whose ends come this close (in points) meet.
MEET_PT = 4.0


@dataclass(frozen=True)
class Rule:
    """One rule: its position across the axis (centre of its band) and its drawn stretches along it."""

    at: float
    band: Segment
    stretches: tuple[Segment, ...]

    @property
    def extent(self) -> Segment:
        return self.stretches[0][0], self.stretches[-1][1]

    def covers(self, start: float, end: float, tolerance: float) -> float:
        """The share of [start, end) along which the rule is drawn."""
        drawn = sum(max(0.0, min(e + tolerance, end) - max(s - tolerance, start)) for s, e in self.stretches)
        return drawn / max(end - start, 1.0)


@dataclass(frozen=True)
class RuledCell:
    row: int
    col: int
    row_span: int
    col_span: int
    box: Box  # in pixels of the image


@dataclass(frozen=True)
class Grid:
    """A ruled table: its row and column boundaries and its cells (merged ones once), in pixels."""

    xs: tuple[float, ...]
    ys: tuple[float, ...]
    cells: tuple[RuledCell, ...]
    strokes: tuple[Box, ...] = ()  # where the rules are drawn

    @property
    def box(self) -> Box:
        return self.xs[0], self.ys[0], self.xs[-1], self.ys[-1]

    def scaled(self, factor: float) -> Grid:
        xs, ys = tuple(x * factor for x in self.xs), tuple(y * factor for y in self.ys)
        cells = tuple(
            RuledCell(
                c.row,
                c.col,
                c.row_span,
                c.col_span,
                (xs[c.col], ys[c.row], xs[c.col + c.col_span], ys[c.row + c.row_span]),
            )
            for c in self.cells
        )
        strokes = tuple((x0 * factor, y0 * factor, x1 * factor, y1 * factor) for x0, y0, x1, y1 in self.strokes)
        return Grid(xs, ys, cells, strokes)

    def erase(self, gray: np.ndarray, margin: int) -> None:
        """Paint the rules white (with ``margin`` pixels around): Tesseract reads text beside a rule
        far better without it, and reads no rule as "|"."""
        height, width = gray.shape
        for x0, y0, x1, y1 in self.strokes:
            top, left = max(0, int(y0) - margin), max(0, int(x0) - margin)
            gray[top : min(height, int(y1) + margin), left : min(width, int(x1) + margin)] = 255

    @cached_property
    def _owners(self) -> dict[tuple[int, int], int]:
        """Grid position → index of the cell covering it (a merged cell covers several)."""
        return {
            (row, col): k
            for k, c in enumerate(self.cells)
            for row in range(c.row, c.row + c.row_span)
            for col in range(c.col, c.col + c.col_span)
        }

    def cell_index_at(self, x: float, y: float) -> int | None:
        """The index in ``cells`` of the cell holding the point, or None outside the grid."""
        row, col = bisect.bisect_right(self.ys, y) - 1, bisect.bisect_right(self.xs, x) - 1
        return self._owners.get((row, col))


def find_grids(gray: np.ndarray, dpi: float) -> list[Grid]:
    """The ruled tables of a grayscale page image (rows of pixels), top to bottom; boxes in its pixels."""
    pool = max(1, int(dpi // WORK_DPI))  # rules survive a max-pooled image at WORK_DPI, letters' gaps too
    ink = gray < INK_LEVEL
    rows = np.logical_or.reduce([ink[k::pool][: ink.shape[0] // pool] for k in range(pool)])
    ink = np.logical_or.reduce([rows[:, k::pool][:, : ink.shape[1] // pool] for k in range(pool)])
    per_point = dpi / pool / 72.0
    gap = max(1, round(GAP_PT * per_point))
    horizontal = _rules(ink, round(MIN_HORIZONTAL_PT * per_point), gap, axis=1)
    vertical = _rules(ink, round(MIN_VERTICAL_PT * per_point), gap, axis=0)
    meet = MEET_PT * per_point
    horizontal, vertical = _merged(horizontal, meet), _merged(vertical, meet)
    grids = [_grid(hs, vs, meet) for hs, vs in _crossing_groups(horizontal, vertical, meet)]
    return sorted((g.scaled(pool) for g in grids if g is not None), key=lambda g: g.ys[0])


def _rules(ink: np.ndarray, length: int, gap: int, axis: int) -> list[Rule]:
    """Rules along ``axis`` of ``ink`` (1: horizontal, 0: vertical): runs of at least ``length``
    pixels after bridging gaps of up to ``gap``."""
    if ink.shape[axis] < length:
        return []
    bridged = _dilate(ink, gap, axis)
    kept = _dilate(_erode(bridged, length, axis), length, axis)  # an opening: what runs of `length` cover
    across = np.flatnonzero(kept.any(axis=axis))
    rules = []
    for band in _runs(across):
        drawn = (kept[band[0] : band[1]] if axis == 1 else kept[:, band[0] : band[1]]).any(axis=1 - axis)
        stretches = tuple(s for s in _runs(np.flatnonzero(drawn)) if s[1] - s[0] >= length)
        if stretches:
            rules.append(Rule((band[0] + band[1] - 1) / 2, band, stretches))
    return rules


def _merged(rules: list[Rule], meet: float) -> list[Rule]:
    """Bands closer than ``meet`` are one rule (a double or broken border), its stretches united."""
    out: list[Rule] = []
    for rule in rules:  # in band order
        if out and rule.band[0] - out[-1].band[1] <= meet:
            last = out.pop()
            band = (last.band[0], rule.band[1])
            stretches = sorted([*last.stretches, *rule.stretches])
            united: list[Segment] = []
            for s, e in stretches:
                if united and s <= united[-1][1]:
                    united[-1] = (united[-1][0], max(united[-1][1], e))
                else:
                    united.append((s, e))
            rule = Rule((band[0] + band[1] - 1) / 2, band, tuple(united))
        out.append(rule)
    return out


def _window_sums(mask: np.ndarray, length: int, axis: int) -> np.ndarray:
    """Per position, how many of the ``length`` pixels along ``axis`` ending there are set."""
    pad = [(0, 0), (0, 0)]
    pad[axis] = (length, 0)
    sums = np.cumsum(np.pad(mask, pad), axis=axis, dtype=np.int16)
    if axis == 0:
        return sums[length:] - sums[: mask.shape[0]]
    return sums[:, length:] - sums[:, : mask.shape[1]]


def _erode(mask: np.ndarray, length: int, axis: int) -> np.ndarray:
    """True where ``length`` consecutive pixels along ``axis``, ending here, are all set (the run's end)."""
    return _window_sums(mask, length, axis) == length


def _dilate(mask: np.ndarray, length: int, axis: int) -> np.ndarray:
    """True where a set pixel lies within the ``length`` pixels along ``axis`` ending here: a run's end
    spread back over the run when applied to an erosion, or gaps of fewer than ``length`` pixels bridged."""
    if not length:
        return mask.copy()
    spread = _window_sums(mask[::-1] if axis == 0 else mask[:, ::-1], length, axis) > 0
    return spread[::-1] if axis == 0 else spread[:, ::-1]


def _runs(indexes: np.ndarray) -> list[Segment]:
    """Consecutive integers as [start, end) runs."""
    if not len(indexes):
        return []
    breaks = np.flatnonzero(np.diff(indexes) > 1)
    starts = [indexes[0], *indexes[breaks + 1]]
    ends = [*indexes[breaks], indexes[-1]]
    return [(int(s), int(e) + 1) for s, e in zip(starts, ends, strict=True)]


def _crosses(h: Rule, v: Rule, meet: float) -> bool:
    return any(s - meet <= v.at <= e + meet for s, e in h.stretches) and any(
        s - meet <= h.at <= e + meet for s, e in v.stretches
    )


def _crossing_groups(horizontal: list[Rule], vertical: list[Rule], meet: float) -> list[tuple[list[Rule], list[Rule]]]:
    """Rules connected through crossings, as (horizontal, vertical) groups of two or more of each."""
    parent = list(range(len(horizontal) + len(vertical)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, h in enumerate(horizontal):
        for j, v in enumerate(vertical):
            if _crosses(h, v, meet):
                parent[root(i)] = root(len(horizontal) + j)
    groups: dict[int, tuple[list[Rule], list[Rule]]] = {}
    for i, h in enumerate(horizontal):
        groups.setdefault(root(i), ([], []))[0].append(h)
    for j, v in enumerate(vertical):
        groups.setdefault(root(len(horizontal) + j), ([], []))[1].append(v)
    return [(hs, vs) for hs, vs in groups.values() if len(hs) >= 2 and len(vs) >= 2]


def _grid(horizontal: list[Rule], vertical: list[Rule], meet: float) -> Grid | None:
    """The cells of one group of crossing rules; None when they do not make rows and columns."""
    rules_y = sorted(horizontal, key=lambda r: r.at)
    rules_x = sorted(vertical, key=lambda r: r.at)
    ys, xs = [r.at for r in rules_y], [r.at for r in rules_x]
    if len(ys) + len(xs) < 5:  # one framed cell (a paragraph in a box) is no table; a boxed stamp of two rows is
        return None

    def wall(col: int, row: int) -> bool:  # a rule between columns col-1 and col along row
        return rules_x[col].covers(ys[row], ys[row + 1], meet) >= SIDE_COVER

    def floor(row: int, col: int) -> bool:  # a rule between rows row-1 and row along col
        return rules_y[row].covers(xs[col], xs[col + 1], meet) >= SIDE_COVER

    taken = [[False] * (len(xs) - 1) for _ in range(len(ys) - 1)]
    cells = []
    for r in range(len(ys) - 1):
        for c in range(len(xs) - 1):
            if taken[r][c]:
                continue
            width = 1
            while c + width < len(xs) - 1 and not wall(c + width, r) and not taken[r][c + width]:
                width += 1
            height = 1
            while r + height < len(ys) - 1 and not any(floor(r + height, k) for k in range(c, c + width)):
                height += 1
            for rr in range(r, r + height):
                for cc in range(c, c + width):
                    taken[rr][cc] = True
            cells.append(RuledCell(r, c, height, width, (xs[c], ys[r], xs[c + width], ys[r + height])))
    strokes = [(s, h.band[0], e, h.band[1]) for h in horizontal for s, e in h.stretches]
    strokes += [(v.band[0], s, v.band[1], e) for v in vertical for s, e in v.stretches]
    return Grid(tuple(xs), tuple(ys), tuple(cells), tuple(strokes))
