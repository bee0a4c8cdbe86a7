"""Unit assignments in the forms real plans use (issue 14), one test per rule family: task items whose
subject is a body, headings naming units ("Trách nhiệm của …"), lists under one head word, one record per
(canonical name, role) with its tasks merged, deadlines and products of tasks, and unit ids.

The Đắk Lắk excerpt is cut from ../shared/realdocs by whole lines (CUTS in test_real_layouts.py); list and
deadline strings are quoted from realdocs plans; the rest are small plans written the way plans write them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import vnplan
from vnplan.structure.lexicon import unit_id
from vnplan.structure.units import (
    BULLET_UNIT,
    DEADLINE,
    DIRECTED,
    ITEM_SUBJECT,
    REPORT_DIFFICULTIES,
    REQUEST,
    SUPPORT,
    _split_cell,
    body_key,
    canonical_name,
    split_unit_list,
    task_product,
)

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "realdocs"

PLAN = """ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG
KẾ HOẠCH
Triển khai nhiệm vụ năm 2026
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
- Nâng cao hiệu quả công tác.
II. TỔ CHỨC THỰC HIỆN
{body}
"""


def units_of(tmp_path: Path, body: str) -> list:
    path = tmp_path / "plan.txt"
    path.write_text(PLAN.format(body=body), encoding="utf-8")
    return vnplan.process(path).units


def test_a_task_item_whose_subject_is_a_body_assigns_it():
    """Đắk Lắk "- Mặt trận Tổ quốc, Đoàn Thanh niên, Hội Phụ nữ hỗ trợ người dân khắc phục hậu quả." under
    "6. Công tác phối hợp liên ngành" of the plan's activities; the numbered units of "TỔ CHỨC THỰC HIỆN" lead."""
    units = vnplan.process(REAL / "09_daklak_excerpt.md").units
    roles = {(u.canonical_name, u.role) for u in units}
    assert {("Mặt trận Tổ quốc", "other"), ("Đoàn Thanh niên", "other"), ("Hội Phụ nữ", "other")} <= roles
    assert {("Sở Y tế", "lead"), ("Sở Nông nghiệp và Môi trường", "lead"), ("Sở Tài chính", "lead")} <= roles
    # "Phối hợp với lực lượng quân đội, công an …" in the issuer's own tasks: partners of the issuer, no record
    assert not any("quân đội" in u.canonical_name for u in units)


def test_unit_ids_carry_the_province_of_the_plan():
    units = vnplan.process(REAL / "09_daklak_excerpt.md").units
    assert {u.canonical_name: u.unit_id for u in units}["Sở Y tế"] == "66:so-y-te"  # Đắk Lắk is 66


@pytest.mark.parametrize(
    ("name", "province", "expected"),
    [
        ("Sở Y tế", "68", "68:so-y-te"),
        ("Sở Y tế", "17", "17:so-y-te"),  # Hòa Bình's Sở Y tế is another body than Lâm Đồng's
        ("Bộ Y tế", "68", "00:bo-y-te"),  # a ministry is national wherever a plan names it
        ("Bộ Chỉ huy Quân sự tỉnh", "17", "17:bo-chi-huy-quan-su-tinh"),
        ("Ban Tuyên giáo Trung ương", "17", "00:ban-tuyen-giao-trung-uong"),
        ("Phòng Kế hoạch - Tài chính - Sở Y tế", None, "00:phong-ke-hoach-tai-chinh-so-y-te"),
        ("Ủy ban nhân dân các xã, phường", "66", "66:uy-ban-nhan-dan-cac-xa-phuong"),
    ],
)
def test_unit_id(name, province, expected):
    assert unit_id(name, province) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 08 (Thanh Hóa), 04 (Cần Thơ): one head word over the sectors, short forms expanded
        ("Các sở: Nông nghiệp và Môi trường, Tài chính", ["Sở Nông nghiệp và Môi trường", "Sở Tài chính"]),
        (
            "Sở: NN&MT, TC, VH,TT&DL, GD&ĐT, YT, Nội vụ",
            [
                "Sở Nông nghiệp và Môi trường",
                "Sở Tài chính",
                "Sở Văn hóa, Thể thao và Du lịch",
                "Sở Giáo dục và Đào tạo",
                "Sở Y tế",
                "Sở Nội vụ",
            ],
        ),
        # a comma inside a sector's name is no list comma; the group before the list stays one unit
        (
            "Các cơ quan tham mưu (gồm các Sở: Xây dựng, Văn hóa, Thể thao và Du lịch)",
            ["Các cơ quan tham mưu", "Sở Xây dựng", "Sở Văn hóa, Thể thao và Du lịch"],
        ),
    ],
)
def test_a_list_under_one_head_word_gives_a_unit_each(text, expected):
    assert split_unit_list(text) == expected


def test_responsibility_headings_and_merged_duplicates(tmp_path):
    units = units_of(
        tmp_path,
        "1. Trách nhiệm của Sở Nội vụ\n"
        "- Xây dựng kế hoạch kiểm tra trước ngày 30/6/2026.\n"
        "2. Sở Tài chính\n"
        "- Bố trí kinh phí thực hiện hằng năm.\n"
        "3. Sở Nội vụ\n"
        "- Báo cáo kết quả thực hiện về Ủy ban nhân dân tỉnh trong Quý IV/2026.\n",
    )
    leads = {u.canonical_name: u for u in units if u.role == "lead"}
    assert set(leads) == {"Sở Nội vụ", "Sở Tài chính"}  # one record per (canonical name, role)
    tasks = [(t.deadline, t.product) for t in leads["Sở Nội vụ"].tasks]
    assert tasks == [("trước ngày 30/6/2026", "kế hoạch kiểm tra"), ("Quý IV/2026", "kết quả thực hiện")]
    assert [t.deadline for t in leads["Sở Tài chính"].tasks] == ["hằng năm"]
    assert leads["Sở Nội vụ"].unit_id == "68:so-noi-vu"


