"""Units in regulations and decisions, and in the documents the rules were not first written for (issue 14, item
5): one test per rule family.

Fixtures: two excerpts of fresh documents cut by whole lines (tests/fixtures/devdocs/README.md: TP Hồ Chí Minh QĐ
49/2012 issuing a Quy chế, QĐ 22/2013/QĐ-TTg); single sentences quoted from odd realdocs (19, 21, 25, 27, 33) and
from those documents.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import vnplan
from vnplan.structure.units import (
    DUTY_CLAUSE,
    EXECUTION_CLAUSE,
    GIVEN_IN_PASSING,
    HAS_DUTIES,
    ITEM_SUBJECT,
    MEMBER_BODY,
    MEMBER_LINE,
    PAYS_ONLY,
    RESPONSIBILITY_OF,
    SET_UP_UNDER,
    SUBJECT,
    SUPPORT,
    TIMETABLE_ROW,
    _qualifier,
    _trim_name,
    canonical_name,
    partner_names,
    requests_in,
    split_unit_list,
    subject_role,
    word_count,
)

DEVDOCS = Path(__file__).resolve().parents[1] / "fixtures" / "devdocs"
LDTBXH = "Sở Lao động - Thương binh và Xã hội"


def roles_of(name: str) -> set[tuple[str, str]]:
    return {(u.canonical_name, u.role) for u in vnplan.process(DEVDOCS / name).units}


def test_the_articles_of_a_quy_che_name_their_units():
    """ "Điều 5. Kho bạc Nhà nước Thành phố, Kho bạc Nhà nước quận - huyện có nhiệm vụ" leads, though no part is
    "Tổ chức thực hiện"; the items under it are read as its duties: "Phối hợp với …" supports, "Chỉ đạo …" asks."""
    roles = roles_of("qd49_hcm_quy_che_excerpt.md")
    assert {
        (LDTBXH, "lead"),
        ("Kho bạc Nhà nước Thành phố", "lead"),
        ("Kho bạc Nhà nước quận - huyện", "lead"),
        ("Ủy ban nhân dân quận - huyện", "lead"),
        ("Phòng Lao động - Thương binh và Xã hội quận - huyện", "lead"),
        ("Các đơn vị thuộc Sở Lao động - Thương binh và Xã hội", "lead"),
        ("Các Phòng Lao động - Thương binh và Xã hội quận - huyện", "support"),
        ("Bảo hiểm xã hội Thành phố", "support"),
        ("Ủy ban nhân dân phường - xã, thị trấn", "other"),
    } <= roles
    # Điều 3 of the decision lists who "chịu trách nhiệm thi hành": no record (R5)
    assert not any(name.startswith(("Chánh", "Kho bạc Nhà nước Thành phố, ")) for name, _ in roles)
    assert ("Sở Tài chính", "other") not in roles


def test_a_decision_with_regulatory_articles():
    """QĐ 22/2013/QĐ-TTg: "2. Bộ Xây dựng có trách nhiệm xây dựng dự toán …" (other) but "1. Các tỉnh … sử dụng ngân
    sách địa phương để bố trí kinh phí …" (paying, no work); "Ủy ban nhân dân phường, xã, thị trấn (sau đây gọi là Ủy
    ban nhân dân cấp xã) đối chiếu, lập danh sách …" (other, under the short name the text goes on using); Điều 8's
    headings and "Giao …" clauses."""
    roles = roles_of("qd22_ttg_2013_excerpt.md")
    assert {
        ("Bộ Xây dựng", "other"),
        ("Ủy ban nhân dân cấp xã", "other"),
        ("Các Bộ, ngành Trung ương", "lead"),
        ("Bộ Kế hoạch và Đầu tư", "lead"),
        ("Bộ Tài chính", "support"),
        ("Bộ Lao động - Thương binh và Xã hội", "support"),
        ("Phòng Lao động - Thương binh và Xã hội cấp huyện", "lead"),
    } <= roles
    assert not any(name.startswith("Các tỉnh") for name, _ in roles)
    assert not any(name.startswith(("Các Bộ trưởng", "Cơ quan ngang Bộ")) for name, _ in roles)  # Điều 10


@pytest.mark.parametrize(
    ("title", "names"),
    [
        ("Trách nhiệm của các Bộ, ngành Trung ương", "các Bộ, ngành Trung ương"),
        ("Nhiệm vụ, quyền hạn của Ủy ban nhân dân cấp huyện", "Ủy ban nhân dân cấp huyện"),
        ("Trách nhiệm và quyền hạn của Sở Tài chính", "Sở Tài chính"),
    ],
)
def test_responsibility_headings(title, names):
    assert RESPONSIBILITY_OF.sub("", title) == names


@pytest.mark.parametrize(
    ("title", "names"),
    [
        ("Sở Lao động - Thương binh và Xã hội có nhiệm vụ", LDTBXH),
        ("Văn phòng Sở Y tế có trách nhiệm:", "Văn phòng Sở Y tế"),  # realdocs 29
        ("Ủy ban nhân dân cấp xã có nhiệm vụ, quyền hạn sau đây", "Ủy ban nhân dân cấp xã"),
        ("Sở Y tế có trách nhiệm hướng dẫn các đơn vị", "Sở Y tế có trách nhiệm hướng dẫn các đơn vị"),  # a duty
    ],
)
def test_headings_that_say_their_units_have_duties(title, names):
    assert HAS_DUTIES.sub("", title) == names


@pytest.mark.parametrize(
    ("sentence", "units", "verb"),
    [
        # realdocs 19 (a 2010 regulation)
        (
            "Phòng Nông nghiệp và Phát triển nông thôn huyện (Phòng Kinh tế thị xã) có trách nhiệm xác định năng suất",
            "Phòng Nông nghiệp và Phát triển nông thôn huyện (Phòng Kinh tế thị xã)",
            "có trách nhiệm",
        ),
        (
            "Trường hợp có chi phí đầu tư vào đất nhưng không có hồ sơ chứng từ để xác định, Tổ chức làm nhiệm vụ bồi "
            "thường hỗ trợ và tái định cư phối hợp với UBND xã, phường, thị trấn kiểm tra thực tế",
            "Tổ chức làm nhiệm vụ bồi thường hỗ trợ và tái định cư",
            "phối hợp với",
        ),
        (
            "Tổ chức làm nhiệm vụ bồi thường … có trách nhiệm lập phương án. Trung tâm đào tạo nghề của tỉnh và các "
            "huyện, thị có trách nhiệm tổ chức đào tạo nghề",
            "Trung tâm đào tạo nghề của tỉnh và các huyện, thị",
            "có trách nhiệm",
        ),
    ],
)
def test_a_clause_whose_subject_is_a_body_with_a_duty(sentence, units, verb):
    clause = list(DUTY_CLAUSE.finditer(sentence))[-1]
    assert (clause["units"], clause["verb"]) == (units, verb)


def test_a_clause_names_no_body_across_another_duty():
    """The name runs from the head word to the verb over no other duty: "Ủy ban nhân dân cấp xã hướng dẫn … và có
    trách nhiệm …" is no name "Ủy ban nhân dân cấp xã hướng dẫn …"."""
    assert DUTY_CLAUSE.search("Ủy ban nhân dân cấp xã hướng dẫn các hộ và có trách nhiệm theo dõi") is None


