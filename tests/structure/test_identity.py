"""Document identity of every seed, as read from the documents."""

from __future__ import annotations

import pytest
from conftest import processed

import vnplan


def test_hoa_binh_identity():
    doc = processed("000").document
    assert doc.doc_type == "Kế hoạch"
    assert doc.issuer == "Sở Y tế tỉnh Hòa Bình"
    assert doc.issuer_parent == "UBND tỉnh Hòa Bình"  # a Sở belongs to its province's People's Committee
    assert doc.number is None and doc.issued_date is None  # the text carries neither
    assert doc.province.name == "Hòa Bình"
    assert (doc.period.start, doc.period.end) == (2024, 2024)  # a plan for 2024 of a 2023-2025 project
    refs = [(r.type, r.number, r.date) for r in doc.legal_basis]
    assert refs == [
        ("Nghị quyết", "18-NQ/TU", "2023-06-21"),
        ("Quyết định", "2913/QĐ-UBND", "2023-12-12"),
        ("Kế hoạch", "24/KH-UBND", "2024-02-02"),
    ]
    assert doc.legal_basis[0].issuer == "Ban Thường vụ Tỉnh ủy Hòa Bình"
    assert (doc.signer.title, doc.signer.name) == ("GIÁM ĐỐC", "Bùi Thu Hằng")
    signature = [s for s in processed("000").sections if s.part == "signature"]
    assert len(signature) == 1 and signature[0].provenance.text.endswith("Bùi Thu Hằng")
    assert doc.recipients[0] == "UBND tỉnh (để b/c)" and len(doc.recipients) == 6


def test_yen_lac_identity():
    doc = processed("002").document
    assert doc.issuer == "Trung tâm Y tế huyện Yên Lạc"
    assert doc.number is None and doc.number_text == "/KH-TTYT"  # left blank in the document
    assert (doc.place, doc.issued_date) == ("Yên Lạc", "2017")
    assert doc.province.name == "Vĩnh Phúc"
    assert [r.number for r in doc.legal_basis] == ["39/KH-SYT", "2977/KH-UBND", "03-NQ/TU"]
    assert doc.legal_basis[2].issuer == "Ban Chấp hành Đảng bộ tỉnh khóa XVI"
    assert doc.signer.title == "GIÁM ĐỐC" and doc.signer.name is None


def test_cam_thuy_identity():
    doc = processed("003").document
    assert doc.issuer == "UBND huyện Cẩm Thủy"
    assert (doc.place, doc.issued_date, doc.number_text) == ("Cẩm Thủy", "2022-02", "/KH-UBND")
    assert doc.title == "Triển khai thực hiện Chương trình nâng cao chất lượng y tế giai đoạn 2021 - 2025"
    assert (doc.period.start, doc.period.end) == (2021, 2025)
    assert [(r.number, r.date) for r in doc.legal_basis] == [("56-KH/HU", "2022-01-07")]
    assert (doc.signer.authority, doc.signer.title, doc.signer.name) == (
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Trần Đức Hùng",
    )


def test_thanh_hoa_identity():
    doc = processed("004").document
    assert doc.issuer == "Sở Y tế tỉnh Thanh Hóa"
    # Only the appendix caption "(kèm theo Kế hoạch số 132/KH-SYT ngày 14 tháng 10 năm 2023 …)" has them.
    assert (doc.number, doc.issued_date) == ("132/KH-SYT", "2023-10-14")
    assert (doc.period.start, doc.period.end, doc.period.horizon) == (2021, 2030, 2045)
    assert [r.number for r in doc.legal_basis] == ["153/QĐ-TTg", "72/KH-UBND"]
    assert (doc.signer.authority, doc.signer.title, doc.signer.name) == (
        "KT. GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
        "Nguyễn Bá Cán",
    )


def test_lai_chau_does_not_crash_and_says_it_is_damaged():
    plan = processed("001")
    assert plan.document.doc_type == "Kế hoạch"
    assert plan.document.text_quality.damage
    assert plan.sections


