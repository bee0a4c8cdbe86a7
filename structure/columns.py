"""What each column of a table holds, read from its header as data.

A column's header is the path of its header cells from the top row down ("Kế hoạch vốn năm 2023 /
Trong đó: NSTW"). Its kind comes from the first matching entry of COLUMN_KINDS; the year, the
funding source and whether it reports the past (execution, estimates of the current year) are
read from the whole path. The money scale ("ĐVT: triệu đồng") may stand in the caption above the
table or in a header cell.
"""

from __future__ import annotations

from dataclasses import dataclass
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
        ("lead", r"chủ\s+trì|phụ\s+trách|thực\s+hiện\s+chính|trách\s+nhiệm\s+thực\s+hiện|đơn\s+vị\s+thực\s+hiện"),
        ("support", r"phối\s+hợp"),
        ("approval", r"cấp\s+trình"),
        ("product", r"sản\s+phẩm|sau\s+phẩm|kết\s+quả\s+đầu\s+ra"),
        ("deadline", r"thời\s+gian|thời\s+hạn|tiến\s+độ|hoàn\s+thành"),
        ("notes", r"ghi\s+chú"),
        (
            "amount",
            r"thành\s+tiền|kinh\s+phí|dự\s+toán|kế\s+hoạch\s+vốn|vốn|tổng\s+số|tổng\s+cộng|^cộng$|số\s+tiền|"
            r"giá\s+trị|nhu\s+cầu|ngân\s+sách|^(?:năm\s+)?(?:19|20)\d\d$|\bnăm\s+(?:19|20)\d\d|"
            r"\b(?:NSTW|NSĐP|NSNN|XHH|ODA)\b",
        ),
        ("name", r"nội\s+dung|tên|danh\s+mục|hạng\s+mục|chỉ\s+tiêu|công\s+việc|nhiệm\s+vụ|hoạt\s+động|dự\s+án"),
    )
)
YEAR = regex.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
# Columns that report what was spent or is estimated for the current year, not what the plan sets.
PAST = regex.compile(
    r"ước\s+(?:thực\s+hiện|th\b|đạt)|thực\s+hiện|đánh\s+giá|lũy\s+kế|luỹ\s+kế|đã\s+(?:giao|bố\s+trí|giải\s+ngân)|"
    r"giải\s+ngân|quyết\s+toán",
    regex.I,
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


def header_paths(header_rows: list[list[str]]) -> list[str]:
    """Each column's header cells from top to bottom, joined. A cell of an upper row that spans
    columns arrives once, followed by empty cells: it heads the empty cells to its right."""
    width = max((len(row) for row in header_rows), default=0)
    paths: list[list[str]] = [[] for _ in range(width)]
    for depth, row in enumerate(header_rows):
        last = ""
        lower_rows_fill = depth < len(header_rows) - 1
        for index in range(width):
            cell = row[index].strip() if index < len(row) else ""
            if cell:
                last = cell
            elif lower_rows_fill and last and _spanned(header_rows, depth, index):
                cell = last
            if cell and (not paths[index] or paths[index][-1] != cell):
                paths[index].append(cell)
    return [" / ".join(parts) for parts in paths]


def _spanned(header_rows: list[list[str]], depth: int, index: int) -> bool:
    """An empty upper cell is part of the span to its left when the row below names this column."""
    below = header_rows[depth + 1]
    return index < len(below) and bool(below[index].strip())


def read_columns(header_rows: list[list[str]]) -> list[Column]:
    columns = []
    for index, path in enumerate(header_paths(header_rows)):
        kind = _kind(path)
        year = YEAR.findall(path)
        columns.append(
            Column(
                index=index,
                header=path,
                kind=kind,
                year=int(year[-1]) if year and kind == "amount" else None,
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
