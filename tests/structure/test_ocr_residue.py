"""Structure read through OCR residue: rules, specks and misread numbering a scan leaves in the text."""

from __future__ import annotations

from pathlib import Path

import vnplan


def test_a_dash_before_the_motto_is_a_rule_not_a_list_item(tmp_path: Path) -> None:
    # The header of the national decree scan in the shared samples, as Tesseract reads it: the
    # short rule under "CHÍNH PHỦ" comes out as a dash in front of the motto.
    path = tmp_path / "nghi_dinh.txt"
    path.write_text(
        "CHÍNH PHỦ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "— Độc lập - Tự do - Hạnh phúc\n"
        "Số: 75/2021/NĐ-CP Hà Nội, ngày 24 tháng 7 năm 2021\n"
        "NGHỊ ĐỊNH\n"
        "Quy định mức hưởng trợ cấp, phụ cấp và các chế độ ưu đãi người có công với cách mạng\n"
        "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;\n"
        "Chương I\n"
        "QUY ĐỊNH CHUNG\n",
        encoding="utf-8",
    )
    plan = vnplan.process(path)
    assert (plan.document.number, plan.document.issued_date) == ("75/2021/NĐ-CP", "2021-07-24")
    assert all(s.marker != "bullet" for s in plan.sections)
