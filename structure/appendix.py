"""Records from appendix tables: budget line items from money tables, activities from work-item tables.

A money table is one whose caption speaks of money (kinh phí, dự toán, vốn, "Đơn vị tính: triệu
đồng") and not of rates per person (mức trợ cấp, hằng tháng); each row's amount is its last number (the total column), dates and document numbers in a
notes column set aside. Rows nest under their group row (A., I) and the table's total row, and
the total hangs under the body line that states the same sum ("(Chi tiết tại Phụ lục 1)").

A work-item table names, per row: the activity, the lead unit, the coordinating units, the
product and the deadline. Tab-separated tables say which column is which in their header;
flattened ones are read from the end of each row: deadline, product, then the units.
"""

from __future__ import annotations

import regex

from vnplan.normalize import NormalizedDocument
from vnplan.schema.model import Activity, Budget, Period
from vnplan.structure import confidence
from vnplan.structure.columns import RATE_ROW, YEAR, Column, read_columns, table_scale
from vnplan.structure.lexicon import organisations
from vnplan.structure.money import funding_source
from vnplan.structure.numbers import money_to_vnd, parse_number
from vnplan.structure.tables import OF_WHICH, PhysicalLine, Row, Table, label_rank, money_rows
from vnplan.structure.units import ITEM_SUBJECT, OTHER_BODIES

MONEY_CAPTION = regex.compile(
    r"kinh\s+phí|dự\s+toán|nguồn\s+vốn|nhu\s+cầu\s+vốn|đơn\s+vị(?:\s+tính)?\s*:\s*[\p{L} ]*đồng", regex.I
)
# A table of rates (what each person receives: "MỨC HƯỞNG TRỢ CẤP, PHỤ CẤP ƯU ĐÃI HẰNG THÁNG")
# states money but spends none: its rows are no budget lines. (Not "định mức" or "đơn giá": budget
# tables show the norm they multiply, as Hòa Bình's Phụ lục 1 does.)
RATE_CAPTION = regex.compile(
    r"\bmức\s+(?:hưởng|trợ\s+cấp|phụ\s+cấp|lương)\b|\b(?:hằng|hàng)\s+tháng\b",
    regex.I,
)
AMOUNT_TOKEN = regex.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$|^\d+(?:,\d+)?$")
# Smallest credible line amount in a table of đồng (anything below is a count or a rate).
MIN_DONG_AMOUNT = 1000


def _row_amount(row: Row) -> tuple[PhysicalLine, str] | None:
    """The row's total: the number that ends the last line ending in a number."""
    for index, line in reversed(list(enumerate(row.lines))):
        tokens = line.text.strip(" ;,.").split()
        if not tokens:
            continue
        last = tokens[-1]
        if index == 0 and len(tokens) == 1:
            continue  # the row label alone on its line
        if AMOUNT_TOKEN.match(last) and not regex.fullmatch(r"(?:19|20)\d\d", last):
            return line, last
    return None


def _description(row: Row) -> str:
    text = regex.sub(r"^\s*(?:\d{1,3}|[A-D]\.|[IVX]+)\s+", "", row.text)
    cut = regex.search(r"\s\d[\d.,]*(?=\s|$)", text)
    return (text[: cut.start()] if cut and cut.start() > 0 else text).strip(" :;,.-")


def table_budgets(
    doc: NormalizedDocument, tables: list[Table], body: list[Budget], first_id: int, period: Period | None
) -> list[Budget]:
    budgets: list[Budget] = []
    for table in tables:
        caption = f"{table.section.title} {table.caption_text}"
        if RATE_CAPTION.search(caption):
            continue
        if table.header is not None:
            budgets += _column_budgets(doc, table, body, first_id + len(budgets), period)
        elif MONEY_CAPTION.search(table.caption_text):
            budgets += _row_budgets(doc, table, body, first_id + len(budgets))
    return budgets


