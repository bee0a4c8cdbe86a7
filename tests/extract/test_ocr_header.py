"""The two-column national header of a real scan (realdocs 24, Sở Y tế Kiên Giang 2017): the issuing
body's column is read before the national motto's, and the number line and the place-and-date line
come out whole. What the page prints is in its hand transcription (tests/fixtures/ocr_gold)."""

from __future__ import annotations

from functools import cache

from reader_support import fixture, syllables

from vnplan.pipeline import Options, run

CROP = fixture("ocr_gold/24_p1_header.jpg")
PRINTED = CROP.with_suffix(".txt").read_text(encoding="utf-8").splitlines()
NUMBER, PLACE_DATE = PRINTED[2], PRINTED[5]  # left column's third line, right column's third


@cache
def text() -> list[str]:
    """The lines of ``vnplan text`` on the crop: OCR, then normalization and OCR correction."""
    result = run(CROP, Options(stop_after="normalize"))
    assert result.normalized is not None
    return result.normalized.text.splitlines()


def test_the_transcription_has_the_lines_this_test_reads() -> None:
    assert NUMBER.startswith("Số:") and ", ngày " in PLACE_DATE


def test_number_and_place_date_lines_come_out_intact() -> None:
    lines = text()
    assert NUMBER in lines
    assert PLACE_DATE in lines


def test_left_column_is_read_before_the_right_one() -> None:
    # issuer, its parent body, number | republic, motto, place and date; the motto's dashes vary in print
    assert [syllables(line) for line in text()[:6]] == [syllables(line) for line in PRINTED[:6]]
