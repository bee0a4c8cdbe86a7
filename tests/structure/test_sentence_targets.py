"""Indicators stated as sentences in socio-economic, finance-budget and sector plans (helper 'sentences'):
one test per rule family. Fixtures are cut by whole lines from the fresh documents of corpus/dev/sentences
(tests/fixtures/devdocs/README.md, "Sentences"); where the family's sentence stands in a document that is not a plan
(a Chỉ thị), its sentence is set under a plan's heading. Expected values were read from the documents by hand.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import vnplan
from vnplan.schema.model import PlanDocument

ROOT = Path(__file__).resolve().parents[2]
DEVDOCS = ROOT / "tests" / "fixtures" / "devdocs"
PHUTHO = DEVDOCS / "st_phutho_nq_thuongmai_excerpt.md"
TIENGIANG = DEVDOCS / "st_tiengiang_nq_dutoan_excerpt.md"


@cache
def plan(path: Path) -> PlanDocument:
    return vnplan.process(path)


def records(document: PlanDocument) -> set[tuple[object, ...]]:
    return {
        (i.name, i.target.value, i.target.value_max, i.target.unit, i.target.kind, i.target_year)
        for i in document.indicators
    }


def written(tmp_path: Path, text: str) -> PlanDocument:
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    return vnplan.process(path)


def test_a_copy_without_its_header_takes_its_type_from_the_title_line():
    """ "Nghị quyết về quy hoạch phát triển thương mại tỉnh phú thọ đến năm 2020" opens the copy: a Nghị quyết (a plan
    type), so its targets are read; its title is the rest of the line."""
    document = plan(PHUTHO).document
    assert document.doc_type == "Nghị quyết"
    assert document.title == "về quy hoạch phát triển thương mại tỉnh phú thọ đến năm 2020"


def test_a_period_written_after_the_figure_is_its_year():
    """ "… đạt 16,5%/năm giai đoạn 2011 - 2015 và 17%/năm giai đoạn 2016 - 2020": each rate takes the last year of
    the period after it, not the one named earlier in the clause; an elliptic "và 17%" is the same growth."""
    found = records(plan(PHUTHO))
    growth = "Tốc độ tăng trưởng GDP của ngành thương mại"
    assert (growth, 16.5, None, "%", "change", 2015) in found
    assert (growth, 17.0, None, "%", "change", 2020) in found
    exports = "Tốc độ tăng trưởng kim ngạch xuất khẩu"
    assert (exports, 17.0, None, "%", "change", 2015) in found
    assert (exports, 15.0, None, "%", "change", 2020) in found
    retail = "Tổng mức lưu chuyển hàng hóa bán lẻ và doanh thu dịch vụ xã hội"
    assert {(v, y) for n, v, _, _, _, y in found if n == retail} == {(15.0, 2010), (21.0, 2015), (24.1, 2020)}


def test_counts_a_horizon_opens_are_targets_and_their_parts_are_not():
    """ "Đến năm 2020, số lượng chợ … là 260 chợ (02 chợ đầu mối …)", "Trong đó giữ nguyên 54 chợ, … xây dựng mới 151
    chợ", "quy hoạch 215 cửa hàng, trong đó giữ nguyên 135 cửa hàng …", "39 siêu thị, trong đó hiện có 7 siêu thị": the
    whole a horizon sentence counts is the target, its breakdown is not; a warehouse "có diện tích từ 2.000m2 - 3.000
    m2" describes what is built."""
    values = {(i.target.value, i.target.unit, i.target_year) for i in plan(PHUTHO).indicators}
    assert {(260.0, "chợ", 2020), (215.0, "cửa hàng", 2020), (39.0, "siêu thị", 2020)} <= values
    counted = {v for v, unit, _ in values if unit in ("chợ", "cửa hàng", "siêu thị")}
    assert counted == {260.0, 215.0, 39.0}
    assert not any(unit and "m2" in unit for _, unit, _ in values)


def test_a_budget_resolution_states_no_indicator():
    """Tiền Giang's 2006 budget estimate: every figure is money, "phấn đấu thực hiện chỉ tiêu thu 100 tỷ đồng" too."""
    assert plan(TIENGIANG).indicators == []


PLAN_2026 = """KẾ HOẠCH
Phát triển kinh tế - xã hội năm 2026
I. ĐÁNH GIÁ TÌNH HÌNH NĂM 2025
Năm 2024 tỷ lệ hộ nghèo đạt 3,2%, năm 2025 GRDP bình quân đầu người ước đạt 85 triệu đồng.
II. CÁC CHỈ TIÊU CHỦ YẾU NĂM 2026
1. Tổng sản phẩm trong tỉnh (GRDP) tăng khoảng 10%.
2. Quy mô GRDP theo giá hiện hành đạt 660.085 tỷ đồng.
3. GRDP bình quân đầu người đạt khoảng 91 triệu đồng.
4. Tổng vốn đầu tư xã hội đạt khoảng 270.000 tỷ đồng.
5. Kim ngạch xuất khẩu đạt khoảng 8,95 tỷ USD.
6. Cơ cấu kinh tế: Nông, lâm nghiệp và thủy sản chiếm khoảng 20,5%; dịch vụ chiếm khoảng 40,94%.
7. Tỷ lệ hộ nghèo giảm hàng năm 1%-1,5%.
8. Giải quyết việc làm cho khoảng 59.000 người.
9. Tổng số doanh nghiệp đạt khoảng 11.400 doanh nghiệp.
10. Tổng thu ngân sách nhà nước trên địa bàn đạt 25.000 tỷ đồng.
III. NHIỆM VỤ
1. Chi đầu tư từ nguồn ngân sách tỉnh phấn đấu đạt 100% kế hoạch; hoàn thành 100% nhiệm vụ chi đầu tư phát triển.
"""