@pytest.mark.parametrize(
    ("number_line", "unread"),
    [
        ("Sóz?(/KH-SYT", True),  # realdocs 25: "2084" written by hand, read as marks
        ("Số:       /KH-SYT", False),  # a draft: the number is given at signing
        ("Số: 2084/KH-SYT", False),
    ],
)
def test_a_handwritten_number_read_as_marks_is_null_with_a_warning(tmp_path, number_line, unread):
    header = (
        "UBND TỈNH KIÊN GIANG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "SỞ Y TẾ\tĐộc lập - Tự do - Hạnh phúc\n"
        f"{number_line}\tKiên Giang, ngày 06 tháng 11 năm 2017\n"
        "KẾ HOẠCH\nKiểm tra, đánh giá chất lượng bệnh viện năm 2017\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n- Đánh giá thực trạng chất lượng bệnh viện.\n"
    )
    path = tmp_path / "kh2084.txt"
    path.write_text(header, encoding="utf-8")
    plan = vnplan.process(path)
    warned = [w for w in plan.warnings if w.code == "number_unread"]
    assert plan.document.number == (None if number_line != "Số: 2084/KH-SYT" else "2084/KH-SYT")
    assert bool(warned) is unread
    if unread:
        assert warned[0].provenance.text.startswith("Sóz?(")


def test_a_handwritten_day_read_as_marks_leaves_the_month_and_a_warning(tmp_path):
    # the header of realdocs 29 as OCR reads it: the day "29" was written in by hand
    header = (
        "UBND TỈNH KIÊN GIANG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "SỞ Y TẾ\tĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 359/KH-SYT\tKiên Giang, ngày ÈØ tháng 3 năm 2018\n"
        "KẾ HOẠCH\nTheo dõi tình hình thi hành pháp luật trong lĩnh vực y tế năm 2018\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n- Nắm bắt tình hình thi hành pháp luật.\n"
    )
    path = tmp_path / "kh359.txt"
    path.write_text(header, encoding="utf-8")
    plan = vnplan.process(path)
    assert (plan.document.place, plan.document.issued_date) == ("Kiên Giang", "2018-03")
    unread = [w for w in plan.warnings if w.code == "date_unread"]
    assert len(unread) == 1 and "day" in unread[0].message and unread[0].provenance.text.startswith("Kiên Giang")


@pytest.mark.parametrize(
    ("note", "issued_date"),
    [
        ("(Kèm theo Kế hoạch số /KH-UBND ngày /01/2026 của UBND tỉnh Lâm Đồng)", "2026-01"),
        # a note of another type of document, or of another year: the header's date stays
        ("(Kèm theo Quyết định số /QĐ-UBND ngày /01/2026 của UBND tỉnh Lâm Đồng)", "2026"),
        ("(Kèm theo Kế hoạch số /KH-UBND ngày 15/12/2025 của UBND tỉnh Lâm Đồng)", "2026"),
    ],
)
def test_a_draft_dated_in_part_takes_its_appendix_note_of_itself(tmp_path, note, issued_date):
    # realdocs 30 (a .docx draft) as `vnplan text` reads it: day and month of the header left blank, the
    # appendix under the signature noting the plan with its month
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\nSố: /KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nLâm Đồng, ngày tháng năm 2026\nKẾ HOẠCH\n"
        "Kiểm tra công tác cải cách hành chính năm 2026 trên địa bàn tỉnh Lâm Đồng\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\na) Kiểm tra, theo dõi, đôn đốc việc thực hiện các nhiệm vụ cải cách hành chính.\n"
        "PHÓ CHỦ TỊCH\nNguyễn Ngọc Phúc\nPhụ lục I\nTHỜI GIAN, ĐƠN VỊ ĐƯỢC KIỂM TRA\n"
        f"{note}\nSTT\tĐơn vị được kiểm tra\tThời gian kiểm tra\n"
    )
    path = tmp_path / "kh_lamdong.txt"
    path.write_text(text, encoding="utf-8")
    plan = vnplan.process(path)
    assert (plan.document.number, plan.document.issued_date) == (None, issued_date)
