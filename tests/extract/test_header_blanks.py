"""Blanks of a scanned header's number and date lines read again on their own (extract/blank_digits.py,
extract/date_line.py, extract/number_line.py): the day, month and number written or stamped into
the printed line are read with digits only, and kept only when the readings are consistent; a pen
entry Tesseract cannot read is left unread, never guessed. Crops of odd realdocs scans in
tests/fixtures/ocr_header (the values are read off the page images: README there)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import docx
import numpy as np
import pytest
import regex
from reader_support import fixture

from vnplan import process
from vnplan.extract.blank_digits import Char, blank_between, clean, decide
from vnplan.extract.date_line import DATE_CHARS, DATE_WORDS, PLACE_COMMA
from vnplan.pipeline import Options, run

DAY = range(1, 32)
DATE_LINE = regex.compile(r"ngày\s*(?P<day>.*?)\s*tháng\s*(?P<month>.*?)\s*năm\s*(?P<year>\d{4})")
NUMBER = regex.compile(r"^S\S{0,2}\s*:?\s*(?P<digits>\d+)\s*/")


@cache
def read(name: str) -> tuple[list[str], list[str]]:
    """The lines of ``vnplan text`` on a crop, and the reader's notes."""
    result = run(fixture(f"ocr_header/{name}"), Options(stop_after="normalize"))
    assert result.normalized is not None and result.extracted is not None
    return result.normalized.text.splitlines(), [w.message for w in result.extracted.warnings]


def date_parts(lines: list[str]) -> dict[str, str]:
    m = next(m for line in lines if (m := DATE_LINE.search(line)))
    return {"day": m["day"], "month": m["month"], "year": m["year"]}


def numbers(lines: list[str]) -> set[str]:
    return {m["digits"] for line in lines if (m := NUMBER.match(line))}


def day(digits: str) -> bool:
    return int(digits) in DAY


@pytest.mark.parametrize(
    ("readings", "glyphs", "value"),
    [
        (["7", "7", "17", "", "7", "17", "17", "7"], 2, "17"),  # realdocs 27's day: the "1" lost by some readings
        (["06"] * 8, 2, "06"),
        (["17", "12", "17", "17"], 2, None),  # two values: neither is taken
        (["4", "4", "4", "4"], 2, None),  # two glyphs read as one digit ("24" read "4")
        (["44", "44", "44"], 2, None),  # no day
        (["24", "", "4", "6", "", ""], 2, None),  # read once: not agreement
        (["9961"] * 3, 3, None),  # a slash in the crop read as a digit: one digit too many
    ],
)
def test_a_reading_is_taken_only_when_consistent(readings: list[str], glyphs: int, value: str | None) -> None:
    assert decide(readings, glyphs, day) == value


def _page(width: int = 200, height: int = 120) -> np.ndarray:
    return np.full((height, width), 250, dtype=np.uint8)


def test_cleaning_counts_glyphs_and_drops_a_colon_and_a_rule() -> None:
    pixels = _page()
    pixels[30:35, 10:15] = pixels[50:55, 10:15] = 20  # a colon's dots
    pixels[30:80, 60:90] = pixels[30:80, 110:140] = 20  # two digits' worth of ink
    pixels[100:103, :] = 20  # a rule drawn across the blank
    image, glyphs, sliver = clean(pixels, line_height=60)
    assert (glyphs, sliver) == (2, False)
    assert image.width == 80  # cut to the digits: the colon is gone


def test_a_blank_holding_only_a_colon_holds_nothing() -> None:
    pixels = _page()
    pixels[30:35, 10:15] = pixels[50:55, 10:15] = 20
    assert clean(pixels, line_height=60)[1] == 0


def test_a_piece_of_the_printed_letter_at_the_side_is_a_sliver() -> None:
    pixels = _page()
    pixels[30:80, 60:90] = pixels[30:80, 110:140] = 20
    pixels[25:85, 0:5] = 20  # the stem of the letter before the blank, cut by the crop
    assert clean(pixels, line_height=60)[2] is True


