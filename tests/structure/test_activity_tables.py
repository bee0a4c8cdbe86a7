"""Activities from tables of every form: task tables whose unit cells carry duties, and schedules
(timetables, inspection schedules) whose rows say only what or whom, and when.

Expected values are what the pages print (realdocs gold, read from the documents)."""

from __future__ import annotations

from pathlib import Path

import vnplan

FIXTURES = Path(__file__).parent.parent / "fixtures" / "realdocs"


def test_inspection_schedule_read_from_a_scan() -> None:
    # realdocs 25 (Kiên Giang, KH 2084/KH-SYT, 2017), page 5: "Lịch kiểm tra" table (STT | Đơn vị |
    # Thời gian kiểm tra, đánh giá), as Tesseract reads it: the OCR text of the page is the fixture.
    plan = vnplan.process(FIXTURES / "25_kiengiang_schedule_ocr.txt")
    assert len(plan.activities) == 18
    first, fourth = plan.activities[0], plan.activities[3]
    assert first.name == "Kiểm tra Bệnh viện đa khoa Kiên Giang"
    assert first.deadline is not None and first.deadline.endswith("21/11/2017")
    assert (fourth.name, fourth.deadline) == ("Kiểm tra Trung tâm y tế huyện Giang Thành", "Sáng ngày 24/11/2017")
    last = plan.activities[-1]
    assert (last.name, last.deadline) == ("Kiểm tra Bệnh viện đa khoa huyện Phú Quốc", "Ngày 15/12/2017")
    assert all(a.lead_unit is None for a in plan.activities)  # the schedule names no unit


def test_inspection_schedule_read_from_its_ruled_table() -> None:
    # the same page as a scan (tests/fixtures/ocr_tables, in colour): read as a ruled table with its
    # header (STT | Đơn vị kiểm tra, đánh giá | Thời gian kiểm tra, đánh giá), whose second column names
    # the body inspected, not a task: each row is still the inspection of that body, and when
    plan = vnplan.process(FIXTURES.parent / "ocr_tables" / "25_p5_schedule.jpg")
    assert len(plan.activities) == 18
    first, last = plan.activities[0], plan.activities[-1]
    assert first.name == "Kiểm tra Bệnh viện đa khoa Kiên Giang"
    assert first.deadline is not None and first.deadline.endswith("21/11/2017")
    assert (last.name, last.deadline) == ("Kiểm tra Bệnh viện đa khoa huyện Phú Quốc", "Ngày 15/12/2017")


def test_lead_cell_keeps_the_units_not_their_duties() -> None:
    # realdocs 01 (Bắc Ninh), the indicator table's "Đơn vị chủ trì" cells: "Sở KH&CN chủ trì hướng
    # dẫn, tổng hợp; Các sở, ngành, UBND cấp xã thực hiện công bố dữ liệu mở hằng năm …"
    plan = vnplan.process(FIXTURES / "01_bacninh_excerpt.md")
    leads = [a.lead_unit for a in plan.activities]
    assert "Sở KH&CN; Các sở, ngành, UBND cấp xã" in leads
    assert "Sở Khoa học và Công nghệ" in leads
    assert not any("theo dõi" in (lead or "") for lead in leads)