@pytest.mark.parametrize(
    ("text", "deadline", "product"),
    [
        ("Sở Y tế báo cáo kết quả về Ủy ban nhân dân tỉnh trước ngày 15/11/2025.", "trước ngày 15/11/2025", "kết quả"),
        ("Hoàn thành trước ngày 15 tháng 4 năm 2026", "trước ngày 15 tháng 4 năm 2026", None),
        ("Tổ chức kiểm tra trong Quý II năm 2026; sản phẩm: Báo cáo kiểm tra", "Quý II năm 2026", "Báo cáo kiểm tra"),
        (
            "Tham mưu ban hành quyết định thành lập Tổ công tác, Tháng 3/2026",
            "Tháng 3/2026",
            "quyết định thành lập Tổ công tác",
        ),
        ("Định kỳ 6 tháng báo cáo Sở Y tế", "Định kỳ 6 tháng báo cáo Sở Y tế", None),
    ],
)
def test_task_deadlines_and_products(text, deadline, product):
    found = DEADLINE.search(text)
    assert (found.group(0) if found else None, task_product(text)) == (deadline, product)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 05 Hà Nội: a capital starts a word of the name ("Sở Xây dựng"); the duty is in small letters
        (
            "Phối hợp với Sở Khoa học và Công nghệ, Sở Xây dựng và các cơ quan liên quan hướng dẫn các doanh nghiệp",
            ["Sở Khoa học và Công nghệ", "Sở Xây dựng", "các cơ quan liên quan"],
        ),
        # 03 Cần Thơ: any duty verb of the table ends the name ("bố trí", "đẩy nhanh"); the shared "các" is no
        # part of a body named by its proper name ("Ủy ban nhân dân xã, phường": one per place)
        (
            "phối hợp với các sở, ban, ngành, Ủy ban nhân dân xã, phường bố trí kinh phí chi thường xuyên",
            ["các sở, ban, ngành", "Ủy ban nhân dân xã, phường"],
        ),
        ("phối hợp với các viện nghiên cứu để phát triển công nghệ mới", ["các viện nghiên cứu"]),
        # 11 Đồng Nai: "xác định" is a duty; a place ("tại khu vực …") ends the name, "đóng tại" does not
        (
            "phối hợp với các cơ quan, đơn vị chức năng xác định chỉ tiêu, mục tiêu, nhiệm vụ hàng năm",
            ["các cơ quan, đơn vị chức năng"],
        ),
        (
            "Chủ trì, phối hợp với các đơn vị, địa phương có liên quan tại khu vực biên giới, cửa khẩu",
            ["các đơn vị, địa phương có liên quan"],
        ),
        (
            "phối hợp với các cơ quan Trung ương đóng tại địa phương thực hiện",
            ["các cơ quan Trung ương đóng tại địa phương"],
        ),
        # seed 001 and 23 Tuyên Quang: the list goes on after a semicolon in small letters; a new clause does not
        (
            "có trách nhiệm phối hợp với các sở, ban, ngành, UBND các xã/phường; các đơn vị trực thuộc Sở Y tế tổ chức "
            "triển khai thực hiện Kế hoạch; theo dõi, giám sát",
            ["các sở, ban, ngành", "UBND các xã/phường", "các đơn vị trực thuộc Sở Y tế"],
        ),
        (
            "Chủ trì, phối hợp với Chủ tịch Ủy ban nhân dân huyện, thành phố; thủ trưởng các ngành có liên quan hướng dẫn",
            ["Ủy ban nhân dân huyện, thành phố", "thủ trưởng các ngành có liên quan"],
        ),
        ("phối hợp với Sở Y tế; Sở Tài chính bố trí kinh phí", ["Sở Y tế"]),
        # 11 Đồng Nai 2.4 b): a named force after a comma is a unit of its own
        (
            "Chủ động phối hợp với Công an, lực lượng Hải quan triển khai các giải pháp",
            ["Công an", "lực lượng Hải quan"],
        ),
    ],
)
def test_a_partners_name_ends_where_the_duty_begins(text, expected):
    found = SUPPORT.search(text)
    assert found is not None
    assert split_unit_list(found["units"]) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 05 Hà Nội, closing paragraph: the issuer is the subject; "nghiêm túc" qualifies the duty
        (
            "Ủy ban nhân dân Thành phố yêu cầu các Sở, ban, ngành Thành phố, UBND phường, xã và các doanh nghiệp viễn "
            "thông nghiêm túc triển khai thực hiện",
            # the shared "các" goes to each group noun (U4), not to a body named by its name ("UBND phường, xã")
            ["các Sở, ban, ngành Thành phố", "UBND phường, xã", "các doanh nghiệp viễn thông"],
        ),
        # 13 Đồng Tháp: a request inside a clause, not after punctuation
        (
            "nếu có khó khăn, vướng mắc đề nghị các cơ quan, đơn vị, địa phương phản ánh về Sở Khoa học và Công nghệ",
            ["các cơ quan, đơn vị, địa phương"],
        ),
        # 09 Đắk Lắk
        (
            "Đề nghị các sở, ban, ngành và địa phương khẩn trương thực hiện đúng chức năng được giao",
            ["các sở, ban, ngành và địa phương"],
        ),
    ],
)
def test_requests_name_the_units_asked(text, expected):
    found = REQUEST.search(text)
    assert found is not None
    assert split_unit_list(found["units"]) == expected


def test_a_requirement_named_as_a_noun_is_no_request():
    assert REQUEST.search("thực hiện theo yêu cầu các cơ quan chức năng triển khai") is None


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("Bộ CHQS tỉnh; UBND cấp xã", ["Bộ CHQS tỉnh", "UBND cấp xã"]),  # 07 Nghệ An, appendix row 1
        (
            "Sở Giáo dục và Đào tạo; Sở Nội vụ; Sở Khoa học và Công nghệ",  # 01 Bắc Ninh, appendix row 6
            ["Sở Giáo dục và Đào tạo", "Sở Nội vụ", "Sở Khoa học và Công nghệ"],
        ),
        ("Sở, ban, ngành, tổ chức chính trị - xã hội", ["Sở, ban, ngành", "tổ chức chính trị - xã hội"]),  # 07
    ],
)
def test_a_lead_cell_gives_a_unit_each(cell, expected):
    assert _split_cell(cell) == expected


def test_an_item_whose_duty_is_to_support_gives_support_records(tmp_path):
    """15 Hồ Chí Minh, Tổ chức thực hiện item 8: the subject supports; it is no 'other' record besides."""
    body = (
        "1. Sở Nông nghiệp và Môi trường chủ trì, hướng dẫn thực hiện Kế hoạch.\n"
        "2. Các sở, ban, ngành, đơn vị, tổ chức chính trị - xã hội, hội, đoàn thể theo chức năng, nhiệm vụ được giao "
        "chủ động phối hợp với Sở Nông nghiệp và Môi trường trong việc tổ chức thực hiện Kế hoạch."
    )
    roles = {(u.canonical_name, u.role) for u in units_of(tmp_path, body)}
    assert {
        ("Các sở, ban, ngành, đơn vị", "support"),
        ("Các tổ chức chính trị - xã hội", "support"),
        ("Các hội, đoàn thể", "support"),
        ("Sở Nông nghiệp và Môi trường", "lead"),
    } <= roles
    assert not [r for r in roles if r[1] == "other"]