def test_the_regulation_clauses_of_realdocs_19(tmp_path):
    """The units of 19's clauses, each its own record: the two Phòng of one sentence, the two levels of one body, the
    partner of a "phối hợp với" clause without the bracket that defines its short name."""
    path = tmp_path / "quy_dinh.txt"
    path.write_text(
        "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU\nQUY ĐỊNH\nVề bồi thường, hỗ trợ và tái định cư\n"
        "Điều 5. Bồi thường đối với cây trồng\n"
        "1. Phòng Nông nghiệp và Phát triển nông thôn huyện (Phòng Kinh tế thị xã) có trách nhiệm xác định năng suất.\n"
        "2. Trường hợp không có hồ sơ chứng từ để xác định, Tổ chức làm nhiệm vụ bồi thường phối hợp với UBND xã, "
        "phường, thị trấn (sau đây gọi chung là UBND cấp xã) kiểm tra thực tế.\n"
        "3. Trung tâm đào tạo nghề của tỉnh và các huyện, thị có trách nhiệm tổ chức đào tạo nghề.\n",
        encoding="utf-8",
    )
    roles = {(u.canonical_name, u.role) for u in vnplan.process(path).units}
    assert {
        ("Phòng Nông nghiệp và Phát triển nông thôn huyện", "other"),
        ("Phòng Kinh tế thị xã", "other"),
        ("Tổ chức làm nhiệm vụ bồi thường", "other"),
        ("Ủy ban nhân dân xã, phường, thị trấn", "support"),
        ("Trung tâm đào tạo nghề của tỉnh", "other"),
        ("Trung tâm đào tạo nghề của các huyện, thị", "other"),
    } <= roles


