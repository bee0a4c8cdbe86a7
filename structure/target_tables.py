"""Indicators from tables of targets with year columns ("Biểu chỉ tiêu", the forms of an appendix):

    STT | Chỉ tiêu | Đơn vị tính | Thực hiện năm 2024 | Ước thực hiện năm 2025 | Kế hoạch 2026 | 2027 | 2028 | Ghi chú

Each figure of a plan-year column is one target (FORMAT.md R3: "one record per target cell, with
the row's label and the column's year"): its name is the row's quantity (with the row above it when
the row only names a part: "Kim ngạch xuất khẩu" / "- Nông sản"), its unit the row's "Đơn vị tính",
its year the column's, its baseline the figure of the column for the year before the plan (execution
or estimate), its provenance the cell. Columns of years before the plan report the past.

Money stays a budget: in a table that the budget reader takes (a scale note "ĐVT: triệu đồng", money
words in its caption or header: structure/appendix.py), only rows measured in something other than
money are targets; in a table of targets, money rows are targets too ("Thu ngân sách | Tỷ đồng"),
as export or revenue targets are (R3).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import regex

from vnplan.normalize import NormalizedDocument
from vnplan.schema.model import Baseline, Indicator, Period, Target
from vnplan.structure import confidence
from vnplan.structure.appendix import MONEY_CAPTION
from vnplan.structure.columns import RATE_ROW, YEAR, Column, read_columns, table_scale
from vnplan.structure.metrics import metric_for
from vnplan.structure.numbers import parse_number
from vnplan.structure.tables import Row, Span, Table, label_rank
from vnplan.structure.targets import CHANGE, QUANTITY_HEAD, content_words

# A target cell: an optional comparator, a figure, an optional upper bound, an optional % or ‰.
TARGET_CELL = regex.compile(
    r"^(?P<before>≥|>=|≤|<=|>|<|trên|dưới|tối\s+thiểu|ít\s+nhất|không\s+quá|không\s+dưới|tối\s+đa|đạt)?\s*"
    r"(?P<change>(?:tăng|giảm)\s+)?"
    r"(?P<number>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)"
    r"(?:\s*[-–÷]\s*(?P<upper>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?))?\s*(?P<percent>%|‰)?"
    r"(?:\s+(?P<after>trở\s+lên|trở\s+xuống))?$",
    regex.I,
)
COMPARATORS = (
    (regex.compile(r"^(?:≥|>=|tối\s+thiểu|ít\s+nhất|không\s+dưới|trở\s+lên)$", regex.I), ">="),
    (regex.compile(r"^(?:≤|<=|không\s+quá|tối\s+đa|trở\s+xuống)$", regex.I), "<="),
    (regex.compile(r"^(?:>|trên)$", regex.I), ">"),
    (regex.compile(r"^(?:<|dưới)$", regex.I), "<"),
    (regex.compile(r"^đạt$", regex.I), "="),
)
FOOTNOTE = regex.compile(r"\s*(?:\(\*+\)|\*+|\(\d\))\s*$")
# A column that compares two others ("So sánh 2026/2025 (%)", "2026 so với 2025") holds no target.
COMPARISON = regex.compile(r"so\s+(?:sánh|với)|(?:19|20)\d\d\s*/\s*(?:19|20)\d\d", regex.I)
# A unit written in the name cell when there is no unit column: "Tỷ lệ hộ nghèo (%)".
UNIT_IN_NAME = regex.compile(r"\s*\((?P<unit>%|‰|[\p{L}$][\p{L}\s/.$²³]{0,24})\)\s*$")
# Units of magnitude, not of things counted: their targets are levels.
MEASURES = regex.compile(
    r"đồng|usd|\$|ha\b|héc|tấn|kg|km|m2|m²|m3|m³|kwh|mw|lít|điểm|bậc|hạng|lần|tuổi|năm|giờ|ngày|tháng", regex.I
)
# Where a row only names a part of the quantity of the row above it: "Trong đó: …", "- Nông sản".
PART_LEAD = regex.compile(r"^(?:trong\s+đó|bao\s+gồm|gồm)\s*[:,]?\s*", regex.I)
# A column of the growth of the row's quantity ("Tốc độ tăng bình quân (%)"): a quantity of its own.
GROWTH = regex.compile(r"tốc\s+độ|tăng\s+trưởng|tăng\s+bình\s+quân", regex.I)
TARGET_WORDS = regex.compile(r"\bchỉ\s+tiêu\b|\bmục\s+tiêu\b", regex.I)
# A column of units of measure headed "Đơn vị" alone (in a task table "Đơn vị" would be who does it; a
# table of targets has no such column).
UNIT_COLUMN = regex.compile(r"^(?:đơn\s+vị|đv)$", regex.I)
# The unit of every row written above the table: "ĐVT: %", "(Đơn vị tính: triệu USD)".
CAPTION_UNIT = regex.compile(
    r"(?:đvt|đơn\s+vị\s+tính|đơn\s+vị)\s*:\s*(?P<unit>[^();\n\t]{1,30}?)\s*(?:[).;]|$)", regex.I
)


@dataclass(frozen=True)
class TableTargets:
    """The targets read from tables, and the spans of those tables (their rows are read here only)."""

    indicators: list[Indicator]
    spans: list[Span]


@dataclass(frozen=True)
class _Layout:
    name: int
    label: int | None
    measure: int | None
    caption_unit: str | None
    targets: list[Column]
    before: list[Column]  # the columns of the year before the plan, where the baselines stand
    money_table: bool

    def baseline(self, column: Column) -> Column | None:
        """The column of the year before the plan for the quantity of ``column``: an execution or estimate
        of that year before a period's total."""
        quantity = _column_quantity(column)[0]
        same = [c for c in self.before if _column_quantity(c)[0] == quantity]
        return max(same, key=lambda c: (c.year or 0, c.past, len(YEAR.findall(c.header)) == 1), default=None)