def _row_budgets(doc: NormalizedDocument, table: Table, body: list[Budget], first_id: int) -> list[Budget]:
    """A table without a header row (flattened by a PDF text layer): each row's last number."""
    unit = table_scale([table.caption_text]) or "đồng"
    made: list[tuple[Row, Budget]] = []
    for row in table.rows:
        found = _row_amount(row)
        if found is None:
            continue
        line, token = found
        amount = money_to_vnd(token, unit)
        if amount is None or (unit == "đồng" and amount < MIN_DONG_AMOUNT):
            continue
        offset = line.text.rfind(token)
        label = f"{table.section.title} {row.label}".strip()
        budget = Budget(
            id=f"bud-{first_id + len(made)}",
            description=f"{label}: {_description(row)}"[:300],
            amount_vnd=amount,
            amount_text=f"{token} {unit}",
            year=None,
            period=None,
            funding_source=None,
            parent=None,
            section=table.section.id,
            provenance=doc.provenance(
                line.start + offset,
                line.start + offset + len(token),
                "rule:table_row_amount",
                confidence.BUDGET_TABLE_ROW_AMOUNT,
            ),
            role="total" if row.kind == "total" else None,
        )
        made.append((row, budget))
    _nest_by_labels(made, table.rows)
    _link_to_body([budget for _, budget in made], body)
    return [budget for _, budget in made]


def _column_budgets(
    doc: NormalizedDocument, table: Table, body: list[Budget], first_id: int, period: Period | None
) -> list[Budget]:
    """A table with a header: one record per amount cell of the columns that hold what the plan sets
    (per year when the columns are years), nested by the rows' labels."""
    columns = read_columns(table.header or [])
    chosen = _amount_columns(columns, period)
    scale = table_scale([table.section.title, table.caption_text, *(c.header for c in columns)])
    caption = f"{table.section.title} {table.caption_text}"
    # the columns read speak of money, not a column of the past beside them ("Năm 2025 / Dự toán" in a table of targets)
    if not chosen or not (scale or MONEY_CAPTION.search(caption) or any(c.money for c in chosen)):
        return []
    unit = scale or "đồng"
    name_column = next((c.index for c in columns if c.kind == "name"), None)
    lead_column = next((c.index for c in columns if c.kind == "lead"), None)
    measure_column = next((c.index for c in columns if c.kind == "measure_unit"), None)
    caption_year = YEAR.findall(f"{table.section.title} {table.caption_text}")
    notes_column = next((c.index for c in columns if c.kind == "notes"), None)
    budgets: list[Budget] = []
    rows = money_rows(table)
    for column in chosen:
        made: list[tuple[Row, Budget]] = []
        for row in rows:
            cells = row.cells or []
            index = _amount_index(cells, column, len(columns), single=len(chosen) == 1)
            if index is not None and len(chosen) == 1 and _shifted(cells, index, notes_column):
                index = notes_column
            if (
                index is None
                or not _counts_money(cells, measure_column)
                or RATE_ROW.search(_row_name(cells, name_column))
            ):
                continue
            token = regex.sub(r"\s+", "", cells[index]).strip(" *")
            amount = money_to_vnd(token, unit) if AMOUNT_TOKEN.match(token) else None
            if not amount or (unit == "đồng" and amount < MIN_DONG_AMOUNT):
                continue
            name = _row_name(cells, name_column)
            year = column.year or (int(caption_year[-1]) if len(set(caption_year)) == 1 else None)
            start, end = (row.spans or [])[index] or (row.start, row.end)
            budget = Budget(
                id=f"bud-{first_id + len(budgets) + len(made)}",
                description=name[:300],
                amount_vnd=amount,
                amount_text=f"{cells[index].strip()} {unit}",
                year=year,
                period=None,
                funding_source=column.funding_source or funding_source(name),
                parent=None,
                section=table.section.id,
                provenance=doc.provenance(
                    start,
                    end,
                    "rule:table_amount_cell",
                    confidence.BUDGET_TABLE_AMOUNT_CELL,
                ),
                role="total" if row.kind == "total" else None,
                unit=_cell(cells, {"lead": lead_column}, "lead") if lead_column is not None else None,
            )
            made.append((row, budget))
        _nest_by_labels(made, rows)
        _link_to_body([b for _, b in made], body)
        budgets += [b for _, b in made]
    return budgets


