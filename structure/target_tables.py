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
from vnplan.structure.columns import PAST, RATE_ROW, YEAR, Column, read_columns, table_scale
from vnplan.structure.metrics import metric_for
from vnplan.structure.numbers import parse_number
from vnplan.structure.tables import Row, Span, Table, label_rank
from vnplan.structure.targets import CHANGE, CHANGE_LEAD, GROWTH_RATE, QUANTITY_HEAD, content_words

# A target cell: an optional comparator, a figure, an optional upper bound, an optional % or ‰ (also after the
# first figure: "20% - 50%"), an optional qualifier of where it is ranked ("≤ 3 Đông Nam Á") and an addition in
# words ("≥ 3% và tăng dần theo yêu cầu phát triển").
NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?"
TARGET_CELL = regex.compile(
    r"^(?P<before>≥|>=|≤|<=|>|<|trên|dưới|tối\s+thiểu|ít\s+nhất|không\s+quá|không\s+vượt\s+quá|không\s+dưới|"
    r"không\s+thấp\s+hơn|tối\s+đa|đạt|khoảng|bằng|từ)?\s*"
    r"(?P<change>(?:tăng|giảm)\s+)?"
    rf"(?P<number>{NUMBER})(?P<first_percent>\s*%)?"
    rf"(?:\s*[-–÷]\s*(?P<upper>{NUMBER}))?\s*(?P<percent>%|‰)?"
    r"(?:\s+(?P<after>trở\s+lên|trở\s+xuống))?"
    r"(?:\s+(?P<where>(?-i:\p{Lu})[\p{L}\s]{0,30}?))?"
    r"(?:\s*,?\s+và\s+\D*)?$",
    regex.I,
)
COMPARATORS = (
    (regex.compile(r"^(?:≥|>=|tối\s+thiểu|ít\s+nhất|không\s+dưới|không\s+thấp\s+hơn|từ|trở\s+lên)$", regex.I), ">="),
    (regex.compile(r"^(?:≤|<=|không\s+quá|không\s+vượt\s+quá|tối\s+đa|trở\s+xuống)$", regex.I), "<="),
    (regex.compile(r"^(?:>|trên)$", regex.I), ">"),
    (regex.compile(r"^(?:<|dưới)$", regex.I), "<"),
    (regex.compile(r"^(?:đạt|khoảng|bằng)$", regex.I), "="),
)
FOOTNOTE = regex.compile(r"\s*(?:\(\*+\)|\*+|\(\d\))\s*$")
# A column that compares two others ("So sánh 2026/2025 (%)", "2026 so với 2025") holds no target.
COMPARISON = regex.compile(r"so\s+(?:sánh|với)|(?:19|20)\d\d\s*/\s*(?:19|20)\d\d", regex.I)
# The horizon a row's name ends with ("Tỷ trọng … trong GRDP đến năm 2030", "GRDP bình quân đầu người đến 2030"):
# the year is the column's, never part of the quantity's name.
ROW_HORIZON = regex.compile(
    r"\s*,?\s*(?:(?:đến|tới|vào|trong)\s+(?:hết\s+)?)?(?:năm\s+|giai\s+đoạn\s+)?(?:19|20)\d\d"
    r"(?:\s*[-–]\s*(?:19|20)\d\d)?\s*$",
    regex.I,
)
# A row of growth ("Tăng trưởng giá trị kim ngạch xuất khẩu"): the rows under it are its parts ("— Nhóm nông, lâm,
# thủy sản"), as those under a quantity are.
GROWTH_ROW = regex.compile(r"^\W*tăng\s+trưởng\b", regex.I)
# A part of a cell of several targets: its figure, then what it is counted in ("≤ 2 vùng").
QUALIFIED_PART = regex.compile(r"^(?P<figure>.*?\d[\d.,]*\s*%?)\s+(?P<where>\p{L}[\p{L}\s]{0,30})$")
# The first column of a table whose rows are years ("Năm | Tỷ lệ hộ nghèo (%) | …").
YEAR_ROW_HEAD = regex.compile(r"^(?:năm|các\s+năm|giai\s+đoạn|thời\s+gian|mốc(?:\s+thời\s+gian)?|lộ\s+trình)$", regex.I)
# A column of a part of a year ("Quý I/2026", "6 tháng đầu năm 2026"): progress, not the year's target.
PART_OF_YEAR = regex.compile(r"\bquý\b|\btháng\b|\bnửa\s+năm\b", regex.I)
# A column of the change of a plan year from the year before ("Tăng/giảm (%)", "Tăng, giảm so với năm trước"); a
# comparison ("So sánh KH 2026/ƯTH 2025 (%)") states the same as a ratio.
CHANGE_COLUMN = regex.compile(r"^\W*tăng\s*[/,-]?\s*giảm\b", regex.I)
# A unit in brackets in a column's header ("Tăng/giảm (%)", "(tấn)").
HEADER_UNIT = regex.compile(r"\((?P<unit>%|‰|[\p{L}$][\p{L}\s/.$]{0,20})\)\s*$")
# A unit written in the name cell when there is no unit column: "Tỷ lệ hộ nghèo (%)".
UNIT_IN_NAME = regex.compile(r"\s*\((?P<unit>%|‰|[\p{L}$][\p{L}\s/.$²³]{0,24})\)\s*$")
# Units of magnitude, not of things counted: their targets are levels.
MEASURES = regex.compile(
    r"đồng|usd|\$|ha\b|héc|tấn|kg|km|m2|m²|m3|m³|kwh|mw|lít|điểm|bậc|hạng|lần|tuổi|năm|giờ|ngày|tháng|bps\b|"
    r"chỉ\s+số|hệ\s+số",
    regex.I,
)
# A row counting things: a word in brackets at its end is the counted noun ("Số xã đạt chuẩn (xã)").
COUNT_ROW = regex.compile(r"^\W*số\s+\p{L}", regex.I)
# A unit that is a share of something ("% GDP", "% dân số", "% tổng chi NSNN"): its targets are levels.
SHARE_UNIT = regex.compile(r"^(?:%|‰)", regex.I)
# A unit per year of a share ("%/năm"): a change.
PER_YEAR_SHARE = regex.compile(r"^%\s*/\s*năm$", regex.I)
# Where a row only names a part of the quantity of the row above it: "Trong đó: …", "- Nông sản".
PART_LEAD = regex.compile(r"^(?:trong\s+đó|bao\s+gồm|gồm)\s*[:,]?\s*", regex.I)
# A column of the growth of the row's quantity ("Tốc độ tăng bình quân (%)"): a quantity of its own.
GROWTH = regex.compile(r"tốc\s+độ|tăng\s+trưởng|tăng\s+bình\s+quân", regex.I)
# The one column of results of a table of targets without year columns ("Kết quả", "Mục tiêu cần đạt").
RESULT_COLUMN = regex.compile(
    r"^(?:kết\s+quả|mục\s+tiêu|chỉ\s+tiêu|giá\s+trị(?:\s+mục\s+tiêu)?|kế\s+hoạch)"
    r"(?:\s+(?:cần\s+|phải\s+|phấn\s+đấu\s+)?(?:đạt(?:\s+được)?|phấn\s+đấu|dự\s+kiến))?$",
    regex.I,
)
# The year a caption or group row sets targets for: "Đến năm 2030", "giai đoạn 2026 - 2030", "năm 2026" (never
# the date of a cited document: "ngày 01 tháng 01 năm 2025").
HORIZON = regex.compile(
    r"(?:giai\s+đoạn|thời\s+kỳ|gđ)\s*(?:19|20)\d\d\s*[-–]\s*(?P<end>(?:19|20)\d\d)|"
    r"(?<!tháng\s*\d{1,2}\s*)\bnăm\s+(?P<year>(?:19|20)\d\d)(?!\s*[-–/])",
    regex.I,
)
# A group row that only names the horizon of the rows under it ("I. Đến năm 2030", "Mục tiêu đến năm 2045").
HORIZON_ROW = regex.compile(
    r"^(?:(?:các\s+)?(?:chỉ\s+tiêu|mục\s+tiêu)\s+)?(?:đến|tới|trong)?\s*(?:hết\s+)?"
    r"(?:năm\s+(?:19|20)\d\d|giai\s+đoạn\s+(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d)\s*:?$",
    regex.I,
)
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
class _Change:
    """A column of the change of one plan year (``column.year``) from an earlier one (``earlier``)."""

    column: Column
    earlier: int | None