@pytest.mark.parametrize(
    ("line", "closing"),
    [
        ("Chánh Văn phòng UBND tỉnh, Giám đốc các sở, ngành … chịu trách nhiệm thi hành Quyết định này./.", True),
        ("Chủ tịch Ủy ban nhân dân các quận, huyện … có trách nhiệm thi hành Quyết định này./.", True),
        ("Các Bộ trưởng, Thủ trưởng cơ quan ngang Bộ … chịu trách nhiệm thi hành Quyết định này./.", True),
        ("Thủ trưởng đơn vị chịu trách nhiệm trước Giám đốc Sở về kết quả thực hiện", False),
    ],
)
def test_the_execution_article(line, closing):
    assert bool(EXECUTION_CLAUSE.search(line)) is closing


@pytest.mark.parametrize(
    ("duty", "pays"),
    [
        ("có trách nhiệm chủ động bố trí kinh phí từ dự toán được giao", True),  # realdocs 01, "6. Bảo đảm kinh phí"
        ("sử dụng ngân sách địa phương để bố trí kinh phí quản lý", True),
        ("có trách nhiệm xây dựng dự toán kinh phí hàng năm", False),  # a duty of its own
    ],
)
def test_paying_from_ones_own_budget_is_no_duty(duty, pays):
    assert bool(PAYS_ONLY.match(duty)) is pays


@pytest.mark.parametrize(
    ("name", "trimmed"),
    [
        ("Các đơn vị tự", "Các đơn vị"),  # realdocs 25: "- Các đơn vị tự kiểm tra, đánh giá: …"
        ("Cảnh sát trật tự", "Cảnh sát trật tự"),
        (
            "Phòng Lao động - Thương binh và Xã hội quận - huyện phải",
            "Phòng Lao động - Thương binh và Xã hội quận - huyện",
        ),
        # (the short name the text gives the body is the name it goes on using)
        (
            "Ủy ban nhân dân phường, xã, thị trấn (sau đây gọi là Ủy ban nhân dân cấp xã)",
            "Ủy ban nhân dân cấp xã",
        ),
    ],
)
def test_the_words_that_end_a_name(name, trimmed):
    assert _trim_name(name) == trimmed


def test_a_timetable_row_names_no_duty():
    """realdocs 25, under "IV. Thời gian và địa điểm kiểm tra, đánh giá": what, then when."""
    assert TIMETABLE_ROW.search("Sở Y tế kiểm tra các đơn vị: Từ ngày 20/11/2017 đến ngày 15/12/2017 (đính kèm lịch).")
    assert not TIMETABLE_ROW.search("Sở Y tế: chủ trì kiểm tra các đơn vị trong năm 2017.")


def test_the_departments_of_hospitals_are_no_unit_of_a_so(tmp_path):
    """realdocs 27 (a Sở Y tế survey): "- Các khoa cung cấp thông tin theo mẫu" speaks of the hospitals' departments."""
    path = tmp_path / "khao_sat.txt"
    path.write_text(
        "UBND TỈNH KIÊN GIANG\nSỞ Y TẾ\nKẾ HOẠCH\nKhảo sát giường bệnh\nI. NỘI DUNG\n1. Phương pháp tiến hành\n"
        "- Tổ khảo sát triển khai kế hoạch đến từng bệnh viện.\n- Các khoa cung cấp thông tin theo mẫu.\n",
        encoding="utf-8",
    )
    assert not any("khoa" in u.canonical_name.lower() for u in vnplan.process(path).units)