def _amount_columns(columns: list[Column], period: Period | None) -> list[Column]:
    """The columns whose cells are amounts the plan sets: per year when the header has years (not
    years before the plan's period, not execution or estimates of the current year), the sum
    column where sources are broken down beside it."""
    amounts = [c for c in columns if c.kind == "amount" and not c.past]
    if period is not None and period.start is not None:
        amounts = [c for c in amounts if c.year is None or c.year >= period.start]
    if any(c.year is not None for c in amounts):
        amounts = [c for c in amounts if c.year is not None]
    chosen: list[Column] = []
    for year in dict.fromkeys(c.year for c in amounts):
        group = [c for c in amounts if c.year == year]
        sums = [c for c in group if c.is_sum]
        sourced = [c for c in group if c.funding_source]
        chosen += sums[:1] or sourced or group[-1:]
    return chosen


def _amount_index(cells: list[str], column: Column, width: int, single: bool) -> int | None:
    """The cell of ``column`` in a row. A row shorter than the header lost the empty cells under a
    spanning cell ("I | Quan trắc … | 1.364.329.243"): with one amount column, its amount is the last
    figure of the row."""
    if len(cells) >= width:
        return column.index
    if not single:
        return None
    figures = [i for i, cell in enumerate(cells) if i and AMOUNT_TOKEN.match(regex.sub(r"\s+", "", cell))]
    return figures[-1] if figures else None


def _shifted(cells: list[str], index: int, notes_column: int | None) -> bool:
    """A row whose figures stand one column right of the header's (a unit column only that part of the
    table has: "Thuê hội trường | Ngày | 2 | 500.000 | 1.000.000"): its notes cell, right after the
    amount column, holds a figure."""
    if notes_column != index + 1 or notes_column >= len(cells):
        return False
    return bool(AMOUNT_TOKEN.match(regex.sub(r"\s+", "", cells[notes_column])))


def _counts_money(cells: list[str], measure_column: int | None) -> bool:
    """In a table with a unit-of-measure column, only the rows measured in money are amounts."""
    if measure_column is None or measure_column >= len(cells) or not cells[measure_column].strip():
        return True
    return bool(regex.search(r"đồng", cells[measure_column], regex.I))


def _row_name(cells: list[str], name_column: int | None) -> str:
    if name_column is not None and name_column < len(cells) and cells[name_column].strip():
        return cells[name_column].strip()
    return next((c.strip() for c in cells[1:] if regex.search(r"\p{L}{2,}", c)), cells[0].strip())


def _has_name(row: Row) -> bool:
    return any(regex.search(r"\p{L}{2,}", c) for c in (row.cells or [row.text])[1:]) and bool(row.label.strip())


def _nest_by_labels(made: list[tuple[Row, Budget]], rows: list[Row]) -> None:
    """Parents from the row labels: I > 1 > 1.1 > a > -; every row sits under the table's total.
    A group row without an amount ("C KẾ HOẠCH VAY, TRẢ NỢ GỐC") still closes the rows before it of its
    rank: the rows under it hang on the nearest row above that has an amount, else on the table's total
    or on nothing. A row that opens with "Trong đó" (or stands under a "Trong đó:" line) and the rows of
    its rank after it, under the same parent, are a selection of the row above: memo lines, not addends
    (the budget forms' "Trong đó: Sự nghiệp giáo dục - đào tạo" under "Chi thường xuyên")."""
    total = next((b for r, b in made if r.kind == "total"), None)
    recorded = {id(r): b for r, b in made}
    stack: list[tuple[float, str, Budget | None]] = []  # (rank, label, record) of the open rows
    selections: dict[str, float] = {}  # parent id → the rank of its "Trong đó" rows
    for row in rows:
        budget = recorded.get(id(row))
        if row.kind == "total" or (budget is None and not _has_name(row)):
            continue
        name = _row_name(row.cells or [row.text], None)
        rank = _money_rank(row.label, name, stack)
        while stack and stack[-1][0] >= rank:
            stack.pop()
        if budget is not None:
            above = next((b for _, _, b in reversed(stack) if b is not None), total)
            budget.parent = above.id if above is not None else None
            if budget.parent is not None and (OF_WHICH.match(name) or row.of_which):
                selections[budget.parent] = rank
            if budget.parent is not None and selections.get(budget.parent) == rank:
                budget.breakdown = "of_which"
        stack.append((rank, row.label.strip(), budget))
    _complete_named_totals([b for r, b in made if r.kind != "total"])


