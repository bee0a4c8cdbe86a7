"""Tables of targets beyond the year-column forms of test_target_tables.py: a column of results whose year is a
group row's ("I. Đến năm 2030"), cells with several targets or words after the figure, columns that report the
past, comparison and change columns, two tables one after the other, change rows and share units.

The first family is a real appendix (tests/fixtures/devdocs/nq03_cp_pl1_excerpt.md, Nghị quyết 03/NQ-CP); the
others are written in the general form of such tables, their expected records read by hand.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import vnplan
from vnplan.schema.model import PlanDocument

FIXTURES = Path(__file__).parent.parent / "fixtures"


def _records(plan: PlanDocument) -> set[tuple]:
    return {
        (i.label, i.name, i.target.value, i.target.comparator, i.target.value_max, i.target.unit, i.target_year)
        for i in plan.indicators
    }


def test_a_results_column_takes_the_year_of_its_group_row() -> None:
    plan = vnplan.process(FIXTURES / "devdocs" / "nq03_cp_pl1_excerpt.md")
    # an appendix published on its own that says it is attached to a programme is part of a plan
    assert "not_a_plan" not in {w.code for w in plan.warnings}
    got = _records(plan)
    assert ("10", "Quy mô kinh tế số", 30.0, ">=", None, "% GDP", 2030) in got
    assert ("36", "Quy mô kinh tế số", 50.0, ">=", None, "% GDP", 2045) in got  # under "II. Đến năm 2045"
    assert (
        "11.1",
        "Tỉ lệ sử dụng dịch vụ công trực tuyến của người dân và doanh nghiệp",
        80.0,
        ">=",
        None,
        "%",
        2030,
    ) in got
    # a result in words ("Một số lĩnh vực đạt trình độ quốc tế") is no figure; a group row no target
    assert {i.label for i in plan.indicators} == {"4", "10", "11.1", "14", "17", "18", "20", "21", "23.3", "36", "41"}
    assert all(i.provenance.method == "rule:target_table_cell" for i in plan.indicators)


def test_cells_with_two_ranks_a_range_in_percent_and_words_after_the_figure() -> None:
    got = _records(vnplan.process(FIXTURES / "devdocs" / "nq03_cp_pl1_excerpt.md"))
    # "≤ 3 Đông Nam Á; ≤ 50 Thế giới": one target per part, named with where it is ranked
    assert ("4", "Xếp hạng năng lực cạnh tranh số (Đông Nam Á)", 3.0, "<=", None, "Thứ bậc", 2030) in got
    assert ("4", "Xếp hạng năng lực cạnh tranh số (Thế giới)", 50.0, "<=", None, "Thứ bậc", 2030) in got
    assert any(r[0] == "41" and r[2:] == (20.0, ">=", 50.0, "%", 2045) for r in got)  # "20% - 50%"
    assert any(
        r[0] == "17" and r[2:] == (3.0, ">=", None, "% tổng chi NSNN", 2030) for r in got
    )  # "≥ 3% và tăng dần …"
    assert any(r[0] == "18" and r[5] == "Người/10.000 dân" for r in got)  # "vạn dân" written as the project does
    assert any(r[0] == "14" and r[5] == "Chỉ số phát triển con người (HDI)" for r in got)  # its bracket kept


def test_growth_rows_are_changes_and_shares_and_magnitudes_are_levels() -> None:
    plan = vnplan.process(FIXTURES / "devdocs" / "nq03_cp_pl1_excerpt.md")
    kinds = {i.label: i.target.kind for i in plan.indicators}
    assert kinds["20"] == kinds["21"] == "change"  # "… tăng trung bình", "%/năm"
    assert kinds["10"] == kinds["17"] == "level"  # "% GDP", "% tổng chi NSNN": shares
    assert kinds["23.3"] == kinds["14"] == "level"  # "Tbps", an index


PLAN = """**ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ**

Số: 88/KH-UBND
{date}
**KẾ HOẠCH**

**{title}**

**I. CÁC CHỈ TIÊU CHỦ YẾU**

{tables}

**II. TỔ CHỨC THỰC HIỆN**

