"""Objectives by the family of layout that states them (helper 'objectives3'): "Mục đích" / "Yêu cầu" parts, a
Party resolution's "QUAN ĐIỂM" / "MỤC TIÊU" with goals grouped by period, "Mục tiêu N: …" goals above their "Chỉ
tiêu", "Quan điểm, mục tiêu" parts, and decisions or reports that state no aim.

Fixtures in tests/fixtures/devdocs/ (ob3_*): whole lines cut from the fresh documents of corpus/dev/objectives3 (README
there and in the fixtures folder). Forms those documents do not print are small synthetic variants of a real passage,
and say so. Expected values were read from the fixtures by hand.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from conftest import plan_from

import vnplan
from vnplan.schema.markers import match_marker
from vnplan.schema.model import PlanDocument

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "devdocs"
DEVDOCS = Path(__file__).resolve().parents[2] / "corpus" / "dev" / "objectives3"

CUTS: dict[str, tuple[str, list[tuple[int, int]]]] = {
    "ob3_nq57_excerpt.md": ("tw-bct-nq57-khcn-cds-2024.md", [(1, 66), (153, 156)]),
    "ob3_hcm_qd2820_excerpt.md": ("hcm-qd2820-csdl-quy-hoach-2025.md", [(1, 31), (125, 222)]),
    "ob3_hcm_qd2820_yeucau_excerpt.md": ("hcm-qd2820-csdl-quy-hoach-2025.md", [(1, 31), (125, 180), (198, 222)]),
    "ob3_kh3260_excerpt.md": ("tw-ddqh-kh3260-nq57-2025.md", [(1, 41), (144, 162)]),
    "ob3_qd170_2008.md": ("tw-qd170-2008-ttg-tnxp-chong-phap.md", [(1, 30)]),
    "ob3_bcd_phien1.md": ("tw-bcd-phien1-tin-ket-luan-2025.md", [(1, 21)]),
}
HEADING_WORDS = {"mục đích", "yêu cầu", "mục tiêu", "mục tiêu chung", "mục tiêu cụ thể", "quan điểm"}


@cache
def plan_of(name: str) -> PlanDocument:
    return vnplan.process(FIXTURES / name)


def objectives(plan: PlanDocument) -> list[tuple[str, str]]:
    return [(o.kind, o.text) for o in plan.objectives]


@pytest.mark.parametrize("name", sorted(CUTS))
def test_fixture_is_whole_lines_of_its_source(name):
    source, ranges = CUTS[name]
    lines = (DEVDOCS / source).read_bytes().splitlines(keepends=True)
    assert (FIXTURES / name).read_bytes() == b"".join(line for a, b in ranges for line in lines[a - 1 : b])


@pytest.mark.parametrize("name", sorted(CUTS))
def test_a_heading_word_alone_is_never_an_objective(name):
    assert not [text for _, text in objectives(plan_of(name)) if text.strip(" .:*").lower() in HEADING_WORDS]


# ---------------------------------------------------------------- "Mục đích" / "Yêu cầu"


def test_the_aims_under_muc_dich_of_a_decisions_plan_and_not_its_requirements():
    # QĐ 2820/QĐ-UBND TP Hồ Chí Minh: the decision's articles, then the plan's "I. MỤC / ĐÍCH, YÊU CẦU" (the bold
    # heading wrapped) with "1. Mục đích" (three items wrapped at the margin) and "2. Yêu cầu" (three requirements)
    found = objectives(plan_of("ob3_hcm_qd2820_excerpt.md"))
    assert [(kind, text[:30]) for kind, text in found] == [
        ("general", "Quán triệt, triển khai có hiệu"),
        ("general", "Hình thành cơ sở dữ liệu số về"),
        ("general", "Đảm bảo khai thác, sử dụng hiệ"),
    ]
    assert found[0][1].endswith("liên thông với hệ thống quốc gia.")  # the wrapped item whole


def test_a_plan_that_states_only_yeu_cau_has_no_objective():
    # the same plan with the lines of "1. Mục đích" and its items removed: "Yêu cầu" items are never aims
    assert objectives(plan_of("ob3_hcm_qd2820_yeucau_excerpt.md")) == []


def test_star_bullets_under_muc_dich():
    # KH 3260-KH/ĐĐQH15: "**1. Mục đích**" / "*   Quán triệt …" (three), "**2. Yêu cầu**" / "*   Tăng cường …"
    found = objectives(plan_of("ob3_kh3260_excerpt.md"))
    assert [(kind, text[:25]) for kind, text in found] == [
        ("general", "Quán triệt sâu sắc, nâng "),
        ("general", "Thể chế hóa đầy đủ, kịp t"),
        ("general", "Thúc đẩy các hoạt động ng"),
    ]


# ---------------------------------------------------------------- a Party resolution: "I- QUAN ĐIỂM", "II- MỤC TIÊU"


@pytest.mark.parametrize(
    ("line", "label"),
    [("I- QUAN ĐIỂM CHỈ ĐẠO", "I"), ("II- MỤC TIÊU", "II"), ("IV - TỔ CHỨC THỰC HIỆN", "IV"), ("III– NHIỆM VỤ", "III")],
)
def test_a_roman_numeral_with_a_dash_before_a_heading_in_capitals(line, label):
    found = match_marker(line)
    assert found is not None and (found.marker, found.label) == ("roman", label)


@pytest.mark.parametrize("line", ["I- Quan điểm của Đảng", "X-quang phổi", "V- "])
def test_a_dash_after_a_numeral_before_running_text_is_no_heading(line):
    found = match_marker(line)
    assert found is None or found.marker != "roman"


def test_party_resolution_parts_are_read():
    parts = [s.part for s in plan_of("ob3_nq57_excerpt.md").sections if s.marker == "roman"]
    assert parts == ["principles", "objectives", "tasks_solutions"]


def test_goals_grouped_by_period_under_a_plain_muc_tieu():
    # NQ 57-NQ/TW: "II- MỤC TIÊU" / "1. Đến năm 2030" (five items: aims and targets) / "2. Tầm nhìn đến năm 2045"
    # (one paragraph); the viewpoints of "I- QUAN ĐIỂM CHỈ ĐẠO" state no aim
    found = objectives(plan_of("ob3_nq57_excerpt.md"))
    assert [(kind, text[:30]) for kind, text in found] == [
        ("specific", "Tiềm lực, trình độ khoa học, c"),
        ("specific", "Quản lý nhà nước từ Trung ương"),
        ("specific", "Khoa học, công nghệ, đổi mới s"),
    ]
    # the items that open with a target ("Đóng góp của năng suất nhân tố tổng hợp (TFP) … trên 55%", "Kinh phí chi
    # cho nghiên cứu phát triển (R&D) đạt 2% GDP") are indicators, not objectives
    assert not any(text.startswith(("Đóng góp", "Kinh phí")) for _, text in found)
    assert not any(text.startswith(("Phát triển khoa học", "Đến năm", "Tầm nhìn")) for _, text in found)


def test_an_aim_in_the_first_sentence_before_the_targets():
    # the 2045 paragraph: "… trở thành nước phát triển, có thu nhập cao. Việt Nam có quy mô kinh tế số đạt tối thiểu
    # 50% GDP; …": its aim is the first sentence, its targets are indicators besides
    plan = plan_of("ob3_nq57_excerpt.md")
    vision = [o for o in plan.objectives if o.text.startswith("Khoa học, công nghệ")]
    assert len(vision) == 1
    assert any(i.name.startswith("Việt Nam có quy mô kinh tế số") for i in plan.indicators)


def test_a_vision_beside_muc_tieu_chung_and_cu_the_states_no_goal(tmp_path):
    # synthetic variant of the resolution's part, divided as most plans divide it: the goals are under "Mục tiêu
    # chung" / "Mục tiêu cụ thể", and "3. Tầm nhìn đến năm 2045" beside them is a horizon, not a goal of the plan
    text = (
        "**KẾ HOẠCH**\n\nPHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ NĂM 2026\n\n**II. MỤC TIÊU**\n\n**1. Mục tiêu chung**\n\n"
        "Khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số phát triển vững chắc.\n\n**2. Mục tiêu cụ thể**\n\n"
        "- Quản lý nhà nước từ Trung ương đến địa phương trên môi trường số.\n\n**3. Tầm nhìn đến năm 2045**\n\n"
        "Việt Nam là một trong các trung tâm công nghiệp công nghệ số của khu vực và thế giới.\n\n"
        "**III. NHIỆM VỤ, GIẢI PHÁP**\n\n1. Nâng cao nhận thức.\n"
    )
    assert [kind for kind, _ in objectives(plan_from(tmp_path, name="plan.md", text=text))] == ["general", "specific"]


# ---------------------------------------------------------------- "Mục tiêu N: …" above its "Chỉ tiêu"

GENDER_PLAN = (
    "**ỦY BAN NHÂN DÂN**\nTỈNH TÂY NINH\n\nSố: 99/KH-UBND\n\n*Tây Ninh, ngày 21 tháng 5 năm 2021*\n\n**KẾ HOẠCH**\n\n"
    "THỰC HIỆN CHIẾN LƯỢC QUỐC GIA VỀ BÌNH ĐẲNG GIỚI GIAI ĐOẠN 2021 - 2030\n\n**I. MỤC TIÊU**\n\n**1. Mục tiêu chung**"
    "\n\nTiếp tục thu hẹp khoảng cách giới, tạo điều kiện, cơ hội để phụ nữ và nam giới tham gia, thụ hưởng bình đẳng "
    "trong các lĩnh vực của đời sống xã hội.\n\n**2. Mục tiêu cụ thể**\n\n"
    "**{m}Mục tiêu 1: Tăng cường sự tham gia của phụ nữ vào các vị trí quản lý, lãnh đạo, nhằm từng bước giảm dần "
    "khoảng cách giới trong lĩnh vực chính trị.**\n\n"
    "- Chỉ tiêu 1: Tỷ lệ nữ đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2021 - 2026 đạt từ 30% trở lên.\n\n"
    "**{n}Mục tiêu 2: Giảm khoảng cách giới trong lĩnh vực kinh tế, lao động, việc làm; tăng cường tiếp cận của phụ "
    "nữ nghèo ở nông thôn, phụ nữ người dân tộc thiểu số đối với các nguồn lực kinh tế, thị trường lao động.**\n\n"
    "- Chỉ tiêu 1: Tỷ lệ lao động nữ làm công việc có hưởng lương đạt 50% vào năm 2025.\n\n"
    "**II. NHIỆM VỤ, GIẢI PHÁP**\n\n1. Tăng cường công tác tuyên truyền.\n"
)


@pytest.mark.parametrize(("m", "n"), [("a) ", "b) "), ("", "")])
def test_a_numbered_goal_is_its_whole_title_and_its_chi_tieu_are_not_objectives(tmp_path, m, n):
    # synthetic variant in the form of the provincial plans implementing the national gender-equality strategy
    # 2021-2030 (no such plan is among the fresh documents): "a) Mục tiêu 1: <title>" or "Mục tiêu 1: <title>", each
    # above its "- Chỉ tiêu N: …"; the title is taken whole from its line (the section tree keeps only its first
    # clause or words)
    found = objectives(plan_from(tmp_path, name="plan.md", text=GENDER_PLAN.format(m=m, n=n)))
    assert [kind for kind, _ in found] == ["general", "specific", "specific"]
    assert found[1][1].endswith("giảm dần khoảng cách giới trong lĩnh vực chính trị.")
    assert found[2][1].startswith("Giảm khoảng cách giới trong lĩnh vực kinh tế, lao động, việc làm; tăng cường")
    assert not any("Chỉ tiêu" in text or text.startswith("Tỷ lệ") for _, text in found)


# ---------------------------------------------------------------- "Quan điểm, mục tiêu"


def test_the_goals_inside_a_quan_diem_muc_tieu_part(tmp_path):
    # synthetic variant of the programmes that put their views and their aims under one heading: "I. QUAN ĐIỂM, MỤC
    # TIÊU" / "1. Quan điểm" (views, no aim) / "2. Mục tiêu" / "a) Mục tiêu chung" / "b) Mục tiêu cụ thể"
    text = (
        "**KẾ HOẠCH**\n\nTHỰC HIỆN CHƯƠNG TRÌNH BÌNH ĐẲNG GIỚI GIAI ĐOẠN 2021 - 2025\n\n**I. QUAN ĐIỂM, MỤC TIÊU**\n\n"
        "**1. Quan điểm**\n\n- Bình đẳng giới là mục tiêu, động lực của phát triển.\n\n**2. Mục tiêu**\n\n"
        "a) Mục tiêu chung\n\nTiếp tục thu hẹp khoảng cách giới, tạo điều kiện, cơ hội để phụ nữ và nam giới tham gia, "
        "thụ hưởng bình đẳng.\n\nb) Mục tiêu cụ thể\n\n- Tăng cường sự tham gia của phụ nữ vào các vị trí quản lý, "
        "lãnh đạo.\n\n**II. NHIỆM VỤ**\n\n1. Tuyên truyền.\n"
    )
    assert objectives(plan_from(tmp_path, name="plan.md", text=text)) == [
        (
            "general",
            "Tiếp tục thu hẹp khoảng cách giới, tạo điều kiện, cơ hội để phụ nữ và nam giới tham gia, thụ "
            "hưởng bình đẳng.",
        ),
        ("specific", "Tăng cường sự tham gia của phụ nữ vào các vị trí quản lý, lãnh đạo."),
    ]


# ---------------------------------------------------------------- no aims at all


@pytest.mark.parametrize("name", ["ob3_qd170_2008.md", "ob3_bcd_phien1.md"])
def test_a_decision_or_a_report_that_states_no_aim_has_no_objective(name):
    # QĐ 170/2008/QĐ-TTg sets a regime in six articles; the news report of the Ban Chỉ đạo's first session speaks of
    # "những mục tiêu, định hướng của Nghị quyết số 57-NQ/TW" without stating any
    assert objectives(plan_of(name)) == []
