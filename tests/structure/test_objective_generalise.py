"""Objectives on layouts the earlier families did not show (helper 'objectives4'): a programme a resolution attaches
after its signature under one line of capitals that names its type and subject, Markdown headings below a wrapped list
item, numbered goals written "Mục tiêu 1." / "Mục tiêu 1 -", and goal items under "Mục tiêu cụ thể" that open on
"Mục tiêu về …".

The fixture ob4_nq03_cp_excerpt.md is whole lines cut from corpus/dev/objectives4/tw-nq03-cp-2025-ctr-hanh-dong-nq57.md
(README there and in the fixtures folder). The numbered-goal forms are written out here: no fresh document found prints
them (corpus/dev/objectives4/README.md); their text is modelled on a plan's "Mục tiêu cụ thể" and says so. Expected values
were read from the texts by hand.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import plan_from

import vnplan
from vnplan.normalize.mapped import MappedText
from vnplan.normalize.markdown import strip_markdown
from vnplan.structure.rules import ATTACHED_TITLE_LINE, NUMBERED_GOAL, NUMBERED_GOAL_TITLE

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "devdocs"
DEVDOCS = Path(__file__).resolve().parents[2] / "corpus" / "dev" / "objectives4"


def test_fixture_is_whole_lines_of_its_source():
    lines = (DEVDOCS / "tw-nq03-cp-2025-ctr-hanh-dong-nq57.md").read_bytes().splitlines(keepends=True)
    ranges = [(1, 72), (293, 297)]
    assert (FIXTURES / "ob4_nq03_cp_excerpt.md").read_bytes() == b"".join(
        line for a, b in ranges for line in lines[a - 1 : b]
    )


# ---------------------------------------------------------------- a programme attached after the signature


def test_the_programme_a_resolution_attaches_states_its_goals():
    """NQ 03/NQ-CP: "- VPCP: …, Trợ lý TTg," wraps into "  các Vụ, Cục …" in "Nơi nhận"; below the signature
    "# CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ" begins the programme, whose "## I. MỤC TIÊU" holds two numbered goals."""
    plan = vnplan.process(FIXTURES / "ob4_nq03_cp_excerpt.md")
    assert [o.kind for o in plan.objectives] == ["specific", "specific"]
    assert plan.objectives[0].text.startswith("Tổ chức thể chế hóa và thực hiện đầy đủ các quan điểm")
    assert plan.objectives[1].text.startswith("Xác định nhiệm vụ cụ thể để các Bộ, ngành, địa phương")
    assert plan.objectives[1].text.endswith("giàu mạnh trong kỷ nguyên mới.")


@pytest.mark.parametrize(
    "line",
    ["CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ", "KẾ HOẠCH THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW", "KẾ HOẠCH TUYÊN TRUYỀN"],
)
def test_a_type_and_subject_in_capitals_name_an_attached_document(line):
    assert ATTACHED_TITLE_LINE.match(line)


@pytest.mark.parametrize(
    "line",
    ["Kế hoạch tuyên truyền cải cách hành chính", "QUYẾT ĐỊNH:", "KẾ HOẠCH", "CHƯƠNG TRÌNH hành động"],
)
def test_a_sentence_or_the_type_alone_is_not_an_attached_title_line(line):
    assert not ATTACHED_TITLE_LINE.match(line)


def test_a_markdown_heading_keeps_its_line_below_a_wrapped_list_item():
    """The soft break inside "- VPCP: BTCN, các PCN, Trợ lý TTg," / "  các Vụ, Cục …" joins two lines: the heading
    below is on the line it is on after the join, not the one it was on before."""
    text = "# A\n\n- VPCP: BTCN, các PCN, Trợ lý TTg,\n  các Vụ, Cục;\n- Lưu: VT.\n\n# CHƯƠNG TRÌNH\n\nx\n"
    mapped, levels = strip_markdown(MappedText.identity(text))
    lines = mapped.text.split("\n")
    assert {lines[number] for number in levels} == {"A", "CHƯƠNG TRÌNH"}


# ---------------------------------------------------------------- numbered goals and goal items


@pytest.mark.parametrize(
    "title",
    [
        "Mục tiêu 2: Nâng cao năng lực",
        "Mục tiêu 2. Nâng cao năng lực",
        "Mục tiêu 2 - Nâng cao năng lực",
        "Mục tiêu số 2: Nâng cao năng lực",
        "mục tiêu 12 – Nâng cao năng lực",
    ],
)
def test_numbered_goal_forms(title):
    assert NUMBERED_GOAL.match(title)
    assert NUMBERED_GOAL_TITLE.search(title)["title"] == "Nâng cao năng lực"


@pytest.mark.parametrize(
    "title", ["Mục tiêu 2.1. Về y tế", "Mục tiêu chung", "Mục tiêu cụ thể", "Mục tiêu đến năm 2030"]
)
def test_not_a_numbered_goal(title):
    assert not NUMBERED_GOAL.match(title)


GOALS_PLAN = """**BỘ Y TẾ**