1. Sở Tài chính chủ trì, phối hợp với các sở, ngành tổng hợp, báo cáo.
"""


def _pipe(rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
    return "\n".join([*lines, *("| " + " | ".join(row) + " |" for row in rows[1:])])


def _plan(tmp_path: Path, tables: str, title: str = "Phát triển giáo dục nghề nghiệp", date: str = "") -> PlanDocument:
    path = tmp_path / "plan.md"
    path.write_text(PLAN.format(tables=tables, title=title, date=date), encoding="utf-8")
    return vnplan.process(path)


def _targets(plan: PlanDocument) -> set[tuple]:
    return {
        (i.name, i.target.value, i.target.unit, i.target.kind, i.target_year, i.baseline.value if i.baseline else None)
        for i in plan.indicators
    }


def test_two_tables_one_after_the_other_are_two_tables(tmp_path: Path) -> None:
    # "Bảng 2." and its own header after the rows of "Bảng 1": the second table's columns are its own
    first = _pipe(
        [["STT", "Chỉ tiêu", "Đơn vị", "Kế hoạch năm 2026"], ["1", "Tuyển sinh trình độ cao đẳng", "Người", "3.500"]]
    )
    second = _pipe(
        [
            ["STT", "Chỉ tiêu", "Mục tiêu đến năm 2025", "Mục tiêu đến năm 2030"],
            ["1", "Tỷ lệ lao động có bằng cấp, chứng chỉ (%)", "30", "35 - 40"],
        ]
    )
    plan = _plan(
        tmp_path,
        f"Bảng 1. Chỉ tiêu tuyển sinh\n\n{first}\n\nBảng 2.\n\n{second}",
        "Phát triển giáo dục nghề nghiệp giai đoạn 2026 - 2030",
    )
    assert _targets(plan) == {
        ("Tuyển sinh trình độ cao đẳng", 3500.0, "Người", "count", 2026, None),
        ("Tỷ lệ lao động có bằng cấp, chứng chỉ", 35.0, "%", "level", 2030, 30.0),
    }
    assert [i.target.value_max for i in plan.indicators] == [None, 40.0]


def test_abbreviated_execution_columns_report_the_past(tmp_path: Path) -> None:
    # "TH 2024" without a period in the title: executed, so the baseline, never a target
    table = _pipe(
        [
            ["STT", "Chỉ tiêu", "Đơn vị tính", "TH 2024", "2026", "2027"],
            ["1", "Tỷ lệ hộ nghèo theo chuẩn đa chiều", "%", "1,2", "1,0", "0,8"],
        ]
    )
    assert _targets(_plan(tmp_path, table, "Thực hiện Chương trình giảm nghèo")) == {
        ("Tỷ lệ hộ nghèo theo chuẩn đa chiều", 1.0, "%", "level", 2026, 1.2),
        ("Tỷ lệ hộ nghèo theo chuẩn đa chiều", 0.8, "%", "level", 2027, 1.2),
    }


def test_columns_before_the_year_the_plan_was_issued_report_the_past(tmp_path: Path) -> None:
    table = _pipe(
        [["STT", "Chỉ tiêu", "ĐVT", "Năm 2024", "Năm 2026"], ["1", "Số hộ thoát nghèo", "Hộ", "1.500", "1.200"]]
    )
    plan = _plan(tmp_path, table, "Thực hiện Chương trình giảm nghèo", "Quảng Trị, ngày 10 tháng 12 năm 2025\n")
    assert _targets(plan) == {("Số hộ thoát nghèo", 1200.0, "Hộ", "count", 2026, 1500.0)}


def test_rows_of_growth_or_reduction_are_changes_and_a_counted_noun_in_brackets_is_the_unit(tmp_path: Path) -> None:
    table = _pipe(
        [
            ["STT", "Chỉ tiêu", "Ước thực hiện năm 2025", "Kế hoạch năm 2026"],
            ["1", "Giảm tỷ lệ hộ nghèo bình quân (%)", "1,5", "khoảng 1"],
            ["2", "Số xã đạt chuẩn nông thôn mới (xã)", "40", "từ 45"],
            ["3", "Tỷ lệ trường đạt chuẩn quốc gia (%)", "70", "Trên 75%"],
        ]
    )
    plan = _plan(tmp_path, table, "Phát triển kinh tế - xã hội năm 2026")
    assert _targets(plan) == {
        ("Giảm tỷ lệ hộ nghèo bình quân", 1.0, "%", "change", 2026, 1.5),
        ("Số xã đạt chuẩn nông thôn mới", 45.0, "xã", "count", 2026, 40.0),
        ("Tỷ lệ trường đạt chuẩn quốc gia", 75.0, "%", "level", 2026, 70.0),
    }
    assert [i.target.comparator for i in plan.indicators] == ["=", ">=", ">"]  # "khoảng", "từ", "Trên"


def test_comparison_columns_state_the_change_of_the_plan_year(tmp_path: Path) -> None:
    # FORMAT.md R3 (comparison columns): "So sánh KH 2026/ƯTH 2025 (%)" is the plan year's change, a comparison of
    # two past years none
    table = _pipe(
        [
            [
                "TT",
                "Chỉ tiêu",
                "ĐVT",
                "TH 2024",
                "ƯTH 2025",
                "So sánh ƯTH 2025/TH 2024 (%)",
                "KH 2026",
                "So sánh KH 2026/ƯTH 2025 (%)",
            ],
            ["1", "Tổng kim ngạch xuất khẩu", "Triệu USD", "1.250", "1.400", "112,0", "1.550", "110,7"],
        ]
    )
    got = _targets(_plan(tmp_path, table, "Phát triển kinh tế - xã hội năm 2026"))
    assert got == {
        ("Tổng kim ngạch xuất khẩu", 1550.0, "Triệu USD", "level", 2026, 1400.0),
        ("Tổng kim ngạch xuất khẩu so với năm trước", 110.7, "%", "change", 2026, None),
    }


def test_a_change_column_without_years_after_several_plan_years(tmp_path: Path) -> None:
    table = _pipe(
        [
            ["TT", "Chỉ tiêu", "ĐVT", "Ước thực hiện năm 2025", "Năm 2026", "Năm 2027", "Tăng/giảm (%)"],
            ["1", "Diện tích sản xuất ứng dụng công nghệ cao", "Nghìn ha", "85", "90", "95", "5,9"],
        ]
    )
    got = _targets(_plan(tmp_path, table, "Phát triển nông nghiệp giai đoạn 2026 - 2027"))
    assert ("Tăng/giảm diện tích sản xuất ứng dụng công nghệ cao", 5.9, "%", "change", 2027, None) in got


def test_a_money_table_keeps_its_comparisons_out_of_the_targets(tmp_path: Path) -> None:
    # amounts and their comparisons are the budget's arithmetic: budgets, no targets (a money table stays budgets)
    table = _pipe(
        [
            ["STT", "Nội dung", "Ước thực hiện năm 2025", "Dự toán năm 2026", "So sánh (%)"],
            ["1", "Chi đầu tư phát triển", "1.200", "1.350", "112,5"],
        ]
    )
    plan = _plan(tmp_path, f"Đơn vị: Triệu đồng\n\n{table}", "Dự toán ngân sách năm 2026")
    assert plan.indicators == []
    assert [b.amount_vnd for b in plan.budgets] == [1_350_000_000]


# Rows of the appendix of Lào Cai's Công văn 7323/UBND-TH (2026) assigning the targets of Nghị quyết 169/NQ-CP, as
# transcribed in the public repository Trangsct/skill-sct (dacn-sct-vn/skills/dacn-sct-vn/references/02-chi-tieu-
# nq169-sct.md @ 0cb8ef13fb43c50f33ce538824a62a0d2a2982ea): a period column "GĐ 2026-2030", a quarter's result, the
# year's target, sub-rows "7a | — Nhóm …" under a growth row, and a second table without a unit column whose
# "Chủ trì" column names who follows each target.
ASSIGNED = [
    ["TT", "Chỉ tiêu", "ĐVT", "GĐ 2026-2030", "Quý I/2026", "Mục tiêu 2026", "Cơ quan phối hợp"],
    [
        "4",
        "Tỷ trọng công nghiệp chế biến, chế tạo trong GRDP đến năm 2030",
        "%",
        "13,8",
        "12,26",
        "**11,8**",
        "Thống kê tỉnh",
    ],
    ["7", "Tăng trưởng giá trị kim ngạch **xuất khẩu** hàng hoá", "%", "23", "27,15", "**93,5**", "Thống kê tỉnh"],
    ["7a", "— Nhóm nông, lâm, thuỷ sản", "%", "31,12", "54,6", "**87,5**", "Thống kê tỉnh"],
    ["15", "Tăng trưởng điện thương phẩm bình quân", "%", ">11", "4,97", "**12,10**", "Thống kê tỉnh"],
]
OTHERS = [
    ["TT", "Chỉ tiêu", "GĐ 2026-2030", "Mục tiêu 2026", "Chủ trì"],
    ["2", "GRDP bình quân đầu người đến 2030 (USD)", "4.961", "3.665", "nt"],
    ["12", "Tốc độ tăng năng suất lao động bình quân/năm", ">6,5", "—", "Thống kê tỉnh"],
]


def test_a_period_column_a_quarter_and_the_year_and_a_table_of_targets_with_who_follows_them(tmp_path: Path) -> None:
    plan = _plan(
        tmp_path, f"{_pipe(ASSIGNED)}\n\n{_pipe(OTHERS)}", "Thực hiện Nghị quyết số 169/NQ-CP giai đoạn 2026-2030"
    )
    assert _targets(plan) == {
        # "GĐ 2026-2030" is the period's last year; "Quý I/2026" a result of part of the year, no target
        ("Tỷ trọng công nghiệp chế biến, chế tạo trong GRDP", 13.8, "%", "level", 2030, None),
        ("Tỷ trọng công nghiệp chế biến, chế tạo trong GRDP", 11.8, "%", "level", 2026, None),
        ("Tăng trưởng giá trị kim ngạch xuất khẩu hàng hóa", 23.0, "%", "change", 2030, None),
        ("Tăng trưởng giá trị kim ngạch xuất khẩu hàng hóa", 93.5, "%", "change", 2026, None),
        # "7a" is a row under "7"; "— Nhóm …" a part of the growth above it
        ("Tăng trưởng giá trị kim ngạch xuất khẩu hàng hóa nhóm nông, lâm, thủy sản", 31.12, "%", "change", 2030, None),
        ("Tăng trưởng giá trị kim ngạch xuất khẩu hàng hóa nhóm nông, lâm, thủy sản", 87.5, "%", "change", 2026, None),
        ("Tăng trưởng điện thương phẩm bình quân", 11.0, "%", "change", 2030, None),
        ("Tăng trưởng điện thương phẩm bình quân", 12.1, "%", "change", 2026, None),
        # the second table: a header of another width after the first table's rows; "Chủ trì" makes no task table
        ("GRDP bình quân đầu người", 4961.0, "USD", "level", 2030, None),
        ("GRDP bình quân đầu người", 3665.0, "USD", "level", 2026, None),
        ("Tốc độ tăng năng suất lao động bình quân/năm", 6.5, None, "change", 2030, None),
    }
    assert {i.label for i in plan.indicators} == {"4", "7", "7a", "15", "2", "12"}


@pytest.mark.parametrize(
    "top",
    [
        # a Markdown copy repeats a merged header cell over the columns it spans, or leaves them blank
        ["STT", "Chỉ tiêu", "ĐVT", "Ước TH 2025", "Kế hoạch", "Kế hoạch", "Kế hoạch"],
        ["STT", "Chỉ tiêu", "ĐVT", "Ước TH 2025", "Kế hoạch giai đoạn 2026 - 2028", "", ""],
    ],
)
def test_a_header_over_two_markdown_rows_with_its_merged_cell_repeated_or_blank(tmp_path: Path, top: list[str]) -> None:
    rows = [
        top,
        ["", "", "", "", "2026", "2027", "2028"],
        ["1", "Tổng lượt khách du lịch", "Nghìn lượt", "8.500", "9.000", "9.600", "10.200"],
    ]
    plan = _plan(tmp_path, _pipe(rows), "Phát triển du lịch giai đoạn 2026 - 2028")
    assert _targets(plan) == {
        ("Tổng lượt khách du lịch", value, "Nghìn lượt", "count", year, 8500.0)
        for value, year in ((9000.0, 2026), (9600.0, 2027), (10200.0, 2028))
    }


def test_a_word_table_of_results_with_group_rows_merged_across(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    for line in (
        "ỦY BAN NHÂN DÂN TỈNH LÀO CAI",
        "Số: 120/KH-UBND",
        "KẾ HOẠCH",
        "Thực hiện Nghị quyết số 169/NQ-CP",
        "I. CHỈ TIÊU",
    ):
        document.add_paragraph(line)
    rows = [
        ["TT", "Chỉ tiêu", "Đơn vị", "Kết quả", "Cơ quan chủ trì"],
        ["I", "Đến năm 2030"],
        ["1", "Quy mô kinh tế số", "% GDP", "≥ 30", "Sở Khoa học và Công nghệ"],
        ["2", "Xếp hạng chỉ số cải cách hành chính", "Thứ bậc", "≤ 10 cả nước; ≤ 2 vùng", "Sở Nội vụ"],
        ["II", "Đến năm 2045"],
        ["3", "Quy mô kinh tế số", "% GDP", "≥ 50", "Sở Khoa học và Công nghệ"],
    ]
    table = document.add_table(rows=len(rows), cols=5)
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        if len(row) == 2:  # a group row: its words in one cell merged over the row
            table.cell(r, 0).text = row[0]
            table.cell(r, 1).merge(table.cell(r, 4)).text = row[1]
            continue
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.add_paragraph("II. TỔ CHỨC THỰC HIỆN")
    document.add_paragraph("1. Sở Tài chính chủ trì, phối hợp với các sở, ngành triển khai.")
    path = tmp_path / "plan.docx"
    document.save(str(path))
    assert _records(vnplan.process(path)) == {
        ("1", "Quy mô kinh tế số", 30.0, ">=", None, "% GDP", 2030),
        ("2", "Xếp hạng chỉ số cải cách hành chính (cả nước)", 10.0, "<=", None, "Thứ bậc", 2030),
        ("2", "Xếp hạng chỉ số cải cách hành chính (vùng)", 2.0, "<=", None, "Thứ bậc", 2030),
        ("3", "Quy mô kinh tế số", 50.0, ">=", None, "% GDP", 2045),
    }


def test_a_ruled_pdf_table_of_results_published_as_an_appendix(tmp_path: Path) -> None:
    # a digital PDF (fpdf2, DejaVu): the appendix on its own, group rows merged over the row, a cell of two ranks
    from fpdf import FPDF

    fonts = Path("/usr/share/fonts/truetype/dejavu")
    pdf = FPDF()
    pdf.add_font("dv", "", str(fonts / "DejaVuSerif.ttf"))
    pdf.add_font("dv", "B", str(fonts / "DejaVuSerif-Bold.ttf"))
    pdf.add_page()
    pdf.set_font("dv", size=11)
    for line in (
        "PHỤ LỤC I",
        "DANH MỤC CÁC CHỈ TIÊU CỤ THỂ",
        "(Kèm theo Chương trình hành động của Ủy ban nhân dân tỉnh)",
    ):
        pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("dv", size=9)
    rows = [
        ["TT", "Chỉ tiêu", "Đơn vị", "Kết quả", "Cơ quan chủ trì theo dõi"],
        ["I", "Đến năm 2030"],
        ["1", "Quy mô kinh tế số", "% GDP", "≥ 30", "Sở Khoa học và Công nghệ"],
        [
            "2",
            "Xếp hạng năng lực cạnh tranh số",
            "Thứ bậc",
            "≤ 3 Đông Nam Á; ≤ 50 Thế giới",
            "Sở Khoa học và Công nghệ",
        ],
        ["II", "Đến năm 2045"],
        ["3", "Quy mô kinh tế số", "% GDP", "≥ 50", "Sở Khoa học và Công nghệ"],
    ]
    with pdf.table(col_widths=(10, 70, 25, 35, 45), text_align="LEFT") as table:
        for cells in rows:
            row = table.row()
            for index, text in enumerate(cells):
                row.cell(text, colspan=4 if len(cells) == 2 and index == 1 else 1)
    path = tmp_path / "appendix.pdf"
    pdf.output(str(path))
    assert _records(vnplan.process(path)) == {
        ("1", "Quy mô kinh tế số", 30.0, ">=", None, "% GDP", 2030),
        ("2", "Xếp hạng năng lực cạnh tranh số (Đông Nam Á)", 3.0, "<=", None, "Thứ bậc", 2030),
        ("2", "Xếp hạng năng lực cạnh tranh số (Thế giới)", 50.0, "<=", None, "Thứ bậc", 2030),
        ("3", "Quy mô kinh tế số", 50.0, ">=", None, "% GDP", 2045),
    }


def test_a_table_whose_rows_are_the_years(tmp_path: Path) -> None:
    # "Năm | Tỷ lệ hộ nghèo (%) | …": the columns are the quantities, each row a year; the row of execution before
    # the plan gives the baselines
    table = _pipe(
        [
            ["Năm", "Tỷ lệ hộ nghèo (%)", "Số xã đạt chuẩn nông thôn mới (xã)"],
            ["Thực hiện năm 2025", "15,0", "40"],
            ["2026", "12,5", "45"],
            ["2027", "10,0", "52"],
        ]
    )
    assert _targets(_plan(tmp_path, table, "Giảm nghèo bền vững giai đoạn 2026 - 2027")) == {
        ("Tỷ lệ hộ nghèo", 12.5, "%", "level", 2026, 15.0),
        ("Tỷ lệ hộ nghèo", 10.0, "%", "level", 2027, 15.0),
        ("Số xã đạt chuẩn nông thôn mới", 45.0, "xã", "count", 2026, 40.0),
        ("Số xã đạt chuẩn nông thôn mới", 52.0, "xã", "count", 2027, 40.0),
    }