def test_a_request_to_get_in_touch_asks_no_duty():
    """realdocs 33: "Mọi thông tin cần trao đổi, đề nghị các đơn vị liên hệ Cục Cảnh sát …"."""
    assert requests_in("Mọi thông tin cần trao đổi, đề nghị các đơn vị liên hệ Cục Cảnh sát điều tra") == []
    assert [r["units"] for r in requests_in("Đề nghị các đơn vị khẩn trương triển khai")] == ["các đơn vị"]


@pytest.mark.parametrize(
    ("text", "units"),
    [
        # realdocs 21: an own member, then "và"
        (
            "Các tổ chức chính trị - xã hội và tổ chức, đoàn thể có liên quan",
            ["Các tổ chức chính trị - xã hội", "các tổ chức, đoàn thể có liên quan"],
        ),
        # realdocs 19: one kind of body at two levels
        (
            "Trung tâm đào tạo nghề của tỉnh và các huyện, thị",
            ["Trung tâm đào tạo nghề của tỉnh", "Trung tâm đào tạo nghề của các huyện, thị"],
        ),
        ("Ủy ban nhân dân cấp tỉnh và cấp huyện", ["Ủy ban nhân dân cấp tỉnh", "Ủy ban nhân dân cấp huyện"]),
        ("Hội đồng nhân dân và Ủy ban nhân dân cấp xã", ["Hội đồng nhân dân và Ủy ban nhân dân cấp xã"]),
    ],
)
def test_lists_of_units(text, units):
    assert split_unit_list(text) == units


def test_a_group_named_by_its_sectors():
    """QĐ 22/2013: "phối hợp với các Bộ, ngành liên quan: Tài chính, Lao động - Thương binh và Xã hội" (R5)."""
    body = (
        "Chủ trì, phối hợp với các Bộ, ngành liên quan: Tài chính, Lao động - Thương binh và Xã hội hướng dẫn các tỉnh"
    )
    names = partner_names(body, SUPPORT.search(body))
    assert split_unit_list(names) == ["Bộ Tài chính", "Bộ Lao động - Thương binh và Xã hội"]


def test_kết_hợp_với_names_a_partner():
    assert SUPPORT.search("Sở Y tế kết hợp với Ban Chỉ đạo tỉnh tiến hành kiểm tra")["units"] == "Ban Chỉ đạo tỉnh"


@pytest.mark.parametrize(
    ("verb", "role"),
    [("chủ trì", "lead"), ("là đầu mối", "lead"), ("có trách nhiệm phối hợp", "support"), ("triển khai", "other")],
)
def test_the_role_a_subject_takes_from_its_verb(verb, role):
    assert subject_role(verb) == role


@pytest.mark.parametrize(
    ("name", "qualified"),
    [
        ("Phòng Lao động - Thương binh và Xã hội quận - huyện", "Phòng Lao động - Thương binh và Xã hội quận - huyện"),
        ("phòng Lao động - Thương binh và Xã hội cấp huyện", "Phòng Lao động - Thương binh và Xã hội cấp huyện"),
        ("Phòng Nghiệp vụ Y", "Phòng Nghiệp vụ Y - Sở Y tế"),
    ],
)
def test_a_department_named_by_its_level_is_not_the_issuers(name, qualified):
    assert canonical_name(name, "Sở Y tế") == qualified


def test_word_count_leaves_dashes_out():
    assert word_count("các đơn vị thuộc Sở Lao động - Thương binh và Xã hội") == 12


def test_an_assignment_in_the_middle_of_a_sentence():
    """A budget resolution (Phú Yên NQ 57/2016, /work/devdocs): "…, giao Ủy ban nhân dân tỉnh tiếp tục phân bổ …"."""
    body = "Đối với các khoản chưa phân bổ 1.015 tỷ đồng, giao Ủy ban nhân dân tỉnh tiếp tục phân bổ theo quy định"
    assert [m["units"] for m in GIVEN_IN_PASSING.finditer(body)] == ["Ủy ban nhân dân tỉnh"]
    assert not GIVEN_IN_PASSING.search("Giao Sở Tài chính chủ trì")  # at a sentence's start: ASSIGN