TOTAL_NAME = regex.compile(r"^\W*tổng\b", regex.I)


def _complete_named_totals(budgets: list[Budget]) -> None:
    """A group row named as a total ("A TỔNG CHI NSĐP") whose parts fall short of it takes the rows of
    its rank after it for as long as they make up its sum exactly ("B CHI TỪ NGUỒN BỔ SUNG …" with "I
    CHI CÂN ĐỐI NSĐP"); a row after that ("C BỘI CHI NSĐP") stays on its own."""
    for index, head in enumerate(budgets):
        if not TOTAL_NAME.match(head.description) or head.amount_vnd is None:
            continue
        running = sum(b.amount_vnd or 0 for b in budgets if b.parent == head.id and b.breakdown is None)
        if not running or running >= head.amount_vnd:
            continue
        taken: list[Budget] = []
        for sibling in (b for b in budgets[index + 1 :] if b.parent == head.parent):
            running += sibling.amount_vnd or 0
            taken.append(sibling)
            if running >= head.amount_vnd:
                break
        if running == head.amount_vnd:
            for sibling in taken:
                sibling.parent = head.id


DOTTED_NUMBER = regex.compile(r"^\d{1,3}(?:\.\d{1,3})+$")
UNMARKED_RANK = 10  # a row with no label and no dash: a line under the row above ("Phí bảo vệ môi trường
# đối với nước thải" under "- Phí, lệ phí do CQNN địa phương thu")


def _money_rank(label: str, name: str, stack: list[tuple[float, str, Budget]]) -> float:
    """How deep a money table's row nests. A number goes on the numbering it continues: a "1" right
    after a numbered row of its level or deeper ("1.1.2 Mẫu nước trong ao nuôi", "2.3 …") starts a list
    under it, and "2", "3" … follow that "1". A row without a label ranks by the dash of its name."""
    label = label.strip().rstrip(".")
    if not label:
        dash = regex.match(r"^\W*(?:(?:bao\s+gồm|trong\s+đó)\s*:?\s*)?([-–+])", name, regex.I)
        return label_rank(dash.group(1)) if dash else UNMARKED_RANK
    rank = float(label_rank(label))
    if not label.isdigit():
        return rank
    previous = next((r for r, open_label, _ in reversed(stack) if open_label == str(int(label) - 1)), None)
    if previous is not None:
        return previous
    restarts = label == "1" and stack and DOTTED_NUMBER.match(stack[-1][1]) is not None and stack[-1][0] >= rank
    return stack[-1][0] + 0.5 if restarts else rank


def _link_to_body(made: list[Budget], body: list[Budget]) -> None:
    """The table's sum belongs to the body line that states the same sum (for the same year); where
    that line has parts of its own, the table is a second layout of it (breakdown 'restated')."""
    roots = [b for b in made if b.parent is None]
    if not roots:
        return
    head_amount = roots[0].amount_vnd if len(roots) == 1 else sum(b.amount_vnd or 0 for b in roots)
    owner = next((b for b in body if b.amount_vnd == head_amount and (b.year is None or b.year == roots[0].year)), None)
    if owner is None:
        return
    # the body line lists its parts already: the table lays the same sum out a second time
    restated = any(b.parent == owner.id for b in body)
    for budget in roots:
        budget.parent = owner.id
        budget.breakdown = "restated" if restated else budget.breakdown


# --- activities -------------------------------------------------------------------------------

