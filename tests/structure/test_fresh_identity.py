"""Identity on documents the corpus does not hold: one family of layouts or fields per test.

Fixtures in tests/fixtures/devdocs/ (README there gives each one's source). Expected values were read
from the fixtures by hand.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import vnplan
from vnplan.schema.model import PlanDocument

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "devdocs"


@cache
def fresh(name: str) -> PlanDocument:
    return vnplan.process(FIXTURES / name)


def test_header_row_without_its_closing_pipe_is_read_as_cells():
    # "| Số: 5129/QĐ-UBND | TP. Hồ Chí Minh, ngày 26 tháng 11 năm 2008": a copy left off the closing pipe
    doc = fresh("qd5129_hcm_2008.md").document
    assert (doc.doc_type, doc.number, doc.issued_date) == ("Quyết định", "5129/QĐ-UBND", "2008-11-26")
    assert doc.issuer == "Ủy ban nhân dân thành phố Hồ Chí Minh" and doc.province.name == "Hồ Chí Minh"
    assert doc.place == "TP. Hồ Chí Minh"


def test_place_is_the_date_cell_not_the_cell_before_it():
    # "| Số: 2403/TTg-KGVX V/v … | Hà Nội, ngày 03 tháng 12 năm 2009 |"
    doc = fresh("cv2403_ttg_2009.md").document
    assert (doc.place, doc.issued_date) == ("Hà Nội", "2009-12-03")


def test_letter_without_type_line_is_a_cong_van():
    # no type line, no type code in the number ("TTg-KGVX", "BXD-QLN", "VPCP-KGVX"), a "V/v" subject
    for name, number, issuer in (
        ("cv2403_ttg_2009.md", "2403/TTg-KGVX", "Thủ tướng Chính phủ"),
        ("cv2214_bxd_2013.md", "2214/BXD-QLN", "Bộ Xây dựng"),
        ("cv3354_vpcp_2013.md", "3354/VPCP-KGVX", "Văn phòng Chính phủ"),
    ):
        doc = fresh(name).document
        assert (doc.doc_type, doc.number, doc.issuer) == ("Công văn", number, issuer), name
        assert doc.province is None, name  # national bodies have no province, whatever the letter names


def test_signature_cell_without_recipients():
    # no "Nơi nhận": the last cell of the body's last row is the signature
    doc = fresh("qd5129_hcm_2008.md").document
    signer = doc.signer
    assert (signer.authority, signer.title, signer.name) == (
        "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Nguyễn Thị Thu Hà",
    )
    signer = fresh("cv2403_ttg_2009.md").document.signer
    assert (signer.authority, signer.title, signer.name) == ("KT. THỦ TƯỚNG", "PHÓ THỦ TƯỚNG", "Nguyễn Sinh Hùng")


def test_signer_of_the_government_office():
    # "KT. BỘ TRƯỞNG, CHỦ NHIỆM / PHÓ CHỦ NHIỆM": the comma inside the authority is kept
    doc = fresh("cv3354_vpcp_2013.md").document
    assert (doc.signer.authority, doc.signer.title, doc.signer.name) == (
        "KT. BỘ TRƯỞNG, CHỦ NHIỆM",
        "PHÓ CHỦ NHIỆM",
        "Nguyễn Khắc Định",
    )
    assert doc.recipients[:2] == ["Như trên", "TTCP, các PTTg (để b/c)"]


def test_recipients_keep_names_with_a_dash():
    # "- Bộ Lao động - Thương binh và X ã hội;": items end in semicolons, so the inner dash opens none
    doc = fresh("qd1351_quangngai_excerpt.md").document
    assert doc.recipients == [
        "Như Điều 4",
        "Bộ Lao động - Thương binh và Xã hội",
        "Cục Kiểm soát TTHC - VPCP",
        "CT, các PCT UBND tỉnh",
        "VPUB: PCVP, KGVX, CBTH",
        "Lưu: VT, TTHC(htd)",
    ]
    assert (doc.signer.title, doc.signer.name) == ("CHỦ TỊCH", "Đặng Văn Minh")


def test_year_of_the_document_before_the_programme_it_serves():
    # "… KẾ HOẠCH VỐN NĂM 2023 THỰC HIỆN ĐỀ ÁN … GIAI ĐOẠN 2022-2025": 2023, not the Đề án's period
    doc = fresh("qd518_binhdinh_excerpt.md").document
    assert (doc.period.start, doc.period.end) == (2023, 2023)
    assert (doc.signer.authority, doc.signer.title, doc.signer.name) == (
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Lâm Hải Giang",
    )


def test_authority_line_names_the_issuer_a_header_leaves_out():
    # "QUYẾT ĐỊNH / về việc … / BỘ TRƯỞNG BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI / Căn cứ …" with no header above
    doc = fresh("qd1544_bldtbxh_excerpt.md").document
    assert doc.doc_type == "Quyết định"
    assert doc.title.startswith("về việc phê duyệt kế hoạch lựa chọn nhà thầu")  # not joined to the type line
    assert doc.issuer.lower() == "bộ lao động - thương binh và xã hội"
    assert doc.province is None  # a ministry: "tỉnh Bạc Liêu" in its subject is no province of its own
    assert len(doc.legal_basis) == 7  # each "Căn cứ …" line of the preamble kept apart


def test_signer_post_with_the_unit_it_heads():
    # "TL. BỘ TRƯỞNG / CỤC TRƯỞNG CỤC NGƯỜI CÓ CÔNG": signed for the minister by the head of a department
    doc = fresh("cv895_ldtbxh_2013.md").document
    assert (doc.signer.authority, doc.signer.title, doc.signer.name) == (
        "TL. BỘ TRƯỞNG",
        "CỤC TRƯỞNG CỤC NGƯỜI CÓ CÔNG",
        "Hoàng Công Thái",
    )
    # each part of a joined name opens in a capital; "xã hội" is no commune
    assert doc.issuer == "Bộ Lao động - Thương binh và xã hội"
    assert (doc.doc_type, doc.number, doc.province) == ("Công văn", "895/LĐTBXH-NCC", None)


def test_letter_subject_is_its_title_and_its_body_no_period():
    # "V/v Giải quyết chế độ ưu đãi …"; the body's "từ năm học 2010 - 2011 đến năm học 2014 - 2015" is the
    # period of the circular it explains, not the letter's
    doc = fresh("cv284_ldtbxh_2011.md").document
    assert doc.doc_type == "Công văn"
    assert doc.title.startswith("Giải quyết chế độ ưu đãi trong giáo dục đào tạo")
    assert doc.period is None
    assert (doc.signer.authority, doc.signer.title, doc.signer.name) == ("KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Bùi Hồng Lĩnh")


def test_resolution_of_the_national_assembly_read_by_ocr():
    # "QUOC HỘI CỘNG HÒA …" / "Nghị quyết số: 49/2017/QH14 Độc lập - Tự do - Hạnh phúc" / "NGHỊ QUYÉT": the body
    # without its marks, the number after the type, the type after the motto with its hat dropped; no place-date
    # line, so the date is the closing "… thông qua ngày 13 tháng 11 năm 2017"; the period is the title's year, not
    # the cited "kế hoạch tài chính 5 năm quốc gia giai đoạn 2016-2020"
    doc = fresh("id4_qh_nq49_excerpt.md").document
    assert (doc.doc_type, doc.number, doc.issuer, doc.issued_date) == (
        "Nghị quyết",
        "49/2017/QH14",
        "Quốc hội",
        "2017-11-13",
    )
    assert doc.province is None and (doc.period.start, doc.period.end) == (2018, 2018)


def test_an_earlier_years_estimate_adjusted_now_is_a_budget():
    # "Điều 2. Điều chỉnh dự toán ngân sách nhà nước năm 2017" in a resolution on the 2018 estimate
    amounts = {b.amount_text for b in fresh("id4_qh_nq49_excerpt.md").budgets}
    assert {"245,814 tỷ đồng", "77,66 tỷ đồng"} <= amounts


def test_party_bodies_number_and_name_themselves_their_own_way():
    # "BAN CHẤP HÀNH TRUNG ƯƠNG" / "ĐẢNG ĐOÀN QUỐC HỘI" / "Số 3260-KH/ĐĐQH15"
    doc = fresh("id4_ddqh_kh3260_excerpt.md").document
    assert (doc.number, doc.issuer, doc.issuer_parent) == (
        "3260-KH/ĐĐQH15",
        "Đảng đoàn Quốc hội",
        "Ban Chấp hành trung ương",
    )
    # "NGHỊ QUYẾT" / "CỦA BỘ CHÍNH TRỊ về …" under "BAN CHẤP HÀNH TRUNG ƯƠNG", "Số 57\-NQ/TW"
    doc = fresh("ob3_nq57_excerpt.md").document
    assert (doc.number, doc.issuer, doc.issuer_parent) == ("57-NQ/TW", "Bộ Chính trị", "Ban Chấp hành trung ương")
    assert doc.title.startswith("về đột phá phát triển khoa học") and doc.province is None


def test_copies_without_their_header_name_the_issuer_elsewhere():
    # the authority line in small letters ("Hội đồng nhân dân tỉnh tiền giang khóa vii - kỳ họp thứ 6")
    doc = fresh("st_tiengiang_nq_dutoan_excerpt.md").document
    assert (doc.issuer, doc.number, doc.issued_date) == ("Hội đồng nhân dân tỉnh Tiền Giang", None, None)
    # no header at all, signed "THỦ TƯỚNG Nguyễn Tấn Dũng"
    doc = fresh("u3_ct31_ttg_2012_excerpt.md").document
    assert (doc.issuer, doc.number, doc.issued_date, doc.province) == ("Thủ tướng Chính phủ", None, None, None)
    # the plan first, the header after it: the authority line under the title names the ministry
    doc = fresh("id4_qd1544_header_after_plan.md").document
    assert (doc.number, doc.issued_date, doc.province) == ("1544/QĐ-BLĐTBXH", "2024-09-26", None)
    assert doc.issuer.startswith("Bộ Lao động - Thương binh và")