@dataclass(frozen=True)
class _Layout:
    name: int
    label: int | None
    measure: int | None
    caption_unit: str | None
    targets: list[Column]
    before: list[Column]  # the columns of the year before the plan, where the baselines stand
    money_table: bool
    scope: int | None = None  # the year of a column that names none: the caption's horizon, the plan's last year
    changes: tuple[_Change, ...] = ()  # comparison and change columns of a table of targets

    def baseline(self, column: Column) -> Column | None:
        """The column of the year before the plan for the quantity of ``column``: an execution or estimate
        of that year before a period's total."""
        quantity = _column_quantity(column)[0]
        same = [c for c in self.before if _column_quantity(c)[0] == quantity]
        return max(same, key=lambda c: (c.year or 0, c.past, len(YEAR.findall(c.header)) == 1), default=None)


def table_targets(
    doc: NormalizedDocument, tables: list[Table], period: Period | None, issued_year: int | None = None
) -> TableTargets:
    indicators: list[Indicator] = []
    spans: list[Span] = []
    for table in tables:
        layout = _layout(table, period, issued_year)
        if layout is None:
            by_year = _year_rows(doc, table, period)
            indicators += by_year
            if by_year:
                spans.append((table.start if table.start is not None else table.rows[0].start, table.rows[-1].end))
            continue
        found = _targets(doc, table, layout)
        if found or layout.money_table:
            # a money table's rows are budgets: no other reader takes them for targets, even when none is a rate
            indicators += found
            start = table.start
            spans.append((start if start is not None else table.rows[0].start, table.rows[-1].end))
    return TableTargets(indicators, spans)


