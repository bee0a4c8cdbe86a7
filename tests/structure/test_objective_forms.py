"""Objectives, identity and timetables in the forms real plans use (issue #12 items 5-6, #13 item 4).

Fixtures in tests/fixtures/forms/: whole lines cut from ../shared/realdocs (CUTS, checked below when the
corpus is at hand), from ../shared/samples/text/08_* (SAMPLE_CUTS), and two OCR texts: the lines of
`vnplan text` on realdocs 33 (header, "I. MỤC ĐÍCH, YÊU CẦU", the signature block) and on
samples/pdf/09_* (header and signature block), kept as OCR read them. Forms the development material
does not print are written here as small synthetic variants of a real passage, and say so.
Expected values were read from the fixtures by hand.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from conftest import plan_from

import vnplan
from vnplan.schema.model import PlanDocument

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "forms"
SHARED = Path(__file__).resolve().parents[3] / "shared"

CUTS: dict[str, tuple[str, list[tuple[int, int]]]] = {
    "05_hanoi_objectives.md": ("realdocs/05_HaNoi_ha-tang-5G-IoT-khu-cong-nghiep_2025.md", [(1, 24), (105, 156)]),
    "13_dongthap_objectives.md": ("realdocs/13_DongThap_chuyen-doi-so-doanh-nghiep_2025.md", [(1, 24), (36, 104)]),
    "15_hochiminh_attached_plan.md": (
        "realdocs/15_HoChiMinh_de-an-quan-ly-rui-ro-thien-tai_2025.md",
        [(1, 24), (100, 176)],
    ),
    "21_tw_national_body.md": (
        "realdocs/21_TW_KH252-BCDQG1237-tim-kiem-quy-tap-hai-cot-liet-si_2013.md",
        [(1, 27), (352, 362)],
    ),
    "08_hochiminh_decision_plan.txt": (
        "samples/text/08_HoChiMinh_ho-tro-nha-o-nguoi-co-cong_2014.txt",
        [(1, 8), (21, 54), (61, 106)],
    ),
}


@cache
def plan_of(name: str) -> PlanDocument:
    return vnplan.process(FIXTURES / name)


def objectives(plan: PlanDocument) -> list[tuple[str, str]]:
    return [(o.kind, o.text) for o in plan.objectives]


@pytest.mark.skipif(not SHARED.is_dir(), reason="the shared corpus is not on this machine")
@pytest.mark.parametrize("name", sorted(CUTS))
def test_fixture_is_whole_lines_of_its_source(name):
    source, ranges = CUTS[name]
    lines = (SHARED / source).read_bytes().splitlines(keepends=True)
    assert (FIXTURES / name).read_bytes() == b"".join(line for a, b in ranges for line in lines[a - 1 : b])


# ---------------------------------------------------------------- objectives


HEADER = "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\nSố: 12/KH-UBND\nLâm Đồng, ngày 10 tháng 3 năm 2026\n\nKẾ HOẠCH\n{title}\n\n"
AIMS = (
    "Tăng cường công tác thông tin, tuyên truyền nhằm nâng cao nhận thức, trách nhiệm của đội ngũ cán bộ, công chức.",
    "Nâng cao nhận thức về cải cách hành chính, tăng cường sự tham gia của người dân, doanh nghiệp.",
)
REQUIREMENT = "Công tác tuyên truyền phải kịp thời, đầy đủ, thường xuyên, hiệu quả."


def test_run_in_aims_state_the_aim_after_the_colon(tmp_path):
    # synthetic variant of samples/text/07_* "I. MỤC ĐÍCH, YÊU CẦU": "1. Mục đích: …" run into its text
    text = HEADER.format(title="Tuyên truyền cải cách hành chính năm 2026") + (
        f"I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích: {AIMS[0]}\n2. Yêu cầu: {REQUIREMENT}\n"
        "II. NỘI DUNG\n1. Tuyên truyền trên báo chí.\n"
    )
    assert objectives(plan_from(tmp_path, text)) == [("general", AIMS[0])]


def test_run_in_general_objective_and_items_of_specific_objectives(tmp_path):
    # synthetic variant of realdocs 15 "I. MỤC TIÊU": "a) Mục tiêu chung: …", "b) Mục tiêu cụ thể:" and "+" items
    text = HEADER.format(title="Phòng, chống thiên tai năm 2026") + (
        "I. NỘI DUNG KẾ HOẠCH\n1. Mục tiêu\na) Mục tiêu chung: Nâng cao nhận thức về thiên tai cho người dân.\n"
        "b) Mục tiêu cụ thể:\n+ Hoàn thiện các văn bản hướng dẫn cơ chế, chính sách.\n"
        "+ Trang bị kiến thức về thiên tai cho đội ngũ giảng viên các cấp.\n2. Nhiệm vụ\nTổ chức tập huấn.\n"
    )
    assert objectives(plan_from(tmp_path, text)) == [
        ("general", "Nâng cao nhận thức về thiên tai cho người dân."),
        ("specific", "Hoàn thiện các văn bản hướng dẫn cơ chế, chính sách."),
        ("specific", "Trang bị kiến thức về thiên tai cho đội ngũ giảng viên các cấp."),
    ]


def test_unnumbered_part_lines_and_a_part_heading_wrapped_over_two_lines(tmp_path):
    # synthetic variants of samples/text/07_*: the part heading wrapped ("I. MỤC ĐÍCH," / "YÊU CẦU"), and
    # "Mục đích" / "Yêu cầu" printed on lines of their own without numbering (their bold lost)
    wrapped = HEADER.format(title="Tuyên truyền cải cách hành chính năm 2026") + (
        f"I. MỤC ĐÍCH,\nYÊU CẦU\n1. Mục đích\n- {AIMS[0]}\n- {AIMS[1]}\n2. Yêu cầu\n- {REQUIREMENT}\nII. NỘI DUNG\n"
    )
    plan = plan_from(tmp_path, wrapped)
    assert next((s.title, s.part) for s in plan.sections if s.level == 1) == ("MỤC ĐÍCH, YÊU CẦU", "purpose")
    assert objectives(plan) == [("general", AIMS[0]), ("general", AIMS[1])]
    unnumbered = HEADER.format(title="Tuyên truyền cải cách hành chính năm 2026") + (
        f"MỤC ĐÍCH, YÊU CẦU\nMục đích\n{AIMS[0]}\nYêu cầu:\n{REQUIREMENT}\nNHIỆM VỤ\n1. Tuyên truyền.\n"
    )
    assert objectives(plan_from(tmp_path, unnumbered)) == [("general", AIMS[0])]


def test_an_undivided_list_keeps_its_aims_not_the_requirements_worded_as_the_plans_write_them(tmp_path):
    # synthetic variant of samples/text/07_* "I. MỤC ĐÍCH, YÊU CẦU" with its items not sorted under "Mục đích" and
    # "Yêu cầu"; the requirements open as the "Yêu cầu" items of realdocs 03 and 07 do ("Bám sát …", "Bảo đảm sự
    # chỉ đạo …") and an item tells bodies what to do
    text = HEADER.format(title="Tuyên truyền cải cách hành chính năm 2026") + (
        f"I. MỤC ĐÍCH, YÊU CẦU\n1. {AIMS[0]}\n2. Bám sát nội dung Chương trình tổng thể cải cách hành chính.\n"
        "3. Bảo đảm sự chỉ đạo, điều hành thống nhất của Ủy ban nhân dân tỉnh.\n"
        "4. Các sở, ban, ngành, Ủy ban nhân dân các xã, phường chủ động triển khai.\nII. NỘI DUNG\n1. Tuyên truyền.\n"
    )
    assert objectives(plan_from(tmp_path, text)) == [("general", AIMS[0])]


def test_aims_and_requirements_heading_that_lost_its_comma(tmp_path):
    # synthetic variant of samples/text/07_* "I. MỤC ĐÍCH, YÊU CẦU" printed without its comma: the "Mục đích" and
    # "Yêu cầu" sub-headings are no aims themselves, and the requirement stays out
    text = HEADER.format(title="Tuyên truyền cải cách hành chính năm 2026") + (
        f"I. MỤC ĐÍCH YÊU CẦU\n1. Mục đích\n{AIMS[0]}\n2. Yêu cầu\n{REQUIREMENT}\nII. NỘI DUNG\n1. Tuyên truyền.\n"
    )
    assert objectives(plan_from(tmp_path, text)) == [("general", AIMS[0])]


def test_views_schedule_and_a_tasks_own_aim_are_no_objectives_of_the_plan(tmp_path):
    # synthetic variant of realdocs 05 and 17: "1. Quan điểm" and "3. Thời gian thực hiện" beside the aims under
    # "II. MỤC TIÊU"; "Mục tiêu:" of one task under "III. NHIỆM VỤ" does not hide the plan's "Mục đích" (R2)
    text = HEADER.format(title="Phát triển hạ tầng số năm 2026") + (
        "II. MỤC TIÊU\n1. Quan điểm\n2. Hoàn thành quy hoạch hạ tầng viễn thông thụ động\n3. Thời gian thực hiện\n"
        "III. NHIỆM VỤ\n1. Xây dựng hạ tầng\n"
    )
    assert objectives(plan_from(tmp_path, text)) == [("specific", "Hoàn thành quy hoạch hạ tầng viễn thông thụ động")]
    text = HEADER.format(title="Tuyên truyền cải cách hành chính năm 2026") + (
        f"I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n{AIMS[0]}\n2. Yêu cầu\n{REQUIREMENT}\n"
        "II. NHIỆM VỤ\n1. Tổ chức cuộc thi\na) Mục tiêu: thu hút đông đảo người dân tham gia.\n"
    )
    assert objectives(plan_from(tmp_path, text)) == [("general", AIMS[0])]


def test_markdown_headings_name_the_objective_parts(tmp_path):
    # synthetic variant of seed 003 ("#### **I. MỤC ĐÍCH, YÊU CẦU**", "##### **1. Mục tiêu chung**") without numbers
    text = (
        "# KẾ HOẠCH\nPhát triển du lịch năm 2026\n\n## MỤC TIÊU\n\n### **Mục tiêu chung**\n\n"
        "Phát triển du lịch trở thành ngành kinh tế mũi nhọn của tỉnh.\n\n### **Mục tiêu cụ thể**\n\n"
        "- Xây dựng thương hiệu du lịch gắn với công viên địa chất.\n\n## NHIỆM VỤ\n\n1. Tổ chức các sự kiện.\n"
    )
    assert objectives(plan_from(tmp_path, text, "plan.md")) == [
        ("general", "Phát triển du lịch trở thành ngành kinh tế mũi nhọn của tỉnh."),
        ("specific", "Xây dựng thương hiệu du lịch gắn với công viên địa chất."),
    ]


def test_bullets_under_dated_objective_headings_and_no_status_paragraph():
    # realdocs 05: "**II. MỤC\nTIÊU**", a paragraph on where things stand ("Hiện nay, … 180 trạm"), then
    # "**1. Mục\ntiêu đến hết năm 2026**" and "-" bullets; the numeric bullets are indicators
    found = objectives(plan_of("05_hanoi_objectives.md"))
    assert found[0] == (
        "specific",
        "Hoàn thành bổ sung, điều chỉnh quy hoạch viễn thông cho toàn bộ các khu công nghệ cao, khu công nghiệp, "
        "cụm công nghiệp hiện hữu.",
    )
    assert all(kind == "specific" for kind, _ in found)
    assert not [text for _, text in found if text.startswith(("Hiện nay", "100%"))]


def test_a_scope_item_under_objectives_is_no_objective():
    # realdocs 13: "**II. MỤC\nTIÊU, ĐỐI TƯỢNG**" / "**2. Đối tượng áp dụng**"; every "Mục tiêu cụ thể" item is a
    # numeric target, so the plan has no objective (R2: its "Mục tiêu" part wins over "Mục đích")
    plan = plan_of("13_dongthap_objectives.md")
    assert next(s.part for s in plan.sections if s.title == "Đối tượng áp dụng") == "scope"
    assert objectives(plan) == []


def test_general_and_specific_objectives_of_a_decisions_attached_plan():
    # realdocs 15: Quyết định 2853/QĐ-UBND, its signature, then "**KẾ HOẠCH**", "**I. MỤC TIÊU**",
    # "**1. Mục tiêu chung**", "**2. Mục tiêu cụ thể**" with a lead-in line and "-" items
    found = objectives(plan_of("15_hochiminh_attached_plan.md"))
    assert found[0][0] == "general" and found[0][1].startswith("Nâng cao nhận thức về thiên tai")
    assert [text[:40] for kind, text in found if kind == "specific"] == [
        "Hoàn thiện và triển khai các văn bản hướ",
        "Đội ngũ giảng viên, tập huấn viên các cấ",
    ]


def test_capital_letter_parts_and_the_aim_of_an_older_national_plan():
    # realdocs 21 (2013): "A. MỤC ĐÍCH, YÊU CẦU" / "1. Mục đích" / "2. Yêu cầu"
    plan = plan_of("21_tw_national_body.md")
    part = next(s for s in plan.sections if s.label == "A")
    assert (part.title, part.part, part.level) == ("MỤC ĐÍCH, YÊU CẦU", "purpose", 1)
    assert [(kind, text[:30]) for kind, text in objectives(plan)] == [("general", "Nhằm cụ thể hóa nội dung Chỉ t")]


def test_an_undivided_aims_and_requirements_list_keeps_the_aims_only():
    # realdocs 33 (OCR text): "I. MỤC ĐÍCH, YÊU CẦU" with three numbered items; 2 ("… phải được thực hiện
    # đồng bộ") and 3 ("Đảm bảo đúng chủ trương …") are requirements
    found = objectives(plan_of("33_tw_scan_ocr.txt"))
    assert [(kind, text[:40]) for kind, text in found] == [("general", "Tăng cường phối hợp trong công tác kiểm ")]


# ---------------------------------------------------------------- identity


def test_a_national_body_by_the_short_name_the_document_gives_it():
    # realdocs 21: header "BAN CHỈ ĐẠO QUỐC GIA VỀ TÌM KIẾM, QUY TẬP HÀI CỐT LIỆT SĨ -------", preamble
    # "(gọi tắt là Ban Chỉ đạo quốc gia 1237)"; the signature in a table row beside "Nơi nhận"
    plan = plan_of("21_tw_national_body.md")
    doc = plan.document
    assert (doc.issuer, doc.number, doc.issued_date) == ("Ban Chỉ đạo quốc gia 1237", "252/KH-BCĐQG1237", "2013-11-11")
    assert doc.province is None and doc.plan is None  # a plan, not a decision attaching one
    assert (doc.signer.title, doc.signer.name) == ("TRƯỞNG BAN", "Nguyễn Thiện Nhân")


def test_a_letter_spaced_header_and_a_decision_that_attaches_its_plan():
    # samples/text/08_*: "ỦY B AN NHÂN D Â N T HÀNH P HỐ HỒ C H Í M I NH", "T hành phố Hồ Chí M inh, ngày 28
    # tháng 6 năm 2014", signature "KT. CHỦ TỊ CH P HÓ CHỦ T Ị CH Ngu y ễn Hữu Tín" in a table row
    doc = plan_of("08_hochiminh_decision_plan.txt").document
    assert (doc.doc_type, doc.number, doc.issued_date) == ("Quyết định", "3210/QĐ-UBND", "2014-06-28")
    assert doc.issuer == "Ủy ban nhân dân thành phố Hồ Chí Minh"
    assert doc.province.name == "Hồ Chí Minh"
    assert not doc.title.endswith("CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH")  # the authority line
    assert (doc.signer.authority, doc.signer.title, doc.signer.name) == (
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Nguyễn Hữu Tín",
    )
    # read rejoined, pointed at as printed: the provenance is the letter-spaced cell itself
    assert doc.signer.provenance.text == "KT. CHỦ TỊ CH P HÓ CHỦ T Ị CH Ngu y ễn Hữu Tín"
    assert doc.plan is not None and doc.plan.doc_type == "Kế hoạch"


def test_a_receiving_stamp_and_an_abbreviated_header_on_a_scan():
    # realdocs 33 (OCR text): "TỔ CÔNG TÁC LIÊN NGÀNH TƯ", the number, then the receiver's stamp "UBND TỈNH LÂM
    # ĐỒNG"; the preamble: "Tổ công tác liên ngành trung ương ban hành Kế hoạch"; "Đại tá Bùi Duy Hưng" under seal debris
    doc = plan_of("33_tw_scan_ocr.txt").document
    assert doc.issuer == "Tổ công tác liên ngành trung ương"
    assert doc.province is None
    assert (doc.signer.title, doc.signer.name) == (None, "Bùi Duy Hưng")


def test_a_scanned_decree_title_without_its_stamp_and_the_signer_by_name():
    # samples/pdf/09_* (OCR text): "ĐẾN Ga:...C......., Quy định mức hưởng trợ cấp, phụ cấp" (the receiving stamp
    # over the title); the titles above the signature were not read, the name "Phạm Minh Chính" was
    doc = plan_of("09_nd75_scan_ocr.txt").document
    assert (doc.doc_type, doc.number, doc.issuer) == ("Nghị định", "75/2021/NĐ-CP", "Chính phủ")
    assert doc.title.startswith("Quy định mức hưởng trợ cấp, phụ cấp")
    assert (doc.signer.title, doc.signer.name) == (None, "Phạm Minh Chính")


# ---------------------------------------------------------------- timetables written as lists


def test_steps_with_their_deadline_lines_are_activities():
    # samples/text/08_*: "2.2. Bước 2: Kiểm tra hiện trạng nhà ở …" / "Thời gian hoàn tất: trước ngày 25 tháng 7
    # năm 2014."; step 1's date stands under its sub-item "2.1.b. Hướng dẫn và tiếp nhận hồ sơ:"
    acts = plan_of("08_hochiminh_decision_plan.txt").activities
    assert [(a.name[:30], a.deadline) for a in acts] == [
        ("Hướng dẫn và tiếp nhận hồ sơ", "trước ngày 27 tháng 6 năm 2014"),
        ("Kiểm tra hiện trạng nhà ở của ", "trước ngày 25 tháng 7 năm 2014"),
        ("Tổng hợp và phê duyệt danh sác", "trước ngày 18 tháng 8 năm 2014"),
        ("Lập Đề án hỗ trợ người có công", "trước ngày 30 tháng 9 năm 2014"),
        ("Thẩm định và xác định nguồn ki", "trước ngày 15 tháng 10 năm 2014"),
        ("Phê duyệt và triển khai thực h", "trước ngày 31 tháng 10 năm 2014"),
    ]
    assert all(a.lead_unit is None for a in acts)


def test_a_school_year_calendar_written_as_a_list():
    # realdocs 23 (tests/fixtures/realdocs/23_tuyenquang_excerpt.md): Điều 1's numbered steps, dated on their
    # line ("1. Tựu trường các cấp học: Ngày 26/8/2024 (thứ Hai).") or in their bullets (item 3)
    path = Path(__file__).resolve().parent.parent / "fixtures" / "realdocs" / "23_tuyenquang_excerpt.md"
    acts = vnplan.process(path).activities
    assert [a.name for a in acts] == [
        "Tựu trường các cấp học",
        "Tổ chức Khai giảng năm học mới",
        "Học kỳ I",
        "Học kỳ II",
    ]
    assert acts[0].deadline.startswith("Ngày 26/8/2024")
    assert acts[2].deadline == "Bắt đầu từ ngày 06/9/2024; kết thúc trước ngày 18/01/2025"


def test_unit_tasks_with_a_quarter_are_no_timetable():
    # realdocs 17 (tests/fixtures/realdocs/17_laichau_excerpt.md): numbered tasks with "- Cơ quan chủ trì: …" and
    # "- Thời gian thực hiện: Quý IV năm 2025": unit tasks in running text (R6), no activity
    path = Path(__file__).resolve().parent.parent / "fixtures" / "realdocs" / "17_laichau_excerpt.md"
    assert vnplan.process(path).activities == []


def test_a_list_of_cited_documents_is_no_timetable(tmp_path):
    # synthetic variant of the preamble of realdocs 21 written as a numbered list of its legal bases
    text = HEADER.format(title="Tìm kiếm, quy tập hài cốt liệt sĩ năm 2026") + (
        "I. CĂN CỨ\n1. Chỉ thị số 24-CT/TW ngày 15/5/2013 của Bộ Chính trị;\n"
        "2. Quyết định số 1237/QĐ-TTg ngày 27/7/2013 của Thủ tướng Chính phủ;\n"
        "3. Quyết định số 1753/QĐ-TTg ngày 30/9/2013 của Thủ tướng Chính phủ.\nII. NHIỆM VỤ\n1. Tìm kiếm.\n"
    )
    assert plan_from(tmp_path, text).activities == []


# ---------------------------------------------------------------- objectives in groups and in appendices


def test_items_of_specific_objectives_sorted_into_groups(tmp_path):
    # synthetic variant of realdocs 15 "b) Mục tiêu cụ thể:": the items stand under group lines ("a) Về …:"), as a
    # plan for preschool education sorts them; the group line is a lead-in, the numeric item an indicator
    text = HEADER.format(title="Phát triển giáo dục mầm non năm 2026") + (
        "I. MỤC TIÊU\n1. Mục tiêu chung\nPhát triển mạng lưới trường, lớp mầm non đáp ứng nhu cầu của công nhân.\n"
        "2. Mục tiêu cụ thể\na) Về mạng lưới trường, lớp:\n- Bố trí đủ quỹ đất xây dựng trường mầm non.\n"
        "- Đến năm 2030, 100% khu công nghiệp có trường mầm non.\nb) Về chất lượng chăm sóc, giáo dục trẻ:\n"
        "- Nâng cao chất lượng chăm sóc, nuôi dưỡng trẻ tại các nhóm trẻ độc lập.\nII. NHIỆM VỤ\n1. Tuyên truyền.\n"
    )
    assert objectives(plan_from(tmp_path, text)) == [
        ("general", "Phát triển mạng lưới trường, lớp mầm non đáp ứng nhu cầu của công nhân."),
        ("specific", "Bố trí đủ quỹ đất xây dựng trường mầm non."),
        ("specific", "Nâng cao chất lượng chăm sóc, nuôi dưỡng trẻ tại các nhóm trẻ độc lập."),
    ]


def test_explanations_under_a_numbered_objective_stay_out_of_its_groups(tmp_path):
    # O1 holds below groups too: under "Mục tiêu 1: <title>" only the title is an objective
    text = HEADER.format(title="Phát triển y tế cơ sở năm 2026") + (
        "I. MỤC TIÊU CỤ THỂ\n1. Mục tiêu 1: Phát triển kỹ thuật chuyên môn\na) Nội dung:\n"
        "- Triển khai các kỹ thuật mới tại tuyến xã.\nII. NHIỆM VỤ\n1. Tuyên truyền.\n"
    )
    assert objectives(plan_from(tmp_path, text)) == [("specific", "Phát triển kỹ thuật chuyên môn")]


def test_a_plan_attached_as_an_appendix_states_the_aims(tmp_path):
    # synthetic variant of samples/text/08_* (a decision that issues its plan) with the plan attached as "PHỤ LỤC":
    # the decision's articles state no aim, so the appendix's "Mục đích" is the plan's (R2)
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: 1627/QĐ-UBND\nQuảng Ngãi, ngày 21 tháng 11 năm 2025\n\nQUYẾT ĐỊNH\n"
        "Ban hành Kế hoạch kiểm kê tài sản công\n\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch "
        "kiểm kê tài sản công (Phụ lục kèm theo).\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký.\n\nPHỤ LỤC\n"
        f"KẾ HOẠCH KIỂM KÊ TÀI SẢN CÔNG\nI. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n{AIMS[0]}\n2. Yêu cầu\n{REQUIREMENT}\n"
        "II. NỘI DUNG\n1. Kiểm kê trụ sở làm việc.\n"
    )
    assert objectives(plan_from(tmp_path, text)) == [("general", AIMS[0])]


def test_an_appendix_does_not_add_aims_to_a_plan_that_states_its_own(tmp_path):
    text = HEADER.format(title="Tuyên truyền cải cách hành chính năm 2026") + (
        f"I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n{AIMS[0]}\n2. Yêu cầu\n{REQUIREMENT}\nII. NỘI DUNG\n1. Tuyên truyền.\n"
        f"PHỤ LỤC\nI. MỤC TIÊU\n1. Mục tiêu chung\n{AIMS[1]}\n"
    )
    assert objectives(plan_from(tmp_path, text)) == [("general", AIMS[0])]


# ---------------------------------------------------------------- schedules written as steps

SCHEDULE = (
    "1. Trước ngày 15/12/2025: Các cơ quan, đơn vị thành lập Hội đồng kiểm kê.\n"
    "2. Từ ngày 01/01/2026 đến ngày 31/01/2026: Tổ chức kiểm kê tài sản tại đơn vị.\n"
    "3. Tháng 3/2026: Tổng hợp kết quả kiểm kê trên địa bàn tỉnh.\n"
)


def test_a_schedule_of_steps_that_put_their_date_first(tmp_path):
    # synthetic variant of samples/text/08_* "Thời gian hoàn tất: trước ngày …" written the other way round, as a
    # public-asset inventory plan's "Tiến độ thực hiện" does; under that heading a month dates a step too
    text = HEADER.format(title="Kiểm kê tài sản công năm 2026") + (
        f"I. NỘI DUNG\n1. Kiểm kê trụ sở.\nII. TIẾN ĐỘ THỰC HIỆN\n{SCHEDULE}III. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính.\n"
    )
    acts = plan_from(tmp_path, text).activities
    assert [(a.name, a.deadline, a.lead_unit) for a in acts] == [
        # the row names a body after its date, as a table's "Nội dung" cell may: still the row's step
        ("Các cơ quan, đơn vị thành lập Hội đồng kiểm kê", "Trước ngày 15/12/2025", None),
        ("Tổ chức kiểm kê tài sản tại đơn vị", "Từ ngày 01/01/2026 đến ngày 31/01/2026", None),
        ("Tổng hợp kết quả kiểm kê trên địa bàn tỉnh", "Tháng 3/2026", None),
    ]


def test_a_schedule_inside_the_implementation_part_is_a_timetable(tmp_path):
    text = HEADER.format(title="Kiểm kê tài sản công năm 2026") + (
        "I. NỘI DUNG\n1. Kiểm kê trụ sở.\nII. TỔ CHỨC THỰC HIỆN\n1. Tiến độ thực hiện\n"
        "- Trước ngày 15/12/2025: Thành lập Hội đồng kiểm kê.\n- Trước ngày 28/02/2026: Báo cáo kết quả kiểm kê.\n"
        "2. Sở Tài chính chủ trì hướng dẫn.\n"
    )
    assert [a.name for a in plan_from(tmp_path, text).activities] == [
        "Thành lập Hội đồng kiểm kê",
        "Báo cáo kết quả kiểm kê",
    ]


def test_steps_whose_subject_is_a_body_behind_their_date_are_unit_tasks(tmp_path):
    # realdocs 31 (Word 97; its lines as `vnplan text` prints them): "2. Tiến độ thực hiện" / "a) Căn cứ Kế hoạch …,
    # các cơ quan, đơn vị, địa phương … xây dựng Kế hoạch trong Quý I/2026 …" / "b) Quý I/2027, các cơ quan, đơn vị,
    # địa phương đánh giá kết quả …": bodies are told what to do by when, unit tasks (R6; its gold has no activity)
    text = HEADER.format(title="Phát động phong trào thi đua năm 2026") + (
        "IV. THỜI GIAN THI ĐUA VÀ TIẾN ĐỘ THỰC HIỆN\n1. Thời gian thi đua\n"
        "Phong trào thi đua trong năm 2026 và tính đến hết ngày 31/12/2026.\n2. Tiến độ thực hiện\n"
        "a) Căn cứ Kế hoạch phát động thi đua của UBND tỉnh, các cơ quan, đơn vị, địa phương trên địa bàn tỉnh xây "
        "dựng Kế hoạch trong Quý I/2026 để tổ chức thực hiện đạt hiệu quả.\n"
        "b) Quý I/2027, các cơ quan, đơn vị, địa phương đánh giá kết quả thực hiện phong trào thi đua và xét khen "
        "thưởng gắn với kết quả thực hiện công tác CCHC.\nV. TIÊU CHUẨN, HÌNH THỨC, HỒ SƠ KHEN THƯỞNG\n"
    )
    assert plan_from(tmp_path, text).activities == []


def test_tasks_dated_by_month_outside_a_schedule_are_no_timetable(tmp_path):
    text = HEADER.format(title="Kiểm kê tài sản công năm 2026") + (
        "I. NHIỆM VỤ\n1. Xây dựng kế hoạch kiểm kê trong tháng 12/2025.\n2. Tổ chức tập huấn trong tháng 01/2026.\n"
        "3. Tổng hợp kết quả trong tháng 3/2026.\n"
    )
    assert plan_from(tmp_path, text).activities == []


def test_an_article_that_states_the_aims_and_a_general_aim_around_a_target(tmp_path):
    # synthetic variant of the fresh document tests/fixtures/devdocs/qh_ktxh_2025_excerpt.md (a resolution of the National Assembly,
    # 2025): "Điều 1. Mục tiêu, chỉ tiêu" / "a) Mục tiêu tổng quát: …" whose paragraph names its growth target
    # among other sentences; the target is an indicator, the paragraph the general objective all the same
    aim = (
        "Củng cố, chuẩn bị tốt các yếu tố nền tảng cho giai đoạn 2026 - 2030. Năm 2025, tập trung thúc đẩy tăng "
        "trưởng với mục tiêu đạt 8% trở lên gắn với giữ vững ổn định kinh tế vĩ mô."
    )
    text = (
        "QUỐC HỘI\nSố: 192/2025/QH15\nHà Nội, ngày 19 tháng 02 năm 2025\n\nNGHỊ QUYẾT\nVề bổ sung Kế hoạch phát "
        "triển kinh tế - xã hội năm 2025\n\nQUYẾT NGHỊ:\nĐiều 1. Mục tiêu, chỉ tiêu\n"
        f"a) Mục tiêu tổng quát: {aim}\nb) Điều chỉnh một số chỉ tiêu chủ yếu:\n"
        "- GDP bình quân đầu người khoảng trên 5.000 USD.\nĐiều 2. Nhiệm vụ và giải pháp chủ yếu\n"
        "1. Đẩy mạnh hoàn thiện thể chế, pháp luật.\n"
    )
    plan = plan_from(tmp_path, text)
    assert objectives(plan) == [("general", aim)]
    assert any(i.target.value == 8 for i in plan.indicators)


def test_a_one_sentence_general_target_stays_an_indicator(tmp_path):
    text = HEADER.format(title="Phát triển y tế năm 2026") + (
        "I. MỤC TIÊU\n1. Mục tiêu chung\nPhát triển hệ thống y tế cơ sở hiện đại.\n"
        "Phấn đấu đến năm 2026 đạt 90% trạm y tế có bác sĩ.\nII. NHIỆM VỤ\n1. Tuyên truyền.\n"
    )
    assert objectives(plan_from(tmp_path, text)) == [("general", "Phát triển hệ thống y tế cơ sở hiện đại.")]