def table_targets(doc: NormalizedDocument, tables: list[Table], period: Period | None) -> TableTargets:
    indicators: list[Indicator] = []
    spans: list[Span] = []
    for table in tables:
        layout = _layout(table, period)
        if layout is None:
            continue
        found = _targets(doc, table, layout)
        if found:
            indicators += found
            start = table.start
            spans.append((start if start is not None else table.rows[0].start, table.rows[-1].end))
    return TableTargets(indicators, spans)


def _layout(table: Table, period: Period | None) -> _Layout | None:
    """The columns of a table of targets, or None for any other table: it has a name column, columns of the
    plan's years and either a unit-of-measure column or a caption, heading or header that speaks of targets."""
    if table.header is None:
        return None
    columns = read_columns(table.header)
    kinds: dict[str | None, int] = {c.kind: c.index for c in reversed(columns)}
    measure = kinds.get("measure_unit")
    if measure is None and "name" in kinds:
        measure = next((c.index for c in columns if UNIT_COLUMN.match(c.header)), None)
    caption = f"{table.section.title} {table.caption_text}"
    caption_unit = CAPTION_UNIT.search(table.caption_text)
    name = kinds.get("name", _item_column(columns))
    if name is None or ("lead" in kinds and measure is None):
        return None  # a task table is read for activities
    if measure is None and caption_unit is None and not TARGET_WORDS.search(f"{caption} {' '.join(table.header)}"):
        return None
    start = period.start if period is not None else None
    years = [c for c in columns if c.year is not None and c.kind in ("amount", "percent", None)]
    targets = [c for c in years if not _compares(c) and _plan_year(c, start)]
    if not targets:
        return None
    # a growth column that names no period of its own ("Tốc độ tăng bình quân (%)" beside the plan's years) is the
    # growth over the years beside it: a target for the last of them
    last = max(c.year or 0 for c in targets)
    targets += [
        replace(c, year=last)
        for c in columns
        if c.year is None and c.kind in ("percent", None) and GROWTH.search(c.header) and not _compares(c)
    ]
    before = [c for c in years if c not in targets and not _compares(c)]
    if start is not None:
        before = [c for c in before if c.year == start - 1]
    else:
        before = [c for c in before if c.year == max((b.year or 0 for b in before), default=0)]
    # a table whose plan years are amounts of money ("Dự toán năm 2026", "ĐVT: triệu đồng") is a budget table: only
    # its rows measured otherwise ("Tốc độ tăng thu (%)") are targets
    money = bool(
        table_scale([table.section.title, table.caption_text, *table.header])
        or MONEY_CAPTION.search(caption)
        or any(c.money for c in targets)
    )
    unit = _measure_unit(caption_unit["unit"]) if caption_unit else None
    return _Layout(name, kinds.get("label"), measure, unit, targets, before, money)


def _compares(column: Column) -> bool:
    """A column comparing two others, read in each header cell of its path: "Giai đoạn 2026 - 2030 / 2026" is a
    year under its period, "So sánh 2026/2025 (%)" a comparison."""
    return any(COMPARISON.search(part) for part in column.header.split(" / "))


def _item_column(columns: list[Column]) -> int | None:
    """The column naming each row where no header says "Chỉ tiêu" or "Nội dung" ("Mặt hàng", "Sản phẩm",
    "Ngành, lĩnh vực"): the first after the numbering that is no year, unit or figure column."""
    for column in columns:
        if column.kind in (None, "product") and column.year is None and regex.search(r"\p{L}{2,}", column.header):
            return column.index
    return None


