"""Task tables of appendices ("Danh mục nhiệm vụ": TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Kết quả |
Thời gian), cut from two real copies: a Markdown pipe table (Nghị quyết 03/NQ-CP, Phụ lục II) and a
thuvienphapluat web copy whose cells stand one per run of lines between bare "|" lines (QĐ 2629/QĐ-TTg, Phụ lục I
and II). Sources and cuts: tests/fixtures/devdocs/README.md. Expected values are what the pages print."""

from __future__ import annotations

from pathlib import Path

import pytest

import vnplan
from vnplan.schema.model import PlanDocument

DEVDOCS = Path(__file__).parent.parent / "fixtures" / "devdocs"


@pytest.fixture(scope="module")
def nq03() -> PlanDocument:
    return vnplan.process(DEVDOCS / "tt_nq03_pl2_excerpt.md")


@pytest.fixture(scope="module")
def qd2629() -> PlanDocument:
    return vnplan.process(DEVDOCS / "tt_qd2629_pl2_excerpt.md")


def test_a_numbered_row_is_never_a_header(nq03: PlanDocument) -> None:
    # row 9's cells hold header words ("… cơ quan, đơn vị nhà nước", "Nhiệm vụ thường xuyên"): still a task, and
    # the rows after it stay in the same table
    names = [a.name for a in nq03.activities]
    assert len(names) == 9
    ninth = next(a for a in nq03.activities if a.name.startswith("Phấn đấu bố trí tỷ lệ phù hợp cán bộ"))
    assert (ninth.lead_unit, ninth.deadline) == ("Bộ, ngành, địa phương", "Nhiệm vụ thường xuyên")
    assert any(n.startswith("Hướng dẫn, thúc đẩy doanh nghiệp cung cấp dịch vụ thương mại điện tử") for n in names)


def test_a_group_row_with_a_stray_deadline_is_a_heading(nq03: PlanDocument) -> None:
    # "IV. | Phát triển, trọng dụng nhân lực … | | | | năm tiếp theo": the wrapped end of row 76's deadline
    assert not any(a.name.startswith("Phát triển, trọng dụng nhân lực chất lượng cao") for a in nq03.activities)
    row76 = next(a for a in nq03.activities if a.name.startswith("Bảo đảm nguồn lực phục vụ di chuyển"))
    assert row76.deadline == "2025 và những năm tiếp theo"


def test_a_row_cut_by_a_page_break_is_one_task(nq03: PlanDocument) -> None:
    # row 108's name goes on in an unnumbered row "(5) Ứng dụng dữ liệu dân cư … (11) Mô hình điểm tại các tỉnh …"
    row108 = next(a for a in nq03.activities if a.name.startswith("Hoàn thành việc triển khai các nhiệm vụ"))
    assert "(5) Ứng dụng dữ liệu dân cư" in row108.name
    assert row108.name.endswith("(11) Mô hình điểm tại các tỉnh, thành phố có đảo.")
    assert not any(a.name.startswith("(5)") for a in nq03.activities)


def test_units_cells_listing_several_bodies(nq03: PlanDocument) -> None:
    def row(start: str) -> list[str]:
        return next(a.support_units for a in nq03.activities if a.name.startswith(start))

    # a coordinating cell cut short ("…, Bộ Khoa học và Công nghệ, Bộ ") gives no unit "Bộ"
    assert row("Xây dựng chương trình, kế hoạch") == [
        "Bộ Thông tin và Truyền thông",
        "Bộ Khoa học và Công nghệ",
    ]
    # a named unit, then the group phrase of the others
    assert row("Xây dựng Đề án phát triển, trọng dụng") == ["Bộ Nội vụ", "Các bộ, ngành, địa phương"]
    leads = {u.canonical_name for u in nq03.units if u.role == "lead"}
    # bodies known by their initials, and two ministries whose separating line break was lost
    assert {"VTV", "VOV", "TTXVN", "Các địa phương"} <= leads
    assert {"Bộ Thông tin và Truyền thông", "Bộ Khoa học và Công nghệ"} <= leads
    assert not any(name.startswith("Bộ Thông tin và Truyền thông Bộ") for name in leads)


def test_web_copy_task_table_after_a_target_table(qd2629: PlanDocument) -> None:
    # Phụ lục I (Chỉ tiêu | Đơn vị | Kết quả | Cơ quan chủ trì theo dõi, đánh giá) is a table of targets: no task;
    # Phụ lục II's heading stands between two bars where the bar closing Phụ lục I's last row was lost
    names = [a.name for a in qd2629.activities]
    assert len(names) == 5
    assert not any(n.startswith("Tỉ lệ") for n in names)
    first = qd2629.activities[0]
    assert first.name.startswith("Nghiên cứu, xây dựng Luật Chuyển đổi số và các Nghị định")
    assert (first.lead_unit, first.product, first.deadline) == (
        "Bộ Khoa học và Công nghệ",
        "Trình Quốc hội dự thảo Luật",
        "Tháng 12/2025",
    )
    assert first.support_units == [
        "Bộ Công an",
        "Bộ Tài chính",
        "Bộ Nội vụ",
        "Các bộ, ngành, địa phương khác có liên quan",
    ]
    assert qd2629.activities[-1].deadline == "Năm 2025-2030"


def test_a_lead_cell_with_what_each_unit_answers_for(qd2629: PlanDocument) -> None:
    # "Bộ Công an, Bộ Khoa học và Công nghệ với các tiêu chuẩn … áp dụng chung toàn quốc; các bộ, ngành với …"
    fourth = qd2629.activities[3]
    assert fourth.lead_unit == "Bộ Công an, Bộ Khoa học và Công nghệ; các bộ, ngành"