def test_office_holders_in_a_request_stand_for_their_bodies():
    """03 Cần Thơ: "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam thành phố và các tổ chức thành viên, Thủ trưởng sở, ban,
    ngành thành phố và Chủ tịch Ủy ban nhân dân xã, phường tổ chức quán triệt …; cụ thể hóa …" (the name stops at the
    duty, never past a semicolon)."""
    text = (
        "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam thành phố và các tổ chức thành viên, Thủ trưởng sở, ban, ngành "
        "thành phố và Chủ tịch Ủy ban nhân dân xã, phường tổ chức quán triệt sâu rộng Chương trình; cụ thể hóa bằng "
        "các Chương trình, Kế hoạch"
    )
    found = REQUEST.search(text)
    assert found is not None
    names = [canonical_name(n, None) for n in split_unit_list(found["units"])]
    assert names == [
        "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố",
        "Các tổ chức thành viên",
        "Các Sở, ban, ngành thành phố",
        "Ủy ban nhân dân xã, phường",
    ]


def test_a_leading_clause_ends_before_a_subject_not_inside_a_list():
    # 03 Cần Thơ, Sở Tài chính's item a): the duty has no subject of its own
    assert (
        ITEM_SUBJECT.match("Trên cơ sở đề xuất kinh phí của các sở, ban, ngành, địa phương, chủ trì tổng hợp") is None
    )
    # 31 Lâm Đồng VII.1
    found = ITEM_SUBJECT.match("Căn cứ nội dung Kế hoạch này, các sở, ban, ngành xây dựng kế hoạch")
    assert found is not None and found["units"] == "các sở, ban, ngành"


def test_a_request_after_the_last_part_is_read(tmp_path):
    """09 Đắk Lắk: the closing "Đề nghị …" paragraph follows the funding part, not Tổ chức thực hiện."""
    body = (
        "1. Sở Y tế chủ trì, hướng dẫn thực hiện Kế hoạch.\n"
        "III. KINH PHÍ THỰC HIỆN\n"
        "- Từ ngân sách tỉnh.\n"
        "Đề nghị các sở, ban, ngành và địa phương khẩn trương thực hiện đúng chức năng được giao."
    )
    roles = {(u.canonical_name, u.role) for u in units_of(tmp_path, body)}
    assert ("Các sở, ban, ngành và địa phương", "other") in roles


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 11 Đồng Nai, closing line of Tổ chức thực hiện
        (
            "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị, địa phương báo cáo Ủy ban "
            "nhân dân tỉnh (qua Công an tỉnh) để được hướng dẫn, giải quyết",
            ["các cơ quan, đơn vị, địa phương"],
        ),
        # 21 (national), closing line: "phát sinh" and no comma before the subject
        (
            "Trong quá trình tổ chức thực hiện kế hoạch, nếu có phát sinh, vướng mắc các cơ quan, đơn vị, địa phương "
            "báo cáo về Ban Chỉ đạo quốc gia 1237",
            ["các cơ quan, đơn vị, địa phương"],
        ),
        # 07 Nghệ An, item 5: "kịp thời phản ánh"; a member of another kind splits off
        (
            "nếu có khó khăn, vướng mắc, các sở, ban, ngành, tổ chức chính trị - xã hội, Ủy ban nhân dân các xã, "
            "phường kịp thời phản ánh về Ban Chỉ huy Phòng thủ dân sự tỉnh",
            ["các sở, ban, ngành", "các tổ chức chính trị - xã hội", "Ủy ban nhân dân các xã, phường"],
        ),
    ],
)
def test_bodies_told_to_report_difficulties_are_named(text, expected):
    found = REPORT_DIFFICULTIES.search(text)
    assert found is not None
    assert split_unit_list(found["units"]) == expected


def test_no_report_without_a_body():
    assert REPORT_DIFFICULTIES.search("nếu có khó khăn, vướng mắc đề nghị phản ánh về Sở Nội vụ") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 11 Đồng Nai IV.1: vertically managed agencies are a kind of their own beside the stock group
        (
            "các Sở, ban, ngành, đoàn thể cấp tỉnh, cơ quan ngành dọc đóng trên địa bàn, Ủy ban nhân dân xã, phường",
            [
                "các Sở, ban, ngành, đoàn thể cấp tỉnh",
                "các cơ quan ngành dọc đóng trên địa bàn",
                "Ủy ban nhân dân xã, phường",
            ],
        ),
        # 01 Bắc Ninh 18.c: schools are no ngành
        ("các sở, ngành, trường đại học, cao đẳng", ["các sở, ngành", "các trường đại học, cao đẳng"]),
        # 21 (national) C.3: the list is long; the proper names keep no shared "các"
        (
            "Các Bộ, ngành chức năng, các cơ quan báo chí Trung ương, địa phương, quân đội, Mặt trận Tổ quốc Việt Nam, "
            "Hội Cựu chiến binh các cấp và các tổ chức chính trị - xã hội",
            [
                "Các Bộ, ngành chức năng",
                "các cơ quan báo chí Trung ương, địa phương, quân đội",
                "Mặt trận Tổ quốc Việt Nam",
                "Hội Cựu chiến binh các cấp",
                "các tổ chức chính trị - xã hội",
            ],
        ),
        # 21 D.2: "cơ quan" inside a stock group stays in it
        ("các Bộ, ngành, cơ quan liên quan", ["các Bộ, ngành, cơ quan liên quan"]),
    ],
)
def test_members_of_another_kind_split_off(text, expected):
    assert split_unit_list(text) == expected


