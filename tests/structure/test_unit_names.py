"""Names of bodies that hold duty words, and bodies a plan names short (issue 14 item 5), one test per family.

Sentences are quoted from odd realdocs (19 Lai Châu, 25/27/29 Kiên Giang, read in ../shared/realdocs); the plans are
small plans written the way those plans write them.
"""

from __future__ import annotations

from pathlib import Path

import regex

import vnplan
from vnplan.structure.units import ITEM_SUBJECT, SUBJECT, SUPPORT, body_key, canonical_name

REPO = Path(__file__).resolve().parents[2]


def units_of_subject(pattern: regex.Pattern[str], text: str) -> str | None:
    """The bodies ``pattern`` (SUBJECT or ITEM_SUBJECT) reads as the subject of ``text``; None when it reads none."""
    subject = pattern.match(text)
    return subject["units"] if subject else None


PLAN = """SỞ Y TẾ TỈNH KIÊN GIANG
KẾ HOẠCH
Kiểm tra, đánh giá chất lượng bệnh viện năm 2017
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
- Nâng cao chất lượng bệnh viện.
II. TỔ CHỨC THỰC HIỆN
{body}
"""


def units_of(tmp_path: Path, body: str) -> set[tuple[str, str]]:
    path = tmp_path / "plan.txt"
    path.write_text(PLAN.format(body=body), encoding="utf-8")
    return {(u.canonical_name, u.role) for u in vnplan.process(path).units}


def test_a_descriptive_name_runs_on_through_the_work_it_is_for():
    """descriptive_heads / purpose_words: 27 "Các thành viên Tổ công tác kiểm tra, đánh giá chất lượng bệnh viện
    triển khai …" (its members stand for it); 19 "Tổ chức làm nhiệm vụ bồi thường hỗ trợ và tái định cư phối hợp
    với UBND xã, phường, thị trấn …"; "Hội đồng thẩm định", "Đoàn kiểm tra" as legal texts write them."""
    assert (
        units_of_subject(
            SUBJECT,
            "Các thành viên Tổ công tác kiểm tra, đánh giá chất lượng bệnh viện triển khai và tiến hành khảo sát",
        )
        == "Tổ công tác kiểm tra, đánh giá chất lượng bệnh viện"
    )
    assert (
        units_of_subject(SUBJECT, "Tổ chức làm nhiệm vụ bồi thường hỗ trợ và tái định cư phối hợp với UBND xã, phường")
        == "Tổ chức làm nhiệm vụ bồi thường hỗ trợ và tái định cư"
    )
    assert (
        units_of_subject(
            SUBJECT, "Trung tâm đào tạo nghề của tỉnh và các huyện, thị có trách nhiệm tổ chức đào tạo nghề"
        )
        == "Trung tâm đào tạo nghề của tỉnh và các huyện, thị"
    )
    assert [m["units"] for m in SUPPORT.finditer("Sở Tài chính phối hợp với Hội đồng thẩm định giá đất kiểm tra")] == [
        "Hội đồng thẩm định giá đất"
    ]
    # the next duty verb ends the name: the work the body is for comes right after its head
    assert units_of_subject(SUBJECT, "Đoàn kiểm tra tiến hành kiểm tra tại đơn vị") == "Đoàn kiểm tra"
    assert units_of_subject(SUBJECT, "Ban Chỉ đạo các cấp kiểm tra, đôn đốc việc thực hiện") == "Ban Chỉ đạo các cấp"
    # a body whose head takes no such work still ends at its first duty verb
    assert units_of_subject(SUBJECT, "Sở Y tế kiểm tra, giám sát việc thực hiện") == "Sở Y tế"
    assert canonical_name("Các thành viên Tổ công tác kiểm tra", "Sở Y tế") == "Tổ công tác kiểm tra"


def test_a_quoted_name_is_kept_whole():
    """29 "Sở Y tế kết hợp với Ban Chỉ đạo “Đổi mới phong cách, thái độ phục vụ của cán bộ y tế hướng tới sự hài lòng
    của người bệnh tỉnh Kiên Giang” tiến hành kiểm tra" (written with "phối hợp" here: the scan's "kế hợp" is an OCR
    slip): the duty words inside the quotes are the name's."""
    text = (
        "Sở Y tế phối hợp với Ban Chỉ đạo “Đổi mới phong cách, thái độ phục vụ của cán bộ y tế hướng tới sự hài lòng "
        "của người bệnh tỉnh Kiên Giang” tiến hành kiểm tra"
    )
    assert [m["units"] for m in SUPPORT.finditer(text)] == [
        "Ban Chỉ đạo “Đổi mới phong cách, thái độ phục vụ của cán bộ y tế hướng tới sự hài lòng của người bệnh tỉnh "
        "Kiên Giang”"
    ]


