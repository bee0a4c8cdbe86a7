"""Indicator meaning, one test per rule family (issue 14): names that say the measured quantity, ranges,
kind, per and qualifier, years from the nearest scope, restatements, baselines, precise metrics.

Seeds are read whole; realdocs through the excerpts of tests/fixtures/realdocs (cut by whole lines,
see tests/structure/test_real_layouts.py); a few pattern families on small plans written the way plans
write them. Expected values were read from the documents by hand.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

import vnplan
from vnplan.schema.model import Indicator, PlanDocument
from vnplan.structure.metrics import metric_for, metrics
from vnplan.structure.targets import is_clean_name

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "corpus" / "seeds"
REAL = ROOT / "tests" / "fixtures" / "realdocs"


@cache
def plan(path: Path) -> PlanDocument:
    return vnplan.process(path)


def seed(prefix: str) -> PlanDocument:
    return plan(next(SEEDS.glob(f"{prefix}_*.txt")))


def by_value(indicators: list[Indicator], value: float) -> list[Indicator]:
    return [i for i in indicators if i.target.value == value]


PLAN = """KẾ HOẠCH
Thực hiện nhiệm vụ năm 2025
I. MỤC TIÊU
1. Chỉ tiêu chủ yếu đến năm 2025
{targets}
II. TỔ CHỨC THỰC HIỆN
1. Sở Y tế
- Chủ trì triển khai kế hoạch.
"""


def written(tmp_path: Path, targets: str) -> list[Indicator]:
    path = tmp_path / "plan.txt"
    path.write_text(PLAN.format(targets=targets), encoding="utf-8")
    return vnplan.process(path).indicators


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_every_seed_indicator_name_reads_alone(prefix):
    """No function word ("đạt", "Từ", "Duy trì"), no figure or year inside, no paragraph."""
    indicators = seed(prefix).indicators
    unclear = [i.name for i in indicators if not is_clean_name(i.name, i.target.value, i.target_year)]
    # the Lai Châu seed is OCR text; one of its names keeps a restored word that says nothing ("Tỷ lệ điện")
    assert len(unclear) <= (1 if prefix == "001" else 0), unclear


def test_an_elliptic_clause_takes_the_quantity_named_before():
    """002 "Chỉ tiêu 1: Đến năm 2020 Trung tâm y tế thực hiện được trên 80% kỹ thuật theo phân tuyến, thực hiện
    được 20% kỹ thuật của tuyến trên; Đến năm 2025 thực hiện được tối thiểu 90% kỹ thuật theo phân tuyến …"."""
    indicators = seed("002").indicators
    first = [i for i in indicators if i.label == "1"]
    assert first[0].name == "Tỷ lệ kỹ thuật theo phân tuyến trung tâm y tế thực hiện"
    assert first[1].name == "Tỷ lệ kỹ thuật của tuyến trên"
    assert [i.metric for i in first[:2]] == ["technical_services_by_level", "upper_level_techniques"]
    assert all(i.name.startswith("Tỷ lệ kỹ thuật") for i in first)


def test_a_count_keeps_its_qualifier_apart_from_its_unit():
    """002 "Chỉ tiêu 6: Đến năm 2020, có 20 Bác sĩ chuyên khoa cấp I và thạc sĩ được đào tạo"."""
    (twenty,) = [i for i in by_value(seed("002").indicators, 20.0) if i.target.unit != "%"]
    assert twenty.name == "Số Bác sĩ chuyên khoa cấp I và thạc sĩ được đào tạo"
    assert (twenty.target.unit, twenty.target.kind, twenty.target.qualifier) == (
        "Bác sĩ",
        "count",
        "chuyên khoa cấp I và thạc sĩ",
    )


def test_a_range_keeps_both_bounds_and_a_yearly_growth_is_a_change():
    """002 "… được thanh kiểm tra một lần/năm đạt 60%-70%" and "phấn đấu hàng năm tăng từ 3-5%"."""
    indicators = seed("002").indicators
    (sixty,) = by_value(indicators, 60.0)
    assert (sixty.target.comparator, sixty.target.value_max, sixty.target.kind) == (">=", 70.0, "level")
    (three,) = [i for i in by_value(indicators, 3.0) if i.target.unit == "%"]
    assert (three.target.value_max, three.target.kind, three.target_year) == (5.0, "change", None)


