"""Wrapped lines re-joined in the seed fixtures, whatever format carried them."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import processed

import vnplan
from vnplan.normalize.layout import reflow
from vnplan.normalize.mapped import MappedText

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.mark.parametrize("fixture", ["seed002.pdf", "seed002.docx"])
def test_a_line_that_stops_on_a_preposition_goes_on(fixture: str) -> None:
    # The seed breaks its paragraph after "Đến" (the fixtures start a new paragraph there).
    lines = vnplan.process(FIXTURES / fixture).text.splitlines()
    assert "Năm 2017 đạt mức 2; Từ năm 2018 đến năm 2025 đạt tối thiểu mức 3; Đến 2030 đạt mức 4." in lines


def test_a_full_line_broken_after_a_comma_goes_on_into_a_name() -> None:
    pdf = vnplan.process(FIXTURES / "seed002.pdf").text
    assert "phối hợp chặt chẽ với các phòng, Ban liên quan trực thuộc Sở Y tế trong quá trình" in pdf
    assert "thông tin đại chúng, Báo Hòa Bình, Đài phát thanh" in processed("000").text


def test_a_page_number_next_to_a_page_break_is_dropped_even_when_ocr_missed_the_others() -> None:
    # Pages 9 and 10 of the seed002 scan as Tesseract reads them: the page number of page 10 sits
    # between the two halves of a sentence, and no other page number was read to make a run.
    pages = ["Trang đầu.\n"] * 8 + [
        "- Tăng cường nghiên cứu ứng dụng khoa học công nghệ, chuyển\n"
        "giao kĩ thuật hiện đại để phát triển lĩnh vực phòng bệnh, khám chữa\n",
        "10\nbệnh.\n",
        "3\nTrạm y tế xã Yên Đồng\n",  # not page 11's number: a table's row number, which stays
    ]
    text = reflow(MappedText.identity("\n\f\n".join(pages)), ocr=True).text.text
    assert "phòng bệnh, khám chữa bệnh.\n3\nTrạm y tế xã Yên Đồng" in text


def test_in_ocr_text_a_full_stop_before_a_line_in_lower_case_is_a_speck() -> None:
    # As Tesseract read the seed002 scan: a speck after "văn hóa" became a full stop.
    lines = (
        "- Xây dựng kế hoạch liên ngành phối hợp giữa y tế và văn hóa.\n"
        "thông tin truyền thông trên địa bàn huyện trong công tác truyền\n"
        "thông về y tế.\n"
        "- Các khoa/phòng thực hiện.\n"
    )
    ocr = reflow(MappedText.identity(lines), ocr=True).text.text
    assert ocr.splitlines() == [
        "- Xây dựng kế hoạch liên ngành phối hợp giữa y tế và văn hóa thông tin truyền thông trên địa bàn huyện "
        "trong công tác truyền thông về y tế.",
        "- Các khoa/phòng thực hiện.",
    ]
    # A text layer's full stops are the author's.
    assert reflow(MappedText.identity(lines)).text.text.splitlines()[0].endswith("văn hóa.")
