"""What each column of a table holds, read from its header as data.

A column's header is the path of its header cells from the top row down ("Kế hoạch vốn năm 2023 /
Trong đó: NSTW"). Its kind comes from the first matching entry of COLUMN_KINDS; the year, the
funding source and whether it reports the past (execution, estimates of the current year) are
read from the whole path. The money scale ("ĐVT: triệu đồng") may stand in the caption above the
table or in a header cell.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import Literal

import regex

from vnplan.structure.money import funding_source

ColumnKind = Literal[
    "label",
    "measure_unit",
    "unit_price",
    "quantity",
    "percent",
    "lead",
    "support",
    "approval",
    "product",
    "deadline",
    "notes",
    "amount",
    "name",
]

# First match wins, so the specific wordings come before the general ones: "Đơn vị tính" is a unit
# of measure before "Đơn vị" is a lead unit; "Đơn giá" and "Định mức" are prices, not amounts.
COLUMN_KINDS: tuple[tuple[ColumnKind, regex.Pattern[str]], ...] = tuple(
    (kind, regex.compile(pattern, regex.I))
    for kind, pattern in (
        ("label", r"^(?:số\s+)?s?\s*tt$|^số\s+thứ\s+tự$"),
        ("measure_unit", r"đơn\s+vị\s+tính|^đvt\b"),
        ("unit_price", r"đơn\s+giá|định\s+mức|mức\s+(?:chi|hỗ\s+trợ)"),
        ("percent", r"^%$|\(%\)|tỷ\s+lệ|so\s+sánh|tốc\s+độ"),
        ("quantity", r"^số\s+(?:lượng|người|đơn\s+vị|ngày|lượt|lớp|buổi|mẫu|đợt)|khối\s+lượng|^số\s+điểm"),
        (
            "lead",
            r"chủ\s+trì|phụ\s+trách|thực\s+hiện\s+chính|trách\s+nhiệm\s+thực\s+hiện|"
            r"(?:đơn\s+vị|người|cơ\s+quan|bộ\s+phận)\s+thực\s+hiện",
        ),
        ("support", r"phối\s+hợp"),
        ("approval", r"cấp\s+trình"),
        ("product", r"sản\s+phẩm|sau\s+phẩm|kết\s+quả"),
        ("deadline", r"thời\s+gian|thời\s+hạn|tiến\s+độ|hoàn\s+thành"),
        ("notes", r"ghi\s+chú"),
        (
            "amount",
            r"thành\s+tiền|kinh\s+phí|dự\s+toán|kế\s+hoạch\s+vốn|vốn|tổng\s+số|tổng\s+cộng|^cộng$|số\s+tiền|"
            r"giá\s+trị|nhu\s+cầu|ngân\s+sách|^(?:năm\s+)?(?:19|20)\d\d$|\bnăm\s+(?:19|20)\d\d|"
            r"\b(?:NSTW|NSĐP|NSNN|XHH|ODA)\b",
        ),
        (
            "name",
            r"nội\s+dung|tên|danh\s+mục|hạng\s+mục|chỉ\s+tiêu|công\s+việc|nhiệm\s+vụ|hoạt\s+động|dự\s+án|"
            r"được\s+(?:kiểm\s+tra|giám\s+sát|thanh\s+tra|đánh\s+giá)",  # the body inspected is the row's subject
        ),
    )
)
YEAR = regex.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
# A header cell that is a year and nothing else ("2026", "Năm 2026", "KH 2027", "**2028**").
YEAR_CELL = regex.compile(
    r"^(?:(?:năm|kh|kế\s+hoạch|mục\s+tiêu|dự\s+kiến|dự\s+toán)\s+)*(?:19|20)\d\d"
    r"(?:\s*\((?:kh|kế\s+hoạch|dự\s+kiến|ước)\))?$",
    regex.I,
)
# Beside the years, the period's own column: "Cả giai đoạn", "Giai đoạn 2026-2030", "Bình quân giai đoạn".
PERIOD_CELL = regex.compile(
    r"^(?:bình\s+quân\s*|tổng\s*|cả\s+)*(?:giai\s+đoạn|gđ)?\s*(?:(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d)?(?:\s*\(%\))?$",
    regex.I,
)
# A header cell naming one year and nothing else ("Năm 2025", "2025"): it may span the kinds of figure given for
# that year in the row below ("Năm 2025" over "Dự toán | Ước thực hiện").
BARE_YEAR_CELL = regex.compile(r"^(?:năm\s+)?(?:19|20)\d\d$", regex.I)
# The kinds of figure a year column splits into: what was planned, estimated, executed, settled, compared.
FIGURE_KIND_CELL = regex.compile(
    r"^(?:dự\s+toán|ước\s+(?:thực\s+hiện|th|đạt)|ước|ưth|thực\s+hiện|th|kế\s+hoạch|kh|quyết\s+toán|"
    r"so\s+sánh(?:\s*\(%\))?|tổng\s+số|trong\s+đó|dự\s+kiến|mục\s+tiêu)$",
    regex.I,
)
# Columns that report what was spent or is estimated for the current year, not what the plan sets.
PAST = regex.compile(
    r"ước\s+(?:thực\s+hiện|th\b|đạt)|thực\s+hiện|đánh\s+giá|lũy\s+kế|luỹ\s+kế|đã\s+(?:giao|bố\s+trí|giải\s+ngân)|"
    r"giải\s+ngân|quyết\s+toán|(?<!\p{L})[ưu]?th(?!\p{L})",  # "TH 2024", "ƯTH 2025": executed, estimated
    regex.I,
)
# A row of a money table that states a rate, not an amount: its unit in brackets ("Tốc độ tăng thu (%)"), or a
# name that says it is a share or a speed ("Tỷ lệ huy động vào NSNN so với GRDP").
RATE_ROW = regex.compile(r"\(\s*(?:%|‰|lần)\s*\)\s*\**$|^\W*(?:tỷ|tỉ)\s+(?:lệ|trọng)\b|^\W*tốc\s+độ\b", regex.I)
# An amount column whose header speaks of money (a year column alone may hold any quantity).
MONEY_WORDS = regex.compile(
    r"thành\s+tiền|kinh\s+phí|dự\s+toán|vốn|số\s+tiền|ngân\s+sách|\b(?:NSTW|NSĐP|NSNN)\b|đồng", regex.I
)
# A column holding the sum of the columns beside it ("Tổng số" before "Trong đó: NSTW | NSĐP").
SUM_COLUMN = regex.compile(r"tổng\s+số|tổng\s+cộng|^cộng$|\btổng\b", regex.I)
SCALE = regex.compile(
    r"(?:đơn\s+vị(?:\s+tính)?|đvt)\s*:\s*(?P<unit>nghìn\s+tỷ\s+đồng|tỷ\s+đồng|triệu\s+đồng|nghìn\s+đồng|"
    r"ngàn\s+đồng|đồng)|\(\s*(?P<bare>tỷ\s+đồng|triệu\s+đồng|nghìn\s+đồng|đồng)\s*\)",
    regex.I,
)


@dataclass(frozen=True)
class Column:
    index: int
    header: str
    kind: ColumnKind | None
    year: int | None
    funding_source: str | None
    past: bool
    is_sum: bool

    @property
    def money(self) -> bool:
        return self.kind == "amount" and bool(MONEY_WORDS.search(self.header))


def header_paths(header_rows: list[list[str]], width: int = 0) -> list[str]:
    """Each column's header cells from top to bottom, joined.

    Tab rows carry no spans. A cell spanning columns arrives once: followed by empty cells, it
    heads them. A row shorter than the table lost the cells of its spans: its leading item cells
    (STT, Nội dung) stay on the left, the rest align to the right and the gap belongs to the cell
    after it. A short lower row sits under the upper cell that spans as many columns as it has
    cells, else it aligns to the right (under the year columns)."""
    width = max(width, *(len(row) for row in header_rows))
    for upper, lower in pairwise(header_rows):
        heads = len(_heads(upper))
        if _years_row(lower) and "" not in upper and heads in (1, len(_runs(lower))):
            # cells of the row above span the years: rows that lost their empty last cells ("Ghi chú")
            # are narrower than the header
            width = max(width, len(upper) + len(lower) - heads)
    rows: list[list[str]] = []
    for depth, row in enumerate(header_rows):
        # a lower row written under its spanning cell with blanks before it ("| | | | | 2026 | 2027 |") has the
        # cells the spanning cell covers
        below = [c for c in header_rows[depth + 1] if c.strip()] if depth + 1 < len(header_rows) else None
        rows.append(_aligned(row, width, rows[-1] if rows else None, below))
    paths: list[list[str]] = [[] for _ in range(width)]
    for depth, row in enumerate(rows):
        last = ""
        for index in range(width):
            cell = row[index].strip()
            if cell:
                last = cell
            elif depth < len(rows) - 1 and last and rows[depth + 1][index].strip():
                cell = last
            if cell and (not paths[index] or paths[index][-1] != cell):
                paths[index].append(cell)
    return [" / ".join(parts) for parts in paths]


def _aligned(row: list[str], width: int, above: list[str] | None, below: list[str] | None = None) -> list[str]:
    cells = [cell.strip() for cell in row]
    if len(cells) >= width or "" in cells:
        return [*cells, *[""] * (width - len(cells))]  # full width, or spans written as empty cells
    if above is not None:
        start = _span_of(above, len(cells))
        if start is not None:
            return [*[""] * start, *cells, *[""] * (width - start - len(cells))]
        return [*[""] * (width - len(cells)), *cells]
    lead = 0
    while lead < len(cells) and _kind(cells[lead]) in ("label", "name"):
        lead += 1
    gap = width - len(cells)
    rest = cells[lead:]
    spans = _year_spans(rest, below, gap) or _kind_spans(rest, below, gap)
    if spans is not None:
        return [*cells[:lead], *(cell for index, cell in enumerate(rest) for _ in range(spans.get(index, 1)))]
    # the cell after the gap spans it
    return [*cells[:lead], *([rest[0]] * gap if rest else [""] * gap), *rest]


# The cells of a table of targets that head one column each, never the years under them.
LEAF_KINDS = frozenset({"label", "name", "measure_unit", "notes", "lead", "support", "deadline", "product"})


def _year_spans(rest: list[str], below: list[str] | None, gap: int) -> dict[int, int] | None:
    """Which of the top row's cells head the row of years under it, and how many columns each spans
    ("Kế hoạch" over "2026 | 2027 | 2028"; "Bình quân" over "2021-2025 | 2026-2030" beside it), when the
    row below has exactly the cells they cover. A heading cell is one that is not a column of its own (a
    unit of measure, notes) and names no single year: "Thực hiện năm 2025" is a column, as is "Thực hiện
    giai đoạn 2021-2025"; "Giai đoạn 2026-2030" may head its years. Several heading cells take the runs of
    single years and of periods below them in order."""
    if below is None or not _years_row(below):
        return None
    heads = _heads(rest)
    if heads and len(below) == gap + 1:
        return {heads[0]: gap + 1}
    runs = _runs(below)
    if len(runs) == len(heads) and sum(run - 1 for run in runs) == gap:
        return dict(zip(heads, runs, strict=True))
    return None


def _kind_spans(rest: list[str], below: list[str] | None, gap: int) -> dict[int, int] | None:
    """The one cell naming a bare year ("Năm 2025") over the kinds of figure given for it in the row below
    ("Dự toán | Ước thực hiện"), when that row has exactly the cells it covers: a web copy keeps no empty cell,
    so the top row is short by the columns the year spans."""
    if below is None or len(below) != gap + 1 or not all(FIGURE_KIND_CELL.match(c.strip(" *")) for c in below):
        return None
    years = [index for index, cell in enumerate(rest) if BARE_YEAR_CELL.match(cell.strip(" *"))]
    return {years[0]: gap + 1} if len(years) == 1 else None


def _heads(cells: list[str]) -> list[int]:
    """The positions of the cells that may head a row of years."""
    return [
        index
        for index, cell in enumerate(cells)
        if _kind(cell) not in LEAF_KINDS and len(YEAR.findall(cell)) != 1 and not PAST.search(cell)
    ]


def _runs(years: list[str]) -> list[int]:
    """The lengths of the runs of single years and of periods in a row of years."""
    runs: list[int] = []
    for number, cell in enumerate(years):
        if number and bool(YEAR_CELL.match(cell.strip())) == bool(YEAR_CELL.match(years[number - 1].strip())):
            runs[-1] += 1
        else:
            runs.append(1)
    return runs


def _years_row(cells: list[str]) -> bool:
    """A header row of years (and the period's own column beside them)."""
    present = [cell.strip() for cell in cells]
    return any(YEAR_CELL.match(cell) for cell in present) and all(
        YEAR_CELL.match(cell) or (cell and PERIOD_CELL.match(cell)) for cell in present
    )


def _span_of(above: list[str], size: int) -> int | None:
    """Where a run of ``size`` columns headed by one cell starts in the aligned row above; else where
    neighbouring spanning cells together cover ``size`` columns ("Kế hoạch" and "Bình quân" over a row
    of years and periods)."""
    if size < 2:
        return None
    runs: list[tuple[int, int]] = []  # (start, length) of each run of one non-empty cell
    index = 0
    while index < len(above):
        end = index
        while end + 1 < len(above) and above[end + 1] == above[index] and above[index]:
            end += 1
        runs.append((index, end - index + 1 if above[index] else 0))
        index = end + 1
    exact = next((start for start, length in runs if length == size), None)
    if exact is not None:
        return exact
    for first, (start, _) in enumerate(runs):
        covered = 0
        for _, length in runs[first:]:
            if length < 2:
                break
            covered += length
            if covered >= size:
                break
        if covered == size:
            return start
    return None


def read_columns(header: list[str]) -> list[Column]:
    """The columns of a table from its header (one name, or header path, per column)."""
    columns = []
    for index, path in enumerate(header):
        kind = _kind(path)
        year = YEAR.findall(path)
        columns.append(
            Column(
                index=index,
                header=path,
                kind=kind,
                year=int(year[-1]) if year else None,
                funding_source=funding_source(path) if kind == "amount" else None,
                past=bool(PAST.search(path)),
                is_sum=bool(SUM_COLUMN.search(path.rsplit(" / ", 1)[-1])),
            )
        )
    return columns


def _kind(path: str) -> ColumnKind | None:
    """The kind of the lowest header cell that has one: 'Kinh phí / Đơn giá' is a price."""
    for part in reversed(path.split(" / ")):
        for kind, pattern in COLUMN_KINDS:
            if pattern.search(part.strip()):
                return kind
    return None


def table_scale(texts: list[str]) -> str | None:
    """The money unit the table's figures are in ('triệu đồng'), from its caption or header."""
    for text in texts:
        match = SCALE.search(text)
        if match:
            return regex.sub(r"\s+", " ", (match["unit"] or match["bare"]).lower()).replace("ngàn", "nghìn")
    return None
