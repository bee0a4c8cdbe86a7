"""Money tables: what each column holds (structure/columns.py), the words about money
(structure/money.py), and budgets read from tables with a header, on excerpts of real plans.

The expected figures were read from the source files (realdocs 02 Mẫu biểu số 02, realdocs 10
Phụ lục II), not from the program's output.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import vnplan
from vnplan.schema.model import Budget, Provenance
from vnplan.structure.budgets import complete_hierarchy, merge_restated_totals, sum_warnings
from vnplan.structure.columns import header_paths, read_columns, table_scale
from vnplan.structure.money import ALLOCATION, REPORTED, direction, funding_source

FIXTURES = Path(__file__).parent.parent / "fixtures" / "realdocs"


@pytest.mark.parametrize(
    ("header", "kind"),
    [
        ("STT", "label"),
        ("TT", "label"),
        ("Đơn vị tính", "measure_unit"),
        ("ĐVT", "measure_unit"),
        ("Đơn giá (đồng)", "unit_price"),
        ("Định mức kinh phí hỗ trợ/ theo năm học", "unit_price"),
        ("So sánh năm 2026 với ƯTH năm 2025", "percent"),
        ("DT 2026 với UTH 2025 (%)", "percent"),
        ("Số lượng (mẫu)", "quantity"),
        ("Cơ quan chủ trì", "lead"),
        ("Đơn vị thực hiện", "lead"),
        ("Người thực hiện & kết quả", "lead"),  # a timetable's "who" column, before its "kết quả"
        ("Cơ quan thực hiện", "lead"),
        ("Cơ quan phối hợp", "support"),
        ("Cấp trình", "approval"),
        ("Sản phẩm dự kiến", "product"),
        ("Thời gian hoàn thành", "deadline"),
        ("Ghi chú", "notes"),
        ("Thành tiền (đồng)", "amount"),
        ("Dự kiến 03 năm kế hoạch / Năm 2026", "amount"),
        ("Kế hoạch vốn năm 2023 / Trong đó: NSTW", "amount"),
        ("Nội dung", "name"),
        ("Tên đơn vị", "name"),
        ("Đơn vị được kiểm tra", "name"),
        ("Chỉ tiêu", "name"),
    ],
)
def test_column_kinds(header: str, kind: str) -> None:
    assert read_columns([header])[0].kind == kind


def test_column_year_past_sum_and_source() -> None:
    columns = read_columns(
        [
            "Năm hiện hành 2025 / Đánh giá thực hiện",
            "Dự kiến 03 năm kế hoạch / Năm 2027",
            "Kế hoạch vốn năm 2023 / Tổng số",
            "Kế hoạch vốn năm 2023 / Trong đó: NSĐP",
            "Số người được hỗ trợ",
        ]
    )
    assert [c.year for c in columns] == [2025, 2027, 2023, 2023, None]
    assert [c.past for c in columns] == [True, False, False, False, False]
    assert [c.is_sum for c in columns] == [False, False, True, False, False]
    assert [c.funding_source for c in columns] == [None, None, None, "ngân sách địa phương", None]


def test_header_paths_align_rows_that_lost_their_spans() -> None:
    # realdocs 02, Mẫu biểu số 02: "STT" and "Nội dung" span two header rows; "Năm hiện hành 2025"
    # spans three columns and "Dự kiến 03 năm kế hoạch" three; the table is eight columns wide.
    top = ["STT", "Nội dung", "Năm hiện hành 2025", "Dự kiến 03 năm kế hoạch"]
    lower = [
        "Dự toán TTg giao",
        "Dự toán HĐND tỉnh quyết định",
        "Đánh giá thực hiện",
        "Năm 2026",
        "Năm 2027",
        "Năm 2028",
    ]
    paths = header_paths([top, lower], width=8)
    assert paths[:2] == ["STT", "Nội dung"]
    assert paths[2].endswith("Dự toán TTg giao") and paths[5].endswith("Năm 2026")
    assert paths[7].endswith("Năm 2028")


def test_header_paths_put_a_short_lower_row_under_its_spanning_cell() -> None:
    # realdocs 02, Mẫu biểu số 03: "Năm hiện hành 2025" spans "Dự toán" and "Ước thực hiện"
    top = [
        "STT",
        "Nội dung",
        "Năm hiện hành 2025",
        "Dự kiến dự toán năm 2026",
        "So sánh năm 2026 với ƯTH năm 2025",
        "Dự kiến năm 2027",
        "Dự kiến năm 2028",
    ]
    paths = header_paths([top, ["Dự toán", "Ước thực hiện"]], width=8)
    assert paths[2:4] == ["Năm hiện hành 2025 / Dự toán", "Năm hiện hành 2025 / Ước thực hiện"]
    assert paths[4:] == top[3:]


@pytest.mark.parametrize(
    ("texts", "scale"),
    [
        (["(Kèm theo Kế hoạch số 0204/KH-UBND) Đơn vị: Triệu đồng."], "triệu đồng"),
        (["Đơn vị tính: triệu đồng"], "triệu đồng"),
        (["ĐVT: tỷ đồng"], "tỷ đồng"),
        (["Tên dự án", "Kinh phí (nghìn đồng)"], "nghìn đồng"),
        (["Đơn vị tính: người"], None),
    ],
)
def test_table_scale(texts: list[str], scale: str | None) -> None:
    assert table_scale(texts) == scale


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Kinh phí hỗ trợ đào tạo từ nguồn ngân sách tỉnh", "ngân sách tỉnh"),
        ("Trong đó: NSTW", "ngân sách trung ương"),
        ("vốn ngân sách địa phương", "ngân sách địa phương"),
        ("nguồn xã hội hóa", "xã hội hóa"),
        ("vốn ODA", "vốn vay"),
        ("Thu từ khu vực doanh nghiệp nhà nước", None),
    ],
)
def test_funding_sources(text: str, source: str | None) -> None:
    assert funding_source(text) == source


@pytest.mark.parametrize(
    ("text", "way"),
    [
        ("điều chỉnh giảm dự toán của Sở Y tế với kinh phí là 500 triệu đồng", "decrease"),
        ("cắt giảm 10% chi thường xuyên", "decrease"),
        ("điều chỉnh tăng kinh phí cho Trung tâm", "increase"),
        ("bổ sung kinh phí 200 triệu đồng", "increase"),
        ("Thu bổ sung có mục tiêu từ ngân sách trung ương", None),
    ],
)
def test_directions(text: str, way: str | None) -> None:
    assert direction(text) == way


def test_year_columns_of_a_three_year_budget_table() -> None:
    # realdocs 02 (Cà Mau, plan 2026-2028), Mẫu biểu số 02, first rows; amounts in triệu đồng.
    plan = vnplan.process(FIXTURES / "02_camau_budget_excerpt.md")
    by_year = {(b.year, b.amount_vnd): b for b in plan.budgets}
    assert {b.year for b in plan.budgets} == {2026, 2027, 2028}  # not the 2025 columns
    total = by_year[(2026, 11_405_000 * 10**6)]
    assert total.role == "total" and total.parent is None
    domestic = by_year[(2026, 11_132_000 * 10**6)]  # I. THU NỘI ĐỊA
    assert (domestic.parent, domestic.role) == (total.id, "subtotal")
    central = by_year[(2026, 765_000 * 10**6)]  # 1. Thu từ khu vực doanh nghiệp nhà nước do Trung ương quản lý
    assert central.parent == domestic.id
    vat = by_year[(2026, 342_000 * 10**6)]  # - Thuế giá trị gia tăng
    assert (vat.parent, vat.role) == (central.id, "item")
    assert by_year[(2028, 14_900_700 * 10**6)].role == "total"
    amounts = {b.amount_vnd for b in plan.budgets}
    assert 10_367_700 * 10**6 not in amounts and 11_580_000 * 10**6 not in amounts  # 2025: given, assessed


def test_amount_column_of_a_cost_estimate_with_unit_prices() -> None:
    # realdocs 10 (Đắk Lắk), Phụ lục II: group rows hold their amount in the Thành tiền column only,
    # "-" rows have quantities and a unit price (Đơn giá) before the amount.
    plan = vnplan.process(FIXTURES / "10_daklak_budget_excerpt.md")
    by_amount = {b.amount_vnd: b for b in plan.budgets}
    assert 95_614 not in by_amount  # the unit price of "Nhiệt độ nước"
    group = by_amount[1_364_329_243]  # I. Quan trắc và cảnh báo môi trường NTTS
    assert (group.parent, group.role) == (None, "total")
    regular = by_amount[1_311_038_946]  # 1.
    shrimp = by_amount[428_418_252]  # 1.1
    source_water = by_amount[356_104_944]  # 1.1.1
    parameters = by_amount[257_625_360]  # a
    temperature = by_amount[10_326_312]  # -
    assert (regular.parent, shrimp.parent, source_water.parent) == (group.id, regular.id, shrimp.id)
    assert (parameters.parent, temperature.parent) == (source_water.id, parameters.id)
    assert temperature.role == "item" and parameters.role == "subtotal"
    assert temperature.description.startswith("Nhiệt độ nước")


@pytest.mark.parametrize(
    ("sentence", "allocates"),
    [
        # forms of real decisions and reports (issue 13): allocations outside a "Kinh phí" part
        ("Đề án phát triển nguồn nhân lực y tế: 12.500 triệu đồng (Chi tiết tại Phụ lục 01)", True),
        ("Phê duyệt tổng kinh phí thực hiện Đề án là 12.500 triệu đồng", True),
        ("điều chỉnh giảm dự toán của Trung tâm Y tế huyện với kinh phí là 350 triệu đồng", True),
        ("Tổng vốn đầu tư của Chương trình là 1.250 tỷ đồng", True),
        # realdocs 02, part I: what was collected or spent in the current year
        ("Ước thực hiện năm 2025 là 27.535 tỷ đồng, đạt 102,70% dự toán", False),
        ("Trong năm được bổ sung kế hoạch vốn với số tiền 9,756 tỷ đồng.", False),
        ("đã thu hút 20 dự án đầu tư mới, với tổng số vốn đăng ký 7.285,7 tỷ đồng", False),
    ],
)
def test_allocation_outside_the_budget_part(sentence: str, allocates: bool) -> None:
    assert (bool(ALLOCATION.search(sentence)) and not REPORTED.search(sentence)) is allocates


SEEDS = Path(__file__).parent.parent.parent / "corpus" / "seeds"


def _item_sums(plan: vnplan.PlanDocument) -> dict[str, tuple[int, int]]:
    """Per total without a parent: (its amount, the sum of the items below it) — the documented
    query 'SUM(amount_vnd) WHERE role = item' under each stated total."""
    children: dict[str | None, list] = {}
    for budget in plan.budgets:
        children.setdefault(budget.parent, []).append(budget)

    def items(budget) -> list:
        below = children.get(budget.id, [])
        return [budget] if not below else [leaf for child in below for leaf in items(child)]

    return {
        b.id: (b.amount_vnd or 0, sum(leaf.amount_vnd or 0 for leaf in items(b) if leaf.role == "item"))
        for b in plan.budgets
        if b.parent is None and children.get(b.id)
    }


def test_items_add_up_to_the_stated_totals_of_the_seeds() -> None:
    # Hòa Bình: "Kinh phí năm 2024: 68.765,055 triệu đồng"; Cẩm Thủy: 108 tỷ = 78 + 30
    for seed, total in (("000_16ca09c5d3b7eb2e", 68_765_055_000), ("003_db00a080584846af", 108_000_000_000)):
        sums = _item_sums(vnplan.process(SEEDS / f"{seed}.txt"))
        assert (total, total) in sums.values()
        assert all(stated == items for stated, items in sums.values())


def test_a_breakdown_that_does_not_add_up_is_flagged() -> None:
    # Yên Lạc: "b. Nhu cầu vốn sự nghiệp …: 35 tỉ đồng" with parts of 10 and 10 tỉ (as printed)
    plan = vnplan.process(SEEDS / "002_ca09afea0b59ac62.txt")
    sums = _item_sums(plan)
    assert (35_000_000_000, 20_000_000_000) in sums.values()
    assert sum(stated != items for stated, items in sums.values()) == 1
    assert any(w.code == "budget_sum_mismatch" for w in plan.warnings)


def _budget(id_: str, amount: int, parent: str | None = None) -> Budget:
    """A budget record of the given amount under ``parent``, for the hierarchy rules alone."""
    span = Provenance(page=None, start=0, end=1, text="x", raw_text="x", method="test", confidence=1.0)
    return Budget(
        id=id_,
        description=id_,
        amount_vnd=amount,
        amount_text="",
        year=2026,
        period=None,
        funding_source=None,
        parent=parent,
        section="s",
        provenance=span,
    )


def test_a_total_laid_out_twice_is_one_total_with_two_breakdowns() -> None:
    # issue 13: a 2009 provincial investment plan states its total by source, then again by level
    by_source = [_budget("b1", 100), _budget("b2", 60, "b1"), _budget("b3", 40, "b1")]
    by_level = [_budget("b4", 100), _budget("b5", 70, "b4"), _budget("b6", 30, "b4")]
    kept = merge_restated_totals(by_source + by_level)
    assert [b.id for b in kept] == ["b1", "b2", "b3", "b5", "b6"]
    assert {b.id: b.parent for b in kept if b.parent} == {"b2": "b1", "b3": "b1", "b5": "b1", "b6": "b1"}
    assert {b.id for b in kept if b.breakdown == "restated"} == {"b5", "b6"}  # the second layout, kept out of sums
    assert sum_warnings(kept) == []  # each breakdown adds up to the total
    assert len(sum_warnings([*kept[:2], _budget("b7", 30, "b1")])) == 1  # 60 + 30 is no breakdown of 100


def _by_year_and_amount(plan: vnplan.PlanDocument) -> dict[tuple[int | None, int | None], Budget]:
    return {(b.year, b.amount_vnd): b for b in plan.budgets}


def test_trong_do_rows_of_a_money_table_are_a_selection_of_the_row_above_unless_they_add_up() -> None:
    # realdocs 02, Mẫu biểu số 02, rows 13-17: "Thu tiền sử dụng khu vực biển 19.000 / Trong đó: - … Trung
    # ương 9.000 / - … địa phương 10.000" and "Thu khác ngân sách 320.000 / Trong đó: … Trung ương 130.000"
    plan = vnplan.process(FIXTURES / "02_camau_of_which_excerpt.md")
    by = _by_year_and_amount(plan)
    sea, central, local = by[(2026, 19_000 * 10**6)], by[(2026, 9_000 * 10**6)], by[(2026, 10_000 * 10**6)]
    assert central.parent == local.parent == sea.id
    assert central.breakdown is local.breakdown is None  # 9.000 + 10.000: they make up the row after all
    assert sea.role == "total"
    other, other_central = by[(2026, 320_000 * 10**6)], by[(2026, 130_000 * 10**6)]
    assert (other_central.parent, other_central.breakdown) == (other.id, "of_which")
    assert not any(w.code == "budget_sum_mismatch" for w in plan.warnings)  # a selection need not add up
    # row 10: "Phí, lệ phí 120.000 / Bao gồm: - … Trung ương thu 59.000 / - … địa phương thu 61.000" adds up;
    # the unmarked row "Phí bảo vệ môi trường đối với nước thải 18.000" after them is a line of the last one
    fees, central_fees, local_fees = (by[(2026, n * 10**6)] for n in (120_000, 59_000, 61_000))
    assert central_fees.parent == local_fees.parent == fees.id and central_fees.breakdown is None
    assert fees.role == "total" and local_fees.role == "item"
    assert by[(2026, 18_000 * 10**6)].parent == local_fees.id


def test_a_trong_do_line_without_figures_makes_the_rows_after_it_a_selection() -> None:
    # realdocs 02, Mẫu biểu số 04: "2 Chi thường xuyên 15.255.008" / "Trong đó:" (a row of its own) /
    # "- Sự nghiệp Giáo dục - Đào tạo 6.450.531" / "- Sự nghiệp khoa học, công nghệ … 433.000" / "3 …"
    plan = vnplan.process(FIXTURES / "02_camau_spending_excerpt.md")
    by = _by_year_and_amount(plan)
    current, education, science = (by[(2026, n * 10**6)] for n in (15_255_008, 6_450_531, 433_000))
    assert education.parent == science.parent == current.id
    assert education.breakdown == science.breakdown == "of_which" and current.role == "total"
    assert by[(2026, 18_100 * 10**6)].parent is None  # "3 Chi trả nợ lãi" is no part of row 2
    assert not any(w.code == "budget_sum_mismatch" for w in plan.warnings)


def test_numbering_restarted_under_a_numbered_row_and_a_shifted_row_of_a_cost_estimate() -> None:
    # realdocs 10, Phụ lục II: "2.2 Vùng nuôi tôm nước lợ" over rows numbered 1, 2, 3 (after "2 …" and
    # "2.1 …"), and "II Hội nghị" whose rows have a unit column ("Ngày") the header does not: their
    # amounts stand in the "Ghi chú" column ("Thuê, trang trí hội trường | Ngày | 2 | 500.000 | 1.000.000")
    plan = vnplan.process(FIXTURES / "10_daklak_restarted_lists_excerpt.md")
    by = {b.amount_vnd: b for b in plan.budgets}
    brackish = by[23_405_140]
    assert by[1_094_510].parent == by[972_110].parent == brackish.id  # rows 2 and 3 (DO, pH)
    assert brackish.parent == by[53_290_297].id
    conference = by[21_720_000]
    rows = [b for b in plan.budgets if b.parent == conference.id]
    assert len(rows) == 7 and sum(b.amount_vnd or 0 for b in rows) == conference.amount_vnd
    assert by[1_000_000].description.startswith("Thuê, trang trí hội trường")


def test_a_lone_smaller_part_is_a_selection_and_its_parent_an_item() -> None:
    # realdocs 02, Mẫu 02 row 12: "Thu tiền cho thuê mặt đất, mặt nước 78.000" over one "-" row of 66.300
    budgets = [
        _budget("t", 100_000),
        _budget("r12", 78_000, "t"),
        _budget("d", 66_300, "r12"),
        _budget("x", 22_000, "t"),
    ]
    complete_hierarchy(budgets)
    assert [(b.role, b.breakdown) for b in budgets] == [
        ("total", None),
        ("item", None),
        ("item", "of_which"),
        ("item", None),
    ]
    assert sum_warnings(budgets) == []


def test_a_row_cut_in_two_is_one_row_with_its_figures_in_the_last_columns() -> None:
    # realdocs 02, Mẫu biểu số 03: row 6 is printed "6 | Thu tiền cho thuê và tiền bán nhà ở … | 1.130 |
    # 2.022 | 900" and on the next line "900 | 900" (the 2027 and 2028 columns; "So sánh" left empty)
    plan = vnplan.process(FIXTURES / "02_camau_split_row_excerpt.md")
    houses = [b for b in plan.budgets if b.description.startswith("Thu tiền cho thuê và tiền bán nhà ở")]
    assert sorted((b.year, b.amount_vnd) for b in houses) == [(y, 900 * 10**6) for y in (2026, 2027, 2028)]
    for total in (b for b in plan.budgets if b.role == "total"):  # "IV Các khoản thu về nhà đất" each year
        items = [b for b in plan.budgets if b.parent == total.id and b.role == "item"]
        assert sum(b.amount_vnd or 0 for b in items) == total.amount_vnd


def test_an_amount_multiplied_into_the_next_is_no_budget_of_its_own() -> None:
    # realdocs 10, III: "… từ năm 2026 -2030: 1.500.000.000 đồng/năm x 05 năm = 7.500.000.000 đồng. Trong đó:"
    plan = vnplan.process(FIXTURES / "10_daklak_body_budget_excerpt.md")
    totals = [b for b in plan.budgets if b.parent is None]
    assert [b.amount_vnd for b in totals] == [1_500_000_000, 7_500_000_000]  # one year, then five
    for total in totals:
        parts = [b for b in plan.budgets if b.parent == total.id]
        assert len(parts) == 4 and sum(b.amount_vnd or 0 for b in parts) == total.amount_vnd


def test_a_group_row_named_as_a_total_takes_the_next_groups_that_make_up_its_sum() -> None:
    # realdocs 02, Mẫu biểu số 04: "A TỔNG CHI NSĐP" over "I CHI CÂN ĐỐI NSĐP", then "B CHI TỪ NGUỒN BỔ SUNG CÓ
    # MỤC TIÊU …" (A = I + B: 22.228.100 + 4.050.007 = 26.278.107 in 2026) and "C BỘI CHI NSĐP", not part of A
    plan = vnplan.process(FIXTURES / "02_camau_named_total_excerpt.md")
    by = {(b.year, b.amount_vnd): b for b in plan.budgets if not b.description.startswith("Trong đó")}
    for year, total, balanced, targeted in (
        (2026, 26_278_107, 22_228_100, 4_050_007),
        (2027, 29_284_105, 24_951_112, 4_332_993),
    ):
        head = by[(year, total * 10**6)]
        assert by[(year, balanced * 10**6)].parent == by[(year, targeted * 10**6)].parent == head.id
    assert by[(2027, 187_087 * 10**6)].parent is None


def test_a_group_row_without_an_amount_closes_its_rank_and_a_sum_laid_out_again_is_restated() -> None:
    # realdocs 02, Mẫu biểu số 05: "B BỘI CHI NGÂN SÁCH ĐỊA PHƯƠNG 187.087", "C KẾ HOẠCH VAY, TRẢ NỢ GỐC" (no
    # amount), "I Tổng dư nợ đầu năm 239.934" (2027) with its sources, "III Tổng mức vay trong năm 187.087" as
    # "1 Theo mục đích vay 187.087" and again as "2 Theo nguồn vay 187.087"
    plan = vnplan.process(FIXTURES / "02_camau_debt_excerpt.md")
    rows = {(b.year, b.description): b for b in plan.budgets}
    deficit, debt = rows[(2027, "BỘI CHI NGÂN SÁCH ĐỊA PHƯƠNG")], rows[(2027, "Tổng dư nợ đầu năm")]
    assert deficit.parent is None and (debt.parent, debt.role) == (None, "total")  # C closed B
    borrowing = rows[(2027, "Tổng mức vay trong năm")]
    by_purpose, by_source = rows[(2027, "Theo mục đích vay")], rows[(2027, "Theo nguồn vay")]
    assert by_purpose.parent == by_source.parent == borrowing.id
    assert (by_purpose.breakdown, by_source.breakdown) == (None, "restated")
    assert {b.breakdown for b in plan.budgets if b.parent == by_source.id} == {"restated"}
    assert not any(w.code == "budget_sum_mismatch" for w in plan.warnings)


def test_table_rows_stating_the_same_sum_stay_two_records() -> None:
    # realdocs 02, Mẫu 05 (2026): "1 Nợ gốc phải trả phân theo nguồn vay 52.500" and "2 Nguồn trả nợ 52.500"
    # are two printed rows: no merging of restated totals among table rows
    span = Provenance(
        page=None, start=0, end=1, text="x", raw_text="x", method="rule:table_amount_cell", confidence=1.0
    )
    rows = [
        Budget(
            id=f"b{n}",
            description=name,
            amount_vnd=52_500_000_000,
            amount_text="",
            year=2026,
            period=None,
            funding_source=None,
            parent=None,
            section="pl",
            provenance=span,
        )
        for n, name in ((1, "Nợ gốc phải trả phân theo nguồn vay"), (2, "Nguồn trả nợ"))
    ]
    assert [b.id for b in merge_restated_totals(rows)] == ["b1", "b2"]


def test_a_dash_row_whose_figures_stand_on_a_row_of_their_own_is_one_row() -> None:
    # realdocs 02, Mẫu biểu số 02 row 11, as the web copy prints it: "- Thu do cơ quan, tổ chức, đơn vị thuộc TW
    # quản lý" alone on its line, then "82.500 | 105.000 | 150.000" (the three plan years, the 2025 cells empty)
    plan = vnplan.process(FIXTURES / "02_camau_dash_row_excerpt.md")
    central = sorted((b.year, b.amount_vnd) for b in plan.budgets if "thuộc TW quản lý" in b.description)
    assert central == [(2026, 82_500 * 10**6), (2027, 105_000 * 10**6), (2028, 150_000 * 10**6)]
    for land in (b for b in plan.budgets if b.description == "Tiền sử dụng đất"):  # 550.000 = 82.500 + 467.500
        parts = [b for b in plan.budgets if b.parent == land.id]
        assert len(parts) == 2 and sum(b.amount_vnd or 0 for b in parts) == land.amount_vnd