def _year_rows(doc: NormalizedDocument, table: Table, period: Period | None) -> list[Indicator]:
    """A table whose rows are the plan's years and whose columns are quantities ("Năm | Tỷ lệ hộ nghèo (%) | Số
    hộ thoát nghèo (hộ)"): one target per figure, named by its column, for the row's year. Rows of years before
    the plan or of execution report; a table of money amounts is a budget's."""
    header = table.header
    if header is None or len(header) < 2 or not YEAR_ROW_HEAD.match(header[0].strip(" *")):
        return []
    if table_scale([table.caption_text, *header]) or MONEY_CAPTION.search(table.caption_text):
        return []
    layout = _Layout(0, None, None, None, [], [], False)
    found: list[Indicator] = []
    reported: tuple[int, list[str]] | None = None  # the last row before the plan: its year and its cells
    for row in table.rows:
        cells = row.cells or []
        years = [int(year) for year in YEAR.findall(_cell(cells, 0))]
        if not years:
            continue
        if PAST.search(_cell(cells, 0)) or (period is not None and years[-1] < period.start):
            reported = (years[-1], cells)
            continue
        for index in range(1, min(len(cells), len(header))):
            name, unit = _name(header[index], None)
            column = Column(index, "", None, years[-1], None, False, False)
            before = _value(_cell(reported[1], index)) if reported is not None else None
            baseline = Baseline(value=before.value, year=reported[0]) if before and reported else None
            found += [
                i.model_copy(update={"baseline": baseline})
                for i in _indicators(doc, table, row, column, name, unit, layout)
            ]
    return found


def _layout(table: Table, period: Period | None, issued_year: int | None = None) -> _Layout | None:
    """The columns of a table of targets, or None for any other table: it has a name column, columns of the
    plan's years (or one column of results: "Kết quả", "Mục tiêu") and either a unit-of-measure column or a
    caption, heading or header that speaks of targets."""
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
    if name is None or ("lead" in kinds and measure is None and not TARGET_WORDS.match(columns[name].header)):
        return None  # a task table is read for activities (a table of "Chỉ tiêu" with a "Chủ trì" column is none)
    if measure is None and caption_unit is None and not TARGET_WORDS.search(f"{caption} {' '.join(table.header)}"):
        return None
    years = [c for c in columns if c.year is not None and c.kind in ("amount", "percent", None)]
    targets = _year_targets(years, period, issued_year) or _result_columns(columns, kinds, name, measure)
    if not targets:
        return None
    targets += _growth_columns(columns, targets)
    # a table whose plan years are amounts of money ("Dự toán năm 2026", "ĐVT: triệu đồng") is a budget table: only
    # its rows measured otherwise ("Tốc độ tăng thu (%)") are targets
    money = bool(
        table_scale([table.section.title, table.caption_text, *table.header])
        or MONEY_CAPTION.search(caption)
        or any(c.money for c in targets)
    )
    unit = _measure_unit(caption_unit["unit"]) if caption_unit else None
    scope = _horizon(caption) or (period.end if period is not None else None)
    before = _before(years, targets, period)
    # a money table's comparisons are arithmetic of its amounts; a table of targets' state the plan's changes
    changes = () if money else _change_columns(columns, targets, before, period)
    return _Layout(name, kinds.get("label"), measure, unit, targets, before, money, scope, changes)