def test_the_issuer_named_short_is_the_issuer():
    """25 "- Văn phòng Sở: …", "- Phòng Kế hoạch Tài chính Sở: …"; 29 "các đơn vị trực thuộc Sở": "Sở" in a Sở's
    plan is the issuing Sở (settled convention 2: its departments are qualified by it). A name that names other Sở
    is left as written."""
    assert canonical_name("Văn phòng Sở", "Sở Y tế") == "Văn phòng - Sở Y tế"
    assert canonical_name("Phòng Kế hoạch Tài chính Sở", "Sở Y tế") == "Phòng Kế hoạch - Tài chính - Sở Y tế"
    assert canonical_name("các đơn vị trực thuộc Sở", "Sở Y tế") == "Các đơn vị trực thuộc Sở Y tế"
    assert canonical_name("Các sở, cơ quan trực thuộc Sở", "Sở Y tế") == "Các sở, cơ quan trực thuộc Sở"
    # 27 "Giao phòng Kế hoạch – Tài chính Sở Y tế": a department before its issuer's full name is qualified the same way
    assert canonical_name("phòng Kế hoạch - Tài chính Sở Y tế", "Sở Y tế") == "Phòng Kế hoạch - Tài chính - Sở Y tế"
    assert canonical_name("Phòng Tài chính Sở Tài chính", "Sở Y tế") == "Phòng Tài chính Sở Tài chính"
    # a plan of the province's committee has no "Sở" of its own
    assert canonical_name("Văn phòng Sở", "Ủy ban nhân dân") == "Văn phòng Sở"


def test_a_department_listed_under_its_bodys_heading_is_told_to_act(tmp_path: Path):
    """25 "2. Sở Y tế:" / "- Phòng Nghiệp vụ Y: Làm đầu mối …" (lead: "đầu mối") / "- Văn phòng Sở: Đảm bảo hậu
    cần …" (other: a body other than the heading's, told to act, R5). Under a heading that names a group ("1. Các
    phòng chức năng", seed 001) the listed members lead."""
    units = units_of(
        tmp_path,
        "1. Các đơn vị:\n- Tổ chức tự kiểm tra, đánh giá.\n2. Sở Y tế:\n"
        "- Kiểm tra, đánh giá chất lượng bệnh viện tại các đơn vị theo kế hoạch.\n"
        "- Phòng Nghiệp vụ Y: Làm đầu mối thực hiện kiểm tra, đánh giá chất lượng bệnh viện tại các đơn vị.\n"
        "- Văn phòng Sở: Đảm bảo hậu cần cho Đoàn đi kiểm tra theo lịch.\n"
        "- Phòng Kế hoạch Tài chính Sở: Đảm bảo kinh phí cho Đoàn đi kiểm tra theo lịch.\n"
        "3. Các phòng chức năng\n- Phòng Tổ chức cán bộ: Tham mưu bố trí nhân lực.\n",
    )
    assert ("Phòng Nghiệp vụ Y - Sở Y tế", "lead") in units
    assert {("Văn phòng - Sở Y tế", "other"), ("Phòng Kế hoạch - Tài chính - Sở Y tế", "other")} <= units
    assert not {("Văn phòng - Sở Y tế", "lead"), ("Phòng Kế hoạch - Tài chính - Sở Y tế", "lead")} & units
    assert ("Phòng Tổ chức cán bộ - Sở Y tế", "lead") in units


def test_a_later_sentence_of_an_item_names_its_subject(tmp_path: Path):
    """27 "1. Kế hoạch này được tiến hành lồng ghép với Kế hoạch kiểm tra … . Các thành viên Tổ công tác kiểm tra, đánh
    giá chất lượng bệnh viện triển khai và tiến hành khảo sát theo nội dung kế hoạch.": the item's second sentence
    tells the team to act (other); a sentence that runs on past its subject's name gives no unit."""
    units = units_of(
        tmp_path,
        "1. Kế hoạch này được tiến hành lồng ghép với Kế hoạch kiểm tra, đánh giá chất lượng bệnh viện của Sở Y tế năm "
        "2017. Các thành viên Tổ công tác kiểm tra, đánh giá chất lượng bệnh viện triển khai và tiến hành khảo sát theo "
        "nội dung kế hoạch.\n"
        "2. Giao phòng Kế hoạch - Tài chính Sở Y tế là đầu mối tổng hợp, phân tích số liệu.\n",
    )
    assert ("Tổ công tác kiểm tra, đánh giá chất lượng bệnh viện", "other") in units
    assert ("Phòng Kế hoạch - Tài chính - Sở Y tế", "lead") in units