DEADLINE_END = regex.compile(
    r"(?:(?:Tháng|tháng)\s+\d{1,2}\s*/\s*\d{4}|(?:Quý|quý)\s+[IV]+\s*/\s*\d{4}|(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d|"
    r"(?:Năm|năm)\s+(?:19|20)\d\d|(?:19|20)\d\d|Hàng\s+năm|hàng\s+năm|Thường\s+xuyên|thường\s+xuyên)\s*$"
)
PRODUCTS = (
    "Kế hoạch/Đề án",
    "Kế hoạch",
    "Tờ trình",
    "Nghị quyết",
    "Quyết định",
    "Báo cáo",
    "Đề án",
    "Kết luận",
    "Văn bản",
    "Hướng dẫn",
    "Công văn",
    "Chương trình",
    "Thông báo",
)
PRODUCT_END = regex.compile(r"(?:" + "|".join(regex.escape(p) for p in PRODUCTS) + r")\s*$")
UNIT_START = regex.compile(
    r"^(?:Phòng|Bệnh\s+viện|BVĐK|BV\b|Trung\s+tâm|TTYT|Sở|Các|Trạm|Khoa|Văn\s+phòng|UBND|Ủy\s+ban)"
)
# A timetable or an inspection schedule: rows of what (or whom) and when, no unit columns.
SCHEDULE_CAPTION = regex.compile(r"\blịch\b|thời\s+gian|tiến\s+độ|kiểm\s+tra|giám\s+sát", regex.I)
INSPECTION = regex.compile(r"kiểm\s+tra|giám\s+sát|thanh\s+tra|đánh\s+giá", regex.I)
SCHEDULE_TIME = regex.compile(
    r"(?:(?:Sáng|Chiều|Tối|sáng|chiều|tối)\s+)?(?:(?:Từ|từ|Trước|trước)\s+)?(?:Ngày|ngày)\s+\d{1,2}\b|"
    r"(?<!\S)\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|(?:Tháng|tháng|Quý|quý)\s+[\dIV]+\s*/\s*\d{4}"
)
BODY_START = regex.compile(organisations().head_pattern(groups=False), regex.I)
PLACE_START = regex.compile(r"(?:Tỉnh|Thành\s+phố|Huyện|Quận|Thị\s+xã|Xã|Phường|Thị\s+trấn|Đặc\s+khu)\s+\p{Lu}")
ACTIVITY_CAPTION = regex.compile(
    r"hoạt\s+động|nhiệm\s+vụ|nội\s+dung|danh\s+mục|phân\s+công|chủ\s+trì|phụ\s+trách", regex.I
)


ASSIGNMENT_ROLES = ("lead", "support", "deadline", "product")


def _column_roles(header: list[str]) -> dict[str, int]:
    """The first column of each kind (structure/columns.py); an amount column is the activity's budget."""
    roles: dict[str, int] = {}
    for column in read_columns(header):
        role = "budget" if column.kind == "amount" else column.kind
        if role is not None:
            roles.setdefault(role, column.index)
    return roles


AND_THE_OTHERS = regex.compile(r"\s+và\s+" + OTHER_BODIES)
# Units part at ";", and at "," before a capital or before the group phrase of the others ("Bộ Nội vụ, các bộ, …").
UNIT_SEPARATOR = regex.compile(r"\s*;\s*|\s*,\s*(?:(?=\p{Lu})|" + OTHER_BODIES + ")")
# "Bộ Công an, Bộ KH&CN với các tiêu chuẩn … áp dụng chung toàn quốc": what the lead unit answers for, not a unit.
LEAD_SCOPE = regex.compile(
    r"\s+(?:với|đối\s+với)\s+(?:các|những)\s+(?!(?:bộ|sở|ban|ngành|cơ\s+quan|đơn\s+vị|địa\s+phương)\b).*$", regex.I
)


# A head word alone is a cell cut short ("Bộ Thông tin và Truyền thông, Bộ Khoa học và Công nghệ, Bộ"), no unit.
BARE_HEAD = regex.compile(r"^(?:Bộ|Sở|Ban|Phòng|Cục|Vụ|Các)$", regex.I)


def _split_units(text: str) -> list[str]:
    units = []
    for unit in UNIT_SEPARATOR.split(AND_THE_OTHERS.sub("; ", text)):
        unit = unit.strip(" ;,.")
        if unit and not BARE_HEAD.match(unit):
            units.append(unit[0].upper() + unit[1:])
    return units