def test_rates_per_population_keep_per():
    """000 "3.1. Đạt 30 giường bệnh/vạn dân; đạt 10 bác sĩ/vạn dân"."""
    rates = [i for i in seed("000").indicators if i.label == "3.1"]
    assert [(i.name, i.target.per, i.target.kind, i.metric) for i in rates] == [
        ("Số giường bệnh/10.000 dân", "10.000 dân", "level", "beds_per_10k"),
        ("Số bác sĩ/10.000 dân", "10.000 dân", "level", "doctors_per_10k"),
    ]


def test_a_rate_written_per_a_number_of_people_and_its_baseline(tmp_path):
    found = written(
        tmp_path,
        "- Tỷ lệ tử vong bà mẹ liên quan đến thai sản dưới 4/100.000 trẻ sinh ra còn sống vào năm 2025.\n"
        "- Tỷ suất sinh ở trẻ vị thành niên giảm từ 23 ca sinh/1.000 phụ nữ xuống 18 ca sinh/1.000 phụ nữ.",
    )
    assert [(i.name, i.target.value, i.target.comparator, i.target.per) for i in found] == [
        ("Tỷ lệ tử vong bà mẹ liên quan đến thai sản", 4.0, "<", "100.000 trẻ sinh ra còn sống"),
        ("Tỷ suất sinh ở trẻ vị thành niên", 18.0, "=", "1.000 phụ nữ"),
    ]
    assert found[0].metric == "maternal_mortality"
    assert found[1].baseline is not None and found[1].baseline.value == 23.0


def test_share_of_and_beneficiary_forms(tmp_path):
    """ "X chiếm N% Y" is the share of X in Y; "Tập huấn … cho N% các cơ quan …" the share of those reached."""
    found = written(
        tmp_path,
        "- Kinh tế số chiếm 45% GRDP tỉnh.\n"
        "- Tập huấn, tuyên truyền phổ biến pháp luật cho trên 15% các cơ quan, tổ chức, doanh nghiệp.",
    )
    assert [i.name for i in found] == [
        "Tỷ trọng kinh tế số trong GRDP tỉnh",
        "Tỷ lệ cơ quan, tổ chức, doanh nghiệp được tập huấn, tuyên truyền phổ biến pháp luật",
    ]


def test_every_year_targets_have_no_year_and_the_appendix_caption_gives_its_horizon():
    """01 (Bắc Ninh): "Phấn đấu mỗi năm phát triển từ 05 bộ dữ liệu …; có tối thiểu 05 kịch bản … Đến năm 2030,
    tỉnh Bắc Ninh có ít nhất 20 tập dữ liệu mở …", in a row of "PHỤ LỤC … CÁC CHỈ TIÊU … ĐẾN NĂM 2030"."""
    indicators = plan(REAL / "01_bacninh_excerpt.md").indicators
    rows = {i.target.unit: (i.label, i.target.kind, i.target_year) for i in indicators if i.label == "I.2"}
    assert rows == {
        "bộ dữ liệu": ("I.2", "count", None),
        "kịch bản": ("I.2", "count", None),
        "tập dữ liệu": ("I.2", "count", 2030),
    }


def test_a_target_restated_in_the_appendix_is_one_record_with_its_restatements():
    """01: "- Kinh tế số chiếm 45% GRDP tỉnh." under "1. Phát triển kinh tế số đến năm 2030", and again as row 1
    of the appendix table of targets."""
    (share,) = by_value(plan(REAL / "01_bacninh_excerpt.md").indicators, 45.0)
    assert share.label == "1" and share.target_year == 2030 and share.metric == "digital_economy_share_grdp"
    assert len(share.restatements) == 1 and share.restatements[0].start > share.provenance.start


def test_a_growth_names_what_grows():
    """11 (Đồng Nai) "6.4. Hàng năm, số vụ phạm tội về ma túy … được phát hiện, bắt giữ … tăng trên 03%"."""
    grown = [i for i in plan(REAL / "11_dongnai_excerpt.md").indicators if i.label == "6.4"]
    assert grown and all(i.name.startswith("Số vụ phạm tội về ma túy") for i in grown)
    assert {(i.target.kind, i.target_year, i.target.comparator) for i in grown} == {("change", None, ">")}