def test_a_duty_in_the_funding_part_is_work(tmp_path):
    """In a budget plan's funding part, "Các sở, ban, ngành … xây dựng dự toán" is work; "… chủ động bố trí kinh phí"
    tells bodies to pay (no record)."""
    path = tmp_path / "ngan_sach.txt"
    path.write_text(
        "ỦY BAN NHÂN DÂN TỈNH CÀ MAU\nKẾ HOẠCH\nTài chính - ngân sách nhà nước 03 năm 2026 - 2028\n"
        "I. DỰ TOÁN THU, CHI NGÂN SÁCH\n1. Các sở, ban, ngành tỉnh xây dựng dự toán chi thường xuyên theo định mức.\n"
        "2. Sở Tài chính tham mưu Ủy ban nhân dân tỉnh phân bổ dự toán cho các đơn vị.\n"
        "3. Ủy ban nhân dân các xã, phường chủ động bố trí kinh phí từ ngân sách địa phương.\n",
        encoding="utf-8",
    )
    roles = {(u.canonical_name, u.role) for u in vnplan.process(path).units}
    assert {("Các sở, ban, ngành tỉnh", "other"), ("Sở Tài chính", "other")} <= roles
    assert not any("xã, phường" in name for name, _ in roles)


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("Phòng Kê hoạch - Tài chính", "Phòng Kế hoạch - Tài chính - Sở Y tế"),  # OCR lost a tone mark
        ("Phòng Kế hoạch — Tài chính", "Phòng Kế hoạch - Tài chính - Sở Y tế"),  # realdocs 27: an em dash
        ("Sở Y tê", "Sở Y tế"),
        ("Sở Lao động – Thương binh và Xã hội", "Sở Lao động – Thương binh và Xã hội"),  # spelled right: as written
        ("Phòng KH-TC SYT", "Phòng Kế hoạch - Tài chính - Sở Y tế"),  # the issuer named by its abbreviation
    ],
)
def test_standard_names_read_through_noise_and_abbreviations(name, canonical):
    assert canonical_name(name, "Sở Y tế") == canonical


def test_trong_việc_ends_a_name():
    assert _trim_name("Sở Y tế trong việc") == "Sở Y tế"


def test_tham_mưu_in_running_text_assigns():
    clause = DUTY_CLAUSE.search("Sở Tài chính tham mưu Ủy ban nhân dân tỉnh bố trí kinh phí thực hiện.")
    assert (clause["units"], clause["verb"]) == ("Sở Tài chính", "tham mưu")


def test_a_plan_of_two_issuers(tmp_path):
    """A plan a Sở issues with its sector's trade union: the union is a body ("Công đoàn" heads its name), and the
    departments are the Sở's ("Phòng Nghiệp vụ Y - Sở Y tế", not "- Sở Y tế - Công đoàn …")."""
    assert _qualifier("Sở Y tế - Công đoàn ngành Y tế tỉnh Kiên Giang") == "Sở Y tế"
    assert _qualifier("Sở Khoa học và Công nghệ tỉnh Đồng Nai") == "Sở Khoa học và Công nghệ"
    assert split_unit_list("Sở Y tế, Công đoàn ngành Y tế") == ["Sở Y tế", "Công đoàn ngành Y tế"]
    assert split_unit_list("các Sở, Ban ngành") == ["các Sở, Ban ngành"]  # a stock group stays whole
    path = tmp_path / "lien_tich.txt"
    path.write_text(
        "SỞ Y TẾ - CÔNG ĐOÀN NGÀNH Y TẾ\nKẾ HOẠCH\nThực hiện bình đẳng giới năm 2017\nIV. TỔ CHỨC THỰC HIỆN\n"
        "1. Công đoàn ngành Y tế phối hợp với Sở Y tế hướng dẫn các đơn vị thực hiện Kế hoạch.\n"
        "2. Phòng Nghiệp vụ Y chủ trì theo dõi, tổng hợp kết quả.\n",
        encoding="utf-8",
    )
    roles = {(u.canonical_name, u.role) for u in vnplan.process(path).units}
    assert ("Công đoàn ngành Y tế", "lead") in roles or ("Công đoàn ngành Y tế", "support") in roles
    assert ("Phòng Nghiệp vụ Y - Sở Y tế", "lead") in roles