def table_activities(doc: NormalizedDocument, tables: list[Table]) -> list[Activity]:
    activities: list[Activity] = []
    for table in tables:
        caption = f"{table.section.title} {table.caption_text}"
        roles = _column_roles(table.header) if table.header is not None else {}
        if (
            table.header is not None
            and "name" not in roles
            and "deadline" in roles
            and SCHEDULE_CAPTION.search(caption)
        ):
            # a schedule whose first column names whom it visits ("Đơn vị kiểm tra"), not a task: what, then when
            inspects = bool(INSPECTION.search(f"{caption} {' '.join(table.header)}"))
            for row in table.rows:
                activity = _schedule_activity(doc, row, len(activities) + 1, inspects)
                if activity is not None:
                    activities.append(activity)
        elif table.header is not None:
            inspects = bool(INSPECTION.search(f"{caption} {' '.join(table.header)}"))
            if "name" not in roles or not ("lead" in roles or "deadline" in roles) or _targets(table.header, roles):
                continue
            # a group row is a task only when it names its units (a stray deadline or product word is a
            # wrapped cell of the row above: "năm tiếp theo")
            owns = [r for r in ("lead", "support") if r in roles] or list(ASSIGNMENT_ROLES)
            for row in table.rows:
                if row.kind != "item" and not any(_cell(row.cells or [], roles, r) for r in owns):
                    continue  # a group heading or a total inside the task table
                activities.append(_tab_activity(doc, row, roles, len(activities) + 1, inspects))
        elif SCHEDULE_CAPTION.search(caption) and not MONEY_CAPTION.search(caption) and _tab_rows(table):
            for row in table.rows:
                activity = _schedule_activity(doc, row, len(activities) + 1, bool(INSPECTION.search(caption)))
                if activity is not None:
                    activities.append(activity)
        elif ACTIVITY_CAPTION.search(table.caption_text) and not MONEY_CAPTION.search(table.caption_text):
            for row in table.rows:
                activity = _flattened_activity(doc, row, len(activities) + 1)
                if activity is not None:
                    activities.append(activity)
    return activities


# A table of targets whose unit column names who monitors each target ("Chỉ tiêu" | … | "Cơ quan chủ trì theo dõi,
# đánh giá"): its rows are targets, not tasks. (A lead column of the units that reach the targets, "Đơn vị chủ
# trì", makes each row a task.)
TARGETS_HEADER = regex.compile(r"^\W*chỉ\s+tiêu\b", regex.I)
MONITOR_HEADER = regex.compile(r"theo\s+dõi|giám\s+sát", regex.I)


def _targets(header: list[str], roles: dict[str, int]) -> bool:
    lead = header[roles["lead"]] if "lead" in roles else ""
    return bool(TARGETS_HEADER.match(header[roles["name"]])) and bool(MONITOR_HEADER.search(lead))


def _cell(cells: list[str], roles: dict[str, int], role: str) -> str | None:
    index = roles.get(role)
    if index is None or index >= len(cells):
        return None
    value = regex.sub(r"\s*[¹²³⁴⁵⁶⁷⁸⁹⁰*]+", "", cells[index]).strip()
    return value or None


def _tab_activity(doc: NormalizedDocument, row: Row, roles: dict[str, int], number: int, inspects: bool) -> Activity:
    cells = row.cells or []
    budget_text = _cell(cells, roles, "budget")
    budget_value = parse_number(budget_text) if budget_text else None
    return Activity(
        id=f"act-{number}",
        name=_inspected(_cell(cells, roles, "name") or row.text, inspects),
        lead_unit=_units_only(_cell(cells, roles, "lead")),
        support_units=_split_units(_cell(cells, roles, "support") or ""),
        product=_cell(cells, roles, "product"),
        deadline=_cell(cells, roles, "deadline"),
        budget_vnd=int(budget_value) if budget_value is not None else None,
        provenance=doc.provenance(row.start, row.end, "rule:activity_table_columns", confidence.ACTIVITY_TABLE_COLUMNS),
    )