Số: 98/KH-BYT

*Hà Nội, ngày 10 tháng 3 năm 2016*

**KẾ HOẠCH**

**Phòng chống tai nạn thương tích giai đoạn 2016-2020**

**II. MỤC TIÊU**

**1. Mục tiêu chung**

Giảm tử vong và thương tật do tai nạn thương tích.

**2. Mục tiêu cụ thể**

{goals}

**III. NHIỆM VỤ VÀ GIẢI PHÁP**

1. Tăng cường truyền thông.
"""


@pytest.mark.parametrize(
    "goals",
    [
        "Mục tiêu 1. Nâng cao nhận thức của cộng đồng về phòng chống tai nạn thương tích.\n\n"
        "Chỉ tiêu: 80% người dân hiểu biết về các yếu tố nguy cơ.\n\n"
        "Mục tiêu 2: Củng cố hệ thống sơ cứu, cấp cứu tại cộng đồng.",
        "a) Mục tiêu 1 - Nâng cao nhận thức của cộng đồng về phòng chống tai nạn thương tích.\n\n"
        "b) Mục tiêu 2 - Củng cố hệ thống sơ cứu, cấp cứu tại cộng đồng.",
    ],
    ids=["period-and-colon", "letters-and-dash"],
)
def test_each_numbered_goal_is_one_specific_objective(tmp_path, goals):
    plan = plan_from(tmp_path, GOALS_PLAN.format(goals=goals), name="plan.md")
    assert [(o.kind, o.text) for o in plan.objectives] == [
        ("general", "Giảm tử vong và thương tật do tai nạn thương tích."),
        ("specific", "Nâng cao nhận thức của cộng đồng về phòng chống tai nạn thương tích."),
        ("specific", "Củng cố hệ thống sơ cứu, cấp cứu tại cộng đồng."),
    ]


def test_a_goal_item_that_opens_on_muc_tieu_is_specific(tmp_path):
    """ "b) Mục tiêu về cơ sở vật chất: Củng cố …" under "Mục tiêu cụ thể" is one of its items, not a "Mục tiêu" part of
    its own whose text would be a general objective."""
    goals = (
        "a) Nâng cao nhận thức của cộng đồng về phòng chống tai nạn thương tích.\n\n"
        "b) Mục tiêu về cơ sở vật chất: Củng cố hệ thống sơ cứu, cấp cứu tại cộng đồng."
    )
    plan = plan_from(tmp_path, GOALS_PLAN.format(goals=goals), name="plan.md")
    assert [o.kind for o in plan.objectives] == ["general", "specific", "specific"]
    assert "Củng cố hệ thống sơ cứu, cấp cứu tại cộng đồng." in plan.objectives[2].text


PARTY_PLAN = """TỈNH ỦY AN GIANG

Số 12-KH/TU

An Giang, ngày 10 tháng 3 năm 2024

KẾ HOẠCH

kiểm tra, giám sát năm 2024

I- MỤC ĐÍCH, YÊU CẦU

1- Mục đích

Đánh giá đúng thực trạng việc lãnh đạo, chỉ đạo thực hiện nghị quyết của các cấp ủy.