@pytest.mark.parametrize(
    ("line", "bodies"),
    [
        ("- Trưởng đoàn: Lãnh đạo Sở Nội vụ;", ["Sở Nội vụ"]),
        (
            "- Thành viên: đại diện Sở Tư pháp, Sở Tài chính, Văn phòng UBND tỉnh.",
            ["Sở Tư pháp, Sở Tài chính, Văn phòng UBND tỉnh"],
        ),
        ("- Chủ tịch Hội đồng: Ông Nguyễn Văn A, Phó Giám đốc Sở Tài chính;", ["Sở Tài chính"]),
        ("- Thư ký: 01 chuyên viên Văn phòng Sở.", ["Văn phòng Sở"]),
    ],
)
def test_the_members_of_a_council_or_team(line, bodies):
    found = MEMBER_LINE.match(line.strip(" -"))
    assert [m["units"] for m in MEMBER_BODY.finditer(found["rest"])] == bodies


def test_an_inspection_team_and_its_member_bodies(tmp_path):
    """An inspection plan's team: the bodies that send its members are asked to take part (other); the body a team is
    set up under ("do Sở Nội vụ chủ trì") leads; a recipient line "Thành viên Tổ …" is no member line."""
    path = tmp_path / "kiem_tra.txt"
    path.write_text(
        "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG\nKẾ HOẠCH\nKiểm tra công tác cải cách hành chính năm 2026\n"
        "III. TỔ CHỨC THỰC HIỆN\n1. Thành lập Đoàn kiểm tra do Sở Nội vụ chủ trì, thành phần gồm:\n"
        "- Trưởng đoàn: Lãnh đạo Sở Nội vụ;\n- Thành viên: đại diện Sở Tư pháp, Văn phòng Ủy ban nhân dân tỉnh.\n",
        encoding="utf-8",
    )
    roles = {(u.canonical_name, u.role) for u in vnplan.process(path).units}
    assert {("Sở Nội vụ", "lead"), ("Sở Tư pháp", "other"), ("Văn phòng Ủy ban nhân dân tỉnh", "other")} <= roles
    assert MEMBER_LINE.match("Thành viên Tổ CTLNTW (để thực hiện):") is None  # realdocs 33, Nơi nhận
    assert not SET_UP_UNDER.search("xác định các trường dữ liệu do cơ quan nhà nước chủ trì thu thập")  # realdocs 01


def test_a_department_known_by_its_number_is_named_with_the_bodies_above_it():
    """realdocs 33: "Giao Phòng 5, Cục Cảnh sát điều tra tội phạm về ma túy, Bộ Công an - đơn vị thường trực Tổ Công tác
    liên ngành trung ương chủ trì" (the dash lost by OCR) names one unit; the apposition is no part of its name."""
    names = split_unit_list(
        "Phòng 5, Cục Cảnh sát điều tra tội phạm về ma túy, Bộ Công an đơn vị thường trực Tổ Công tác liên ngành"
    )
    assert [_trim_name(n) for n in names] == ["Phòng 5 - Cục Cảnh sát điều tra tội phạm về ma túy - Bộ Công an"]
    # named departments after a comma are units of their own
    assert split_unit_list("Phòng Y tế, Trung tâm Y tế huyện, UBND các xã") == [
        "Phòng Y tế",
        "Trung tâm Y tế huyện",
        "UBND các xã",
    ]


def test_the_courts_of_the_city_and_of_its_areas():
    """realdocs 03: "Phối hợp chặt chẽ với Viện kiểm sát nhân dân thành phố, Tòa án nhân dân thành phố và các khu vực"."""
    assert split_unit_list("Tòa án nhân dân thành phố và các khu vực") == [
        "Tòa án nhân dân thành phố",
        "Tòa án nhân dân các khu vực",
    ]


