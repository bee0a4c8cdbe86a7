"""Tables of targets with year columns ("Biểu chỉ tiêu"): one indicator per figure of a plan-year column,
from every reader family (Markdown pipe table, a web copy's table flattened one cell per line between
bars, tab rows of plain text, a Word table with merged cells).

The fixture is one table written by hand in the general form of such tables (a two-row header with
"Kế hoạch" over its years, execution and estimate columns before the plan, group rows, a "-" part row,
Vietnamese number formats, a range, a comparator); the expected records below were read from it by hand.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import vnplan
from vnplan.schema.model import PlanDocument
from vnplan.structure.columns import header_paths

HEAD = [
    "STT",
    "Chỉ tiêu",
    "Đơn vị tính",
    "Thực hiện năm 2024",
    "Ước thực hiện năm 2025",
    "Kế hoạch giai đoạn 2026 - 2028",
]
YEARS = ["Năm 2026", "Năm 2027", "Năm 2028"]
NOTES = "Ghi chú"
ROWS = [
    ["I", "Chỉ tiêu kinh tế"],
    ["1", "Kim ngạch xuất khẩu hàng hóa", "Triệu USD", "410,5", "450", "500", "560", "620"],
    ["-", "Nông sản", "Triệu USD", "120", "135", "150", "165", "180"],
    ["2", "Tốc độ tăng trưởng kim ngạch xuất khẩu", "%", "8,2", "9,8", "≥10", "≥10", "≥ 10"],
    ["3", "Số doanh nghiệp tham gia xuất khẩu", "Doanh nghiệp", "85", "92", "100", "110", "1.250"],
    ["II", "Chỉ tiêu xã hội"],
    ["1", "Tỷ lệ lao động qua đào tạo", "%", "68", "70", "72", "74 - 75", "76"],
    ["2", "Thu ngân sách từ hoạt động xuất nhập khẩu", "Tỷ đồng", "1.150", "1.234,5", "1.300", "1.400", "1.500"],
]
# (label, name, unit, comparator, value_max of 2027, baseline 2025, targets 2026, 2027, 2028), read by hand
EXPECTED = [
    ("1", "Kim ngạch xuất khẩu hàng hóa", "Triệu USD", None, None, 450, (500, 560, 620)),
    (None, "Kim ngạch xuất khẩu hàng hóa nông sản", "Triệu USD", None, None, 135, (150, 165, 180)),
    ("2", "Tốc độ tăng trưởng kim ngạch xuất khẩu", "%", ">=", None, 9.8, (10, 10, 10)),
    ("3", "Số doanh nghiệp tham gia xuất khẩu", "Doanh nghiệp", None, None, 92, (100, 110, 1250)),
    ("1", "Tỷ lệ lao động qua đào tạo", "%", None, 75, 70, (72, 74, 76)),
    ("2", "Thu ngân sách từ hoạt động xuất nhập khẩu", "Tỷ đồng", None, None, 1234.5, (1300, 1400, 1500)),
]
TOP = """ỦY BAN NHÂN DÂN
TỈNH SƠN LA
Số: 12/KH-UBND
KẾ HOẠCH
Phát triển xuất khẩu hàng hóa giai đoạn 2026 - 2028
I. MỤC TIÊU
1. Mục tiêu chung
Phát triển xuất khẩu bền vững, nâng cao giá trị hàng hóa của tỉnh.
2. Các chỉ tiêu chủ yếu
Biểu: Các chỉ tiêu xuất khẩu chủ yếu giai đoạn 2026 - 2028
"""
BOTTOM = """
II. NHIỆM VỤ VÀ GIẢI PHÁP
1. Phát triển thị trường xuất khẩu cho các sản phẩm chủ lực của tỉnh.
"""


def _full(row: list[str]) -> list[str]:
    return [*row, *[""] * (9 - len(row))]


def _tab_text() -> str:
    rows = ["\t".join([*HEAD, NOTES]), "\t".join(YEARS)]  # the lower header row is as short as typed
    rows += ["\t".join(_full(row)) if len(row) > 2 else "\t".join(row) for row in ROWS]
    return TOP + "\n".join(rows) + BOTTOM


def _markdown() -> str:
    def pipe(cells: list[str]) -> str:
        return "| " + " | ".join(cells) + " |"

    rows = [pipe([*HEAD, "", "", NOTES]), pipe(["---"] * 9), pipe(["", "", "", "", "", *YEARS, ""])]
    rows += [pipe(_full(row)) for row in ROWS]
    return "# " + TOP.replace("\nI. MỤC TIÊU", "\n## I. MỤC TIÊU") + "\n" + "\n".join(rows) + "\n" + BOTTOM


def _debris() -> str:
    """The way web copies print a table: every cell between bars, a row ended by a second bar, empty cells
    dropped, header cells in bold, a group row one merged cell."""
    lines: list[str] = []
    header = [[f"**{c}**" for c in [*HEAD, NOTES]], [f"**{y}**" for y in YEARS]]
    body = [[f"{row[0]}. {row[1]}"] if len(row) == 2 else row for row in ROWS]
    for row in [*header, *body]:
        lines.append("|")
        for cell in row:
            lines += [cell, "|"]
        lines.append("|")
    return "# " + TOP.replace("\nI. MỤC TIÊU", "\n**I. MỤC TIÊU**") + "\n" + "\n".join(lines) + "\n" + BOTTOM


def _docx(path: Path) -> None:
    import docx

    document = docx.Document()
    for line in TOP.strip().split("\n"):
        document.add_paragraph(line)
    table = document.add_table(rows=2 + len(ROWS), cols=9)
    table.style = "Table Grid"
    for col, text in enumerate([*HEAD[:5], HEAD[5], "", "", NOTES]):
        if col not in (6, 7):
            table.cell(0, col).text = text
    for col in (0, 1, 2, 3, 4, 8):
        table.cell(0, col).merge(table.cell(1, col))
    table.cell(0, 5).merge(table.cell(0, 7)).text = HEAD[5]
    for col, year in enumerate(YEARS, start=5):
        table.cell(1, col).text = year
    for r, row in enumerate(ROWS, start=2):
        if len(row) == 2:
            table.cell(r, 0).text = row[0]
            table.cell(r, 1).merge(table.cell(r, 8)).text = row[1]
            continue
        for col, text in enumerate(row):
            table.cell(r, col).text = text
    for line in BOTTOM.strip().split("\n"):
        document.add_paragraph(line)
    document.save(str(path))


def _plan(tmp_path: Path, form: str) -> PlanDocument:
    if form == "docx":
        path = tmp_path / "plan.docx"
        _docx(path)
    else:
        text = {"tabs": _tab_text, "markdown": _markdown, "debris": _debris}[form]()
        path = tmp_path / ("plan.txt" if form == "tabs" else "plan.md")
        path.write_text(text, encoding="utf-8")
    return vnplan.process(path)


@pytest.mark.parametrize("form", ["tabs", "markdown", "debris", "docx"])
def test_a_table_of_targets_gives_one_indicator_per_plan_year_cell(tmp_path: Path, form: str) -> None:
    plan = _plan(tmp_path, form)
    assert plan.document.period is not None and plan.document.period.start == 2026
    got = [
        (
            i.label,
            i.name,
            i.target.unit,
            i.target.comparator,
            i.target.value,
            i.target.value_max,
            i.target_year,
            i.baseline.value if i.baseline else None,
            i.baseline.year if i.baseline else None,
        )
        for i in plan.indicators
    ]
    expected = [
        # a range "74 - 75" is its lower bound with ">=" and its upper bound (FORMAT.md R3)
        (
            label,
            name,
            unit,
            ">=" if upper and year == 2027 else comparator,
            value,
            upper if year == 2027 else None,
            year,
            baseline,
            2025,
        )
        for label, name, unit, comparator, upper, baseline, values in EXPECTED
        for year, value in zip((2026, 2027, 2028), values, strict=True)
    ]
    assert got == expected
    for indicator in plan.indicators:
        assert indicator.provenance.method == "rule:target_table_cell"
        # the provenance is the cell: its text is the figure as printed
        assert (
            indicator.provenance.text.replace(" ", "")
            .lstrip("≥")
            .replace(".", "")
            .replace(",", ".")
            .startswith(f"{indicator.target.value:g}")
        )
    assert plan.budgets == []  # a table of targets allocates no money


def test_columns_of_the_years_before_the_plan_are_no_targets(tmp_path: Path) -> None:
    plan = _plan(tmp_path, "tabs")
    assert {i.target_year for i in plan.indicators} == {2026, 2027, 2028}
    assert 410.5 not in {i.target.value for i in plan.indicators}  # "Thực hiện năm 2024"


def test_years_under_the_cell_that_spans_them() -> None:
    # a lower header row of years as short as it was typed sits under "Kế hoạch", not under the unit
    paths = header_paths([[*HEAD, NOTES], YEARS], width=9)
    assert paths[:5] == HEAD[:5]
    assert paths[5:8] == [f"{HEAD[5]} / {year}" for year in YEARS]
    assert paths[8] == NOTES


def test_a_money_table_keeps_its_amounts_as_budgets() -> None:
    # tests/fixtures/tables/budget.md: "Kinh phí (triệu đồng)" over "Năm 2024 | Năm 2025"
    plan = vnplan.process(Path(__file__).parent.parent / "fixtures" / "tables" / "budget.md")
    assert not [i for i in plan.indicators if i.provenance.method == "rule:target_table_cell"]
    assert plan.budgets


SMALL = """ỦY BAN NHÂN DÂN
TỈNH SƠN LA
KẾ HOẠCH
Phát triển nông nghiệp {period}
I. MỤC TIÊU
1. Các chỉ tiêu chủ yếu
{caption}
{table}
II. NHIỆM VỤ VÀ GIẢI PHÁP
1. Phát triển sản xuất hàng hóa tập trung.
"""


def _small(tmp_path: Path, rows: list[str], period: str = "năm 2026", caption: str = "Biểu chỉ tiêu") -> set[tuple]:
    path = tmp_path / "small.txt"
    table = "\n".join(rows)
    path.write_text(SMALL.format(period=period, caption=caption, table=table), encoding="utf-8")
    return {
        (i.name, i.target.unit, i.target.value, i.target_year, i.baseline.value if i.baseline else None)
        for i in vnplan.process(path).indicators
    }


def test_abbreviated_headers_and_a_unit_column_headed_dvt_or_don_vi(tmp_path: Path) -> None:
    # "ƯTH 2025" is the estimate of the year before the plan, "KH 2026" the plan's year
    rows = ["TT\tChỉ tiêu\tĐơn vị\tƯTH 2025\tKH 2026", "1\tDiện tích trồng cây ăn quả\tha\t75.200\t78.500"]
    assert _small(tmp_path, rows) == {("Diện tích trồng cây ăn quả", "ha", 78500.0, 2026, 75200.0)}


def test_years_in_one_header_row_with_the_period_column(tmp_path: Path) -> None:
    rows = [
        "STT\tChỉ tiêu\tĐVT\tNăm 2025\tNăm 2026\tNăm 2027\tCả giai đoạn 2026 - 2027",
        "1\tSản lượng thủy sản\tTấn\t1.200\t1.300\t1.450\t2.750",
    ]
    assert _small(tmp_path, rows, period="giai đoạn 2026 - 2027") == {
        ("Sản lượng thủy sản", "Tấn", 1300.0, 2026, 1200.0),
        ("Sản lượng thủy sản", "Tấn", 1450.0, 2027, 1200.0),
        ("Sản lượng thủy sản", "Tấn", 2750.0, 2027, 1200.0),  # the period's column is a target of its end
    }


def test_the_unit_written_above_the_table_or_in_the_name(tmp_path: Path) -> None:
    rows = [
        "STT\tChỉ tiêu\tThực hiện năm 2025\tKế hoạch năm 2026",
        "1\tTỷ lệ che phủ rừng (%)\t45,5\t46",
        "2\tTỷ lệ xã đạt chuẩn nông thôn mới\t60\t70",
    ]
    assert _small(tmp_path, rows, caption="Biểu chỉ tiêu (ĐVT: %)") == {
        ("Tỷ lệ che phủ rừng", "%", 46.0, 2026, 45.5),
        ("Tỷ lệ xã đạt chuẩn nông thôn mới", "%", 70.0, 2026, 60.0),
    }


def test_a_part_row_is_named_with_the_quantity_above_it(tmp_path: Path) -> None:
    rows = [
        "STT\tChỉ tiêu\tĐơn vị tính\tKế hoạch năm 2026",
        "1\tTổng số lao động có việc làm mới\tNgười\t20.000",
        "\tTrong đó: lao động đi làm việc ở nước ngoài\tNgười\t1.500",
    ]
    assert _small(tmp_path, rows) == {
        ("Tổng số lao động có việc làm mới", "Người", 20000.0, 2026, None),
        ("Tổng số lao động có việc làm mới, trong đó lao động đi làm việc ở nước ngoài", "Người", 1500.0, 2026, None),
    }


def test_a_task_table_with_year_columns_gives_no_targets(tmp_path: Path) -> None:
    rows = [
        "STT\tNhiệm vụ\tCơ quan chủ trì\tNăm 2026\tNăm 2027",
        "1\tRà soát quy hoạch vùng sản xuất\tSở Nông nghiệp và Môi trường\tx\tx",
        "2\tTập huấn kỹ thuật cho nông dân\tỦy ban nhân dân cấp xã\t5\t5",
    ]
    assert _small(tmp_path, rows, period="giai đoạn 2026 - 2027", caption="Phụ lục nhiệm vụ") == set()


def test_a_quantity_per_year_column_names_the_target_with_the_row(tmp_path: Path) -> None:
    # "Năm 2026" spans "Sản lượng (tấn) | Giá trị (triệu USD)": each figure is the column's quantity of the row's item
    rows = [
        "STT\tMặt hàng\tNăm 2025\t\tNăm 2026\t\tNăm 2027\t",
        "\t\tSản lượng (tấn)\tGiá trị (triệu USD)\tSản lượng (tấn)\tGiá trị (triệu USD)\tSản lượng (tấn)\tGiá trị (triệu USD)",
        "1\tCà phê\t1.000\t2,5\t1.100\t2,8\t1.200\t3,1",
    ]
    assert _small(tmp_path, rows, period="giai đoạn 2026 - 2027") == {
        ("Sản lượng cà phê", "tấn", 1100.0, 2026, 1000.0),
        ("Sản lượng cà phê", "tấn", 1200.0, 2027, 1000.0),
        ("Giá trị cà phê", "triệu USD", 2.8, 2026, 2.5),
        ("Giá trị cà phê", "triệu USD", 3.1, 2027, 2.5),
    }


def _debris_rows(rows: list[list[str]]) -> str:
    lines: list[str] = []
    for row in rows:
        lines.append("|")
        for cell in row:
            lines += [cell, "|"]
        lines.append("|")
    return "\n".join(lines)


def test_a_web_copy_row_without_its_empty_cells_ends_in_the_last_year(tmp_path: Path) -> None:
    # a web copy prints no empty cell: "Chè" has no estimate for 2025, the heading row "Cà phê" no unit
    table = _debris_rows(
        [
            ["**STT**", "**Chỉ tiêu**", "**ĐVT**", "**Ước thực hiện năm 2025**", "**Năm 2026**", "**Năm 2027**"],
            ["1", "Chè", "Tấn", "500", "650"],
            ["2", "Cà phê"],
            ["-", "Sản lượng", "Tấn", "1.000", "1.100", "1.200"],
        ]
    )
    text = "# " + SMALL.format(period="giai đoạn 2026 - 2027", caption="**Biểu chỉ tiêu**", table=table)
    path = tmp_path / "plan.md"
    path.write_text(text, encoding="utf-8")
    got = {
        (i.name, i.target.unit, i.target.value, i.target_year, i.baseline.value if i.baseline else None)
        for i in vnplan.process(path).indicators
    }
    assert got == {
        ("Chè", "Tấn", 500.0, 2026, None),
        ("Chè", "Tấn", 650.0, 2027, None),
        ("Sản lượng cà phê", "Tấn", 1100.0, 2026, 1000.0),
        ("Sản lượng cà phê", "Tấn", 1200.0, 2027, 1000.0),
    }


def test_two_cells_over_the_years_and_the_periods() -> None:
    # "Kế hoạch" spans the years, "Tốc độ tăng bình quân (%)" the periods beside them
    top = ["STT", "Chỉ tiêu", "ĐVT", "Ước thực hiện năm 2025", "Kế hoạch", "Tốc độ tăng bình quân (%)", "Ghi chú"]
    lower = ["2026", "2027", "2028", "2021-2025", "2026-2028"]
    paths = header_paths([top, lower], width=8)
    assert paths[:4] == top[:4]
    assert paths[4:7] == ["Kế hoạch / 2026", "Kế hoạch / 2027", "Kế hoạch / 2028"]
    assert paths[7:9] == ["Tốc độ tăng bình quân (%) / 2021-2025", "Tốc độ tăng bình quân (%) / 2026-2028"]
    assert paths[9] == "Ghi chú"


def test_a_growth_column_beside_the_years_is_a_target_of_its_own(tmp_path: Path) -> None:
    rows = [
        "STT\tChỉ tiêu\tĐVT\tƯớc thực hiện năm 2025\tKế hoạch\tTốc độ tăng bình quân (%)\tGhi chú",
        "2026\t2027\t2021-2025\t2026-2027",
        "1\tKim ngạch xuất khẩu\tTriệu USD\t450\t500\t560\t8,5\t11,5",
    ]
    assert _small(tmp_path, rows, period="giai đoạn 2026 - 2027") == {
        ("Kim ngạch xuất khẩu", "Triệu USD", 500.0, 2026, 450.0),
        ("Kim ngạch xuất khẩu", "Triệu USD", 560.0, 2027, 450.0),
        ("Tốc độ tăng bình quân kim ngạch xuất khẩu", "%", 11.5, 2027, 8.5),
    }


def test_two_tables_under_one_appendix_are_read_each_by_its_own_header(tmp_path: Path) -> None:
    text = SMALL.format(period="giai đoạn 2026 - 2027", caption="", table="") + "\n".join(
        [
            "PHỤ LỤC",
            "Biểu 01: Các chỉ tiêu chủ yếu",
            "STT\tChỉ tiêu\tĐVT\tƯớc thực hiện năm 2025\tNăm 2026\tNăm 2027",
            "1\tTỷ lệ hộ nghèo\t%\t3,5\t3\t2,5",
            "Biểu 02: Nhiệm vụ trọng tâm",
            "STT\tNhiệm vụ\tCơ quan chủ trì\tThời gian hoàn thành",
            "1\tRà soát danh sách hộ nghèo\tSở Nông nghiệp và Môi trường\tNăm 2026",
        ]
    )
    path = tmp_path / "appendix.txt"
    path.write_text(text, encoding="utf-8")
    plan = vnplan.process(path)
    assert {(i.name, i.target.value, i.target_year) for i in plan.indicators} == {
        ("Tỷ lệ hộ nghèo", 3.0, 2026),
        ("Tỷ lệ hộ nghèo", 2.5, 2027),
    }
    assert [(a.name, a.lead_unit, a.deadline) for a in plan.activities] == [
        ("Rà soát danh sách hộ nghèo", "Sở Nông nghiệp và Môi trường", "Năm 2026")
    ]


# Families of real tables the forms above did not have (found on fresh plans of the 3-year budget and export
# kinds, 2026-12-03; the rows below are written in their general form, the expected records read by hand).


def _debris_plan(tmp_path: Path, period: str, caption: str, rows: list[list[str]]) -> PlanDocument:
    text = "# " + SMALL.format(period=period, caption=caption, table=_debris_rows(rows))
    path = tmp_path / "plan.md"
    path.write_text(text, encoding="utf-8")
    return vnplan.process(path)


def _records(plan: PlanDocument) -> set[tuple]:
    return {
        (i.name, i.target.unit, i.target.value, i.target_year, i.baseline.value if i.baseline else None)
        for i in plan.indicators
    }


def test_years_under_a_period_cell_are_no_comparison_of_two_years(tmp_path: Path) -> None:
    # "Kế hoạch giai đoạn 2026 - 2028" over "2026 | 2027 | 2028": the path "… 2028 / 2026" compares nothing
    plan = _debris_plan(
        tmp_path,
        "giai đoạn 2026 - 2028",
        "**Biểu chỉ tiêu**",
        [
            ["**TT**", "**Sản phẩm**", "**ĐVT**", "**Ước thực hiện năm 2025**", "**Kế hoạch giai đoạn 2026 - 2028**"],
            ["**2026**", "**2027**", "**2028**"],
            ["1", "Kim ngạch xuất khẩu", "Triệu USD", "150", "165", "180", "200"],
        ],
    )
    assert _records(plan) == {
        ("Kim ngạch xuất khẩu", "Triệu USD", 165.0, 2026, 150.0),
        ("Kim ngạch xuất khẩu", "Triệu USD", 180.0, 2027, 150.0),
        ("Kim ngạch xuất khẩu", "Triệu USD", 200.0, 2028, 150.0),
    }


def test_a_year_cell_over_its_estimate_and_its_plan_in_a_web_copy(tmp_path: Path) -> None:
    # "Năm 2025" spans "Dự toán | Ước thực hiện": the top row is short by one cell, the unit stays the unit
    plan = _debris_plan(
        tmp_path,
        "03 năm 2026 - 2027",
        "**Biểu số 01**",
        [
            [
                "**STT**",
                "**Chỉ tiêu**",
                "**Đơn vị tính**",
                "**Năm 2025**",
                "**Kế hoạch năm 2026**",
                "**Dự kiến năm 2027**",
            ],
            ["**Dự toán**", "**Ước thực hiện**"],
            ["1", "Tốc độ tăng trưởng GRDP", "%", "8,0", "8,2", "10,0", "10,5"],
            ["2", "GRDP bình quân đầu người", "Triệu đồng", "99,5", "101,2", "111,0", "122,0"],
        ],
    )
    assert _records(plan) == {
        ("Tốc độ tăng trưởng GRDP", "%", 10.0, 2026, 8.2),
        ("Tốc độ tăng trưởng GRDP", "%", 10.5, 2027, 8.2),
        ("GRDP bình quân đầu người", "Triệu đồng", 111.0, 2026, 101.2),
        ("GRDP bình quân đầu người", "Triệu đồng", 122.0, 2027, 101.2),
    }
    assert {i.target.kind for i in plan.indicators if i.name.startswith("Tốc độ")} == {"change"}
    assert not plan.budgets  # GRDP is no amount the plan allocates: the money word is the past column's


def test_a_budget_table_gives_its_rate_rows_as_targets_and_its_amounts_as_budgets(tmp_path: Path) -> None:
    # "Dự toán năm 2026" in "Đơn vị: Triệu đồng": amounts are budgets, "Tốc độ tăng thu (%)" a target per year
    plan = _debris_plan(
        tmp_path,
        "03 năm 2026 - 2027",
        "*Đơn vị: Triệu đồng*",
        [
            ["**STT**", "**Nội dung**", "**Ước thực hiện năm 2025**", "**Dự toán năm 2026**", "**Dự kiến năm 2027**"],
            ["A", "Tổng thu NSNN trên địa bàn", "12.500.000", "13.700.000", "15.100.000"],
            ["", "Tốc độ tăng thu NSNN trên địa bàn (%)", "9,5", "9,6", "10,2"],
            ["", "Tỷ lệ huy động vào NSNN so với GRDP", "6,3", "6,2", "6,3"],
        ],
    )
    assert _records(plan) == {
        ("Tốc độ tăng thu NSNN trên địa bàn", "%", 9.6, 2026, 9.5),
        ("Tốc độ tăng thu NSNN trên địa bàn", "%", 10.2, 2027, 9.5),
        ("Tỷ lệ huy động vào NSNN so với GRDP", "%", 6.2, 2026, 6.3),
        ("Tỷ lệ huy động vào NSNN so với GRDP", "%", 6.3, 2027, 6.3),
    }
    assert sorted(b.amount_vnd for b in plan.budgets) == [13_700_000_000_000, 15_100_000_000_000]


def test_a_quantity_row_measures_the_item_above_it_under_a_total(tmp_path: Path) -> None:
    # "I. Tổng kim ngạch" / "1. Hồi" / "- Sản lượng": the output of Hồi; the growth column is the period's
    plan = _debris_plan(
        tmp_path,
        "giai đoạn 2026 - 2027",
        "**Biểu chỉ tiêu**",
        [
            [
                "**TT**",
                "**Sản phẩm**",
                "**ĐVT**",
                "**Năm 2025**",
                "**Năm 2026**",
                "**Năm 2027**",
                "**Tốc độ tăng bình quân (%)**",
            ],
            ["I", "Tổng kim ngạch xuất khẩu", "Triệu USD", "150", "165", "180", "9,5"],
            ["1", "Hồi", "", "", "", "", ""],
            ["-", "Sản lượng", "Tấn", "2.800", "3.000", "3.100", "5,2"],
        ],
    )
    assert ("Sản lượng hồi", "Tấn", 3100.0, 2027, 2800.0) in _records(plan)
    assert ("Tốc độ tăng bình quân sản lượng hồi", "%", 5.2, 2027, None) in _records(plan)
    assert ("Tốc độ tăng bình quân tổng kim ngạch xuất khẩu", "%", 9.5, 2027, None) in _records(plan)


@pytest.mark.parametrize(
    ("top", "lower", "width", "expected"),
    [
        # "Kế hoạch" over years written with their own plan word ("KH năm 2026")
        (
            ["STT", "Chỉ tiêu", "ĐVT", "Thực hiện năm 2025", "Kế hoạch"],
            ["KH năm 2026", "KH năm 2027"],
            6,
            ["Thực hiện năm 2025", "Kế hoạch / KH năm 2026", "Kế hoạch / KH năm 2027"],
        ),
    ],
)
def test_a_short_top_row_over_years_written_with_their_plan_word(top, lower, width, expected) -> None:
    assert header_paths([top, lower], width=width)[3:] == expected


# Whole fresh documents of corpus/dev/tables4 whose tables hold no target (hand gold: no indicator at all; README
# there): a thuvienphapluat web copy whose appendix lists trade-fair venues with their addresses, one cell per line,
# and the task table of NQ 03/NQ-CP Phụ lục II, figures inside tasks and in its "Kết quả" cells.
TABLES4 = Path(__file__).resolve().parents[2] / "corpus" / "dev" / "tables4"


@pytest.mark.parametrize(
    ("name", "header"),
    [
        ("bn-qd471-hoi-cho-trien-lam-2026.md", ["STT", "Địa điểm", "Địa chỉ"]),
        (
            "cp-nq03-pl2-nhiem-vu-nq57-2025.md",
            ["TT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Kết quả", "Thời gian hoàn thành"],
        ),
    ],
)
def test_tables_of_places_and_of_tasks_give_no_target(name: str, header: list[str]) -> None:
    """The table is read (its header row is the one the document prints), and none of its figures becomes a target:
    a venue's road number, '114 Cơ sở dữ liệu quốc gia' inside a task, a task's product 'Ít nhất 10 cơ sở được thành
    lập' (FORMAT.md R3)."""
    plan = vnplan.process(TABLES4 / name)
    tables = [t for t in plan.tables if [cell.text.strip() for cell in t.rows[0]][: len(header)] == header]
    assert len(tables) == 1 and len(tables[0].rows) > 30
    assert [i.name for i in plan.indicators if i.provenance.method == "rule:target_table_cell"] == []