def test_a_long_list_of_subjects_is_read_whole(tmp_path):
    """21 (national) C.3: a numbered task whose subject is a list of 165 characters."""
    path = tmp_path / "plan.txt"
    path.write_text(
        "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG\nKẾ HOẠCH\nTriển khai nhiệm vụ năm 2026\nI. NHIỆM VỤ\n"
        "3. Các Bộ, ngành chức năng, các cơ quan báo chí Trung ương, địa phương, quân đội, Mặt trận Tổ quốc Việt Nam, "
        "Hội Cựu chiến binh các cấp và các tổ chức chính trị - xã hội tập trung tuyên truyền sâu rộng về chủ trương.\n"
        "II. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ\n- Chủ trì thực hiện Kế hoạch.\n",
        encoding="utf-8",
    )
    others = {u.canonical_name for u in vnplan.process(path).units if u.role == "other"}
    assert {"Các Bộ, ngành chức năng", "Mặt trận Tổ quốc Việt Nam", "Các tổ chức chính trị - xã hội"} <= others


def test_the_scope_part_assigns_nothing(tmp_path):
    """03 Cần Thơ II.2 "Đối tượng thụ hưởng": whom the plan concerns, not who acts."""
    body = (
        "1. Sở Y tế chủ trì, hướng dẫn thực hiện Kế hoạch.\n"
        "III. ĐỐI TƯỢNG\n"
        "b) Các tổ chức, cá nhân có liên quan thuộc các cơ quan chuyên trách phòng, chống tội phạm về ma túy; cai nghiện "
        "ma túy; điều trị nghiện ma túy và tham mưu, quản lý nhà nước về phòng, chống ma túy."
    )
    assert {u.canonical_name for u in units_of(tmp_path, body)} == {"Sở Y tế"}


def test_a_steering_board_is_no_directive():
    """21 (national) D.2: "hướng dẫn thành lập Ban Chỉ đạo các cấp" directs nobody."""
    assert DIRECTED.search("ban hành Thông tư hướng dẫn; hướng dẫn thành lập Ban Chỉ đạo các cấp; quyết định") is None
    found = DIRECTED.search("Chỉ đạo các đơn vị trực thuộc phối hợp chặt chẽ")
    assert found is not None and found["units"] == "các đơn vị trực thuộc"


@pytest.mark.parametrize(
    "text",
    [
        "2. Cơ quan chủ trì, phối hợp",  # 21 (national): a label over the units listed below it
        # 17 Lai Châu III.4: a back-reference to the units the plan names elsewhere
        "4. Các cơ quan được phân công chủ trì thực hiện nhiệm vụ theo Kế hoạch này có trách nhiệm lập kế hoạch",
    ],
)
def test_a_kind_of_body_alone_before_chu_tri_names_no_unit(tmp_path, text):
    path = tmp_path / "plan.txt"
    path.write_text(
        "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU\nKẾ HOẠCH\nThi hành Luật năm 2025\nI. NHIỆM VỤ\n"
        f"{text}\n- Sở Tư pháp chủ trì thực hiện.\n",
        encoding="utf-8",
    )
    assert {(u.canonical_name, u.role) for u in vnplan.process(path).units} == {("Sở Tư pháp", "lead")}


def test_an_item_naming_its_headings_unit_again_adds_no_record(tmp_path):
    """11 Đồng Nai 2.13: "đ) Ủy ban nhân dân các xã, phường phân công cán bộ …" under "2.13. Ủy ban nhân dân xã,
    phường" is the heading's unit written again."""
    body = (
        "1. Ủy ban nhân dân xã, phường\n"
        "a) Ủy ban nhân dân các xã, phường phân công cán bộ theo dõi, quản lý người cai nghiện tại gia đình.\n"
        "b) Công an xã, phường thực hiện rà soát người nghiện trên địa bàn.\n"
    )
    roles = {(u.canonical_name, u.role) for u in units_of(tmp_path, body)}
    assert ("Ủy ban nhân dân xã, phường", "lead") in roles
    assert not [r for r in roles if "các xã" in r[0]]


def test_a_funding_item_of_the_solutions_names_no_acting_subject(tmp_path):
    """01 Bắc Ninh V.6 "Bảo đảm kinh phí" / "a) Các sở, ngành, địa phương có trách nhiệm chủ động bố trí kinh phí …":
    who pays, not who acts, as in a funding part (07 Nghệ An III.2)."""
    path = tmp_path / "plan.txt"
    path.write_text(
        "ỦY BAN NHÂN DÂN TỈNH BẮC NINH\nKẾ HOẠCH\nPhát triển kinh tế số năm 2026\nI. NHIỆM VỤ, GIẢI PHÁP\n"
        "6. Bảo đảm kinh phí\n"
        "a) Các sở, ngành, địa phương có trách nhiệm chủ động bố trí kinh phí từ dự toán được giao.\n"
        "7. Phát triển nguồn nhân lực số\n"
        "a) Các sở, ngành, địa phương có trách nhiệm cử cán bộ tham gia đào tạo kỹ năng số.\n",
        encoding="utf-8",
    )
    plan = vnplan.process(path)
    assert [(u.canonical_name, u.role) for u in plan.units] == [("Các sở, ngành, địa phương", "other")]
    assert plan.units[0].provenance.start > plan.text.index("7. Phát triển")  # the subject of item 7 only


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 01 Bắc Ninh 14 and 15: "cử", "tham gia" are duties
        ("Chỉ đạo hệ thống tổ chức Đoàn các cấp cử đầu mối cấp xã tham gia mạng lưới", "hệ thống tổ chức Đoàn các cấp"),
        (
            "chỉ đạo hệ thống tổ chức thành viên tham gia phát triển và ứng dụng công nghệ số",
            "hệ thống tổ chức thành viên",
        ),
    ],
)
def test_a_directed_bodys_name_ends_at_its_duty(text, expected):
    found = DIRECTED.search(text)
    assert found is not None and found["units"] == expected


def test_encouraging_businesses_inside_a_duty_is_no_request(tmp_path):
    """05 Hà Nội V.2: "- Tham mưu hỗ trợ, khuyến khích các doanh nghiệp, tổ chức, cá nhân tham gia đầu tư …" is the
    heading unit's own duty; a sentence that opens with "Khuyến khích" asks the bodies it names."""
    body = (
        "1. Sở Khoa học và Công nghệ\n"
        "- Tham mưu hỗ trợ, khuyến khích các doanh nghiệp, tổ chức, cá nhân tham gia đầu tư phát triển hạ tầng số.\n"
        "2. Khuyến khích các hiệp hội doanh nghiệp tham gia phổ biến kỹ năng số.\n"
    )
    others = {u.canonical_name for u in units_of(tmp_path, body) if u.role == "other"}
    assert others == {"Các hiệp hội doanh nghiệp"}