def test_office_holders_listed_under_a_role_label(tmp_path):
    """realdocs 21: "2. Chủ trì thực hiện" / "- Tư lệnh các quân khu; Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực
    thuộc Trung ương." (each office-holder stands for the body; "Chủ trì thực hiện" labels the items below it)."""
    path = tmp_path / "plan.txt"
    path.write_text(
        "BAN CHỈ ĐẠO QUỐC GIA\nKẾ HOẠCH\nTìm kiếm, quy tập hài cốt liệt sĩ\nIV. KIỆN TOÀN BAN CHỈ ĐẠO CÁC CẤP\n"
        "1. Nội dung\n- Kiện toàn Ban Chỉ đạo các cấp.\n2. Chủ trì thực hiện\n- Bộ Quốc phòng.\n"
        "- Tư lệnh các quân khu; Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.\n",
        encoding="utf-8",
    )
    roles = {(u.canonical_name, u.role) for u in vnplan.process(path).units}
    assert {("Bộ Quốc phòng", "lead"), ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương", "lead")} <= roles


def test_a_subject_after_the_time_it_acts():
    """QĐ 22/2013 Điều 7: "1. Trong năm 2013, Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương phải thực hiện
    cơ bản xong …"."""
    item = "Trong năm 2013, Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương phải thực hiện cơ bản xong việc hỗ trợ"
    subject = ITEM_SUBJECT.match(item)
    assert _trim_name(subject["units"]) == "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"


def test_a_clause_after_the_colon_of_its_case():
    """Thông tư 40/2012/TT-BTC: "- Trường hợp bệnh nhân … tại các cơ sở khám bệnh …: Hội Chữ thập đỏ cấp tỉnh có trách
    nhiệm hợp đồng với các cơ sở khám bệnh …"."""
    clause = DUTY_CLAUSE.search(
        "- Trường hợp bệnh nhân được chỉ định tập phục hồi chức năng tại các cơ sở khám bệnh: Hội Chữ thập đỏ cấp tỉnh "
        "có trách nhiệm hợp đồng với các cơ sở khám bệnh"
    )
    assert clause["units"] == "Hội Chữ thập đỏ cấp tỉnh"


def test_a_later_sentence_of_a_task_item_names_its_doer(tmp_path):
    """realdocs 21: "6. Triển khai đồng bộ các giải pháp, … . Các địa phương rà soát, đánh giá lại tình hình …" (other);
    realdocs 01: "…; người dân và doanh nghiệp là trung tâm, là chủ thể tham gia …" names no body."""
    path = tmp_path / "plan.txt"
    path.write_text(
        "BAN CHỈ ĐẠO QUỐC GIA\nKẾ HOẠCH\nTìm kiếm, quy tập hài cốt liệt sĩ\nII. NHIỆM VỤ, GIẢI PHÁP\n"
        "6. Triển khai đồng bộ các giải pháp tìm kiếm ở trong nước. Các địa phương rà soát, đánh giá lại tình hình.\n"
        "7. Phát triển kinh tế số. Chính quyền tỉnh đóng vai trò kiến tạo; người dân và doanh nghiệp là trung tâm, là "
        "chủ thể tham gia và thụ hưởng.\n",
        encoding="utf-8",
    )
    roles = {(u.canonical_name, u.role) for u in vnplan.process(path).units}
    assert ("Các địa phương", "other") in roles
    assert not any(name.lower().startswith("người dân") for name, _ in roles)


def test_a_passive_verb_belongs_to_the_name():
    """ "Các cơ quan, đơn vị, địa phương được phân bổ danh mục và kế hoạch vốn …" names the bodies allocated the funds
    (as "được phân công"): the name does not end at "phân bổ"."""
    subject = SUBJECT.match(
        "Các cơ quan, đơn vị, địa phương được phân bổ danh mục và kế hoạch vốn triển khai thực hiện"
    )
    assert subject["units"].endswith("kế hoạch vốn")