def test_a_numbered_item_that_only_asks_for_reports_makes_its_bodies_other(tmp_path: Path):
    """33 "4. Các đơn vị, địa phương báo cáo kết quả công tác phối hợp … gửi về Cục …": told only to report (R5 "Các
    đơn vị … báo cáo"), not to lead; an item whose subject builds and carries out leads (R5, 07/31)."""
    units = units_of(
        tmp_path,
        "1. Các sở, ban, ngành xây dựng kế hoạch triển khai thực hiện.\n"
        "2. Các đơn vị, địa phương báo cáo kết quả thực hiện kỳ 6 tháng, gửi về Sở Y tế.\n",
    )
    assert ("Các sở, ban, ngành", "lead") in units
    assert ("Các đơn vị, địa phương", "other") in units
    assert ("Các đơn vị, địa phương", "lead") not in units


def test_a_group_in_the_plans_territory_is_the_group():
    """31 "các cơ quan, đơn vị, địa phương trên địa bàn tỉnh" (IV.2) and "các cơ quan, đơn vị, địa phương" (closing
    paragraph); seed 002 "các Nhà trường đóng trên địa bàn" and "các nhà trường": one body written two ways (R5)."""
    assert body_key("Các cơ quan, đơn vị, địa phương trên địa bàn tỉnh") == body_key("Các cơ quan, đơn vị, địa phương")
    assert body_key("Các Nhà trường đóng trên địa bàn") == body_key("Các nhà trường")
    # a named body keeps its words
    assert body_key("Sở Y tế trên địa bàn tỉnh") != body_key("Sở Y tế")


def test_bodies_a_requested_body_directs_are_not_assigned(tmp_path: Path):
    """33 "2. Đề nghị lãnh đạo các đơn vị, địa phương quan tâm chỉ đạo các đơn vị có liên quan triển khai …": the plan
    asks the bodies (other, U1); whom they in turn direct is theirs to direct, no record. The issuer's own unit
    directing ("Sở Y tế: … chỉ đạo các trạm y tế …", settled convention 1) still names them."""
    units = units_of(
        tmp_path,
        "1. Sở Y tế:\n- Chỉ đạo các trạm y tế xã triển khai kế hoạch.\n"
        "2. Đề nghị lãnh đạo các đơn vị, địa phương quan tâm chỉ đạo các đơn vị có liên quan triển khai thực hiện Kế "
        "hoạch này.\n",
    )
    assert ("Các đơn vị, địa phương", "other") in units
    assert not any(name == "Các đơn vị có liên quan" for name, _ in units)
    assert ("Các trạm y tế xã", "other") in units


def test_a_place_after_its_kind_is_spelt_as_the_official_list_has_it():
    """PLACE_KINDS: seed 004's "UBND TP. Thành Hòa" is the city of Thanh Hóa (its gold: a slip; "Thành Hòa" is
    a commune, and no city); a stripped place ("tỉnh Lai Chau") likewise. Names the list has as written stay,
    and so do communes, whose letters alone rarely name one."""
    assert canonical_name("UBND TP. Thành Hòa", None) == "Ủy ban nhân dân thành phố Thanh Hóa"
    assert canonical_name("Sở Y tế tỉnh Lai Chau", None) == "Sở Y tế tỉnh Lai Châu"
    assert canonical_name("UBND huyện Tân Lac", None) == "Ủy ban nhân dân huyện Tân Lạc"
    for name in ("Ủy ban nhân dân huyện Cao Phong", "Ủy ban nhân dân xã Thành Hòa", "Ủy ban nhân dân tỉnh Thanh Hóa"):
        assert canonical_name(name, None) == name


def test_a_subject_ends_at_a_modal_and_never_runs_past_its_sentence():
    """29 (OCR text of page 2-3): "Các Phòng chức năng, các đơn vị trực thuộc Sở cần xem xét bố trí cán bộ kiêm nhiệm
    …": "cần" opens the duty; "- Các phòng chức năng, các đơn vị trực thuộc Sở Y tế. Báo cáo công tác theo dõi …": the
    next sentence's words are no part of the name, while "TP. Hồ Chí Minh" ends no sentence."""
    assert (
        units_of_subject(SUBJECT, "Các Phòng chức năng, các đơn vị trực thuộc Sở cần xem xét bố trí cán bộ kiêm nhiệm")
        == "Các Phòng chức năng, các đơn vị trực thuộc Sở"
    )
    assert not SUBJECT.match(
        "Các phòng chức năng, các đơn vị trực thuộc Sở Y tế. Báo cáo công tác theo dõi tình hình thi hành pháp luật"
    )
    assert (
        units_of_subject(SUBJECT, "Ủy ban nhân dân TP. Hồ Chí Minh chỉ đạo các sở, ngành")
        == "Ủy ban nhân dân TP. Hồ Chí Minh"
    )