def _year_targets(years: list[Column], period: Period | None, issued_year: int | None) -> list[Column]:
    """The columns of the plan's years (from the plan's first year on; without a known period, the columns that
    report no execution or estimate and no year before the one the plan was issued in)."""
    start = period.start if period is not None else None
    return [
        c for c in years if not _compares(c) and not PART_OF_YEAR.search(c.header) and _plan_year(c, start, issued_year)
    ]


def _growth_columns(columns: list[Column], targets: list[Column]) -> list[Column]:
    """A growth column that names no period of its own ("Tốc độ tăng bình quân (%)" beside the plan's years) is
    the growth over the years beside it: a target for the last of them."""
    years = [c.year for c in targets if c.year is not None]
    last = max(years) if years else None
    return [
        replace(c, year=last)
        for c in columns
        if c.year is None
        and c.kind in ("percent", None)
        and GROWTH.search(c.header)
        and not _compares(c)
        and c not in targets
    ]


def _result_columns(
    columns: list[Column], kinds: dict[str | None, int], name: int, measure: int | None
) -> list[Column]:
    """Where no column is a year, the one column of results a table of targets with a unit of measure gives
    ("TT | Chỉ tiêu | Đơn vị | Kết quả", "… | Mục tiêu cần đạt"): its year is the group row's ("I. Đến năm
    2030") or the caption's. A task table ("Kết quả" beside "Thời gian hoàn thành") has none."""
    if measure is None or "deadline" in kinds:
        return []
    return [
        c
        for c in columns
        if c.index not in (name, measure) and RESULT_COLUMN.match(c.header.rsplit(" / ", 1)[-1].strip(" *"))
    ]


def _change_columns(
    columns: list[Column], targets: list[Column], before: list[Column], period: Period | None
) -> tuple[_Change, ...]:
    """The columns that compare a plan year with the year before it ("So sánh KH 2026/ƯTH 2025 (%)", "2026 so với
    2025", "Tăng/giảm (%)" after "KH 2026"): each the change of the later year. A column comparing two years
    before the plan states no target."""
    start = period.start if period is not None else None
    made: list[_Change] = []
    for column in columns:
        if column in targets or not (_compares(column) or CHANGE_COLUMN.match(column.header.rsplit(" / ", 1)[-1])):
            continue
        named = sorted({int(year) for year in YEAR.findall(column.header)})
        beside = [c.year for c in targets if c.year is not None and c.index < column.index]
        later = named[-1] if named else (beside[-1] if beside else None)
        if later is None or (start is not None and later < start) or (start is None and not beside and not named):
            continue
        # without years of its own it compares the one plan year before it with the year before the plan
        reported = max((c.year for c in before if c.year), default=None) if len(beside) == 1 else None
        earlier = named[0] if len(named) > 1 else reported
        made.append(_Change(replace(column, year=later), earlier if earlier != later else None))
    return tuple(made)


def _before(years: list[Column], targets: list[Column], period: Period | None) -> list[Column]:
    """The columns of the year before the plan (or, without a known period, of the last year reported)."""
    before = [c for c in years if c not in targets and not _compares(c)]
    if period is not None:
        return [c for c in before if c.year == period.start - 1]
    return [c for c in before if c.year == max((b.year or 0 for b in before), default=0)]


def _horizon(text: str) -> int | None:
    """The year a caption or a group row sets its targets for ("Đến năm 2030", "giai đoạn 2026 - 2030")."""
    found = [m["year"] or m["end"] for m in HORIZON.finditer(text)]
    return int(found[-1]) if found else None


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