def test_an_office_holder_in_small_letters_stands_for_the_body():
    """23 Tuyên Quang: "thủ trưởng các ngành có liên quan" is the ngành's record, as "Giám đốc Sở Tài chính" is the
    Sở's (R5)."""
    assert canonical_name("thủ trưởng các ngành có liên quan", None) == "Các ngành có liên quan"
    assert canonical_name("Giám đốc Sở Tài chính", None) == "Sở Tài chính"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # samples/text/08 (Hồ Chí Minh 2014): "các Sở ngành" is no lost separator between two Sở; a head in any case
        # after its capital ("Thành Đoàn") starts a member
        ("Sở Tài chính và các Sở ngành khác có liên quan", ["Sở Tài chính", "các Sở ngành khác có liên quan"]),
        ("Hội Cựu chiến binh Thành phố, Thành Đoàn", ["Hội Cựu chiến binh Thành phố", "Thành Đoàn"]),
        ("Sở Khoa học và Công nghệ Sở Công Thương", ["Sở Khoa học và Công nghệ", "Sở Công Thương"]),  # 05 Hà Nội cell
    ],
)
def test_the_case_of_a_list_is_read_as_written(text, expected):
    assert split_unit_list(text) == expected


def test_a_proposal_to_the_competent_authority_asks_no_body():
    """samples/text/08: "xử lý theo thẩm quyền hoặc đề nghị cơ quan có thẩm quyền thanh tra …"."""
    assert REQUEST.search("xử lý theo thẩm quyền hoặc đề nghị cơ quan có thẩm quyền thanh tra, kiểm tra") is None
    assert REQUEST.search("đề nghị cấp có thẩm quyền xem xét") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # samples/text/07 (Lâm Đồng): "duy trì" is a duty
        ("phối hợp với các cơ quan, đơn vị liên quan duy trì chuyên mục", ["các cơ quan, đơn vị liên quan"]),
        # samples/text/08: "tổng hợp" is a duty
        ("phối hợp với Ủy ban nhân dân quận, huyện tổng hợp danh sách", ["Ủy ban nhân dân quận, huyện"]),
    ],
)
def test_more_duties_end_a_name(text, expected):
    found = SUPPORT.search(text)
    assert found is not None and split_unit_list(found["units"]) == expected


def test_a_requirement_assigns_only_in_so_many_words(tmp_path):
    """29 Kiên Giang I.2 (Yêu cầu): "Các phòng chức năng, các đơn vị trực thuộc Sở chủ trì, phối hợp với Văn phòng Sở Y
    tế …" assigns; a requirement without "chủ trì" does not."""
    path = tmp_path / "plan.txt"
    path.write_text(
        "SỞ Y TẾ TỈNH KIÊN GIANG\nKẾ HOẠCH\nTheo dõi thi hành pháp luật năm 2018\nI. MỤC ĐÍCH, YÊU CẦU\n2. Yêu cầu\n"
        "- Các phòng chức năng, các đơn vị trực thuộc Sở chủ trì, phối hợp với Văn phòng Sở Y tế trong quá trình theo "
        "dõi thi hành pháp luật.\n"
        "- Các đơn vị trực thuộc Sở thực hiện nghiêm túc chế độ báo cáo.\n",
        encoding="utf-8",
    )
    roles = {(u.canonical_name, u.role) for u in vnplan.process(path).units}
    assert roles == {
        ("Các phòng chức năng - Sở Y tế", "lead"),
        ("Các đơn vị trực thuộc Sở Y tế", "lead"),  # "Sở" in a Sở's plan is the issuer (gold 29's note)
        ("Văn phòng Sở Y tế", "support"),
    }


@pytest.mark.parametrize(
    ("line", "unit"),
    [
        ("Công an tỉnh: Chủ trì rà soát, kiểm tra", "Công an tỉnh"),
        ("Ủy ban nhân dân các xã, phường: Tổ chức tuyên truyền", "Ủy ban nhân dân các xã, phường"),
        # a bullet that starts in small letters is a duty, not a body: the capital is read case-sensitively
        # although the pattern is not ("sở" would match the head words in any case)
        ("sở, ngành chưa hoàn thành: báo cáo lý do", None),
    ],
)
def test_a_bullet_names_a_body_only_from_a_capital(line, unit):
    m = BULLET_UNIT.match(line)
    assert (m["units"] if m else None) == unit


DEVDOCS = Path(__file__).resolve().parents[1] / "fixtures" / "devdocs"


def test_a_heading_of_several_units_leaves_the_partners_its_text_names_support():
    """TP Hồ Chí Minh QĐ 2820/2025: "2. Sở Khoa học và Công nghệ, Sở Nội vụ" / "Sở Khoa học và Công nghệ chủ trì, phối
    hợp với Sở Nội vụ …", "3. Công An Thành phố, Bộ Tư lệnh Thành phố" / "Công an Thành phố chủ trì phối hợp với Bộ Tư
    lệnh Thành phố …": the heading names both, its text says who leads."""
    roles = {(u.canonical_name, u.role) for u in vnplan.process(DEVDOCS / "hcm_qd2820_excerpt.md").units}
    assert {
        ("Sở Khoa học và Công nghệ", "lead"),
        ("Sở Nội vụ", "support"),
        ("Bộ Tư lệnh Thành phố", "support"),
    } <= roles
    assert ("Sở Nội vụ", "lead") not in roles
    assert ("Bộ Tư lệnh Thành phố", "lead") not in roles


def test_one_body_written_two_ways_is_one_record():
    """The same excerpt names the communes' people's committees "Ủy ban nhân dân phường, xã, đặc khu" in a heading and
    "UBND xã, phường, đặc khu" in its task table, the police "Công An Thành phố" and "Công an Thành phố"."""
    units = vnplan.process(DEVDOCS / "hcm_qd2820_excerpt.md").units
    leads = [u.canonical_name for u in units if u.role == "lead"]
    assert len([n for n in leads if "đặc khu" in n]) == 1
    assert len([n for n in leads if n.lower() == "công an thành phố"]) == 1
    assert body_key("Các sở ngành") == body_key("Các sở, ngành")
    assert body_key("Phòng Y tế huyện") != body_key("Phòng Y tế")