2- Yêu cầu

Việc kiểm tra được tiến hành nghiêm túc, khách quan, không gây phiền hà.

II- NỘI DUNG KIỂM TRA

1- Kiểm tra việc lãnh đạo, chỉ đạo thực hiện nghị quyết.
"""


def test_a_party_plan_numbers_its_parts_with_dashes(tmp_path):
    """A Party plan writes "I- MỤC ĐÍCH, YÊU CẦU" / "1- Mục đích" / "2- Yêu cầu": the aim is the one objective, and
    neither sub-heading is one."""
    plan = plan_from(tmp_path, PARTY_PLAN)
    assert [(o.kind, o.text) for o in plan.objectives] == [
        ("general", "Đánh giá đúng thực trạng việc lãnh đạo, chỉ đạo thực hiện nghị quyết của các cấp ủy.")
    ]


def test_an_appendix_title_in_capitals_is_not_an_attached_document(tmp_path):
    """After "Nơi nhận", "Phụ lục 5" / "KẾ HOẠCH THỰC HIỆN HOẠT ĐỘNG NĂM 2024" (seed 000) is the appendix's own title:
    the appendix goes on below it; only a type-and-subject line that follows the recipients begins an attached
    document."""
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\n\nSố: 18/QĐ-UBND\n\nAn Giang, ngày 10 tháng 3 năm 2024\n\nQUYẾT ĐỊNH\n\n"
        "Phê duyệt kế hoạch hoạt động năm 2024\n\nĐiều 1. Phê duyệt kế hoạch kèm theo.\n\n"
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n\nNơi nhận:\n- Như Điều 2;\n- Lưu: VT.\n\n"
        "Phụ lục 5\n\nKẾ HOẠCH THỰC HIỆN HOẠT ĐỘNG NĂM 2024\n\n1. Tập huấn cán bộ y tế xã.\n"
    )
    plan = plan_from(tmp_path, text)
    appendix = next(s for s in plan.sections if s.part == "appendix")
    below = [s for s in plan.sections if s.provenance.start > appendix.provenance.start]
    assert below and all(s.parent is not None for s in below)


AIMS_PLAN = """**ỦY BAN NHÂN DÂN**
**HUYỆN CHÂU THÀNH**

Số: 21/KH-UBND

*Châu Thành, ngày 10 tháng 3 năm 2019*

**KẾ HOẠCH**

**Tổ chức Tháng hành động vì trẻ em năm 2019**

**I. {part}**

**1. Mục đích**

Huy động sự tham gia của các cấp, các ngành, gia đình và cộng đồng trong việc thực hiện quyền trẻ em.

**2. {other}**

{other_text}

**II. NỘI DUNG HOẠT ĐỘNG**

1. Tổ chức lễ phát động.
"""


@pytest.mark.parametrize(
    ("part", "other", "other_text"),
    [
        ("MỤC ĐÍCH, CHỦ ĐỀ", "Chủ đề", '"Chung tay vì trẻ em - Ngăn chặn xâm hại trẻ em".'),
        ("MỤC ĐÍCH, Ý NGHĨA", "Ý nghĩa", "Tháng hành động là dịp để cả xã hội quan tâm hơn đến trẻ em."),
    ],
)
def test_a_purpose_part_divided_by_a_second_topic_states_only_the_aims(tmp_path, part, other, other_text):
    """An action-month plan's "I. MỤC ĐÍCH, CHỦ ĐỀ" (or "MỤC ĐÍCH, Ý NGHĨA") divided into "1. Mục đích" and "2. Chủ đề":
    the aim is what "Mục đích" holds; neither sub-heading nor the theme is an objective."""
    text = AIMS_PLAN.format(part=part, other=other, other_text=other_text)
    plan = plan_from(tmp_path, text, name="plan.md")
    assert [(o.kind, o.text) for o in plan.objectives] == [
        (
            "general",
            "Huy động sự tham gia của các cấp, các ngành, gia đình và cộng đồng trong việc thực hiện quyền trẻ em.",
        )
    ]
