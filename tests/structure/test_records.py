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
    assert all(i.target_year == 2025 for i in indicators)  # from "Chỉ tiêu cụ thể đến năm 2025"


def test_thanh_hoa_decimal_points_and_two_horizons():
    found = _targets("004")
    assert (40.0, "giường bệnh/10.000 dân", "=", 2045) in found
    assert (3.5, "dược sĩ/10.000 dân", "=", 2045) in found
    assert (15.0, "bác sĩ/10.000 dân", "=", 2030) in found


def test_hoa_binh_budget_hierarchy():
    budgets = processed("000").budgets
    by_amount = {b.amount_vnd: b for b in budgets}
    total = by_amount[68_765_055_000]
    training = by_amount[2_965_055_000]
    assert total.parent is None and training.parent == total.id
    assert by_amount[65_800_000_000].parent == total.id
    assert {by_amount[a].parent for a in (1_250_000_000, 750_000_000, 965_055_000)} == {training.id}
    assert training.funding_source == "ngân sách tỉnh"
    assert not [w for w in processed("000").warnings if w.code == "budget_sum_mismatch"]


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
