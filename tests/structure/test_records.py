"""Objectives, indicators, budgets and units found in the seeds, checked against the documents."""

from __future__ import annotations

from conftest import processed


def _targets(prefix: str) -> set[tuple[float, str | None, str | None, int | None]]:
    return {(i.target.value, i.target.unit, i.target.comparator, i.target_year) for i in processed(prefix).indicators}


def test_hoa_binh_indicators_one_per_target():
    found = _targets("000")
    # "3.1. Đạt 30 giường bệnh/vạn dân; đạt 10 bác sĩ/vạn dân" is two records.
    assert (30.0, "giường bệnh/10.000 dân", "=", 2025) in found
    assert (10.0, "bác sĩ/10.000 dân", "=", 2025) in found
    assert (80.0, "%", ">=", 2025) in found  # "đạt tỷ lệ từ 80% trở lên"
    assert (95.0, "%", "=", 2025) in found
    by_value = {i.target.value: i for i in processed("000").indicators if i.target.unit == "%"}
    assert by_value[30.0].metric == "electronic_medical_records"
    assert by_value[30.0].label == "3.5"


def test_yen_lac_targets_for_three_years_in_one_paragraph():
    found = _targets("002")
    assert {(80.0, "%", ">", 2020), (90.0, "%", ">=", 2025), (95.0, "%", ">=", 2030)} <= found
    assert {(2.0, "mức", "=", 2017), (3.0, "mức", ">=", 2025), (4.0, "mức", "=", 2030)} <= found


def test_cam_thuy_bullet_indicators_and_metrics():
    indicators = processed("003").indicators
    found = {(i.target.value, i.target.unit, i.target.comparator, i.metric) for i in indicators}
    assert (41.0, "giường bệnh/10.000 dân", ">=", "beds_per_10k") in found
    assert (12.5, "%", "<", "child_underweight_u5") in found
    assert (95.0, "%", ">=", "health_insurance_coverage") in found
    assert (1.7, "%", "=", "infant_mortality") in found
    plan = processed("003")
    by_id = {s.id: s for s in plan.sections}
    listed = [i for i in indicators if by_id[by_id[i.section].parent or i.section].part == "indicators"]
    assert len(listed) == 12 and all(i.target_year == 2025 for i in listed)  # "Chỉ tiêu cụ thể đến năm 2025"
    # Outside the target list, a committed percentage counts: "phấn đấu đến năm 2025 có 95% dân số tham gia BHYT";
    # one that names no year takes the end of the plan's own period (2021 - 2025), a yearly quantity none.
    later = [i for i in indicators if i not in listed]
    assert {(i.target.value, i.target_year) for i in later} >= {(95.0, 2025), (100.0, 2025), (120000.0, None)}


def test_thanh_hoa_decimal_points_and_two_horizons():
    found = _targets("004")
    assert (40.0, "giường bệnh/10.000 dân", "=", 2045) in found
    assert (3.5, "dược sĩ/10.000 dân", "=", 2045) in found
    assert (15.0, "bác sĩ/10.000 dân", "=", 2030) in found


def test_hoa_binh_budget_hierarchy():
    budgets = [b for b in processed("000").budgets if b.provenance.method.startswith("spacy_ruler:money")]
    by_amount = {b.amount_vnd: b for b in budgets}
    total = by_amount[68_765_055_000]
    training = by_amount[2_965_055_000]
    assert total.parent is None and training.parent == total.id
    assert by_amount[65_800_000_000].parent == total.id
    assert {by_amount[a].parent for a in (1_250_000_000, 750_000_000, 965_055_000)} == {training.id}
    assert training.funding_source == "ngân sách tỉnh"
    assert not [w for w in processed("000").warnings if w.code == "budget_sum_mismatch"]