def _plan_year(column: Column, start: int | None, issued_year: int | None) -> bool:
    """A column of the plan's years (from the plan's first year on); without a known period, any column
    that does not report execution or an estimate, nor a year before the plan was issued (a plan of 2025
    reports 2024: "Năm 2024 | Năm 2026 | Năm 2027")."""
    assert column.year is not None
    if start is not None:
        return column.year >= start
    return not column.past and (issued_year is None or column.year >= issued_year)


def _targets(doc: NormalizedDocument, table: Table, layout: _Layout) -> list[Indicator]:
    found: list[Indicator] = []
    # the rows above, by label rank (rank, name, the cell as written): what an elliptic row is a part of
    parents: list[tuple[int, str, str]] = []
    scope = layout.scope
    for row in table.rows:
        row = _realigned(row, layout) if _web_cells(doc, row) else row
        cells = row.cells or []
        raw_name = _cell(cells, layout.name)
        if HORIZON_ROW.match(raw_name):
            scope = _horizon(raw_name) or scope  # "I. Đến năm 2030": the year of the rows under it
            continue
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
            dated = column if column.year is not None else replace(column, year=scope)
            found += _indicators(doc, table, row, dated, name, unit, layout)
        if not layout.money_table or unit == "%":
            found += [made for change in layout.changes for made in _change(doc, table, row, change, name, layout)]
    return found


def _change(
    doc: NormalizedDocument, table: Table, row: Row, change: _Change, name: str, layout: _Layout
) -> list[Indicator]:
    """The change a comparison column states for its plan year: "Kim ngạch xuất khẩu so với năm trước" (2026),
    in the unit of the column ("%"), without a baseline (the column is one)."""
    column = change.column
    bracket = HEADER_UNIT.search(column.header)
    unit = _measure_unit(bracket["unit"]) if bracket else ("%" if "%" in column.header else None)
    plain = name if _acronym(name) else name[:1].lower() + name[1:]
    if change.earlier is None:
        named = f"Tăng/giảm {plain}"
    elif column.year is not None and change.earlier == column.year - 1:
        named = f"{name} so với năm trước"  # the name never holds the target's year
    else:
        named = f"{name} so với năm {change.earlier}"
    made = _indicators(doc, table, row, column, named, unit, replace(layout, before=[]))
    return [
        i.model_copy(update={"target": i.target.model_copy(update={"kind": "change"}), "metric": None}) for i in made
    ]


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


def _indicators(
    doc: NormalizedDocument,
    table: Table,
    row: Row,
    column: Column,
    name: str,
    unit: str | None,
    layout: _Layout,
) -> list[Indicator]:
    """The targets of one cell: one per figure, each part of a cell of several with its qualifier."""
    cells = row.cells or []
    values = _values(_cell(cells, column.index))
    span = (row.spans or [None] * len(cells))[column.index] if column.index < len(cells) else None
    if not values or span is None:
        return []
    quantity, column_unit = _column_quantity(column)
    if quantity and (not QUANTITY_HEAD.match(name) or GROWTH.match(quantity)):
        name = f"{quantity} {name if _acronym(name) else name[:1].lower() + name[1:]}"  # "Sản lượng" / "Cà phê"
    before = layout.baseline(column)
    baseline = _value(_cell(cells, before.index)) if before is not None else None
    label = _cell(cells, layout.label).rstrip(".") if layout.label is not None else None
    label = label if label and regex.search(r"[\p{L}\d]", label) else None  # "-", "+": no number
    made = []
    for value in values:
        measured = column_unit or unit or value.percent
        per = _per(measured)
        full = f"{name} ({value.where})" if value.where else name
        target = Target(
            value=value.value,
            unit=measured,
            comparator=">=" if value.upper is not None and value.comparator is None else value.comparator,  # type: ignore[arg-type]
            value_max=value.upper,
            kind=_kind(name, measured, per),  # type: ignore[arg-type]
            per=per,
        )
        made.append(
            Indicator(
                id="",
                label=label,
                name=full[:300],
                target=target,
                target_year=column.year,
                baseline=Baseline(value=baseline.value, year=before.year)
                if baseline is not None and before is not None
                else None,
                metric=metric_for(name, measured),
                section=table.section.id,
                provenance=doc.provenance(span[0], span[1], "rule:target_table_cell", confidence.TARGET_TABLE_CELL),
            )
        )
    return made


