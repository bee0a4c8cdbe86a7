"""Scanned headers (odd realdocs): a number written in by hand is read again and kept only when two
readings agree, never replaced by a guess; a red receiving stamp beside the title is not read as
text (extract/number_line.py, extract/page_images.ink). Crops in tests/fixtures/ocr_header."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
import regex
from reader_support import fixture

from vnplan.extract.number_line import NUMBER_WORDS
from vnplan.pipeline import Options, run

NUMBER = regex.compile(r"^Số:\s*(\d+)\s*/")


@cache
def text(crop: Path) -> list[str]:
    """The lines of ``vnplan text`` on a crop: OCR, then normalization and OCR correction."""
    result = run(crop, Options(stop_after="normalize"))
    assert result.normalized is not None
    return result.normalized.text.splitlines()


@pytest.mark.parametrize(
    ("reading", "code"),
    [  # how tesseract -l vie read the handwritten numbers of realdocs 25, 27, 29 and 33
        ("Sóz?|/KH-SYT", "KH-SYT"),
        ("Số:-“455 /KH-SYT", "KH-SYT"),
        ("Số :352/KH-SYT", "KH-SYT"),
        ("Só:GOo` KH-TCTLNTW-C04", "KH-TCTLNTW-C04"),
    ],
)
def test_number_words_find_the_number_line_as_ocr_reads_it(reading: str, code: str) -> None:
    m = NUMBER_WORDS.match(reading)
    assert m is not None and m["code"] == code


@pytest.mark.parametrize("line", ["Số và ký hiệu HS:", "Số: 75/2021/NĐ-CP", "Sở Y tế Kiên Giang"])
def test_number_words_leave_other_lines(line: str) -> None:
    # a receiving stamp's field; a decree's number with its year (rewriting would drop the year)
    assert NUMBER_WORDS.match(line) is None


def test_a_handwritten_number_both_readings_agree_on_is_read() -> None:
    gold = fixture("ocr_gold/33_p1_header.txt").read_text(encoding="utf-8").splitlines()[2]  # "Số: 996 /KH-…"
    lines = [line.replace(" ", "") for line in text(fixture("ocr_header/33_p1_stamp_color.jpg"))]
    assert gold.replace(" ", "") in lines


def test_a_number_no_reading_is_sure_of_is_not_guessed() -> None:
    # realdocs 25 is KH 2084/KH-SYT; the two readings of the pen's "2084" disagree
    numbers = [m[1] for line in text(fixture("ocr_header/25_p1_number.jpg")) if (m := NUMBER.match(line))]
    assert set(numbers) <= {"2084"}


def test_a_red_receiving_stamp_is_not_read_into_the_header_and_title() -> None:
    lines = text(fixture("ocr_header/33_p1_stamp_color.jpg"))
    assert "KẾ HOẠCH" in lines  # the document type alone on its line, as the structure reads it
    assert not any("LÂM ĐỒNG" in line for line in lines)  # the stamp's receiving body is not the issuer
    assert lines[0] == "BỘ CÔNG AN" and lines[1].startswith("TỔ CÔNG TÁC LIÊN NGÀNH")
