"""Objectives on plans the rules were not written for (issue #12 item 6): which lines of a "Mục đích, yêu cầu" or
"Mục tiêu" part state no aim.

Fixtures in tests/fixtures/devdocs/ (ob_*): whole lines cut from fresh thuvienphapluat copies (README there). Forms
the fresh documents do not print are written here as small synthetic variants of a real passage, and say so.
Expected values were read from the fixtures by hand.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from conftest import plan_from

import vnplan
from vnplan.schema.model import PlanDocument

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "devdocs"
CORPUS_DEV = Path(__file__).resolve().parents[2] / "corpus" / "dev"

# fixture -> (its source, where the repository stores it whole (None: only the tnt305 path in the fixtures' README), the
# line ranges kept)
CUTS: dict[str, tuple[str, str | None, list[tuple[int, int]]]] = {
    "ob_nghean_kh982_excerpt.md": ("ob-NgheAn-KH982-dot-thi-dua-Dai-hoi-XIV-2025.md", None, [(1, 24), (40, 60)]),
    "ob_nghean_kh1026_excerpt.md": ("ob-NgheAn-KH1026-bao-ve-bi-mat-nha-nuoc-2025.md", None, [(1, 24), (31, 51)]),
    "ob_tw_qd2629_excerpt.md": (
        "ob-TW-QD2629-TTg-Chuong-trinh-Chinh-phu-so-2025-excerpt.md",
        "tasktables/tw-qd2629-chinh-phu-so-2025.md",
        [(1, 108), (153, 240)],
    ),
    "ob_dongthap_kh556_excerpt.md": (
        "ob-DongThap-KH556-tai-nguyen-moi-truong-bien-2025-excerpt.md",
        None,
        [(1, 24), (78, 149)],
    ),
}


@cache
def plan_of(name: str) -> PlanDocument:
    return vnplan.process(FIXTURES / name)


def objectives(plan: PlanDocument) -> list[tuple[str, str]]:
    return [(o.kind, o.text) for o in plan.objectives]


@pytest.mark.parametrize("name", sorted(CUTS))
def test_fixture_is_whole_lines_of_its_source(name):
    _, stored, ranges = CUTS[name]
    if stored is None:
        pytest.skip("its source is not stored in corpus/dev (tnt305 path in tests/fixtures/devdocs/README.md)")
    lines = (CORPUS_DEV / stored).read_bytes().splitlines(keepends=True)
    assert (FIXTURES / name).read_bytes() == b"".join(line for a, b in ranges for line in lines[a - 1 : b])


HEADER = (
    "**ỦY BAN NHÂN DÂN**\nTỈNH NGHỆ AN\n\nSố: 999/KH-UBND\n\n*Nghệ An, ngày 26 tháng 11 năm 2025*\n\n**KẾ HOẠCH**\n\n"
    "KIỂM TRA CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2026\n\n"
)
TAIL = "\n**II. NỘI DUNG KIỂM TRA**\n\n1. Kiểm tra việc giải quyết thủ tục hành chính.\n"
AIMS = (
    "Đánh giá đúng thực trạng công tác cải cách hành chính của các cơ quan, đơn vị.",
    "Kịp thời phát hiện, chấn chỉnh những tồn tại, hạn chế.",
)


# ---------------------------------------------------------------- an undivided "Mục đích, yêu cầu" list


def test_an_item_saying_how_the_campaign_is_run_is_a_requirement():
    # KH 982 Nghệ An: items 1 and 3 state aims; item 2 "Đợt thi đua được triển khai sâu rộng, đồng bộ, … bảo đảm
    # thiết thực, hiệu quả …" says how the campaign is carried out
    found = objectives(plan_of("ob_nghean_kh982_excerpt.md"))
    assert [(kind, text[:30]) for kind, text in found] == [
        ("general", "Phát huy sức mạnh tổng hợp của"),
        ("general", "Thông qua Đợt thi đua, kịp thờ"),
    ]


def test_items_numbered_in_bold_and_a_requirement_among_them():
    # KH 1026 Nghệ An: "**1.** Tiếp tục đẩy mạnh …", "**2.** Chủ động khắc phục …", "**3.** Công tác bảo vệ bí mật
    # nhà nước cần phải có …"
    found = objectives(plan_of("ob_nghean_kh1026_excerpt.md"))
    assert [(kind, text[:30]) for kind, text in found] == [
        ("general", "Tiếp tục đẩy mạnh công tác tuy"),
        ("general", "Chủ động khắc phục những tồn t"),
    ]


def test_requirements_of_an_inspection_worded_as_how_it_is_done_or_what_it_spares(tmp_path):
    # synthetic variant of KH 982's undivided list, for an inspection plan: after the aims, how the inspection is
    # conducted ("Việc kiểm tra được tiến hành …", "Kết quả … được tổng hợp …") and what it must not disturb
    text = HEADER + (
        f"**I. MỤC ĐÍCH, YÊU CẦU**\n\n- {AIMS[0]}\n\n- {AIMS[1]}\n\n"
        "- Việc kiểm tra được tiến hành nghiêm túc, khách quan, đúng quy định.\n\n"
        "- Không gây ảnh hưởng đến hoạt động của đơn vị được kiểm tra.\n\n"
        "- Kết quả kiểm tra được tổng hợp, báo cáo kịp thời.\n" + TAIL
    )
    assert objectives(plan_from(tmp_path, name="plan.md", text=text)) == [("general", AIMS[0]), ("general", AIMS[1])]


def test_one_paragraph_of_aims_then_requirement_sentences(tmp_path):
    # synthetic variant: an inspection's "Mục đích, yêu cầu" as one paragraph of aims followed by one line per
    # requirement, no sub-headings
    text = HEADER + (
        f"**I. MỤC ĐÍCH, YÊU CẦU**\n\nNhằm {AIMS[0][0].lower()}{AIMS[0][1:]}\n\n"
        "Việc kiểm tra phải khách quan, trung thực, đúng quy định của pháp luật.\n\n"
        "Không làm ảnh hưởng đến hoạt động bình thường của cơ quan, đơn vị được kiểm tra.\n" + TAIL
    )
    assert [kind for kind, _ in objectives(plan_from(tmp_path, name="plan.md", text=text))] == ["general"]


def test_bullets_that_name_aims_and_requirements_as_run_in_labels(tmp_path):
    # synthetic variant of KH 159 Cần Thơ's "1. Mục đích" / "2. Yêu cầu" written as "-" items with a run-in label,
    # and a label item "- Yêu cầu:" above requirement items of the same list
    run_in = HEADER + (
        f"**I. MỤC ĐÍCH, YÊU CẦU**\n\n- Mục đích: {AIMS[0]}\n\n"
        "- Yêu cầu: Việc kiểm tra khách quan, đúng quy định.\n" + TAIL
    )
    assert objectives(plan_from(tmp_path, name="plan.md", text=run_in)) == [("general", AIMS[0])]
    labels = HEADER + (
        f"**I. MỤC ĐÍCH, YÊU CẦU**\n\n- Mục đích:\n\n- {AIMS[0]}\n\n- {AIMS[1]}\n\n- Yêu cầu:\n\n"
        "- Tổ chức kiểm tra đúng thời gian, nội dung đã thông báo.\n" + TAIL
    )
    assert objectives(plan_from(tmp_path, name="plan.md", text=labels)) == [("general", AIMS[0]), ("general", AIMS[1])]


# ---------------------------------------------------------------- lines of a "Mục tiêu" part that state no aim


def test_a_programme_approved_by_decision_on_a_web_page_without_blank_lines():
    # QĐ 2629/QĐ-TTg: "**II.** **MỤC TIÊU ĐẾN NĂM 2030**" after the last item of "I. QUAN ĐIỂM", "1. Mục tiêu chung"
    # above its paragraph; under "2. Mục tiêu cụ thể" two goal titles, each with the lead-in "Một số chỉ tiêu cơ bản
    # bao gồm:", period labels ("- Giai đoạn 2025-2027") and "+" targets broken at the margin ("… 01 ứng dụng" / "AI
    # để phục vụ …"); "3. Thay đổi đột phá xếp hạng quốc gia" above its ranking targets
    plan = plan_of("ob_tw_qd2629_excerpt.md")
    assert plan.document.plan is not None and plan.document.plan.doc_type == "Chương trình"
    found = objectives(plan)
    assert found[0][0] == "general" and found[0][1].startswith("Đến năm 2030, Việt Nam hoàn thành xây dựng")
    assert found[1:] == [
        ("specific", "Cung cấp dịch vụ số bao trùm, thông minh"),
        ("specific", "Cơ quan nhà nước quản lý, chỉ đạo, điều hành thông minh, an toàn dựa trên dữ liệu"),
        ("specific", "Thay đổi đột phá xếp hạng quốc gia"),
    ]
    assert plan.indicators


def test_a_lead_in_without_its_colon_is_no_objective(tmp_path):
    # synthetic variant of QĐ 2629's "Mục tiêu cụ thể" whose lead-in lost its colon
    text = HEADER + (
        "**I. MỤC TIÊU**\n\n1. Mục tiêu chung\n\nNâng cao chất lượng công tác cải cách hành chính.\n\n"
        "2. Mục tiêu cụ thể\n\nPhấn đấu đến năm 2026 đạt các mục tiêu cụ thể như sau\n\n"
        "- Hoàn thành rà soát thủ tục hành chính của các sở, ngành.\n" + TAIL
    )
    assert objectives(plan_from(tmp_path, name="plan.md", text=text)) == [
        ("general", "Nâng cao chất lượng công tác cải cách hành chính."),
        ("specific", "Hoàn thành rà soát thủ tục hành chính của các sở, ngành."),
    ]


def test_the_topic_of_a_group_of_targets_is_no_objective(tmp_path):
    # synthetic variant of the preschool programme's "Mục tiêu cụ thể" (the passage a thuvienphapluat note quotes
    # from KH 188/KH-UBND TP Hồ Chí Minh, 2025): groups "- Đối với trẻ em" of "+ Tại …: phấn đấu N% …" targets
    text = HEADER + (
        "**I. MỤC TIÊU**\n\n**1. Mục tiêu chung**\n\nNâng cao chất lượng giáo dục mầm non ở địa bàn đô thị.\n\n"
        "**2. Mục tiêu cụ thể**\n\n- Đối với trẻ em\n\n+ Tại địa bàn đô thị: phấn đấu 100% trẻ em được chăm sóc, "
        "giáo dục bảo đảm an toàn.\n\n- Đối với cán bộ quản lý, giáo viên mầm non và nhân viên\n\n+ Tại địa bàn đô "
        "thị: phấn đấu 80% giáo viên được tiếp cận tài liệu trên nền tảng số.\n\n- Củng cố, mở rộng mạng lưới cơ sở "
        "giáo dục mầm non ở địa bàn có khu công nghiệp.\n" + TAIL
    )
    assert objectives(plan_from(tmp_path, name="plan.md", text=text)) == [
        ("general", "Nâng cao chất lượng giáo dục mầm non ở địa bàn đô thị."),
        ("specific", "Củng cố, mở rộng mạng lưới cơ sở giáo dục mầm non ở địa bàn có khu công nghiệp."),
    ]


DECISION = (
    "**ỦY BAN NHÂN DÂN**\nTỈNH QUẢNG NGÃI\n\nSố: 1627/QĐ-UBND\n\n*Quảng Ngãi, ngày 21 tháng 11 năm 2025*\n\n"
    "**QUYẾT ĐỊNH**\n\nVề việc ban hành Kế hoạch kiểm kê tài sản công năm 2026\n\n"
    "**CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH**\n\n*Theo đề nghị của Giám đốc Sở Tài chính.*\n\n**QUYẾT ĐỊNH:**\n\n"
    "**Điều 1.** Ban hành kèm theo Quyết định này Kế hoạch kiểm kê tài sản công năm 2026.\n\n"
    "**Điều 2.** Mục đích: Thông qua kiểm kê, đánh giá thực trạng quản lý tài sản công.\n\n"
    "**Điều 3.** Chánh Văn phòng UBND tỉnh chịu trách nhiệm thi hành Quyết định này./.\n\n"
    "|\nNơi nhận:\n- Lưu: VT.\n|\n**KT. CHỦ TỊCH**\nPHÓ CHỦ TỊCH\nNguyễn Văn A\n|\n\n"
    "**KẾ HOẠCH**\n\nKiểm kê tài sản công năm 2026\n\n**I. MỤC ĐÍCH, YÊU CẦU**\n\n**1. Mục đích**\n\n"
    "{aim}**2. Yêu cầu**\n\nViệc kiểm kê phải đầy đủ, chính xác.\n\n**II. PHẠM VI KIỂM KÊ**\n\n1. Toàn bộ tài sản công.\n"
)


def test_the_aims_of_a_decision_that_attaches_its_plan_are_the_plans(tmp_path):
    # synthetic variant of QĐ 2623/QĐ-TTg (a decision, its signature, then "KẾ HOẠCH"), for an inventory: an article
    # of the decision that names a purpose states none of the plan's aims, unless the plan states none
    aim = "Xác định chính xác số lượng, giá trị tài sản công hiện có."
    assert objectives(plan_from(tmp_path, name="plan.md", text=DECISION.format(aim=aim + "\n\n"))) == [("general", aim)]
    assert objectives(plan_from(tmp_path, name="plan.md", text=DECISION.format(aim=""))) == [
        ("general", "Thông qua kiểm kê, đánh giá thực trạng quản lý tài sản công.")
    ]


def test_bullets_that_name_the_objective_parts_as_labels(tmp_path):
    # synthetic variant of KH 597 Đồng Tháp's "II. MỤC TIÊU" with "1. Mục tiêu chung" / "2. Mục tiêu cụ thể" written
    # as "-" label items, the paragraph and the "+" items below them (a bullet names no part in the section tree)
    text = HEADER + (
        "**I. MỤC TIÊU**\n\n- Mục tiêu chung:\n\nNâng cao năng lực quản lý kết cấu hạ tầng giao thông.\n\n"
        "- Mục tiêu cụ thể:\n\n+ Hoàn thiện cơ sở dữ liệu tập trung về hạ tầng giao thông.\n\n"
        "+ Ứng dụng rộng rãi IoT, AI trong giám sát công trình giao thông.\n" + TAIL
    )
    assert objectives(plan_from(tmp_path, name="plan.md", text=text)) == [
        ("general", "Nâng cao năng lực quản lý kết cấu hạ tầng giao thông."),
        ("specific", "Hoàn thiện cơ sở dữ liệu tập trung về hạ tầng giao thông."),
        ("specific", "Ứng dụng rộng rãi IoT, AI trong giám sát công trình giao thông."),
    ]


def test_an_item_that_states_its_aim_before_its_targets_is_an_objective():
    # KH 556 Đồng Tháp (held out): "+ Ngăn ngừa, kiểm soát và giảm đáng kể ô nhiễm môi trường biển và hải đảo; ở các
    # khu đô thị ven biển, đảm bảo 100% chất thải …; 100% khu công nghiệp …" under the topic lead-in "- Về môi
    # trường, …:"; the run-in topic "- Về khoa học, công nghệ, …: tiếp cận …" keeps its text
    found = objectives(plan_of("ob_dongthap_kh556_excerpt.md"))
    assert [kind for kind, _ in found] == ["general"] * 2 + ["specific"] * 6
    assert any(text.startswith("Ngăn ngừa, kiểm soát và giảm đáng kể ô nhiễm") for _, text in found)
    assert not any(text.startswith("Về môi trường") for _, text in found)
    assert plan_of("ob_dongthap_kh556_excerpt.md").indicators  # the targets of that item are indicators besides


def test_an_item_that_is_itself_a_target_stays_out(tmp_path):
    # synthetic variant of KH 597 Đồng Tháp's "Mục tiêu cụ thể": "Phấn đấu đến năm 2030, 100% …" is a target in its
    # first clause
    text = HEADER + (
        "**I. MỤC TIÊU**\n\n**1. Mục tiêu cụ thể**\n\n- Phấn đấu đến năm 2030, 100% hồ sơ, dữ liệu chuyên ngành được "
        "quản lý trên môi trường số; 100% thủ tục hành chính được cung cấp trực tuyến.\n\n"
        "- Hoàn thiện cơ sở dữ liệu tập trung về hạ tầng giao thông toàn Tỉnh.\n" + TAIL
    )
    assert objectives(plan_from(tmp_path, name="plan.md", text=text)) == [
        ("specific", "Hoàn thiện cơ sở dữ liệu tập trung về hạ tầng giao thông toàn Tỉnh.")
    ]


def test_an_activitys_own_aim_named_by_a_bullet_leaves_the_plans_aims_alone(tmp_path):
    # synthetic variant of an action month (the form of KH 982's campaign): an activity under "II. NỘI DUNG" gives
    # its own "- Mục tiêu: …" as a bullet; the plan has no "Mục tiêu" part, so its aims are those under "Mục đích" (R2)
    text = HEADER + (
        "**I. MỤC ĐÍCH, YÊU CẦU**\n\n**1. Mục đích**\n\nNâng cao nhận thức về bình đẳng giới của người dân.\n\n"
        "**2. Yêu cầu**\n\nCác hoạt động tổ chức thiết thực.\n\n**II. NỘI DUNG HOẠT ĐỘNG**\n\n"
        "**1. Tổ chức Lễ mít tinh hưởng ứng Tháng hành động**\n\n- Mục tiêu: Thu hút đông đảo người dân tham gia.\n\n"
        "- Thời gian: tháng 11 năm 2025.\n"
    )
    assert objectives(plan_from(tmp_path, name="plan.md", text=text)) == [
        ("general", "Nâng cao nhận thức về bình đẳng giới của người dân.")
    ]


def test_a_topic_run_into_its_aim_is_an_objective(tmp_path):
    # synthetic variant of KH 556 Đồng Tháp's run-in topics, short: "- Về giáo dục: nâng cao …" is the aim, "- Đối với
    # trẻ em" alone a topic label
    text = HEADER + (
        "**I. MỤC TIÊU**\n\n**1. Mục tiêu cụ thể**\n\n- Về giáo dục: nâng cao chất lượng dạy học.\n\n"
        "- Đối với trẻ em\n\n+ Tại địa bàn đô thị: phấn đấu 100% trẻ em được chăm sóc.\n" + TAIL
    )
    assert objectives(plan_from(tmp_path, name="plan.md", text=text)) == [
        ("specific", "Về giáo dục: nâng cao chất lượng dạy học.")
    ]