def test_metric_definitions_hold_for_their_examples_and_counter_examples():
    for metric in metrics():
        assert metric.definition, metric.id
        assert metric.examples and metric.counter_examples, metric.id
        for name, unit in metric.examples:
            assert metric_for(name, unit) == metric.id, (metric.id, name)
        for name, unit in metric.counter_examples:
            assert metric_for(name, unit) != metric.id, (metric.id, name)


def test_a_metric_needs_its_unit():
    """A share of hospitals reaching a quality level is not a quality score."""
    name = "Tỷ lệ Trung tâm Y tế tuyến huyện đạt tiêu chí chất lượng bệnh viện trên 3"
    assert metric_for(name, "%") is None
    assert metric_for("Mức chất lượng Trung tâm y tế theo Bộ Tiêu chí chất lượng bệnh viện", "mức") == (
        "hospital_quality_score"
    )


def test_doctors_per_10k_gives_one_row_per_province_and_year_on_the_seeds():
    """The README's query: one clean record per document and target year."""
    rows = [
        (p.document.province.name if p.document.province else None, i.target_year, i.target.value)
        for p in (seed(s) for s in ("000", "001", "002", "003", "004"))
        for i in p.indicators
        if i.metric == "doctors_per_10k"
    ]
    keys = [(province, year) for province, year, _ in rows]
    assert len(keys) == len(set(keys)) == 5


def test_the_figure_of_a_year_before_the_plan_is_the_baseline(tmp_path):
    """A plan for 2026 ("Kế hoạch … năm 2026"): "năm 2025 đạt 60%, phấn đấu năm 2026 đạt 70%"."""
    path = tmp_path / "plan.txt"
    path.write_text(
        "KẾ HOẠCH\nCải cách hành chính năm 2026\nI. MỤC TIÊU\n1. Chỉ tiêu\n"
        "- Tỷ lệ hồ sơ giải quyết trực tuyến toàn trình năm 2025 đạt 60%, phấn đấu năm 2026 đạt 70%.\n",
        encoding="utf-8",
    )
    (target,) = vnplan.process(path).indicators
    assert (target.target.value, target.target_year) == (70.0, 2026)
    assert target.baseline is not None and (target.baseline.value, target.baseline.year) == (60.0, 2025)
    assert target.name == "Tỷ lệ hồ sơ giải quyết trực tuyến toàn trình"


def test_a_year_in_the_title_of_a_cited_programme_is_no_target_year(tmp_path):
    """Realdocs 33 (a 2026 plan, OCR): "… cho trên 2% các cơ sở … nhằm đảm bảo hoàn thành các chỉ tiêu
    đã được Chương trình mục tiêu quốc gia phòng, chống ma túy đến năm 2030 giao": 2030 is the cited
    programme's, the target is the plan's own year (FORMAT.md R3)."""
    path = tmp_path / "plan.txt"
    path.write_text(
        "KẾ HOẠCH\nKiểm soát các hoạt động hợp pháp liên quan đến ma túy năm 2026\nI. MỤC TIÊU\n"
        "- Kiểm tra, giám sát, hướng dẫn thực hiện các quy định của pháp luật cho trên 2% các cơ sở kinh "
        "doanh có hoạt động hợp pháp liên quan đến ma túy nhằm đảm bảo hoàn thành các chỉ tiêu đã được "
        "Chương trình mục tiêu quốc gia phòng, chống ma túy đến năm 2030 giao.\n"
        "- Phấn đấu tỷ lệ xã đạt tiêu chí không ma túy đạt 50% vào năm 2028.\n",
        encoding="utf-8",
    )
    years = {i.target.value: i.target_year for i in vnplan.process(path).indicators}
    assert years == {2.0: 2026, 50.0: 2028}  # a year after the figure still counts when no title stands between


DEVDOCS = ROOT / "tests" / "fixtures" / "devdocs"