def test_bodies_assigned_by_a_passive_verb_are_one_group():
    """The same excerpt's "- Các cơ quan, đơn vị được phân công nhiệm vụ có trách nhiệm thực hiện nghiêm túc …": the
    name goes on through "được phân công", which is no duty of its own (other, as 01 Bắc Ninh's "Các cơ quan, đơn vị được
    giao nhiệm vụ trong Kế hoạch … có trách nhiệm …")."""
    names = [u.canonical_name for u in vnplan.process(DEVDOCS / "hcm_qd2820_excerpt.md").units]
    assert "Các cơ quan, đơn vị" in names
    assert not [n for n in names if n.endswith("được")]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        # the excerpt's table: two lines of one cell, the line break lost
        (
            "Các sở, ngành, UBND xã, phường, đặc khu Sở Tài chính",
            ["Các sở, ngành", "UBND xã, phường, đặc khu", "Sở Tài chính"],
        ),
        ("Sở Tài chính Các sở, ngành", ["Sở Tài chính", "Các sở, ngành"]),
        # a department of a named body, and a body of a place, stay whole
        ("Các phòng chức năng thuộc Sở Y tế", ["Các phòng chức năng thuộc Sở Y tế"]),
        ("Ủy ban nhân dân thành phố Thủ Đức", ["Ủy ban nhân dân thành phố Thủ Đức"]),
    ],
)
def test_names_a_table_cell_wrote_on_two_lines_split(cell, expected):
    assert _split_cell(cell) == expected
    assert split_unit_list(cell) == expected


def test_a_reporting_section_names_the_bodies_told_to_report(tmp_path):
    """01 Bắc Ninh "VII. CHẾ ĐỘ BÁO CÁO" / "Các cơ quan, đơn vị được giao nhiệm vụ trong Kế hoạch … có trách nhiệm chủ
    động tổ chức thực hiện …": a paragraph whose subject is bodies, in a section that is no standard part."""
    path = tmp_path / "plan.txt"
    path.write_text(
        "ỦY BAN NHÂN DÂN TỈNH BẮC NINH\nKẾ HOẠCH\nPhát triển kinh tế số năm 2026\nI. NHIỆM VỤ\n- Phát triển hạ tầng số.\n"
        "II. CHẾ ĐỘ BÁO CÁO\nCác cơ quan, đơn vị được giao nhiệm vụ trong Kế hoạch có trách nhiệm chủ động tổ chức thực "
        "hiện, báo cáo kết quả về Sở Khoa học và Công nghệ trước ngày 15/11 hằng năm.\n",
        encoding="utf-8",
    )
    roles = {(u.canonical_name, u.role) for u in vnplan.process(path).units}
    assert roles == {("Các cơ quan, đơn vị", "other")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a request to the Front and the mass organisations, as provincial plans close
        (
            "Ủy ban MTTQ Việt Nam tỉnh, Liên đoàn Lao động tỉnh, Tỉnh Đoàn, Hội Liên hiệp Phụ nữ tỉnh",
            ["Ủy ban MTTQ Việt Nam tỉnh", "Liên đoàn Lao động tỉnh", "Tỉnh Đoàn", "Hội Liên hiệp Phụ nữ tỉnh"],
        ),
        ("Tỉnh ủy, HĐND tỉnh", ["Tỉnh ủy", "HĐND tỉnh"]),
        # a stock group goes on after its head word's comma
        ("các Sở, Ban, ngành", ["các Sở, Ban, ngành"]),
    ],
)
def test_a_body_whose_head_word_is_its_name_ends_at_its_comma(text, expected):
    assert split_unit_list(text) == expected


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("UBMTTQ tỉnh", "Ủy ban Mặt trận Tổ quốc tỉnh"),
        ("Bộ Chỉ huy BĐBP tỉnh", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh"),
        ("BCHQS huyện", "Ban Chỉ huy Quân sự huyện"),
        ("Đoàn TNCS Hồ Chí Minh tỉnh", "Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh"),
        ("HLHPN tỉnh", "Hội Liên hiệp Phụ nữ tỉnh"),
    ],
)
def test_abbreviations_of_the_front_mass_organisations_and_armed_forces(name, canonical):
    assert canonical_name(name, None) == canonical


def test_an_item_done_with_whoever_is_concerned_leads(tmp_path):
    """15 Hồ Chí Minh, Tổ chức thực hiện item 6: "Sở Tài chính phối hợp với các cơ quan, đơn vị liên quan tham mưu …"
    does the duty that follows; a body that helps a named one supports (item 8, the test above)."""
    body = (
        "1. Sở Nông nghiệp và Môi trường chủ trì, hướng dẫn thực hiện Kế hoạch.\n"
        "2. Sở Tài chính phối hợp với các cơ quan, đơn vị liên quan tham mưu Ủy ban nhân dân Thành phố bố trí dự toán "
        "kinh phí thực hiện Kế hoạch."
    )
    roles = {(u.canonical_name, u.role) for u in units_of(tmp_path, body)}
    assert ("Sở Tài chính", "lead") in roles
    assert ("Sở Tài chính", "support") not in roles


def test_a_request_opening_with_an_office_holder_names_the_bodies():
    """A closing request as provincial plans write it: "Yêu cầu Thủ trưởng các sở, ban, ngành, Chủ tịch UBND các xã,
    phường, đặc khu nghiêm túc triển khai …" (the office holders stand for their bodies)."""
    text = (
        "Yêu cầu Thủ trưởng các sở, ban, ngành, Chủ tịch UBND các xã, phường, đặc khu nghiêm túc triển khai thực hiện "
        "Kế hoạch này."
    )
    found = REQUEST.search(text)
    assert found is not None
    names = [canonical_name(n, None) for n in split_unit_list(found["units"])]
    assert names == ["Các sở, ban, ngành", "Ủy ban nhân dân các xã, phường, đặc khu"]


def test_an_assigned_standing_body_ends_at_la(tmp_path):
    """ "Giao Sở Y tế là cơ quan thường trực, theo dõi, đôn đốc …": the name ends where its role begins."""
    units = units_of(tmp_path, "Giao Sở Y tế là cơ quan thường trực, theo dõi, đôn đốc, tổng hợp kết quả thực hiện.\n")
    assert {(u.canonical_name, u.role) for u in units} == {("Sở Y tế", "lead")}


def test_a_department_named_with_and_without_its_province_is_one_body():
    assert body_key("Sở Y tế tỉnh Lâm Đồng") == body_key("Sở Y tế") == body_key("Sở Y tế tỉnh")
    # a department of a district, or a body of another kind, keeps its place
    assert body_key("Phòng Y tế huyện Lạc Sơn") != body_key("Phòng Y tế")
    assert body_key("Công an tỉnh Lâm Đồng") != body_key("Công an")