def test_the_scope_a_legal_text_sets_between_subject_and_duty_is_no_part_of_the_name():
    """corpus/dev/sentences/qh-nq-bosung-kehoach-ktxh-2025.md (the Quốc hội's closing article): "…, các Đoàn đại
    biểu Quốc hội và đại biểu Quốc hội, trong phạm vi chức năng, nhiệm vụ, quyền hạn của mình, giám sát việc thực
    hiện Nghị quyết này"; the same formula as provincial plans write it, "theo chức năng, nhiệm vụ được giao"."""
    assert (
        units_of_subject(
            SUBJECT,
            "các Đoàn đại biểu Quốc hội và đại biểu Quốc hội, trong phạm vi chức năng, nhiệm vụ, quyền hạn của mình, "
            "giám sát việc thực hiện Nghị quyết này",
        )
        == "các Đoàn đại biểu Quốc hội và đại biểu Quốc hội"
    )
    subject = SUBJECT.match("Các sở, ngành, theo chức năng, nhiệm vụ được giao, chủ động triển khai Kế hoạch")
    assert subject and (subject["units"], subject["verb"]) == ("Các sở, ngành", "chủ động")


def test_a_long_heading_of_bodies_is_read_whole_and_each_body_points_at_its_name(tmp_path):
    """corpus/dev/tasktables-none (Đảng đoàn Quốc hội KH 3260, III.2): a numbered item of 40 words listing seven bodies;
    the section tree shortens its title for display ("… các Đoàn đại biểu Quốc …"), which must not cut a name, and each
    body's provenance is its own name, not the heading's first words."""
    source = REPO / "corpus" / "dev" / "tasktables-none" / "qh-kh3260-nq57-dang-doan-quoc-hoi-2025.md"
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    path = tmp_path / "plan.md"
    path.write_text("".join(lines[:12]) + "\n**III. TỔ CHỨC THỰC HIỆN**\n\n" + lines[140], encoding="utf-8")
    units = vnplan.process(path).units
    names = {u.canonical_name for u in units}
    assert not any("…" in name for name in names)
    assert {"Ủy ban Thường vụ Quốc hội", "Các Đoàn đại biểu Quốc hội", "Các đại biểu Quốc hội"} <= names
    assert all(u.provenance.text.lower() == u.name.lower() for u in units)


def test_giup_opens_a_duty_but_not_a_body_named_for_helping():
    """KH 3260 (corpus/dev/objectives3, III.3): "… các Đoàn đại biểu Quốc hội, Văn phòng Đảng đoàn Quốc hội giúp Đảng
    đoàn Quốc hội triển khai thực hiện Kế hoạch này"; "Tổ giúp việc", "Trung tâm Trợ giúp pháp lý" are names."""
    assert (
        units_of_subject(
            SUBJECT, "Văn phòng Đảng đoàn Quốc hội giúp Đảng đoàn Quốc hội triển khai thực hiện Kế hoạch này"
        )
        == "Văn phòng Đảng đoàn Quốc hội"
    )
    assert units_of_subject(SUBJECT, "Tổ công tác giúp việc tham mưu cho Ban Chỉ đạo") == "Tổ công tác giúp việc"
    assert (
        units_of_subject(SUBJECT, "Trung tâm Trợ giúp pháp lý nhà nước tỉnh phối hợp với Sở Tư pháp")
        == "Trung tâm Trợ giúp pháp lý nhà nước tỉnh"
    )


def test_lanh_dao_opens_a_party_bodys_duty():
    """NQ 57-NQ/TW (corpus/dev/objectives3, IV.3-4): "3. Ban cán sự đảng Chính phủ lãnh đạo, chỉ đạo xây dựng chương
    trình hành động …"; "4. Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội lãnh đạo, chỉ đạo …"."""
    assert (
        units_of_subject(ITEM_SUBJECT, "Ban cán sự đảng Chính phủ lãnh đạo, chỉ đạo xây dựng chương trình hành động")
        == "Ban cán sự đảng Chính phủ"
    )
    assert (
        units_of_subject(
            ITEM_SUBJECT,
            "Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội lãnh đạo, chỉ đạo xây dựng chương trình",
        )
        == "Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội"
    )