def test_an_article_of_targets_and_targets_in_usd_and_in_visitors():
    """tests/fixtures/devdocs/qh_ktxh_2025_excerpt.md (a resolution, no gold; read by hand): "Điều 1. Mục tiêu,
    chỉ tiêu" / "b) Điều chỉnh một số chỉ tiêu chủ yếu:" lists targets; magnitudes in USD and counts of visitors
    are targets with their unit as written (FORMAT.md R3), ranges keep both bounds, a growth rate is a change."""
    found = {
        (i.name, i.target.value, i.target.value_max, i.target.unit, i.target.comparator, i.target.kind, i.target_year)
        for i in plan(DEVDOCS / "qh_ktxh_2025_excerpt.md").indicators
    }
    assert ("Quy mô GDP", 500.0, None, "tỉ đô la Mỹ", ">", "level", 2025) in found
    assert ("GDP bình quân đầu người", 5000.0, None, "USD", ">", "level", 2025) in found
    assert ("Tốc độ tăng chỉ số giá tiêu dùng (CPI)", 4.5, 5.0, "%", ">=", "change", 2025) in found
    assert ("Tốc độ tăng tổng sản phẩm trong nước (GDP)", 8.0, None, "%", ">=", "change", 2025) in found
    assert ("Số lượt khách du lịch quốc tế", 22.0, 23.0, "triệu lượt khách", ">=", "count", 2025) in found
    assert ("Số lượt khách du lịch nội địa", 120.0, 130.0, "triệu lượt khách", ">=", "count", 2025) in found


def test_a_period_named_in_the_clause_gives_its_last_year(tmp_path):
    """ "Tổng thu … giai đoạn 2026 - 2028 tăng bình quân khoảng 10%/năm": the period's growth, for 2028; a period
    in the title of a cited plan does not outweigh a year written after the figure ("ngay trong năm 2025")."""
    path = tmp_path / "plan.txt"
    path.write_text(
        "KẾ HOẠCH\nTài chính - ngân sách nhà nước 03 năm 2026 - 2028\nI. MỤC TIÊU\n"
        "- Tổng thu ngân sách nhà nước trên địa bàn giai đoạn 2026 - 2028 tăng bình quân khoảng 10%/năm.\n"
        "II. NHIỆM VỤ\n"
        "1. Triển khai Kế hoạch số 64/KH-UBND về xây dựng xã không ma túy giai đoạn 2025 - 2030, phấn đấu đạt "
        "20% xã, phường không ma túy ngay trong năm 2025.\n"
        "2. Phấn đấu sản lượng lúa đạt 2.000 tấn vào năm 2027.\n"
        "3. Năm 2025 kim ngạch xuất khẩu ước đạt 1.200 triệu USD, phấn đấu năm 2027 đạt 1.500 triệu USD.\n",
        encoding="utf-8",
    )
    found = {(i.name, i.target.value, i.target.kind, i.target_year) for i in vnplan.process(path).indicators}
    assert ("Tổng thu ngân sách nhà nước trên địa bàn", 10.0, "change", 2028) in found
    assert {(v, y) for _, v, _, y in found} >= {(20.0, 2025), (2000.0, 2027), (1500.0, 2027)}  # "2.000 tấn": no year
    assert 1200.0 not in {v for _, v, _, _ in found}  # "ước đạt": an estimate of where things stand


def test_a_rate_per_year_is_a_change_and_a_measure_of_one_is_no_target(tmp_path):
    """A plan for 2026 - 2030: "bình quân … %/năm" is a rate of every year (no year, as the realdocs gold reads
    it: tests/structure/test_real_layouts.py), a clause that opens with "Giảm" is a change, "trên 01 ha đất" is
    what a figure is per (money per ha is no target here), and "duy trì ổn định" says how, not what."""
    path = tmp_path / "plan.txt"
    path.write_text(
        "KẾ HOẠCH\nPhát triển nông nghiệp giai đoạn 2026 - 2030\nI. MỤC TIÊU\n2. Mục tiêu cụ thể\n"
        "- Tốc độ tăng trưởng giá trị sản xuất nông nghiệp bình quân đạt 3,5 - 4%/năm.\n"
        "- Giảm tỷ lệ hộ nghèo bình quân 1 - 1,5%/năm.\n"
        "- Đến năm 2030, giá trị sản phẩm thu được trên 01 ha đất trồng trọt đạt trên 150 triệu đồng.\n"
        "- Sản lượng lương thực có hạt duy trì ổn định khoảng 1,2 triệu tấn/năm.\n",
        encoding="utf-8",
    )
    found = {
        (i.name, i.target.value, i.target.unit, i.target.kind, i.target_year) for i in vnplan.process(path).indicators
    }
    assert found == {
        ("Tốc độ tăng trưởng giá trị sản xuất nông nghiệp", 3.5, "%", "change", None),
        ("Tỷ lệ hộ nghèo", 1.0, "%", "change", None),
        ("Sản lượng lương thực có hạt", 1.2, "triệu tấn", "level", None),  # a quantity of every year
    }