def test_a_proposal_on_file_asks_no_body():
    """31 Lâm Đồng: "Hồ sơ đề nghị Chủ tịch UBND tỉnh tặng Bằng khen gồm 02 bộ": "đề nghị" names the file."""
    assert REQUEST.search("Hồ sơ đề nghị Chủ tịch UBND tỉnh tặng Bằng khen gồm 02 bộ (trong đó có 01 bộ gốc).") is None


def test_a_target_table_with_lead_and_support_columns_assigns_each_row(tmp_path):
    """A target table of another shape (a year column, separate lead and support columns): each unit the row
    names, lead or support, is assigned the row's target by the label the target record carries."""
    table = "\n".join(
        [
            "Phụ lục",
            "CHỈ TIÊU PHÁT TRIỂN GIÁO DỤC NĂM 2026",
            "| STT | Chỉ tiêu | Đơn vị tính | Năm 2026 | Cơ quan chủ trì | Cơ quan phối hợp |",
            "|---|---|---|---|---|---|",
            "| 1 | Tỷ lệ trường đạt chuẩn quốc gia | % | 75 | Sở Giáo dục và Đào tạo | Sở Tài chính |",
            "| 2 | Tỷ lệ trẻ em 5 tuổi đến trường | % | 99 | Ủy ban nhân dân cấp xã | Sở Giáo dục và Đào tạo |",
            "| 3 | Số phòng học được xây mới | phòng | 120 | Sở Xây dựng | Sở Tài chính; Ủy ban nhân dân cấp xã |",
        ]
    )
    path = tmp_path / "plan.md"
    path.write_text(PLAN.format(body="1. Sở Giáo dục và Đào tạo theo dõi các chỉ tiêu tại Phụ lục.\n\n" + table))
    plan = vnplan.process(path)
    assert {(i.label, i.name, i.target.value) for i in plan.indicators} == {
        ("1", "Tỷ lệ trường đạt chuẩn quốc gia", 75),
        ("2", "Tỷ lệ trẻ em 5 tuổi đến trường", 99),
        ("3", "Số phòng học được xây mới", 120),
    }
    links = {(u.canonical_name, u.role, ref) for u in plan.units for t in u.tasks for ref in t.indicator_refs}
    assert links == {
        ("Sở Giáo dục và Đào tạo", "lead", "1"),
        ("Sở Tài chính", "support", "1"),
        ("Ủy ban nhân dân cấp xã", "lead", "2"),
        ("Sở Giáo dục và Đào tạo", "support", "2"),
        ("Sở Xây dựng", "lead", "3"),
        ("Sở Tài chính", "support", "3"),
        ("Ủy ban nhân dân cấp xã", "support", "3"),
    }


def test_a_work_item_row_without_a_target_refers_to_none(tmp_path):
    """An activity table whose rows state no target ("Tổ chức hội nghị … | Sở Nội vụ") links nothing."""
    table = "\n".join(
        [
            "Phụ lục",
            "DANH MỤC NHIỆM VỤ",
            "| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |",
            "|---|---|---|---|---|",
            "| 1 | Tổ chức hội nghị triển khai kế hoạch | Sở Nội vụ | Sở Tài chính | Tháng 3/2026 |",
        ]
    )
    path = tmp_path / "plan.md"
    path.write_text(PLAN.format(body="1. Sở Nội vụ chủ trì thực hiện.\n\n" + table))
    plan = vnplan.process(path)
    assert plan.activities
    assert not [ref for u in plan.units for t in u.tasks for ref in t.indicator_refs]


# Forms of helper 'units3' (fresh documents corpus/dev/units3, excerpts in tests/fixtures/devdocs/u3_*.md cut by whole
# lines; the task block of realdocs 21 (odd) written the way it stands there).
DEVDOCS = Path(__file__).resolve().parents[1] / "fixtures" / "devdocs"


def roles_in(name: str) -> set[tuple[str, str]]:
    return {(u.canonical_name, u.role) for u in vnplan.process(DEVDOCS / name).units}


def test_a_directive_opening_request_owns_the_items_after_it():
    """Chỉ thị 31/CT-TTg: "Thủ tướng Chính phủ yêu cầu Chủ tịch Ủy ban nhân dân các tỉnh, …:" asks the body (other, the
    Chủ tịch stands for it, the office-holder no part of the name's length); its numbered items are that body's duties:
    the bodies it is to direct are other (a group's territory no part of its length), the central bodies it is to work
    with support, another body as an item's subject other."""
    roles = roles_in("u3_ct31_ttg_2012_excerpt.md")
    assert roles == {
        ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương", "other"),
        ("Các cơ quan, tổ chức, doanh nghiệp, đơn vị lực lượng vũ trang đóng trên địa bàn", "other"),
        ("Cơ quan Lao động - Thương binh và Xã hội ở địa phương", "other"),
        ("Các cơ quan, đơn vị", "other"),
        ("Các Bộ, ngành trung ương", "support"),
    }


def test_an_item_subject_that_works_with_named_partners_leads():
    """QĐ 40/2011/QĐ-TTg Điều 7 ("Trách nhiệm của các Bộ và …"): "2. Bộ Lao động - Thương binh và Xã hội phối hợp với Bộ
    Nội vụ, Bộ Tài chính hướng dẫn thực hiện …" - the subject does the duty after its named partners: it leads, they
    support; "3. Bộ Tài chính chịu trách nhiệm …" under the group heading leads."""
    roles = roles_in("u3_qd40_ttg_2011_excerpt.md")
    assert roles == {
        ("Các Bộ", "lead"),
        ("Ủy ban nhân dân tỉnh, thành phố trực thuộc Trung ương", "lead"),
        ("Bộ Lao động - Thương binh và Xã hội", "lead"),
        ("Bộ Nội vụ", "support"),
        ("Bộ Tài chính", "support"),
        ("Bộ Tài chính", "lead"),
    }