def _plan_year(column: Column, start: int | None) -> bool:
    """A column of the plan's years (from the plan's first year on); without a known period, any column
    that does not report execution or an estimate."""
    assert column.year is not None
    if start is not None:
        return column.year >= start
    return not column.past


def _targets(doc: NormalizedDocument, table: Table, layout: _Layout) -> list[Indicator]:
    found: list[Indicator] = []
    # the rows above, by label rank (rank, name, the cell as written): what an elliptic row is a part of
    parents: list[tuple[int, str, str]] = []
    for row in table.rows:
        row = _realigned(row, layout) if _web_cells(doc, row) else row
        cells = row.cells or []
        raw_name = _cell(cells, layout.name)
        rank = label_rank(row.label) if row.kind != "total" else 0
        while parents and parents[-1][0] >= rank:
            parents.pop()
        # the nearest row above that names a thing, not a quantity ("Hồi" under "Tổng kim ngạch xuất khẩu")
        item = next((written for _, _, written in reversed(parents) if not QUANTITY_HEAD.match(written)), None)
        name, unit_in_name = _name(raw_name, parents[-1][1] if parents else None, item)
        if raw_name:
            parents.append((rank, name, _name(raw_name, None)[0]))
        unit = _measure_unit(_cell(cells, layout.measure)) or unit_in_name or layout.caption_unit
        if layout.money_table and RATE_ROW.search(raw_name) and (not unit or regex.search(r"đồng", unit, regex.I)):
            unit = "%"  # "Tỷ lệ huy động vào NSNN so với GRDP" in a table of amounts: a share, not an amount
        if not name:
            continue
        columns = layout.targets
        if layout.money_table and (not unit or regex.search(r"đồng", unit, regex.I)):
            # a money table's money rows are budgets; the growth beside them is a target of its own
            columns = [c for c in columns if GROWTH.search(c.header)]
        for column in columns:
            indicator = _indicator(doc, table, row, column, name, unit, layout)
            if indicator is not None:
                found.append(indicator)
    return found


def _web_cells(doc: NormalizedDocument, row: Row) -> bool:
    """The row was printed one cell per line between bars (a web copy, normalize/markdown.py), which keeps
    no empty cell."""
    start, end = doc.mapped.raw_span(row.start, row.end)
    return "\n|\n" in doc.source.raw_text[start:end]


def _realigned(row: Row, layout: _Layout) -> Row:
    """A row too short to reach the plan's last year lost empty cells (a web copy prints no empty cell): they
    were the first of its figures (no figure for the years before the plan, no unit for a heading row), so
    its figures move right to end in the last year's column."""
    cells, spans = row.cells or [], row.spans or []
    last = max(c.index for c in layout.targets)
    if len(cells) > last or "" in cells or len(spans) != len(cells):
        return row
    first = next((i for i in range(layout.name + 1, len(cells)) if _value(_cell(cells, i))), None)
    if first is None:
        return row
    gap = last + 1 - len(cells)
    return Row(
        row.kind,
        row.label,
        row.lines,
        [*cells[:first], *[""] * gap, *cells[first:]],
        [*spans[:first], *[None] * gap, *spans[first:]],
    )


def _column_quantity(column: Column) -> tuple[str | None, str | None]:
    """The quantity a column measures beside its year ("Năm 2026 / Sản lượng (tấn)"), with its unit."""
    for part in reversed(column.header.split(" / ")):
        name, unit = _name(part, None)
        if not YEAR.search(part) and QUANTITY_HEAD.match(name):
            return name, unit
    return None, None


def _indicator(
    doc: NormalizedDocument,
    table: Table,
    row: Row,
    column: Column,
    name: str,
    unit: str | None,
    layout: _Layout,
) -> Indicator | None:
    cells = row.cells or []
    value = _value(_cell(cells, column.index))
    span = (row.spans or [None] * len(cells))[column.index] if column.index < len(cells) else None
    if value is None or span is None:
        return None
    figure, upper, comparator, percent = value
    quantity, column_unit = _column_quantity(column)
    if quantity and (not QUANTITY_HEAD.match(name) or GROWTH.match(quantity)):
        name = f"{quantity} {name if _acronym(name) else name[:1].lower() + name[1:]}"  # "Sản lượng" / "Cà phê"
    unit = column_unit or unit or percent
    before = layout.baseline(column)
    baseline = _value(_cell(cells, before.index)) if before is not None else None
    per = _per(unit)
    label = _cell(cells, layout.label).rstrip(".") if layout.label is not None else None
    label = label if label and regex.search(r"[\p{L}\d]", label) else None  # "-", "+": no number
    return Indicator(
        id="",
        label=label,
        name=name[:300],
        target=Target(
            value=figure,
            unit=unit,
            comparator=">=" if upper is not None and comparator is None else comparator,  # type: ignore[arg-type]
            value_max=upper,
            kind=_kind(name, unit, per),  # type: ignore[arg-type]
            per=per,
        ),
        target_year=column.year,
        baseline=Baseline(value=baseline[0], year=before.year) if baseline is not None and before is not None else None,
        metric=metric_for(name, unit),
        section=table.section.id,
        provenance=doc.provenance(span[0], span[1], "rule:target_table_cell", confidence.TARGET_TABLE_CELL),
    )