def _chars(text: str, widths: dict[int, int] | None = None) -> list[Char]:
    chars, x = [], 0
    for k, ch in enumerate(text):
        width = (widths or {}).get(k, 25)
        chars.append(Char(ch, x, x + width))
        x += width + 5
    return chars


def test_the_blank_lies_between_the_printed_words() -> None:
    chars = _chars("ngàyÍTtháng11năm2017")  # realdocs 27: "ngày 17tháng 11 năm 2017"
    assert blank_between(chars, DATE_CHARS, "day_word", "month_word") == (chars[3].right, chars[6].left)


def test_a_letter_that_took_in_the_entry_is_cut_back_to_a_letters_width() -> None:
    chars = _chars("ngàyÍtháng11năm2017", {5: 60})  # "t" read across the pen's "7"
    assert blank_between(chars, DATE_CHARS, "day_word", "month_word") == (chars[3].right, chars[6].left - 25)


def test_no_blank_between_words_that_touch() -> None:
    assert blank_between(_chars("ngàythángnăm2017"), DATE_CHARS, "day_word", "month_word") is None


@pytest.mark.parametrize(
    "line",
    ["Kiên Giang, ngày Í ?tháng 1] năm 2017", "Hà Nội, ngày44tháng Q@năm 2026", "Yên Lạc,ngày tháng năm 2017"],
)
def test_the_date_line_is_found_as_ocr_reads_it(line: str) -> None:
    assert DATE_WORDS.search(line) and PLACE_COMMA.search(line)


def test_a_date_cited_in_the_preamble_is_no_date_line() -> None:
    assert PLACE_COMMA.search("Căn cứ Quyết định số 4969/QĐ-BYT ngày 01 tháng 11 năm 2017 của Bộ Y tế") is None


def test_a_printed_month_the_page_misread_is_read_again() -> None:
    # realdocs 27 prints "tháng 11" in italics; the page's OCR reads "tháng 1]"
    lines, notes = read("27_p1_date.jpg")
    assert date_parts(lines)["month"] == "11"
    assert any("month of the date line read again" in note for note in notes)


@pytest.mark.parametrize(
    ("crop", "day", "month", "number"),
    [  # what the pages show (written by hand: 27's day and number, 29's day, 33's number, day and month)
        ("27_p1_date.jpg", "17", "11", "2155"),
        ("29_p1_date.jpg", "29", "3", "359"),
        ("33_p1_stamp_color.jpg", "24", "02", "996"),
        ("25_p1_number.jpg", "06", "11", "2084"),
    ],
)
def test_a_handwritten_entry_is_read_right_or_left_unread(crop: str, day: str, month: str, number: str) -> None:
    lines, _ = read(crop)
    parts = date_parts(lines)
    assert parts["day"] in (day, "") or not parts["day"].isdigit()
    assert parts["month"] in (month, "") or not parts["month"].isdigit()
    assert numbers(lines) <= {number}


def test_a_blank_left_unread_is_said_with_its_readings() -> None:
    _, notes = read("33_p1_stamp_color.jpg")  # the marker's "02" reads as nothing at all
    assert any(note.startswith("page 1: the month of the date line") and "not read for sure" in note for note in notes)


def test_a_draft_with_its_number_and_day_left_blank_gets_no_invented_value(tmp_path: Path) -> None:
    document = docx.Document()
    header = document.add_table(rows=2, cols=2)
    header.cell(0, 0).text = "ỦY BAN NHÂN DÂN\nHUYỆN CẨM THỦY"
    header.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    header.cell(1, 0).text = "Số:       /KH-UBND"
    header.cell(1, 1).text = "Cẩm Thủy, ngày      tháng 02 năm 2022"
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Phòng chống dịch bệnh năm 2022")
    path = tmp_path / "draft.docx"
    document.save(path)
    plan = process(path)
    assert plan.document.number is None and plan.document.number_text == "/KH-UBND"
    assert plan.document.issued_date == "2022-02"  # what is printed: month and year
    assert not plan.warnings  # a blank left for the signing is no unread entry