def test_group_headings_and_a_procedure_outside_the_implementation_part():
    """QĐ 3210/QĐ-UBND (TP Hồ Chí Minh): "1. Đối với Ủy ban nhân dân các cấp" over "1.1. Ủy ban nhân dân Thành phố:" (all
    lead); "3. Đối với các tổ chức khác" names no body (the request under it does); in "II. NỘI DUNG THỰC HIỆN" a
    "4.2. Yêu cầu về …" heading states no aims ("… có trách nhiệm" other), and "Ủy ban nhân dân quận, huyện chỉ đạo Phòng
    … phối hợp với các phòng, ban có liên quan …" names the directed Phòng (other, the director's, not qualified by the
    issuer) and its partners (support)."""
    roles = roles_in("u3_qd3210_hcm_2014_excerpt.md")
    assert {
        ("Ủy ban nhân dân các cấp", "lead"),
        ("Ủy ban nhân dân Thành phố", "lead"),
        ("Ủy ban nhân dân xã, phường, thị trấn", "lead"),
        ("Các Sở, ngành có liên quan", "lead"),
        ("Sở Xây dựng", "support"),
        ("Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố", "other"),
        ("Thành Đoàn", "other"),
        ("Ủy ban nhân dân xã, phường, thị trấn", "other"),
        ("Phòng Lao động - Thương binh và Xã hội", "other"),
        ("Các phòng, ban có liên quan", "support"),
    } <= roles
    assert not any("khác" in name and role == "lead" for name, role in roles)


TASK_BLOCK = """ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG
KẾ HOẠCH
Triển khai nhiệm vụ năm 2026
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
- Nâng cao hiệu quả công tác.
II. NHIỆM VỤ
1. MỞ RỘNG HỢP TÁC QUỐC TẾ VỀ TÌM KIẾM, QUY TẬP HÀI CỐT LIỆT SĨ
1.1. Nội dung, biện pháp
b) Tiếp tục phối hợp với Ban Công tác đặc biệt Chính phủ Lào, Ủy ban Chuyên trách Chính phủ Campuchia và các cấp chính quyền của Lào, Campuchia đẩy nhanh tiến độ tìm kiếm, quy tập hài cốt liệt sĩ;
1.2. Cơ quan chủ trì, thực hiện
a) Cơ quan chủ trì
- Bộ Quốc phòng.
b) Đơn vị thực hiện: Các Đội chuyên trách của quân đội.
"""


def test_a_task_block_with_a_lead_label(tmp_path):
    """Realdocs 21's task blocks: a block whose "Cơ quan chủ trì" label names its doer makes "phối hợp với …" in its
    contents name partners (support; foreign counterparts too, "và các cấp chính quyền của Lào, Campuchia" a member of
    its own); "b) Đơn vị thực hiện: …" after "a) Cơ quan chủ trì" in the same block names the units that carry the work
    out (other), where a lone "Cơ quan thực hiện: …" leads (realdocs 17)."""
    path = tmp_path / "plan.txt"
    path.write_text(TASK_BLOCK, encoding="utf-8")
    roles = {(u.canonical_name, u.role) for u in vnplan.process(path).units}
    assert {
        ("Ban Công tác đặc biệt Chính phủ Lào", "support"),
        ("Ủy ban Chuyên trách Chính phủ Campuchia", "support"),
        ("Các cấp chính quyền của Lào, Campuchia", "support"),
        ("Bộ Quốc phòng", "lead"),
        ("Các Đội chuyên trách của quân đội", "other"),
    } <= roles
    assert ("Các Đội chuyên trách của quân đội", "lead") not in roles


def test_headings_that_name_a_post_a_bracketed_list_or_duty_holders(tmp_path):
    """Forms of inventory and Ban Chỉ đạo plans (written the way plans write them; no fresh document with them was
    found in the public index): a heading naming a post stands for its body ("1.1. Trưởng Ban Chỉ đạo"); a group whose
    members a bracket lists under one head word gives one record per member, not a fragment of the group ("1.3. Các cơ
    quan tham mưu quản lý ngành, lĩnh vực (gồm các Sở: Xây dựng, …)"); a heading of duties names its holders whole,
    duty words of their name and an alias in brackets aside ("Trách nhiệm của các cơ quan quản lý cấp trên (cơ quan
    chủ quản):", "Trách nhiệm của đối tượng thực hiện kiểm kê:"); a qualifier after a dash is no part of the name."""
    body = """1. Trách nhiệm của các cơ quan, đơn vị
1.1. Trưởng Ban Chỉ đạo
- Chỉ đạo chung việc tổng kiểm kê trên địa bàn tỉnh.
1.2. Sở Tài chính - Cơ quan thường trực Ban Chỉ đạo
- Chủ trì, phối hợp với Bộ Tài chính, các cơ quan Trung ương và Ban Quản lý Khu kinh tế tỉnh hướng dẫn kiểm kê.
1.3. Các cơ quan tham mưu quản lý ngành, lĩnh vực (gồm các Sở: Xây dựng, Nông nghiệp và Môi trường, Công Thương)
- Hướng dẫn kiểm kê tài sản kết cấu hạ tầng.
1.4. Trách nhiệm của đối tượng thực hiện kiểm kê:
- Thực hiện kiểm kê theo hướng dẫn.
1.5. Trách nhiệm của các cơ quan quản lý cấp trên (cơ quan chủ quản):
- Đôn đốc các đơn vị trực thuộc thực hiện kiểm kê."""
    roles = {(u.canonical_name, u.role) for u in units_of(tmp_path, body)}
    assert {
        ("Ban Chỉ đạo", "lead"),
        ("Sở Tài chính", "lead"),
        ("Bộ Tài chính", "support"),
        ("Các cơ quan Trung ương", "support"),
        ("Ban Quản lý Khu kinh tế tỉnh", "support"),
        ("Sở Xây dựng", "lead"),
        ("Sở Nông nghiệp và Môi trường", "lead"),
        ("Sở Công Thương", "lead"),
        ("Đối tượng thực hiện kiểm kê", "lead"),
        ("Các cơ quan quản lý cấp trên", "lead"),
    } <= roles
    assert ("Các cơ quan", "lead") not in roles


def test_two_role_labels_on_one_line(tmp_path):
    """ "a) Cơ quan chủ trì: Sở Tài chính; cơ quan phối hợp: Kho bạc Nhà nước khu vực, Thuế tỉnh.": each label gives its
    units their role (the second label is no part of the first one's names)."""
    body = """1. Nhiệm vụ kiểm tra
a) Cơ quan chủ trì: Sở Tài chính; cơ quan phối hợp: Kho bạc Nhà nước khu vực, Thuế tỉnh."""
    roles = {(u.canonical_name, u.role) for u in units_of(tmp_path, body)}
    assert roles == {("Sở Tài chính", "lead"), ("Kho bạc Nhà nước khu vực", "support"), ("Thuế tỉnh", "support")}