def _units_only(cell: str | None) -> str | None:
    """The units of a lead cell without the duties written after them ("Sở KH&CN chủ trì hướng dẫn")."""
    if cell is None:
        return None
    parts = []
    for part in cell.split(";"):
        part = LEAD_SCOPE.sub("", part.strip())
        subject = ITEM_SUBJECT.match(part)
        parts.append((subject["units"] if subject else part).strip(" ,."))
    return "; ".join(p for p in parts if p) or cell


def _tab_rows(table: Table) -> bool:
    return any(row.cells is not None for row in table.rows)


def _inspected(name: str, inspects: bool) -> str:
    """In an inspection schedule a row names only the body or place visited: the activity is its
    inspection. A row that states its own action keeps it."""
    if inspects and (BODY_START.match(name) or PLACE_START.match(name)):
        return f"Kiểm tra {name}"
    return name


def _schedule_activity(doc: NormalizedDocument, row: Row, number: int, inspects: bool) -> Activity | None:
    """A row of a timetable without a header (an OCR'd schedule): what, then when."""
    if row.kind != "item":
        return None
    text = " ".join(c for c in (row.cells or [])[1:] if c).strip()
    when = SCHEDULE_TIME.search(text)
    if when is None or when.start() == 0:
        return None
    return Activity(
        id=f"act-{number}",
        name=_inspected(text[: when.start()].strip(" :;,.-–"), inspects),
        lead_unit=None,
        support_units=[],
        product=None,
        deadline=text[when.start() :].strip(" ;,."),
        budget_vnd=None,
        provenance=doc.provenance(row.start, row.end, "rule:schedule_table_row", confidence.ACTIVITY_SCHEDULE_ROW),
    )


def _flattened_activity(doc: NormalizedDocument, row: Row, number: int) -> Activity | None:
    """Cells were printed line by line: name lines, unit lines, product, deadline (from the end)."""
    lines = [line.text.strip() for line in row.lines]
    lines[0] = regex.sub(r"^\d{1,3}\s*", "", lines[0])
    text = " ".join(t for t in lines if t)
    deadline = DEADLINE_END.search(text)
    if deadline is None:
        return None
    rest = text[: deadline.start()].rstrip()
    product = PRODUCT_END.search(rest)
    if product:
        rest = rest[: product.start()].rstrip()
    # Units start on a printed line of their own; the first such line after the name starts the lead.
    pieces = [t for t in lines if t]
    consumed = 0
    unit_from = None
    for index, piece in enumerate(pieces):
        if index and UNIT_START.match(piece) and consumed < len(rest):
            unit_from = consumed
            break
        consumed += len(piece) + 1
    if unit_from is None:
        return None
    name, units_text = rest[:unit_from].strip(), rest[unit_from:].strip()
    lead, support = _lead_and_support(units_text)
    return Activity(
        id=f"act-{number}",
        name=name,
        lead_unit=lead,
        support_units=support,
        product=product.group(0).strip() if product else None,
        deadline=deadline.group(0).strip(),
        budget_vnd=None,
        provenance=doc.provenance(row.start, row.end, "rule:activity_table_lines", confidence.ACTIVITY_TABLE_LINES),
    )


def _lead_and_support(units_text: str) -> tuple[str | None, list[str]]:
    """'Phòng Nghiệp vụ Y - SYT Các Phòng Sở Y tế, Bệnh viện đa khoa tỉnh' → lead, [support…].

    The lead cell ends where a second unit name starts without a comma before it."""
    starts = [
        m.start()
        for m in regex.finditer(
            r"(?<=\S\s)(?:Các\s|Sở\s|Phòng\s|Bệnh\s+viện|BVĐK|BV\s|Trung\s+tâm|TTYT|Trạm\s)", units_text
        )
    ]
    for start in starts:
        before = units_text[:start].rstrip()
        if not before.endswith(",") and not regex.search(r"(?:các|Các|của)$", before):
            return before.strip(" ,;"), _split_units(units_text[start:])
    return units_text.strip(" ,;") or None, []
