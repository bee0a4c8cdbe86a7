"""Indicator rules, one test per pattern family, on small plans written the way plans are written."""

from __future__ import annotations

from pathlib import Path

import pytest

import vnplan

PLAN = """KẾ HOẠCH
Thực hiện nhiệm vụ y tế năm 2024
I. MỤC TIÊU
1. Chỉ tiêu chủ yếu đến năm 2025
{targets}
II. NHIỆM VỤ VÀ GIẢI PHÁP
1. Nâng cao chất lượng khám bệnh, chữa bệnh
{tasks}
"""


def _targets(tmp_path: Path, targets: str, tasks: str = "- Tăng cường công tác chuyên môn.") -> set[tuple]:
    path = tmp_path / "plan.txt"
    path.write_text(PLAN.format(targets=targets, tasks=tasks), encoding="utf-8")
    return {
        (i.target.value, i.target.unit, i.target.comparator, i.target_year) for i in vnplan.process(path).indicators
    }


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("- Tỷ lệ dân số tham gia BHYT đạt 95% trở lên.", (95.0, "%", ">=", 2025)),
        ("- Số bác sĩ/vạn dân đạt tối thiểu 13 bác sĩ.", (13.0, "bác sĩ/10.000 dân", ">=", 2025)),
        ("- Tỷ lệ suy dinh dưỡng trẻ em dưới 5 tuổi dưới 12,5%.", (12.5, "%", "<", 2025)),
        ("- Kỹ thuật theo phân tuyến thực hiện được trên 80%.", (80.0, "%", ">", 2025)),
        ("- Tỷ lệ tăng dân số không quá 1%.", (1.0, "%", "<=", 2025)),
        ("- Số giường bệnh 10.000 dân: 40.0 giường.", (40.0, "giường bệnh/10.000 dân", "=", 2025)),
        ("- Tỷ suất tử vong trẻ em dưới 1 tuổi dưới 20‰.", (20.0, "‰", "<", 2025)),
    ],
)
def test_comparators_units_and_the_heading_horizon(tmp_path, line, expected):
    assert _targets(tmp_path, line) == {expected}


def test_one_record_per_year_in_one_paragraph(tmp_path):
    found = _targets(
        tmp_path,
        "Đến năm 2020 đạt trên 80% kỹ thuật theo phân tuyến; đến năm 2025 tối thiểu 90%; đến năm 2030 đạt 95%.",
    )
    assert found == {(80.0, "%", ">", 2020), (90.0, "%", ">=", 2025), (95.0, "%", "=", 2030)}


def test_levels_ranges_and_yearly_rates(tmp_path):
    found = _targets(
        tmp_path,
        "Năm 2017 đạt mức 2; Từ năm 2018 đến năm 2025 đạt tối thiểu mức 3.\n"
        "Tỷ lệ sử dụng thuốc sản xuất trong nước hàng năm tăng từ 3-5%.",
    )
    assert found == {(2.0, "mức", "=", 2017), (3.0, "mức", ">=", 2025), (3.0, "%", ">=", None)}


def test_two_targets_in_one_item_are_two_records_with_their_metrics(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(PLAN.format(targets="3.1. Đạt 30 giường bệnh/vạn dân; đạt 10 bác sĩ/vạn dân;", tasks="- Khác."))
    indicators = vnplan.process(path).indicators
    assert [(i.label, i.metric) for i in indicators] == [("3.1", "beds_per_10k"), ("3.1", "doctors_per_10k")]


def test_outside_the_target_list_only_committed_numbers_count(tmp_path):
    tasks = (
        "- Phấn đấu đến năm 2025 có 95% dân số tham gia BHYT.\n"
        "- Xây dựng mới 05 trạm y tế và nâng cấp 04 bệnh viện.\n"
        "- Mỗi năm có từ 03 đề tài nghiên cứu khoa học được ứng dụng."
    )
    found = _targets(tmp_path, "- Tỷ lệ tiêm chủng đầy đủ đạt 98%.", tasks)
    assert found == {(98.0, "%", "=", 2025), (95.0, "%", "=", 2025), (3.0, "đề tài", ">=", None)}


def test_target_table_rows_give_target_and_baseline(tmp_path):
    table = (
        "Chỉ tiêu giai đoạn 2026-2030\n"
        "1\tSố bác sĩ/10.000 dân\tBác sĩ\t13,1\t>13,5\n"
        "2\tTỷ lệ dân số tham gia BHYT %\t95\t96\n"
        "3\tTuổi thọ trung bình\tTuổi\t68,5\t70"
    )
    path = tmp_path / "plan.txt"
    path.write_text(PLAN.format(targets=table, tasks="- Khác."), encoding="utf-8")
    rows = [
        (
            i.label,
            i.target.value,
            i.target.unit,
            i.target.comparator,
            i.target_year,
            i.baseline.value,
            i.baseline.year,
            i.metric,
        )
        for i in vnplan.process(path).indicators
    ]
    assert rows == [
        ("1", 13.5, "bác sĩ/10.000 dân", ">", 2030, 13.1, 2025, "doctors_per_10k"),
        ("2", 96.0, "%", None, 2030, 95.0, 2025, "health_insurance_coverage"),
        ("3", 70.0, "tuổi", None, 2030, 68.5, 2025, "life_expectancy"),
    ]


def test_metric_taxonomy_is_one_table():
    """structure/metrics.json is read once: the patterns indicator linking uses and the dataset's labels
    and units come from the same entries, in file order."""
    from vnplan.dataset import metric_labels
    from vnplan.structure.metrics import metric_entries, metrics

    entries = metric_entries()
    assert [m.id for m in metrics()] == list(entries)
    assert metric_labels() == {m.id: m.label for m in metrics()}
    assert all(m.label and m.patterns for m in metrics())
    assert metric_entries() is entries and metrics() is metrics()