def test_hoa_binh_appendix_tables_become_line_items_under_the_body_lines():
    budgets = processed("000").budgets
    by_id = {b.id: b for b in budgets}
    rows = [b for b in budgets if b.provenance.method == "rule:table_row_amount"]
    # Phụ lục 1 (triệu đồng), the Phụ lục labelled a second "3" (đồng), Phụ lục 3 (đồng), Phụ lục 4 (triệu đồng)
    assert len(rows) == 81
    appendix_two_total = next(b for b in rows if b.amount_vnd == 750_000_000 and "Tổng" in b.description)
    assert by_id[appendix_two_total.parent].description.startswith(
        "Hỗ trợ đào tạo, chuyển giao kỹ thuật của tuyến Trung ương"
    )
    items = [b for b in rows if b.parent == appendix_two_total.id]
    assert len(items) == 39 and sum(b.amount_vnd for b in items) == 750_000_000
    group_b = next(b for b in rows if b.amount_vnd == 331_400_000)
    assert sorted(b.amount_vnd for b in rows if b.parent == group_b.id)[:2] == [16_200_000, 17_400_000]
    cao_phong = next(b for b in rows if b.amount_vnd == 35_000_000_000)
    assert "Cao Phong" in cao_phong.description  # a notes column with "3099/QĐ-UBND ngày 07/12/2022" is not the amount


def test_hoa_binh_activity_table_read_line_by_line():
    activities = processed("000").activities
    assert len(activities) == 8
    first = activities[0]
    assert first.lead_unit == "Phòng Nghiệp vụ Y - SYT"
    assert first.support_units == ["Các Phòng Sở Y tế", "Bệnh viện đa khoa tỉnh"]
    assert (first.product, first.deadline) == ("Kế hoạch", "Tháng 3/2024")
    assert activities[5].lead_unit == "BVĐK tỉnh, BV YHCT tỉnh, Trung tâm YT các huyện/thành phố"
    assert activities[7].deadline == "Quý I/2024"


def test_thanh_hoa_tab_separated_activities_across_page_breaks():
    activities = processed("004").activities
    sixth = next(a for a in activities if a.name == "Bệnh viện Nhi TW phân hiệu Thành phố")
    # the coordinating cell continues after the page break: "Các sở, ban, ngành, đơn vị" + "địa phương có liên quan"
    assert sixth.support_units == ["Các sở, ban, ngành, đơn vị địa phương có liên quan"]
    assert sixth.deadline == "2025-2045" and sixth.product == "Kết luận"
    assert activities[0].product == "Nghị quyết số 02/2022/NQ-HĐND"  # footnote marker removed


def test_yen_lac_budget_that_does_not_add_up_is_flagged():
    warnings = [w for w in processed("002").warnings if w.code == "budget_sum_mismatch"]
    assert len(warnings) == 1
    assert "35,000,000,000" in warnings[0].message and "20,000,000,000" in warnings[0].message


def test_cam_thuy_budget_total_and_parts():
    budgets = processed("003").budgets
    assert [(b.amount_vnd, b.parent) for b in budgets] == [
        (108_000_000_000, None),
        (78_000_000_000, budgets[0].id),
        (30_000_000_000, budgets[0].id),
    ]


def test_hoa_binh_units_with_roles_and_indicator_links():
    units = {u.canonical_name: u for u in processed("000").units if u.role == "lead"}
    nghiep_vu = units["Phòng Nghiệp vụ Y - Sở Y tế"]
    assert sorted({r for t in nghiep_vu.tasks for r in t.indicator_refs}) == ["3.2", "3.4", "3.5", "3.6"]
    assert "Bệnh viện đa khoa tỉnh" in units and "Thanh tra Sở Y tế" in units


def test_objectives_general_and_specific():
    objectives = processed("000").objectives
    assert [o.kind for o in objectives].count("general") == 1
    assert [o.kind for o in objectives].count("specific") == 7
    assert objectives[1].text == "Nâng cao khả năng tiếp cận của người bệnh với các dịch vụ y tế;"
    yen_lac = [o.text for o in processed("002").objectives if o.kind == "specific"]
    assert yen_lac[0] == "Phát triển kỹ thuật chuyên môn"
