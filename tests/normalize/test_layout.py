"""Wrapped lines re-joined in the seed fixtures, whatever format carried them."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import processed

import vnplan

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
