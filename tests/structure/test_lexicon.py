"""The organisation lexicon (structure/data/organisations.json): one test per family of entries."""

from __future__ import annotations

import regex

from vnplan.structure.lexicon import organisations
from vnplan.structure.units import canonical_name, split_unit_list

HEAD = regex.compile(organisations().head_pattern(), regex.I)


def test_head_words_start_a_body_and_their_exceptions_do_not():
    for name in (
        "Sở Y tế",
        "Bộ Chỉ huy Quân sự tỉnh",
        "Ban Chỉ đạo quốc gia",
        "Hội Nông dân tỉnh",
        "UBND các xã",
        "Công an tỉnh",
        "Báo và Phát thanh, Truyền hình tỉnh",
        "Tổ thẩm định",
        "Thanh tra tỉnh",
    ):
        assert HEAD.match(name), name
    for phrase in (
        "Phòng, chống ma túy",
        "Hội nghị tổng kết",
        "Ban hành kế hoạch",
        "Đội ngũ giáo viên",
        "Khoa học và công nghệ",
        "Bộ tiêu chí chất lượng",
        "Báo cáo kết quả",
        # samples/text/08: a list of duties, not the inspectorate
        "Thanh tra, kiểm tra, xử lý theo thẩm quyền",
    ):
        assert not HEAD.match(phrase), phrase


def test_group_nouns_are_bodies_after_cac():
    for group in (
        "các cơ quan báo chí",
        "các đơn vị có liên quan",
        "các địa phương",
        "các doanh nghiệp viễn thông",
        "các quân khu",
        "các tổ chức chính trị - xã hội",
    ):
        assert HEAD.match(group), group
    assert not HEAD.match("đơn vị tính: triệu đồng")  # a group noun without "các" is no body


def test_abbreviations_expand_in_canonical_names():
    assert canonical_name("UBND các xã", None) == "Ủy ban nhân dân các xã"
    assert canonical_name("Sở KH&CN", None) == "Sở Khoa học và Công nghệ"
    assert canonical_name("Bộ CHQS tỉnh", None) == "Bộ Chỉ huy Quân sự tỉnh"
    assert canonical_name("Sở LĐ-TB&XH", None) == "Sở Lao động - Thương binh và Xã hội"
    assert canonical_name("BVĐK tỉnh", None) == "Bệnh viện đa khoa tỉnh"


def test_department_names_are_standardized():
    assert canonical_name("Phòng Kế hoạch Tài chính", None) == "Phòng Kế hoạch - Tài chính"
    assert canonical_name("phòng tổ chức hành chính", None) == "Phòng Tổ chức - Hành chính"


def test_lists_split_before_a_body_but_never_inside_a_stock_group():
    assert split_unit_list("Sở Tài chính, Sở Nội vụ, Công an tỉnh") == ["Sở Tài chính", "Sở Nội vụ", "Công an tỉnh"]
    assert split_unit_list("các Sở, Ban, ngành") == ["các Sở, Ban, ngành"]
    assert split_unit_list("các sở, ban, ngành, các cơ quan Trung ương đóng trên địa bàn, UBND các xã, phường") == [
        "các sở, ban, ngành",
        "các cơ quan Trung ương đóng trên địa bàn",
        "UBND các xã, phường",
    ]
    assert split_unit_list("Báo và Đài Phát thanh, Truyền hình Lâm Đồng") == [
        "Báo và Đài Phát thanh, Truyền hình Lâm Đồng"
    ]
    assert split_unit_list("Sở Văn hóa, Thể thao và Du lịch") == ["Sở Văn hóa, Thể thao và Du lịch"]


def test_a_member_of_another_kind_is_a_unit_of_its_own():
    """own_members: 07 Nghệ An "1. Các sở, ban, ngành, tổ chức chính trị - xã hội, Ủy ban nhân dân các xã, phường chịu
    trách nhiệm …"; 15 Hồ Chí Minh "8. Các sở, ban, ngành, đơn vị, tổ chức chính trị - xã hội, hội, đoàn thể …" (U4)."""
    assert split_unit_list("Các sở, ban, ngành, tổ chức chính trị - xã hội, Ủy ban nhân dân các xã, phường") == [
        "Các sở, ban, ngành",
        "các tổ chức chính trị - xã hội",
        "Ủy ban nhân dân các xã, phường",
    ]
    assert split_unit_list("Các sở, ban, ngành, đơn vị, tổ chức chính trị - xã hội, hội, đoàn thể") == [
        "Các sở, ban, ngành, đơn vị",
        "các tổ chức chính trị - xã hội",
        "các hội, đoàn thể",
    ]


def test_a_table_cell_names_kinds_of_body_as_running_text_does():
    # 07 Nghệ An, appendix: "Sở, ban, ngành, tổ chức chính trị - xã hội" and "các tổ chức chính trị-xã hội"
    assert canonical_name("Sở, ban, ngành", None) == "Các Sở, ban, ngành"
    assert canonical_name("tổ chức chính trị-xã hội", None) == "Các Tổ chức chính trị - xã hội"
    assert canonical_name("Sở Tài chính", None) == "Sở Tài chính"


def test_a_lost_separator_between_two_sở_in_a_cell():
    # 05 Hà Nội, appendix row 1: "Sở Khoa học và Công nghệ Sở Công Thương; UBND các phường, xã"
    assert split_unit_list("Sở Khoa học và Công nghệ Sở Công Thương; UBND các phường, xã") == [
        "Sở Khoa học và Công nghệ",
        "Sở Công Thương",
        "UBND các phường, xã",
    ]
    assert split_unit_list("Văn phòng Sở Y tế") == ["Văn phòng Sở Y tế"]


def test_heads_grown_from_the_legal_corpus():
    """Heads counted in the assignments of legal_phapdien (the lexicon's _comment gives the counts): a ministry's
    Vụ, port authorities, police forces, state groups, party committees; "Vụ trưởng", "vụ việc" are no bodies."""
    for name in (
        "Vụ Pháp chế, Bộ Y tế",
        "Cảng vụ Hàng hải Quảng Ninh",
        "Cảnh sát biển Việt Nam",
        "Tập đoàn Điện lực Việt Nam",
        "Đảng ủy xã",
        "Đồn Biên phòng cửa khẩu",
        "Thông tấn xã Việt Nam",
        "Chủ đầu tư có trách nhiệm",  # 19 Lai Châu: "chủ dự án chủ trì phối hợp với chính quyền địa phương"
        "chủ dự án chủ trì",
    ):
        assert HEAD.match(name), name
    for phrase in ("Vụ trưởng Vụ Pháp chế", "Vụ việc phức tạp", "Vụ án hình sự", "Vụ mùa năm 2026", "Cảnh sát viên"):
        assert not HEAD.match(phrase), phrase