def test_the_economys_aggregates_in_money_are_levels_the_budget_is_not(tmp_path):
    """ "Quy mô GRDP … đạt 660.085 tỷ đồng", "GRDP bình quân đầu người đạt khoảng 91 triệu đồng", "Tổng vốn đầu tư xã hội
    đạt khoảng 270.000 tỷ đồng": targets in the money unit as written; "Tổng thu ngân sách nhà nước … 25.000 tỷ đồng"
    is the budget's (FORMAT.md R3). The Long An directive's "GDP bình quân đầu người năm 2015 là 41 triệu
    đồng/người/năm" (corpus/dev/sentences/la-ct-kehoach-ktxh-2011-2015.md) under a plan's heading is one too."""
    found = records(written(tmp_path, PLAN_2026))
    assert ("Quy mô GRDP theo giá hiện hành", 660085.0, None, "tỷ đồng", "level", 2026) in found
    assert ("GRDP bình quân đầu người", 91.0, None, "triệu đồng", "level", 2026) in found
    assert ("Tổng vốn đầu tư xã hội", 270000.0, None, "tỷ đồng", "level", 2026) in found
    assert ("Kim ngạch xuất khẩu", 8.95, None, "tỷ USD", "level", 2026) in found
    assert 25000.0 not in {v for _, v, *_ in found}
    long_an = written(
        tmp_path,
        "KẾ HOẠCH\nPhát triển kinh tế - xã hội 5 năm 2011 - 2015\nI. MỤC TIÊU\n"
        "a) Phấn đấu đạt tốc độ tăng trưởng kinh tế GDP bình quân 5 năm 2011-2015 đạt 13-13,5%/năm; GDP bình quân "
        "đầu người năm 2015 là 41 triệu đồng/người/năm; tỷ lệ hộ nghèo dưới 3% (tiêu chí Trung ương).\n",
    )
    assert ("GDP bình quân đầu người", 41.0, None, "triệu đồng/người/năm", "level", 2015) in records(long_an)


def test_shares_of_the_economys_structure_are_named_by_it(tmp_path):
    """ "Cơ cấu kinh tế: Nông, lâm nghiệp và thủy sản chiếm khoảng 20,5%; dịch vụ chiếm khoảng 40,94%": each share is
    the part's weight in the structure the lead-in names."""
    found = records(written(tmp_path, PLAN_2026))
    assert ("Tỷ trọng nông, lâm nghiệp và thủy sản trong cơ cấu kinh tế", 20.5, None, "%", "level", 2026) in found
    assert ("Tỷ trọng dịch vụ trong cơ cấu kinh tế", 40.94, None, "%", "level", 2026) in found


def test_growth_reductions_counts_of_people_and_things(tmp_path):
    """ "GRDP tăng khoảng 10%" a change for the plan's year; "giảm hàng năm 1%-1,5%" a yearly change (no year, both
    bounds); "Giải quyết việc làm cho khoảng 59.000 người" the number of those who get it; "Tổng số doanh nghiệp đạt
    khoảng 11.400 doanh nghiệp" a count."""
    found = records(written(tmp_path, PLAN_2026))
    assert ("Tổng sản phẩm trong tỉnh (GRDP)", 10.0, None, "%", "change", 2026) in found
    assert ("Tỷ lệ hộ nghèo", 1.0, 1.5, "%", "change", None) in found
    assert ("Số người được giải quyết việc làm", 59000.0, None, "người", "count", 2026) in found
    assert ("Tổng số doanh nghiệp", 11400.0, None, "doanh nghiệp", "count", 2026) in found


def test_shares_of_the_plan_done_are_targets(tmp_path):
    """In the tasks, "phấn đấu đạt 100% kế hoạch" and "hoàn thành 100% nhiệm vụ chi …" commit to a share of the plan
    done (the Quốc hội's 2025 resolution: "phấn đấu tỷ lệ giải ngân năm 2025 cả nước đạt 95% kế hoạch")."""
    found = records(written(tmp_path, PLAN_2026))
    assert ("Chi đầu tư từ nguồn ngân sách tỉnh so với kế hoạch", 100.0, None, "%", "level", 2026) in found
    assert sum(1 for _, v, *_ in found if v == 100.0) == 2


def test_results_of_years_before_the_plan_are_no_targets(tmp_path):
    """ "Năm 2024 tỷ lệ hộ nghèo đạt 3,2%" and "năm 2025 GRDP bình quân đầu người ước đạt 85 triệu đồng" in the
    review of a plan for 2026: where things stood, no target."""
    values = {v for _, v, *_ in records(written(tmp_path, PLAN_2026))}
    assert not values & {3.2, 85.0}