def _cell(cells: list[str], index: int | None) -> str:
    if index is None or index >= len(cells):
        return ""
    return regex.sub(r"\s+", " ", FOOTNOTE.sub("", cells[index])).strip()


def _value(text: str) -> tuple[float, float | None, str | None, str | None] | None:
    """A target cell → (value, upper bound, comparator, "%" or "‰" when the cell writes one)."""
    match = TARGET_CELL.match(text.strip())
    if match is None:
        return None
    value = parse_number(match["number"])
    if value is None:
        return None
    upper = parse_number(match["upper"]) if match["upper"] else None
    words = regex.sub(r"\s+", " ", (match["before"] or match["after"] or "").strip())
    comparator = next((symbol for pattern, symbol in COMPARATORS if words and pattern.match(words)), None)
    if comparator is None and match["change"]:
        comparator = "="  # "Tăng 10%": the growth is worded, as "đạt" is
    return float(value), float(upper) if upper is not None else None, comparator, match["percent"]


def _name(text: str, parent: str | None, item: str | None = None) -> tuple[str, str | None]:
    """The row's quantity and the unit its cell writes in brackets ("Tỷ lệ hộ nghèo (%)"). A row that names
    no quantity of its own under a row that does ("Kim ngạch xuất khẩu" / "- Nông sản", "Trong đó: …") is a
    part of that quantity; a row that names only a quantity ("- Sản lượng") measures the ``item`` above it
    ("Cà phê"), however deep the table nests it."""
    text = regex.sub(r"^[-–+•*]\s*", "", text).strip(" :;,.")
    unit = None
    bracket = UNIT_IN_NAME.search(text)
    if bracket and (bracket["unit"] in ("%", "‰") or MEASURES.search(bracket["unit"])):
        unit, text = bracket["unit"].strip(), text[: bracket.start()].strip(" :;,.")
    part = PART_LEAD.match(text)
    text = text[part.end() :] if part else text
    owner = item or (parent if parent and not QUANTITY_HEAD.match(parent) else None)
    if parent and owner and QUANTITY_HEAD.match(text) and len(text.split()) <= 3:
        return (
            f"{text} {owner if _acronym(owner) else owner[:1].lower() + owner[1:]}",
            unit,
        )  # "Cà phê" / "- Sản lượng"
    if (
        parent
        and not QUANTITY_HEAD.match(text)
        and (part or QUANTITY_HEAD.match(parent) or len(content_words(text)) < 2)
    ):
        joint = ", trong đó " if part else " "  # "Lao động có việc làm mới, trong đó lao động nữ"
        text = f"{parent}{joint}{text if _acronym(text) else text[:1].lower() + text[1:]}"
    elif text.isupper():
        text = text[:1] + text[1:].lower()  # a group heading in capitals
    return text, unit


def _acronym(text: str) -> bool:
    first = text.split(" ", 1)[0]
    return len(first) > 1 and first.isupper()


def _measure_unit(text: str) -> str | None:
    """The row's unit as written, with the project's spellings: "vạn dân" is "10.000 dân", "%o" is ‰."""
    text = text.strip(" .()")
    if not text:
        return None
    text = regex.sub(r"(?i)vạn\s+dân", "10.000 dân", text)
    return "‰" if text.lower() in ("%o", "‰") else text


def _per(unit: str | None) -> str | None:
    found = regex.search(r"/\s*(?P<per>(?:\d{1,3}(?:\.\d{3})+|\d+)\s+[\p{L} ]+)$", unit or "")
    return found["per"].strip() if found else None


def _kind(name: str, unit: str | None, per: str | None) -> str:
    """change (growth or reduction), count (a number of things) or level (a share, a rate, a magnitude)."""
    if CHANGE.search(name) or regex.match(r"(?i)tốc\s+độ\s+(?:tăng|giảm)", name):
        return "change"
    if per is None and unit and unit not in ("%", "‰") and "/" not in unit and not MEASURES.search(unit):
        return "count"
    return "level"