def _cell(cells: list[str], index: int | None) -> str:
    if index is None or index >= len(cells):
        return ""
    return regex.sub(r"\s+", " ", FOOTNOTE.sub("", cells[index])).strip()


@dataclass(frozen=True)
class CellValue:
    value: float
    upper: float | None
    comparator: str | None
    percent: str | None  # "%" or "‰" when the cell writes one
    where: str | None  # where a rank is counted ("≤ 3 Đông Nam Á; ≤ 50 Thế giới")


def _values(text: str) -> list[CellValue]:
    """The targets of a cell: one figure, or several parts after ";" each with its qualifier; none unless
    every part is a figure."""
    parts = [part.strip() for part in text.split(";")] if ";" in text else [text.strip()]
    found = [_value(part) or (_counted_in(part) if len(parts) > 1 else None) for part in parts if part]
    return [value for value in found if value is not None] if all(found) else []


def _counted_in(part: str) -> CellValue | None:
    """A part of a cell of several whose qualifier starts in small letters ("≤ 10 cả nước; ≤ 2 vùng")."""
    split = QUALIFIED_PART.match(part)
    value = _value(split["figure"]) if split else None
    return replace(value, where=split["where"]) if value is not None and split else None


def _value(text: str) -> CellValue | None:
    """One figure of a target cell."""
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
    percent = match["percent"] or ("%" if match["first_percent"] else None)
    where = match["where"].strip() if match["where"] else None
    return CellValue(float(value), float(upper) if upper is not None else None, comparator, percent, where)


def _name(text: str, parent: str | None, item: str | None = None) -> tuple[str, str | None]:
    """The row's quantity and the unit its cell writes in brackets ("Tỷ lệ hộ nghèo (%)"). A row that names
    no quantity of its own under a row that does ("Kim ngạch xuất khẩu" / "- Nông sản", "Trong đó: …") is a
    part of that quantity; a row that names only a quantity ("- Sản lượng") measures the ``item`` above it
    ("Cà phê"), however deep the table nests it."""
    text = regex.sub(r"^[-–—+•*]+\s*", "", text).strip(" :;,.")
    unit = None
    bracket = UNIT_IN_NAME.search(text)
    # "(%)", "(tấn)", and the counted noun of a "Số …" row ("Số cơ sở đạt chuẩn (cơ sở)")
    if bracket and (bracket["unit"] in ("%", "‰") or MEASURES.search(bracket["unit"]) or COUNT_ROW.match(text)):
        unit, text = bracket["unit"].strip(), text[: bracket.start()].strip(" :;,.")
    text = ROW_HORIZON.sub("", text).strip(" :;,.") or text  # "Tỷ trọng … đến năm 2030": the year is the column's
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
        and (part or QUANTITY_HEAD.match(parent) or GROWTH_ROW.match(parent) or len(content_words(text)) < 2)
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
    text = text.strip(" .")
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1].strip()  # "(%)"; never the bracket of "Chỉ số phát triển con người (HDI)"
    if not text:
        return None
    text = regex.sub(r"(?i)vạn\s+dân", "10.000 dân", text)
    return "‰" if text.lower() in ("%o", "‰") else text


def _per(unit: str | None) -> str | None:
    found = regex.search(r"/\s*(?P<per>(?:\d{1,3}(?:\.\d{3})+|\d+)\s+[\p{L} ]+)$", unit or "")
    return found["per"].strip() if found else None


def _kind(name: str, unit: str | None, per: str | None) -> str:
    """change (growth or reduction), count (a number of things) or level (a share, a rate, a magnitude)."""
    # a row whose name says its figure is a growth or reduction, as a clause does ("Giảm tỷ lệ hộ nghèo bình quân")
    if CHANGE.search(name) or CHANGE_LEAD.match(name) or GROWTH_RATE.search(name) or PER_YEAR_SHARE.match(unit or ""):
        return "change"
    if per is None and unit and not SHARE_UNIT.match(unit) and "/" not in unit and not MEASURES.search(unit):
        return "count"
    return "level"
