"""Markdown of web copies: soft line breaks inside paragraphs, and tables flattened between bare '|' lines."""

from __future__ import annotations

from vnplan.normalize.mapped import MappedText
from vnplan.normalize.markdown import strip_markdown


def _text(markdown: str) -> str:
    return strip_markdown(MappedText.identity(markdown))[0].text


def test_a_wrapped_paragraph_is_one_line_but_items_and_headings_keep_theirs():
    text = _text(
        "*Căn cứ Nghị quyết số\n57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;*\n\n"
        "**VI. TỔ CHỨC\nTHỰC HIỆN**\n\n**1. Sở\nKhoa học và Công nghệ**\n\n"
        "a) Chủ trì, tham mưu\nhoàn thiện thể chế.\nb) Xây dựng cơ sở dữ liệu.\n"
    )
    lines = [line for line in text.split("\n") if line.strip()]
    assert lines[0] == "Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;"
    assert lines[1] == "VI. TỔ CHỨC THỰC HIỆN"
    assert lines[2] == "1. Sở Khoa học và Công nghệ"
    assert lines[3] == "a) Chủ trì, tham mưu hoàn thiện thể chế."
    assert lines[4] == "b) Xây dựng cơ sở dữ liệu."


def test_a_signature_block_in_capitals_keeps_its_lines():
    text = _text("Nơi nhận và lưu.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nBùi Minh Thạnh\n")
    assert "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nBùi Minh Thạnh" in text


def test_a_table_flattened_between_bars_becomes_tab_rows():
    markdown = (
        "|\n**TT**\n|\n**Nội dung thực\nhiện**\n|\n**Cơ quan chủ trì**\n|\n**Thời gian**\n|\n|\n"
        "1\n|\nTổ chức lại Ban Chỉ huy\n|\nBộ CHQS tỉnh\n|\nTrước ngày 30/11/2025\n|\n\nĐoạn văn sau bảng.\n"
    )
    rows = [line for line in _text(markdown).split("\n") if line.strip()]
    assert rows[0].split("\t") == ["TT", "Nội dung thực hiện", "Cơ quan chủ trì", "Thời gian"]
    assert rows[1].split("\t") == ["1", "Tổ chức lại Ban Chỉ huy", "Bộ CHQS tỉnh", "Trước ngày 30/11/2025"]
    assert rows[2] == "Đoạn văn sau bảng."


def test_a_two_column_header_block_is_no_table():
    markdown = (
        "|\n**ỦY BAN NHÂN DÂN**\nTỈNH BẮC NINH\n|\n**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\n|\n|\nSố: 144/KH-UBND\n|\n"
    )
    assert "\t" not in _text(markdown)
